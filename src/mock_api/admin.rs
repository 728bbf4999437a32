//! The `/mock/` routes: `POST /mock/fail-next`, `POST /mock/expire-tokens`,
//! `/mock/video/ID` (where a video's `video_url` points), and the records a
//! bot's tests read: `GET /mock/messages` (messages sent, `?touser=`) and
//! `GET /mock/calls` (calls received, `?path=`), each cleared by `DELETE`.
//!
//! A web page the developer happens to visit must not drive the mock. So
//! every `/mock/` route answers only requests addressed to the mock's own
//! address — the Host (and an absolute request target, if any) must be the
//! address it listens on, `IP:PORT` as bound, or `localhost:PORT` when that is
//! a loopback address; when it listens on every interface (0.0.0.0 or ::),
//! any IP address (never a name) with its port. A name an attacker controls,
//! pointed at 127.0.0.1 (DNS rebinding), is refused: 403 with a fixed body.
//! And the routes that change state (POSTs and DELETEs) want `Content-Type: application/json`,
//! which no browser form can send and no page can send across origins without
//! a CORS preflight, which the mock never grants: else 415 with a fixed body.

use super::answer::{clip, shown_appid, Answer};
use super::body::{RequestBody, MAX_JSON_BODY};
use super::failures::Failure;
use super::log::CallRecord;
use super::{lock, MockApi};
use crate::http::server::{respond, BodyError, APPLICATION_JSON};
use hyper::header::{CONTENT_TYPE, HOST};
use hyper::http::request::Parts;
use hyper::{Method, StatusCode};
use serde_json::json;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

/// The only bodies a refused admin request gets.
const FOREIGN_HOST: &str = "admin routes answer only requests to the mock's own address (Host)";
const NOT_JSON: &str = "admin routes take only Content-Type: application/json";

/// Which requests are addressed to the mock itself.
pub struct AdminGuard {
    addr: SocketAddr,
}

impl AdminGuard {
    pub fn new(addr: SocketAddr) -> AdminGuard {
        AdminGuard { addr }
    }

    /// One Host header naming the mock, and an absolute-form target (if any) naming it too.
    pub fn addressed_to_us(&self, head: &Parts) -> bool {
        let mut hosts = head.headers.get_all(HOST).iter();
        let (Some(host), None) = (hosts.next(), hosts.next()) else { return false };
        let Ok(host) = host.to_str() else { return false };
        self.host_allowed(host) && head.uri.authority().is_none_or(|a| self.host_allowed(a.as_str()))
    }

    /// Whether a Host value (`name[:port]`) names the mock's address.
    pub fn host_allowed(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else { return false };
        if port != self.addr.port() {
            return false;
        }
        let bound = self.addr.ip();
        if name.eq_ignore_ascii_case("localhost") {
            return bound.is_loopback() || bound.is_unspecified();
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => bound.is_unspecified() || ip == bound,
            Err(_) => false,
        }
    }

    /// The Host values taken, for the help and the index.
    pub fn hosts_text(&self) -> String {
        let port = self.addr.port();
        let ip = self.addr.ip();
        let shown = match ip {
            IpAddr::V6(v6) => format!("[{v6}]:{port}"),
            IpAddr::V4(v4) => format!("{v4}:{port}"),
        };
        if ip.is_unspecified() {
            format!("IP:{port} (any address of this machine) or localhost:{port}")
        } else if ip.is_loopback() {
            format!("{shown} or localhost:{port}")
        } else {
            shown
        }
    }
}

/// `name:port`, `[v6]:port`, or either without a port (80).
fn split_host(host: &str) -> Option<(&str, u16)> {
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => {
            let (v6, after) = rest.split_once(']')?;
            v6.parse::<std::net::Ipv6Addr>().ok()?;
            (v6, after)
        }
        None => match host.split_once(':') {
            Some((name, _)) => (name, &host[name.len()..]),
            None => (host, ""),
        },
    };
    let port = match port {
        "" => 80,
        port => port.strip_prefix(':')?.parse().ok()?,
    };
    (!name.is_empty()).then_some((name, port))
}

/// A `Content-Type: application/json` (with parameters or not).
fn is_json(head: &Parts) -> bool {
    head.headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/json"))
}

