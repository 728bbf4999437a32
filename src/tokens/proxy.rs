//! `wxdev proxy`: the API-Proxy. Business servers call it as they would call
//! WeChat's API, without a secret or a token: every `/cgi-bin/*` request is
//! forwarded to the upstream with the account's current access_token added
//! (or replacing the one given); `/sns/*` (web authorization, user tokens)
//! passes unchanged. Bodies are streamed both ways.
//!
//! On errcode 40001 or 42001 the token is reported stale (the token service's
//! compare-and-refresh) and the request sent once more with the new one —
//! only when the request body could be kept for that: bodies of at most
//! [`REPLAY_LIMIT`] bytes (every JSON call) are read first, larger ones
//! (media uploads) are streamed and not retried; the stale token is reported
//! anyway, so the caller's next attempt succeeds. Answers that are JSON or
//! text (at most [`MAX_TEXT_ANSWER`]) are read whole to find their errcode;
//! files (media downloads) are streamed.

use super::service::Service;
use super::{bearer_ok, Held, SERVE_MARGIN_SECS};
use crate::client::api::is_textual;
use crate::http::log::{Clock, RequestLog};
use crate::http::server::{read_body_within, HangUp};
use crate::wechat::text::escape_control;
use crate::wechat::unix_now;
use bytes::Bytes;
use hyper::body::{Body as _, Incoming};
use hyper::header::{HeaderMap, HeaderValue};
use hyper::{Request, Response, StatusCode};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Request bodies up to this size are read first, so that the request can be
/// sent again after a token rejection; larger ones are streamed.
pub const REPLAY_LIMIT: usize = 1024 * 1024;
/// Longest JSON or text answer read whole (WeChat's JSON answers are far smaller).
pub const MAX_TEXT_ANSWER: usize = 4 * 1024 * 1024;

/// Headers that belong to one connection, not to the request (RFC 9110 §7.6.1), plus the ones replaced.
const DROPPED: [&str; 10] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
    "authorization",
];

/// Where the proxy (or `wxdev token --from`) gets tokens: a running `token
/// serve`, or a service in this process on the store.
pub enum TokenSource {
    Remote(RemoteTokens),
    Local(Arc<Service>),
}

impl TokenSource {
    pub async fn current(&self, appid: &str) -> Result<String, String> {
        match self {
            TokenSource::Remote(remote) => remote.current(appid).await.map(|h| h.value),
            TokenSource::Local(service) => {
                service.get(appid, service.token_kind()).await.map(|h| h.value).map_err(|e| e.message)
            }
        }
    }

    pub async fn stale(&self, appid: &str, stale: &str) -> Result<String, String> {
        match self {
            TokenSource::Remote(remote) => remote.refresh(appid, stale).await.map(|h| h.value),
            TokenSource::Local(service) => {
                service.refresh(appid, service.token_kind(), Some(stale)).await.map(|h| h.value).map_err(|e| e.message)
            }
        }
    }
}

/// How long a token from `token serve` is reused before asking again.
const REMOTE_REUSE_SECS: i64 = 60;

/// A client of `token serve`'s `/token` and `/token/refresh`, keeping the
/// token it was given for a minute while it has more than five minutes left.
pub struct RemoteTokens {
    base: String,
    key: Option<String>,
    http: reqwest::Client,
    cached: Mutex<Option<Held>>,
}

impl RemoteTokens {
    pub fn new(base: &str, key: Option<String>) -> Result<RemoteTokens, reqwest::Error> {
        let http = crate::client::transport::client(Duration::from_secs(5))?;
        Ok(RemoteTokens { base: base.trim_end_matches('/').to_owned(), key, http, cached: Mutex::new(None) })
    }

    pub async fn current(&self, appid: &str) -> Result<Held, String> {
        let cached = self.cached.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let now = unix_now();
        // Asked again every minute: the service may have refreshed actively (its old token
        // stays valid only five minutes more).
        if let Some(held) = cached.filter(|h| h.left(now) > SERVE_MARGIN_SECS && now - h.fetched_at < REMOTE_REUSE_SECS)
        {
            return Ok(held);
        }
        let url = format!("{}/token", self.base);
        let request = self.http.get(url).query(&[("appid", appid)]);
        let held = self.ask(request, "access_token").await?;
        *self.cached.lock().unwrap_or_else(|e| e.into_inner()) = Some(held.clone());
        Ok(held)
    }

    /// A JS-SDK or card ticket (`GET /ticket?appid=A&type=jsapi|wx_card`), asked for each time.
    pub async fn ticket(&self, appid: &str, ticket_type: &str) -> Result<Held, String> {
        let url = format!("{}/ticket", self.base);
        let request = self.http.get(url).query(&[("appid", appid), ("type", ticket_type)]);
        self.ask(request, "ticket").await
    }

