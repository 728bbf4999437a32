//! `wxdev mock-api`: a local stand-in for the WeChat API endpoints wxdev
//! uses — token, stable_token, media upload and get, menu create, get and
//! delete — answering with
//! WeChat's errcodes, for a developer's own bot and CI as much as for tests.
//!
//! Admin routes under `/mock/` queue failures (`POST /mock/fail-next`) and
//! expire every token at once (`POST /mock/expire-tokens`); they answer only
//! requests addressed to the mock's own address that a browser form cannot
//! send (see `admin.rs`). Each call is logged on one line; secrets never are,
//! tokens only by their first characters, and request text only escaped.
//!
//! Everything a remote party can make the mock remember is bounded, each
//! bound a named constant that says why it has its size:
//!
//! - `tokens.rs`: issuing, expiry, retirement and forgetting of tokens;
//! - `media.rs`: the media store, its limits and eviction;
//! - `menu.rs`: the menu routes and the menu kept per AppID;
//! - `messages.rs`: customer-service, template and mass messages, checked and remembered;
//! - `jsonapi.rs`: the method, token and JSON body checks the API routes share;
//! - `qrcode.rs`: parametric QR codes, their tickets and PNG images;
//! - `users.rs`: user/info, the JS-SDK and card tickets, and the test users web authorization signs in as;
//! - `oauth.rs`: web authorization: the authorize page, codes, web tokens and the /sns/ APIs;
//! - `oauth_page.rs`: the HTML of the consent and error pages;
//! - `material.rs`: permanent material and content images, in memory;
//! - `calls.rs`: the record of every call, for `GET /mock/calls`;
//! - `bounded.rs`: the log that forgets its oldest entries;
//! - `failures.rs`: the queue of failures (`--fail-next`);
//! - `body.rs`: reading a request body within a route's limit;
//! - `routes.rs`: request dispatch and the API routes;
//! - `admin.rs`: the `/mock/` routes and their guard;
//! - `log.rs`: the log line, human (coloured or not) or JSON;
//! - `multipart.rs`: the strict multipart/form-data reader.

mod admin;
mod answer;
mod body;
mod bounded;
mod calls;
mod failures;
mod jsonapi;
mod log;
mod material;
mod media;
mod menu;
mod messages;
pub mod multipart;
mod oauth;
mod oauth_page;
mod qrcode;
mod routes;
mod tokens;
mod users;

pub use failures::Failure;
pub use media::DEFAULT_MAX_MEDIA_BYTES;
pub use users::{default_users, TestUser};

use self::log::Call;
use crate::client::api::{
    GET_MEDIA_PATH, MENU_CREATE_PATH, MENU_DELETE_PATH, MENU_GET_PATH, STABLE_TOKEN_PATH, TOKEN_PATH, UPLOAD_PATH,
};
use crate::http::log::{clock, RequestLog};
use crate::http::server::Body;
use body::{RequestBody, MAX_JSON_BODY};
use calls::Calls;
use failures::FailureQueue;
use hyper::{Request, Response};
use media::MediaStore;
use messages::Messages;
use rand::distributions::{Alphanumeric, DistString};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokens::Tokens;

/// The API paths the mock implements.
pub const API_PATHS: &[&str] = &[
    TOKEN_PATH,
    STABLE_TOKEN_PATH,
    UPLOAD_PATH,
    GET_MEDIA_PATH,
    MENU_CREATE_PATH,
    MENU_GET_PATH,
    MENU_DELETE_PATH,
    messages::CUSTOM_SEND_PATH,
    messages::TEMPLATE_SEND_PATH,
    messages::MASS_SENDALL_PATH,
    messages::MASS_PREVIEW_PATH,
    qrcode::QRCODE_CREATE_PATH,
    users::USER_INFO_PATH,
    users::GETTICKET_PATH,
    material::ADD_MATERIAL_PATH,
    material::GET_MATERIAL_PATH,
    material::DEL_MATERIAL_PATH,
    material::MATERIAL_COUNT_PATH,
    material::BATCHGET_MATERIAL_PATH,
    material::UPLOADIMG_PATH,
    crate::wechat::oauth::SNS_ACCESS_TOKEN_PATH,
    crate::wechat::oauth::SNS_REFRESH_TOKEN_PATH,
    crate::wechat::oauth::SNS_USERINFO_PATH,
    crate::wechat::oauth::SNS_AUTH_PATH,
];

