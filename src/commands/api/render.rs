//! An answer's JSON as text: pretty or compact, coloured or plain, from one
//! renderer. Strings keep Chinese and other text as it is; controls and the
//! invisible characters that reorder or hide text
//! ([`crate::wechat::text::is_unsafe_char`]) become `\uXXXX` escapes, so the
//! output is valid JSON and safe on a terminal.

use crate::wechat::text::is_unsafe_char;
use serde_json::Value;
use std::fmt::Write;

/// How to lay out and colour the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Two-space indentation, one member per line; else one line.
    pub pretty: bool,
    /// Keys, strings, numbers and literals in colour.
    pub color: bool,
}

/// The JSON text of `value`, without a trailing newline.
pub fn render(value: &Value, style: Style) -> String {
    let mut out = String::new();
    write_value(&mut out, value, style, 0);
    out
}

fn write_value(out: &mut String, value: &Value, style: Style, depth: usize) {
    match value {
        Value::Null => paint(out, "null", style, LITERAL),
        Value::Bool(b) => paint(out, if *b { "true" } else { "false" }, style, LITERAL),
        Value::Number(n) => paint(out, &n.to_string(), style, NUMBER),
        Value::String(s) => paint(out, &quoted(s), style, STRING),
        Value::Array(items) => {
            let members = items.iter().map(|item| (None, item));
            write_members(out, ('[', ']'), members, items.is_empty(), style, depth);
        }
        Value::Object(map) => {
            let members = map.iter().map(|(k, v)| (Some(k.as_str()), v));
            write_members(out, ('{', '}'), members, map.is_empty(), style, depth);
        }
    }
}

fn write_members<'a>(
    out: &mut String,
    (open, close): (char, char),
    members: impl Iterator<Item = (Option<&'a str>, &'a Value)>,
    empty: bool,
    style: Style,
    depth: usize,
) {
    out.push(open);
    if empty {
        out.push(close);
        return;
    }
    for (i, (key, value)) in members.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if style.pretty {
            out.push('\n');
            indent(out, depth + 1);
        }
        if let Some(key) = key {
            paint(out, &quoted(key), style, KEY);
            out.push_str(if style.pretty { ": " } else { ":" });
        }
        write_value(out, value, style, depth + 1);
    }
    if style.pretty {
        out.push('\n');
        indent(out, depth);
    }
    out.push(close);
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

// SGR colours, written here rather than through `colored`: whether to colour
// is decided once by the caller (`--color`, the terminal, NO_COLOR).
const KEY: &str = "\x1b[1;34m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[36m";
const LITERAL: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

fn paint(out: &mut String, text: &str, style: Style, color: &str) {
    if style.color {
        out.push_str(color);
        out.push_str(text);
        out.push_str(RESET);
    } else {
        out.push_str(text);
    }
}

/// A JSON string literal: `"` and `\` escaped, unsafe characters as `\uXXXX`
/// (short forms for `\n`, `\r`, `\t`), everything else as it is.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe_char(c) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PLAIN: Style = Style { pretty: false, color: false };
    const PRETTY: Style = Style { pretty: true, color: false };

    #[test]
    fn compact_is_what_serde_writes_for_ordinary_text() {
        let value =
            json!({"errcode":0,"list":[1,2.5,-3,true,null,"中文"],"empty":{},"none":[],"nested":{"a":{"b":"c"}}});
        assert_eq!(render(&value, PLAIN), serde_json::to_string(&value).unwrap());
    }

    #[test]
    fn pretty_is_what_serde_writes_for_ordinary_text() {
        let value = json!({"subscribe":1,"tagid_list":[128,2],"qr":{"scene":"x"},"e":[],"o":{},"s":"公众号"});
        assert_eq!(render(&value, PRETTY), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn unsafe_characters_are_escaped_and_stay_valid_json() {
        let text = "a\u{1b}[2J\u{202e}b\"\\\n\u{7f}\u{feff}c";
        let shown = render(&json!({ "k\u{1b}": text }), PLAIN);
        assert_eq!(shown, r#"{"k\u001b":"a\u001b[2J\u202eb\"\\\n\u007f\ufeffc"}"#);
        assert_eq!(serde_json::from_str::<Value>(&shown).unwrap(), json!({ "k\u{1b}": text }));
        assert!(!shown.chars().any(is_unsafe_char));
    }

    #[test]
    fn colour_wraps_each_token_without_changing_the_text() {
        let shown = render(&json!({"a":"b","n":1}), Style { pretty: true, color: true });
        assert!(shown.starts_with("{\n  \u{1b}[1;34m\"a\"\u{1b}[0m: \u{1b}[32m\"b\""), "{shown:?}");
        let stripped: String = {
            let mut out = String::new();
            let mut chars = shown.chars();
            while let Some(c) = chars.next() {
                if c == '\u{1b}' {
                    for c in chars.by_ref() {
                        if c == 'm' {
                            break;
                        }
                    }
                } else {
                    out.push(c);
                }
            }
            out
        };
        assert_eq!(stripped, "{\n  \"a\": \"b\",\n  \"n\": 1\n}");
    }
}
