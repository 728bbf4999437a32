//! Making text from a remote party safe to show on one line of a log or a terminal.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether a character must not reach a log line or a terminal as it is:
/// C0 and C1 controls (newlines forge log lines, ESC starts terminal escape
/// sequences), DEL, and the invisible format characters that reorder or hide
/// text (bidirectional overrides and isolates, zero-width characters, BOM).
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
            | '\u{2028}' | '\u{2029}' // line and paragraph separators
            | '\u{202A}'..='\u{202E}' // bidirectional embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidirectional isolates
            | '\u{FEFF}' // byte order mark, zero-width no-break space
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation controls
        )
}

/// Whether the text may hold an unsafe character, judged on its bytes: the
/// leading bytes of every unsafe character (ASCII controls and DEL, C1
/// controls after 0xC2, the format characters after 0xE2 and 0xEF). Most
/// text, Chinese included, is cleared without decoding a character.
///
/// Runs on every field of every log line, so it folds over all the bytes
/// without an early exit: the compiler turns that into vector instructions,
/// which the short-circuiting form would prevent.
fn may_hold_unsafe(text: &str) -> bool {
    text.bytes().fold(false, |seen, b| seen | (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2) | (b == 0xef))
}

/// The text with every unsafe character written as an escape: `\n`, `\r`,
/// `\t`, and `\u{…}` for the rest.
/// Text without them (Chinese included) is returned as it is, unallocated.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !may_hold_unsafe(text) || !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped_control(&mut out, text);
    Cow::Owned(out)
}

/// Appends the text with unsafe characters escaped (see [`escape_control`]).
pub fn push_escaped_control(out: &mut String, text: &str) {
    if !may_hold_unsafe(text) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_chinese_text_pass_unchanged_without_allocating() {
        for text in ["", "hello", "你好，世界", "emoji 😀 and ümlaut", "a\\b"] {
            assert!(matches!(escape_control(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn controls_and_format_characters_are_escaped() {
        assert_eq!(escape_control("a\nb"), "a\\nb");
        assert_eq!(escape_control("x\r\n12:00:00 200 POST forged"), "x\\r\\n12:00:00 200 POST forged");
        assert_eq!(escape_control("\u{1b}[31mred\u{1b}[0m"), "\\u{1b}[31mred\\u{1b}[0m");
        assert_eq!(escape_control("tab\there"), "tab\\there");
        assert_eq!(escape_control("\u{7f}\u{85}\u{9b}"), "\\u{7f}\\u{85}\\u{9b}");
        assert_eq!(escape_control("invoice\u{202E}gpj.exe"), "invoice\\u{202e}gpj.exe");
        assert_eq!(escape_control("\u{2066}x\u{2069}\u{200B}\u{FEFF}"), "\\u{2066}x\\u{2069}\\u{200b}\\u{feff}");
        assert_eq!(escape_control("\0"), "\\u{0}");
    }

    #[test]
    fn the_byte_check_misses_no_unsafe_character() {
        for c in (0u32..0x110000).filter_map(char::from_u32).filter(|&c| is_unsafe_char(c)) {
            assert!(may_hold_unsafe(c.encode_utf8(&mut [0; 4])), "{c:?}");
        }
    }

    #[test]
    fn escaped_text_is_one_safe_line() {
        for c in (0u32..0x110000).filter_map(char::from_u32).filter(|&c| is_unsafe_char(c)) {
            let text = format!("a{c}b");
            let escaped = escape_control(&text);
            assert!(!escaped.chars().any(is_unsafe_char), "{c:?}");
        }
    }
}
