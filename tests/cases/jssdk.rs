//! `wxdev jssdk sign` and `jssdk check`: the vectors through the binary, the
//! jsapi_ticket cache (one getticket call for 20 processes), and each
//! diagnosis reproduced from a signature made with that mistake.

use super::api::{mock, run, wx, APPID};
use crate::support::http::request;
use crate::support::{vectors, wxdev, Run, Served};
use serde_json::Value;
use std::sync::{Arc, Barrier};

/// Calls mock-api received on one path.
fn calls(api: &Served, path: &str) -> Vec<Value> {
    let answer = request("GET", &format!("{}/mock/calls?path={path}", api.url), &[], b"");
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json().as_array().unwrap().clone()
}

#[test]
fn every_jssdk_vector_through_the_binary() {
    for v in vectors()["jssdk_signature"].as_array().unwrap() {
        let i = &v["inputs"];
        let r = wxdev()
            .args(["jssdk", "sign", i["url"].as_str().unwrap(), "--appid", "wx520c15f417810387", "--explain"])
            .args(["--ticket", i["jsapi_ticket"].as_str().unwrap()])
            .args(["--noncestr", i["noncestr"].as_str().unwrap(), "--timestamp", i["timestamp"].as_str().unwrap()])
            .run();
        r.assert_code(0);
        let out = r.json();
        assert_eq!(out["signature"], v["signature"], "{}", v["id"]);
        assert_eq!(out["appId"], "wx520c15f417810387");
        assert_eq!(out["nonceStr"], i["noncestr"]);
        assert_eq!(out["timestamp"].as_u64().unwrap().to_string(), i["timestamp"].as_str().unwrap(), "a number");
        assert!(r.stderr.contains(&format!("string1: {}", v["string1"].as_str().unwrap())), "{}", r.stderr);
        assert_eq!(r.stderr.contains("fragment"), v.get("url_signed").is_some(), "warned: {}", r.stderr);
        if let Some(wrong) = v["signature_if_fragment_not_stripped"].as_str() {
            let check = wxdev()
                .args(["jssdk", "check", "--url", i["url"].as_str().unwrap(), "--signature", wrong])
                .args(["--ticket", i["jsapi_ticket"].as_str().unwrap(), "--json"])
                .args(["--noncestr", i["noncestr"].as_str().unwrap(), "--timestamp", i["timestamp"].as_str().unwrap()])
                .run();
            check.assert_code(1);
            assert_eq!(check.json()["mistakes"][0]["id"], "fragment_kept");
        }
    }
}

#[test]
fn twenty_jssdk_sign_processes_make_one_getticket_call() {
    let api = mock(&[]);
    let cache = tempfile::tempdir().unwrap();
    let barrier = Arc::new(Barrier::new(20));
    let handles: Vec<_> = (0..20)
        .map(|_| {
            let (base, dir, barrier) = (api.url.clone(), cache.path().to_owned(), barrier.clone());
            std::thread::spawn(move || {
                let w = wx(&base).env("WXDEV_CACHE_DIR", dir).args(["jssdk", "sign", "https://m.example.com/a?x=1"]);
                barrier.wait();
                run(w)
            })
        })
        .collect();
    let runs: Vec<Run> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    for r in &runs {
        r.assert_code(0);
        assert_eq!(r.json()["appId"], APPID);
    }
    assert_eq!(calls(&api, "/cgi-bin/ticket/getticket").len(), 1, "one getticket call between 20 processes");
    assert_eq!(calls(&api, "/cgi-bin/token").len(), 1, "and one token call");
    let fetched = runs.iter().filter(|r| r.stderr.contains("fetched from getticket")).count();
    assert_eq!(fetched, 1, "the others read the cache");
    let file = std::fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("-jsapi-ticket.json"))
        .expect("a ticket cache file");
    let entry: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(entry["endpoint"], "ticket_jsapi");
    assert_eq!(entry["ticket"].as_str().unwrap().len(), 86);

    // The signature each process printed is the one of the cached ticket.
    let cfg = runs[0].json();
    let check = run(wx(&api.url).env("WXDEV_CACHE_DIR", cache.path()).args([
        "jssdk",
        "check",
        "--url",
        "https://m.example.com/a?x=1",
        "--signature",
        cfg["signature"].as_str().unwrap(),
        "--timestamp",
        &cfg["timestamp"].to_string(),
        "--noncestr",
        cfg["nonceStr"].as_str().unwrap(),
    ]));
    check.assert_code(0);
    assert!(check.stdout.contains("the signature matches"), "{}", check.stdout);
    assert_eq!(calls(&api, "/cgi-bin/ticket/getticket").len(), 1, "check read the cache too");
}

