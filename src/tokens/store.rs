//! Where tokens are shared, and the one refresh procedure on top.
//!
//! [`Shared::obtain`] is compare-and-refresh: the caller names the value it
//! holds and found wanting (`stale`, or none); the store's current value is
//! taken when it differs and has time left, else the one caller holding the
//! store's lock fetches from WeChat and writes, while the others wait for the
//! lock and then read what it wrote. N callers reporting the same stale
//! token therefore cause one refresh, on one machine (file lock) or many
//! (Redis lock).

use super::formats::{writes, KeyFormat, KeyWrite};
use super::redis_store::{new_owner, RedisStore, StoreError};
use super::{Held, Kind};
use crate::client::api::{ApiClient, ApiError, Credentials};
use crate::client::token_cache::{obtain, obtain_ticket, Refresh, TicketKind, TokenCache, TokenEndpoint, TokenError};
use crate::wechat::unix_now;
use std::future::Future;
use std::time::{Duration, Instant};
use thiserror::Error;

/// How often a caller waiting for another's refresh looks at the store again.
const LOCK_POLL: Duration = Duration::from_millis(25);

pub enum Store {
    /// The token cache and its file lock: processes of one machine.
    File(TokenCache),
    /// Several machines.
    Redis(RedisStore),
}

impl Store {
    pub fn describe(&self) -> String {
        match self {
            Store::File(cache) => format!("file cache {}", cache.dir().display()),
            Store::Redis(redis) => redis.shown().to_owned(),
        }
    }
}

#[derive(Debug, Error)]
pub enum ObtainError {
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Cache(TokenError),
    #[error("another instance has held the refresh lock for {} s", waited.as_secs())]
    LockTimeout { waited: Duration },
}

impl ObtainError {
    fn from_cache(err: TokenError) -> ObtainError {
        match err {
            TokenError::Api(e) => ObtainError::Api(e),
            other => ObtainError::Cache(other),
        }
    }

    pub fn errcode(&self) -> Option<i64> {
        match self {
            ObtainError::Api(e) | ObtainError::Cache(TokenError::Api(e)) => e.errcode(),
            _ => None,
        }
    }
}

/// What a refresh did.
#[derive(Debug, Clone)]
pub struct Obtained {
    pub held: Held,
    /// Fetched from WeChat by this call (false: read from the store).
    pub fetched: bool,
}

/// The store with the settings of the refresh procedure.
pub struct Shared {
    pub store: Store,
    pub api: ApiClient,
    /// SDK layouts written besides wxdev's own (Redis only).
    pub formats: Vec<KeyFormat>,
    /// How long a refresh lock lives if its holder never releases it.
    pub lock_ttl: Duration,
    /// Tickets are fetched with the access token of `POST /cgi-bin/stable_token`.
    pub stable: bool,
}

impl Shared {
    /// The store's current value, when the store can say without a refresh
    /// (Redis; the file cache only answers through [`Shared::obtain`]).
    pub async fn current(&self, appid: &str, kind: Kind) -> Result<Option<Held>, StoreError> {
        match &self.store {
            Store::Redis(redis) => redis.get(appid, kind).await,
            Store::File(_) => Ok(None),
        }
    }

    /// Puts `held` back into an emptied store (Redis restarted without
    /// persistence) instead of refreshing: true when written.
    pub async fn reseed(&self, creds: &Credentials, kind: Kind, held: &Held) -> Result<bool, StoreError> {
        match &self.store {
            Store::Redis(redis) => {
                let all = self.writes_for(creds, kind, held);
                if all.is_empty() {
                    return Ok(false);
                }
                redis.write_if_absent(&all).await
            }
            Store::File(_) => Ok(false),
        }
    }

    fn writes_for(&self, creds: &Credentials, kind: Kind, held: &Held) -> Vec<KeyWrite> {
        let now = unix_now();
        let mut all = writes(KeyFormat::Wxdev, &creds.appid, &creds.secret, kind, held, now);
        for format in self.formats.iter().filter(|f| **f != KeyFormat::Wxdev) {
            all.extend(writes(*format, &creds.appid, &creds.secret, kind, held, now));
        }
        all
    }

