//! The one errcode table: what WeChat's errcodes mean, what to do about them,
//! and the errmsg WeChat usually sends with each. The explanations the
//! commands print, the errmsgs `mock-api` answers with and `docs/errcodes.md`
//! are all read from [`ERRCODES`].

/// Where the AppID, AppSecret, IP whitelist and server settings live.
macro_rules! basic_config {
    () => {
        "公众号后台 (mp.weixin.qq.com) → 设置与开发 → 基本配置"
    };
}

/// WeChat's media limits, as the size errcodes' advice states them.
macro_rules! media_limits {
    () => {
        "images ≤ 10 MB PNG/JPEG/GIF, voice ≤ 2 MB and 60 s AMR/MP3, video ≤ 10 MB MP4, thumb ≤ 64 KB JPG"
    };
}

/// One errcode: WeChat's usual errmsg, what it means, what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Errcode {
    pub code: i64,
    /// The errmsg WeChat usually sends (without the `rid: …` suffix).
    pub errmsg: &'static str,
    pub meaning: &'static str,
    pub action: &'static str,
}

const fn row(code: i64, errmsg: &'static str, meaning: &'static str, action: &'static str) -> Errcode {
    Errcode { code, errmsg, meaning, action }
}

const TOO_LARGE: &str = "the file is too large (or empty) for its type";
const KEEP_TO_LIMITS: &str = concat!("keep to WeChat's limits: ", media_limits!());
const MENU_LIMITS: &str = "keep to WeChat's menu limits: 1–3 top-level buttons of ≤ 16 bytes of name, 1–5 \
                           sub-buttons of ≤ 60 bytes, key ≤ 128 bytes, url ≤ 1024 bytes (wxdev menu create checks \
                           all of them before sending)";
const MENU_TYPES: &str =
    "use one of WeChat's button types (click, view, scancode_push, scancode_waitmsg, pic_sysphoto, \
                          pic_photo_or_album, pic_weixin, location_select, media_id, article_id, miniprogram), or \
                          sub_button without a type";
const MENU_URL: &str = "write the url whole, scheme included: https://www.example.com/page";
const IP_BLOCKED_ACTION: &str = "call from a whitelisted IP, or add this one to the whitelist";

