//! Messages and events WeChat pushes to the developer's endpoint (PROTOCOL.md §2).

use super::xml::{Element, XmlError};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MessageError {
    #[error(transparent)]
    Xml(#[from] XmlError),
    #[error("<{0}> is missing")]
    Missing(&'static str),
    #[error("<CreateTime> is {0:?}, expected whole seconds")]
    BadCreateTime(String),
}

/// A message or event as WeChat sends it to the endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// ToUserName: the official account's original id (`gh_…`).
    pub to: String,
    /// FromUserName: the sender's OpenID.
    pub from: String,
    pub create_time: i64,
    pub msg_id: Option<String>,
    pub body: Body,
    /// Elements this type does not define, kept in order so nothing is lost.
    pub extra: Vec<Element>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Text {
        content: String,
    },
    Image {
        pic_url: String,
        media_id: String,
    },
    Voice {
        media_id: String,
        format: String,
        recognition: Option<String>,
    },
    Video {
        media_id: String,
        thumb_media_id: String,
    },
    ShortVideo {
        media_id: String,
        thumb_media_id: String,
    },
    /// Latitude, longitude, map scale and place name, kept as sent.
    Location {
        lat: String,
        lng: String,
        scale: String,
        label: String,
    },
    Link {
        title: String,
        description: String,
        url: String,
    },
    Event(Event),
    /// A MsgType this version does not know; its fields are in `extra`.
    Other {
        msg_type: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// `EventKey` is `qrscene_<scene>` and `Ticket` is set when the user came from a QR code.
    Subscribe {
        event_key: Option<String>,
        ticket: Option<String>,
    },
    Unsubscribe,
    Scan {
        event_key: String,
        ticket: Option<String>,
    },
    Location {
        latitude: String,
        longitude: String,
        precision: String,
    },
    Click {
        event_key: String,
    },
    View {
        event_key: String,
        menu_id: Option<String>,
    },
    /// An event this version does not know; its fields are in `extra`.
    Other {
        event: String,
    },
}

impl Event {
    /// The `Event` value as WeChat spells it.
    pub fn name(&self) -> &str {
        match self {
            Event::Subscribe { .. } => "subscribe",
            Event::Unsubscribe => "unsubscribe",
            Event::Scan { .. } => "SCAN",
            Event::Location { .. } => "LOCATION",
            Event::Click { .. } => "CLICK",
            Event::View { .. } => "VIEW",
            Event::Other { event } => event,
        }
    }
}

impl Body {
    /// The `MsgType` value.
    pub fn msg_type(&self) -> &str {
        match self {
            Body::Text { .. } => "text",
            Body::Image { .. } => "image",
            Body::Voice { .. } => "voice",
            Body::Video { .. } => "video",
            Body::ShortVideo { .. } => "shortvideo",
            Body::Location { .. } => "location",
            Body::Link { .. } => "link",
            Body::Event(_) => "event",
            Body::Other { msg_type } => msg_type,
        }
    }
}

impl Incoming {
    pub fn new(to: impl Into<String>, from: impl Into<String>, create_time: i64, body: Body) -> Self {
        Incoming { to: to.into(), from: from.into(), create_time, msg_id: None, body, extra: Vec::new() }
    }

    /// Parses a decrypted or plain message body.
    pub fn parse(xml: &str) -> Result<Self, MessageError> {
        Self::from_element(&Element::parse_document(xml)?)
    }

    pub fn from_element(root: &Element) -> Result<Self, MessageError> {
        let req = |name: &'static str| root.child_text(name).map(str::to_owned).ok_or(MessageError::Missing(name));
        let opt = |name: &str| root.child_text(name).map(str::to_owned);
        let text = |name: &str| opt(name).unwrap_or_default();
        let to = req("ToUserName")?;
        let from = req("FromUserName")?;
        let raw_time = req("CreateTime")?;
        let create_time = raw_time.trim().parse().map_err(|_| MessageError::BadCreateTime(raw_time.clone()))?;
        let msg_type = req("MsgType")?;
        let (body, known): (Body, &[&str]) = match msg_type.as_str() {
            "text" => (Body::Text { content: text("Content") }, &["Content"]),
            "image" => (Body::Image { pic_url: text("PicUrl"), media_id: text("MediaId") }, &["PicUrl", "MediaId"]),
            "voice" => (
                Body::Voice { media_id: text("MediaId"), format: text("Format"), recognition: opt("Recognition") },
                &["MediaId", "Format", "Recognition"],
            ),
            "video" => (
                Body::Video { media_id: text("MediaId"), thumb_media_id: text("ThumbMediaId") },
                &["MediaId", "ThumbMediaId"],
            ),
            "shortvideo" => (
                Body::ShortVideo { media_id: text("MediaId"), thumb_media_id: text("ThumbMediaId") },
                &["MediaId", "ThumbMediaId"],
            ),
            "location" => (
                Body::Location {
                    lat: text("Location_X"),
                    lng: text("Location_Y"),
                    scale: text("Scale"),
                    label: text("Label"),
                },
                &["Location_X", "Location_Y", "Scale", "Label"],
            ),
            "link" => (
                Body::Link { title: text("Title"), description: text("Description"), url: text("Url") },
                &["Title", "Description", "Url"],
            ),
            "event" => {
                let name = req("Event")?;
                let (event, known): (Event, &[&str]) = match name.to_ascii_lowercase().as_str() {
                    "subscribe" => (
                        Event::Subscribe { event_key: opt("EventKey"), ticket: opt("Ticket") },
                        &["Event", "EventKey", "Ticket"],
                    ),
                    "unsubscribe" => (Event::Unsubscribe, &["Event"]),
                    "scan" => (
                        Event::Scan { event_key: text("EventKey"), ticket: opt("Ticket") },
                        &["Event", "EventKey", "Ticket"],
                    ),
                    "location" => (
                        Event::Location {
                            latitude: text("Latitude"),
                            longitude: text("Longitude"),
                            precision: text("Precision"),
                        },
                        &["Event", "Latitude", "Longitude", "Precision"],
                    ),
                    "click" => (Event::Click { event_key: text("EventKey") }, &["Event", "EventKey"]),
                    "view" => (
                        Event::View { event_key: text("EventKey"), menu_id: opt("MenuId") },
                        &["Event", "EventKey", "MenuId"],
                    ),
                    _ => (Event::Other { event: name.clone() }, &["Event"]),
                };
                (Body::Event(event), known)
            }
            _ => (Body::Other { msg_type: msg_type.clone() }, &[]),
        };
        const ENVELOPE: [&str; 5] = ["ToUserName", "FromUserName", "CreateTime", "MsgType", "MsgId"];
        let extra = root
            .children
            .iter()
            .filter(|c| !ENVELOPE.contains(&c.name.as_str()) && !known.contains(&c.name.as_str()))
            .cloned()
            .collect();
        Ok(Incoming { to, from, create_time, msg_id: opt("MsgId"), body, extra })
    }

    pub fn msg_type(&self) -> &str {
        self.body.msg_type()
    }

    pub fn event(&self) -> Option<&Event> {
        match &self.body {
            Body::Event(event) => Some(event),
            _ => None,
        }
    }

    /// "text", or "event/CLICK" for events: what a log line shows.
    pub fn kind_label(&self) -> String {
        match &self.body {
            Body::Event(event) => format!("event/{}", event.name()),
            body => body.msg_type().to_owned(),
        }
    }

    /// WeChat's de-duplication key: MsgId for messages, FromUserName + CreateTime
    /// for events. The event's name and key are added so that two different
    /// events in the same second (a subscribe, then a menu click) are not taken
    /// for retries of each other; a real retry repeats them all.
    pub fn dedup_key(&self) -> String {
        match (&self.msg_id, &self.body) {
            // Sender and type too: samples and hand-made payloads reuse MsgIds across types.
            (Some(id), body) if !matches!(body, Body::Event(_)) => {
                format!("msg:{id}:{}:{}", self.from, body.msg_type())
            }
            (_, Body::Event(event)) => {
                let key = match event {
                    Event::Subscribe { event_key, .. } => event_key.as_deref().unwrap_or(""),
                    Event::Scan { event_key, .. } | Event::Click { event_key } | Event::View { event_key, .. } => {
                        event_key
                    }
                    _ => "",
                };
                format!("evt:{}:{}:{}:{key}", self.from, self.create_time, event.name())
            }
            _ => format!("msg:{}:{}:{}", self.from, self.create_time, self.msg_type()),
        }
    }

    /// A short human description of the payload, for logs.
    pub fn summary(&self) -> String {
        match &self.body {
            Body::Text { content } => format!("{content:?}"),
            Body::Image { media_id, .. } | Body::Voice { media_id, .. } => format!("media {media_id}"),
            Body::Video { media_id, .. } | Body::ShortVideo { media_id, .. } => format!("media {media_id}"),
            Body::Location { lat, lng, label, .. } => format!("{lat},{lng} {label}"),
            Body::Link { title, url, .. } => format!("{title} {url}"),
            Body::Event(Event::Subscribe { event_key: Some(key), .. }) => format!("key {key}"),
            Body::Event(Event::Scan { event_key, .. })
            | Body::Event(Event::Click { event_key })
            | Body::Event(Event::View { event_key, .. }) => format!("key {event_key}"),
            Body::Event(Event::Location { latitude, longitude, .. }) => format!("{latitude},{longitude}"),
            _ => String::new(),
        }
    }

    /// The message as an `<xml>` element: the envelope, this type's fields in
    /// WeChat's order, then any extra elements.
    pub fn to_element(&self) -> Element {
        let mut children = vec![
            Element::text("ToUserName", &self.to),
            Element::text("FromUserName", &self.from),
            Element::number("CreateTime", self.create_time),
            Element::text("MsgType", self.msg_type()),
        ];
        let t = |name: &str, value: &str| Element::text(name, value);
        let n = |name: &str, value: &str| Element::number(name, value);
        match &self.body {
            Body::Text { content } => children.push(t("Content", content)),
            Body::Image { pic_url, media_id } => children.extend([t("PicUrl", pic_url), t("MediaId", media_id)]),
            Body::Voice { media_id, format, recognition } => {
                children.extend([t("MediaId", media_id), t("Format", format)]);
                if let Some(r) = recognition {
                    children.push(t("Recognition", r));
                }
            }
            Body::Video { media_id, thumb_media_id } | Body::ShortVideo { media_id, thumb_media_id } => {
                children.extend([t("MediaId", media_id), t("ThumbMediaId", thumb_media_id)])
            }
            Body::Location { lat, lng, scale, label } => {
                children.extend([n("Location_X", lat), n("Location_Y", lng), n("Scale", scale), t("Label", label)])
            }
            Body::Link { title, description, url } => {
                children.extend([t("Title", title), t("Description", description), t("Url", url)])
            }
            Body::Event(event) => {
                children.push(t("Event", event.name()));
                match event {
                    Event::Subscribe { event_key, ticket } => {
                        children.extend(event_key.iter().map(|k| t("EventKey", k)));
                        children.extend(ticket.iter().map(|k| t("Ticket", k)));
                    }
                    Event::Scan { event_key, ticket } => {
                        children.push(t("EventKey", event_key));
                        children.extend(ticket.iter().map(|k| t("Ticket", k)));
                    }
                    Event::Location { latitude, longitude, precision } => {
                        children.extend([n("Latitude", latitude), n("Longitude", longitude), n("Precision", precision)])
                    }
                    Event::Click { event_key } => children.push(t("EventKey", event_key)),
                    Event::View { event_key, menu_id } => {
                        children.push(t("EventKey", event_key));
                        children.extend(menu_id.iter().map(|m| n("MenuId", m)));
                    }
                    Event::Unsubscribe | Event::Other { .. } => {}
                }
            }
            Body::Other { .. } => {}
        }
        if let Some(id) = &self.msg_id {
            children.push(Element::number("MsgId", id));
        }
        children.extend(self.extra.iter().cloned());
        Element::parent("xml", children)
    }

    pub fn to_xml(&self) -> String {
        self.to_element().render()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_unknown_elements() {
        let xml = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>\
                   <CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content>\
                   <MsgId>42</MsgId><MsgDataId>7</MsgDataId><Idx>1</Idx></xml>";
        let msg = Incoming::parse(xml).unwrap();
        assert_eq!(msg.body, Body::Text { content: "hi".into() });
        assert_eq!(msg.extra.len(), 2);
        let again = Incoming::parse(&msg.to_xml()).unwrap();
        assert_eq!(again, msg);
    }

    #[test]
    fn dedup_keys() {
        let mut msg = Incoming::new("gh", "o", 5, Body::Text { content: "x".into() });
        msg.msg_id = Some("9".into());
        assert_eq!(msg.dedup_key(), "msg:9:o:text");
        let evt = Incoming::new("gh", "o", 5, Body::Event(Event::Unsubscribe));
        assert_eq!(evt.dedup_key(), "evt:o:5:unsubscribe:");
        let click = Incoming::new("gh", "o", 5, Body::Event(Event::Click { event_key: "k".into() }));
        assert_ne!(click.dedup_key(), evt.dedup_key());
    }

    #[test]
    fn missing_fields_are_named() {
        assert_eq!(
            Incoming::parse("<xml><ToUserName>a</ToUserName></xml>"),
            Err(MessageError::Missing("FromUserName"))
        );
        let bad_time = "<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>x</CreateTime></xml>";
        assert!(matches!(Incoming::parse(bad_time), Err(MessageError::BadCreateTime(_))));
    }
}
