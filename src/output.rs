//! Output decisions made once: colour, JSON, and the shapes of human lines.

use colored::Colorize;
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Decides colour once for the whole run. Auto colours only a terminal, and
/// never when NO_COLOR is set to anything non-empty or TERM is dumb.
pub fn init(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    };
    colored::control::set_override(on);
}

/// Whether colour is on for this run.
pub fn color_enabled() -> bool {
    colored::control::SHOULD_COLORIZE.should_colorize()
}

/// Prints one JSON object and a newline on stdout.
pub fn print_json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer(&mut stdout, value)?;
    stdout.write_all(b"\n")?;
    stdout.flush()?;
    Ok(())
}

pub fn print_error(message: &str, hint: Option<&str>) {
    eprintln!("{} {message}", "error:".red().bold());
    if let Some(hint) = hint {
        eprintln!("  {} {hint}", "hint:".cyan());
    }
}

pub fn warn(message: &str) {
    eprintln!("{} {message}", "warning:".yellow().bold());
}

/// "✓ ok" / "✗ …" style status marks.
pub fn pass_mark() -> colored::ColoredString {
    "✓".green().bold()
}

pub fn fail_mark() -> colored::ColoredString {
    "✗".red().bold()
}

pub fn warn_mark() -> colored::ColoredString {
    "!".yellow().bold()
}