/// Every errcode wxdev explains, in ascending order.
pub const ERRCODES: &[Errcode] = &[
    row(-1, "system error", "WeChat's system is busy", "retry in a few seconds"),
    row(
        10003,
        "redirect_uri域名与后台配置不一致",
        "the authorize page refused the redirect_uri: its host is not the 网页授权域名 (full match: no subdomain, \
         no parent, no port), or it is not a well-formed, percent-encoded http(s) URL",
        "set 网页授权域名 in 公众号后台 → 设置与开发 → 账号设置 → 功能设置 to the redirect_uri's host exactly, and \
         build the link with wxdev oauth url (it checks the rule with --oauth-domain)",
    ),
    row(10004, "此公众号被封禁", "the account is banned", "see the notice in 公众号后台"),
    row(
        10005,
        "此公众号并没有这些scope的权限",
        "the account may not use this scope: web authorization is for certified 服务号, and snsapi_login is for \
         website apps only",
        "use snsapi_base or snsapi_userinfo from a certified 服务号 (or a test account)",
    ),
    row(10006, "必须关注此测试号", "a test account's web authorization needs the user to follow it", "follow the test account first"),
    row(10009, "操作太频繁了，请稍后重试", "too many authorizations in a short time", "wait and try again"),
    row(10010, "scope不能为空", "the authorize link has no scope", "add &scope=snsapi_base or snsapi_userinfo, in WeChat's order"),
    row(10011, "redirect_uri不能为空", "the authorize link has no redirect_uri", "add the percent-encoded redirect_uri"),
    row(10012, "appid不能为空", "the authorize link has no appid", "add appid= first in the link"),
    row(10013, "state不能为空", "the authorize link has no state", "add &state= with a-z, A-Z, 0-9 (at most 128 bytes)"),
    row(
        10015,
        "公众号未授权第三方平台，请检查授权状态",
        "the account has not authorised the third-party platform",
        "check the authorization in 公众号后台",
    ),
    row(
        10016,
        "不支持微信开放平台的Appid，请使用公众号Appid",
        "an open-platform AppID was used in an Official Account authorize link",
        "use the Official Account's AppID",
    ),
    row(
        40001,
        "invalid credential, access_token is invalid or not latest",
        "invalid credential: the AppSecret is wrong, or the access_token is not the latest \
         (fetching a new token retires the old one 5 minutes later)",
        "check the AppSecret; let one place fetch tokens and share them (wxdev token caches and locks), \
         or use --stable, whose tokens other callers do not retire",
    ),
    row(
        40002,
        "invalid grant_type",
        "invalid grant_type",
        "grant_type must be client_credential: wxdev sends it, so something between (a proxy at --api-base?) \
         changed the request",
    ),
    row(
        40003,
        "invalid openid",
        "the OpenID is malformed or not a follower of this account (OpenIDs differ per account)",
        "use the FromUserName of a message this account received",
    ),
    row(40004, "invalid media type", "invalid media type", "type must be image, voice, video or thumb"),
    row(
        40005,
        "invalid file type",
        "WeChat did not accept the file type",
        "the file name needs an extension matching its content (.jpg .png .gif .amr .mp3 .mp4)",
    ),
    row(40006, "invalid media size", TOO_LARGE, KEEP_TO_LIMITS),
    row(
        40007,
        "invalid media_id",
        "invalid media_id",
        "check the id: it must come from this account, and temporary media expire after 3 days",
    ),
    row(
        40008,
        "invalid message type",
        "msgtype is missing or not one this API sends",
        "use a msgtype the API documents (text, image, voice, video, music, news, mpnews, msgmenu for customer service)",
    ),
    row(40009, "invalid image size", TOO_LARGE, KEEP_TO_LIMITS),
    row(40010, "invalid voice size", TOO_LARGE, KEEP_TO_LIMITS),
    row(40011, "invalid video size", TOO_LARGE, KEEP_TO_LIMITS),
    row(40012, "invalid thumb size", TOO_LARGE, KEEP_TO_LIMITS),
    row(
        40013,
        "invalid appid",
        "invalid AppID",
        concat!("copy the AppID (wx…) from ", basic_config!(), "; test accounts have their own"),
    ),
    row(
        40014,
        "invalid access_token",
        "invalid access_token: not a token WeChat issued, or cut short",
        "fetch one with wxdev token and pass it whole (tokens can be 512 characters long)",
    ),
    row(40016, "invalid button size", "the menu has no top-level button, or more than 3", MENU_LIMITS),
    row(
        40017,
        "invalid button type",
        "a top-level button's type is unknown or missing, or it has both a type and sub_button",
        MENU_TYPES,
    ),
    row(40018, "invalid button name size", "a top-level button's name is missing or over 16 bytes", MENU_LIMITS),
    row(40019, "invalid button key size", "a top-level button's key is missing or over 128 bytes", MENU_LIMITS),
    row(40020, "invalid button url size", "a top-level button's url is missing or over 1024 bytes", MENU_LIMITS),
    row(40023, "invalid sub button size", "a button has no sub-button, or more than 5", MENU_LIMITS),
    row(
        40024,
        "invalid sub button type",
        "a sub-button's type is unknown or missing, or it has a sub_button of its own",
        MENU_TYPES,
    ),
    row(40025, "invalid sub button name size", "a sub-button's name is missing or over 60 bytes", MENU_LIMITS),
    row(40026, "invalid sub button key size", "a sub-button's key is missing or over 128 bytes", MENU_LIMITS),
    row(40027, "invalid sub button url size", "a sub-button's url is missing or over 1024 bytes", MENU_LIMITS),
    row(
        40029,
        "invalid code",
        "invalid code: unknown, older than 5 minutes, or issued for another AppID",
        "start web authorization again for a new code, and exchange it at once with the AppID it was issued for",
    ),
    row(
        40030,
        "invalid refresh_token",
        "invalid refresh_token: unknown, or issued for another AppID",
        "use the refresh_token of this AppID's latest exchange, or authorize the user again",
    ),
    row(
        40037,
        "invalid template_id",
        "the template_id is missing or not one of this account's templates",
        "copy the template ID from the account's template message settings",
    ),
    row(
        40052,
        "invalid action name",
        "qrcode/create: action_name is not one of the four",
        "use QR_SCENE, QR_STR_SCENE, QR_LIMIT_SCENE or QR_LIMIT_STR_SCENE",
    ),
    row(
        40053,
        "invalid action info, please check document",
        "qrcode/create: action_info.scene is missing or out of range",
        "scene_id: a non-zero 32-bit integer for temporary codes, 1–100000 for permanent ones; scene_str: 1–64 characters",
    ),
    row(
        40054,
        "invalid sub button url domain",
        "a sub-button's url is not an absolute http(s) URL with a domain (www.example.com without http:// is refused)",
        MENU_URL,
    ),
    row(
        40055,
        "invalid button url domain",
        "a top-level button's url is not an absolute http(s) URL with a domain",
        MENU_URL,
    ),
    row(40097, "invalid args", "an argument is missing or out of range", "check the request against the API's document"),
    row(40113, "unsupported file type", "unsupported file type", concat!("convert the file: ", media_limits!())),
    row(
        40125,
        "invalid appsecret",
        "invalid AppSecret",
        concat!("copy the AppSecret again from ", basic_config!(), "; after a reset every old copy is invalid"),
    ),
    row(
        40163,
        "code been used",
        "this code was already used — a page reload or a double redirect",
        "exchange each code once, then redirect to a URL without it (or keep the session), so that a reload \
         does not send it again; never retry a code",
    ),
    // Meaning and action name the IP from the errmsg: see `explain`.
    row(
        40164,
        "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist",
        "the calling IP is not on the account's IP whitelist",
        concat!("add the IP in the errmsg under ", basic_config!(), " → IP白名单, or call from a whitelisted server"),
    ),
    row(
        40243,
        "AppSecret is frozen",
        "the AppSecret is frozen",
        concat!("unfreeze or reset it in ", basic_config!(), ", then update every place that uses it"),
    ),
    row(
        41001,
        "access_token missing",
        "access_token missing",
        "pass --access-token, or --appid and --secret so wxdev fetches one",
    ),
    row(41002, "appid missing", "appid missing", "pass --appid or set WXDEV_APPID"),
    row(41004, "appsecret missing", "secret missing", "pass --secret or set WXDEV_SECRET"),
    row(
        41005,
        "media data missing",
        "media data missing",
        "send the file in multipart field \"media\" with a plain filename=\"name.ext\" \
         (a non-ASCII name sent as filename*= gets this error)",
    ),
    row(41006, "media_id missing", "media_id is missing", "pass the media_id of an uploaded media or material"),
    row(41008, "missing code", "the request has no code", "pass the code from the callback's query"),
    row(
        42001,
        "access_token expired",
        "the access_token has expired (they live 7200 s)",
        "fetch a new one: wxdev token --force-refresh (cached tokens are renewed 5 minutes before expiry)",
    ),
    row(
        42002,
        "refresh_token timeout",
        "the refresh_token has expired (they live 30 days)",
        "send the user through web authorization again",
    ),
    row(
        42003,
        "code timeout",
        "the code has expired (a code dies 5 minutes after it was issued)",
        "start web authorization again and exchange the new code at once",
    ),
    row(43001, "require GET method", "this API must be called with GET", "check the request method"),
    row(43002, "require POST method", "this API must be called with POST", "check the request method"),
    row(
        44001,
        "empty media data",
        "empty media data",
        "the file is empty, or the multipart Content-Type was set by hand without a boundary",
    ),
    row(44002, "empty post data", "the request had no body", "send the JSON body the API documents"),
    row(44003, "empty news data", "a news message without articles", "send one article"),
    row(44004, "empty content", "a text message without content", "send non-empty text"),
    row(45001, "media size out of limit", TOO_LARGE, KEEP_TO_LIMITS),
    row(
        45008,
        "article size out of limit",
        "too many articles: a customer-service news message takes one",
        "send one article per message",
    ),
    row(
        45009,
        "reach max api daily quota limit",
        "the daily quota of this API is used up (access_token: 2000 calls a day, 200 for test accounts; \
         media uploads: 100000 a day)",
        "reuse tokens instead of fetching one per call (wxdev token caches them); the quota resets at midnight \
         Beijing time, or reset it now with clear_quota (POST /cgi-bin/clear_quota), which is itself limited",
    ),
    row(
        45011,
        "api minute-quota reach limit  mustslower  retry next minute",
        "the per-minute quota of this API is used up",
        "slow down and retry after a minute",
    ),
    row(
        46003,
        "menu no exist",
        "the account has no menu made through the API",
        "create one with wxdev menu create FILE (a menu made in 公众号后台 is not what menu/get reads)",
    ),
    row(47001, "data format error", "WeChat could not parse the request body", "send the JSON body the API documents"),
    row(
        47003,
        "argument invalid!",
        "a field's value does not meet the API's rules (e.g. a template data keyword without a value)",
        "check each field against the API's document",
    ),
    row(
        48001,
        "api unauthorized",
        "the account is not authorised for this API; from /sns/userinfo: the web access_token came from a \
         snsapi_base authorization, which gives the OpenID only",
        "check the account type and its verification (认证) status in 公众号后台 → 接口权限; for /sns/userinfo, \
         authorize with scope snsapi_userinfo",
    ),
    row(
        65316,
        "too many outside domains in the menu",
        "the menu links to more than 3 outside domains (the errmsg is not documented; this one is wxdev's)",
        "link to at most 3 domains besides WeChat's own pages, e.g. through one landing page",
    ),
    row(65317, "invalid url", "a menu url is not valid (the errmsg is not documented; this one is wxdev's)", MENU_URL),
    row(
        89501,
        "this IP is waiting for the administrator's confirmation",
        "this IP is waiting for the account administrator's confirmation",
        "ask the administrator to confirm it in WeChat, or add it to the IP whitelist",
    ),
    row(
        89503,
        "calls from this IP need the administrator's confirmation",
        "calls from this IP need the account administrator's confirmation; a request was sent",
        "ask the administrator to confirm it in WeChat and retry, or add the IP to the whitelist",
    ),
    row(
        89506,
        "the administrator refused this IP twice in 24 hours",
        "the administrator refused calls from this IP twice within 24 hours; it is blocked for 24 hours",
        IP_BLOCKED_ACTION,
    ),
    row(
        89507,
        "the administrator refused this IP within the hour",
        "the administrator refused calls from this IP within the last hour; it is blocked for an hour",
        IP_BLOCKED_ACTION,
    ),
];

