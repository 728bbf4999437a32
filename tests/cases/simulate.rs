//! `wxdev simulate` against `wxdev serve` and against scripted endpoints.

use crate::support::{wxdev, RawRequest, RawResponse, RawServer, Served};
use serde_json::Value;
use std::time::Duration;
use wxdev::wechat::{CallbackQuery, Incoming};

/// Asserts something about a decoded reply.
type ReplyCheck = Box<dyn Fn(&Value)>;
/// Builds a reply body for an incoming message.
type ReplyMaker = Box<dyn Fn(&Incoming) -> String + Send + Sync>;

fn simulate(url: &str, token: &str, args: &[&str]) -> crate::support::Run {
    wxdev().arg("simulate").args(args).args(["--url", url, "--token", token, "--json"]).run()
}

#[test]
fn every_kind_round_trips_through_serve() {
    let served = Served::start(&["serve", "--token", "tok"]);
    let cases: Vec<(Vec<&str>, ReplyCheck)> = vec![
        (vec!["text", "你好 😀 a]]>b"], Box::new(|r| assert_eq!(r["Content"], "你好 😀 a]]>b"))),
        (vec!["image", "--media-id", "IMG1"], Box::new(|r| assert_eq!(r["Image"]["MediaId"], "IMG1"))),
        (
            vec!["voice", "--media-id", "V1", "--recognition", "你好"],
            Box::new(|r| assert_eq!(r["Voice"]["MediaId"], "V1")),
        ),
        (vec!["video", "--media-id", "VID"], Box::new(|r| assert_eq!(r["Video"]["MediaId"], "VID"))),
        (vec!["shortvideo", "--media-id", "SV"], Box::new(|r| assert_eq!(r["Video"]["MediaId"], "SV"))),
        (
            vec!["location", "--lat", "-33.86", "--lng", "151.21", "--label", "Sydney"],
            Box::new(|r| assert!(r["Content"].as_str().unwrap().contains("Sydney (-33.86, 151.21)"))),
        ),
        (
            vec!["link", "--link-url", "https://example.com/a"],
            Box::new(|r| assert!(r["Content"].as_str().unwrap().contains("https://example.com/a"))),
        ),
        (
            vec!["event", "subscribe", "--scene", "42"],
            Box::new(|r| assert!(r["Content"].as_str().unwrap().contains("scene 42"))),
        ),
        (vec!["event", "subscribe"], Box::new(|r| assert_eq!(r["MsgType"], "text"))),
    ];
    for (args, check) in cases {
        let run = simulate(&served.url, "tok", &args);
        run.assert_code(0);
        let json = run.json();
        assert_eq!(json["ok"], true, "{args:?}: {json}");
        assert_eq!(json["attempts"], 1);
        assert_eq!(json["http_status"], 200);
        let reply = &json["reply"];
        assert_eq!(reply["ToUserName"], "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", "{args:?}");
        assert_eq!(reply["FromUserName"], "gh_3f5e7a9b1c2d");
        check(reply);
    }
    // Events without a reply: serve answers success.
    for args in [
        vec!["event", "unsubscribe"],
        vec!["event", "scan", "--key", "7"],
        vec!["event", "location"],
        vec!["event", "click", "--key", "K"],
        vec!["event", "VIEW", "--key", "https://example.com"],
    ] {
        let run = simulate(&served.url, "tok", &args);
        run.assert_code(0);
        let json = run.json();
        assert_eq!(json["raw"], "success", "{args:?}");
        assert_eq!(json["reply"], Value::Null);
    }
}

#[test]
fn defaults_let_serve_and_simulate_meet_without_settings() {
    // serve's default port may be taken on a shared machine, so only the token is left to defaults here;
    // the default URL is asserted to be serve's default address and path.
    let served = Served::start(&["serve"]);
    let run = wxdev().args(["simulate", "text", "hi", "--url", &served.url]).run();
    run.assert_code(0);
    assert!(run.stderr.contains("development token"), "{}", run.stderr);
    assert!(run.stdout.contains("WeChat accepts"), "{}", run.stdout);
    let url = served.url.clone();
    assert!(url.ends_with("/wechat"));
    let no_url = wxdev().args(["simulate", "text", "hi", "--timeout", "0.2"]).run();
    assert!(no_url.stderr.contains("http://127.0.0.1:8080/wechat"), "{}", no_url.stderr);
}

