//! Passive replies (PROTOCOL.md §2) and how WeChat judges them.

use super::xml::{push_envelope, push_text_element, Chars, Element};
use std::fmt::Write as _;

/// A passive reply to one incoming message.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// ToUserName: the OpenID of the user who sent the message.
    pub to: String,
    /// FromUserName: the account's original id.
    pub from: String,
    pub create_time: i64,
    pub body: ReplyBody,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReplyBody {
    Text {
        content: String,
    },
    Image {
        media_id: String,
    },
    Voice {
        media_id: String,
    },
    Video {
        media_id: String,
        title: Option<String>,
        description: Option<String>,
    },
    Music {
        thumb_media_id: String,
        title: Option<String>,
        description: Option<String>,
        music_url: Option<String>,
        hq_music_url: Option<String>,
    },
    News {
        articles: Vec<Article>,
    },
    TransferCustomerService {
        kf_account: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    pub title: String,
    pub description: String,
    pub pic_url: String,
    pub url: String,
}

/// The MsgTypes a passive reply may have.
pub const REPLY_TYPES: [&str; 7] = ["text", "image", "voice", "video", "music", "news", "transfer_customer_service"];

impl ReplyBody {
    pub fn msg_type(&self) -> &'static str {
        match self {
            ReplyBody::Text { .. } => "text",
            ReplyBody::Image { .. } => "image",
            ReplyBody::Voice { .. } => "voice",
            ReplyBody::Video { .. } => "video",
            ReplyBody::Music { .. } => "music",
            ReplyBody::News { .. } => "news",
            ReplyBody::TransferCustomerService { .. } => "transfer_customer_service",
        }
    }
}

impl Reply {
    /// The reply as WeChat expects it: text in CDATA, CreateTime and ArticleCount as numbers.
    pub fn to_xml(&self) -> String {
        let mut out = String::with_capacity(256);
        self.render_into(&mut out);
        out
    }

    pub fn render_into(&self, out: &mut String) {
        let t = |out: &mut String, name: &str, value: &str| push_text_element(out, name, value);
        let optional = |out: &mut String, name: &str, value: &Option<String>| {
            if let Some(value) = value {
                push_text_element(out, name, value);
            }
        };
        push_envelope(out, &self.to, &self.from, self.create_time, self.body.msg_type());
        match &self.body {
            ReplyBody::Text { content } => t(out, "Content", content),
            ReplyBody::Image { media_id } => wrapped(out, "Image", |out| t(out, "MediaId", media_id)),
            ReplyBody::Voice { media_id } => wrapped(out, "Voice", |out| t(out, "MediaId", media_id)),
            ReplyBody::Video { media_id, title, description } => wrapped(out, "Video", |out| {
                t(out, "MediaId", media_id);
                optional(out, "Title", title);
                optional(out, "Description", description);
            }),
            ReplyBody::Music { thumb_media_id, title, description, music_url, hq_music_url } => {
                wrapped(out, "Music", |out| {
                    optional(out, "Title", title);
                    optional(out, "Description", description);
                    optional(out, "MusicUrl", music_url);
                    optional(out, "HQMusicUrl", hq_music_url);
                    t(out, "ThumbMediaId", thumb_media_id);
                })
            }
            ReplyBody::News { articles } => {
                let _ = write!(out, "<ArticleCount>{}</ArticleCount>", articles.len());
                wrapped(out, "Articles", |out| {
                    for a in articles {
                        wrapped(out, "item", |out| {
                            t(out, "Title", &a.title);
                            t(out, "Description", &a.description);
                            t(out, "PicUrl", &a.pic_url);
                            t(out, "Url", &a.url);
                        });
                    }
                });
            }
            ReplyBody::TransferCustomerService { kf_account } => {
                if let Some(kf) = kf_account {
                    wrapped(out, "TransInfo", |out| t(out, "KfAccount", kf));
                }
            }
        }
        out.push_str("</xml>");
    }
}

