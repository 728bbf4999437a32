//! `wxdev token serve` against mock-api as WeChat and a real redis-server:
//! one refresh per expiry across instances, the lock holder's death, a Redis
//! outage, compare-and-refresh, each SDK key format, failures and auth.

use crate::support::http::{self, Answer};
use crate::support::redis::Redis;
use crate::support::{wxdev, Served};
use serde_json::{json, Value};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

pub const APPID: &str = "wx1";
pub const SECRET: &str = "S3CRET-appsecret-42";

/// mock-api with the test account, plus `extra` flags.
pub fn mock(extra: &[&str]) -> Served {
    let mut args = vec!["mock-api", "--appid", APPID, "--secret", SECRET];
    args.extend_from_slice(extra);
    Served::start(&args)
}

/// `token serve` on a free port against `mock`, with short test timings, plus `extra` flags.
pub fn serve(mock: &Served, extra: &[&str]) -> Served {
    let mut args = vec!["token", "serve", "--listen", "127.0.0.1:0", "--appid", APPID, "--secret", SECRET];
    args.extend(["--api-base", &mock.url, "--sync-interval", "100", "--refresh-jitter", "0", "--store-timeout", "300"]);
    args.extend_from_slice(extra);
    Served::start_exact(&args)
}

pub fn token_calls(mock: &Served) -> usize {
    let calls = http::get(&format!("{}/mock/calls?path=/cgi-bin/token", mock.url)).json();
    calls.as_array().expect("calls list").len()
}

pub fn get_token(instance: &Served) -> String {
    let answer = http::get(&format!("{}/token?appid={APPID}", instance.url));
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json()["access_token"].as_str().unwrap().to_owned()
}

fn refresh(instance: &Served, stale: &str) -> Answer {
    let body = json!({"appid": APPID, "stale_token": stale}).to_string();
    http::post(&format!("{}/token/refresh", instance.url), &body)
}

/// The errcode mock-api answers a call made with this token (0: accepted).
pub fn errcode_with(mock: &Served, token: &str) -> i64 {
    let answer = http::get(&format!("{}/cgi-bin/ticket/getticket?type=jsapi&access_token={token}", mock.url));
    answer.json()["errcode"].as_i64().unwrap_or(-99)
}

