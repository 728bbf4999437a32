//! `wxdev api [METHOD] PATH`: any WeChat API call with the access_token
//! added, the answer on stdout — the `gh api` of WeChat.
//!
//! The arguments become a [`Request`] in one place ([`request_of`]); the
//! client sends it ([`ApiClient::call_raw`]) with a token got as `wxdev
//! token` gets it, retried once with a fresh one on 40001/40014/42001; the
//! answer is judged ([`judge`]) and printed as [`plan_output`] decides.

mod fields;
mod render;

use crate::cli::{ApiArgs, GlobalArgs};
use crate::client::api::{is_textual, snippet_of, ApiClient, ApiError, RawAnswer, RawCall};
use crate::commands::media::refuse_overwrite;
use crate::commands::token::api_client;
use crate::commands::token::TokenSupply;
use crate::config::Settings;
use crate::error::{io_reason, CliError};
use crate::output;
use crate::wechat::media::human_size;
use crate::wechat::text::escape_control;
use fields::{build_body, Field};
use render::{render, Style};
use serde_json::Value;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A call as the arguments describe it, before any token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: reqwest::Method,
    /// Below the API base, starting with `/`.
    pub path: String,
    /// PATH's own query, then `-q`, in order, decoded.
    pub query: Vec<(String, String)>,
    /// The JSON body, byte for byte.
    pub body: Option<Vec<u8>>,
}

pub async fn run(global: &GlobalArgs, args: ApiArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let api = api_client(&settings)?;
    let request = request_of(&args, api.base())?;
    if let Some(path) = &args.output {
        if path.is_dir() {
            return Err(CliError::usage(format!("{} is a directory; -o wants a file name", path.display())).into());
        }
        refuse_overwrite(path, args.force)?;
    }
    let secret = settings.credentials().ok().map(|c| c.secret).unwrap_or_default();
    let supply = TokenSupply::new(&settings, &args.token)?;
    let endpoint = api.endpoint(&request.path);
    let call = RawCall {
        method: request.method.clone(),
        path: &request.path,
        query: &request.query,
        json: request.body.as_deref(),
    };
    let (answer, body, token) = supply
        .call(&api, |token| {
            let (api, call, endpoint, secret) = (&api, &call, &endpoint, secret.as_str());
            async move { attempt(api, call, endpoint, token, secret, args.include).await }
        })
        .await?;
    let hidden = [token.as_str(), secret.as_str()];
    let shape = plan_output(&body, args.output.as_deref(), global.json, std::io::stdout().is_terminal(), &answer)?;
    print(shape, &body, &answer, &hidden, global.json, args.force)
}

/// One try with one token: the answer, judged, with secrets hidden in any error.
async fn attempt(
    api: &ApiClient,
    call: &RawCall<'_>,
    endpoint: &str,
    token: String,
    secret: &str,
    include: bool,
) -> Result<(RawAnswer, Body, String), ApiError> {
    let hide = |e: ApiError| e.redact(&token).redact(secret);
    let answer = api.call_raw(call, &token).await.map_err(hide)?;
    if include {
        eprint!("{}", head_text(&answer, &[&token, secret]));
    }
    let body = judge(endpoint, &answer).map_err(hide)?;
    Ok((answer, body, token))
}

/// The arguments as a request: method, path on the API base, query, body.
/// Every refusal is a usage error (exit 2), made before any request.
pub fn request_of(args: &ApiArgs, base: &str) -> Result<Request, CliError> {
    let (positional_method, target) = match &args.second {
        Some(path) => (Some(args.first.as_str()), path.as_str()),
        None => (None, args.first.as_str()),
    };
    let (path, mut query) = resolve_target(base, target)?;
    query.extend(parse_query(&args.query)?);
    if query.iter().any(|(k, _)| k == "access_token") {
        return Err(CliError::usage("the access_token is added by wxdev; not taking one from the query")
            .hint("pass a token of your own with --access-token (or WXDEV_ACCESS_TOKEN)"));
    }
    let body = if let Some(input) = &args.input {
        Some(read_json_input(input)?)
    } else if args.fields.fields.is_empty() {
        None
    } else {
        let fields: Vec<Field> =
            args.fields.fields.iter().map(|f| Field { typed: f.typed, text: f.text.clone() }).collect();
        let value = build_body(&fields).map_err(|e| {
            CliError::usage(e.to_string()).hint("-f KEY=VALUE, -F KEY=VALUE; KEY[SUB]=V nests, KEY[]=V appends")
        })?;
        Some(serde_json::to_vec(&value).map_err(|e| CliError::usage(format!("cannot encode the body: {e}")))?)
    };
    let method = resolve_method(positional_method, args.method.as_deref(), body.is_some())?;
    Ok(Request { method, path, query, body })
}

