//! API servers that lie, flood, or try to plant things: size limits, token
//! lifetimes, the cache directory's permissions, escaped remote text, and
//! the names `media get` gives files.

use super::*;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

const MIB: usize = 1024 * 1024;

/// How a [`Wire`] answer's body is framed.
#[derive(Clone, Copy)]
enum Framing {
    /// `Content-Length: N` (whatever the body really is).
    Declared(usize),
    /// `Transfer-Encoding: chunked`, no length at all.
    Chunked,
    /// No length: the body ends when the connection closes.
    UntilClose,
}

/// An answer written byte for byte: what [`RawServer`] cannot send.
#[derive(Clone)]
struct Wire {
    headers: Vec<(&'static str, String)>,
    framing: Framing,
    /// The body's first bytes; zeros follow up to `len`.
    head: Vec<u8>,
    len: usize,
}

/// A loopback server answering each request (one per connection) with `answer(path)`.
fn wire_server(
    answer: impl Fn(&str) -> Wire + Send + Sync + 'static,
) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let answer = std::sync::Arc::new(answer);
    let recorded = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let (answer, recorded) = (answer.clone(), recorded.clone());
            std::thread::spawn(move || serve_wire(stream, &*answer, &recorded));
        }
    });
    (base, seen)
}

fn serve_wire(stream: TcpStream, answer: &dyn Fn(&str) -> Wire, recorded: &std::sync::Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let target = line.split_whitespace().nth(1).unwrap_or("").to_owned();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
            break;
        }
    }
    recorded.lock().unwrap().push(target.clone());
    let wire = answer(target.split('?').next().unwrap_or(""));
    let mut out = stream;
    let mut head = "HTTP/1.1 200 OK\r\nConnection: close\r\n".to_owned();
    for (k, v) in &wire.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    match wire.framing {
        Framing::Declared(n) => head.push_str(&format!("Content-Length: {n}\r\n")),
        Framing::Chunked => head.push_str("Transfer-Encoding: chunked\r\n"),
        Framing::UntilClose => {}
    }
    head.push_str("\r\n");
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    let mut body = wire.head.clone();
    body.resize(wire.len.max(wire.head.len()), 0);
    for piece in body.chunks(64 * 1024) {
        let written = match wire.framing {
            Framing::Chunked => out
                .write_all(format!("{:x}\r\n", piece.len()).as_bytes())
                .and_then(|_| out.write_all(piece))
                .and_then(|_| out.write_all(b"\r\n")),
            _ => out.write_all(piece),
        };
        if written.is_err() {
            return;
        }
    }
    if let Framing::Chunked = wire.framing {
        let _ = out.write_all(b"0\r\n\r\n");
    }
    let _ = out.flush();
}

fn json_wire(body: &str) -> Wire {
    Wire {
        headers: vec![("Content-Type", "application/json".to_owned())],
        framing: Framing::Declared(body.len()),
        head: body.as_bytes().to_vec(),
        len: body.len(),
    }
}

/// A JPEG of `len` bytes framed as `framing`.
fn jpeg_wire(framing: Framing, len: usize) -> Wire {
    Wire {
        headers: vec![
            ("Content-Type", "image/jpeg".to_owned()),
            ("Content-Disposition", "attachment; filename=\"big.jpg\"".to_owned()),
        ],
        framing,
        head: JPEG.to_vec(),
        len,
    }
}

/// The names in a directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The `*.json` files of a cache directory (the lock file may exist).
fn cache_entries(dir: &Path) -> Vec<String> {
    if !dir.exists() {
        return Vec::new();
    }
    listing(dir).into_iter().filter(|n| n.ends_with(".json")).collect()
}

