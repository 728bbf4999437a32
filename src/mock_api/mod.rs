//! `wxdev mock-api`: a local stand-in for the WeChat API endpoints wxdev
//! uses — token, stable_token, media upload and get — answering with
//! WeChat's errcodes, for a developer's own bot and CI as much as for tests.
//!
//! Admin routes under `/mock/` queue failures (`POST /mock/fail-next`) and
//! expire every token at once (`POST /mock/expire-tokens`). Each call is
//! logged on one line; secrets never are, tokens only by their first characters.

mod failures;
mod log;
mod media;
pub mod multipart;
mod tokens;

pub use failures::Failure;
pub use media::DEFAULT_MAX_MEDIA_BYTES;

use self::log::{Call, CallRecord};
use crate::client::api::{GET_MEDIA_PATH, GRANT_TYPE, STABLE_TOKEN_PATH, TOKEN_PATH, UPLOAD_PATH};
use crate::http::log::{clock, RequestLog};
use crate::http::server::{read_body, respond, Body, BodyError, APPLICATION_JSON, TEXT_PLAIN};
use crate::wechat::media::{human_size, Format, MediaKind};
use crate::wechat::unix_now;
use bytes::Bytes;
use failures::FailureQueue;
use hyper::{Method, Request, Response, StatusCode};
use media::{MediaMeta, MediaStore, StoreError};
use rand::distributions::{Alphanumeric, DistString};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokens::{Refusal, Tokens};

/// The four API paths the mock implements.
pub const API_PATHS: [&str; 4] = [TOKEN_PATH, STABLE_TOKEN_PATH, UPLOAD_PATH, GET_MEDIA_PATH];
/// Uploads above this are refused unread (45001); the largest type takes 10 MB.
const MAX_UPLOAD_BODY: usize = 12 * 1024 * 1024;
const MAX_JSON_BODY: usize = 64 * 1024;

/// A request body as read up front: its bytes, or why they could not be had.
type ReadBody = Result<bytes::Bytes, BodyError>;

/// The body when it was read and fits this route's limit.
fn within(body: ReadBody, limit: usize) -> ReadBody {
    match body {
        Ok(bytes) if bytes.len() > limit => Err(BodyError::TooLarge),
        other => other,
    }
}

/// How the mock is set up.
#[derive(Clone)]
pub struct MockConfig {
    /// AppID → AppSecret.
    pub apps: Vec<(String, String)>,
    pub token_ttl: Duration,
    pub data_dir: Option<PathBuf>,
    /// The URL the mock is reachable at (for `video_url`).
    pub base_url: String,
    /// Most bytes of media kept in memory (without --data-dir).
    pub max_media_bytes: u64,
    pub json_log: bool,
    /// Colour the human log line.
    pub colour: bool,
    pub failures: Vec<Failure>,
}

/// WeChat's usual errmsg for an errcode, from the one errcode table.
pub fn typical_errmsg(errcode: i64) -> &'static str {
    crate::wechat::errcode::typical_errmsg(errcode).unwrap_or("mock failure")
}

struct State {
    tokens: Tokens,
    failures: FailureQueue,
}

type Answer = (Response<Body>, CallRecord);

pub struct MockApi {
    config: MockConfig,
    state: Mutex<State>,
    media: MediaStore,
    log: RequestLog,
}

impl MockApi {
    pub fn new(config: MockConfig, log: RequestLog) -> MockApi {
        let failures = FailureQueue::new(config.failures.iter().cloned());
        let state = State { tokens: Tokens::new(config.token_ttl, Instant::now()), failures };
        let media = match &config.data_dir {
            Some(dir) => MediaStore::in_dir(dir.clone()),
            None => MediaStore::in_memory(config.max_media_bytes),
        };
        MockApi { config, state: Mutex::new(state), media, log }
    }

    pub async fn handle(&self, req: Request<hyper::body::Incoming>) -> Response<Body> {
        let started = Instant::now();
        let method = req.method().clone();
        let path = req.uri().path().to_owned();
        // The whole request is read before any answer, early refusals included, as
        // WeChat's servers do: a client still sending a large upload when the
        // answer comes and the connection closes would see a broken pipe instead
        // of the errcode. Each route then checks its own limit on what was read.
        let (head, body) = req.into_parts();
        let body = read_body(body, MAX_UPLOAD_BODY).await;
        let (response, record) = self.dispatch(Request::from_parts(head, body)).await;
        let call = Call { method: method.as_str(), path: &path, record: &record, elapsed: started.elapsed() };
        self.log.write_line(|buf| {
            if self.config.json_log {
                self::log::render_json(buf, clock(), &call)
            } else {
                self::log::render_human(buf, clock(), &call, self.config.colour)
            }
        });
        response
    }

