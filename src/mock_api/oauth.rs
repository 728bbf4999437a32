//! Web authorization (网页授权) on the mock: the authorize page on the
//! mock's own host (`GET /connect/oauth2/authorize`, and the consent form
//! posted back to it), and the /sns/ APIs: code exchange, refresh, userinfo
//! and auth.
//!
//! The authorize page checks the link as WeChat does and shows WeChat's
//! error page text for the same mistakes (10003 for a redirect_uri off the
//! 网页授权域名, given with `--oauth-domain`; loopback hosts pass on any port).
//! `snsapi_base` redirects at once (as the first test user); `snsapi_userinfo`
//! shows a consent page listing the test users (`--user OPENID:昵称`).
//! `&wxdev_user=OPENID` skips the page (mock-only, for scripts and tests).
//!
//! Codes live 5 minutes, are single use (40163 the second time) and bound
//! to their AppID (40029 for another); web tokens live 7200 s, refresh tokens
//! 30 days. Each store keeps at most [`MAX_GRANTS`] entries, the oldest
//! forgotten first.

use super::answer::{clip, ok, shown_appid, shown_token, typical, Answer};
use super::body::{RequestBody, MAX_JSON_BODY};
use super::log::CallRecord;
use super::oauth_page::{self, ConsentForm};
use super::users::TestUser;
use super::{lock, random_id, typical_errmsg, MockApi};
use crate::http::server::{respond, Body, TEXT_PLAIN};
use crate::wechat::oauth::{
    callback_url, check_redirect_uri, check_state, domain_verdict, Scope, AUTHORIZATION_CODE, CODE_TTL_SECS,
    REFRESH_TOKEN, REFRESH_TTL_SECS, WEB_TOKEN_TTL_SECS,
};
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use hyper::http::request::Parts;
use hyper::{Method, Response, StatusCode};
use serde_json::json;
use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Most codes, web tokens and refresh tokens each kept: a script that
/// authorizes in a loop cannot grow the mock past this.
pub const MAX_GRANTS: usize = 10_000;

/// Length of a code (WeChat's have 32 characters).
const CODE_LEN: usize = 32;
/// Length of a web access_token or refresh_token.
const WEB_TOKEN_LEN: usize = 86;

const TEXT_HTML: &str = "text/html; charset=utf-8";
/// The pages load nothing from anywhere, run no script and may not be framed.
const PAGE_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/// Who authorized what, for which AppID.
#[derive(Debug, Clone)]
struct Grant {
    appid: String,
    openid: String,
    scope: Scope,
    expires_at: Instant,
    /// Codes only: exchanged already.
    used: bool,
}

/// A map that forgets its oldest entries beyond [`MAX_GRANTS`].
#[derive(Default)]
struct Bounded {
    map: HashMap<String, Grant>,
    order: VecDeque<String>,
}

impl Bounded {
    fn insert(&mut self, key: String, grant: Grant) {
        while self.map.len() >= MAX_GRANTS {
            match self.order.pop_front() {
                Some(old) => {
                    self.map.remove(&old);
                }
                None => break,
            }
        }
        self.order.push_back(key.clone());
        self.map.insert(key, grant);
    }
}

/// The mock's codes, web tokens and refresh tokens.
#[derive(Default)]
pub struct OauthGrants {
    codes: Bounded,
    tokens: Bounded,
    refresh: Bounded,
}

/// A refusal of a /sns/ call: WeChat's errcode and the log's detail.
type Refusal = (i64, String);

impl OauthGrants {
    fn issue_code(&mut self, appid: &str, openid: &str, scope: Scope, now: Instant) -> String {
        let code = random_id(CODE_LEN);
        let grant = Grant {
            appid: appid.to_owned(),
            openid: openid.to_owned(),
            scope,
            expires_at: now + Duration::from_secs(CODE_TTL_SECS),
            used: false,
        };
        self.codes.insert(code.clone(), grant);
        code
    }

