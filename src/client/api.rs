//! The WeChat API client: access tokens, temporary media, and any other call
//! (`wxdev api`).
//!
//! Every call goes to an injectable base URL (WeChat, a proxy, or
//! `wxdev mock-api`). WeChat answers most failures with HTTP 200 and
//! `{"errcode":N,"errmsg":".."}`; those become [`ApiError::Wechat`], and
//! [`crate::wechat::errcode::explain`] says what they mean and what to do.
//!
//! No error this module produces contains a URL query, so neither the
//! AppSecret nor an access_token can leak through one.

use crate::client::transport::{TransportFailure, USER_AGENT};
use crate::wechat::media::{human_size, UploadPlan};
use crate::wechat::text::{escape_control, is_unsafe_char};
use bytes::Bytes;
use serde_json::{json, Value};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use thiserror::Error;

pub const TOKEN_PATH: &str = "/cgi-bin/token";
pub const STABLE_TOKEN_PATH: &str = "/cgi-bin/stable_token";
pub const UPLOAD_PATH: &str = "/cgi-bin/media/upload";
pub const GET_MEDIA_PATH: &str = "/cgi-bin/media/get";
pub const MENU_CREATE_PATH: &str = "/cgi-bin/menu/create";
pub const MENU_GET_PATH: &str = "/cgi-bin/menu/get";
pub const MENU_DELETE_PATH: &str = "/cgi-bin/menu/delete";
pub const GETTICKET_PATH: &str = "/cgi-bin/ticket/getticket";

/// The only grant type WeChat knows for server tokens.
pub const GRANT_TYPE: &str = "client_credential";

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A whole JSON call (tokens, errors) may take this long.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// Uploads and downloads may take long, but not stall this long between reads.
const READ_TIMEOUT: Duration = Duration::from_secs(60);
/// A JSON answer larger than this is not WeChat's, and is refused before it
/// is read whole. WeChat's largest JSON answers (a user list of 10 000
/// OpenIDs is about 300 KB; menus and material lists are smaller) stay well
/// under 1 MB; 4 MiB leaves room for that to grow, while a broken or hostile
/// server cannot make wxdev hold more than this in memory.
pub const MAX_JSON: u64 = 4 * 1024 * 1024;
/// A media download larger than this is refused, and nothing of it kept.
/// WeChat's largest temporary media are images and videos of 10 MB (of
/// 2^20 bytes, [`MediaKind::max_bytes`]); 2 MiB more allows for WeChat
/// re-encoding or rounding differently than its pages say, while a server
/// that sends without end cannot fill the disk.
///
/// [`MediaKind::max_bytes`]: crate::wechat::media::MediaKind::max_bytes
pub const MAX_MEDIA: u64 = 12 * 1024 * 1024;
/// The longest token life wxdev believes. WeChat's tokens live 7200 s; a day
/// leaves room for proxies and mocks that hand out longer ones, while a value
/// that cannot be right (0, negative, 10^12) is an error instead of a cache
/// entry that is stale at once or never expires, and sums on it cannot overflow.
pub const MAX_EXPIRES_IN: i64 = 86_400;
/// How many redirects a download (a video's `video_url`) follows.
pub const MAX_REDIRECTS: usize = 5;

/// An AppID and its AppSecret. `Debug` never shows the secret.
#[derive(Clone)]
pub struct Credentials {
    pub appid: String,
    pub secret: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("appid", &self.appid).finish_non_exhaustive()
    }
}

/// A token as WeChat hands it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessToken {
    pub access_token: String,
    pub expires_in: i64,
}

/// A JS-SDK or card ticket as WeChat hands it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub ticket: String,
    pub expires_in: i64,
}

