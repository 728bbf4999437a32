//! The XML WeChat speaks: a root `<xml>` of flat or shallowly nested elements,
//! text in CDATA. A small tree keeps every element (known or not) in order so
//! that nothing is lost on a round trip.

use quick_xml::events::Event;
use quick_xml::Reader;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt::Write as _;

/// Deeper nesting than this is refused: WeChat's own payloads are 3 levels deep.
const MAX_DEPTH: usize = 16;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum XmlError {
    #[error("the body is empty")]
    Empty,
    #[error("a DOCTYPE declaration is not allowed (WeChat never sends one; entity expansion is refused)")]
    Doctype,
    #[error("not well-formed XML: {0}")]
    Malformed(String),
    #[error("the root element is <{0}>, expected <xml>")]
    WrongRoot(String),
    #[error("elements nested deeper than {MAX_DEPTH} levels")]
    TooDeep,
    /// `]]>` in character data (XML 1.0 §2.4); `place` names the element, as `<Content>`.
    #[error(
        "not well-formed XML: {place} has \"]]>\" in its character data (a CDATA section ends at the first \"]]>\": \
         split it as ]]]]><![CDATA[> inside CDATA, write ]]&gt; outside)"
    )]
    CdataEndInText { place: String },
    /// A character outside XML 1.0's `Char` production (§2.2), written out or as a
    /// character reference; only refused when parsing with [`Chars::Xml10`].
    #[error(
        "not well-formed XML: {place} contains {}{}, a character XML 1.0 does not allow{}",
        code_point(*.ch),
        if *.reference { " (as a character reference)" } else { "" },
        if (*.ch as u32) < 0x20 { "; remove control characters other than tab, newline and carriage return" } else { "" }
    )]
    ForbiddenChar { place: String, ch: char, reference: bool },
}

/// Which characters the parser lets through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Chars {
    /// Any character in text. WeChat's own messages carry control characters
    /// (U+0002, U+001D) inside CDATA, so requests are parsed this way.
    #[default]
    Any,
    /// Only XML 1.0 characters (§2.2 `Char`), whether written out or as character
    /// references, anywhere in the document: what a strict parser, and so WeChat
    /// reading a reply, accepts.
    Xml10,
}

/// Whether XML 1.0 allows this character: #x9 | #xA | #xD | [#x20-#xD7FF] |
/// [#xE000-#xFFFD] | [#x10000-#x10FFFF].
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// One XML element: its name, its text (CDATA and character data joined), and its children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    /// WeChat's own element names are shared static strings; others are owned.
    pub name: Cow<'static, str>,
    pub text: String,
    /// Whether the text is written as CDATA when rendered.
    pub cdata: bool,
    pub children: Vec<Element>,
}

impl Element {
    /// An element with text written as CDATA.
    pub fn text(name: &str, text: impl Into<String>) -> Self {
        Element { name: intern(name), text: text.into(), cdata: true, children: Vec::new() }
    }

    /// An element with text written as plain character data (numbers: CreateTime, MsgId, …).
    pub fn number(name: &str, value: impl ToString) -> Self {
        Element { name: intern(name), text: value.to_string(), cdata: false, children: Vec::new() }
    }

    /// An element holding children.
    pub fn parent(name: &str, children: Vec<Element>) -> Self {
        Element { name: intern(name), text: String::new(), cdata: false, children }
    }

    /// Parses a WeChat document, whose root must be `<xml>`, letting any
    /// character through in text (see [`Chars::Any`]).
    pub fn parse_document(input: &str) -> Result<Element, XmlError> {
        Self::parse_document_with(input, Chars::Any)
    }

    /// Parses a WeChat document, whose root must be `<xml>`, with this rule for characters.
    pub fn parse_document_with(input: &str, chars: Chars) -> Result<Element, XmlError> {
        let root = Self::parse_with(input, chars)?;
        if root.name != "xml" {
            return Err(XmlError::WrongRoot(root.name.into_owned()));
        }
        Ok(root)
    }

    /// Parses any single-rooted document, letting any character through in text.
    pub fn parse(input: &str) -> Result<Element, XmlError> {
        Self::parse_with(input, Chars::Any)
    }

