//! `wxdev api [METHOD] PATH`: the wire format checked on a recording fake,
//! outputs, refusals, the token retry, and round trips through mock-api.

use super::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A distinctive token, so that a leak is found by searching for it.
const TOKEN: &str = "TOK_api_9f3c1e";

/// A fake that issues TOK_api_9f3c1e1, …2, … and answers every other call with `answer(request, n)`.
fn api_server(answer: impl Fn(&RawRequest, usize) -> RawResponse + Send + Sync + 'static) -> RawServer {
    let (issued, calls) = (AtomicUsize::new(0), AtomicUsize::new(0));
    RawServer::start(move |req: &RawRequest| {
        if req.path().ends_with("/cgi-bin/token") {
            let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
            RawResponse::json(format!(r#"{{"access_token":"{TOKEN}{n}","expires_in":7200}}"#))
        } else {
            answer(req, calls.fetch_add(1, Ordering::SeqCst))
        }
    })
}

fn ok_answer(_: &RawRequest, _: usize) -> RawResponse {
    RawResponse::json(r#"{"errcode":0,"errmsg":"ok"}"#)
}

/// `wxdev api ARGS… --no-cache` against `server`; no token in any output.
fn api(server: &RawServer, args: &[&str]) -> Run {
    api_with(wx(&server.url("")), args)
}

fn api_with(wx: Wx, args: &[&str]) -> Run {
    let r = run(wx.arg("api").args(args).arg("--no-cache"));
    assert!(!r.stdout.contains(TOKEN) && !r.stderr.contains(TOKEN), "a token leaked:\n{}\n{}", r.stdout, r.stderr);
    r
}

/// The calls other than token fetches.
fn calls(server: &RawServer) -> Vec<RawRequest> {
    server.requests().into_iter().filter(|r| !r.path().ends_with("/cgi-bin/token")).collect()
}

#[test]
fn fields_make_the_exact_json_body_wechat_expects() {
    let server = api_server(ok_answer);
    let r = api(
        &server,
        &[
            "POST",
            "/cgi-bin/message/custom/send",
            "-f",
            "touser=OPENID",
            "-f",
            "msgtype=text",
            "-f",
            "text[content]=你好，世界 \"quoted\"",
            "-F",
            "n=42",
            "-f",
            "s=42",
            "-F",
            "flags[]=true",
            "-F",
            "flags[]=null",
            "-F",
            "a[b][c]=false",
            "-F",
            "articles[][title]=A",
            "-f",
            "articles[][url]=U",
            "-f",
            "articles[][title]=B",
        ],
    );
    r.assert_code(0);
    assert_eq!(r.stdout, "{\"errcode\":0,\"errmsg\":\"ok\"}\n", "compact JSON when piped");
    let sent = &calls(&server)[0];
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.target, format!("/cgi-bin/message/custom/send?access_token={TOKEN}1"));
    assert_eq!(sent.header("content-type"), Some("application/json; charset=utf-8"));
    let expected = r#"{"touser":"OPENID","msgtype":"text","text":{"content":"你好，世界 \"quoted\""},"n":42,"s":"42","flags":[true,null],"a":{"b":{"c":false}},"articles":[{"title":"A","url":"U"},{"title":"B"}]}"#;
    assert_eq!(sent.body, expected.as_bytes(), "raw UTF-8, no \\u escapes:\n{}", sent.body_text());
    assert!(sent.body.windows(3).any(|w| w == "你".as_bytes()));
}

#[test]
fn a_get_takes_its_query_from_the_path_and_q_fully_encoded() {
    let server = api_server(|_, _| {
        RawResponse::ok("{\n  \"subscribe\": 1,\n  \"remark\": \"\\u5907\\u6ce8\"\n}")
            .header("Content-Type", "application/json; encoding=utf-8")
    });
    let r = api(&server, &["cgi-bin/user/info?openid=o6_x", "-q", "lang=zh_CN", "-q", "ticket=gQH4+/a b=&c"]);
    r.assert_code(0);
    assert_eq!(r.stdout, "{\"subscribe\":1,\"remark\":\"备注\"}\n", "compact, Chinese unescaped");
    let sent = &calls(&server)[0];
    assert_eq!(sent.method, "GET");
    assert_eq!(
        sent.target,
        format!("/cgi-bin/user/info?access_token={TOKEN}1&openid=o6_x&lang=zh_CN&ticket=gQH4%2B%2Fa%20b%3D%26c")
    );
    assert_eq!(sent.param("ticket").as_deref(), Some("gQH4+/a b=&c"));
    assert!(sent.body.is_empty() && sent.header("content-type").is_none(), "no body on a GET");
}

#[test]
fn the_method_comes_from_the_positional_or_x() {
    let server = api_server(ok_answer);
    api(&server, &["delete", "/cgi-bin/x"]).assert_code(0);
    api(&server, &["-X", "PUT", "/cgi-bin/x", "-f", "a=1"]).assert_code(0);
    api(&server, &["/cgi-bin/x", "-F", "a=1"]).assert_code(0);
    let methods: Vec<String> = calls(&server).into_iter().map(|r| r.method).collect();
    assert_eq!(methods, ["DELETE", "PUT", "POST"]);
}

#[test]
fn input_is_sent_byte_for_byte_from_a_file_or_stdin() {
    let server = api_server(ok_answer);
    let text =
        "{ \"button\": [ {\"type\":\"click\",\"name\":\"今日歌曲\",\"key\":\"V1001\"} ],\n  \"x\": \"\\u4f60\" }\n";
    let r = api_with(
        wx(&server.url("")).file("menu.json", text),
        &["POST", "/cgi-bin/menu/create", "--input", "menu.json"],
    );
    r.assert_code(0);
    let r = api_with(wx(&server.url("")).stdin(text), &["/cgi-bin/menu/create", "--input", "-"]);
    r.assert_code(0);
    let sent = calls(&server);
    assert_eq!(sent.len(), 2);
    for req in &sent {
        assert_eq!(req.method, "POST");
        assert_eq!(req.body, text.as_bytes(), "as given, spacing and escapes kept");
        assert_eq!(req.header("content-type"), Some("application/json; charset=utf-8"));
    }
}

#[test]
fn invalid_input_and_conflicting_options_are_usage_errors_before_any_request() {
    let server = api_server(ok_answer);
    let r = api_with(wx(&server.url("")).stdin("{\"a\": 1,\n \"b\": }"), &["POST", "/x", "--input", "-"]);
    r.assert_usage_error("--input stdin is not valid JSON: expected value at line 2 column 7");
    let r = api_with(wx(&server.url("")).file("bad.json", "[1,2"), &["/x", "--input", "bad.json"]);
    r.assert_usage_error("--input bad.json is not valid JSON: EOF while parsing a list at line 1 column 4");
    api(&server, &["/x", "--input", "missing.json"]).assert_usage_error("cannot read missing.json");
    let r = api_with(wx(&server.url("")).stdin("{}"), &["/x", "-f", "a=1", "--input", "-"]);
    r.assert_code(2);
    assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
    api(&server, &["GET", "/x", "-f", "a=1"]).assert_usage_error("a GET request with a body");
    api(&server, &["POST", "/x", "-X", "PUT"]).assert_usage_error("two methods given: POST and -X PUT");
    api(&server, &["/x", "-f", "a=1", "-f", "a=2"]).assert_usage_error(r#"field "a=2": a is given twice"#);
    api(&server, &["/x", "-f", "novalue"]).assert_usage_error("expected KEY=VALUE");
    api(&server, &["/x", "-q", "access_token=mine"]).assert_usage_error("the access_token is added by wxdev");
    api(&server, &["/x?access_token=mine"]).assert_usage_error("the access_token is added by wxdev");
    api(&server, &["/x", "-q", "novalue"]).assert_usage_error(r#"-q "novalue": expected KEY=VALUE"#);
    api(&server, &["P0ST", "/x"]).assert_usage_error(r#""P0ST" is not an HTTP method"#);
    assert_eq!(server.hits(), 0, "nothing was sent");
}

#[test]
fn a_full_url_on_another_host_is_refused_and_on_the_base_accepted() {
    let server = api_server(ok_answer);
    for elsewhere in [
        "https://evil.example/cgi-bin/user/info".to_owned(),
        "http://127.0.0.2:1/cgi-bin/x".to_owned(),
        format!("http://127.0.0.1:{}/cgi-bin/x", server.port + 1),
        format!("https://127.0.0.1:{}/cgi-bin/x", server.port),
        format!("http://user@127.0.0.1:{}/cgi-bin/x", server.port),
    ] {
        let r = api(&server, &[&elsewhere]);
        r.assert_usage_error("is not on the API base");
        assert!(r.stderr.contains("the access_token is sent there only"), "{}", r.stderr);
    }
    assert_eq!(server.hits(), 0, "no token fetched, nothing sent");
    let r = api(&server, &[&server.url("/cgi-bin/get_api_domain_ip?x=1")]);
    r.assert_code(0);
    assert_eq!(calls(&server)[0].target, format!("/cgi-bin/get_api_domain_ip?access_token={TOKEN}1&x=1"));
}

#[test]
fn paths_stay_below_a_base_with_a_path() {
    let server = api_server(ok_answer);
    let base = server.url("/proxy");
    let r = api_with(wx(&base), &["/cgi-bin/x"]);
    r.assert_code(0);
    api_with(wx(&base), &["/../cgi-bin/x"]).assert_usage_error("is not on the API base");
    api_with(wx(&base), &[&server.url("/other/cgi-bin/x")]).assert_usage_error("is not on the API base");
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path().to_owned()).collect();
    assert_eq!(paths, ["/proxy/cgi-bin/token", "/proxy/cgi-bin/x"]);
}

#[test]
fn rejected_tokens_are_replaced_once_and_the_call_retried() {
    for code in [40001, 40014, 42001] {
        let server = api_server(move |req, n| match n {
            0 => RawResponse::json(format!(
                r#"{{"errcode":{code},"errmsg":"invalid credential, access_token is invalid or not latest: {}"}}"#,
                req.param("access_token").unwrap()
            )),
            _ => RawResponse::json(r#"{"errcode":0,"errmsg":"ok","msgid":200228332}"#),
        });
        let cache = tempfile::tempdir().unwrap();
        let r = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).args([
            "api",
            "/cgi-bin/message/template/send",
            "-f",
            "touser=O",
            "-f",
            "data[k1][value]=巧克力",
        ]));
        assert!(!r.stderr.contains(TOKEN), "the rejected token is hidden:\n{}", r.stderr);
        r.assert_code(0);
        assert_eq!(r.stdout, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}\n");
        assert!(r.stderr.contains(&format!("errcode {code}")) && r.stderr.contains("trying once more"), "{}", r.stderr);
        let reqs = server.requests();
        let seen: Vec<_> = reqs.iter().map(|r| (r.path().to_owned(), r.param("access_token"))).collect();
        let send = "/cgi-bin/message/template/send".to_owned();
        assert_eq!(
            seen,
            [
                ("/cgi-bin/token".to_owned(), None),
                (send.clone(), Some(format!("{TOKEN}1"))),
                ("/cgi-bin/token".to_owned(), None),
                (send, Some(format!("{TOKEN}2"))),
            ],
            "errcode {code}"
        );
        assert_eq!(reqs[1].body, reqs[3].body, "the same body again");
        assert_eq!(
            read_json(&cache_file(cache.path()))["access_token"],
            format!("{TOKEN}2"),
            "the fresh token is cached"
        );
    }
}

#[test]
fn a_second_rejection_is_an_error_and_a_given_token_without_credentials_is_not_replaced() {
    let server = api_server(|_, _| RawResponse::json(r#"{"errcode":42001,"errmsg":"access_token expired"}"#));
    api(&server, &["/cgi-bin/x"]).assert_code(1).assert_clean_error("errcode 42001");
    assert_eq!(server.hits(), 4);
    let r = run(wxdev().env("WXDEV_API_BASE", server.url("")).args([
        "api",
        "/cgi-bin/x",
        "--access-token",
        "GIVEN_tok_77",
        "--json",
    ]));
    r.assert_code(1);
    assert_eq!(r.json()["errcode"], 42001);
    assert_eq!(server.hits(), 5, "one call, no token fetch");
    assert_eq!(server.requests()[4].param("access_token").as_deref(), Some("GIVEN_tok_77"));
    assert!(!r.stdout.contains("GIVEN_tok_77") && !r.stderr.contains("GIVEN_tok_77"));
}

#[test]
fn an_errcode_exits_1_with_errmsg_and_explanation() {
    let server = api_server(|_, _| {
        RawResponse::json(r#"{"errcode":45009,"errmsg":"reach max api daily quota limit\u001b[2J"}"#)
    });
    let r = api(&server, &["/cgi-bin/x"]);
    r.assert_code(1).assert_clean_error("WeChat answered errcode 45009 (reach max api daily quota limit\\u{1b}[2J)");
    assert!(r.stderr.contains("the daily quota of this API is used up"), "{}", r.stderr);
    assert!(r.stderr.contains("hint: reuse tokens"), "{}", r.stderr);
    assert!(r.stdout.is_empty() && !r.stderr.contains('\u{1b}'));
    let r = api(&server, &["/cgi-bin/x", "--json"]);
    r.assert_code(1);
    let error = r.json();
    assert_eq!((error["ok"].clone(), error["errcode"].clone()), (false.into(), 45009.into()));
    assert_eq!(error["errmsg"], "reach max api daily quota limit\u{1b}[2J");
}

#[test]
fn http_errors_exit_1_and_text_answers_are_printed() {
    let server = api_server(|req, _| match req.path() {
        "/cgi-bin/down" => RawResponse::new(502, "<html>bad gateway</html>").header("Content-Type", "text/html"),
        _ => RawResponse::ok("plain\u{1b}]0;title\u{7}\nanswer\n"),
    });
    let r = api(&server, &["/cgi-bin/down"]);
    r.assert_code(1).assert_clean_error("/cgi-bin/down answered HTTP 502: \"<html>bad gateway</html>\"");
    let r = api(&server, &["/cgi-bin/text"]);
    r.assert_code(0);
    assert_eq!(r.stdout, "plain\u{1b}]0;title\u{7}\nanswer\n", "piped text as it is");
    let r = api(&server, &["/cgi-bin/text", "--json"]);
    r.assert_code(1).assert_clean_error(
        "the answer is text (text/plain; charset=utf-8, 23 bytes), not JSON: \"plain ]0;title  answer\"",
    );
    assert_eq!(r.json()["ok"], false);
}

#[test]
fn include_prints_status_and_headers_on_stderr_with_the_token_hidden() {
    let server = api_server(|req, _| {
        let echoed = format!("/next?access_token={}", req.param("access_token").unwrap());
        RawResponse::json(r#"{"errcode":0,"echo":"TOKEN"}"#.replace("TOKEN", &req.param("access_token").unwrap()))
            .header("X-Wx-Trace", "abc\u{202e}cba")
            .header("X-Echo", &echoed)
    });
    let r = api(&server, &["/cgi-bin/x", "--include"]);
    r.assert_code(0);
    assert_eq!(r.stdout, "{\"errcode\":0,\"echo\":\"***\"}\n", "the token hidden in the body too");
    let head: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(head[0], "HTTP/1.1 200 OK");
    assert!(head.contains(&"content-type: application/json"), "{head:?}");
    assert!(head.contains(&"x-wx-trace: abc\\u{202e}cba"), "{head:?}");
    assert!(head.contains(&"x-echo: /next?access_token=***"), "{head:?}");
    let r = api(&server, &["/cgi-bin/x"]);
    assert!(r.stderr.is_empty(), "no head without --include: {}", r.stderr);
}

#[test]
fn json_prints_the_body_as_one_object() {
    let server = api_server(|_, _| RawResponse::json("{\"a\": [1, 2],\n \"b\": {\"c\": \"中\"}}"));
    let r = api(&server, &["/cgi-bin/x", "--json"]);
    r.assert_code(0);
    assert_eq!(r.json(), serde_json::json!({"a":[1,2],"b":{"c":"中"}}));
    assert_eq!(r.stdout, "{\"a\":[1,2],\"b\":{\"c\":\"中\"}}\n");
}

#[test]
fn colour_is_asked_for_and_the_json_stays_the_same() {
    let server = api_server(|_, _| RawResponse::json(r#"{"k":"v","n":1}"#));
    let r = api(&server, &["/cgi-bin/x", "--color", "always"]);
    r.assert_code(0);
    assert!(r.stdout.contains("\u{1b}[1;34m\"k\"\u{1b}[0m"), "{:?}", r.stdout);
    let r = api(&server, &["/cgi-bin/x", "--color", "never"]);
    assert_eq!(r.stdout, "{\"k\":\"v\",\"n\":1}\n");
}

const PNG_BYTES: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe binary";

fn image_server() -> RawServer {
    api_server(|_, _| RawResponse::ok(PNG_BYTES).header("Content-Type", "image/png"))
}

#[test]
fn a_file_goes_to_stdout_when_piped_byte_for_byte() {
    let server = image_server();
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(crate::support::bin())
        .env_clear()
        .env("HOME", dir.path())
        .env("WXDEV_API_BASE", server.url(""))
        .env("WXDEV_APPID", APPID)
        .env("WXDEV_SECRET", SECRET)
        .args(["api", "POST", "/cgi-bin/material/get_material", "-f", "media_id=M1", "--no-cache"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, PNG_BYTES);
    assert_eq!(calls(&server)[0].body, br#"{"media_id":"M1"}"#);
}

#[test]
fn a_file_is_saved_atomically_with_o_and_never_overwritten_without_force() {
    let server = image_server();
    let wx = wx(&server.url(""));
    let dir = wx.dir.path().to_owned();
    let r = api_with(wx, &["/cgi-bin/showqrcode", "-q", "ticket=T", "-o", "qr.png"]);
    r.assert_code(0);
    assert_eq!(r.stdout, "qr.png\n");
    let saved_line = format!("saved {} bytes, image/png to qr.png", PNG_BYTES.len());
    assert!(r.stderr.contains(&saved_line), "{}", r.stderr);
    let saved = r.dir.path().join("qr.png");
    assert_eq!(std::fs::read(&saved).unwrap(), PNG_BYTES);
    drop(dir);

    let wx = crate::cases::api::wx(&server.url("")).file("qr.png", "old");
    let r = api_with(wx, &["/cgi-bin/showqrcode", "-o", "qr.png"]);
    r.assert_usage_error("qr.png already exists; not overwriting it");
    assert_eq!(std::fs::read(r.dir.path().join("qr.png")).unwrap(), b"old");
    let calls_before = calls(&server).len();
    assert_eq!(calls_before, 1, "refused before any request");

    let wx = crate::cases::api::wx(&server.url("")).file("qr.png", "old");
    let r = api_with(wx, &["/cgi-bin/showqrcode", "-o", "qr.png", "--force", "--json"]);
    r.assert_code(0);
    assert_eq!(
        r.json(),
        serde_json::json!({"path":"qr.png","bytes":PNG_BYTES.len(),"status":200,"content_type":"image/png"})
    );
    assert_eq!(std::fs::read(r.dir.path().join("qr.png")).unwrap(), PNG_BYTES);
    let leftovers: Vec<_> = std::fs::read_dir(r.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_file_cannot_be_json() {
    let server = image_server();
    let r = api(&server, &["/cgi-bin/showqrcode", "--json"]);
    r.assert_usage_error(&format!("the answer is a file (image/png, {} bytes), not JSON", PNG_BYTES.len()));
    assert_eq!(r.json()["ok"], false);
}

#[test]
fn an_answer_larger_than_the_limit_is_refused() {
    let server = api_server(|_, _| RawResponse::json(vec![b' '; 4 * 1024 * 1024 + 1]));
    let r = api(&server, &["/cgi-bin/x"]);
    r.assert_code(1).assert_clean_error("more than the 4 MB wxdev accepts for an API answer");
}

#[test]
fn the_token_is_shared_with_wxdev_token_through_the_cache() {
    let server = api_server(ok_answer);
    let cache = tempfile::tempdir().unwrap();
    run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).arg("token")).assert_code(0);
    run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).args(["api", "/cgi-bin/x"])).assert_code(0);
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path().to_owned()).collect();
    assert_eq!(paths, ["/cgi-bin/token", "/cgi-bin/x"], "one token fetch for both");
}

#[test]
fn against_mock_api_media_round_trips_and_errors_are_explained() {
    let mock = mock(&[]);
    let base = mock.url.trim_end_matches('/').to_owned();
    let gif = sample(GIF);
    let r = run(wx(&base).file("a.gif", &gif).args(["media", "upload", "a.gif", "--no-cache"]));
    r.assert_code(0);
    let id = line(&r);
    let r = run(wx(&base).args(["api", "GET", "/cgi-bin/media/get", "-q", &format!("media_id={id}")]).args([
        "-o",
        "got.gif",
        "--no-cache",
    ]));
    r.assert_code(0);
    assert_eq!(std::fs::read(r.dir.path().join("got.gif")).unwrap(), gif);
    let r = run(wx(&base).args(["api", "/cgi-bin/media/get", "-q", "media_id=nope", "--no-cache"]));
    r.assert_code(1).assert_clean_error("WeChat answered errcode 40007");
    let r = run(wx(&base).args(["api", "POST", "/cgi-bin/not/mocked", "-f", "a=b", "--no-cache"]));
    r.assert_code(1).assert_clean_error("/cgi-bin/not/mocked answered HTTP 404");
}
