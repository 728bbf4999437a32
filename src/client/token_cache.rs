//! The access_token cache, shared by every wxdev process of a user.
//!
//! One JSON file per (AppID, API base, token endpoint), replaced atomically
//! (write a temporary file in the same directory, then rename) and readable
//! by the owner only. A file that cannot be read or parsed is ignored and
//! replaced. Beside it, a lock file: a process that needs a new token takes
//! an exclusive lock on it, reads the cache again (another process may have
//! refreshed meanwhile), and only then calls WeChat, so that processes
//! started together make one call between them.
//!
//! The directory is created readable by its owner only (0700). An existing
//! directory that group or others may write to is refused, not used: anyone
//! who can write there can plant a token file (which wxdev would send to the
//! API) or replace the lock. The user fixes it (`chmod 700`), names another
//! directory, or passes `--no-cache`.

use crate::client::api::{AccessToken, ApiClient, ApiError, Credentials, MAX_EXPIRES_IN};
use crate::wechat::unix_now;
use serde::{Deserialize, Serialize};
use sha1::{Digest, Sha1};
use std::fs::{File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use thiserror::Error;

/// A cached token is reused while it has more than this many seconds left.
pub const RENEW_MARGIN_SECS: i64 = 300;
/// How long to wait for another process's refresh before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(90);
const LOCK_POLL: Duration = Duration::from_millis(15);

/// Which API issues the token. Their tokens are independent, so each has its own cache file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenEndpoint {
    /// `GET /cgi-bin/token`: each call issues a new token and retires the previous one.
    Token,
    /// `POST /cgi-bin/stable_token`: the same token until it expires or is force-refreshed.
    Stable,
}

impl TokenEndpoint {
    fn label(self) -> &'static str {
        match self {
            TokenEndpoint::Token => "token",
            TokenEndpoint::Stable => "stable_token",
        }
    }
}

/// When to call WeChat rather than use the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refresh<'a> {
    /// Use the cached token while it has more than five minutes left.
    IfStale,
    /// Always fetch (and with stable_token, ask for `force_refresh`).
    Force,
    /// WeChat rejected this token: use the cache only if it now holds another one.
    Rejected(&'a str),
}

/// A token ready for use.
#[derive(Debug, Clone)]
pub struct Obtained {
    pub access_token: String,
    /// Unix seconds.
    pub expires_at: i64,
    /// When it was fetched or read from the cache, in Unix seconds.
    pub obtained_at: i64,
    /// Whether it came from the cache rather than from WeChat.
    pub cached: bool,
    /// The cache file, when caching is on.
    pub cache_file: Option<PathBuf>,
    /// Things that went wrong with the cache but did not stop the run.
    pub notes: Vec<String>,
}

impl Obtained {
    /// Seconds of life left when it was obtained: WeChat's `expires_in` for a fetched token.
    pub fn expires_in(&self) -> i64 {
        self.expires_at.saturating_sub(self.obtained_at).max(0)
    }
}

#[derive(Debug, Error)]
pub enum TokenError {
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error("another wxdev process has held the token lock {} for {} s", path.display(), waited.as_secs())]
    LockTimeout { path: PathBuf, waited: Duration },
    /// The cache directory exists and group or others may write to it.
    #[error("the token cache directory {} is writable by {who} (mode {mode:03o}); not using it", path.display())]
    UnsafeDir { path: PathBuf, mode: u32, who: &'static str },
}

/// What a cache file holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    appid: String,
    api_base: String,
    endpoint: String,
    access_token: String,
    expires_at: i64,
    fetched_at: i64,
}

enum Lookup {
    Fresh(Entry),
    Stale,
    Missing,
    Damaged(String),
}

/// The cache directory.
#[derive(Debug, Clone)]
pub struct TokenCache {
    dir: PathBuf,
}