    /// Parses any single-rooted document; DOCTYPE is refused and no entity but
    /// the five predefined ones and character references is expanded. `]]>` in
    /// character data is refused (quick-xml does not check it); characters are
    /// checked as `chars` says.
    pub fn parse_with(input: &str, chars: Chars) -> Result<Element, XmlError> {
        let input = input.strip_prefix('\u{feff}').unwrap_or(input);
        if input.trim().is_empty() {
            return Err(XmlError::Empty);
        }
        let strict = chars == Chars::Xml10;
        let mut reader = Reader::from_str(input);
        reader.config_mut().check_end_names = true;
        let mut stack: Vec<Element> = Vec::new();
        let mut root: Option<Element> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| XmlError::Malformed(format!("{e} (at byte {})", reader.error_position())))?;
            match event {
                Event::DocType(_) => return Err(XmlError::Doctype),
                Event::Start(ref start) | Event::Empty(ref start) => {
                    // Characters XML 1.0 forbids are named before the name's own
                    // grammar is checked: they are the more precise reason.
                    if strict {
                        if let Some((ch, reference)) = first_forbidden(utf8(start)?, true) {
                            let raw = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                            let place = if raw.chars().all(is_xml_char) {
                                format!("the tag <{raw}>")
                            } else {
                                format!("an element name in {}", place(&stack))
                            };
                            return Err(XmlError::ForbiddenChar { place, ch, reference });
                        }
                    }
                    let name = element_name(start.name().as_ref())?;
                    let element = Element { name, ..Default::default() };
                    if matches!(event, Event::Start(_)) {
                        if root.is_some() {
                            return Err(XmlError::Malformed("content after the root element".into()));
                        }
                        if stack.len() >= MAX_DEPTH {
                            return Err(XmlError::TooDeep);
                        }
                        stack.push(element);
                    } else {
                        match stack.last_mut() {
                            Some(parent) => parent.children.push(element),
                            None if root.is_none() => root = Some(element),
                            None => return Err(XmlError::Malformed("content after the root element".into())),
                        }
                    }
                }
                Event::End(_) => {
                    let mut element = stack.pop().ok_or_else(|| XmlError::Malformed("unexpected end tag".into()))?;
                    if !element.children.is_empty() && element.text.trim().is_empty() {
                        element.text.clear();
                    }
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(element),
                        None => root = Some(element),
                    }
                }
                Event::Text(text) => {
                    if !stack.is_empty() && text.contains(&b']') && text.windows(3).any(|w| w == b"]]>") {
                        return Err(XmlError::CdataEndInText { place: place(&stack) });
                    }
                    if strict {
                        if let Some((ch, reference)) = first_forbidden(utf8(&text)?, true) {
                            return Err(XmlError::ForbiddenChar { place: place(&stack), ch, reference });
                        }
                    }
                    let unescaped = text.unescape().map_err(|e| XmlError::Malformed(e.to_string()))?;
                    match stack.last_mut() {
                        Some(current) => current.text.push_str(&unescaped),
                        None if unescaped.trim().is_empty() => {}
                        None => return Err(XmlError::Malformed("text outside the root element".into())),
                    }
                }
                Event::CData(data) => {
                    let data = utf8(&data)?;
                    if strict {
                        if let Some((ch, _)) = first_forbidden(data, false) {
                            return Err(XmlError::ForbiddenChar { place: place(&stack), ch, reference: false });
                        }
                    }
                    let current =
                        stack.last_mut().ok_or_else(|| XmlError::Malformed("CDATA outside the root element".into()))?;
                    current.text.push_str(data);
                    current.cdata = true;
                }
                Event::Comment(ref comment) if strict => {
                    if let Some((ch, _)) = first_forbidden(utf8(comment)?, false) {
                        let place = format!("a comment in {}", place(&stack));
                        return Err(XmlError::ForbiddenChar { place, ch, reference: false });
                    }
                }
                Event::PI(ref pi) if strict => {
                    if let Some((ch, _)) = first_forbidden(utf8(pi)?, false) {
                        let place = format!("a processing instruction in {}", place(&stack));
                        return Err(XmlError::ForbiddenChar { place, ch, reference: false });
                    }
                }
                Event::Decl(ref decl) if strict => {
                    if let Some((ch, _)) = first_forbidden(utf8(decl)?, false) {
                        return Err(XmlError::ForbiddenChar {
                            place: "the XML declaration".into(),
                            ch,
                            reference: false,
                        });
                    }
                }
                Event::Eof => break,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
        if let Some(open) = stack.last() {
            return Err(XmlError::Malformed(format!("<{}> is never closed", open.name)));
        }
        root.ok_or(XmlError::Malformed("no root element".into()))
    }

    /// The first child with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The text of the first child with this name.
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.as_str())
    }

    /// Renders the element, CDATA where marked (with `]]>` split safely).
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(256);
        self.render_into(&mut out);
        out
    }

    pub fn render_into(&self, out: &mut String) {
        if self.children.is_empty() {
            if self.cdata {
                push_text_element(out, &self.name, &self.text);
            } else {
                push_plain_element(out, &self.name, &self.text);
            }
        } else {
            let _ = write!(out, "<{}>", self.name);
            for child in &self.children {
                child.render_into(out);
            }
            let _ = write!(out, "</{}>", self.name);
        }
    }

    /// The children as a JSON object: names as keys, nested elements as
    /// objects, repeated names as arrays, leaves as strings.
    pub fn to_json(&self) -> Value {
        if self.children.is_empty() {
            return Value::String(self.text.clone());
        }
        let mut map = Map::new();
        for child in &self.children {
            let value = child.to_json();
            match map.get_mut(child.name.as_ref()) {
                None => {
                    map.insert(child.name.to_string(), value);
                }
                // Leaves are strings and parents objects, so an array here is one we grouped.
                Some(Value::Array(items)) => items.push(value),
                Some(existing) => {
                    let first = existing.take();
                    *existing = Value::Array(vec![first, value]);
                }
            }
        }
        Value::Object(map)
    }
}

