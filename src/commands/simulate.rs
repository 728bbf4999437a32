use crate::cli::{GlobalArgs, SimulateArgs};
use std::process::ExitCode;
pub async fn run(_global: &GlobalArgs, _args: SimulateArgs) -> anyhow::Result<ExitCode> {
    todo!()
}