/// A scripted endpoint that answers every POST with `reply(request)`.
fn endpoint(reply: impl Fn(&RawRequest, &Incoming) -> RawResponse + Send + Sync + 'static) -> RawServer {
    RawServer::start(move |req| {
        let incoming = Incoming::parse(&req.body_text()).expect("simulate sent a valid message");
        reply(req, &incoming)
    })
}

fn text_reply(to: &str, from: &str, content: &str) -> String {
    format!(
        "<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>\
         <CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content></xml>"
    )
}

#[test]
fn sends_what_wechat_sends() {
    let server = endpoint(|_, _| RawResponse::ok("success"));
    let run = simulate(
        &server.url("/wx?x=1"),
        "tok",
        &["text", "hello", "--msg-id", "1234567890123456789", "--to", "gh_abc", "--from", "oABC"],
    );
    run.assert_code(0);
    let req = &server.requests()[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.path(), "/wx");
    assert_eq!(req.param("x").as_deref(), Some("1"));
    assert!(req.header("content-type").unwrap().starts_with("text/xml"));
    let q = CallbackQuery::parse(req.target.split_once('?').unwrap().1);
    q.check_signature("tok").expect("valid signature");
    assert_eq!(q.openid.as_deref(), Some("oABC"));
    let msg = Incoming::parse(&req.body_text()).unwrap();
    assert_eq!(msg.to, "gh_abc");
    assert_eq!(msg.from, "oABC");
    assert_eq!(msg.msg_id.as_deref(), Some("1234567890123456789"));
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    assert!((now - msg.create_time).abs() < 60, "CreateTime is now, in seconds");
    let body = req.body_text();
    assert!(body.contains("<Content><![CDATA[hello]]></Content>"), "{body}");
    assert!(body.contains("<CreateTime>") && !body.contains("<CreateTime><![CDATA["));
}

#[test]
fn fresh_msg_ids_and_event_fields() {
    let server = endpoint(|_, _| RawResponse::ok(""));
    simulate(&server.url("/"), "t", &["text", "a"]).assert_code(0);
    simulate(&server.url("/"), "t", &["text", "a"]).assert_code(0);
    simulate(&server.url("/"), "t", &["event", "subscribe", "--scene", "7"]).assert_code(0);
    simulate(&server.url("/"), "t", &["event", "view", "--key", "https://x.example/", "--menu-id", "9"]).assert_code(0);
    let reqs = server.requests();
    let ids: Vec<_> = reqs[..2].iter().map(|r| Incoming::parse(&r.body_text()).unwrap().msg_id.unwrap()).collect();
    assert_ne!(ids[0], ids[1]);
    assert!(ids.iter().all(|id| id.parse::<u64>().is_ok()));
    let sub = reqs[2].body_text();
    assert!(
        sub.contains("<Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_7]]></EventKey><Ticket>"),
        "{sub}"
    );
    assert!(!sub.contains("<MsgId>"), "events carry no MsgId");
    let view = reqs[3].body_text();
    assert!(
        view.contains(
            "<Event><![CDATA[VIEW]]></Event><EventKey><![CDATA[https://x.example/]]></EventKey><MenuId>9</MenuId>"
        ),
        "{view}"
    );
}

fn verdict(reply: impl Fn(&Incoming) -> String + Send + Sync + 'static, args: &[&str]) -> (i32, Value) {
    let server = endpoint(move |_, m| RawResponse::ok(reply(m)));
    let run = simulate(&server.url("/wx"), "t", args);
    (run.code, run.json())
}