#[derive(Debug, Error)]
pub enum ApiError {
    /// WeChat answered `{"errcode": N, "errmsg": ".."}` with N ≠ 0.
    #[error("WeChat answered errcode {errcode}: {}", escape_control(errmsg))]
    Wechat { errcode: i64, errmsg: String },
    /// No HTTP answer at all.
    #[error("cannot reach {}: {}", escape_control(endpoint), escape_control(reason))]
    Transport { endpoint: String, reason: String, hint: Option<&'static str> },
    /// An HTTP status other than 2xx without WeChat's JSON.
    #[error("{} answered HTTP {status}{snippet}", escape_control(endpoint))]
    Http { endpoint: String, status: u16, snippet: String },
    /// A body that is not the JSON WeChat sends.
    #[error("{} answered {}, not WeChat's JSON{snippet}", escape_control(endpoint), escape_control(what))]
    NotJson { endpoint: String, what: String, snippet: String },
    /// JSON without the field the call is for.
    #[error("{} answered JSON without {missing}{snippet}", escape_control(endpoint))]
    Incomplete { endpoint: String, missing: &'static str, snippet: String },
    /// The base URL itself is unusable.
    #[error("API base {base:?} is not an http(s) URL: {reason}")]
    BadBase { base: String, reason: String },
    /// A body larger than wxdev accepts for `what`; `declared` when the
    /// Content-Length said so before any of it was read.
    #[error("{}", too_large_text(endpoint, what, *limit, *declared))]
    TooLarge { endpoint: String, what: &'static str, limit: u64, declared: Option<u64> },
    /// A field whose value cannot be right (`expires_in 0`): `what` says which and why.
    #[error("{} answered {}", escape_control(endpoint), escape_control(what))]
    Implausible { endpoint: String, what: String },
    /// A download wxdev will not make: a redirect to another scheme, too
    /// many redirects, or from a public host into the local network.
    #[error("not downloading {}: {}", escape_control(endpoint), escape_control(reason))]
    DownloadRefused { endpoint: String, reason: String },
}

impl ApiError {
    /// The errcode, when WeChat answered one.
    pub fn errcode(&self) -> Option<i64> {
        match self {
            ApiError::Wechat { errcode, .. } => Some(*errcode),
            _ => None,
        }
    }

    /// Whether a fresh token might cure it: 40001, 40014, 42001.
    pub fn is_token_rejection(&self) -> bool {
        self.errcode().is_some_and(is_token_errcode)
    }

    /// Hides `secret` wherever it appears (a proxy page may echo the request).
    pub fn redact(self, secret: &str) -> Self {
        if secret.is_empty() {
            return self;
        }
        let r = |s: String| s.replace(secret, "***");
        match self {
            ApiError::Wechat { errcode, errmsg } => ApiError::Wechat { errcode, errmsg: r(errmsg) },
            ApiError::Transport { endpoint, reason, hint } => ApiError::Transport { endpoint, reason: r(reason), hint },
            ApiError::Http { endpoint, status, snippet } => ApiError::Http { endpoint, status, snippet: r(snippet) },
            ApiError::NotJson { endpoint, what, snippet } => ApiError::NotJson { endpoint, what, snippet: r(snippet) },
            ApiError::Incomplete { endpoint, missing, snippet } => {
                ApiError::Incomplete { endpoint, missing, snippet: r(snippet) }
            }
            ApiError::Implausible { endpoint, what } => ApiError::Implausible { endpoint, what: r(what) },
            ApiError::DownloadRefused { endpoint, reason } => ApiError::DownloadRefused { endpoint, reason: r(reason) },
            other @ (ApiError::BadBase { .. } | ApiError::TooLarge { .. }) => other,
        }
    }
}

/// 40001 (not the latest token), 40014 (invalid token), 42001 (expired).
pub fn is_token_errcode(errcode: i64) -> bool {
    matches!(errcode, 40001 | 40014 | 42001)
}

/// The Content-Type of the JSON bodies wxdev sends.
pub const JSON_UTF8: &str = "application/json; charset=utf-8";

/// Query bytes sent as they are: RFC 3986's unreserved characters. Everything
/// else is percent-encoded, `+` (base64 tickets) and space included.
const QUERY_ESCAPED: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A call [`ApiClient::call_raw`] makes.
pub struct RawCall<'a> {
    pub method: reqwest::Method,
    /// Below the API base, starting with `/`.
    pub path: &'a str,
    /// Query parameters after `access_token`, unencoded.
    pub query: &'a [(String, String)],
    /// A JSON body, sent byte for byte with [`JSON_UTF8`].
    pub json: Option<&'a [u8]>,
}

/// An HTTP answer as received.
#[derive(Debug, Clone)]
pub struct RawAnswer {
    pub status: u16,
    /// `HTTP/1.1`, `HTTP/2.0`.
    pub version: String,
    /// Names lowercase, values as sent (invalid UTF-8 replaced).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawAnswer {
    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Whether an answer with these headers is text (JSON, `text/*`, or no type
/// said) rather than a file (an attachment, or any other type).
pub fn is_textual(content_type: Option<&str>, disposition: Option<&str>) -> bool {
    if disposition.is_some_and(|d| disposition_file_name(d).is_some() || d.trim_start().starts_with("attachment")) {
        return false;
    }
    let Some(content_type) = content_type else { return true };
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence.is_empty() || essence.starts_with("text/") || essence.ends_with("/json") || essence.ends_with("+json")
}

/// How much of an answer wxdev reads: [`MAX_JSON`] of text, [`MAX_MEDIA`] of a file.
pub fn answer_limit(content_type: Option<&str>, disposition: Option<&str>) -> (u64, &'static str) {
    if is_textual(content_type, disposition) {
        (MAX_JSON, "an API answer")
    } else {
        (MAX_MEDIA, MEDIA_WHAT)
    }
}

/// What `GET /cgi-bin/media/get` gave.
pub enum MediaDownload {
    /// The bytes themselves (boxed: a body being received is large).
    File(Box<MediaFile>),
    /// A video: WeChat answers with a URL to fetch it from.
    VideoUrl(String),
}

/// A media body being received, at most [`MAX_MEDIA`] bytes of it.
pub struct MediaFile {
    response: reqwest::Response,
    endpoint: String,
    /// Bytes handed out so far.
    received: u64,
    /// The name in Content-Disposition, as sent.
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub len: Option<u64>,
}

impl MediaFile {
    /// The next piece of the body; `None` at the end. An error once more
    /// than [`MAX_MEDIA`] bytes arrived, whatever Content-Length said.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, ApiError> {
        let chunk = self.response.chunk().await.map_err(|e| transport(&self.endpoint, e))?;
        if let Some(chunk) = &chunk {
            self.received = self.received.saturating_add(chunk.len() as u64);
            if self.received > MAX_MEDIA {
                return Err(too_large(&self.endpoint, MEDIA_WHAT, MAX_MEDIA, None));
            }
        }
        Ok(chunk)
    }
}

#[derive(Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    /// Downloads follow redirects (video URLs live on a CDN); API calls never do.
    /// This one for a URL on a public host: only to public addresses.
    download: reqwest::Client,
    /// This one for a URL on a loopback, private or link-local host (mock-api,
    /// a proxy in the office): anywhere over http(s).
    download_local: reqwest::Client,
    base: String,
}

impl ApiClient {
    pub fn new(base: &str) -> Result<ApiClient, ApiError> {
        let bad = |reason: String| ApiError::BadBase { base: base.to_owned(), reason };
        let parsed = url::Url::parse(base).map_err(|e| bad(e.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(bad(format!("{}:// is not http:// or https://", parsed.scheme())));
        }
        if parsed.query().is_some() || parsed.fragment().is_some() {
            return Err(bad("it has a query or fragment".to_owned()));
        }
        let builder = || {
            reqwest::Client::builder()
                .user_agent(USER_AGENT)
                .connect_timeout(CONNECT_TIMEOUT)
                .read_timeout(READ_TIMEOUT)
        };
        let http = builder().redirect(reqwest::redirect::Policy::none()).build();
        let download =
            builder().redirect(redirect_policy(false)).dns_resolver(Arc::new(PublicOnly::from_env())).build();
        let download_local = builder().redirect(redirect_policy(true)).build();
        match (http, download, download_local) {
            (Ok(http), Ok(download), Ok(download_local)) => {
                Ok(ApiClient { http, download, download_local, base: base.trim_end_matches('/').to_owned() })
            }
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(bad(e.without_url().to_string())),
        }
    }

    /// The base URL without a trailing slash.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The URL of an API path, without any query: safe to show.
    pub fn endpoint(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `GET /cgi-bin/token?grant_type=client_credential&appid=..&secret=..`
    pub async fn token(&self, creds: &Credentials) -> Result<AccessToken, ApiError> {
        let endpoint = self.endpoint(TOKEN_PATH);
        let query = [("grant_type", GRANT_TYPE), ("appid", &creds.appid), ("secret", &creds.secret)];
        let request = self.http.get(&endpoint).query(&query).timeout(CALL_TIMEOUT);
        let answer = self.call_json(&endpoint, request).await;
        answer.and_then(|v| parse_token(&endpoint, &v)).map_err(|e| e.redact(&creds.secret))
    }

    /// `POST /cgi-bin/stable_token` with its four JSON keys.
    pub async fn stable_token(&self, creds: &Credentials, force_refresh: bool) -> Result<AccessToken, ApiError> {
        let endpoint = self.endpoint(STABLE_TOKEN_PATH);
        let body = json!({
            "grant_type": GRANT_TYPE,
            "appid": creds.appid,
            "secret": creds.secret,
            "force_refresh": force_refresh,
        });
        let request = self.http.post(&endpoint).json(&body).timeout(CALL_TIMEOUT);
        let answer = self.call_json(&endpoint, request).await;
        answer.and_then(|v| parse_token(&endpoint, &v)).map_err(|e| e.redact(&creds.secret))
    }

    /// `GET /cgi-bin/ticket/getticket?access_token=..&type=jsapi|wx_card`.
    pub async fn get_ticket(&self, access_token: &str, kind: &str) -> Result<Ticket, ApiError> {
        let endpoint = self.endpoint(GETTICKET_PATH);
        let request =
            self.http.get(&endpoint).query(&[("access_token", access_token), ("type", kind)]).timeout(CALL_TIMEOUT);
        let answer = self.call_json(&endpoint, request).await?;
        let (ticket, expires_in) = parse_expiring(&endpoint, &answer, "ticket")?;
        Ok(Ticket { ticket, expires_in })
    }

    /// `POST /cgi-bin/media/upload`: the file streamed from disk into the
    /// multipart field `media`; `progress` hears every chunk read. Returns
    /// WeChat's JSON answer, which holds the media id.
    pub async fn upload_media(
        &self,
        access_token: &str,
        path: &std::path::Path,
        plan: &UploadPlan,
        progress: impl Fn(u64) + Send + Sync + 'static,
    ) -> Result<Value, ApiError> {
        let endpoint = self.endpoint(UPLOAD_PATH);
        let file = tokio::fs::File::open(path).await.map_err(|e| ApiError::Transport {
            endpoint: endpoint.clone(),
            reason: format!("cannot read {}: {}", path.display(), crate::client::io_reason(&e)),
            hint: None,
        })?;
        let reader = tokio_util::io::InspectReader::new(file, move |chunk: &[u8]| progress(chunk.len() as u64));
        let body = reqwest::Body::wrap_stream(tokio_util::io::ReaderStream::with_capacity(reader, 64 * 1024));
        let part = reqwest::multipart::Part::stream_with_length(body, plan.len)
            .file_name(plan.file_name.clone())
            .mime_str(plan.mime)
            .map_err(|e| transport(&endpoint, e))?;
        let form = reqwest::multipart::Form::new().part("media", part);
        let query = [("access_token", access_token), ("type", plan.kind.as_str())];
        let request = self.http.post(&endpoint).query(&query).multipart(form);
        let answer = self.call_json(&endpoint, request).await?;
        let key = plan.kind.id_key();
        if answer.get(key).and_then(Value::as_str).is_none_or(str::is_empty) {
            return Err(ApiError::Incomplete { endpoint, missing: key, snippet: snippet_of(&answer.to_string()) });
        }
        Ok(answer)
    }

    /// `GET /cgi-bin/media/get`: the bytes, or a video's URL. A JSON error body is an error.
    pub async fn get_media(&self, access_token: &str, media_id: &str) -> Result<MediaDownload, ApiError> {
        let endpoint = self.endpoint(GET_MEDIA_PATH);
        let request = self.http.get(&endpoint).query(&[("access_token", access_token), ("media_id", media_id)]);
        let response = request.send().await.map_err(|e| transport(&endpoint, e))?;
        let file = MediaFile::new(response, endpoint.clone());
        let looks_like_json = file.file_name.is_none()
            && file.content_type.as_deref().is_none_or(|t| t.contains("json") || t.starts_with("text/"));
        if file.response.status().is_success() && !looks_like_json {
            return file.within_limit().map(|file| MediaDownload::File(Box::new(file)));
        }
        let answer = read_json(&endpoint, file.response).await?;
        match answer.get("video_url").and_then(Value::as_str) {
            Some(url) if !url.is_empty() => match url::Url::parse(url) {
                Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => {
                    Ok(MediaDownload::VideoUrl(url.to_owned()))
                }
                _ => Err(ApiError::Implausible {
                    endpoint,
                    what: format!("video_url {:?}, which is not an http(s) URL", shown_url(url)),
                }),
            },
            _ => Err(ApiError::Incomplete {
                endpoint,
                missing: "video_url or file data",
                snippet: snippet_of(&answer.to_string()),
            }),
        }
    }

    /// `POST /cgi-bin/menu/create`: `json` sent as it is, UTF-8 (Chinese
    /// not escaped), with `Content-Type: application/json; charset=utf-8`.
    pub async fn create_menu(&self, access_token: &str, json: &str) -> Result<Value, ApiError> {
        let endpoint = self.endpoint(MENU_CREATE_PATH);
        let request = self
            .http
            .post(&endpoint)
            .query(&[("access_token", access_token)])
            .header(reqwest::header::CONTENT_TYPE, "application/json; charset=utf-8")
            .body(json.to_owned())
            .timeout(CALL_TIMEOUT);
        self.call_json(&endpoint, request).await
    }

    /// `GET /cgi-bin/menu/get`: `{"menu":{"button":[…]}}` (and `conditionalmenu` when there are personalised menus).
    pub async fn get_menu(&self, access_token: &str) -> Result<Value, ApiError> {
        let endpoint = self.endpoint(MENU_GET_PATH);
        let request = self.http.get(&endpoint).query(&[("access_token", access_token)]).timeout(CALL_TIMEOUT);
        self.call_json(&endpoint, request).await
    }

    /// `GET /cgi-bin/menu/delete`.
    pub async fn delete_menu(&self, access_token: &str) -> Result<Value, ApiError> {
        let endpoint = self.endpoint(MENU_DELETE_PATH);
        let request = self.http.get(&endpoint).query(&[("access_token", access_token)]).timeout(CALL_TIMEOUT);
        self.call_json(&endpoint, request).await
    }

    /// Fetches a URL WeChat handed out (a video's `video_url`), following at
    /// most [`MAX_REDIRECTS`] redirects, to http(s) only, and, unless the
    /// URL's own host is loopback, private or link-local, never to such an
    /// address (by IP literal or by a name that resolves to one).
    pub async fn download(&self, url: &str) -> Result<MediaFile, ApiError> {
        let shown = shown_url(url);
        let client = match url::Url::parse(url) {
            Ok(parsed) if host_is_internal(&parsed).await => &self.download_local,
            _ => &self.download,
        };
        let response = client.get(url).send().await.map_err(|e| download_failure(&shown, e))?;
        let status = response.status();
        if status.is_redirection() {
            // A redirect reqwest could not even consider (`file:///…` is no http URI).
            if let Some(location) = response.headers().get(reqwest::header::LOCATION) {
                let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
                let reason = match response.url().join(&location) {
                    Ok(next) => match redirect_verdict(&next, 1, true) {
                        Err(refusal) => refusal.to_string(),
                        Ok(()) => format!("it redirects to {}, which cannot be followed", shown_url(next.as_str())),
                    },
                    Err(_) => format!("it redirects to {location:?}, which is not a URL"),
                };
                return Err(ApiError::DownloadRefused { endpoint: shown, reason });
            }
        }
        if !status.is_success() {
            return Err(match read_json(&shown, response).await {
                Err(e) => e,
                Ok(_) => ApiError::Http { endpoint: shown, status: status.as_u16(), snippet: String::new() },
            });
        }
        MediaFile::new(response, shown).within_limit()
    }

    /// Any call on the API base (`wxdev api`): `access_token` first in the
    /// query, then `call.query` in order, each percent-encoded; a JSON body
    /// sent as given. Returns the status, the headers and the body, refused
    /// above [`MAX_JSON`] for JSON or text and above [`MAX_MEDIA`] for files
    /// ([`answer_limit`]). Errors name the endpoint without its query, so
    /// never the token; a body WeChat sends back is not judged here.
    pub async fn call_raw(&self, call: &RawCall<'_>, access_token: &str) -> Result<RawAnswer, ApiError> {
        let endpoint = self.endpoint(call.path);
        let mut url = endpoint.clone();
        let pairs = std::iter::once(("access_token", access_token))
            .chain(call.query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        for (i, (key, value)) in pairs.enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.extend(percent_encoding::utf8_percent_encode(key, QUERY_ESCAPED));
            url.push('=');
            url.extend(percent_encoding::utf8_percent_encode(value, QUERY_ESCAPED));
        }
        let mut request = self.http.request(call.method.clone(), url);
        if let Some(body) = call.json {
            request = request.header(reqwest::header::CONTENT_TYPE, JSON_UTF8).body(body.to_vec());
        }
        let response = request.send().await.map_err(|e| transport(&endpoint, e))?;
        let status = response.status().as_u16();
        let version = format!("{:?}", response.version());
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect();
        let header = |name: &str| headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str());
        let (limit, what) = answer_limit(header("content-type"), header("content-disposition"));
        let body = read_limited(&endpoint, response, limit, what).await?;
        Ok(RawAnswer { status, version, headers, body })
    }

    async fn call_json(&self, endpoint: &str, request: reqwest::RequestBuilder) -> Result<Value, ApiError> {
        let response = request.send().await.map_err(|e| transport(endpoint, e))?;
        read_json(endpoint, response).await
    }
}

impl MediaFile {
    fn new(response: reqwest::Response, endpoint: String) -> MediaFile {
        let header = |name: reqwest::header::HeaderName| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
        };
        // Servers send raw UTF-8 names too: take them, and let the writer make them safe.
        let disposition = response.headers().get(reqwest::header::CONTENT_DISPOSITION);
        let disposition = disposition.map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        let file_name = disposition.and_then(|d| disposition_file_name(&d));
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let len = response.content_length();
        MediaFile { response, endpoint, received: 0, file_name, content_type, len }
    }

    /// Refuses a body whose Content-Length is above [`MAX_MEDIA`] before any of it is read.
    fn within_limit(self) -> Result<MediaFile, ApiError> {
        match self.len {
            Some(len) if len > MAX_MEDIA => Err(too_large(&self.endpoint, MEDIA_WHAT, MAX_MEDIA, Some(len))),
            _ => Ok(self),
        }
    }
}

/// What [`MAX_MEDIA`] limits, for messages.
const MEDIA_WHAT: &str = "a media file";

fn too_large(endpoint: &str, what: &'static str, limit: u64, declared: Option<u64>) -> ApiError {
    ApiError::TooLarge { endpoint: endpoint.to_owned(), what, limit, declared }
}

/// `URL announced 13 MB (13631488 bytes), more than the 12 MB wxdev accepts for a media file`
/// or `URL sent more than 12 MB (12582912 bytes), the most wxdev accepts for a media file`.
fn too_large_text(endpoint: &str, what: &str, limit: u64, declared: Option<u64>) -> String {
    let endpoint = escape_control(endpoint);
    // Only a download would have left a file behind.
    let saved = if what == MEDIA_WHAT { "; nothing was saved" } else { "" };
    match declared {
        Some(n) => format!(
            "{endpoint} announced {} ({n} bytes), more than the {} wxdev accepts for {what}{saved}",
            human_size(n),
            human_size(limit)
        ),
        None => format!(
            "{endpoint} sent more than {} ({limit} bytes), the most wxdev accepts for {what}{saved}",
            human_size(limit)
        ),
    }
}

/// The whole body, refused above `limit` bytes: by its Content-Length before
/// reading, and while reading (chunked answers and liars have none or a wrong one).
async fn read_limited(
    endpoint: &str,
    mut response: reqwest::Response,
    limit: u64,
    what: &'static str,
) -> Result<Vec<u8>, ApiError> {
    if let Some(declared) = response.content_length().filter(|&n| n > limit) {
        return Err(too_large(endpoint, what, limit, Some(declared)));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| transport(endpoint, e))? {
        if (body.len() as u64).saturating_add(chunk.len() as u64) > limit {
            return Err(too_large(endpoint, what, limit, None));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Reads an answer that should be WeChat's JSON. errcode ≠ 0 is an error, so
/// is a non-2xx status or a body that is not a JSON object.
async fn read_json(endpoint: &str, response: reqwest::Response) -> Result<Value, ApiError> {
    let status = response.status();
    let content_type = response.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let content_type = content_type.map(|t| t.split(';').next().unwrap_or(t).trim().to_owned());
    let body = read_limited(endpoint, response, MAX_JSON, "an API answer").await?;
    let parsed: Option<Value> = serde_json::from_slice(&body).ok().filter(Value::is_object);
    if let Some(answer) = parsed {
        if let Some(errcode) = answer.get("errcode").and_then(Value::as_i64).filter(|&c| c != 0) {
            let errmsg = answer.get("errmsg").and_then(Value::as_str).unwrap_or("").to_owned();
            return Err(ApiError::Wechat { errcode, errmsg });
        }
        if status.is_success() {
            return Ok(answer);
        }
    }
    let text = String::from_utf8_lossy(&body);
    let snippet = snippet_of(&text);
    if !status.is_success() {
        return Err(ApiError::Http { endpoint: endpoint.to_owned(), status: status.as_u16(), snippet });
    }
    let what = match (body.is_empty(), content_type) {
        (true, _) => "an empty body".to_owned(),
        (false, Some(t)) if !t.is_empty() => format!("a {t} body"),
        _ => "a body".to_owned(),
    };
    Err(ApiError::NotJson { endpoint: endpoint.to_owned(), what, snippet })
}

/// The token and its life, both checked: the token is printable ASCII (it is
/// printed raw for `$(wxdev token)`), `expires_in` a whole number of seconds
/// in `1..=`[`MAX_EXPIRES_IN`] (a number or a numeric string).
fn parse_token(endpoint: &str, answer: &Value) -> Result<AccessToken, ApiError> {
    parse_expiring(endpoint, answer, "access_token")
        .map(|(access_token, expires_in)| AccessToken { access_token, expires_in })
}

/// A token-like value under `key` (`access_token`, `ticket`) and its
/// `expires_in`, checked as [`parse_token`] says.
pub(crate) fn parse_expiring(endpoint: &str, answer: &Value, key: &'static str) -> Result<(String, i64), ApiError> {
    let Some(token) = answer.get(key).and_then(Value::as_str).filter(|t| !t.is_empty()) else {
        return Err(ApiError::Incomplete {
            endpoint: endpoint.to_owned(),
            missing: key,
            snippet: snippet_of(&answer.to_string()),
        });
    };
    let implausible = |what: String| ApiError::Implausible { endpoint: endpoint.to_owned(), what };
    if !token.bytes().all(|b| b.is_ascii_graphic()) {
        let (article, noun) = if key == "access_token" { ("an", "token") } else { ("a", key) };
        return Err(implausible(format!(
            "{article} {key} with spaces, control or non-ASCII characters, which no WeChat {noun} has (not shown)"
        )));
    }
    let Some(raw) = answer.get("expires_in").filter(|v| !v.is_null()) else {
        return Err(ApiError::Incomplete {
            endpoint: endpoint.to_owned(),
            missing: "expires_in",
            snippet: format!("(the {key} itself is not shown)"),
        });
    };
    let shown = {
        let text = raw.to_string();
        let short: String = text.chars().take(40).collect();
        if short.len() < text.len() {
            format!("{short}…")
        } else {
            short
        }
    };
    let number = (raw.as_i64().map(i128::from))
        .or_else(|| raw.as_u64().map(i128::from))
        .or_else(|| raw.as_str()?.trim().parse::<i128>().ok());
    match number {
        None => Err(implausible(format!("expires_in {shown}, which is not a whole number of seconds"))),
        Some(secs) => match i64::try_from(secs).ok().filter(|s| (1..=MAX_EXPIRES_IN).contains(s)) {
            Some(expires_in) => Ok((token.to_owned(), expires_in)),
            None => Err(implausible(format!(
                "expires_in {shown}, outside 1..={MAX_EXPIRES_IN} seconds (WeChat's tokens live 7200 s)"
            ))),
        },
    }
}

/// A URL without its query (which may hold a signature or token): safe to show.
fn shown_url(url: &str) -> String {
    url.split(['?', '#']).next().unwrap_or(url).to_owned()
}

/// Why a redirect (or a name a redirect leads to) is not followed.
#[derive(Debug, Error)]
enum RedirectRefusal {
    #[error("it redirects to {to}; only http:// and https:// redirects are followed")]
    Scheme { to: String },
    #[error(
        "it redirects to {to} ({kind} address {ip}); from a public host, redirects into loopback, \
         private or link-local addresses are not followed"
    )]
    Internal { to: String, ip: IpAddr, kind: &'static str },
    #[error(
        "{name} resolves to {ip} ({kind} address); from a public host, redirects into loopback, \
         private or link-local addresses are not followed"
    )]
    InternalName { name: String, ip: IpAddr, kind: &'static str },
    #[error("it redirects more than {MAX_REDIRECTS} times")]
    TooMany,
}

/// The download client's redirect rule: [`redirect_verdict`].
fn redirect_policy(allow_internal: bool) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        match redirect_verdict(attempt.url(), attempt.previous().len(), allow_internal) {
            Ok(()) => attempt.follow(),
            Err(refusal) => attempt.error(refusal),
        }
    })
}

