//! The recording reverse proxy behind `wxdev record`: every request is
//! forwarded unchanged to the upstream and its answer handed back unchanged,
//! and each exchange is saved as a record file.
//!
//! What "unchanged" means here, within what hyper allows: method, target,
//! headers (except hop-by-hop ones) and body bytes go up as received;
//! status, headers (except hop-by-hop ones) and body bytes come back as
//! answered, after the upstream has answered in full, so a slow upstream
//! stays exactly as slow. A body is re-framed with Content-Length (chunked
//! framing is hop-by-hop), and hyper adds a Date header when the upstream
//! sent none. An upstream that closes the connection without a complete
//! answer (or does not answer in [`ProxyConfig::upstream_timeout`]) makes the
//! proxy close the client's connection too: no status line is invented.

use super::store::Recorder;
use super::{millis, utc_stamps, Exchange, RecordedBody, RecordedRequest, RecordedResponse, Timings};
use crate::http::log::RequestLog;
use crate::http::server::{read_body_within, respond, Body, BodyError, HangUp, TEXT_PLAIN};
use crate::server::log::{render_human, render_json, LogEntry};
use crate::wechat::crypto::{Envelope, MsgCrypt};
use crate::wechat::{CallbackQuery, Element, Incoming};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::client::conn::http1::SendRequest;
use hyper::header::HeaderMap;
use hyper::{Request, Response, StatusCode};
use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// Request bodies above this are refused with 413 (serve's 1 MiB, and room to spare).
pub const MAX_REQUEST_BODY: usize = 2 * 1024 * 1024;
/// Upstream answers above this are not handed back: the client's connection is closed.
pub const MAX_RESPONSE_BODY: usize = 16 * 1024 * 1024;
/// Idle upstream connections kept for reuse; one per concurrent request is enough.
const MAX_IDLE_UPSTREAM: usize = 256;

/// What the proxy needs to know.
pub struct ProxyConfig {
    /// The developer's app: http://host:port, with an optional path put in front of each request's.
    pub upstream: url::Url,
    pub recorder: Recorder,
    /// EncodingAESKey and AppID: decrypted messages and replies are saved too.
    pub crypt: Option<MsgCrypt>,
    pub body_timeout: Duration,
    /// How long to wait for the upstream's complete answer.
    pub upstream_timeout: Duration,
    pub json_log: bool,
    pub color_log: bool,
    /// Exchanges forwarded at once, including those whose client has gone
    /// (they run on to save their record); beyond it requests wait.
    pub max_in_flight: usize,
}

pub struct Proxy {
    config: ProxyConfig,
    log: RequestLog,
    idle: Mutex<Vec<SendRequest<Full<Bytes>>>>,
    in_flight: Arc<tokio::sync::Semaphore>,
    /// Set once the first failure to write a record file has been reported.
    write_failure_reported: AtomicBool,
}

/// The headers that belong to one connection, not to the message (RFC 9110 §7.6.1).
const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "proxy-authenticate",
];

/// The headers without hop-by-hop ones (and those the Connection header names).
fn end_to_end(headers: &HeaderMap) -> HeaderMap {
    let named: Vec<String> = headers
        .get_all(hyper::header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(',').map(|n| n.trim().to_ascii_lowercase()))
        .collect();
    let mut kept = HeaderMap::with_capacity(headers.len());
    for (name, value) in headers {
        let n = name.as_str();
        if !HOP_BY_HOP.contains(&n) && !named.iter().any(|x| x == n) {
            kept.append(name.clone(), value.clone());
        }
    }
    kept
}

fn header_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers.iter().map(|(k, v)| (k.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned())).collect()
}

/// The upstream's answer, or why there was none.
type Answer = Result<(StatusCode, HeaderMap, Bytes), String>;

impl Proxy {
    pub fn new(config: ProxyConfig, log: RequestLog) -> Self {
        let in_flight = Arc::new(tokio::sync::Semaphore::new(config.max_in_flight.max(1)));
        Proxy { config, log, idle: Mutex::new(Vec::new()), in_flight, write_failure_reported: AtomicBool::new(false) }
    }

