//! The JS-SDK `wx.config` signature (PROTOCOL.md §7) and the search for the
//! usual mistake behind "config:invalid signature".
//!
//! `string1 = jsapi_ticket=…&noncestr=…&timestamp=…&url=…` (fields sorted by
//! name, values raw: no URL escaping), `signature = sha1(string1)` in
//! lower-case hex. `url` is the page's URL without `#` and what follows.

use sha1::{Digest, Sha1};

/// What a signature is made of. `url` is signed exactly as given here: cut
/// the fragment with [`page_url`] first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInput<'a> {
    pub ticket: &'a str,
    pub noncestr: &'a str,
    pub timestamp: &'a str,
    pub url: &'a str,
}

/// The part of a page URL that is signed, and the fragment cut off (without `#`), if any.
pub fn page_url(url: &str) -> (&str, Option<&str>) {
    match url.split_once('#') {
        Some((signed, fragment)) => (signed, Some(fragment)),
        None => (url, None),
    }
}

/// `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`, values as given.
pub fn string1(input: &SignInput<'_>) -> String {
    string1_with_keys(input, "noncestr")
}

fn string1_with_keys(input: &SignInput<'_>, nonce_key: &str) -> String {
    // Sorted by name: jsapi_ticket < noncestr (or nonceStr) < timestamp < url.
    format!(
        "jsapi_ticket={}&{nonce_key}={}&timestamp={}&url={}",
        input.ticket, input.noncestr, input.timestamp, input.url
    )
}

/// The lower-case hex SHA-1 of a string1.
pub fn sha1_hex(string1: &str) -> String {
    hex::encode(Sha1::digest(string1.as_bytes()))
}

/// The signature of `input` (its url used as given).
pub fn signature(input: &SignInput<'_>) -> String {
    sha1_hex(&string1(input))
}

/// Whether a timestamp is what `wx.config` takes: a whole number of seconds.
pub fn valid_timestamp(timestamp: &str) -> bool {
    !timestamp.is_empty() && timestamp.len() <= 19 && timestamp.bytes().all(|b| b.is_ascii_digit())
}

/// A mistake that makes a page's `wx.config` signature differ from WeChat's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    /// The `#fragment` was signed too.
    FragmentKept,
    /// The whole URL percent-encoded (`encodeURIComponent(location.href)` sent and never decoded).
    UrlEncoded,
    /// Non-ASCII characters percent-encoded where the page reports them raw, or the reverse.
    NonAsciiEncoded,
    /// The URL percent-decoded where the page reports it encoded.
    UrlDecoded,
    /// `http://` signed for an `https://` page or the reverse; the scheme that was signed.
    Scheme(&'static str),
    /// A `/` added at the end of the path (true) or removed (false).
    TrailingSlash(bool),
    /// The default port written out (`:443`), or a port left out; the authority that was signed.
    Port(String),
    /// Another ticket than the current one: its label (e.g. "the previous ticket in the cache").
    OtherTicket(String),
    /// `nonceStr=` (wx.config's spelling) in string1 instead of `noncestr=`.
    NonceStrKey,
    /// The access_token signed in place of the jsapi_ticket.
    AccessToken,
}

