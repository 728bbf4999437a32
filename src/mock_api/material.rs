//! Permanent material (`material/add_material`, `get_material`,
//! `del_material`, `get_materialcount`, `batchget_material`) and images for
//! article content (`media/uploadimg`), kept in memory: their `url`s point at
//! `/mmbiz/ID` on the mock, served without a token as WeChat's CDN does.
//!
//! Uploads follow the temporary media's rules (`wechat::media`): the same
//! types, formats and size limits. Voice material in WMA or WAV, which
//! WeChat also takes, is refused as temporary voice is.

use super::answer::{clip, ok, shown_token, typical, Answer};
use super::body::{RequestBody, MAX_UPLOAD_BODY};
use super::jsonapi::{text, Caller};
use super::log::CallRecord;
use super::{lock, multipart, random_id, MockApi};
use crate::http::server::{respond, BodyError, TEXT_PLAIN};
use crate::wechat::media::{human_size, Format, MediaKind};
use crate::wechat::unix_now;
use bytes::Bytes;
use hyper::header::{HeaderValue, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use hyper::http::request::Parts;
use hyper::{Method, StatusCode};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, VecDeque};

pub const ADD_MATERIAL_PATH: &str = "/cgi-bin/material/add_material";
pub const GET_MATERIAL_PATH: &str = "/cgi-bin/material/get_material";
pub const DEL_MATERIAL_PATH: &str = "/cgi-bin/material/del_material";
pub const MATERIAL_COUNT_PATH: &str = "/cgi-bin/material/get_materialcount";
pub const BATCHGET_MATERIAL_PATH: &str = "/cgi-bin/material/batchget_material";
pub const UPLOADIMG_PATH: &str = "/cgi-bin/media/uploadimg";
/// Where material and content images are served.
pub const MMBIZ_PREFIX: &str = "/mmbiz/";

/// Most material kept, whatever its size; beyond it the oldest goes (and
/// answers 40007). WeChat allows 100,000 images and 1,000 of each other type;
/// a test suite seldom keeps more than a few.
pub const MAX_MATERIAL_COUNT: usize = 10_000;

/// Most bytes of material kept: the same budget as temporary media's default
/// (`--max-media-bytes`), kept apart from it.
pub const MAX_MATERIAL_BYTES: u64 = super::DEFAULT_MAX_MEDIA_BYTES;

/// Largest image `media/uploadimg` takes (less than 1 MB).
const MAX_UPLOADIMG_BYTES: u64 = 1024 * 1024 - 1;

/// Items `batchget_material` lists at most per call.
const MAX_BATCH: u64 = 20;

struct Material {
    /// image, voice, video, thumb; or uploadimg (not listed, not counted).
    kind: &'static str,
    format: Format,
    data: Bytes,
    name: String,
    update_time: i64,
    description: Option<(String, String)>,
}

#[derive(Default)]
pub struct Materials {
    by_id: HashMap<String, Material>,
    order: VecDeque<String>,
    bytes: u64,
}

impl Materials {
    fn put(&mut self, material: Material) -> (String, usize) {
        let mut evicted = 0;
        let len = material.data.len() as u64;
        while self.by_id.len() >= MAX_MATERIAL_COUNT
            || (self.bytes + len > MAX_MATERIAL_BYTES && !self.order.is_empty())
        {
            let Some(old) = self.order.pop_front() else { break };
            self.remove(&old);
            evicted += 1;
        }
        let id = random_id(43);
        self.bytes += len;
        self.order.push_back(id.clone());
        self.by_id.insert(id.clone(), material);
        (id, evicted)
    }

    fn remove(&mut self, id: &str) -> bool {
        let Some(material) = self.by_id.remove(id) else { return false };
        self.bytes -= material.data.len() as u64;
        self.order.retain(|o| o != id);
        true
    }
}

fn url(base: &str, id: &str) -> String {
    format!("{base}{MMBIZ_PREFIX}{id}")
}

