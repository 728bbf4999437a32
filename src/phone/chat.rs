//! The conversations `wxdev phone` keeps while it runs: one per OpenID, each
//! a bounded list of items (the user's messages, the bot's replies and
//! pushed messages, system notes) and the user's follow state.
//!
//! Items are what the page draws, in one shape whatever their source: a reply
//! read from XML and a message sent through the API both become
//! `{"type":"news","data":{"title":…}}`.

use crate::simulator::exchange::{ExchangeReport, Shown};
use crate::wechat::Element;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, VecDeque};

/// Items kept per conversation; the oldest go first.
pub const MAX_ITEMS: usize = 500;
/// Conversations kept: the page offers a handful of users, a script might make more.
pub const MAX_USERS: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The user (right, green).
    User,
    /// The account (left, white, with its avatar).
    Bot,
    /// A note in the middle: follow, unfollow, transfer to customer service.
    System,
}

/// One thing in a conversation.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: u64,
    pub side: Side,
    /// text, image, voice, video, music, news, location, link, event, notice, transfer, template, other.
    #[serde(rename = "type")]
    pub kind: String,
    pub data: Value,
    /// How a pushed message came: custom, template or mass.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// For the user's messages: the exchange with the endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange: Option<ExchangeReport>,
    /// For replies and notices: the id of the user item whose exchange this ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<u64>,
    pub time: i64,
}

#[derive(Default)]
pub struct Conversation {
    pub followed: bool,
    pub items: VecDeque<Item>,
}

/// Every conversation, and the ids handed out.
#[derive(Default)]
pub struct Chats {
    users: BTreeMap<String, Conversation>,
    next_id: u64,
}

impl Chats {
    /// The conversation of `user`, made when first asked for. `None` once
    /// [`MAX_USERS`] conversations exist and this is a new user.
    pub fn conversation(&mut self, user: &str) -> Option<&mut Conversation> {
        if !self.users.contains_key(user) && self.users.len() >= MAX_USERS {
            return None;
        }
        Some(self.users.entry(user.to_owned()).or_default())
    }

    pub fn users(&self) -> Vec<String> {
        self.users.keys().cloned().collect()
    }

    pub fn get(&self, user: &str) -> Option<&Conversation> {
        self.users.get(user)
    }

    /// Appends an item to `user`'s conversation and returns its id.
    pub fn push(&mut self, user: &str, side: Side, kind: &str, data: Value, via: Option<&str>) -> Option<u64> {
        self.push_item(user, |id| Item {
            id,
            side,
            kind: kind.to_owned(),
            data,
            via: via.map(str::to_owned),
            exchange: None,
            reply_to: None,
            time: crate::wechat::unix_now(),
        })
    }

    pub fn push_item(&mut self, user: &str, make: impl FnOnce(u64) -> Item) -> Option<u64> {
        let id = self.next_id + 1;
        let conversation = self.conversation(user)?;
        conversation.items.push_back(make(id));
        while conversation.items.len() > MAX_ITEMS {
            conversation.items.pop_front();
        }
        self.next_id = id;
        Some(id)
    }

    /// The items of `user` after id `since`.
    pub fn since(&self, user: &str, since: u64) -> Vec<&Item> {
        match self.users.get(user) {
            Some(c) => c.items.iter().filter(|i| i.id > since).collect(),
            None => Vec::new(),
        }
    }
}

/// The bot's side of an exchange, as the phone shows it: the reply drawn, the
/// failure notice, or nothing.
pub fn reply_item(report: &ExchangeReport) -> Option<(Side, String, Value)> {
    match report.shown {
        Shown::Nothing => None,
        Shown::ServiceUnavailable => {
            Some((Side::Bot, "notice".to_owned(), json!({"text": report.notice.unwrap_or_default()})))
        }
        Shown::Reply => {
            let reply = report.reply.as_ref()?;
            let (kind, data) = from_reply(reply);
            let side = if kind == "transfer" { Side::System } else { Side::Bot };
            Some((side, kind, data))
        }
    }
}

