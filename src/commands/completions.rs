//! `wxdev completions SHELL`: the completion script on stdout.

use crate::cli::{Cli, CompletionsArgs};
use clap::CommandFactory;
use std::process::ExitCode;

pub fn run(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut Cli::command(), "wxdev", &mut out);
    Ok(ExitCode::SUCCESS)
}

/// The script for one shell, as `completions` prints it.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "wxdev", &mut buf);
    buf
}
