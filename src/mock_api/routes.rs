//! Request dispatch and the API routes: token, stable_token, media upload and
//! get, and the `video_url` a video's media/get points to (the menu routes
//! are in `menu.rs`).
//!
//! Answers mimic WeChat's: HTTP 200 and `{"errcode","errmsg"}` with WeChat's
//! usual errmsg for the code (or the one a queued failure was given), never
//! text from the request, never a detail of an internal error (a data-dir
//! failure is logged and answered -1 "system error"). The detail of each
//! refusal goes to the log line only.

use super::answer::{clip, errcode, ok, refused, shown_appid, shown_token, typical, Answer, Refused, MAX_SHOWN_FIELDS};
use super::body::{RequestBody, MAX_JSON_BODY, MAX_UPLOAD_BODY};
use super::log::CallRecord;
use super::media::{MediaMeta, StoreError};
use super::tokens::Refusal;
use super::{lock, multipart, typical_errmsg, MockApi, API_PATHS};
use super::{material, messages, qrcode, users};
use crate::client::api::{
    GET_MEDIA_PATH, GRANT_TYPE, MENU_CREATE_PATH, MENU_DELETE_PATH, MENU_GET_PATH, STABLE_TOKEN_PATH, TOKEN_PATH,
    UPLOAD_PATH,
};
use crate::http::server::{respond, Body, BodyError, APPLICATION_JSON, TEXT_PLAIN};
use crate::wechat::media::{human_size, Format, MediaKind};
use crate::wechat::oauth;
use crate::wechat::unix_now;
use bytes::Bytes;
use hyper::header::{HeaderValue, CONTENT_DISPOSITION, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use hyper::http::request::Parts;
use hyper::{Method, Response, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Instant;

impl MockApi {
    pub(super) async fn dispatch(&self, head: &Parts, body: &mut RequestBody) -> Answer {
        let path = head.uri.path();
        let query: HashMap<String, String> =
            url::form_urlencoded::parse(head.uri.query().unwrap_or("").as_bytes()).into_owned().collect();
        if let Some(rest) = path.strip_prefix("/mock/") {
            return self.admin(head, rest, &query, body).await;
        }
        if API_PATHS.contains(&path) {
            if let Some(failure) = lock(&self.failures).take(path) {
                let errmsg = failure.errmsg.as_deref().unwrap_or_else(|| typical_errmsg(failure.errcode));
                let (response, mut record) = errcode(failure.errcode, errmsg, "-", "queued failure");
                record.queued = true;
                return (response, record);
            }
        }
        if (path == TOKEN_PATH || path == STABLE_TOKEN_PATH) && !self.config.token_delay.is_zero() {
            tokio::time::sleep(self.config.token_delay).await;
        }
        match path {
            TOKEN_PATH => self.token(&head.method, &query),
            STABLE_TOKEN_PATH => self.stable_token(&head.method, body).await,
            UPLOAD_PATH => self.upload(head, &query, body).await,
            GET_MEDIA_PATH => self.get_media(&head.method, &query),
            MENU_CREATE_PATH => self.create_menu(head, &query, body).await,
            MENU_GET_PATH => self.get_menu(&head.method, &query),
            MENU_DELETE_PATH => self.delete_menu(&head.method, &query),
            messages::CUSTOM_SEND_PATH => self.custom_send(head, &query, body).await,
            messages::TEMPLATE_SEND_PATH => self.template_send(head, &query, body).await,
            messages::MASS_SENDALL_PATH => self.mass_send(head, &query, body, false).await,
            messages::MASS_PREVIEW_PATH => self.mass_send(head, &query, body, true).await,
            qrcode::QRCODE_CREATE_PATH => self.qrcode_create(head, &query, body).await,
            qrcode::SHOWQRCODE_PATH => self.showqrcode(&head.method, &query),
            users::USER_INFO_PATH => self.user_info(head, &query),
            users::GETTICKET_PATH => self.getticket(head, &query),
            material::ADD_MATERIAL_PATH => self.add_material(head, &query, body).await,
            material::GET_MATERIAL_PATH => self.get_material(head, &query, body, false).await,
            material::DEL_MATERIAL_PATH => self.get_material(head, &query, body, true).await,
            material::MATERIAL_COUNT_PATH => self.material_count(head, &query),
            material::BATCHGET_MATERIAL_PATH => self.batchget_material(head, &query, body).await,
            material::UPLOADIMG_PATH => self.uploadimg(head, &query, body).await,
            oauth::AUTHORIZE_PATH => self.authorize(head, &query, body).await,
            oauth::SNS_ACCESS_TOKEN_PATH => self.sns_access_token(&head.method, &query),
            oauth::SNS_REFRESH_TOKEN_PATH => self.sns_refresh_token(&head.method, &query),
            oauth::SNS_USERINFO_PATH => self.sns_userinfo(&head.method, &query),
            oauth::SNS_AUTH_PATH => self.sns_auth(&head.method, &query),
            _ if path.starts_with(material::MMBIZ_PREFIX) => self.mmbiz(&path[material::MMBIZ_PREFIX.len()..]),
            "/" => (respond(StatusCode::OK, TEXT_PLAIN, self.index()), CallRecord::plain(StatusCode::OK, "index")),
            _ => {
                // The path as received (percent-encoded: no markup), cut short; JSON escapes the rest.
                let errmsg = format!("wxdev mock-api does not implement {}", clip(path));
                let body = json!({"errcode": -1, "errmsg": errmsg}).to_string();
                let mut response = respond(StatusCode::NOT_FOUND, APPLICATION_JSON, body);
                response.headers_mut().insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
                (response, CallRecord::plain(StatusCode::NOT_FOUND, "unknown path"))
            }
        }
    }

    fn index(&self) -> String {
        let tokens = lock(&self.tokens).remembered(Instant::now());
        let media = match self.media.usage() {
            Some((count, bytes, cap)) => {
                format!("{count} media in memory ({} of {})", human_size(bytes), human_size(cap))
            }
            None => "media under --data-dir".to_owned(),
        };
        format!(
            "wxdev mock-api: a local stand-in for the WeChat API\n\n\
             GET  {TOKEN_PATH}?grant_type=client_credential&appid=APPID&secret=SECRET\n\
             POST {STABLE_TOKEN_PATH}  {{\"grant_type\",\"appid\",\"secret\",\"force_refresh\"}}\n\
             POST {UPLOAD_PATH}?access_token=TOKEN&type=image|voice|video|thumb  (multipart field \"media\")\n\
             GET  {GET_MEDIA_PATH}?access_token=TOKEN&media_id=ID\n\
             POST {MENU_CREATE_PATH}?access_token=TOKEN  {{\"button\":[…]}}\n\
             GET  {MENU_GET_PATH}?access_token=TOKEN\n\
             GET  {MENU_DELETE_PATH}?access_token=TOKEN\n\
             GET  /connect/oauth2/authorize?appid=APPID&redirect_uri=URI&response_type=code&scope=SCOPE&state=S  (web authorization: consent page; &wxdev_user=OPENID skips it)\n\
             GET  /sns/oauth2/access_token, /sns/oauth2/refresh_token, /sns/userinfo, /sns/auth\n\n\
             POST /mock/fail-next?errcode=N[&path=/cgi-bin/…][&times=K][&errmsg=…]  (or the same as a JSON body)\n\
             POST /mock/expire-tokens[?appid=APPID]\n\
             admin routes take Host {} and Content-Type: application/json\n\n\
             tokens live {} s; {tokens} tokens remembered; {media}\n",
            self.admin.hosts_text(),
            self.config.token_ttl.as_secs()
        )
    }

    fn token(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "token wants GET");
        }
        let get = |k: &str| query.get(k).map(String::as_str);
        match self.check_credentials(get("grant_type"), get("appid"), get("secret")) {
            Err(refusal) => refusal.answer(),
            Ok(appid) => self.issue(&appid, false, true),
        }
    }

    async fn stable_token(&self, method: &Method, body: &mut RequestBody) -> Answer {
        if method != Method::POST {
            return typical(43002, "-", "stable_token wants POST");
        }
        let body = match body.read(MAX_JSON_BODY).await {
            Ok(body) => body,
            Err(_) => return typical(47001, "-", "body unreadable or over 64 KB"),
        };
        let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&body) else {
            return typical(47001, "-", "body is not a JSON object");
        };
        let force = match body.get("force_refresh") {
            None => false,
            Some(Value::Bool(force)) => *force,
            Some(_) => return typical(47001, "-", "force_refresh is not a boolean"),
        };
        let get = |k: &str| body.get(k).and_then(Value::as_str);
        match self.check_credentials(get("grant_type"), get("appid"), get("secret")) {
            Err(refusal) => refusal.answer(),
            Ok(appid) => self.issue(&appid, true, force),
        }
    }

    /// The AppID when grant_type, appid and secret are right; else WeChat's errcode.
    fn check_credentials(
        &self,
        grant_type: Option<&str>,
        appid: Option<&str>,
        secret: Option<&str>,
    ) -> Result<String, Refused> {
        let appid = appid.filter(|a| !a.is_empty());
        let who = appid.map(shown_appid).unwrap_or_else(|| "-".to_owned());
        if grant_type != Some(GRANT_TYPE) {
            return Err(refused(40002, &who, "grant_type is not client_credential"));
        }
        let Some(appid) = appid else { return Err(refused(41002, "-", "no appid")) };
        let Some(secret) = secret.filter(|s| !s.is_empty()) else {
            return Err(refused(41004, &who, "no secret"));
        };
        match self.config.apps.iter().rev().find(|(a, _)| a == appid) {
            None => Err(refused(40013, &who, "unknown appid")),
            Some((_, expected))
                if !bool::from(subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), secret.as_bytes())) =>
            {
                Err(refused(40125, &who, "wrong secret"))
            }
            Some(_) => Ok(appid.to_owned()),
        }
    }

    /// Issues a token, or (stable_token without force_refresh) hands out the current one.
    fn issue(&self, appid: &str, stable: bool, force: bool) -> Answer {
        let grant = lock(&self.tokens).issue(appid, stable, force, Instant::now());
        let endpoint = if stable { "stable_token" } else { "token" };
        let shown = shown_token(&grant.token);
        let mut detail = if grant.fresh {
            format!("{endpoint}: issued {shown} ({} s)", grant.expires_in)
        } else {
            format!("{endpoint}: current token {shown} ({} s left)", grant.expires_in)
        };
        if grant.evicted > 0 {
            detail.push_str(&format!("; forgot {} older token(s) of this AppID", grant.evicted));
        }
        ok(json!({"access_token": grant.token, "expires_in": grant.expires_in}), &shown_appid(appid), detail)
    }

    /// The AppID a token belongs to, or WeChat's errcode for it.
    pub(super) fn check_token(&self, token: Option<&str>) -> Result<String, Refused> {
        let token = token.unwrap_or("");
        lock(&self.tokens).check(token, Instant::now()).map_err(|Refusal { code, appid, reason }| {
            let who = appid.as_deref().map(shown_appid).unwrap_or_else(|| "-".to_owned());
            let detail = if token.is_empty() { reason.to_owned() } else { format!("{reason}: {}", shown_token(token)) };
            refused(code, &who, detail)
        })
    }

    async fn upload(&self, head: &Parts, query: &HashMap<String, String>, body: &mut RequestBody) -> Answer {
        // Everything the headers tell is checked before the body is read.
        if head.method != Method::POST {
            return typical(43002, "-", "upload wants POST");
        }
        let appid = match self.check_token(query.get("access_token").map(String::as_str)) {
            Ok(appid) => appid,
            Err(refusal) => return refusal.answer(),
        };
        let who = shown_appid(&appid);
        let Some(kind) = query.get("type").and_then(|t| MediaKind::parse(t)) else {
            let shown = query.get("type").map(|t| format!("type {:?}", clip(t))).unwrap_or("no type".to_owned());
            return typical(40004, &who, shown);
        };
        let content_type = head.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let boundary = match multipart::boundary(content_type) {
            Ok(boundary) => boundary,
            Err(multipart::MultipartError::NoBoundary) => {
                return typical(44001, &who, "multipart Content-Type without a boundary")
            }
            Err(_) => {
                return typical(
                    41005,
                    &who,
                    format!("Content-Type {:?} is not multipart/form-data", clip(content_type)),
                )
            }
        };
        if body.declared_over(MAX_UPLOAD_BODY) {
            return typical(45001, &who, "declared Content-Length over 12 MB: refused unread");
        }
        let body = match body.read(MAX_UPLOAD_BODY).await {
            Ok(body) => body,
            Err(BodyError::TooLarge) => return typical(45001, &who, "body over 12 MB"),
            Err(BodyError::Broken) => return typical(41005, &who, "body could not be read"),
            Err(BodyError::TimedOut) => return typical(41005, &who, "body not received in time"),
        };
        let parts = match multipart::parse(&body, &boundary) {
            Ok(parts) => parts,
            Err(e) => return typical(41005, &who, format!("bad multipart body: {e:?}")),
        };
        let Some(part) = parts.iter().find(|p| p.name.as_deref() == Some("media")) else {
            let names: Vec<String> =
                parts.iter().take(MAX_SHOWN_FIELDS).map(|p| clip(p.name.as_deref().unwrap_or(""))).collect();
            let more = parts.len().saturating_sub(MAX_SHOWN_FIELDS);
            let more = if more > 0 { format!(" and {more} more") } else { String::new() };
            return typical(41005, &who, format!("no field \"media\" (fields: {names:?}{more})"));
        };
        if part.extended_file_name && part.file_name.is_none() {
            return typical(41005, &who, "filename*= (RFC 2231) instead of filename=");
        }
        let Some(file_name) = part.file_name.as_deref() else {
            return typical(40005, &who, "no filename");
        };
        let shown_name = clip(file_name);
        let Some(named) = file_name.rsplit_once('.').and_then(|(_, ext)| Format::from_extension(ext)) else {
            return typical(40005, &who, format!("filename {shown_name:?} has no known extension"));
        };
        if !kind.accepts(named) {
            return typical(40005, &who, format!("{shown_name:?} is not {}", kind.formats_text()));
        }
        if part.data.is_empty() {
            return typical(44001, &who, "empty file");
        }
        if let Some(sniffed) = Format::sniff(part.data).filter(|f| !kind.accepts(*f)) {
            return typical(40005, &who, format!("{shown_name:?} holds {} data", sniffed.name()));
        }
        let len = part.data.len() as u64;
        if len > kind.max_bytes() {
            let detail = format!("{} is over {} for {}", human_size(len), kind.limit_text(), kind.plural());
            return typical(kind.size_errcode(), &who, detail);
        }
        let format = Format::sniff(part.data).unwrap_or(named);
        let meta = MediaMeta {
            kind: kind.as_str().to_owned(),
            extension: format.extension().to_owned(),
            content_type: format.mime().to_owned(),
            created_at: unix_now(),
            appid,
        };
        let stored = match self.media.put(&meta, Bytes::copy_from_slice(part.data)) {
            Ok(stored) => stored,
            Err(StoreError::OverCap { cap }) => {
                let detail = format!("{} is more than all of --max-media-bytes ({cap})", human_size(len));
                return typical(45001, &who, detail);
            }
            Err(StoreError::Io(e)) => return typical(-1, &who, format!("cannot store under --data-dir: {e}")),
        };
        let mut detail =
            format!("stored {} {shown_name} ({}) as {}", kind.as_str(), human_size(len), shown_token(&stored.id));
        if stored.evicted > 0 {
            detail.push_str(&format!("; evicted {} older media (--max-media-bytes)", stored.evicted));
        }
        let answer = json!({"type": kind.as_str(), kind.id_key(): stored.id, "created_at": meta.created_at});
        ok(answer, &who, detail)
    }

    fn get_media(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "media/get wants GET");
        }
        let appid = match self.check_token(query.get("access_token").map(String::as_str)) {
            Ok(appid) => appid,
            Err(refusal) => return refusal.answer(),
        };
        let who = shown_appid(&appid);
        let id = query.get("media_id").map(String::as_str).unwrap_or("");
        let found = match self.media.get(id, unix_now()) {
            Ok(found) => found,
            Err(e) => return typical(-1, &who, format!("cannot read media {} under --data-dir: {e}", shown_token(id))),
        };
        let Some((meta, data)) = found.filter(|(m, _)| m.appid == appid) else {
            return typical(40007, &who, format!("no media {} (unknown, evicted or expired)", shown_token(id)));
        };
        if meta.kind == "video" {
            let url = format!("{}/mock/video/{id}", self.config.base_url);
            return ok(json!({ "video_url": url }), &who, format!("video {}: video_url", shown_token(id)));
        }
        let mut response = media_response(&meta, data.clone());
        if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{id}.{}\"", meta.extension)) {
            response.headers_mut().insert(CONTENT_DISPOSITION, value);
        }
        let detail = format!("sent {} {} ({})", meta.kind, shown_token(id), human_size(data.len() as u64));
        (response, CallRecord::errcode(0, &who, detail))
    }

    /// Where a `video_url` points: the video's bytes, no token needed (as on WeChat's CDN).
    pub(super) fn video(&self, id: &str) -> Answer {
        let found = match self.media.get(id, unix_now()) {
            Ok(found) => found,
            Err(e) => {
                let detail = format!("cannot read video {} under --data-dir: {e}", shown_token(id));
                return (
                    respond(StatusCode::INTERNAL_SERVER_ERROR, TEXT_PLAIN, "system error\n"),
                    CallRecord::plain(StatusCode::INTERNAL_SERVER_ERROR, detail),
                );
            }
        };
        match found.filter(|(m, _)| m.kind == "video") {
            Some((meta, data)) => {
                let detail = format!("video bytes {} ({})", shown_token(id), human_size(data.len() as u64));
                (media_response(&meta, data), CallRecord::plain(StatusCode::OK, detail))
            }
            None => (
                respond(StatusCode::NOT_FOUND, TEXT_PLAIN, "no such video\n"),
                CallRecord::plain(StatusCode::NOT_FOUND, "no such video"),
            ),
        }
    }
}

/// Stored bytes, served as their format (never as the type the uploader claimed).
fn media_response(meta: &MediaMeta, data: Bytes) -> Response<Body> {
    let mut response = respond(StatusCode::OK, TEXT_PLAIN, data);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(meta.served_type()));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_is_served_as_its_format_and_not_sniffed() {
        let meta = MediaMeta {
            kind: "image".into(),
            extension: "png".into(),
            content_type: "text/html".into(),
            created_at: 0,
            appid: "wx1".into(),
        };
        let response = media_response(&meta, Bytes::from_static(b"<html>"));
        assert_eq!(response.headers()[CONTENT_TYPE], "image/png");
        assert_eq!(response.headers()[X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
}
