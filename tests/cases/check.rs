//! `wxdev check`: the scorecard against `wxdev serve` (everything passes) and
//! against scripted endpoints that each fail exactly one check.

use crate::support::{wxdev, RawRequest, RawResponse, RawServer, Served};
use serde_json::Value;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use wxdev::wechat::Signature;

const TOKEN: &str = "check-token";
const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const APPID: &str = "wx1234567890abcdef";

/// The one thing a scripted endpoint gets wrong.
#[derive(Clone, Copy, PartialEq)]
enum Flaw {
    None,
    /// Answers POSTs addressed to the sender whatever the signature.
    ProcessesForgeries,
    /// Fetches the SYSTEM URL of a DOCTYPE (XXE), as a vulnerable parser would.
    FetchesEntities,
    /// Stops answering anything after an entity-expansion bomb.
    DiesOnBomb,
    /// HTTP 500 for a type it does not know.
    FailsUnknownTypes,
    /// Takes 3 s to answer a link message (run with --timeout 2).
    SlowOnLinks,
}

fn field<'a>(body: &'a str, name: &str) -> &'a str {
    let open = format!("<{name}><![CDATA[");
    body.split_once(&open).and_then(|(_, rest)| rest.split_once("]]>")).map(|(v, _)| v).unwrap_or("")
}

fn signed(request: &RawRequest) -> bool {
    let (ts, nonce) = (request.param("timestamp").unwrap_or_default(), request.param("nonce").unwrap_or_default());
    let given = request.param("signature").unwrap_or_default();
    Signature::url(TOKEN, &ts, &nonce).matches(&given)
}

fn fetch(url: &str) {
    let rest = url.trim_start_matches("http://");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if let Ok(mut stream) = std::net::TcpStream::connect(host) {
        let _ = write!(stream, "GET /{path} HTTP/1.0\r\nHost: {host}\r\n\r\n");
        let _ = stream.read_to_end(&mut Vec::new());
    }
}

fn scripted(flaw: Flaw) -> RawServer {
    let dead = Arc::new(AtomicBool::new(false));
    RawServer::start(move |request| {
        if dead.load(Ordering::SeqCst) {
            return RawResponse::hang_up();
        }
        if request.method == "GET" {
            return if signed(request) {
                RawResponse::ok(request.param("echostr").unwrap_or_default())
            } else {
                RawResponse::new(403, "forbidden")
            };
        }
        let body = request.body_text();
        if !signed(request) && flaw != Flaw::ProcessesForgeries {
            return RawResponse::new(403, "forbidden");
        }
        if flaw == Flaw::FetchesEntities {
            if let Some((_, rest)) = body.split_once("SYSTEM \"") {
                fetch(rest.split('"').next().unwrap_or(""));
            }
        }
        if flaw == Flaw::DiesOnBomb && body.contains("<!ENTITY lol") {
            dead.store(true, Ordering::SeqCst);
            return RawResponse::hang_up();
        }
        let msg_type = field(&body, "MsgType");
        let known = ["text", "image", "voice", "video", "shortvideo", "location", "link", "event"];
        if flaw == Flaw::FailsUnknownTypes && !known.contains(&msg_type) {
            return RawResponse::new(500, "internal server error");
        }
        if flaw == Flaw::FailsUnknownTypes && body.contains("TEMPLATESENDJOBFINISH") {
            return RawResponse::new(500, "internal server error");
        }
        if flaw == Flaw::SlowOnLinks && msg_type == "link" {
            return RawResponse::ok("success").delayed(Duration::from_secs(3));
        }
        if flaw == Flaw::ProcessesForgeries && !field(&body, "FromUserName").is_empty() {
            let reply = format!(
                "<xml><ToUserName><![CDATA[{}]]></ToUserName><FromUserName><![CDATA[{}]]></FromUserName>\
                 <CreateTime>{}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[ok]]></Content></xml>",
                field(&body, "FromUserName"),
                field(&body, "ToUserName"),
                wxdev::wechat::unix_now()
            );
            return RawResponse::ok(reply).header("Content-Type", "text/xml");
        }
        RawResponse::ok("success")
    })
}

