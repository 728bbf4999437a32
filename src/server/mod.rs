//! The reference endpoint behind `wxdev serve`: verifies WeChat's signature,
//! answers the URL check, echoes messages back ([`echo`]), answers WeChat's
//! retries with the same bytes ([`retry`]), and logs one line per request ([`log`]).
//!
//! A refused request gets a fixed body per status and nothing else: why it
//! was refused goes to the log only. In safe mode, an answer that differed
//! by the decryption check that failed would be a padding oracle.

pub mod echo;
pub mod log;
pub mod retry;

pub use echo::{echo_reply, echo_reply_at};

use crate::http::log::RequestLog;
use crate::http::server::{declared_too_large, read_body_within, respond, Body, BodyError, TEXT_PLAIN, TEXT_XML};
use crate::wechat::callback::SignatureFailure;
use crate::wechat::crypto::{check_msg_signature, Envelope, MsgCrypt};
use crate::wechat::{unix_now, CallbackQuery, Element, Incoming};
use bytes::Bytes;
use hyper::{Method, Request, Response, StatusCode};
use log::LogEntry;
use retry::{Answered, RetryMemory, Seal};
use std::borrow::Cow;
use std::time::Instant;

/// Bodies above this are refused with 413.
pub const MAX_BODY: usize = 1024 * 1024;

/// What the endpoint needs to know.
#[derive(Clone)]
pub struct EndpointConfig {
    pub token: String,
    /// The callback path, e.g. `/wechat`.
    pub path: String,
    /// One JSON object per log line instead of human text.
    pub json_log: bool,
    /// Colour in the human log lines.
    pub color_log: bool,
    /// EncodingAESKey and AppID, for safe- and compatible-mode requests.
    pub crypt: Option<MsgCrypt>,
    /// How long a request body may take to arrive.
    pub body_timeout: std::time::Duration,
}

pub struct Endpoint {
    config: EndpointConfig,
    retries: RetryMemory,
    log: RequestLog,
}

/// The fixed body of each refusal: the same bytes whatever the reason.
fn refusal_body(status: StatusCode) -> &'static str {
    match status {
        StatusCode::BAD_REQUEST => "bad request\n",
        StatusCode::FORBIDDEN => "forbidden\n",
        StatusCode::NOT_FOUND => "not found\n",
        StatusCode::METHOD_NOT_ALLOWED => "method not allowed\n",
        StatusCode::REQUEST_TIMEOUT => "request timeout\n",
        StatusCode::PAYLOAD_TOO_LARGE => "payload too large\n",
        _ => "refused\n",
    }
}

/// A refusal: the fixed body to the client, the reason to the log.
fn refuse(status: StatusCode, reason: impl Into<Cow<'static, str>>) -> (Response<Body>, LogEntry) {
    (respond(status, TEXT_PLAIN, refusal_body(status)), LogEntry::refused(status, reason))
}

impl Endpoint {
    pub fn new(config: EndpointConfig, log: RequestLog) -> Self {
        Endpoint { config, retries: RetryMemory::default(), log }
    }

    pub async fn handle(&self, req: Request<hyper::body::Incoming>) -> Response<Body> {
        let started = Instant::now();
        let method = req.method().clone();
        let (response, entry) = self.dispatch(req).await;
        self.log_line(&method, &entry, started);
        response
    }

    async fn dispatch(&self, req: Request<hyper::body::Incoming>) -> (Response<Body>, LogEntry) {
        if req.uri().path() != self.config.path {
            let reason = format!("wrong path {} (serving {})", req.uri().path(), self.config.path);
            return refuse(StatusCode::NOT_FOUND, reason);
        }
        let query = CallbackQuery::parse(req.uri().query().unwrap_or(""));
        if let Err(failure) = query.check_signature(&self.config.token) {
            let reason = match failure {
                SignatureFailure::Missing(name) => Cow::Owned(format!("no {name} in the query")),
                SignatureFailure::Mismatch { .. } => Cow::Borrowed("signature mismatch (different token?)"),
            };
            return refuse(StatusCode::FORBIDDEN, reason);
        }
        match *req.method() {
            Method::GET => match query.echostr {
                Some(echostr) => {
                    let entry = LogEntry {
                        status: StatusCode::OK,
                        kind: "verify".into(),
                        from: "-".into(),
                        summary: format!("echostr {}", crate::wechat::reply::shorten(&echostr, 24)),
                        answer: Cow::Borrowed("echostr"),
                        retry: false,
                    };
                    (respond(StatusCode::OK, TEXT_PLAIN, echostr), entry)
                }
                None => refuse(StatusCode::BAD_REQUEST, "GET without echostr"),
            },
            Method::POST => self.message(req, &query).await,
            _ => refuse(StatusCode::METHOD_NOT_ALLOWED, format!("method {} (WeChat uses GET and POST)", req.method())),
        }
    }

