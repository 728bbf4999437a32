//! `wxdev oauth …` and mock-api's web authorization, without a browser:
//! the vectors through the library and the binary, the link checks, the
//! /sns/ calls and their errcodes, and the authorize page's answers.

use super::api::{mock, run, wx, APPID, SECRET};
use crate::support::http::{request, Answer};
use crate::support::{vectors, wxdev, Served};
use serde_json::Value;
use wxdev::wechat::jssdk::{page_url, signature, string1, SignInput};
use wxdev::wechat::oauth::{authorize_url, encode_redirect_uri, Authorize, Scope, DEFAULT_OPEN_BASE};

const ZHANG: &str = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";
const LI: &str = "oLVPpjqs9BhvzwPj5A-vTYAX3GLc";

#[test]
fn authorize_and_jssdk_vectors_through_the_library() {
    for v in vectors()["oauth_authorize_url"].as_array().unwrap() {
        let i = &v["inputs"];
        let s = |k: &str| i[k].as_str().unwrap();
        assert_eq!(encode_redirect_uri(s("redirect_uri")), v["redirect_uri_encoded"].as_str().unwrap());
        let a = Authorize {
            appid: s("appid"),
            redirect_uri: s("redirect_uri"),
            scope: Scope::parse(s("scope")).unwrap(),
            state: s("state"),
            force_popup: i.get("forcePopup").is_some(),
        };
        assert_eq!(authorize_url(DEFAULT_OPEN_BASE, &a), v["expected_url"].as_str().unwrap(), "{}", v["id"]);
    }
    for v in vectors()["jssdk_signature"].as_array().unwrap() {
        let i = &v["inputs"];
        let s = |k: &str| i[k].as_str().unwrap();
        let (url, _) = page_url(s("url"));
        let input = SignInput { ticket: s("jsapi_ticket"), noncestr: s("noncestr"), timestamp: s("timestamp"), url };
        assert_eq!(string1(&input), v["string1"].as_str().unwrap(), "{}", v["id"]);
        assert_eq!(signature(&input), v["signature"].as_str().unwrap(), "{}", v["id"]);
    }
}

#[test]
fn authorize_vectors_through_the_binary() {
    for v in vectors()["oauth_authorize_url"].as_array().unwrap() {
        let i = &v["inputs"];
        let s = |k: &str| i[k].as_str().unwrap();
        let host = url::Url::parse(s("redirect_uri")).unwrap().host_str().unwrap().to_owned();
        let scope = s("scope").trim_start_matches("snsapi_");
        let mut w = wxdev()
            .args(["oauth", "url", "--appid", s("appid"), "--redirect-uri", s("redirect_uri"), "--scope", scope])
            .args(["--state", s("state"), "--oauth-domain", &host]);
        if i.get("forcePopup").is_some() {
            w = w.arg("--force-popup");
        }
        let r = w.run();
        r.assert_code(0);
        assert_eq!(r.stdout, format!("{}\n", v["expected_url"].as_str().unwrap()), "{}", v["id"]);
    }
}

