//! Micro-benchmarks of the core's hot paths: `cargo bench --bench core`.
//! The README keeps the latest figures.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use wxdev::server::echo_reply;
use wxdev::wechat::crypto::MsgCrypt;
use wxdev::wechat::reply::{judge, Expectation};
use wxdev::wechat::{CallbackQuery, Incoming, Signature};

const MESSAGE: &str = "<xml><ToUserName><![CDATA[gh_3f5e7a9b1c2d]]></ToUserName><FromUserName><![CDATA[o6_bmjrPTlm6_2sgVt7hMZOPfL2M]]></FromUserName><CreateTime>1795459336</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好，这是一条测试消息 hello]]></Content><MsgId>6054768590064713728</MsgId></xml>";
const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const APPID: &str = "wx2c2769f8efd9abc2";

fn signatures(c: &mut Criterion) {
    c.bench_function("signature/url", |b| {
        b.iter(|| Signature::url(black_box("token"), black_box("1714036504"), black_box("1514711492")))
    });
    let query = "signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&openid=o6_bmjrPTlm6_2sgVt7hMZOPfL2M";
    c.bench_function("signature/parse_and_check_query", |b| {
        b.iter(|| CallbackQuery::parse(black_box(query)).check_signature(black_box("AAAAA")).is_ok())
    });
}

fn xml(c: &mut Criterion) {
    c.bench_function("xml/parse_incoming", |b| b.iter(|| Incoming::parse(black_box(MESSAGE)).unwrap()));
    let incoming = Incoming::parse(MESSAGE).unwrap();
    c.bench_function("xml/render_echo_reply", |b| b.iter(|| echo_reply(black_box(&incoming)).unwrap().to_xml()));
    let reply = echo_reply(&incoming).unwrap().to_xml();
    let expect = Expectation { user: "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", account: "gh_3f5e7a9b1c2d", answering: "text" };
    c.bench_function("xml/judge_reply", |b| b.iter(|| judge(black_box(&reply), &expect)));
}

fn crypto(c: &mut Criterion) {
    let crypt = MsgCrypt::from_encoding_key(KEY, APPID).unwrap();
    c.bench_function("crypto/encrypt_message", |b| b.iter(|| crypt.encrypt(black_box(MESSAGE))));
    let encrypted = crypt.encrypt(MESSAGE);
    c.bench_function("crypto/decrypt_message", |b| b.iter(|| crypt.decrypt(black_box(&encrypted)).unwrap()));
    c.bench_function("crypto/encrypted_reply", |b| {
        b.iter(|| crypt.encrypt_reply(black_box("token"), black_box(MESSAGE)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = signatures, xml, crypto
}
criterion_main!(benches);