impl TokenCache {
    pub fn new(dir: impl Into<PathBuf>) -> TokenCache {
        TokenCache { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `DIR/APPID-HASH[-stable].json`, HASH naming the API base.
    pub fn file_for(&self, appid: &str, api_base: &str, endpoint: TokenEndpoint) -> PathBuf {
        let safe: String =
            appid.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
        let hash = hex::encode(Sha1::digest(api_base.trim_end_matches('/').as_bytes()));
        let suffix = if endpoint == TokenEndpoint::Stable { "-stable" } else { "" };
        self.dir.join(format!("{safe}-{}{suffix}.json", &hash[..12]))
    }

    fn lookup(&self, path: &Path, appid: &str, api_base: &str, endpoint: TokenEndpoint, now: i64) -> Lookup {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Lookup::Missing,
            Err(e) => return Lookup::Damaged(crate::client::io_reason(&e)),
        };
        let entry: Entry = match serde_json::from_str(&text) {
            Ok(entry) => entry,
            Err(e) => return Lookup::Damaged(format!("not a token cache file ({e})")),
        };
        if entry.appid != appid || entry.api_base != api_base || entry.endpoint != endpoint.label() {
            return Lookup::Damaged("it belongs to another AppID or API base".to_owned());
        }
        if entry.access_token.is_empty() {
            return Lookup::Damaged("it holds an empty token".to_owned());
        }
        let left = entry.expires_at.saturating_sub(now);
        if left > MAX_EXPIRES_IN {
            Lookup::Damaged(format!("it says the token lives {left} s more, longer than any token lives"))
        } else if left > RENEW_MARGIN_SECS {
            Lookup::Fresh(entry)
        } else {
            Lookup::Stale
        }
    }

    /// Creates the directory (0700) when it is missing, and refuses an
    /// existing one that group or others may write to. A directory that
    /// cannot be created is no error here: reading and writing the cache
    /// then fail and are noted, and the token is fetched without it.
    fn check_dir(&self) -> Result<(), TokenError> {
        let _ = self.ensure_dir();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(meta) = std::fs::metadata(&self.dir) {
                let mode = meta.permissions().mode() & 0o7777;
                let who = match (mode & 0o020 != 0, mode & 0o002 != 0) {
                    (true, true) => Some("group and others"),
                    (true, false) => Some("its group"),
                    (false, true) => Some("others"),
                    (false, false) => None,
                };
                if let (true, Some(who)) = (meta.is_dir(), who) {
                    return Err(TokenError::UnsafeDir { path: self.dir.clone(), mode, who });
                }
            }
        }
        Ok(())
    }

    fn ensure_dir(&self) -> std::io::Result<()> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&self.dir)
    }

    /// Replaces the file atomically; the new file is readable by the owner only.
    fn write(&self, path: &Path, entry: &Entry) -> std::io::Result<()> {
        self.ensure_dir()?;
        let mut tmp = tempfile::Builder::new().prefix(".wxdev-token-").suffix(".tmp").tempfile_in(&self.dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        serde_json::to_writer_pretty(&mut tmp, entry)?;
        tmp.write_all(b"\n")?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    /// Takes the exclusive lock beside `path`, waiting for other processes.
    /// `Ok(None)`: no lock could be had (unwritable directory), go on without.
    async fn lock(&self, path: &Path, notes: &mut Vec<String>) -> Result<Option<File>, TokenError> {
        let lock_path = path.with_extension("lock");
        let opened = self.ensure_dir().and_then(|_| {
            let mut options = std::fs::OpenOptions::new();
            options.create(true).truncate(false).write(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            options.open(&lock_path)
        });
        let file = match opened {
            Ok(file) => file,
            Err(e) => {
                notes.push(format!(
                    "cannot open the token lock {}: {}; refreshing without it",
                    lock_path.display(),
                    crate::client::io_reason(&e)
                ));
                return Ok(None);
            }
        };
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Some(file)),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => {
                    notes.push(format!(
                        "cannot lock {}: {}; refreshing without the lock",
                        lock_path.display(),
                        crate::client::io_reason(&e)
                    ));
                    return Ok(None);
                }
            }
            if started.elapsed() >= LOCK_WAIT {
                return Err(TokenError::LockTimeout { path: lock_path, waited: started.elapsed() });
            }
            tokio::time::sleep(LOCK_POLL).await;
        }
    }
}