impl Mistake {
    /// A short name for `--json`.
    pub fn id(&self) -> &'static str {
        match self {
            Mistake::FragmentKept => "fragment_kept",
            Mistake::UrlEncoded => "url_encoded",
            Mistake::NonAsciiEncoded => "non_ascii_encoding",
            Mistake::UrlDecoded => "url_decoded",
            Mistake::Scheme(_) => "scheme",
            Mistake::TrailingSlash(_) => "trailing_slash",
            Mistake::Port(_) => "port",
            Mistake::OtherTicket(_) => "other_ticket",
            Mistake::NonceStrKey => "noncestr_key",
            Mistake::AccessToken => "access_token_as_ticket",
        }
    }

    /// What went wrong and what to do, in one sentence.
    pub fn describe(&self) -> String {
        match self {
            Mistake::FragmentKept => "the #fragment was signed: sign location.href.split('#')[0]".to_owned(),
            Mistake::UrlEncoded => "the URL was signed percent-encoded (encodeURIComponent sent and never decoded): \
                                    decode it on the server before signing"
                .to_owned(),
            Mistake::NonAsciiEncoded => "non-ASCII characters were signed in another form than the page's URL \
                                         (raw vs %XX): sign the exact string location.href gives"
                .to_owned(),
            Mistake::UrlDecoded => {
                "the URL was signed percent-decoded: sign it as the page reports it, %XX and all".to_owned()
            }
            Mistake::Scheme(signed) => {
                format!("the URL was signed with {signed}://: sign the scheme the page is served with")
            }
            Mistake::TrailingSlash(true) => "a / was added after the path: sign the URL as the page has it".to_owned(),
            Mistake::TrailingSlash(false) => {
                "the path's trailing / was dropped: sign the URL as the page has it".to_owned()
            }
            Mistake::Port(signed) => {
                format!("the host was signed as {signed}: sign the URL exactly as the page has it")
            }
            Mistake::OtherTicket(label) => {
                format!("it was signed with {label}: a ticket lives 7200 s; cache it and re-sign with the current one")
            }
            Mistake::NonceStrKey => "string1 spelled the key nonceStr: string1's keys are all lower-case \
                                     (noncestr), only wx.config writes nonceStr"
                .to_owned(),
            Mistake::AccessToken => "the access_token was signed instead of the jsapi_ticket: fetch the ticket with \
                                     /cgi-bin/ticket/getticket?type=jsapi"
                .to_owned(),
        }
    }
}

/// A way to sign the same page wrongly, and what it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub mistake: Mistake,
    pub string1: String,
    pub signature: String,
}

/// Every common mistake applied to the right input (`input.url` is the page
/// URL, fragment and all), one at a time. `other_tickets` are other tickets
/// the page may have been signed with, each with a label; `access_token` one
/// the page may have signed instead of the ticket. Mistakes that change
/// nothing for this input are left out.
pub fn variants(input: &SignInput<'_>, other_tickets: &[(String, String)], access_token: Option<&str>) -> Vec<Variant> {
    let (signed, fragment) = page_url(input.url);
    let right = SignInput { url: signed, ..input.clone() };
    let mut urls: Vec<(Mistake, String)> = Vec::new();
    if fragment.is_some() {
        urls.push((Mistake::FragmentKept, input.url.to_owned()));
    }
    urls.push((Mistake::UrlEncoded, encode_component(signed)));
    urls.push((Mistake::NonAsciiEncoded, encode_non_ascii(signed)));
    if let Some(raw) = decode_non_ascii(signed) {
        urls.push((Mistake::NonAsciiEncoded, raw));
    }
    if let Ok(decoded) = percent_encoding::percent_decode_str(signed).decode_utf8() {
        urls.push((Mistake::UrlDecoded, decoded.into_owned()));
    }
    if let Some(rest) = signed.strip_prefix("https://") {
        urls.push((Mistake::Scheme("http"), format!("http://{rest}")));
    } else if let Some(rest) = signed.strip_prefix("http://") {
        urls.push((Mistake::Scheme("https"), format!("https://{rest}")));
    }
    if let Some((slashed, added)) = toggle_trailing_slash(signed) {
        urls.push((Mistake::TrailingSlash(added), slashed));
    }
    if let Some((authority, url)) = toggle_port(signed) {
        urls.push((Mistake::Port(authority), url));
    }
    let mut out: Vec<Variant> = Vec::new();
    let mut push = |mistake: Mistake, string1: String| {
        if string1 != self::string1(&right) && !out.iter().any(|v| v.string1 == string1) {
            let signature = sha1_hex(&string1);
            out.push(Variant { mistake, string1, signature });
        }
    };
    for (mistake, url) in urls {
        push(mistake, string1(&SignInput { url: &url, ..right.clone() }));
    }
    for (label, ticket) in other_tickets {
        if ticket != right.ticket {
            push(Mistake::OtherTicket(label.clone()), string1(&SignInput { ticket, ..right.clone() }));
        }
    }
    push(Mistake::NonceStrKey, string1_with_keys(&right, "nonceStr"));
    if let Some(token) = access_token.filter(|t| *t != right.ticket) {
        push(Mistake::AccessToken, string1(&SignInput { ticket: token, ..right.clone() }));
    }
    out
}

/// The verdict on a signature: whether it matches, and if not, which mistakes reproduce it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// string1 and signature of the right input.
    pub expected_string1: String,
    pub expected: String,
    pub matches: bool,
    /// The mistakes whose signature equals the given one (empty on a match or when none does).
    pub found: Vec<Variant>,
}

