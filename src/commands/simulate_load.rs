//! `wxdev simulate … --count N | --duration S`: load mode's orchestration and output.

use crate::cli::{GlobalArgs, LoadOptions};
use crate::output::{self, fail_mark, pass_mark};
use crate::simulator::load::{self, Budget, Percentiles, ProblemCount, Summary};
use crate::simulator::{Outgoing, Simulator};
use colored::Colorize;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// How many distinct problems the human report lists.
const SHOWN_PROBLEMS: usize = 5;

#[derive(Serialize)]
struct LoadReport {
    ok: bool,
    count: u64,
    concurrency: u64,
    elapsed_ms: u64,
    rps: f64,
    latency_ms: Percentiles,
    accepted: u64,
    rejected: u64,
    timed_out: u64,
    failed: u64,
    problems: Vec<ProblemCount>,
}

pub async fn run(
    global: &GlobalArgs,
    options: &LoadOptions,
    simulator: Simulator,
    make: Arc<dyn Fn(u64) -> Outgoing + Send + Sync>,
) -> anyhow::Result<ExitCode> {
    let budget = match (options.count, options.duration) {
        (Some(n), _) => Budget::Count(n),
        (None, Some(secs)) => Budget::Duration(Duration::from_secs_f64(secs)),
        (None, None) => Budget::Count(1),
    };
    let target = format!("{} ({} mode)", simulator.url(), simulator.wire().name());
    if !global.json {
        let what = match budget {
            Budget::Count(n) => format!("{n} messages"),
            Budget::Duration(d) => format!("messages for {} s", d.as_secs_f64()),
        };
        eprintln!("{} {what} to {target}, concurrency {}", "→".cyan(), options.concurrency);
    }
    let bar = progress_bar(budget, global.json);
    let ticker = bar.clone();
    let progress: Arc<dyn Fn() + Send + Sync> = Arc::new(move || ticker.inc(1));
    let summary = load::run(simulator, make, budget, options.concurrency as usize, progress).await;
    bar.finish_and_clear();
    let report = LoadReport {
        ok: summary.ok(),
        count: summary.count,
        concurrency: options.concurrency,
        elapsed_ms: summary.elapsed.as_millis() as u64,
        rps: (summary.rps() * 10.0).round() / 10.0,
        latency_ms: summary.latency,
        accepted: summary.accepted,
        rejected: summary.rejected,
        timed_out: summary.timed_out,
        failed: summary.failed,
        problems: problem_list(&summary),
    };
    if global.json {
        output::print_json(&report)?;
    } else {
        print_human(&summary);
    }
    Ok(super::exit_for(report.ok))
}

/// The distinct problems, then the ones past the cap counted together under one label.
fn problem_list(summary: &Summary) -> Vec<ProblemCount> {
    let mut problems = summary.problems.clone();
    if summary.other_problems > 0 {
        problems.push(ProblemCount { problem: load::other_problems_label(), count: summary.other_problems });
    }
    problems
}

/// A bar on stderr when stderr is a terminal and the output is for people.
fn progress_bar(budget: Budget, json: bool) -> ProgressBar {
    if json || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match budget {
        Budget::Count(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{bar:40.cyan/blue} {pos}/{len} {per_sec} {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        Budget::Duration(_) => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} sent {per_sec} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(8));
    bar
}

fn print_human(summary: &Summary) {
    let l = summary.latency;
    println!("  {:<14} {:.1}", "requests/s", summary.rps());
    println!("  {:<14} p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}", "latency (ms)", l.p50, l.p90, l.p99, l.max);
    println!("  {:<14} {}", "accepted", summary.accepted.to_string().green());
    let count = |n: u64| if n == 0 { n.to_string().normal() } else { n.to_string().red().bold() };
    println!("  {:<14} {}", "rejected", count(summary.rejected));
    println!("  {:<14} {}", "timed out", count(summary.timed_out));
    println!("  {:<14} {}", "failed", count(summary.failed));
    if !summary.problems.is_empty() {
        println!("  problems:");
        for p in summary.problems.iter().take(SHOWN_PROBLEMS) {
            println!("    {:>6}× {}", p.count, p.problem);
        }
        if summary.problems.len() > SHOWN_PROBLEMS {
            println!("    … {} more distinct problems (--json lists all)", summary.problems.len() - SHOWN_PROBLEMS);
        }
        if summary.other_problems > 0 {
            println!("    {:>6}× {}", summary.other_problems, load::other_problems_label());
        }
    }
    let secs = summary.elapsed.as_secs_f64();
    if summary.ok() {
        println!("{} all {} messages accepted in {secs:.2} s", pass_mark(), summary.count);
    } else {
        let bad = summary.count - summary.accepted;
        println!("{} {bad} of {} messages would not reach users as intended ({secs:.2} s)", fail_mark(), summary.count);
    }
}
