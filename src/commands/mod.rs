//! One file per command: orchestration and output. The single dispatch is here.

pub mod api;
pub mod check;
pub mod completions;
pub mod decrypt;
pub mod encrypt;
pub mod jssdk;
pub mod media;
pub mod menu;
pub mod mock_api;
pub mod oauth;
pub mod phone;
pub mod proxy;
pub mod record;
pub mod replay;
pub mod serve;
pub mod sign;
pub mod simulate;
pub mod simulate_load;
pub mod simulate_menu;
pub mod token;
pub mod token_serve;
pub mod verify;

use crate::cli::{Cli, Command, TokenCommand};
use std::process::ExitCode;

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = cli.global;
    match cli.command {
        Command::Sign(args) => sign::run(&global, args),
        Command::Verify(args) => verify::run(&global, args).await,
        Command::Simulate(args) => simulate::run(&global, args).await,
        Command::Check(args) => check::run(&global, args).await,
        Command::Serve(args) => serve::run(&global, args).await,
        Command::Record(args) => record::run(&global, args).await,
        Command::Replay(args) => replay::run(&global, args).await,
        Command::Decrypt(args) => decrypt::run(&global, args),
        Command::Encrypt(args) => encrypt::run(&global, args),
        Command::Token(mut args) => match args.command.take() {
            Some(TokenCommand::Serve(serve)) => token_serve::run(&global, serve).await,
            None => token::run(&global, args).await,
        },
        Command::Media(command) => media::run(&global, command).await,
        Command::Api(args) => api::run(&global, args).await,
        Command::Menu(command) => menu::run(&global, command).await,
        Command::Proxy(args) => proxy::run(&global, args).await,
        Command::MockApi(args) => mock_api::run(&global, args).await,
        Command::Phone(args) => phone::run(&global, args).await,
        Command::Completions(args) => completions::run(args),
        Command::Jssdk(command) => jssdk::run(&global, command).await,
        Command::Oauth(command) => oauth::run(&global, command).await,
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

/// A command's input: the named file, or stdin for `-` or no argument. With no
/// argument and a terminal on stdin, nothing would ever arrive, so that is an error.
pub fn read_input(path: Option<&std::path::Path>) -> Result<String, crate::error::CliError> {
    use crate::error::{io_reason, CliError};
    use std::io::{IsTerminal, Read};
    let (bytes, name) = match path.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| CliError::usage(format!("cannot read {}: {}", path.display(), io_reason(&e))))?;
            (bytes, path.display().to_string())
        }
        None => {
            if path.is_none() && std::io::stdin().is_terminal() {
                return Err(CliError::usage("no input: give a FILE or pipe it into stdin")
                    .hint("use - to type or paste it here (end with Ctrl-D)"));
            }
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| CliError::usage(format!("cannot read stdin: {}", io_reason(&e))))?;
            (bytes, "stdin".to_owned())
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        CliError::usage(format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
    })
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
