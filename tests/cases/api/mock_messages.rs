//! `mock-api` as a local WeChat for a bot's tests: messages sent
//! (customer-service, template, mass), `/mock/messages`, `/mock/calls`, and
//! the 404 of an unmocked path.

use super::*;
use crate::support::http::{request, Answer};

const OPENID: &str = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";

pub fn token(api: &Served) -> String {
    let url = format!("{}/cgi-bin/token?grant_type=client_credential&appid={APPID}&secret={SECRET}", api.url);
    request("GET", &url, &[], b"").json()["access_token"].as_str().unwrap().to_owned()
}

/// A JSON POST to an API path with the token; the errcode (0 when absent) and the answer.
pub fn call(api: &Served, path: &str, token: &str, body: &str) -> (i64, Value) {
    let url = format!("{}{path}?access_token={token}", api.url);
    let answer = request("POST", &url, &[("Content-Type", "application/json")], body.as_bytes());
    assert_eq!(answer.status, 200, "{}", answer.text());
    let json = answer.json();
    (json["errcode"].as_i64().unwrap_or(0), json)
}

fn admin(api: &Served, method: &str, route: &str) -> Answer {
    let headers: &[(&str, &str)] = if method == "GET" { &[] } else { &[("Content-Type", "application/json")] };
    request(method, &format!("{}/mock/{route}", api.url), headers, b"")
}

const CUSTOM: &str = "/cgi-bin/message/custom/send";