fn field<'a>(value: &'a Value, path: &[&str]) -> &'a str {
    let mut at = value;
    for key in path {
        at = match at.get(key) {
            Some(next) => next,
            None => return "",
        };
    }
    at.as_str().unwrap_or("")
}

/// A passive reply (as [`Element::to_json`] gives it) in the page's shape.
pub fn from_reply(reply: &Value) -> (String, Value) {
    let msg_type = field(reply, &["MsgType"]);
    let media = |parent: &str| json!({"media_id": field(reply, &[parent, "MediaId"])});
    match msg_type {
        "text" => ("text".into(), json!({"text": field(reply, &["Content"])})),
        "image" => ("image".into(), media("Image")),
        "voice" => ("voice".into(), media("Voice")),
        "video" => (
            "video".into(),
            json!({
                "media_id": field(reply, &["Video", "MediaId"]),
                "title": field(reply, &["Video", "Title"]),
                "description": field(reply, &["Video", "Description"]),
            }),
        ),
        "music" => (
            "music".into(),
            json!({
                "title": field(reply, &["Music", "Title"]),
                "description": field(reply, &["Music", "Description"]),
                "url": field(reply, &["Music", "MusicUrl"]),
                "thumb_media_id": field(reply, &["Music", "ThumbMediaId"]),
            }),
        ),
        "news" => {
            // One article for a message reply, as WeChat shows it.
            let articles = reply.get("Articles").and_then(|a| a.get("item"));
            let first = match articles {
                Some(Value::Array(list)) => list.first().cloned().unwrap_or(Value::Null),
                Some(one) => one.clone(),
                None => Value::Null,
            };
            (
                "news".into(),
                json!({
                    "title": field(&first, &["Title"]),
                    "description": field(&first, &["Description"]),
                    "picurl": field(&first, &["PicUrl"]),
                    "url": field(&first, &["Url"]),
                }),
            )
        }
        "transfer_customer_service" => ("transfer".into(), json!({"text": "消息已转接至客服"})),
        other => ("other".into(), json!({"text": format!("[{other}]")})),
    }
}

/// A message the bot sent through the API (customer-service, template, mass;
/// the body as `/mock/messages` lists it) in the page's shape.
pub fn from_api(msgtype: &str, body: &Value) -> (String, Value) {
    let s = |path: &[&str]| field(body, path).to_owned();
    match msgtype {
        "text" => ("text".into(), json!({"text": s(&["text", "content"])})),
        "image" => ("image".into(), json!({"media_id": s(&["image", "media_id"])})),
        "voice" => ("voice".into(), json!({"media_id": s(&["voice", "media_id"])})),
        "video" | "mpvideo" => (
            "video".into(),
            json!({"media_id": s(&[msgtype, "media_id"]), "title": s(&[msgtype, "title"]),
                   "description": s(&[msgtype, "description"])}),
        ),
        "music" => (
            "music".into(),
            json!({"title": s(&["music", "title"]), "description": s(&["music", "description"]),
                   "url": s(&["music", "musicurl"]), "thumb_media_id": s(&["music", "thumb_media_id"])}),
        ),
        "news" => {
            let first = body.get("news").and_then(|n| n.get("articles")).and_then(|a| a.get(0));
            let first = first.cloned().unwrap_or(Value::Null);
            (
                "news".into(),
                json!({"title": field(&first, &["title"]), "description": field(&first, &["description"]),
                       "picurl": field(&first, &["picurl"]), "url": field(&first, &["url"])}),
            )
        }
        "mpnews" => (
            "news".into(),
            json!({"title": "[图文消息]", "description": format!("media_id {}", s(&[msgtype, "media_id"])),
                   "picurl": "", "url": ""}),
        ),
        "template" => {
            let mut lines = Vec::new();
            if let Some(Value::Object(data)) = body.get("data") {
                for (name, entry) in data {
                    let value = match entry.get("value") {
                        Some(Value::String(text)) => text.clone(),
                        Some(Value::Number(n)) => n.to_string(),
                        _ => String::new(),
                    };
                    lines.push(json!([name, value]));
                }
            }
            ("template".into(), json!({"template_id": s(&["template_id"]), "url": s(&["url"]), "lines": lines}))
        }
        other => {
            let mut data = Map::new();
            data.insert("text".into(), Value::String(format!("[{other}]")));
            ("other".into(), Value::Object(data))
        }
    }
}

