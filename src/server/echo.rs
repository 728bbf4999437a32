//! What the reference endpoint answers to each kind of message.

use crate::wechat::{unix_now, Body as MessageBody, Event, Incoming, Reply, ReplyBody};

/// The reference endpoint's answer to a message, or None for `success`.
pub fn echo_reply(incoming: &Incoming) -> Option<Reply> {
    echo_reply_at(incoming, unix_now())
}

/// [`echo_reply`] with a given CreateTime.
pub fn echo_reply_at(incoming: &Incoming, create_time: i64) -> Option<Reply> {
    let text = |content: String| ReplyBody::Text { content };
    let body = match &incoming.body {
        MessageBody::Text { content } => text(content.clone()),
        MessageBody::Image { media_id, .. } => ReplyBody::Image { media_id: media_id.clone() },
        MessageBody::Voice { media_id, .. } => ReplyBody::Voice { media_id: media_id.clone() },
        MessageBody::Video { media_id, .. } | MessageBody::ShortVideo { media_id, .. } => {
            ReplyBody::Video { media_id: media_id.clone(), title: None, description: None }
        }
        MessageBody::Location { lat, lng, scale, label } => {
            text(format!("收到位置 location: {label} ({lat}, {lng}), scale {scale}"))
        }
        MessageBody::Link { title, description, url } => text(format!("收到链接 link: {title}\n{description}\n{url}")),
        MessageBody::Event(Event::Subscribe { event_key, .. }) => {
            let scene = match event_key.as_deref().and_then(|k| k.strip_prefix("qrscene_")) {
                Some(scene) => format!(" (scene {scene})"),
                None => String::new(),
            };
            text(format!(
                "欢迎关注！Welcome{scene}. This is the wxdev reference endpoint: send a message and it comes back."
            ))
        }
        MessageBody::Event(_) | MessageBody::Other { .. } => return None,
    };
    Some(Reply { to: incoming.from.clone(), from: incoming.to.clone(), create_time, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incoming(msg_type: &str, fields: &str) -> Incoming {
        Incoming::parse(&format!(
            "<xml><ToUserName>gh_a</ToUserName><FromUserName>oU</FromUserName><CreateTime>1</CreateTime>\
             <MsgType>{msg_type}</MsgType>{fields}</xml>"
        ))
        .unwrap()
    }

    #[test]
    fn text_comes_back_addressed_to_the_sender() {
        let reply = echo_reply_at(&incoming("text", "<Content>你好</Content><MsgId>1</MsgId>"), 9).unwrap();
        assert_eq!((reply.to.as_str(), reply.from.as_str(), reply.create_time), ("oU", "gh_a", 9));
        assert_eq!(reply.body, ReplyBody::Text { content: "你好".into() });
    }

    #[test]
    fn media_come_back_by_media_id() {
        let image = incoming("image", "<PicUrl>http://p</PicUrl><MediaId>M1</MediaId><MsgId>1</MsgId>");
        assert_eq!(echo_reply_at(&image, 1).unwrap().body, ReplyBody::Image { media_id: "M1".into() });
        let video = incoming("shortvideo", "<MediaId>V1</MediaId><ThumbMediaId>T</ThumbMediaId><MsgId>1</MsgId>");
        assert_eq!(
            echo_reply_at(&video, 1).unwrap().body,
            ReplyBody::Video { media_id: "V1".into(), title: None, description: None }
        );
    }

    #[test]
    fn a_follow_with_a_scene_is_welcomed_and_other_events_get_success() {
        let follow = incoming("event", "<Event>subscribe</Event><EventKey>qrscene_42</EventKey>");
        let ReplyBody::Text { content } = echo_reply_at(&follow, 1).unwrap().body else { panic!("text") };
        assert!(content.starts_with("欢迎关注！Welcome (scene 42)."), "{content}");
        assert_eq!(echo_reply_at(&incoming("event", "<Event>unsubscribe</Event>"), 1), None);
    }
}
