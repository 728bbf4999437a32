//! One file per command: orchestration and output. The single dispatch is here.

pub mod completions;
pub mod media;
pub mod mock_api;
pub mod serve;
pub mod sign;
pub mod simulate;
pub mod token;
pub mod verify;

use crate::cli::{Cli, Command};
use std::process::ExitCode;

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = cli.global;
    match cli.command {
        Command::Sign(args) => sign::run(&global, args),
        Command::Verify(args) => verify::run(&global, args).await,
        Command::Simulate(args) => simulate::run(&global, args).await,
        Command::Serve(args) => serve::run(&global, args).await,
        Command::Token(args) => token::run(&global, args).await,
        Command::Media(command) => media::run(&global, command).await,
        Command::MockApi(args) => mock_api::run(&global, args).await,
        Command::Completions(args) => completions::run(args),
    }
}

/// Exit code 1: the answer is no.
pub fn exit_no() -> ExitCode {
    ExitCode::from(crate::error::EXIT_NO)
}

/// Exit code 0 or 1 from a yes/no answer.
pub fn exit_for(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        exit_no()
    }
}
