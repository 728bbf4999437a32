//! The record file: one JSON file per exchange between WeChat and an
//! endpoint, written by `wxdev record` and `wxdev simulate --save`, read by
//! `wxdev replay`. This module holds the format ([`Exchange`]), reading and
//! atomic writing ([`store`]) and the comparison of replies ([`compare`]);
//! the proxy is [`proxy`], re-sending is [`replay`].

pub mod compare;
pub mod proxy;
pub mod replay;
pub mod store;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// The format's version, written in every file; a reader refuses newer ones.
pub const FORMAT_VERSION: u32 = 1;

/// One request and what answered it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exchange {
    pub version: u32,
    /// When the request arrived, RFC 3339 in UTC with microseconds.
    pub recorded_at: String,
    /// Where the request was forwarded (or sent), scheme, host and port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream: Option<String>,
    pub request: RecordedRequest,
    /// Absent when no HTTP answer came (see `error`).
    #[serde(default)]
    pub response: Option<RecordedResponse>,
    /// Why there was no answer: the upstream refused, hung up, timed out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub timings: Timings,
    /// The decrypted message, for an encrypted request and a known key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The decrypted reply, for an encrypted reply and a known key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedRequest {
    pub method: String,
    /// Path and query as received (signature fields included: they are needed to audit).
    pub target: String,
    /// Name and value pairs in the order received.
    pub headers: Vec<(String, String)>,
    #[serde(flatten)]
    pub body: RecordedBody,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    #[serde(flatten)]
    pub body: RecordedBody,
}

/// A body as UTF-8 text, or base64 when it is not UTF-8.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedBody {
    pub body: String,
    #[serde(default, skip_serializing_if = "BodyEncoding::is_text")]
    pub body_encoding: BodyEncoding,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyEncoding {
    #[default]
    Text,
    Base64,
}

impl BodyEncoding {
    fn is_text(&self) -> bool {
        *self == BodyEncoding::Text
    }
}

impl RecordedBody {
    pub fn from_bytes(bytes: &[u8]) -> Self {
        match std::str::from_utf8(bytes) {
            Ok(text) => RecordedBody { body: text.to_owned(), body_encoding: BodyEncoding::Text },
            Err(_) => RecordedBody {
                body: base64::engine::general_purpose::STANDARD.encode(bytes),
                body_encoding: BodyEncoding::Base64,
            },
        }
    }

    /// The bytes; a base64 body that does not decode gives its text as it is.
    pub fn to_bytes(&self) -> Vec<u8> {
        match self.body_encoding {
            BodyEncoding::Text => self.body.as_bytes().to_vec(),
            BodyEncoding::Base64 => base64::engine::general_purpose::STANDARD
                .decode(&self.body)
                .unwrap_or_else(|_| self.body.as_bytes().to_vec()),
        }
    }

    /// The body as text, when it is text.
    pub fn text(&self) -> Option<&str> {
        (self.body_encoding == BodyEncoding::Text).then_some(self.body.as_str())
    }
}

/// Milliseconds, with microsecond precision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// From the request's arrival to the upstream's complete answer (or failure).
    pub upstream_ms: f64,
    /// From the request's arrival to the answer handed back.
    pub total_ms: f64,
}

/// A duration in milliseconds, rounded to the microsecond.
pub fn millis(duration: std::time::Duration) -> f64 {
    (duration.as_micros() as f64) / 1000.0
}

impl Exchange {
    /// Whether the request carries a WeChat message (a POST), not a URL check.
    pub fn is_message(&self) -> bool {
        self.request.method.eq_ignore_ascii_case("POST")
    }

    /// The request's query, parsed.
    pub fn query(&self) -> crate::wechat::CallbackQuery {
        let query = self.request.target.split_once('?').map_or("", |(_, q)| q);
        crate::wechat::CallbackQuery::parse(query)
    }

    /// The request's path, without the query.
    pub fn path(&self) -> &str {
        self.request.target.split('?').next().unwrap_or("/")
    }
}

