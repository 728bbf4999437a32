//! Every call the mock received (all but its own `/mock/` routes), in order,
//! for `GET /mock/calls`: method, path, query (access and refresh tokens masked), the
//! body as JSON when it was JSON, the errcode answered and when. An AppSecret
//! (token's query, stable_token's body) is never kept: it shows as `…`.

use super::bounded::BoundedLog;
use super::log::CallRecord;
use super::MAX_JSON_BODY;
use crate::wechat::unix_now;
use serde_json::{json, Map, Value};

/// Most calls remembered; the oldest are forgotten first. A test checks the
/// calls of the last moments; a bot polling in a loop cannot grow the mock
/// past this.
pub const MAX_CALLS: usize = 10_000;

/// Most bytes of call records (mostly JSON bodies, at most 64 KB each) kept.
pub const MAX_CALL_BYTES: usize = 32 * 1024 * 1024;

/// Characters of an access_token a record shows.
const SHOWN_TOKEN_CHARS: usize = 6;

/// What an AppSecret shows as.
const HIDDEN: &str = "…";

/// Fixed cost counted per record besides its body and query.
const RECORD_OVERHEAD: usize = 128;

pub struct Recorded {
    method: String,
    path: String,
    query: Map<String, Value>,
    body: Option<Value>,
    body_bytes: usize,
    status: u16,
    errcode: Option<i64>,
    time: i64,
}

pub struct Calls {
    log: BoundedLog<Recorded>,
}

impl Default for Calls {
    fn default() -> Calls {
        Calls { log: BoundedLog::new(MAX_CALLS, MAX_CALL_BYTES) }
    }
}

/// An access_token as the record shows it: its first characters, then `…`.
pub fn masked(token: &str) -> String {
    let head: String = token.chars().take(SHOWN_TOKEN_CHARS).collect();
    if head.len() < token.len() {
        format!("{head}…")
    } else {
        head
    }
}

impl Calls {
    pub fn record(&mut self, method: &str, path: &str, query: Option<&str>, body: Option<&[u8]>, answer: &CallRecord) {
        let query: Map<String, Value> = url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
            .map(|(k, v)| {
                let v = match &*k {
                    "access_token" | "refresh_token" => masked(&v),
                    "secret" => HIDDEN.to_owned(),
                    _ => v.into_owned(),
                };
                (k.into_owned(), Value::String(v))
            })
            .collect();
        let body_bytes = body.map_or(0, <[u8]>::len);
        let body = body.filter(|b| b.len() <= MAX_JSON_BODY).and_then(|b| serde_json::from_slice::<Value>(b).ok()).map(
            |mut body| {
                if let Some(secret) = body.get_mut("secret") {
                    *secret = Value::String(HIDDEN.to_owned());
                }
                body
            },
        );
        let size = RECORD_OVERHEAD
            + path.len()
            + query.iter().map(|(k, v)| k.len() + v.as_str().map_or(0, str::len)).sum::<usize>()
            + if body.is_some() { body_bytes } else { 0 };
        let recorded = Recorded {
            method: method.to_owned(),
            path: path.to_owned(),
            query,
            body,
            body_bytes,
            status: answer.status.as_u16(),
            errcode: answer.errcode,
            time: unix_now(),
        };
        self.log.push(recorded, size);
    }

    /// The calls, the oldest first, all or those to one path.
    pub fn list(&self, only: Option<&str>) -> Value {
        let calls: Vec<Value> = self
            .log
            .iter()
            .filter(|c| only.is_none_or(|p| p == c.path))
            .map(|c| {
                json!({
                    "method": c.method, "path": c.path, "query": c.query, "body": c.body,
                    "body_bytes": c.body_bytes, "status": c.status, "errcode": c.errcode, "time": c.time,
                })
            })
            .collect();
        Value::Array(calls)
    }

    pub fn clear(&mut self) -> usize {
        self.log.clear()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::StatusCode;

    #[test]
    fn calls_keep_json_bodies_and_mask_tokens() {
        let mut calls = Calls::default();
        let ok = CallRecord::errcode(0, "wx1", "");
        calls.record("POST", "/t", Some("secret=s3cr3t"), Some(br#"{"secret":"s3cr3t"}"#), &ok);
        assert!(!calls.list(Some("/t")).to_string().contains("s3cr3t"));
        assert_eq!(calls.clear(), 1);
        calls.record("POST", "/a", Some("access_token=abcdefghijkl&x=1"), Some(br#"{"k":1}"#), &ok);
        calls.record("POST", "/b", None, Some(b"\x00binary"), &CallRecord::plain(StatusCode::NOT_FOUND, ""));
        let list = calls.list(None);
        assert_eq!(list[0]["query"], json!({"access_token": "abcdef…", "x": "1"}));
        assert_eq!((list[0]["body"]["k"].as_i64(), list[0]["errcode"].as_i64()), (Some(1), Some(0)));
        assert_eq!((list[1]["body"].is_null(), list[1]["body_bytes"].as_u64()), (true, Some(7)));
        assert_eq!(list[1]["status"], 404);
        assert_eq!(calls.list(Some("/b")).as_array().unwrap().len(), 1);
        assert_eq!(masked("abc"), "abc");
    }
}
