//! `wxdev jssdk sign` and `jssdk check`: the vectors through the binary, the
//! jsapi_ticket cache (one getticket call for 20 processes), and each
//! diagnosis reproduced from a signature made with that mistake.

use super::api::{assert_no_secret, mock, run, wx, APPID};
use super::token_service;
use crate::support::http::{self, request};
use crate::support::redis::Redis;
use crate::support::{at_once, vectors, wxdev, Served};
use serde_json::Value;

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
    let sign =
        || wx(&api.url).env("WXDEV_CACHE_DIR", cache.path()).args(["jssdk", "sign", "https://m.example.com/a?x=1"]);
    let runs = at_once((0..20).map(|_| sign()).collect());
    for r in &runs {
        assert_no_secret(&r.stdout, &r.stderr);
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

/// `jssdk sign` of `page` at a fixed nonceStr and timestamp, plus `extra` flags: the signature.
fn fixed_signature(wx: crate::support::Wx, page: &str, extra: &[&str]) -> (String, crate::support::Run) {
    let r = run(wx.args(["jssdk", "sign", page, "--noncestr", "abc123", "--timestamp", "1700000000"]).args(extra));
    r.assert_code(0);
    (r.json()["signature"].as_str().unwrap().to_owned(), r)
}

#[test]
fn a_redis_store_shares_the_ticket_between_runs() {
    let redis = Redis::start();
    let api = mock(&[]);
    let cache = tempfile::tempdir().unwrap();
    let page = "https://m.example.com/a?x=1";
    let wxc = || wx(&api.url).env("WXDEV_CACHE_DIR", cache.path());
    let (first, r) = fixed_signature(wxc(), page, &["--store", &redis.url()]);
    assert!(r.stderr.contains(&format!("fetched from getticket, stored in {}", redis.url())), "{}", r.stderr);
    // The second run reads the ticket the first wrote (here through WXDEV_STORE).
    let (second, r) = fixed_signature(wxc().env("WXDEV_STORE", redis.url()), page, &[]);
    assert!(r.stderr.contains(&format!("jsapi_ticket for {APPID} from {}", redis.url())), "{}", r.stderr);
    assert_eq!(first, second);
    assert_eq!(calls(&api, "/cgi-bin/ticket/getticket").len(), 1, "one getticket call between the two runs");
    assert_eq!(calls(&api, "/cgi-bin/token").len(), 1, "and one token call");
    assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 0, "the file cache is left alone");

    let stored: Value = serde_json::from_str(&redis.raw(&["GET", &format!("wxdev:{APPID}:jsapi_ticket")])).unwrap();
    let ticket = stored["value"].as_str().unwrap();
    assert_eq!(ticket.len(), 86);
    assert!(!r.stdout.contains(ticket) && !r.stderr.contains(ticket), "the ticket is not shown");
    let (direct, _) = fixed_signature(wxdev().args(["--appid", APPID]), page, &["--ticket", ticket]);
    assert_eq!(direct, first, "signed with the ticket in Redis");

    // check fetches the ticket the same way, and knows the stored access_token.
    let check = |signature: &str| {
        run(wxc()
            .args(["jssdk", "check", "--url", page, "--signature", signature, "--json", "--store", &redis.url()])
            .args(["--noncestr", "abc123", "--timestamp", "1700000000"]))
    };
    check(&first).assert_code(0);
    let token: Value = serde_json::from_str(&redis.raw(&["GET", &format!("wxdev:{APPID}:access_token")])).unwrap();
    let (with_token, _) =
        fixed_signature(wxdev().args(["--appid", APPID]), page, &["--ticket", token["value"].as_str().unwrap()]);
    let r = check(&with_token);
    r.assert_code(1);
    assert_eq!(r.json()["mistakes"][0]["id"], "access_token_as_ticket");
    assert_eq!(calls(&api, "/cgi-bin/ticket/getticket").len(), 1, "check read the store too");

    // The stored token refused (42001) once the ticket is gone: renewed in Redis, the ticket fetched again.
    let expire =
        request("POST", &format!("{}/mock/expire-tokens", api.url), &[("Content-Type", "application/json")], b"");
    assert_eq!(expire.status, 200, "{}", expire.text());
    redis.raw(&["DEL", &format!("wxdev:{APPID}:jsapi_ticket")]);
    let (_, r) = fixed_signature(wxc(), page, &["--store", &redis.url()]);
    assert!(r.stderr.contains("fetched from getticket"), "{}", r.stderr);
    let codes: Vec<_> = calls(&api, "/cgi-bin/ticket/getticket").iter().map(|c| c["errcode"].as_i64()).collect();
    assert_eq!(codes, [Some(0), Some(42001), Some(0)]);
    assert_eq!(calls(&api, "/cgi-bin/token").len(), 2, "one new token");

    wx(&api.url).args(["jssdk", "sign", page, "--store", "http://127.0.0.1:1"]).run().assert_usage_error("redis://");
}

