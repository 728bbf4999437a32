//! The reference endpoint behind `wxdev serve`: verifies WeChat's signature,
//! answers the URL check, echoes messages back, de-duplicates retries, and
//! logs one line per request.

use crate::http::log::{clock, Clock, RequestLog};
use crate::http::server::{read_body, respond, Body, BodyError, TEXT_PLAIN, TEXT_XML};
use crate::wechat::callback::SignatureCheck;
use crate::wechat::crypto::{check_msg_signature, Envelope, MsgCrypt};
use crate::wechat::message::DedupKey;
use crate::wechat::reply::shorten;
use crate::wechat::{unix_now, Body as MessageBody, CallbackQuery, Element, Event, Incoming, Reply, ReplyBody};
use bytes::Bytes;
use colored::Colorize;
use hyper::{Method, Request, Response, StatusCode};
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Bodies above this are refused with 413.
pub const MAX_BODY: usize = 1024 * 1024;
/// How long a reply is remembered for WeChat's retries of the same message.
const RETRY_MEMORY: Duration = Duration::from_secs(60);
/// How many replies are remembered at most.
const RETRY_CAPACITY: usize = 8192;

/// What the endpoint needs to know.
#[derive(Clone)]
pub struct EndpointConfig {
    pub token: String,
    /// The callback path, e.g. `/wechat`.
    pub path: String,
    /// One JSON object per log line instead of human text.
    pub json_log: bool,
    /// EncodingAESKey and AppID, for safe- and compatible-mode requests.
    pub crypt: Option<MsgCrypt>,
}

pub struct Endpoint {
    config: EndpointConfig,
    /// Colour decided once: the log is on the hot path.
    color: bool,
    retries: RetryMemory,
    log: RequestLog,
}

/// What one request came to, for the log line.
struct Outcome {
    status: StatusCode,
    kind: String,
    from: String,
    summary: String,
    answer: Cow<'static, str>,
    retry: bool,
}

impl Outcome {
    fn refused(status: StatusCode, reason: impl Into<String>) -> Self {
        Outcome {
            status,
            kind: "-".into(),
            from: "-".into(),
            summary: String::new(),
            answer: Cow::Owned(reason.into()),
            retry: false,
        }
    }
}

impl Endpoint {
    pub fn new(config: EndpointConfig, log: RequestLog) -> Self {
        Endpoint { config, color: crate::output::color_enabled(), retries: RetryMemory::default(), log }
    }

    pub async fn handle(&self, req: Request<hyper::body::Incoming>) -> Response<Body> {
        let started = Instant::now();
        let method = req.method().clone();
        let (response, outcome) = self.dispatch(req).await;
        self.log_line(&method, &outcome, started.elapsed());
        response
    }

    async fn dispatch(&self, req: Request<hyper::body::Incoming>) -> (Response<Body>, Outcome) {
        if req.uri().path() != self.config.path {
            let reason = format!("wrong path {} (serving {})", req.uri().path(), self.config.path);
            return refuse(StatusCode::NOT_FOUND, reason);
        }
        let query = CallbackQuery::parse(req.uri().query().unwrap_or(""));
        if let Err(check) = query.check_signature(&self.config.token) {
            let reason = match check {
                SignatureCheck::Missing(name) => format!("no {name} in the query"),
                SignatureCheck::Mismatch { .. } => "signature mismatch (different token?)".to_owned(),
            };
            return refuse(StatusCode::FORBIDDEN, reason);
        }
        match *req.method() {
            Method::GET => match query.echostr {
                Some(echostr) => {
                    let outcome = Outcome {
                        status: StatusCode::OK,
                        kind: "verify".into(),
                        from: "-".into(),
                        summary: format!("echostr {}", shorten(&echostr, 24)),
                        answer: Cow::Borrowed("echostr"),
                        retry: false,
                    };
                    (respond(StatusCode::OK, TEXT_PLAIN, echostr), outcome)
                }
                None => refuse(StatusCode::BAD_REQUEST, "GET without echostr"),
            },
            Method::POST => self.message(req, &query).await,
            _ => refuse(StatusCode::METHOD_NOT_ALLOWED, format!("method {} (WeChat uses GET and POST)", req.method())),
        }
    }