#[test]
fn a_rejected_token_is_renewed_once_and_the_ticket_fetched_again() {
    let api = mock(&[]);
    let cache = tempfile::tempdir().unwrap();
    let sign = || run(wx(&api.url).env("WXDEV_CACHE_DIR", cache.path()).args(["jssdk", "sign", "https://a.example/"]));
    sign().assert_code(0);
    // Expire every token, then drop the ticket cache: the cached token is refused with 42001.
    let expire =
        request("POST", &format!("{}/mock/expire-tokens", api.url), &[("Content-Type", "application/json")], b"");
    assert_eq!(expire.status, 200, "{}", expire.text());
    for entry in std::fs::read_dir(cache.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with("-jsapi-ticket.json") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let r = sign();
    r.assert_code(0);
    assert!(r.stderr.contains("42001"), "{}", r.stderr);
    let tickets = calls(&api, "/cgi-bin/ticket/getticket");
    let codes: Vec<_> = tickets.iter().map(|c| c["errcode"].as_i64()).collect();
    assert_eq!(codes, [Some(0), Some(42001), Some(0)]);
}

#[test]
fn check_names_the_older_ticket_and_the_access_token_from_the_cache() {
    let api = mock(&[]);
    let cache = tempfile::tempdir().unwrap();
    let wxc = || wx(&api.url).env("WXDEV_CACHE_DIR", cache.path());
    let page = "https://m.example.com/a";
    let sign = |ticket: Option<&str>| {
        let mut w = wxc().args(["jssdk", "sign", page, "--noncestr", "abc123", "--timestamp", "1700000000"]);
        if let Some(t) = ticket {
            w = w.args(["--ticket", t]);
        }
        let r = run(w);
        r.assert_code(0);
        r.json()["signature"].as_str().unwrap().to_owned()
    };
    let check = |signature: &str| {
        let r = run(wxc().args(["jssdk", "check", "--url", page, "--signature", signature, "--json"]).args([
            "--noncestr",
            "abc123",
            "--timestamp",
            "1700000000",
        ]));
        r.assert_code(1);
        r.json()["mistakes"][0]["id"].as_str().unwrap_or("none").to_owned()
    };
    let old = sign(None);
    // A new ticket: the mock hands one out once the old has expired; here the cache is told to refresh.
    let dir = cache.path().to_owned();
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("-jsapi-ticket.json"))
        .unwrap();
    let mut entry: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let old_ticket = entry["ticket"].as_str().unwrap().to_owned();
    entry["ticket"] = "OLDER-TICKET-NOW-REPLACED".into();
    entry["expires_at"] = 0.into();
    std::fs::write(&file, entry.to_string()).unwrap();
    let older = sign(Some("OLDER-TICKET-NOW-REPLACED"));
    assert_eq!(sign(None), old, "the stale entry was refreshed (the mock's ticket is still current)");
    let refreshed: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        (refreshed["ticket"].as_str(), refreshed["previous_ticket"].as_str()),
        (Some(&*old_ticket), Some("OLDER-TICKET-NOW-REPLACED"))
    );
    assert_eq!(check(&older), "other_ticket");
    let token_file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json") && !p.to_string_lossy().contains("ticket"))
        .unwrap();
    let token: Value = serde_json::from_str(&std::fs::read_to_string(token_file).unwrap()).unwrap();
    let with_token = sign(Some(token["access_token"].as_str().unwrap()));
    assert_eq!(check(&with_token), "access_token_as_ticket");
    assert_eq!(check(&"0".repeat(40)), "none");
}

