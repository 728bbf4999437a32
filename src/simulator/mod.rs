//! WeChat's side of a message push: sign, POST, wait at most the deadline,
//! retry the same message on a non-200 answer or a timeout (3 attempts in
//! all), and judge the final answer as WeChat would.

pub mod check;
pub mod exchange;
pub mod load;

use crate::client::transport::TransportFailure;
use crate::wechat::callback::{request_target, with_query, CallbackQuery};
use crate::wechat::crypto::{compat_request_xml, safe_request_xml, Envelope, MsgCrypt};
use crate::wechat::reply::{judge, shorten, Expectation, Judgement};
use crate::wechat::{Element, Signature, DELIVERY_ATTEMPTS, SERVICE_UNAVAILABLE_NOTICE};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How messages travel: the account's 消息加解密方式.
#[derive(Clone)]
pub enum Wire {
    /// 明文模式: plaintext XML.
    Plain,
    /// 兼容模式: plaintext fields plus `<Encrypt>`; the reply may be plain or encrypted.
    Compat(Arc<MsgCrypt>),
    /// 安全模式: only `<ToUserName>` and `<Encrypt>`; the reply must be encrypted.
    Safe(Arc<MsgCrypt>),
}

impl Wire {
    pub fn name(&self) -> &'static str {
        match self {
            Wire::Plain => "plain",
            Wire::Compat(_) => "compat",
            Wire::Safe(_) => "safe",
        }
    }

    pub fn crypt(&self) -> Option<&MsgCrypt> {
        match self {
            Wire::Plain => None,
            Wire::Compat(crypt) | Wire::Safe(crypt) => Some(crypt),
        }
    }
}

/// Where and how to deliver.
#[derive(Clone)]
pub struct Simulator {
    client: reqwest::Client,
    url: url::Url,
    token: String,
    wire: Wire,
    /// The Host header for direct connections.
    host_header: String,
    /// How long each attempt may take before WeChat gives up on it.
    pub deadline: Duration,
}

/// One message ready to send: its body and who the reply must address.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub body: String,
    /// The sender's OpenID (FromUserName; `openid` in the query; the reply's ToUserName).
    pub user: String,
    /// The account id (ToUserName; the reply's FromUserName).
    pub account: String,
    /// MsgType of the message, for rules that depend on it.
    pub msg_type: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// HTTP 200 and a reply WeChat accepts.
    Accepted,
    /// HTTP 200, but WeChat rejects the reply.
    Rejected,
    /// Every attempt ran out of time.
    TimedOut,
    /// No attempt got HTTP 200 (errors, refused connections, a mix with timeouts).
    Failed,
}

/// What happened to one message.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub outcome: Outcome,
    pub attempts: u32,
    /// Status of the last HTTP answer, if any.
    pub http_status: Option<u16>,
    /// Time from the first request to the final answer or give-up.
    pub elapsed: Duration,
    /// Time the last attempt took.
    pub last_attempt: Duration,
    /// The final body as received, when there was one.
    pub raw: Option<String>,
    pub judgement: Judgement,
    /// When the final attempt did not get an HTTP answer: why.
    pub transport: Option<TransportFailure>,
    /// The reply came encrypted (and `judgement.reply` is its decrypted form).
    pub encrypted_reply: bool,
}

impl Delivery {
    pub fn ok(&self) -> bool {
        self.outcome == Outcome::Accepted
    }
}

/// How one sender reaches the endpoint.
pub enum Lane {
    /// Through the shared client (TLS, proxies, connection pool).
    Shared,
    /// Its own keep-alive HTTP/1.1 connection to an http:// endpoint, opened on
    /// first use and again after a failure or a timeout (WeChat drops the
    /// connection when it gives up on an attempt). Load mode's fast path.
    Direct(Option<SendRequest<Full<Bytes>>>),
}

enum Attempt {
    Answered { status: u16, body: String },
    TimedOut,
    Failed(TransportFailure),
}

