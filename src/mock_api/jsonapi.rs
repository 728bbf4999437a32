//! What the API routes share: the method, then the access_token, then (for
//! POSTs) a JSON object body, checked in that order as WeChat does: 43001 or
//! 43002 for the wrong method, 41001/40001/40014/42001 for the token, 44002
//! for an empty body and 47001 for one that is not a JSON object.

use super::answer::{refused, shown_appid, Refused};
use super::body::{RequestBody, MAX_JSON_BODY};
use super::MockApi;
use crate::http::server::BodyError;
use hyper::http::request::Parts;
use hyper::Method;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A call that passed the method and token checks.
pub struct Caller {
    /// The AppID as the log shows it.
    pub who: String,
}

impl MockApi {
    /// The method and the access_token of a call.
    pub(super) fn caller(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        method: Method,
        name: &str,
    ) -> Result<Caller, Refused> {
        if head.method != method {
            let code = if method == Method::GET { 43001 } else { 43002 };
            return Err(refused(code, "-", format!("{name} wants {method}")));
        }
        let appid = self.check_token(query.get("access_token").map(String::as_str))?;
        Ok(Caller { who: shown_appid(&appid) })
    }

    /// A POST with a JSON object body, after the method and token checks.
    pub(super) async fn json_call(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
        name: &str,
    ) -> Result<(Caller, Map<String, Value>), Refused> {
        let caller = self.caller(head, query, Method::POST, name)?;
        let bytes = match body.read(MAX_JSON_BODY).await {
            Ok(bytes) => bytes,
            Err(BodyError::TooLarge) => return Err(refused(47001, &caller.who, "body over 64 KB")),
            Err(_) => return Err(refused(47001, &caller.who, "body unreadable")),
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(refused(44002, &caller.who, "empty body"));
        }
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Object(map)) => Ok((caller, map)),
            _ => Err(refused(47001, &caller.who, "body is not a JSON object")),
        }
    }
}

/// A field that is a non-empty string.
pub fn text<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    object.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// A field that is an object.
pub fn object<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a Map<String, Value>> {
    object.get(key).and_then(Value::as_object)
}
