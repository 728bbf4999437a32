//! `wxdev check`'s battery: the URL check, forged and replayed requests,
//! every message and event type, retries, a short burst, and hostile bodies,
//! each judged as WeChat (or an attacker) would see the answer. Takes plain
//! configuration and returns a typed [`Report`]; printing is the command's.
//!
//! The hostile inputs run last. Once the endpoint stops answering, the checks
//! still to run are [`Status::Skipped`] with the reason.

use super::load::{self, Budget};
use super::{Outcome, Outgoing, Simulator, Wire};
use crate::wechat::callback::{judge_url_check, with_query, CallbackQuery};
use crate::wechat::crypto::{compat_request_xml, safe_request_xml, MsgCrypt};
use crate::wechat::reply::shorten;
use crate::wechat::signature::{fresh_nonce, now_timestamp};
use crate::wechat::{unix_now, Body, Element, Event, Incoming, Signature};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Every check, in the order it runs: the hostile inputs last.
pub const CHECK_NAMES: [&str; 12] = [
    "handshake",
    "forgery",
    "replay",
    "messages",
    "retries",
    "speed",
    "hostile-xxe",
    "hostile-bomb",
    "hostile-nesting",
    "hostile-large",
    "hostile-utf8",
    "hostile-content-type",
];

/// How old the replayed request's timestamp is.
pub const REPLAY_AGE_SECS: i64 = 3600;

/// Evidence is cut to this many characters per side.
const EVIDENCE_CHARS: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Skipped,
}

/// One request of a check and what came back.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Exchange {
    pub sent: String,
    pub received: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckResult {
    pub name: &'static str,
    /// The mode the check ran in: plain, compat or safe.
    pub mode: &'static str,
    pub status: Status,
    /// Why this verdict.
    pub detail: String,
    pub evidence: Vec<Exchange>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub passed: usize,
    pub warnings: usize,
    pub failed: usize,
    pub skipped: usize,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub ok: bool,
    pub checks: Vec<CheckResult>,
    pub summary: Summary,
}

impl Summary {
    fn of(checks: &[CheckResult]) -> Summary {
        let count = |s: Status| checks.iter().filter(|c| c.status == s).count();
        Summary {
            passed: count(Status::Pass),
            warnings: count(Status::Warn),
            failed: count(Status::Fail),
            skipped: count(Status::Skipped),
        }
    }
}

/// What to check and how.
pub struct CheckConfig {
    /// Signs, wraps and judges messages; its deadline is the per-request limit.
    pub simulator: Simulator,
    /// ToUserName of the messages sent.
    pub account: String,
    /// FromUserName of the messages sent.
    pub user: String,
    /// The checks to run, a subset of [`CHECK_NAMES`].
    pub selected: Vec<&'static str>,
    /// Messages in the speed burst, and senders at once.
    pub speed_count: u64,
    pub speed_concurrency: usize,
}

/// Whether `pattern` (a check name, or `hostile` for every hostile input) names `name`.
pub fn name_matches(pattern: &str, name: &str) -> bool {
    pattern == name || (pattern == "hostile" && name.starts_with("hostile-"))
}

/// Runs the selected checks in order.
pub async fn run(config: CheckConfig) -> Report {
    let canary = Canary::start().await;
    let battery = Battery { config: &config, canary_url: canary.as_ref().map(|c| c.url.clone()) };
    let mut checks = Vec::new();
    let mut stopped: Option<String> = None;
    for name in CHECK_NAMES.into_iter().filter(|n| config.selected.contains(n)) {
        if let Some(reason) = &stopped {
            checks.push(CheckResult {
                mode: "",
                name,
                status: Status::Skipped,
                detail: reason.clone(),
                evidence: Vec::new(),
            });
            continue;
        }
        let mut result = battery.run_one(name, canary.as_ref()).await;
        if result.status == Status::Fail && !battery.alive(&mut result.evidence).await {
            result.detail.push_str("; the endpoint no longer answers a normal message");
            stopped = Some(format!("the endpoint stopped answering after {name}"));
        }
        checks.push(result);
    }
    if let Some(canary) = canary {
        canary.stop();
    }
    let mode = config.simulator.wire().name();
    checks.iter_mut().for_each(|check| check.mode = mode);
    Report::of(checks)
}