impl MockApi {
    /// The file of a multipart upload, checked as media/upload checks it.
    async fn read_file(
        &self,
        head: &Parts,
        body: &mut RequestBody,
        kind: MediaKind,
        who: &str,
    ) -> Result<(Format, Bytes, String, HashMap<String, String>), Answer> {
        let content_type = head.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let boundary = match multipart::boundary(content_type) {
            Ok(boundary) => boundary,
            Err(multipart::MultipartError::NoBoundary) => return Err(typical(44001, who, "no boundary")),
            Err(_) => return Err(typical(41005, who, "not multipart/form-data")),
        };
        let bytes = match body.read(MAX_UPLOAD_BODY).await {
            Ok(bytes) => bytes,
            Err(BodyError::TooLarge) => return Err(typical(45001, who, "body over 12 MB")),
            Err(_) => return Err(typical(41005, who, "body unreadable")),
        };
        let parts = multipart::parse(&bytes, &boundary)
            .map_err(|e| typical(41005, who, format!("bad multipart body: {e:?}")))?;
        let fields: HashMap<String, String> = parts
            .iter()
            .filter(|p| p.file_name.is_none())
            .filter_map(|p| Some((p.name.clone()?, String::from_utf8_lossy(p.data).into_owned())))
            .collect();
        let Some(part) = parts.iter().find(|p| p.name.as_deref() == Some("media")) else {
            return Err(typical(41005, who, "no field \"media\""));
        };
        let Some(name) = part.file_name.as_deref() else { return Err(typical(40005, who, "no filename")) };
        let Some(named) = name.rsplit_once('.').and_then(|(_, ext)| Format::from_extension(ext)) else {
            return Err(typical(40005, who, format!("filename {:?} has no known extension", clip(name))));
        };
        let format = Format::sniff(part.data).unwrap_or(named);
        if !kind.accepts(named) || !kind.accepts(format) {
            return Err(typical(40005, who, format!("{:?} is not {}", clip(name), kind.formats_text())));
        }
        if part.data.is_empty() {
            return Err(typical(44001, who, "empty file"));
        }
        if part.data.len() as u64 > kind.max_bytes() {
            return Err(typical(
                kind.size_errcode(),
                who,
                format!("{} over {}", human_size(part.data.len() as u64), kind.limit_text()),
            ));
        }
        Ok((format, Bytes::copy_from_slice(part.data), clip(name), fields))
    }

    pub(super) async fn add_material(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        let Caller { who } = match self.caller(head, query, Method::POST, "material/add_material") {
            Ok(caller) => caller,
            Err(refusal) => return refusal.answer(),
        };
        let Some(kind) = query.get("type").and_then(|t| MediaKind::parse(t)) else {
            return typical(40004, &who, "type");
        };
        let (format, data, name, fields) = match self.read_file(head, body, kind, &who).await {
            Ok(file) => file,
            Err(answer) => return answer,
        };
        let description = if kind == MediaKind::Video {
            let Some(text) = fields.get("description").or_else(|| query.get("description")) else {
                return typical(41005, &who, "video without description");
            };
            let parsed: Option<Map<String, Value>> = serde_json::from_str(text).ok();
            match parsed.as_ref().and_then(|d| {
                Some((super::jsonapi::text(d, "title")?, d.get("introduction").and_then(Value::as_str).unwrap_or("")))
            }) {
                Some((title, intro)) => Some((title.to_owned(), intro.to_owned())),
                None => return typical(47001, &who, "description is not {\"title\",\"introduction\"}"),
            }
        } else {
            None
        };
        let len = data.len() as u64;
        let material = Material { kind: kind.as_str(), format, data, name, update_time: unix_now(), description };
        let (id, evicted) = lock(&self.materials).put(material);
        let detail =
            format!("material {} ({}) as {}; evicted {evicted}", kind.as_str(), human_size(len), shown_token(&id));
        if kind == MediaKind::Image {
            ok(json!({"media_id": id, "url": url(&self.config.base_url, &id)}), &who, detail)
        } else {
            ok(json!({ "media_id": id }), &who, detail)
        }
    }

    pub(super) async fn uploadimg(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        let Caller { who } = match self.caller(head, query, Method::POST, "media/uploadimg") {
            Ok(caller) => caller,
            Err(refusal) => return refusal.answer(),
        };
        let (format, data, name, _) = match self.read_file(head, body, MediaKind::Image, &who).await {
            Ok(file) => file,
            Err(answer) => return answer,
        };
        if !matches!(format.extension(), "jpg" | "png") {
            return typical(40005, &who, "uploadimg takes JPG or PNG");
        }
        if data.len() as u64 > MAX_UPLOADIMG_BYTES {
            return typical(40009, &who, "image of 1 MB or more");
        }
        let material = Material { kind: "uploadimg", format, data, name, update_time: unix_now(), description: None };
        let (id, _) = lock(&self.materials).put(material);
        ok(json!({"url": url(&self.config.base_url, &id)}), &who, format!("content image {}", shown_token(&id)))
    }

