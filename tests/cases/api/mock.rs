//! `wxdev mock-api`: tokens, uploads with WeChat's checks and errcodes,
//! queued failures, expiry, storage, logs.

use super::*;
use crate::support::http::{post, request};
use crate::support::wxdev;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

fn raw_token(api: &Served) -> String {
    let url = format!("{}/cgi-bin/token?grant_type=client_credential&appid={APPID}&secret={SECRET}", api.url);
    let answer = request("GET", &url, &[], b"").json();
    answer["access_token"].as_str().unwrap_or_else(|| panic!("no token: {answer}")).to_owned()
}

/// Uploads a hand-made multipart body; returns WeChat's JSON answer.
fn raw_upload(api: &Served, query: &str, content_type: &str, body: &[u8]) -> Value {
    let url = format!("{}/cgi-bin/media/upload?{query}", api.url);
    let answer = request("POST", &url, &[("Content-Type", content_type)], body);
    assert_eq!(answer.status, 200, "WeChat answers errors with HTTP 200");
    answer.json()
}

/// A one-part form: (content type, body).
fn form(disposition: &str, part_type: Option<&str>, data: &[u8]) -> (String, Vec<u8>) {
    let mut body = format!("--XbOuNdArY\r\nContent-Disposition: form-data; {disposition}\r\n").into_bytes();
    if let Some(t) = part_type {
        body.extend(format!("Content-Type: {t}\r\n").bytes());
    }
    body.extend(b"\r\n");
    body.extend(data);
    body.extend(b"\r\n--XbOuNdArY--\r\n");
    ("multipart/form-data; boundary=XbOuNdArY".to_owned(), body)
}

fn errcode(answer: &Value) -> i64 {
    answer["errcode"].as_i64().unwrap_or(0)
}

/// Neither the mock's log nor its notices ever show the secret.
fn assert_mock_clean(api: &Served) {
    assert_no_secret(&api.lines().join("\n"), &api.errors().join("\n"));
}

/// GET / : the endpoints and what the mock remembers.
fn index(api: &Served) -> String {
    request("GET", &format!("{}/", api.url), &[], b"").text()
}

/// One answer read off a raw connection: status, head (lower-cased), body.
struct RawAnswer {
    status: u16,
    head: String,
    body: String,
}

fn connect(api: &Served) -> TcpStream {
    let addr = api.url.trim_start_matches("http://");
    let stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    stream
}

/// Reads exactly one answer (its head, then Content-Length bytes), without waiting for the connection to close.
fn read_answer(stream: &mut TcpStream) -> RawAnswer {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        let n =
            stream.read(&mut byte).unwrap_or_else(|e| panic!("no answer ({e}): {}", String::from_utf8_lossy(&head)));
        assert_eq!(n, 1, "closed before an answer: {}", String::from_utf8_lossy(&head));
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).to_lowercase();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let len = head.lines().find_map(|l| l.strip_prefix("content-length:")).map_or(0, |v| v.trim().parse().unwrap());
    let mut body = vec![0u8; len];
    stream.read_exact(&mut body).unwrap();
    RawAnswer { status, head, body: String::from_utf8_lossy(&body).into_owned() }
}

/// Sends raw bytes (a request as written) and reads the answer.
fn raw(api: &Served, request: &[u8]) -> RawAnswer {
    let mut stream = connect(api);
    stream.write_all(request).unwrap();
    read_answer(&mut stream)
}

fn port(api: &Served) -> &str {
    api.url.rsplit(':').next().unwrap()
}