impl Report {
    fn of(checks: Vec<CheckResult>) -> Report {
        let summary = Summary::of(&checks);
        Report { ok: summary.failed == 0, checks, summary }
    }

    /// The checks of several runs (plain, then safe mode) in one report.
    pub fn merge(reports: Vec<Report>) -> Report {
        Report::of(reports.into_iter().flat_map(|r| r.checks).collect())
    }
}

/// A loopback URL that counts GETs: an endpoint that fetches it resolved an external entity.
struct Canary {
    url: String,
    hits: Arc<AtomicU64>,
    stop: tokio::sync::oneshot::Sender<()>,
}

impl Canary {
    async fn start() -> Option<Canary> {
        use crate::http::server::{respond, serve, TEXT_PLAIN};
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await.ok()?;
        let addr = listener.local_addr().ok()?;
        let hits = Arc::new(AtomicU64::new(0));
        let counted = hits.clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let handler = move |_req| {
            counted.fetch_add(1, Ordering::SeqCst);
            async { respond(hyper::StatusCode::OK, TEXT_PLAIN, "wxdev-canary") }
        };
        tokio::spawn(serve(listener, handler, async {
            let _ = stopped.await;
        }));
        let url = format!("{}/xxe-{}", crate::http::server::base_url(addr), fresh_nonce());
        Some(Canary { url, hits, stop })
    }

    fn hits(&self) -> u64 {
        self.hits.load(Ordering::SeqCst)
    }

    fn stop(self) {
        let _ = self.stop.send(());
    }
}

/// An HTTP answer, or why there was none.
enum Answer {
    Http { status: u16, body: Vec<u8>, elapsed: Duration },
    TimedOut,
    Unreachable(String),
}

impl Answer {
    fn describe(&self) -> String {
        match self {
            Answer::Http { status, body, elapsed } => {
                let text = String::from_utf8_lossy(body);
                format!("HTTP {status} in {} ms: {:?}", elapsed.as_millis(), shorten(&text, EVIDENCE_CHARS))
            }
            Answer::TimedOut => "no answer in time".to_owned(),
            Answer::Unreachable(why) => format!("no HTTP answer: {why}"),
        }
    }
}

struct Battery<'a> {
    config: &'a CheckConfig,
    canary_url: Option<String>,
}

fn result(name: &'static str, status: Status, detail: impl Into<String>, evidence: Vec<Exchange>) -> CheckResult {
    CheckResult { mode: "", name, status, detail: detail.into(), evidence }
}

fn exchange(sent: impl Into<String>, answer: &Answer) -> Exchange {
    Exchange { sent: shorten(&sent.into(), EVIDENCE_CHARS), received: answer.describe() }
}

