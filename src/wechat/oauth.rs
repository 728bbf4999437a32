//! Web authorization (网页授权, PROTOCOL.md §6): the authorize link, the
//! checks WeChat makes on it (redirect_uri on the 网页授权域名, scope,
//! state), and the callback URL it sends the browser back to.
//!
//! The link, in this exact order (WeChat checks it with a strict pattern):
//! `https://open.weixin.qq.com/connect/oauth2/authorize?appid=APPID&redirect_uri=REDIRECT_URI&response_type=code&scope=SCOPE&state=STATE#wechat_redirect`,
//! `redirect_uri` percent-encoded with only `A-Za-z0-9_.-~` kept (as Python's
//! `quote(uri, safe='')` and the official samples). `forcePopup=true`, when
//! asked for, goes after `state` and before `#` (a fragment never reaches a server).

use thiserror::Error;

/// Where WeChat serves the authorize page.
pub const DEFAULT_OPEN_BASE: &str = "https://open.weixin.qq.com";
/// The authorize page's path.
pub const AUTHORIZE_PATH: &str = "/connect/oauth2/authorize";
/// `GET /sns/oauth2/access_token`: a code for a web access_token.
pub const SNS_ACCESS_TOKEN_PATH: &str = "/sns/oauth2/access_token";
/// `GET /sns/oauth2/refresh_token`.
pub const SNS_REFRESH_TOKEN_PATH: &str = "/sns/oauth2/refresh_token";
/// `GET /sns/userinfo`.
pub const SNS_USERINFO_PATH: &str = "/sns/userinfo";
/// `GET /sns/auth`: is this web access_token valid for this OpenID?
pub const SNS_AUTH_PATH: &str = "/sns/auth";
/// The grant_type of the code exchange.
pub const AUTHORIZATION_CODE: &str = "authorization_code";
/// The grant_type of a refresh.
pub const REFRESH_TOKEN: &str = "refresh_token";
/// The most bytes `state` may have.
pub const MAX_STATE_BYTES: usize = 128;
/// A code dies this many seconds after it was issued, unused.
pub const CODE_TTL_SECS: u64 = 300;
/// A web access_token lives this long.
pub const WEB_TOKEN_TTL_SECS: u64 = 7200;
/// A refresh_token lives 30 days.
pub const REFRESH_TTL_SECS: u64 = 30 * 24 * 3600;
/// The `lang` values `/sns/userinfo` takes.
pub const LANGS: &[&str] = &["zh_CN", "zh_TW", "en"];

/// What the user is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `snsapi_base`: silent, the OpenID only.
    Base,
    /// `snsapi_userinfo`: a consent page, then the profile.
    Userinfo,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Base => "snsapi_base",
            Scope::Userinfo => "snsapi_userinfo",
        }
    }

    pub fn parse(text: &str) -> Option<Scope> {
        match text {
            "snsapi_base" => Some(Scope::Base),
            "snsapi_userinfo" => Some(Scope::Userinfo),
            _ => None,
        }
    }
}

/// The parameters of an authorize link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorize<'a> {
    pub appid: &'a str,
    pub redirect_uri: &'a str,
    pub scope: Scope,
    pub state: &'a str,
    pub force_popup: bool,
}

/// Only `A-Za-z0-9_.-~` are left as they are.
const REDIRECT_URI_KEPT: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'_').remove(b'.').remove(b'-').remove(b'~');

/// `redirect_uri` as the link carries it: upper-case `%XX` for all but `A-Za-z0-9_.-~`.
pub fn encode_redirect_uri(uri: &str) -> String {
    percent_encoding::utf8_percent_encode(uri, REDIRECT_URI_KEPT).to_string()
}

/// The authorize link on `open_base` (WeChat's, or a mock's), parameters in WeChat's order.
pub fn authorize_url(open_base: &str, a: &Authorize<'_>) -> String {
    let popup = if a.force_popup { "&forcePopup=true" } else { "" };
    format!(
        "{}{AUTHORIZE_PATH}?appid={}&redirect_uri={}&response_type=code&scope={}&state={}{popup}#wechat_redirect",
        open_base.trim_end_matches('/'),
        encode_redirect_uri(a.appid),
        encode_redirect_uri(a.redirect_uri),
        a.scope.as_str(),
        encode_redirect_uri(a.state),
    )
}

/// What is wrong with an authorize link's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OauthError {
    #[error("state is {0} bytes; WeChat takes at most 128")]
    StateTooLong(usize),
    #[error("state {0:?} has characters other than a-z, A-Z and 0-9")]
    StateCharacters(String),
    #[error("redirect_uri is empty")]
    RedirectEmpty,
    #[error("redirect_uri {0:?} is not a URL ({1})")]
    RedirectNotUrl(String, String),
    #[error("redirect_uri {0:?} is not http:// or https://")]
    RedirectScheme(String),
    #[error("redirect_uri {0:?} has a #fragment, which the browser never sends back")]
    RedirectFragment(String),
    #[error("the 网页授权域名 {0:?} is not a domain: {1}")]
    BadDomainSetting(String, &'static str),
}