/// Whether to follow a redirect to `next` after `fetched` URLs (the first
/// one included): http(s) only, at most [`MAX_REDIRECTS`], and unless
/// `allow_internal`, not to an IP literal that is loopback, private,
/// link-local or otherwise not public. Names are checked when they are
/// resolved ([`PublicOnly`]).
fn redirect_verdict(next: &url::Url, fetched: usize, allow_internal: bool) -> Result<(), RedirectRefusal> {
    if fetched > MAX_REDIRECTS {
        return Err(RedirectRefusal::TooMany);
    }
    let to = shown_url(next.as_str());
    if !matches!(next.scheme(), "http" | "https") {
        return Err(RedirectRefusal::Scheme { to });
    }
    let ip = match next.host() {
        Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
        _ => None,
    };
    match ip.and_then(|ip| Some((ip, address_kind(ip)?))) {
        Some((ip, kind)) if !allow_internal => Err(RedirectRefusal::Internal { to, ip, kind }),
        _ => Ok(()),
    }
}

/// Whether a URL's host is an address [`address_kind`] names, or a name
/// resolving to one: then its redirects may go anywhere (a mock-api on
/// loopback redirecting to itself). A name that does not resolve counts as
/// public; fetching it fails anyway.
async fn host_is_internal(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => address_kind(IpAddr::V4(ip)).is_some(),
        Some(url::Host::Ipv6(ip)) => address_kind(IpAddr::V6(ip)).is_some(),
        Some(url::Host::Domain(name)) => {
            let port = url.port_or_known_default().unwrap_or(80);
            match tokio::net::lookup_host((name, port)).await {
                Ok(mut addrs) => addrs.any(|a| address_kind(a.ip()).is_some()),
                Err(_) => false,
            }
        }
        None => false,
    }
}

