//! `wxdev token`: the wire format, the cache, the lock, errors and explanations.

use super::*;
use crate::support::wxdev;
use std::sync::{Arc, Barrier};
use std::time::Duration;

#[test]
fn get_sends_exactly_grant_type_appid_secret_and_prints_the_token_alone() {
    let server = token_server("TOKEN_A");
    let cache = tempfile::tempdir().unwrap();
    let r = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).arg("token"));
    r.assert_code(0);
    assert_eq!(r.stdout, "TOKEN_A\n", "stdout is the token alone");
    assert!(r.stderr.contains("expires in 2h 0m") && r.stderr.contains(APPID), "details on stderr:\n{}", r.stderr);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!((reqs[0].method.as_str(), reqs[0].path()), ("GET", "/cgi-bin/token"));
    let query = reqs[0].query();
    let expected = [("grant_type", "client_credential"), ("appid", APPID), ("secret", SECRET)];
    assert_eq!(query, expected.map(|(k, v)| (k.to_owned(), v.to_owned())));
    assert!(reqs[0].body.is_empty());
}

#[test]
fn second_run_is_a_cache_hit_and_json_has_the_four_keys() {
    let server = token_server("TOKEN_B");
    let cache = tempfile::tempdir().unwrap();
    let first = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).args(["token", "--json"]));
    first.assert_code(0);
    let json = first.json();
    let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["access_token", "expires_in", "expires_at", "cached"]);
    assert_eq!(json["access_token"], "TOKEN_B");
    assert_eq!(json["cached"], false);
    assert_eq!(json["expires_in"], 7200);
    let second = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).args(["token", "--json"]));
    assert_eq!(second.json()["cached"], true);
    assert_eq!(second.json()["access_token"], "TOKEN_B");
    assert_eq!(second.json()["expires_at"], json["expires_at"]);
    let human = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).arg("token"));
    assert!(human.stderr.contains("from the cache"), "{}", human.stderr);
    assert_eq!(server.hits(), 1, "cache hits make no call");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(cache_file(cache.path())).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the cache file is readable by its owner only");
    }
}

#[test]
fn default_cache_dir_is_under_xdg_cache_home_and_no_cache_bypasses_it() {
    let server = token_server("TOKEN_X");
    let w = wx(&server.url("")).arg("token");
    let cache_dir = w.path("cache").join("wxdev");
    let r = run(w);
    r.assert_code(0);
    assert!(cache_file(&cache_dir).exists());
    let w = wx(&server.url("")).args(["token", "--no-cache"]);
    let dir = w.path("cache");
    run(w).assert_code(0);
    assert!(!dir.exists(), "--no-cache writes nothing");
    assert_eq!(server.hits(), 2);
}

#[test]
fn a_token_with_five_minutes_or_less_left_is_renewed() {
    let server = token_server("TOKEN_NEW");
    let cache = tempfile::tempdir().unwrap();
    run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).arg("token")).assert_code(0);
    let file = cache_file(cache.path());
    let rewrite = |token: &str, left: i64| {
        let mut entry = read_json(&file);
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
        entry["access_token"] = token.into();
        entry["expires_at"] = (now + left).into();
        std::fs::write(&file, entry.to_string()).unwrap();
    };
    rewrite("TOKEN_OLD", 330);
    let r = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).arg("token"));
    assert_eq!(line(&r), "TOKEN_OLD", "5½ minutes left: still used");
    assert_eq!(server.hits(), 1);
    rewrite("TOKEN_OLD", 290);
    let r = run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).args(["token", "--json"]));
    assert_eq!(r.json()["access_token"], "TOKEN_NEW", "under 5 minutes left: renewed");
    assert_eq!(r.json()["cached"], false);
    assert_eq!(server.hits(), 2);
    assert_eq!(read_json(&file)["access_token"], "TOKEN_NEW", "the renewed token is cached");
}

#[test]
fn force_refresh_fetches_even_when_cached() {
    let server = token_server("TOKEN_F");
    let cache = tempfile::tempdir().unwrap();
    let go = |extra: &[&str]| run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).arg("token").args(extra));
    go(&[]).assert_code(0);
    let r = go(&["--force-refresh", "--json"]);
    assert_eq!(r.json()["cached"], false);
    assert!(!r.stderr.contains("20 times"), "the warning is for stable_token only");
    assert_eq!(server.hits(), 2);
}