fn wait_until(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let started = Instant::now();
    while !ok() {
        assert!(started.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn health(instance: &Served) -> Value {
    http::get(&format!("{}/healthz", instance.url)).json()
}

#[test]
fn three_instances_and_200_clients_across_a_forced_expiry_make_one_token_call() {
    let redis = Redis::start();
    let mock = mock(&[]);
    let instances: Vec<Served> = (0..3).map(|_| serve(&mock, &["--store", &redis.url()])).collect();
    let first: Vec<String> = instances.iter().map(get_token).collect();
    assert!(first.iter().all(|t| *t == first[0]), "instances disagree");
    assert_eq!(token_calls(&mock), 1, "three instances starting together fetched more than once");
    assert_eq!(errcode_with(&mock, &first[0]), 0);

    http::post(&format!("{}/mock/expire-tokens", mock.url), "");
    assert_eq!(errcode_with(&mock, &first[0]), 42001);
    let urls: Arc<Vec<String>> = Arc::new(instances.iter().map(|s| s.url.clone()).collect());
    let mock_url = Arc::new(mock.url.clone());
    let barrier = Arc::new(Barrier::new(200));
    let clients: Vec<_> = (0..200)
        .map(|i| {
            let (urls, mock_url, barrier) = (urls.clone(), mock_url.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let get = |url: &str| {
                    http::get(&format!("{url}/token?appid={APPID}")).json()["access_token"].as_str().unwrap().to_owned()
                };
                let check = |token: &str| {
                    http::get(&format!("{mock_url}/cgi-bin/ticket/getticket?type=jsapi&access_token={token}")).json()
                        ["errcode"]
                        .as_i64()
                        .unwrap()
                };
                let token = get(&urls[i % 3]);
                let code = check(&token);
                if code == 0 {
                    return token;
                }
                assert!(code == 42001 || code == 40001, "unexpected errcode {code}");
                let body = json!({"appid": APPID, "stale_token": token}).to_string();
                let answer = http::post(&format!("{}/token/refresh", urls[(i + 1) % 3]), &body);
                let fresh = answer.json()["access_token"].as_str().unwrap().to_owned();
                assert_eq!(check(&fresh), 0, "the refreshed token is not accepted");
                fresh
            })
        })
        .collect();
    let tokens: Vec<String> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    assert_eq!(token_calls(&mock), 2, "one forced expiry must cost exactly one token call");
    assert!(tokens.iter().all(|t| *t == tokens[0] && *t != first[0]));
    // The other instances pick the new token up from Redis.
    wait_until("all instances to serve the new token", Duration::from_secs(5), || {
        instances.iter().all(|s| get_token(s) == tokens[0])
    });
    let metrics = http::get(&format!("{}/metrics", instances[0].url)).text();
    assert!(metrics.contains("wxdev_token_requests_total{route=\"token\"}"), "{metrics}");
    for instance in &instances {
        let all = [instance.lines(), instance.errors()].concat().join("\n");
        assert!(!all.contains(SECRET), "the AppSecret was logged:\n{all}");
    }
}

#[test]
fn a_killed_lock_holder_blocks_the_others_only_until_the_lock_expires() {
    let redis = Redis::start();
    let mock = mock(&["--token-delay", "1500"]);
    let mut holder = serve(&mock, &["--store", &redis.url(), "--lock-ttl", "3000"]);
    let lock_key = format!("wxdev:{APPID}:access_token:lock");
    wait_until("the first instance to take the lock", Duration::from_secs(5), || {
        redis.raw(&["EXISTS", &lock_key]) == "1"
    });
    let locked_at = Instant::now();
    let pttl: i64 = redis.raw(&["PTTL", &lock_key]).parse().unwrap();
    assert!(pttl > 2000 && pttl <= 3000, "lock PTTL {pttl}");
    // Mid-refresh: its token call is still waiting on the slow mock.
    holder.child().kill().unwrap();
    holder.child().wait().unwrap();
    let other = serve(&mock, &["--store", &redis.url(), "--lock-ttl", "3000"]);
    let token = get_token(&other);
    let waited = locked_at.elapsed();
    // The dead holder's lock had to expire (3 s) before the other's own slow call (1.5 s).
    assert!(waited >= Duration::from_millis(4300), "refreshed after {waited:?}: the lock was not respected");
    assert!(waited < Duration::from_secs(9), "waited {waited:?}: far longer than the lock's expiry");
    // The killed holder's call may or may not have been answered (its connection died); then exactly one more.
    let calls = token_calls(&mock);
    assert!((1..=2).contains(&calls), "{calls} token calls");
    assert_eq!(errcode_with(&mock, &token), 0);
    assert_eq!(redis.raw(&["EXISTS", &lock_key]), "0", "the lock was not released");
}

#[test]
fn a_redis_outage_is_ridden_out_from_memory_without_a_burst_after() {
    let mut redis = Redis::start();
    let mock = mock(&[]);
    let a = serve(&mock, &["--store", &redis.url()]);
    let b = serve(&mock, &["--store", &redis.url()]);
    let token = get_token(&a);
    assert_eq!(get_token(&b), token);
    assert_eq!(token_calls(&mock), 1);
    assert_eq!(health(&a)["store"]["reachable"], true);

    redis.stop();
    let down = Instant::now();
    wait_until("healthz to report the store down", Duration::from_secs(5), || {
        health(&a)["store"]["reachable"] == false
    });
    while down.elapsed() < Duration::from_secs(10) {
        assert_eq!(get_token(&a), token);
        assert_eq!(get_token(&b), token);
        std::thread::sleep(Duration::from_millis(500));
    }
    assert_eq!(health(&b)["store"]["reachable"], false);
    assert!(http::get(&format!("{}/metrics", a.url)).text().contains("wxdev_token_store_up 0"));

    redis.resume();
    wait_until("healthz to report the store back", Duration::from_secs(10), || {
        health(&a)["store"]["reachable"] == true && health(&b)["store"]["reachable"] == true
    });
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(get_token(&a), token);
    assert_eq!(token_calls(&mock), 1, "the recovery caused refreshes");
    // The emptied Redis got the token in memory back.
    let stored: Value = serde_json::from_str(&redis.raw(&["GET", &format!("wxdev:{APPID}:access_token")])).unwrap();
    assert_eq!(stored["value"], token.as_str());
    let joined = a.errors().join("\n");
    assert!(joined.contains("unreachable") && joined.contains("reachable again"), "{joined}");
}

#[test]
fn fifty_reports_of_the_same_stale_token_cause_one_refresh() {
    let redis = Redis::start();
    let mock = mock(&[]);
    let instances = [serve(&mock, &["--store", &redis.url()]), serve(&mock, &["--store", &redis.url()])];
    let stale = get_token(&instances[0]);
    assert_eq!(get_token(&instances[1]), stale);
    let barrier = Arc::new(Barrier::new(50));
    let urls: Vec<String> = instances.iter().map(|s| s.url.clone()).collect();
    let reports: Vec<_> = (0..50)
        .map(|i| {
            let (url, stale, barrier) = (urls[i % 2].clone(), stale.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let body = json!({"appid": APPID, "stale_token": stale}).to_string();
                let answer = http::post(&format!("{url}/token/refresh"), &body);
                assert_eq!(answer.status, 200, "{}", answer.text());
                answer.json()["access_token"].as_str().unwrap().to_owned()
            })
        })
        .collect();
    let fresh: Vec<String> = reports.into_iter().map(|r| r.join().unwrap()).collect();
    assert!(fresh.iter().all(|t| *t == fresh[0] && *t != stale), "reports got different tokens");
    assert_eq!(token_calls(&mock), 2, "50 reports of one stale token must cause one refresh");
    assert_eq!(errcode_with(&mock, &fresh[0]), 0);
    // A report of a token that is no longer current refreshes nothing.
    let again = refresh(&instances[1], &stale);
    assert_eq!(again.json()["access_token"], fresh[0].as_str());
    assert_eq!(token_calls(&mock), 2);
}

/// TTL of a key, as redis-cli prints it.
fn ttl(redis: &Redis, key: &str) -> i64 {
    redis.raw(&["TTL", key]).parse().unwrap()
}

fn assert_ttl_near(redis: &Redis, key: &str, expected: i64) {
    let got = ttl(redis, key);
    assert!((expected - 5..=expected).contains(&got), "{key}: TTL {got}, expected about {expected}");
}

#[test]
fn each_key_format_writes_what_its_sdk_reads() {
    let mock = mock(&[]);
    for format in ["wxdev", "wechatpy", "silenceper", "easywechat", "wxjava"] {
        let redis = Redis::start();
        let instance = serve(&mock, &["--store", &redis.url(), "--key-format", format]);
        let token = get_token(&instance);
        let ticket_answer = http::get(&format!("{}/ticket?appid={APPID}&type=jsapi", instance.url)).json();
        let ticket = ticket_answer["ticket"].as_str().unwrap().to_owned();
        let expires_at = http::get(&format!("{}/token", instance.url)).json()["expires_at"].as_i64().unwrap();
        let get = |key: &str| redis.raw(&["GET", key]);
        // wxdev's own key is always written.
        let own: Value = serde_json::from_str(&get("wxdev:wx1:access_token")).unwrap();
        assert_eq!(own["value"], token.as_str());
        assert_eq!(own["expires_at"], expires_at);
        assert_ttl_near(&redis, "wxdev:wx1:access_token", 7200);
        match format {
            "wxdev" => {
                let own_ticket: Value = serde_json::from_str(&get("wxdev:wx1:jsapi_ticket")).unwrap();
                assert_eq!(own_ticket["value"], ticket.as_str());
            }
            "wechatpy" => {
                assert_eq!(get("wechatpy:wx1_access_token"), format!("\"{token}\""));
                assert_ttl_near(&redis, "wechatpy:wx1_access_token", 7200);
                assert_eq!(get("wechatpy:wx1_access_token_expires_at"), expires_at.to_string());
                assert_eq!(ttl(&redis, "wechatpy:wx1_access_token_expires_at"), -1);
                assert_eq!(get("wechatpy:wx1_jsapi_ticket"), format!("\"{ticket}\""));
                assert_eq!(ttl(&redis, "wechatpy:wx1_jsapi_ticket"), -1);
                assert_eq!(ttl(&redis, "wechatpy:wx1_jsapi_ticket_expires_at"), -1);
            }
            "silenceper" => {
                assert_eq!(get("gowechat_officialaccount__access_token_wx1"), token);
                assert_ttl_near(&redis, "gowechat_officialaccount__access_token_wx1", 5700);
                assert_eq!(get("gowechat_officialaccount__jsapi_ticket_wx1"), ticket);
                assert_ttl_near(&redis, "gowechat_officialaccount__jsapi_ticket_wx1", 5700);
            }
            "easywechat" => {
                let key = format!("easywechat:official_account.access_token.wx1.{SECRET}.0");
                assert_eq!(get(&key), format!("s:{}:\"{token}\";", token.len()));
                assert_ttl_near(&redis, &key, 7200);
                let ticket_key = "easywechat:official_account.jsapi_ticket.wx1";
                assert_eq!(get(ticket_key), format!("s:{}:\"{ticket}\";", ticket.len()));
                assert_ttl_near(&redis, ticket_key, 7200);
            }
            "wxjava" => {
                assert_eq!(get("wx:access_token:wx1"), token);
                assert_ttl_near(&redis, "wx:access_token:wx1", 7200);
                assert_eq!(get("wx:ticket:key:wx1:jsapi"), ticket);
                assert_ttl_near(&redis, "wx:ticket:key:wx1:jsapi", 7000);
            }
            _ => unreachable!(),
        }
        // The AppSecret is in EasyWeChat's key (that is where it reads), never in an answer or log.
        let answers = [
            http::get(&format!("{}/healthz", instance.url)).text(),
            http::get(&format!("{}/metrics", instance.url)).text(),
        ];
        let all = [instance.lines(), instance.errors(), answers.to_vec()].concat().join("\n");
        assert!(!all.contains(SECRET), "{format}: the AppSecret leaked:\n{all}");
    }
}

#[test]
fn configuration_errors_are_not_retried_and_busy_answers_are() {
    let mock = mock(&["--fail-next", "40164@/cgi-bin/token"]);
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let instance = serve(&mock, &["--cache-dir", cache.to_str().unwrap()]);
    wait_until("the failure to show in /healthz", Duration::from_secs(5), || {
        health(&instance)["accounts"][0]["tokens"]["access_token"]["errcode"] == 40164
    });
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(token_calls(&mock), 1, "a configuration error was retried in a loop");
    let h = health(&instance);
    assert!(h["accounts"][0]["tokens"]["access_token"]["fix"].as_str().unwrap().contains("IP白名单"), "{h}");
    let answer = http::get(&format!("{}/healthz", instance.url));
    assert_eq!(answer.status, 503);
    let token = http::get(&format!("{}/token", instance.url));
    assert_eq!(token.status, 502);
    assert_eq!(token.json()["errcode"], 40164);
    let lines: Vec<String> = instance.errors().into_iter().filter(|l| l.contains("not retrying")).collect();
    assert_eq!(lines.len(), 1, "{:?}", instance.errors());

    // -1 (system busy) is retried after a backoff and then served.
    let busy = self::mock(&["--fail-next", "-1@/cgi-bin/token"]);
    let cache = dir.path().join("cache2");
    let instance = serve(&busy, &["--cache-dir", cache.to_str().unwrap()]);
    wait_until("a token after the retry", Duration::from_secs(6), || {
        http::get(&format!("{}/token", instance.url)).status == 200
    });
    assert_eq!(token_calls(&busy), 2);
    let metrics = http::get(&format!("{}/metrics", instance.url)).text();
    assert!(metrics.contains("errcode=\"-1\"} 1"), "{metrics}");
}

#[test]
fn the_key_is_required_off_loopback_and_checked_on_every_route_but_healthz() {
    wxdev()
        .args(["token", "serve", "--listen", "0.0.0.0:0", "--appid", APPID, "--secret", SECRET])
        .run()
        .assert_usage_error("without --auth-key");
    wxdev().args(["token", "serve", "--listen", "nonsense"]).run().assert_usage_error("--listen");
    wxdev().args(["token", "serve"]).run().assert_usage_error("no account");
    wxdev()
        .args(["token", "serve", "--appid", APPID, "--secret", SECRET, "--store", "http://x"])
        .run()
        .assert_usage_error("redis://");

    let mock = mock(&[]);
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("c");
    let instance = serve(&mock, &["--cache-dir", cache.to_str().unwrap(), "--auth-key", "k3y-k3y"]);
    // /healthz needs no key: 503 until the first token is in, then 200.
    wait_until("a healthy service", Duration::from_secs(5), || {
        http::get(&format!("{}/healthz", instance.url)).status == 200
    });
    for route in ["/token", "/ticket?type=jsapi", "/metrics"] {
        let url = format!("{}{route}", instance.url);
        assert_eq!(http::get(&url).status, 401, "{route}");
        assert_eq!(http::send("GET", &url, &[("Authorization", "Bearer wrong")], b"").status, 401, "{route}");
        assert_eq!(http::send("GET", &url, &[("Authorization", "Bearer k3y-k3y")], b"").status, 200, "{route}");
    }
    // `wxdev token --from` asks the service with the key.
    let run = wxdev()
        .args(["token", "--json", "--appid", APPID, "--from", &instance.url])
        .env("WXDEV_SERVICE_KEY", "k3y-k3y")
        .run();
    run.assert_code(0);
    let token = run.json()["access_token"].as_str().unwrap().to_owned();
    assert_eq!(errcode_with(&mock, &token), 0);
    wxdev().args(["token", "--appid", APPID, "--from", &instance.url]).run().assert_code(1);
}

#[test]
fn wxdev_token_with_a_redis_store_shares_the_service_token() {
    let redis = Redis::start();
    let mock = mock(&[]);
    let instance = serve(&mock, &["--store", &redis.url()]);
    let token = get_token(&instance);
    let run = wxdev()
        .args(["token", "--json", "--appid", APPID, "--secret", SECRET, "--api-base", &mock.url])
        .env("WXDEV_STORE", redis.url())
        .run();
    run.assert_code(0);
    assert_eq!(run.json()["access_token"], token.as_str());
    assert_eq!(token_calls(&mock), 1);
    wxdev()
        .args(["token", "--appid", APPID, "--secret", SECRET, "--store", "http://127.0.0.1:1"])
        .run()
        .assert_usage_error("redis://");
}

#[test]
fn tokens_are_refreshed_in_the_background_before_they_expire() {
    // Tokens live 322 s and are refreshed when fewer than 320 s remain: about 2 s after each fetch.
    let mock = mock(&["--token-ttl", "322"]);
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("c");
    let instance = serve(&mock, &["--cache-dir", cache.to_str().unwrap(), "--refresh-before", "320"]);
    let first = get_token(&instance);
    let started = Instant::now();
    wait_until("a refresh nobody asked for", Duration::from_secs(6), || token_calls(&mock) >= 2);
    assert!(started.elapsed() >= Duration::from_millis(500), "refreshed at once: {:?}", started.elapsed());
    let second = get_token(&instance);
    assert_ne!(second, first);
    assert_eq!(errcode_with(&mock, &second), 0);
    let h = health(&instance);
    assert_eq!(h["accounts"][0]["tokens"]["access_token"]["valid"], true, "{h}");
}