/// A token for `creds` from `endpoint`: from the cache when allowed and fresh,
/// else fetched under the cache lock and written back. Without a cache, fetched.
pub async fn obtain(
    api: &ApiClient,
    creds: &Credentials,
    endpoint: TokenEndpoint,
    cache: Option<&TokenCache>,
    refresh: Refresh<'_>,
) -> Result<Obtained, TokenError> {
    let Some(cache) = cache else {
        let token = fetch(api, creds, endpoint, refresh).await?;
        let now = unix_now();
        return Ok(Obtained {
            access_token: token.access_token,
            expires_at: now.saturating_add(token.expires_in),
            obtained_at: now,
            cached: false,
            cache_file: None,
            notes: vec![],
        });
    };
    cache.check_dir()?;
    let path = cache.file_for(&creds.appid, api.base(), endpoint);
    let mut notes = Vec::new();
    let hit = |entry: Entry, now: i64, notes: Vec<String>| Obtained {
        access_token: entry.access_token,
        expires_at: entry.expires_at,
        obtained_at: now,
        cached: true,
        cache_file: Some(path.clone()),
        notes,
    };
    let usable = |lookup: &Lookup| match (lookup, refresh) {
        (Lookup::Fresh(_), Refresh::IfStale) => true,
        (Lookup::Fresh(entry), Refresh::Rejected(bad)) => entry.access_token != bad,
        _ => false,
    };
    let mut damage_told = false;
    let mut tell_damage = |lookup: &Lookup, notes: &mut Vec<String>| {
        if let (Lookup::Damaged(reason), false) = (lookup, damage_told) {
            notes.push(format!("ignoring the token cache {}: {reason}; it will be replaced", path.display()));
            damage_told = true;
        }
    };
    if refresh == Refresh::IfStale {
        let now = unix_now();
        let lookup = cache.lookup(&path, &creds.appid, api.base(), endpoint, now);
        tell_damage(&lookup, &mut notes);
        if let Lookup::Fresh(entry) = lookup {
            return Ok(hit(entry, now, notes));
        }
    }
    // Another process may have refreshed while this one waited for the lock.
    let guard = cache.lock(&path, &mut notes).await?;
    if refresh != Refresh::Force {
        let now = unix_now();
        let lookup = cache.lookup(&path, &creds.appid, api.base(), endpoint, now);
        tell_damage(&lookup, &mut notes);
        if usable(&lookup) {
            if let Lookup::Fresh(entry) = lookup {
                return Ok(hit(entry, now, notes));
            }
        }
    }
    let token = fetch(api, creds, endpoint, refresh).await?;
    let now = unix_now();
    let entry = Entry {
        appid: creds.appid.clone(),
        api_base: api.base().to_owned(),
        endpoint: endpoint.label().to_owned(),
        access_token: token.access_token,
        expires_at: now.saturating_add(token.expires_in),
        fetched_at: now,
    };
    if let Err(e) = cache.write(&path, &entry) {
        notes.push(format!("cannot write the token cache {}: {}", path.display(), crate::client::io_reason(&e)));
    }
    drop(guard);
    Ok(Obtained {
        access_token: entry.access_token,
        expires_at: entry.expires_at,
        obtained_at: now,
        cached: false,
        cache_file: Some(path),
        notes,
    })
}

