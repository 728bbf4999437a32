//! The real peers the later tests stand on: a browser and a Redis server of
//! the test's own. If these fail, the machine lacks a package `scripts/test`
//! installs.

use crate::support::browser::Browser;
use crate::support::redis::Redis;
use crate::support::{RawResponse, RawServer};

#[test]
fn headless_chromium_renders_a_loopback_page_and_clicks() {
    let page = RawServer::start(|_| {
        RawResponse::ok("<!doctype html><meta charset=utf-8><p id=greet>你好</p><button onclick=\"document.getElementById('greet').textContent='已点击'\">按钮</button>")
            .header("Content-Type", "text/html; charset=utf-8")
    });
    let browser = Browser::start(480, 800);
    browser.goto(&page.url("/"));
    assert_eq!(browser.text_of("#greet"), "你好");
    browser.click_text("button", "按钮");
    browser.wait_for_text("已点击");
}

#[test]
fn redis_server_starts_stops_and_resumes_empty() {
    let mut redis = Redis::start();
    assert_eq!(redis.raw(&["SET", "k", "v"]), "OK");
    assert_eq!(redis.raw(&["GET", "k"]), "v");
    redis.stop();
    redis.resume();
    assert_eq!(redis.raw(&["EXISTS", "k"]), "0");
}