fn check_json(url: &str, extra: &[&str]) -> (i32, Value) {
    let run = wxdev().args(["check", url, "--token", TOKEN, "--json"]).args(extra).run();
    let json = run.json();
    (run.code, json)
}

/// name → status of every check in the report.
fn statuses(report: &Value) -> Vec<(String, String)> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["name"].as_str().unwrap().to_owned(), c["status"].as_str().unwrap().to_owned()))
        .collect()
}

fn failed(report: &Value) -> Vec<String> {
    statuses(report).into_iter().filter(|(_, s)| s == "fail").map(|(n, _)| n).collect()
}

/// Exactly `name` fails; everything else passes (or warns, or is skipped when `skipped_after`).
fn assert_only_failure(flaw: Flaw, name: &str, extra: &[&str]) -> Value {
    let server = scripted(flaw);
    // A short limit keeps the failing cases quick; room enough for a loaded test machine.
    let mut args = vec!["--speed-count", "100"];
    if !extra.contains(&"--timeout") {
        args.extend_from_slice(&["--timeout", "2"]);
    }
    args.extend_from_slice(extra);
    let (code, report) = check_json(&server.url("/wx"), &args);
    let failed = failed(&report);
    assert_eq!(failed, [name], "{failed:?} failed\n{report:#}");
    assert_eq!(code, 1);
    assert_eq!(report["ok"], false);
    assert_eq!(report["summary"]["failed"], 1);
    report
}

