//! One line per request, written by a background thread so that request
//! handlers never wait on the terminal or a file. Handlers append to a shared
//! buffer; the writer swaps it out and writes it every few milliseconds, so
//! there is neither a flush nor a thread wake-up per request.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a line may wait before it is written.
const FLUSH_INTERVAL: Duration = Duration::from_millis(20);

struct Shared {
    pending: Mutex<String>,
    closing: AtomicBool,
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
        let shared =
            Arc::new(Shared { pending: Mutex::new(String::with_capacity(64 * 1024)), closing: AtomicBool::new(false) });
        let writer = shared.clone();
        let thread = std::thread::spawn(move || {
            let mut batch = String::with_capacity(64 * 1024);
            loop {
                let closing = writer.closing.load(Ordering::Acquire);
                std::mem::swap(&mut batch, &mut *writer.pending.lock().unwrap_or_else(|e| e.into_inner()));
                if !batch.is_empty() {
                    let _ = out.write_all(batch.as_bytes()).and_then(|_| out.flush());
                    batch.clear();
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

    /// Formats one line straight into the pending buffer (no allocation of its own).
    pub fn write_line(&self, format: impl FnOnce(&mut String)) {
        let mut pending = self.shared.pending.lock().unwrap_or_else(|e| e.into_inner());
        format(&mut pending);
        pending.push('\n');
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
}