impl Battery<'_> {
    fn sim(&self) -> &Simulator {
        &self.config.simulator
    }

    fn deadline(&self) -> Duration {
        self.sim().deadline
    }

    async fn run_one(&self, name: &'static str, canary: Option<&Canary>) -> CheckResult {
        match name {
            "handshake" => self.handshake().await,
            "forgery" => self.forgery().await,
            "replay" => self.replay().await,
            "messages" => self.messages().await,
            "retries" => self.retries().await,
            "speed" => self.speed().await,
            "hostile-xxe" => self.hostile_xxe(canary).await,
            "hostile-bomb" => {
                self.hostile(name, "an entity-expansion bomb (billion laughs)", bomb_body(self), None).await
            }
            "hostile-nesting" => self.hostile(name, "64 levels of nested elements", nested_body(self), None).await,
            "hostile-large" => self.hostile(name, "a 2 MB body", large_body(self), None).await,
            "hostile-utf8" => {
                self.hostile(name, "invalid UTF-8 in a text message", invalid_utf8_body(self), None).await
            }
            "hostile-content-type" => {
                let body = self.plain_text("wxdev check: a message sent as JSON").body.into_bytes();
                self.hostile(name, "a text message with Content-Type: application/json", body, Some("application/json"))
                    .await
            }
            _ => result(name, Status::Skipped, "unknown check", Vec::new()),
        }
    }

    /// One request with the deadline; the body read in full.
    async fn send(&self, method: reqwest::Method, url: url::Url, body: Vec<u8>, content_type: &str) -> Answer {
        let started = Instant::now();
        let mut request = self.sim().client().request(method.clone(), url);
        if method == reqwest::Method::POST {
            request = request.header(reqwest::header::CONTENT_TYPE, content_type).body(body);
        }
        let exchange = async {
            let response = request.send().await?;
            let status = response.status().as_u16();
            let bytes = response.bytes().await?;
            Ok::<_, reqwest::Error>((status, bytes))
        };
        match tokio::time::timeout(self.deadline(), exchange).await {
            Err(_) => Answer::TimedOut,
            Ok(Err(e)) => match crate::client::transport::TransportFailure::classify(&e) {
                crate::client::transport::TransportFailure::Timeout => Answer::TimedOut,
                other => Answer::Unreachable(other.describe(self.sim().url())),
            },
            Ok(Ok((status, body))) => Answer::Http { status, body: body.to_vec(), elapsed: started.elapsed() },
        }
    }

    async fn post(&self, query: &CallbackQuery, body: Vec<u8>) -> Answer {
        self.post_as(query, body, "text/xml").await
    }

    async fn post_as(&self, query: &CallbackQuery, body: Vec<u8>, content_type: &str) -> Answer {
        self.send(reqwest::Method::POST, with_query(self.sim().url(), query), body, content_type).await
    }

    /// A text message from `user` with a fresh MsgId.
    fn text_from(&self, user: &str, content: &str) -> Outgoing {
        let mut incoming =
            Incoming::new(&self.config.account, user, unix_now(), Body::Text { content: content.to_owned() });
        incoming.msg_id = Some(fresh_msg_id());
        outgoing(&incoming)
    }

    fn plain_text(&self, content: &str) -> Outgoing {
        self.text_from(&self.config.user, content)
    }

    /// Whether an answer is a reply addressed to `user`: the message was processed.
    fn processed(&self, answer: &Answer, user: &str) -> bool {
        let Answer::Http { status: 200, body, .. } = answer else { return false };
        let text = String::from_utf8_lossy(body);
        let Ok(root) = Element::parse_document(text.trim()) else { return false };
        let root = match (root.child_text("Encrypt"), self.sim().wire().crypt()) {
            (Some(encrypt), Some(crypt)) => match crypt.decrypt_any_appid(encrypt) {
                Ok(decrypted) => match Element::parse_document(decrypted.message.trim()) {
                    Ok(inner) => inner,
                    Err(_) => return false,
                },
                // Encrypted with a key we do not know: it cannot be told apart from processing.
                Err(_) => return true,
            },
            _ => root,
        };
        root.child_text("ToUserName") == Some(user)
    }

    /// A normal message gets an HTTP answer: the endpoint still serves.
    async fn alive(&self, evidence: &mut Vec<Exchange>) -> bool {
        let message = self.plain_text("wxdev check: still there?");
        let (query, body) = self.sim().wrap(&message);
        let answer = self.post(&query, body.into_bytes()).await;
        let alive = matches!(answer, Answer::Http { .. });
        evidence.push(exchange(format!("POST a normal text message: {}", message.body), &answer));
        alive
    }

    async fn handshake(&self) -> CheckResult {
        let echostr = fresh_echostr();
        let mut query = CallbackQuery::signed(self.sim().token());
        query.echostr = Some(echostr.clone());
        let url = with_query(self.sim().url(), &query);
        let answer = self.send(reqwest::Method::GET, url.clone(), Vec::new(), "").await;
        let evidence = vec![exchange(format!("GET {url}"), &answer)];
        let limit = self.deadline().as_secs_f64();
        match &answer {
            Answer::Http { status, body, elapsed } => match judge_url_check(*status, None, body, &echostr) {
                None => result(
                    "handshake",
                    Status::Pass,
                    format!("answered echostr in {} ms", elapsed.as_millis()),
                    evidence,
                ),
                Some(problem) => result("handshake", Status::Fail, problem, evidence),
            },
            Answer::TimedOut => result(
                "handshake",
                Status::Fail,
                format!("no answer within {limit} s: WeChat reports 请求URL超时"),
                evidence,
            ),
            Answer::Unreachable(why) => result("handshake", Status::Fail, why.clone(), evidence),
        }
    }

    async fn forgery(&self) -> CheckResult {
        let token = self.sim().token();
        let other_token = format!("{token}-not-the-token");
        let mut evidence = Vec::new();
        let mut accepted = Vec::new();
        // GETs: a forger wants the echostr back.
        let gets: [(&str, CallbackQuery); 3] = [
            ("GET with a wrong signature", with_signature(CallbackQuery::signed(token), &fresh_hex())),
            ("GET without a signature", without_signature(CallbackQuery::signed(token))),
            ("GET signed with another token", CallbackQuery::signed(&other_token)),
        ];
        for (label, mut query) in gets {
            let echostr = fresh_echostr();
            query.echostr = Some(echostr.clone());
            let url = with_query(self.sim().url(), &query);
            let answer = self.send(reqwest::Method::GET, url.clone(), Vec::new(), "").await;
            let echoed = matches!(&answer, Answer::Http { status: 200, body, .. } if String::from_utf8_lossy(body).trim() == echostr);
            if echoed {
                accepted.push(format!("{label} got the echostr back"));
            }
            evidence.push(exchange(format!("{label}: GET {url}"), &answer));
        }
        // POSTs: a forger wants a message processed; each comes from its own OpenID.
        let mut posts: Vec<(&str, CallbackQuery, String, String)> = Vec::new();
        let forged_user = |n: u32| format!("o6_wxdevForger{n}_{}", fresh_nonce());
        {
            let user = forged_user(1);
            let (query, body) = self.sim().wrap(&self.text_from(&user, "forged: wrong signature"));
            let query = with_msg_signature(with_signature(query, &fresh_hex()), &fresh_hex());
            posts.push(("POST with a wrong signature", query, body, user));
            let user = forged_user(2);
            let (query, body) = self.sim().wrap(&self.text_from(&user, "forged: no signature"));
            let mut query = without_signature(query);
            query.msg_signature = None;
            posts.push(("POST without a signature", query, body, user));
            let user = forged_user(3);
            let message = self.text_from(&user, "forged: another token");
            let (query, body) = wrap_with_token(self.sim(), &message, &other_token);
            posts.push(("POST signed with another token", query, body, user));
        }
        if let Some(crypt) = self.sim().wire().crypt() {
            let user = forged_user(4);
            let (query, body) = self.sim().wrap(&self.text_from(&user, "forged: wrong msg_signature"));
            posts.push((
                "POST with a valid signature and a wrong msg_signature",
                with_msg_signature(query, &fresh_hex()),
                body,
                user,
            ));
            let user = forged_user(5);
            let message = self.text_from(&user, "forged: Encrypt from another key");
            let foreign = MsgCrypt::new(
                crate::wechat::crypto::AesKey::from_encoding_key(&foreign_key()).expect("a valid key"),
                crypt.appid(),
            );
            let (query, body) = wrap_encrypted(self.sim(), &message, &foreign, token);
            posts.push(("POST whose Encrypt comes from another EncodingAESKey", query, body, user));
        }
        for (label, query, body, user) in posts {
            let answer = self.post(&query, body.clone().into_bytes()).await;
            if self.processed(&answer, &user) {
                accepted.push(format!("{label} was processed (the reply is addressed to the sender)"));
            }
            let url = with_query(self.sim().url(), &query);
            evidence.push(exchange(format!("{label}: POST {url} {body}"), &answer));
        }
        let cases = evidence.len();
        if accepted.is_empty() {
            result("forgery", Status::Pass, format!("all {cases} forged requests were refused"), evidence)
        } else {
            let detail = format!(
                "{}: anyone can make the endpoint act without the Token; compare the signature before answering",
                accepted.join("; ")
            );
            result("forgery", Status::Fail, detail, evidence)
        }
    }

    async fn replay(&self) -> CheckResult {
        let message = self.plain_text("wxdev check: a request signed an hour ago");
        let old = (unix_now() - REPLAY_AGE_SECS).to_string();
        let query = CallbackQuery::signed_at(self.sim().token(), old, fresh_nonce());
        let (query, body) = self.sim().wrap_signed(&message, query);
        let answer = self.post(&query, body.clone().into_bytes()).await;
        let url = with_query(self.sim().url(), &query);
        let evidence = vec![exchange(format!("POST {url} {body}"), &answer)];
        if self.processed(&answer, &self.config.user) {
            let detail = format!(
                "a correctly signed request with a timestamp {REPLAY_AGE_SECS} s old was processed: WeChat's protocol \
                 allows it, but a captured request can be replayed; refuse timestamps more than a few minutes old"
            );
            result("replay", Status::Warn, detail, evidence)
        } else {
            result("replay", Status::Pass, "a request signed an hour ago was not processed", evidence)
        }
    }

    async fn messages(&self) -> CheckResult {
        let mut evidence = Vec::new();
        let mut failures = Vec::new();
        let mut warnings = 0;
        let cases = message_cases(&self.config.account, &self.config.user);
        let count = cases.len();
        for (label, message) in cases {
            let delivery = self.sim().deliver(&message).await;
            let verdict = match delivery.outcome {
                Outcome::Accepted => "accepted",
                Outcome::Rejected => "rejected",
                Outcome::TimedOut => "timed out",
                Outcome::Failed => "failed",
            };
            let mut received =
                format!("{verdict} after {} attempt(s), {} ms", delivery.attempts, delivery.elapsed.as_millis());
            if let Some(status) = delivery.http_status {
                received.push_str(&format!(", HTTP {status}"));
            }
            if let Some(raw) = &delivery.raw {
                received.push_str(&format!(": {:?}", shorten(raw, EVIDENCE_CHARS)));
            }
            for problem in &delivery.judgement.problems {
                received.push_str(&format!(" — {problem}"));
            }
            warnings += delivery.judgement.warnings.len();
            if !delivery.ok() {
                failures.push(format!("{label} {verdict}"));
            }
            let exchange = Exchange { sent: format!("{label}: {}", shorten(&message.body, EVIDENCE_CHARS)), received };
            // What went wrong first, then warnings, then the rest.
            let rank = if !delivery.ok() {
                0
            } else if delivery.judgement.warnings.is_empty() {
                2
            } else {
                1
            };
            evidence.push((rank, exchange));
        }
        evidence.sort_by_key(|(rank, _)| *rank);
        let evidence: Vec<Exchange> = evidence.into_iter().map(|(_, e)| e).collect();
        if failures.is_empty() {
            let status = if warnings > 0 { Status::Warn } else { Status::Pass };
            let extra = if warnings > 0 { format!(" ({warnings} warnings, see the evidence)") } else { String::new() };
            result("messages", status, format!("all {count} message and event types answered{extra}"), evidence)
        } else {
            let detail = format!(
                "{} of {count} types got no answer WeChat accepts: {} (an unhandled type must get `success` or an empty body)",
                failures.len(),
                failures.join(", ")
            );
            result("messages", Status::Fail, detail, evidence)
        }
    }

    async fn retries(&self) -> CheckResult {
        let message = self.plain_text("wxdev check: the same MsgId twice");
        let first = self.sim().deliver(&message).await;
        let second = self.sim().deliver(&message).await;
        let describe = |d: &super::Delivery| {
            let reply = d.judgement.reply.as_ref().map(|r| r.to_json().to_string());
            format!(
                "{:?}, HTTP {:?}: {}",
                d.outcome,
                d.http_status,
                shorten(&reply.unwrap_or_default(), EVIDENCE_CHARS)
            )
        };
        let evidence = vec![
            Exchange {
                sent: format!("MsgId first time: {}", shorten(&message.body, EVIDENCE_CHARS)),
                received: describe(&first),
            },
            Exchange { sent: "the same message again (a retry)".to_owned(), received: describe(&second) },
        ];
        if !first.ok() || !second.ok() {
            return result("retries", Status::Fail, "a delivery of the message was not accepted", evidence);
        }
        // CreateTime is when the reply was made: a second apart is still the same answer.
        let content = |d: &super::Delivery| {
            d.judgement.reply.clone().map(|mut r| {
                r.children.retain(|c| c.name != "CreateTime");
                r
            })
        };
        let same = content(&first) == content(&second);
        if same || second.judgement.silent {
            result("retries", Status::Pass, "the retry got the same answer, or success", evidence)
        } else {
            result(
                "retries",
                Status::Fail,
                "the retry of the same MsgId got a different reply: the message was processed twice (deduplicate by MsgId)",
                evidence,
            )
        }
    }

    async fn speed(&self) -> CheckResult {
        let (account, user) = (self.config.account.clone(), self.config.user.clone());
        let make: Arc<dyn Fn(u64) -> Outgoing + Send + Sync> = Arc::new(move |n| {
            let mut incoming =
                Incoming::new(&account, &user, unix_now(), Body::Text { content: format!("wxdev check burst #{n}") });
            incoming.msg_id = Some(fresh_msg_id());
            outgoing(&incoming)
        });
        let (count, concurrency) = (self.config.speed_count, self.config.speed_concurrency);
        let summary = load::run(self.sim().clone(), make, Budget::Count(count), concurrency, Arc::new(|| {})).await;
        let l = summary.latency;
        let received = format!(
            "{} accepted, {} rejected, {} timed out, {} failed in {} ms; latency p50 {:.1} p99 {:.1} max {:.1} ms",
            summary.accepted,
            summary.rejected,
            summary.timed_out,
            summary.failed,
            summary.elapsed.as_millis(),
            l.p50,
            l.p99,
            l.max
        );
        let mut evidence = vec![Exchange { sent: format!("{count} text messages, {concurrency} at a time"), received }];
        for p in summary.problems.iter().take(3) {
            evidence.push(Exchange { sent: "problem".to_owned(), received: format!("{}× {}", p.count, p.problem) });
        }
        let limit_ms = self.deadline().as_secs_f64() * 1000.0;
        if !summary.ok() {
            let bad = summary.count - summary.accepted;
            result("speed", Status::Fail, format!("{bad} of {count} messages were not accepted"), evidence)
        } else if l.p99 >= limit_ms {
            result("speed", Status::Fail, format!("p99 {:.0} ms is over WeChat's {limit_ms:.0} ms", l.p99), evidence)
        } else {
            result("speed", Status::Pass, format!("{count} accepted, p99 {:.1} ms", l.p99), evidence)
        }
    }

    async fn hostile_xxe(&self, canary: Option<&Canary>) -> CheckResult {
        let (Some(canary), Some(url)) = (canary, &self.canary_url) else {
            return result("hostile-xxe", Status::Skipped, "could not listen on loopback for the canary", Vec::new());
        };
        let body = xxe_body(self, url);
        let before = canary.hits();
        let mut checked =
            self.hostile("hostile-xxe", "a DOCTYPE with an external entity", body.into_bytes(), None).await;
        // Give a fetch made in the background a moment to arrive.
        tokio::time::sleep(Duration::from_millis(200)).await;
        if canary.hits() > before {
            checked.status = Status::Fail;
            checked.detail = format!(
                "the endpoint fetched the external entity {url} (XXE): disable DTDs and external entities in its XML parser"
            );
        }
        checked
    }

    /// Sends a hostile body (validly signed, as plain XML): the endpoint must
    /// answer within the deadline and still answer a normal message afterwards.
    async fn hostile(&self, name: &'static str, what: &str, body: Vec<u8>, content_type: Option<&str>) -> CheckResult {
        let query = CallbackQuery::signed(self.sim().token());
        let answer = self.post_as(&query, body.clone(), content_type.unwrap_or("text/xml")).await;
        let sent = format!("{what} ({} bytes): {}", body.len(), String::from_utf8_lossy(&body));
        let mut evidence = vec![exchange(sent, &answer)];
        let limit = self.deadline().as_secs_f64();
        if matches!(answer, Answer::TimedOut) {
            return result(name, Status::Fail, format!("{what}: no answer within {limit} s"), evidence);
        }
        if !self.alive(&mut evidence).await {
            return result(
                name,
                Status::Fail,
                format!("after {what}, the endpoint stopped answering (a crash?)"),
                evidence,
            );
        }
        result(name, Status::Pass, format!("{what}: answered in time, and a normal message after it"), evidence)
    }
}