impl Simulator {
    pub fn new(client: reqwest::Client, url: url::Url, token: String, wire: Wire, deadline: Duration) -> Self {
        let host = url.host_str().unwrap_or("localhost");
        let host_header = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        };
        Simulator { client, url, token, wire, host_header, deadline }
    }

    pub fn wire(&self) -> &Wire {
        &self.wire
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// A lane for one sender: its own connection where the endpoint is plain http.
    pub fn lane(&self) -> Lane {
        if self.url.scheme() == "http" {
            Lane::Direct(None)
        } else {
            Lane::Shared
        }
    }

    /// The signed query and the body WeChat would send for this message in this mode.
    pub fn wrap(&self, message: &Outgoing) -> (CallbackQuery, String) {
        self.wrap_signed(message, CallbackQuery::signed(&self.token))
    }

    /// [`Simulator::wrap`] on a query already signed (with another timestamp, say).
    pub fn wrap_signed(&self, message: &Outgoing, mut query: CallbackQuery) -> (CallbackQuery, String) {
        query.openid = Some(message.user.clone());
        let body = match &self.wire {
            Wire::Plain => message.body.clone(),
            Wire::Compat(crypt) | Wire::Safe(crypt) => {
                let encrypt = crypt.encrypt(&message.body);
                let (timestamp, nonce) =
                    (query.timestamp.as_deref().unwrap_or(""), query.nonce.as_deref().unwrap_or(""));
                query.encrypt_type = Some("aes".to_owned());
                query.msg_signature = Some(Signature::msg(&self.token, timestamp, nonce, &encrypt).to_string());
                match (&self.wire, Element::parse_document(&message.body)) {
                    (Wire::Compat(_), Ok(plain)) => compat_request_xml(&plain, &encrypt),
                    _ => safe_request_xml(&message.account, &encrypt),
                }
            }
        };
        (query, body)
    }

    /// Judges an HTTP 200 body in this mode: encrypted replies are checked and
    /// decrypted first. Returns the judgement and whether the reply was encrypted.
    fn judge_body(&self, body: &str, expect: &Expectation) -> (Judgement, bool) {
        let trimmed = body.trim();
        let root = match Element::parse_document(trimmed) {
            Ok(root) if root.child("Encrypt").is_some() => root,
            // Silence, non-XML and plaintext replies are judged as they are.
            _ => {
                let mut judgement = judge(body, expect);
                if matches!(self.wire, Wire::Safe(_)) && judgement.reply.is_some() {
                    judgement.problems.insert(
                        0,
                        "safe mode (安全模式) needs an encrypted reply (<Encrypt>, <MsgSignature>, <TimeStamp>, <Nonce>),                          this one is plaintext"
                            .to_owned(),
                    );
                }
                return (judgement, false);
            }
        };
        let Some(crypt) = self.wire.crypt() else {
            let problem = "the reply is encrypted, but the account is in plain mode (明文模式): WeChat cannot read it";
            return (Judgement { problems: vec![problem.to_owned()], ..Default::default() }, true);
        };
        let mut problems = Vec::new();
        let envelope = match Envelope::from_element(&root) {
            Ok(envelope) => envelope,
            Err(e) => {
                return (Judgement { problems: vec![format!("encrypted reply: {e}")], ..Default::default() }, true)
            }
        };
        if let Err(e) = envelope.check_signature(&self.token) {
            problems.push(format!(
                "encrypted reply: {e} (MsgSignature is sha1 over the Token, the reply's own TimeStamp and Nonce, and Encrypt)"
            ));
        }
        let decrypted = match crypt.decrypt_any_appid(&envelope.encrypt) {
            Ok(decrypted) => decrypted,
            Err(e) => {
                let hint = if e.suggests_wrong_key() { " (encrypted with another EncodingAESKey?)" } else { "" };
                problems.push(format!("the reply's Encrypt does not decrypt: {e}{hint}"));
                return (Judgement { problems, ..Default::default() }, true);
            }
        };
        if let Err(e) = decrypted.check_appid(crypt.appid()) {
            problems.push(format!("encrypted reply: {e}"));
        }
        let mut judgement = judge(&decrypted.message, expect);
        problems.append(&mut judgement.problems);
        judgement.problems = problems;
        (judgement, true)
    }

    pub fn url(&self) -> &url::Url {
        &self.url
    }

    /// Delivers one message as WeChat does and judges the answer.
    pub async fn deliver(&self, message: &Outgoing) -> Delivery {
        self.deliver_on(message, &mut Lane::Shared).await
    }

    /// [`Simulator::deliver`] over the given lane.
    pub async fn deliver_on(&self, message: &Outgoing, lane: &mut Lane) -> Delivery {
        let (query, body) = self.wrap(message);
        self.deliver_wrapped(message, &query, Bytes::from(body), lane).await
    }

    /// [`Simulator::deliver_on`] with the query and body already made by [`Simulator::wrap`].
    pub async fn deliver_wrapped(
        &self,
        message: &Outgoing,
        query: &CallbackQuery,
        body: Bytes,
        lane: &mut Lane,
    ) -> Delivery {
        let started = Instant::now();
        let mut history: Vec<String> = Vec::new();
        let mut last_status = None;
        for attempt in 1..=DELIVERY_ATTEMPTS {
            let attempt_started = Instant::now();
            let result = match &mut *lane {
                Lane::Shared => self.attempt(with_query(&self.url, query), body.clone()).await,
                Lane::Direct(sender) => {
                    self.direct_attempt(sender, &request_target(&self.url, query), body.clone()).await
                }
            };
            let last_attempt = attempt_started.elapsed();
            let transport = match result {
                Attempt::Answered { status: 200, body } => {
                    let expect =
                        Expectation { user: &message.user, account: &message.account, answering: &message.msg_type };
                    let (mut judgement, encrypted_reply) = self.judge_body(&body, &expect);
                    if !history.is_empty() {
                        judgement.warnings.insert(
                            0,
                            format!(
                                "answered on attempt {attempt} of {DELIVERY_ATTEMPTS} after {}: WeChat retried the same MsgId; \
                                 a slow or failing endpoint receives every message more than once",
                                history.join(", ")
                            ),
                        );
                    }
                    let slow = self.deadline.mul_f64(0.8);
                    if last_attempt > slow && judgement.accepted() {
                        judgement.warnings.push(format!(
                            "the answer took {} ms, close to WeChat's {}-second limit",
                            last_attempt.as_millis(),
                            self.deadline.as_secs_f64()
                        ));
                    }
                    let outcome = if judgement.accepted() { Outcome::Accepted } else { Outcome::Rejected };
                    return Delivery {
                        outcome,
                        attempts: attempt,
                        http_status: Some(200),
                        elapsed: started.elapsed(),
                        last_attempt,
                        raw: Some(body),
                        judgement,
                        transport: None,
                        encrypted_reply,
                    };
                }
                Attempt::Answered { status, body } => {
                    last_status = Some(status);
                    history.push(format!("HTTP {status}"));
                    if attempt == DELIVERY_ATTEMPTS {
                        let judgement = gave_up(&history, Some(format!("last body: {:?}", shorten(body.trim(), 80))));
                        return Delivery {
                            outcome: Outcome::Failed,
                            attempts: attempt,
                            http_status: Some(status),
                            elapsed: started.elapsed(),
                            last_attempt,
                            raw: Some(body),
                            judgement,
                            transport: None,
                            encrypted_reply: false,
                        };
                    }
                    None
                }
                Attempt::TimedOut => {
                    history.push(format!("no answer in {} s", self.deadline.as_secs_f64()));
                    Some(TransportFailure::Timeout)
                }
                Attempt::Failed(failure) => {
                    history.push(failure.describe(&self.url));
                    Some(failure)
                }
            };
            if attempt == DELIVERY_ATTEMPTS {
                let all_timeouts = history.iter().all(|h| h.starts_with("no answer"));
                return Delivery {
                    outcome: if all_timeouts { Outcome::TimedOut } else { Outcome::Failed },
                    attempts: attempt,
                    http_status: last_status,
                    elapsed: started.elapsed(),
                    last_attempt,
                    raw: None,
                    judgement: gave_up(&history, transport.as_ref().and_then(|t| t.hint()).map(str::to_owned)),
                    transport,
                    encrypted_reply: false,
                };
            }
        }
        unreachable!("the loop returns on the last attempt")
    }

    async fn attempt(&self, url: url::Url, body: Bytes) -> Attempt {
        let request = self.client.post(url).header(reqwest::header::CONTENT_TYPE, "text/xml").body(body).send();
        let exchange = async {
            let response = request.await?;
            let status = response.status().as_u16();
            let bytes = response.bytes().await?;
            Ok::<_, reqwest::Error>((status, bytes))
        };
        match tokio::time::timeout(self.deadline, exchange).await {
            Err(_) => Attempt::TimedOut,
            Ok(Err(e)) => match TransportFailure::classify(&e) {
                TransportFailure::Timeout => Attempt::TimedOut,
                other => Attempt::Failed(other),
            },
            Ok(Ok((status, bytes))) => Attempt::Answered { status, body: String::from_utf8_lossy(&bytes).into_owned() },
        }
    }
}

