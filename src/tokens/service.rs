//! `wxdev token serve`: the AccessToken 中控. Per account and kind (access
//! token, JS-SDK ticket, card ticket) one value in memory, handed out without
//! waiting on WeChat in the steady state; a background task syncs with the
//! store, re-seeds an emptied one and refreshes before expiry (jittered, so
//! that instances started together do not all try at once — the store's
//! lock makes it one refresh anyway). Failures: WeChat unreachable or busy →
//! the current value stays in service and the refresh is retried with
//! backoff; a configuration error (40164, 40125, 40013, …) → no retry loop,
//! one log line, `/healthz` names the fix. The AppSecret appears in no log
//! line, answer or metric.

use super::redis_store::StoreError;
use super::store::{fetch_ticket, fetch_token, ObtainError, Shared};
use super::{bearer_ok, Held, Kind, SERVE_MARGIN_SECS};
use crate::client::api::{ApiError, Credentials};
use crate::http::server::{read_body, respond, Body, APPLICATION_JSON};
use crate::wechat::text::escape_control;
use crate::wechat::unix_now;
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Longest request body taken (`/token/refresh`'s JSON).
const MAX_BODY: usize = 16 * 1024;
/// First and longest wait before retrying a failed refresh.
const BACKOFF_MIN: Duration = Duration::from_secs(1);
const BACKOFF_MAX: Duration = Duration::from_secs(60);
/// After a configuration error, requests do not trigger another attempt for this long.
const CONFIG_HOLD_OFF: Duration = Duration::from_secs(300);

/// Tuning of the service; the defaults suit production, tests shorten them.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// Use `POST /cgi-bin/stable_token`.
    pub stable: bool,
    /// Refresh actively when fewer seconds than this remain.
    pub refresh_before: i64,
    /// Up to this many seconds earlier, at random per refresh.
    pub jitter: i64,
    /// How often the background task looks at the store and the clock.
    pub tick: Duration,
    /// Bearer key required on every route but `/healthz`.
    pub auth_key: Option<String>,
}

/// The errcodes that no retry cures, and what to do about each.
pub fn config_fix(errcode: i64) -> Option<&'static str> {
    match errcode {
        40164 => Some("add this machine's public IP to 公众号后台 → 设置与开发 → 基本配置 → IP白名单"),
        40125 | 41004 => Some("the AppSecret is wrong: copy it again from 公众号后台 → 基本配置 (or reset it)"),
        40013 | 41002 => Some("the AppID is wrong: copy it from 公众号后台 → 基本配置"),
        40243 => Some("the AppSecret is frozen: unfreeze or reset it in 公众号后台 → 基本配置"),
        89501 | 89503 | 89506 | 89507 => Some("an administrator must confirm this IP in 公众号后台 / the WeChat app"),
        _ => None,
    }
}

#[derive(Default)]
struct SlotState {
    held: Option<Held>,
    last_refresh: Option<i64>,
    last_error: Option<(Option<i64>, String)>,
    /// No new attempt before this (backoff, or a configuration error's hold-off).
    not_before: Option<Instant>,
    backoff: Duration,
    config_error: Option<i64>,
    /// Seconds earlier than `refresh_before` this value is refreshed.
    jitter: i64,
    /// Tickets are kept fresh only once asked for.
    wanted: bool,
}

#[derive(Default)]
struct Slot {
    state: Mutex<SlotState>,
    /// One refresh at a time per slot in this process.
    flight: tokio::sync::Mutex<()>,
}

struct Account {
    creds: Credentials,
    slots: BTreeMap<Kind, Slot>,
}