    /// A code for a web token and refresh token: 40029 unknown, expired or
    /// another AppID's; 40163 used before.
    fn exchange(&mut self, appid: &str, code: &str, now: Instant) -> Result<(String, String, Grant), Refusal> {
        let Some(grant) = self.codes.map.get_mut(code) else {
            return Err((40029, format!("unknown code {}", shown_token(code))));
        };
        if grant.appid != appid {
            return Err((40029, format!("code {} was issued for another AppID", shown_token(code))));
        }
        if grant.expires_at <= now {
            return Err((40029, format!("code {} is older than 5 minutes", shown_token(code))));
        }
        if grant.used {
            return Err((40163, format!("code {} was used before", shown_token(code))));
        }
        grant.used = true;
        let grant = grant.clone();
        let refresh = random_id(WEB_TOKEN_LEN);
        let refresh_grant = Grant { expires_at: now + Duration::from_secs(REFRESH_TTL_SECS), ..grant.clone() };
        self.refresh.insert(refresh.clone(), refresh_grant);
        let token = self.issue_token(&grant, now);
        Ok((token, refresh, grant))
    }

    fn issue_token(&mut self, grant: &Grant, now: Instant) -> String {
        let token = random_id(WEB_TOKEN_LEN);
        self.tokens.insert(
            token.clone(),
            Grant { expires_at: now + Duration::from_secs(WEB_TOKEN_TTL_SECS), ..grant.clone() },
        );
        token
    }

    /// A new web token for a refresh token (which keeps its 30 days): 40030 unknown or another AppID's, 42002 expired.
    fn refresh(&mut self, appid: &str, refresh: &str, now: Instant) -> Result<(String, Grant), Refusal> {
        let grant = match self.refresh.map.get(refresh) {
            None => return Err((40030, format!("unknown refresh_token {}", shown_token(refresh)))),
            Some(g) if g.appid != appid => return Err((40030, "refresh_token of another AppID".to_owned())),
            Some(g) if g.expires_at <= now => return Err((42002, "refresh_token older than 30 days".to_owned())),
            Some(g) => g.clone(),
        };
        let token = self.issue_token(&grant, now);
        Ok((token, grant))
    }

    /// The grant of a web token for `openid`: 40001 unknown, 42001 expired, 40003 another user's.
    fn token(&self, token: &str, openid: &str, now: Instant) -> Result<Grant, Refusal> {
        let Some(grant) = self.tokens.map.get(token) else {
            let shown = if token.is_empty() {
                "no access_token".to_owned()
            } else {
                format!("unknown web token {}", shown_token(token))
            };
            return Err((if token.is_empty() { 41001 } else { 40001 }, shown));
        };
        if grant.expires_at <= now {
            return Err((42001, format!("web token {} expired", shown_token(token))));
        }
        if grant.openid != openid {
            return Err((40003, format!("openid {:?} is not the token's user", clip(openid))));
        }
        Ok(grant.clone())
    }
}

/// A checked authorize link.
struct Link {
    appid: String,
    redirect: url::Url,
    redirect_text: String,
    scope: Scope,
    state: String,
    force_popup: bool,
}

/// What the authorize page shows instead: WeChat's code and text, and the mock's detail.
struct PageError {
    code: Option<i64>,
    text: String,
    detail: String,
}

fn page_error(code: i64, detail: impl Into<String>) -> PageError {
    PageError { code: Some(code), text: typical_errmsg(code).to_owned(), detail: detail.into() }
}

impl MockApi {
    /// `GET /connect/oauth2/authorize` (the page) and `POST` (its consent form).
    pub(super) async fn authorize(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        match head.method {
            Method::GET => self.authorize_page(query),
            Method::POST => {
                let form = match read_form(head, body).await {
                    Ok(form) => form,
                    Err(detail) => {
                        return page_answer(
                            StatusCode::BAD_REQUEST,
                            &PageError { code: None, text: "请求参数错误".to_owned(), detail },
                        )
                    }
                };
                self.consent_answer(&form)
            }
            _ => (
                respond(StatusCode::METHOD_NOT_ALLOWED, TEXT_PLAIN, "GET or POST\n"),
                CallRecord::plain(StatusCode::METHOD_NOT_ALLOWED, "authorize wants GET"),
            ),
        }
    }