impl Simulator {
    /// One attempt over the lane's own connection.
    async fn direct_attempt(&self, sender: &mut Option<SendRequest<Full<Bytes>>>, path: &str, body: Bytes) -> Attempt {
        let exchange = async {
            let reusable = match sender.as_mut() {
                Some(open) => open.ready().await.is_ok(),
                None => false,
            };
            if !reusable {
                *sender = Some(self.connect().await?);
            }
            let Some(open) = sender.as_mut() else { return Err(TransportFailure::Reset) };
            let request = hyper::Request::post(path)
                .header(hyper::header::HOST, self.host_header.as_str())
                .header(hyper::header::CONTENT_TYPE, "text/xml")
                .header(hyper::header::USER_AGENT, crate::client::transport::USER_AGENT)
                .body(Full::new(body))
                .map_err(|e| TransportFailure::Other(e.to_string()))?;
            let response = open.send_request(request).await.map_err(|e| hyper_failure(&e))?;
            let status = response.status().as_u16();
            let bytes = response.into_body().collect().await.map_err(|e| hyper_failure(&e))?.to_bytes();
            Ok::<_, TransportFailure>((status, bytes))
        };
        let result = tokio::time::timeout(self.deadline, exchange).await;
        match result {
            Err(_) => {
                *sender = None;
                Attempt::TimedOut
            }
            Ok(Err(failure)) => {
                *sender = None;
                Attempt::Failed(failure)
            }
            Ok(Ok((status, bytes))) => Attempt::Answered { status, body: String::from_utf8_lossy(&bytes).into_owned() },
        }
    }

