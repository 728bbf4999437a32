//! The query string WeChat puts on every callback request (PROTOCOL.md §1–2).

use super::signature::{matches_over, sign_over, Signature};
use url::form_urlencoded;

/// The callback query parameters, as received or as about to be sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallbackQuery {
    pub signature: Option<String>,
    pub timestamp: Option<String>,
    pub nonce: Option<String>,
    pub echostr: Option<String>,
    pub openid: Option<String>,
    /// `aes` in safe and compatible mode; absent or `raw` in plain mode.
    pub encrypt_type: Option<String>,
    pub msg_signature: Option<String>,
}

/// Why a URL signature check failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureFailure {
    #[error("the query has no `{0}` parameter")]
    Missing(&'static str),
    #[error("signature mismatch: expected {expected}, got {given}")]
    Mismatch { expected: String, given: String },
}

impl CallbackQuery {
    /// A freshly signed query, as WeChat sends it now.
    pub fn signed(token: &str) -> Self {
        Self::signed_at(token, super::signature::now_timestamp(), super::signature::fresh_nonce())
    }

    pub fn signed_at(token: &str, timestamp: String, nonce: String) -> Self {
        let signature = sign_over(&mut [token, &timestamp, &nonce]);
        CallbackQuery {
            signature: Some(signature),
            timestamp: Some(timestamp),
            nonce: Some(nonce),
            ..Default::default()
        }
    }

    /// Parses a raw query string; unknown parameters are ignored, the first value of a repeated one wins.
    /// Values are percent-decoded only when they need it (this is on `serve`'s hot path).
    pub fn parse(query: &str) -> Self {
        let mut q = CallbackQuery::default();
        for pair in query.split('&') {
            let (raw_key, value) = pair.split_once('=').unwrap_or((pair, ""));
            // A key that is itself encoded is rare; decode it the slow way.
            let decoded_key;
            let key = if raw_key.contains(['%', '+']) {
                decoded_key = decode_value(raw_key);
                decoded_key.as_str()
            } else {
                raw_key
            };
            let slot = match key {
                "signature" => &mut q.signature,
                "timestamp" => &mut q.timestamp,
                "nonce" => &mut q.nonce,
                "echostr" => &mut q.echostr,
                "openid" => &mut q.openid,
                "encrypt_type" => &mut q.encrypt_type,
                "msg_signature" => &mut q.msg_signature,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(decode_value(value));
            }
        }
        q
    }

    /// Whether the request says it is encrypted (safe or compatible mode).
    pub fn is_encrypted(&self) -> bool {
        self.encrypt_type.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("aes"))
    }

    /// The parameters in the order WeChat sends them.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        let fields = [
            ("signature", &self.signature),
            ("echostr", &self.echostr),
            ("timestamp", &self.timestamp),
            ("nonce", &self.nonce),
            ("openid", &self.openid),
            ("encrypt_type", &self.encrypt_type),
            ("msg_signature", &self.msg_signature),
        ];
        fields.into_iter().filter_map(|(k, v)| v.as_deref().map(|v| (k, v))).collect()
    }

    /// Checks `signature` against the token, in constant time.
    pub fn check_signature(&self, token: &str) -> Result<(), SignatureFailure> {
        let given = self.signature.as_deref().ok_or(SignatureFailure::Missing("signature"))?;
        let timestamp = self.timestamp.as_deref().ok_or(SignatureFailure::Missing("timestamp"))?;
        let nonce = self.nonce.as_deref().ok_or(SignatureFailure::Missing("nonce"))?;
        if matches_over(&mut [token, timestamp, nonce], given) {
            Ok(())
        } else {
            let expected = Signature::url(token, timestamp, nonce);
            Err(SignatureFailure::Mismatch { expected: expected.to_string(), given: given.to_owned() })
        }
    }
}

/// A query value (or key), percent- and plus-decoded when it needs to be.
fn decode_value(value: &str) -> String {
    if value.contains(['%', '+']) {
        form_urlencoded::parse(format!("v={value}").as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
    } else {
        value.to_owned()
    }
}

/// Returns `url` with the query's parameters set, replacing any of the same
/// name and keeping every other parameter.
pub fn with_query(url: &url::Url, query: &CallbackQuery) -> url::Url {
    let pairs = query.pairs();
    let mut out = url.clone();
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !pairs.iter().any(|(name, _)| name == k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    {
        let mut serializer = out.query_pairs_mut();
        serializer.clear();
        for (k, v) in &kept {
            serializer.append_pair(k, v);
        }
        for (k, v) in pairs {
            serializer.append_pair(k, v);
        }
    }
    out
}

/// The request target (path and query) that [`with_query`] would give, built
/// without re-parsing the URL: this is on load mode's per-message path.
pub fn request_target(url: &url::Url, query: &CallbackQuery) -> String {
    let pairs = query.pairs();
    let mut target = String::with_capacity(url.path().len() + 256);
    target.push_str(url.path());
    target.push('?');
    if let Some(existing) = url.query() {
        let mut kept = form_urlencoded::Serializer::new(String::new());
        for (k, v) in form_urlencoded::parse(existing.as_bytes()) {
            if !pairs.iter().any(|(name, _)| *name == k) {
                kept.append_pair(&k, &v);
            }
        }
        let kept = kept.finish();
        if !kept.is_empty() {
            target.push_str(&kept);
            target.push('&');
        }
    }
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            target.push('&');
        }
        target.push_str(k);
        target.push('=');
        target.extend(form_urlencoded::byte_serialize(v.as_bytes()));
    }
    target
}

