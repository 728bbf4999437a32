use crate::cli::{GlobalArgs, VerifyArgs};
use std::process::ExitCode;
pub async fn run(_global: &GlobalArgs, _args: VerifyArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