#[test]
fn the_link_is_checked_before_it_is_printed() {
    let url = |args: &[&str]| wxdev().args(["oauth", "url", "--appid", "wx1"]).args(args).run();
    let good = "https://www.example.com/cb";
    url(&["--redirect-uri", good, "--state", "a-b"]).assert_usage_error("a-z, A-Z and 0-9");
    url(&["--redirect-uri", good, "--state", &"a".repeat(129)]).assert_usage_error("at most 128");
    url(&["--redirect-uri", "https://www.example.com/cb#x"]).assert_usage_error("#fragment");
    url(&["--redirect-uri", "ftp://www.example.com/cb"]).assert_usage_error("not http");
    url(&["--redirect-uri", "www.example.com/cb"]).assert_usage_error("not a URL");
    url(&["--redirect-uri", good, "--oauth-domain", "https://www.example.com"]).assert_usage_error("without http");
    wxdev().args(["oauth", "url", "--redirect-uri", good]).run().assert_usage_error("AppID");

    for (domain, redirect, needle) in [
        ("www.example.com", "https://pay.example.com/cb", "pay.example.com is not www.example.com"),
        ("example.com", "https://www.example.com/cb", "a subdomain does not count"),
        ("www.example.com", "https://www.example.com:8443/cb", "port 8443"),
    ] {
        let r = url(&["--redirect-uri", redirect, "--oauth-domain", domain]);
        r.assert_code(1).assert_clean_error("10003");
        assert!(r.stderr.contains(needle) && r.stdout.is_empty(), "{}", r.stderr);
    }
    // The setting from the environment and from wxdev.toml, and a list.
    let r = wxdev()
        .env("WXDEV_OAUTH_DOMAIN", "a.example.com,www.example.com")
        .args(["oauth", "url", "--appid", "wx1", "--redirect-uri", good, "--json"])
        .run();
    r.assert_code(0);
    let out = r.json();
    assert_eq!((out["scope"].as_str(), out["redirect_uri"].as_str()), (Some("snsapi_base"), Some(good)));
    let state = out["state"].as_str().unwrap();
    assert!(state.len() == 16 && state.bytes().all(|b| b.is_ascii_alphanumeric()), "a random state: {state}");
    assert!(out["url"].as_str().unwrap().ends_with(&format!("&state={state}#wechat_redirect")));
    let file = wxdev().file("wxdev.toml", "appid = \"wx1\"\noauth_domain = \"www.example.com\"\n");
    file.args(["oauth", "url", "--redirect-uri", "https://evil.example/cb"]).run().assert_code(1);
    // Without a setting: printed, with a warning that the rule was not checked.
    let r = url(&["--redirect-uri", "https://x.example/(a)"]);
    r.assert_code(0);
    assert!(r.stderr.contains("no oauth_domain set") && r.stderr.contains("'('"), "{}", r.stderr);
}

/// Follows the authorize page as a script does (`wxdev_user` skips the consent page).
fn authorize(api: &Served, redirect: &str, scope: &str, extra: &str) -> Answer {
    let url = format!(
        "{}/connect/oauth2/authorize?appid={APPID}&redirect_uri={}&response_type=code&scope={scope}&state=st1{extra}",
        api.url,
        encode_redirect_uri(redirect)
    );
    request("GET", &url, &[], b"")
}

fn code_of(answer: &Answer) -> String {
    assert_eq!(answer.status, 302, "{}", answer.text());
    let location = url::Url::parse(answer.header("Location").unwrap()).unwrap();
    let query: Vec<(String, String)> = location.query_pairs().into_owned().collect();
    assert!(query.iter().any(|(k, v)| k == "state" && v == "st1"), "{location}");
    query.into_iter().find(|(k, _)| k == "code").map(|(_, v)| v).expect("a code")
}