/// Names what is wrong (with the likely cause) with an answer to the URL check, or None when WeChat would accept it.
pub fn judge_url_check(status: u16, location: Option<&str>, body: &[u8], echostr: &str) -> Option<String> {
    if (300..400).contains(&status) {
        let location = super::text::escape_control(location.unwrap_or("?"));
        return Some(format!(
            "HTTP {status} redirect to {location}: WeChat does not follow redirects; put the final URL in 基本配置 \
             (often https:// instead of http://, or a trailing slash)"
        ));
    }
    if status != 200 {
        let hint = match status {
            400 => "the handler rejected the request: it should read signature, timestamp, nonce and echostr from the query",
            401 | 403 => "the server refused the signature: the Token in 基本配置 differs from the one the server checks with (case, spaces)",
            404 => "nothing is routed at this path: check the path, and any reverse proxy that rewrites it",
            405 => "the route does not accept GET: WeChat verifies with GET and sends messages with POST",
            500 => "the handler crashed: see the server's log",
            502..=504 => "the proxy or tunnel in front has no healthy backend: is the server behind it running?",
            _ => "WeChat needs HTTP 200 with echostr as the body",
        };
        return Some(format!("HTTP {status}: {hint}"));
    }
    if body == echostr.as_bytes() {
        return None;
    }
    let text = String::from_utf8_lossy(body);
    let shown = format!("{:?}", super::reply::shorten(&text, 80));
    let cause = if body.is_empty() {
        "the body is empty — usually the server computed a different signature (another token) and answered nothing"
            .to_owned()
    } else if text.strip_prefix('\u{feff}') == Some(echostr) {
        "a UTF-8 byte-order mark (BOM) precedes echostr: save the source file without BOM".to_owned()
    } else if text.trim() == echostr {
        let extra: String = text.replacen(echostr, "", 1);
        format!(
            "echostr has extra whitespace {extra:?} around it (a trailing newline from print/echo?): return it exactly"
        )
    } else if text.trim() == format!("\"{echostr}\"") || text.trim() == format!("'{echostr}'") {
        "echostr is wrapped in quotes: the handler returned JSON or a repr; return the plain string".to_owned()
    } else if text.to_ascii_lowercase().contains("<html") || text.to_ascii_lowercase().contains("<!doctype") {
        "the answer is an HTML page (an error page, a login page or the tunnel's own page): WeChat needs echostr as plain text".to_owned()
    } else if text.contains(echostr) {
        "echostr is wrapped in other text: return echostr alone as the body".to_owned()
    } else {
        "the body is not echostr — usually the server checks with a different token and answers an error".to_owned()
    };
    Some(format!(
        "wrong body: expected {echostr:?} ({} bytes), got {shown} ({} bytes): {cause}",
        echostr.len(),
        body.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnoses_wrong_bodies() {
        let cases = [
            ("123\n", "whitespace"),
            ("\"123\"", "quotes"),
            ("<html><body>Not Found</body></html>", "HTML"),
            ("", "empty"),
            ("\u{feff}123", "BOM"),
            ("echo: 123", "wrapped"),
            ("invalid signature", "different token"),
        ];
        for (body, needle) in cases {
            let problem = judge_url_check(200, None, body.as_bytes(), "123").unwrap();
            assert!(problem.contains(needle), "{body:?} → {problem}");
        }
        assert_eq!(judge_url_check(200, None, b"123", "123"), None);
        assert!(judge_url_check(403, None, b"", "123").unwrap().contains("Token"));
    }

    #[test]
    fn parse_and_check() {
        let q = CallbackQuery::parse(
            "signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249",
        );
        assert_eq!(q.echostr.as_deref(), Some("4375120948345356249"));
        assert!(q.check_signature("AAAAA").is_ok());
        assert!(matches!(q.check_signature("AAAAB"), Err(SignatureFailure::Mismatch { .. })));
        assert_eq!(
            CallbackQuery::parse("timestamp=1").check_signature("t"),
            Err(SignatureFailure::Missing("signature"))
        );
    }

    #[test]
    fn parse_decodes_only_what_needs_decoding() {
        let q = CallbackQuery::parse("echostr=a%20b+c&nonce=1&nonce=2&x=%zz&openid=o%E4%BD%A0&sig%6Eature=s&timestamp");
        assert_eq!(q.echostr.as_deref(), Some("a b c"));
        assert_eq!(q.nonce.as_deref(), Some("1"), "the first value wins");
        assert_eq!(q.openid.as_deref(), Some("o你"));
        assert_eq!(q.signature.as_deref(), Some("s"), "an encoded key is decoded too");
        assert_eq!(q.timestamp.as_deref(), Some(""));
        assert_eq!(CallbackQuery::parse(""), CallbackQuery::default());
        // The same answers as the general decoder for every listed parameter.
        let raw =
            "signature=%41b&timestamp=1+2&nonce=%F0%9F%98%80&echostr=%&openid=%2&encrypt_type=aes&msg_signature=m";
        let general: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes()).into_owned().collect();
        let q = CallbackQuery::parse(raw);
        for (k, v) in general {
            let ours = q.pairs().into_iter().find(|(name, _)| *name == k).map(|(_, value)| value.to_owned());
            assert_eq!(ours, Some(v), "{k}");
        }
    }

    #[test]
    fn with_query_keeps_other_parameters() {
        let url = url::Url::parse("http://h/wx?a=1&signature=old&b=%E4%BD%A0").unwrap();
        let q = CallbackQuery::signed_at("t", "1".into(), "2".into());
        let out = with_query(&url, &q);
        let pairs: Vec<_> = out.query_pairs().collect();
        assert_eq!(pairs[0], ("a".into(), "1".into()));
        assert_eq!(pairs[1], ("b".into(), "你".into()));
        assert_eq!(pairs.iter().filter(|(k, _)| k == "signature").count(), 1);
        let target = request_target(&url, &q);
        assert_eq!(format!("http://h{target}"), out.as_str(), "both ways give the same request");
    }
}