fn outgoing(incoming: &Incoming) -> Outgoing {
    Outgoing {
        body: incoming.to_xml(),
        user: incoming.from.clone(),
        account: incoming.to.clone(),
        msg_type: incoming.msg_type().to_owned(),
    }
}

/// Every message and event type WeChat pushes, then types the endpoint likely does not handle.
fn message_cases(account: &str, user: &str) -> Vec<(String, Outgoing)> {
    let s = |v: &str| v.to_owned();
    let bodies = vec![
        Body::Text { content: s("你好") },
        Body::Image { pic_url: s("http://mmbiz.qpic.cn/mmbiz_jpg/wxdevCheck/0"), media_id: s("check_image_media_id") },
        Body::Voice { media_id: s("check_voice_media_id"), format: s("amr"), recognition: None },
        Body::Video { media_id: s("check_video_media_id"), thumb_media_id: s("check_thumb_media_id") },
        Body::ShortVideo { media_id: s("check_shortvideo_media_id"), thumb_media_id: s("check_thumb_media_id") },
        Body::Location { lat: s("23.134521"), lng: s("113.358803"), scale: s("20"), label: s("广州市天河区") },
        Body::Link { title: s("wxdev"), description: s("a link"), url: s("https://mp.weixin.qq.com/") },
        Body::Event(Event::Subscribe { event_key: None, ticket: None }),
        Body::Event(Event::Subscribe { event_key: Some(s("qrscene_1001")), ticket: Some(s("gQcheckTicket")) }),
        Body::Event(Event::Unsubscribe),
        Body::Event(Event::Scan { event_key: s("1001"), ticket: Some(s("gQcheckTicket")) }),
        Body::Event(Event::Location { latitude: s("23.134521"), longitude: s("113.358803"), precision: s("30.0") }),
        Body::Event(Event::Click { event_key: s("MENU_NEWS") }),
        Body::Event(Event::View { event_key: s("https://mp.weixin.qq.com/"), menu_id: Some(s("101")) }),
    ];
    let mut cases = Vec::new();
    for body in bodies {
        let is_event = matches!(body, Body::Event(_));
        let mut incoming = Incoming::new(account, user, unix_now(), body);
        if !is_event {
            incoming.msg_id = Some(fresh_msg_id());
        }
        let label = match &incoming.body {
            Body::Event(_) => incoming.kind_label().to_string(),
            _ => incoming.msg_type().to_owned(),
        };
        cases.push((label, outgoing(&incoming)));
    }
    // Types an endpoint is unlikely to handle: it must still answer `success` or nothing.
    let now = unix_now();
    let unknown = [
        (
            "unknown type miniprogrampage",
            "miniprogrampage",
            "<Title><![CDATA[wxdev]]></Title><AppId><![CDATA[wx0]]></AppId>",
        ),
        (
            "unknown event TEMPLATESENDJOBFINISH",
            "event",
            "<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><Status><![CDATA[success]]></Status>",
        ),
        ("unknown type wxdev_check_unknown", "wxdev_check_unknown", "<Content><![CDATA[?]]></Content>"),
    ];
    for (label, msg_type, fields) in unknown {
        let id = if msg_type == "event" { String::new() } else { format!("<MsgId>{}</MsgId>", fresh_msg_id()) };
        let body = format!(
            "<xml><ToUserName><![CDATA[{account}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName>\
             <CreateTime>{now}</CreateTime><MsgType><![CDATA[{msg_type}]]></MsgType>{fields}{id}</xml>"
        );
        let outgoing =
            Outgoing { body, user: user.to_owned(), account: account.to_owned(), msg_type: msg_type.to_owned() };
        cases.push((label.to_owned(), outgoing));
    }
    cases
}

