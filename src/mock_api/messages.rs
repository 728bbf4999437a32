//! Messages a bot sends: customer-service (`message/custom/send`), template
//! (`message/template/send`) and mass (`message/mass/sendall`, `preview`).
//! Each body is checked as WeChat checks it and, once accepted, remembered
//! for `GET /mock/messages`, so a bot's own tests can assert what it sent.
//!
//! Any OpenID of the right shape is taken as a follower: the mock has no
//! follower list to consult. Mass messages to everyone are filed under
//! `@all`, those to a tag under `@tag:ID`.

use super::answer::{clip, ok, refused, typical, Answer, Refused};
use super::body::RequestBody;
use super::bounded::BoundedLog;
use super::jsonapi::{object, text, Caller};
use super::{lock, MockApi};
use crate::wechat::unix_now;
use hyper::http::request::Parts;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

pub const CUSTOM_SEND_PATH: &str = "/cgi-bin/message/custom/send";
pub const TEMPLATE_SEND_PATH: &str = "/cgi-bin/message/template/send";
pub const MASS_SENDALL_PATH: &str = "/cgi-bin/message/mass/sendall";
pub const MASS_PREVIEW_PATH: &str = "/cgi-bin/message/mass/preview";

/// Most messages remembered; the oldest are forgotten first. A bot's test
/// suite checks what it sent a moment ago, and a test run seldom sends
/// thousands; a bot looping on a send cannot grow the mock past this.
pub const MAX_MESSAGES: usize = 10_000;

/// Most bytes of message bodies remembered (bodies are at most 64 KB each):
/// 10,000 messages of the usual few hundred bytes fit many times over.
pub const MAX_MESSAGE_BYTES: usize = 32 * 1024 * 1024;

/// Articles a customer-service news message may carry.
const MAX_NEWS_ARTICLES: usize = 1;

/// One message as sent.
pub struct Sent {
    pub to: String,
    pub kind: &'static str,
    pub msgtype: String,
    pub body: Value,
    pub time: i64,
    /// The id `push` returned: rises with every message, so a reader can ask
    /// "what came after the last one I saw" even once the oldest are forgotten.
    pub seq: u64,
}

pub struct Messages {
    log: BoundedLog<Sent>,
    /// The next msgid / msg_id handed out.
    next_id: u64,
}

impl Default for Messages {
    fn default() -> Messages {
        Messages { log: BoundedLog::new(MAX_MESSAGES, MAX_MESSAGE_BYTES), next_id: 1_000_000_001 }
    }
}

impl Messages {
    /// Remembers a message; returns its id.
    fn push(&mut self, to: &str, kind: &'static str, msgtype: &str, body: Map<String, Value>) -> u64 {
        let body = Value::Object(body);
        let size = body.to_string().len() + to.len() + msgtype.len();
        let seq = self.next_id;
        let sent = Sent { to: to.to_owned(), kind, msgtype: msgtype.to_owned(), body, time: unix_now(), seq };
        self.log.push(sent, size);
        self.next_id += 1;
        self.next_id - 1
    }

    /// `{"OPENID":[{"kind","msgtype","body","time","seq"},…],…}`, the oldest first, for one recipient or all.
    pub fn by_recipient(&self, only: Option<&str>) -> Value {
        let mut out = Map::new();
        for sent in self.log.iter().filter(|s| only.is_none_or(|o| o == s.to)) {
            let entry = json!({"kind": sent.kind, "msgtype": sent.msgtype, "body": sent.body, "time": sent.time, "seq": sent.seq});
            match out.get_mut(&sent.to) {
                Some(Value::Array(list)) => list.push(entry),
                _ => {
                    out.insert(sent.to.clone(), Value::Array(vec![entry]));
                }
            }
        }
        Value::Object(out)
    }

    pub fn clear(&mut self) -> usize {
        self.log.clear()
    }
}

/// An OpenID of the right shape: 6 to 64 letters, digits, `-` or `_`
/// (WeChat's have 28); what tests make up usually passes.
pub fn plausible_openid(openid: &str) -> bool {
    (6..=64).contains(&openid.len()) && openid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The recipient of a message to one user, or 40003.
fn recipient<'a>(body: &'a Map<String, Value>, who: &str) -> Result<&'a str, Refused> {
    match text(body, "touser") {
        Some(openid) if plausible_openid(openid) => Ok(openid),
        Some(openid) => Err(refused(40003, who, format!("touser {:?} is not an OpenID", clip(openid)))),
        None => Err(refused(40003, who, "no touser")),
    }
}