    async fn connect(&self) -> Result<SendRequest<Full<Bytes>>, TransportFailure> {
        let host = self.url.host_str().unwrap_or("localhost").trim_start_matches('[').trim_end_matches(']');
        let port = self.url.port_or_known_default().unwrap_or(80);
        let stream = tokio::net::TcpStream::connect((host, port)).await.map_err(|e| match e.kind() {
            std::io::ErrorKind::ConnectionRefused => TransportFailure::Refused,
            std::io::ErrorKind::TimedOut => TransportFailure::Timeout,
            _ if e.to_string().contains("lookup") || e.to_string().contains("resolve") => TransportFailure::Dns,
            _ => TransportFailure::Other(crate::client::io_reason(&e)),
        })?;
        let _ = stream.set_nodelay(true);
        let (sender, connection) = hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(|e| hyper_failure(&e))?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok(sender)
    }
}

fn hyper_failure(e: &hyper::Error) -> TransportFailure {
    if e.is_incomplete_message() || e.is_closed() || e.is_canceled() {
        TransportFailure::Reset
    } else {
        TransportFailure::Other(e.to_string())
    }
}

fn gave_up(history: &[String], detail: Option<String>) -> Judgement {
    let mut problem = format!(
        "no valid answer in {} attempts ({}): WeChat gives up and the user sees \"{SERVICE_UNAVAILABLE_NOTICE}\"",
        history.len(),
        history.join("; ")
    );
    if let Some(detail) = detail {
        problem.push_str(&format!(" ({detail})"));
    }
    Judgement { problems: vec![problem], ..Default::default() }
}
