//! `wxdev sign` and `wxdev verify` through the real binary.

use crate::support::{vectors, wxdev, RawResponse, RawServer, Served};
use std::time::Duration;

#[test]
fn sign_prints_each_vector_signature_alone() {
    for case in vectors()["url_signature"].as_array().unwrap() {
        let s = |k: &str| case[k].as_str().unwrap();
        let run =
            wxdev().args(["sign", "--token", s("token"), "--timestamp", s("timestamp"), "--nonce", s("nonce")]).run();
        run.assert_code(0);
        assert_eq!(run.stdout, format!("{}\n", s("signature")), "{}", s("id"));
    }
}

#[test]
fn sign_explain_shows_the_hashed_string_on_stderr() {
    let run = wxdev()
        .args(["sign", "--token", "AAAAA", "--timestamp", "1714036504", "--nonce", "1514711492", "--explain"])
        .run();
    run.assert_code(0);
    assert_eq!(run.stdout, "f464b24fc39322e44b38aa78f5edd27bd1441696\n");
    assert!(run.stderr.contains("15147114921714036504AAAAA"), "{}", run.stderr);
}

#[test]
fn sign_url_sets_parameters_and_keeps_others() {
    let run = wxdev()
        .args(["sign", "http://example.com/wx?from=menu&signature=stale", "--token", "AAAAA"])
        .args(["--timestamp", "1714036504", "--nonce", "1514711492", "--echostr", "4375120948345356249"])
        .run();
    run.assert_code(0);
    let url = url::Url::parse(run.stdout.trim_end()).unwrap();
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    let get = |k: &str| pairs.iter().filter(|(n, _)| n == k).map(|(_, v)| v.as_str()).collect::<Vec<_>>();
    assert_eq!(get("from"), ["menu"]);
    assert_eq!(get("signature"), ["f464b24fc39322e44b38aa78f5edd27bd1441696"]);
    assert_eq!(get("timestamp"), ["1714036504"]);
    assert_eq!(get("nonce"), ["1514711492"]);
    assert_eq!(get("echostr"), ["4375120948345356249"]);
    assert_eq!(run.stdout.matches('\n').count(), 1);
}

#[test]
fn sign_json_shape_and_fresh_defaults() {
    let run = wxdev().args(["sign", "--token", "t", "--json"]).run();
    run.assert_code(0);
    let json = run.json();
    let obj = json.as_object().unwrap();
    let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    assert_eq!(keys, ["signature", "timestamp", "nonce"]);
    let ts: i64 = json["timestamp"].as_str().unwrap().parse().unwrap();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    assert!((now - ts).abs() < 60);
    assert!(json["nonce"].as_str().unwrap().bytes().all(|b| b.is_ascii_digit()));
    let again =
        wxdev::wechat::Signature::url("t", json["timestamp"].as_str().unwrap(), json["nonce"].as_str().unwrap());
    assert_eq!(json["signature"], again.as_str());

    let with_url = wxdev().args(["sign", "http://h/wx", "--token", "t", "--echostr", "e", "--json"]).run().json();
    assert_eq!(with_url["echostr"], "e");
    assert!(with_url["url"].as_str().unwrap().starts_with("http://h/wx?"));
}

#[test]
fn token_from_env_and_config_file() {
    let run = wxdev().args(["sign", "--timestamp", "b", "--nonce", "c"]).env("WXDEV_TOKEN", "a").run();
    assert_eq!(run.stdout, "a9993e364706816aba3e25717850c26c9cd0d89d\n");
    let run = wxdev().file("wxdev.toml", "token = \"a\"\n").args(["sign", "--timestamp", "b", "--nonce", "c"]).run();
    assert_eq!(run.stdout, "a9993e364706816aba3e25717850c26c9cd0d89d\n");
    // The flag beats the environment, which beats the file.
    let run = wxdev()
        .file("wxdev.toml", "token = \"file\"\n")
        .env("WXDEV_TOKEN", "env")
        .args(["sign", "--token", "a", "--timestamp", "b", "--nonce", "c"])
        .run();
    assert_eq!(run.stdout, "a9993e364706816aba3e25717850c26c9cd0d89d\n");
    let named = wxdev().file("other.toml", "token = \"a\"\n");
    let path = named.path("other.toml");
    let run = named.args(["sign", "--timestamp", "b", "--nonce", "c"]).env("WXDEV_CONFIG", path).run();
    assert_eq!(run.stdout, "a9993e364706816aba3e25717850c26c9cd0d89d\n");
}