/// The msgtype and its content object, checked against `required`: for each
/// msgtype the fields its content must carry.
fn content<'a>(
    body: &'a Map<String, Value>,
    who: &str,
    required: &[(&str, &[&str])],
) -> Result<(&'a str, &'a Map<String, Value>), Refused> {
    let Some(msgtype) = text(body, "msgtype") else { return Err(refused(40008, who, "no msgtype")) };
    let Some((_, fields)) = required.iter().find(|(t, _)| *t == msgtype) else {
        return Err(refused(40008, who, format!("msgtype {:?} is not sent by this API", clip(msgtype))));
    };
    let key = if msgtype == "image" && body.contains_key("images") { "images" } else { msgtype };
    let Some(content) = object(body, key) else { return Err(refused(47001, who, format!("no {key} object"))) };
    for field in *fields {
        let present = match content.get(*field) {
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Array(list)) => !list.is_empty(),
            Some(Value::Null) | None => false,
            Some(_) => true,
        };
        if !present {
            let code = match *field {
                "content" => 44004,
                "media_id" | "media_ids" => 41006,
                "articles" => 44003,
                _ => 47003,
            };
            return Err(refused(code, who, format!("{key}.{field} missing")));
        }
    }
    Ok((msgtype, content))
}

/// Each customer-service msgtype and the fields it needs.
const CUSTOM_TYPES: &[(&str, &[&str])] = &[
    ("text", &["content"]),
    ("image", &["media_id"]),
    ("voice", &["media_id"]),
    ("video", &["media_id", "thumb_media_id"]),
    ("music", &["musicurl", "hqmusicurl", "thumb_media_id"]),
    ("news", &["articles"]),
    ("mpnews", &["media_id"]),
    ("msgmenu", &["list"]),
];

/// Each mass msgtype and the fields it needs (sendall's images take a list of media_ids).
const MASS_TYPES: &[(&str, &[&str])] = &[
    ("text", &["content"]),
    ("image", &["media_id"]),
    ("voice", &["media_id"]),
    ("mpnews", &["media_id"]),
    ("mpvideo", &["media_id"]),
    ("wxcard", &["card_id"]),
];

const SENDALL_TYPES: &[(&str, &[&str])] = &[
    ("text", &["content"]),
    ("image", &["media_ids"]),
    ("voice", &["media_id"]),
    ("mpnews", &["media_id"]),
    ("mpvideo", &["media_id"]),
    ("wxcard", &["card_id"]),
];

impl MockApi {
    pub(super) async fn custom_send(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        let (Caller { who, .. }, body) = match self.json_call(head, query, body, "message/custom/send").await {
            Ok(call) => call,
            Err(refusal) => return refusal.answer(),
        };
        let to = match recipient(&body, &who) {
            Ok(to) => to.to_owned(),
            Err(refusal) => return refusal.answer(),
        };
        let (msgtype, content) = match content(&body, &who, CUSTOM_TYPES) {
            Ok((t, c)) => (t.to_owned(), c),
            Err(refusal) => return refusal.answer(),
        };
        match msgtype.as_str() {
            "news" => {
                let Some(articles) = content.get("articles").and_then(Value::as_array) else {
                    return typical(47001, &who, "news.articles is not a list");
                };
                if articles.len() > MAX_NEWS_ARTICLES {
                    return typical(45008, &who, format!("{} articles, one allowed", articles.len()));
                }
                let complete = articles.iter().all(|a| a.as_object().is_some_and(|a| text(a, "title").is_some()));
                if !complete {
                    return typical(47003, &who, "an article without a title");
                }
            }
            "msgmenu" => {
                let Some(list) = content.get("list").and_then(Value::as_array) else {
                    return typical(47001, &who, "msgmenu.list is not a list");
                };
                let complete = list.iter().all(|item| {
                    item.as_object().is_some_and(|i| text(i, "id").is_some() && text(i, "content").is_some())
                });
                if !complete {
                    return typical(47003, &who, "a msgmenu item without id or content");
                }
            }
            _ => {}
        }
        lock(&self.messages).push(&to, "custom", &msgtype, body);
        ok(json!({"errcode": 0, "errmsg": "ok"}), &who, format!("custom {msgtype} to {}", clip(&to)))
    }