    pub async fn handle(self: &Arc<Self>, req: Request<hyper::body::Incoming>) -> Result<Response<Body>, HangUp> {
        let started = Instant::now();
        let arrived = SystemTime::now();
        let (parts, body) = req.into_parts();
        let target = parts.uri.path_and_query().map_or("/", |pq| pq.as_str()).to_owned();
        let body = match read_body_within(body, MAX_REQUEST_BODY, self.config.body_timeout).await {
            Ok(bytes) => bytes,
            Err(e) => {
                let (status, reason) = match e {
                    BodyError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "body over 2 MiB: not forwarded"),
                    BodyError::TimedOut => (StatusCode::REQUEST_TIMEOUT, "body not received in time: not forwarded"),
                    BodyError::Broken => (StatusCode::BAD_REQUEST, "body could not be read: not forwarded"),
                };
                let entry = LogEntry::refused(status, reason);
                self.log_line(&parts.method, &entry, started.elapsed());
                return Ok(respond(status, TEXT_PLAIN, format!("{}\n", status.canonical_reason().unwrap_or(""))));
            }
        };
        let headers = end_to_end(&parts.headers);
        let recorded_request = RecordedRequest {
            method: parts.method.as_str().to_owned(),
            target: target.clone(),
            headers: header_pairs(&headers),
            body: RecordedBody::from_bytes(&body),
        };
        let mut upstream_req = Request::new(Full::new(body.clone()));
        *upstream_req.method_mut() = parts.method.clone();
        *upstream_req.uri_mut() = self.upstream_target(&target).parse().map_err(|_| HangUp)?;
        *upstream_req.headers_mut() = headers;
        // The exchange runs to its end in its own task, so that a client that
        // gives up (WeChat after 5 s) still leaves a complete record behind.
        let (answer_tx, answer_rx) = tokio::sync::oneshot::channel();
        let proxy = self.clone();
        let Ok(slot) = self.in_flight.clone().acquire_owned().await else { return Err(HangUp) };
        tokio::spawn(async move {
            let _slot = slot;
            let answer = proxy.forward(upstream_req).await;
            let upstream_ms = millis(started.elapsed());
            let response = match &answer {
                Ok((status, headers, body)) => {
                    let mut response = Response::new(Full::new(body.clone()));
                    *response.status_mut() = *status;
                    *response.headers_mut() = headers.clone();
                    Some(response)
                }
                Err(_) => None,
            };
            let _ = answer_tx.send(response);
            let total_ms = millis(started.elapsed());
            proxy.finish(arrived, recorded_request, &body, answer, Timings { upstream_ms, total_ms }, started);
        });
        match answer_rx.await {
            Ok(Some(response)) => Ok(response),
            _ => Err(HangUp),
        }
    }

    /// The upstream's path in front of the request's target.
    fn upstream_target(&self, target: &str) -> String {
        let prefix = self.config.upstream.path().trim_end_matches('/');
        format!("{prefix}{target}")
    }

    async fn forward(&self, req: Request<Full<Bytes>>) -> Answer {
        let exchange = async {
            let mut req = req;
            // A pooled connection may have been closed by the upstream meanwhile;
            // a request that was not sent on it is sent on a fresh one.
            let pooled = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
            let (mut sender, response) = match pooled {
                Some(mut sender) => match sender.try_send_request(req).await {
                    Ok(response) => (sender, response),
                    Err(mut e) => match e.take_message() {
                        Some(unsent) => {
                            req = unsent;
                            let mut sender = self.connect().await?;
                            let response = sender.send_request(req).await.map_err(|e| describe(&e))?;
                            (sender, response)
                        }
                        None => return Err(describe(e.error())),
                    },
                },
                None => {
                    let mut sender = self.connect().await?;
                    let response = sender.send_request(req).await.map_err(|e| describe(&e))?;
                    (sender, response)
                }
            };
            let (parts, body) = response.into_parts();
            let bytes = match Limited::new(body, MAX_RESPONSE_BODY).collect().await {
                Ok(collected) => collected.to_bytes(),
                Err(e) if e.is::<http_body_util::LengthLimitError>() => {
                    return Err("the upstream's answer is over 16 MiB".to_owned())
                }
                Err(e) => return Err(format!("the upstream's answer broke off: {e}")),
            };
            if !sender.is_closed() && sender.ready().await.is_ok() {
                let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
                if idle.len() < MAX_IDLE_UPSTREAM {
                    idle.push(sender);
                }
            }
            Ok((parts.status, end_to_end(&parts.headers), bytes))
        };
        match tokio::time::timeout(self.config.upstream_timeout, exchange).await {
            Ok(answer) => answer,
            Err(_) => Err(format!("no answer from the upstream in {} s", self.config.upstream_timeout.as_secs_f64())),
        }
    }

    async fn connect(&self) -> Result<SendRequest<Full<Bytes>>, String> {
        let url = &self.config.upstream;
        let host = url.host_str().unwrap_or("localhost").trim_start_matches('[').trim_end_matches(']');
        let port = url.port_or_known_default().unwrap_or(80);
        let stream = tokio::net::TcpStream::connect((host, port))
            .await
            .map_err(|e| format!("cannot connect to {host}:{port}: {}", crate::client::io_reason(&e)))?;
        let _ = stream.set_nodelay(true);
        let (sender, connection) = hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(|e| describe(&e))?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok(sender)
    }

    /// Saves the exchange and logs its line.
    fn finish(
        &self,
        arrived: SystemTime,
        request: RecordedRequest,
        body: &Bytes,
        answer: Answer,
        timings: Timings,
        started: Instant,
    ) {
        let query = CallbackQuery::parse(request.target.split_once('?').map_or("", |(_, q)| q));
        let text = std::str::from_utf8(body).ok();
        let message = match (&self.config.crypt, query.is_encrypted(), text) {
            (Some(crypt), true, Some(text)) => Envelope::parse(text).ok().and_then(|e| crypt.decrypt(&e.encrypt).ok()),
            _ => None,
        };
        let (response, error) = match &answer {
            Ok((status, headers, bytes)) => (
                Some(RecordedResponse {
                    status: status.as_u16(),
                    headers: header_pairs(headers),
                    body: RecordedBody::from_bytes(bytes),
                }),
                None,
            ),
            Err(reason) => (None, Some(reason.clone())),
        };
        let reply_text = response.as_ref().and_then(|r| r.body.text().map(str::to_owned));
        let reply = match (&self.config.crypt, &reply_text) {
            (Some(crypt), Some(text)) => decrypt_reply(crypt, text),
            _ => None,
        };
        let entry = log_entry(&request.method, message.as_deref().or(text), &response, reply.as_deref(), &error);
        let method = hyper::Method::from_bytes(request.method.as_bytes()).unwrap_or(hyper::Method::POST);
        let exchange = Exchange {
            version: super::FORMAT_VERSION,
            recorded_at: utc_stamps(arrived).0,
            upstream: Some(self.config.upstream.as_str().trim_end_matches('/').to_owned()),
            request,
            response,
            error,
            timings,
            message,
            reply,
        };
        if let Err(e) = self.config.recorder.write(&exchange, arrived) {
            if !self.write_failure_reported.swap(true, Ordering::Relaxed) {
                self.log.line(&format!("wxdev record: {e}; traffic still flows, unrecorded (this is reported once)"));
            }
        }
        self.log_line(&method, &entry, started.elapsed());
    }

    fn log_line(&self, method: &hyper::Method, entry: &LogEntry, elapsed: Duration) {
        if self.config.json_log {
            self.log.line(&render_json(method, entry, elapsed));
        } else {
            self.log.write_line(|buf| render_human(buf, method, entry, elapsed, self.config.color_log));
        }
    }
}