/// Checks `given` against the right signature of `input` and, when it
/// differs, tries each of [`variants`].
pub fn diagnose(
    input: &SignInput<'_>,
    given: &str,
    other_tickets: &[(String, String)],
    access_token: Option<&str>,
) -> Diagnosis {
    let (signed, _) = page_url(input.url);
    let right = SignInput { url: signed, ..input.clone() };
    let expected_string1 = string1(&right);
    let expected = sha1_hex(&expected_string1);
    let given = given.trim().to_ascii_lowercase();
    let matches = given == expected;
    let found = if matches {
        vec![]
    } else {
        variants(input, other_tickets, access_token).into_iter().filter(|v| v.signature == given).collect()
    };
    Diagnosis { expected_string1, expected, matches, found }
}

/// `encodeURIComponent`: everything but `A-Za-z0-9-_.!~*'()` as `%XX`.
fn encode_component(text: &str) -> String {
    const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    percent_encoding::utf8_percent_encode(text, COMPONENT).to_string()
}

/// Non-ASCII characters and spaces as `%XX` (upper-case hex), as a browser reports them.
fn encode_non_ascii(text: &str) -> String {
    const NON_ASCII: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS.add(b' ');
    percent_encoding::utf8_percent_encode(text, NON_ASCII).to_string()
}

/// `%XX` sequences of non-ASCII UTF-8 decoded, ASCII ones (`%26`, `%2F`) kept;
/// `None` when nothing changes or the result is not UTF-8.
fn decode_non_ascii(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) if h >= 8 => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok().filter(|s| s != text)
}

