//! `wxdev replay`: re-send recorded messages and compare each reply with the recorded one.

use crate::cli::{GlobalArgs, ReplayArgs};
use crate::config::{parse_endpoint, Settings};
use crate::error::CliError;
use crate::output::{self, fail_mark, pass_mark};
use crate::recording::replay::{updated, Replayer, Verdict};
use crate::recording::store::{collect, read_file, write_file};
use crate::wechat::text::escape_control;
use crate::wechat::Incoming;
use anyhow::Context;
use colored::Colorize;
use serde::Serialize;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Serialize)]
struct ReplayReport {
    ok: bool,
    same: usize,
    changed: usize,
    failed: usize,
    updated: usize,
    messages: Vec<MessageReport>,
}

#[derive(Serialize)]
struct MessageReport {
    file: String,
    url: String,
    result: Verdict,
    differences: Vec<String>,
    error: Option<String>,
    elapsed_ms: u64,
}

pub async fn run(global: &GlobalArgs, args: ReplayArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let files = collect(&args.paths).map_err(|e| CliError::usage(e.to_string()))?;
    if files.is_empty() {
        return Err(CliError::usage("no record files found").hint("record files end in .json").into());
    }
    let mut exchanges = Vec::with_capacity(files.len());
    for file in &files {
        exchanges.push(read_file(file).map_err(|e| CliError::usage(e.to_string()))?);
    }
    // Only the flag or WXDEV_URL overrides the recorded upstream, not a settings file.
    let url = global.url.as_deref().map(parse_endpoint).transpose()?;
    let crypt = if settings.aes_key.is_some() { Some(settings.require_crypt()?) } else { None };
    let timeout = Duration::from_secs_f64(args.timeout);
    let replayer = Replayer {
        client: crate::client::transport::client(timeout).context("cannot build the HTTP client")?,
        url,
        token: settings.token.clone(),
        crypt,
        fresh_ids: args.fresh_ids,
        timeout,
    };
    let mut report = ReplayReport { ok: true, same: 0, changed: 0, failed: 0, updated: 0, messages: Vec::new() };
    for (file, exchange) in files.iter().zip(&exchanges) {
        let replayed = replayer.replay(exchange).await;
        match replayed.verdict {
            Verdict::Same => report.same += 1,
            Verdict::Changed => report.changed += 1,
            Verdict::Failed => report.failed += 1,
        }
        if args.update && replayed.verdict == Verdict::Changed {
            write_file(file, &updated(exchange, &replayed)).map_err(|e| CliError::failed(e.to_string()))?;
            report.updated += 1;
        }
        if !global.json {
            print_one(file, exchange, &replayed, args.update);
        }
        report.messages.push(MessageReport {
            file: file.display().to_string(),
            url: replayed.url,
            result: replayed.verdict,
            differences: replayed.differences,
            error: replayed.error,
            elapsed_ms: replayed.elapsed.as_millis() as u64,
        });
    }
    // With --update a changed reply becomes the recorded one: only failures remain a "no".
    report.ok = report.failed == 0 && (args.update || report.changed == 0);
    if global.json {
        output::print_json(&report)?;
    } else {
        let updated = if args.update { format!(", {} updated", report.updated) } else { String::new() };
        let mark = if report.ok { pass_mark() } else { fail_mark() };
        println!("{mark} {} same, {} changed, {} failed{updated}", report.same, report.changed, report.failed);
    }
    Ok(super::exit_for(report.ok))
}

fn print_one(
    file: &std::path::Path,
    exchange: &crate::recording::Exchange,
    replayed: &crate::recording::replay::Replayed,
    update: bool,
) {
    let what = exchange
        .message
        .as_deref()
        .or(exchange.request.body.text())
        .and_then(|m| Incoming::parse(m).ok())
        .map(|m| format!("{} {}", m.kind_label(), crate::wechat::reply::shorten(&m.summary(), 40)))
        .unwrap_or_else(|| exchange.request.method.clone());
    let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let label = match replayed.verdict {
        Verdict::Same => "same   ".green(),
        Verdict::Changed if update => "updated".yellow(),
        Verdict::Changed => "changed".red(),
        Verdict::Failed => "failed ".red(),
    };
    println!("{label} {} {}", escape_control(&name), escape_control(&what).dimmed());
    for line in &replayed.differences {
        println!("    {}", escape_control(line));
    }
    if let Some(error) = &replayed.error {
        println!("    {}", escape_control(error));
    }
}