#[test]
fn sign_and_verify_bad_input_are_usage_errors() {
    wxdev().args(["sign"]).run().assert_usage_error("no token");
    wxdev().args(["verify", "http://example.com/wx"]).run().assert_usage_error("no token");
    wxdev().args(["sign", "not a url", "--token", "t"]).run().assert_usage_error("not a valid URL");
    wxdev().args(["sign", "example.com/wx", "--token", "t"]).run().assert_usage_error("not a valid URL");
    wxdev().args(["verify", "ftp://example.com/wx", "--token", "t"]).run().assert_usage_error("ftp");
    wxdev().args(["verify", "--token", "t"]).run().assert_usage_error("no URL");
    wxdev().file("wxdev.toml", "token = [").args(["sign", "--token", "t"]).run().assert_usage_error("wxdev.toml");
    wxdev().args(["sign", "--config", "/nonexistent/wxdev.toml"]).run().assert_usage_error("cannot read settings file");
    let run = wxdev().args(["sign", "--bogus"]).run();
    run.assert_code(2);
}

#[test]
fn verify_offline_checks_the_url_signature() {
    for case in vectors()["url_signature"].as_array().unwrap() {
        let s = |k: &str| case[k].as_str().unwrap();
        let url = format!(
            "https://example.com/wx?signature={}&timestamp={}&nonce={}&echostr=1",
            s("signature"),
            s("timestamp"),
            s("nonce")
        );
        let run = wxdev().args(["verify", &url, "--token", s("token"), "--json"]).run();
        run.assert_code(0);
        let json = run.json();
        assert_eq!(json["mode"], "offline");
        assert_eq!(json["ok"], true);
    }
    let bad = &vectors()["url_signature_negative"][0];
    let s = |k: &str| bad[k].as_str().unwrap();
    let url = format!(
        "https://example.com/wx?signature={}&timestamp={}&nonce={}",
        s("signature"),
        s("timestamp"),
        s("nonce")
    );
    let run = wxdev().args(["verify", &url, "--token", s("token")]).run();
    run.assert_code(1);
    assert!(
        run.stdout.contains("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff"),
        "expected signature shown: {}",
        run.stdout
    );
    assert!(run.stdout.contains(s("signature")), "given signature shown");
    assert!(run.stdout.contains("1410685589testtest"), "hashed string shown: {}", run.stdout);
}

#[test]
fn verify_online_against_serve_passes_and_refuses_forgery() {
    let served = Served::start(&["serve", "--token", "tok"]);
    let run = wxdev().args(["verify", &served.url, "--token", "tok", "--json"]).run();
    run.assert_code(0);
    let json = run.json();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["ok", "mode", "problems", "warnings", "forged_accepted", "elapsed_ms"]);
    assert_eq!(json["mode"], "online");
    assert_eq!(json["forged_accepted"], false);
    assert_eq!(json["problems"].as_array().unwrap().len(), 0);
    // With another token, serve refuses: WeChat would show token验证失败.
    let run = wxdev().args(["verify", &served.url, "--token", "other"]).run();
    run.assert_code(1);
    assert!(run.stdout.contains("403") && run.stdout.contains("Token"), "{}", run.stdout);
}

/// A server that behaves like a handler with the given body for a correctly signed check.
fn echoing(token: &'static str, shape: fn(&str) -> RawResponse) -> RawServer {
    RawServer::start(move |req| {
        let q = wxdev::wechat::CallbackQuery::parse(req.target.split_once('?').map_or("", |x| x.1));
        match q.check_signature(token) {
            Ok(_) => shape(q.echostr.as_deref().unwrap_or("")),
            Err(_) => RawResponse::new(403, "bad signature"),
        }
    })
}