/// The URL with a `/` added to or removed from the end of its path, and which.
fn toggle_trailing_slash(url: &str) -> Option<(String, bool)> {
    let (before, query) = match url.find('?') {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    match before.strip_suffix('/') {
        // `https://host/` → `https://host`: still a URL.
        Some(trimmed) if trimmed.contains("://") && !trimmed.ends_with('/') => {
            Some((format!("{trimmed}{query}"), false))
        }
        Some(_) => None,
        None if before.contains("://") => Some((format!("{before}/{query}"), true)),
        None => None,
    }
}

/// The URL with the default port written out, or an explicit port left out;
/// and the authority as then signed.
fn toggle_port(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    let default = match scheme.to_ascii_lowercase().as_str() {
        "http" => "80",
        "https" => "443",
        _ => return None,
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // An IPv6 literal's colons are inside brackets.
    let port_colon = authority.rfind(':').filter(|&i| !authority[i..].contains(']'));
    let changed = match port_colon {
        Some(i) if authority[i + 1..].bytes().all(|b| b.is_ascii_digit()) => authority[..i].to_owned(),
        Some(_) => return None,
        None => format!("{authority}:{default}"),
    };
    if changed.is_empty() {
        return None;
    }
    let url = format!("{scheme}://{changed}{tail}");
    Some((changed, url))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TICKET: &str = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

    fn input(url: &str) -> SignInput<'_> {
        SignInput { ticket: TICKET, noncestr: "Wm3WZYTPz0wzccnW", timestamp: "1414587457", url }
    }

    #[test]
    fn the_official_example() {
        let i = input("http://mp.weixin.qq.com?params=value");
        assert_eq!(
            string1(&i),
            format!("jsapi_ticket={TICKET}&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value")
        );
        assert_eq!(signature(&i), "0f9de62fce790f9a083d5c99e95740ceb90c27ed");
        assert_eq!(signature(&input("http://mp.weixin.qq.com")), "f4d90daf4b3bca3078ab155816175ba34c443a7b");
    }

    #[test]
    fn fragments_are_cut_at_the_first_hash() {
        assert_eq!(page_url("https://a/b?x=1#/p?q#r"), ("https://a/b?x=1", Some("/p?q#r")));
        assert_eq!(page_url("https://a/b"), ("https://a/b", None));
        assert!(valid_timestamp("1414587457") && !valid_timestamp("") && !valid_timestamp("1.5"));
    }

    /// Each mistake, made on purpose, is the one named.
    #[test]
    fn every_mistake_is_found_from_a_signature_made_with_it() {
        let cases: Vec<(&str, Mistake, String)> = vec![
            ("https://m.example.com/a?x=1#/pay", Mistake::FragmentKept, "https://m.example.com/a?x=1#/pay".into()),
            ("https://m.example.com/a?x=1", Mistake::UrlEncoded, "https%3A%2F%2Fm.example.com%2Fa%3Fx%3D1".into()),
            (
                "https://m.example.com/商城?分类=茶",
                Mistake::NonAsciiEncoded,
                "https://m.example.com/%E5%95%86%E5%9F%8E?%E5%88%86%E7%B1%BB=%E8%8C%B6".into(),
            ),
            (
                "https://m.example.com/%E5%95%86%E5%9F%8E?a=%26",
                Mistake::NonAsciiEncoded,
                "https://m.example.com/商城?a=%26".into(),
            ),
            ("https://m.example.com/a?next=%2Fb", Mistake::UrlDecoded, "https://m.example.com/a?next=/b".into()),
            ("https://m.example.com/a", Mistake::Scheme("http"), "http://m.example.com/a".into()),
            ("http://m.example.com/a", Mistake::Scheme("https"), "https://m.example.com/a".into()),
            ("https://m.example.com/a?x=1", Mistake::TrailingSlash(true), "https://m.example.com/a/?x=1".into()),
            ("https://m.example.com/", Mistake::TrailingSlash(false), "https://m.example.com".into()),
            (
                "https://m.example.com/a",
                Mistake::Port("m.example.com:443".into()),
                "https://m.example.com:443/a".into(),
            ),
            ("http://127.0.0.1:8080/a", Mistake::Port("127.0.0.1".into()), "http://127.0.0.1/a".into()),
        ];
        for (page, mistake, wrong_url) in cases {
            let given = signature(&SignInput { url: &wrong_url, ..input(page) });
            let d = diagnose(&input(page), &given, &[], None);
            assert!(!d.matches, "{page}");
            assert_eq!(d.found.iter().map(|v| &v.mistake).collect::<Vec<_>>(), vec![&mistake], "{page} {wrong_url}");
            assert!(d.found[0].string1.contains(&wrong_url));
        }
        let page = "https://m.example.com/a";
        let old = [("the previous ticket in the cache".to_owned(), "OLD-TICKET".to_owned())];
        let given = signature(&SignInput { ticket: "OLD-TICKET", ..input(page) });
        let d = diagnose(&input(page), &given, &old, Some("TOKEN"));
        assert_eq!(d.found[0].mistake, Mistake::OtherTicket(old[0].0.clone()));
        let given = signature(&SignInput { ticket: "TOKEN", ..input(page) });
        assert_eq!(diagnose(&input(page), &given, &old, Some("TOKEN")).found[0].mistake, Mistake::AccessToken);
        let given = sha1_hex(&string1(&input(page)).replace("&noncestr=", "&nonceStr="));
        assert_eq!(diagnose(&input(page), &given, &[], None).found[0].mistake, Mistake::NonceStrKey);
    }

    #[test]
    fn a_match_and_an_unexplained_mismatch() {
        let page = "https://m.example.com/a#x";
        let right = signature(&input("https://m.example.com/a"));
        let d = diagnose(&input(page), &right.to_ascii_uppercase(), &[], None);
        assert!(d.matches && d.found.is_empty());
        let d = diagnose(&input(page), &"0".repeat(40), &[], None);
        assert!(!d.matches && d.found.is_empty());
        assert_eq!(d.expected, right);
        for v in variants(&input(page), &[], None) {
            assert!(!v.mistake.describe().is_empty() && !v.mistake.id().is_empty());
        }
    }

    #[test]
    fn url_helpers() {
        assert_eq!(toggle_trailing_slash("http://h"), Some(("http://h/".into(), true)));
        assert_eq!(toggle_trailing_slash("http://h/p/?q"), Some(("http://h/p?q".into(), false)));
        assert_eq!(toggle_port("http://[::1]:80/x"), Some(("[::1]".into(), "http://[::1]/x".into())));
        assert_eq!(toggle_port("http://[::1]/x"), Some(("[::1]:80".into(), "http://[::1]:80/x".into())));
        assert_eq!(toggle_port("ftp://h/x"), None);
        assert_eq!(decode_non_ascii("a%2Fb"), None);
        assert_eq!(encode_non_ascii("a b/茶"), "a%20b/%E8%8C%B6");
    }
}
