//! Load mode: many messages through the same [`Simulator`], each judged as
//! in single mode, summarised as rates, latency percentiles and counts.

use super::{Delivery, Outcome, Outgoing, Simulator};
use crate::wechat::reply::shorten;
use hdrhistogram::Histogram;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// When to stop sending.
#[derive(Debug, Clone, Copy)]
pub enum Budget {
    Count(u64),
    Duration(Duration),
}

/// Latency percentiles in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Percentiles {
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
}

/// How often one distinct problem occurred.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProblemCount {
    pub problem: String,
    pub count: u64,
}

/// Everything a load run measured.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub count: u64,
    pub elapsed: Duration,
    pub accepted: u64,
    pub rejected: u64,
    pub timed_out: u64,
    pub failed: u64,
    /// Latency of every message that got an HTTP answer, first request to final answer.
    pub latency: Percentiles,
    /// The first [`KEPT_PROBLEMS`] distinct problems, most frequent first (first seen first on ties).
    pub problems: Vec<ProblemCount>,
    /// Occurrences of problems past the first [`KEPT_PROBLEMS`] distinct ones, not told apart.
    pub other_problems: u64,
}

impl Summary {
    /// Messages per second over the whole run.
    pub fn rps(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.count as f64 / secs
        } else {
            0.0
        }
    }

    pub fn ok(&self) -> bool {
        self.count > 0 && self.rejected == 0 && self.timed_out == 0 && self.failed == 0
    }
}

/// Latencies are kept in microseconds, from 1 µs up to four hours: three
/// attempts at the longest `--timeout` (an hour) fit. Anything longer is
/// clamped to the top in the histogram; the maximum is kept exactly apart.
const LATENCY_HIGHEST_US: u64 = 4 * 3600 * 1_000_000;

/// Significant digits of the latency histogram: any reported figure is
/// within 0.1% of the exact nearest-rank value (exact below 2.048 ms).
const LATENCY_DIGITS: u8 = 3;

/// How many distinct problems a run counts apart. An endpoint can make every
/// problem text distinct (an echoed MsgId or time in a wrong reply), so the
/// map must not grow with the number of messages. 64 is well above the few
/// distinct problems a misbehaving endpoint causes when its answers are not
/// unique, and far more than the human report shows (the JSON lists them all),
/// while the map stays small: at most 64 texts of [`PROBLEM_CHARS`]. Past it,
/// occurrences are counted together as "other problems".
pub const KEPT_PROBLEMS: usize = 64;

/// Problem texts are cut to this many characters before they are counted:
/// some echo a value from the reply, which a remote endpoint can make as
/// long as it likes. The longest text wxdev writes itself is about 300.
const PROBLEM_CHARS: usize = 1000;

/// The label of the bucket that counts problems past the first [`KEPT_PROBLEMS`] distinct ones.
pub fn other_problems_label() -> String {
    format!("other problems (only the first {KEPT_PROBLEMS} distinct problems are counted apart)")
}

/// What the senders saw. Its size does not depend on the number of messages:
/// latencies go to a histogram of fixed size and problems to a capped map.
struct Tally {
    accepted: u64,
    rejected: u64,
    timed_out: u64,
    failed: u64,
    /// Latency in microseconds of every message that got an HTTP answer, saturating at the top.
    latency_us: Histogram<u64>,
    /// The exact highest latency (the histogram keeps it rounded up to its precision).
    max_latency_us: u64,
    /// problem → (count, first sequence number seen); at most [`KEPT_PROBLEMS`] entries.
    problems: HashMap<String, (u64, u64)>,
    /// Occurrences of problems that came after the map was full.
    other_problems: u64,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            accepted: 0,
            rejected: 0,
            timed_out: 0,
            failed: 0,
            latency_us: Histogram::new_with_bounds(1, LATENCY_HIGHEST_US, LATENCY_DIGITS)
                .expect("the latency histogram's bounds are valid"),
            max_latency_us: 0,
            problems: HashMap::new(),
            other_problems: 0,
        }
    }
}

impl Tally {
    fn record(&mut self, sequence: u64, delivery: &Delivery) {
        match delivery.outcome {
            Outcome::Accepted => self.accepted += 1,
            Outcome::Rejected => self.rejected += 1,
            Outcome::TimedOut => self.timed_out += 1,
            Outcome::Failed => self.failed += 1,
        }
        if delivery.outcome != Outcome::TimedOut {
            self.record_latency(u64::try_from(delivery.elapsed.as_micros()).unwrap_or(u64::MAX));
        }
        for problem in &delivery.judgement.problems {
            self.record_problem(problem, sequence);
        }
    }

    fn record_latency(&mut self, us: u64) {
        self.latency_us.saturating_record(us);
        self.max_latency_us = self.max_latency_us.max(us);
    }