/// What `simulate --save` sent and got, as a record: the final attempt's
/// answer (a simulated delivery keeps no response headers, so none are saved).
pub fn from_delivery(
    url: &url::Url,
    query: &crate::wechat::CallbackQuery,
    outgoing: &crate::simulator::Outgoing,
    body: &str,
    encrypted: bool,
    delivery: &crate::simulator::Delivery,
    sent_at: std::time::SystemTime,
) -> Exchange {
    let target = crate::wechat::callback::request_target(url, query);
    let mut upstream = url.clone();
    upstream.set_path("");
    upstream.set_query(None);
    let response = match (delivery.http_status, &delivery.raw) {
        (Some(status), Some(raw)) => {
            Some(RecordedResponse { status, headers: Vec::new(), body: RecordedBody::from_bytes(raw.as_bytes()) })
        }
        _ => None,
    };
    let error = match &response {
        Some(_) => None,
        None => Some(delivery.judgement.problems.join("; ")),
    };
    let host = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or("localhost")),
        None => url.host_str().unwrap_or("localhost").to_owned(),
    };
    Exchange {
        version: FORMAT_VERSION,
        recorded_at: utc_stamps(sent_at).0,
        upstream: Some(upstream.as_str().trim_end_matches('/').to_owned()),
        request: RecordedRequest {
            method: "POST".to_owned(),
            target,
            headers: vec![
                ("host".to_owned(), host),
                ("content-type".to_owned(), "text/xml".to_owned()),
                ("user-agent".to_owned(), crate::client::transport::USER_AGENT.to_owned()),
            ],
            body: RecordedBody::from_bytes(body.as_bytes()),
        },
        response,
        error,
        timings: Timings { upstream_ms: millis(delivery.last_attempt), total_ms: millis(delivery.elapsed) },
        message: encrypted.then(|| outgoing.body.clone()),
        reply: if delivery.encrypted_reply { delivery.judgement.reply.as_ref().map(|r| r.render()) } else { None },
    }
}

/// A UTC time as `(date-time for RFC 3339, compact form for file names)`:
/// `2026-12-03T08:15:00.123456Z` and `20261203T081500.123456Z`.
pub fn utc_stamps(time: std::time::SystemTime) -> (String, String) {
    let since = time.duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let micros = since.subsec_micros();
    let (year, month, day) = civil_from_days((secs / 86_400) as i64);
    let (h, m, s) = (secs / 3600 % 24, secs / 60 % 60, secs % 60);
    (
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{micros:06}Z"),
        format!("{year:04}{month:02}{day:02}T{h:02}{m:02}{s:02}.{micros:06}Z"),
    )
}

/// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn stamps_are_utc_and_sort_by_time() {
        let t = UNIX_EPOCH + Duration::from_micros(1_796_285_700_123_456);
        let (rfc, compact) = utc_stamps(t);
        assert_eq!(rfc, "2026-12-03T08:15:00.123456Z");
        assert_eq!(compact, "20261203T081500.123456Z");
        assert_eq!(utc_stamps(UNIX_EPOCH).0, "1970-01-01T00:00:00.000000Z");
        assert_eq!(utc_stamps(UNIX_EPOCH + Duration::from_secs(951_782_400)).0, "2000-02-29T00:00:00.000000Z");
    }

    #[test]
    fn bodies_are_text_or_base64() {
        let text = RecordedBody::from_bytes("<xml>你好</xml>".as_bytes());
        assert_eq!((text.text(), text.body_encoding), (Some("<xml>你好</xml>"), BodyEncoding::Text));
        let binary = RecordedBody::from_bytes(&[0xff, 0x00, 0x80]);
        assert_eq!(binary.body_encoding, BodyEncoding::Base64);
        assert_eq!(binary.to_bytes(), vec![0xff, 0x00, 0x80]);
        let json = serde_json::to_value(&binary).unwrap();
        assert_eq!(json["body_encoding"], "base64");
        assert!(serde_json::to_value(&text).unwrap().get("body_encoding").is_none());
    }
}
