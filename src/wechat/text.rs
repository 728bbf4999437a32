//! Text that came from somewhere else (WeChat's `errmsg`, file names, bodies
//! of error pages) made safe to show on a terminal.
//!
//! A remote server can put escape sequences into a message that, printed
//! raw, move the cursor, rewrite earlier lines, change the window title, or
//! (with bidirectional overrides) make `invoice<U+202E>gpj.exe` read as
//! `invoiceexe.jpg`. [`escape_control`] turns every such character into a
//! visible escape and leaves everything else, Chinese text included, alone.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` would not show as itself on a terminal: C0 and C1 controls,
/// DEL, and the invisible format characters that reorder or hide text
/// (bidirectional embeddings, overrides, isolates and marks, zero-width
/// characters, line and paragraph separators, the BOM, interlinear
/// annotation marks, tag characters). Variation selectors stay: emoji need them.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'                      // soft hyphen
            | '\u{061C}'                    // Arabic letter mark
            | '\u{115F}' | '\u{1160}'       // Hangul fillers
            | '\u{17B4}' | '\u{17B5}'       // Khmer inherent vowels
            | '\u{180E}'                    // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}'       // zero-width space, (non-)joiner, LRM, RLM
            | '\u{2028}' | '\u{2029}'       // line and paragraph separators
            | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
            | '\u{2060}'..='\u{206F}'       // word joiner, invisible operators, bidi isolates, deprecated formats
            | '\u{3164}'                    // Hangul filler
            | '\u{FEFF}'                    // BOM / zero-width no-break space
            | '\u{FFA0}'                    // halfwidth Hangul filler
            | '\u{FFF0}'..='\u{FFFB}'       // unassigned specials, interlinear annotation
            | '\u{1BCA0}'..='\u{1BCA3}'     // shorthand format controls
            | '\u{1D173}'..='\u{1D17A}'     // musical symbol format controls
            | '\u{E0000}'..='\u{E007F}' // tag characters (invisible ASCII look-alikes)
        )
}

/// `text` with every [`is_hidden`] character written as an escape:
/// `\n`, `\r`, `\t` for those three, `\u{1b}`-style for the rest.
/// Borrows when there is nothing to escape.
///
/// For showing remote text to a person. JSON output needs none of this:
/// JSON escapes controls itself.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_chinese_text_is_borrowed_unchanged() {
        for text in ["", "invalid appsecret rid: 6650a0b1", "不合法的 AppSecret，请检查", "emoji 🎉 ok", "a\\u{1b}b"]
        {
            assert!(matches!(escape_control(text), Cow::Borrowed(t) if t == text), "{text}");
        }
    }

    #[test]
    fn c0_c1_and_del_are_escaped() {
        assert_eq!(escape_control("a\nb\rc\td"), "a\\nb\\rc\\td");
        assert_eq!(escape_control("\u{1b}[2J\u{1b}]0;title\u{7}"), "\\u{1b}[2J\\u{1b}]0;title\\u{7}");
        assert_eq!(escape_control("\0x\u{7f}"), "\\u{0}x\\u{7f}");
        assert_eq!(escape_control("\u{9b}31m"), "\\u{9b}31m", "C1 CSI");
        assert_eq!(escape_control("\u{85}"), "\\u{85}");
    }

    #[test]
    fn bidi_and_format_characters_are_escaped() {
        assert_eq!(escape_control("invoice\u{202E}gpj.exe"), "invoice\\u{202e}gpj.exe");
        for c in ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'] {
            assert!(is_hidden(c), "{:x}", c as u32);
            assert_eq!(escape_control(&format!("x{c}")), format!("x\\u{{{:x}}}", c as u32));
        }
        for c in ['\u{200B}', '\u{200E}', '\u{200F}', '\u{FEFF}', '\u{2028}', '\u{2029}', '\u{61C}', '\u{E0041}'] {
            assert!(is_hidden(c), "{:x}", c as u32);
        }
        assert_eq!(escape_control("错误\u{200B}码"), "错误\\u{200b}码");
    }

    #[test]
    fn visible_characters_are_not_hidden() {
        for c in ['a', ' ', '中', '。', '，', '\u{3000}', 'é', '€', '🎉', '\\', '"', '\u{FE0F}'] {
            assert!(!is_hidden(c), "{c:?}");
        }
    }
}