fn problems(json: &Value) -> String {
    json["problems"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect::<Vec<_>>().join(" | ")
}

#[test]
fn judges_each_reply_violation() {
    let text = ["text", "hi"];
    let cases: Vec<(ReplyMaker, &str)> = vec![
        (Box::new(|m| text_reply(&m.to, &m.from, "x")), "swapped"),
        (Box::new(|m| text_reply("oSomeoneElse", &m.to, "x")), "ToUserName"),
        (Box::new(|m| text_reply(&m.from, "gh_other", "x")), "FromUserName"),
        (Box::new(|_| "{\"errcode\":0}".into()), "JSON"),
        (Box::new(|_| "<html><body>500</body></html>".into()), "HTML"),
        (Box::new(|_| "ok".into()), "plain text"),
        (Box::new(|_| "<xml><ToUserName>".into()), "not a valid"),
        (Box::new(|m| text_reply(&m.from, &m.to, "x").replace("<MsgType><![CDATA[text]]></MsgType>", "")), "MsgType"),
        (
            Box::new(|m| text_reply(&m.from, &m.to, "x").replace("<CreateTime>1700000000</CreateTime>", "")),
            "CreateTime",
        ),
        (Box::new(|m| text_reply(&m.from, &m.to, "x").replace("[text]", "[mpnews]")), "not a reply type"),
        (Box::new(|m| text_reply(&m.from, &m.to, "x").replace("[text]", "[image]")), "Image"),
        (Box::new(|m| text_reply(&m.from, &m.to, "x").replace("<Content><![CDATA[x]]></Content>", "")), "Content"),
    ];
    for (reply, needle) in cases {
        let (code, json) = verdict(reply, &text);
        assert_eq!(code, 1, "{needle}: {json}");
        assert_eq!(json["ok"], false);
        assert_eq!(json["attempts"], 1, "an HTTP 200 answer is judged, never retried");
        assert!(problems(&json).contains(needle), "expected {needle:?} in {}", problems(&json));
    }
}

#[test]
fn malformed_and_ambiguous_replies_are_named_exactly() {
    let not_xml = "the reply is not a valid WeChat XML document: not well-formed XML: ";
    let cases: Vec<(ReplyMaker, String)> = vec![
        (
            Box::new(|m| text_reply(&m.from, &m.to, "x").replace("<![CDATA[x]]>", "1 ]]> 0")),
            format!(
                "{not_xml}<Content> has \"]]>\" in its character data (a CDATA section ends at the first \"]]>\": \
                 split it as ]]]]><![CDATA[> inside CDATA, write ]]&gt; outside)"
            ),
        ),
        (
            Box::new(|m| text_reply(&m.from, &m.to, "a\u{1}b")),
            format!(
                "{not_xml}<Content> contains U+0001, a character XML 1.0 does not allow; \
                 remove control characters other than tab, newline and carriage return"
            ),
        ),
        (
            Box::new(|m| {
                text_reply(&m.from, &m.to, "x").replace("</MsgType>", "</MsgType><MsgType><![CDATA[text]]></MsgType>")
            }),
            "<MsgType> appears 2 times where WeChat expects one: the reply is ambiguous".to_owned(),
        ),
    ];
    for (reply, problem) in cases {
        let (code, json) = verdict(reply, &["text", "hi"]);
        assert_eq!(code, 1, "{json}");
        assert_eq!(json["ok"], false);
        assert_eq!(json["problems"], serde_json::json!([problem]), "{json}");
    }
    // Text that ends in ]]> split the documented way is fine.
    let (code, json) = verdict(|m| text_reply(&m.from, &m.to, "1 ]]]]><![CDATA[>"), &["text", "hi"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["ok"], true);
    assert_eq!(json["problems"], serde_json::json!([]));
    assert_eq!(json["reply"]["Content"], "1 ]]>");
}

#[test]
fn accepts_silence_and_warns_on_suspicious_replies() {
    for body in ["", "success"] {
        let (code, json) = verdict(move |_| body.to_owned(), &["text", "hi"]);
        assert_eq!(code, 0);
        assert_eq!(json["reply"], Value::Null);
        assert_eq!(json["raw"], body);
    }
    let (code, json) =
        verdict(|m| text_reply(&m.from, &m.to, "x").replace("1700000000", "1700000000000"), &["text", "hi"]);
    assert_eq!(code, 0);
    assert!(json["warnings"][0].as_str().unwrap().contains("milliseconds"), "{json}");
    let news = |m: &Incoming| {
        let item = "<item><Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description><PicUrl><![CDATA[p]]></PicUrl><Url><![CDATA[u]]></Url></item>";
        format!(
            "<xml><ToUserName><![CDATA[{}]]></ToUserName><FromUserName><![CDATA[{}]]></FromUserName><CreateTime>1</CreateTime>\
             <MsgType><![CDATA[news]]></MsgType><ArticleCount>2</ArticleCount><Articles>{item}{item}</Articles></xml>",
            m.from, m.to
        )
    };
    let (code, json) = verdict(news, &["text", "hi"]);
    assert_eq!(code, 0);
    assert!(json["warnings"][0].as_str().unwrap().contains("only the first"), "{json}");
    assert_eq!(json["reply"]["Articles"]["item"].as_array().unwrap().len(), 2, "repeated elements are arrays");
    assert_eq!(json["reply"]["ArticleCount"], "2");
}

#[test]
fn slow_answers_are_warned_about() {
    let server = endpoint(|_, m| RawResponse::ok(text_reply(&m.from, &m.to, "x")).delayed(Duration::from_millis(900)));
    let run = simulate(&server.url("/"), "t", &["text", "hi", "--timeout", "1"]);
    run.assert_code(0);
    assert!(run.json()["warnings"][0].as_str().unwrap().contains("limit"), "{}", run.stdout);
}

#[test]
fn timeouts_are_retried_with_the_same_msg_id_then_given_up() {
    let server = endpoint(|_, _| RawResponse::ok("success").delayed(Duration::from_millis(1500)));
    let run = simulate(&server.url("/"), "t", &["text", "hi", "--timeout", "0.3"]);
    run.assert_code(1);
    let json = run.json();
    assert_eq!(json["attempts"], 3);
    assert_eq!(json["http_status"], Value::Null);
    assert!(problems(&json).contains("该公众号暂时无法提供服务，请稍后再试"), "{json}");
    std::thread::sleep(Duration::from_millis(100));
    let ids: Vec<_> =
        server.requests().iter().map(|r| Incoming::parse(&r.body_text()).unwrap().msg_id.unwrap()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|id| *id == ids[0]), "same MsgId on every attempt: {ids:?}");
}

#[test]
fn errors_are_retried_and_a_late_success_counts() {
    let server = endpoint(|_, _| RawResponse::new(500, "boom"));
    let run = simulate(&server.url("/"), "t", &["text", "hi"]);
    run.assert_code(1);
    let json = run.json();
    assert_eq!(json["attempts"], 3);
    assert_eq!(json["http_status"], 500);
    assert_eq!(server.hits(), 3);
    assert!(problems(&json).contains("HTTP 500"));

    let calls = std::sync::atomic::AtomicUsize::new(0);
    let flaky = endpoint(move |_, m| {
        if calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
            RawResponse::new(502, "bad gateway")
        } else {
            RawResponse::ok(text_reply(&m.from, &m.to, "late"))
        }
    });
    let run = simulate(&flaky.url("/"), "t", &["text", "hi"]);
    run.assert_code(0);
    let json = run.json();
    assert_eq!(json["attempts"], 2);
    assert!(json["warnings"][0].as_str().unwrap().contains("attempt 2"), "{json}");
}

