//! The access_token and ticket cache, shared by every wxdev process of a user.
//!
//! One JSON file per (AppID, API base, token endpoint), and one per (AppID,
//! API base, ticket type) for the JS-SDK `jsapi` and card `wx_card` tickets
//! (fetched with a cached access_token), replaced atomically
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
use std::future::Future;
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

/// Which ticket `GET /cgi-bin/ticket/getticket` hands out. Each type has its own cache file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketKind {
    /// `type=jsapi`: the jsapi_ticket that signs `wx.config`.
    Jsapi,
    /// `type=wx_card`: the card ticket (卡券).
    WxCard,
}

impl TicketKind {
    /// The `type` parameter of getticket.
    pub fn as_str(self) -> &'static str {
        match self {
            TicketKind::Jsapi => "jsapi",
            TicketKind::WxCard => "wx_card",
        }
    }
}

/// What a cache file holds: a token from an endpoint, or a ticket of a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Token(TokenEndpoint),
    Ticket(TicketKind),
}

impl Slot {
    /// The `endpoint` the file records.
    fn label(self) -> &'static str {
        match self {
            Slot::Token(endpoint) => endpoint.label(),
            Slot::Ticket(TicketKind::Jsapi) => "ticket_jsapi",
            Slot::Ticket(TicketKind::WxCard) => "ticket_wx_card",
        }
    }

    fn file_suffix(self) -> &'static str {
        match self {
            Slot::Token(TokenEndpoint::Token) => "",
            Slot::Token(TokenEndpoint::Stable) => "-stable",
            Slot::Ticket(TicketKind::Jsapi) => "-jsapi-ticket",
            Slot::Ticket(TicketKind::WxCard) => "-wx_card-ticket",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Slot::Token(_) => "token",
            Slot::Ticket(_) => "ticket",
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

/// A ticket ready for use.
#[derive(Debug, Clone)]
pub struct ObtainedTicket {
    pub ticket: String,
    /// Unix seconds.
    pub expires_at: i64,
    /// When it was fetched or read from the cache, in Unix seconds.
    pub obtained_at: i64,
    /// Whether it came from the cache rather than from WeChat.
    pub cached: bool,
    /// The cache file, when caching is on.
    pub cache_file: Option<PathBuf>,
    /// The ticket this one replaced, when the cache knew one (a page signed
    /// with it no longer passes `wx.config`).
    pub previous: Option<String>,
    /// Things that went wrong with the cache but did not stop the run.
    pub notes: Vec<String>,
}

impl ObtainedTicket {
    /// Seconds of life left when it was obtained.
    pub fn expires_in(&self) -> i64 {
        self.expires_at.saturating_sub(self.obtained_at).max(0)
    }
}

/// What a cache file holds: `access_token` for a token, `ticket` (and the
/// ticket it replaced, `previous_ticket`) for a ticket.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    appid: String,
    api_base: String,
    endpoint: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    access_token: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    ticket: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous_ticket: Option<String>,
    expires_at: i64,
    fetched_at: i64,
}

impl Entry {
    /// The cached value: the token or the ticket.
    fn value(&self, slot: Slot) -> &str {
        match slot {
            Slot::Token(_) => &self.access_token,
            Slot::Ticket(_) => &self.ticket,
        }
    }
}

/// A value fetched from WeChat, with its life.
struct Fetched {
    value: String,
    expires_in: i64,
    notes: Vec<String>,
}