/// Where a problem is, for messages: the innermost open element, as `<Content>`.
fn place(stack: &[Element]) -> String {
    match stack.last() {
        Some(element) => format!("<{}>", element.name),
        None => "the document".into(),
    }
}

fn utf8(raw: &[u8]) -> Result<&str, XmlError> {
    std::str::from_utf8(raw).map_err(|e| XmlError::Malformed(e.to_string()))
}

/// The first character XML 1.0 does not allow in raw document text, and whether
/// it was written as a character reference (`&#1;`, `&#x1;`; looked at only
/// when `references`, that is outside CDATA and comments). Malformed references
/// are left to the unescaper.
fn first_forbidden(raw: &str, references: bool) -> Option<(char, bool)> {
    let mut rest = raw;
    loop {
        let at = rest.find(|c: char| !is_xml_char(c) || (references && c == '&'))?;
        let c = rest[at..].chars().next()?;
        rest = &rest[at + c.len_utf8()..];
        if c != '&' {
            return Some((c, false));
        }
        let Some(number) = rest.strip_prefix('#').and_then(|r| r.split_once(';')).map(|(n, _)| n) else {
            continue;
        };
        let code = match number.strip_prefix('x') {
            Some(hex) if hex.bytes().all(|b| b.is_ascii_hexdigit()) => u32::from_str_radix(hex, 16).ok(),
            None if number.bytes().all(|b| b.is_ascii_digit()) => number.parse().ok(),
            _ => None,
        };
        if let Some(referenced) = code.and_then(char::from_u32) {
            if !is_xml_char(referenced) {
                return Some((referenced, true));
            }
        }
    }
}

fn element_name(raw: &[u8]) -> Result<Cow<'static, str>, XmlError> {
    if let Some(known) = known_name(raw) {
        return Ok(Cow::Borrowed(known));
    }
    let name = std::str::from_utf8(raw).map_err(|_| XmlError::Malformed("an element name is not UTF-8".into()))?;
    // quick-xml takes everything up to whitespace, `/>` or `>` for the name; a
    // name such as `a<b/` would render as XML that does not parse.
    let mut chars = name.chars();
    if !chars.next().is_some_and(is_name_start) || !chars.all(|c| is_name_start(c) || is_name_char(c)) {
        return Err(XmlError::Malformed(format!("<{name}> is not a valid element name")));
    }
    Ok(Cow::Owned(name.to_owned()))
}

/// XML 1.0's NameStartChar.
fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// XML 1.0's NameChar, less NameStartChar.
fn is_name_char(c: char) -> bool {
    matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// The shared static name when it is one of the element names of WeChat's
/// messages, replies and envelopes (parsing them allocates nothing), else an owned copy.
pub fn intern(name: &str) -> Cow<'static, str> {
    match known_name(name.as_bytes()) {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(name.to_owned()),
    }
}