#[test]
fn unreachable_endpoint_is_a_no() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let run = simulate(&format!("http://127.0.0.1:{port}/wx"), "t", &["text", "hi"]);
    run.assert_code(1);
    assert!(problems(&run.json()).contains("connection refused"));
}

#[test]
fn file_is_sent_as_is_and_judged_against_its_envelope() {
    let xml = "<xml><ToUserName><![CDATA[gh_file]]></ToUserName><FromUserName><![CDATA[oFile]]></FromUserName>\
               <CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[from a file]]></Content>\
               <MsgId>1234567890123456</MsgId><Custom>kept</Custom></xml>";
    let served = Served::start(&["serve", "--token", "tok"]);
    let cmd = wxdev().file("msg.xml", xml);
    let path = cmd.path("msg.xml");
    let run = cmd.args(["simulate", "file"]).arg(&path).args(["--url", &served.url, "--token", "tok", "--json"]).run();
    run.assert_code(0);
    let json = run.json();
    assert_eq!(json["reply"]["ToUserName"], "oFile");
    assert_eq!(json["reply"]["Content"], "from a file");

    let raw = RawServer::start(|_| RawResponse::ok(""));
    let cmd = wxdev().file("msg.xml", xml);
    let path = cmd.path("msg.xml");
    cmd.args(["simulate", "file"]).arg(&path).args(["--url", &raw.url("/"), "--token", "t"]).run().assert_code(0);
    assert_eq!(raw.requests()[0].body_text(), xml, "sent byte for byte");
}

