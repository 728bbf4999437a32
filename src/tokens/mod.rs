//! The AccessToken 中控 (central token service) and the API proxy in front of
//! WeChat's API, on a shared token store.
//!
//! - [`formats`]: the Redis keys, values and TTLs that each common SDK reads
//!   (PROTOCOL.md §10), so that an app on that SDK uses the service's token.
//! - [`store`]: where tokens are shared: the file cache of one machine
//!   ([`crate::client::token_cache`]) or Redis ([`redis_store`]), and the one
//!   refresh procedure on top (compare-and-refresh under the store's lock).
//! - [`service`]: `wxdev token serve`: per account and kind a token in
//!   memory, active refresh before expiry, the HTTP routes.
//! - [`proxy`]: `wxdev proxy`: forwards `/cgi-bin/*` with the current token.

pub mod formats;
pub mod proxy;
pub mod redis_store;
pub mod service;
pub mod store;

use serde::{Deserialize, Serialize};

/// A token is handed out while it has more than this many seconds left.
pub const SERVE_MARGIN_SECS: i64 = crate::client::token_cache::RENEW_MARGIN_SECS;

/// What is kept per account: the access token or one of the JS-SDK tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    AccessToken,
    /// The access token of `POST /cgi-bin/stable_token`.
    StableToken,
    Jsapi,
    WxCard,
}

impl Kind {
    /// The name in keys, metrics and answers.
    pub fn label(self) -> &'static str {
        match self {
            Kind::AccessToken => "access_token",
            Kind::StableToken => "stable_access_token",
            Kind::Jsapi => "jsapi_ticket",
            Kind::WxCard => "wx_card_ticket",
        }
    }

    /// `type=` of `/cgi-bin/ticket/getticket`.
    pub fn ticket_type(self) -> Option<&'static str> {
        match self {
            Kind::Jsapi => Some("jsapi"),
            Kind::WxCard => Some("wx_card"),
            _ => None,
        }
    }

    pub fn is_ticket(self) -> bool {
        self.ticket_type().is_some()
    }
}

/// A token or ticket and its lifetime, as the store keeps it (the `wxdev` key format's value).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    #[serde(rename = "value")]
    pub value: String,
    /// Unix seconds.
    pub expires_at: i64,
    /// Unix seconds.
    pub fetched_at: i64,
}

impl std::fmt::Debug for Held {
    // The value is a credential: never in a debug print.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Held")
            .field("expires_at", &self.expires_at)
            .field("fetched_at", &self.fetched_at)
            .finish_non_exhaustive()
    }
}

impl Held {
    pub fn left(&self, now: i64) -> i64 {
        self.expires_at.saturating_sub(now)
    }

    /// Usable in place of `stale`: another value, with more than `margin` seconds left.
    pub fn replaces(&self, stale: Option<&str>, margin: i64, now: i64) -> bool {
        stale != Some(self.value.as_str()) && self.left(now) > margin
    }
}

/// Bearer-key check in constant time (the length may leak, the key may not).
pub fn bearer_ok(header: Option<&hyper::header::HeaderValue>, key: &str) -> bool {
    use subtle::ConstantTimeEq;
    let Some(given) = header.and_then(|h| h.as_bytes().strip_prefix(b"Bearer ")) else { return false };
    given.trim_ascii().ct_eq(key.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::HeaderValue;

    #[test]
    fn bearer_keys_are_compared_exactly() {
        let h = |v: &str| HeaderValue::from_str(v).unwrap();
        assert!(bearer_ok(Some(&h("Bearer k3y")), "k3y"));
        assert!(!bearer_ok(Some(&h("Bearer k3")), "k3y"));
        assert!(!bearer_ok(Some(&h("Bearer k3yy")), "k3y"));
        assert!(!bearer_ok(Some(&h("k3y")), "k3y"));
        assert!(!bearer_ok(None, "k3y"));
    }

    #[test]
    fn replacement_needs_another_value_with_time_left() {
        let held = Held { value: "T1".into(), expires_at: 1000, fetched_at: 0 };
        assert!(held.replaces(None, 300, 600));
        assert!(!held.replaces(None, 300, 700));
        assert!(!held.replaces(Some("T1"), 300, 0));
        assert!(held.replaces(Some("T0"), 300, 0));
        assert!(!format!("{held:?}").contains("T1"));
    }
}
