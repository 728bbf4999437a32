//! Messages and events WeChat pushes to the developer's endpoint (PROTOCOL.md §2).

use super::xml::{push_envelope, push_plain_element, push_text_element, Element, XmlError};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MessageError {
    #[error(transparent)]
    Xml(#[from] XmlError),
    #[error("<{0}> is missing")]
    Missing(&'static str),
    #[error("<CreateTime> is {0:?}, expected whole seconds")]
    BadCreateTime(String),
    /// An element WeChat sends once appears more than once: which one to believe?
    #[error("<{name}> appears {count} times; a message has one")]
    Duplicated { name: &'static str, count: usize },
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
    /// A scancode_push or scancode_waitmsg menu button: the code the user scanned.
    ScanCode {
        waitmsg: bool,
        event_key: String,
        /// ScanCodeInfo/ScanType: `qrcode`, `barcode`, …
        scan_type: String,
        /// ScanCodeInfo/ScanResult: what the code holds.
        scan_result: String,
    },
    /// A pic_sysphoto, pic_photo_or_album or pic_weixin menu button: the pictures sent.
    Pics {
        source: PicSource,
        event_key: String,
        /// SendPicsInfo/Count, as sent.
        count: String,
        /// SendPicsInfo/PicList/item/PicMd5Sum, one per picture.
        md5s: Vec<String>,
    },
    /// A location_select menu button: the place the user picked.
    LocationSelect {
        event_key: String,
        /// SendLocationInfo/Location_X (latitude), Location_Y (longitude), Scale, Label, Poiname.
        lat: String,
        lng: String,
        scale: String,
        label: String,
        poiname: String,
    },
    /// A miniprogram menu button (Event view_miniprogram): EventKey is the page path.
    ViewMiniprogram {
        event_key: String,
        menu_id: Option<String>,
    },
    /// An event this version does not know; its fields are in `extra`.
    Other {
        event: String,
    },
}

/// Where the pictures of a picture menu button come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PicSource {
    /// pic_sysphoto: the camera.
    SysPhoto,
    /// pic_photo_or_album: camera or album.
    PhotoOrAlbum,
    /// pic_weixin: WeChat's album.
    Weixin,
}

impl PicSource {
    pub fn as_str(self) -> &'static str {
        match self {
            PicSource::SysPhoto => "pic_sysphoto",
            PicSource::PhotoOrAlbum => "pic_photo_or_album",
            PicSource::Weixin => "pic_weixin",
        }
    }
}

impl Event {
    /// The EventKey, for the events that carry one.
    pub fn event_key(&self) -> Option<&str> {
        match self {
            Event::Subscribe { event_key, .. } => event_key.as_deref(),
            Event::Scan { event_key, .. }
            | Event::Click { event_key }
            | Event::View { event_key, .. }
            | Event::ScanCode { event_key, .. }
            | Event::Pics { event_key, .. }
            | Event::LocationSelect { event_key, .. }
            | Event::ViewMiniprogram { event_key, .. } => Some(event_key),
            Event::Unsubscribe | Event::Location { .. } | Event::Other { .. } => None,
        }
    }

    /// The `Event` value as WeChat spells it.
    pub fn name(&self) -> &str {
        match self {
            Event::Subscribe { .. } => "subscribe",
            Event::Unsubscribe => "unsubscribe",
            Event::Scan { .. } => "SCAN",
            Event::Location { .. } => "LOCATION",
            Event::Click { .. } => "CLICK",
            Event::View { .. } => "VIEW",
            Event::ScanCode { waitmsg: false, .. } => "scancode_push",
            Event::ScanCode { waitmsg: true, .. } => "scancode_waitmsg",
            Event::Pics { source, .. } => source.as_str(),
            Event::LocationSelect { .. } => "location_select",
            Event::ViewMiniprogram { .. } => "view_miniprogram",
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
        Self::from_root(Element::parse_document(xml)?)
    }

    pub fn from_element(root: &Element) -> Result<Self, MessageError> {
        Self::from_root(root.clone())
    }

    /// Builds the message from a parsed `<xml>` root, moving its text out
    /// rather than copying it (this is on `serve`'s hot path).
    ///
    /// The envelope (ToUserName, FromUserName, CreateTime, MsgType), MsgId and
    /// an event's Event are refused when given more than once
    /// ([`MessageError::Duplicated`]): they decide who is answered, what the
    /// message is and how retries are recognised, and WeChat sends each once.
    /// Other repeated elements are kept: the first is read and the rest land in `extra`.
    pub fn from_root(root: Element) -> Result<Self, MessageError> {
        let mut fields = Fields(root.children.into_iter().map(Some).collect());
        let to = fields.require("ToUserName")?;
        let from = fields.require("FromUserName")?;
        let raw_time = fields.require("CreateTime")?;
        let create_time = raw_time.trim().parse().map_err(|_| MessageError::BadCreateTime(raw_time.clone()))?;
        let msg_type = fields.require("MsgType")?;
        let msg_id = fields.take_once("MsgId")?;
        let body = match msg_type.as_str() {
            "text" => Body::Text { content: fields.text("Content") },
            "image" => Body::Image { pic_url: fields.text("PicUrl"), media_id: fields.text("MediaId") },
            "voice" => Body::Voice {
                media_id: fields.text("MediaId"),
                format: fields.text("Format"),
                recognition: fields.take("Recognition"),
            },
            "video" => Body::Video { media_id: fields.text("MediaId"), thumb_media_id: fields.text("ThumbMediaId") },
            "shortvideo" => {
                Body::ShortVideo { media_id: fields.text("MediaId"), thumb_media_id: fields.text("ThumbMediaId") }
            }
            "location" => Body::Location {
                lat: fields.text("Location_X"),
                lng: fields.text("Location_Y"),
                scale: fields.text("Scale"),
                label: fields.text("Label"),
            },
            "link" => Body::Link {
                title: fields.text("Title"),
                description: fields.text("Description"),
                url: fields.text("Url"),
            },
            "event" => {
                let name = fields.require("Event")?;
                let event = match name.to_ascii_lowercase().as_str() {
                    "subscribe" => {
                        Event::Subscribe { event_key: fields.take("EventKey"), ticket: fields.take("Ticket") }
                    }
                    "unsubscribe" => Event::Unsubscribe,
                    "scan" => Event::Scan { event_key: fields.text("EventKey"), ticket: fields.take("Ticket") },
                    "location" => Event::Location {
                        latitude: fields.text("Latitude"),
                        longitude: fields.text("Longitude"),
                        precision: fields.text("Precision"),
                    },
                    "click" => Event::Click { event_key: fields.text("EventKey") },
                    "view" => Event::View { event_key: fields.text("EventKey"), menu_id: fields.take("MenuId") },
                    "scancode_push" | "scancode_waitmsg" if fields.has("ScanCodeInfo") => {
                        let event_key = fields.text("EventKey");
                        let info = fields.take_element("ScanCodeInfo").unwrap_or_default();
                        Event::ScanCode {
                            waitmsg: name.eq_ignore_ascii_case("scancode_waitmsg"),
                            event_key,
                            scan_type: info.child_text("ScanType").unwrap_or("").to_owned(),
                            scan_result: info.child_text("ScanResult").unwrap_or("").to_owned(),
                        }
                    }
                    "pic_sysphoto" | "pic_photo_or_album" | "pic_weixin" if fields.has("SendPicsInfo") => {
                        let source = match name.to_ascii_lowercase().as_str() {
                            "pic_sysphoto" => PicSource::SysPhoto,
                            "pic_photo_or_album" => PicSource::PhotoOrAlbum,
                            _ => PicSource::Weixin,
                        };
                        let event_key = fields.text("EventKey");
                        let info = fields.take_element("SendPicsInfo").unwrap_or_default();
                        let md5s = info.child("PicList").map_or_else(Vec::new, |list| {
                            list.children
                                .iter()
                                .filter(|item| item.name == "item")
                                .map(|item| item.child_text("PicMd5Sum").unwrap_or("").to_owned())
                                .collect()
                        });
                        let count = info.child_text("Count").unwrap_or("").to_owned();
                        Event::Pics { source, event_key, count, md5s }
                    }
                    "location_select" if fields.has("SendLocationInfo") => {
                        let event_key = fields.text("EventKey");
                        let info = fields.take_element("SendLocationInfo").unwrap_or_default();
                        let get = |n: &str| info.child_text(n).unwrap_or("").to_owned();
                        Event::LocationSelect {
                            event_key,
                            lat: get("Location_X"),
                            lng: get("Location_Y"),
                            scale: get("Scale"),
                            label: get("Label"),
                            poiname: get("Poiname"),
                        }
                    }
                    "view_miniprogram" => {
                        Event::ViewMiniprogram { event_key: fields.text("EventKey"), menu_id: fields.take("MenuId") }
                    }
                    _ => Event::Other { event: name },
                };
                Body::Event(event)
            }
            _ => Body::Other { msg_type },
        };
        let extra = fields.0.into_iter().flatten().collect();
        Ok(Incoming { to, from, create_time, msg_id, body, extra })
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
    /// for retries of each other; a real retry repeats them all. Messages add
    /// sender and type: samples and hand-made payloads reuse MsgIds across types.
    pub fn dedup_key(&self) -> String {
        self.dedup().to_string()
    }

    /// The parts of [`Incoming::dedup_key`]; hash it to key a table without building the string.
    pub fn dedup(&self) -> DedupKey<'_> {
        match (&self.msg_id, &self.body) {
            (Some(id), body) if !matches!(body, Body::Event(_)) => {
                DedupKey::Message { id, from: &self.from, msg_type: body.msg_type() }
            }
            (_, Body::Event(event)) => {
                let key = event.event_key().unwrap_or("");
                DedupKey::Event { from: &self.from, create_time: self.create_time, event: event.name(), key }
            }
            (_, body) => {
                DedupKey::Unnumbered { from: &self.from, create_time: self.create_time, msg_type: body.msg_type() }
            }
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
            Body::Event(Event::Location { latitude, longitude, .. }) => format!("{latitude},{longitude}"),
            Body::Event(Event::ScanCode { event_key, scan_result, .. }) => {
                format!("key {event_key} scanned {scan_result}")
            }
            Body::Event(Event::Pics { event_key, md5s, .. }) => format!("key {event_key}, {} picture(s)", md5s.len()),
            Body::Event(Event::LocationSelect { event_key, lat, lng, label, .. }) => {
                format!("key {event_key} {lat},{lng} {label}")
            }
            Body::Event(event) if event.event_key().is_some() => {
                format!("key {}", event.event_key().unwrap_or_default())
            }
            _ => String::new(),
        }
    }

    /// The message as WeChat sends it: the envelope, this type's fields in
    /// WeChat's order (text in CDATA, numbers plain), MsgId, then any extra elements.
    pub fn to_xml(&self) -> String {
        let mut out = String::with_capacity(512);
        self.render_into(&mut out);
        out
    }

    pub fn render_into(&self, out: &mut String) {
        let t = |out: &mut String, name: &str, value: &str| push_text_element(out, name, value);
        let n = |out: &mut String, name: &str, value: &str| push_plain_element(out, name, value);
        push_envelope(out, &self.to, &self.from, self.create_time, self.msg_type());
        match &self.body {
            Body::Text { content } => t(out, "Content", content),
            Body::Image { pic_url, media_id } => {
                t(out, "PicUrl", pic_url);
                t(out, "MediaId", media_id);
            }
            Body::Voice { media_id, format, recognition } => {
                t(out, "MediaId", media_id);
                t(out, "Format", format);
                if let Some(r) = recognition {
                    t(out, "Recognition", r);
                }
            }
            Body::Video { media_id, thumb_media_id } | Body::ShortVideo { media_id, thumb_media_id } => {
                t(out, "MediaId", media_id);
                t(out, "ThumbMediaId", thumb_media_id);
            }
            Body::Location { lat, lng, scale, label } => {
                n(out, "Location_X", lat);
                n(out, "Location_Y", lng);
                n(out, "Scale", scale);
                t(out, "Label", label);
            }
            Body::Link { title, description, url } => {
                t(out, "Title", title);
                t(out, "Description", description);
                t(out, "Url", url);
            }
            Body::Event(event) => {
                t(out, "Event", event.name());
                match event {
                    Event::Subscribe { event_key, ticket } => {
                        if let Some(key) = event_key {
                            t(out, "EventKey", key);
                        }
                        if let Some(ticket) = ticket {
                            t(out, "Ticket", ticket);
                        }
                    }
                    Event::Scan { event_key, ticket } => {
                        t(out, "EventKey", event_key);
                        if let Some(ticket) = ticket {
                            t(out, "Ticket", ticket);
                        }
                    }
                    Event::Location { latitude, longitude, precision } => {
                        n(out, "Latitude", latitude);
                        n(out, "Longitude", longitude);
                        n(out, "Precision", precision);
                    }
                    Event::Click { event_key } => t(out, "EventKey", event_key),
                    Event::View { event_key, menu_id } => {
                        t(out, "EventKey", event_key);
                        if let Some(menu_id) = menu_id {
                            n(out, "MenuId", menu_id);
                        }
                    }
                    Event::ScanCode { event_key, scan_type, scan_result, .. } => {
                        t(out, "EventKey", event_key);
                        out.push_str("<ScanCodeInfo>");
                        t(out, "ScanType", scan_type);
                        t(out, "ScanResult", scan_result);
                        out.push_str("</ScanCodeInfo>");
                    }
                    Event::Pics { event_key, count, md5s, .. } => {
                        t(out, "EventKey", event_key);
                        out.push_str("<SendPicsInfo>");
                        n(out, "Count", count);
                        out.push_str("<PicList>");
                        for md5 in md5s {
                            out.push_str("<item>");
                            t(out, "PicMd5Sum", md5);
                            out.push_str("</item>");
                        }
                        out.push_str("</PicList></SendPicsInfo>");
                    }
                    Event::LocationSelect { event_key, lat, lng, scale, label, poiname } => {
                        t(out, "EventKey", event_key);
                        out.push_str("<SendLocationInfo>");
                        t(out, "Location_X", lat);
                        t(out, "Location_Y", lng);
                        t(out, "Scale", scale);
                        t(out, "Label", label);
                        t(out, "Poiname", poiname);
                        out.push_str("</SendLocationInfo>");
                    }
                    Event::ViewMiniprogram { event_key, menu_id } => {
                        t(out, "EventKey", event_key);
                        if let Some(menu_id) = menu_id {
                            n(out, "MenuId", menu_id);
                        }
                    }
                    Event::Unsubscribe | Event::Other { .. } => {}
                }
            }
            Body::Other { .. } => {}
        }
        if let Some(id) = &self.msg_id {
            n(out, "MsgId", id);
        }
        for element in &self.extra {
            element.render_into(out);
        }
        out.push_str("</xml>");
    }
}

/// What identifies one message across WeChat's retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DedupKey<'a> {
    Message {
        id: &'a str,
        from: &'a str,
        msg_type: &'a str,
    },
    Event {
        from: &'a str,
        create_time: i64,
        event: &'a str,
        key: &'a str,
    },
    /// A message without a MsgId.
    Unnumbered {
        from: &'a str,
        create_time: i64,
        msg_type: &'a str,
    },
}

impl std::fmt::Display for DedupKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DedupKey::Message { id, from, msg_type } => write!(f, "msg:{id}:{from}:{msg_type}"),
            DedupKey::Event { from, create_time, event, key } => write!(f, "evt:{from}:{create_time}:{event}:{key}"),
            DedupKey::Unnumbered { from, create_time, msg_type } => write!(f, "msg:{from}:{create_time}:{msg_type}"),
        }
    }
}