#[derive(Default)]
struct Metrics {
    requests: Mutex<BTreeMap<&'static str, u64>>,
    refreshes: Mutex<BTreeMap<(String, &'static str), u64>>,
    failures: Mutex<BTreeMap<(String, &'static str, String), u64>>,
    store_errors: AtomicU64,
}

pub struct Service {
    shared: Shared,
    config: ServiceConfig,
    accounts: BTreeMap<String, Account>,
    metrics: Metrics,
    store_ok: AtomicBool,
    log: Box<dyn Fn(&str) + Send + Sync>,
}

/// Why no value could be handed out.
#[derive(Debug)]
pub struct ServeError {
    pub status: StatusCode,
    pub message: String,
    pub errcode: Option<i64>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Service {
    pub fn new(
        shared: Shared,
        config: ServiceConfig,
        accounts: Vec<Credentials>,
        log: Box<dyn Fn(&str) + Send + Sync>,
    ) -> Service {
        let token_kind = if config.stable { Kind::StableToken } else { Kind::AccessToken };
        let accounts = accounts
            .into_iter()
            .map(|creds| {
                let slots = [token_kind, Kind::Jsapi, Kind::WxCard].into_iter().map(|k| (k, Slot::default())).collect();
                (creds.appid.clone(), Account { creds, slots })
            })
            .collect();
        Service { shared, config, accounts, metrics: Metrics::default(), store_ok: AtomicBool::new(true), log }
    }

    pub fn token_kind(&self) -> Kind {
        if self.config.stable {
            Kind::StableToken
        } else {
            Kind::AccessToken
        }
    }

    /// The store, for people (a Redis URL without its password).
    pub fn store_description(&self) -> String {
        self.shared.store.describe()
    }

    pub fn appids(&self) -> impl Iterator<Item = &str> {
        self.accounts.keys().map(String::as_str)
    }

    fn slot(&self, appid: &str, kind: Kind) -> Result<(&Account, &Slot), ServeError> {
        let account = self.accounts.get(appid).ok_or_else(|| ServeError {
            status: StatusCode::NOT_FOUND,
            message: "unknown appid: this service holds no such account".to_owned(),
            errcode: None,
        })?;
        let slot = account.slots.get(&kind).ok_or_else(|| ServeError {
            status: StatusCode::NOT_FOUND,
            message: "this service does not keep that kind of token".to_owned(),
            errcode: None,
        })?;
        Ok((account, slot))
    }

    /// A value with more than five minutes left when one can be had; else
    /// the current one while it is valid at all (a failed refresh leaves it in service).
    pub async fn get(&self, appid: &str, kind: Kind) -> Result<Held, ServeError> {
        let (_, slot) = self.slot(appid, kind)?;
        let held = {
            let mut state = lock(&slot.state);
            state.wanted = true;
            state.held.clone()
        };
        let now = unix_now();
        if let Some(held) = held.as_ref().filter(|h| h.left(now) > SERVE_MARGIN_SECS) {
            return Ok(held.clone());
        }
        let stale = held.as_ref().map(|h| h.value.clone());
        match self.refresh(appid, kind, stale.as_deref()).await {
            Ok(fresh) => Ok(fresh),
            Err(e) => held.filter(|h| h.left(unix_now()) > 0).ok_or(e),
        }
    }

    /// Compare-and-refresh: a value other than `stale` (the current one when
    /// `stale` is no longer current, else a new one).
    pub fn refresh<'a>(
        &'a self,
        appid: &'a str,
        kind: Kind,
        stale: Option<&'a str>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Held, ServeError>> + Send + 'a>> {
        Box::pin(async move {
            let (account, slot) = self.slot(appid, kind)?;
            let _flight = slot.flight.lock().await;
            {
                let state = lock(&slot.state);
                if let Some(held) = state.held.as_ref().filter(|h| h.replaces(stale, SERVE_MARGIN_SECS, unix_now())) {
                    return Ok(held.clone());
                }
                if let (Some(until), Some((errcode, message))) = (state.not_before, &state.last_error) {
                    if Instant::now() < until {
                        return Err(ServeError {
                            status: StatusCode::BAD_GATEWAY,
                            message: format!("{message} (not retried yet)"),
                            errcode: *errcode,
                        });
                    }
                }
            }
            let creds = &account.creds;
            let fetch = || async move {
                match kind {
                    Kind::AccessToken | Kind::StableToken => fetch_token(&self.shared.api, creds, kind).await,
                    Kind::Jsapi | Kind::WxCard => self.fetch_ticket_with_token(appid, kind).await,
                }
            };
            let result = self.shared.obtain(creds, kind, stale, SERVE_MARGIN_SECS, fetch).await;
            let result = match result {
                Err(ObtainError::Store(e)) => {
                    self.store_failed(&e);
                    let usable =
                        lock(&slot.state).held.clone().filter(|h| h.replaces(stale, SERVE_MARGIN_SECS, unix_now()));
                    match usable {
                        Some(held) => return Ok(held),
                        None => {
                            // No value to keep serving: fetch without the shared lock.
                            (self.log)(&format!(
                                "{} of {}: the store is unreachable; fetching without the shared lock",
                                kind.label(),
                                escape_control(appid)
                            ));
                            fetch()
                                .await
                                .map(|held| super::store::Obtained { held, fetched: true })
                                .map_err(ObtainError::Api)
                        }
                    }
                }
                other => other,
            };
            match result {
                Ok(got) => {
                    if matches!(self.shared.store, super::store::Store::Redis(_)) {
                        self.store_recovered();
                    }
                    let mut state = lock(&slot.state);
                    state.held = Some(got.held.clone());
                    state.last_error = None;
                    state.not_before = None;
                    state.backoff = Duration::ZERO;
                    state.config_error = None;
                    state.jitter = if self.config.jitter > 0 {
                        rand::Rng::gen_range(&mut rand::thread_rng(), 0..=self.config.jitter)
                    } else {
                        0
                    };
                    if got.fetched {
                        state.last_refresh = Some(got.held.fetched_at);
                        *lock(&self.metrics.refreshes).entry((appid.to_owned(), kind.label())).or_default() += 1;
                        (self.log)(&format!(
                            "refreshed {} of {} (expires in {} s)",
                            kind.label(),
                            escape_control(appid),
                            got.held.left(unix_now())
                        ));
                    }
                    Ok(got.held)
                }
                Err(e) => Err(self.failed(appid, kind, slot, e)),
            }
        })
    }

    /// A ticket needs a valid access token; one rejected is reported stale and the call made once more.
    async fn fetch_ticket_with_token(&self, appid: &str, kind: Kind) -> Result<Held, ApiError> {
        let token_kind = self.token_kind();
        let as_api = |e: ServeError| ApiError::Wechat { errcode: e.errcode.unwrap_or(-1), errmsg: e.message };
        let token = self.get(appid, token_kind).await.map_err(as_api)?;
        match fetch_ticket(&self.shared.api, &token.value, kind).await {
            Err(e) if e.is_token_rejection() => {
                let fresh = self.refresh(appid, token_kind, Some(&token.value)).await.map_err(as_api)?;
                fetch_ticket(&self.shared.api, &fresh.value, kind).await
            }
            other => other,
        }
    }

    fn failed(&self, appid: &str, kind: Kind, slot: &Slot, err: ObtainError) -> ServeError {
        let errcode = err.errcode();
        let label = match errcode {
            Some(code) => code.to_string(),
            None => match &err {
                ObtainError::Store(_) => "store".to_owned(),
                ObtainError::LockTimeout { .. } => "lock".to_owned(),
                _ => "unreachable".to_owned(),
            },
        };
        *lock(&self.metrics.failures).entry((appid.to_owned(), kind.label(), label)).or_default() += 1;
        let message = err.to_string();
        let mut state = lock(&slot.state);
        let fix = errcode.and_then(config_fix);
        if fix.is_some() {
            if state.config_error != errcode {
                (self.log)(&format!(
                    "cannot refresh {} of {}: {}; not retrying: {}",
                    kind.label(),
                    escape_control(appid),
                    escape_control(&message),
                    fix.unwrap_or_default()
                ));
            }
            state.config_error = errcode;
            state.not_before = Some(Instant::now() + CONFIG_HOLD_OFF);
        } else {
            state.backoff = (state.backoff * 2).clamp(BACKOFF_MIN, BACKOFF_MAX);
            state.not_before = Some(Instant::now() + state.backoff);
            (self.log)(&format!(
                "cannot refresh {} of {}: {}; retrying in {} s",
                kind.label(),
                escape_control(appid),
                escape_control(&message),
                state.backoff.as_secs()
            ));
        }
        state.last_error = Some((errcode, message.clone()));
        let status = if matches!(err, ObtainError::Store(_)) {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::BAD_GATEWAY
        };
        ServeError { status, message, errcode }
    }

    fn store_failed(&self, err: &StoreError) {
        self.metrics.store_errors.fetch_add(1, Ordering::Relaxed);
        if self.store_ok.swap(false, Ordering::Relaxed) {
            (self.log)(&format!(
                "{}; serving tokens from memory while they are valid",
                escape_control(&err.to_string())
            ));
        }
    }

    fn store_recovered(&self) {
        if !self.store_ok.swap(true, Ordering::Relaxed) {
            (self.log)(&format!("the token store {} is reachable again", self.shared.store.describe()));
        }
    }

    /// One pass of the background task: sync each kept value with the store,
    /// re-seed an emptied store, refresh what is due.
    pub async fn tick(self: &Arc<Self>) {
        for (appid, account) in &self.accounts {
            for (kind, slot) in &account.slots {
                let (held, wanted, jitter, blocked) = {
                    let state = lock(&slot.state);
                    let blocked = state.not_before.is_some_and(|t| Instant::now() < t);
                    (state.held.clone(), state.wanted || !kind.is_ticket(), state.jitter, blocked)
                };
                if !wanted {
                    continue;
                }
                let mut held = held;
                if matches!(self.shared.store, super::store::Store::Redis(_)) && slot.flight.try_lock().is_ok() {
                    match self.shared.current(appid, *kind).await {
                        Ok(Some(stored)) => {
                            self.store_recovered();
                            let newer = held
                                .as_ref()
                                .is_none_or(|h| stored.value != h.value && stored.expires_at >= h.expires_at);
                            if newer {
                                lock(&slot.state).held = Some(stored.clone());
                                held = Some(stored);
                            }
                        }
                        Ok(None) => {
                            self.store_recovered();
                            if let Some(h) = held.as_ref().filter(|h| h.left(unix_now()) > SERVE_MARGIN_SECS) {
                                if let Ok(true) = self.shared.reseed(&account.creds, *kind, h).await {
                                    (self.log)(&format!(
                                        "the store had no {} of {}: wrote the one in memory back",
                                        kind.label(),
                                        escape_control(appid)
                                    ));
                                }
                            }
                        }
                        Err(e) => self.store_failed(&e),
                    }
                }
                let due = held.as_ref().is_none_or(|h| h.left(unix_now()) < self.config.refresh_before - jitter);
                let store_down = !self.store_ok.load(Ordering::Relaxed);
                // With the store down, a value still valid for a while is kept rather than refreshed alone.
                let keep = store_down && held.as_ref().is_some_and(|h| h.left(unix_now()) > SERVE_MARGIN_SECS);
                if due && !blocked && !keep && slot.flight.try_lock().is_ok() {
                    let service = self.clone();
                    let appid = appid.clone();
                    let kind = *kind;
                    let stale = held.map(|h| h.value);
                    tokio::spawn(async move {
                        let _ = service.refresh(&appid, kind, stale.as_deref()).await;
                    });
                }
            }
        }
    }

    /// Runs [`Service::tick`] every `tick` until dropped.
    pub async fn run_background(self: Arc<Self>) {
        loop {
            self.tick().await;
            tokio::time::sleep(self.config.tick).await;
        }
    }

    fn count(&self, route: &'static str) {
        *lock(&self.metrics.requests).entry(route).or_default() += 1;
    }

    /// `/healthz`: per account the token's age, last refresh, last error and its fix; the store's state.
    pub fn health(&self) -> (bool, Value) {
        let now = unix_now();
        let store_ok = self.store_ok.load(Ordering::Relaxed);
        let mut all_ok = true;
        let accounts: Vec<Value> = self
            .accounts
            .iter()
            .map(|(appid, account)| {
                let mut kinds = serde_json::Map::new();
                for (kind, slot) in &account.slots {
                    let state = lock(&slot.state);
                    if kind.is_ticket() && !state.wanted {
                        continue;
                    }
                    let valid = state.held.as_ref().is_some_and(|h| h.left(now) > 0);
                    all_ok &= valid;
                    let (errcode, error) = match &state.last_error {
                        Some((code, message)) => (json!(code), json!(message)),
                        None => (Value::Null, Value::Null),
                    };
                    kinds.insert(
                        kind.label().to_owned(),
                        json!({
                            "valid": valid,
                            "age": state.held.as_ref().map(|h| now - h.fetched_at),
                            "expires_in": state.held.as_ref().map(|h| h.left(now).max(0)),
                            "last_refresh": state.last_refresh,
                            "last_error": error,
                            "errcode": errcode,
                            "fix": state.last_error.as_ref().and_then(|(c, _)| c.and_then(config_fix)),
                        }),
                    );
                }
                json!({"appid": appid, "store_reachable": store_ok, "tokens": kinds})
            })
            .collect();
        let body = json!({
            "ok": all_ok && store_ok,
            "store": {"kind": self.shared.store.kind(), "reachable": store_ok},
            "accounts": accounts,
        });
        (all_ok, body)
    }

    /// `/metrics` in Prometheus' text format.
    pub fn metrics_text(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP wxdev_token_requests_total Requests answered, by route.\n# TYPE wxdev_token_requests_total counter\n");
        for (route, n) in lock(&self.metrics.requests).iter() {
            let _ = writeln!(out, "wxdev_token_requests_total{{route=\"{route}\"}} {n}");
        }
        out.push_str("# HELP wxdev_token_refreshes_total Values fetched from WeChat.\n# TYPE wxdev_token_refreshes_total counter\n");
        for ((appid, kind), n) in lock(&self.metrics.refreshes).iter() {
            let _ = writeln!(out, "wxdev_token_refreshes_total{{appid=\"{}\",kind=\"{kind}\"}} {n}", label(appid));
        }
        out.push_str(
            "# HELP wxdev_token_refresh_failures_total Failed refreshes, by errcode (or unreachable, store, lock).\n\
             # TYPE wxdev_token_refresh_failures_total counter\n",
        );
        for ((appid, kind, code), n) in lock(&self.metrics.failures).iter() {
            let _ = writeln!(
                out,
                "wxdev_token_refresh_failures_total{{appid=\"{}\",kind=\"{kind}\",errcode=\"{code}\"}} {n}",
                label(appid)
            );
        }
        let _ = writeln!(
            out,
            "# HELP wxdev_token_store_errors_total Failed store operations.\n# TYPE wxdev_token_store_errors_total counter\n\
             wxdev_token_store_errors_total {}",
            self.metrics.store_errors.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP wxdev_token_store_up Whether the store answered last time.\n# TYPE wxdev_token_store_up gauge\nwxdev_token_store_up {}",
            u8::from(self.store_ok.load(Ordering::Relaxed))
        );
        out
    }

    /// The routes. Every one but `/healthz` wants the Bearer key when one is set.
    pub async fn handle(self: Arc<Self>, req: Request<Incoming>) -> Response<Body> {
        let path = req.uri().path().to_owned();
        let query: BTreeMap<String, String> =
            url::form_urlencoded::parse(req.uri().query().unwrap_or("").as_bytes()).into_owned().collect();
        if path == "/healthz" && req.method() == Method::GET {
            self.count("healthz");
            let (ok, body) = self.health();
            let status = if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
            return respond(status, APPLICATION_JSON, body.to_string());
        }
        if let Some(key) = &self.config.auth_key {
            if !bearer_ok(req.headers().get(hyper::header::AUTHORIZATION), key) {
                self.count("unauthorized");
                let mut response = error(StatusCode::UNAUTHORIZED, "missing or wrong Authorization: Bearer key", None);
                response
                    .headers_mut()
                    .insert(hyper::header::WWW_AUTHENTICATE, hyper::header::HeaderValue::from_static("Bearer"));
                return response;
            }
        }
        let result = match (req.method().clone(), path.as_str()) {
            (Method::GET, "/token") => {
                self.count("token");
                match self.appid_of(query.get("appid").map(String::as_str)) {
                    Ok(appid) => self.get(&appid, self.token_kind()).await.map(|h| token_answer("access_token", &h)),
                    Err(e) => Err(e),
                }
            }
            (Method::POST, "/token/refresh") => {
                self.count("token_refresh");
                self.refresh_route(req.into_body()).await
            }
            (Method::GET, "/ticket") => {
                self.count("ticket");
                let kind = match query.get("type").map(String::as_str) {
                    Some("jsapi") | None => Ok(Kind::Jsapi),
                    Some("wx_card") => Ok(Kind::WxCard),
                    Some(_) => Err(bad("type must be jsapi or wx_card")),
                };
                match (kind, self.appid_of(query.get("appid").map(String::as_str))) {
                    (Ok(kind), Ok(appid)) => self.get(&appid, kind).await.map(|h| token_answer("ticket", &h)),
                    (Err(e), _) | (_, Err(e)) => Err(e),
                }
            }
            (Method::GET, "/metrics") => {
                self.count("metrics");
                return respond(StatusCode::OK, "text/plain; version=0.0.4; charset=utf-8", self.metrics_text());
            }
            (_, "/token" | "/token/refresh" | "/ticket" | "/metrics" | "/healthz") => Err(ServeError {
                status: StatusCode::METHOD_NOT_ALLOWED,
                message: "method not allowed".into(),
                errcode: None,
            }),
            _ => Err(ServeError { status: StatusCode::NOT_FOUND, message: "no such route".into(), errcode: None }),
        };
        match result {
            Ok(body) => respond(StatusCode::OK, APPLICATION_JSON, body.to_string()),
            Err(e) => error(e.status, &e.message, e.errcode),
        }
    }

    async fn refresh_route(&self, body: Incoming) -> Result<Value, ServeError> {
        let body = read_body(body, MAX_BODY).await.map_err(|_| bad("the body must be JSON of at most 16 KB"))?;
        let parsed: Value =
            serde_json::from_slice(&body).map_err(|_| bad("the body must be JSON: {\"appid\",\"stale_token\"}"))?;
        let stale = parsed.get("stale_token").and_then(Value::as_str).filter(|s| !s.is_empty());
        let Some(stale) = stale else { return Err(bad("stale_token is missing")) };
        let appid = self.appid_of(parsed.get("appid").and_then(Value::as_str))?;
        let kind = self.token_kind();
        self.refresh(&appid, kind, Some(stale)).await.map(|h| token_answer("access_token", &h))
    }

    /// The named account, or the only one when none is named.
    fn appid_of(&self, given: Option<&str>) -> Result<String, ServeError> {
        match given.filter(|a| !a.is_empty()) {
            Some(appid) => {
                self.slot(appid, self.token_kind())?;
                Ok(appid.to_owned())
            }
            None if self.accounts.len() == 1 => Ok(self.accounts.keys().next().cloned().unwrap_or_default()),
            None => Err(bad("appid is missing (this service holds several accounts)")),
        }
    }
}

impl super::store::Store {
    pub fn kind(&self) -> &'static str {
        match self {
            super::store::Store::File(_) => "file",
            super::store::Store::Redis(_) => "redis",
        }
    }
}

/// An AppID as a Prometheus label value: quotes, backslashes and controls dropped.
fn label(text: &str) -> String {
    text.chars().filter(|c| !c.is_control() && *c != '"' && *c != '\\').collect()
}

fn token_answer(key: &str, held: &Held) -> Value {
    json!({ key: held.value, "expires_in": held.left(unix_now()).max(0), "expires_at": held.expires_at })
}

fn bad(message: &str) -> ServeError {
    ServeError { status: StatusCode::BAD_REQUEST, message: message.to_owned(), errcode: None }
}

fn error(status: StatusCode, message: &str, errcode: Option<i64>) -> Response<Body> {
    let mut body = json!({"error": message});
    if let Some(code) = errcode {
        body["errcode"] = json!(code);
    }
    respond(status, APPLICATION_JSON, body.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configuration_errors_name_a_fix_and_others_do_not() {
        for code in [40164, 40125, 40013, 40243] {
            assert!(config_fix(code).is_some(), "{code}");
        }
        for code in [-1, 45009, 40001, 42001] {
            assert!(config_fix(code).is_none(), "{code}");
        }
        assert_eq!(label("wx\"1\\\n"), "wx1");
    }
}