/// The decrypted content of an encrypted reply.
pub fn decrypt_reply(crypt: &MsgCrypt, body: &str) -> Option<String> {
    let root = Element::parse_document(body.trim()).ok()?;
    root.child("Encrypt")?;
    let envelope = Envelope::from_element(&root).ok()?;
    crypt.decrypt_any_appid(&envelope.encrypt).ok().map(|d| d.message)
}

/// serve's log line for one forwarded exchange.
fn log_entry(
    method: &str,
    message: Option<&str>,
    response: &Option<RecordedResponse>,
    reply: Option<&str>,
    error: &Option<String>,
) -> LogEntry {
    let incoming = message.filter(|_| method == "POST").and_then(|m| Incoming::parse(m).ok());
    let (kind, from, summary) = match incoming {
        Some(mut incoming) => (incoming.kind_label(), std::mem::take(&mut incoming.from), incoming.summary()),
        None => ("-".to_owned(), "-".to_owned(), String::new()),
    };
    let (status, answer) = match (response, error) {
        (Some(response), _) => {
            let status = StatusCode::from_u16(response.status).unwrap_or(StatusCode::OK);
            let shown = reply.or(response.body.text()).unwrap_or("(binary)");
            let answer = match Element::parse_document(shown.trim())
                .ok()
                .and_then(|r| r.child_text("MsgType").map(str::to_owned))
            {
                Some(msg_type) => msg_type,
                None => crate::wechat::reply::shorten(shown.trim(), 40),
            };
            (status, Cow::Owned(answer))
        }
        // No status went back; the log shows 502 for what the client saw as a closed connection.
        (None, error) => (
            StatusCode::BAD_GATEWAY,
            Cow::Owned(format!("no answer, connection closed ({})", error.as_deref().unwrap_or("?"))),
        ),
    };
    LogEntry { status, kind, from, summary, answer, retry: false }
}

fn describe(e: &hyper::Error) -> String {
    if e.is_incomplete_message() || e.is_closed() || e.is_canceled() {
        "the upstream closed the connection without a complete answer".to_owned()
    } else {
        format!("the upstream's answer could not be read: {e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::{HeaderName, HeaderValue};

    #[test]
    fn hop_by_hop_headers_are_dropped() {
        let mut headers = HeaderMap::new();
        headers.insert("connection", HeaderValue::from_static("keep-alive, x-private"));
        headers.insert("x-private", HeaderValue::from_static("1"));
        headers.insert("transfer-encoding", HeaderValue::from_static("chunked"));
        headers.insert(HeaderName::from_static("content-type"), HeaderValue::from_static("text/xml"));
        headers.append("x-twice", HeaderValue::from_static("a"));
        headers.append("x-twice", HeaderValue::from_static("b"));
        let kept = header_pairs(&end_to_end(&headers));
        assert_eq!(
            kept,
            vec![
                ("content-type".to_owned(), "text/xml".to_owned()),
                ("x-twice".to_owned(), "a".to_owned()),
                ("x-twice".to_owned(), "b".to_owned()),
            ]
        );
    }
}