    pub async fn refresh(&self, appid: &str, stale: &str) -> Result<Held, String> {
        let url = format!("{}/token/refresh", self.base);
        let request = self.http.post(url).json(&json!({"appid": appid, "stale_token": stale}));
        let held = self.ask(request, "access_token").await?;
        *self.cached.lock().unwrap_or_else(|e| e.into_inner()) = Some(held.clone());
        Ok(held)
    }

    /// The service's answer: `key` (the value) and `expires_at`.
    async fn ask(&self, mut request: reqwest::RequestBuilder, key: &str) -> Result<Held, String> {
        if let Some(key) = &self.key {
            request = request.bearer_auth(key);
        }
        let response = request.timeout(Duration::from_secs(30)).send().await.map_err(|e| {
            let url = e.url().cloned();
            let failure = crate::client::transport::TransportFailure::classify(&e);
            match url {
                Some(url) => format!("the token service: {}", failure.describe(&url)),
                None => "the token service cannot be reached".to_owned(),
            }
        })?;
        let status = response.status();
        let body: Value =
            response.json().await.map_err(|_| format!("the token service answered HTTP {status}, not JSON"))?;
        if !status.is_success() {
            let message = body.get("error").and_then(Value::as_str).unwrap_or("no reason given");
            return Err(format!("the token service answered HTTP {}: {}", status.as_u16(), escape_control(message)));
        }
        let value = body.get(key).and_then(Value::as_str).filter(|t| !t.is_empty());
        let expires_at = body.get("expires_at").and_then(Value::as_i64);
        let (Some(value), Some(expires_at)) = (value, expires_at) else {
            return Err(format!("the token service answered without {key} and expires_at"));
        };
        Ok(Held { value: value.to_owned(), expires_at, fetched_at: unix_now() })
    }
}

pub struct Proxy {
    pub upstream: String,
    pub client: reqwest::Client,
    pub tokens: TokenSource,
    pub appid: String,
    /// Path prefixes business servers may call; empty: all.
    pub allow: Vec<String>,
    pub auth_key: Option<String>,
    pub log: RequestLog,
    pub body_timeout: Duration,
}

/// What one call came to, for its log line.
struct Outcome {
    response: Response<reqwest::Body>,
    errcode: Option<i64>,
    retried: bool,
}

impl Proxy {
    pub async fn handle(self: Arc<Self>, req: Request<Incoming>) -> Result<Response<reqwest::Body>, HangUp> {
        let started = Instant::now();
        let method = req.method().clone();
        let path = req.uri().path().to_owned();
        let outcome = self.forward(req).await;
        self.log.write_line(|line| {
            use std::fmt::Write as _;
            let _ = write!(line, "{} {method} ", Clock::now());
            crate::wechat::text::push_escaped_control(line, &path);
            let errcode = outcome.errcode.map_or("-".to_owned(), |c| c.to_string());
            let _ = write!(
                line,
                " {} errcode={errcode} {} ms{}",
                outcome.response.status().as_u16(),
                started.elapsed().as_millis(),
                if outcome.retried { " (retried with a new token)" } else { "" }
            );
        });
        Ok(outcome.response)
    }