/// The table's row for an errcode.
pub fn lookup(code: i64) -> Option<&'static Errcode> {
    ERRCODES.binary_search_by_key(&code, |row| row.code).ok().map(|i| &ERRCODES[i])
}

/// The errmsg WeChat usually sends with an errcode.
pub fn typical_errmsg(code: i64) -> Option<&'static str> {
    lookup(code).map(|row| row.errmsg)
}

/// What an errcode means and what to do about it, for this particular answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub meaning: String,
    pub action: String,
}

/// The explanation of an errcode; `errmsg` supplies details some codes carry
/// (the IP of 40164).
pub fn explain(code: i64, errmsg: &str) -> Option<Explanation> {
    let row = lookup(code)?;
    if code == 40164 {
        if let Some(ip) = whitelist_ip(errmsg) {
            return Some(Explanation {
                meaning: format!("this machine's IP {ip} is not on the account's IP whitelist"),
                action: format!(
                    concat!("add {} under ", basic_config!(), " → IP白名单, or call from a whitelisted server"),
                    ip
                ),
            });
        }
    }
    Some(Explanation { meaning: row.meaning.to_owned(), action: row.action.to_owned() })
}

/// The IP in a 40164 errmsg: `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist`.
fn whitelist_ip(errmsg: &str) -> Option<String> {
    let after = errmsg.split("invalid ip ").nth(1);
    let candidates = after.into_iter().chain(std::iter::once(errmsg)).flat_map(|s| s.split_whitespace());
    candidates
        .map(|w| w.trim_matches(|c: char| c == ',' || c == ';' || c == ')' || c == '('))
        .find(|w| w.parse::<std::net::IpAddr>().is_ok())
        .map(str::to_owned)
}