    async fn dispatch(&self, req: Request<ReadBody>) -> Answer {
        let path = req.uri().path().to_owned();
        let query: HashMap<String, String> =
            url::form_urlencoded::parse(req.uri().query().unwrap_or("").as_bytes()).into_owned().collect();
        if API_PATHS.contains(&path.as_str()) {
            if let Some(failure) = self.take_failure(&path) {
                let errmsg = failure.errmsg.clone().unwrap_or_else(|| typical_errmsg(failure.errcode).to_owned());
                let (response, mut record) = errcode(failure.errcode, &errmsg, "-", "queued failure");
                record.queued = true;
                return (response, record);
            }
        }
        match path.as_str() {
            TOKEN_PATH => self.token(req.method(), &query),
            STABLE_TOKEN_PATH => self.stable_token(req),
            UPLOAD_PATH => self.upload(req, &query),
            GET_MEDIA_PATH => self.get_media(req.method(), &query),
            "/mock/fail-next" => self.queue_failure(req, &query),
            "/mock/expire-tokens" => self.expire_tokens(req.method(), &query),
            "/" => (respond(StatusCode::OK, TEXT_PLAIN, self.index()), plain(StatusCode::OK, "index")),
            p if p.starts_with("/mock/video/") => self.video(&p["/mock/video/".len()..]),
            _ => {
                let body = format!("not a mocked API: {path}\n\n{}", self.index());
                (respond(StatusCode::NOT_FOUND, TEXT_PLAIN, body), plain(StatusCode::NOT_FOUND, "unknown path"))
            }
        }
    }

    fn index(&self) -> String {
        let tokens = self.state.lock().unwrap_or_else(|e| e.into_inner()).tokens.len();
        let media = match self.media.usage() {
            Some((count, bytes, cap)) => {
                format!("{count} media in memory ({} of {})", human_size(bytes), human_size(cap))
            }
            None => "media under --data-dir".to_owned(),
        };
        format!(
            "wxdev mock-api: a local stand-in for the WeChat API\n\n\
             GET  {TOKEN_PATH}?grant_type=client_credential&appid=APPID&secret=SECRET\n\
             POST {STABLE_TOKEN_PATH}  {{\"grant_type\",\"appid\",\"secret\",\"force_refresh\"}}\n\
             POST {UPLOAD_PATH}?access_token=TOKEN&type=image|voice|video|thumb  (multipart field \"media\")\n\
             GET  {GET_MEDIA_PATH}?access_token=TOKEN&media_id=ID\n\n\
             POST /mock/fail-next?errcode=N[&path=/cgi-bin/…][&times=K][&errmsg=…]  (or the same as a JSON body)\n\
             POST /mock/expire-tokens[?appid=APPID]\n\n\
             tokens live {} s; {tokens} tokens remembered; {media}\n",
            self.config.token_ttl.as_secs()
        )
    }