#[test]
fn options_go_before_or_after_kind() {
    let server = endpoint(|_, _| RawResponse::ok(""));
    let url = server.url("/");
    let run = wxdev().args(["simulate", "event", "click", "--key", "K", "--url", &url, "--token", "t", "--json"]).run();
    run.assert_code(0);
    let run = wxdev()
        .args(["--json", "simulate", "--url", &url, "--token", "t", "--from", "oX", "event", "click", "--key", "K"])
        .run();
    run.assert_code(0);
    assert!(server.requests()[1].body_text().contains("<FromUserName><![CDATA[oX]]></FromUserName>"));
}

#[test]
fn raw_prints_the_body_exactly() {
    let server = endpoint(|_, m| RawResponse::ok(text_reply(&m.from, &m.to, "x") + "\n"));
    let run = wxdev().args(["simulate", "text", "hi", "--raw", "--url", &server.url("/"), "--token", "t"]).run();
    run.assert_code(0);
    assert!(run.stdout.starts_with("<xml><ToUserName>") && run.stdout.ends_with("</xml>\n"), "{:?}", run.stdout);
    assert!(run.stderr.contains("WeChat accepts"));
}

#[test]
fn human_output_shows_the_decoded_reply_without_colour_when_piped() {
    let served = Served::start(&["serve", "--token", "tok"]);
    let run = wxdev().args(["simulate", "text", "第一行\n第二行", "--url", &served.url, "--token", "tok"]).run();
    run.assert_code(0);
    assert!(run.stdout.contains("Reply (text)") && run.stdout.contains("Content"), "{}", run.stdout);
    assert!(!run.stdout.contains("\u{1b}["), "no colour when stdout is not a terminal");
    let forced =
        wxdev().args(["simulate", "text", "x", "--url", &served.url, "--token", "tok", "--color", "always"]).run();
    assert!(forced.stdout.contains("\u{1b}["), "--color always colours");
}

#[test]
fn bad_input_is_a_usage_error() {
    wxdev()
        .args(["simulate", "file", "/nonexistent/msg.xml", "--url", "http://127.0.0.1:1/"])
        .run()
        .assert_usage_error("cannot read");
    let cmd = wxdev().file("bad.xml", "<xml><Content>no envelope</Content></xml>");
    let path = cmd.path("bad.xml");
    cmd.args(["simulate", "file"])
        .arg(path)
        .args(["--url", "http://127.0.0.1:1/"])
        .run()
        .assert_usage_error("not a WeChat message");
    wxdev().args(["simulate", "text", "hi", "--url", "127.0.0.1:8080/wx"]).run().assert_usage_error("not a valid URL");
    wxdev().args(["simulate", "text", "hi", "--timeout", "0"]).run().assert_code(2);
    wxdev().args(["simulate", "event", "click"]).run().assert_code(2);
    wxdev().args(["simulate", "teleport"]).run().assert_code(2);
}

#[test]
fn text_from_the_endpoint_reaches_the_terminal_escaped() {
    // Bidirectional overrides and zero-width characters are valid XML: the reply is accepted
    // and shown, but not as the endpoint wrote it.
    let server = endpoint(|_, m| {
        let reply = format!(
            "<xml><ToUserName><![CDATA[{}]]></ToUserName><FromUserName><![CDATA[{}]]></FromUserName>\
             <CreateTime>1700000000</CreateTime><MsgType><![CDATA[image]]></MsgType>\
             <Image><MediaId><![CDATA[m\u{202e}gpj.exe\u{200b}]]></MediaId></Image></xml>",
            m.from, m.to
        );
        RawResponse::ok(reply)
    });
    let run = wxdev().args(["simulate", "text", "hi", "--url", &server.url("/wechat"), "--token", "t"]).run();
    run.assert_code(0);
    assert!(!run.stdout.contains('\u{202e}') && !run.stdout.contains('\u{200b}'), "{}", run.stdout);
    assert!(run.stdout.contains("the user sees image m\\u{202e}gpj.exe\\u{200b}"), "{}", run.stdout);
    assert!(run.stdout.contains("MediaId        m\\u{202e}gpj.exe\\u{200b}"), "{}", run.stdout);
}