/// The children of a message root, taken one by one; what is left over is kept as extra.
struct Fields(Vec<Option<Element>>);

impl Fields {
    /// The text of the first element with this name, removed from the rest.
    fn take(&mut self, name: &str) -> Option<String> {
        let slot = self.0.iter_mut().find(|c| c.as_ref().is_some_and(|c| c.name == name))?;
        slot.take().map(|element| element.text)
    }

    fn has(&self, name: &str) -> bool {
        self.0.iter().flatten().any(|c| c.name == name)
    }

    /// The first element with this name, children and all, removed from the rest.
    fn take_element(&mut self, name: &str) -> Option<Element> {
        let slot = self.0.iter_mut().find(|c| c.as_ref().is_some_and(|c| c.name == name))?;
        slot.take()
    }

    fn text(&mut self, name: &str) -> String {
        self.take(name).unwrap_or_default()
    }

    /// Like [`Fields::take`], but an element given more than once is refused.
    fn take_once(&mut self, name: &'static str) -> Result<Option<String>, MessageError> {
        let text = self.take(name);
        let again = self.0.iter().flatten().filter(|c| c.name == name).count();
        if again > 0 {
            return Err(MessageError::Duplicated { name, count: again + 1 });
        }
        Ok(text)
    }

    /// The text of the one element with this name, which must be there.
    fn require(&mut self, name: &'static str) -> Result<String, MessageError> {
        self.take_once(name)?.ok_or(MessageError::Missing(name))
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

    const TEXT: &str = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>\
                        <CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content>\
                        <MsgId>42</MsgId></xml>";

    #[test]
    fn envelope_elements_given_twice_are_refused() {
        let twice = |element: &str| TEXT.replace(element, &element.repeat(2));
        let cases = [
            ("<ToUserName><![CDATA[gh_1]]></ToUserName>", "ToUserName"),
            ("<FromUserName><![CDATA[o1]]></FromUserName>", "FromUserName"),
            ("<CreateTime>1</CreateTime>", "CreateTime"),
            ("<MsgType><![CDATA[text]]></MsgType>", "MsgType"),
            ("<MsgId>42</MsgId>", "MsgId"),
        ];
        for (element, name) in cases {
            assert_eq!(Incoming::parse(&twice(element)), Err(MessageError::Duplicated { name, count: 2 }));
        }
        let other_type = TEXT.replace("</MsgType>", "</MsgType><MsgType><![CDATA[image]]></MsgType>");
        let refused = Incoming::parse(&other_type).unwrap_err();
        assert_eq!(refused.to_string(), "<MsgType> appears 2 times; a message has one");
        let event = "<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime>\
                     <MsgType>event</MsgType><Event>CLICK</Event><Event>VIEW</Event><Event>x</Event></xml>";
        assert_eq!(Incoming::parse(event), Err(MessageError::Duplicated { name: "Event", count: 3 }));
        // Other repeated elements are kept: the first is read, the rest land in extra.
        let content = Incoming::parse(&twice("<Content><![CDATA[hi]]></Content>")).unwrap();
        assert_eq!(content.body, Body::Text { content: "hi".into() });
        assert_eq!(content.extra.len(), 1);
    }

    #[test]
    fn requests_keep_control_characters_and_refuse_cdata_end_in_text() {
        let control = TEXT.replace("[hi]", "[a\u{1}b\u{2}\u{1d}]");
        assert_eq!(Incoming::parse(&control).unwrap().body, Body::Text { content: "a\u{1}b\u{2}\u{1d}".into() });
        let plain = TEXT.replace("<![CDATA[hi]]>", "a]]>b");
        assert_eq!(
            Incoming::parse(&plain),
            Err(MessageError::Xml(XmlError::CdataEndInText { place: "<Content>".into() }))
        );
    }
}