#[test]
fn exchange_userinfo_refresh_and_check_against_mock_api() {
    let api = mock(&[]);
    let code = code_of(&authorize(&api, "http://127.0.0.1:1/cb", "snsapi_userinfo", &format!("&wxdev_user={LI}")));
    let r = run(wx(&api.url).args(["oauth", "exchange", &code, "--userinfo"]));
    r.assert_code(0);
    assert!(r.stdout.contains(LI) && r.stdout.contains("snsapi_userinfo") && r.stdout.contains("李娜"), "{}", r.stdout);
    assert!(r.stdout.contains("female (2)") && r.stdout.contains("CN 上海 上海"), "{}", r.stdout);
    assert!(r.stderr.contains("--print-token"), "tokens not shown: {}", r.stderr);

    // The same code again: 40163, explained.
    let again = run(wx(&api.url).args(["oauth", "exchange", &code]));
    again.assert_code(1).assert_clean_error("40163");
    assert!(again.stderr.contains("page reload or a double redirect"), "{}", again.stderr);
    run(wx(&api.url).args(["oauth", "exchange", "not-a-code"])).assert_code(1).assert_clean_error("40029");
    let json = run(wx(&api.url).args(["oauth", "exchange", &code, "--json"]));
    assert_eq!((json.code, json.json()["errcode"].as_i64()), (1, Some(40163)));

    // A base-scope token, with --json: both tokens; userinfo gives 48001.
    let code = code_of(&authorize(&api, "http://localhost:9/cb", "snsapi_base", ""));
    let r = run(wx(&api.url).args(["oauth", "exchange", &code, "--json"]));
    r.assert_code(0);
    let token = r.json();
    assert_eq!((token["openid"].as_str(), token["scope"].as_str()), (Some(ZHANG), Some("snsapi_base")));
    assert_eq!(token["expires_in"], 7200);
    let (access, refresh) = (token["access_token"].as_str().unwrap(), token["refresh_token"].as_str().unwrap());
    let info = run(wx(&api.url).args(["oauth", "userinfo", "--access-token", access, "--openid", ZHANG]));
    info.assert_code(1).assert_clean_error("48001");
    assert!(info.stderr.contains("snsapi_userinfo"), "{}", info.stderr);
    let check = |token: &str, openid: &str| {
        run(wx(&api.url).args(["oauth", "check", "--access-token", token, "--openid", openid]))
    };
    check(access, ZHANG).assert_code(0);
    let wrong = check(access, LI);
    wrong.assert_code(1);
    assert!(wrong.stdout.contains("40003"), "{}", wrong.stdout);

    // Refresh: a new token for the same user; a bad refresh_token is 40030.
    let r = run(wx(&api.url).args(["oauth", "refresh", refresh, "--print-token"]));
    r.assert_code(0);
    assert!(r.stdout.contains(ZHANG) && r.stdout.contains(&format!("refresh_token  {refresh}")), "{}", r.stdout);
    run(wx(&api.url).args(["oauth", "refresh", "nope"])).assert_code(1).assert_clean_error("40030");

    // A userinfo token in English.
    let code = code_of(&authorize(&api, "http://127.0.0.1:1/cb", "snsapi_userinfo", &format!("&wxdev_user={ZHANG}")));
    let token = run(wx(&api.url).args(["oauth", "exchange", &code, "--json"])).json();
    let info = run(wx(&api.url)
        .args(["--json", "oauth", "userinfo", "--openid", ZHANG, "--lang", "en"])
        .env("WXDEV_WEB_ACCESS_TOKEN", token["access_token"].as_str().unwrap()));
    info.assert_code(0);
    let profile = info.json();
    assert_eq!(
        (profile["nickname"].as_str(), profile["province"].as_str(), profile["sex"].as_i64()),
        (Some("张伟"), Some("Guangdong"), Some(1))
    );

    // Every call is in /mock/calls, tokens masked, the secret never kept.
    let calls = request("GET", &format!("{}/mock/calls", api.url), &[], b"").json();
    let sns: Vec<&Value> =
        calls.as_array().unwrap().iter().filter(|c| c["path"].as_str().unwrap().starts_with("/sns/")).collect();
    assert_eq!(sns.len(), 13, "{sns:?}");
    let text = serde_json::to_string(&sns).unwrap();
    assert!(!text.contains(SECRET) && !text.contains(refresh) && !text.contains(access), "{text}");
}