fn envelope_start(b: &Battery) -> String {
    format!(
        "<ToUserName><![CDATA[{}]]></ToUserName><FromUserName><![CDATA[{}]]></FromUserName><CreateTime>{}</CreateTime>",
        b.config.account,
        b.config.user,
        unix_now()
    )
}

fn xxe_body(b: &Battery, url: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [<!ENTITY wxdevcheck SYSTEM \"{url}\">]>\n<xml>{}\
         <MsgType><![CDATA[text]]></MsgType><Content>&wxdevcheck;</Content><MsgId>{}</MsgId></xml>",
        envelope_start(b),
        fresh_msg_id()
    )
}

fn bomb_body(b: &Battery) -> Vec<u8> {
    let mut dtd = String::from("<!ENTITY lol0 \"lol\">");
    for i in 1..10 {
        let prev = format!("&lol{};", i - 1).repeat(10);
        dtd.push_str(&format!("<!ENTITY lol{i} \"{prev}\">"));
    }
    format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [{dtd}]>\n<xml>{}<MsgType><![CDATA[text]]></MsgType>\
         <Content>&lol9;</Content><MsgId>{}</MsgId></xml>",
        envelope_start(b),
        fresh_msg_id()
    )
    .into_bytes()
}

fn nested_body(b: &Battery) -> Vec<u8> {
    let depth = 64;
    format!(
        "<xml>{}<MsgType><![CDATA[text]]></MsgType><Content>{}x{}</Content><MsgId>{}</MsgId></xml>",
        envelope_start(b),
        "<a>".repeat(depth),
        "</a>".repeat(depth),
        fresh_msg_id()
    )
    .into_bytes()
}