fn verify_problem(server: &RawServer, extra: &[&str]) -> String {
    let run = wxdev().args(["verify", &server.url("/wx"), "--token", "tok", "--json"]).args(extra).run();
    run.assert_code(1);
    let json = run.json();
    assert_eq!(json["ok"], false);
    json["problems"][0].as_str().unwrap().to_owned()
}

#[test]
fn verify_names_each_misbehaviour() {
    let trailing = echoing("tok", |e| RawResponse::ok(format!("{e}\n")));
    assert!(verify_problem(&trailing, &[]).contains("whitespace"));
    let quoted = echoing("tok", |e| RawResponse::json(format!("\"{e}\"")));
    assert!(verify_problem(&quoted, &[]).contains("quotes"));
    let html = echoing("tok", |_| RawResponse::ok("<!DOCTYPE html><html><body>It works</body></html>"));
    assert!(verify_problem(&html, &[]).contains("HTML"));
    let empty = echoing("tok", |_| RawResponse::ok(""));
    assert!(verify_problem(&empty, &[]).contains("empty"));
    let error = echoing("tok", |_| RawResponse::new(500, "Traceback"));
    assert!(verify_problem(&error, &[]).contains("HTTP 500"));
    let redirect = echoing("tok", |_| RawResponse::new(301, "").header("Location", "https://example.com/wx"));
    assert!(verify_problem(&redirect, &[]).contains("redirect"));
    // A server configured with another token refuses WeChat's request.
    let wrong_token = echoing("another", |e| RawResponse::ok(e.to_owned()));
    assert!(verify_problem(&wrong_token, &[]).contains("Token"));
    let slow = echoing("tok", |e| RawResponse::ok(e.to_owned()).delayed(Duration::from_millis(1500)));
    assert!(verify_problem(&slow, &["--timeout", "0.3"]).contains("timed out"));
}

#[test]
fn verify_warns_when_forged_requests_are_echoed() {
    // Echoes whatever echostr arrives, never looking at the signature.
    let careless = RawServer::start(|req| RawResponse::ok(req.param("echostr").unwrap_or_default()));
    let run = wxdev().args(["verify", &careless.url("/wx"), "--token", "tok", "--json"]).run();
    run.assert_code(0);
    let json = run.json();
    assert_eq!(json["forged_accepted"], true);
    assert!(json["warnings"][0].as_str().unwrap().contains("WRONG signature"));
    assert_eq!(careless.hits(), 2, "one real check and one forged");
    let forged = &careless.requests()[1];
    let q = wxdev::wechat::CallbackQuery::parse(forged.target.split_once('?').unwrap().1);
    assert!(q.check_signature("tok").is_err(), "the second request must carry a wrong signature");
}

#[test]
fn verify_sends_what_wechat_sends() {
    let server = echoing("tok", |e| RawResponse::ok(e.to_owned()));
    wxdev().args(["verify", &server.url("/wx?keep=1"), "--token", "tok"]).run().assert_code(0);
    let req = &server.requests()[0];
    assert_eq!(req.method, "GET");
    assert_eq!(req.path(), "/wx");
    assert_eq!(req.param("keep").as_deref(), Some("1"));
    for name in ["signature", "timestamp", "nonce", "echostr"] {
        assert!(req.param(name).is_some_and(|v| !v.is_empty()), "{name} missing in {}", req.target);
    }
    assert!(req.param("echostr").unwrap().bytes().all(|b| b.is_ascii_digit()));
}

#[test]
fn verify_unreachable_and_port_warnings() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let run = wxdev().args(["verify", &format!("http://127.0.0.1:{port}/wx"), "--token", "t"]).run();
    run.assert_code(1);
    assert!(run.stdout.contains("connection refused"), "{}", run.stdout);
    // A public host on port 8080 is something WeChat never calls.
    let run = wxdev()
        .args(["verify", "http://example.com:8080/wx?signature=x&timestamp=1&nonce=2", "--token", "t", "--json"])
        .run();
    let json = run.json();
    assert!(json["warnings"][0].as_str().unwrap().contains("port 8080"), "{json}");
}