#[test]
fn the_authorize_page_answers_as_wechat_does() {
    let api = mock(&["--oauth-domain", "www.example.com", "--user", "o_tester01:测试<b>员</b>"]);
    let page = |query: &str| {
        let answer = request("GET", &format!("{}/connect/oauth2/authorize?{query}", api.url), &[], b"");
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert!(answer.header("Content-Type").unwrap().starts_with("text/html"));
        assert!(answer.header("Content-Security-Policy").unwrap().contains("default-src 'none'"));
        answer.text()
    };
    let r = encode_redirect_uri("https://www.example.com/cb");
    for (query, code) in [
        (format!("redirect_uri={r}&response_type=code&scope=snsapi_base"), "10012"),
        (format!("appid={APPID}&response_type=code&scope=snsapi_base"), "10011"),
        (format!("appid={APPID}&redirect_uri={r}&response_type=code"), "10010"),
        (format!("appid={APPID}&redirect_uri={r}&response_type=code&scope=snsapi_login"), "10005"),
        (format!("appid={APPID}&redirect_uri=https%3A%2F%2Fpay.example.com%2F&response_type=code&scope=snsapi_base"), "10003"),
        (format!("appid={APPID}&redirect_uri=https%3A%2F%2Fwww.example.com%3A8443%2F&response_type=code&scope=snsapi_base"), "10003"),
    ] {
        let html = page(&query);
        assert!(html.contains(&format!("<div class=\"code\">{code}</div>")), "{query}: {html}");
    }
    assert!(page(&format!("appid={APPID}&redirect_uri={r}&response_type=token&scope=snsapi_base"))
        .contains("response_type"));
    assert!(page(&format!("appid=wxother&redirect_uri={r}&response_type=code&scope=snsapi_base"))
        .contains("appid 参数错误"));
    assert!(page(&format!("appid={APPID}&redirect_uri={r}&response_type=code&scope=snsapi_base&wxdev_user={ZHANG}"))
        .contains("wxdev_user"));
    // The configured domain passes; the consent page lists the one --user, escaped.
    let hostile = encode_redirect_uri("https://www.example.com/cb?x=\"><script>alert(1)</script>");
    let html = page(&format!("appid={APPID}&redirect_uri={hostile}&response_type=code&scope=snsapi_userinfo&state=s"));
    assert!(html.contains("测试&lt;b&gt;员&lt;/b&gt;") && html.contains("o_tester01"), "{html}");
    assert!(!html.contains("<script>") && !html.contains("张伟"), "{html}");
    // 允许 and 拒绝 through the form.
    let form = |action: &str, openid: &str| {
        let body = format!(
            "appid={APPID}&redirect_uri={r}&response_type=code&scope=snsapi_userinfo&state=s9&openid={openid}&action={action}"
        );
        let headers = [("Content-Type", "application/x-www-form-urlencoded")];
        request("POST", &format!("{}/connect/oauth2/authorize", api.url), &headers, body.as_bytes())
    };
    let allowed = form("allow", "o_tester01");
    assert_eq!(allowed.status, 302);
    let location = allowed.header("Location").unwrap();
    assert!(location.starts_with("https://www.example.com/cb?code=") && location.ends_with("&state=s9"), "{location}");
    let denied = form("deny", "o_tester01");
    assert_eq!((denied.status, denied.header("Location")), (302, Some("https://www.example.com/cb?state=s9")));
    assert!(form("allow", ZHANG).text().contains("请选择一位测试用户"));
    let code = location.split("code=").nth(1).unwrap().split('&').next().unwrap();
    let r = run(wx(&api.url).args(["oauth", "exchange", code, "--userinfo"]));
    r.assert_code(0);
    assert!(r.stdout.contains("测试<b>员</b>"), "{}", r.stdout);
}

#[test]
fn a_wrong_secret_is_40125_and_never_shown() {
    let api = mock(&[]);
    let code = code_of(&authorize(&api, "http://127.0.0.1:1/cb", "snsapi_base", ""));
    let wrong = "Wr0ng-secret-5e1f";
    let r = wxdev()
        .env("WXDEV_API_BASE", &api.url)
        .env("WXDEV_APPID", APPID)
        .env("WXDEV_SECRET", wrong)
        .args(["oauth", "exchange", &code])
        .run();
    r.assert_code(1).assert_clean_error("40125");
    assert!(!r.stderr.contains(wrong) && !r.stdout.contains(wrong), "{}", r.stderr);
    // The code was not spent by the refused call.
    run(wx(&api.url).args(["oauth", "exchange", &code])).assert_code(0);
}

#[test]
fn mock_api_refuses_bad_users_and_domains() {
    let start = |args: &[&str]| {
        wxdev().args(["mock-api", "--appid", APPID, "--secret", SECRET, "--port", "0"]).args(args).run()
    };
    start(&["--user", "nocolon"]).assert_usage_error("--user");
    start(&["--user", "o_tester01:a", "--user", "o_tester01:b"]).assert_usage_error("twice");
    start(&["--oauth-domain", "www.example.com:8080"]).assert_usage_error("ports are not allowed");
}