    pub(super) async fn get_material(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
        delete: bool,
    ) -> Answer {
        let name = if delete { "material/del_material" } else { "material/get_material" };
        let (Caller { who }, body) = match self.json_call(head, query, body, name).await {
            Ok(call) => call,
            Err(refusal) => return refusal.answer(),
        };
        let Some(id) = text(&body, "media_id") else { return typical(41006, &who, "no media_id") };
        let mut materials = lock(&self.materials);
        let known = materials.by_id.get(id).filter(|m| m.kind != "uploadimg");
        let Some(material) = known else { return typical(40007, &who, format!("no material {}", shown_token(id))) };
        if delete {
            materials.remove(id);
            return ok(json!({"errcode": 0, "errmsg": "ok"}), &who, format!("deleted {}", shown_token(id)));
        }
        if let Some((title, introduction)) = &material.description {
            let answer =
                json!({"title": title, "description": introduction, "down_url": url(&self.config.base_url, id)});
            return ok(answer, &who, format!("video material {}", shown_token(id)));
        }
        let detail = format!("sent material {} ({})", shown_token(id), human_size(material.data.len() as u64));
        (bytes_response(material.format, material.data.clone()), CallRecord::errcode(0, &who, detail))
    }

    pub(super) fn material_count(&self, head: &Parts, query: &HashMap<String, String>) -> Answer {
        let Caller { who } = match self.caller(head, query, Method::GET, "material/get_materialcount") {
            Ok(caller) => caller,
            Err(refusal) => return refusal.answer(),
        };
        let materials = lock(&self.materials);
        let count = |kind: &str| materials.by_id.values().filter(|m| m.kind == kind).count();
        let answer = json!({"voice_count": count("voice"), "video_count": count("video"), "image_count": count("image"), "news_count": 0});
        ok(answer, &who, "material count".to_owned())
    }

    pub(super) async fn batchget_material(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        let (Caller { who }, body) = match self.json_call(head, query, body, "material/batchget_material").await {
            Ok(call) => call,
            Err(refusal) => return refusal.answer(),
        };
        let kind = match text(&body, "type") {
            Some(kind @ ("image" | "voice" | "video" | "thumb" | "news")) => kind.to_owned(),
            _ => return typical(40004, &who, "type not image, voice, video, thumb or news"),
        };
        let offset = body.get("offset").and_then(Value::as_u64);
        let count = body.get("count").and_then(Value::as_u64).filter(|c| (1..=MAX_BATCH).contains(c));
        let (Some(offset), Some(count)) = (offset, count) else {
            return typical(40097, &who, "offset, or count not 1–20");
        };
        let materials = lock(&self.materials);
        let all: Vec<(&String, &Material)> = materials
            .order
            .iter()
            .filter_map(|id| Some((id, materials.by_id.get(id)?)))
            .filter(|(_, m)| m.kind == kind)
            .collect();
        let items: Vec<Value> = all
            .iter()
            .skip(offset as usize)
            .take(count as usize)
            .map(|(id, m)| {
                let mut item = json!({"media_id": id, "name": m.name, "update_time": m.update_time});
                if m.kind == "image" {
                    item["url"] = json!(url(&self.config.base_url, id));
                }
                item
            })
            .collect();
        let answer = json!({"total_count": all.len(), "item_count": items.len(), "item": items});
        ok(answer, &who, format!("listed {} {kind} material", items.len()))
    }

    /// `/mmbiz/ID`: a material's or content image's bytes, no token needed.
    pub(super) fn mmbiz(&self, id: &str) -> Answer {
        match lock(&self.materials).by_id.get(id) {
            Some(m) => (
                bytes_response(m.format, m.data.clone()),
                CallRecord::plain(StatusCode::OK, format!("served {}", shown_token(id))),
            ),
            None => (
                respond(StatusCode::NOT_FOUND, TEXT_PLAIN, "no such material\n"),
                CallRecord::plain(StatusCode::NOT_FOUND, "no such material"),
            ),
        }
    }
}

fn bytes_response(format: Format, data: Bytes) -> hyper::Response<crate::http::server::Body> {
    let mut response = respond(StatusCode::OK, TEXT_PLAIN, data);
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(format.mime()));
    response.headers_mut().insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}
