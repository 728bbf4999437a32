//! `token`, `media upload`, `media get`, `api` and `mock-api`, through the real binary:
//! against `mock-api`, and against a `RawServer` that records the raw requests
//! so the wire format is checked independently of the mock.

mod call;
mod hostile;
mod media;
mod menu;
mod mock;
mod mock_material;
mod mock_messages;
mod mock_qrcode;
mod mock_users;
mod token;

use crate::support::{wxdev, RawRequest, RawResponse, RawServer, Run, Served, Wx};
use serde_json::Value;
use std::path::Path;

pub const APPID: &str = "wx5c3a9e0f1b2d4c6e";
/// Every output of every test in this module is checked for it.
pub const SECRET: &str = "S3cr3t-never-printed-7f1e";

/// `wxdev` pointed at `base`, with the test account in the environment.
pub fn wx(base: &str) -> Wx {
    wxdev().env("WXDEV_API_BASE", base).env("WXDEV_APPID", APPID).env("WXDEV_SECRET", SECRET)
}

/// Runs and checks that the secret appears nowhere in the output.
pub fn run(wx: Wx) -> Run {
    let run = wx.run();
    assert_no_secret(&run.stdout, &run.stderr);
    run
}

pub fn assert_no_secret(stdout: &str, stderr: &str) {
    assert!(!stdout.contains(SECRET), "the secret is on stdout:\n{stdout}");
    assert!(!stderr.contains(SECRET), "the secret is on stderr:\n{stderr}");
}

/// `mock-api` for the test account, with extra arguments.
pub fn mock(extra: &[&str]) -> Served {
    let mut args = vec!["mock-api", "--appid", APPID, "--secret", SECRET];
    args.extend_from_slice(extra);
    Served::start(&args)
}

/// A RawServer answering token calls with `token` and everything else with `other`.
pub fn token_server(token: &'static str) -> RawServer {
    RawServer::start(move |req: &RawRequest| {
        if req.path().ends_with("token") {
            RawResponse::json(format!(r#"{{"access_token":"{token}","expires_in":7200}}"#))
        } else {
            RawResponse::json(r#"{"errcode":-1,"errmsg":"unexpected"}"#)
        }
    })
}

/// A file of `len` bytes starting with `magic` (sparse beyond it, so large ones cost nothing).
pub fn sized(path: &Path, magic: &[u8], len: u64) {
    let file = std::fs::File::create(path).unwrap();
    use std::io::Write;
    (&file).write_all(&magic[..magic.len().min(len as usize)]).unwrap();
    file.set_len(len).unwrap();
}

pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
pub const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0";
pub const AMR: &[u8] = b"#!AMR\n\x3c\x48\x77\x55\x1a\x7b";
pub const MP3: &[u8] = b"ID3\x04\0\0\0\0\0\x0f";
pub const MP4: &[u8] = b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41";
pub const GIF: &[u8] = b"GIF89a\x01\0\x01\0\x80\0\0";

/// Small sample files of each format, with some bytes after the magic.
pub fn sample(magic: &[u8]) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.extend((0..600u32).map(|i| (i * 7 % 251) as u8));
    bytes
}

/// Stdout's only line.
pub fn line(run: &Run) -> String {
    let out = run.stdout.trim_end_matches('\n');
    assert!(!out.contains('\n') && !out.is_empty(), "stdout should be one line:\n{}", run.stdout);
    out.to_owned()
}

/// The one `*.json` file of a cache directory.
pub fn cache_file(dir: &Path) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(files.len(), 1, "cache files: {files:?}");
    files[0].clone()
}

pub fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}