async fn fetch(
    api: &ApiClient,
    creds: &Credentials,
    endpoint: TokenEndpoint,
    refresh: Refresh<'_>,
) -> Result<AccessToken, ApiError> {
    match endpoint {
        TokenEndpoint::Token => api.token(creds).await,
        TokenEndpoint::Stable => api.stable_token(creds, refresh == Refresh::Force).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(token: &str, expires_at: i64) -> Entry {
        Entry {
            appid: "wx1".into(),
            api_base: "http://b".into(),
            endpoint: "token".into(),
            access_token: token.into(),
            expires_at,
            fetched_at: 0,
        }
    }

    #[test]
    fn files_are_keyed_by_appid_base_and_endpoint() {
        let cache = TokenCache::new("/c");
        let a = cache.file_for("wx1", "http://a", TokenEndpoint::Token);
        assert_ne!(a, cache.file_for("wx1", "http://b", TokenEndpoint::Token));
        assert_ne!(a, cache.file_for("wx2", "http://a", TokenEndpoint::Token));
        assert_ne!(a, cache.file_for("wx1", "http://a", TokenEndpoint::Stable));
        assert_eq!(a, cache.file_for("wx1", "http://a/", TokenEndpoint::Token));
        assert!(cache.file_for("../x", "http://a", TokenEndpoint::Token).starts_with("/c"));
    }

    #[test]
    fn round_trip_freshness_and_damage() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path().join("sub"));
        let path = cache.file_for("wx1", "http://b", TokenEndpoint::Token);
        let look = |now| cache.lookup(&path, "wx1", "http://b", TokenEndpoint::Token, now);
        assert!(matches!(look(0), Lookup::Missing));
        cache.write(&path, &entry("T", 1000)).unwrap();
        assert!(matches!(look(1000 - 301), Lookup::Fresh(e) if e.access_token == "T"));
        assert!(matches!(look(1000 - 300), Lookup::Stale));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
            assert_eq!(std::fs::metadata(cache.dir()).unwrap().permissions().mode() & 0o777, 0o700);
        }
        assert!(matches!(cache.lookup(&path, "wx2", "http://b", TokenEndpoint::Token, 0), Lookup::Damaged(_)));
        std::fs::write(&path, "{\"appid\":").unwrap();
        assert!(matches!(look(0), Lookup::Damaged(_)));
    }

    #[test]
    fn expiry_arithmetic_cannot_overflow_and_far_futures_are_damage() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path());
        let path = cache.file_for("wx1", "http://b", TokenEndpoint::Token);
        let look = |now| cache.lookup(&path, "wx1", "http://b", TokenEndpoint::Token, now);
        cache.write(&path, &entry("T", i64::MIN)).unwrap();
        assert!(matches!(look(i64::MAX), Lookup::Stale));
        cache.write(&path, &entry("T", i64::MAX)).unwrap();
        assert!(matches!(look(i64::MIN), Lookup::Damaged(_)));
        assert!(matches!(look(0), Lookup::Damaged(_)));
        cache.write(&path, &entry("T", 1000 + MAX_EXPIRES_IN)).unwrap();
        assert!(matches!(look(1000), Lookup::Fresh(_)));
        assert!(matches!(look(999), Lookup::Damaged(_)));
        let got = Obtained {
            access_token: "T".into(),
            expires_at: i64::MAX,
            obtained_at: i64::MIN,
            cached: true,
            cache_file: None,
            notes: vec![],
        };
        assert_eq!(got.expires_in(), i64::MAX);
    }

    #[cfg(unix)]
    #[test]
    fn the_directory_is_made_owner_only_and_a_shared_one_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fresh = TokenCache::new(dir.path().join("a").join("b"));
        fresh.check_dir().unwrap();
        assert_eq!(std::fs::metadata(fresh.dir()).unwrap().permissions().mode() & 0o777, 0o700);
        let mode = |m| std::fs::set_permissions(fresh.dir(), std::fs::Permissions::from_mode(m)).unwrap();
        mode(0o755);
        fresh.check_dir().unwrap();
        for (m, who) in [(0o777, "group and others"), (0o770, "its group"), (0o1703, "others")] {
            mode(m);
            let err = fresh.check_dir().unwrap_err();
            assert!(matches!(err, TokenError::UnsafeDir { who: w, .. } if w == who), "{m:o}");
            let text = err.to_string();
            assert!(text.contains(&format!("mode {m:03o}")) && text.contains("not using it"), "{text}");
        }
        mode(0o700);
    }
}
