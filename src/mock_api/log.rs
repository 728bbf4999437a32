//! The log line of one call: a human form (coloured or not, from the same
//! renderer) and a JSON form. Every request-supplied field of the human form
//! (method, path, AppID, detail) is escaped with
//! [`escape_control`](crate::wechat::text::escape_control), so a remote party
//! cannot forge a line or send escape sequences to the operator's terminal.
//! The JSON form needs no such care: JSON escapes control characters.

use crate::wechat::text::escape_control;
use hyper::StatusCode;
use serde_json::json;
use std::fmt::{Display, Write};
use std::time::Duration;

/// What one call came to, for its log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    pub status: StatusCode,
    /// The errcode answered, 0 for success; none for plain HTTP answers.
    pub errcode: Option<i64>,
    /// The AppID the call was for (or was given), "-" when none.
    pub who: String,
    /// What happened, for the operator; may hold request-supplied text.
    pub detail: String,
    /// The answer came from the --fail-next queue.
    pub queued: bool,
}

impl CallRecord {
    /// A plain HTTP answer, not one of WeChat's errcode answers.
    pub fn plain(status: StatusCode, detail: impl Into<String>) -> CallRecord {
        CallRecord { status, errcode: None, who: "-".to_owned(), detail: detail.into(), queued: false }
    }

    /// A WeChat-style answer (HTTP 200) with this errcode.
    pub fn errcode(code: i64, who: &str, detail: impl Into<String>) -> CallRecord {
        CallRecord {
            status: StatusCode::OK,
            errcode: Some(code),
            who: who.to_owned(),
            detail: detail.into(),
            queued: false,
        }
    }
}

/// One call as the log shows it.
pub struct Call<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub record: &'a CallRecord,
    pub elapsed: Duration,
}

#[derive(Clone, Copy)]
enum Style {
    Dim,
    Green,
    Red,
    BoldRed,
    Yellow,
}

impl Style {
    fn sgr(self) -> &'static str {
        match self {
            Style::Dim => "\x1b[2m",
            Style::Green => "\x1b[32m",
            Style::Red => "\x1b[31m",
            Style::BoldRed => "\x1b[1;31m",
            Style::Yellow => "\x1b[33m",
        }
    }
}

/// Appends `text` (already safe), in `style` when colour is on, padded with
/// spaces to `width` characters; the padding is never coloured, so columns
/// line up the same with colour and without.
fn paint(buf: &mut String, colour: bool, style: Option<Style>, text: &str, width: usize) {
    match style.filter(|_| colour) {
        Some(style) => {
            buf.push_str(style.sgr());
            buf.push_str(text);
            buf.push_str("\x1b[0m");
        }
        None => buf.push_str(text),
    }
    let shown = text.chars().count();
    buf.extend(std::iter::repeat_n(' ', width.saturating_sub(shown)));
}

/// The human line: time, result, method, path, AppID, detail, duration.
pub fn render_human(buf: &mut String, time: impl Display, call: &Call, colour: bool) {
    let o = call.record;
    let (result, style) = match o.errcode {
        Some(0) => ("ok".to_owned(), Style::Green),
        Some(code) => (code.to_string(), Style::BoldRed),
        None if o.status.is_success() => (o.status.as_u16().to_string(), Style::Green),
        None => (o.status.as_u16().to_string(), Style::Red),
    };
    paint(buf, colour, Some(Style::Dim), &time.to_string(), 0);
    buf.push(' ');
    paint(buf, colour, Some(style), &result, 5);
    buf.push(' ');
    paint(buf, colour, None, &escape_control(call.method), 4);
    buf.push(' ');
    paint(buf, colour, None, &escape_control(call.path), 22);
    buf.push(' ');
    paint(buf, colour, None, &escape_control(&o.who), 20);
    buf.push(' ');
    paint(buf, colour, None, &escape_control(&o.detail), 0);
    if o.queued {
        buf.push(' ');
        paint(buf, colour, Some(Style::Yellow), "(queued failure)", 0);
    }
    buf.push(' ');
    let millis = format!("{:.2}ms", call.elapsed.as_micros() as f64 / 1000.0);
    paint(buf, colour, Some(Style::Dim), &millis, 0);
}