#[test]
fn customer_service_messages_are_checked_per_type_and_remembered() {
    let api = mock(&[]);
    let token = token(&api);
    let send = |body: &str| call(&api, CUSTOM, &token, body).0;
    let sent = [
        format!(r#"{{"touser":"{OPENID}","msgtype":"text","text":{{"content":"Hello World"}}}}"#),
        format!(r#"{{"touser":"{OPENID}","msgtype":"image","image":{{"media_id":"MEDIA_ID"}}}}"#),
        format!(r#"{{"touser":"{OPENID}","msgtype":"voice","voice":{{"media_id":"MEDIA_ID"}}}}"#),
        format!(
            r#"{{"touser":"{OPENID}","msgtype":"video","video":{{"media_id":"M","thumb_media_id":"T","title":"t"}}}}"#
        ),
        format!(
            r#"{{"touser":"{OPENID}","msgtype":"music","music":{{"musicurl":"u","hqmusicurl":"h","thumb_media_id":"T"}}}}"#
        ),
        format!(
            r#"{{"touser":"{OPENID}","msgtype":"news","news":{{"articles":[{{"title":"Happy Day","url":"URL","picurl":"P"}}]}}}}"#
        ),
        format!(r#"{{"touser":"{OPENID}","msgtype":"mpnews","mpnews":{{"media_id":"MEDIA_ID"}}}}"#),
        format!(
            r#"{{"touser":"{OPENID}","msgtype":"msgmenu","msgmenu":{{"head_content":"?","list":[{{"id":"101","content":"yes"}}],"tail_content":"."}}}}"#
        ),
    ];
    for body in &sent {
        assert_eq!(send(body), 0, "{body}");
    }
    let refused = [
        (String::new(), 44002),
        ("{not json".to_owned(), 47001),
        ("[1]".to_owned(), 47001),
        (r#"{"msgtype":"text","text":{"content":"x"}}"#.to_owned(), 40003),
        (r#"{"touser":"not an openid","msgtype":"text","text":{"content":"x"}}"#.to_owned(), 40003),
        (format!(r#"{{"touser":"{OPENID}","text":{{"content":"x"}}}}"#), 40008),
        (format!(r#"{{"touser":"{OPENID}","msgtype":"telegram","telegram":{{}}}}"#), 40008),
        (format!(r#"{{"touser":"{OPENID}","msgtype":"text"}}"#), 47001),
        (format!(r#"{{"touser":"{OPENID}","msgtype":"text","text":{{"content":""}}}}"#), 44004),
        (format!(r#"{{"touser":"{OPENID}","msgtype":"image","image":{{}}}}"#), 41006),
        (format!(r#"{{"touser":"{OPENID}","msgtype":"video","video":{{"media_id":"M"}}}}"#), 47003),
        (format!(r#"{{"touser":"{OPENID}","msgtype":"news","news":{{"articles":[]}}}}"#), 44003),
        (
            format!(
                r#"{{"touser":"{OPENID}","msgtype":"news","news":{{"articles":[{{"title":"a","url":"u"}},{{"title":"b","url":"u"}}]}}}}"#
            ),
            45008,
        ),
        (format!(r#"{{"touser":"{OPENID}","msgtype":"msgmenu","msgmenu":{{"list":[{{"id":"1"}}]}}}}"#), 47003),
    ];
    for (body, code) in &refused {
        assert_eq!(send(body), *code, "{body}");
    }
    // The token is checked before the body.
    assert_eq!(call(&api, CUSTOM, "", &sent[0]).0, 41001);
    assert_eq!(call(&api, CUSTOM, "x", &sent[0]).0, 40014);
    assert_eq!(call(&api, CUSTOM, &"A".repeat(128), &sent[0]).0, 40001);
    let get = request("GET", &format!("{}{CUSTOM}?access_token={token}", api.url), &[], b"").json();
    assert_eq!(get["errcode"], 43002);

    let messages = admin(&api, "GET", "messages").json();
    let list = messages[OPENID].as_array().unwrap();
    assert_eq!(list.len(), sent.len(), "only the accepted ones: {messages}");
    assert_eq!(list[0]["kind"], "custom");
    assert_eq!(list[0]["msgtype"], "text");
    assert_eq!(list[0]["body"]["text"]["content"], "Hello World");
    assert!(list[0]["time"].as_i64().unwrap() > 1_600_000_000);
    let types: Vec<&str> = list.iter().map(|m| m["msgtype"].as_str().unwrap()).collect();
    assert_eq!(types, ["text", "image", "voice", "video", "music", "news", "mpnews", "msgmenu"]);
}

#[test]
fn template_and_mass_messages_answer_their_ids() {
    let api = mock(&[]);
    let token = token(&api);
    let template = format!(
        r#"{{"touser":"{OPENID}","template_id":"ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY","url":"http://weixin.qq.com/download","data":{{"keyword1":{{"value":"巧克力"}}}}}}"#
    );
    let (code, answer) = call(&api, "/cgi-bin/message/template/send", &token, &template);
    assert_eq!((code, answer["errmsg"].as_str()), (0, Some("ok")));
    let msgid = answer["msgid"].as_u64().unwrap();
    let (_, again) = call(&api, "/cgi-bin/message/template/send", &token, &template);
    assert_ne!(again["msgid"].as_u64().unwrap(), msgid, "each message its own msgid");
    for (body, code) in [
        (r#"{"template_id":"T","data":{}}"#.to_owned(), 40003),
        (format!(r#"{{"touser":"{OPENID}","data":{{}}}}"#), 40037),
        (format!(r#"{{"touser":"{OPENID}","template_id":"T"}}"#), 47003),
        (format!(r#"{{"touser":"{OPENID}","template_id":"T","data":{{"k":{{"color":"red"}}}}}}"#), 47003),
    ] {
        assert_eq!(call(&api, "/cgi-bin/message/template/send", &token, &body).0, code, "{body}");
    }

    let sendall =
        r#"{"filter":{"is_to_all":true},"mpnews":{"media_id":"M"},"msgtype":"mpnews","send_ignore_reprint":0}"#;
    let (code, answer) = call(&api, "/cgi-bin/message/mass/sendall", &token, sendall);
    assert_eq!((code, answer["errmsg"].as_str()), (0, Some("send job submission success")));
    assert!(answer["msg_id"].is_u64() && answer["msg_data_id"].is_u64(), "{answer}");
    let tagged = r#"{"filter":{"is_to_all":false,"tag_id":2},"text":{"content":"hi"},"msgtype":"text"}"#;
    let (_, answer) = call(&api, "/cgi-bin/message/mass/sendall", &token, tagged);
    assert!(answer["msg_id"].is_u64() && answer.get("msg_data_id").is_none(), "{answer}");
    let images = r#"{"filter":{"is_to_all":true},"images":{"media_ids":[]},"msgtype":"image"}"#;
    assert_eq!(call(&api, "/cgi-bin/message/mass/sendall", &token, images).0, 41006);
    let nobody = r#"{"filter":{"is_to_all":false},"text":{"content":"hi"},"msgtype":"text"}"#;
    assert_eq!(call(&api, "/cgi-bin/message/mass/sendall", &token, nobody).0, 40097);
    let preview = format!(r#"{{"touser":"{OPENID}","text":{{"content":"preview"}},"msgtype":"text"}}"#);
    let (code, answer) = call(&api, "/cgi-bin/message/mass/preview", &token, &preview);
    assert_eq!((code, answer["errmsg"].as_str()), (0, Some("preview success")));
    assert!(answer["msg_id"].is_u64());

    let all = admin(&api, "GET", "messages").json();
    let kinds: Vec<&str> = all[OPENID].as_array().unwrap().iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["template", "template", "mass"]);
    assert_eq!(all["@all"][0]["msgtype"], "mpnews");
    assert_eq!(all["@tag:2"][0]["body"]["text"]["content"], "hi");
    let one = admin(&api, "GET", &format!("messages?touser={OPENID}")).json();
    assert_eq!(one.as_object().unwrap().len(), 1);
    assert_eq!(admin(&api, "GET", "messages?touser=nobody-at-all").json(), serde_json::json!({}));
}

#[test]
fn records_are_guarded_filtered_and_cleared() {
    let api = mock(&[]);
    let token = token(&api);
    let text = format!(r#"{{"touser":"{OPENID}","msgtype":"text","text":{{"content":"hi"}}}}"#);
    call(&api, CUSTOM, &token, &text);
    call(&api, CUSTOM, &token, "{");

    let calls = admin(&api, "GET", "calls").json();
    let calls = calls.as_array().unwrap();
    assert_eq!(calls.len(), 3, "the token call and the two sends, not the /mock/ routes: {calls:?}");
    assert_eq!((calls[0]["method"].as_str(), calls[0]["path"].as_str()), (Some("GET"), Some("/cgi-bin/token")));
    assert_eq!(calls[0]["query"]["appid"], APPID, "the query as sent");
    assert_eq!(calls[0]["query"]["secret"], "…", "but never the secret");
    assert_eq!(calls[1]["query"]["access_token"], format!("{}…", &token[..6]), "the token masked");
    assert_eq!(calls[1]["body"]["text"]["content"], "hi");
    assert_eq!((calls[1]["errcode"].as_i64(), calls[2]["errcode"].as_i64()), (Some(0), Some(47001)));
    assert_eq!((calls[2]["body"].is_null(), calls[2]["body_bytes"].as_u64()), (true, Some(1)));
    let only = admin(&api, "GET", &format!("calls?path={CUSTOM}")).json();
    assert_eq!(only.as_array().unwrap().len(), 2);

    // The guard: a foreign Host, a form-like DELETE, a POST.
    let foreign = request("GET", &format!("{}/mock/messages", api.url), &[("Host", "evil.example")], b"");
    assert_eq!(foreign.status, 403);
    let url = format!("{}/mock/calls", api.url);
    assert_eq!(request("DELETE", &url, &[("Content-Type", "text/plain")], b"").status, 415);
    assert_eq!(request("DELETE", &url, &[], b"").status, 415);
    assert_eq!(admin(&api, "POST", "calls").status, 405);

    let cleared = admin(&api, "DELETE", "calls");
    assert_eq!((cleared.status, cleared.json()["cleared"].as_u64()), (200, Some(3)));
    assert_eq!(admin(&api, "GET", "calls").json(), serde_json::json!([]));
    assert_eq!(admin(&api, "DELETE", "messages").json()["cleared"], 1);
    assert_eq!(admin(&api, "GET", "messages").json(), serde_json::json!({}));
}