    async fn forward(&self, req: Request<Incoming>) -> Outcome {
        if let Some(key) = &self.auth_key {
            if !bearer_ok(req.headers().get(hyper::header::AUTHORIZATION), key) {
                let mut response = refusal(StatusCode::UNAUTHORIZED, "missing or wrong Authorization: Bearer key");
                response.headers_mut().insert(hyper::header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                return Outcome { response, errcode: None, retried: false };
            }
        }
        let path = req.uri().path().to_owned();
        let refused = |status, message| Outcome { response: refusal(status, message), errcode: None, retried: false };
        if !self.allow.is_empty() && !self.allow.iter().any(|prefix| path.starts_with(prefix.as_str())) {
            return refused(StatusCode::FORBIDDEN, "this path is not allowed through this proxy (--allow)");
        }
        let inject = if path.starts_with("/cgi-bin/") {
            true
        } else if path.starts_with("/sns/") {
            false
        } else {
            return refused(StatusCode::NOT_FOUND, "the proxy forwards /cgi-bin/* and /sns/* only");
        };
        let (head, body) = req.into_parts();
        let query = head.uri.query().unwrap_or("").to_owned();
        let headers = forwarded_headers(&head.headers);
        // Small bodies are kept so that the request can be sent again.
        let declared = body.size_hint().exact();
        let (kept, mut streamed) = match declared {
            Some(n) if n as usize <= REPLAY_LIMIT => {
                match read_body_within(body, REPLAY_LIMIT, self.body_timeout).await {
                    Ok(bytes) => (Some(bytes), None),
                    Err(_) => return refused(StatusCode::BAD_REQUEST, "the request body could not be read"),
                }
            }
            _ => (None, Some(body)),
        };
        let mut token = None;
        if inject {
            match self.tokens.current(&self.appid).await {
                Ok(t) => token = Some(t),
                Err(e) => return refused(StatusCode::BAD_GATEWAY, &format!("no access_token: {e}")),
            }
        }
        let mut retried = false;
        loop {
            let url = format!("{}{path}{}", self.upstream, rewritten_query(&query, token.as_deref()));
            let body = match (&kept, streamed.take()) {
                (Some(bytes), _) => reqwest::Body::from(bytes.clone()),
                (None, Some(incoming)) => reqwest::Body::wrap(incoming),
                (None, None) => reqwest::Body::from(Bytes::new()),
            };
            let sent = self.client.request(head.method.clone(), url).headers(headers.clone()).body(body).send().await;
            let upstream = match sent {
                Ok(upstream) => upstream,
                Err(_) => return refused(StatusCode::BAD_GATEWAY, "the upstream API cannot be reached"),
            };
            let (response, errcode) = match answer(upstream).await {
                Ok(answered) => answered,
                Err(message) => return refused(StatusCode::BAD_GATEWAY, &message),
            };
            let rejected = matches!(errcode, Some(40001 | 42001));
            match (&token, rejected) {
                (Some(stale), true) => {
                    let fresh = self.tokens.stale(&self.appid, stale).await;
                    match fresh {
                        Ok(fresh) if kept.is_some() && !retried && fresh != *stale => {
                            token = Some(fresh);
                            retried = true;
                            continue;
                        }
                        _ => return Outcome { response, errcode, retried },
                    }
                }
                _ => return Outcome { response, errcode, retried },
            }
        }
    }
}

/// The query with every `access_token` removed and the current one appended.
pub fn rewritten_query(query: &str, token: Option<&str>) -> String {
    let mut out: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or("");
            let decoded = percent_encoding::percent_decode_str(key).decode_utf8_lossy();
            token.is_none() || decoded != "access_token"
        })
        .map(str::to_owned)
        .collect();
    if let Some(token) = token {
        out.push(format!(
            "access_token={}",
            url::form_urlencoded::byte_serialize(token.as_bytes()).collect::<String>()
        ));
    }
    if out.is_empty() {
        String::new()
    } else {
        format!("?{}", out.join("&"))
    }
}

fn forwarded_headers(headers: &HeaderMap) -> HeaderMap {
    let mut out = HeaderMap::new();
    for (name, value) in headers {
        if !DROPPED.contains(&name.as_str()) {
            out.append(name.clone(), value.clone());
        }
    }
    out
}

/// The upstream's answer as the client gets it, and its errcode when it is JSON.
async fn answer(upstream: reqwest::Response) -> Result<(Response<reqwest::Body>, Option<i64>), String> {
    let status = upstream.status();
    let header = |name: &str| upstream.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let textual = is_textual(header("content-type").as_deref(), header("content-disposition").as_deref());
    let mut headers = HeaderMap::new();
    for (name, value) in upstream.headers() {
        if !DROPPED.contains(&name.as_str()) && name != hyper::header::CONTENT_LENGTH {
            headers.append(name.clone(), value.clone());
        }
    }
    let length = upstream.content_length();
    let (body, errcode) = if textual && length.is_none_or(|n| n as usize <= MAX_TEXT_ANSWER) {
        let mut upstream = upstream;
        let mut bytes = Vec::new();
        while let Some(chunk) = upstream.chunk().await.map_err(|_| "the upstream answer broke off".to_owned())? {
            if bytes.len() + chunk.len() > MAX_TEXT_ANSWER {
                return Err("the upstream answer is larger than 4 MB of text".to_owned());
            }
            bytes.extend_from_slice(&chunk);
        }
        let errcode =
            serde_json::from_slice::<Value>(&bytes).ok().and_then(|v| v.get("errcode").and_then(Value::as_i64));
        headers.insert(hyper::header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
        (reqwest::Body::from(bytes), errcode)
    } else {
        if let Some(n) = length {
            headers.insert(hyper::header::CONTENT_LENGTH, HeaderValue::from(n));
        }
        (reqwest::Body::from(upstream), None)
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    Ok((response, errcode))
}

fn refusal(status: StatusCode, message: &str) -> Response<reqwest::Body> {
    let body = json!({"errcode": -1, "errmsg": format!("wxdev proxy: {message}")}).to_string();
    let mut response = Response::new(reqwest::Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(hyper::header::CONTENT_TYPE, HeaderValue::from_static(crate::http::server::APPLICATION_JSON));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_replaced_and_the_rest_kept() {
        assert_eq!(rewritten_query("", Some("T")), "?access_token=T");
        assert_eq!(rewritten_query("type=jsapi&access_token=OLD", Some("T")), "?type=jsapi&access_token=T");
        assert_eq!(rewritten_query("access%5Ftoken=OLD&a=%20b", Some("T+/")), "?a=%20b&access_token=T%2B%2F");
        assert_eq!(rewritten_query("code=C&access_token=U", None), "?code=C&access_token=U");
        assert_eq!(rewritten_query("", None), "");
    }
}