    async fn message(&self, req: Request<hyper::body::Incoming>, query: &CallbackQuery) -> (Response<Body>, LogEntry) {
        if declared_too_large(&req, MAX_BODY) {
            return refuse(StatusCode::PAYLOAD_TOO_LARGE, "body over 1 MiB");
        }
        let bytes = match read_body_within(req.into_body(), MAX_BODY, self.config.body_timeout).await {
            Ok(bytes) => bytes,
            Err(BodyError::TooLarge) => return refuse(StatusCode::PAYLOAD_TOO_LARGE, "body over 1 MiB"),
            Err(BodyError::TimedOut) => return refuse(StatusCode::REQUEST_TIMEOUT, "body not received in time"),
            Err(BodyError::Broken) => return refuse(StatusCode::BAD_REQUEST, "body could not be read"),
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return refuse(StatusCode::BAD_REQUEST, "body is not UTF-8");
        };
        let crypt = match (query.is_encrypted(), &self.config.crypt) {
            (false, _) => None,
            (true, Some(crypt)) => Some(crypt),
            (true, None) => {
                return refuse(
                    StatusCode::BAD_REQUEST,
                    "encrypted request (encrypt_type=aes) but serve has no --aes-key",
                )
            }
        };
        let plaintext = match crypt {
            None => Cow::Borrowed(text),
            Some(crypt) => match self.open_encrypted(text, query, crypt) {
                Ok(plaintext) => Cow::Owned(plaintext),
                Err((status, reason)) => return refuse(status, reason),
            },
        };
        let mut incoming = match Incoming::parse(&plaintext) {
            Ok(incoming) => incoming,
            Err(e) => return refuse(StatusCode::BAD_REQUEST, format!("bad XML: {e}")),
        };
        // A retry arrives in the same mode and gets the very same bytes: what made
        // the first answer (its CreateTime, and for encrypted replies the random
        // prefix, timestamp and nonce) is remembered, and the answer rebuilt from it.
        let key = self.retries.key(crypt.is_some(), incoming.dedup());
        let now = Instant::now();
        let (answered, retry) = match self.retries.get(key, now) {
            Some(answered) => (answered, true),
            None => {
                let seal = crypt.map(|_| Seal::fresh());
                let answered = Answered { create_time: unix_now(), seal };
                self.retries.insert(key, answered, now);
                (answered, false)
            }
        };
        let (body, content_type, answer) = match (echo_reply_at(&incoming, answered.create_time), crypt, answered.seal)
        {
            (Some(reply), Some(crypt), Some(seal)) => {
                let encrypt = crypt.encrypt_with_prefix(seal.prefix, &reply.to_xml());
                let (timestamp, nonce) = (seal.timestamp.to_string(), seal.nonce.to_string());
                let sealed = Envelope::signed_reply(&self.config.token, encrypt, &timestamp, &nonce).reply_xml();
                (Bytes::from(sealed), TEXT_XML, Cow::Owned(format!("{} (encrypted)", reply.body.msg_type())))
            }
            (Some(reply), _, _) => (Bytes::from(reply.to_xml()), TEXT_XML, Cow::Borrowed(reply.body.msg_type())),
            (None, _, _) => (Bytes::from_static(b"success"), TEXT_PLAIN, Cow::Borrowed("success")),
        };
        let kind = match crypt {
            Some(_) => format!("{} (aes)", incoming.kind_label()),
            None => incoming.kind_label(),
        };
        let entry = LogEntry {
            status: StatusCode::OK,
            kind,
            summary: incoming.summary(),
            from: std::mem::take(&mut incoming.from),
            answer,
            retry,
        };
        (respond(StatusCode::OK, content_type, body), entry)
    }

    /// Checks msg_signature and decrypts a safe- or compatible-mode body; on
    /// failure, the status to answer (403 for the signature, 400 for anything
    /// else) and, for the log only, why.
    fn open_encrypted(
        &self,
        body: &str,
        query: &CallbackQuery,
        crypt: &MsgCrypt,
    ) -> Result<String, (StatusCode, String)> {
        let bad = |reason: String| (StatusCode::BAD_REQUEST, reason);
        let root = Element::parse_document(body).map_err(|e| bad(format!("bad XML: {e}")))?;
        let envelope = Envelope::from_element(&root).map_err(|e| bad(e.to_string()))?;
        let given = query
            .msg_signature
            .as_deref()
            .ok_or_else(|| (StatusCode::FORBIDDEN, "no msg_signature in the query".to_owned()))?;
        let (timestamp, nonce) = (query.timestamp.as_deref().unwrap_or(""), query.nonce.as_deref().unwrap_or(""));
        check_msg_signature(&self.config.token, timestamp, nonce, &envelope.encrypt, given)
            .map_err(|_| (StatusCode::FORBIDDEN, "msg_signature mismatch (different token?)".to_owned()))?;
        crypt.decrypt(&envelope.encrypt).map_err(|e| {
            let hint = if e.suggests_wrong_key() { " (another EncodingAESKey?)" } else { "" };
            bad(format!("decryption failed: {e}{hint}"))
        })
    }

    fn log_line(&self, method: &Method, entry: &LogEntry, started: Instant) {
        let elapsed = started.elapsed();
        if self.config.json_log {
            self.log.line(&log::render_json(method, entry, elapsed));
        } else {
            self.log.write_line(|buf| log::render_human(buf, method, entry, elapsed, self.config.color_log));
        }
    }
}