    fn record_problem(&mut self, problem: &str, sequence: u64) {
        let problem = if problem.len() > PROBLEM_CHARS {
            Cow::Owned(shorten(problem, PROBLEM_CHARS))
        } else {
            Cow::Borrowed(problem)
        };
        if let Some(entry) = self.problems.get_mut(problem.as_ref()) {
            entry.0 += 1;
            entry.1 = entry.1.min(sequence);
        } else if self.problems.len() < KEPT_PROBLEMS {
            self.problems.insert(problem.into_owned(), (1, sequence));
        } else {
            self.other_problems += 1;
        }
    }

    /// Nearest-rank percentiles in milliseconds, each within the histogram's precision.
    fn percentiles(&self) -> Percentiles {
        if self.latency_us.is_empty() {
            return Percentiles::default();
        }
        let max = self.max_latency_us;
        // The histogram answers with the top of the value's bucket; no percentile is above the maximum.
        let rank = |q: f64| self.latency_us.value_at_quantile(q).min(max) as f64 / 1000.0;
        Percentiles { p50: rank(0.50), p90: rank(0.90), p99: rank(0.99), max: max as f64 / 1000.0 }
    }
}

/// Sends messages from `make` (called with a sequence number) with
/// `concurrency` senders until the budget is spent; `progress` is called
/// after every message.
///
/// The senders share one tally rather than keep one each: its histogram takes
/// up to 200 KB, and `--concurrency` goes up to 10,000. The lock is held for a
/// few counters and a histogram slot per message, far less than the HTTP exchange.
pub async fn run(
    simulator: Simulator,
    make: Arc<dyn Fn(u64) -> Outgoing + Send + Sync>,
    budget: Budget,
    concurrency: usize,
    progress: Arc<dyn Fn() + Send + Sync>,
) -> Summary {
    let issued = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let simulator = Arc::new(simulator);
    let tally = Arc::new(Mutex::new(Tally::default()));
    let mut workers = Vec::with_capacity(concurrency);
    for _ in 0..concurrency.max(1) {
        let (simulator, make, issued, progress, tally) =
            (simulator.clone(), make.clone(), issued.clone(), progress.clone(), tally.clone());
        workers.push(tokio::spawn(async move {
            let mut lane = simulator.lane();
            loop {
                let sequence = issued.fetch_add(1, Ordering::Relaxed);
                let more = match budget {
                    Budget::Count(n) => sequence < n,
                    Budget::Duration(d) => started.elapsed() < d,
                };
                if !more {
                    break;
                }
                let message = make(sequence);
                let delivery = simulator.deliver_on(&message, &mut lane).await;
                lock(&tally).record(sequence, &delivery);
                progress();
            }
        }));
    }
    for worker in workers {
        let _ = worker.await;
    }
    let tally = std::mem::take(&mut *lock(&tally));
    summarize(tally, started.elapsed())
}

/// The tally, even if a sender panicked while holding it: the counts the
/// others recorded are still worth reporting.
fn lock(tally: &Mutex<Tally>) -> MutexGuard<'_, Tally> {
    tally.lock().unwrap_or_else(|e| e.into_inner())
}

