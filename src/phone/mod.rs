//! `wxdev phone`: a WeChat conversation in the browser. The page (embedded
//! static files) talks to a small JSON API; each message it sends is built,
//! signed, delivered and judged by the [`simulator`](crate::simulator), and
//! what the bot pushes through a mock-api (`GET /mock/messages`) is polled
//! into the conversation.
//!
//! Routes: `GET /` (and `/app.js`, `/style.css`), `GET /api/state`,
//! `GET /api/conversation?user=OPENID&since=REV`, `POST /api/send`,
//! `POST /api/users`, `POST /api/upload`, `GET /api/media?id=MEDIA_ID`.
//! POSTs take only `Content-Type: application/json` and every request must
//! name this server in its Host, so that no other web page can drive it. The
//! page never receives the token, the AppSecret or the EncodingAESKey: the
//! exchange it shows is signed and encrypted output, never the keys.

pub mod chat;

use crate::http::log::{clock, RequestLog};
use crate::http::server::{declared_too_large, read_body, respond, Body, APPLICATION_JSON};
use crate::simulator::{Outgoing, Simulator};
use crate::wechat::menu::{Button, Menu};
use crate::wechat::text::escape_control;
use crate::wechat::{unix_now, Event, Incoming};
use chat::{Chats, Item, Side};
use hyper::body::Incoming as RequestBody;
use hyper::{Method, Request, Response, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const INDEX_HTML: &str = include_str!("page/index.html");
const APP_JS: &str = include_str!("page/app.js");
const STYLE_CSS: &str = include_str!("page/style.css");

/// Largest request body: an image picked for upload, base64 in JSON (WeChat takes images up to 10 MB).
pub const MAX_BODY: usize = 14 * 1024 * 1024;
/// How often bot-pushed messages are fetched from a mock-api.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// A boxed future, for the callbacks the command layer provides.
pub type Pending<T> = Pin<Box<dyn Future<Output = Result<T, String>> + Send>>;

/// What pressing a menu button pushes (the command layer's `simulate menu` rules):
/// the event, or why the button pushes nothing.
pub type PressFn = Arc<dyn Fn(&Button, &str) -> Result<Event, String> + Send + Sync>;

/// The account's API on the API base, reached with an access_token the page never sees.
pub trait AccountApi: Send + Sync {
    /// Uploads an image as temporary media; returns its media_id.
    fn upload_image(&self, name: String, bytes: Vec<u8>) -> Pending<String>;
    /// The bytes and content type of a media_id.
    fn get(&self, media_id: String) -> Pending<(String, Vec<u8>)>;
    /// Creates a parametric QR code for a scene (an id, or a string); returns its ticket.
    fn create_qr(&self, scene: String) -> Pending<String>;
}

pub struct PhoneConfig {
    pub simulator: Simulator,
    /// ToUserName of every message: the account's original id.
    pub account: String,
    /// The OpenID the page starts with.
    pub first_user: String,
    pub menu: Option<Menu>,
    pub press: PressFn,
    /// A mock-api base to poll `/mock/messages` on.
    pub mock_base: Option<String>,
    pub media: Option<Arc<dyn AccountApi>>,
    /// The address the server is bound to (for the Host check).
    pub addr: SocketAddr,
}

pub struct Phone {
    config: PhoneConfig,
    chats: Mutex<Chats>,
    /// Revision of the newest change; items carry the revision of their last change.
    rev: AtomicU64,
    revs: Mutex<HashMap<u64, u64>>,
    log: RequestLog,
    http: reqwest::Client,
}

/// A user's message before it is sent, with the note the page shows for it.
struct Composed {
    kind: &'static str,
    data: Value,
    incoming: Incoming,
    /// The follow state after the message (subscribe, unsubscribe, a scan by a non-follower).
    follows: Option<bool>,
}

type Answer = Response<Body>;

fn json_answer(status: StatusCode, value: &Value) -> Answer {
    let mut response = respond(status, APPLICATION_JSON, value.to_string());
    response.headers_mut().insert(hyper::header::CACHE_CONTROL, hyper::header::HeaderValue::from_static("no-store"));
    response
}

fn refuse(status: StatusCode, error: &str) -> Answer {
    json_answer(status, &json!({"ok": false, "error": error}))
}

fn page(content_type: &'static str, body: &'static str) -> Answer {
    let mut response = respond(StatusCode::OK, content_type, body);
    let headers = response.headers_mut();
    headers.insert(hyper::header::CACHE_CONTROL, hyper::header::HeaderValue::from_static("no-store"));
    headers.insert(
        "content-security-policy",
        hyper::header::HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data: http: https:; style-src 'self'; script-src 'self'; \
             connect-src 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert("x-content-type-options", hyper::header::HeaderValue::from_static("nosniff"));
    headers.insert("referrer-policy", hyper::header::HeaderValue::from_static("no-referrer"));
    response
}

/// An OpenID the page may use: 1 to 64 letters, digits, `-` or `_`.
pub fn valid_openid(openid: &str) -> bool {
    (1..=64).contains(&openid.len()) && openid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Most bytes of a reply kept for the inspector.
pub const MAX_KEPT_REPLY: usize = 256 * 1024;

/// Cuts a long reply at a character boundary, saying so.
fn clip_kept(text: &mut String) {
    if text.len() > MAX_KEPT_REPLY {
        let mut end = MAX_KEPT_REPLY;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let total = text.len();
        text.truncate(end);
        text.push_str(&format!("\n… ({total} bytes in all; the first {end} are kept)"));
    }
}

static NEXT_MSG_ID: AtomicU64 = AtomicU64::new(0);

/// A fresh 64-bit MsgId: milliseconds since 1970 times a thousand, plus a counter.
fn fresh_msg_id() -> String {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default();
    (millis.saturating_mul(1000) + NEXT_MSG_ID.fetch_add(1, Ordering::Relaxed) % 1000).to_string()
}

fn text_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// `value[key]` as text, or `default` when missing or empty; at most `max` characters.
fn field_or(value: &Value, key: &str, default: &str, max: usize) -> Result<String, String> {
    let text = match text_of(value, key).trim() {
        "" => default,
        given => given,
    };
    if text.chars().count() > max {
        return Err(format!("{key} is longer than {max} characters"));
    }
    Ok(text.to_owned())
}

/// A coordinate in range, as text.
fn coordinate(value: &Value, key: &str, default: &str, limit: f64) -> Result<String, String> {
    let text = field_or(value, key, default, 32)?;
    match text.parse::<f64>() {
        Ok(deg) if deg.is_finite() && deg.abs() <= limit => Ok(text),
        _ => Err(format!("{key} must be a number from -{limit} to {limit}")),
    }
}

impl Phone {
    pub fn new(config: PhoneConfig, log: RequestLog) -> Phone {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(3))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        let mut chats = Chats::default();
        chats.conversation(&config.first_user);
        Phone { config, chats: Mutex::new(chats), rev: AtomicU64::new(0), revs: Mutex::default(), log, http }
    }

    fn chats(&self) -> std::sync::MutexGuard<'_, Chats> {
        self.chats.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Marks an item changed: it is listed again to pages that saw an older revision.
    fn touch(&self, id: u64) {
        let rev = self.rev.fetch_add(1, Ordering::SeqCst) + 1;
        let mut revs = self.revs.lock().unwrap_or_else(|e| e.into_inner());
        revs.insert(id, rev);
        if revs.len() > chat::MAX_ITEMS * chat::MAX_USERS {
            let oldest = rev.saturating_sub((chat::MAX_ITEMS * chat::MAX_USERS / 2) as u64);
            revs.retain(|_, r| *r > oldest);
        }
    }

    fn rev_of(&self, id: u64) -> u64 {
        self.revs.lock().unwrap_or_else(|e| e.into_inner()).get(&id).copied().unwrap_or(0)
    }

    /// Whether the Host header names this server (a loopback address or localhost at its port,
    /// any address at its port when bound to every interface).
    fn addressed_to_us(&self, req: &Request<RequestBody>) -> bool {
        let mut hosts = req.headers().get_all(hyper::header::HOST).iter();
        let (Some(host), None) = (hosts.next(), hosts.next()) else { return false };
        let Ok(host) = host.to_str() else { return false };
        if req.uri().authority().is_some_and(|a| a.as_str() != host) {
            return false;
        }
        let addr = self.config.addr;
        let port = addr.port().to_string();
        let Some((name, given_port)) = host.rsplit_once(':') else { return false };
        if given_port != port {
            return false;
        }
        let name = name.trim_start_matches('[').trim_end_matches(']');
        if name.eq_ignore_ascii_case("localhost") {
            return addr.ip().is_loopback() || addr.ip().is_unspecified();
        }
        match name.parse::<std::net::IpAddr>() {
            Ok(ip) => addr.ip().is_unspecified() || ip == addr.ip(),
            Err(_) => false,
        }
    }

    pub async fn handle(self: Arc<Self>, req: Request<RequestBody>) -> Answer {
        if !self.addressed_to_us(&req) {
            return refuse(StatusCode::FORBIDDEN, "wxdev phone answers only requests addressed to it (Host)");
        }
        let path = req.uri().path().to_owned();
        let query: HashMap<String, String> = req
            .uri()
            .query()
            .map(|q| url::form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        match (req.method().clone(), path.as_str()) {
            (Method::GET, "/" | "/index.html") => page("text/html; charset=utf-8", INDEX_HTML),
            (Method::GET, "/app.js") => page("text/javascript; charset=utf-8", APP_JS),
            (Method::GET, "/style.css") => page("text/css; charset=utf-8", STYLE_CSS),
            (Method::GET, "/api/state") => json_answer(StatusCode::OK, &self.state()),
            (Method::GET, "/api/conversation") => self.conversation(&query),
            (Method::GET, "/api/media") => self.media(&query).await,
            (Method::POST, "/api/send" | "/api/users" | "/api/upload") => {
                let body = match self.json_body(req).await {
                    Ok(body) => body,
                    Err(answer) => return answer,
                };
                match path.as_str() {
                    "/api/send" => self.send(body).await,
                    "/api/users" => self.add_user(&body),
                    _ => self.upload(body).await,
                }
            }
            (_, "/" | "/index.html" | "/app.js" | "/style.css" | "/api/state" | "/api/conversation" | "/api/media") => {
                refuse(StatusCode::METHOD_NOT_ALLOWED, "use GET")
            }
            (_, "/api/send" | "/api/users" | "/api/upload") => refuse(StatusCode::METHOD_NOT_ALLOWED, "use POST"),
            _ => refuse(StatusCode::NOT_FOUND, "no such page"),
        }
    }

    async fn json_body(&self, req: Request<RequestBody>) -> Result<Value, Answer> {
        let is_json = req
            .headers()
            .get(hyper::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/json"));
        if !is_json {
            return Err(refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, "send Content-Type: application/json"));
        }
        if declared_too_large(&req, MAX_BODY) {
            return Err(refuse(StatusCode::PAYLOAD_TOO_LARGE, "the body is too large"));
        }
        let bytes = match read_body(req.into_body(), MAX_BODY).await {
            Ok(bytes) => bytes,
            Err(crate::http::server::BodyError::TooLarge) => {
                return Err(refuse(StatusCode::PAYLOAD_TOO_LARGE, "the body is too large"))
            }
            Err(_) => return Err(refuse(StatusCode::BAD_REQUEST, "the body did not arrive")),
        };
        serde_json::from_slice::<Value>(&bytes)
            .ok()
            .filter(Value::is_object)
            .ok_or_else(|| refuse(StatusCode::BAD_REQUEST, "the body is not a JSON object"))
    }

    fn state(&self) -> Value {
        let c = &self.config;
        json!({
            "account": c.account,
            "first_user": c.first_user,
            "users": self.chats().users(),
            "mode": c.simulator.wire().name(),
            "endpoint": c.simulator.url().as_str(),
            "menu": c.menu.as_ref().map(|m| serde_json::to_value(m).unwrap_or(Value::Null)),
            "pushed": c.mock_base.is_some(),
            "media": c.media.is_some(),
        })
    }

    fn conversation(&self, query: &HashMap<String, String>) -> Answer {
        let user = query.get("user").map(String::as_str).unwrap_or("");
        if !valid_openid(user) {
            return refuse(StatusCode::BAD_REQUEST, "user must be an OpenID (letters, digits, - and _)");
        }
        let since: u64 = query.get("since").and_then(|s| s.parse().ok()).unwrap_or(0);
        let rev = self.rev.load(Ordering::SeqCst);
        let chats = self.chats();
        let items: Vec<Value> = chats
            .since(user, 0)
            .into_iter()
            .filter_map(|item| {
                let item_rev = self.rev_of(item.id);
                (item_rev > since).then(|| {
                    let mut value = serde_json::to_value(item).unwrap_or(Value::Null);
                    value["rev"] = json!(item_rev);
                    value
                })
            })
            .collect();
        let followed = chats.get(user).is_some_and(|c| c.followed);
        json_answer(StatusCode::OK, &json!({"user": user, "followed": followed, "rev": rev, "items": items}))
    }

    fn add_user(&self, body: &Value) -> Answer {
        let user = text_of(body, "user");
        if !valid_openid(user) {
            return refuse(StatusCode::BAD_REQUEST, "user must be an OpenID (1 to 64 letters, digits, - and _)");
        }
        if self.chats().conversation(user).is_none() {
            return refuse(StatusCode::TOO_MANY_REQUESTS, "too many users");
        }
        json_answer(StatusCode::OK, &json!({"ok": true, "users": self.chats().users()}))
    }

    /// `POST /api/send {"user":…,"kind":…,…}`: the user's item now, the delivery in the background.
    async fn send(self: Arc<Self>, mut body: Value) -> Answer {
        let user = text_of(&body, "user").to_owned();
        // A scan of a code made on the API base: its ticket first.
        if text_of(&body, "kind") == "scan" && body.get("create_ticket") == Some(&Value::Bool(true)) {
            let Some(api) = self.config.media.clone() else {
                return refuse(StatusCode::CONFLICT, "no API base to create a QR code on (--api-base a mock-api)");
            };
            let scene = text_of(&body, "scene").trim().to_owned();
            if scene.is_empty() || scene.chars().count() > 64 {
                return refuse(StatusCode::BAD_REQUEST, "a scan needs the QR code's scene (id or string)");
            }
            match api.create_qr(scene).await {
                Ok(ticket) => body["ticket"] = Value::String(ticket),
                Err(e) => return refuse(StatusCode::BAD_GATEWAY, &format!("qrcode/create failed: {e}")),
            }
        }
        if !valid_openid(&user) {
            return refuse(StatusCode::BAD_REQUEST, "user must be an OpenID (letters, digits, - and _)");
        }
        let followed = match self.chats().conversation(&user) {
            Some(conversation) => conversation.followed,
            None => return refuse(StatusCode::TOO_MANY_REQUESTS, "too many users"),
        };
        let composed = match self.compose(&user, followed, &body) {
            Ok(composed) => composed,
            Err(e) => return refuse(StatusCode::BAD_REQUEST, &e),
        };
        let outgoing = Outgoing {
            body: composed.incoming.to_xml(),
            user: user.clone(),
            account: self.config.account.clone(),
            msg_type: composed.incoming.msg_type().to_owned(),
        };
        let summary = format!("{} {}", composed.incoming.kind_label(), composed.incoming.summary());
        let side = if composed.kind == "event" { Side::System } else { Side::User };
        let id = {
            let mut chats = self.chats();
            if let (Some(follows), Some(conversation)) = (composed.follows, chats.conversation(&user)) {
                conversation.followed = follows;
            }
            chats.push(&user, side, composed.kind, composed.data, None)
        };
        let Some(id) = id else { return refuse(StatusCode::TOO_MANY_REQUESTS, "too many users") };
        self.touch(id);
        let phone = self.clone();
        tokio::spawn(async move { phone.deliver(user, id, outgoing, summary).await });
        json_answer(StatusCode::OK, &json!({"ok": true, "id": id}))
    }

    async fn deliver(&self, user: String, id: u64, outgoing: Outgoing, summary: String) {
        let exchange = self.config.simulator.exchange(&outgoing).await;
        let mut report = exchange.report();
        // What is kept per message is bounded, whatever the endpoint answers.
        for text in [&mut report.raw, &mut report.reply_xml].into_iter().flatten() {
            clip_kept(text);
        }
        self.log.write_line(|line| {
            line.push_str(&format!(
                "{} {} → {}: {} in {} ms, {} attempt(s)",
                clock(),
                escape_control(&user),
                escape_control(&crate::wechat::reply::shorten(&summary, 60)),
                match report.outcome {
                    crate::simulator::Outcome::Accepted => "accepted",
                    crate::simulator::Outcome::Rejected => "rejected",
                    crate::simulator::Outcome::TimedOut => "timed out",
                    crate::simulator::Outcome::Failed => "failed",
                },
                report.elapsed_ms,
                report.attempts
            ))
        });
        let reply = chat::reply_item(&report);
        let mut chats = self.chats();
        if let Some(conversation) = chats.conversation(&user) {
            if let Some(item) = conversation.items.iter_mut().find(|i| i.id == id) {
                item.exchange = Some(report);
            }
        }
        let reply_id = reply.and_then(|(side, kind, data)| {
            chats.push_item(&user, |rid| Item {
                id: rid,
                side,
                kind,
                data,
                via: None,
                exchange: None,
                reply_to: Some(id),
                time: unix_now(),
            })
        });
        drop(chats);
        self.touch(id);
        if let Some(rid) = reply_id {
            self.touch(rid);
        }
    }

    /// The message a page request asks for, with what the page shows for it.
    fn compose(&self, user: &str, followed: bool, body: &Value) -> Result<Composed, String> {
        use crate::wechat::Body as B;
        let kind = text_of(body, "kind");
        let event = |event: Event, data: Value, follows: Option<bool>| Composed {
            kind: "event",
            data,
            incoming: Incoming::new(&self.config.account, user, unix_now(), B::Event(event)),
            follows,
        };
        let message = |kind: &'static str, data: Value, b: B| {
            let mut incoming = Incoming::new(&self.config.account, user, unix_now(), b);
            incoming.msg_id = Some(fresh_msg_id());
            Composed { kind, data, incoming, follows: None }
        };
        Ok(match kind {
            "text" => {
                let content = text_of(body, "content");
                if content.trim().is_empty() {
                    return Err("the message is empty".into());
                }
                if content.len() > 8192 {
                    return Err("the message is longer than 8192 bytes".into());
                }
                message("text", json!({"text": content}), B::Text { content: content.to_owned() })
            }
            "image" => {
                let media_id = field_or(body, "media_id", "sim_image_media_id_Q3BZmJ9pL0xR", 256)?;
                let pic_url = field_or(body, "pic_url", "http://mmbiz.qpic.cn/mmbiz_jpg/wxdevSimulatedImage/0", 2048)?;
                message("image", json!({"media_id": media_id, "pic_url": pic_url}), B::Image { pic_url, media_id })
            }
            "location" => {
                let lat = coordinate(body, "lat", "23.134521", 90.0)?;
                let lng = coordinate(body, "lng", "113.358803", 180.0)?;
                let label = field_or(body, "label", "广东省广州市海珠区新港中路397号", 256)?;
                let scale = field_or(body, "scale", "15", 8)?;
                message(
                    "location",
                    json!({"lat": lat, "lng": lng, "label": label}),
                    B::Location { lat, lng, scale, label },
                )
            }
            "link" => {
                let title = field_or(body, "title", "公众平台官网链接", 256)?;
                let description = field_or(body, "description", "公众平台官网链接", 1024)?;
                let url = field_or(body, "url", "https://mp.weixin.qq.com/", 2048)?;
                message(
                    "link",
                    json!({"title": title, "description": description, "url": url}),
                    B::Link { title, description, url },
                )
            }
            "subscribe" => {
                let scene = field_or(body, "scene", "", 64)?;
                let ticket = field_or(body, "ticket", "", 256)?;
                self.follow_or_scan(false, &scene, &ticket, &event)
            }
            "scan" => {
                let scene = field_or(body, "scene", "", 64)?;
                let ticket = field_or(body, "ticket", "", 256)?;
                if scene.is_empty() {
                    return Err("a scan needs the QR code's scene (id or string)".into());
                }
                self.follow_or_scan(followed, &scene, &ticket, &event)
            }
            "unsubscribe" => event(Event::Unsubscribe, json!({"text": "你取消关注了公众号"}), Some(false)),
            "menu" => {
                let path = text_of(body, "path");
                let menu = self.config.menu.as_ref().ok_or("the account has no menu")?;
                let button = menu.find(path).ok_or_else(|| format!("the menu has no button {path:?}"))?;
                let pushed = (self.config.press)(button, path)?;
                let text = match &pushed {
                    Event::View { event_key, .. } => format!("点击菜单「{}」，打开 {event_key}", button.name()),
                    _ => format!("点击菜单「{}」", button.name()),
                };
                let url = match &pushed {
                    Event::View { event_key, .. } => event_key.clone(),
                    _ => String::new(),
                };
                event(pushed, json!({"text": text, "url": url}), None)
            }
            "" => return Err("name the kind of message".into()),
            other => return Err(format!("cannot send {other:?}")),
        })
    }

    /// A scan of a parametric QR code: SCAN for a follower, subscribe with `qrscene_` for anyone else.
    /// Without a scene: a plain follow.
    fn follow_or_scan(
        &self,
        followed: bool,
        scene: &str,
        ticket: &str,
        event: &dyn Fn(Event, Value, Option<bool>) -> Composed,
    ) -> Composed {
        let ticket = (!ticket.is_empty()).then(|| ticket.to_owned());
        if scene.is_empty() {
            return event(
                Event::Subscribe { event_key: None, ticket: None },
                json!({"text": "你关注了公众号"}),
                Some(true),
            );
        }
        let ticket = Some(ticket.unwrap_or_else(|| format!("gQwxdevPhoneTicket{}", fresh_msg_id())));
        if followed {
            event(
                Event::Scan { event_key: scene.to_owned(), ticket },
                json!({"text": format!("你扫描了二维码（场景 {scene}）")}),
                None,
            )
        } else {
            event(
                Event::Subscribe { event_key: Some(format!("qrscene_{scene}")), ticket },
                json!({"text": format!("你扫码关注了公众号（场景 {scene}）")}),
                Some(true),
            )
        }
    }

    async fn upload(&self, body: Value) -> Answer {
        use base64::Engine;
        let Some(media) = self.config.media.clone() else {
            return refuse(StatusCode::CONFLICT, "no API base to upload to (--api-base a mock-api)");
        };
        let name = field_or(&body, "name", "image.png", 128).unwrap_or_else(|_| "image.png".into());
        let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(text_of(&body, "data")) else {
            return refuse(StatusCode::BAD_REQUEST, "data must be the file in base64");
        };
        match media.upload_image(name, bytes).await {
            Ok(media_id) => json_answer(StatusCode::OK, &json!({"ok": true, "media_id": media_id})),
            Err(e) => refuse(StatusCode::BAD_GATEWAY, &e),
        }
    }

    async fn media(&self, query: &HashMap<String, String>) -> Answer {
        let id = query.get("id").map(String::as_str).unwrap_or("");
        let Some(media) = self.config.media.clone() else { return refuse(StatusCode::NOT_FOUND, "no API base") };
        if id.is_empty() || id.len() > 256 {
            return refuse(StatusCode::BAD_REQUEST, "id must be a media_id");
        }
        match media.get(id.to_owned()).await {
            Ok((content_type, bytes)) if content_type.starts_with("image/") => {
                let mut response = respond(StatusCode::OK, "application/octet-stream", bytes);
                if let Ok(value) = hyper::header::HeaderValue::from_str(&content_type) {
                    response.headers_mut().insert(hyper::header::CONTENT_TYPE, value);
                }
                response
                    .headers_mut()
                    .insert("x-content-type-options", hyper::header::HeaderValue::from_static("nosniff"));
                response
            }
            Ok(_) => refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, "not an image"),
            Err(e) => refuse(StatusCode::NOT_FOUND, &e),
        }
    }

    /// Fetches what the bot sent through the mock-api every [`POLL_INTERVAL`] and
    /// appends it to the conversations of known users (mass messages to `@all` to every one).
    /// Messages sent before `phone` started are left out.
    pub async fn poll_pushed(self: Arc<Self>) {
        let Some(base) = self.config.mock_base.clone() else { return };
        let url = format!("{}/mock/messages", base.trim_end_matches('/'));
        let started = unix_now();
        let mut seen: HashMap<String, u64> = HashMap::new();
        loop {
            let mut recipients = self.chats().users();
            recipients.push(ALL.to_owned());
            for recipient in recipients {
                if let Some(listed) = self.fetch_pushed(&url, &recipient).await {
                    self.take_pushed(&recipient, &listed, &mut seen, started);
                }
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// The messages the mock lists for one recipient, oldest first.
    async fn fetch_pushed(&self, url: &str, recipient: &str) -> Option<Vec<Value>> {
        let response = self
            .http
            .get(url)
            .query(&[("touser", recipient)])
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(POLL_HEADER, "1")
            .send()
            .await
            .ok()?;
        if !response.status().is_success() || response.content_length().is_some_and(|n| n > MAX_LISTING) {
            return None;
        }
        let bytes = response.bytes().await.ok()?;
        match serde_json::from_slice(&bytes) {
            Ok(Value::Object(mut map)) => match map.remove(recipient) {
                Some(Value::Array(list)) => Some(list),
                _ => Some(Vec::new()),
            },
            _ => None,
        }
    }

    /// Appends the messages to `recipient` not seen yet and sent since `started`.
    /// `seen` holds the highest `seq` taken per recipient: the mock's ids only
    /// rise, so this holds when its log forgets the oldest or is cleared.
    fn take_pushed(&self, recipient: &str, listed: &[Value], seen: &mut HashMap<String, u64>, started: i64) {
        let seq = |message: &Value| message.get("seq").and_then(Value::as_u64).unwrap_or(0);
        let newest = listed.iter().map(seq).max().unwrap_or(0);
        let last = seen.get(recipient).copied().unwrap_or(0);
        // Ids lower than any seen: the mock was restarted. Start over (the time check below keeps old ones out).
        let last = if newest < last && !listed.is_empty() { 0 } else { last };
        seen.insert(recipient.to_owned(), last.max(newest));
        let users = self.chats().users();
        let targets: Vec<&String> = users.iter().filter(|u| recipient == ALL || *u == recipient).collect();
        for message in listed.iter().filter(|m| seq(m) > last) {
            if message.get("time").and_then(Value::as_i64).is_some_and(|t| t < started) {
                continue;
            }
            let via = text_of(message, "kind");
            let msgtype = text_of(message, "msgtype");
            let body = message.get("body").unwrap_or(&Value::Null);
            let (kind, data) = chat::from_api(msgtype, body);
            for user in &targets {
                let id = self.chats().push(user, Side::Bot, &kind, data.clone(), Some(via));
                if let Some(id) = id {
                    self.touch(id);
                }
                self.log.write_line(|line| {
                    line.push_str(&format!(
                        "{} {} ← {} {} message from the bot",
                        clock(),
                        escape_control(user),
                        escape_control(via),
                        escape_control(msgtype)
                    ))
                });
            }
        }
    }
}

/// Where the mock files mass messages to every follower.
const ALL: &str = "@all";
/// Marks the poller's reads, which mock-api leaves out of its log.
pub const POLL_HEADER: &str = "x-wxdev-poll";
/// Largest listing read for one recipient.
const MAX_LISTING: u64 = 8 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    fn phone() -> Arc<Phone> {
        let deadline = Duration::from_secs(1);
        let simulator = Simulator::new(
            crate::client::transport::client(deadline).unwrap(),
            url::Url::parse("http://127.0.0.1:9/wx").unwrap(),
            "tok".into(),
            crate::simulator::Wire::Plain,
            deadline,
        );
        let config = PhoneConfig {
            simulator,
            account: "gh_acc".into(),
            first_user: "o_first".into(),
            menu: None,
            press: Arc::new(|_, _| Err("no".into())),
            mock_base: None,
            media: None,
            addr: "127.0.0.1:8084".parse().unwrap(),
        };
        let (log, _writer) = RequestLog::to_writer(std::io::sink());
        Arc::new(Phone::new(config, log))
    }

    #[test]
    fn a_scan_follows_a_non_follower_and_scans_for_a_follower() {
        let phone = phone();
        let body = json!({"kind": "scan", "scene": "1001"});
        let first = phone.compose("o_first", false, &body).unwrap();
        assert_eq!(first.follows, Some(true));
        assert!(first.incoming.to_xml().contains("qrscene_1001"), "{}", first.incoming.to_xml());
        let again = phone.compose("o_first", true, &body).unwrap();
        assert!(again.incoming.to_xml().contains("<Event><![CDATA[SCAN]]></Event>"), "{}", again.incoming.to_xml());
        assert_eq!(again.follows, None);
        assert!(phone.compose("o_first", true, &json!({"kind": "scan"})).is_err());
    }

    #[test]
    fn long_replies_are_clipped_at_a_character() {
        let mut text = "回".repeat(MAX_KEPT_REPLY);
        clip_kept(&mut text);
        assert!(text.len() < MAX_KEPT_REPLY + 100 && text.ends_with("are kept)"), "{}", &text[text.len() - 60..]);
        let mut short = "短".to_owned();
        clip_kept(&mut short);
        assert_eq!(short, "短");
    }

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        let phone = phone();
        for body in [
            json!({"kind": "text", "content": "  "}),
            json!({"kind": "location", "lat": "91"}),
            json!({"kind": "location", "lng": "east"}),
            json!({"kind": "menu", "path": "x"}),
            json!({"kind": "nope"}),
        ] {
            assert!(phone.compose("o_first", false, &body).is_err(), "{body}");
        }
        assert!(phone.compose("o_first", false, &json!({"kind": "location", "lat": "-33.86"})).is_ok());
        assert!(!valid_openid("a b") && !valid_openid("") && valid_openid("o6_bmjrPTlm6_2sgVt7hMZOPfL2M"));
    }

    #[test]
    fn pushed_messages_before_start_are_skipped_then_new_ones_appended() {
        let phone = phone();
        phone.chats().conversation("o_second");
        let text = |t: &str, time: i64, seq: u64| json!({"kind":"custom","msgtype":"text","body":{"text":{"content":t}},"time":time,"seq":seq});
        let shown = |user: &str| -> Vec<String> {
            phone.chats().since(user, 0).iter().map(|i| i.data["text"].as_str().unwrap_or("").to_owned()).collect()
        };
        let mut seen = HashMap::new();
        phone.take_pushed("o_first", &[text("old", 99, 1)], &mut seen, 100);
        assert!(phone.chats().since("o_first", 0).is_empty());
        phone.take_pushed("o_first", &[text("old", 99, 1), text("new", 100, 2)], &mut seen, 100);
        phone.take_pushed(ALL, &[text("everyone", 101, 3)], &mut seen, 100);
        phone.take_pushed("o_stranger", &[text("x", 101, 4)], &mut seen, 100);
        assert_eq!(shown("o_first"), ["new", "everyone"]);
        assert_eq!(phone.chats().since("o_second", 0).len(), 1);
        assert!(phone.chats().get("o_stranger").is_none());
        phone.take_pushed("o_first", &[text("old", 99, 1), text("new", 100, 2)], &mut seen, 100);
        assert_eq!(shown("o_first").len(), 2, "nothing twice");
        // The mock's log is full: the oldest goes as a new one comes, the length stays the same.
        phone.take_pushed("o_first", &[text("new", 100, 2), text("newer", 102, 5)], &mut seen, 100);
        assert_eq!(shown("o_first"), ["new", "everyone", "newer"]);
        // Cleared on the mock (ids keep rising), then a new one.
        phone.take_pushed("o_first", &[text("again", 103, 6)], &mut seen, 100);
        assert_eq!(shown("o_first").last().map(String::as_str), Some("again"));
        // The mock restarted: its ids begin again, below what was seen.
        phone.take_pushed("o_first", &[text("restarted", 104, 1)], &mut seen, 100);
        assert_eq!(shown("o_first").last().map(String::as_str), Some("restarted"));
        assert_eq!(shown("o_first").len(), 5);
    }
}
