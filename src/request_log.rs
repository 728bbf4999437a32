//! One line per request, written by a background thread so that request
//! handlers never wait on the terminal or a file: lines are buffered and
//! flushed whenever the queue runs empty, not once per request.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

enum Message {
    Line(String),
    /// Flush, then acknowledge.
    Flush(mpsc::Sender<()>),
}

#[derive(Clone)]
pub struct RequestLog {
    tx: mpsc::Sender<Message>,
}

/// Handle on the writer thread; `finish` flushes every line logged so far.
pub struct LogWriter {
    tx: mpsc::Sender<Message>,
}

impl RequestLog {
    /// A log writing to stdout.
    pub fn stdout() -> (RequestLog, LogWriter) {
        Self::to_writer(std::io::stdout())
    }

    pub fn to_writer(out: impl Write + Send + 'static) -> (RequestLog, LogWriter) {
        let (tx, rx) = mpsc::channel::<Message>();
        std::thread::spawn(move || {
            let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
            let write = |message: Message, out: &mut std::io::BufWriter<_>| match message {
                Message::Line(line) => {
                    let _ = writeln!(out, "{line}");
                }
                Message::Flush(ack) => {
                    let _ = out.flush();
                    let _ = ack.send(());
                }
            };
            while let Ok(message) = rx.recv() {
                write(message, &mut out);
                while let Ok(message) = rx.try_recv() {
                    write(message, &mut out);
                }
                let _ = out.flush();
            }
        });
        (RequestLog { tx: tx.clone() }, LogWriter { tx })
    }

    pub fn line(&self, line: String) {
        let _ = self.tx.send(Message::Line(line));
    }
}

impl LogWriter {
    /// Waits (briefly) until every line logged so far is written.
    pub fn finish(self) {
        let (ack, done) = mpsc::channel();
        if self.tx.send(Message::Flush(ack)).is_ok() {
            let _ = done.recv_timeout(Duration::from_secs(1));
        }
    }
}

/// The wall-clock time of day in UTC, `HH:MM:SS.mmm`, for log lines.
pub fn clock() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let secs = now.as_secs() % 86_400;
    format!("{:02}:{:02}:{:02}.{:03}", secs / 3600, secs / 60 % 60, secs % 60, now.subsec_millis())
}
