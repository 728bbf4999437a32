//! Web authorization end to end in headless Chromium: a tiny web app on
//! loopback starts it with a link built by `wxdev oauth url --open-base`,
//! mock-api shows its consent page, the user clicks 允许 (or 拒绝), and the
//! app exchanges the code and renders the chosen user's nickname.

use super::api::{mock, APPID, SECRET};
use crate::support::browser::Browser;
use crate::support::http::request;
use crate::support::{wxdev, RawRequest, RawResponse, RawServer, Served};
use serde_json::Value;
use std::sync::{Arc, OnceLock};

fn html(body: &str) -> RawResponse {
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>demo</title></head><body>{body}</body></html>"
    );
    RawResponse::ok(page).header("Content-Type", "text/html; charset=utf-8")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The page that greets the WeChat user by name, as the tutorials build it.
fn demo_app(api: String, link: Arc<OnceLock<String>>) -> RawServer {
    RawServer::start(move |req: &RawRequest| match req.path() {
        "/" => {
            let link = link.get().cloned().unwrap_or_default();
            html(&format!("<h1>Demo</h1><a id=\"login\" href=\"{}\">微信登录</a>", escape(&link)))
        }
        "/callback" => {
            let state = req.param("state").unwrap_or_default();
            let Some(code) = req.param("code") else {
                return html(&format!("<p id=\"result\">拒绝授权 (state={})</p>", escape(&state)));
            };
            let exchange = format!(
                "{api}/sns/oauth2/access_token?appid={APPID}&secret={SECRET}&code={code}&grant_type=authorization_code"
            );
            let token = request("GET", &exchange, &[], b"").json();
            if let Some(errcode) = token["errcode"].as_i64() {
                return html(&format!("<p id=\"result\">errcode {errcode}</p>"));
            }
            let (access_token, openid) = (token["access_token"].as_str().unwrap(), token["openid"].as_str().unwrap());
            let info = format!("{api}/sns/userinfo?access_token={access_token}&openid={openid}&lang=zh_CN");
            let user = request("GET", &info, &[], b"").json();
            let nickname = user["nickname"].as_str().unwrap_or("?");
            html(&format!("<p id=\"result\">你好，{}</p><p>state={}</p>", escape(nickname), escape(&state)))
        }
        _ => RawResponse::new(404, "not found"),
    })
}

fn sns_calls(api: &Served) -> Vec<Value> {
    let calls = request("GET", &format!("{}/mock/calls", api.url), &[], b"").json();
    calls.as_array().unwrap().iter().filter(|c| c["path"].as_str().unwrap().starts_with("/sns/")).cloned().collect()
}

#[test]
fn allow_deny_reload_and_a_foreign_domain_in_a_real_browser() {
    let api = mock(&[]);
    let link = Arc::new(OnceLock::new());
    let app = demo_app(api.url.clone(), link.clone());
    let callback = app.url("/callback");
    let built = wxdev()
        .env("WXDEV_APPID", APPID)
        .args(["oauth", "url", "--open-base", &api.url, "--redirect-uri", &callback, "--scope", "userinfo"])
        .args(["--state", "demo42"])
        .run();
    built.assert_code(0);
    link.set(built.stdout.trim().to_owned()).unwrap();

    let browser = Browser::start(480, 900);
    browser.goto(&app.url("/"));
    browser.click("#login");
    browser.wait_for_text("以哪位测试用户的身份授权");
    assert!(browser.current_url().starts_with(&format!("{}/connect/oauth2/authorize?", api.url)));
    let page = browser.body_text();
    for nickname in ["张伟", "李娜", "小王同学"] {
        assert!(page.contains(nickname), "{page}");
    }
    browser.screenshot("oauth-consent");
    browser.click("input[value='oLVPpjqs9BhvzwPj5A-vTYAX3GLc']");
    browser.click_text("button", "允许");
    assert_eq!(browser.text_of("#result"), "你好，李娜");
    let landed = browser.current_url();
    assert!(landed.starts_with(&callback) && landed.contains("code=") && landed.contains("state=demo42"), "{landed}");
    let calls = sns_calls(&api);
    let paths: Vec<_> = calls.iter().map(|c| (c["path"].as_str().unwrap(), c["errcode"].as_i64())).collect();
    assert_eq!(paths, [("/sns/oauth2/access_token", Some(0)), ("/sns/userinfo", Some(0))]);
    assert_eq!(calls[0]["query"]["secret"], "…", "the secret is never kept");

    // A reload sends the same code again.
    browser.refresh();
    assert_eq!(browser.text_of("#result"), "errcode 40163");

    // 拒绝: back to the app with the state and no code.
    browser.goto(&app.url("/"));
    browser.click("#login");
    browser.click_text("button", "拒绝");
    assert_eq!(browser.text_of("#result"), "拒绝授权 (state=demo42)");
    assert!(!browser.current_url().contains("code="), "{}", browser.current_url());

    // A redirect_uri on a foreign domain: wxdev refuses to build it, the page shows WeChat's error.
    let foreign = wxdev()
        .env("WXDEV_APPID", APPID)
        .args(["oauth", "url", "--open-base", &api.url, "--redirect-uri", "https://evil.example/cb"])
        .run();
    foreign.assert_code(1);
    assert!(foreign.stderr.contains("10003") && foreign.stdout.is_empty(), "{}", foreign.stderr);
    let evil = format!(
        "{}/connect/oauth2/authorize?appid={APPID}&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code\
         &scope=snsapi_userinfo&state=x#wechat_redirect",
        api.url
    );
    browser.goto(&evil);
    let text = browser.wait_for_text("10003");
    assert!(text.contains("redirect_uri域名与后台配置不一致"), "{text}");
    assert!(!browser.current_url().contains("evil.example/cb?"), "no redirect");
}