fn large_body(b: &Battery) -> Vec<u8> {
    format!(
        "<xml>{}<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{}]]></Content><MsgId>{}</MsgId></xml>",
        envelope_start(b),
        "A".repeat(2 * 1024 * 1024),
        fresh_msg_id()
    )
    .into_bytes()
}

fn invalid_utf8_body(b: &Battery) -> Vec<u8> {
    let mut body =
        format!("<xml>{}<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[", envelope_start(b)).into_bytes();
    body.extend_from_slice(b"\xff\xfe\xc3\x28 \xe4\xbd");
    body.extend_from_slice(format!("]]></Content><MsgId>{}</MsgId></xml>", fresh_msg_id()).as_bytes());
    body
}

fn with_signature(mut query: CallbackQuery, signature: &str) -> CallbackQuery {
    query.signature = Some(signature.to_owned());
    query
}

fn with_msg_signature(mut query: CallbackQuery, signature: &str) -> CallbackQuery {
    if query.msg_signature.is_some() {
        query.msg_signature = Some(signature.to_owned());
    }
    query
}

fn without_signature(mut query: CallbackQuery) -> CallbackQuery {
    query.signature = None;
    query
}

/// The message as the simulator would send it, but every signature made with `token`.
fn wrap_with_token(sim: &Simulator, message: &Outgoing, token: &str) -> (CallbackQuery, String) {
    match sim.wire().crypt() {
        Some(crypt) => wrap_encrypted(sim, message, crypt, token),
        None => {
            let mut query = CallbackQuery::signed(token);
            query.openid = Some(message.user.clone());
            (query, message.body.clone())
        }
    }
}

