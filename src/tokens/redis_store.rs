//! The Redis store: tokens under wxdev's key (and the chosen SDK formats'),
//! and the refresh lock, through the `redis` crate's connection manager
//! (reconnects by itself after an outage).
//!
//! The lock is `SET lock OWNER NX PX ttl` with a random OWNER: a holder that
//! crashes blocks the others at most `ttl`. Writing the token and releasing
//! the lock are Lua scripts that first check the lock still holds OWNER, so a
//! holder whose lock expired (a refresh slower than the lock) never
//! overwrites the token a later holder wrote, nor frees that holder's lock.

use super::formats::{lock_key, wxdev_key, KeyWrite};
use super::{Held, Kind};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error, Clone)]
pub enum StoreError {
    #[error("the token store {store} is unreachable: {reason}")]
    Unreachable { store: String, reason: String },
    #[error("the token store {store} did not answer within {} ms", timeout.as_millis())]
    Timeout { store: String, timeout: Duration },
}

/// SETs KEYS[2..] to ARGV pairs (value, ttl; ttl 0: none) and returns 1; the
/// scripts below put their condition in front.
macro_rules! set_keys {
    () => {
        r"
for i = 2, #KEYS do
  local ttl = tonumber(ARGV[2 * i - 1])
  if ttl > 0 then redis.call('SET', KEYS[i], ARGV[2 * i - 2], 'EX', ttl)
  else redis.call('SET', KEYS[i], ARGV[2 * i - 2]) end
end
return 1"
    };
}

/// The writes, if the lock KEYS[1] holds ARGV[1].
const WRITE_OWNED: &str = concat!("if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end", set_keys!());

/// The writes, only while wxdev's own key KEYS[2] is absent (re-seeding an emptied store).
const WRITE_IF_ABSENT: &str = concat!("if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end", set_keys!());

/// DEL the lock KEYS[1] if it holds ARGV[1].
const UNLOCK: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0";

#[derive(Clone)]
pub struct RedisStore {
    con: ConnectionManager,
    /// The URL without its password, for messages.
    shown: String,
    timeout: Duration,
    write_owned: std::sync::Arc<redis::Script>,
    write_if_absent: std::sync::Arc<redis::Script>,
    unlock: std::sync::Arc<redis::Script>,
}

/// A redis:// or rediss:// URL with any password replaced by `***`.
pub fn shown_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.password().is_some() {
                let _ = parsed.set_password(Some("***"));
            }
            parsed.to_string()
        }
        Err(_) => "(unparsable URL)".to_owned(),
    }
}

impl RedisStore {
    /// Connects (within `timeout`); commands later give up after `timeout` too.
    pub async fn connect(url: &str, timeout: Duration) -> Result<RedisStore, StoreError> {
        let shown = shown_url(url);
        let unreachable = |e: redis::RedisError| StoreError::Unreachable { store: shown.clone(), reason: reason(&e) };
        let client = redis::Client::open(url).map_err(unreachable)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(500));
        let connecting = ConnectionManager::new_with_config(client, config);
        let con = match tokio::time::timeout(timeout * 2, connecting).await {
            Ok(con) => con.map_err(unreachable)?,
            Err(_) => return Err(StoreError::Timeout { store: shown, timeout }),
        };
        Ok(RedisStore {
            con,
            shown,
            timeout,
            write_owned: std::sync::Arc::new(redis::Script::new(WRITE_OWNED)),
            write_if_absent: std::sync::Arc::new(redis::Script::new(WRITE_IF_ABSENT)),
            unlock: std::sync::Arc::new(redis::Script::new(UNLOCK)),
        })
    }

    pub fn shown(&self) -> &str {
        &self.shown
    }

    async fn run<T>(&self, op: impl std::future::Future<Output = redis::RedisResult<T>>) -> Result<T, StoreError> {
        match tokio::time::timeout(self.timeout, op).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(StoreError::Unreachable { store: self.shown.clone(), reason: reason(&e) }),
            Err(_) => Err(StoreError::Timeout { store: self.shown.clone(), timeout: self.timeout }),
        }
    }

    /// The current value under wxdev's key; an unreadable one counts as none.
    pub async fn get(&self, appid: &str, kind: Kind) -> Result<Option<Held>, StoreError> {
        let mut con = self.con.clone();
        let text: Option<String> =
            self.run(redis::cmd("GET").arg(wxdev_key(appid, kind)).query_async(&mut con)).await?;
        Ok(text.and_then(|t| serde_json::from_str::<Held>(&t).ok()).filter(|h| !h.value.is_empty()))
    }

    /// Takes the lock for `ttl` if nobody holds it.
    pub async fn try_lock(&self, appid: &str, kind: Kind, owner: &str, ttl: Duration) -> Result<bool, StoreError> {
        let mut con = self.con.clone();
        let ms = ttl.as_millis().max(1) as u64;
        let mut set = redis::cmd("SET");
        set.arg(lock_key(appid, kind)).arg(owner).arg("NX").arg("PX").arg(ms);
        let answer: Option<String> = self.run(set.query_async(&mut con)).await?;
        Ok(answer.is_some())
    }

    /// Writes while `owner` holds the lock; false when it no longer does (nothing written).
    pub async fn write_owned(
        &self,
        appid: &str,
        kind: Kind,
        owner: &str,
        writes: &[KeyWrite],
    ) -> Result<bool, StoreError> {
        let mut invocation = self.write_owned.prepare_invoke();
        invocation.key(lock_key(appid, kind)).arg(owner);
        add_writes(&mut invocation, writes);
        let mut con = self.con.clone();
        let written: i64 = self.run(invocation.invoke_async(&mut con)).await?;
        Ok(written == 1)
    }

    /// Writes only while wxdev's key is absent; `writes[0]` must be wxdev's own.
    pub async fn write_if_absent(&self, writes: &[KeyWrite]) -> Result<bool, StoreError> {
        let mut invocation = self.write_if_absent.prepare_invoke();
        invocation.key("wxdev:unused").arg("");
        add_writes(&mut invocation, writes);
        let mut con = self.con.clone();
        let written: i64 = self.run(invocation.invoke_async(&mut con)).await?;
        Ok(written == 1)
    }

    pub async fn unlock(&self, appid: &str, kind: Kind, owner: &str) -> Result<(), StoreError> {
        let mut invocation = self.unlock.prepare_invoke();
        invocation.key(lock_key(appid, kind)).arg(owner);
        let mut con = self.con.clone();
        let _: i64 = self.run(invocation.invoke_async(&mut con)).await?;
        Ok(())
    }
}

fn add_writes(invocation: &mut redis::ScriptInvocation<'_>, writes: &[KeyWrite]) {
    for write in writes {
        invocation.key(&write.key).arg(&write.value).arg(write.ttl.unwrap_or(0).max(0));
    }
}

/// The error's text without Rust's " (os error N)".
fn reason(err: &redis::RedisError) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// A random lock owner: 128 bits, hex.
pub fn new_owner() -> String {
    let bytes: [u8; 16] = rand::random();
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hidden_and_owners_differ() {
        assert_eq!(shown_url("redis://:pw@h:6379/0"), "redis://:***@h:6379/0");
        assert_eq!(shown_url("rediss://u:pw@h/1"), "rediss://u:***@h/1");
        assert_eq!(shown_url("redis://h:1/0"), "redis://h:1/0");
        assert_ne!(new_owner(), new_owner());
        assert_eq!(new_owner().len(), 32);
    }
}
