//! Whether a reply is the one recorded: equal after ignoring CreateTime and,
//! for encrypted replies, comparing the decrypted content. XML replies are
//! compared field by field, anything else as text.

use crate::wechat::Element;

/// A reply as compared: its status and its content (decrypted when it came encrypted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyView {
    /// None when there was no HTTP answer.
    pub status: Option<u16>,
    /// The body, or the decrypted reply.
    pub content: String,
}

/// Fields of a reply that differ on every answer by design.
const IGNORED: [&str; 1] = ["CreateTime"];

/// The differences from `recorded` to `now`, one readable line each; empty when the same.
pub fn diff(recorded: &ReplyView, now: &ReplyView) -> Vec<String> {
    let mut lines = Vec::new();
    if recorded.status != now.status {
        let show = |s: Option<u16>| s.map_or_else(|| "no answer".to_owned(), |s| s.to_string());
        lines.push(format!("status: {} → {}", show(recorded.status), show(now.status)));
    }
    let (old, new) = (recorded.content.trim(), now.content.trim());
    match (xml_fields(old), xml_fields(new)) {
        (Some(old_fields), Some(new_fields)) => {
            for (path, value) in &old_fields {
                match new_fields.iter().find(|(p, _)| p == path) {
                    None => lines.push(format!("- {path}: {value:?}")),
                    Some((_, v)) if v != value => lines.push(format!("{path}: {value:?} → {v:?}")),
                    Some(_) => {}
                }
            }
            for (path, value) in &new_fields {
                if !old_fields.iter().any(|(p, _)| p == path) {
                    lines.push(format!("+ {path}: {value:?}"));
                }
            }
        }
        _ if old != new => lines.push(format!("body: {:?} → {:?}", shorten(old), shorten(new))),
        _ => {}
    }
    lines
}

fn shorten(text: &str) -> String {
    crate::wechat::reply::shorten(text, 200)
}

/// An XML document's leaves as (path, text) pairs in document order, without
/// the ignored fields; None when the text is not XML.
fn xml_fields(text: &str) -> Option<Vec<(String, String)>> {
    if !text.starts_with('<') {
        return None;
    }
    let root = Element::parse_document(text).ok()?;
    let mut fields = Vec::new();
    flatten(&root, "", &mut fields);
    Some(fields)
}

fn flatten(element: &Element, prefix: &str, out: &mut Vec<(String, String)>) {
    for (i, child) in element.children.iter().enumerate() {
        if prefix.is_empty() && IGNORED.contains(&child.name.as_ref()) {
            continue;
        }
        // Repeated names (news <item>s) are numbered.
        let repeated = element.children.iter().filter(|c| c.name == child.name).count() > 1;
        let name = if repeated {
            let index = element.children[..i].iter().filter(|c| c.name == child.name).count();
            format!("{}[{index}]", child.name)
        } else {
            child.name.to_string()
        };
        let path = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        if child.children.is_empty() {
            out.push((path, child.text.clone()));
        } else {
            flatten(child, &path, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(status: u16, content: &str) -> ReplyView {
        ReplyView { status: Some(status), content: content.to_owned() }
    }

    const A: &str = "<xml><ToUserName><![CDATA[o1]]></ToUserName><CreateTime>1</CreateTime>\
                     <MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>";

    #[test]
    fn create_time_is_ignored() {
        assert!(diff(&view(200, A), &view(200, &A.replace(">1<", ">2<"))).is_empty());
    }

    #[test]
    fn xml_replies_differ_field_by_field() {
        let b = A.replace("[hi]", "[hello]").replace("<ToUserName><![CDATA[o1]]></ToUserName>", "");
        assert_eq!(diff(&view(200, A), &view(200, &b)), vec!["- ToUserName: \"o1\"", "Content: \"hi\" → \"hello\""]);
    }

    #[test]
    fn status_and_text_bodies() {
        assert_eq!(
            diff(&view(200, "success"), &view(500, "oops")),
            vec!["status: 200 → 500", "body: \"success\" → \"oops\""]
        );
        let gone = ReplyView { status: None, content: String::new() };
        assert_eq!(diff(&view(200, ""), &gone), vec!["status: 200 → no answer"]);
    }
}
