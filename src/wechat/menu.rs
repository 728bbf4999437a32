//! Custom menus (自定义菜单, PROTOCOL.md §8): the JSON `menu/create` takes and
//! `menu/get` returns, and WeChat's rules for it, each broken rule with the
//! errcode WeChat would answer.

use super::errcode::typical_errmsg;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Top-level buttons a menu may have.
pub const MAX_TOP_BUTTONS: usize = 3;
/// Sub-buttons a top-level button may have.
pub const MAX_SUB_BUTTONS: usize = 5;
/// Bytes of a top-level name (UTF-8: 5 Chinese characters are 15 bytes).
pub const MAX_TOP_NAME_BYTES: usize = 16;
/// Bytes of a sub-button name.
pub const MAX_SUB_NAME_BYTES: usize = 60;
/// Bytes of a key.
pub const MAX_KEY_BYTES: usize = 128;
/// Bytes of a url.
pub const MAX_URL_BYTES: usize = 1024;
/// Outside domains a menu may link to (errcode 65316).
pub const MAX_OUTSIDE_DOMAINS: usize = 3;

/// A menu: `{"button":[…]}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Menu {
    #[serde(default)]
    pub button: Vec<Button>,
}

/// One button. `type` and `sub_button` exclude each other, except that
/// `menu/get` gives every button `"sub_button":[]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Button {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_id: Option<String>,
    /// `None` when absent; `Some(vec![])` as `menu/get` writes a leaf's.
    #[serde(default, skip_serializing_if = "no_sub_buttons")]
    pub sub_button: Option<Vec<Button>>,
}

fn no_sub_buttons(subs: &Option<Vec<Button>>) -> bool {
    subs.as_ref().is_none_or(Vec::is_empty)
}

impl Button {
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }

    /// The sub-buttons (none for a leaf).
    pub fn subs(&self) -> &[Button] {
        self.sub_button.as_deref().unwrap_or(&[])
    }

    /// The button's type when it is one WeChat knows.
    pub fn button_type(&self) -> Option<ButtonType> {
        self.kind.as_deref().and_then(ButtonType::parse)
    }
}

/// The button types WeChat knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonType {
    Click,
    View,
    ScancodePush,
    ScancodeWaitmsg,
    PicSysphoto,
    PicPhotoOrAlbum,
    PicWeixin,
    LocationSelect,
    MediaId,
    ViewLimited,
    ArticleId,
    ArticleViewLimited,
    Miniprogram,
}

impl ButtonType {
    pub const ALL: [ButtonType; 13] = [
        ButtonType::Click,
        ButtonType::View,
        ButtonType::ScancodePush,
        ButtonType::ScancodeWaitmsg,
        ButtonType::PicSysphoto,
        ButtonType::PicPhotoOrAlbum,
        ButtonType::PicWeixin,
        ButtonType::LocationSelect,
        ButtonType::MediaId,
        ButtonType::ViewLimited,
        ButtonType::ArticleId,
        ButtonType::ArticleViewLimited,
        ButtonType::Miniprogram,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ButtonType::Click => "click",
            ButtonType::View => "view",
            ButtonType::ScancodePush => "scancode_push",
            ButtonType::ScancodeWaitmsg => "scancode_waitmsg",
            ButtonType::PicSysphoto => "pic_sysphoto",
            ButtonType::PicPhotoOrAlbum => "pic_photo_or_album",
            ButtonType::PicWeixin => "pic_weixin",
            ButtonType::LocationSelect => "location_select",
            ButtonType::MediaId => "media_id",
            ButtonType::ViewLimited => "view_limited",
            ButtonType::ArticleId => "article_id",
            ButtonType::ArticleViewLimited => "article_view_limited",
            ButtonType::Miniprogram => "miniprogram",
        }
    }

    pub fn parse(text: &str) -> Option<ButtonType> {
        ButtonType::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// Whether pressing it needs a `key` (click and the types 3–8 of the doc).
    pub fn needs_key(self) -> bool {
        matches!(
            self,
            ButtonType::Click
                | ButtonType::ScancodePush
                | ButtonType::ScancodeWaitmsg
                | ButtonType::PicSysphoto
                | ButtonType::PicPhotoOrAlbum
                | ButtonType::PicWeixin
                | ButtonType::LocationSelect
        )
    }

    /// Whether pressing it pushes an event to the server.
    pub fn pushes_event(self) -> bool {
        !matches!(
            self,
            ButtonType::MediaId | ButtonType::ViewLimited | ButtonType::ArticleId | ButtonType::ArticleViewLimited
        )
    }
}