    fn take_failure(&self, path: &str) -> Option<Failure> {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).failures.take(path)
    }

    fn token(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "token wants GET");
        }
        let get = |k: &str| query.get(k).map(String::as_str);
        match self.check_credentials(get("grant_type"), get("appid"), get("secret")) {
            Err(refusal) => refusal.answer(),
            Ok(appid) => self.issue(&appid, false, true),
        }
    }

    fn stable_token(&self, req: Request<ReadBody>) -> Answer {
        if req.method() != Method::POST {
            return typical(43002, "-", "stable_token wants POST");
        }
        let body = match within(req.into_body(), MAX_JSON_BODY) {
            Ok(body) => body,
            Err(_) => return typical(47001, "-", "body unreadable or over 64 KB"),
        };
        let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&body) else {
            return typical(47001, "-", "body is not a JSON object");
        };
        let force = match body.get("force_refresh") {
            None => false,
            Some(Value::Bool(force)) => *force,
            Some(_) => return typical(47001, "-", "force_refresh is not a boolean"),
        };
        let get = |k: &str| body.get(k).and_then(Value::as_str);
        match self.check_credentials(get("grant_type"), get("appid"), get("secret")) {
            Err(refusal) => refusal.answer(),
            Ok(appid) => self.issue(&appid, true, force),
        }
    }

    /// The AppID when grant_type, appid and secret are right; else WeChat's errcode.
    fn check_credentials(
        &self,
        grant_type: Option<&str>,
        appid: Option<&str>,
        secret: Option<&str>,
    ) -> Result<String, Refused> {
        let appid = appid.filter(|a| !a.is_empty());
        let who = appid.map(shown_appid).unwrap_or_else(|| "-".to_owned());
        if grant_type != Some(GRANT_TYPE) {
            return Err(refused(40002, &who, "grant_type is not client_credential"));
        }
        let Some(appid) = appid else { return Err(refused(41002, "-", "no appid")) };
        let Some(secret) = secret.filter(|s| !s.is_empty()) else {
            return Err(refused(41004, &who, "no secret"));
        };
        match self.config.apps.iter().rev().find(|(a, _)| a == appid) {
            None => Err(refused(40013, &who, "unknown appid")),
            Some((_, expected))
                if !bool::from(subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), secret.as_bytes())) =>
            {
                Err(refused(40125, &who, "wrong secret"))
            }
            Some(_) => Ok(appid.to_owned()),
        }
    }

    /// Issues a token, or (stable_token without force_refresh) hands out the current one.
    fn issue(&self, appid: &str, stable: bool, force: bool) -> Answer {
        let grant =
            self.state.lock().unwrap_or_else(|e| e.into_inner()).tokens.issue(appid, stable, force, Instant::now());
        let endpoint = if stable { "stable_token" } else { "token" };
        let shown = shown_token(&grant.token);
        let mut detail = if grant.fresh {
            format!("{endpoint}: issued {shown} ({} s)", grant.expires_in)
        } else {
            format!("{endpoint}: current token {shown} ({} s left)", grant.expires_in)
        };
        if grant.evicted > 0 {
            detail.push_str(&format!("; forgot {} older token(s) of this AppID", grant.evicted));
        }
        ok(json!({"access_token": grant.token, "expires_in": grant.expires_in}), &shown_appid(appid), detail)
    }

    /// The AppID a token belongs to, or WeChat's errcode for it.
    fn check_token(&self, token: Option<&str>) -> Result<String, Refused> {
        let token = token.unwrap_or("");
        self.state.lock().unwrap_or_else(|e| e.into_inner()).tokens.check(token, Instant::now()).map_err(
            |Refusal { code, appid, reason }| {
                let who = appid.as_deref().map(shown_appid).unwrap_or_else(|| "-".to_owned());
                let detail =
                    if token.is_empty() { reason.to_owned() } else { format!("{reason}: {}", shown_token(token)) };
                refused(code, &who, detail)
            },
        )
    }

    fn upload(&self, req: Request<ReadBody>, query: &HashMap<String, String>) -> Answer {
        if req.method() != Method::POST {
            return typical(43002, "-", "upload wants POST");
        }
        let appid = match self.check_token(query.get("access_token").map(String::as_str)) {
            Ok(appid) => appid,
            Err(refusal) => return refusal.answer(),
        };
        let who = shown_appid(&appid);
        let Some(kind) = query.get("type").and_then(|t| MediaKind::parse(t)) else {
            let shown = query.get("type").map(|t| format!("type {t:?}")).unwrap_or("no type".to_owned());
            return typical(40004, &who, shown);
        };
        let content_type =
            req.headers().get(hyper::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let boundary = match multipart::boundary(&content_type) {
            Ok(boundary) => boundary,
            Err(multipart::MultipartError::NoBoundary) => {
                return typical(44001, &who, "multipart Content-Type without a boundary")
            }
            Err(_) => return typical(41005, &who, format!("Content-Type {content_type:?} is not multipart/form-data")),
        };
        let body = match within(req.into_body(), MAX_UPLOAD_BODY) {
            Ok(body) => body,
            Err(BodyError::TooLarge) => return typical(45001, &who, "body over 12 MB"),
            Err(BodyError::Broken) => return typical(41005, &who, "body could not be read"),
        };
        let parts = match multipart::parse(&body, &boundary) {
            Ok(parts) => parts,
            Err(e) => return typical(41005, &who, format!("bad multipart body: {e:?}")),
        };
        let Some(part) = parts.iter().find(|p| p.name.as_deref() == Some("media")) else {
            let names: Vec<_> = parts.iter().map(|p| p.name.clone().unwrap_or_default()).collect();
            return typical(41005, &who, format!("no field \"media\" (fields: {names:?})"));
        };
        if part.extended_file_name && part.file_name.is_none() {
            return typical(41005, &who, "filename*= (RFC 2231) instead of filename=");
        }
        let Some(file_name) = part.file_name.as_deref() else {
            return typical(40005, &who, "no filename");
        };
        let Some(named) = file_name.rsplit_once('.').and_then(|(_, ext)| Format::from_extension(ext)) else {
            return typical(40005, &who, format!("filename {file_name:?} has no known extension"));
        };
        if !kind.accepts(named) {
            return typical(40005, &who, format!("{file_name:?} is not {}", kind.formats_text()));
        }
        if part.data.is_empty() {
            return typical(44001, &who, "empty file");
        }
        if let Some(sniffed) = Format::sniff(part.data).filter(|f| !kind.accepts(*f)) {
            return typical(40005, &who, format!("{file_name:?} holds {} data", sniffed.name()));
        }
        let len = part.data.len() as u64;
        if len > kind.max_bytes() {
            let detail = format!("{} is over {} for {}", human_size(len), kind.limit_text(), kind.plural());
            return typical(kind.size_errcode(), &who, detail);
        }
        let format = Format::sniff(part.data).unwrap_or(named);
        let meta = MediaMeta {
            kind: kind.as_str().to_owned(),
            extension: format.extension().to_owned(),
            content_type: format.mime().to_owned(),
            created_at: unix_now(),
            appid,
        };
        let stored = match self.media.put(&meta, Bytes::copy_from_slice(part.data)) {
            Ok(stored) => stored,
            Err(StoreError::OverCap { cap }) => {
                let detail = format!("{} is more than all of --max-media-bytes ({cap})", human_size(len));
                return typical(45001, &who, detail);
            }
            Err(StoreError::Io(e)) => return typical(-1, &who, format!("cannot store under --data-dir: {e}")),
        };
        let mut detail =
            format!("stored {} {} ({}) as {}", kind.as_str(), file_name, human_size(len), shown_token(&stored.id));
        if stored.evicted > 0 {
            detail.push_str(&format!("; evicted {} older media (--max-media-bytes)", stored.evicted));
        }
        let answer = json!({"type": kind.as_str(), kind.id_key(): stored.id, "created_at": meta.created_at});
        ok(answer, &who, detail)
    }

    fn get_media(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "media/get wants GET");
        }
        let appid = match self.check_token(query.get("access_token").map(String::as_str)) {
            Ok(appid) => appid,
            Err(refusal) => return refusal.answer(),
        };
        let who = shown_appid(&appid);
        let id = query.get("media_id").map(String::as_str).unwrap_or("");
        let found = match self.media.get(id, unix_now()) {
            Ok(found) => found,
            Err(e) => return typical(-1, &who, format!("cannot read media {} under --data-dir: {e}", shown_token(id))),
        };
        let Some((meta, data)) = found.filter(|(m, _)| m.appid == appid) else {
            return typical(40007, &who, format!("no media {} (unknown, evicted or expired)", shown_token(id)));
        };
        if meta.kind == "video" {
            let url = format!("{}/mock/video/{id}", self.config.base_url);
            return ok(json!({ "video_url": url }), &who, format!("video {}: video_url", shown_token(id)));
        }
        let mut response = respond(StatusCode::OK, TEXT_PLAIN, data.clone());
        let headers = response.headers_mut();
        headers.insert(hyper::header::CONTENT_TYPE, hyper::header::HeaderValue::from_static(meta.served_type()));
        if let Ok(value) =
            hyper::header::HeaderValue::from_str(&format!("attachment; filename=\"{id}.{}\"", meta.extension))
        {
            headers.insert(hyper::header::CONTENT_DISPOSITION, value);
        }
        let detail = format!("sent {} {} ({})", meta.kind, shown_token(id), human_size(data.len() as u64));
        (response, CallRecord::errcode(0, &who, detail))
    }

    /// Where a `video_url` points: the video's bytes, no token needed (as on WeChat's CDN).
    fn video(&self, id: &str) -> Answer {
        let found = match self.media.get(id, unix_now()) {
            Ok(found) => found,
            Err(e) => {
                let detail = format!("cannot read video {} under --data-dir: {e}", shown_token(id));
                return (
                    respond(StatusCode::INTERNAL_SERVER_ERROR, TEXT_PLAIN, "system error\n"),
                    CallRecord::plain(StatusCode::INTERNAL_SERVER_ERROR, detail),
                );
            }
        };
        match found.filter(|(m, _)| m.kind == "video") {
            Some((meta, data)) => {
                let detail = format!("video bytes {} ({})", shown_token(id), human_size(data.len() as u64));
                let mut response = respond(StatusCode::OK, TEXT_PLAIN, data);
                let value = hyper::header::HeaderValue::from_static(meta.served_type());
                response.headers_mut().insert(hyper::header::CONTENT_TYPE, value);
                (response, plain(StatusCode::OK, &detail))
            }
            None => (
                respond(StatusCode::NOT_FOUND, TEXT_PLAIN, "no such video\n"),
                plain(StatusCode::NOT_FOUND, "no such video"),
            ),
        }
    }

    fn queue_failure(&self, req: Request<ReadBody>, query: &HashMap<String, String>) -> Answer {
        if req.method() != Method::POST {
            return admin_error(StatusCode::METHOD_NOT_ALLOWED, "use POST".to_owned());
        }
        let body = match within(req.into_body(), MAX_JSON_BODY) {
            Ok(body) => body,
            Err(_) => return admin_error(StatusCode::BAD_REQUEST, "body unreadable or over 64 KB".to_owned()),
        };
        let failure = match Failure::from_request(query, &body) {
            Ok(failure) => failure,
            Err(e) => return admin_error(StatusCode::BAD_REQUEST, e),
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
        let queued = match self.state.lock().unwrap_or_else(|e| e.into_inner()).failures.push(failure) {
            Ok(queued) => queued,
            Err(e) => return admin_error(StatusCode::BAD_REQUEST, e),
        };
        let body = json!({"ok": true, "queued": queued});
        (respond(StatusCode::OK, APPLICATION_JSON, body.to_string()), plain(StatusCode::OK, &detail))
    }

    fn expire_tokens(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::POST {
            return admin_error(StatusCode::METHOD_NOT_ALLOWED, "use POST".to_owned());
        }
        let only = query.get("appid").map(String::as_str);
        let expired = self.state.lock().unwrap_or_else(|e| e.into_inner()).tokens.expire(only, Instant::now());
        let body = json!({"ok": true, "expired": expired});
        let detail = match only {
            Some(appid) => format!("expired {expired} token(s) of {}", shown_appid(appid)),
            None => format!("expired {expired} token(s)"),
        };
        (respond(StatusCode::OK, APPLICATION_JSON, body.to_string()), plain(StatusCode::OK, &detail))
    }
}