/// The table as a Markdown document (`docs/errcodes.md`).
pub fn markdown() -> String {
    let mut out = String::from(
        "# WeChat errcodes wxdev explains\n\n\
         Generated from `src/wechat/errcode.rs`, the table behind wxdev's error hints and \
         `mock-api`'s errmsgs; `WXDEV_BLESS=1 cargo test errcode` rewrites it.\n\n\
         | errcode | usual errmsg | meaning | what to do |\n|---:|---|---|---|\n",
    );
    for row in ERRCODES {
        let cell = |text: &str| text.replace('|', "\\|");
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            row.code,
            cell(row.errmsg),
            cell(row.meaning),
            cell(row.action)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique_so_lookup_finds_every_row() {
        assert!(ERRCODES.windows(2).all(|w| w[0].code < w[1].code));
        for row in ERRCODES {
            assert_eq!(lookup(row.code), Some(row));
            assert!(!row.errmsg.is_empty() && !row.meaning.is_empty() && !row.action.is_empty());
        }
        assert_eq!(lookup(99999), None);
        assert_eq!(explain(99999, ""), None);
    }

    #[test]
    fn whitelist_ip_comes_from_errmsg() {
        let x = explain(40164, "invalid ip 203.0.113.9 ipv6 ::ffff:203.0.113.9, not in whitelist rid: 1-2-3").unwrap();
        assert_eq!(x.meaning, "this machine's IP 203.0.113.9 is not on the account's IP whitelist");
        assert_eq!(
            x.action,
            "add 203.0.113.9 under 公众号后台 (mp.weixin.qq.com) → 设置与开发 → 基本配置 → IP白名单, \
             or call from a whitelisted server"
        );
        let generic = explain(40164, "not in whitelist").unwrap();
        assert_eq!(generic.meaning, "the calling IP is not on the account's IP whitelist");
        assert!(generic.action.starts_with("add the IP in the errmsg under "));
    }

    #[test]
    fn size_codes_share_the_limits() {
        for code in [40006, 40009, 40010, 40011, 40012, 45001] {
            assert_eq!(explain(code, "").unwrap().action, KEEP_TO_LIMITS);
        }
    }
}
