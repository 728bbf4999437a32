//! The answers every mock-api route gives: WeChat-style successes and
//! errcodes, and the short forms of request values its log lines show.

use super::log::CallRecord;
use super::typical_errmsg;
use crate::http::server::{respond, Body, APPLICATION_JSON};
use hyper::{Response, StatusCode};
use serde_json::{json, Value};

/// An answer and what it came to, for the log.
pub type Answer = (Response<Body>, CallRecord);

/// Most characters of a request-supplied value (a file name, a type, a field
/// name) a log line shows: enough to recognise it, and a hostile 12 MB value
/// does not become a 12 MB log line.
pub const MAX_SHOWN_CHARS: usize = 64;

/// Most multipart field names a log line lists.
pub const MAX_SHOWN_FIELDS: usize = 5;

/// A WeChat-style success: HTTP 200 and JSON.
pub fn ok(body: Value, who: &str, detail: String) -> Answer {
    (respond(StatusCode::OK, APPLICATION_JSON, body.to_string()), CallRecord::errcode(0, who, detail))
}

/// A WeChat-style failure: HTTP 200 and `{"errcode","errmsg"}` with a request id, as WeChat adds.
pub fn errcode(code: i64, errmsg: &str, who: &str, detail: impl Into<String>) -> Answer {
    let rid = format!("{:08x}-{:08x}-{:08x}", rand::random::<u32>(), rand::random::<u32>(), rand::random::<u32>());
    let body = json!({"errcode": code, "errmsg": format!("{errmsg} rid: {rid}")});
    (respond(StatusCode::OK, APPLICATION_JSON, body.to_string()), CallRecord::errcode(code, who, detail))
}

/// A failure with WeChat's usual errmsg for its code.
pub fn typical(code: i64, who: &str, detail: impl Into<String>) -> Answer {
    errcode(code, typical_errmsg(code), who, detail)
}

/// A call refused with one of WeChat's errcodes, answered with its usual errmsg.
pub struct Refused {
    code: i64,
    who: String,
    detail: String,
}

impl Refused {
    pub fn answer(self) -> Answer {
        typical(self.code, &self.who, self.detail)
    }
}

pub fn refused(code: i64, who: &str, detail: impl Into<String>) -> Refused {
    Refused { code, who: who.to_owned(), detail: detail.into() }
}

/// A token or id shown in logs: its first eight characters.
pub fn shown_token(token: &str) -> String {
    let head: String = token.chars().take(8).collect();
    if head.len() < token.len() {
        format!("{head}…")
    } else {
        head
    }
}

/// An AppID shown in logs: its first 32 characters (real ones have 18).
pub fn shown_appid(appid: &str) -> String {
    appid.chars().take(32).collect()
}

/// A request-supplied value shown in logs: its first characters.
pub fn clip(text: &str) -> String {
    crate::wechat::reply::shorten(text, MAX_SHOWN_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    #[test]
    fn log_forms_of_tokens_are_short() {
        assert_eq!(shown_token("abcdefghijk"), "abcdefgh…");
        assert_eq!(shown_token("abc"), "abc");
        assert_eq!(shown_appid(&"x".repeat(100)).len(), 32);
        assert_eq!(clip(&"长".repeat(MAX_SHOWN_CHARS)), "长".repeat(MAX_SHOWN_CHARS));
        assert_eq!(clip(&"长".repeat(MAX_SHOWN_CHARS + 1)), format!("{}…", "长".repeat(MAX_SHOWN_CHARS)));
    }

    #[test]
    fn errcode_answers_carry_the_tables_errmsg_and_nothing_of_the_detail() {
        let (response, record) = typical(40001, "wx1", "unknown token: <b>hi</b>");
        assert_eq!((response.status(), record.errcode), (StatusCode::OK, Some(40001)));
        assert_eq!(record.detail, "unknown token: <b>hi</b>");
        let body = futures_body(response);
        let value: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["errcode"], 40001);
        let errmsg = value["errmsg"].as_str().unwrap();
        assert!(errmsg.starts_with(&format!("{} rid: ", typical_errmsg(40001))), "{errmsg}");
        assert!(!errmsg.contains("<b>"));
    }

    fn futures_body(response: Response<Body>) -> Bytes {
        use http_body_util::BodyExt;
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(response.into_body().collect()).unwrap().to_bytes()
    }
}