#[test]
fn issues_tokens_checks_credentials_and_logs_each_call_without_secrets() {
    let api = mock(&[]);
    assert!(api.lines()[0].contains("listening on http://127.0.0.1:"), "{:?}", api.lines());
    let cache = tempfile::tempdir().unwrap();
    let r = run(wx(&api.url).env("WXDEV_CACHE_DIR", cache.path()).args(["token", "--json"]));
    r.assert_code(0);
    let token = r.json()["access_token"].as_str().unwrap().to_owned();
    assert!(token.len() >= 64, "a realistic token: {token}");
    assert_eq!(r.json()["expires_in"], 7200);
    run(wx(&api.url).env("WXDEV_SECRET", "wrong-secret").args(["token", "--no-cache"]))
        .assert_code(1)
        .assert_clean_error("errcode 40125");
    run(wx(&api.url).env("WXDEV_APPID", "wx0000000000000000").args(["token", "--no-cache"]))
        .assert_code(1)
        .assert_clean_error("errcode 40013");
    let base = format!("{}/cgi-bin/token", api.url);
    let get = |query: &str| errcode(&request("GET", &format!("{base}?{query}"), &[], b"").json());
    assert_eq!(get(&format!("appid={APPID}&secret={SECRET}")), 40002);
    assert_eq!(get("grant_type=client_credential"), 41002);
    assert_eq!(get(&format!("grant_type=client_credential&appid={APPID}")), 41004);
    assert_eq!(errcode(&post(&format!("{base}?grant_type=client_credential"), "").json()), 43001);
    let line = api.wait_for_line(|l| l.contains("40125"));
    assert!(line.contains("/cgi-bin/token") && line.contains(APPID), "{line}");
    api.wait_for_line(|l| l.contains("43001"));
    assert!(!api.lines().iter().any(|l| l.contains(&token)), "tokens are logged by their first characters only");
    assert_mock_clean(&api);
}

#[test]
fn json_mode_prints_one_object_per_line() {
    let api = mock(&["--json"]);
    let first: Value = serde_json::from_str(&api.lines()[0]).unwrap();
    assert_eq!(first["event"], "listening");
    assert_eq!(first["url"], api.url.as_str());
    assert_eq!(first["appids"], serde_json::json!([APPID]));
    run(wx(&api.url).args(["token", "--no-cache"])).assert_code(0);
    let line = api.wait_for_line(|l| l.contains("/cgi-bin/token"));
    let entry: Value = serde_json::from_str(&line).unwrap();
    assert_eq!((entry["method"].as_str(), entry["errcode"].as_i64()), (Some("GET"), Some(0)));
    assert_eq!(entry["appid"], APPID);
    assert_mock_clean(&api);
}

#[test]
fn fail_next_answers_the_next_call_with_an_errcode() {
    let api = mock(&["--fail-next", "45009", "--fail-next", "40001@media/upload"]);
    let cache = tempfile::tempdir().unwrap();
    let w = || wx(&api.url).env("WXDEV_CACHE_DIR", cache.path());
    let r = run(w().arg("token"));
    r.assert_code(1).assert_clean_error("errcode 45009");
    assert!(r.stderr.contains("clear_quota") && r.stderr.contains("2000"), "{}", r.stderr);
    // The token call now succeeds; the upload meets the queued 40001, gets a new token, retries.
    let r = run(w().file("a.jpg", sample(JPEG)).args(["media", "upload", "a.jpg"]));
    r.assert_code(0);
    assert!(r.stderr.contains("40001"), "{}", r.stderr);
    api.wait_for_line(|l| l.contains("/cgi-bin/media/upload") && l.contains("stored"));
    let calls: Vec<_> = api.lines().into_iter().filter(|l| l.contains("/cgi-bin/")).collect();
    assert_eq!(calls.len(), 5, "token(45009), token, upload(40001), token, upload: {calls:#?}");
    assert!(calls[0].contains("45009") && calls[0].contains("queued failure"));
    assert!(calls[2].contains("40001"));
    assert_mock_clean(&api);
}