    fn authorize_page(&self, query: &HashMap<String, String>) -> Answer {
        let link = match self.check_link(query) {
            Ok(link) => link,
            Err(e) => return page_answer(StatusCode::OK, &e),
        };
        let chosen = match query.get("wxdev_user") {
            Some(openid) => match self.user(openid) {
                Some(user) => Some(user),
                None => {
                    let e = PageError {
                        code: None,
                        text: "wxdev_user 不是 mock-api 的测试用户".to_owned(),
                        detail: format!("unknown test user {:?} (--user)", clip(openid)),
                    };
                    return page_answer(StatusCode::OK, &e);
                }
            },
            None if link.scope == Scope::Base => self.config.users.first(),
            None => None,
        };
        match chosen {
            Some(user) => self.allow(&link, &user.openid.clone()),
            None => {
                let form = ConsentForm {
                    appid: &link.appid,
                    redirect_uri: &link.redirect_text,
                    scope: link.scope.as_str(),
                    state: &link.state,
                    force_popup: link.force_popup,
                };
                let html = oauth_page::consent(&form, &self.config.users);
                let detail = format!("consent page for {} → {}", shown_appid(&link.appid), clip(&link.redirect_text));
                (html_response(StatusCode::OK, html), CallRecord::plain(StatusCode::OK, detail))
            }
        }
    }

    /// The consent form: 允许 redirects with a code, 拒绝 with the state only.
    fn consent_answer(&self, form: &HashMap<String, String>) -> Answer {
        let link = match self.check_link(form) {
            Ok(link) => link,
            Err(e) => return page_answer(StatusCode::OK, &e),
        };
        match form.get("action").map(String::as_str) {
            Some("allow") => {
                let openid = form.get("openid").map(String::as_str).unwrap_or("");
                match self.user(openid) {
                    Some(user) => self.allow(&link, &user.openid.clone()),
                    None => page_answer(
                        StatusCode::OK,
                        &PageError {
                            code: None,
                            text: "请选择一位测试用户".to_owned(),
                            detail: format!("unknown test user {:?}", clip(openid)),
                        },
                    ),
                }
            }
            Some("deny") => {
                let location = callback_url(&link.redirect, None, &link.state);
                redirect(
                    &location,
                    format!("refused by the user: back to {} without a code", clip(&link.redirect_text)),
                )
            }
            _ => page_answer(
                StatusCode::OK,
                &PageError {
                    code: None,
                    text: "请求参数错误".to_owned(),
                    detail: "action is neither allow nor deny".to_owned(),
                },
            ),
        }
    }

    fn allow(&self, link: &Link, openid: &str) -> Answer {
        let code = lock(&self.oauth).issue_code(&link.appid, openid, link.scope, Instant::now());
        let location = callback_url(&link.redirect, Some(&code), &link.state);
        let detail = format!(
            "{} as {} for {}: code {}",
            link.scope.as_str(),
            clip(openid),
            shown_appid(&link.appid),
            shown_token(&code)
        );
        redirect(&location, detail)
    }

    fn user(&self, openid: &str) -> Option<&TestUser> {
        self.config.users.iter().find(|u| u.openid == openid)
    }

