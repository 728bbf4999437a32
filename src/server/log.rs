//! serve's log line: one struct per request, one renderer for the human form
//! (coloured or not) and one for `--json`.
//!
//! Everything in a line that came from the request (sender, message type,
//! content, event keys, media ids, URLs, paths) is escaped in the human form,
//! so that a newline cannot forge a line and an escape sequence never reaches
//! the terminal. The JSON form escapes by itself and stays as it is.

use crate::http::log::{clock, Clock};
use crate::wechat::text::push_escaped_control;
use hyper::{Method, StatusCode};
use std::borrow::Cow;
use std::time::Duration;

/// What one request came to.
pub struct LogEntry {
    pub status: StatusCode,
    /// What the request was ("text", "event subscribe (aes)", "verify", "-").
    pub kind: String,
    /// The sender's OpenID, or "-".
    pub from: String,
    /// The message in a few words.
    pub summary: String,
    /// What was answered, or why the request was refused.
    pub answer: Cow<'static, str>,
    /// A retry answered from memory.
    pub retry: bool,
}

impl LogEntry {
    /// A refused request: the reason goes to the log, never to the client.
    pub fn refused(status: StatusCode, reason: impl Into<Cow<'static, str>>) -> Self {
        LogEntry {
            status,
            kind: "-".into(),
            from: "-".into(),
            summary: String::new(),
            answer: reason.into(),
            retry: false,
        }
    }
}

/// Column widths of the human line, in characters.
const KIND_WIDTH: usize = 16;
const FROM_WIDTH: usize = 28;
const SUMMARY_CHARS: usize = 40;
/// Most characters shown of a field a request sets freely (an OpenID has 28,
/// a message type a dozen): a line stays readable and its size bounded.
const KIND_CHARS: usize = 48;
const FROM_CHARS: usize = 64;
const ANSWER_CHARS: usize = 160;

/// ANSI styles of the coloured line.
const DIM: &str = "\x1b[2m";
const GREEN: &str = "\x1b[32m";
const BOLD_RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

/// Appends the human line (without its newline). Runs once per request, so
/// it appends piece by piece without the formatter.
pub fn render_human(buf: &mut String, method: &Method, entry: &LogEntry, elapsed: Duration, color: bool) {
    let style = |buf: &mut String, code: &str| {
        if color {
            buf.push_str(code);
        }
    };
    style(buf, DIM);
    Clock::now().push_to(buf);
    style(buf, RESET);
    buf.push(' ');
    style(buf, if entry.status.is_success() { GREEN } else { BOLD_RED });
    push_number(buf, u64::from(entry.status.as_u16()));
    style(buf, RESET);
    buf.push(' ');
    push_padded(buf, method.as_str(), 4, 4);
    push_padded(buf, &entry.kind, KIND_CHARS, KIND_WIDTH);
    push_padded(buf, &entry.from, FROM_CHARS, FROM_WIDTH);
    push_short(buf, &entry.summary, SUMMARY_CHARS);
    buf.push_str(" → ");
    push_short(buf, &entry.answer, ANSWER_CHARS);
    if entry.retry {
        style(buf, YELLOW);
        buf.push_str(" (retry: same answer)");
        style(buf, RESET);
    }
    buf.push(' ');
    let micros = elapsed.as_micros().min(u128::from(u64::MAX)) as u64;
    style(buf, DIM);
    push_number(buf, micros / 1000);
    buf.push('.');
    let hundredths = micros % 1000 / 10;
    if hundredths < 10 {
        buf.push('0');
    }
    push_number(buf, hundredths);
    buf.push_str("ms");
    style(buf, RESET);
}

/// The `--json` line.
pub fn render_json(method: &Method, entry: &LogEntry, elapsed: Duration) -> String {
    serde_json::json!({
        "time": clock(), "method": method.as_str(), "status": entry.status.as_u16(), "kind": entry.kind,
        "from": entry.from, "content": entry.summary, "answer": entry.answer, "retry": entry.retry,
        "elapsed_us": elapsed.as_micros().min(u128::from(u64::MAX)) as u64,
    })
    .to_string()
}