/// How the mock is set up.
#[derive(Clone)]
pub struct MockConfig {
    /// AppID → AppSecret.
    pub apps: Vec<(String, String)>,
    pub token_ttl: Duration,
    pub data_dir: Option<PathBuf>,
    /// The address the mock listens on, as bound: admin routes take only
    /// requests addressed to it.
    pub listen: SocketAddr,
    /// The URL the mock is reachable at (for `video_url`).
    pub base_url: String,
    pub json_log: bool,
    /// Colour the human log line.
    pub colour: bool,
    /// Most bytes of media kept in memory (without --data-dir).
    pub max_media_bytes: u64,
    pub failures: Vec<Failure>,
    /// How long a request body may take to arrive.
    pub body_timeout: Duration,
    /// The users the authorize page offers (`--user`).
    pub users: Vec<TestUser>,
    /// The 网页授权域名 redirect_uris must be on (loopback hosts always pass).
    pub oauth_domains: Vec<String>,
    /// Answer token and stable_token calls only after this long (a slow WeChat, for tests).
    pub token_delay: Duration,
}

/// WeChat's usual errmsg for an errcode, from the one errcode table.
pub fn typical_errmsg(errcode: i64) -> &'static str {
    crate::wechat::errcode::typical_errmsg(errcode).unwrap_or("mock failure")
}

pub struct MockApi {
    config: MockConfig,
    tokens: Mutex<Tokens>,
    failures: Mutex<FailureQueue>,
    media: MediaStore,
    menus: menu::MenuStore,
    messages: Mutex<Messages>,
    calls: Mutex<Calls>,
    tickets: Mutex<qrcode::Tickets>,
    js_tickets: Mutex<users::JsTickets>,
    materials: Mutex<material::Materials>,
    oauth: Mutex<oauth::OauthGrants>,
    admin: admin::AdminGuard,
    log: RequestLog,
}

impl MockApi {
    pub fn new(config: MockConfig, log: RequestLog) -> MockApi {
        let tokens = Mutex::new(Tokens::new(config.token_ttl, Instant::now()));
        let failures = Mutex::new(FailureQueue::new(config.failures.iter().cloned()));
        let media = match &config.data_dir {
            Some(dir) => MediaStore::in_dir(dir.clone()),
            None => MediaStore::in_memory(config.max_media_bytes),
        };
        let menus = menu::MenuStore::new(config.data_dir.clone());
        let admin = admin::AdminGuard::new(config.listen);
        MockApi {
            config,
            tokens,
            failures,
            media,
            menus,
            messages: Mutex::default(),
            calls: Mutex::default(),
            tickets: Mutex::default(),
            js_tickets: Mutex::default(),
            materials: Mutex::default(),
            oauth: Mutex::default(),
            admin,
            log,
        }
    }

    pub async fn handle(&self, req: Request<hyper::body::Incoming>) -> Response<Body> {
        let started = Instant::now();
        let (head, incoming) = req.into_parts();
        // Each route reads the body itself, within its own limit, once the
        // headers have passed its checks; what an early answer leaves unread
        // is thrown away afterwards (see `body`).
        let mut body = RequestBody::new(&head, incoming).within(self.config.body_timeout);
        let (mut response, record) = self.dispatch(&head, &mut body).await;
        if !head.uri.path().starts_with("/mock/") {
            let taken = body.taken().map(|b| &b[..]);
            lock(&self.calls).record(head.method.as_str(), head.uri.path(), head.uri.query(), taken, &record);
        }
        let call =
            Call { method: head.method.as_str(), path: head.uri.path(), record: &record, elapsed: started.elapsed() };
        // A poller (wxdev phone) reads /mock/messages twice a second: its reads are not logged.
        let polled = head.method == hyper::Method::GET
            && head.uri.path() == "/mock/messages"
            && head.headers.contains_key("x-wxdev-poll");
        if polled {
            body.settle(&mut response);
            return response;
        }
        self.log.write_line(|buf| {
            if self.config.json_log {
                self::log::render_json(buf, clock(), &call)
            } else {
                self::log::render_human(buf, clock(), &call, self.config.colour)
            }
        });
        body.settle(&mut response);
        response
    }
}

/// A lock that a panicked request did not leave unusable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

fn random_id(len: usize) -> String {
    Alphanumeric.sample_string(&mut rand::thread_rng(), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errmsgs_come_from_the_errcode_table() {
        assert_eq!(typical_errmsg(40001), crate::wechat::errcode::typical_errmsg(40001).unwrap());
        assert_eq!(typical_errmsg(-1), "system error");
        assert_eq!(typical_errmsg(987_654), "mock failure");
    }

    #[test]
    fn ids_are_random_alphanumerics() {
        let (a, b) = (random_id(64), random_id(64));
        assert!(a.len() == 64 && a != b && a.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
