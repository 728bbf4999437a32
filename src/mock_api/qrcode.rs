//! Parametric QR codes: `qrcode/create` hands out a ticket and the code's
//! content (`url`), and `GET /cgi-bin/showqrcode?ticket=` (no access_token, as
//! on WeChat) answers a real, scannable PNG of that `url`; an unknown or
//! expired ticket answers HTTP 404.
//!
//! The matrix comes from the `qrcode` crate and the PNG from the `png` crate:
//! a quiet zone of four modules, each module a square of pixels, grayscale.

use super::answer::{clip, ok, shown_token, typical, Answer};
use super::body::RequestBody;
use super::jsonapi::{object, text, Caller};
use super::log::CallRecord;
use super::{lock, random_id, MockApi};
use crate::http::server::{respond, TEXT_PLAIN};
use crate::wechat::unix_now;
use base64::Engine;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::http::request::Parts;
use hyper::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};

pub const QRCODE_CREATE_PATH: &str = "/cgi-bin/qrcode/create";
pub const SHOWQRCODE_PATH: &str = "/cgi-bin/showqrcode";

/// Most tickets remembered, temporary and permanent together; beyond it the
/// oldest is forgotten (and its image answers 404). Each costs about 200
/// bytes; WeChat allows 100,000 permanent codes per account, but a test suite
/// shows the codes it made a moment ago.
pub const MAX_QR_TICKETS: usize = 10_000;

/// A temporary code's lifetime when the request names none, and the longest allowed (30 days).
const DEFAULT_EXPIRE_SECONDS: i64 = 60;
const MAX_EXPIRE_SECONDS: i64 = 2_592_000;

/// The highest scene_id of a permanent code, and the longest scene_str.
const MAX_PERMANENT_SCENE_ID: u64 = 100_000;
const MAX_SCENE_STR_CHARS: usize = 64;

/// Modules of white border around the code (the QR standard's quiet zone),
/// and pixels per module side: a 430-pixel image for a short url, as WeChat's.
pub const QUIET_ZONE: usize = 4;
pub const PIXELS_PER_MODULE: usize = 10;

struct Ticket {
    url: String,
    /// Unix time it expires at; none for permanent codes.
    expires_at: Option<i64>,
}

#[derive(Default)]
pub struct Tickets {
    by_ticket: HashMap<String, Ticket>,
    /// Tickets in the order made, the oldest first.
    order: VecDeque<String>,
}

impl Tickets {
    fn insert(&mut self, ticket: String, entry: Ticket) {
        while self.by_ticket.len() >= MAX_QR_TICKETS {
            let Some(old) = self.order.pop_front() else { break };
            self.by_ticket.remove(&old);
        }
        self.order.push_back(ticket.clone());
        self.by_ticket.insert(ticket, entry);
    }

    /// The url of a ticket that has not expired.
    fn url(&self, ticket: &str, now: i64) -> Option<String> {
        let entry = self.by_ticket.get(ticket)?;
        entry.expires_at.is_none_or(|at| now < at).then(|| entry.url.clone())
    }
}