/// Writes `<name>…</name>` around what `inner` writes.
fn wrapped(out: &mut String, name: &str, inner: impl FnOnce(&mut String)) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    inner(out);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// What the reply must answer: who sent the message, to which account, and what it was.
#[derive(Debug, Clone)]
pub struct Expectation<'a> {
    /// The sender's OpenID: the reply's ToUserName.
    pub user: &'a str,
    /// The account's id: the reply's FromUserName.
    pub account: &'a str,
    /// The MsgType of the message being answered ("text", "event", …).
    pub answering: &'a str,
}

/// WeChat's view of a reply body.
#[derive(Debug, Clone, Default)]
pub struct Judgement {
    /// The reply as parsed, when the body was an XML reply.
    pub reply: Option<Element>,
    /// The body means "no reply" (`success` or empty).
    pub silent: bool,
    /// Reasons WeChat would reject the reply. Empty means accepted.
    pub problems: Vec<String>,
    /// Accepted, but probably not what the developer meant.
    pub warnings: Vec<String>,
}

impl Judgement {
    pub fn accepted(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Judges a plaintext reply body (HTTP 200 assumed) as WeChat would: the
/// body is parsed strictly (only XML 1.0 characters, see [`Chars::Xml10`]), and
/// an element a reply holds once that appears more than once makes it ambiguous.
pub fn judge(body: &str, expect: &Expectation) -> Judgement {
    let mut judgement = Judgement::default();
    let trimmed = body.trim();
    if trimmed.is_empty() || trimmed == "success" {
        judgement.silent = true;
        if !body.is_empty() && body != "success" {
            judgement.warnings.push(format!(
                "the body {body:?} has whitespace around it; answer exactly \"success\" or an empty body"
            ));
        }
        return judgement;
    }
    if let Some(reason) = not_xml_reason(trimmed) {
        judgement.problems.push(reason);
        return judgement;
    }
    let root = match Element::parse_document_with(trimmed, Chars::Xml10) {
        Ok(root) => root,
        Err(e) => {
            judgement.problems.push(format!("the reply is not a valid WeChat XML document: {e}"));
            return judgement;
        }
    };
    check_reply(&root, expect, &mut judgement);
    judgement.reply = Some(root);
    judgement
}

/// Names a body that is plainly not XML, or None when it looks like XML.
fn not_xml_reason(body: &str) -> Option<String> {
    let lower = body.get(..body.len().min(512)).unwrap_or(body).to_ascii_lowercase();
    if lower.starts_with('{') || lower.starts_with('[') {
        return Some("the reply is JSON; WeChat only accepts an XML reply, \"success\" or an empty body".into());
    }
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.contains("<body") {
        return Some("the reply is an HTML page (an error page or a framework default?); WeChat needs an XML reply, \"success\" or an empty body".into());
    }
    if !lower.starts_with('<') {
        return Some(format!(
            "the reply is plain text {:?}; WeChat only accepts an XML reply, \"success\" or an empty body",
            shorten(body, 60)
        ));
    }
    None
}

fn check_reply(root: &Element, expect: &Expectation, out: &mut Judgement) {
    let problems = &mut out.problems;
    let warnings = &mut out.warnings;
    expect_once(root, "", &["ToUserName", "FromUserName", "CreateTime", "MsgType"], problems);
    match root.child_text("ToUserName") {
        None => problems.push("<ToUserName> is missing: it must be the sender's OpenID".into()),
        Some(to) if to != expect.user => {
            let hint = if to == expect.account { " (ToUserName and FromUserName look swapped)" } else { "" };
            problems.push(format!("<ToUserName> is {to:?} but must be the sender's OpenID {:?}{hint}", expect.user));
        }
        _ => {}
    }
    match root.child_text("FromUserName") {
        None => problems.push("<FromUserName> is missing: it must be the account's id (gh_…)".into()),
        Some(from) if from != expect.account => {
            problems.push(format!("<FromUserName> is {from:?} but must be the account's id {:?}", expect.account));
        }
        _ => {}
    }
    match root.child_text("CreateTime").map(str::trim) {
        None => problems.push("<CreateTime> is missing".into()),
        Some(time) => match time.parse::<i64>() {
            Err(_) => problems.push(format!("<CreateTime> is {time:?}, expected an integer number of seconds")),
            Ok(t) if t > 100_000_000_000 => {
                warnings.push(format!("<CreateTime> {t} looks like milliseconds; WeChat uses seconds"))
            }
            Ok(_) => {}
        },
    }
    let Some(msg_type) = root.child_text("MsgType") else {
        problems.push(format!("<MsgType> is missing (one of {})", REPLY_TYPES.join(", ")));
        return;
    };
    let leaf = |parent: &str, name: &str| root.child(parent).and_then(|p| p.child_text(name));
    let mut require = |present: Option<&str>, what: &str| match present {
        None => problems.push(format!("a {msg_type} reply needs {what}")),
        Some(v) if v.trim().is_empty() => problems.push(format!("{what} is empty")),
        _ => {}
    };
    match msg_type {
        "text" => match root.child_text("Content") {
            None => require(None, "<Content>"),
            Some(content) => {
                if content.is_empty() {
                    warnings
                        .push("<Content> is empty: the user sees nothing; answer \"success\" to send no reply".into());
                }
                if content.contains("\\n") {
                    warnings.push("<Content> contains a literal \\n; use a real newline".into());
                }
            }
        },
        "image" => require(leaf("Image", "MediaId"), "<Image><MediaId>"),
        "voice" => require(leaf("Voice", "MediaId"), "<Voice><MediaId>"),
        "video" => require(leaf("Video", "MediaId"), "<Video><MediaId>"),
        "music" => require(leaf("Music", "ThumbMediaId"), "<Music><ThumbMediaId>"),
        "news" => check_news(root, expect, problems, warnings),
        "transfer_customer_service" => {}
        "" => problems.push("<MsgType> is empty".into()),
        other => {
            let hint = match other {
                "news_article" | "mpnews" => " (mpnews is for mass sends, not passive replies)",
                "event" => " (event is an incoming type, not a reply)",
                _ => "",
            };
            problems
                .push(format!("<MsgType> {other:?} is not a reply type{hint}; use one of {}", REPLY_TYPES.join(", ")))
        }
    }
    let (wrapper, inside): (&str, &[&str]) = match msg_type {
        "text" => {
            expect_once(root, "", &["Content"], problems);
            return;
        }
        "image" => ("Image", &["MediaId"]),
        "voice" => ("Voice", &["MediaId"]),
        "video" => ("Video", &["MediaId", "Title", "Description"]),
        "music" => ("Music", &["Title", "Description", "MusicUrl", "HQMusicUrl", "ThumbMediaId"]),
        "transfer_customer_service" => ("TransInfo", &["KfAccount"]),
        // News is checked with its articles; other types are already refused.
        _ => return,
    };
    expect_once(root, "", &[wrapper], problems);
    if let Some(wrapper) = root.child(wrapper) {
        expect_once(wrapper, &format!("<{}>", wrapper.name), inside, problems);
    }
}

/// Names each of `names` that `parent` holds more than once where WeChat
/// expects one (which of them it would read is unknown). `path` goes before
/// each name, as in `<Image><MediaId>`.
fn expect_once(parent: &Element, path: &str, names: &[&str], problems: &mut Vec<String>) {
    for name in names {
        let count = parent.children.iter().filter(|c| c.name == *name).count();
        if count > 1 {
            problems
                .push(format!("{path}<{name}> appears {count} times where WeChat expects one: the reply is ambiguous"));
        }
    }
}

fn check_news(root: &Element, expect: &Expectation, problems: &mut Vec<String>, warnings: &mut Vec<String>) {
    expect_once(root, "", &["ArticleCount", "Articles"], problems);
    let items: Vec<&Element> =
        root.child("Articles").map(|a| a.children.iter().filter(|c| c.name == "item").collect()).unwrap_or_default();
    if items.is_empty() {
        problems.push("a news reply needs <Articles> with at least one <item>".into());
        return;
    }
    match root.child_text("ArticleCount").map(str::trim) {
        None => problems.push("a news reply needs <ArticleCount>".into()),
        Some(count) => match count.parse::<usize>() {
            Ok(n) if n == items.len() => {}
            _ => problems.push(format!("<ArticleCount> is {count:?} but <Articles> holds {} item(s)", items.len())),
        },
    }
    for (i, item) in items.iter().enumerate() {
        if item.child_text("Title").is_none_or(|t| t.trim().is_empty()) {
            problems.push(format!("article {} has no <Title>", i + 1));
        }
        if item.child_text("Url").is_none_or(|u| u.trim().is_empty()) {
            warnings.push(format!("article {} has no <Url>: tapping it goes nowhere", i + 1));
        }
        expect_once(item, &format!("article {}: ", i + 1), &["Title", "Description", "PicUrl", "Url"], problems);
    }
    if items.len() > 8 {
        problems.push(format!("a news reply holds at most 8 articles, this one {}", items.len()));
    } else if items.len() > 1
        && ["text", "image", "voice", "video", "shortvideo", "news", "location", "link"].contains(&expect.answering)
    {
        warnings.push(format!(
            "a news reply with {} articles to a {} message: WeChat shows only the first",
            items.len(),
            expect.answering
        ));
    }
}

/// Cuts text to at most `max` characters for messages.
pub fn shorten(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECT: Expectation = Expectation { user: "oUser", account: "gh_acct", answering: "text" };

    fn text_reply(content: &str) -> Reply {
        Reply {
            to: "oUser".into(),
            from: "gh_acct".into(),
            create_time: 1,
            body: ReplyBody::Text { content: content.into() },
        }
    }

    #[test]
    fn accepts_good_replies_and_silence() {
        assert!(judge(&text_reply("hi").to_xml(), &EXPECT).accepted());
        for body in ["", "success"] {
            let j = judge(body, &EXPECT);
            assert!(j.accepted() && j.silent && j.warnings.is_empty());
        }
        let j = judge("success\n", &EXPECT);
        assert!(j.accepted() && !j.warnings.is_empty());
    }

    #[test]
    fn names_envelope_problems() {
        let mut swapped = text_reply("hi");
        std::mem::swap(&mut swapped.to, &mut swapped.from);
        let j = judge(&swapped.to_xml(), &EXPECT);
        assert!(j.problems.iter().any(|p| p.contains("swapped")), "{:?}", j.problems);
    }

    #[test]
    fn rejects_non_xml() {
        assert!(judge("{\"a\":1}", &EXPECT).problems[0].contains("JSON"));
        assert!(judge("<!DOCTYPE html><html></html>", &EXPECT).problems[0].contains("HTML"));
        assert!(judge("hello", &EXPECT).problems[0].contains("plain text"));
        assert!(judge("<xml><a></xml>", &EXPECT).problems[0].contains("not a valid"));
    }

    const NOT_XML: &str = "the reply is not a valid WeChat XML document: not well-formed XML: ";

    #[test]
    fn cdata_end_in_character_data_is_malformed() {
        let plain = text_reply("x").to_xml().replace("<![CDATA[x]]>", "a]]>b");
        let early_end = text_reply("x").to_xml().replace("<![CDATA[x]]>", "<![CDATA[a]]>b]]>");
        for body in [plain, early_end] {
            assert_eq!(
                judge(&body, &EXPECT).problems,
                [format!(
                    "{NOT_XML}<Content> has \"]]>\" in its character data (a CDATA section ends at the first \"]]>\": \
                     split it as ]]]]><![CDATA[> inside CDATA, write ]]&gt; outside)"
                )],
                "{body}"
            );
        }
        let split = judge(&text_reply("a]]>").to_xml(), &EXPECT);
        assert!(split.accepted(), "{:?}", split.problems);
        assert_eq!(split.reply.unwrap().child_text("Content"), Some("a]]>"));
    }

    #[test]
    fn characters_xml_1_0_does_not_allow_are_malformed() {
        let control = "; remove control characters other than tab, newline and carriage return";
        let cases = [
            (text_reply("a\u{1}b").to_xml(), format!("{NOT_XML}<Content> contains U+0001, a character XML 1.0 does not allow{control}")),
            (text_reply("\u{b}").to_xml(), format!("{NOT_XML}<Content> contains U+000B, a character XML 1.0 does not allow{control}")),
            (
                text_reply("x").to_xml().replace("<![CDATA[x]]>", "&#1;"),
                format!("{NOT_XML}<Content> contains U+0001 (as a character reference), a character XML 1.0 does not allow{control}"),
            ),
            (
                text_reply("x").to_xml().replace("<![CDATA[x]]>", "&#xFFFE;"),
                format!("{NOT_XML}<Content> contains U+FFFE (as a character reference), a character XML 1.0 does not allow"),
            ),
            (
                text_reply("x").to_xml().replace("<ToUserName><![CDATA[oUser", "<ToUserName><![CDATA[\u{fffe}oUser"),
                format!("{NOT_XML}<ToUserName> contains U+FFFE, a character XML 1.0 does not allow"),
            ),
        ];
        for (body, problem) in cases {
            assert_eq!(judge(&body, &EXPECT).problems, [problem], "{body:?}");
        }
        assert!(judge(&text_reply("tab\tnewline\ncr\r 😀 \u{7f}").to_xml(), &EXPECT).accepted());
    }

    #[test]
    fn single_elements_given_twice_are_ambiguous() {
        let ambiguous =
            |what: &str, n: usize| format!("{what} appears {n} times where WeChat expects one: the reply is ambiguous");
        let msg_type = "<MsgType><![CDATA[text]]></MsgType>";
        let twice = text_reply("x").to_xml().replace(msg_type, &msg_type.repeat(2));
        assert_eq!(judge(&twice, &EXPECT).problems, [ambiguous("<MsgType>", 2)]);
        let envelope = text_reply("x")
            .to_xml()
            .replace("<CreateTime>1</CreateTime>", "<CreateTime>1</CreateTime>".repeat(2).as_str());
        let envelope = envelope.replace("<xml>", "<xml><ToUserName><![CDATA[oUser]]></ToUserName>");
        assert_eq!(judge(&envelope, &EXPECT).problems, [ambiguous("<ToUserName>", 2), ambiguous("<CreateTime>", 2)]);
        let content = "<Content><![CDATA[x]]></Content>";
        let thrice = text_reply("x").to_xml().replace(content, &content.repeat(3));
        assert_eq!(judge(&thrice, &EXPECT).problems, [ambiguous("<Content>", 3)]);

        let reply = |body| Reply { to: "oUser".into(), from: "gh_acct".into(), create_time: 1, body };
        let image = reply(ReplyBody::Image { media_id: "m".into() }).to_xml();
        let media = "<MediaId><![CDATA[m]]></MediaId>";
        assert_eq!(
            judge(&image.replace(media, &media.repeat(2)), &EXPECT).problems,
            [ambiguous("<Image><MediaId>", 2)]
        );
        let wrapper = "<Image><MediaId><![CDATA[m]]></MediaId></Image>";
        assert_eq!(judge(&image.replace(wrapper, &wrapper.repeat(2)), &EXPECT).problems, [ambiguous("<Image>", 2)]);
        let kf = reply(ReplyBody::TransferCustomerService { kf_account: Some("k".into()) }).to_xml();
        let account = "<KfAccount><![CDATA[k]]></KfAccount>";
        assert_eq!(
            judge(&kf.replace(account, &account.repeat(2)), &EXPECT).problems,
            [ambiguous("<TransInfo><KfAccount>", 2)]
        );

        let article = Article { title: "t".into(), url: "u".into(), ..Default::default() };
        let news = reply(ReplyBody::News { articles: vec![article.clone(), article] }).to_xml();
        let event = Expectation { answering: "event", ..EXPECT };
        assert!(judge(&news, &event).accepted(), "<item> repeats in <Articles>");
        let title = "<Title><![CDATA[t]]></Title>";
        let doubled = news.replacen(title, &title.repeat(2), 1);
        assert_eq!(judge(&doubled, &event).problems, [ambiguous("article 1: <Title>", 2)]);
        let count = "<ArticleCount>2</ArticleCount>";
        assert_eq!(judge(&news.replace(count, &count.repeat(2)), &event).problems, [ambiguous("<ArticleCount>", 2)]);
    }

    #[test]
    fn renders_every_type_as_wechat_documents_it() {
        let reply = |body| Reply { to: "o1".into(), from: "gh".into(), create_time: 7, body };
        let head = "<xml><ToUserName><![CDATA[o1]]></ToUserName><FromUserName><![CDATA[gh]]></FromUserName><CreateTime>7</CreateTime>";
        assert_eq!(
            reply(ReplyBody::Image { media_id: "m".into() }).to_xml(),
            format!("{head}<MsgType><![CDATA[image]]></MsgType><Image><MediaId><![CDATA[m]]></MediaId></Image></xml>")
        );
        let article = Article { title: "t".into(), description: "d".into(), pic_url: "p".into(), url: "u".into() };
        assert_eq!(
            reply(ReplyBody::News { articles: vec![article] }).to_xml(),
            format!(
                "{head}<MsgType><![CDATA[news]]></MsgType><ArticleCount>1</ArticleCount><Articles><item><Title><![CDATA[t]]></Title>\
                 <Description><![CDATA[d]]></Description><PicUrl><![CDATA[p]]></PicUrl><Url><![CDATA[u]]></Url></item></Articles></xml>"
            )
        );
        let music = ReplyBody::Music {
            thumb_media_id: "th".into(),
            title: Some("T".into()),
            description: None,
            music_url: Some("m".into()),
            hq_music_url: None,
        };
        assert!(reply(music).to_xml().ends_with(
            "<Music><Title><![CDATA[T]]></Title><MusicUrl><![CDATA[m]]></MusicUrl><ThumbMediaId><![CDATA[th]]></ThumbMediaId></Music></xml>"
        ));
        let kf = ReplyBody::TransferCustomerService { kf_account: Some("kf@x".into()) };
        assert!(reply(kf).to_xml().contains("<TransInfo><KfAccount><![CDATA[kf@x]]></KfAccount></TransInfo>"));
        for body in [
            ReplyBody::Text { content: "x".into() },
            ReplyBody::Voice { media_id: "v".into() },
            ReplyBody::Video { media_id: "v".into(), title: Some("t".into()), description: None },
        ] {
            assert!(
                judge(&reply(body).to_xml(), &Expectation { user: "o1", account: "gh", answering: "event" }).accepted()
            );
        }
    }

    #[test]
    fn news_rules() {
        let article = Article { title: "t".into(), url: "u".into(), ..Default::default() };
        let mut reply = text_reply("");
        reply.body = ReplyBody::News { articles: vec![article.clone(), article.clone()] };
        let j = judge(&reply.to_xml(), &EXPECT);
        assert!(j.accepted() && j.warnings.iter().any(|w| w.contains("only the first")));
        reply.body = ReplyBody::News { articles: vec![article; 9] };
        assert!(!judge(&reply.to_xml(), &Expectation { answering: "event", ..EXPECT }).accepted());
    }
}