    /// The link's parameters checked in the order WeChat's error page reports them.
    fn check_link(&self, params: &HashMap<String, String>) -> Result<Link, PageError> {
        let get = |k: &str| params.get(k).map(String::as_str).unwrap_or("");
        let appid = get("appid");
        if appid.is_empty() {
            return Err(page_error(10012, "no appid"));
        }
        if !self.config.apps.iter().any(|(a, _)| a == appid) {
            let text = "appid 参数错误".to_owned();
            return Err(PageError {
                code: None,
                text,
                detail: format!("appid {:?} is not one of this mock's (--appid, --app)", clip(appid)),
            });
        }
        let redirect_text = get("redirect_uri");
        if redirect_text.is_empty() {
            return Err(page_error(10011, "no redirect_uri"));
        }
        let redirect = check_redirect_uri(redirect_text).map_err(|e| page_error(10003, e.to_string()))?;
        domain_verdict(&self.config.oauth_domains, &redirect, true).map_err(|reason| {
            let reason = if self.config.oauth_domains.is_empty() {
                format!(
                    "{} is not a loopback host, and no --oauth-domain was given to mock-api",
                    redirect.host_str().unwrap_or("")
                )
            } else {
                reason
            };
            page_error(10003, reason)
        })?;
        if get("response_type") != "code" {
            return Err(PageError {
                code: None,
                text: "response_type 参数错误".to_owned(),
                detail: "response_type is not code".to_owned(),
            });
        }
        let scope_text = get("scope");
        if scope_text.is_empty() {
            return Err(page_error(10010, "no scope"));
        }
        let Some(scope) = Scope::parse(scope_text) else {
            return Err(page_error(
                10005,
                format!("scope {:?} is neither snsapi_base nor snsapi_userinfo", clip(scope_text)),
            ));
        };
        let state = get("state");
        check_state(state).map_err(|e| PageError {
            code: None,
            text: "state 参数错误".to_owned(),
            detail: e.to_string(),
        })?;
        Ok(Link {
            appid: appid.to_owned(),
            redirect,
            redirect_text: redirect_text.to_owned(),
            scope,
            state: state.to_owned(),
            force_popup: get("forcePopup") == "true",
        })
    }