/// The message encrypted with `crypt`, signed (signature and msg_signature) with `token`.
fn wrap_encrypted(sim: &Simulator, message: &Outgoing, crypt: &MsgCrypt, token: &str) -> (CallbackQuery, String) {
    let (timestamp, nonce) = (now_timestamp(), fresh_nonce());
    let mut query = CallbackQuery::signed_at(token, timestamp.clone(), nonce.clone());
    query.openid = Some(message.user.clone());
    let encrypt = crypt.encrypt(&message.body);
    query.encrypt_type = Some("aes".to_owned());
    query.msg_signature = Some(Signature::msg(token, &timestamp, &nonce, &encrypt).to_string());
    let body = match (sim.wire(), Element::parse_document(&message.body)) {
        (Wire::Compat(_), Ok(plain)) => compat_request_xml(&plain, &encrypt),
        _ => safe_request_xml(&message.account, &encrypt),
    };
    (query, body)
}

/// An EncodingAESKey that is not the account's.
fn foreign_key() -> String {
    "wxdevCheckForeignKey0123456789abcdefghijklm".to_owned()
}

fn fresh_hex() -> String {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    (0..40).map(|_| char::from_digit(rng.gen_range(0..16), 16).unwrap_or('0')).collect()
}

fn fresh_echostr() -> String {
    use rand::Rng;
    rand::thread_rng().gen_range(100_000_000_000_000_000u64..=9_999_999_999_999_999_999).to_string()
}

fn fresh_msg_id() -> String {
    use rand::Rng;
    rand::thread_rng().gen_range(1_000_000_000_000_000_000u64..=9_223_372_036_854_775_807).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_exactly_or_by_the_hostile_group() {
        assert!(name_matches("hostile", "hostile-xxe"));
        assert!(name_matches("speed", "speed"));
        assert!(!name_matches("hostile", "handshake"));
        assert!(!name_matches("hostile-x", "hostile-xxe"));
    }

    #[test]
    fn the_foreign_key_is_a_valid_key() {
        assert!(crate::wechat::crypto::AesKey::from_encoding_key(&foreign_key()).is_ok());
        assert_eq!(fresh_hex().len(), 40);
    }
}