/// The resolver of downloads from a public host: names resolve to their
/// public addresses only, so no redirect (and no DNS answer changing between
/// check and use) leads into the local network. Proxy hosts named in the
/// environment are exempt: connections go through them.
struct PublicOnly {
    exempt: Vec<String>,
}

impl PublicOnly {
    fn from_env() -> PublicOnly {
        let names = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"];
        let exempt = names
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .filter_map(|value| {
                let value = if value.contains("://") { value } else { format!("http://{value}") };
                Some(url::Url::parse(&value).ok()?.host_str()?.trim_matches(['[', ']']).to_owned())
            })
            .collect();
        PublicOnly { exempt }
    }
}

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        let exempt = self.exempt.iter().any(|e| e.eq_ignore_ascii_case(&host));
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let kept = if exempt { addrs } else { public_only(&host, addrs)? };
            Ok(Box::new(kept.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// The public addresses among `addrs`; none is a refusal naming the first other one.
fn public_only(host: &str, addrs: Vec<SocketAddr>) -> Result<Vec<SocketAddr>, RedirectRefusal> {
    let first_internal = addrs.iter().find_map(|a| Some((a.ip(), address_kind(a.ip())?)));
    let public: Vec<SocketAddr> = addrs.into_iter().filter(|a| address_kind(a.ip()).is_none()).collect();
    match first_internal {
        Some((ip, kind)) if public.is_empty() => Err(RedirectRefusal::InternalName { name: host.to_owned(), ip, kind }),
        _ => Ok(public),
    }
}

/// What kind of address `ip` is when it is not a public unicast one:
/// loopback, private, link-local, and the other special-purpose ranges
/// (RFC 6890 and its updates) no CDN serves from; `None` when public.
/// IPv4 inside IPv6 (mapped, NAT64, 6to4) is judged by its IPv4 address.
pub fn address_kind(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(ip) => ipv4_kind(ip),
        IpAddr::V6(ip) => ipv6_kind(ip),
    }
}

fn ipv4_kind(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        (0, _, _) => "unspecified",
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) => "private",
        (100, 64..=127, _) => "shared (CGNAT)",
        (127, _, _) => "loopback",
        (169, 254, _) => "link-local",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "documentation",
        (198, 18..=19, _) => "benchmarking",
        (192, 0, 0) | (192, 88, 99) | (240..=255, _, _) => "reserved",
        (224..=239, _, _) => "multicast",
        _ => return None,
    })
}