/// A value from [`through_cache`].
struct Got {
    value: String,
    expires_at: i64,
    obtained_at: i64,
    cached: bool,
    cache_file: Option<PathBuf>,
    previous: Option<String>,
    notes: Vec<String>,
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
        self.slot_file(appid, api_base, Slot::Token(endpoint))
    }

    /// `DIR/APPID-HASH-jsapi-ticket.json` (or `-wx_card-ticket`), HASH naming the API base.
    pub fn ticket_file_for(&self, appid: &str, api_base: &str, kind: TicketKind) -> PathBuf {
        self.slot_file(appid, api_base, Slot::Ticket(kind))
    }

    fn slot_file(&self, appid: &str, api_base: &str, slot: Slot) -> PathBuf {
        let safe: String =
            appid.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
        let hash = hex::encode(Sha1::digest(api_base.trim_end_matches('/').as_bytes()));
        self.dir.join(format!("{safe}-{}{}.json", &hash[..12], slot.file_suffix()))
    }

    /// What the cache knows without calling anyone: the cached token of
    /// `endpoint`, then the current and the previous ticket of `kind`, each
    /// with a label, whether fresh or not (for diagnosing a signature made
    /// with one of them). Nothing when the files are missing or damaged.
    pub fn known_values(&self, appid: &str, api_base: &str, endpoint: TokenEndpoint, kind: TicketKind) -> Known {
        let read = |slot: Slot| -> Option<Entry> {
            let path = self.slot_file(appid, api_base, slot);
            let text = std::fs::read_to_string(path).ok()?;
            let entry: Entry = serde_json::from_str(&text).ok()?;
            (entry.appid == appid && entry.api_base == api_base && entry.endpoint == slot.label()).then_some(entry)
        };
        let token = read(Slot::Token(endpoint)).map(|e| e.access_token).filter(|t| !t.is_empty());
        let (ticket, previous_ticket) = match read(Slot::Ticket(kind)) {
            Some(entry) => (Some(entry.ticket).filter(|t| !t.is_empty()), entry.previous_ticket),
            None => (None, None),
        };
        Known { access_token: token, ticket, previous_ticket }
    }

    fn lookup(&self, path: &Path, appid: &str, api_base: &str, slot: Slot, now: i64) -> Lookup {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Lookup::Missing,
            Err(e) => return Lookup::Damaged(crate::client::io_reason(&e)),
        };
        let entry: Entry = match serde_json::from_str(&text) {
            Ok(entry) => entry,
            Err(e) => return Lookup::Damaged(format!("not a token cache file ({e})")),
        };
        if entry.appid != appid || entry.api_base != api_base || entry.endpoint != slot.label() {
            return Lookup::Damaged("it belongs to another AppID or API base".to_owned());
        }
        let what = slot.what();
        if entry.value(slot).is_empty() {
            return Lookup::Damaged(format!("it holds an empty {what}"));
        }
        let left = entry.expires_at.saturating_sub(now);
        if left > MAX_EXPIRES_IN {
            Lookup::Damaged(format!("it says the {what} lives {left} s more, longer than any {what} lives"))
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

/// What the cache knows, for diagnostics ([`TokenCache::known_values`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    pub access_token: Option<String>,
    pub ticket: Option<String>,
    pub previous_ticket: Option<String>,
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
    let fetch = || async {
        let token = fetch(api, creds, endpoint, refresh).await?;
        Ok(Fetched { value: token.access_token, expires_in: token.expires_in, notes: vec![] })
    };
    let got = through_cache(cache, &creds.appid, api.base(), Slot::Token(endpoint), refresh, fetch).await?;
    Ok(Obtained {
        access_token: got.value,
        expires_at: got.expires_at,
        obtained_at: got.obtained_at,
        cached: got.cached,
        cache_file: got.cache_file,
        notes: got.notes,
    })
}

/// A ticket of `kind` for `creds`, under the same rules as [`obtain`]: from
/// the cache when allowed and fresh, else fetched under the ticket's own
/// lock (so that processes started together make one getticket call between
/// them) and written back. The access_token for getticket comes from
/// [`obtain`] with `token_endpoint` and the same cache; when WeChat rejects
/// it (40001, 40014, 42001), one fresh token is fetched and the call made once more.
pub async fn obtain_ticket(
    api: &ApiClient,
    creds: &Credentials,
    token_endpoint: TokenEndpoint,
    kind: TicketKind,
    cache: Option<&TokenCache>,
    refresh: Refresh<'_>,
) -> Result<ObtainedTicket, TokenError> {
    let fetch = || async {
        let token = obtain(api, creds, token_endpoint, cache, Refresh::IfStale).await?;
        let mut notes = token.notes;
        let ticket = match api.get_ticket(&token.access_token, kind.as_str()).await {
            Err(e) if e.is_token_rejection() => {
                let fresh = obtain(api, creds, token_endpoint, cache, Refresh::Rejected(&token.access_token)).await?;
                notes.extend(fresh.notes);
                notes.push(format!("{e}; fetched a new access_token and asked again"));
                api.get_ticket(&fresh.access_token, kind.as_str()).await?
            }
            answer => answer?,
        };
        Ok(Fetched { value: ticket.ticket, expires_in: ticket.expires_in, notes })
    };
    let got = through_cache(cache, &creds.appid, api.base(), Slot::Ticket(kind), refresh, fetch).await?;
    Ok(ObtainedTicket {
        ticket: got.value,
        expires_at: got.expires_at,
        obtained_at: got.obtained_at,
        cached: got.cached,
        cache_file: got.cache_file,
        previous: got.previous,
        notes: got.notes,
    })
}

