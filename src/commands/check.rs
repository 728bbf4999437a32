//! `wxdev check [URL]`: runs the battery of [`crate::simulator::check`] against
//! an endpoint and prints a scorecard (or one JSON object); exit 1 when a check fails.

use crate::cli::{CheckArgs, GlobalArgs, Mode, SimulateOptions};
use crate::config::{parse_endpoint, Settings, TokenSource, DEFAULT_URL};
use crate::error::CliError;
use crate::output::{self, fail_mark, pass_mark, warn_mark};
use crate::simulator::check::{self, name_matches, CheckConfig, CheckResult, Report, Status, CHECK_NAMES};
use crate::simulator::Simulator;
use crate::wechat::reply::shorten;
use crate::wechat::text::escape_control;
use anyhow::Context;
use clap::Parser;
use colored::Colorize;
use std::process::ExitCode;
use std::time::Duration;

pub async fn run(global: &GlobalArgs, args: CheckArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let selected = select(&args.only, &args.skip)?;
    let url = match args.target.as_deref().or(settings.url.as_deref()) {
        Some(target) => parse_endpoint(target)?,
        None => {
            output::warn(&format!("no URL given: checking {DEFAULT_URL}, where wxdev serve listens by default"));
            parse_endpoint(DEFAULT_URL)?
        }
    };
    let (token, source_of_token) = settings.token_or_dev();
    if source_of_token == TokenSource::DevelopmentDefault {
        output::warn(&format!(
            "no token configured (--token / WXDEV_TOKEN): signing with the development token {token:?}, as wxdev serve does by default"
        ));
    }
    // With an EncodingAESKey and no --mode, plain mode and then safe mode: an
    // endpoint serves both, and each has its own ways to go wrong.
    let modes = match args.mode {
        None if settings.aes_key.is_some() => vec![Some(Mode::Plain), Some(Mode::Safe)],
        mode => vec![mode],
    };
    let deadline = Duration::from_secs_f64(args.timeout);
    // The envelope simulate uses by default.
    let defaults = SimulateDefaults::parse_from(["defaults"]).options;
    let mut reports = Vec::new();
    for mode in modes {
        let wire = super::simulate::resolve_wire(&settings, mode)?;
        let client = crate::client::transport::client(deadline).context("cannot build the HTTP client")?;
        let simulator = Simulator::new(client, url.clone(), token.to_owned(), wire, deadline);
        if !global.json {
            let mode = simulator.wire().name();
            println!("{} checking {} ({mode} mode)", "→".cyan(), escape_control(url.as_str()));
        }
        let config = CheckConfig {
            simulator,
            account: defaults.to.clone(),
            user: defaults.from.clone(),
            selected: selected.clone(),
            speed_count: args.speed_count,
            speed_concurrency: args.speed_concurrency as usize,
        };
        let report = check::run(config).await;
        if !global.json {
            print_checks(&report);
        }
        reports.push(report);
    }
    let report = Report::merge(reports);
    if global.json {
        output::print_json(&report)?;
    } else {
        print_summary(&report);
    }
    Ok(super::exit_for(report.ok))
}

/// Only to read simulate's envelope defaults (ToUserName, FromUserName) from one place.
#[derive(clap::Parser)]
struct SimulateDefaults {
    #[command(flatten)]
    options: SimulateOptions,
}

/// The checks to run, in battery order, from --only and --skip.
fn select(only: &[String], skip: &[String]) -> Result<Vec<&'static str>, CliError> {
    for pattern in only.iter().chain(skip) {
        if !CHECK_NAMES.iter().any(|name| name_matches(pattern, name)) {
            return Err(CliError::usage(format!("no check is called {:?}", escape_control(pattern)))
                .hint(format!("the checks: {}, and hostile for every hostile-… check", CHECK_NAMES.join(", "))));
        }
    }
    let chosen: Vec<&'static str> = CHECK_NAMES
        .into_iter()
        .filter(|name| only.is_empty() || only.iter().any(|p| name_matches(p, name)))
        .filter(|name| !skip.iter().any(|p| name_matches(p, name)))
        .collect();
    if chosen.is_empty() {
        return Err(CliError::usage("--only and --skip leave no check to run"));
    }
    Ok(chosen)
}

/// The scorecard of one mode's run.
fn print_checks(report: &Report) {
    // As wide as the longest name of any check, so that runs line up.
    let width = CHECK_NAMES.iter().map(|n| n.len()).max().unwrap_or(0);
    for check in &report.checks {
        print_check(check, width);
    }
}

/// The summary line over every run.
fn print_summary(report: &Report) {
    let s = &report.summary;
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = vec![
        plural(s.passed, "passed", "passed").green().to_string(),
        plural(s.warnings, "warning", "warnings").yellow().to_string(),
        plural(s.failed, "failed", "failed").red().to_string(),
    ];
    if s.skipped > 0 {
        parts.push(plural(s.skipped, "skipped", "skipped").dimmed().to_string());
    }
    println!();
    println!("{}", parts.join(", "));
}

/// Exchanges shown under a failed or warned check, and characters of each side.
const SHOWN_EXCHANGES: usize = 4;
const SHOWN_CHARS: usize = 160;

fn print_check(check: &CheckResult, width: usize) {
    let mark = match check.status {
        Status::Pass => pass_mark(),
        Status::Warn => warn_mark(),
        Status::Fail => fail_mark(),
        Status::Skipped => "-".dimmed(),
    };
    let name = format!("{:<width$}", check.name);
    let name = match check.status {
        Status::Fail => name.red().bold(),
        Status::Skipped => name.dimmed(),
        _ => name.bold(),
    };
    println!("{mark} {name}  {}", escape_control(&check.detail));
    if matches!(check.status, Status::Fail | Status::Warn) {
        for exchange in check.evidence.iter().take(SHOWN_EXCHANGES) {
            println!("    {} {}", "sent".dimmed(), escape_control(&shorten(&exchange.sent, SHOWN_CHARS)));
            println!("    {} {}", "got ".dimmed(), escape_control(&shorten(&exchange.received, SHOWN_CHARS)));
        }
        if check.evidence.len() > SHOWN_EXCHANGES {
            let more = check.evidence.len() - SHOWN_EXCHANGES;
            println!("    {}", format!("… {more} more exchanges (--json lists all)").dimmed());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_keeps_battery_order_and_expands_hostile() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(select(&s(&["speed", "handshake"]), &[]).unwrap(), ["handshake", "speed"]);
        let picked = select(&s(&["hostile"]), &s(&["hostile-large"])).unwrap();
        assert_eq!(picked.len(), 5);
        assert!(picked.iter().all(|n| n.starts_with("hostile-")));
        assert!(select(&s(&["nope"]), &[]).is_err());
        assert!(select(&[], &s(&CHECK_NAMES)).is_err());
    }
}