    /// `GET /sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code`.
    pub(super) fn sns_access_token(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "sns/oauth2/access_token wants GET");
        }
        let get = |k: &str| query.get(k).map(String::as_str).filter(|v| !v.is_empty());
        let appid = match self.sns_app(get("appid"), get("secret"), true) {
            Ok(appid) => appid,
            Err((code, who, detail)) => return typical(code, &who, detail),
        };
        let who = shown_appid(&appid);
        if get("grant_type") != Some(AUTHORIZATION_CODE) {
            return typical(40002, &who, "grant_type is not authorization_code");
        }
        let Some(code) = get("code") else { return typical(41008, &who, "no code") };
        match lock(&self.oauth).exchange(&appid, code, Instant::now()) {
            Err((errcode, detail)) => typical(errcode, &who, detail),
            Ok((token, refresh, grant)) => {
                let detail = format!(
                    "code {} → web token {} for {}",
                    shown_token(code),
                    shown_token(&token),
                    clip(&grant.openid)
                );
                ok(web_token_json(&token, &refresh, &grant), &who, detail)
            }
        }
    }

    /// `GET /sns/oauth2/refresh_token?appid&grant_type=refresh_token&refresh_token`.
    pub(super) fn sns_refresh_token(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "sns/oauth2/refresh_token wants GET");
        }
        let get = |k: &str| query.get(k).map(String::as_str).filter(|v| !v.is_empty());
        let appid = match self.sns_app(get("appid"), None, false) {
            Ok(appid) => appid,
            Err((code, who, detail)) => return typical(code, &who, detail),
        };
        let who = shown_appid(&appid);
        if get("grant_type") != Some(REFRESH_TOKEN) {
            return typical(40002, &who, "grant_type is not refresh_token");
        }
        let Some(refresh) = get("refresh_token") else { return typical(40030, &who, "no refresh_token") };
        match lock(&self.oauth).refresh(&appid, refresh, Instant::now()) {
            Err((errcode, detail)) => typical(errcode, &who, detail),
            Ok((token, grant)) => {
                let detail = format!("refreshed: web token {} for {}", shown_token(&token), clip(&grant.openid));
                ok(web_token_json(&token, refresh, &grant), &who, detail)
            }
        }
    }

    /// `GET /sns/userinfo?access_token&openid&lang`: 48001 for a snsapi_base token.
    pub(super) fn sns_userinfo(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "sns/userinfo wants GET");
        }
        let get = |k: &str| query.get(k).map(String::as_str).unwrap_or("");
        let grant = match lock(&self.oauth).token(get("access_token"), get("openid"), Instant::now()) {
            Ok(grant) => grant,
            Err((errcode, detail)) => return typical(errcode, "-", detail),
        };
        let who = shown_appid(&grant.appid);
        if grant.scope == Scope::Base {
            return typical(48001, &who, "a snsapi_base token cannot read the profile");
        }
        let lang = match get("lang") {
            "" | "zh_CN" => "zh_CN",
            "zh_TW" => "zh_TW",
            "en" => "en",
            other => return typical(40097, &who, format!("lang {:?}", clip(other))),
        };
        let Some(user) = self.user(&grant.openid) else {
            return typical(40003, &who, "the token's user is no longer a test user");
        };
        let (province, city, country) = match (user.place, lang) {
            (Some((_, _, p, c)), "en") => (p, c, "CN"),
            (Some((p, c, _, _)), _) => (p, c, "CN"),
            (None, _) => ("", "", ""),
        };
        let answer = json!({
            "openid": user.openid, "nickname": user.nickname, "sex": user.sex, "language": lang,
            "province": province, "city": city, "country": country, "headimgurl": "", "privilege": [],
        });
        ok(answer, &who, format!("profile of {} ({lang})", clip(&user.openid)))
    }

    /// `GET /sns/auth?access_token&openid`.
    pub(super) fn sns_auth(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "sns/auth wants GET");
        }
        let get = |k: &str| query.get(k).map(String::as_str).unwrap_or("");
        match lock(&self.oauth).token(get("access_token"), get("openid"), Instant::now()) {
            Ok(grant) => {
                ok(json!({"errcode": 0, "errmsg": "ok"}), &shown_appid(&grant.appid), "web token valid".to_owned())
            }
            Err((errcode, detail)) => typical(errcode, "-", detail),
        }
    }

    /// The AppID of a /sns/ call: 41002 missing, 40013 unknown; with `check_secret`, 41004 / 40125 for the secret.
    fn sns_app(
        &self,
        appid: Option<&str>,
        secret: Option<&str>,
        check_secret: bool,
    ) -> Result<String, (i64, String, String)> {
        let Some(appid) = appid else { return Err((41002, "-".to_owned(), "no appid".to_owned())) };
        let who = shown_appid(appid);
        let Some((_, expected)) = self.config.apps.iter().rev().find(|(a, _)| a == appid) else {
            return Err((40013, who, "unknown appid".to_owned()));
        };
        if check_secret {
            let Some(secret) = secret else { return Err((41004, who, "no secret".to_owned())) };
            if !bool::from(subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), secret.as_bytes())) {
                return Err((40125, who, "wrong secret".to_owned()));
            }
        }
        Ok(appid.to_owned())
    }
}

fn web_token_json(token: &str, refresh: &str, grant: &Grant) -> serde_json::Value {
    json!({
        "access_token": token, "expires_in": WEB_TOKEN_TTL_SECS, "refresh_token": refresh,
        "openid": grant.openid, "scope": grant.scope.as_str(),
    })
}

/// A `application/x-www-form-urlencoded` body of at most 64 KB.
async fn read_form(head: &Parts, body: &mut RequestBody) -> Result<HashMap<String, String>, String> {
    let content_type = head.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if !content_type.trim_start().starts_with("application/x-www-form-urlencoded") {
        return Err(format!("Content-Type {:?} is not a form", clip(content_type)));
    }
    let bytes = body.read(MAX_JSON_BODY).await.map_err(|_| "form body unreadable or over 64 KB".to_owned())?;
    Ok(url::form_urlencoded::parse(&bytes).into_owned().collect())
}

