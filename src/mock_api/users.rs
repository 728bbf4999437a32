//! `user/info` and `ticket/getticket`.
//!
//! The mock keeps no follower list: any OpenID of the right shape is a
//! subscriber, with the fields WeChat still sends (no nickname or headimgurl
//! since 2021-12-27) and a subscribe_time fixed per OpenID. JS-SDK and card
//! tickets live 7200 s and the same one is handed out until it expires.

use super::answer::{clip, ok, shown_token, typical, Answer};
use super::jsonapi::Caller;
use super::messages::plausible_openid;
use super::{lock, random_id, MockApi};
use hyper::http::request::Parts;
use hyper::Method;
use serde_json::json;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// A user the mock can authorize as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestUser {
    pub openid: String,
    pub nickname: String,
    /// 1 male, 2 female, 0 unknown.
    pub sex: u8,
    /// Province and city in Chinese and in English.
    pub place: Option<(&'static str, &'static str, &'static str, &'static str)>,
}

impl TestUser {
    pub fn new(openid: &str, nickname: &str) -> TestUser {
        TestUser { openid: openid.to_owned(), nickname: nickname.to_owned(), sex: 0, place: None }
    }

    /// `OPENID:昵称` as `--user` takes it.
    pub fn parse(spec: &str) -> Result<TestUser, String> {
        let Some((openid, nickname)) = spec.split_once(':') else {
            return Err("expected OPENID:NICKNAME".to_owned());
        };
        if !plausible_openid(openid) {
            return Err(format!("{:?} is not an OpenID (6–64 letters, digits, - and _)", clip(openid)));
        }
        let nickname = nickname.trim();
        if nickname.is_empty() || nickname.chars().count() > 32 || nickname.chars().any(char::is_control) {
            return Err("the nickname must be 1–32 characters, no control characters".to_owned());
        }
        Ok(TestUser::new(openid, nickname))
    }
}

/// Three users of the kind a developer's test account has.
pub fn default_users() -> Vec<TestUser> {
    vec![
        TestUser {
            openid: "o6_bmjrPTlm6_2sgVt7hMZOPfL2M".to_owned(),
            nickname: "张伟".to_owned(),
            sex: 1,
            place: Some(("广东", "深圳", "Guangdong", "Shenzhen")),
        },
        TestUser {
            openid: "oLVPpjqs9BhvzwPj5A-vTYAX3GLc".to_owned(),
            nickname: "李娜".to_owned(),
            sex: 2,
            place: Some(("上海", "上海", "Shanghai", "Shanghai")),
        },
        TestUser {
            openid: "oX3Tq0bHh2S9Qm_yQk7wLp4F8eZc".to_owned(),
            nickname: "小王同学".to_owned(),
            sex: 0,
            place: Some(("北京", "北京", "Beijing", "Beijing")),
        },
    ]
}

pub const USER_INFO_PATH: &str = "/cgi-bin/user/info";
pub const GETTICKET_PATH: &str = "/cgi-bin/ticket/getticket";

/// A ticket's lifetime, as WeChat's.
pub const TICKET_TTL: Duration = Duration::from_secs(7200);

/// Length of a ticket (WeChat's jsapi_ticket has 86 characters).
const TICKET_LEN: usize = 86;

/// The current ticket per (AppID, type). Only AppIDs given with `--appid`
/// get a token, and there are two types, so this holds at most twice as many
/// entries as the mock has AppIDs: it needs no bound of its own.
#[derive(Default)]
pub struct JsTickets {
    current: HashMap<(String, &'static str), (String, Instant)>,
}

impl JsTickets {
    /// The current ticket and its seconds left, or a new one once it expired.
    fn get(&mut self, appid: &str, kind: &'static str, now: Instant) -> (String, u64, bool) {
        let key = (appid.to_owned(), kind);
        if let Some((ticket, expires_at)) = self.current.get(&key).filter(|(_, at)| *at > now) {
            return (ticket.clone(), expires_at.duration_since(now).as_secs(), false);
        }
        let ticket = random_id(TICKET_LEN);
        self.current.insert(key, (ticket.clone(), now + TICKET_TTL));
        (ticket, TICKET_TTL.as_secs(), true)
    }
}

/// A subscribe_time fixed per OpenID, within a few years before 2024.
fn subscribe_time(openid: &str) -> u64 {
    let hash = openid.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    1_600_000_000 + hash % 100_000_000
}

impl MockApi {
    pub(super) fn user_info(&self, head: &Parts, query: &HashMap<String, String>) -> Answer {
        let Caller { who } = match self.caller(head, query, Method::GET, "user/info") {
            Ok(caller) => caller,
            Err(refusal) => return refusal.answer(),
        };
        let openid = query.get("openid").map(String::as_str).unwrap_or("");
        if !plausible_openid(openid) {
            return typical(40003, &who, format!("openid {:?} is not an OpenID", clip(openid)));
        }
        let answer = json!({
            "subscribe": 1, "openid": openid, "subscribe_time": subscribe_time(openid), "remark": "",
            "groupid": 0, "tagid_list": [], "subscribe_scene": "ADD_SCENE_OTHERS", "qr_scene": 0, "qr_scene_str": "",
        });
        ok(answer, &who, format!("user {}", clip(openid)))
    }

    pub(super) fn getticket(&self, head: &Parts, query: &HashMap<String, String>) -> Answer {
        let Caller { who } = match self.caller(head, query, Method::GET, "ticket/getticket") {
            Ok(caller) => caller,
            Err(refusal) => return refusal.answer(),
        };
        let kind = match query.get("type").map(String::as_str) {
            Some("jsapi") => "jsapi",
            Some("wx_card") => "wx_card",
            Some(other) => return typical(40097, &who, format!("type {:?}", clip(other))),
            None => return typical(40097, &who, "no type"),
        };
        let (ticket, expires_in, fresh) = lock(&self.js_tickets).get(&who, kind, Instant::now());
        let detail = format!(
            "{kind} ticket {} ({}, {expires_in} s)",
            shown_token(&ticket),
            if fresh { "new" } else { "current" }
        );
        ok(json!({"errcode": 0, "errmsg": "ok", "ticket": ticket, "expires_in": expires_in}), &who, detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_ticket_until_it_expires() {
        let mut tickets = JsTickets::default();
        let t0 = Instant::now();
        let (a, left, fresh) = tickets.get("wx1", "jsapi", t0);
        assert_eq!((a.len(), left, fresh), (TICKET_LEN, 7200, true));
        let (b, left, fresh) = tickets.get("wx1", "jsapi", t0 + Duration::from_secs(100));
        assert_eq!((b.as_str(), left, fresh), (a.as_str(), 7100, false));
        assert_ne!(tickets.get("wx1", "wx_card", t0).0, a, "each type its own");
        assert_ne!(tickets.get("wx1", "jsapi", t0 + TICKET_TTL).0, a, "a new one once expired");
    }

    #[test]
    fn subscribe_times_are_fixed_per_openid() {
        assert_eq!(subscribe_time("o6_bmjrPTlm6_2sgVt7hMZOPfL2M"), subscribe_time("o6_bmjrPTlm6_2sgVt7hMZOPfL2M"));
        assert_ne!(subscribe_time("user-a"), subscribe_time("user-b"));
    }
}