/// A PNG of the QR code of `text`: grayscale, 8 bits, with a quiet zone.
pub fn qr_png(text: &str) -> Result<Vec<u8>, String> {
    let code = ::qrcode::QrCode::new(text.as_bytes()).map_err(|e| e.to_string())?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
    let mut pixels = vec![255u8; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color != ::qrcode::Color::Dark {
            continue;
        }
        let (x, y) = ((i % modules + QUIET_ZONE) * PIXELS_PER_MODULE, (i / modules + QUIET_ZONE) * PIXELS_PER_MODULE);
        for row in y..y + PIXELS_PER_MODULE {
            pixels[row * side + x..row * side + x + PIXELS_PER_MODULE].fill(0);
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&pixels).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

impl MockApi {
    pub(super) async fn qrcode_create(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        let (Caller { who }, body) = match self.json_call(head, query, body, "qrcode/create").await {
            Ok(call) => call,
            Err(refusal) => return refusal.answer(),
        };
        let (permanent, by_str) = match text(&body, "action_name") {
            Some("QR_SCENE") => (false, false),
            Some("QR_STR_SCENE") => (false, true),
            Some("QR_LIMIT_SCENE") => (true, false),
            Some("QR_LIMIT_STR_SCENE") => (true, true),
            Some(other) => return typical(40052, &who, format!("action_name {:?}", clip(other))),
            None => return typical(40052, &who, "no action_name"),
        };
        let Some(scene) = object(&body, "action_info").and_then(|info| object(info, "scene")) else {
            return typical(40053, &who, "no action_info.scene");
        };
        let scene_text = if by_str {
            match scene.get("scene_str").and_then(Value::as_str) {
                Some(s) if (1..=MAX_SCENE_STR_CHARS).contains(&s.chars().count()) => s.to_owned(),
                _ => return typical(40053, &who, "scene_str missing or not 1–64 characters"),
            }
        } else {
            let max = if permanent { MAX_PERMANENT_SCENE_ID } else { u64::from(u32::MAX) };
            match scene.get("scene_id").and_then(Value::as_u64) {
                Some(id) if (1..=max).contains(&id) => id.to_string(),
                _ => return typical(40053, &who, format!("scene_id missing or not 1–{max}")),
            }
        };
        let expire_seconds = match (permanent, body.get("expire_seconds")) {
            (true, _) => None,
            (false, None) => Some(DEFAULT_EXPIRE_SECONDS),
            (false, Some(v)) => match v.as_i64() {
                Some(s) if (1..=MAX_EXPIRE_SECONDS).contains(&s) => Some(s),
                _ => return typical(40097, &who, "expire_seconds not 1–2592000"),
            },
        };
        let url = format!("http://weixin.qq.com/q/{}", random_id(22));
        let mut raw = random_id(16).into_bytes();
        raw.extend_from_slice(&rand::random::<[u8; 8]>());
        let ticket = base64::engine::general_purpose::STANDARD.encode(raw);
        let entry = Ticket { url: url.clone(), expires_at: expire_seconds.map(|s| unix_now() + s) };
        lock(&self.tickets).insert(ticket.clone(), entry);
        let kind = if permanent { "permanent" } else { "temporary" };
        let detail = format!("{kind} QR code, scene {}: ticket {}", clip(&scene_text), shown_token(&ticket));
        let answer = match expire_seconds {
            Some(s) => json!({"ticket": ticket, "expire_seconds": s, "url": url}),
            None => json!({"ticket": ticket, "url": url}),
        };
        ok(answer, &who, detail)
    }

    /// The image of a ticket's code: no access_token, HTTP 404 for a bad or expired ticket.
    pub(super) fn showqrcode(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        let not_found = |detail: String| {
            (
                respond(StatusCode::NOT_FOUND, TEXT_PLAIN, "no such ticket\n"),
                CallRecord::plain(StatusCode::NOT_FOUND, detail),
            )
        };
        if method != Method::GET {
            return not_found("showqrcode wants GET".to_owned());
        }
        let ticket = query.get("ticket").map(String::as_str).unwrap_or("");
        let Some(url) = lock(&self.tickets).url(ticket, unix_now()) else {
            return not_found(format!("unknown or expired ticket {}", shown_token(ticket)));
        };
        match qr_png(&url) {
            Ok(png) => {
                let detail = format!("QR image of ticket {} ({} bytes)", shown_token(ticket), png.len());
                let mut response = respond(StatusCode::OK, TEXT_PLAIN, png);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("image/png"));
                (response, CallRecord::plain(StatusCode::OK, detail))
            }
            Err(e) => (
                respond(StatusCode::INTERNAL_SERVER_ERROR, TEXT_PLAIN, "system error\n"),
                CallRecord::plain(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot draw QR code: {e}")),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_expire_and_are_bounded() {
        let mut tickets = Tickets::default();
        tickets.insert("t".into(), Ticket { url: "u".into(), expires_at: Some(100) });
        assert_eq!((tickets.url("t", 99).as_deref(), tickets.url("t", 100)), (Some("u"), None));
        for i in 0..MAX_QR_TICKETS {
            tickets.insert(i.to_string(), Ticket { url: "u".into(), expires_at: None });
        }
        assert_eq!(tickets.by_ticket.len(), MAX_QR_TICKETS);
        assert!(tickets.url("t", 0).is_none() && tickets.url("0", i64::MAX).is_some());
    }

    #[test]
    fn the_png_has_a_quiet_zone_and_square_modules() {
        let png = qr_png("http://weixin.qq.com/q/kZgfwMTm72WWPkovabbI").unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let modules = ::qrcode::QrCode::new(b"http://weixin.qq.com/q/kZgfwMTm72WWPkovabbI").unwrap().width();
        let reader = png::Decoder::new(std::io::Cursor::new(png)).read_info().unwrap();
        assert_eq!(reader.info().width as usize, (modules + 2 * QUIET_ZONE) * PIXELS_PER_MODULE);
    }
}