#[test]
fn each_url_mistake_is_named_through_the_binary() {
    let ticket = "T1CKET";
    let cases = [
        ("https://m.example.com/a?x=1#/pay", "https://m.example.com/a?x=1#/pay", "fragment_kept"),
        ("https://m.example.com/a?x=1", "https%3A%2F%2Fm.example.com%2Fa%3Fx%3D1", "url_encoded"),
        ("https://m.example.com/%E8%8C%B6", "https://m.example.com/茶", "non_ascii_encoding"),
        ("https://m.example.com/a?n=%2Fb", "https://m.example.com/a?n=/b", "url_decoded"),
        ("https://m.example.com/a", "http://m.example.com/a", "scheme"),
        ("https://m.example.com/a", "https://m.example.com/a/", "trailing_slash"),
        ("https://m.example.com/a", "https://m.example.com:443/a", "port"),
    ];
    for (page, signed, id) in cases {
        // Signed the wrong way on purpose (jssdk sign would refuse or correct most of these URLs).
        let sig = sha1_hex(&format!("jsapi_ticket={ticket}&noncestr=n1&timestamp=9&url={signed}"));
        let r = wxdev()
            .args(["jssdk", "check", "--url", page, "--signature", &sig, "--ticket", ticket])
            .args(["--noncestr", "n1", "--timestamp", "9"])
            .run();
        r.assert_code(1);
        assert!(r.stdout.contains("found: "), "{page}: {}", r.stdout);
        let json = wxdev()
            .args(["jssdk", "check", "--url", page, "--signature", &sig, "--ticket", ticket, "--json"])
            .args(["--noncestr", "n1", "--timestamp", "9"])
            .run();
        assert_eq!(json.json()["mistakes"][0]["id"], id, "{page} signed as {signed}");
    }
    // nonceStr spelled in string1.
    let string1 = format!("jsapi_ticket={ticket}&nonceStr=n1&timestamp=9&url=https://m.example.com/a");
    let sig = sha1_hex(&string1);
    let r = wxdev()
        .args(["jssdk", "check", "--url", "https://m.example.com/a", "--signature", &sig, "--ticket", ticket])
        .args(["--noncestr", "n1", "--timestamp", "9", "--json"])
        .run();
    assert_eq!(r.json()["mistakes"][0]["id"], "noncestr_key");
}

#[test]
fn bad_input_is_a_usage_error() {
    let base = ["jssdk", "sign", "--appid", "wx1", "--ticket", "T"];
    wxdev().args(base).arg("ftp://x/").run().assert_usage_error("ftp://");
    wxdev().args(base).args(["https://a/", "--timestamp", "12.5"]).run().assert_usage_error("--timestamp");
    wxdev().args(base).args(["https://a/", "--noncestr", "a b"]).run().assert_usage_error("--noncestr");
    wxdev().args(["jssdk", "sign", "https://a/"]).run().assert_usage_error("AppID");
    wxdev().args(["jssdk", "sign", "https://a/", "--appid", "wx1"]).run().assert_usage_error("AppSecret");
    let check = ["jssdk", "check", "--url", "https://a/", "--timestamp", "1", "--noncestr", "n", "--ticket", "T"];
    wxdev().args(check).args(["--signature", "xyz"]).run().assert_usage_error("--signature");
}

fn sha1_hex(text: &str) -> String {
    use sha1::{Digest, Sha1};
    hex::encode(Sha1::digest(text.as_bytes()))
}
