//! One line per request, written by a background thread so that request
//! handlers never wait on the terminal or a file. Handlers append to a shared
//! buffer; the writer swaps it out and writes it every few milliseconds, so
//! there is neither a flush nor a thread wake-up per request.
//!
//! When the output blocks (a pipe nobody reads, a stopped terminal), the
//! buffer stops growing at [`MAX_PENDING`]: further lines are dropped and
//! counted, requests never wait, and once the output moves again the log
//! says how many lines were lost.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a line may wait before it is written.
const FLUSH_INTERVAL: Duration = Duration::from_millis(20);

/// Most bytes of log lines held while the output is blocked: some seconds of
/// a busy server's lines (about 30,000 of them), a bounded amount of memory.
pub const MAX_PENDING: usize = 4 * 1024 * 1024;

struct Shared {
    pending: Mutex<Pending>,
    closing: AtomicBool,
}

struct Pending {
    text: String,
    /// Lines dropped since the writer last reported them.
    dropped: u64,
}

#[derive(Clone)]
pub struct RequestLog {
    shared: Arc<Shared>,
}

/// Handle on the writer thread; `finish` writes every line logged so far.
pub struct LogWriter {
    shared: Arc<Shared>,
    thread: JoinHandle<()>,
}

impl RequestLog {
    /// A log writing to stdout.
    pub fn stdout() -> (RequestLog, LogWriter) {
        Self::to_writer(std::io::stdout())
    }

    pub fn to_writer(mut out: impl Write + Send + 'static) -> (RequestLog, LogWriter) {
        let pending = Pending { text: String::with_capacity(64 * 1024), dropped: 0 };
        let shared = Arc::new(Shared { pending: Mutex::new(pending), closing: AtomicBool::new(false) });
        let writer = shared.clone();
        let thread = std::thread::spawn(move || {
            let mut batch = String::with_capacity(64 * 1024);
            loop {
                let closing = writer.closing.load(Ordering::Acquire);
                let dropped = {
                    let mut pending = writer.pending.lock().unwrap_or_else(|e| e.into_inner());
                    std::mem::swap(&mut batch, &mut pending.text);
                    std::mem::take(&mut pending.dropped)
                };
                if dropped > 0 {
                    batch.push_str(&format!("wxdev: {dropped} log lines dropped: the log output was blocked\n"));
                }
                if !batch.is_empty() {
                    let _ = out.write_all(batch.as_bytes()).and_then(|_| out.flush());
                    batch.clear();
                    // A burst may have grown it far beyond the usual size.
                    batch.shrink_to(64 * 1024);
                }
                if closing {
                    return;
                }
                std::thread::park_timeout(FLUSH_INTERVAL);
            }
        });
        (RequestLog { shared: shared.clone() }, LogWriter { shared, thread })
    }

    pub fn line(&self, line: &str) {
        self.write_line(|buf| buf.push_str(line));
    }

    /// Formats one line straight into the pending buffer (no allocation of
    /// its own); the line is dropped and counted when the buffer is full.
    pub fn write_line(&self, format: impl FnOnce(&mut String)) {
        let mut pending = self.shared.pending.lock().unwrap_or_else(|e| e.into_inner());
        if pending.text.len() >= MAX_PENDING {
            pending.dropped += 1;
            return;
        }
        format(&mut pending.text);
        pending.text.push('\n');
    }
}

impl LogWriter {
    /// Writes every line logged so far and stops the writer thread.
    pub fn finish(self) {
        self.shared.closing.store(true, Ordering::Release);
        self.thread.thread().unpark();
        let _ = self.thread.join();
    }
}

/// The wall-clock time of day in UTC, `HH:MM:SS.mmm`, for log lines.
pub fn clock() -> String {
    Clock::now().to_string()
}

/// The time of day in UTC, displayed as `HH:MM:SS.mmm`.
pub struct Clock(Duration);

impl Clock {
    pub fn now() -> Clock {
        Clock(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default())
    }
}

