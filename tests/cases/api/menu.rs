//! `wxdev menu`: rules checked before any request, the wire format of
//! menu/create, token retries, and round trips through mock-api's menu routes.

use super::*;
use crate::support::{http, vectors};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every `menu_validation` vector: (id, menu JSON text, expected errcode).
fn menu_vectors() -> Vec<(String, String, i64)> {
    let v = vectors();
    v["menu_validation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| {
            (
                case["id"].as_str().unwrap().to_owned(),
                case["menu"].to_string(),
                case["expected_errcode"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// A fake that issues tokens T1, T2, … and answers menu calls with `menu(request, n)`.
fn menu_server(menu: impl Fn(&RawRequest, usize) -> RawResponse + Send + Sync + 'static) -> RawServer {
    let issued = AtomicUsize::new(0);
    let calls = AtomicUsize::new(0);
    RawServer::start(move |req: &RawRequest| {
        if req.path() == "/cgi-bin/token" {
            let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
            RawResponse::json(format!(r#"{{"access_token":"T{n}","expires_in":7200}}"#))
        } else {
            menu(req, calls.fetch_add(1, Ordering::SeqCst))
        }
    })
}

fn answer_ok(_: &RawRequest, _: usize) -> RawResponse {
    RawResponse::json(r#"{"errcode":0,"errmsg":"ok"}"#)
}

/// A port nothing listens on.
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[test]
fn every_vector_is_judged_offline_before_any_request() {
    let counting = menu_server(answer_ok);
    let closed = format!("http://127.0.0.1:{}", closed_port());
    for (id, menu, expected) in menu_vectors() {
        for base in [counting.url(""), closed.clone()] {
            let r =
                run(wx(&base).file("menu.json", &menu).args(["menu", "create", "menu.json", "--no-cache", "--json"]));
            if expected == 0 {
                if base == closed {
                    r.assert_code(1);
                    assert!(r.stderr.contains("cannot reach"), "{id}: {}", r.stderr);
                } else {
                    r.assert_code(0);
                    assert_eq!(r.json(), serde_json::json!({"errcode": 0, "errmsg": "ok"}), "{id}");
                }
                continue;
            }
            r.assert_code(2);
            let json = r.json();
            assert_eq!(json["errcode"], expected, "{id}: {json}");
            let violations = json["violations"].as_array().unwrap();
            assert_eq!(violations.len(), 1, "{id}: {json}");
            assert_eq!(violations[0]["errcode"], expected, "{id}");
            let line = format!("→ errcode {expected} {}", violations[0]["errmsg"].as_str().unwrap());
            assert!(r.stderr.lines().any(|l| l.contains(&line)), "{id}: {line} in\n{}", r.stderr);
        }
    }
    let valid = menu_vectors().iter().filter(|(_, _, e)| *e == 0).count();
    assert_eq!(counting.hits(), 2 * valid, "only valid menus made requests (a token and a create each)");
}

#[test]
fn violations_are_listed_with_path_rule_figure_and_errcode() {
    let server = menu_server(answer_ok);
    let menu = r#"{"button":[{"type":"click","name":"ABCDEFGHIJKLMNOPQ","key":"K"},{"type":"clik","name":"b","key":"k"},
        {"name":"菜单","sub_button":[{"type":"view","name":"搜索","url":"www.soso.com"}]},{"type":"click","name":"d"}]}"#;
    let r = run(wx(&server.url("")).stdin(menu).args(["menu", "create", "-"]));
    r.assert_code(2);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "✗ button: a menu has 1–3 top-level buttons (4 given) → errcode 40016 invalid button size",
            "✗ button[0].name: a top-level name is at most 16 bytes (17 bytes) → errcode 40018 invalid button name size",
            "✗ button[1].type: type is one of click, view, scancode_push, scancode_waitmsg, pic_sysphoto, \
             pic_photo_or_album, pic_weixin, location_select, media_id, view_limited, article_id, \
             article_view_limited, miniprogram (\"clik\" given) → errcode 40017 invalid button type",
            "✗ button[2].sub_button[0].url: a url is an absolute http:// or https:// URL with a domain \
             (\"www.soso.com\" given) → errcode 40054 invalid sub button url domain",
            "✗ button[3].key: a click button has a key (none given) → errcode 40019 invalid button key size",
        ]
    );
    assert!(r.stderr.contains("error: the menu breaks 5 rules WeChat checks; nothing was sent"), "{}", r.stderr);
    assert_eq!(server.hits(), 0);
    let r = run(wx(&server.url("")).stdin("{\"buttons\":[]}").args(["menu", "create", "-"]));
    r.assert_usage_error("stdin is not a menu");
    let r = run(wx(&server.url("")).args(["menu", "create", "missing.json"]));
    r.assert_usage_error("cannot read missing.json");
    assert_eq!(server.hits(), 0);
}

#[test]
fn a_chinese_menu_goes_out_as_raw_utf8_json() {
    let server = menu_server(answer_ok);
    let (_, menu, _) = menu_vectors().into_iter().find(|(id, _, _)| id == "valid_official_sample").unwrap();
    let r = run(wx(&server.url("")).file("m.json", &menu).args(["menu", "create", "m.json", "--no-cache"]));
    r.assert_code(0);
    assert!(r.stdout.starts_with("created the menu: 3 top-level button(s), 3 sub-button(s)"), "{}", r.stdout);
    let reqs = server.requests();
    let create = &reqs[1];
    assert_eq!((create.method.as_str(), create.path()), ("POST", "/cgi-bin/menu/create"));
    assert_eq!(create.query(), [("access_token".to_owned(), "T1".to_owned())]);
    assert_eq!(create.header("content-type"), Some("application/json; charset=utf-8"));
    let needle = "今日歌曲".as_bytes();
    assert!(create.body.windows(needle.len()).any(|w| w == needle), "{}", create.body_text());
    assert!(!create.body_text().contains("\\u"), "no \\u escapes: {}", create.body_text());
    let sent: Value = serde_json::from_slice(&create.body).unwrap();
    let expected: Value = serde_json::from_str(&menu).unwrap();
    assert_eq!(sent, expected, "the menu as written");
}

#[test]
fn a_rejected_token_is_replaced_once() {
    let server = menu_server(|req, n| {
        if n == 0 {
            assert_eq!(req.param("access_token").as_deref(), Some("T1"));
            RawResponse::json(
                r#"{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}"#,
            )
        } else {
            assert_eq!(req.param("access_token").as_deref(), Some("T2"));
            RawResponse::json(r#"{"menu":{"button":[{"type":"click","name":"今日歌曲","key":"K","sub_button":[]}]}}"#)
        }
    });
    let r = run(wx(&server.url("")).args(["menu", "get", "--no-cache"]));
    r.assert_code(0);
    assert!(r.stdout.starts_with("今日歌曲  click  K"), "{}", r.stdout);
    assert!(r.stderr.contains("getting a new access_token and trying once more"), "{}", r.stderr);
    let paths: Vec<String> = server.requests().iter().map(|r| r.path().to_owned()).collect();
    assert_eq!(paths, ["/cgi-bin/token", "/cgi-bin/menu/get", "/cgi-bin/token", "/cgi-bin/menu/get"]);
    // A given token is used as it is; a second 40001 is the answer.
    let always = menu_server(|_, _| RawResponse::json(r#"{"errcode":40001,"errmsg":"invalid credential"}"#));
    let r = run(wx(&always.url("")).args(["menu", "delete", "--no-cache", "--access-token", "GIVEN", "--json"]));
    r.assert_code(1);
    assert_eq!(r.json()["errcode"], 40001);
    assert_eq!(always.requests()[0].param("access_token").as_deref(), Some("GIVEN"));
    assert_eq!(always.hits(), 3, "given token, a fresh one, the retry");
}

#[test]
fn remote_names_are_shown_escaped() {
    let server = menu_server(|_, _| {
        RawResponse::json(
            r#"{"menu":{"button":[{"name":"a\u001b[31mred","sub_button":[{"type":"view","name":"x\ny","url":"http://a.com/\u202e","sub_button":[]}]}]}}"#,
        )
    });
    let r = run(wx(&server.url("")).args(["menu", "get", "--no-cache", "--access-token", "T"]));
    r.assert_code(0);
    assert_eq!(r.stdout, "a\\u{1b}[31mred\n└─ x\\ny  view  http://a.com/\\u{202e}\n");
}

/// The test account's token from a mock.
fn mock_token(api: &Served) -> String {
    let r = run(wx(&api.url).args(["token", "--no-cache"]));
    r.assert_code(0);
    r.stdout.trim().to_owned()
}

#[test]
fn mock_api_answers_every_vector_with_its_errcode() {
    let api = mock(&[]);
    let token = mock_token(&api);
    let url = format!("{}/cgi-bin/menu/create?access_token={token}", api.url);
    for (id, menu, expected) in menu_vectors() {
        let answer = http::post(&url, &menu).json();
        assert_eq!(answer["errcode"], expected, "{id}: {answer}");
    }
    let no_token = http::post(&format!("{}/cgi-bin/menu/create", api.url), "{}").json();
    assert_eq!(no_token["errcode"], 41001);
    assert_eq!(http::post(&url, "not json").json()["errcode"], 47001);
    assert_eq!(http::get(&url).json()["errcode"], 43002);
}

#[test]
fn mock_api_round_trip_keeps_chinese_and_delete_leaves_46003() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let api = mock(&["--data-dir", data_dir]);
    let (_, menu, _) = menu_vectors().into_iter().find(|(id, _, _)| id == "valid_official_sample").unwrap();
    let none = run(wx(&api.url).args(["menu", "get", "--no-cache", "--json"]));
    none.assert_code(1);
    assert_eq!(none.json()["errcode"], 46003);
    assert!(none.stderr.contains("errcode 46003 (menu no exist"), "{}", none.stderr);
    let cache = tempfile::tempdir().unwrap();
    let with_cache = |w: Wx| w.env("WXDEV_CACHE_DIR", cache.path());
    run(with_cache(wx(&api.url).file("m.json", &menu).args(["menu", "create", "m.json"]))).assert_code(0);
    let got = run(with_cache(wx(&api.url).args(["menu", "get", "--json"])));
    got.assert_code(0);
    let json = got.json();
    let buttons = json["menu"]["button"].as_array().unwrap();
    let names: Vec<&str> = buttons.iter().map(|b| b["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["今日歌曲", "歌手简介", "菜单"]);
    assert_eq!(json["menu"]["button"][2]["sub_button"][2]["name"], "赞一下我们");
    assert!(buttons.iter().all(|b| b["sub_button"].is_array()), "every button carries sub_button: {json}");
    assert_eq!(json["menu"]["button"][0]["sub_button"], serde_json::json!([]));
    assert!(got.stdout.contains("今日歌曲") && !got.stdout.contains("\\u"), "raw UTF-8 on stdout");
    // What get --json prints is what create takes.
    std::fs::write(cache.path().join("again.json"), &got.stdout).unwrap();
    let again = cache.path().join("again.json");
    run(with_cache(wx(&api.url).args(["menu", "create"]).arg(&again))).assert_code(0);
    let tree = run(with_cache(wx(&api.url).args(["menu", "get"])));
    assert_eq!(
        tree.stdout,
        "今日歌曲  click  V1001_TODAY_MUSIC\n歌手简介  click  V1001_TODAY_SINGER\n菜单\n\
         ├─ 搜索  view  http://www.soso.com/\n├─ 视频  view  http://v.qq.com/\n└─ 赞一下我们  click  V1001_GOOD\n"
    );
    // Kept under --data-dir: a new mock on the same directory still has it.
    drop(api);
    let api = mock(&["--data-dir", data_dir]);
    let got = run(wx(&api.url).args(["menu", "get", "--no-cache", "--json"]));
    assert_eq!(got.json()["menu"]["button"][0]["name"], "今日歌曲");
    let deleted = run(wx(&api.url).args(["menu", "delete", "--no-cache"]));
    deleted.assert_code(0);
    assert_eq!(deleted.stdout, "deleted the menu\n");
    let gone = run(wx(&api.url).args(["menu", "get", "--no-cache", "--json"]));
    gone.assert_code(1);
    assert_eq!(gone.json()["errcode"], 46003);
}