#[test]
fn a_running_token_service_hands_out_the_ticket() {
    let api = token_service::mock(&[]);
    let dir = tempfile::tempdir().unwrap();
    let service = token_service::serve(&api, &["--cache-dir", dir.path().to_str().unwrap(), "--auth-key", "k3y-k3y"]);
    let page = "https://m.example.com/a?x=1";
    let app = || wxdev().args(["--appid", token_service::APPID]);
    let (signature, r) = fixed_signature(app(), page, &["--from", &service.url, "--auth-key", "k3y-k3y"]);
    assert!(r.stderr.contains(&format!("from the token service {}", service.url)), "{}", r.stderr);
    // The ticket mock-api issued, as the service hands it out.
    let url = format!("{}/ticket?appid={}&type=jsapi", service.url, token_service::APPID);
    let answer = http::send("GET", &url, &[("Authorization", "Bearer k3y-k3y")], b"");
    assert_eq!(answer.status, 200, "{}", answer.text());
    let ticket = answer.json()["ticket"].as_str().unwrap().to_owned();
    assert!(!r.stdout.contains(&ticket) && !r.stderr.contains(&ticket), "the ticket is not shown");
    assert!(!r.stdout.contains("k3y-k3y") && !r.stderr.contains("k3y-k3y"), "nor the key");
    let (direct, _) = fixed_signature(app(), page, &["--ticket", &ticket]);
    assert_eq!(signature, direct);
    assert_eq!(calls(&api, "/cgi-bin/ticket/getticket").len(), 1, "the service fetched the ticket once");

    // check asks the service too (the key from WXDEV_SERVICE_KEY).
    let check = app()
        .env("WXDEV_SERVICE_KEY", "k3y-k3y")
        .args(["jssdk", "check", "--url", page, "--signature", &signature, "--from", &service.url])
        .args(["--noncestr", "abc123", "--timestamp", "1700000000"])
        .run();
    check.assert_code(0);
    assert!(check.stdout.contains("the signature matches"), "{}", check.stdout);

    // A wrong key: exit 1, saying so.
    let wrong = app().args(["jssdk", "sign", page, "--from", &service.url, "--auth-key", "wrong"]).run();
    wrong.assert_code(1);
    wrong.assert_clean_error("HTTP 401");
    assert!(wrong.stderr.contains("--auth-key"), "{}", wrong.stderr);
    assert!(wrong.stdout.is_empty(), "{}", wrong.stdout);
}

#[test]
fn from_goes_with_neither_store_nor_ticket() {
    let from = ["--from", "http://127.0.0.1:1"];
    let sign = ["jssdk", "sign", "https://a/", "--appid", "wx1"];
    wxdev().args(sign).args(from).args(["--store", "redis://127.0.0.1:1/0"]).run().assert_usage_error("--store");
    wxdev().args(sign).args(from).args(["--ticket", "T"]).run().assert_usage_error("--ticket");
    let check = ["jssdk", "check", "--url", "https://a/", "--timestamp", "1", "--noncestr", "n"];
    let sig = "0".repeat(40);
    wxdev()
        .args(check)
        .args(["--signature", &sig])
        .args(from)
        .args(["--ticket", "T"])
        .run()
        .assert_usage_error("--ticket");
    // As `wxdev token` does.
    wxdev()
        .args(["token", "--appid", "wx1", "--store", "redis://127.0.0.1:1/0"])
        .args(from)
        .run()
        .assert_usage_error("--store");
    // Nothing answers at --from: exit 1 with the hint.
    let r = wxdev().args(sign).args(from).run();
    r.assert_code(1);
    assert!(r.stderr.contains("wxdev token serve"), "{}", r.stderr);
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