#[test]
fn serve_passes_every_check_in_plain_and_safe_mode() {
    let served = Served::start(&["serve", "--token", TOKEN]);
    let (code, report) = check_json(&served.url, &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["ok"], true);
    let all = statuses(&report);
    assert_eq!(all.len(), 12);
    for (name, status) in &all {
        let allowed: &[&str] = if name == "replay" { &["pass", "warn"] } else { &["pass"] };
        assert!(allowed.contains(&status.as_str()), "{name}: {status}\n{report:#}");
    }
    for check in report["checks"].as_array().unwrap() {
        assert!(check["detail"].as_str().is_some_and(|d| !d.is_empty()));
        assert!(check["evidence"].as_array().is_some_and(|e| !e.is_empty()), "{check}");
    }

    let served = Served::start(&["serve", "--token", TOKEN, "--aes-key", KEY, "--appid", APPID]);
    let (code, report) =
        check_json(&served.url, &["--aes-key", KEY, "--appid", APPID, "--skip", "speed", "--mode", "safe"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(failed(&report).is_empty());
    let forgery = &report["checks"][1];
    assert_eq!(forgery["name"], "forgery");
    assert_eq!(forgery["evidence"].as_array().unwrap().len(), 8, "safe mode adds two forgeries");
}

#[test]
fn human_scorecard_has_a_summary_line_and_escapes_endpoint_text() {
    let server = RawServer::start(|_| RawResponse::ok("\u{1b}[31mred\u{7}"));
    let run = wxdev()
        .args(["check", &server.url("/wx"), "--token", TOKEN, "--only", "handshake,forgery", "--color", "never"])
        .run();
    run.assert_code(1);
    assert!(run.stdout.contains("✗ handshake"), "{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'), "{:?}", run.stdout);
    assert!(run.stdout.trim_end().ends_with("passed, 0 warnings, 1 failed"), "{}", run.stdout);
}

#[test]
fn unknown_check_names_are_usage_errors() {
    wxdev().args(["check", "http://127.0.0.1:9/wx", "--only", "handshake,nope"]).run().assert_usage_error("nope");
}

#[test]
fn a_processed_forgery_fails_forgery() {
    let report = assert_only_failure(Flaw::ProcessesForgeries, "forgery", &[]);
    let forgery = report["checks"].as_array().unwrap().iter().find(|c| c["name"] == "forgery").unwrap();
    assert!(forgery["detail"].as_str().unwrap().contains("POST with a wrong signature was processed"), "{forgery}");
}

#[test]
fn fetching_the_canary_fails_hostile_xxe() {
    let report = assert_only_failure(Flaw::FetchesEntities, "hostile-xxe", &["--skip", "speed"]);
    let xxe = report["checks"].as_array().unwrap().iter().find(|c| c["name"] == "hostile-xxe").unwrap();
    assert!(xxe["detail"].as_str().unwrap().contains("XXE"), "{xxe}");
}

#[test]
fn dying_after_the_bomb_fails_it_and_skips_the_rest() {
    let report = assert_only_failure(Flaw::DiesOnBomb, "hostile-bomb", &["--skip", "speed"]);
    let all = statuses(&report);
    let after: Vec<&(String, String)> = all.iter().skip_while(|(n, _)| n != "hostile-bomb").skip(1).collect();
    assert_eq!(after.len(), 4);
    assert!(after.iter().all(|(_, s)| s == "skipped"), "{all:?}");
    let skipped = &report["checks"].as_array().unwrap().last().unwrap()["detail"];
    assert!(skipped.as_str().unwrap().contains("stopped answering after hostile-bomb"), "{skipped}");
}

#[test]
fn a_500_on_an_unknown_type_fails_messages() {
    let report = assert_only_failure(Flaw::FailsUnknownTypes, "messages", &["--skip", "speed"]);
    let messages = report["checks"].as_array().unwrap().iter().find(|c| c["name"] == "messages").unwrap();
    assert!(messages["detail"].as_str().unwrap().contains("unknown"), "{messages}");
}

#[test]
fn a_slow_answer_fails_messages() {
    let report = assert_only_failure(Flaw::SlowOnLinks, "messages", &["--skip", "hostile", "--timeout", "2"]);
    let messages = report["checks"].as_array().unwrap().iter().find(|c| c["name"] == "messages").unwrap();
    assert!(messages["detail"].as_str().unwrap().contains("link timed out"), "{messages}");
}

#[test]
fn a_sound_scripted_endpoint_passes_and_only_filters() {
    let server = scripted(Flaw::None);
    let (code, report) = check_json(&server.url("/wx"), &["--timeout", "2", "--speed-count", "100"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(statuses(&report).iter().all(|(_, s)| s == "pass"), "{report:#}");
    assert_eq!(report["summary"], serde_json::json!({"passed": 12, "warnings": 0, "failed": 0, "skipped": 0}));
    let (_, report) = check_json(&server.url("/wx"), &["--only", "hostile", "--skip", "hostile-large"]);
    let names: Vec<String> = statuses(&report).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["hostile-xxe", "hostile-bomb", "hostile-nesting", "hostile-utf8", "hostile-content-type"]);
}

#[test]
fn an_aes_key_without_a_mode_checks_plain_then_safe_mode() {
    let served = Served::start(&["serve", "--token", TOKEN, "--aes-key", KEY, "--appid", APPID]);
    let (code, report) =
        check_json(&served.url, &["--aes-key", KEY, "--appid", APPID, "--only", "handshake,forgery,retries"]);
    assert_eq!(code, 0, "{report:#}");
    let runs: Vec<(String, String)> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["mode"].as_str().unwrap().to_owned(), c["name"].as_str().unwrap().to_owned()))
        .collect();
    let expected: Vec<(String, String)> = ["plain", "safe"]
        .iter()
        .flat_map(|m| ["handshake", "forgery", "retries"].map(|n| (m.to_string(), n.to_string())))
        .collect();
    assert_eq!(runs, expected);
    assert_eq!(report["summary"]["passed"], 6);
    assert_eq!(report["checks"][4]["evidence"].as_array().unwrap().len(), 8, "safe mode adds two forgeries");
}