/// The element names of WeChat's messages, replies and envelopes, matched on
/// raw bytes: a known name is valid UTF-8 and a valid XML name, so the parser
/// skips both checks for it.
fn known_name(raw: &[u8]) -> Option<&'static str> {
    Some(match raw {
        b"xml" => "xml",
        b"ToUserName" => "ToUserName",
        b"FromUserName" => "FromUserName",
        b"CreateTime" => "CreateTime",
        b"MsgType" => "MsgType",
        b"Content" => "Content",
        b"MsgId" => "MsgId",
        b"MsgDataId" => "MsgDataId",
        b"Idx" => "Idx",
        b"PicUrl" => "PicUrl",
        b"MediaId" => "MediaId",
        b"Format" => "Format",
        b"Recognition" => "Recognition",
        b"MediaId16K" => "MediaId16K",
        b"ThumbMediaId" => "ThumbMediaId",
        b"Location_X" => "Location_X",
        b"Location_Y" => "Location_Y",
        b"Scale" => "Scale",
        b"Label" => "Label",
        b"Title" => "Title",
        b"Description" => "Description",
        b"Url" => "Url",
        b"Event" => "Event",
        b"EventKey" => "EventKey",
        b"Ticket" => "Ticket",
        b"Latitude" => "Latitude",
        b"Longitude" => "Longitude",
        b"Precision" => "Precision",
        b"MenuId" => "MenuId",
        b"Encrypt" => "Encrypt",
        b"MsgSignature" => "MsgSignature",
        b"TimeStamp" => "TimeStamp",
        b"Nonce" => "Nonce",
        b"Image" => "Image",
        b"Voice" => "Voice",
        b"Video" => "Video",
        b"Music" => "Music",
        b"MusicUrl" => "MusicUrl",
        b"HQMusicUrl" => "HQMusicUrl",
        b"ArticleCount" => "ArticleCount",
        b"Articles" => "Articles",
        b"item" => "item",
        b"TransInfo" => "TransInfo",
        b"KfAccount" => "KfAccount",
        b"AgentID" => "AgentID",
        b"Status" => "Status",
        b"ScanCodeInfo" => "ScanCodeInfo",
        b"SendPicsInfo" => "SendPicsInfo",
        _ => return None,
    })
}

/// Opens a message or reply: `<xml>` and the envelope every one of them starts with.
pub fn push_envelope(out: &mut String, to: &str, from: &str, create_time: i64, msg_type: &str) {
    out.push_str("<xml>");
    push_text_element(out, "ToUserName", to);
    push_text_element(out, "FromUserName", from);
    let _ = write!(out, "<CreateTime>{create_time}</CreateTime>");
    push_text_element(out, "MsgType", msg_type);
}