/// METHOD from the positional argument or `-X` (both: they must agree);
/// GET without a body, POST with one. A GET or HEAD with a body is refused.
pub fn resolve_method(
    positional: Option<&str>,
    flag: Option<&str>,
    has_body: bool,
) -> Result<reqwest::Method, CliError> {
    let parse = |text: &str| -> Result<reqwest::Method, CliError> {
        let upper = text.to_ascii_uppercase();
        if upper.is_empty() || !upper.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(CliError::usage(format!("{:?} is not an HTTP method", escape_control(text)))
                .hint("GET, POST, …; the PATH comes after the METHOD: wxdev api POST /cgi-bin/…"));
        }
        reqwest::Method::from_bytes(upper.as_bytes())
            .map_err(|_| CliError::usage(format!("{upper:?} is not an HTTP method")))
    };
    let method = match (positional.map(parse).transpose()?, flag.map(parse).transpose()?) {
        (Some(a), Some(b)) if a != b => {
            return Err(CliError::usage(format!("two methods given: {a} and -X {b}")).hint("give one of them"))
        }
        (Some(m), _) | (None, Some(m)) => m,
        (None, None) if has_body => reqwest::Method::POST,
        (None, None) => reqwest::Method::GET,
    };
    if has_body && matches!(method, reqwest::Method::GET | reqwest::Method::HEAD) {
        return Err(CliError::usage(format!("a {method} request with a body"))
            .hint("drop the method to POST the body, or give parameters with -q KEY=VALUE"));
    }
    Ok(method)
}

/// PATH relative to the API base (with or without its leading `/`), or a
/// full URL on the base: same scheme, host and port, below its path. Another
/// host is refused: the access_token goes to the API base only. Returns the
/// path below the base and PATH's own query, decoded (`+` stays a plus: a
/// base64 ticket's `+` is meant as one).
pub fn resolve_target(base: &str, target: &str) -> Result<(String, Vec<(String, String)>), CliError> {
    let base_url = url::Url::parse(base).map_err(|e| CliError::usage(format!("API base {base:?}: {e}")))?;
    let base_path = base_url.path().trim_end_matches('/');
    let target = target.trim();
    if target.is_empty() {
        return Err(CliError::usage("the PATH is empty").hint("e.g. wxdev api /cgi-bin/get_api_domain_ip"));
    }
    let elsewhere = |shown: &str| {
        CliError::usage(format!(
            "{} is not on the API base {base}; the access_token is sent there only",
            escape_control(shown)
        ))
        .hint("give a path (/cgi-bin/…), or point --api-base / WXDEV_API_BASE at that server")
    };
    let has_scheme = target.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let url = if has_scheme {
        let url = url::Url::parse(target)
            .map_err(|e| CliError::usage(format!("{} is not a URL: {e}", escape_control(target))))?;
        let shown = url.as_str().split(['?', '#']).next().unwrap_or("").to_owned();
        let same_origin = url.scheme() == base_url.scheme()
            && url.host_str() == base_url.host_str()
            && url.port_or_known_default() == base_url.port_or_known_default();
        if !same_origin || !url.username().is_empty() || url.password().is_some() {
            return Err(elsewhere(&shown));
        }
        url
    } else {
        let slash = if target.starts_with('/') { "" } else { "/" };
        let joined = format!("{}{slash}{target}", base.trim_end_matches('/'));
        url::Url::parse(&joined)
            .map_err(|e| CliError::usage(format!("{} is not a usable path: {e}", escape_control(target))))?
    };
    if url.fragment().is_some() {
        return Err(CliError::usage("the PATH has a #fragment, which is never sent").hint("drop the # part"));
    }
    let below = url.path().strip_prefix(base_path).filter(|rest| rest.is_empty() || rest.starts_with('/'));
    let Some(below) = below else {
        return Err(elsewhere(url.as_str().split('?').next().unwrap_or("")));
    };
    let path = if below.is_empty() { "/".to_owned() } else { below.to_owned() };
    let query = url.query().map(split_query).unwrap_or_default();
    Ok((path, query))
}

