//! `wxdev proxy` in front of mock-api: token injection, the retry after a
//! rejected token, --allow, /sns/* passthrough, auth, a streamed 10 MB upload.

use super::token_service::{errcode_with, get_token, mock, serve, token_calls, APPID, SECRET};
use crate::support::http;
use crate::support::{wxdev, RawResponse, RawServer, Served};
use std::time::{Duration, Instant};

/// `wxdev proxy` on a free port with `extra` flags.
fn proxy(extra: &[&str]) -> Served {
    let mut args = vec!["proxy", "--listen", "127.0.0.1:0", "--appid", APPID];
    args.extend_from_slice(extra);
    Served::start_exact(&args)
}

fn calls(mock: &Served, path: &str) -> serde_json::Value {
    http::get(&format!("{}/mock/calls?path={path}", mock.url)).json()
}

fn wait_for_log(proxy: &Served, needle: &str) -> String {
    let started = Instant::now();
    loop {
        if let Some(line) = proxy.lines().into_iter().find(|l| l.contains(needle)) {
            return line;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "no log line with {needle:?}: {:?}", proxy.lines());
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn cgi_bin_calls_get_the_current_token_and_a_rejected_one_is_replaced_once() {
    let mock = mock(&[]);
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("c");
    let service = serve(&mock, &["--cache-dir", cache.to_str().unwrap()]);
    let token = get_token(&service);
    let proxy = proxy(&["--upstream", &mock.url, "--token-from", &service.url]);

    // Added, and replacing a token the caller sent.
    for query in ["type=jsapi", "type=jsapi&access_token=bogus"] {
        let answer = http::get(&format!("{}/cgi-bin/ticket/getticket?{query}", proxy.url));
        assert_eq!(answer.json()["errcode"], 0, "{query}: {}", answer.text());
    }
    let seen = calls(&mock, "/cgi-bin/ticket/getticket");
    let shown: Vec<&str> =
        seen.as_array().unwrap().iter().map(|c| c["query"]["access_token"].as_str().unwrap()).collect();
    assert!(shown.iter().all(|t| token.starts_with(t.trim_end_matches('…'))), "{shown:?}");
    let line = wait_for_log(&proxy, "/cgi-bin/ticket/getticket");
    assert!(line.contains("errcode=0") && line.contains(" ms"), "{line}");
    assert!(!proxy.lines().join("\n").contains(&token), "the token was logged");

    // Expired: the proxy reports it stale, gets a new one and sends the call again.
    http::post(&format!("{}/mock/expire-tokens", mock.url), "");
    let answer = http::get(&format!("{}/cgi-bin/ticket/getticket?type=jsapi", proxy.url));
    assert_eq!(answer.json()["errcode"], 0, "{}", answer.text());
    wait_for_log(&proxy, "retried with a new token");
    assert_eq!(token_calls(&mock), 2, "one refresh for the expiry");
    assert_ne!(get_token(&service), token);

    // A queued 40001 on a POST with a JSON body: replayed with the body intact.
    http::post(&format!("{}/mock/fail-next?errcode=40001&path=/cgi-bin/menu/create", mock.url), "");
    let menu = r#"{"button":[{"type":"click","name":"A","key":"K"}]}"#;
    let answer = http::post(&format!("{}/cgi-bin/menu/create", proxy.url), menu);
    assert_eq!(answer.json()["errcode"], 0, "{}", answer.text());
    let created = calls(&mock, "/cgi-bin/menu/create");
    let last = created.as_array().unwrap().last().unwrap();
    assert_eq!(last["body"]["button"][0]["key"], "K", "{created}");
}

#[test]
fn allow_prefixes_sns_passthrough_and_auth() {
    let upstream = RawServer::start(|_| RawResponse::json(r#"{"errcode":0,"openid":"o1"}"#));
    let mock = mock(&[]);
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("c");
    let service = serve(&mock, &["--cache-dir", cache.to_str().unwrap(), "--auth-key", "svc-key"]);
    let proxy = proxy(&[
        "--upstream",
        &upstream.url(""),
        "--token-from",
        &service.url,
        "--auth-key",
        "svc-key",
        "--allow",
        "/sns/",
        "--allow",
        "/cgi-bin/user/",
    ]);
    let auth = [("Authorization", "Bearer svc-key")];
    let url = format!("{}/sns/userinfo?access_token=USER-TOKEN&openid=o1&lang=zh_CN", proxy.url);
    assert_eq!(http::get(&url).status, 401);
    let answer = http::send("GET", &url, &auth, b"");
    assert_eq!(answer.status, 200, "{}", answer.text());
    let seen = upstream.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path(), "/sns/userinfo");
    assert_eq!(seen[0].param("access_token").as_deref(), Some("USER-TOKEN"), "the user token must pass unchanged");
    assert!(seen[0].header("authorization").is_none(), "the proxy's key was forwarded");

    let denied = http::send("GET", &format!("{}/cgi-bin/menu/get", proxy.url), &auth, b"");
    assert_eq!(denied.status, 403);
    assert_eq!(upstream.hits(), 1, "a denied call reached the upstream");
    let allowed = http::send("GET", &format!("{}/cgi-bin/user/info?openid=o1", proxy.url), &auth, b"");
    assert_eq!(allowed.status, 200);
    let token = upstream.requests()[1].param("access_token").unwrap();
    assert_eq!(errcode_with(&mock, &token), 0, "the injected token is the service's");

    wxdev()
        .args(["proxy", "--listen", "0.0.0.0:0", "--appid", APPID, "--token-from", &service.url])
        .run()
        .assert_usage_error("without --auth-key");
    wxdev().args(["proxy", "--listen", "127.0.0.1:0"]).run().assert_usage_error("no account");
}

fn vm_hwm_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn a_10_mb_upload_is_streamed_through_with_a_small_footprint() {
    let mock = mock(&[]);
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("c");
    // The proxy runs its own token service on the file cache.
    let proxy = proxy(&["--secret", SECRET, "--api-base", &mock.url, "--cache-dir", cache.to_str().unwrap()]);
    let size = 10_000_000;
    let boundary = "wxdevboundary7MA4YWxk";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"big.mp4\"\r\nContent-Type: video/mp4\r\n\r\n"
    )
    .into_bytes();
    body.extend((0..size).map(|i: usize| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let answer = http::send(
        "POST",
        &format!("{}/cgi-bin/media/upload?type=video", proxy.url),
        &[("Content-Type", content_type.as_str())],
        &body,
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(answer.json()["media_id"].as_str().is_some(), "{}", answer.text());
    let peak = vm_hwm_kb(proxy.pid());
    assert!(peak < 30 * 1024, "proxy peak RSS {peak} kB for a 10 MB upload: it was buffered");
    let line = wait_for_log(&proxy, "/cgi-bin/media/upload");
    assert!(line.contains(" 200 "), "{line}");
}