/// Why a text is not a menu.
#[derive(Debug, thiserror::Error)]
pub enum MenuParseError {
    #[error("not JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("neither {{\"button\":[…]}} nor {{\"menu\":{{\"button\":[…]}}}}")]
    Shape,
}

impl Menu {
    /// Reads the JSON `menu/create` takes, or the `{"menu":{"button":[…]}}` that `menu/get` answers.
    pub fn from_json(text: &str) -> Result<Menu, MenuParseError> {
        Menu::from_value(serde_json::from_str(text)?)
    }

    pub fn from_value(value: serde_json::Value) -> Result<Menu, MenuParseError> {
        let serde_json::Value::Object(mut object) = value else { return Err(MenuParseError::Shape) };
        let inner = match object.remove("button") {
            Some(button) => serde_json::json!({ "button": button }),
            None => match object.remove("menu") {
                Some(menu @ serde_json::Value::Object(_)) if menu.get("button").is_some() => menu,
                _ => return Err(MenuParseError::Shape),
            },
        };
        Ok(serde_json::from_value(inner)?)
    }

    /// The body for `menu/create`: UTF-8 JSON, Chinese as it is (no `\uXXXX`).
    pub fn to_create_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The `menu/get` answer: `{"menu":{"button":[…]}}`, every button with a `sub_button` list.
    pub fn to_get_json(&self) -> serde_json::Value {
        fn with_subs(button: &Button) -> serde_json::Value {
            let mut value = serde_json::to_value(button).unwrap_or_default();
            let subs: Vec<serde_json::Value> = button.subs().iter().map(with_subs).collect();
            if let Some(object) = value.as_object_mut() {
                object.insert("sub_button".to_owned(), serde_json::Value::Array(subs));
            }
            value
        }
        let buttons: Vec<serde_json::Value> = self.button.iter().map(with_subs).collect();
        serde_json::json!({ "menu": { "button": buttons } })
    }

    /// The button at `path`: a top-level name, or `top/sub`.
    pub fn find(&self, path: &str) -> Option<&Button> {
        let (top, sub) = match path.split_once('/') {
            Some((top, sub)) => (top, Some(sub)),
            None => (path, None),
        };
        let top = self.button.iter().find(|b| b.name() == top)?;
        match sub {
            None => Some(top),
            Some(sub) => top.subs().iter().find(|b| b.name() == sub),
        }
    }

    /// Every button's path (`top` for leaves, `top/sub` under a parent), in order.
    pub fn paths(&self) -> Vec<String> {
        let mut out = Vec::new();
        for top in &self.button {
            if top.subs().is_empty() {
                out.push(top.name().to_owned());
            }
            for sub in top.subs() {
                out.push(format!("{}/{}", top.name(), sub.name()));
            }
        }
        out
    }
}

/// One broken rule: where, which rule, what was found, and what WeChat answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// `button[1].sub_button[4].name` (indexes from 0).
    pub path: String,
    pub rule: String,
    /// What was found: `17 bytes`, `4 given`, `"www.soso.com"`.
    pub figure: String,
    pub errcode: i64,
    pub errmsg: &'static str,
}

impl fmt::Display for Violation {
    /// `button[0].name: a top-level name is at most 16 bytes (17 bytes) → errcode 40018 invalid button name size`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({}) → errcode {} {}", self.path, self.rule, self.figure, self.errcode, self.errmsg)
    }
}

/// Top-level or sub-button: the limits and errcodes differ.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Top,
    Sub,
}

impl Level {
    fn pick(self, top: i64, sub: i64) -> i64 {
        match self {
            Level::Top => top,
            Level::Sub => sub,
        }
    }

    fn type_code(self) -> i64 {
        self.pick(40017, 40024)
    }
    fn name_code(self) -> i64 {
        self.pick(40018, 40025)
    }
    fn key_code(self) -> i64 {
        self.pick(40019, 40026)
    }
    fn url_size_code(self) -> i64 {
        self.pick(40020, 40027)
    }
    fn url_domain_code(self) -> i64 {
        self.pick(40055, 40054)
    }
    fn max_name(self) -> usize {
        match self {
            Level::Top => MAX_TOP_NAME_BYTES,
            Level::Sub => MAX_SUB_NAME_BYTES,
        }
    }
    fn word(self) -> &'static str {
        match self {
            Level::Top => "top-level",
            Level::Sub => "sub-button",
        }
    }
}

struct Checker {
    found: Vec<Violation>,
}