impl MockApi {
    pub(super) async fn admin(
        &self,
        head: &Parts,
        route: &str,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        if !self.admin.addressed_to_us(head) {
            let detail = match head.headers.get(HOST) {
                Some(host) => {
                    let host = clip(&String::from_utf8_lossy(host.as_bytes()));
                    format!("refused: Host {host:?} is not the mock's own address")
                }
                None => "refused: no Host".to_owned(),
            };
            return admin_error(StatusCode::FORBIDDEN, FOREIGN_HOST, detail);
        }
        if let Some(id) = route.strip_prefix("video/") {
            return self.video(id);
        }
        if route == "messages" || route == "calls" {
            return self.records(head, route, query);
        }
        if route != "fail-next" && route != "expire-tokens" {
            return admin_error(StatusCode::NOT_FOUND, "no such admin route", "unknown admin route");
        }
        if head.method != Method::POST {
            return admin_error(StatusCode::METHOD_NOT_ALLOWED, "use POST", "admin route wants POST");
        }
        if !is_json(head) {
            return admin_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, NOT_JSON, "refused: not application/json");
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
            Err(BodyError::Broken | BodyError::TimedOut) => {
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

    /// `GET` or `DELETE` (JSON content type) `/mock/messages` and `/mock/calls`.
    fn records(&self, head: &Parts, route: &str, query: &HashMap<String, String>) -> Answer {
        let messages = route == "messages";
        if head.method == Method::GET {
            let (body, detail) = if messages {
                let only = query.get("touser").map(String::as_str);
                (lock(&self.messages).by_recipient(only), "messages read".to_owned())
            } else {
                let only = query.get("path").map(String::as_str);
                (lock(&self.calls).list(only), "calls read".to_owned())
            };
            return (
                respond(StatusCode::OK, APPLICATION_JSON, body.to_string()),
                CallRecord::plain(StatusCode::OK, detail),
            );
        }
        if head.method != Method::DELETE {
            return admin_error(StatusCode::METHOD_NOT_ALLOWED, "use GET or DELETE", "records want GET or DELETE");
        }
        if !is_json(head) {
            return admin_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, NOT_JSON, "refused: not application/json");
        }
        let cleared = if messages { lock(&self.messages).clear() } else { lock(&self.calls).clear() };
        let body = json!({"ok": true, "cleared": cleared});
        let detail = format!("cleared {cleared} {route}");
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

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(addr: &str) -> AdminGuard {
        AdminGuard::new(addr.parse().unwrap())
    }

    fn head(host: &[&str], target: &str, content_type: Option<&str>) -> Parts {
        let mut builder = hyper::Request::builder().method("POST").uri(target);
        for h in host {
            builder = builder.header(HOST, *h);
        }
        if let Some(t) = content_type {
            builder = builder.header(CONTENT_TYPE, t);
        }
        builder.body(()).unwrap().into_parts().0
    }

    #[test]
    fn loopback_takes_its_ip_and_localhost_with_its_port() {
        let g = guard("127.0.0.1:8081");
        for ok in ["127.0.0.1:8081", "localhost:8081", "LocalHost:8081"] {
            assert!(g.host_allowed(ok), "{ok}");
        }
        for bad in [
            "evil.example:8081",
            "evil.example",
            "127.0.0.1",
            "127.0.0.1:8082",
            "127.0.0.2:8081",
            "localhost",
            "localhost.:8081",
            "127.0.0.1:8081:8081",
            "127.0.0.1:",
            ":8081",
            "",
            "[::1]:8081",
            "127.1:8081",
            "0x7f.0.0.1:8081",
        ] {
            assert!(!g.host_allowed(bad), "{bad}");
        }
        assert_eq!(g.hosts_text(), "127.0.0.1:8081 or localhost:8081");
    }

    #[test]
    fn other_binds() {
        let v6 = guard("[::1]:9000");
        assert!(v6.host_allowed("[::1]:9000") && v6.host_allowed("localhost:9000"));
        assert!(!v6.host_allowed("127.0.0.1:9000") && !v6.host_allowed("[::1"));
        let lan = guard("192.168.1.20:80");
        assert!(lan.host_allowed("192.168.1.20") && lan.host_allowed("192.168.1.20:80"));
        assert!(!lan.host_allowed("localhost:80"), "localhost is not where a LAN-only mock listens");
        assert!(!lan.host_allowed("mock.lan:80"));
        let any = guard("0.0.0.0:8081");
        assert!(any.host_allowed("10.0.0.5:8081") && any.host_allowed("localhost:8081"));
        assert!(any.host_allowed("[fe80::1]:8081"));
        assert!(!any.host_allowed("rebind.evil.example:8081") && !any.host_allowed("10.0.0.5:80"));
    }

    #[test]
    fn one_host_header_and_a_matching_absolute_target() {
        let g = guard("127.0.0.1:8081");
        assert!(g.addressed_to_us(&head(&["127.0.0.1:8081"], "/mock/fail-next", None)));
        assert!(!g.addressed_to_us(&head(&[], "/mock/fail-next", None)));
        assert!(!g.addressed_to_us(&head(&["127.0.0.1:8081", "evil.example"], "/mock/fail-next", None)));
        assert!(!g.addressed_to_us(&head(&["127.0.0.1:8081"], "http://evil.example/mock/fail-next", None)));
        assert!(g.addressed_to_us(&head(&["localhost:8081"], "http://127.0.0.1:8081/mock/fail-next", None)));
    }

    #[test]
    fn only_json_is_taken() {
        assert!(is_json(&head(&[], "/", Some("application/json"))));
        assert!(is_json(&head(&[], "/", Some("Application/JSON; charset=utf-8"))));
        for simple in ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"] {
            assert!(!is_json(&head(&[], "/", Some(simple))), "{simple}");
        }
        assert!(!is_json(&head(&[], "/", None)));
        assert!(!is_json(&head(&[], "/", Some("application/jsonp"))));
    }
}