/// Appends text cut to `max` characters and escaped, pads it with spaces to
/// `width` characters, then one space.
fn push_padded(buf: &mut String, text: &str, max: usize, width: usize) {
    let start = buf.len();
    push_short(buf, text, max);
    let shown = buf[start..].chars().count();
    for _ in shown..width {
        buf.push(' ');
    }
    buf.push(' ');
}

/// Appends text cut to `max` characters (with an ellipsis when cut), escaped.
fn push_short(buf: &mut String, text: &str, max: usize) {
    // No more bytes than `max` means no more characters: nothing to cut.
    if text.len() <= max {
        return push_escaped_control(buf, text);
    }
    match text.char_indices().nth(max) {
        None => push_escaped_control(buf, text),
        Some((cut, _)) => {
            push_escaped_control(buf, &text[..cut]);
            buf.push('…');
        }
    }
}

/// Appends a number in decimal.
fn push_number(buf: &mut String, n: u64) {
    buf.push_str(itoa::Buffer::new().format(n));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(from: &str, summary: &str) -> LogEntry {
        LogEntry {
            status: StatusCode::OK,
            kind: "text".into(),
            from: from.into(),
            summary: summary.into(),
            answer: Cow::Borrowed("text"),
            retry: true,
        }
    }

    fn human(entry: &LogEntry, color: bool) -> String {
        let mut line = String::new();
        render_human(&mut line, &Method::POST, entry, Duration::from_micros(1_234_567), color);
        line
    }

    /// The line without its clock, which moves between two renderings.
    fn after_clock(line: &str) -> &str {
        &line[line.find(" 200").unwrap()..]
    }

    #[test]
    fn the_plain_line_has_fixed_columns() {
        let line = human(&entry("oU", "hello"), false);
        assert_eq!(
            after_clock(&line),
            " 200 POST text             oU                           hello → text (retry: same answer) 1234.56ms"
        );
    }

    #[test]
    fn the_coloured_line_is_the_plain_line_with_styles() {
        let e = entry("oU", "你好");
        let coloured = human(&e, true);
        let stripped =
            [DIM, GREEN, BOLD_RED, YELLOW, RESET].iter().fold(coloured.clone(), |s, code| s.replace(code, ""));
        assert_eq!(after_clock(&stripped), after_clock(&human(&e, false)));
        assert!(coloured.contains("\x1b[32m200\x1b[0m"), "{coloured:?}");
    }

    #[test]
    fn request_text_cannot_forge_lines_or_reach_the_terminal() {
        let mut e = entry("oU\n12:00:00.000 200 POST forged", "\x1b[2Jcleared");
        e.kind = "te\rxt".into();
        e.answer = Cow::Owned("wrong path /x\u{202e}y".into());
        for color in [false, true] {
            let line = human(&e, color);
            assert!(!line.contains('\n') && !line.contains('\r') && !line.contains('\u{202e}'), "{line:?}");
            assert!(!line.contains("\x1b[2J"), "{line:?}");
            assert!(line.contains("oU\\n12:00:00.000 200 POST forged"), "{line:?}");
            assert!(line.contains("\\u{1b}[2Jcleared") && line.contains("/x\\u{202e}y"), "{line:?}");
        }
    }

    #[test]
    fn long_content_is_cut_to_forty_characters() {
        let line = human(&entry("oU", &"长".repeat(50)), false);
        assert!(line.contains(&format!("{}… → text", "长".repeat(40))), "{line}");
    }

    #[test]
    fn fields_a_request_sets_are_cut() {
        let mut e = entry(&"o".repeat(1000), "x");
        e.kind = "k".repeat(1000);
        e.answer = Cow::Owned(format!("wrong path /{}", "p".repeat(1000)));
        let line = human(&e, false);
        assert!(line.contains(&format!(" {}… ", "o".repeat(FROM_CHARS))), "{line}");
        assert!(line.contains(&format!(" {}… ", "k".repeat(KIND_CHARS))), "{line}");
        assert!(line.chars().count() < 400, "{line}");
    }

    #[test]
    fn the_json_line_keeps_the_text_as_sent() {
        let line = render_json(&Method::POST, &entry("o\nU", "x"), Duration::from_micros(1500));
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(
            (v["from"].as_str(), v["elapsed_us"].as_u64(), v["retry"].as_bool()),
            (Some("o\nU"), Some(1500), Some(true))
        );
    }
}
