use crate::cli::{GlobalArgs, ServeArgs};
use std::process::ExitCode;
pub async fn run(_global: &GlobalArgs, _args: ServeArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
