//! The Redis keys, values and TTLs the common SDKs read their shared token
//! from (PROTOCOL.md §10). The service writes its token under each chosen
//! format besides its own, so an app built on that SDK uses the service's
//! token and never fetches one itself. Pure: the Redis store sends what this
//! computes.

use super::{Held, Kind};

/// Whose layout to write the token in, besides wxdev's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyFormat {
    /// `wxdev:<appid>:access_token` = `{"value","expires_at","fetched_at"}`, TTL = seconds left.
    Wxdev,
    /// wechatpy's `RedisStorage(prefix="wechatpy")`.
    Wechatpy,
    /// silenceper/wechat v2's redis cache (after v2.1.3: raw values).
    Silenceper,
    /// EasyWeChat 6 on symfony/cache's RedisAdapter with namespace `easywechat`.
    Easywechat,
    /// WxJava's `WxMpRedisConfigImpl` with the Spring Boot starter's prefix `wx`.
    Wxjava,
}

impl KeyFormat {
    pub const ALL: [KeyFormat; 5] =
        [KeyFormat::Wxdev, KeyFormat::Wechatpy, KeyFormat::Silenceper, KeyFormat::Easywechat, KeyFormat::Wxjava];

    pub fn name(self) -> &'static str {
        match self {
            KeyFormat::Wxdev => "wxdev",
            KeyFormat::Wechatpy => "wechatpy",
            KeyFormat::Silenceper => "silenceper",
            KeyFormat::Easywechat => "easywechat",
            KeyFormat::Wxjava => "wxjava",
        }
    }

    pub fn parse(name: &str) -> Option<KeyFormat> {
        KeyFormat::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Seconds before the token's expiry at which this SDK stops using it (its
    /// key lapses, or it judges the token too old): the service refreshes
    /// earlier than that, or the app would fetch a token of its own.
    pub fn lapse_secs(self, kind: Kind) -> i64 {
        match (self, kind) {
            (KeyFormat::Silenceper, Kind::StableToken) => 300,
            (KeyFormat::Silenceper, _) => 1500,
            (KeyFormat::Wxjava, Kind::Jsapi | Kind::WxCard) => 200,
            (KeyFormat::Wechatpy, _) => 60,
            _ => 0,
        }
    }
}

/// One `SET key value [EX ttl]`.
#[derive(Clone, PartialEq, Eq)]
pub struct KeyWrite {
    pub key: String,
    pub value: String,
    /// Seconds; `None`: no TTL (the SDK sets none either).
    pub ttl: Option<i64>,
}

impl std::fmt::Debug for KeyWrite {
    // The key may hold the AppSecret (EasyWeChat) and the value is a credential.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyWrite").field("ttl", &self.ttl).finish_non_exhaustive()
    }
}

/// wxdev's own key for an account's token or ticket.
pub fn wxdev_key(appid: &str, kind: Kind) -> String {
    format!("wxdev:{appid}:{}", kind.label())
}

/// The lock beside wxdev's key.
pub fn lock_key(appid: &str, kind: Kind) -> String {
    format!("{}:lock", wxdev_key(appid, kind))
}

/// The writes that put `held` where `format`'s SDK reads it, at `now`.
/// Empty when that SDK keeps no such thing in Redis (wechatpy's card ticket),
/// or when the SDK's own TTL for it has already run out.
pub fn writes(format: KeyFormat, appid: &str, secret: &str, kind: Kind, held: &Held, now: i64) -> Vec<KeyWrite> {
    let left = held.left(now);
    let value = held.value.as_str();
    let set = |key: String, value: String, ttl: Option<i64>| KeyWrite { key, value, ttl };
    let raw_with_margin = |key: String, margin: i64| {
        let ttl = left - margin;
        (ttl > 0).then(|| set(key, value.to_owned(), Some(ttl))).into_iter().collect::<Vec<_>>()
    };
    if left <= 0 {
        return Vec::new();
    }
    match format {
        KeyFormat::Wxdev => {
            let json = serde_json::to_string(held).unwrap_or_default();
            vec![set(wxdev_key(appid, kind), json, Some(left))]
        }
        KeyFormat::Wechatpy => {
            let name = match kind {
                Kind::AccessToken | Kind::StableToken => "access_token",
                Kind::Jsapi => "jsapi_ticket",
                Kind::WxCard => return Vec::new(),
            };
            let quoted = serde_json::Value::from(value).to_string();
            // The token with EX expires_in; the ticket and both expires_at keys without TTL.
            let ttl = (!kind.is_ticket()).then_some(left);
            vec![
                set(format!("wechatpy:{appid}_{name}"), quoted, ttl),
                set(format!("wechatpy:{appid}_{name}_expires_at"), held.expires_at.to_string(), None),
            ]
        }
        KeyFormat::Silenceper => {
            let prefix = "gowechat_officialaccount_";
            match kind {
                Kind::AccessToken => raw_with_margin(format!("{prefix}_access_token_{appid}"), 1500),
                Kind::StableToken => raw_with_margin(format!("{prefix}_stable_access_token_{appid}"), 300),
                Kind::Jsapi => raw_with_margin(format!("{prefix}_jsapi_ticket_{appid}"), 1500),
                Kind::WxCard => Vec::new(),
            }
        }
        KeyFormat::Easywechat => {
            let key = match kind {
                Kind::AccessToken => format!("easywechat:official_account.access_token.{appid}.{secret}.0"),
                Kind::StableToken => format!("easywechat:official_account.access_token.{appid}.{secret}.1"),
                Kind::Jsapi => format!("easywechat:official_account.jsapi_ticket.{appid}"),
                Kind::WxCard => return Vec::new(),
            };
            vec![set(key, php_serialized(value), Some(left))]
        }
        KeyFormat::Wxjava => match kind {
            Kind::AccessToken | Kind::StableToken => {
                vec![set(format!("wx:access_token:{appid}"), value.to_owned(), Some(left))]
            }
            Kind::Jsapi => raw_with_margin(format!("wx:ticket:key:{appid}:jsapi"), 200),
            Kind::WxCard => raw_with_margin(format!("wx:ticket:key:{appid}:wx_card"), 200),
        },
    }
}