impl Checker {
    fn push(&mut self, path: String, rule: impl Into<String>, figure: impl Into<String>, errcode: i64) {
        let errmsg = typical_errmsg(errcode).unwrap_or("");
        self.found.push(Violation { path, rule: rule.into(), figure: figure.into(), errcode, errmsg });
    }
}

fn bytes(n: usize) -> String {
    if n == 1 {
        "1 byte".to_owned()
    } else {
        format!("{n} bytes")
    }
}

/// Every rule the menu breaks, in the order WeChat's fields are written;
/// WeChat answers the first one's errcode. Empty: WeChat would take it.
pub fn validate(menu: &Menu) -> Vec<Violation> {
    let mut check = Checker { found: Vec::new() };
    let count = menu.button.len();
    if !(1..=MAX_TOP_BUTTONS).contains(&count) {
        check.push(
            "button".to_owned(),
            format!("a menu has 1–{MAX_TOP_BUTTONS} top-level buttons"),
            format!("{count} given"),
            40016,
        );
    }
    for (i, button) in menu.button.iter().enumerate() {
        check_button(&mut check, button, &format!("button[{i}]"), Level::Top);
    }
    let domains = outside_domains(menu);
    if domains.len() > MAX_OUTSIDE_DOMAINS {
        check.push(
            "button".to_owned(),
            format!("a menu links to at most {MAX_OUTSIDE_DOMAINS} outside domains"),
            format!("{} domains: {}", domains.len(), domains.join(", ")),
            65316,
        );
    }
    check.found
}

fn check_button(check: &mut Checker, button: &Button, path: &str, level: Level) {
    let at = |field: &str| format!("{path}.{field}");
    match button.name.as_deref() {
        None | Some("") => check.push(at("name"), "every button has a name", "none given", level.name_code()),
        Some(name) if name.len() > level.max_name() => check.push(
            at("name"),
            format!("a {} name is at most {} bytes", level.word(), level.max_name()),
            bytes(name.len()),
            level.name_code(),
        ),
        Some(_) => {}
    }
    let has_subs = button.sub_button.as_ref().is_some_and(|s| !s.is_empty());
    let parent = button.kind.is_none() && button.sub_button.is_some() || has_subs;
    if parent {
        if level == Level::Sub {
            check.push(at("sub_button"), "sub-buttons have no sub_button of their own", "sub_button given", 40024);
            return;
        }
        if let Some(kind) = &button.kind {
            check.push(at("type"), "a button with sub_button has no type", format!("{kind:?} given"), 40017);
        }
        let subs = button.subs();
        if !(1..=MAX_SUB_BUTTONS).contains(&subs.len()) {
            check.push(
                at("sub_button"),
                format!("a button has 1–{MAX_SUB_BUTTONS} sub-buttons"),
                format!("{} given", subs.len()),
                40023,
            );
        }
        for (j, sub) in subs.iter().enumerate() {
            check_button(check, sub, &format!("{path}.sub_button[{j}]"), Level::Sub);
        }
        return;
    }
    let Some(kind) = button.kind.as_deref() else {
        check.push(at("type"), "a button has a type, or sub_button", "neither given", level.type_code());
        return;
    };
    let Some(button_type) = ButtonType::parse(kind) else {
        let known: Vec<&str> = ButtonType::ALL.iter().map(|t| t.as_str()).collect();
        check.push(
            at("type"),
            format!("type is one of {}", known.join(", ")),
            format!("{kind:?} given"),
            level.type_code(),
        );
        return;
    };
    let missing = |field: &str| format!("a {kind} button has a {field}");
    match button.key.as_deref() {
        Some(key) if key.len() > MAX_KEY_BYTES => {
            check.push(at("key"), format!("a key is at most {MAX_KEY_BYTES} bytes"), bytes(key.len()), level.key_code())
        }
        None | Some("") if button_type.needs_key() => {
            check.push(at("key"), missing("key"), "none given", level.key_code())
        }
        _ => {}
    }
    let needs_url = matches!(button_type, ButtonType::View | ButtonType::Miniprogram);
    match button.url.as_deref() {
        Some(url) if url.len() > MAX_URL_BYTES => check.push(
            at("url"),
            format!("a url is at most {MAX_URL_BYTES} bytes"),
            bytes(url.len()),
            level.url_size_code(),
        ),
        Some(url) if (!url.is_empty() || needs_url) && url_host(url).is_none() => {
            let shown: String = url.chars().take(80).collect();
            check.push(
                at("url"),
                "a url is an absolute http:// or https:// URL with a domain",
                format!("{shown:?} given"),
                level.url_domain_code(),
            );
        }
        None if needs_url => check.push(at("url"), missing("url"), "none given", level.url_size_code()),
        _ => {}
    }
    let required: &[(&str, Option<&String>, i64)] = match button_type {
        ButtonType::MediaId | ButtonType::ViewLimited => &[("media_id", button.media_id.as_ref(), 40007)],
        ButtonType::ArticleId | ButtonType::ArticleViewLimited => &[("article_id", button.article_id.as_ref(), 47001)],
        ButtonType::Miniprogram => {
            &[("appid", button.appid.as_ref(), 40013), ("pagepath", button.pagepath.as_ref(), 47001)]
        }
        _ => &[],
    };
    for (field, value, errcode) in required {
        if value.is_none_or(|v| v.is_empty()) {
            check.push(at(field), missing(field), "none given", *errcode);
        }
    }
}