    async fn message(&self, req: Request<hyper::body::Incoming>, query: &CallbackQuery) -> (Response<Body>, Outcome) {
        let declared =
            req.headers().get(hyper::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|n| n > MAX_BODY as u64) {
            return refuse(StatusCode::PAYLOAD_TOO_LARGE, "body over 1 MiB");
        }
        let bytes = match read_body(req.into_body(), MAX_BODY).await {
            Ok(bytes) => bytes,
            Err(BodyError::TooLarge) => return refuse(StatusCode::PAYLOAD_TOO_LARGE, "body over 1 MiB"),
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
            None => std::borrow::Cow::Borrowed(text),
            Some(crypt) => match self.open_encrypted(text, query, crypt) {
                Ok(plaintext) => std::borrow::Cow::Owned(plaintext),
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
        let key = retry_key(crypt.is_some(), incoming.dedup());
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
        let outcome = Outcome {
            status: StatusCode::OK,
            kind,
            summary: incoming.summary(),
            from: std::mem::take(&mut incoming.from),
            answer,
            retry,
        };
        (respond(StatusCode::OK, content_type, body), outcome)
    }

    /// Checks msg_signature and decrypts a safe- or compatible-mode body;
    /// on failure, the status to answer and why.
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

    fn log_line(&self, method: &Method, o: &Outcome, elapsed: Duration) {
        let micros = elapsed.as_micros();
        if self.config.json_log {
            let line = serde_json::json!({
                "time": clock(), "method": method.as_str(), "status": o.status.as_u16(), "kind": o.kind,
                "from": o.from, "content": o.summary, "answer": o.answer, "retry": o.retry,
                "elapsed_us": micros,
            });
            self.log.line(&line.to_string());
            return;
        }
        if !self.color {
            // Appended piece by piece: this runs once per request.
            self.log.write_line(|buf| {
                Clock::now().push_to(buf);
                buf.push(' ');
                push_number(buf, u64::from(o.status.as_u16()));
                buf.push(' ');
                push_padded(buf, method.as_str(), 4);
                push_padded(buf, &o.kind, 16);
                push_padded(buf, &o.from, 28);
                push_short(buf, &o.summary, 40);
                buf.push_str(" → ");
                buf.push_str(&o.answer);
                if o.retry {
                    buf.push_str(" (retry: same answer)");
                }
                buf.push(' ');
                push_number(buf, (micros / 1000) as u64);
                buf.push('.');
                let hundredths = (micros % 1000 / 10) as u64;
                if hundredths < 10 {
                    buf.push('0');
                }
                push_number(buf, hundredths);
                buf.push_str("ms");
            });
            return;
        }
        let millis = Millis(micros);
        let summary = Short(&o.summary, 40);
        let status = o.status.as_u16().to_string();
        let status = if o.status.is_success() { status.green() } else { status.red().bold() };
        let retry = if o.retry { " (retry: same answer)".yellow().to_string() } else { String::new() };
        let line = format!(
            "{} {status} {:<4} {:<16} {:<28} {summary} → {}{retry} {}",
            Clock::now().to_string().dimmed(),
            method.as_str(),
            o.kind,
            o.from,
            o.answer,
            format!("{millis}ms").dimmed()
        );
        self.log.line(&line);
    }
}

/// Appends text and pads it with spaces to `width` characters, then one space.
fn push_padded(buf: &mut String, text: &str, width: usize) {
    buf.push_str(text);
    let shown = text.chars().count();
    for _ in shown..width {
        buf.push(' ');
    }
    buf.push(' ');
}

/// Appends text cut to `max` characters, with an ellipsis when cut.
fn push_short(buf: &mut String, text: &str, max: usize) {
    match text.char_indices().nth(max) {
        None => buf.push_str(text),
        Some((cut, _)) => {
            buf.push_str(&text[..cut]);
            buf.push('…');
        }
    }
}

/// Appends a number in decimal.
fn push_number(buf: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.push_str(std::str::from_utf8(&digits[at..]).unwrap_or("?"));
}

/// Microseconds shown as milliseconds with two decimals, without float formatting.
struct Millis(u128);

impl std::fmt::Display for Millis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{:02}", self.0 / 1000, self.0 % 1000 / 10)
    }
}

/// Text cut to at most N characters (with an ellipsis), written without allocating.
struct Short<'a>(&'a str, usize);

impl std::fmt::Display for Short<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.char_indices().nth(self.1) {
            None => f.write_str(self.0),
            Some((cut, _)) => write!(f, "{}…", &self.0[..cut]),
        }
    }
}

fn refuse(status: StatusCode, reason: impl Into<String>) -> (Response<Body>, Outcome) {
    let outcome = Outcome::refused(status, reason);
    let body = format!("{}\n", outcome.answer);
    (respond(status, TEXT_PLAIN, body), outcome)
}

/// The reference endpoint's answer to a message, or None for `success`.
pub fn echo_reply(incoming: &Incoming) -> Option<Reply> {
    echo_reply_at(incoming, unix_now())
}