#[test]
fn stable_token_posts_exactly_four_keys_and_warns_on_force_refresh() {
    let server = token_server("STABLE_1");
    let cache = tempfile::tempdir().unwrap();
    let go = |extra: &[&str]| {
        run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).args(["token", "--stable"]).args(extra))
    };
    let r = go(&[]);
    assert_eq!(line(&r), "STABLE_1");
    let req = &server.requests()[0];
    assert_eq!((req.method.as_str(), req.target.as_str()), ("POST", "/cgi-bin/stable_token"));
    assert!(req.header("content-type").unwrap().starts_with("application/json"));
    let body: Value = serde_json::from_slice(&req.body).unwrap();
    let expected = serde_json::json!({"grant_type": "client_credential", "appid": APPID, "secret": SECRET, "force_refresh": false});
    assert_eq!(body, expected);
    assert_eq!(body.as_object().unwrap().len(), 4);
    assert_eq!(go(&["--json"]).json()["cached"], true);
    let forced = go(&["--force-refresh"]);
    forced.assert_code(0);
    assert!(forced.stderr.contains("20 times a day") && forced.stderr.contains("30 s"), "{}", forced.stderr);
    let body: Value = serde_json::from_slice(&server.requests()[1].body).unwrap();
    assert_eq!(body["force_refresh"], true);
    assert_eq!(server.hits(), 2);
    // Stable tokens have their own cache entry: a plain token call still fetches.
    run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).arg("token")).assert_code(0);
    assert_eq!(server.requests()[2].path(), "/cgi-bin/token");
}