fn html_response(status: StatusCode, html: String) -> Response<Body> {
    let mut response = respond(status, TEXT_HTML, html);
    let headers = response.headers_mut();
    headers.insert("content-security-policy", HeaderValue::from_static(PAGE_POLICY));
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn page_answer(status: StatusCode, e: &PageError) -> Answer {
    let html = oauth_page::error(e.code, &e.text, &e.detail);
    let detail = match e.code {
        Some(code) => format!("error page {code}: {}", e.detail),
        None => format!("error page: {}", e.detail),
    };
    let record = CallRecord { errcode: e.code, ..CallRecord::plain(status, detail) };
    (html_response(status, html), record)
}

fn redirect(location: &str, detail: String) -> Answer {
    let mut response = respond(StatusCode::FOUND, TEXT_PLAIN, "");
    match HeaderValue::from_str(location) {
        Ok(value) => {
            response.headers_mut().insert(LOCATION, value);
            response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
            (response, CallRecord::plain(StatusCode::FOUND, detail))
        }
        Err(_) => page_answer(StatusCode::OK, &page_error(10003, "the callback URL is not a valid header value")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mock_api::users::default_users;

    #[test]
    fn codes_are_single_use_bound_to_the_appid_and_die_after_five_minutes() {
        let mut grants = OauthGrants::default();
        let t0 = Instant::now();
        let code = grants.issue_code("wx1", "o_user1", Scope::Userinfo, t0);
        assert_eq!(grants.exchange("wx2", &code, t0).unwrap_err().0, 40029, "another AppID");
        let (token, refresh, grant) = grants.exchange("wx1", &code, t0).unwrap();
        assert_eq!((grant.openid.as_str(), grant.scope), ("o_user1", Scope::Userinfo));
        assert_eq!(grants.exchange("wx1", &code, t0).unwrap_err().0, 40163, "used");
        assert_eq!(grants.exchange("wx1", "nope", t0).unwrap_err().0, 40029);
        let late = grants.issue_code("wx1", "o_user1", Scope::Base, t0);
        assert_eq!(grants.exchange("wx1", &late, t0 + Duration::from_secs(300)).unwrap_err().0, 40029, "expired");

        assert!(grants.token(&token, "o_user1", t0).is_ok());
        assert_eq!(grants.token(&token, "o_other", t0).unwrap_err().0, 40003);
        assert_eq!(grants.token(&token, "o_user1", t0 + Duration::from_secs(7200)).unwrap_err().0, 42001);
        assert_eq!(grants.token("", "o_user1", t0).unwrap_err().0, 41001);

        let (fresh, _) = grants.refresh("wx1", &refresh, t0 + Duration::from_secs(7300)).unwrap();
        assert!(grants.token(&fresh, "o_user1", t0 + Duration::from_secs(7300)).is_ok());
        assert_eq!(grants.refresh("wx2", &refresh, t0).unwrap_err().0, 40030);
        assert_eq!(grants.refresh("wx1", "nope", t0).unwrap_err().0, 40030);
        let month = Duration::from_secs(REFRESH_TTL_SECS);
        assert_eq!(grants.refresh("wx1", &refresh, t0 + month).unwrap_err().0, 42002);
    }

    #[test]
    fn stores_forget_their_oldest_beyond_the_bound() {
        let mut grants = OauthGrants::default();
        let t0 = Instant::now();
        let first = grants.issue_code("wx1", "o_user1", Scope::Base, t0);
        for _ in 0..MAX_GRANTS {
            grants.issue_code("wx1", "o_user1", Scope::Base, t0);
        }
        assert_eq!(grants.codes.map.len(), MAX_GRANTS);
        assert_eq!(grants.exchange("wx1", &first, t0).unwrap_err().0, 40029);
    }

    #[test]
    fn users_parse_and_defaults_are_plausible() {
        assert_eq!(TestUser::parse("o_abcdef:小红").unwrap(), TestUser::new("o_abcdef", "小红"));
        for bad in ["nocolon", "a:b", "o_abcdef:", "o abcdef:x", "o_abcdef:\u{1b}[2J"] {
            assert!(TestUser::parse(bad).is_err(), "{bad}");
        }
        let users = default_users();
        assert_eq!(users.len(), 3);
        assert!(users.iter().all(|u| super::super::messages::plausible_openid(&u.openid)));
    }
}
