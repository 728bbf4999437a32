//! `wxdev serve` as WeChat and as misbehaving clients see it.

use crate::support::http::{get, post_xml, send};
use crate::support::{vectors, wxdev, Served};
use std::time::{Duration, Instant};
use wxdev::wechat::callback::with_query;
use wxdev::wechat::CallbackQuery;

fn signed(url: &str, token: &str, echostr: Option<&str>) -> String {
    let mut q = CallbackQuery::signed(token);
    q.echostr = echostr.map(str::to_owned);
    with_query(&url::Url::parse(url).unwrap(), &q).to_string()
}

#[test]
fn url_check_echoes_exactly_and_refuses_bad_signatures() {
    let served = Served::start(&["serve", "--token", "AAAAA"]);
    // The official example, byte for byte.
    let official = format!(
        "{}?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249",
        served.url
    );
    let answer = get(&official);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, b"4375120948345356249");
    assert!(answer.header("content-type").unwrap().starts_with("text/plain"));
    let wrong = official.replace("f464b24f", "f464b24e");
    assert_eq!(get(&wrong).status, 403);
    assert_eq!(get(&served.url).status, 403, "no signature at all");
    assert_eq!(get(&format!("{}?timestamp=1&nonce=2&echostr=3", served.url)).status, 403);
    let other_path = official.replace("/wechat?", "/other?");
    assert_eq!(get(&other_path).status, 404);
}

#[test]
fn posts_need_a_valid_signature_and_well_formed_xml() {
    let served = Served::start(&["serve", "--token", "tok"]);
    let msg = "<xml><ToUserName><![CDATA[gh_a]]></ToUserName><FromUserName><![CDATA[oU]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>1</MsgId></xml>";
    assert_eq!(post_xml(&signed(&served.url, "other", None), msg).status, 403);
    assert_eq!(post_xml(&served.url, msg).status, 403);
    assert_eq!(post_xml(&signed(&served.url, "tok", None), "<xml><oops></xml>").status, 400);
    assert_eq!(post_xml(&signed(&served.url, "tok", None), "not xml").status, 400);
    let evil = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Content>&e;</Content></xml>";
    assert_eq!(post_xml(&signed(&served.url, "tok", None), evil).status, 400);
    let huge = format!("<xml><Content><![CDATA[{}]]></Content></xml>", "x".repeat(1024 * 1024 + 10));
    assert_eq!(post_xml(&signed(&served.url, "tok", None), &huge).status, 413);
    // Still serving after all of that.
    let ok = post_xml(&signed(&served.url, "tok", None), msg);
    assert_eq!(ok.status, 200);
    assert!(ok.text().contains("<Content><![CDATA[hi]]></Content>"), "{}", ok.text());
    served.wait_for_line(|l| l.contains("413"));
    served.wait_for_line(|l| l.contains("400"));
}

#[test]
fn cdata_end_in_text_and_a_second_msg_type_are_refused_but_control_characters_pass() {
    let served = Served::start(&["serve", "--token", "tok"]);
    let msg = |content: &str, id: u32| {
        format!(
            "<xml><ToUserName><![CDATA[gh_a]]></ToUserName><FromUserName><![CDATA[oU]]></FromUserName>\
             <CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>{content}</Content><MsgId>{id}</MsgId></xml>"
        )
    };
    let post = |body: &str| post_xml(&signed(&served.url, "tok", None), body);
    assert_eq!(post(&msg("a]]>b", 1)).status, 400, "]]> in character data");
    assert_eq!(post(&msg("<![CDATA[a]]>b]]>", 2)).status, 400, "a CDATA section ends at its first ]]>");
    let msg_type = "<MsgType><![CDATA[text]]></MsgType>";
    assert_eq!(post(&msg("<![CDATA[hi]]>", 3).replace(msg_type, &msg_type.repeat(2))).status, 400);
    let other_type = msg("<![CDATA[hi]]>", 4)
        .replace(msg_type, "<MsgType><![CDATA[text]]></MsgType><MsgType><![CDATA[event]]></MsgType>");
    assert_eq!(post(&other_type).status, 400);
    // WeChat's own payloads carry control characters in CDATA: they are taken and echoed as sent.
    let control = post(&msg("<![CDATA[a\u{1}b\u{2}\u{1d}]]>", 5));
    assert_eq!(control.status, 200);
    assert!(control.text().contains("<Content><![CDATA[a\u{1}b\u{2}\u{1d}]]></Content>"), "{:?}", control.text());
    // The documented split of ]]> inside CDATA is fine.
    let split = post(&msg("<![CDATA[a]]]]><![CDATA[>]]>", 6));
    assert_eq!(split.status, 200);
    assert!(split.text().contains("<Content><![CDATA[a]]]]><![CDATA[>]]></Content>"), "{}", split.text());
}