#[test]
fn admin_route_queues_failures_with_path_times_and_errmsg() {
    let api = mock(&[]);
    let answer = post(&format!("{}/mock/fail-next?errcode=40164", api.url), "").json();
    assert_eq!(answer, serde_json::json!({"ok": true, "queued": 1}));
    let r = run(wx(&api.url).args(["token", "--no-cache"]));
    r.assert_code(1).assert_clean_error("errcode 40164");
    assert!(r.stderr.contains("203.0.113.7") && r.stderr.contains("IP白名单"), "{}", r.stderr);
    let body = r#"{"errcode":-1,"errmsg":"busy now","path":"/cgi-bin/stable_token","times":2}"#;
    assert_eq!(post(&format!("{}/mock/fail-next", api.url), body).json()["queued"], 1);
    run(wx(&api.url).args(["token", "--no-cache"])).assert_code(0);
    for _ in 0..2 {
        let r = run(wx(&api.url).args(["token", "--no-cache", "--stable"]));
        r.assert_code(1).assert_clean_error("errcode -1 (busy now");
    }
    run(wx(&api.url).args(["token", "--no-cache", "--stable"])).assert_code(0);
    let bad = post(&format!("{}/mock/fail-next", api.url), r#"{"errcode":0}"#);
    assert_eq!(bad.status, 400);
    let bad = post(&format!("{}/mock/fail-next?errcode=1&path=/cgi-bin/shorturl", api.url), "");
    assert!(bad.status == 400 && bad.text().contains("not one of the mocked APIs"), "{}", bad.text());
}

#[test]
fn expired_tokens_answer_42001_and_uploads_recover() {
    let api = mock(&[]);
    let cache = tempfile::tempdir().unwrap();
    let w = || wx(&api.url).env("WXDEV_CACHE_DIR", cache.path());
    let token = line(&run(w().arg("token")));
    assert_eq!(post(&format!("{}/mock/expire-tokens", api.url), "").json()["expired"], 1);
    let r = run(wxdev().env("WXDEV_API_BASE", &api.url).file("a.png", sample(PNG)).args([
        "media",
        "upload",
        "a.png",
        "--access-token",
        &token,
    ]));
    r.assert_code(1).assert_clean_error("errcode 42001");
    assert!(r.stderr.contains("expired"), "{}", r.stderr);
    // With credentials, the cached (expired) token is replaced and the upload retried.
    let r = run(w().file("a.png", sample(PNG)).args(["media", "upload", "a.png"]));
    r.assert_code(0);
    assert!(r.stderr.contains("42001"), "{}", r.stderr);
    assert_ne!(read_json(&cache_file(cache.path()))["access_token"], token.as_str());
}

#[test]
fn token_ttl_sets_expiry_and_expired_tokens_are_forgotten_after_as_long_again() {
    let api = mock(&["--token-ttl", "1"]);
    let r = run(wx(&api.url).args(["token", "--json", "--no-cache"]));
    let issued = std::time::Instant::now();
    assert_eq!(r.json()["expires_in"], 1);
    let token = r.json()["access_token"].as_str().unwrap().to_owned();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (content_type, body) = form("name=\"media\"; filename=\"a.jpg\"", Some("image/jpeg"), &sample(JPEG));
    let upload =
        |token: &str| errcode(&raw_upload(&api, &format!("access_token={token}&type=image"), &content_type, &body));
    assert_eq!(upload(&token), 42001, "expired");
    assert!(index(&api).contains("; 1 tokens remembered"), "{}", index(&api));
    // Remembered for as long again as it lived (1 s), then unknown, as WeChat answers a token it never issued.
    std::thread::sleep(std::time::Duration::from_millis(2300).saturating_sub(issued.elapsed()));
    assert_eq!(upload(&token), 40001, "forgotten");
    assert!(index(&api).contains("; 0 tokens remembered"), "evicted from memory: {}", index(&api));
    let line = api.wait_for_line(|l| l.contains("40001"));
    assert!(line.contains("unknown token"), "{line}");
}

#[test]
fn stable_token_is_stable_until_force_refresh_and_independent_of_token() {
    let api = mock(&[]);
    let stable = |extra: &[&str]| line(&run(wx(&api.url).args(["token", "--stable", "--no-cache"]).args(extra)));
    let first = stable(&[]);
    assert_eq!(stable(&[]), first, "the same token while it is valid");
    let forced = stable(&["--force-refresh"]);
    assert_ne!(forced, first);
    let plain = raw_token(&api);
    let newer = raw_token(&api);
    assert_ne!(plain, newer);
    let (content_type, body) = form("name=\"media\"; filename=\"a.jpg\"", Some("image/jpeg"), &sample(JPEG));
    for token in [&first, &forced, &plain, &newer] {
        let answer = raw_upload(&api, &format!("access_token={token}&type=image"), &content_type, &body);
        assert_eq!(errcode(&answer), 0, "replaced tokens stay valid for 5 minutes: {answer}");
    }
    let bad =
        request("POST", &format!("{}/cgi-bin/stable_token", api.url), &[], br#"{"grant_type":"client_credential","#);
    assert_eq!(errcode(&bad.json()), 47001);
}

#[test]
fn uploads_are_checked_as_wechat_checks_them() {
    let api = mock(&[]);
    let token = raw_token(&api);
    let image = format!("access_token={token}&type=image");
    let jpeg = sample(JPEG);
    let check = |query: &str, disposition: &str, part_type: Option<&str>, data: &[u8], expected: i64| {
        let (content_type, body) = form(disposition, part_type, data);
        let answer = raw_upload(&api, query, &content_type, &body);
        assert_eq!(errcode(&answer), expected, "{disposition} {query}: {answer}");
        answer
    };
    let ok = check(&image, "name=\"media\"; filename=\"a.jpg\"", Some("image/jpeg"), &jpeg, 0);
    assert_eq!(ok["type"], "image");
    assert!(ok["media_id"].as_str().unwrap().len() >= 32 && ok["created_at"].is_i64());
    check(&image, "name=\"file\"; filename=\"a.jpg\"", Some("image/jpeg"), &jpeg, 41005);
    check(&image, "name=\"media\"; filename*=utf-8''%E5%9B%BE.jpg", Some("image/jpeg"), &jpeg, 41005);
    check(&image, "name=\"media\"", Some("image/jpeg"), &jpeg, 40005);
    check(&image, "name=\"media\"; filename=\"photo\"", Some("image/jpeg"), &jpeg, 40005);
    check(&image, "name=\"media\"; filename=\"a.mp3\"", Some("audio/mpeg"), &sample(MP3), 40005);
    check(&format!("access_token={token}&type=voice"), "name=\"media\"; filename=\"a.mp3\"", None, &sample(PNG), 40005);
    check(&image, "name=\"media\"; filename=\"a.jpg\"", Some("image/jpeg"), b"", 44001);
    check(&format!("access_token={token}&type=music"), "name=\"media\"; filename=\"a.jpg\"", None, &jpeg, 40004);
    check(&format!("access_token={token}"), "name=\"media\"; filename=\"a.jpg\"", None, &jpeg, 40004);
    let mut thumb = JPEG.to_vec();
    thumb.resize(64 * 1024 + 1, 0);
    let thumb_query = format!("access_token={token}&type=thumb");
    check(&thumb_query, "name=\"media\"; filename=\"t.jpg\"", None, &thumb, 40012);
    thumb.truncate(64 * 1024);
    let ok = check(&thumb_query, "name=\"media\"; filename=\"t.jpg\"", None, &thumb, 0);
    assert!(ok["thumb_media_id"].is_string() && ok.get("media_id").is_none(), "{ok}");
    let mut voice = AMR.to_vec();
    voice.resize(2 * 1024 * 1024 + 1, 0);
    check(&format!("access_token={token}&type=voice"), "name=\"media\"; filename=\"v.amr\"", None, &voice, 40010);
    let (_, body) = form("name=\"media\"; filename=\"a.jpg\"", None, &jpeg);
    assert_eq!(errcode(&raw_upload(&api, &image, "multipart/form-data", &body)), 44001, "no boundary");
    assert_eq!(errcode(&raw_upload(&api, &image, "application/octet-stream", &jpeg)), 41005);
    let (content_type, body) = form("name=\"media\"; filename=\"a.jpg\"", None, &jpeg);
    assert_eq!(errcode(&raw_upload(&api, "type=image", &content_type, &body)), 41001);
    assert_eq!(errcode(&raw_upload(&api, "access_token=short&type=image", &content_type, &body)), 40014);
    let unknown = format!("access_token={}&type=image", "A".repeat(128));
    assert_eq!(errcode(&raw_upload(&api, &unknown, &content_type, &body)), 40001);
    let answer = request("GET", &format!("{}/cgi-bin/media/get?access_token={token}&media_id=nope", api.url), &[], b"");
    assert_eq!(errcode(&answer.json()), 40007);
    assert_mock_clean(&api);
}

#[test]
fn data_dir_keeps_media_across_restarts() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let bytes = sample(GIF);
    let id = {
        let api = mock(&["--data-dir", dir]);
        line(&run(wx(&api.url).file("a.gif", &bytes).args(["media", "upload", "a.gif", "--no-cache"])))
    };
    let api = mock(&["--data-dir", dir]);
    let r = run(wx(&api.url).args(["media", "get", &id, "-o", "back.gif", "--no-cache"]));
    r.assert_code(0);
    assert_eq!(std::fs::read(r.dir.path().join("back.gif")).unwrap(), bytes);
}

#[test]
fn several_apps_and_bad_setups() {
    let api = Served::start(&["mock-api", "--app", "wxaaaa:secret-a", "--app", "wxbbbb:secret-b"]);
    for (appid, secret) in [("wxaaaa", "secret-a"), ("wxbbbb", "secret-b")] {
        let r = wxdev()
            .env("WXDEV_API_BASE", &api.url)
            .args(["token", "--no-cache", "--appid", appid, "--secret", secret])
            .run();
        r.assert_code(0);
    }
    wxdev().args(["mock-api", "--port", "0"]).run().assert_usage_error("at least one AppID");
    wxdev().args(["mock-api", "--port", "0", "--app", "nosecret"]).run().assert_usage_error("APPID:SECRET");
    wxdev().args(["mock-api", "--port", "0", "--appid", "wx1"]).run().assert_usage_error("without --secret");
    let r = wxdev().args(["mock-api", "--port", "0", "--app", "a:b", "--fail-next", "x@token"]).run();
    r.assert_usage_error("--fail-next");
    wxdev().args(["mock-api", "--port", "0", "--app", "a:b", "--token-ttl", "0"]).run().assert_code(2);
}

#[test]
fn log_lines_escape_what_requests_send_one_line_per_request() {
    let api = mock(&[]);
    let token = raw_token(&api);
    api.wait_for_line(|l| l.contains("token: issued"));
    let sent_before = api.lines().len();
    let get = |target: &str| request("GET", &format!("{}{target}", api.url), &[], b"");
    // The AppID, a media id, a path, with a newline and an escape sequence (percent-encoded, as a URL must be).
    get("/cgi-bin/token?grant_type=client_credential&appid=wx%0A12%3A00%3A00.000%20ok%1B%5B31m&secret=x");
    get(&format!("/cgi-bin/media/get?access_token={token}&media_id=i%0Ad%1B%5B2J%1B%5B31m"));
    get("/cgi-bin/%0A%1B%5B31m");
    // A file name, raw in the multipart head: stored, and named in the line.
    let name = "evil\n12:00:00.000 ok \u{1b}[31m\u{202e}gpj.jpg";
    let (content_type, body) = form(&format!("name=\"media\"; filename=\"{name}\""), None, &sample(JPEG));
    assert_eq!(errcode(&raw_upload(&api, &format!("access_token={token}&type=image"), &content_type, &body)), 0);
    // An errmsg given to fail-next, and the queued failure it answers.
    let queued = r#"{"errcode":45009,"errmsg":"busy\n\u001b[31m","path":"token"}"#;
    assert_eq!(post(&format!("{}/mock/fail-next", api.url), queued).status, 200);
    get("/cgi-bin/token");
    // A Host header (UTF-8 format characters travel raw in a header value).
    let foreign = raw(
        &api,
        "POST /mock/expire-tokens HTTP/1.1\r\nHost: evil\u{202e}.example\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n"
            .as_bytes(),
    );
    assert_eq!(foreign.status, 403);
    get("/");
    api.wait_for_line(|l| l.contains(" index "));
    let lines: Vec<String> = api.lines().split_off(sent_before);
    assert_eq!(lines.len(), 8, "one line per request: {lines:#?}");
    for line in &lines {
        assert!(!line.contains(['\x1b', '\r', '\u{202e}']), "raw control or format character: {line:?}");
    }
    let all = lines.join("\n");
    for shown in [
        "wx\\n12:00:00.000 ok\\u{1b}[31m",
        "i\\nd\\u{1b}[2J",
        "/cgi-bin/%0A%1B%5B31m",
        "evil\\n12:00:00.000 ok \\u{1b}[31m\\u{202e}gpj.jpg",
        "evil\\u{202e}.example",
    ] {
        assert!(all.contains(shown), "{shown} not in {all}");
    }
    assert_mock_clean(&api);
}

#[test]
fn media_in_memory_are_capped_and_the_oldest_evicted() {
    let api = mock(&["--max-media-bytes", "2000"]);
    let token = raw_token(&api);
    let upload = |data: &[u8]| {
        let (content_type, body) = form("name=\"media\"; filename=\"a.jpg\"", None, data);
        raw_upload(&api, &format!("access_token={token}&type=image"), &content_type, &body)
    };
    let get = |id: &str| {
        request("GET", &format!("{}/cgi-bin/media/get?access_token={token}&media_id={id}", api.url), &[], b"")
    };
    let jpeg = sample(JPEG); // 620 bytes: three fit in 2000
    let ids: Vec<String> = (0..4).map(|_| upload(&jpeg)["media_id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(errcode(&get(&ids[0]).json()), 40007, "the oldest was evicted to make room");
    for id in &ids[1..] {
        assert_eq!(get(id).body, jpeg);
    }
    api.wait_for_line(|l| l.contains("evicted 1 older media"));
    assert!(index(&api).contains("3 media in memory"), "{}", index(&api));
    let mut big = JPEG.to_vec();
    big.resize(2001, 0);
    assert_eq!(errcode(&upload(&big)), 45001, "larger than the whole store");
    assert_eq!(get(&ids[1]).body, jpeg, "a refused upload evicts nothing");
    wxdev()
        .args(["mock-api", "--port", "0", "--app", "a:b", "--max-media-bytes", "0"])
        .run()
        .assert_usage_error("--max-media-bytes");
    wxdev()
        .args(["mock-api", "--port", "0", "--app", "a:b", "--data-dir", ".", "--max-media-bytes", "9"])
        .run()
        .assert_usage_error("--data-dir");
}

#[test]
fn a_huge_declared_upload_is_answered_before_its_body_is_sent() {
    let api = mock(&[]);
    let token = raw_token(&api);
    let head = |token: &str, len: u64| {
        format!(
            "POST /cgi-bin/media/upload?access_token={token}&type=image HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Content-Type: multipart/form-data; boundary=XbOuNdArY\r\nContent-Length: {len}\r\n\r\n"
        )
    };
    // Headers only: the answer must come without the body, or this would wait forever.
    for (token, expected) in [("", 41001), ("short", 40014), (&*"A".repeat(128), 40001), (&*token, 45001)] {
        let started = std::time::Instant::now();
        let answer = raw(&api, head(token, 50_000_000).as_bytes());
        let body: Value = serde_json::from_str(&answer.body).unwrap();
        assert_eq!((answer.status, errcode(&body)), (200, expected), "{}", answer.body);
        assert!(started.elapsed() < Duration::from_secs(3));
        assert!(answer.head.contains("connection: close"), "a body that large is not waited for: {}", answer.head);
    }
    // Within the limit, an early answer still comes at once; the body the client then sends
    // is read and thrown away (no broken pipe), and the connection serves the next request.
    let mut stream = connect(&api);
    stream.write_all(head("short", 1_000_000).as_bytes()).unwrap();
    assert_eq!(errcode(&serde_json::from_str(&read_answer(&mut stream).body).unwrap()), 40014);
    stream.write_all(&vec![b'x'; 1_000_000]).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    assert!(read_answer(&mut stream).body.starts_with("wxdev mock-api"));
    // The same through wxdev's own client: an upload meeting a bad token gets its errcode, not a broken pipe.
    let bytes = {
        let mut b = JPEG.to_vec();
        b.resize(2 * 1024 * 1024, 7);
        b
    };
    let r = run(wxdev().env("WXDEV_API_BASE", &api.url).file("a.jpg", bytes).args([
        "media",
        "upload",
        "a.jpg",
        "--access-token",
        &"A".repeat(128),
    ]));
    r.assert_code(1).assert_clean_error("errcode 40001");
}

#[test]
fn answers_never_replay_request_text_or_internal_details() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("store");
    std::fs::create_dir(&dir).unwrap();
    let api = mock(&["--data-dir", dir.to_str().unwrap()]);
    let token = raw_token(&api);
    // An unknown path is named as received, percent-encoded, in JSON: no markup comes back.
    let answer = request("GET", &format!("{}/%3Cscript%3Ealert(1)%3C/script%3E", api.url), &[], b"");
    assert!(answer.status == 404 && !answer.text().contains('<'), "{}", answer.text());
    assert_eq!(answer.header("X-Content-Type-Options"), Some("nosniff"));
    // Media are served as what they are, never as the type the uploader claimed.
    let (content_type, body) = form("name=\"media\"; filename=\"a.jpg\"", Some("text/html"), &sample(JPEG));
    let id = raw_upload(&api, &format!("access_token={token}&type=image"), &content_type, &body)["media_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let got = request("GET", &format!("{}/cgi-bin/media/get?access_token={token}&media_id={id}", api.url), &[], b"");
    assert_eq!(
        (got.header("content-type"), got.header("x-content-type-options")),
        (Some("image/jpeg"), Some("nosniff"))
    );
    // Admin refusals name what is wrong, not what was sent.
    let bad = post(&format!("{}/mock/fail-next?errcode=%3Cb%3E", api.url), "");
    assert!(bad.status == 400 && !bad.text().contains("<b>"), "{}", bad.text());
    // A data-dir failure is logged; the client gets -1 "system error" and no path.
    std::fs::remove_dir_all(&dir).unwrap();
    let answer = raw_upload(&api, &format!("access_token={token}&type=image"), &content_type, &body);
    assert_eq!(errcode(&answer), -1);
    let errmsg = answer["errmsg"].as_str().unwrap();
    assert!(errmsg.starts_with("system error rid: ") && !errmsg.contains("store"), "{errmsg}");
    let got = request("GET", &format!("{}/cgi-bin/media/get?access_token={token}&media_id={id}", api.url), &[], b"");
    assert_eq!(errcode(&got.json()), 40007);
    let line = api.wait_for_line(|l| l.contains("cannot store"));
    assert!(line.starts_with(|c: char| c.is_ascii_digit()) && line.contains(" -1 "), "{line}");
}

#[test]
fn admin_routes_take_only_json_requests_to_the_mocks_own_address() {
    let api = mock(&[]);
    let port = port(&api);
    let admin = |host: &str, content_type: &str, target: &str, body: &str| {
        let request = format!(
            "POST {target} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        raw(&api, request.as_bytes())
    };
    let json = "application/json";
    // A browser form post (a CORS-simple type) is refused, whatever it carries.
    for (content_type, body) in [
        ("application/x-www-form-urlencoded", "errcode=45009"),
        ("text/plain", r#"{"errcode":45009}"#),
        ("multipart/form-data; boundary=x", "--x--"),
    ] {
        let refused = admin(&format!("127.0.0.1:{port}"), content_type, "/mock/fail-next?errcode=45009", body);
        assert_eq!(refused.status, 415, "{content_type}");
        assert!(refused.body.contains("application/json"), "{}", refused.body);
    }
    // A foreign Host (a DNS-rebinding page) is refused with the same fixed body every time.
    let mut bodies = Vec::new();
    for host in ["evil.example", &format!("evil.example:{port}"), "127.0.0.1:1", &format!("127.0.0.2:{port}")] {
        let refused = admin(host, json, "/mock/fail-next?errcode=45009", "");
        assert_eq!(refused.status, 403, "{host}");
        assert!(!refused.body.contains("evil"));
        bodies.push(refused.body);
    }
    let refused = admin(&format!("127.0.0.1:{port}"), json, "http://evil.example/mock/expire-tokens", "");
    assert_eq!(refused.status, 403, "an absolute target names the host too");
    bodies.dedup();
    assert_eq!(bodies.len(), 1, "{bodies:?}");
    // None of it queued anything.
    run(wx(&api.url).args(["token", "--no-cache"])).assert_code(0);
    // A proper one works, by IP or as localhost; GET is not a way around it.
    let ok =
        admin(&format!("localhost:{port}"), "application/json; charset=utf-8", "/mock/fail-next?errcode=45009", "");
    assert_eq!((ok.status, ok.body.as_str()), (200, r#"{"ok":true,"queued":1}"#));
    run(wx(&api.url).args(["token", "--no-cache"])).assert_code(1).assert_clean_error("errcode 45009");
    let ok = admin(&format!("127.0.0.1:{port}"), json, "/mock/expire-tokens", "");
    assert_eq!(ok.status, 200);
    let get = raw(&api, format!("GET /mock/expire-tokens HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes());
    assert_eq!(get.status, 405);
    let line = api.wait_for_line(|l| l.contains("evil.example") && l.contains("403"));
    assert!(line.contains("not the mock's own address"), "{line}");
}