    /// Compare-and-refresh (see the module doc). `fetch` asks WeChat.
    pub async fn obtain<F, Fut, E>(
        &self,
        creds: &Credentials,
        kind: Kind,
        stale: Option<&str>,
        margin: i64,
        fetch: F,
    ) -> Result<Obtained, ObtainError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Held, E>>,
        ObtainError: From<E>,
    {
        let redis = match &self.store {
            Store::Redis(redis) => redis,
            Store::File(cache) => return self.obtain_file(cache, creds, kind, stale).await,
        };
        let appid = creds.appid.as_str();
        let owner = new_owner();
        let started = Instant::now();
        // A lock held past its expiry is gone: waiting longer than that (and
        // a refresh's own time) means something else is wrong.
        let give_up = self.lock_ttl * 2 + Duration::from_secs(5);
        loop {
            if let Some(held) = redis.get(appid, kind).await? {
                if held.replaces(stale, margin, unix_now()) {
                    return Ok(Obtained { held, fetched: false });
                }
            }
            if redis.try_lock(appid, kind, &owner, self.lock_ttl).await? {
                break;
            }
            if started.elapsed() > give_up {
                return Err(ObtainError::LockTimeout { waited: started.elapsed() });
            }
            tokio::time::sleep(LOCK_POLL).await;
        }
        // Holding the lock: another holder may have written just before.
        let result = async {
            if let Some(held) = redis.get(appid, kind).await? {
                if held.replaces(stale, margin, unix_now()) {
                    return Ok(Obtained { held, fetched: false });
                }
            }
            let held = fetch().await?;
            let all = self.writes_for(creds, kind, &held);
            if !redis.write_owned(appid, kind, &owner, &all).await? {
                // The lock expired during the fetch and another holder may
                // have written since: its value wins when there is one.
                if let Some(newer) = redis.get(appid, kind).await?.filter(|h| h.left(unix_now()) > 0) {
                    return Ok(Obtained { held: newer, fetched: true });
                }
            }
            Ok(Obtained { held, fetched: true })
        }
        .await;
        // Unlocking is best effort: the lock expires anyway.
        let _ = redis.unlock(appid, kind, &owner).await;
        result
    }

    /// A JS-SDK or card ticket through the store, fetched (when the store has
    /// none fresh) with the store's access token; a token WeChat rejects is
    /// reported stale and the ticket asked for once more.
    pub async fn obtain_ticket(&self, creds: &Credentials, kind: Kind, margin: i64) -> Result<Obtained, ObtainError> {
        let token_kind = if self.stable { Kind::StableToken } else { Kind::AccessToken };
        let token = |stale: Option<String>| async move {
            let fetch = || fetch_token(&self.api, creds, token_kind);
            self.obtain(creds, token_kind, stale.as_deref(), margin, fetch).await
        };
        let fetch = || async {
            let held = token(None).await?.held;
            match fetch_ticket(&self.api, &held.value, kind).await {
                Err(e) if e.is_token_rejection() => {
                    let fresh = token(Some(held.value)).await?.held;
                    Ok::<Held, ObtainError>(fetch_ticket(&self.api, &fresh.value, kind).await?)
                }
                other => Ok(other?),
            }
        };
        self.obtain(creds, kind, None, margin, fetch).await
    }

    /// The file cache's own compare-and-refresh (its lock, its ticket files).
    async fn obtain_file(
        &self,
        cache: &TokenCache,
        creds: &Credentials,
        kind: Kind,
        stale: Option<&str>,
    ) -> Result<Obtained, ObtainError> {
        let refresh = match stale {
            Some(stale) => Refresh::Rejected(stale),
            None => Refresh::IfStale,
        };
        let token_endpoint = if self.stable { TokenEndpoint::Stable } else { TokenEndpoint::Token };
        let endpoint = match kind {
            Kind::AccessToken => TokenEndpoint::Token,
            Kind::StableToken => TokenEndpoint::Stable,
            // Tickets: the file cache's own ticket files, under its lock.
            Kind::Jsapi | Kind::WxCard => {
                let ticket_kind = if kind == Kind::Jsapi { TicketKind::Jsapi } else { TicketKind::WxCard };
                let got = obtain_ticket(&self.api, creds, token_endpoint, ticket_kind, Some(cache), refresh)
                    .await
                    .map_err(ObtainError::from_cache)?;
                let held = Held { value: got.ticket, expires_at: got.expires_at, fetched_at: got.obtained_at };
                return Ok(Obtained { held, fetched: !got.cached });
            }
        };
        let got = obtain(&self.api, creds, endpoint, Some(cache), refresh).await.map_err(ObtainError::from_cache)?;
        let held = Held { value: got.access_token, expires_at: got.expires_at, fetched_at: got.obtained_at };
        Ok(Obtained { held, fetched: !got.cached })
    }
}

/// A fresh access token from WeChat, as the store keeps it.
pub async fn fetch_token(api: &ApiClient, creds: &Credentials, kind: Kind) -> Result<Held, ApiError> {
    let token = match kind {
        Kind::StableToken => api.stable_token(creds, false).await?,
        _ => api.token(creds).await?,
    };
    let now = unix_now();
    Ok(Held { value: token.access_token, expires_at: now.saturating_add(token.expires_in), fetched_at: now })
}

/// A JS-SDK or card ticket: `GET /cgi-bin/ticket/getticket` ([`ApiClient::get_ticket`]).
pub async fn fetch_ticket(api: &ApiClient, access_token: &str, kind: Kind) -> Result<Held, ApiError> {
    let ticket = api.get_ticket(access_token, kind.ticket_type().unwrap_or("jsapi")).await?;
    let now = unix_now();
    Ok(Held { value: ticket.ticket, expires_at: now.saturating_add(ticket.expires_in), fetched_at: now })
}