fn summarize(tally: Tally, elapsed: Duration) -> Summary {
    let latency = tally.percentiles();
    let mut problems: Vec<(String, u64, u64)> = tally.problems.into_iter().map(|(p, (c, f))| (p, c, f)).collect();
    problems.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    Summary {
        count: tally.accepted + tally.rejected + tally.timed_out + tally.failed,
        elapsed,
        accepted: tally.accepted,
        rejected: tally.rejected,
        timed_out: tally.timed_out,
        failed: tally.failed,
        latency,
        problems: problems.into_iter().map(|(problem, count, _)| ProblemCount { problem, count }).collect(),
        other_problems: tally.other_problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally_of(samples_us: &[u64]) -> Tally {
        let mut tally = Tally::default();
        for &us in samples_us {
            tally.record_latency(us);
        }
        tally
    }

    /// `got` is within the histogram's precision (0.1%) of `want`, and not below it.
    fn assert_close(got: f64, want: f64) {
        assert!(got >= want && got <= want * 1.001, "{got} is not within 0.1% above {want}");
    }

    fn assert_all_close(got: Percentiles, want: Percentiles) {
        for (g, w) in [(got.p50, want.p50), (got.p90, want.p90), (got.p99, want.p99), (got.max, want.max)] {
            assert_close(g, w);
        }
    }

    #[test]
    fn nearest_rank_percentiles() {
        // Above 2.048 ms the histogram reports the top of a bucket 1/1024 wide at most.
        let samples: Vec<u64> = (1..=100).map(|ms| ms * 1000).collect();
        let got = tally_of(&samples).percentiles();
        assert_all_close(got, Percentiles { p50: 50.0, p90: 90.0, p99: 99.0, max: 100.0 });
        assert_eq!(got.max, 100.0, "the maximum is exact");
        assert_eq!(tally_of(&[7000]).percentiles(), Percentiles { p50: 7.0, p90: 7.0, p99: 7.0, max: 7.0 });
        assert_eq!(tally_of(&[]).percentiles(), Percentiles::default());
        let ten: Vec<u64> = (1..=10).map(|ms| ms * 1000).collect();
        assert_all_close(tally_of(&ten).percentiles(), Percentiles { p50: 5.0, p90: 9.0, p99: 10.0, max: 10.0 });
        // Below 2.048 ms every microsecond is its own bucket: exact.
        let fine: Vec<u64> = (1..=100).map(|i| i * 20).collect();
        assert_eq!(tally_of(&fine).percentiles(), Percentiles { p50: 1.0, p90: 1.8, p99: 1.98, max: 2.0 });
    }

    /// One hour at 30,000 messages/s. Recording 108 million samples one by one
    /// takes ~14 s in a debug build, so the first 1,000 and one of each of the
    /// 100,000 distinct values go through `record_latency`, and the other
    /// repeats of each value are added with `record_n`: the same histogram
    /// state as the full loop (the size depends on the values, not the counts).
    #[test]
    fn an_hour_at_30k_per_second_fits_in_a_fixed_size_tally() {
        const HOUR_AT_30K: u64 = 3600 * 30_000;
        // Latencies 10 µs .. 1 s in steps of 10 µs, each once per cycle of 100,000
        // samples (7919 is coprime to 100,000): 1,080 whole cycles.
        const CYCLE: u64 = 100_000;
        const CYCLES: u64 = HOUR_AT_30K / CYCLE;
        let latency = |i: u64| 10 * (1 + (i * 7919) % CYCLE);
        let mut tally = Tally::default();
        let slots = tally.latency_us.distinct_values();
        for i in 0..1_000 {
            tally.record_latency(latency(i));
        }
        assert_eq!(tally.latency_us.distinct_values(), slots);
        for i in 1_000..CYCLE {
            tally.record_latency(latency(i));
        }
        for i in 0..CYCLE {
            tally.latency_us.record_n(latency(i), CYCLES - 1).unwrap();
        }
        assert_eq!(tally.latency_us.len(), HOUR_AT_30K);
        assert_eq!(tally.latency_us.distinct_values(), slots, "no slot was added for 108 million samples");
        assert!(slots * 8 < 256 * 1024, "the histogram's counts take {} bytes", slots * 8);
        // Exact nearest-rank: the value at rank ceil(q·N) is 10 µs × ceil(q·CYCLE).
        assert_all_close(tally.percentiles(), Percentiles { p50: 500.0, p90: 900.0, p99: 990.0, max: 1000.0 });
    }

    #[test]
    fn out_of_range_latencies_are_clamped_not_errors() {
        let tally = tally_of(&[0, 5, u64::MAX]);
        assert_eq!(tally.latency_us.len(), 3);
        let p = tally.percentiles();
        assert_eq!(p.p50, 0.005);
        assert_close(p.p99, LATENCY_HIGHEST_US as f64 / 1000.0);
        assert_eq!(p.max, u64::MAX as f64 / 1000.0, "the maximum is kept exactly");
    }

    #[test]
    fn problems_are_ranked_by_count_then_first_seen() {
        let mut tally = Tally::default();
        tally.problems.insert("b".into(), (2, 5));
        tally.problems.insert("a".into(), (2, 1));
        tally.problems.insert("c".into(), (9, 9));
        let summary = summarize(tally, Duration::from_secs(1));
        let order: Vec<&str> = summary.problems.iter().map(|p| p.problem.as_str()).collect();
        assert_eq!(order, ["c", "a", "b"]);
    }

    #[test]
    fn distinct_problems_are_capped_and_the_rest_counted_together() {
        let mut tally = Tally::default();
        for sequence in 0..10_000u64 {
            tally.record_problem("the same every time", sequence);
            tally.record_problem(&format!("unique problem #{sequence}"), sequence);
        }
        let long = "x".repeat(1_000_000);
        tally.record_problem(&long, 10_000);
        assert_eq!(tally.problems.len(), KEPT_PROBLEMS);
        let summary = summarize(tally, Duration::from_secs(1));
        assert_eq!(summary.problems[0], ProblemCount { problem: "the same every time".into(), count: 10_000 });
        assert_eq!(summary.problems.len(), KEPT_PROBLEMS);
        let kept: u64 = summary.problems.iter().map(|p| p.count).sum();
        assert_eq!(kept + summary.other_problems, 20_001, "every occurrence is counted once");
        assert_eq!(summary.other_problems, 20_001 - 10_000 - (KEPT_PROBLEMS as u64 - 1));

        let mut tally = Tally::default();
        tally.record_problem(&long, 0);
        tally.record_problem(&long, 1);
        let (text, (count, _)) = tally.problems.iter().next().unwrap();
        assert_eq!((text.chars().count(), *count), (PROBLEM_CHARS + 1, 2), "cut to {PROBLEM_CHARS} and an ellipsis");
    }
}
