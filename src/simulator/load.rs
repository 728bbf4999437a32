//! Load mode: many messages through the same [`Simulator`], each judged as
//! in single mode, summarised as rates, latency percentiles and counts.

use super::{Delivery, Outcome, Outgoing, Simulator};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
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
    /// Distinct problems, most frequent first (first seen first on ties).
    pub problems: Vec<ProblemCount>,
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

/// What one worker saw.
#[derive(Default)]
struct Tally {
    accepted: u64,
    rejected: u64,
    timed_out: u64,
    failed: u64,
    latencies_us: Vec<u64>,
    /// problem → (count, first sequence number seen)
    problems: HashMap<String, (u64, u64)>,
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
            self.latencies_us.push(delivery.elapsed.as_micros() as u64);
        }
        for problem in &delivery.judgement.problems {
            let entry = self.problems.entry(problem.clone()).or_insert((0, sequence));
            entry.0 += 1;
            entry.1 = entry.1.min(sequence);
        }
    }

    fn merge(&mut self, other: Tally) {
        self.accepted += other.accepted;
        self.rejected += other.rejected;
        self.timed_out += other.timed_out;
        self.failed += other.failed;
        self.latencies_us.extend(other.latencies_us);
        for (problem, (count, first)) in other.problems {
            let entry = self.problems.entry(problem).or_insert((0, first));
            entry.0 += count;
            entry.1 = entry.1.min(first);
        }
    }
}

/// Sends messages from `make` (called with a sequence number) with
/// `concurrency` senders until the budget is spent; `progress` is called
/// after every message.
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
    let mut workers = Vec::with_capacity(concurrency);
    for _ in 0..concurrency.max(1) {
        let (simulator, make, issued, progress) = (simulator.clone(), make.clone(), issued.clone(), progress.clone());
        workers.push(tokio::spawn(async move {
            let mut tally = Tally::default();
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
                tally.record(sequence, &delivery);
                progress();
            }
            tally
        }));
    }
    let mut total = Tally::default();
    for worker in workers {
        if let Ok(tally) = worker.await {
            total.merge(tally);
        }
    }
    summarize(total, started.elapsed())
}

fn summarize(mut tally: Tally, elapsed: Duration) -> Summary {
    tally.latencies_us.sort_unstable();
    let mut problems: Vec<(String, u64, u64)> = tally.problems.into_iter().map(|(p, (c, f))| (p, c, f)).collect();
    problems.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    Summary {
        count: tally.accepted + tally.rejected + tally.timed_out + tally.failed,
        elapsed,
        accepted: tally.accepted,
        rejected: tally.rejected,
        timed_out: tally.timed_out,
        failed: tally.failed,
        latency: percentiles(&tally.latencies_us),
        problems: problems.into_iter().map(|(problem, count, _)| ProblemCount { problem, count }).collect(),
    }
}

/// Nearest-rank percentiles of sorted microsecond samples, in milliseconds.
pub fn percentiles(sorted_us: &[u64]) -> Percentiles {
    if sorted_us.is_empty() {
        return Percentiles::default();
    }
    let rank = |p: f64| {
        let index = ((p / 100.0) * sorted_us.len() as f64).ceil() as usize;
        sorted_us[index.clamp(1, sorted_us.len()) - 1] as f64 / 1000.0
    };
    Percentiles { p50: rank(50.0), p90: rank(90.0), p99: rank(99.0), max: *sorted_us.last().unwrap() as f64 / 1000.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<u64> = (1..=100).map(|ms| ms * 1000).collect();
        assert_eq!(percentiles(&samples), Percentiles { p50: 50.0, p90: 90.0, p99: 99.0, max: 100.0 });
        assert_eq!(percentiles(&[7000]), Percentiles { p50: 7.0, p90: 7.0, p99: 7.0, max: 7.0 });
        assert_eq!(percentiles(&[]), Percentiles::default());
        let ten: Vec<u64> = (1..=10).map(|ms| ms * 1000).collect();
        assert_eq!(percentiles(&ten), Percentiles { p50: 5.0, p90: 9.0, p99: 10.0, max: 10.0 });
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
}