#[test]
fn twenty_processes_at_once_make_one_call() {
    let server = RawServer::start(|_req: &RawRequest| {
        RawResponse::json(r#"{"access_token":"SHARED","expires_in":7200}"#).delayed(Duration::from_millis(300))
    });
    let base = server.url("");
    let cache = tempfile::tempdir().unwrap();
    let barrier = Arc::new(Barrier::new(20));
    let handles: Vec<_> = (0..20)
        .map(|_| {
            let (base, dir, barrier) = (base.clone(), cache.path().to_owned(), barrier.clone());
            std::thread::spawn(move || {
                let w = wx(&base).env("WXDEV_CACHE_DIR", dir).args(["token", "--json"]);
                barrier.wait();
                run(w)
            })
        })
        .collect();
    let runs: Vec<Run> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    for r in &runs {
        r.assert_code(0);
        assert_eq!(r.json()["access_token"], "SHARED");
    }
    assert_eq!(server.hits(), 1, "one refresh at a time: exactly one API call");
    assert_eq!(runs.iter().filter(|r| r.json()["cached"] == false).count(), 1);
}

#[test]
fn corrupt_truncated_or_odd_cache_files_are_replaced() {
    let server = token_server("TOKEN_C");
    let cache = tempfile::tempdir().unwrap();
    let go = || run(wx(&server.url("")).env("WXDEV_CACHE_DIR", cache.path()).args(["token", "--json"]));
    go().assert_code(0);
    let file = cache_file(cache.path());
    let good = std::fs::read(&file).unwrap();
    for damage in [b"\x00\xff garbage".to_vec(), good[..good.len() / 2].to_vec(), b"[]".to_vec(), Vec::new()] {
        std::fs::write(&file, &damage).unwrap();
        let r = go();
        r.assert_code(0);
        assert_eq!(r.json()["cached"], false);
        assert!(r.stderr.contains("ignoring the token cache"), "{}", r.stderr);
        assert_eq!(read_json(&file)["access_token"], "TOKEN_C", "replaced with a good file");
    }
    // A directory where the file should be: not readable, not replaceable, still no crash.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    let r = go();
    r.assert_code(0);
    assert_eq!(r.json()["access_token"], "TOKEN_C");
    assert!(r.stderr.contains("cannot write the token cache"), "{}", r.stderr);
}

/// Each code answers with its errcode and errmsg, then a distinctive part of the explanation.
const EXPLAINED: &[(i64, &str, &str)] = &[
    (-1, "system error", "retry"),
    (40001, "invalid credential, access_token is invalid or not latest", "not the latest"),
    (40002, "invalid grant_type", "client_credential"),
    (40013, "invalid appid", "AppID"),
    (40014, "invalid access_token", "512"),
    (40125, "invalid appsecret", "基本配置"),
    (40164, "invalid ip 198.51.100.23 ipv6 ::ffff:198.51.100.23, not in whitelist", "add 198.51.100.23 under"),
    (40243, "AppSecret is frozen", "unfreeze"),
    (41001, "access_token missing", "--access-token"),
    (41002, "appid missing", "--appid"),
    (41004, "appsecret missing", "--secret"),
    (42001, "access_token expired", "--force-refresh"),
    (45009, "reach max api daily quota limit", "clear_quota"),
    (45011, "api minute-quota reach limit", "after a minute"),
    (89501, "ip waiting", "confirm"),
    (89503, "ip needs confirmation", "administrator"),
    (89506, "refused twice", "24 hours"),
    (89507, "refused", "an hour"),
];

#[test]
fn every_common_errcode_is_explained() {
    let server = RawServer::start(|req: &RawRequest| {
        let code: i64 = req.param("appid").unwrap().trim_start_matches("code").parse().unwrap();
        let errmsg = EXPLAINED.iter().find(|(c, ..)| *c == code).unwrap().1;
        let body = serde_json::json!({"errcode": code, "errmsg": format!("{errmsg} rid: 6650a0b1-1f2e3d4c-5b6a7988")});
        RawResponse::json(body.to_string())
    });
    for (code, errmsg, needle) in EXPLAINED {
        let r = run(wx(&server.url("")).env("WXDEV_APPID", format!("code{code}")).args(["token", "--no-cache"]));
        r.assert_code(1).assert_clean_error(&format!("errcode {code}"));
        assert!(r.stdout.is_empty(), "no token on stdout:\n{}", r.stdout);
        assert!(r.stderr.contains(errmsg), "{code}: errmsg shown:\n{}", r.stderr);
        assert!(r.stderr.contains("hint:"), "{code}: what to do:\n{}", r.stderr);
        assert!(r.stderr.contains(needle), "{code}: expected {needle:?} in:\n{}", r.stderr);
    }
    let r = run(wx(&server.url("")).env("WXDEV_APPID", "code40164").args(["token", "--no-cache", "--json"]));
    r.assert_code(1);
    let json = r.json();
    assert_eq!((json["ok"].clone(), json["errcode"].clone()), (false.into(), 40164.into()));
    assert!(json["errmsg"].as_str().unwrap().contains("198.51.100.23"));
    assert!(json["hint"].as_str().unwrap().contains("IP白名单"));
}

#[test]
fn an_unknown_errcode_still_shows_code_and_errmsg() {
    let server = RawServer::start(|_req: &RawRequest| RawResponse::json(r#"{"errcode":61024,"errmsg":"odd failure"}"#));
    let r = run(wx(&server.url("")).args(["token", "--no-cache"]));
    r.assert_code(1).assert_clean_error("errcode 61024: odd failure");
}

#[test]
fn http_errors_non_json_bodies_and_unreachable_hosts_are_clear_and_never_show_the_secret() {
    // Answers that echo the request line, as some proxies' error pages do.
    let server = RawServer::start(|req: &RawRequest| match req.param("appid").as_deref() {
        Some("http500") => RawResponse::new(500, format!("<html>upstream failed for {}</html>", req.target)),
        Some("html") => {
            RawResponse::ok(format!("<html>login page {}</html>", req.target)).header("Content-Type", "text/html")
        }
        Some("empty") => RawResponse::ok(""),
        Some("hangup") => RawResponse::hang_up(),
        _ => RawResponse::json(r#"{"expires_in":7200}"#),
    });
    let go = |appid: &str| run(wx(&server.url("")).env("WXDEV_APPID", appid).args(["token", "--no-cache"]));
    go("http500").assert_code(1).assert_clean_error("HTTP 500");
    let r = go("html");
    r.assert_code(1).assert_clean_error("not WeChat's JSON");
    assert!(r.stderr.contains("text/html") && r.stderr.contains("***"), "{}", r.stderr);
    go("empty").assert_code(1).assert_clean_error("an empty body");
    go("hangup").assert_code(1).assert_clean_error("cannot reach");
    go("noaccess").assert_code(1).assert_clean_error("without access_token");
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let r = run(wx(&format!("http://127.0.0.1:{closed}")).args(["token", "--json"]));
    r.assert_code(1).assert_clean_error("connection refused");
    assert!(!r.stderr.contains("secret="), "no URL query in errors:\n{}", r.stderr);
    assert_eq!(r.json()["ok"], false);
    let r = run(wx("http://wxdev-no-such-host.invalid").args(["token", "--no-cache"]));
    r.assert_code(1).assert_clean_error("cannot reach");
}

#[test]
fn missing_settings_are_usage_errors() {
    wxdev().arg("token").run().assert_usage_error("no AppID");
    wxdev().args(["token", "--appid", APPID]).run().assert_usage_error("no AppSecret");
    let r = run(wx("ftp://example.com").arg("token"));
    r.assert_usage_error("not an http(s) URL");
}