    pub(super) async fn template_send(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        let (Caller { who, .. }, body) = match self.json_call(head, query, body, "message/template/send").await {
            Ok(call) => call,
            Err(refusal) => return refusal.answer(),
        };
        let to = match recipient(&body, &who) {
            Ok(to) => to.to_owned(),
            Err(refusal) => return refusal.answer(),
        };
        if text(&body, "template_id").is_none() {
            return typical(40037, &who, "no template_id");
        }
        let Some(data) = object(&body, "data") else { return typical(47003, &who, "no data object") };
        if let Some((key, _)) =
            data.iter().find(|(_, v)| v.get("value").is_none_or(|v| !(v.is_string() || v.is_number())))
        {
            return typical(47003, &who, format!("data.{} has no value", clip(key)));
        }
        if body.get("url").is_some_and(|u| !u.is_string()) || body.get("miniprogram").is_some_and(|m| !m.is_object()) {
            return typical(47001, &who, "url or miniprogram of the wrong type");
        }
        let msgid = lock(&self.messages).push(&to, "template", "template", body);
        ok(json!({"errcode": 0, "errmsg": "ok", "msgid": msgid}), &who, format!("template {msgid} to {}", clip(&to)))
    }

    pub(super) async fn mass_send(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
        preview: bool,
    ) -> Answer {
        let name = if preview { "message/mass/preview" } else { "message/mass/sendall" };
        let (Caller { who, .. }, body) = match self.json_call(head, query, body, name).await {
            Ok(call) => call,
            Err(refusal) => return refusal.answer(),
        };
        let to = if preview {
            match recipient(&body, &who) {
                Ok(to) => to.to_owned(),
                Err(refusal) => return refusal.answer(),
            }
        } else {
            let Some(filter) = object(&body, "filter") else { return typical(40097, &who, "no filter") };
            match (filter.get("is_to_all").and_then(Value::as_bool), filter.get("tag_id").and_then(Value::as_u64)) {
                (Some(true), _) => "@all".to_owned(),
                (_, Some(tag)) => format!("@tag:{tag}"),
                _ => return typical(40097, &who, "filter has neither is_to_all true nor a tag_id"),
            }
        };
        let types = if preview { MASS_TYPES } else { SENDALL_TYPES };
        let msgtype = match content(&body, &who, types) {
            Ok((t, _)) => t.to_owned(),
            Err(refusal) => return refusal.answer(),
        };
        let id = lock(&self.messages).push(&to, "mass", &msgtype, body);
        let detail = format!("mass {msgtype} {id} to {}", clip(&to));
        if preview {
            ok(json!({"errcode": 0, "errmsg": "preview success", "msg_id": id}), &who, detail)
        } else if msgtype == "mpnews" {
            let answer =
                json!({"errcode": 0, "errmsg": "send job submission success", "msg_id": id, "msg_data_id": id});
            ok(answer, &who, detail)
        } else {
            ok(json!({"errcode": 0, "errmsg": "send job submission success", "msg_id": id}), &who, detail)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openids_of_the_right_shape() {
        assert!(plausible_openid("o6_bmjrPTlm6_2sgVt7hMZOPfL2M") && plausible_openid("user-1"));
        for bad in ["", "abc", "o6 bmjrPTlm6", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M\n", &"o".repeat(65), "用户一二三四"]
        {
            assert!(!plausible_openid(bad), "{bad:?}");
        }
    }

    #[test]
    fn messages_are_grouped_by_recipient_in_order() {
        let mut messages = Messages::default();
        let body = |n: i64| json!({ "n": n }).as_object().unwrap().clone();
        let first = messages.push("user-a", "custom", "text", body(1));
        assert_eq!(messages.push("user-b", "template", "template", body(2)), first + 1);
        messages.push("user-a", "custom", "image", body(3));
        let all = messages.by_recipient(None);
        assert_eq!(all["user-a"].as_array().unwrap().len(), 2);
        assert_eq!(all["user-a"][1]["body"]["n"], 3);
        assert_eq!(all["user-a"][0]["seq"], first);
        assert_eq!(all["user-a"][1]["seq"], first + 2);
        assert_eq!(messages.by_recipient(Some("user-b")).as_object().unwrap().len(), 1);
        assert_eq!(messages.clear(), 3);
        assert_eq!(messages.by_recipient(None), json!({}));
    }
}