/// The cache rules both [`obtain`] and [`obtain_ticket`] follow: a fresh
/// entry is used (unless `refresh` says otherwise); else the lock is taken,
/// the file read again (another process may have refreshed meanwhile), and
/// only then `fetch` called and its value written back.
async fn through_cache<F, Fut>(
    cache: Option<&TokenCache>,
    appid: &str,
    api_base: &str,
    slot: Slot,
    refresh: Refresh<'_>,
    fetch: F,
) -> Result<Got, TokenError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Fetched, TokenError>>,
{
    let Some(cache) = cache else {
        let fetched = fetch().await?;
        let now = unix_now();
        return Ok(Got {
            value: fetched.value,
            expires_at: now.saturating_add(fetched.expires_in),
            obtained_at: now,
            cached: false,
            cache_file: None,
            previous: None,
            notes: fetched.notes,
        });
    };
    cache.check_dir()?;
    let path = cache.slot_file(appid, api_base, slot);
    let mut notes = Vec::new();
    let hit = |entry: Entry, now: i64, notes: Vec<String>| Got {
        value: entry.value(slot).to_owned(),
        expires_at: entry.expires_at,
        obtained_at: now,
        cached: true,
        cache_file: Some(path.clone()),
        previous: entry.previous_ticket,
        notes,
    };
    let usable = |lookup: &Lookup| match (lookup, refresh) {
        (Lookup::Fresh(_), Refresh::IfStale) => true,
        (Lookup::Fresh(entry), Refresh::Rejected(bad)) => entry.value(slot) != bad,
        _ => false,
    };
    let mut damage_told = false;
    let mut tell_damage = |lookup: &Lookup, notes: &mut Vec<String>| {
        if let (Lookup::Damaged(reason), false) = (lookup, damage_told) {
            notes.push(format!("ignoring the {} cache {}: {reason}; it will be replaced", slot.what(), path.display()));
            damage_told = true;
        }
    };
    if refresh == Refresh::IfStale {
        let now = unix_now();
        let lookup = cache.lookup(&path, appid, api_base, slot, now);
        tell_damage(&lookup, &mut notes);
        if let Lookup::Fresh(entry) = lookup {
            return Ok(hit(entry, now, notes));
        }
    }
    // Another process may have refreshed while this one waited for the lock.
    let guard = cache.lock(&path, &mut notes).await?;
    if refresh != Refresh::Force {
        let now = unix_now();
        let lookup = cache.lookup(&path, appid, api_base, slot, now);
        tell_damage(&lookup, &mut notes);
        if usable(&lookup) {
            if let Lookup::Fresh(entry) = lookup {
                return Ok(hit(entry, now, notes));
            }
        }
    }
    // The value being replaced, stale or not: a page signed with the old
    // ticket is a mistake `jssdk check` can name.
    let replaced =
        match (slot, std::fs::read_to_string(&path).ok().and_then(|t| serde_json::from_str::<Entry>(&t).ok())) {
            (Slot::Ticket(_), Some(old))
                if old.appid == appid && old.endpoint == slot.label() && !old.ticket.is_empty() =>
            {
                Some(old.ticket)
            }
            _ => None,
        };
    let fetched = fetch().await?;
    notes.extend(fetched.notes);
    let now = unix_now();
    let (access_token, ticket) = match slot {
        Slot::Token(_) => (fetched.value, String::new()),
        Slot::Ticket(_) => (String::new(), fetched.value),
    };
    let previous_ticket = replaced.filter(|old| *old != ticket);
    let entry = Entry {
        appid: appid.to_owned(),
        api_base: api_base.to_owned(),
        endpoint: slot.label().to_owned(),
        access_token,
        ticket,
        previous_ticket,
        expires_at: now.saturating_add(fetched.expires_in),
        fetched_at: now,
    };
    if let Err(e) = cache.write(&path, &entry) {
        notes.push(format!(
            "cannot write the {} cache {}: {}",
            slot.what(),
            path.display(),
            crate::client::io_reason(&e)
        ));
    }
    drop(guard);
    Ok(Got {
        value: entry.value(slot).to_owned(),
        expires_at: entry.expires_at,
        obtained_at: now,
        cached: false,
        cache_file: Some(path),
        previous: entry.previous_ticket,
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
            ticket: String::new(),
            previous_ticket: None,
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
    fn tickets_have_their_own_files_and_the_cache_tells_what_it_knows() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path());
        let token = cache.file_for("wx1", "http://b", TokenEndpoint::Token);
        let jsapi = cache.ticket_file_for("wx1", "http://b", TicketKind::Jsapi);
        let card = cache.ticket_file_for("wx1", "http://b", TicketKind::WxCard);
        assert!(token != jsapi && jsapi != card && jsapi.to_string_lossy().ends_with("-jsapi-ticket.json"));
        assert_ne!(jsapi.with_extension("lock"), token.with_extension("lock"), "each its own lock");
        let known = || cache.known_values("wx1", "http://b", TokenEndpoint::Token, TicketKind::Jsapi);
        assert_eq!(known(), Known::default());
        cache.write(&token, &entry("TOKEN", 10)).unwrap();
        let ticket = Entry {
            endpoint: "ticket_jsapi".into(),
            access_token: String::new(),
            ticket: "TICKET".into(),
            previous_ticket: Some("OLD".into()),
            ..entry("", 1000)
        };
        cache.write(&jsapi, &ticket).unwrap();
        let want = Known {
            access_token: Some("TOKEN".into()),
            ticket: Some("TICKET".into()),
            previous_ticket: Some("OLD".into()),
        };
        assert_eq!(known(), want, "stale values are known too");
        let slot = Slot::Ticket(TicketKind::Jsapi);
        assert!(matches!(cache.lookup(&jsapi, "wx1", "http://b", slot, 0), Lookup::Fresh(e) if e.ticket == "TICKET"));
        let text = std::fs::read_to_string(&jsapi).unwrap();
        assert!(text.contains("\"ticket\"") && !text.contains("access_token"), "{text}");
        // A token file is no ticket file: another endpoint label.
        assert!(matches!(cache.lookup(&token, "wx1", "http://b", slot, 0), Lookup::Damaged(_)));
        cache.write(&jsapi, &Entry { ticket: String::new(), ..ticket }).unwrap();
        assert!(
            matches!(cache.lookup(&jsapi, "wx1", "http://b", slot, 0), Lookup::Damaged(r) if r.contains("empty ticket"))
        );
    }

    #[test]
    fn round_trip_freshness_and_damage() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path().join("sub"));
        let path = cache.file_for("wx1", "http://b", TokenEndpoint::Token);
        let look = |now| cache.lookup(&path, "wx1", "http://b", Slot::Token(TokenEndpoint::Token), now);
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
        assert!(matches!(
            cache.lookup(&path, "wx2", "http://b", Slot::Token(TokenEndpoint::Token), 0),
            Lookup::Damaged(_)
        ));
        std::fs::write(&path, "{\"appid\":").unwrap();
        assert!(matches!(look(0), Lookup::Damaged(_)));
    }

    #[test]
    fn expiry_arithmetic_cannot_overflow_and_far_futures_are_damage() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path());
        let path = cache.file_for("wx1", "http://b", TokenEndpoint::Token);
        let look = |now| cache.lookup(&path, "wx1", "http://b", Slot::Token(TokenEndpoint::Token), now);
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
