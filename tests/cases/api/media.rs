//! `wxdev media upload` and `media get`: the multipart wire format, limits,
//! retries, and round trips through mock-api.

use super::*;

/// A fake that issues tokens T1, T2, … and answers uploads with `upload(request, n)`.
fn upload_server(upload: impl Fn(&RawRequest, usize) -> RawResponse + Send + Sync + 'static) -> RawServer {
    let issued = std::sync::atomic::AtomicUsize::new(0);
    let uploads = std::sync::atomic::AtomicUsize::new(0);
    RawServer::start(move |req: &RawRequest| {
        if req.path() == "/cgi-bin/token" {
            let n = issued.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            RawResponse::json(format!(r#"{{"access_token":"T{n}","expires_in":7200}}"#))
        } else {
            upload(req, uploads.fetch_add(1, std::sync::atomic::Ordering::SeqCst))
        }
    })
}

fn media_ok(req: &RawRequest, _: usize) -> RawResponse {
    let kind = req.param("type").unwrap();
    let key = if kind == "thumb" { "thumb_media_id" } else { "media_id" };
    RawResponse::json(format!(r#"{{"type":"{kind}","{key}":"MEDIA_{kind}","created_at":1700000000}}"#))
}

/// The multipart parts of a recorded request: (headers block, data).
fn parts(req: &RawRequest) -> Vec<(String, Vec<u8>)> {
    let content_type = req.header("content-type").unwrap();
    let boundary = content_type.split("boundary=").nth(1).unwrap().trim_matches('"');
    let delimiter = format!("--{boundary}");
    let body = &req.body;
    let mut out = Vec::new();
    let positions: Vec<usize> = (0..body.len()).filter(|&i| body[i..].starts_with(delimiter.as_bytes())).collect();
    for pair in positions.windows(2) {
        let chunk = &body[pair[0] + delimiter.len() + 2..pair[1] - 2];
        let split = chunk.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        out.push((String::from_utf8(chunk[..split].to_vec()).unwrap(), chunk[split + 4..].to_vec()));
    }
    assert!(body[*positions.last().unwrap()..].starts_with(format!("{delimiter}--").as_bytes()), "closing boundary");
    out
}

/// `media upload NAME --no-cache EXTRA…` against `server`, NAME holding `bytes`.
fn upload_to(server: &RawServer, name: &str, bytes: &[u8], extra: &[&str]) -> Run {
    run(wx(&server.url("")).file(name, bytes).args(["media", "upload", name, "--no-cache"]).args(extra))
}

#[test]
fn upload_wire_format_is_what_wechat_expects() {
    let server = upload_server(media_ok);
    let bytes = sample(JPEG);
    let r = upload_to(&server, "photo.jpg", &bytes, &[]);
    r.assert_code(0);
    assert_eq!(r.stdout, "MEDIA_image\n", "stdout is the media_id alone");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    let up = &reqs[1];
    assert_eq!((up.method.as_str(), up.path()), ("POST", "/cgi-bin/media/upload"));
    let query = up.query();
    assert_eq!(query, [("access_token".to_owned(), "T1".to_owned()), ("type".to_owned(), "image".to_owned())]);
    let content_type = up.header("content-type").unwrap();
    assert!(content_type.starts_with("multipart/form-data; boundary="), "{content_type}");
    assert!(up.header("transfer-encoding").is_none(), "sent with a length, not chunked");
    assert_eq!(up.header("content-length").unwrap().parse::<usize>().unwrap(), up.body.len());
    let parts = parts(up);
    assert_eq!(parts.len(), 1);
    let (headers, data) = &parts[0];
    assert!(headers.contains("Content-Disposition: form-data; name=\"media\"; filename=\"photo.jpg\""), "{headers}");
    assert!(headers.contains("Content-Type: image/jpeg"), "the part carries its own type: {headers}");
    assert!(!headers.contains("filename*"), "{headers}");
    assert_eq!(data, &bytes, "the file's bytes, unchanged");
}

#[test]
fn a_chinese_file_name_goes_out_as_plain_ascii() {
    let server = upload_server(media_ok);
    let r = upload_to(&server, "会议录音.mp3", &sample(MP3), &[]);
    r.assert_code(0);
    let (headers, _) = parts(&server.requests()[1]).remove(0);
    assert!(headers.contains("name=\"media\"; filename=\"voice.mp3\""), "{headers}");
    assert!(headers.is_ascii() && !headers.contains("filename*"), "{headers}");
    assert!(headers.contains("Content-Type: audio/mpeg"));
    assert_eq!(server.requests()[1].param("type").as_deref(), Some("voice"));
    let r = upload_to(&server, "我的 照片(1).png", &sample(PNG), &[]);
    r.assert_code(0);
    let (headers, _) = parts(&server.requests()[3]).remove(0);
    assert!(headers.contains("filename=\"1.png\""), "{headers}");
}

/// File name, content, extra arguments, the type sent, and a needle in the part's headers.
type SentAs = (&'static str, &'static [u8], &'static [&'static str], &'static str, &'static str);
/// File name, content, length, extra arguments, and a needle in the refusal.
type Refused = (&'static str, &'static [u8], u64, &'static [&'static str], &'static str);

#[test]
fn type_comes_from_content_and_a_file_without_extension_gets_one() {
    let server = upload_server(media_ok);
    let cases: [SentAs; 6] = [
        ("clip", MP4, &[], "video", "filename=\"clip.mp4\""),
        ("anim.gif", GIF, &[], "image", "Content-Type: image/gif"),
        ("note.amr", AMR, &[], "voice", "Content-Type: audio/amr"),
        ("cover.jpg", JPEG, &["--type", "thumb"], "thumb", "filename=\"cover.jpg\""),
        ("wrong.png", JPEG, &[], "image", "filename=\"wrong.jpg\""),
        ("pic", PNG, &[], "image", "filename=\"pic.png\""),
    ];
    for (i, (name, magic, extra, kind, needle)) in cases.iter().enumerate() {
        let r = upload_to(&server, name, &sample(magic), extra);
        r.assert_code(0);
        assert_eq!(r.stdout.trim(), format!("MEDIA_{kind}"));
        let up = &server.requests()[2 * i + 1];
        assert_eq!(up.param("type").as_deref(), Some(*kind), "{name}");
        let (headers, _) = parts(up).remove(0);
        assert!(headers.contains(needle), "{name}: {needle} in {headers}");
    }
}

#[test]
fn json_prints_the_apis_answer_and_thumbs_print_thumb_media_id() {
    let server = upload_server(media_ok);
    let r = upload_to(&server, "t.jpg", &sample(JPEG), &["--type", "thumb", "--json"]);
    r.assert_code(0);
    assert_eq!(r.json(), serde_json::json!({"type":"thumb","thumb_media_id":"MEDIA_thumb","created_at":1700000000}));
    let r = upload_to(&server, "t.jpg", &sample(JPEG), &["--type", "thumb"]);
    assert_eq!(r.stdout, "MEDIA_thumb\n");
}

#[test]
fn every_limit_is_refused_before_any_request() {
    let server = upload_server(media_ok);
    const MB: u64 = 1024 * 1024;
    let cases: [Refused; 8] = [
        ("big.png", PNG, 10 * MB + 1, &[], "up to 10 MB (10485760 bytes)"),
        ("big.jpg", JPEG, 10 * MB + 1, &[], "(10485761 bytes)"),
        ("long.mp3", MP3, 2 * MB + 1, &[], "voice files up to 2 MB (2097152 bytes)"),
        ("long.amr", AMR, 2 * MB + 1, &[], "(2097153 bytes)"),
        ("movie.mp4", MP4, 10 * MB + 1, &[], "videos up to 10 MB"),
        ("thumb.jpg", JPEG, 64 * 1024 + 1, &["--type", "thumb"], "thumbs up to 64 KB (65536 bytes)"),
        ("thumb.png", PNG, 1000, &["--type", "thumb"], "--type thumb takes JPG only"),
        ("empty.jpg", b"", 0, &[], "is empty"),
    ];
    for (name, magic, len, extra, needle) in cases {
        let w = wx(&server.url("")).args(["media", "upload", name]).args(extra);
        sized(&w.path(name), magic, len);
        let r = run(w);
        r.assert_usage_error(needle);
        assert!(r.stderr.contains("hint:"), "{}", r.stderr);
    }
    let w = wx(&server.url("")).args(["media", "upload", "song.wav"]).file("song.wav", b"RIFF\x24\0\0\0WAVEfmt ");
    run(w).assert_usage_error("song.wav is WAV");
    run(wx(&server.url("")).file("x.txt", "hello").args(["media", "upload", "x.txt"]))
        .assert_usage_error("cannot tell");
    run(wx(&server.url("")).args(["media", "upload", "missing.jpg"])).assert_usage_error("cannot read missing.jpg");
    let w = wx(&server.url("")).args(["media", "upload", "adir"]);
    std::fs::create_dir(w.path("adir")).unwrap();
    run(w).assert_usage_error("is a directory");
    assert_eq!(server.hits(), 0, "no request at all, not even for a token");
}

#[test]
fn files_at_the_limits_are_sent_and_big_images_warned_about() {
    let server = upload_server(media_ok);
    let w = wx(&server.url("")).args(["media", "upload", "edge.jpg", "--type", "thumb", "--no-cache"]);
    sized(&w.path("edge.jpg"), JPEG, 64 * 1024);
    let r = run(w);
    r.assert_code(0);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    let w = wx(&server.url("")).args(["media", "upload", "photo.png", "--no-cache"]);
    sized(&w.path("photo.png"), PNG, 3 * 1024 * 1024);
    let r = run(w);
    r.assert_code(0);
    assert!(r.stderr.contains("warning:") && r.stderr.contains("2 MB"), "{}", r.stderr);
    assert!(server.requests()[3].body.len() as u64 > 3 * 1024 * 1024);
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let server = upload_server(media_ok);
    let w = wx(&server.url("")).args(["media", "upload", "photo.png", "--no-cache"]);
    sized(&w.path("photo.png"), PNG, 1024 * 1024);
    let r = run(w);
    r.assert_code(0);
    assert!(!r.stderr.contains('\r') && !r.stderr.contains('\u{1b}'), "no bar, no escapes: {:?}", r.stderr);
    assert!(!r.stderr.contains("uploading"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "one summary line: {}", r.stderr);
}

#[test]
fn a_progress_bar_on_a_terminal() {
    // util-linux `script` gives the command a pseudo-terminal; skip where it is missing.
    if std::process::Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let server = upload_server(media_ok);
    let dir = tempfile::tempdir().unwrap();
    sized(&dir.path().join("photo.png"), PNG, 1024 * 1024);
    let command = format!("{} media upload photo.png --no-cache", crate::support::bin());
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.path())
        .env("TERM", "xterm")
        .env("WXDEV_API_BASE", server.url(""))
        .env("WXDEV_APPID", APPID)
        .env("WXDEV_SECRET", SECRET)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_no_secret(&shown, "");
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("uploading [") && shown.contains("MiB"), "a bar on the terminal: {shown:?}");
    assert!(shown.contains("MEDIA_image"));
}

#[test]
fn rejected_tokens_are_replaced_once_and_the_upload_retried() {
    for code in [40001, 40014, 42001] {
        let server = upload_server(move |req, n| match n {
            0 => RawResponse::json(format!(
                r#"{{"errcode":{code},"errmsg":"rejected {}"}}"#,
                req.param("access_token").unwrap()
            )),
            _ => media_ok(req, n),
        });
        let cache = tempfile::tempdir().unwrap();
        let r = run(wx(&server.url(""))
            .env("WXDEV_CACHE_DIR", cache.path())
            .file("a.jpg", sample(JPEG))
            .args(["media", "upload", "a.jpg"]));
        r.assert_code(0);
        assert_eq!(r.stdout, "MEDIA_image\n");
        assert!(r.stderr.contains(&code.to_string()) && r.stderr.contains("trying once more"), "{}", r.stderr);
        let reqs = server.requests();
        let seen: Vec<_> = reqs.iter().map(|r| (r.path().to_owned(), r.param("access_token"))).collect();
        assert_eq!(
            seen,
            [
                ("/cgi-bin/token".to_owned(), None),
                ("/cgi-bin/media/upload".to_owned(), Some("T1".to_owned())),
                ("/cgi-bin/token".to_owned(), None),
                ("/cgi-bin/media/upload".to_owned(), Some("T2".to_owned())),
            ],
            "errcode {code}"
        );
        assert_eq!(parts(&reqs[3])[0].1, sample(JPEG), "the file is sent again in full");
        assert_eq!(read_json(&cache_file(cache.path()))["access_token"], "T2", "the fresh token is cached");
    }
}

#[test]
fn a_second_rejection_is_an_error_not_a_loop() {
    let server = upload_server(|_, _| RawResponse::json(r#"{"errcode":42001,"errmsg":"access_token expired"}"#));
    let r = upload_to(&server, "a.jpg", &sample(JPEG), &[]);
    r.assert_code(1).assert_clean_error("errcode 42001");
    assert_eq!(server.hits(), 4);
    let r = upload_to(&server, "a.jpg", &sample(JPEG), &["--json"]);
    assert_eq!(r.json()["errcode"], 42001);
}

#[test]
fn an_explicit_access_token_is_used_and_needs_no_credentials() {
    let server = upload_server(media_ok);
    let r = run(wxdev().env("WXDEV_API_BASE", server.url("")).file("a.gif", sample(GIF)).args([
        "media",
        "upload",
        "a.gif",
        "--access-token",
        "GIVEN",
    ]));
    r.assert_code(0);
    assert_eq!(server.hits(), 1);
    assert_eq!(server.requests()[0].param("access_token").as_deref(), Some("GIVEN"));
    let r = wxdev()
        .env("WXDEV_API_BASE", server.url(""))
        .file("a.gif", sample(GIF))
        .args(["media", "upload", "a.gif"])
        .run();
    r.assert_usage_error("no AppID");
    assert!(r.stderr.contains("--access-token"), "{}", r.stderr);
}

#[test]
fn media_get_round_trip_through_mock_api() {
    let api = mock(&[]);
    let cache = tempfile::tempdir().unwrap();
    let w = || wx(&api.url).env("WXDEV_CACHE_DIR", cache.path());
    let bytes = sample(PNG);
    let up = run(w().file("猫.png", &bytes).args(["media", "upload", "猫.png"]));
    up.assert_code(0);
    let id = line(&up);
    let get = run(w().args(["media", "get", &id]));
    get.assert_code(0);
    let expected_name = format!("{id}.png");
    assert_eq!(line(&get), expected_name, "named from Content-Disposition");
    assert_eq!(std::fs::read(get.dir.path().join(&expected_name)).unwrap(), bytes);
    // Never overwrite without --force; the file stays untouched.
    let w2 = w().args(["media", "get", &id, "-o", "out.png"]).file("out.png", "precious");
    let out = w2.path("out.png");
    let r = run(w2);
    r.assert_usage_error("already exists");
    assert_eq!(std::fs::read(&out).unwrap(), b"precious");
    let w3 = w().args(["media", "get", &id, "-o", "out.png", "--force", "--json"]).file("out.png", "precious");
    let out = w3.path("out.png");
    let r = run(w3);
    r.assert_code(0);
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    let json = r.json();
    assert_eq!((json["media_id"].as_str(), json["bytes"].as_u64()), (Some(id.as_str()), Some(bytes.len() as u64)));
    assert_eq!(json["content_type"], "image/png");
    let leftovers: Vec<_> = std::fs::read_dir(r.dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
    // Into a directory, keeping WeChat's name; and to stdout.
    let w4 = w().args(["media", "get", &id, "-o", "sub"]);
    std::fs::create_dir(w4.path("sub")).unwrap();
    let r = run(w4);
    assert_eq!(std::fs::read(r.dir.path().join("sub").join(&expected_name)).unwrap(), bytes);
    let r = run(w().args(["media", "get", &id, "-o", "-"]));
    r.assert_code(0);
    assert!(r.stdout.starts_with("\u{fffd}PNG"), "the bytes on stdout");
    assert!(r.stderr.contains(&format!("wrote {} bytes to stdout", bytes.len())), "{}", r.stderr);
}

#[test]
fn media_get_follows_a_videos_url_and_treats_json_errors_as_errors() {
    let api = mock(&[]);
    let cache = tempfile::tempdir().unwrap();
    let w = || wx(&api.url).env("WXDEV_CACHE_DIR", cache.path());
    let bytes = sample(MP4);
    let id = line(&run(w().file("v.mp4", &bytes).args(["media", "upload", "v.mp4"])));
    let r = run(w().args(["media", "get", &id, "-o", "v.mp4", "--json"]));
    r.assert_code(0);
    assert!(r.json()["video_url"].as_str().unwrap().contains("/mock/video/"));
    assert_eq!(std::fs::read(r.dir.path().join("v.mp4")).unwrap(), bytes);
    let r = run(w().args(["media", "get", "no-such-media-id"]));
    r.assert_code(1).assert_clean_error("errcode 40007");
    let names: Vec<_> = std::fs::read_dir(r.dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(names.is_empty(), "no file from an error body: {names:?}");
}

#[test]
fn media_get_wire_format_and_a_json_error_sent_as_text() {
    let server = upload_server(|req, _| {
        assert_eq!(req.method, "GET");
        RawResponse::ok(r#"{"errcode":40007,"errmsg":"invalid media_id"}"#).header("Content-Type", "text/plain")
    });
    let r = run(wx(&server.url("")).args(["media", "get", "MID", "--no-cache"]));
    r.assert_code(1).assert_clean_error("errcode 40007");
    assert!(r.stderr.contains("3 days"), "{}", r.stderr);
    let get = &server.requests()[1];
    assert_eq!(get.path(), "/cgi-bin/media/get");
    assert_eq!(get.query(), [("access_token".to_owned(), "T1".to_owned()), ("media_id".to_owned(), "MID".to_owned())]);
}