/// `a=1&b=%E4%B8%AD` → (a, 1), (b, 中): percent-decoding only.
fn split_query(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// `-q KEY=VALUE` arguments, as given (they are encoded when sent).
pub fn parse_query(args: &[String]) -> Result<Vec<(String, String)>, CliError> {
    args.iter()
        .map(|arg| match arg.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_owned(), v.to_owned())),
            _ => Err(CliError::usage(format!("-q {:?}: expected KEY=VALUE", escape_control(arg)))),
        })
        .collect()
}

/// `--input FILE|-`: UTF-8 JSON, checked, returned byte for byte.
fn read_json_input(path: &Path) -> Result<Vec<u8>, CliError> {
    let text = crate::commands::read_input(Some(path))?;
    let name = if path.as_os_str() == "-" { "stdin".to_owned() } else { path.display().to_string() };
    check_json(&text).map_err(|reason| CliError::usage(format!("--input {name} is not valid JSON: {reason}")))?;
    Ok(text.into_bytes())
}

/// `Ok` for any valid JSON text, else serde's reason with line and column.
pub fn check_json(text: &str) -> Result<(), String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).map(|_| ()).map_err(|e| e.to_string())
}

/// What an answer's body is.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Json(Value),
    /// Text that is not JSON (an HTML error page, a plain message).
    Text(String),
    /// A file: an image, a voice, a permanent material.
    Binary,
}

/// The answer judged: an HTTP status outside 2xx is an error, and so, with
/// HTTP 200, is a JSON body with `errcode` ≠ 0; otherwise the body and what kind it is.
pub fn judge(endpoint: &str, answer: &RawAnswer) -> Result<Body, ApiError> {
    let body = if is_textual(answer.header("content-type"), answer.header("content-disposition")) {
        match serde_json::from_slice::<Value>(&answer.body) {
            Ok(value) => Body::Json(value),
            Err(_) => match std::str::from_utf8(&answer.body) {
                Ok(text) => Body::Text(text.to_owned()),
                Err(_) => Body::Binary,
            },
        }
    } else {
        Body::Binary
    };
    // WeChat answers its errcodes with HTTP 200: another status comes from
    // something else (a proxy, a path nobody serves), whatever JSON it carries.
    if !(200..300).contains(&answer.status) {
        let snippet = match &body {
            Body::Binary => String::new(),
            _ => snippet_of(&String::from_utf8_lossy(&answer.body)),
        };
        return Err(ApiError::Http { endpoint: endpoint.to_owned(), status: answer.status, snippet });
    }
    if let Body::Json(value) = &body {
        if let Some(errcode) = value.get("errcode").and_then(Value::as_i64).filter(|&c| c != 0) {
            let errmsg = value.get("errmsg").and_then(Value::as_str).unwrap_or("").to_owned();
            return Err(ApiError::Wechat { errcode, errmsg });
        }
    }
    Ok(body)
}

/// Where and how the body goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// The bytes as received into FILE; a report on stdout.
    File(PathBuf),
    /// JSON rendered for stdout.
    Json(Style),
    /// Text: escaped on a terminal, as it is when piped.
    Text { terminal: bool },
    /// The bytes as received on stdout (piped).
    Raw,
}

/// Decides the output from the body, `-o`, `--json` and whether stdout is a
/// terminal. A file on a terminal, or as `--json`, is refused (exit 2); text
/// that is not JSON under `--json` is an error (exit 1).
pub fn plan_output(
    body: &Body,
    output: Option<&Path>,
    json: bool,
    terminal: bool,
    answer: &RawAnswer,
) -> Result<Shape, CliError> {
    if let Some(path) = output {
        return Ok(Shape::File(path.to_owned()));
    }
    let what = || {
        let kind = answer.header("content-type").map(|t| format!("{}, ", escape_control(t))).unwrap_or_default();
        format!("{kind}{}", human_size(answer.body.len() as u64))
    };
    match body {
        Body::Json(_) if json => Ok(Shape::Json(Style { pretty: false, color: false })),
        Body::Json(_) => Ok(Shape::Json(Style { pretty: terminal, color: output::color_enabled() })),
        Body::Text(_) if json => {
            let shown = snippet_of(&String::from_utf8_lossy(&answer.body));
            Err(CliError::failed(format!("the answer is text ({}), not JSON{shown}", what())))
        }
        Body::Text(_) => Ok(Shape::Text { terminal }),
        Body::Binary if json => Err(CliError::usage(format!("the answer is a file ({}), not JSON", what()))
            .hint("save it with -o FILE (--json then reports where)")),
        Body::Binary if terminal => {
            Err(CliError::usage(format!("the answer is a file ({}); not printing it on a terminal", what()))
                .hint("save it with -o FILE, or pipe it: wxdev api … > FILE"))
        }
        Body::Binary => Ok(Shape::Raw),
    }
}