/// The host of an absolute http(s) URL with a domain (a dot in it, or an IP
/// literal); `None` for anything else (`www.soso.com` without a scheme).
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.strip_prefix("http://").or_else(|| url.strip_prefix("https://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = if host_port.starts_with('[') {
        host_port.split(']').next().map(|h| format!("{h}]"))?
    } else {
        host_port.split(':').next().unwrap_or("").to_owned()
    };
    let valid_chars = host.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '[' | ']' | ':'));
    let has_dot = host.contains('.') && !host.starts_with('.') && !host.ends_with('.');
    (valid_chars && (has_dot || host.starts_with('['))).then(|| host.to_ascii_lowercase())
}

/// The distinct outside domains the menu's urls link to, in order of first
/// appearance: a url's host cut to its registrable part (`www.soso.com` and
/// `m.soso.com` are one domain, `soso.com`; `a.com.cn` keeps three labels).
/// WeChat's own pages (`weixin.qq.com` and below) are not outside.
pub fn outside_domains(menu: &Menu) -> Vec<String> {
    let mut domains: Vec<String> = Vec::new();
    let all = menu.button.iter().flat_map(|b| std::iter::once(b).chain(b.subs()));
    for url in all.filter_map(|b| b.url.as_deref()) {
        let Some(host) = url_host(url) else { continue };
        if host == "weixin.qq.com" || host.ends_with(".weixin.qq.com") {
            continue;
        }
        let domain = registrable(&host);
        if !domains.contains(&domain) {
            domains.push(domain);
        }
    }
    domains
}