fn ipv6_kind(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return ipv4_kind(v4);
    }
    let embedded = |hi: u16, lo: u16| ipv4_kind(Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo)));
    match ip.segments() {
        [0, 0, 0, 0, 0, 0, 0, 0] => Some("unspecified"),
        [0, 0, 0, 0, 0, 0, 0, 1] => Some("loopback"),
        // ::/96, the deprecated IPv4-compatible addresses.
        [0, 0, 0, 0, 0, 0, _, _] => Some("reserved"),
        // NAT64: the well-known prefix reaches the IPv4 address it embeds; local-use prefixes are private.
        [0x64, 0xff9b, 0, 0, 0, 0, hi, lo] => embedded(hi, lo),
        [0x64, 0xff9b, 1, ..] => Some("private"),
        [0x100, 0, 0, 0, ..] => Some("reserved"),
        [0x2001, 0xdb8, ..] | [0x3fff, 0..=0x0fff, ..] => Some("documentation"),
        // 2001::/23: Teredo, ORCHID and other IETF protocol assignments.
        [0x2001, 0..=0x01ff, ..] => Some("reserved"),
        // 6to4 reaches the IPv4 address it embeds.
        [0x2002, hi, lo, ..] => embedded(hi, lo),
        [first, ..] if first & 0xfe00 == 0xfc00 => Some("unique local (private)"),
        [first, ..] if first & 0xffc0 == 0xfe80 => Some("link-local"),
        [first, ..] if first & 0xffc0 == 0xfec0 => Some("site-local (private)"),
        [first, ..] if first & 0xff00 == 0xff00 => Some("multicast"),
        _ => None,
    }
}