/// The JSON line, one object; its fields are as they were given (JSON escapes them).
pub fn render_json(buf: &mut String, time: impl Display, call: &Call) {
    let o = call.record;
    let line = json!({
        "time": time.to_string(), "method": call.method, "path": call.path, "status": o.status.as_u16(),
        "errcode": o.errcode, "appid": o.who, "detail": o.detail, "queued": o.queued,
        "elapsed_us": call.elapsed.as_micros(),
    });
    let _ = write!(buf, "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile() -> CallRecord {
        let mut record =
            CallRecord::errcode(40013, "wx\n12:00:00.000 ok GET /x", "unknown appid \x1b[2J\r\u{202e}gnp.exe");
        record.queued = true;
        record
    }

    fn human(record: &CallRecord, path: &str, colour: bool) -> String {
        let call = Call { method: "GET", path, record, elapsed: Duration::from_micros(1234) };
        let mut buf = String::new();
        render_human(&mut buf, "12:34:56.789", &call, colour);
        buf
    }

    #[test]
    fn request_text_cannot_break_the_line_or_reach_the_terminal() {
        let record = hostile();
        for colour in [false, true] {
            let line = human(&record, "/cgi-bin/\x1b]0;title\x07\n", colour);
            assert!(!line.contains(['\n', '\r', '\u{7}', '\u{202e}']), "{line:?}");
            assert!(line.contains("wx\\n12:00:00.000") && line.contains("\\u{1b}[2J\\r\\u{202e}gnp.exe"), "{line:?}");
            assert!(line.contains("/cgi-bin/\\u{1b}]0;title\\u{7}\\n"), "{line:?}");
            let escapes = line.matches('\x1b').count();
            if colour {
                // Only the renderer's own colour codes: each styled field opens and resets.
                assert_eq!(escapes, 2 * 4, "{line:?}");
            } else {
                assert_eq!(escapes, 0, "{line:?}");
            }
        }
    }

    #[test]
    fn coloured_and_plain_lines_hold_the_same_text_and_columns() {
        let record = CallRecord::errcode(0, "wx5c3a9e0f1b2d4c6e", "token: issued abcdefgh… (7200 s)");
        let plain = human(&record, "/cgi-bin/token", false);
        let coloured = human(&record, "/cgi-bin/token", true);
        let stripped: String = {
            let mut out = String::new();
            let mut rest = coloured.as_str();
            while let Some(at) = rest.find('\x1b') {
                out.push_str(&rest[..at]);
                rest = &rest[at + rest[at..].find('m').unwrap() + 1..];
            }
            out + rest
        };
        assert_eq!(stripped, plain);
        assert_eq!(
            plain,
            "12:34:56.789 ok    GET  /cgi-bin/token         wx5c3a9e0f1b2d4c6e   token: issued abcdefgh… (7200 s) 1.23ms"
        );
    }

    #[test]
    fn plain_answers_show_their_status() {
        let line = human(&CallRecord::plain(StatusCode::FORBIDDEN, "foreign Host"), "/mock/fail-next", false);
        assert_eq!(line, "12:34:56.789 403   GET  /mock/fail-next        -                    foreign Host 1.23ms");
    }

    #[test]
    fn json_lines_keep_fields_as_given() {
        let record = hostile();
        let call = Call { method: "GET", path: "/a\nb", record: &record, elapsed: Duration::from_micros(7) };
        let mut buf = String::new();
        render_json(&mut buf, "12:34:56.789", &call);
        assert!(!buf.contains(['\n', '\x1b']), "{buf}");
        let value: serde_json::Value = serde_json::from_str(&buf).unwrap();
        assert_eq!(value["appid"], "wx\n12:00:00.000 ok GET /x");
        assert_eq!(value["path"], "/a\nb");
        assert_eq!((value["errcode"].as_i64(), value["queued"].as_bool()), (Some(40013), Some(true)));
        assert_eq!(value["elapsed_us"], 7);
    }
}