#[derive(serde::Serialize)]
struct SavedReport<'a> {
    path: String,
    bytes: u64,
    status: u16,
    content_type: Option<&'a str>,
}

fn print(
    shape: Shape,
    body: &Body,
    answer: &RawAnswer,
    hidden: &[&str],
    json: bool,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match shape {
        Shape::File(path) => {
            save(&path, &answer.body, force)?;
            let content_type = answer.header("content-type");
            let bytes = answer.body.len() as u64;
            if json {
                let report =
                    SavedReport { path: path.display().to_string(), bytes, status: answer.status, content_type };
                writeln!(stdout, "{}", serde_json::to_string(&report)?)?;
            } else {
                writeln!(stdout, "{}", path.display())?;
                let kind = content_type.map(|t| format!(", {}", escape_control(t))).unwrap_or_default();
                eprintln!("saved {}{kind} to {}", human_size(bytes), path.display());
            }
        }
        Shape::Json(style) => {
            let Body::Json(value) = body else { unreachable!("JSON shape for a JSON body") };
            writeln!(stdout, "{}", render(&hide_in_value(value.clone(), hidden), style))?;
        }
        Shape::Text { terminal } => {
            let Body::Text(text) = body else { unreachable!("text shape for a text body") };
            let text = hide(text, hidden);
            if terminal {
                for line in text.lines() {
                    writeln!(stdout, "{}", escape_control(line))?;
                }
            } else {
                stdout.write_all(text.as_bytes())?;
            }
        }
        Shape::Raw => stdout.write_all(&answer.body)?,
    }
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into
/// place; without `force` an existing file is never replaced. The file gets
/// the mode any new file gets here: 0666 less the umask.
fn save(path: &Path, bytes: &[u8], force: bool) -> Result<(), CliError> {
    let cannot_write =
        |p: &Path, e: std::io::Error| CliError::usage(format!("cannot write {}: {}", p.display(), io_reason(&e)));
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".wxdev-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| cannot_write(dir, e))?;
    tmp.write_all(bytes).map_err(|e| cannot_write(path, e))?;
    tmp.as_file().sync_all().map_err(|e| cannot_write(path, e))?;
    let persisted = if force { tmp.persist(path) } else { tmp.persist_noclobber(path) };
    match persisted {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(refuse_overwrite(path, false).err().unwrap_or_else(|| cannot_write(path, e.error)))
        }
        Err(e) => Err(cannot_write(path, e.error)),
    }
}

/// The status line and headers, for `--include`: escaped, secrets hidden.
fn head_text(answer: &RawAnswer, hidden: &[&str]) -> String {
    let reason = reqwest::StatusCode::from_u16(answer.status).ok().and_then(|s| s.canonical_reason());
    let mut text =
        format!("{} {}{}\n", answer.version, answer.status, reason.map(|r| format!(" {r}")).unwrap_or_default());
    for (name, value) in &answer.headers {
        text.push_str(&format!("{}: {}\n", escape_control(name), escape_control(&hide(value, hidden))));
    }
    text.push('\n');
    text
}

/// `text` with each of `hidden` (the token, the AppSecret) replaced by `***`.
fn hide(text: &str, hidden: &[&str]) -> String {
    hidden.iter().filter(|h| !h.is_empty()).fold(text.to_owned(), |t, h| t.replace(h, "***"))
}

