//! `wxdev record` in front of scripted and real upstreams, `wxdev replay` of
//! what it saved, and `simulate --save` files replayed.

use crate::support::{wxdev, RawResponse, RawServer, Served};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

const TOKEN: &str = "record-token";
const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const APPID: &str = "wx2c2769f8efd9abc2";
const USER: &str = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";

/// `wxdev record` on a free port in front of `upstream`, saving into `dir`.
fn record(upstream: &str, dir: &Path, extra: &[&str]) -> Served {
    let dir = dir.to_str().unwrap();
    let mut args = vec!["record", "--listen", "127.0.0.1:0", "--upstream", upstream, "--dir", dir];
    args.extend(extra);
    Served::start_exact(&args)
}

/// Sends raw bytes on a fresh connection and reads until the peer closes it.
fn raw_exchange(url: &str, request: &[u8]) -> (Vec<u8>, Duration) {
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let started = Instant::now();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    (answer, started.elapsed())
}

fn post(path: &str, body: &[u8]) -> Vec<u8> {
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: example.test\r\nX-Custom: kept\r\nContent-Type: text/xml\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    request
}

/// The files in `dir`, parsed, in name order; waits until there are `n`.
fn records(dir: &Path, n: usize) -> Vec<Value> {
    let started = Instant::now();
    loop {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        if names.len() >= n {
            assert_eq!(names.len(), n, "one file per exchange: {names:?}");
            return names.iter().map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()).collect();
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{} of {n} files", names.len());
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn body_of(answer: &[u8]) -> &[u8] {
    let at = answer.windows(4).position(|w| w == b"\r\n\r\n").expect("a header block");
    &answer[at + 4..]
}

#[test]
fn record_hands_back_the_upstreams_answers_unchanged_and_saves_each_exchange() {
    let upstream = RawServer::start(|req| match req.path() {
        "/ok" => RawResponse::ok("<xml><A>1</A></xml>").header("X-Upstream", "yes").header("Content-Type", "text/xml"),
        "/error" => RawResponse::new(500, "boom"),
        "/slow" => RawResponse::ok("late").delayed(Duration::from_millis(600)),
        "/binary" => RawResponse::ok(vec![0xff, 0x00, 0x80]).header("Content-Type", "application/octet-stream"),
        _ => RawResponse::hang_up(),
    });
    let dir = tempfile::tempdir().unwrap();
    let proxy = record(&upstream.url(""), dir.path(), &[]);
    assert!(proxy.lines()[0].starts_with("http://127.0.0.1:"), "the first line is the URL: {:?}", proxy.lines());

    let (ok, _) = raw_exchange(&proxy.url, &post("/ok?signature=s&timestamp=1&nonce=2", b"<xml>hi</xml>"));
    let text = String::from_utf8_lossy(&ok).into_owned();
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
    assert!(text.to_ascii_lowercase().contains("x-upstream: yes\r\n"), "{text}");
    assert_eq!(body_of(&ok), b"<xml><A>1</A></xml>");
    let seen = &upstream.requests()[0];
    assert_eq!((seen.method.as_str(), seen.target.as_str()), ("POST", "/ok?signature=s&timestamp=1&nonce=2"));
    assert_eq!((seen.header("X-Custom"), seen.header("Host")), (Some("kept"), Some("example.test")));
    assert_eq!(seen.header("Connection"), None, "hop-by-hop headers stay on their hop");
    assert_eq!(seen.body, b"<xml>hi</xml>");

    let (error, _) = raw_exchange(&proxy.url, &post("/error", b"x"));
    assert!(error.starts_with(b"HTTP/1.1 500 "), "a 500 stays a 500: {}", String::from_utf8_lossy(&error));
    assert_eq!(body_of(&error), b"boom");

    let (slow, took) = raw_exchange(&proxy.url, &post("/slow", b"x"));
    assert_eq!(body_of(&slow), b"late");
    assert!(took >= Duration::from_millis(600), "a slow upstream stays slow: {took:?}");

    let (binary, _) = raw_exchange(&proxy.url, &post("/binary", b"x"));
    assert_eq!(body_of(&binary), [0xff, 0x00, 0x80]);

    let (dropped, _) = raw_exchange(&proxy.url, &post("/drop", b"x"));
    assert!(
        dropped.is_empty(),
        "a dropped connection is dropped, no invented status: {:?}",
        String::from_utf8_lossy(&dropped)
    );

    let saved = records(dir.path(), 5);
    let targets: Vec<&str> = saved.iter().map(|r| r["request"]["target"].as_str().unwrap()).collect();
    assert_eq!(targets, ["/ok?signature=s&timestamp=1&nonce=2", "/error", "/slow", "/binary", "/drop"]);
    assert_eq!(saved[0]["request"]["body"], "<xml>hi</xml>");
    assert_eq!(saved[0]["response"]["status"], 200);
    assert_eq!(saved[0]["response"]["body"], "<xml><A>1</A></xml>");
    assert_eq!(saved[1]["response"]["status"], 500);
    assert!(saved[2]["timings"]["upstream_ms"].as_f64().unwrap() >= 600.0, "{}", saved[2]["timings"]);
    assert_eq!(
        (&saved[3]["response"]["body"], &saved[3]["response"]["body_encoding"]),
        (&Value::from("/wCA"), &Value::from("base64"))
    );
    assert!(saved[4]["response"].is_null() && saved[4]["error"].as_str().unwrap().contains("closed"), "{}", saved[4]);
    let log = proxy.wait_for_line(|l| l.contains("/drop") || l.contains("no answer"));
    assert!(log.contains("no answer"), "{log}");

    // Re-sent to the same upstream, each answer is as recorded: the 500, the
    // binary body, and the hang-up (no answer then, no answer now).
    let replay = wxdev().args(["replay", dir.path().to_str().unwrap(), "--token", TOKEN, "--json"]).run();
    let report = replay.json();
    replay.assert_code(0);
    assert_eq!(
        (report["same"].as_u64(), report["changed"].as_u64(), report["failed"].as_u64()),
        (Some(5), Some(0), Some(0))
    );
}

#[test]
fn record_keeps_traffic_flowing_when_the_directory_cannot_be_written() {
    let upstream = RawServer::start(|_| RawResponse::ok("fine"));
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a directory").unwrap();
    let proxy = record(&upstream.url(""), &blocker.join("sub"), &[]);
    for _ in 0..3 {
        let (answer, _) = raw_exchange(&proxy.url, &post("/", b"x"));
        assert_eq!(body_of(&answer), b"fine");
    }
    std::thread::sleep(Duration::from_millis(200));
    let reports = proxy.lines().into_iter().filter(|l| l.contains("cannot write")).count();
    assert_eq!(reports, 1, "the failure is logged once: {:?}", proxy.lines());
}

/// An upstream answering text messages by content: "a" → text A, "b" → text `b_reply`.
fn scripted(b_reply: &'static str) -> RawServer {
    RawServer::start(move |req| {
        let body = req.body_text();
        let content = if body.contains("CDATA[a]]") { "A" } else { b_reply };
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        RawResponse::ok(format!(
            "<xml><ToUserName><![CDATA[{USER}]]></ToUserName><FromUserName><![CDATA[gh_3f5e7a9b1c2d]]></FromUserName>\
             <CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content></xml>"
        ))
        .header("Content-Type", "text/xml")
    })
}

fn simulate_through(url: &str, content: &str, extra: &[&str]) {
    wxdev().args(["simulate", "text", content, "--url", url, "--token", TOKEN]).args(extra).run().assert_code(0);
}

#[test]
fn replay_reports_same_against_the_same_upstream_and_exactly_the_changed_messages_otherwise() {
    let first = scripted("B");
    let dir = tempfile::tempdir().unwrap();
    let proxy = record(&first.url(""), dir.path(), &[]);
    simulate_through(&format!("{}/wechat", proxy.url), "a", &[]);
    simulate_through(&format!("{}/wechat", proxy.url), "b", &[]);
    let saved = records(dir.path(), 2);
    assert!(!serde_json::to_string(&saved).unwrap().contains(TOKEN), "the token is never written");
    drop(proxy);
    let recorded_ids: Vec<String> = saved
        .iter()
        .map(|r| r["request"]["body"].as_str().unwrap().split("<MsgId>").nth(1).unwrap().to_owned())
        .collect();

    let dir_arg = dir.path().to_str().unwrap();
    let same = wxdev().args(["replay", dir_arg, "--token", TOKEN, "--json"]).run();
    same.assert_code(0);
    let report = same.json();
    let results: Vec<&str> =
        report["messages"].as_array().unwrap().iter().map(|m| m["result"].as_str().unwrap()).collect();
    assert_eq!(results, ["same", "same"]);
    let resent = &first.requests()[2..];
    assert_eq!(resent.len(), 2, "each message re-sent once, in order");
    for (request, id) in resent.iter().zip(&recorded_ids) {
        assert!(request.body_text().contains(&format!("<MsgId>{id}")), "the original MsgId is kept");
        assert_ne!(request.param("signature").as_deref(), None);
    }
    assert!(resent[0].body_text().contains("CDATA[a]]") && resent[1].body_text().contains("CDATA[b]]"));

    let changed = scripted("B2");
    let url = changed.url("/wechat");
    let run = wxdev().args(["replay", dir_arg, "--token", TOKEN, "--url", &url]).run();
    run.assert_code(1);
    assert!(run.stdout.contains("Content: \"B\" → \"B2\""), "{}", run.stdout);
    let json = wxdev().args(["replay", dir_arg, "--token", TOKEN, "--url", &url, "--json"]).run().json();
    let results: Vec<&str> =
        json["messages"].as_array().unwrap().iter().map(|m| m["result"].as_str().unwrap()).collect();
    assert_eq!(results, ["same", "changed"]);
    assert_eq!(json["messages"][1]["differences"], serde_json::json!(["Content: \"B\" → \"B2\""]));

    let fresh = wxdev().args(["replay", dir_arg, "--token", TOKEN, "--url", &url, "--fresh-ids"]).run();
    fresh.assert_code(1);
    let last = changed.requests().pop().unwrap();
    assert!(!last.body_text().contains(&format!("<MsgId>{}", recorded_ids[1])), "--fresh-ids gives a new MsgId");

    wxdev().args(["replay", dir_arg, "--token", TOKEN, "--url", &url, "--update"]).run().assert_code(0);
    wxdev().args(["replay", dir_arg, "--token", TOKEN, "--url", &url]).run().assert_code(0);
}

#[test]
fn safe_mode_is_recorded_decrypted_and_replays_the_same() {
    let serve = Served::start(&["serve", "--token", TOKEN, "--aes-key", KEY, "--appid", APPID]);
    let upstream = serve.url.trim_end_matches("/wechat").to_owned();
    let dir = tempfile::tempdir().unwrap();
    let proxy = record(&upstream, dir.path(), &["--aes-key", KEY, "--appid", APPID]);
    let crypt = ["--aes-key", KEY, "--appid", APPID, "--mode", "safe"];
    simulate_through(&format!("{}/wechat", proxy.url), "secret words", &crypt);
    let saved = records(dir.path(), 1);
    assert!(saved[0]["request"]["target"].as_str().unwrap().contains("encrypt_type=aes"));
    assert!(!saved[0]["request"]["body"].as_str().unwrap().contains("secret words"), "the wire is encrypted");
    assert!(saved[0]["message"].as_str().unwrap().contains("secret words"), "{}", saved[0]);
    assert!(saved[0]["reply"].as_str().unwrap().contains("secret words"), "{}", saved[0]);
    let dir_arg = dir.path().to_str().unwrap();
    let run = wxdev().args(["replay", dir_arg, "--token", TOKEN, "--aes-key", KEY, "--appid", APPID]).run();
    run.assert_code(0);
    assert!(run.stdout.contains("1 same, 0 changed, 0 failed"), "{}", run.stdout);
}

#[test]
fn simulate_save_writes_a_replayable_record() {
    let serve = Served::start(&["serve", "--token", TOKEN]);
    let run =
        wxdev().args(["simulate", "text", "saved", "--url", &serve.url, "--token", TOKEN, "--save", "one.json"]).run();
    run.assert_code(0);
    let path = run.dir.path().join("one.json");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved["response"]["status"], 200);
    assert!(saved["request"]["target"].as_str().unwrap().starts_with("/wechat?signature="));
    let replay = wxdev().args(["replay", path.to_str().unwrap(), "--token", TOKEN, "--json"]).run();
    replay.assert_code(0);
    assert_eq!(replay.json()["messages"][0]["result"], "same");
    let other = scripted("B");
    let against =
        wxdev().args(["replay", path.to_str().unwrap(), "--token", TOKEN, "--url", &other.url("/wechat")]).run();
    against.assert_code(1);
}

#[test]
fn an_exchange_whose_client_gave_up_is_still_recorded_in_full() {
    let upstream = RawServer::start(|_| RawResponse::ok("too late").delayed(Duration::from_millis(800)));
    let dir = tempfile::tempdir().unwrap();
    let proxy = record(&upstream.url(""), dir.path(), &[]);
    let addr = proxy.url.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(&post("/wechat", b"<xml/>")).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    drop(stream);
    let saved = records(dir.path(), 1);
    assert_eq!(saved[0]["response"]["body"], "too late", "{}", saved[0]);
}
