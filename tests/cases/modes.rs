//! Safe (安全) and compatible (兼容) mode through serve and simulate.

use crate::support::http::{get, post_xml};
use crate::support::{vectors, wxdev, RawResponse, RawServer, Served};
use serde_json::Value;
use wxdev::wechat::callback::with_query;
use wxdev::wechat::crypto::{Envelope, MsgCrypt};
use wxdev::wechat::{CallbackQuery, Element, Incoming, Signature};

const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const APPID: &str = "wx2c2769f8efd9abc2";
const TOKEN: &str = "spamtest";

fn crypt() -> MsgCrypt {
    MsgCrypt::from_encoding_key(KEY, APPID).unwrap()
}

fn serve_safe() -> Served {
    Served::start(&["serve", "--token", TOKEN, "--aes-key", KEY, "--appid", APPID])
}

fn simulate(url: &str, args: &[&str]) -> crate::support::Run {
    wxdev()
        .arg("simulate")
        .args(args)
        .args(["--url", url, "--token", TOKEN, "--aes-key", KEY, "--appid", APPID, "--json"])
        .run()
}

#[test]
fn serve_and_simulate_agree_in_every_mode() {
    let served = serve_safe();
    for mode in ["plain", "compat", "safe"] {
        for args in
            [vec!["text", "你好 ]]> 😀"], vec!["image", "--media-id", "M1"], vec!["event", "subscribe", "--scene", "9"]]
        {
            let run = simulate(&served.url, &[args.as_slice(), &["--mode", mode]].concat());
            run.assert_code(0);
            let json = run.json();
            assert_eq!(json["mode"], mode);
            assert_eq!(json["ok"], true, "{mode} {args:?}: {json}");
            assert_eq!(json["encrypted_reply"], mode != "plain", "{mode}: replies are encrypted in the request's mode");
            assert_eq!(json["reply"]["ToUserName"], "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
            if args[0] == "text" {
                assert_eq!(json["reply"]["Content"], "你好 ]]> 😀", "{mode}: reply is the decrypted one");
            }
        }
    }
    // With --aes-key and no --mode, the mode is safe.
    let json = simulate(&served.url, &["text", "x"]).json();
    assert_eq!(json["mode"], "safe");
}

fn official(case: &str) -> Value {
    vectors()["decrypt"].as_array().unwrap().iter().find(|c| c["id"] == case).unwrap().clone()
}

/// The query WeChat sent with the official sample.
fn official_url(base: &str, msg_signature: &str) -> String {
    let mut q = CallbackQuery::signed_at(TOKEN, "1409735669".into(), "1320562132".into());
    q.encrypt_type = Some("aes".into());
    q.msg_signature = Some(msg_signature.into());
    q.openid = Some("oyORnuP8q7ou2gfYjqLzSIWZf0rs".into());
    with_query(&url::Url::parse(base).unwrap(), &q).to_string()
}

#[test]
fn serve_decrypts_the_official_safe_and_compat_bodies() {
    let served = serve_safe();
    let case = official("official_oa_sample_decrypt");
    let signature = case["msg_signature"].as_str().unwrap();
    for body in ["request_body_safe_mode", "request_body_compatible_mode"] {
        let answer = post_xml(&official_url(&served.url, signature), case[body].as_str().unwrap());
        assert_eq!(answer.status, 200, "{body}: {}", answer.text());
        let envelope = Envelope::parse(&answer.text()).expect("an encrypted reply");
        envelope.check_signature(TOKEN).expect("the reply's MsgSignature is valid");
        let reply = crypt().decrypt(&envelope.encrypt).unwrap();
        let reply = Element::parse_document(&reply).unwrap();
        assert_eq!(reply.child_text("Content"), Some("abcdteT"), "{body}");
        assert_eq!(reply.child_text("ToUserName"), Some("oyORnuP8q7ou2gfYjqLzSIWZf0rs"));
        assert_eq!(reply.child_text("FromUserName"), Some("gh_10f6c3c3ac5a"));
    }
}

#[test]
fn serve_refuses_bad_msg_signature_and_undecryptable_bodies() {
    let served = serve_safe();
    let case = official("official_oa_sample_decrypt");
    let body = case["request_body_safe_mode"].as_str().unwrap();
    let bad = &vectors()["decrypt_negative"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "official_oa_sample_bad_msg_signature")
        .unwrap()
        .clone();
    assert_eq!(post_xml(&official_url(&served.url, bad["msg_signature"].as_str().unwrap()), body).status, 403);
    served.wait_for_line(|l| l.contains("403") && l.contains("msg_signature mismatch"));
    // Another account's appid inside: decryption fails on the appid check.
    let other = Served::start(&["serve", "--token", TOKEN, "--aes-key", KEY, "--appid", "wx0000000000000000"]);
    let answer = post_xml(&official_url(&other.url, case["msg_signature"].as_str().unwrap()), body);
    assert_eq!(answer.status, 400);
    other.wait_for_line(|l| l.contains("400") && l.contains("appid mismatch"));
    // Garbage in <Encrypt> with a valid msg_signature over it.
    let garbage = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let mut q = CallbackQuery::signed(TOKEN);
    q.encrypt_type = Some("aes".into());
    q.msg_signature =
        Some(Signature::msg(TOKEN, q.timestamp.as_deref().unwrap(), q.nonce.as_deref().unwrap(), garbage).to_string());
    let url = with_query(&url::Url::parse(&served.url).unwrap(), &q).to_string();
    let body = format!("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[{garbage}]]></Encrypt></xml>");
    assert_eq!(post_xml(&url, &body).status, 400);
    served.wait_for_line(|l| l.contains("decryption failed"));
    // GET verification is unchanged: plain signature, echostr as is.
    let mut q = CallbackQuery::signed(TOKEN);
    q.echostr = Some("12345".into());
    let answer = get(with_query(&url::Url::parse(&served.url).unwrap(), &q).as_ref());
    assert_eq!((answer.status, answer.text().as_str()), (200, "12345"));
}

#[test]
fn encrypted_request_to_a_plain_serve_is_refused() {
    let plain = Served::start(&["serve", "--token", TOKEN]);
    let run = simulate(&plain.url, &["text", "x", "--mode", "safe"]);
    run.assert_code(1);
    plain.wait_for_line(|l| l.contains("no --aes-key"));
}

#[test]
fn requests_are_wrapped_as_wechat_wraps_them() {
    let server = RawServer::start(|_| RawResponse::ok("success"));
    simulate(&server.url("/wx"), &["text", "hello", "--mode", "safe", "--msg-id", "42"]).assert_code(0);
    simulate(&server.url("/wx"), &["text", "hello", "--mode", "compat", "--msg-id", "43"]).assert_code(0);
    let requests = server.requests();
    for (req, mode) in requests.iter().zip(["safe", "compat"]) {
        let q = CallbackQuery::parse(req.target.split_once('?').unwrap().1);
        q.check_signature(TOKEN).expect("plain signature is still sent");
        assert_eq!(q.encrypt_type.as_deref(), Some("aes"));
        let body = Element::parse_document(&req.body_text()).unwrap();
        let envelope = Envelope::from_element(&body).unwrap();
        let expected =
            Signature::msg(TOKEN, q.timestamp.as_deref().unwrap(), q.nonce.as_deref().unwrap(), &envelope.encrypt);
        assert_eq!(q.msg_signature.as_deref(), Some(expected.as_str()), "{mode}");
        let plaintext = crypt().decrypt(&envelope.encrypt).expect("encrypted for our appid");
        let message = Incoming::parse(&plaintext).unwrap();
        assert_eq!(message.to, "gh_3f5e7a9b1c2d");
        let names: Vec<&str> = body.children.iter().map(|c| c.name.as_ref()).collect();
        if mode == "safe" {
            assert_eq!(names, ["ToUserName", "Encrypt"]);
            assert_eq!(body.child_text("ToUserName"), Some("gh_3f5e7a9b1c2d"));
        } else {
            assert_eq!(names.last(), Some(&"Encrypt"));
            assert_eq!(body.child_text("Content"), Some("hello"), "compat keeps the plaintext fields");
            assert_eq!(body.child_text("MsgId"), Some("43"));
        }
    }
}

/// Turns a plaintext reply (and the message it answers) into the body an endpoint sends.
type Sealer = fn(&str, &Incoming) -> String;

/// A scripted endpoint answering every message with `make(plaintext reply XML)`.
fn answering(make: Sealer) -> RawServer {
    RawServer::start(move |req| {
        let body = Element::parse_document(&req.body_text()).unwrap();
        let envelope = Envelope::from_element(&body).unwrap();
        let message = Incoming::parse(&crypt().decrypt(&envelope.encrypt).unwrap()).unwrap();
        let reply = format!(
            "<xml><ToUserName><![CDATA[{}]]></ToUserName><FromUserName><![CDATA[{}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[ok]]></Content></xml>",
            message.from, message.to
        );
        RawResponse::ok(make(&reply, &message))
    })
}

fn problems_of(server: &RawServer, mode: &str) -> (i32, Value) {
    let run = simulate(&server.url("/"), &["text", "hi", "--mode", mode]);
    (run.code, run.json())
}

#[test]
fn judges_encrypted_replies() {
    // A correct encrypted reply is accepted in safe and compat mode.
    let good = answering(|reply, _| crypt().encrypt_reply(TOKEN, reply));
    for mode in ["safe", "compat"] {
        let (code, json) = problems_of(&good, mode);
        assert_eq!(code, 0, "{json}");
        assert_eq!(json["encrypted_reply"], true);
        assert_eq!(json["reply"]["Content"], "ok");
    }
    // Plaintext: fine in compat mode, wrong in safe mode.
    let plain = answering(|reply, _| reply.to_owned());
    assert_eq!(problems_of(&plain, "compat").0, 0);
    let (code, json) = problems_of(&plain, "safe");
    assert_eq!(code, 1);
    assert!(json["problems"][0].as_str().unwrap().contains("plaintext"), "{json}");
    // success is accepted in every mode.
    let silent = answering(|_, _| "success".to_owned());
    assert_eq!(problems_of(&silent, "safe").0, 0);

    let cases: Vec<(Sealer, &str)> = vec![
        (|reply, _| crypt().encrypt_reply("another-token", reply), "msg_signature mismatch"),
        (
            |reply, _| MsgCrypt::from_encoding_key(KEY, "wx0000000000000000").unwrap().encrypt_reply(TOKEN, reply),
            "appid mismatch",
        ),
        (
            |reply, _| {
                let other = MsgCrypt::from_encoding_key("yguy3495y79o34vod7843933902h9gb2834hgpB90rg", APPID).unwrap();
                other.encrypt_reply(TOKEN, reply)
            },
            "does not decrypt",
        ),
        (
            |reply, _| {
                crypt().encrypt_reply(TOKEN, reply).replace("<Nonce>", "<Nonse>").replace("</Nonce>", "</Nonse>")
            },
            "Nonce",
        ),
        (|_, _| "<xml><Encrypt><![CDATA[%%%]]></Encrypt></xml>".to_owned(), "base64"),
        (
            |_, m| crypt().encrypt_reply(TOKEN, &format!("<xml><ToUserName><![CDATA[{}]]></ToUserName></xml>", m.to)),
            "swapped",
        ),
    ];
    for (make, needle) in cases {
        let server = answering(make);
        let (code, json) = problems_of(&server, "safe");
        assert_eq!(code, 1, "{needle}: {json}");
        let all = json["problems"].to_string();
        assert!(all.contains(needle), "expected {needle:?} in {all}");
    }
    // An encrypted reply in plain mode cannot be read by WeChat.
    let server = RawServer::start(|_| RawResponse::ok(crypt().encrypt_reply(TOKEN, "<xml/>")));
    let run = wxdev().args(["simulate", "text", "x", "--url", &server.url("/"), "--token", TOKEN, "--json"]).run();
    run.assert_code(1);
    let json = run.json();
    assert_eq!(json["mode"], "plain");
    assert!(json["problems"][0].as_str().unwrap().contains("plain mode"));
}

#[test]
fn mode_settings_errors_are_usage_errors() {
    wxdev()
        .args(["simulate", "text", "x", "--mode", "safe", "--url", "http://127.0.0.1:1/"])
        .run()
        .assert_usage_error("EncodingAESKey");
    wxdev()
        .args(["simulate", "text", "x", "--aes-key", "short", "--appid", APPID, "--url", "http://127.0.0.1:1/"])
        .run()
        .assert_usage_error("43");
    wxdev()
        .args(["simulate", "text", "x", "--aes-key", KEY, "--url", "http://127.0.0.1:1/"])
        .run()
        .assert_usage_error("appid");
    wxdev().args(["serve", "--aes-key", KEY, "--port", "0"]).run().assert_usage_error("appid");
    wxdev()
        .args(["serve", "--aes-key", "bad!", "--appid", APPID, "--port", "0"])
        .run()
        .assert_usage_error("EncodingAESKey");
}