/// Every string (and key) of `value` with the secrets hidden.
fn hide_in_value(value: Value, hidden: &[&str]) -> Value {
    match value {
        Value::String(s) => Value::String(hide(&s, hidden)),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| hide_in_value(v, hidden)).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (hide(&k, hidden), hide_in_value(v, hidden))).collect())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn targets_resolve_below_the_base() {
        let base = "https://api.weixin.qq.com";
        let ok = |t: &str| resolve_target(base, t).unwrap();
        assert_eq!(ok("/cgi-bin/user/info"), ("/cgi-bin/user/info".to_owned(), vec![]));
        assert_eq!(
            ok("cgi-bin/user/info?openid=o&lang=zh_CN"),
            ("/cgi-bin/user/info".to_owned(), pairs(&[("openid", "o"), ("lang", "zh_CN")]))
        );
        assert_eq!(
            ok("https://api.weixin.qq.com/cgi-bin/x?t=a+b%2B%E4%B8%AD"),
            ("/cgi-bin/x".to_owned(), pairs(&[("t", "a+b+中")]))
        );
        assert_eq!(ok("HTTPS://API.WEIXIN.QQ.COM:443/cgi-bin/x").0, "/cgi-bin/x");
        assert_eq!(ok("//evil.example/x").0, "//evil.example/x", "a path, on the base's host");
        let proxied = |t: &str| resolve_target("http://10.0.0.2:8080/wx/", t);
        assert_eq!(proxied("/cgi-bin/x").unwrap().0, "/cgi-bin/x");
        assert_eq!(proxied("http://10.0.0.2:8080/wx/cgi-bin/x").unwrap().0, "/cgi-bin/x");
        for refused in [
            "https://api.weixin.qq.com.evil.example/cgi-bin/x",
            "http://api.weixin.qq.com/cgi-bin/x",
            "https://api.weixin.qq.com:8443/cgi-bin/x",
            "https://u:p@api.weixin.qq.com/cgi-bin/x",
            "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=T",
        ] {
            let err = resolve_target(base, refused).unwrap_err();
            assert_eq!(err.kind, ErrorKind::Usage, "{refused}");
            assert!(err.message.contains("is not on the API base") && !err.message.contains('?'), "{}", err.message);
        }
        for refused in ["/../cgi-bin/x", "http://10.0.0.2:8080/other/x", "http://10.0.0.2:8080/wxx/cgi-bin"] {
            assert!(proxied(refused).unwrap_err().message.contains("is not on the API base"), "{refused}");
        }
        assert!(resolve_target(base, "").unwrap_err().message.contains("empty"));
        assert!(resolve_target(base, "/x#frag").unwrap_err().message.contains("#fragment"));
    }

    #[test]
    fn methods_default_by_body_and_must_agree() {
        use reqwest::Method;
        assert_eq!(resolve_method(None, None, false).unwrap(), Method::GET);
        assert_eq!(resolve_method(None, None, true).unwrap(), Method::POST);
        assert_eq!(resolve_method(Some("post"), None, false).unwrap(), Method::POST);
        assert_eq!(resolve_method(None, Some("Delete"), true).unwrap(), Method::DELETE);
        assert_eq!(resolve_method(Some("PUT"), Some("put"), true).unwrap(), Method::PUT);
        assert!(resolve_method(Some("POST"), Some("GET"), false).unwrap_err().message.contains("two methods"));
        assert!(resolve_method(Some("GET"), None, true).unwrap_err().message.contains("a GET request with a body"));
        assert!(resolve_method(None, Some("HEAD"), true).is_err());
        for bad in ["/cgi-bin", "P0ST", "", "GET POST"] {
            assert!(resolve_method(Some(bad), None, false).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn query_arguments_need_a_key() {
        let args = ["a=1".to_owned(), "b=".to_owned(), "c=x=y".to_owned()];
        assert_eq!(parse_query(&args).unwrap(), pairs(&[("a", "1"), ("b", ""), ("c", "x=y")]));
        assert!(parse_query(&["=v".to_owned()]).is_err());
        assert!(parse_query(&["k".to_owned()]).is_err());
    }

    #[test]
    fn json_is_checked_with_its_position() {
        assert!(check_json(" {\"a\": [1, \"中\"]}\n").is_ok());
        assert_eq!(check_json("{\"a\" 1}").unwrap_err(), "expected `:` at line 1 column 6");
        assert_eq!(check_json("").unwrap_err(), "EOF while parsing a value at line 1 column 0");
        assert!(check_json("{} {}").unwrap_err().contains("trailing characters"));
    }

    fn answer(status: u16, content_type: Option<&str>, body: &[u8]) -> RawAnswer {
        let headers = content_type.map(|t| vec![("content-type".to_owned(), t.to_owned())]).unwrap_or_default();
        RawAnswer { status, version: "HTTP/1.1".to_owned(), headers, body: body.to_vec() }
    }

    #[test]
    fn answers_are_judged() {
        let judged = |a: &RawAnswer| judge("http://x/cgi-bin/y", a);
        let json = answer(200, Some("application/json"), br#"{"errcode":0,"a":1}"#);
        assert_eq!(judged(&json).unwrap(), Body::Json(serde_json::json!({"errcode":0,"a":1})));
        let untyped = answer(200, None, br#"{"b":2}"#);
        assert_eq!(judged(&untyped).unwrap(), Body::Json(serde_json::json!({"b":2})));
        let error = answer(200, Some("text/plain"), br#"{"errcode":40003,"errmsg":"invalid openid"}"#);
        assert_eq!(judged(&error).unwrap_err().errcode(), Some(40003));
        let error_with_status = answer(500, Some("application/json"), br#"{"errcode":-1,"errmsg":"system error"}"#);
        let refused = judged(&error_with_status).unwrap_err();
        assert_eq!(refused.errcode(), None);
        assert!(refused.to_string().contains("answered HTTP 500"), "{refused}");
        assert_eq!(judged(&answer(200, Some("text/html"), b"<p>hi</p>")).unwrap(), Body::Text("<p>hi</p>".to_owned()));
        assert_eq!(judged(&answer(200, Some("image/jpeg"), b"{}")).unwrap(), Body::Binary, "the type decides");
        assert_eq!(judged(&answer(200, None, b"\xff\xd8\xff")).unwrap(), Body::Binary);
        let missing = judged(&answer(404, Some("image/png"), b"\x89PNG")).unwrap_err();
        assert_eq!(missing.to_string(), "http://x/cgi-bin/y answered HTTP 404");
        let page = judged(&answer(502, Some("text/html"), b"bad gateway")).unwrap_err();
        assert_eq!(page.to_string(), "http://x/cgi-bin/y answered HTTP 502: \"bad gateway\"");
    }

    #[test]
    fn files_are_refused_on_a_terminal_and_as_json() {
        let file = answer(200, Some("image/jpeg"), b"\xff\xd8\xffdata");
        let plan = |output: Option<&Path>, json, terminal| plan_output(&Body::Binary, output, json, terminal, &file);
        let refused = plan(None, false, true).unwrap_err();
        assert_eq!(refused.kind, ErrorKind::Usage);
        assert_eq!(refused.message, "the answer is a file (image/jpeg, 7 bytes); not printing it on a terminal");
        assert!(refused.hint.unwrap().contains("-o FILE"));
        assert_eq!(plan(None, true, false).unwrap_err().kind, ErrorKind::Usage);
        assert_eq!(plan(None, false, false).unwrap(), Shape::Raw);
        assert_eq!(plan(Some(Path::new("a.jpg")), true, true).unwrap(), Shape::File(PathBuf::from("a.jpg")));
    }

    #[test]
    fn json_is_pretty_on_a_terminal_and_compact_otherwise() {
        let json = answer(200, Some("application/json"), b"{}");
        let body = Body::Json(serde_json::json!({}));
        let plan = |json_flag, terminal| plan_output(&body, None, json_flag, terminal, &json).unwrap();
        assert!(matches!(plan(false, true), Shape::Json(Style { pretty: true, .. })));
        assert!(matches!(plan(false, false), Shape::Json(Style { pretty: false, .. })));
        assert_eq!(plan(true, true), Shape::Json(Style { pretty: false, color: false }));
        let text = Body::Text("hi".to_owned());
        assert_eq!(plan_output(&text, None, false, true, &json).unwrap(), Shape::Text { terminal: true });
        assert_eq!(plan_output(&text, None, true, false, &json).unwrap_err().kind, ErrorKind::Failed);
    }

    #[test]
    fn secrets_are_hidden_everywhere_in_text() {
        let hidden = ["TOK", "SEC", ""];
        assert_eq!(hide("a TOK b SEC c", &hidden), "a *** b *** c");
        let value = serde_json::json!({"TOK": ["x TOK", {"k": "SEC"}], "n": 1});
        assert_eq!(hide_in_value(value, &hidden), serde_json::json!({"***": ["x ***", {"k": "***"}], "n": 1}));
        let mut head = answer(200, Some("text/plain"), b"");
        head.headers.push(("location".to_owned(), "/x?access_token=TOK\r\nInjected: 1".to_owned()));
        assert_eq!(
            head_text(&head, &hidden),
            "HTTP/1.1 200 OK\ncontent-type: text/plain\nlocation: /x?access_token=***\\r\\nInjected: 1\n\n"
        );
    }
}