/// [`echo_reply`] with a given CreateTime.
pub fn echo_reply_at(incoming: &Incoming, create_time: i64) -> Option<Reply> {
    let text = |content: String| ReplyBody::Text { content };
    let body = match &incoming.body {
        MessageBody::Text { content } => text(content.clone()),
        MessageBody::Image { media_id, .. } => ReplyBody::Image { media_id: media_id.clone() },
        MessageBody::Voice { media_id, .. } => ReplyBody::Voice { media_id: media_id.clone() },
        MessageBody::Video { media_id, .. } | MessageBody::ShortVideo { media_id, .. } => {
            ReplyBody::Video { media_id: media_id.clone(), title: None, description: None }
        }
        MessageBody::Location { lat, lng, scale, label } => {
            text(format!("收到位置 location: {label} ({lat}, {lng}), scale {scale}"))
        }
        MessageBody::Link { title, description, url } => text(format!("收到链接 link: {title}\n{description}\n{url}")),
        MessageBody::Event(Event::Subscribe { event_key, .. }) => {
            let scene = match event_key.as_deref().and_then(|k| k.strip_prefix("qrscene_")) {
                Some(scene) => format!(" (scene {scene})"),
                None => String::new(),
            };
            text(format!(
                "欢迎关注！Welcome{scene}. This is the wxdev reference endpoint: send a message and it comes back."
            ))
        }
        MessageBody::Event(_) | MessageBody::Other { .. } => return None,
    };
    Some(Reply { to: incoming.from.clone(), from: incoming.to.clone(), create_time, body })
}

/// What made an answer, so that a retry gets the very same bytes. Fixed-size:
/// remembering thousands of answers allocates nothing per message.
#[derive(Clone, Copy)]
struct Answered {
    create_time: i64,
    /// For an encrypted answer: what its encryption used.
    seal: Option<Seal>,
}

#[derive(Clone, Copy)]
struct Seal {
    prefix: [u8; 16],
    timestamp: i64,
    nonce: u64,
}

impl Seal {
    fn fresh() -> Seal {
        use rand::Rng;
        let mut rng = rand::thread_rng();
        Seal { prefix: rng.gen(), timestamp: unix_now(), nonce: rng.gen_range(100_000_000..10_000_000_000) }
    }
}

/// The de-duplication key as a 64-bit hash; a retry arrives in the same mode as the original.
fn retry_key(encrypted: bool, key: DedupKey<'_>) -> u64 {
    let mut hasher = DefaultHasher::new();
    encrypted.hash(&mut hasher);
    key.hash(&mut hasher);
    hasher.finish()
}

/// How many independently locked parts the memory has, so that workers rarely wait on each other.
const RETRY_SHARDS: usize = 16;

/// Replies by de-duplication key, forgotten after a minute or when full (oldest first).
#[derive(Default)]
struct RetryMemory {
    shards: [Mutex<RetryShard>; RETRY_SHARDS],
}

impl RetryMemory {
    fn shard(&self, key: u64) -> std::sync::MutexGuard<'_, RetryShard> {
        self.shards[(key >> 60) as usize % RETRY_SHARDS].lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, key: u64, now: Instant) -> Option<Answered> {
        let mut shard = self.shard(key);
        shard.expire(now);
        shard.by_key.get(&key).map(|(_, answered)| *answered)
    }

    fn insert(&self, key: u64, answered: Answered, now: Instant) {
        let mut shard = self.shard(key);
        while shard.order.len() >= RETRY_CAPACITY / RETRY_SHARDS {
            if let Some((at, old)) = shard.order.pop_front() {
                shard.forget(at, old);
            }
        }
        shard.order.push_back((now, key));
        shard.by_key.insert(key, (now, answered));
    }
}

/// Keys are 64-bit hashes of the de-duplication key: a collision among the few
/// thousand remembered replies is vanishingly unlikely, and no key string is kept.
#[derive(Default)]
struct RetryShard {
    by_key: HashMap<u64, (Instant, Answered), BuildHasherDefault<AlreadyHashed>>,
    order: VecDeque<(Instant, u64)>,
}

impl RetryShard {
    fn expire(&mut self, now: Instant) {
        while let Some(&(at, key)) = self.order.front() {
            if now.saturating_duration_since(at) < RETRY_MEMORY {
                break;
            }
            self.order.pop_front();
            self.forget(at, key);
        }
    }

    /// Forgets the entry only if it was not re-inserted later.
    fn forget(&mut self, at: Instant, key: u64) {
        if self.by_key.get(&key).is_some_and(|(t, _)| *t == at) {
            self.by_key.remove(&key);
        }
    }
}

/// The keys are hashes already: hashing them again would only cost time.
#[derive(Default)]
struct AlreadyHashed(u64);

impl Hasher for AlreadyHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