/// A failed download: a refused redirect in words, else a transport error.
fn download_failure(endpoint: &str, err: reqwest::Error) -> ApiError {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&err);
    while let Some(current) = cause {
        if let Some(refusal) = current.downcast_ref::<RedirectRefusal>() {
            return ApiError::DownloadRefused { endpoint: endpoint.to_owned(), reason: refusal.to_string() };
        }
        cause = current.source();
    }
    transport(endpoint, err)
}

/// A transport error as a sentence, with reqwest's URL (and so any secret) stripped.
fn transport(endpoint: &str, err: reqwest::Error) -> ApiError {
    let err = err.without_url();
    let failure = TransportFailure::classify(&err);
    let reason = match url::Url::parse(endpoint) {
        Ok(url) => failure.describe(&url),
        Err(_) => err.to_string(),
    };
    let hint = match failure {
        TransportFailure::Refused => {
            Some("check --api-base / WXDEV_API_BASE (wxdev mock-api prints its URL when it starts)")
        }
        TransportFailure::Dns => Some("check --api-base and this machine's network and DNS"),
        TransportFailure::Tls => Some("the API base must be https:// for WeChat, http:// for a local mock-api"),
        TransportFailure::Timeout => Some("the network or a proxy is slow; retry, or check --api-base"),
        _ => None,
    };
    ApiError::Transport { endpoint: endpoint.to_owned(), reason, hint }
}

/// `: "first 160 characters…"`, or nothing for an empty body. Controls and
/// invisible format characters become spaces: the snippet is for a terminal.
pub fn snippet_of(text: &str) -> String {
    let flat: String = text.trim().chars().map(|c| if is_unsafe_char(c) { ' ' } else { c }).collect();
    if flat.is_empty() {
        return String::new();
    }
    let short: String = flat.chars().take(160).collect();
    let more = if flat.chars().count() > 160 { "…" } else { "" };
    format!(": {short:?}{more}")
}

/// `attachment; filename="ID.jpg"` → `ID.jpg`; `filename*=UTF-8''%E5%9B%BE.jpg`
/// (RFC 6266 / RFC 5987, preferred over `filename` wherever it stands) → `图.jpg`.
/// The name is returned as sent: whoever writes a file makes it safe first.
pub fn disposition_file_name(header: &str) -> Option<String> {
    let mut plain = None;
    let mut extended = None;
    for (key, value) in disposition_params(header) {
        match key.to_ascii_lowercase().as_str() {
            "filename*" if extended.is_none() => extended = decode_ext_value(&value),
            "filename" if plain.is_none() => plain = Some(value).filter(|v| !v.is_empty()),
            _ => {}
        }
    }
    extended.or(plain)
}

/// The `key=value` parameters of a header like Content-Disposition, in
/// order; a quoted value is unquoted (`\"` → `"`), so `;` inside quotes is
/// part of it. Bare words (`attachment`) are skipped.
fn disposition_params(header: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut chars = header.chars().peekable();
    loop {
        let key: String = std::iter::from_fn(|| chars.next_if(|&c| c != '=' && c != ';')).collect();
        match chars.next() {
            None => return params,
            Some(';') => continue,
            _ => {}
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'"').is_some() {
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => value.extend(chars.next()),
                    c => value.push(c),
                }
            }
            while chars.next_if(|&c| c != ';').is_some() {}
        } else {
            value.extend(std::iter::from_fn(|| chars.next_if(|&c| c != ';')));
            value = value.trim_end().to_owned();
        }
        chars.next();
        params.push((key.trim().to_owned(), value));
    }
}

/// An RFC 5987 `charset'language'percent-encoded` value: UTF-8 or
/// ISO-8859-1, `+` a plus and `&` an ampersand like any other byte.
fn decode_ext_value(value: &str) -> Option<String> {
    let mut parts = value.splitn(3, '\'');
    let (charset, _language, encoded) = (parts.next()?, parts.next()?, parts.next()?);
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(encoded).collect();
    let decoded = if charset.eq_ignore_ascii_case("utf-8") {
        String::from_utf8(bytes).ok()?
    } else if charset.eq_ignore_ascii_case("iso-8859-1") {
        bytes.iter().map(|&b| char::from(b)).collect()
    } else {
        return None;
    };
    Some(decoded).filter(|d| !d.is_empty())
}