/// Writes `<name><![CDATA[text]]></name>`.
pub fn push_text_element(out: &mut String, name: &str, text: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    push_cdata(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Writes `<name>value</name>` for numbers and other plain values.
pub fn push_plain_element(out: &mut String, name: &str, value: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    push_escaped(out, value);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Writes text as CDATA, splitting any `]]>` so the section cannot end early.
pub fn push_cdata(out: &mut String, text: &str) {
    out.push_str("<![CDATA[");
    if !text.contains(']') {
        out.push_str(text);
        out.push_str("]]>");
        return;
    }
    let mut rest = text;
    while let Some(at) = rest.find("]]>") {
        out.push_str(&rest[..at]);
        out.push_str("]]]]><![CDATA[>");
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    out.push_str("]]>");
}

/// Writes text as escaped character data.
pub fn push_escaped(out: &mut String, text: &str) {
    if !text.contains(['<', '>', '&']) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_name_passes_the_checks_it_skips() {
        let block = include_str!("xml.rs");
        let known: Vec<&str> = block.lines().filter_map(|l| l.trim().strip_prefix("b\"")?.split('"').next()).collect();
        assert!(known.len() > 40, "{known:?}");
        for name in known {
            assert_eq!(known_name(name.as_bytes()), Some(name));
            let mut chars = name.chars();
            assert!(
                chars.next().is_some_and(is_name_start) && chars.all(|c| is_name_start(c) || is_name_char(c)),
                "{name}"
            );
        }
        assert_eq!(known_name(b"xml "), None);
        assert!(matches!(element_name(b"a<b"), Err(XmlError::Malformed(_))));
    }

    fn doc(content: &str) -> String {
        let mut out = String::from("<xml>");
        Element::text("Content", content).render_into(&mut out);
        out.push_str("</xml>");
        out
    }

    #[test]
    fn cdata_terminator_survives_round_trip() {
        for content in ["a]]>b", "]]>", "]]]]>", "x]]>]]>y", "]]"] {
            let parsed = Element::parse_document(&doc(content)).unwrap();
            assert_eq!(parsed.child_text("Content"), Some(content), "{content:?}");
        }
    }

    #[test]
    fn cdata_end_in_character_data_is_refused() {
        let refused = XmlError::CdataEndInText { place: "<Content>".into() };
        for xml in [
            "<xml><Content>a]]>b</Content></xml>",
            "<xml><Content>]]></Content></xml>",
            // The section ends at its first ]]>: what follows is character data.
            "<xml><Content><![CDATA[a]]>b]]></Content></xml>",
        ] {
            for chars in [Chars::Any, Chars::Xml10] {
                assert_eq!(Element::parse_document_with(xml, chars), Err(refused.clone()), "{xml}");
            }
        }
        assert_eq!(Element::parse_document("<xml>]]></xml>"), Err(XmlError::CdataEndInText { place: "<xml>".into() }));
        assert_eq!(
            refused.to_string(),
            "not well-formed XML: <Content> has \"]]>\" in its character data (a CDATA section ends at the first \"]]>\": \
             split it as ]]]]><![CDATA[> inside CDATA, write ]]&gt; outside)"
        );
        for (xml, text) in [
            ("<xml><Content><![CDATA[a]]]]><![CDATA[>]]></Content></xml>", "a]]>"),
            ("<xml><Content>a]]&gt;b ]] > ]></Content></xml>", "a]]>b ]] > ]>"),
            ("<xml><Content>]]<!-- split -->></Content></xml>", "]]>"),
        ] {
            let parsed = Element::parse_document_with(xml, Chars::Xml10).unwrap();
            assert_eq!(parsed.child_text("Content"), Some(text), "{xml}");
        }
    }

    #[test]
    fn strict_chars_refuse_what_xml_1_0_does_not_allow() {
        let forbidden =
            |place: &str, ch: char, reference: bool| XmlError::ForbiddenChar { place: place.into(), ch, reference };
        let cases = [
            ("<xml><Content>a\u{1}b</Content></xml>", forbidden("<Content>", '\u{1}', false)),
            ("<xml><Content><![CDATA[a\u{b}]]></Content></xml>", forbidden("<Content>", '\u{b}', false)),
            ("<xml><Content><![CDATA[\u{fffe}]]></Content></xml>", forbidden("<Content>", '\u{fffe}', false)),
            ("<xml><Content>a&#1;</Content></xml>", forbidden("<Content>", '\u{1}', true)),
            ("<xml><Content>&#x1F;&#0;</Content></xml>", forbidden("<Content>", '\u{1f}', true)),
            ("<xml><Content>&#xFFFF;</Content></xml>", forbidden("<Content>", '\u{ffff}', true)),
            ("<xml><Image><MediaId>\u{0}</MediaId></Image></xml>", forbidden("<MediaId>", '\u{0}', false)),
            ("<xml>\u{2}<Content>x</Content></xml>", forbidden("<xml>", '\u{2}', false)),
            ("<xml><Con\u{1}tent>x</Con\u{1}tent></xml>", forbidden("an element name in <xml>", '\u{1}', false)),
            ("<xml><Content a=\"&#2;\">x</Content></xml>", forbidden("the tag <Content>", '\u{2}', true)),
            ("<xml><!-- \u{1b} --></xml>", forbidden("a comment in <xml>", '\u{1b}', false)),
        ];
        for (xml, error) in cases {
            assert_eq!(Element::parse_document_with(xml, Chars::Xml10), Err(error), "{xml:?}");
        }
        // Requests keep passing them through.
        let lenient =
            Element::parse_document("<xml><Content>a&#1;<![CDATA[\u{2}\u{1d}\u{fffe}]]></Content></xml>").unwrap();
        assert_eq!(lenient.child_text("Content"), Some("a\u{1}\u{2}\u{1d}\u{fffe}"));
        // The edges of what XML 1.0 allows.
        let allowed = "<xml><Content>\t\n\r &#9;&#xA;&#13; \u{7f}\u{d7ff}\u{e000}\u{fffd}\u{10000}\u{10ffff}&#x10FFFF;</Content></xml>";
        let parsed = Element::parse_document_with(allowed, Chars::Xml10).unwrap();
        assert!(parsed.child_text("Content").unwrap().ends_with("\u{10ffff}\u{10ffff}"));
        assert_eq!(
            forbidden("<Content>", '\u{1}', false).to_string(),
            "not well-formed XML: <Content> contains U+0001, a character XML 1.0 does not allow; \
             remove control characters other than tab, newline and carriage return"
        );
        assert_eq!(
            forbidden("<Content>", '\u{fffe}', true).to_string(),
            "not well-formed XML: <Content> contains U+FFFE (as a character reference), a character XML 1.0 does not allow"
        );
    }

    #[test]
    fn hard_text_survives_round_trip() {
        let content = "你好 😀\nline2\r\n\u{2}\u{1d} <xml><a>nested</a></xml> &amp; 'q\" ";
        let rendered = doc(content);
        assert!(rendered.contains("<![CDATA["));
        let parsed = Element::parse_document(&rendered).unwrap();
        assert_eq!(parsed.child_text("Content"), Some(content));
    }

    #[test]
    fn doctype_is_refused() {
        let evil = r#"<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY e "boom">]><xml><Content>&e;</Content></xml>"#;
        assert_eq!(Element::parse_document(evil), Err(XmlError::Doctype));
    }

    #[test]
    fn unknown_entities_are_not_expanded() {
        assert!(matches!(Element::parse_document("<xml><Content>&e;</Content></xml>"), Err(XmlError::Malformed(_))));
        let ok = Element::parse_document("<xml><Content>a &lt; b &#20320;</Content></xml>").unwrap();
        assert_eq!(ok.child_text("Content"), Some("a < b 你"));
    }

    #[test]
    fn malformed_and_wrong_root() {
        assert_eq!(Element::parse_document(""), Err(XmlError::Empty));
        assert!(matches!(Element::parse_document("<xml><a></xml>"), Err(XmlError::Malformed(_))));
        assert!(matches!(Element::parse_document("<xml>"), Err(XmlError::Malformed(_))));
        assert!(matches!(Element::parse_document("hello"), Err(XmlError::Malformed(_))));
        assert!(matches!(Element::parse_document("<xml/><xml/>"), Err(XmlError::Malformed(_))));
        assert_eq!(Element::parse_document("<root></root>"), Err(XmlError::WrongRoot("root".into())));
        let deep = "<a>".repeat(40) + &"</a>".repeat(40);
        assert_eq!(Element::parse(&deep), Err(XmlError::TooDeep));
    }

    #[test]
    fn invalid_element_names_are_refused() {
        // Found by fuzzing: quick-xml read `<a<b//>` as an empty element named
        // `a<b/`, which rendered as `<a<b/></a<b/>`, a document that does not parse.
        for bad in ["<xml><a<b//></xml>", "<xml><1a/></xml>", "<xml><a!b>x</a!b></xml>", "<xml><-a/></xml>"] {
            assert!(matches!(Element::parse_document(bad), Err(XmlError::Malformed(_))), "{bad}");
        }
        let ok = Element::parse_document("<xml><_a-1.b:c/><名字>x</名字></xml>").unwrap();
        assert_eq!(Element::parse_document(&ok.render()).unwrap(), ok);
    }

    #[test]
    fn json_view_nests_and_groups() {
        let xml = "<xml><MsgType><![CDATA[news]]></MsgType><ArticleCount>2</ArticleCount><Articles>\
                   <item><Title><![CDATA[a]]></Title></item><item><Title><![CDATA[b]]></Title></item></Articles>\
                   <Image><MediaId><![CDATA[m]]></MediaId></Image></xml>";
        let json = Element::parse_document(xml).unwrap().to_json();
        assert_eq!(json["MsgType"], "news");
        assert_eq!(json["ArticleCount"], "2");
        assert_eq!(json["Articles"]["item"][1]["Title"], "b");
        assert_eq!(json["Image"]["MediaId"], "m");
    }

    #[test]
    fn wechat_names_are_shared_and_others_kept() {
        let parsed = Element::parse_document("<xml><Content>a</Content><Custom_1>b</Custom_1></xml>").unwrap();
        assert!(matches!(parsed.children[0].name, Cow::Borrowed("Content")));
        assert!(matches!(&parsed.children[1].name, Cow::Owned(name) if name == "Custom_1"));
        assert_eq!(parsed.render(), "<xml><Content>a</Content><Custom_1>b</Custom_1></xml>");
    }

    #[test]
    fn cdata_split_matches_the_documented_form() {
        let mut out = String::new();
        push_cdata(&mut out, "a]]>b]]>");
        assert_eq!(out, "<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>");
    }

    #[test]
    fn numbers_render_without_cdata_and_whitespace_between_elements_is_dropped() {
        let xml = "<xml>\n  <CreateTime>1348831860</CreateTime>\n</xml>";
        let parsed = Element::parse_document(xml).unwrap();
        assert_eq!(parsed.text, "");
        assert_eq!(parsed.render(), "<xml><CreateTime>1348831860</CreateTime></xml>");
    }
}