/// `state`: `a-zA-Z0-9`, at most 128 bytes (it may be empty: then it is sent as `state=`).
pub fn check_state(state: &str) -> Result<(), OauthError> {
    if state.len() > MAX_STATE_BYTES {
        return Err(OauthError::StateTooLong(state.len()));
    }
    if !state.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(OauthError::StateCharacters(state.to_owned()));
    }
    Ok(())
}

/// A redirect_uri WeChat can send a browser to: an http(s) URL with a host and no fragment.
pub fn check_redirect_uri(uri: &str) -> Result<url::Url, OauthError> {
    if uri.is_empty() {
        return Err(OauthError::RedirectEmpty);
    }
    let parsed = url::Url::parse(uri).map_err(|e| OauthError::RedirectNotUrl(uri.to_owned(), e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(OauthError::RedirectScheme(uri.to_owned()));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(OauthError::RedirectNotUrl(uri.to_owned(), "no host".to_owned()));
    }
    if parsed.fragment().is_some() {
        return Err(OauthError::RedirectFragment(uri.to_owned()));
    }
    Ok(parsed)
}

/// Characters in a redirect_uri that encoders disagree on (space, `~`,
/// `!'()*`): whether WeChat accepts each form is unconfirmed.
pub fn unsure_characters(uri: &str) -> Vec<char> {
    let mut found: Vec<char> = uri.chars().filter(|c| " ~!'()*".contains(*c)).collect();
    found.dedup();
    found
}

/// A 网页授权域名 as set in 公众号后台: a domain, optionally with a path, no scheme, no port.
pub fn check_domain_setting(domain: &str) -> Result<(), OauthError> {
    let bad = |why| Err(OauthError::BadDomainSetting(domain.to_owned(), why));
    if domain.is_empty() {
        return bad("it is empty");
    }
    if domain.contains("://") {
        return bad("write the domain alone, without http:// or https://");
    }
    let host = domain.split('/').next().unwrap_or("");
    if host.contains(':') {
        return bad("ports are not allowed (only 80 and 443 are served)");
    }
    if host.is_empty() || !host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-') {
        return bad("it is not a host name");
    }
    Ok(())
}

/// Whether WeChat would accept `uri` for an account whose 网页授权域名 are
/// `domains`: the host equal to one of them (no subdomain, no parent), no
/// port, and under the path when one is set. `loopback_any_port` lets any
/// loopback host through on any port (mock-api's default). `Err` says why not.
pub fn domain_verdict(domains: &[String], uri: &url::Url, loopback_any_port: bool) -> Result<(), String> {
    let host = uri.host_str().unwrap_or("").trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
    if loopback_any_port && is_loopback(&host) {
        return Ok(());
    }
    if domains.is_empty() {
        return Err(format!("no 网页授权域名 is set, so {host} is not one"));
    }
    let mut reasons = Vec::new();
    for domain in domains {
        let (domain_host, path) = match domain.split_once('/') {
            Some((h, p)) => (h.to_ascii_lowercase(), format!("/{}", p.trim_end_matches('/'))),
            None => (domain.to_ascii_lowercase(), String::new()),
        };
        if host != domain_host {
            let relation = if host.ends_with(&format!(".{domain_host}")) {
                " (a subdomain does not count)"
            } else if domain_host.ends_with(&format!(".{host}")) {
                " (a parent domain does not count)"
            } else {
                ""
            };
            reasons.push(format!("{host} is not {domain_host}{relation}"));
            continue;
        }
        if let Some(port) = uri.port() {
            reasons.push(format!("port {port}: a redirect_uri with a port never matches"));
            continue;
        }
        let uri_path = uri.path();
        if !path.is_empty() && uri_path != path && !uri_path.starts_with(&format!("{path}/")) {
            reasons.push(format!("{uri_path} is not under {path}"));
            continue;
        }
        return Ok(());
    }
    Err(reasons.join("; "))
}