impl Clock {
    /// Appends `HH:MM:SS.mmm` without going through the formatter.
    pub fn push_to(&self, buf: &mut String) {
        let secs = self.0.as_secs() % 86_400;
        let millis = self.0.subsec_millis();
        let digits = [secs / 36_000, secs / 3600 % 10, secs / 600 % 6, secs / 60 % 10, secs % 60 / 10, secs % 10];
        for (i, d) in digits.iter().enumerate() {
            if i == 2 || i == 4 {
                buf.push(':');
            }
            buf.push(char::from(b'0' + *d as u8));
        }
        buf.push('.');
        for d in [millis / 100, millis / 10 % 10, millis % 10] {
            buf.push(char::from(b'0' + d as u8));
        }
    }
}

impl std::fmt::Display for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = self.0.as_secs() % 86_400;
        write!(f, "{:02}:{:02}:{:02}.{:03}", secs / 3600, secs / 60 % 60, secs % 60, self.0.subsec_millis())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn clock_pushes_what_it_displays() {
        for secs in [0u64, 59, 3600, 45_296, 86_399, 1_795_459_336] {
            for millis in [0u32, 7, 42, 999] {
                let clock = Clock(Duration::from_secs(secs) + Duration::from_millis(millis.into()));
                let mut pushed = String::new();
                clock.push_to(&mut pushed);
                assert_eq!(pushed, clock.to_string());
            }
        }
    }

    #[test]
    fn every_line_is_written_in_order_by_finish() {
        let sink = Sink::default();
        let (log, writer) = RequestLog::to_writer(sink.clone());
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let log = log.clone();
                std::thread::spawn(move || (0..1000).for_each(|i| log.line(&format!("{t} {i}"))))
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        writer.finish();
        let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert_eq!(text.lines().count(), 4000);
        for t in 0..4 {
            let mine: Vec<usize> = text
                .lines()
                .filter_map(|l| l.split_once(' ').filter(|(a, _)| *a == t.to_string()).map(|(_, b)| b.parse().unwrap()))
                .collect();
            assert_eq!(mine, (0..1000).collect::<Vec<_>>(), "lines of one thread keep their order");
        }
    }

    /// A writer that blocks until released, as a pipe nobody reads does.
    struct Blocked {
        gate: Arc<(Mutex<bool>, std::sync::Condvar)>,
        sink: Sink,
    }

    impl Write for Blocked {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let (open, wake) = &*self.gate;
            let mut open = open.lock().unwrap();
            while !*open {
                open = wake.wait(open).unwrap();
            }
            self.sink.write(buf)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_blocked_output_bounds_the_buffer_and_counts_what_it_drops() {
        let gate = Arc::new((Mutex::new(false), std::sync::Condvar::new()));
        let sink = Sink::default();
        let (log, writer) = RequestLog::to_writer(Blocked { gate: gate.clone(), sink: sink.clone() });
        let line = "x".repeat(99);
        // Give the writer a first line to block on, then flood.
        log.line(&line);
        std::thread::sleep(FLUSH_INTERVAL * 3);
        let total = 200_000u64;
        for _ in 0..total {
            log.line(&line);
        }
        let held = log.shared.pending.lock().unwrap().text.len();
        assert!(held <= MAX_PENDING + 100, "held {held} bytes");
        *gate.0.lock().unwrap() = true;
        gate.1.notify_all();
        writer.finish();
        let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        let written = text.lines().filter(|l| *l == line).count() as u64;
        let notice = text.lines().find(|l| l.starts_with("wxdev: ")).expect("a notice of dropped lines");
        let dropped: u64 = notice.split(' ').nth(1).unwrap().parse().unwrap();
        assert_eq!(notice, format!("wxdev: {dropped} log lines dropped: the log output was blocked"));
        assert_eq!(written + dropped, total + 1, "every line is written or counted");
        assert_eq!(written as usize, MAX_PENDING.div_ceil(100) + 1, "the buffer held exactly what fits");
    }
}
