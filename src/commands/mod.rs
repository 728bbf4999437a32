//! One file per command: orchestration and output. The single dispatch is here.

pub mod completions;
pub mod serve;
pub mod sign;
pub mod simulate;
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

/// The timestamp and nonce to sign with: the given ones, else now and fresh random digits.
pub fn timestamp_and_nonce(
    timestamp: Option<String>,
    nonce: Option<String>,
) -> Result<(String, String), crate::error::CliError> {
    use crate::wechat::signature::{fresh_nonce, now_timestamp};
    let timestamp = timestamp.unwrap_or_else(now_timestamp);
    let nonce = nonce.unwrap_or_else(fresh_nonce);
    for (name, value) in [("timestamp", &timestamp), ("nonce", &nonce)] {
        if value.is_empty() {
            return Err(crate::error::CliError::usage(format!("--{name} is empty")));
        }
    }
    Ok((timestamp, nonce))
}