/// A WeChat-style success: HTTP 200 and JSON.
fn ok(body: Value, who: &str, detail: String) -> Answer {
    (respond(StatusCode::OK, APPLICATION_JSON, body.to_string()), CallRecord::errcode(0, who, detail))
}

/// A WeChat-style failure: HTTP 200 and `{"errcode","errmsg"}` with a request id, as WeChat adds.
fn errcode(code: i64, errmsg: &str, who: &str, detail: impl Into<String>) -> Answer {
    let rid = format!("{:08x}-{:08x}-{:08x}", rand::random::<u32>(), rand::random::<u32>(), rand::random::<u32>());
    let body = json!({"errcode": code, "errmsg": format!("{errmsg} rid: {rid}")});
    (respond(StatusCode::OK, APPLICATION_JSON, body.to_string()), CallRecord::errcode(code, who, detail))
}

fn typical(code: i64, who: &str, detail: impl Into<String>) -> Answer {
    errcode(code, typical_errmsg(code), who, detail)
}

/// A call refused with one of WeChat's errcodes, answered with its usual errmsg.
struct Refused {
    code: i64,
    who: String,
    detail: String,
}

impl Refused {
    fn answer(self) -> Answer {
        typical(self.code, &self.who, self.detail)
    }
}

fn refused(code: i64, who: &str, detail: impl Into<String>) -> Refused {
    Refused { code, who: who.to_owned(), detail: detail.into() }
}

fn admin_error(status: StatusCode, error: String) -> Answer {
    let body = json!({"ok": false, "error": error});
    (respond(status, APPLICATION_JSON, body.to_string()), plain(status, &error))
}

fn plain(status: StatusCode, detail: &str) -> CallRecord {
    CallRecord::plain(status, detail)
}

/// A token or id shown in logs: its first eight characters.
fn shown_token(token: &str) -> String {
    let head: String = token.chars().take(8).collect();
    if head.len() < token.len() {
        format!("{head}…")
    } else {
        head
    }
}

fn shown_appid(appid: &str) -> String {
    appid.chars().take(32).collect()
}

fn random_id(len: usize) -> String {
    Alphanumeric.sample_string(&mut rand::thread_rng(), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_forms_of_tokens_are_short() {
        assert_eq!(shown_token("abcdefghijk"), "abcdefgh…");
        assert_eq!(shown_token("abc"), "abc");
    }
}