#[test]
fn official_samples_get_the_right_answer() {
    let served = Served::start(&["serve", "--token", "tok"]);
    for case in vectors()["xml_samples"].as_array().unwrap() {
        let xml = case["xml"].as_str().unwrap();
        let answer = post_xml(&signed(&served.url, "tok", None), xml);
        assert_eq!(answer.status, 200, "{}", case["id"]);
        let body = answer.text();
        let expected = match case["id"].as_str().unwrap() {
            "text_with_article_ref" => {
                "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content>"
            }
            "image" => "<Image><MediaId><![CDATA[media_id]]></MediaId></Image>",
            "voice_with_16k" => "<Voice><MediaId><![CDATA[media_id]]></MediaId></Voice>",
            "shortvideo" => "<Video><MediaId><![CDATA[media_id]]></MediaId></Video>",
            "location" => "位置信息",
            "link" => "url",
            "event_subscribe_qrscene" => "scene 123123",
            _ => "success",
        };
        assert!(body.contains(expected), "{}: {body}", case["id"]);
        if expected != "success" {
            assert!(body.starts_with("<xml><ToUserName><![CDATA[fromUser]]></ToUserName><FromUserName><![CDATA[toUser]]></FromUserName><CreateTime>"));
        } else {
            assert_eq!(body, "success");
        }
    }
}

#[test]
fn retries_get_the_same_answer_and_are_logged() {
    let served = Served::start(&["serve", "--token", "tok"]);
    let msg = "<xml><ToUserName><![CDATA[gh_a]]></ToUserName><FromUserName><![CDATA[oRetry]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[once]]></Content><MsgId>777</MsgId></xml>";
    let first = post_xml(&signed(&served.url, "tok", None), msg).text();
    std::thread::sleep(Duration::from_millis(1100));
    let second = post_xml(&signed(&served.url, "tok", None), msg).text();
    assert_eq!(first, second, "the retry is answered with the very same bytes (same CreateTime)");
    served.wait_for_line(|l| l.contains("oRetry") && l.contains("retry"));
    let event = "<xml><ToUserName><![CDATA[gh_a]]></ToUserName><FromUserName><![CDATA[oEvt]]></FromUserName><CreateTime>5</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>";
    post_xml(&signed(&served.url, "tok", None), event);
    post_xml(&signed(&served.url, "tok", None), event);
    served.wait_for_line(|l| l.contains("oEvt") && l.contains("retry"));
    // A different event in the same second is not a retry.
    let click = event.replace(
        "<Event><![CDATA[subscribe]]></Event>",
        "<Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[K]]></EventKey>",
    );
    post_xml(&signed(&served.url, "tok", None), &click);
    let line = served.wait_for_line(|l| l.contains("oEvt") && l.contains("CLICK"));
    assert!(!line.contains("retry"), "{line}");
}

#[test]
fn json_log_is_one_object_per_line() {
    let served = Served::start(&["serve", "--token", "tok", "--json"]);
    let first: serde_json::Value = serde_json::from_str(&served.lines()[0]).unwrap();
    assert_eq!(first["event"], "listening");
    get(&signed(&served.url, "tok", Some("123")));
    let line = served.wait_for_line(|l| l.contains("\"verify\""));
    let entry: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(entry["status"], 200);
    assert_eq!(entry["method"], "GET");
}

#[test]
fn address_in_use_is_a_usage_error_with_a_hint() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = wxdev().args(["serve", "--port", &port]).run();
    run.assert_usage_error("already in use");
    assert!(run.stderr.contains("--port"), "{}", run.stderr);
}

#[test]
fn bad_path_and_host_are_usage_errors() {
    wxdev().args(["serve", "--path", "wechat", "--port", "0"]).run().assert_usage_error("must start with /");
    wxdev().args(["serve", "--host", "203.0.113.7", "--port", "0"]).run().assert_usage_error("cannot listen");
}

#[test]
fn ctrl_c_stops_cleanly() {
    let mut served = Served::start(&["serve", "--token", "tok"]);
    assert_eq!(get(&signed(&served.url, "tok", Some("1"))).status, 200);
    let pid = served.pid().to_string();
    let started = Instant::now();
    assert!(std::process::Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let status = loop {
        if let Some(status) = served.child().try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "serve did not stop within 5 s of SIGINT");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn methods_other_than_get_and_post_are_refused() {
    let served = Served::start(&["serve", "--token", "tok"]);
    assert_eq!(send("PUT", &signed(&served.url, "tok", None), &[], b"x").status, 405);
}
