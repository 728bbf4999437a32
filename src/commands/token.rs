//! `wxdev token`: an access_token on stdout, so that `$(wxdev token)` works;
//! where it came from and how long it lives on stderr.
//!
//! Also the token plumbing the API commands (media, menu) share: the API client, the
//! cache, and WeChat's errors turned into messages with hints.

use crate::cli::{GlobalArgs, MediaTokenArgs, SharedSourceArgs, TokenArgs, TokenSourceArgs};
use crate::client::api::{ApiClient, ApiError, Credentials};
use crate::client::token_cache::{obtain, Obtained, Refresh, TokenCache, TokenEndpoint, TokenError};
use crate::config::{default_cache_dir, Settings};
use crate::error::CliError;
use crate::output;
use crate::tokens::proxy::RemoteTokens;
use crate::tokens::redis_store::{shown_url, RedisStore};
use crate::tokens::store::{ObtainError, Shared, Store};
use crate::wechat::errcode::explain;
use crate::wechat::text::escape_control;
use serde::Serialize;
use std::future::Future;
use std::process::ExitCode;

#[derive(Serialize)]
struct TokenReport<'a> {
    access_token: &'a str,
    expires_in: i64,
    expires_at: i64,
    cached: bool,
}

pub async fn run(global: &GlobalArgs, args: TokenArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    if let Some(from) = &args.shared.from {
        return from_service(global, &settings, from, &args).await;
    }
    let creds = settings.credentials()?;
    let api = api_client(&settings)?;
    if args.force_refresh && args.source.stable {
        output::warn("stable_token with force_refresh: WeChat allows it 20 times a day, at least 30 s apart");
    }
    if let Some(store) = redis_store(&args.shared) {
        return from_redis(global, api, creds, store, &args).await;
    }
    let refresh = if args.force_refresh { Refresh::Force } else { Refresh::IfStale };
    let got = obtain_token(&api, &creds, &args.source, refresh).await?;
    if global.json {
        output::print_json(&TokenReport {
            access_token: &got.access_token,
            expires_in: got.expires_in(),
            expires_at: got.expires_at,
            cached: got.cached,
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", got.access_token);
    let origin = match (&got.cache_file, got.cached) {
        (Some(file), true) => format!("from the cache {}", file.display()),
        (Some(file), false) => {
            format!("fetched from {}, cached in {}", endpoint_of(&api, &args.source), file.display())
        }
        (None, _) => format!("fetched from {} (not cached)", endpoint_of(&api, &args.source)),
    };
    eprintln!(
        "access_token for {} {origin}; expires in {} (at {})",
        creds.appid,
        duration_text(got.expires_in()),
        utc_text(got.expires_at)
    );
    Ok(ExitCode::SUCCESS)
}

/// `--from URL`: the token a running `token serve` hands out.
async fn from_service(
    global: &GlobalArgs,
    settings: &Settings,
    from: &str,
    args: &TokenArgs,
) -> anyhow::Result<ExitCode> {
    let remote = remote_service(from, &args.shared)?;
    let appid = settings.require_appid()?;
    let mut held = remote.current(appid).await.map_err(service_failure)?;
    if args.force_refresh {
        held = remote.refresh(appid, &held.value).await.map_err(CliError::failed)?;
    }
    let now = crate::wechat::unix_now();
    print_token(
        global,
        &held.value,
        held.left(now),
        held.expires_at,
        false,
        &format!("from the token service {from}"),
        appid,
    )
}

/// `--store redis://…`: the shared token, refreshed under the Redis lock when stale.
async fn from_redis(
    global: &GlobalArgs,
    api: ApiClient,
    creds: Credentials,
    store: &str,
    args: &TokenArgs,
) -> anyhow::Result<ExitCode> {
    use crate::tokens::store::fetch_token;
    use crate::tokens::{Kind, SERVE_MARGIN_SECS};
    let kind = if args.source.stable { Kind::StableToken } else { Kind::AccessToken };
    let shared = shared_store(api, store, args.source.stable).await?;
    let shown = shared.store.describe();
    let stale = if args.force_refresh {
        shared.current(&creds.appid, kind).await.ok().flatten().map(|h| h.value)
    } else {
        None
    };
    let got = shared
        .obtain(&creds, kind, stale.as_deref(), SERVE_MARGIN_SECS, || fetch_token(&shared.api, &creds, kind))
        .await
        .map_err(obtain_failure)?;
    let origin = if got.fetched { format!("fetched, stored in {shown}") } else { format!("from {shown}") };
    let now = crate::wechat::unix_now();
    print_token(global, &got.held.value, got.held.left(now), got.held.expires_at, !got.fetched, &origin, &creds.appid)
}

/// The Redis store `--store` names; none for the file cache (no --store, "" or "file").
pub(crate) fn redis_store(shared: &SharedSourceArgs) -> Option<&str> {
    shared.store.as_deref().filter(|s| !s.is_empty() && *s != "file")
}

/// The client of the `token serve` at `--from`, with `--auth-key`.
pub(crate) fn remote_service(from: &str, shared: &SharedSourceArgs) -> Result<RemoteTokens, CliError> {
    crate::config::parse_endpoint(from)?;
    RemoteTokens::new(from, shared.auth_key.clone())
        .map_err(|e| CliError::failed(format!("cannot start the HTTP client: {e}")))
}

/// The token service did not answer with a token or ticket.
pub(crate) fn service_failure(message: String) -> CliError {
    CliError::failed(message).hint("is `wxdev token serve` running there, and is --auth-key (WXDEV_SERVICE_KEY) right?")
}

/// The Redis store at `url`, with the refresh settings of a one-off command.
pub(crate) async fn shared_store(api: ApiClient, url: &str, stable: bool) -> Result<Shared, CliError> {
    let store = open_store(Some(url), None, std::time::Duration::from_secs(2)).await?;
    Ok(Shared { store, api, formats: vec![], lock_ttl: std::time::Duration::from_secs(10), stable })
}

/// A failure of the store's refresh procedure, for a person.
pub(crate) fn obtain_failure(err: ObtainError) -> CliError {
    match err {
        ObtainError::Api(e) => api_failure(&e),
        other => CliError::failed(other.to_string()),
    }
}

fn print_token(
    global: &GlobalArgs,
    token: &str,
    expires_in: i64,
    expires_at: i64,
    cached: bool,
    origin: &str,
    appid: &str,
) -> anyhow::Result<ExitCode> {
    if global.json {
        output::print_json(&TokenReport { access_token: token, expires_in, expires_at, cached })?;
    } else {
        println!("{token}");
        eprintln!(
            "access_token for {} {origin}; expires in {} (at {})",
            escape_control(appid),
            duration_text(expires_in),
            utc_text(expires_at)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn endpoint_of(api: &ApiClient, source: &TokenSourceArgs) -> String {
    let path = match endpoint(source) {
        TokenEndpoint::Token => crate::client::api::TOKEN_PATH,
        TokenEndpoint::Stable => crate::client::api::STABLE_TOKEN_PATH,
    };
    api.endpoint(path)
}

pub(crate) fn endpoint(source: &TokenSourceArgs) -> TokenEndpoint {
    if source.stable {
        TokenEndpoint::Stable
    } else {
        TokenEndpoint::Token
    }
}

/// The API client for the configured base URL; a bad base is a usage error.
pub(crate) fn api_client(settings: &Settings) -> Result<ApiClient, CliError> {
    let base = settings.api_base();
    ApiClient::new(base).map_err(|e| {
        let hint = if base.contains("://") {
            "set --api-base / WXDEV_API_BASE to e.g. https://api.weixin.qq.com".to_owned()
        } else {
            format!("write the scheme too: --api-base http://{base}")
        };
        CliError::usage(e.to_string()).hint(hint)
    })
}

/// The token cache these options ask for, if any.
pub(crate) fn token_cache(source: &TokenSourceArgs) -> Option<TokenCache> {
    if source.no_cache {
        return None;
    }
    match source.cache_dir.clone().or_else(default_cache_dir) {
        Some(dir) => Some(TokenCache::new(dir)),
        None => {
            output::warn("no cache directory (neither HOME nor XDG_CACHE_HOME is set): the token is not cached");
            None
        }
    }
}

/// A token as `wxdev token` gets it; cache troubles are warned about, not fatal.
pub(crate) async fn obtain_token(
    api: &ApiClient,
    creds: &Credentials,
    source: &TokenSourceArgs,
    refresh: Refresh<'_>,
) -> anyhow::Result<Obtained> {
    let cache = token_cache(source);
    let got = obtain(api, creds, endpoint(source), cache.as_ref(), refresh).await.map_err(cache_failure)?;
    for note in &got.notes {
        output::warn(&escape_control(note));
    }
    Ok(got)
}

/// A failure to obtain a token or ticket, for a person.
pub(crate) fn cache_failure(err: TokenError) -> CliError {
    match err {
        TokenError::Api(e) => api_failure(&e),
        e @ TokenError::LockTimeout { .. } => CliError::failed(e.to_string())
            .hint("a wxdev token run is stuck: stop it, or pass --no-cache to fetch without the cache"),
        TokenError::UnsafeDir { path, mode, who } => {
            let hint =
                format!("chmod 700 {}, or name another directory with --cache-dir, or pass --no-cache", path.display());
            CliError::usage(TokenError::UnsafeDir { path, mode, who }.to_string()).hint(hint)
        }
    }
}

/// An API failure for a person: WeChat's errcode and errmsg, what the code
/// means and what to do; `--json` adds `errcode` and `errmsg` keys.
pub(crate) fn api_failure(err: &ApiError) -> CliError {
    match err {
        ApiError::Wechat { errcode, errmsg } => {
            // The errmsg is shown escaped; the --json key keeps it as sent.
            let shown = escape_control(errmsg);
            let failure = match explain(*errcode, errmsg) {
                Some(x) => CliError::failed(format!("WeChat answered errcode {errcode} ({shown}): {}", x.meaning))
                    .hint(x.action),
                None => CliError::failed(format!("WeChat answered errcode {errcode}: {shown}"))
                    .hint("look the code up in WeChat's 全局返回码 (global return codes) page"),
            };
            failure.detail("errcode", *errcode).detail("errmsg", errmsg.as_str())
        }
        ApiError::Transport { hint: Some(hint), .. } => CliError::failed(err.to_string()).hint(*hint),
        ApiError::BadBase { .. } => CliError::usage(err.to_string()),
        _ => CliError::failed(err.to_string()),
    }
}

/// Where a call's access_token comes from: --access-token, else the cache or
/// a fetch; after a rejection, one fresh token.
pub(crate) struct TokenSupply<'a> {
    explicit: Option<&'a str>,
    creds: Option<Credentials>,
    args: &'a MediaTokenArgs,
}

impl<'a> TokenSupply<'a> {
    /// Fails before any request when there is neither a token nor credentials to fetch one.
    pub(crate) fn new(settings: &Settings, args: &'a MediaTokenArgs) -> Result<TokenSupply<'a>, CliError> {
        let explicit = args.access_token.as_deref().filter(|t| !t.is_empty());
        let creds = match explicit {
            Some(_) => settings.credentials().ok(),
            None => Some(settings.credentials().map_err(|e| {
                let hint = e.hint.clone().unwrap_or_default();
                e.hint(format!("{hint}; or pass --access-token"))
            })?),
        };
        Ok(TokenSupply { explicit, creds, args })
    }

    async fn first(&self, api: &ApiClient) -> anyhow::Result<String> {
        match (self.explicit, &self.creds) {
            (Some(token), _) => Ok(token.to_owned()),
            (None, Some(creds)) => {
                Ok(obtain_token(api, creds, &self.args.source, Refresh::IfStale).await?.access_token)
            }
            (None, None) => Err(CliError::usage("no access_token and no AppID/AppSecret to fetch one").into()),
        }
    }

    /// Runs `call` with a token; on 40001, 40014 or 42001 gets a fresh token and runs it once more.
    pub(crate) async fn call<T, F, Fut>(&self, api: &ApiClient, mut call: F) -> anyhow::Result<T>
    where
        F: FnMut(String) -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let token = self.first(api).await?;
        let err = match call(token.clone()).await {
            Ok(answer) => return Ok(answer),
            Err(err) => err,
        };
        let Some(creds) = self.creds.as_ref().filter(|_| err.is_token_rejection()) else {
            return Err(api_failure(&err).into());
        };
        output::warn(&format!("{err}; getting a new access_token and trying once more"));
        let fresh = obtain_token(api, creds, &self.args.source, Refresh::Rejected(&token)).await?;
        call(fresh.access_token).await.map_err(|e| api_failure(&e).into())
    }
}

/// `1h 55m`, `4m 10s`, `42s`.
pub(crate) fn duration_text(secs: i64) -> String {
    let secs = secs.max(0);
    match (secs / 3600, secs / 60 % 60, secs % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m {s}s"),
        (h, m, _) => format!("{h}h {m}m"),
    }
}

/// Unix seconds as an HTTP date: `Fri, 01 May 2026 08:00:00 GMT`.
pub(crate) fn utc_text(unix: i64) -> String {
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix.max(0).unsigned_abs());
    httpdate::fmt_http_date(at)
}

/// The store --store names (redis:// or rediss://), else the file cache.
pub(crate) async fn open_store(
    store: Option<&str>,
    cache_dir: Option<std::path::PathBuf>,
    timeout: std::time::Duration,
) -> Result<Store, CliError> {
    match store.filter(|s| !s.is_empty() && *s != "file") {
        Some(url) => {
            let scheme = url.split("://").next().unwrap_or("");
            if !url.contains("://") || !matches!(scheme, "redis" | "rediss") {
                return Err(CliError::usage(format!("--store {} is not a redis:// or rediss:// URL", shown_url(url)))
                    .hint("e.g. --store redis://127.0.0.1:6379/0, redis://:PASSWORD@HOST:6379/0, rediss://HOST:6380/0 (TLS); leave it out for the file cache"));
            }
            let redis = RedisStore::connect(url, timeout).await.map_err(|e| {
                CliError::failed(e.to_string())
                    .hint("is redis-server running there, and are the password and DB right?")
            })?;
            Ok(Store::Redis(redis))
        }
        None => match cache_dir.or_else(default_cache_dir) {
            Some(dir) => Ok(Store::File(TokenCache::new(dir))),
            None => {
                Err(CliError::usage("no cache directory for the file store (neither HOME nor XDG_CACHE_HOME is set)")
                    .hint("pass --cache-dir DIR, or --store redis://…"))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_well() {
        assert_eq!(utc_text(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(utc_text(1_714_036_504), "Thu, 25 Apr 2024 09:15:04 GMT");
        assert_eq!(utc_text(951_782_400), "Tue, 29 Feb 2000 00:00:00 GMT");
        assert_eq!(duration_text(7200), "2h 0m");
        assert_eq!(duration_text(250), "4m 10s");
        assert_eq!(duration_text(-3), "0s");
    }

    #[test]
    fn errcodes_become_explained_failures() {
        let e = api_failure(&ApiError::Wechat { errcode: 40125, errmsg: "invalid appsecret rid: x".into() });
        assert_eq!(e.exit_code(), 1);
        assert!(e.message.contains("40125") && e.message.contains("invalid appsecret"));
        assert!(e.hint.unwrap().contains("AppSecret"));
        assert_eq!(e.details[0], ("errcode".to_owned(), 40125.into()));
    }
}