/// PHP's `serialize()` of a string: `s:<bytes>:"<string>";`.
pub fn php_serialized(value: &str) -> String {
    format!("s:{}:\"{value}\";", value.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held() -> Held {
        Held { value: "TOK".into(), expires_at: 1000 + 7200, fetched_at: 1000 }
    }

    fn one(format: KeyFormat, kind: Kind) -> Vec<(String, String, Option<i64>)> {
        writes(format, "wx1", "S3", kind, &held(), 1000).into_iter().map(|w| (w.key, w.value, w.ttl)).collect()
    }

    #[test]
    fn each_sdk_gets_its_keys_values_and_ttls() {
        assert_eq!(
            one(KeyFormat::Wxdev, Kind::AccessToken),
            [(
                "wxdev:wx1:access_token".into(),
                r#"{"value":"TOK","expires_at":8200,"fetched_at":1000}"#.into(),
                Some(7200)
            )]
        );
        assert_eq!(
            one(KeyFormat::Wechatpy, Kind::AccessToken),
            [
                ("wechatpy:wx1_access_token".into(), "\"TOK\"".into(), Some(7200)),
                ("wechatpy:wx1_access_token_expires_at".into(), "8200".into(), None)
            ]
        );
        assert_eq!(
            one(KeyFormat::Wechatpy, Kind::Jsapi)[0],
            ("wechatpy:wx1_jsapi_ticket".into(), "\"TOK\"".into(), None)
        );
        assert_eq!(
            one(KeyFormat::Silenceper, Kind::AccessToken),
            [("gowechat_officialaccount__access_token_wx1".into(), "TOK".into(), Some(5700))]
        );
        assert_eq!(one(KeyFormat::Silenceper, Kind::StableToken)[0].2, Some(6900));
        assert_eq!(
            one(KeyFormat::Easywechat, Kind::AccessToken),
            [("easywechat:official_account.access_token.wx1.S3.0".into(), "s:3:\"TOK\";".into(), Some(7200))]
        );
        assert_eq!(
            one(KeyFormat::Easywechat, Kind::StableToken)[0].0,
            "easywechat:official_account.access_token.wx1.S3.1"
        );
        assert_eq!(
            one(KeyFormat::Wxjava, Kind::AccessToken),
            [("wx:access_token:wx1".into(), "TOK".into(), Some(7200))]
        );
        assert_eq!(
            one(KeyFormat::Wxjava, Kind::WxCard),
            [("wx:ticket:key:wx1:wx_card".into(), "TOK".into(), Some(7000))]
        );
        assert!(one(KeyFormat::Wechatpy, Kind::WxCard).is_empty());
    }

    #[test]
    fn lapsed_ttls_write_nothing_and_php_lengths_count_bytes() {
        let late = Held { value: "T".into(), expires_at: 1000, fetched_at: 0 };
        assert!(writes(KeyFormat::Silenceper, "wx1", "s", Kind::AccessToken, &late, 1000 - 1500).is_empty());
        assert_eq!(writes(KeyFormat::Silenceper, "wx1", "s", Kind::AccessToken, &late, 1000 - 1501)[0].ttl, Some(1));
        assert!(writes(KeyFormat::Wxdev, "wx1", "s", Kind::AccessToken, &late, 1000).is_empty());
        assert_eq!(php_serialized("令牌"), "s:6:\"令牌\";");
        assert_eq!(KeyFormat::parse("WxJava"), Some(KeyFormat::Wxjava));
        assert!(!format!("{:?}", writes(KeyFormat::Easywechat, "wx1", "S3CR", Kind::AccessToken, &held(), 1000))
            .contains("S3CR"));
    }
}