/// [`Element::to_json`] of a reply's XML, for tests and callers holding XML.
pub fn reply_json(xml: &str) -> Option<Value> {
    Element::parse_document(xml).ok().map(|e| e.to_json())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_reply_shows_its_first_article() {
        let xml = "<xml><MsgType><![CDATA[news]]></MsgType><ArticleCount>2</ArticleCount><Articles>\
            <item><Title><![CDATA[标题一]]></Title><Description><![CDATA[描述]]></Description>\
            <PicUrl><![CDATA[http://p/1.jpg]]></PicUrl><Url><![CDATA[http://u/1]]></Url></item>\
            <item><Title><![CDATA[标题二]]></Title></item></Articles></xml>";
        let (kind, data) = from_reply(&reply_json(xml).unwrap());
        assert_eq!(kind, "news");
        assert_eq!(data, json!({"title":"标题一","description":"描述","picurl":"http://p/1.jpg","url":"http://u/1"}));
        let one = xml.replace("<item><Title><![CDATA[标题二]]></Title></item>", "");
        assert_eq!(from_reply(&reply_json(&one).unwrap()).1["title"], "标题一");
    }

    #[test]
    fn replies_of_each_kind_take_the_pages_shape() {
        let text = reply_json("<xml><MsgType>text</MsgType><Content>a\nb</Content></xml>").unwrap();
        assert_eq!(from_reply(&text), ("text".into(), json!({"text":"a\nb"})));
        let voice = reply_json("<xml><MsgType>voice</MsgType><Voice><MediaId>M1</MediaId></Voice></xml>").unwrap();
        assert_eq!(from_reply(&voice), ("voice".into(), json!({"media_id":"M1"})));
        let transfer = reply_json("<xml><MsgType>transfer_customer_service</MsgType></xml>").unwrap();
        assert_eq!(from_reply(&transfer).0, "transfer");
    }

    #[test]
    fn api_messages_take_the_pages_shape() {
        let body = json!({"touser":"o1","msgtype":"text","text":{"content":"稍后回复"}});
        assert_eq!(from_api("text", &body), ("text".into(), json!({"text":"稍后回复"})));
        let news =
            json!({"msgtype":"news","news":{"articles":[{"title":"T","description":"D","url":"U","picurl":"P"}]}});
        assert_eq!(from_api("news", &news).1, json!({"title":"T","description":"D","picurl":"P","url":"U"}));
        let template = json!({"template_id":"tpl","data":{"first":{"value":"你好"},"remark":{"value":"谢谢"}}});
        assert_eq!(from_api("template", &template).1["lines"], json!([["first", "你好"], ["remark", "谢谢"]]));
    }

    #[test]
    fn conversations_are_bounded_and_separate() {
        let mut chats = Chats::default();
        for n in 0..MAX_ITEMS + 10 {
            chats.push("a", Side::User, "text", json!({"text": n}), None).unwrap();
        }
        chats.push("b", Side::User, "text", json!({"text": "b"}), None).unwrap();
        assert_eq!(chats.get("a").unwrap().items.len(), MAX_ITEMS);
        assert_eq!(chats.since("b", 0).len(), 1);
        let last_a = chats.get("a").unwrap().items.back().unwrap().id;
        assert!(chats.since("a", last_a).is_empty());
        for n in 0..MAX_USERS {
            chats.conversation(&format!("u{n}"));
        }
        assert!(chats.conversation("one-too-many").is_none());
        assert!(chats.conversation("a").is_some());
    }
}