#[test]
fn oversized_api_answers_are_refused_declared_or_streamed() {
    let (base, _) = wire_server(|_| {
        let mut wire = json_wire(r#"{"access_token":"T","expires_in":7200,"pad":""#);
        wire.len = 5 * MIB;
        wire.framing = Framing::Declared(5 * MIB);
        wire
    });
    let r = run(wx(&base).args(["token", "--no-cache"]));
    r.assert_code(1)
        .assert_clean_error("announced 5 MB (5242880 bytes), more than the 4 MB wxdev accepts for an API answer");
    assert!(r.stdout.is_empty());
    let (base, _) = wire_server(|_| Wire { framing: Framing::Chunked, len: 5 * MIB, ..json_wire(r#"{"a":""#) });
    let r = run(wx(&base).args(["token", "--no-cache"]));
    r.assert_code(1)
        .assert_clean_error("sent more than 4 MB (4194304 bytes), the most wxdev accepts for an API answer");
    let (base, _) = wire_server(|_| Wire { framing: Framing::UntilClose, len: 5 * MIB, ..json_wire(r#"{"a":""#) });
    run(wx(&base).args(["token", "--no-cache"])).assert_code(1).assert_clean_error("sent more than 4 MB");
}

#[test]
fn oversized_media_is_refused_and_nothing_is_left_on_disk() {
    let cases = [
        (
            Framing::Declared(13 * MIB),
            "announced 13 MB (13631488 bytes), more than the 12 MB wxdev accepts for a media file",
        ),
        (Framing::Chunked, "sent more than 12 MB (12582912 bytes), the most wxdev accepts for a media file"),
        (Framing::UntilClose, "sent more than 12 MB"),
    ];
    for (framing, needle) in cases {
        let (base, _) = wire_server(move |_| jpeg_wire(framing, 13 * MIB));
        for output in [None, Some("out.jpg"), Some("sub")] {
            let w = wx(&base).args(["media", "get", "MID", "--access-token", "T"]);
            let w = match output {
                Some(o) => w.args(["-o", o]),
                None => w,
            };
            std::fs::create_dir(w.path("sub")).unwrap();
            let r = run(w);
            r.assert_code(1).assert_clean_error(needle);
            assert!(r.stderr.contains("nothing was saved"), "{}", r.stderr);
            assert_eq!(listing(r.dir.path()), ["sub"], "{output:?}: no file, no temporary file");
            assert!(listing(&r.dir.path().join("sub")).is_empty(), "{output:?}");
        }
    }
    // The same limit for a video fetched from its video_url.
    let (video_base, _) = wire_server(|_| Wire {
        headers: vec![("Content-Type", "video/mp4".to_owned())],
        framing: Framing::Chunked,
        head: MP4.to_vec(),
        len: 13 * MIB,
    });
    let (api, _) = wire_server(move |_| json_wire(&format!(r#"{{"video_url":"{video_base}/v.mp4"}}"#)));
    let r = run(wx(&api).args(["media", "get", "VID", "--access-token", "T", "-o", "v.mp4"]));
    r.assert_code(1).assert_clean_error("sent more than 12 MB");
    assert!(listing(r.dir.path()).is_empty(), "{:?}", listing(r.dir.path()));
}

#[test]
fn token_lifetimes_that_cannot_be_right_are_errors_and_never_cached() {
    let server = RawServer::start(|req: &RawRequest| {
        let expires_in = req.param("appid").unwrap().trim_start_matches("wx_").to_owned();
        RawResponse::json(format!(r#"{{"access_token":"TOKEN_LIE","expires_in":{expires_in}}}"#))
    });
    let cases = [
        ("0", "expires_in 0, outside 1..=86400 seconds (WeChat's tokens live 7200 s)"),
        ("-5", "expires_in -5, outside 1..=86400 seconds"),
        ("1000000000000", "expires_in 1000000000000, outside 1..=86400 seconds"),
        ("86401", "expires_in 86401, outside"),
        (r#""soon""#, r#"expires_in "soon", which is not a whole number of seconds"#),
        ("7200.5", "expires_in 7200.5, which is not a whole number of seconds"),
    ];
    for (expires_in, needle) in cases {
        let cache = tempfile::tempdir().unwrap();
        let w = wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).env("WXDEV_APPID", format!("wx_{expires_in}"));
        let r = run(w.args(["token", "--json"]));
        r.assert_code(1).assert_clean_error(needle);
        assert!(!r.stdout.contains("TOKEN_LIE"), "{}", r.stdout);
        assert_eq!(r.json()["ok"], false);
        assert!(cache_entries(cache.path()).is_empty(), "{expires_in}: nothing cached");
    }
    let r = run(wx(&server.url("")).env("WXDEV_APPID", "wx_7200").args(["token", "--no-cache"]));
    r.assert_code(0);
    assert_eq!(r.stdout, "TOKEN_LIE\n");
}

#[test]
fn stable_token_lifetimes_are_checked_too() {
    let server = RawServer::start(|_req: &RawRequest| RawResponse::json(r#"{"access_token":"S","expires_in":-1}"#));
    let cache = tempfile::tempdir().unwrap();
    let r = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).args(["token", "--stable"]));
    r.assert_code(1).assert_clean_error("stable_token answered expires_in -1, outside 1..=86400 seconds");
    assert!(cache_entries(cache.path()).is_empty());
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn a_new_cache_directory_is_owner_only() {
    let server = token_server("TOKEN_D");
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("new").join("wxdev");
    let r = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", &dir).arg("token"));
    r.assert_code(0);
    assert_eq!(mode_of(&dir), 0o700);
    assert_eq!(mode_of(&cache_file(&dir)), 0o600);
    // The default location too.
    let w = wx(&server.url("")).arg("token");
    let dir = w.path("cache").join("wxdev");
    let r = run(w);
    r.assert_code(0);
    assert_eq!(mode_of(&dir), 0o700);
}

#[cfg(unix)]
#[test]
fn a_cache_directory_others_can_write_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let server = token_server("TOKEN_E");
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("shared");
    std::fs::create_dir(&dir).unwrap();
    for (mode, who) in
        [(0o777, "group and others"), (0o1777, "group and others"), (0o775, "its group"), (0o703, "others")]
    {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode)).unwrap();
        let r = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", &dir).arg("token"));
        r.assert_usage_error(&format!(
            "the token cache directory {} is writable by {who} (mode {mode:03o}); not using it",
            dir.display()
        ));
        assert!(r.stderr.contains(&format!("hint: chmod 700 {}", dir.display())), "{}", r.stderr);
        assert!(r.stderr.contains("--no-cache"), "{}", r.stderr);
        assert!(r.stdout.is_empty());
        assert_eq!(mode_of(&dir), mode, "left as it was");
        assert!(listing(&dir).is_empty(), "nothing written into it");
    }
    assert_eq!(server.hits(), 0, "refused before any request");
    // media commands refuse it the same way; --no-cache goes around it.
    let r = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", &dir).args(["media", "get", "MID"]));
    r.assert_usage_error("not using it");
    let r = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", &dir).args(["token", "--no-cache"]));
    r.assert_code(0);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    run(wx(&server.url("")).env("WXDEV_CACHE_DIR", &dir).arg("token")).assert_code(0);
    assert_eq!(cache_entries(&dir).len(), 1, "a directory only its owner writes is used");
}

/// An errmsg that would clear the screen, retitle the terminal and reverse text.
const NASTY: &str = "bad \u{1b}[2J\u{1b}]0;pwned\u{7} \u{202e}gpj.exe\u{2066} 不合法";

fn assert_no_raw_controls(text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || !wxdev::wechat::text::is_unsafe_char(c),
            "raw U+{:04X} reached the terminal:\n{text:?}",
            c as u32
        );
    }
}

#[test]
fn remote_text_in_errors_is_escaped_but_json_keeps_it() {
    let server = RawServer::start(|req: &RawRequest| match req.param("appid").as_deref() {
        Some("html") => RawResponse::new(502, format!("<h1>{NASTY}</h1>")),
        Some("nojson") => RawResponse::ok(NASTY).header("Content-Type", "text/plain"),
        _ => RawResponse::json(serde_json::json!({"errcode": 40125, "errmsg": NASTY}).to_string()),
    });
    let go = |appid: &str, extra: &[&str]| {
        run(wx(&server.url("")).env("WXDEV_APPID", appid).args(["token", "--no-cache"]).args(extra))
    };
    let r = go("wx1", &[]);
    r.assert_code(1)
        .assert_clean_error(r"errcode 40125 (bad \u{1b}[2J\u{1b}]0;pwned\u{7} \u{202e}gpj.exe\u{2066} 不合法)");
    assert_no_raw_controls(&r.stderr);
    let r = go("wx1", &["--json"]);
    assert_no_raw_controls(&r.stderr);
    assert_eq!(r.json()["errmsg"], NASTY, "--json carries the errmsg as sent");
    for appid in ["html", "nojson"] {
        let r = go(appid, &[]);
        r.assert_code(1);
        assert_no_raw_controls(&r.stderr);
        assert!(r.stderr.contains("不合法"), "{}", r.stderr);
    }
    // A retry warning carries WeChat's errmsg too.
    let upload = RawServer::start(|req: &RawRequest| {
        if req.path() == "/cgi-bin/token" {
            RawResponse::json(r#"{"access_token":"T1","expires_in":7200}"#)
        } else {
            RawResponse::json(serde_json::json!({"errcode": 40001, "errmsg": NASTY}).to_string())
        }
    });
    let r = run(wx(&upload.url("")).file("a.jpg", sample(JPEG)).args(["media", "upload", "a.jpg", "--no-cache"]));
    r.assert_code(1);
    assert!(r.stderr.contains("trying once more"), "{}", r.stderr);
    assert_no_raw_controls(&r.stderr);
    // A media_id is printed escaped; --json carries it as sent.
    let odd_id = "M\u{1b}[2J\u{202e}X";
    let odd = RawServer::start(move |req: &RawRequest| {
        if req.path() == "/cgi-bin/token" {
            RawResponse::json(r#"{"access_token":"T1","expires_in":7200}"#)
        } else {
            RawResponse::json(serde_json::json!({"type": "image", "media_id": odd_id, "created_at": 1}).to_string())
        }
    });
    let upload = |extra: &[&str]| {
        run(wx(&odd.url("")).file("a.jpg", sample(JPEG)).args(["media", "upload", "a.jpg", "--no-cache"]).args(extra))
    };
    let r = upload(&[]);
    r.assert_code(0);
    assert_eq!(r.stdout, "M\\u{1b}[2J\\u{202e}X\n");
    assert_eq!(upload(&["--json"]).json()["media_id"], odd_id);
}

/// (Content-Disposition, content type, body, the name the file must get).
type Named = (&'static str, &'static str, Vec<u8>, &'static str);

fn hostile_names() -> Vec<Named> {
    let jpeg = sample(JPEG);
    let text = b"appid = \"wx0000000000000000\"\napi_base = \"http://attacker.example\"\n".to_vec();
    vec![
        ("attachment; filename=\"wxdev.toml\"", "image/jpeg", jpeg.clone(), "wxdev.jpg"),
        ("attachment; filename=\"wxdev.toml\"", "text/plain", text.clone(), "wxdev.bin"),
        ("attachment; filename*=UTF-8''..%2F..%2F.wxdev.toml", "image/jpeg", jpeg.clone(), "wxdev.jpg"),
        ("attachment; filename=\".bashrc\"", "image/jpeg", jpeg.clone(), "bashrc.jpg"),
        ("attachment; filename=\"../../x\"", "image/jpeg", jpeg.clone(), "x.jpg"),
        ("attachment; filename=\"..\\\\..\\\\y.jpg\"", "image/jpeg", jpeg.clone(), "y.jpg"),
        ("attachment; filename=\"CON.txt\"", "image/jpeg", jpeg.clone(), "_CON.jpg"),
        ("attachment; filename=\"lpt1\"", "image/jpeg", jpeg.clone(), "_lpt1.jpg"),
        ("attachment; filename=\"C:evil.exe\"", "image/jpeg", jpeg.clone(), "evil.jpg"),
        ("attachment; filename=\"a.jpg:stream\"", "image/jpeg", jpeg.clone(), "a.jpg"),
        ("attachment; filename=\"invoice\u{202E}gpj.exe\"", "image/jpeg", jpeg.clone(), "invoice_gpj.jpg"),
        ("attachment; filename*=UTF-8''invoice%E2%80%AEgpj.exe", "image/png", sample(PNG), "invoice_gpj.png"),
        ("attachment; filename*=UTF-8''%1B%5B31mred.jpg", "image/jpeg", jpeg.clone(), "_[31mred.jpg"),
        ("attachment; filename=\"photo.exe\"", "image/jpeg", jpeg.clone(), "photo.jpg"),
        ("attachment; filename=\"cover.png\"", "image/png", jpeg.clone(), "cover.jpg"),
        ("attachment; filename=\"Makefile\"", "text/plain", text, "Makefile.bin"),
        ("attachment; filename*=UTF-8''a+b%26c%20d.mp3", "audio/mpeg", sample(MP3), "a+b&c d.mp3"),
        ("attachment; filename*=UTF-8''%E4%BC%9A%E8%AE%AE.amr", "audio/amr", sample(AMR), "会议.amr"),
        ("attachment; filename=\"...\"", "image/gif", sample(GIF), "MID_18.gif"),
    ]
}

/// A RawServer answering `media/get?media_id=MID_N` with the Nth of `cases`.
fn named_media_server(cases: Vec<Named>) -> RawServer {
    RawServer::start(move |req: &RawRequest| {
        let id = req.param("media_id").unwrap();
        let n: usize = id.trim_start_matches("MID_").parse().unwrap();
        let (disposition, content_type, body, _) = &cases[n];
        RawResponse::ok(body.clone()).header("Content-Type", content_type).header("Content-Disposition", disposition)
    })
}

#[test]
fn server_chosen_names_are_made_safe_and_nothing_else_appears() {
    let cases = hostile_names();
    let server = named_media_server(cases.clone());
    for (n, (disposition, _, body, expected)) in cases.iter().enumerate() {
        let r = run(wx(&server.url("")).args(["media", "get", &format!("MID_{n}"), "--access-token", "T"]));
        r.assert_code(0);
        assert_eq!(line(&r), *expected, "{disposition:?}");
        assert_eq!(listing(r.dir.path()), [*expected], "{disposition:?}: exactly one new file");
        assert_eq!(&std::fs::read(r.dir.path().join(expected)).unwrap(), body, "{disposition:?}");
        assert_no_raw_controls(&r.stdout);
        assert_no_raw_controls(&r.stderr);
    }
}

#[test]
fn a_directory_keeps_hostile_names_inside_and_an_explicit_path_is_used_as_given() {
    let server = named_media_server(hostile_names());
    // MID_2 is ../../.wxdev.toml holding a JPEG.
    let w = wx(&server.url("")).args(["media", "get", "MID_2", "--access-token", "T", "-o", "sub", "--json"]);
    std::fs::create_dir(w.path("sub")).unwrap();
    let r = run(w);
    r.assert_code(0);
    assert_eq!(listing(r.dir.path()), ["sub"]);
    assert_eq!(listing(&r.dir.path().join("sub")), ["wxdev.jpg"]);
    assert_eq!(r.json()["path"], "sub/wxdev.jpg");
    // The user's own name is theirs, extension and all.
    for name in ["notes.exe", "wxdev-copy.toml", ".hidden.jpg"] {
        let r = run(wx(&server.url("")).args(["media", "get", "MID_0", "--access-token", "T", "-o", name]));
        r.assert_code(0);
        assert_eq!(listing(r.dir.path()), [name]);
        assert_eq!(std::fs::read(r.dir.path().join(name)).unwrap(), sample(JPEG));
    }
}

#[test]
fn a_safe_name_that_exists_is_not_overwritten_without_force() {
    let server = named_media_server(hostile_names());
    let get = |force: bool| {
        let w =
            wx(&server.url("")).args(["media", "get", "MID_0", "--access-token", "T"]).file("wxdev.jpg", "precious");
        run(if force { w.arg("--force") } else { w })
    };
    let r = get(false);
    r.assert_usage_error("wxdev.jpg already exists; not overwriting it");
    assert_eq!(listing(r.dir.path()), ["wxdev.jpg"], "no temporary file left");
    assert_eq!(std::fs::read(r.dir.path().join("wxdev.jpg")).unwrap(), b"precious");
    let r = get(true);
    r.assert_code(0);
    assert_eq!(std::fs::read(r.dir.path().join("wxdev.jpg")).unwrap(), sample(JPEG));
}

#[cfg(unix)]
#[test]
fn saved_files_get_the_users_umask() {
    let server = named_media_server(hostile_names());
    for (umask, mode) in [("027", 0o640), ("002", 0o664), ("077", 0o600)] {
        for output in [None, Some("given.jpg")] {
            let dir = tempfile::tempdir().unwrap();
            let mut args = vec!["media", "get", "MID_0", "--access-token", "T"];
            args.extend(output.iter().flat_map(|o| ["-o", *o]));
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
                .arg(crate::support::bin())
                .args(&args)
                .current_dir(dir.path())
                .env_clear()
                .env("HOME", dir.path())
                .env("WXDEV_API_BASE", server.url(""))
                .stdin(std::process::Stdio::null())
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let name = output.unwrap_or("wxdev.jpg");
            assert_eq!(mode_of(&dir.path().join(name)), mode, "umask {umask}, {name}");
            assert_eq!(listing(dir.path()), [name]);
        }
    }
}

/// An API whose video_url is `/v/CASE` on itself; `/v/…` answers as `video` says.
fn video_server(video: impl Fn(&str) -> RawResponse + Send + Sync + 'static) -> RawServer {
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let known = base.clone();
    let server = RawServer::start(move |req: &RawRequest| match req.path() {
        "/cgi-bin/media/get" => {
            let id = req.param("media_id").unwrap();
            let url = match id.strip_prefix("raw:") {
                Some(url) => url.to_owned(),
                None => format!("{}/v/{id}", known.get().unwrap()),
            };
            RawResponse::json(serde_json::json!({ "video_url": url }).to_string())
        }
        path => video(path.trim_start_matches("/v/")),
    });
    base.set(server.url("")).unwrap();
    server
}

fn redirect(to: &str) -> RawResponse {
    RawResponse::new(302, "").header("Location", to)
}

#[test]
fn video_redirects_go_to_http_only_and_at_most_five_times() {
    let real = RawServer::start(|_req: &RawRequest| RawResponse::ok(sample(MP4)).header("Content-Type", "video/mp4"));
    let real_url = real.url("/real.mp4");
    let server = video_server(move |case| match case {
        "ftp" => redirect("ftp://127.0.0.1/x.mp4"),
        "file" => redirect("file:///etc/passwd"),
        "elsewhere" => redirect(&real_url),
        "loop" => redirect("/v/loop"),
        hop => match hop.strip_prefix("hop").and_then(|n| n.parse::<u32>().ok()) {
            Some(0) => redirect(&real_url),
            Some(n) => redirect(&format!("/v/hop{}", n - 1)),
            None => RawResponse::new(404, ""),
        },
    });
    let get = |id: &str| run(wx(&server.url("")).args(["media", "get", id, "--access-token", "T"]));
    for (id, to) in [("ftp", "ftp://127.0.0.1/x.mp4"), ("file", "file:///etc/passwd")] {
        let r = get(id);
        r.assert_code(1).assert_clean_error(&format!(
            "not downloading {}: it redirects to {to}; only http:// and https:// redirects are followed",
            server.url(&format!("/v/{id}"))
        ));
        assert!(listing(r.dir.path()).is_empty(), "{id}: nothing saved");
    }
    let r = get("loop");
    r.assert_code(1).assert_clean_error("it redirects more than 5 times");
    assert!(listing(r.dir.path()).is_empty());
    // Loopback to loopback: the mock-api case. Five redirects are followed, a sixth is not.
    for id in ["elsewhere", "hop4"] {
        let r = get(id);
        r.assert_code(0);
        assert_eq!(line(&r), format!("{id}.mp4"));
        assert_eq!(std::fs::read(r.dir.path().join(format!("{id}.mp4"))).unwrap(), sample(MP4));
    }
    get("hop5").assert_code(1).assert_clean_error("it redirects more than 5 times");
    // A video_url that is not http(s) at all is not fetched.
    let r = get("raw:ftp://127.0.0.1/v.mp4?secret=1");
    r.assert_code(1).assert_clean_error("answered video_url \"ftp://127.0.0.1/v.mp4\", which is not an http(s) URL");
}