/// localhost, *.localhost, 127.0.0.0/8 and ::1.
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") || host.to_ascii_lowercase().ends_with(".localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Where the browser goes back to: `redirect_uri` with `code` (when
/// allowed) and `state` added to its query.
pub fn callback_url(redirect_uri: &url::Url, code: Option<&str>, state: &str) -> String {
    let mut url = redirect_uri.clone();
    {
        let mut pairs = url.query_pairs_mut();
        if let Some(code) = code {
            pairs.append_pair("code", code);
        }
        pairs.append_pair("state", state);
    }
    url.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> url::Url {
        url::Url::parse(s).unwrap()
    }

    #[test]
    fn the_official_samples() {
        let a = Authorize {
            appid: "wx520c15f417810387",
            redirect_uri: "https://chong.qq.com/php/index.php?d=&c=wxAdapter&m=mobileDeal&showwxpaytitle=1&vb2ctag=4_2030_5_1194_60",
            scope: Scope::Base,
            state: "123",
            force_popup: false,
        };
        assert_eq!(
            authorize_url(DEFAULT_OPEN_BASE, &a),
            "https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx520c15f417810387&redirect_uri=https%3A%2F%2Fchong.qq.com%2Fphp%2Findex.php%3Fd%3D%26c%3DwxAdapter%26m%3DmobileDeal%26showwxpaytitle%3D1%26vb2ctag%3D4_2030_5_1194_60&response_type=code&scope=snsapi_base&state=123#wechat_redirect"
        );
        let b = Authorize {
            redirect_uri: "http://developers.weixin.qq.com",
            scope: Scope::Userinfo,
            force_popup: true,
            ..a
        };
        assert!(authorize_url("http://127.0.0.1:1/", &b).starts_with("http://127.0.0.1:1/connect/oauth2/authorize?"));
        assert!(authorize_url(DEFAULT_OPEN_BASE, &b).ends_with("&state=123&forcePopup=true#wechat_redirect"));
        assert_eq!(encode_redirect_uri("a b~!*é"), "a%20b~%21%2A%C3%A9");
        assert_eq!(Scope::parse("snsapi_userinfo"), Some(Scope::Userinfo));
        assert_eq!(Scope::parse("snsapi_login"), None);
    }

    #[test]
    fn state_and_redirect_uri_rules() {
        assert!(check_state("").is_ok() && check_state(&"a".repeat(128)).is_ok());
        assert_eq!(check_state(&"a".repeat(129)), Err(OauthError::StateTooLong(129)));
        assert!(matches!(check_state("a-b"), Err(OauthError::StateCharacters(_))));
        assert!(matches!(check_state("状态"), Err(OauthError::StateCharacters(_))));
        assert!(check_redirect_uri("https://a.example/cb?x=1").is_ok());
        assert_eq!(check_redirect_uri(""), Err(OauthError::RedirectEmpty));
        assert!(matches!(check_redirect_uri("ftp://a/"), Err(OauthError::RedirectScheme(_))));
        assert!(matches!(check_redirect_uri("https://a/#x"), Err(OauthError::RedirectFragment(_))));
        assert!(matches!(check_redirect_uri("a.example/cb"), Err(OauthError::RedirectNotUrl(..))));
        assert_eq!(unsure_characters("https://a/(x)~ ~"), vec!['(', ')', '~', ' ', '~']);
    }

    #[test]
    fn the_domain_rule() {
        let d = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let www = d(&["www.qq.com"]);
        assert_eq!(domain_verdict(&www, &url("http://www.qq.com/music.html"), false), Ok(()));
        assert_eq!(domain_verdict(&www, &url("https://WWW.QQ.COM/"), false), Ok(()));
        let no = |list: &[String], u: &str| domain_verdict(list, &url(u), false).unwrap_err();
        assert_eq!(no(&www, "http://pay.qq.com/"), "pay.qq.com is not www.qq.com");
        assert!(no(&www, "http://qq.com/").contains("a parent domain does not count"));
        assert!(no(&d(&["qq.com"]), "http://music.qq.com/").contains("a subdomain does not count"));
        assert!(no(&www, "http://www.qq.com:8080/").contains("port 8080"));
        assert_eq!(domain_verdict(&www, &url("http://www.qq.com:80/"), false), Ok(()), "the default port is no port");
        let path = d(&["wx.qq.com/mp"]);
        assert_eq!(domain_verdict(&path, &url("https://wx.qq.com/mp/cb"), false), Ok(()));
        assert!(no(&path, "https://wx.qq.com/mpx").contains("not under /mp"));
        assert!(no(&[], "http://127.0.0.1:9/").contains("no 网页授权域名"));
        assert_eq!(domain_verdict(&[], &url("http://127.0.0.1:9/"), true), Ok(()));
        assert_eq!(domain_verdict(&www, &url("http://[::1]:9/"), true), Ok(()));
        assert_eq!(domain_verdict(&www, &url("http://app.localhost:9/"), true), Ok(()));
        assert!(domain_verdict(&www, &url("http://evil.example/"), true).is_err());
        let two = d(&["a.example", "b.example"]);
        assert_eq!(domain_verdict(&two, &url("https://b.example/x"), false), Ok(()));
        assert!(check_domain_setting("www.qq.com").is_ok() && check_domain_setting("wx.qq.com/mp").is_ok());
        for bad in ["", "https://www.qq.com", "www.qq.com:8080", "a b"] {
            assert!(check_domain_setting(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn callbacks_add_code_and_state() {
        let base = url("https://a.example/cb?next=/x");
        assert_eq!(callback_url(&base, Some("C1"), "S"), "https://a.example/cb?next=/x&code=C1&state=S");
        assert_eq!(callback_url(&url("https://a.example/cb"), None, ""), "https://a.example/cb?state=");
    }
}
