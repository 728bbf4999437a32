use clap::Parser;
use std::process::ExitCode;
use wxdev::cli::Cli;
use wxdev::{commands, error, output};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.global.json;
    output::init(cli.global.color);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => return error::report(&anyhow::Error::new(e).context("cannot start the async runtime"), json),
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(code) => code,
        Err(err) => error::report(&err, json),
    }
}
