//! The `/mock/` routes: `POST /mock/fail-next`, `POST /mock/expire-tokens`,
//! and `/mock/video/ID` (where a video's `video_url` points).

use super::body::{RequestBody, MAX_JSON_BODY};
use super::failures::Failure;
use super::log::CallRecord;
use super::routes::{shown_appid, Answer};
use super::{lock, MockApi};
use crate::http::server::{respond, BodyError, APPLICATION_JSON};
use hyper::http::request::Parts;
use hyper::{Method, StatusCode};
use serde_json::json;
use std::collections::HashMap;
use std::time::Instant;

impl MockApi {
    pub(super) async fn admin(
        &self,
        head: &Parts,
        route: &str,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        if let Some(id) = route.strip_prefix("video/") {
            return self.video(id);
        }
        if route != "fail-next" && route != "expire-tokens" {
            return admin_error(StatusCode::NOT_FOUND, "no such admin route", "unknown admin route");
        }
        if head.method != Method::POST {
            return admin_error(StatusCode::METHOD_NOT_ALLOWED, "use POST", "admin route wants POST");
        }
        if route == "fail-next" {
            self.queue_failure(query, body).await
        } else {
            self.expire_tokens(query)
        }
    }

    async fn queue_failure(&self, query: &HashMap<String, String>, body: &mut RequestBody) -> Answer {
        let body = match body.read(MAX_JSON_BODY).await {
            Ok(body) => body,
            Err(BodyError::TooLarge) => {
                return admin_error(StatusCode::PAYLOAD_TOO_LARGE, "body over 64 KB", "body over 64 KB")
            }
            Err(BodyError::Broken) => {
                return admin_error(StatusCode::BAD_REQUEST, "body unreadable", "body unreadable")
            }
        };
        let failure = match Failure::from_request(query, &body) {
            Ok(failure) => failure,
            Err(e) => return admin_error(StatusCode::BAD_REQUEST, &e, e.clone()),
        };
        let mut detail = format!(
            "queued errcode {} ×{} for {}",
            failure.errcode,
            failure.times,
            failure.path.as_deref().unwrap_or("any API")
        );
        if let Some(errmsg) = &failure.errmsg {
            detail.push_str(&format!(" with errmsg {errmsg:?}"));
        }
        let queued = match lock(&self.failures).push(failure) {
            Ok(queued) => queued,
            Err(e) => return admin_error(StatusCode::BAD_REQUEST, &e, e.clone()),
        };
        let body = json!({"ok": true, "queued": queued});
        (respond(StatusCode::OK, APPLICATION_JSON, body.to_string()), CallRecord::plain(StatusCode::OK, detail))
    }

    fn expire_tokens(&self, query: &HashMap<String, String>) -> Answer {
        let only = query.get("appid").map(String::as_str);
        let expired = lock(&self.tokens).expire(only, Instant::now());
        let body = json!({"ok": true, "expired": expired});
        let detail = match only {
            Some(appid) => format!("expired {expired} token(s) of {}", shown_appid(appid)),
            None => format!("expired {expired} token(s)"),
        };
        (respond(StatusCode::OK, APPLICATION_JSON, body.to_string()), CallRecord::plain(StatusCode::OK, detail))
    }
}

/// An admin refusal: a status and `{"ok":false,"error":…}` with our own text.
fn admin_error(status: StatusCode, error: &str, detail: impl Into<String>) -> Answer {
    let body = json!({"ok": false, "error": error});
    (respond(status, APPLICATION_JSON, body.to_string()), CallRecord::plain(status, detail))
}