fn registrable(host: &str) -> String {
    if host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok() {
        return host.to_owned();
    }
    let labels: Vec<&str> = host.split('.').collect();
    let generic = ["com", "net", "org", "gov", "edu", "ac", "co"];
    let keep = match labels.as_slice() {
        [.., second, last] if last.len() == 2 && generic.contains(second) => 3,
        _ => 2,
    };
    labels[labels.len().saturating_sub(keep)..].join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vectors() -> serde_json::Value {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/vectors.json"));
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn every_menu_validation_vector_gives_its_errcode() {
        for case in vectors()["menu_validation"].as_array().unwrap() {
            let id = case["id"].as_str().unwrap();
            let menu = Menu::from_value(case["menu"].clone()).unwrap();
            let found = validate(&menu);
            let expected = case["expected_errcode"].as_i64().unwrap();
            if expected == 0 {
                assert!(found.is_empty(), "{id}: {found:?}");
                continue;
            }
            assert_eq!(found.len(), 1, "{id}: one rule broken: {found:?}");
            assert_eq!(found[0].errcode, expected, "{id}");
            let prefix = case["expected_errmsg_prefix"].as_str().unwrap();
            assert!(found[0].errmsg.starts_with(prefix), "{id}: {}", found[0].errmsg);
        }
    }

    #[test]
    fn violations_name_path_rule_and_figure() {
        let mut menu = Menu::from_json(
            r#"{"button":[{"name":"菜单","sub_button":[
            {"type":"click","name":"a","key":"k"},{"type":"click","name":"b","key":"k"},
            {"type":"click","name":"c","key":"k"},{"type":"click","name":"d","key":"k"},
            {"type":"click","name":"赞赞赞赞赞赞赞赞赞赞赞赞赞赞赞赞赞赞赞赞赞","key":"k"}]}]}"#,
        )
        .unwrap();
        let found = validate(&menu);
        assert_eq!(
            found[0].to_string(),
            "button[0].sub_button[4].name: a sub-button name is at most 60 bytes (63 bytes) → errcode 40025 \
             invalid sub button name size"
        );
        menu.button[0].name = Some("一二三四五六".into());
        let found = validate(&menu);
        assert_eq!((found[0].path.as_str(), found[0].figure.as_str()), ("button[0].name", "18 bytes"));
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn types_and_their_fields() {
        let cases = [
            (r#"{"type":"clik","name":"x","key":"k"}"#, "button[0].type", 40017),
            (r#"{"type":"click","name":"x"}"#, "button[0].key", 40019),
            (r#"{"type":"view","name":"x"}"#, "button[0].url", 40020),
            (r#"{"type":"view","name":"x","url":"ftp://a.com/"}"#, "button[0].url", 40055),
            (r#"{"type":"view","name":"x","url":"http://localhost/"}"#, "button[0].url", 40055),
            (r#"{"type":"media_id","name":"x"}"#, "button[0].media_id", 40007),
            (r#"{"type":"article_id","name":"x"}"#, "button[0].article_id", 47001),
            (r#"{"type":"miniprogram","name":"x","url":"http://a.com","pagepath":"p"}"#, "button[0].appid", 40013),
            (
                r#"{"type":"click","name":"x","key":"k","sub_button":[{"type":"click","name":"y","key":"k"}]}"#,
                "button[0].type",
                40017,
            ),
            (r#"{"name":"x","sub_button":[]}"#, "button[0].sub_button", 40023),
            (r#"{"name":"x"}"#, "button[0].type", 40017),
            (r#"{"type":"click","key":"k"}"#, "button[0].name", 40018),
            (r#"{"name":"x","sub_button":[{"name":"y"}]}"#, "button[0].sub_button[0].type", 40024),
        ];
        for (button, path, errcode) in cases {
            let menu = Menu::from_json(&format!(r#"{{"button":[{button}]}}"#)).unwrap();
            let found = validate(&menu);
            assert_eq!(
                found.first().map(|v| (v.path.as_str(), v.errcode)),
                Some((path, errcode)),
                "{button}: {found:?}"
            );
        }
        let empty = validate(&Menu::default());
        assert_eq!((empty[0].errcode, empty[0].figure.as_str()), (40016, "0 given"));
    }

    #[test]
    fn four_outside_domains_are_too_many_but_subdomains_and_wechat_are_not() {
        let view = |name: &str, url: &str| format!(r#"{{"type":"view","name":"{name}","url":"{url}"}}"#);
        let menu = |urls: [&str; 5]| {
            let subs: Vec<String> = urls.iter().enumerate().map(|(i, u)| view(&i.to_string(), u)).collect();
            Menu::from_json(&format!(r#"{{"button":[{{"name":"m","sub_button":[{}]}}]}}"#, subs.join(","))).unwrap()
        };
        let ok = menu([
            "http://a.com/",
            "https://www.a.com/x",
            "http://b.com.cn/",
            "http://c.org/",
            "https://mp.weixin.qq.com/s/1",
        ]);
        assert!(validate(&ok).is_empty(), "{:?}", validate(&ok));
        let many = menu(["http://a.com/", "http://b.com/", "http://c.com/", "http://d.com/", "http://a.com/2"]);
        let found = validate(&many);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].errcode, found[0].figure.as_str()), (65316, "4 domains: a.com, b.com, c.com, d.com"));
    }

    #[test]
    fn get_shape_is_read_and_written_with_empty_sub_buttons() {
        let got = r#"{"menu":{"button":[{"type":"click","name":"今日歌曲","key":"K","sub_button":[]},
            {"name":"菜单","sub_button":[{"type":"view","name":"搜索","url":"http://www.soso.com/","sub_button":[]}]}]}}"#;
        let menu = Menu::from_json(got).unwrap();
        assert!(validate(&menu).is_empty(), "{:?}", validate(&menu));
        let create = menu.to_create_json();
        assert!(
            create.contains("今日歌曲") && !create.contains("\\u") && !create.contains("sub_button\":[]"),
            "{create}"
        );
        assert_eq!(Menu::from_value(menu.to_get_json()).unwrap(), menu);
        assert_eq!(menu.to_get_json()["menu"]["button"][0]["sub_button"], serde_json::json!([]));
        assert_eq!(menu.find("菜单/搜索").and_then(|b| b.url.as_deref()), Some("http://www.soso.com/"));
        assert_eq!(menu.paths(), ["今日歌曲", "菜单/搜索"]);
        assert!(matches!(Menu::from_json(r#"{"buttons":[]}"#), Err(MenuParseError::Shape)));
    }
}