/// Where downloads go when no name is known: `MEDIA_ID.ext`.
pub fn fallback_file_name(media_id: &str, content_type: Option<&str>) -> PathBuf {
    let ext = content_type.and_then(crate::wechat::media::Format::from_mime).map(|f| f.extension());
    let stem: String =
        media_id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    let stem = if stem.is_empty() { "media".to_owned() } else { stem };
    PathBuf::from(match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_covers_every_text() {
        let e =
            ApiError::Http { endpoint: "http://x/cgi-bin/token".into(), status: 502, snippet: "GET ?secret=S3".into() };
        assert!(!e.redact("S3").to_string().contains("S3"));
    }

    #[test]
    fn disposition_names() {
        let name = |header: &str| disposition_file_name(header);
        assert_eq!(name("attachment; filename=\"abc.jpg\"").as_deref(), Some("abc.jpg"));
        assert_eq!(name("attachment; filename=x.mp3").as_deref(), Some("x.mp3"));
        assert_eq!(name("attachment; filename=\"a.jpg\"; filename*=UTF-8''%E5%9B%BE.jpg").as_deref(), Some("图.jpg"));
        assert_eq!(name("attachment; filename*=UTF-8''%E5%9B%BE.jpg; filename=\"a.jpg\"").as_deref(), Some("图.jpg"));
        assert_eq!(name("inline"), None);
        assert_eq!(name("attachment; filename=\"\""), None);
        // RFC 5987: `+` is a plus, `&` and `=` are ordinary bytes, the language is ignored.
        assert_eq!(name("attachment; filename*=UTF-8''a+b%20c.jpg").as_deref(), Some("a+b c.jpg"));
        assert_eq!(name("attachment; filename*=UTF-8''a%26b=c&d.jpg").as_deref(), Some("a&b=c&d.jpg"));
        assert_eq!(name("attachment; filename*=utf-8'zh-CN'%E5%9B%BE%E7%89%87.png").as_deref(), Some("图片.png"));
        assert_eq!(name("attachment; filename*=ISO-8859-1''caf%E9.jpg").as_deref(), Some("café.jpg"));
        assert_eq!(name("attachment; filename*=\"UTF-8''q.jpg\"").as_deref(), Some("q.jpg"));
        // Undecodable or unknown charsets fall back to filename.
        assert_eq!(name("attachment; filename*=UTF-8''%FF.jpg; filename=b.jpg").as_deref(), Some("b.jpg"));
        assert_eq!(name("attachment; filename*=KOI8-R''x.jpg; filename=b.jpg").as_deref(), Some("b.jpg"));
        assert_eq!(name("attachment; filename*=x.jpg; filename=b.jpg").as_deref(), Some("b.jpg"));
        // Quoted strings keep `;` and unescape `\"`.
        assert_eq!(name("attachment; filename=\"a;b.jpg\"; size=3").as_deref(), Some("a;b.jpg"));
        assert_eq!(name(r#"attachment; filename="a\"b\\c.jpg""#).as_deref(), Some("a\"b\\c.jpg"));
        assert_eq!(name("attachment;filename = \"sp.jpg\" ").as_deref(), Some("sp.jpg"));
        assert_eq!(name("attachment; FILENAME=up.jpg").as_deref(), Some("up.jpg"));
        // The raw name comes back as sent; making it safe is the writer's job.
        assert_eq!(name("attachment; filename=\"../../wxdev.toml\"").as_deref(), Some("../../wxdev.toml"));
    }

    #[test]
    fn tokens_and_their_life_are_checked() {
        let parse = |body: &str| parse_token("http://x/cgi-bin/token", &serde_json::from_str(body).unwrap());
        let ok = parse(r#"{"access_token":"75_AbC-d","expires_in":7200}"#).unwrap();
        assert_eq!((ok.access_token.as_str(), ok.expires_in), ("75_AbC-d", 7200));
        assert_eq!(parse(r#"{"access_token":"T","expires_in":"7200"}"#).unwrap().expires_in, 7200);
        assert_eq!(parse(r#"{"access_token":"T","expires_in":1}"#).unwrap().expires_in, 1);
        assert_eq!(parse(r#"{"access_token":"T","expires_in":86400}"#).unwrap().expires_in, MAX_EXPIRES_IN);
        for (expires_in, needle) in [
            ("0", "expires_in 0, outside 1..=86400 seconds"),
            ("-5", "expires_in -5, outside"),
            ("86401", "expires_in 86401, outside"),
            ("1000000000000", "expires_in 1000000000000, outside"),
            ("9223372036854775807", "outside"),
            ("18446744073709551615", "outside"),
            (r#""-99999999999999999999""#, "outside"),
            ("1e300", "not a whole number"),
            ("7200.5", "not a whole number"),
            (r#""soon""#, r#"expires_in "soon", which is not a whole number of seconds"#),
            (r#""-1""#, "outside"),
            ("[]", "not a whole number"),
            ("{}", "not a whole number"),
            ("true", "not a whole number"),
        ] {
            let err = parse(&format!(r#"{{"access_token":"T","expires_in":{expires_in}}}"#)).unwrap_err();
            assert!(matches!(err, ApiError::Implausible { .. }), "{expires_in}: {err:?}");
            assert!(err.to_string().contains(needle), "{expires_in}: {err}");
        }
        let err = parse(r#"{"access_token":"T","expires_in":null}"#).unwrap_err();
        assert!(err.to_string().contains("without expires_in"), "{err}");
        let long = format!(r#"{{"access_token":"T","expires_in":"{}"}}"#, "9".repeat(100));
        assert!(parse(&long).unwrap_err().to_string().contains("…, which"));
        for token in ["a b", r"a\u001b[2J", r"tok\u202e", "令牌"] {
            let err = parse(&format!(r#"{{"access_token":"{token}","expires_in":7200}}"#)).unwrap_err();
            let text = err.to_string();
            assert!(text.contains("no WeChat token has") && !text.contains('\u{1b}'), "{text}");
        }
    }

    #[test]
    fn remote_text_is_escaped_in_messages() {
        let e = ApiError::Wechat { errcode: 1, errmsg: "bad\u{1b}[2J\u{202e}x\n".into() };
        assert_eq!(e.to_string(), "WeChat answered errcode 1: bad\\u{1b}[2J\\u{202e}x\\n");
        assert_eq!(snippet_of("a\u{1b}b\u{2066}c"), ": \"a b c\"");
        let e = ApiError::Incomplete { endpoint: "http://x/\u{7}".into(), missing: "m", snippet: String::new() };
        assert!(e.to_string().starts_with("http://x/\\u{7} answered"), "{e}");
    }

    #[test]
    fn too_large_says_how_much_and_the_limit() {
        let e = too_large("http://x/get", MEDIA_WHAT, MAX_MEDIA, Some(13 * 1024 * 1024));
        assert_eq!(
            e.to_string(),
            "http://x/get announced 13 MB (13631488 bytes), more than the 12 MB wxdev accepts for a media file; \
             nothing was saved"
        );
        let e = too_large("http://x/get", "an API answer", MAX_JSON, None);
        assert_eq!(
            e.to_string(),
            "http://x/get sent more than 4 MB (4194304 bytes), the most wxdev accepts for an API answer"
        );
        for kind in crate::wechat::media::MediaKind::ALL {
            assert!(MAX_MEDIA > kind.max_bytes(), "{kind:?}");
        }
    }

    #[test]
    fn addresses_are_classified() {
        let kind = |ip: &str| address_kind(ip.parse().unwrap());
        for (ip, expected) in [
            ("127.0.0.1", "loopback"),
            ("127.255.255.254", "loopback"),
            ("0.0.0.0", "unspecified"),
            ("0.1.2.3", "unspecified"),
            ("10.0.0.1", "private"),
            ("10.255.255.255", "private"),
            ("172.16.0.1", "private"),
            ("172.31.255.255", "private"),
            ("192.168.1.1", "private"),
            ("100.64.0.1", "shared (CGNAT)"),
            ("100.127.255.255", "shared (CGNAT)"),
            ("169.254.169.254", "link-local"),
            ("192.0.0.8", "reserved"),
            ("192.0.2.1", "documentation"),
            ("198.51.100.7", "documentation"),
            ("203.0.113.9", "documentation"),
            ("198.18.0.1", "benchmarking"),
            ("198.19.255.255", "benchmarking"),
            ("224.0.0.1", "multicast"),
            ("239.255.255.250", "multicast"),
            ("240.0.0.1", "reserved"),
            ("255.255.255.255", "reserved"),
            ("::", "unspecified"),
            ("::1", "loopback"),
            ("::ffff:127.0.0.1", "loopback"),
            ("::ffff:10.1.2.3", "private"),
            ("::ffff:169.254.169.254", "link-local"),
            ("::127.0.0.1", "reserved"),
            ("64:ff9b::7f00:1", "loopback"),
            ("64:ff9b::a9fe:a9fe", "link-local"),
            ("64:ff9b:1::1", "private"),
            ("100::1", "reserved"),
            ("2001:db8::1", "documentation"),
            ("3fff::1", "documentation"),
            ("2001::1", "reserved"),
            ("2002:7f00:1::1", "loopback"),
            ("2002:c0a8:101::1", "private"),
            ("fc00::1", "unique local (private)"),
            ("fd12:3456:789a::1", "unique local (private)"),
            ("fe80::1", "link-local"),
            ("febf::1", "link-local"),
            ("fec0::1", "site-local (private)"),
            ("ff02::1", "multicast"),
        ] {
            assert_eq!(kind(ip), Some(expected), "{ip}");
        }
        for public in [
            "1.1.1.1",
            "8.8.8.8",
            "9.255.255.255",
            "11.0.0.0",
            "100.63.255.255",
            "100.128.0.0",
            "126.255.255.255",
            "128.0.0.0",
            "169.253.0.1",
            "172.15.255.255",
            "172.32.0.0",
            "192.0.1.1",
            "192.167.1.1",
            "192.169.0.1",
            "198.17.255.255",
            "198.20.0.0",
            "223.255.255.255",
            "101.226.90.1",
            "::ffff:1.1.1.1",
            "64:ff9b::808:808",
            "2002:808:808::1",
            "2400:3200::1",
            "2001:4860:4860::8888",
            "2001:200::1",
            "fbff::1",
            "fe00::1",
        ] {
            assert_eq!(kind(public), None, "{public}");
        }
    }

    #[test]
    fn redirects_are_judged() {
        let url = |u: &str| url::Url::parse(u).unwrap();
        let verdict = |u: &str, fetched, local| redirect_verdict(&url(u), fetched, local).map_err(|e| e.to_string());
        assert!(verdict("https://cdn.example.com/v.mp4?sig=1", 1, false).is_ok());
        assert!(verdict("http://93.184.216.34/v.mp4", 5, false).is_ok());
        assert_eq!(verdict("http://a.example/", 6, true).unwrap_err(), "it redirects more than 5 times");
        for scheme in ["ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://x/", "data:text/plain,hi"] {
            for local in [false, true] {
                let err = verdict(scheme, 1, local).unwrap_err();
                assert!(err.contains("only http:// and https:// redirects are followed"), "{scheme}: {err}");
            }
        }
        let err = verdict("http://127.0.0.1:8080/x?token=SECRET", 1, false).unwrap_err();
        assert_eq!(
            err,
            "it redirects to http://127.0.0.1:8080/x (loopback address 127.0.0.1); from a public host, \
             redirects into loopback, private or link-local addresses are not followed"
        );
        for internal in ["http://10.0.0.5/", "http://[::1]/", "http://169.254.169.254/latest", "http://[fd00::1]/"] {
            assert!(verdict(internal, 2, false).is_err(), "{internal}");
            assert!(verdict(internal, 2, true).is_ok(), "{internal} from an internal origin");
        }
        // Names are left to the resolver.
        assert!(verdict("http://localhost/", 1, false).is_ok());
    }

    #[test]
    fn resolved_names_keep_public_addresses_only() {
        let addr = |s: &str| SocketAddr::new(s.parse().unwrap(), 0);
        let got = public_only("cdn", vec![addr("10.0.0.1"), addr("1.2.3.4"), addr("::1")]).unwrap();
        assert_eq!(got, vec![addr("1.2.3.4")]);
        let err = public_only("evil.example", vec![addr("127.0.0.1"), addr("::1")]).unwrap_err().to_string();
        assert!(err.starts_with("evil.example resolves to 127.0.0.1 (loopback address)"), "{err}");
        assert!(public_only("none", vec![]).unwrap().is_empty());
    }

    #[tokio::test]
    async fn loopback_and_private_hosts_are_internal() {
        let internal = |u: &'static str| async move { host_is_internal(&url::Url::parse(u).unwrap()).await };
        assert!(internal("http://127.0.0.1:9/v").await);
        assert!(internal("http://[::1]/v").await);
        assert!(internal("http://192.168.0.2/v").await);
        assert!(internal("http://localhost:9/v").await);
        assert!(!internal("http://93.184.216.34/v").await);
        assert!(!internal("http://wxdev-no-such-host.invalid/v").await);
    }

    #[test]
    fn shown_urls_lose_their_query() {
        assert_eq!(shown_url("https://cdn/v.mp4?sig=abc&t=1#f"), "https://cdn/v.mp4");
        assert_eq!(shown_url("https://cdn/v.mp4"), "https://cdn/v.mp4");
    }

    #[test]
    fn bases_are_checked() {
        assert!(ApiClient::new("ftp://x").is_err());
        assert!(ApiClient::new("not a url").is_err());
        assert_eq!(
            ApiClient::new("http://127.0.0.1:9/").unwrap().endpoint(TOKEN_PATH),
            "http://127.0.0.1:9/cgi-bin/token"
        );
    }

    #[test]
    fn text_and_files_get_their_limits() {
        for textual in [
            None,
            Some("application/json"),
            Some("application/json; encoding=utf-8"),
            Some("text/plain"),
            Some("TEXT/HTML; charset=gbk"),
            Some("application/problem+json"),
            Some(""),
        ] {
            assert!(is_textual(textual, None), "{textual:?}");
            assert_eq!(answer_limit(textual, None), (MAX_JSON, "an API answer"));
        }
        for file in [Some("image/jpeg"), Some("application/octet-stream"), Some("audio/amr"), Some("video/mp4")] {
            assert!(!is_textual(file, None), "{file:?}");
            assert_eq!(answer_limit(file, None).0, MAX_MEDIA);
        }
        assert!(!is_textual(Some("text/plain"), Some("attachment; filename=\"a.txt\"")));
        assert!(!is_textual(None, Some("attachment")));
        assert!(is_textual(Some("application/json"), Some("inline")));
    }

    #[test]
    fn query_values_are_fully_escaped() {
        let enc = |s: &str| percent_encoding::utf8_percent_encode(s, QUERY_ESCAPED).to_string();
        assert_eq!(enc("gQH4+/=="), "gQH4%2B%2F%3D%3D");
        assert_eq!(enc("a b&c=d#e?"), "a%20b%26c%3Dd%23e%3F");
        assert_eq!(enc("zh_CN-1.2~"), "zh_CN-1.2~");
        assert_eq!(enc("中"), "%E4%B8%AD");
    }

    #[test]
    fn fallback_names() {
        assert_eq!(fallback_file_name("ab/c", Some("image/jpeg")), PathBuf::from("ab_c.jpg"));
        assert_eq!(fallback_file_name("id", None), PathBuf::from("id"));
    }
}
