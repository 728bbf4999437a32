//! Errors at the command-line edge and their exit codes.
//!
//! 0 success; 1 the answer is "no" (a check failed, WeChat would reject, the
//! peer could not be reached or answered an error); 2 wxdev was used wrongly.

use std::fmt;
use std::process::ExitCode;

/// Exit code: the answer is no.
pub const EXIT_NO: u8 = 1;
/// Exit code: wrong usage, settings or local input.
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Wrong usage, a missing or invalid setting, unreadable local input: exit 2.
    Usage,
    /// The peer failed or answered an error: exit 1.
    Failed,
}

/// An error for a person: one line, and a hint where one helps.
#[derive(Debug, Clone)]
pub struct CliError {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
    /// More keys for the `--json` error object (e.g. WeChat's errcode and errmsg).
    pub details: Vec<(String, serde_json::Value)>,
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> Self {
        CliError { kind: ErrorKind::Usage, message: message.into(), hint: None, details: Vec::new() }
    }

    pub fn failed(message: impl Into<String>) -> Self {
        CliError { kind: ErrorKind::Failed, message: message.into(), hint: None, details: Vec::new() }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a key to the `--json` error object.
    pub fn detail(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.details.push((key.to_owned(), value.into()));
        self
    }

    pub fn exit_code(&self) -> u8 {
        match self.kind {
            ErrorKind::Usage => EXIT_USAGE,
            ErrorKind::Failed => EXIT_NO,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

/// The exit code for any error: a `CliError` anywhere in the chain decides,
/// a broken pipe is success (the reader went away), anything else is 1.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if let Some(cli) = cause.downcast_ref::<CliError>() {
            return cli.exit_code();
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return 0;
            }
        }
    }
    EXIT_NO
}

/// Prints the error on stderr (and, with --json, as one object on stdout) and picks the exit code.
pub fn report(err: &anyhow::Error, json: bool) -> ExitCode {
    let code = exit_code(err);
    if code == 0 {
        return ExitCode::SUCCESS;
    }
    let cli = err.chain().find_map(|c| c.downcast_ref::<CliError>());
    let hint = cli.and_then(|c| c.hint.clone());
    crate::output::print_error(&format!("{err:#}"), hint.as_deref());
    if json {
        let mut object = serde_json::json!({ "ok": false, "error": format!("{err:#}"), "hint": hint });
        if let (Some(cli), Some(map)) = (cli, object.as_object_mut()) {
            map.extend(cli.details.iter().cloned());
        }
        println!("{object}");
    }
    ExitCode::from(code)
}

pub use crate::client::io_reason;

impl From<crate::http::server::BindError> for CliError {
    fn from(err: crate::http::server::BindError) -> Self {
        CliError::usage(err.to_string()).hint(err.hint())
    }
}
