//! What `wxdev serve` does when attacked: no oracle in its answers, slow and
//! idle clients cut off, a connection cap, request text escaped in its log, a
//! blocked log that never slows requests.

use crate::support::http::{post_xml, Answer};
use crate::support::{wxdev, Served};
use base64::Engine;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wxdev::wechat::callback::with_query;
use wxdev::wechat::crypto::{safe_request_xml, MsgCrypt};
use wxdev::wechat::{CallbackQuery, Signature};

const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const APPID: &str = "wx2c2769f8efd9abc2";
const TOKEN: &str = "spamtest";
const TEXT: &str = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oU]]></FromUserName>\
    <CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>1</MsgId></xml>";

fn signed_url(base: &str) -> String {
    with_query(&url::Url::parse(base).unwrap(), &CallbackQuery::signed(TOKEN)).to_string()
}

/// POSTs an Encrypt value in safe mode with a valid msg_signature over it.
fn post_encrypted(base: &str, encrypt: &str) -> Answer {
    let mut q = CallbackQuery::signed(TOKEN);
    q.encrypt_type = Some("aes".into());
    let (timestamp, nonce) = (q.timestamp.clone().unwrap(), q.nonce.clone().unwrap());
    q.msg_signature = Some(Signature::msg(TOKEN, &timestamp, &nonce, encrypt).to_string());
    let url = with_query(&url::Url::parse(base).unwrap(), &q).to_string();
    post_xml(&url, &safe_request_xml("gh_1", encrypt))
}

/// Flips bits of a ciphertext: in CBC, flipping byte i of one block flips byte i
/// of the next block's plaintext, which is how a padding oracle is probed.
fn tampered(encrypt: &str, block: usize, byte: usize, mask: u8) -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut raw = b64.decode(encrypt).unwrap();
    raw[block * 16 + byte] ^= mask;
    b64.encode(raw)
}

#[test]
fn every_decryption_failure_gets_the_same_answer_and_the_log_tells_them_apart() {
    let served = Served::start(&["serve", "--token", TOKEN, "--aes-key", KEY, "--appid", APPID]);
    let crypt = MsgCrypt::from_encoding_key(KEY, APPID).unwrap();
    let good = crypt.encrypt(TEXT);
    let blocks = base64::engine::general_purpose::STANDARD.decode(&good).unwrap().len() / 16;
    // The last plaintext byte is the padding length: flip it through the block before.
    let bad_padding = tampered(&good, blocks - 2, 15, 0xC0);
    // The length field is the first 4 bytes of the second plaintext block.
    let bad_length = tampered(&good, 0, 0, 0x7F);
    let other_appid = MsgCrypt::from_encoding_key(KEY, "wx0000000000000000").unwrap().encrypt(TEXT);
    let answers: Vec<Answer> =
        [&bad_padding, &bad_length, &other_appid].iter().map(|e| post_encrypted(&served.url, e)).collect();
    for answer in &answers {
        assert_eq!((answer.status, answer.body.as_slice()), (400, b"bad request\n".as_slice()));
        assert_eq!(answer.header("content-type"), Some("text/plain; charset=utf-8"));
    }
    assert_eq!(answers[0].headers.len(), answers[1].headers.len());
    assert_eq!(answers[1].headers.len(), answers[2].headers.len());
    // The detail is in the log, for the developer only.
    served.wait_for_line(|l| l.contains("400") && l.contains("decryption failed") && l.contains("padding"));
    served.wait_for_line(|l| l.contains("400") && l.contains("decryption failed") && l.contains("length"));
    served.wait_for_line(|l| l.contains("400") && l.contains("appid mismatch"));
    // A wrong msg_signature is 403 with its own fixed body.
    let mut q = CallbackQuery::signed(TOKEN);
    q.encrypt_type = Some("aes".into());
    q.msg_signature = Some("0".repeat(40));
    let url = with_query(&url::Url::parse(&served.url).unwrap(), &q).to_string();
    let forged = post_xml(&url, &safe_request_xml("gh_1", &good));
    assert_eq!((forged.status, forged.body.as_slice()), (403, b"forbidden\n".as_slice()));
    // And the untouched message is answered.
    assert_eq!(post_encrypted(&served.url, &good).status, 200);
}

#[test]
fn refusals_carry_no_detail() {
    let served = Served::start(&["serve", "--token", TOKEN]);
    let wrong_path = crate::support::http::get(&served.url.replace("/wechat", "/other\u{1b}x"));
    assert_eq!((wrong_path.status, wrong_path.text().as_str()), (404, "not found\n"));
    let unsigned = post_xml(&served.url, TEXT);
    assert_eq!((unsigned.status, unsigned.text().as_str()), (403, "forbidden\n"));
    let malformed = post_xml(&signed_url(&served.url), "<xml><oops></xml>");
    assert_eq!((malformed.status, malformed.text().as_str()), (400, "bad request\n"));
}

#[test]
fn an_aes_key_without_a_token_does_not_start() {
    let run = wxdev().args(["serve", "--aes-key", KEY, "--appid", APPID, "--port", "0"]).run();
    run.assert_usage_error("no token");
    assert!(run.stderr.contains("hint: set --token / WXDEV_TOKEN"), "{}", run.stderr);
}

/// Raises this test process's file limit so it can hold many sockets.
fn raise_file_limit() {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: plain calls on a local struct.
    unsafe {
        libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
        limit.rlim_cur = limit.rlim_max;
        libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
    }
}

fn address(url: &str) -> String {
    let parsed = url::Url::parse(url).unwrap();
    format!("{}:{}", parsed.host_str().unwrap(), parsed.port().unwrap())
}

/// One signed text message on a fresh connection; the time to the whole answer.
fn timed_message(url: &str) -> (u16, Duration) {
    let started = Instant::now();
    let answer = post_xml(&signed_url(url), TEXT);
    (answer.status, started.elapsed())
}

#[test]
fn a_thousand_slow_connections_do_not_hold_up_a_real_message() {
    raise_file_limit();
    let served = Served::start(&["serve", "--token", TOKEN]);
    let addr = address(&served.url);
    let mut slow: Vec<TcpStream> = (0..1000)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.write_all(b"POST /wechat?signature=").unwrap();
            s
        })
        .collect();
    // They keep trickling bytes, as a slowloris client does.
    for s in slow.iter_mut() {
        s.write_all(b"a").unwrap();
    }
    std::thread::sleep(Duration::from_millis(300));
    let best = (0..3)
        .map(|_| timed_message(&served.url))
        .inspect(|(status, _)| assert_eq!(*status, 200))
        .map(|(_, t)| t)
        .min()
        .unwrap();
    assert!(best < Duration::from_millis(100), "answered in {best:?} beside 1000 slow connections");
    drop(slow);
}

/// Reads until the server closes the connection; how long that took.
fn closed_after(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    stream.set_read_timeout(Some(limit)).unwrap();
    let mut sink = Vec::new();
    match stream.read_to_end(&mut sink) {
        Ok(_) => Some(started.elapsed()),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Some(started.elapsed()),
        Err(_) => None,
    }
}

#[test]
fn slow_headers_idle_keep_alive_and_slow_bodies_are_cut_off() {
    let served = Served::start(&["serve", "--token", TOKEN, "--header-timeout", "1", "--body-timeout", "1"]);
    let addr = address(&served.url);
    // Headers that never end.
    let mut slow = TcpStream::connect(&addr).unwrap();
    slow.write_all(b"POST /wechat HTTP/1.1\r\nHost: x\r\n").unwrap();
    let took = closed_after(&mut slow, Duration::from_secs(10)).expect("closed");
    assert!(took < Duration::from_secs(5), "slow header closed after {took:?}");
    // An idle keep-alive connection after one answered request.
    let mut idle = TcpStream::connect(&addr).unwrap();
    let target = signed_url(&served.url);
    let target = &target[target.find("/wechat").unwrap()..];
    let head = format!("POST {target} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{TEXT}", TEXT.len());
    idle.write_all(head.as_bytes()).unwrap();
    let mut first = [0u8; 12];
    idle.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    let took = closed_after(&mut idle, Duration::from_secs(10)).expect("idle connection closed");
    assert!(took < Duration::from_secs(5), "idle keep-alive closed after {took:?}");
    // A body that stops halfway: 408, and the log says why.
    let mut partial = TcpStream::connect(&addr).unwrap();
    let head = format!("POST {target} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n", TEXT.len());
    partial.write_all(head.as_bytes()).unwrap();
    partial.write_all(&TEXT.as_bytes()[..10]).unwrap();
    partial.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut answer = String::new();
    let _ = partial.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.ends_with("\r\n\r\nrequest timeout\n"), "{answer}");
    served.wait_for_line(|l| l.contains("408") && l.contains("body not received in time"));
}

#[test]
fn beyond_the_connection_cap_new_connections_wait_their_turn() {
    let served = Served::start(&["serve", "--token", TOKEN, "--max-connections", "3"]);
    let addr = address(&served.url);
    let held: Vec<TcpStream> = (0..3).map(|_| TcpStream::connect(&addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(200));
    let url = served.url.clone();
    let waiting = std::thread::spawn(move || timed_message(&url));
    std::thread::sleep(Duration::from_millis(700));
    assert!(!waiting.is_finished(), "a fourth connection was served beside three held ones");
    drop(held);
    let (status, _) = waiting.join().unwrap();
    assert_eq!(status, 200, "served once a slot was free");
}

#[test]
fn request_text_is_escaped_in_the_log() {
    let served = Served::start(&["serve", "--token", TOKEN]);
    let url = signed_url(&served.url);
    let envelope = |from: &str, rest: &str| {
        format!("<xml><ToUserName>gh_1</ToUserName><FromUserName>{from}</FromUserName><CreateTime>1</CreateTime>{rest}</xml>")
    };
    let messages = [
        envelope("oU\n12:00:00.000 200 POST forged-from", "<MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId>"),
        envelope("oU", "<MsgType>te\u{1b}[31mxt</MsgType><MsgId>2</MsgId>"),
        envelope("oU", "<MsgType>event</MsgType><Event>CLICK</Event><EventKey>k\r\nforged-key</EventKey>"),
        envelope("oU", "<MsgType>image</MsgType><PicUrl>u</PicUrl><MediaId>m\u{1b}]0;title\u{7}</MediaId><MsgId>3</MsgId>"),
        envelope(
            "oU",
            "<MsgType>link</MsgType><Title>t</Title><Description>d</Description><Url>http://x/\nforged-url</Url><MsgId>4</MsgId>",
        ),
    ];
    for message in &messages {
        assert_eq!(post_xml(&url, message).status, 200, "{message}");
    }
    std::thread::sleep(Duration::from_millis(300));
    let lines = served.lines();
    let requests: Vec<&String> = lines.iter().filter(|l| l.contains(" POST ")).collect();
    assert_eq!(requests.len(), messages.len(), "one line per request: {lines:#?}");
    for line in &lines {
        assert!(!line.contains('\u{1b}') && !line.contains('\r') && !line.contains('\u{7}'), "{line:?}");
        assert!(!line.starts_with("12:00:00.000 200 POST forged") && !line.starts_with("forged"), "{line:?}");
    }
    let all = lines.join("\n");
    for escaped in [
        "oU\\n12:00:00.000 200",
        "te\\u{1b}[31mxt",
        "k\\r\\nforged-key",
        "m\\u{1b}]0;title\\u{7}",
        "http://x/\\nforged-url",
    ] {
        assert!(all.contains(escaped), "{escaped:?} not in {all}");
    }
}

/// VmRSS of a process in kB.
fn rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn a_log_nobody_reads_neither_blocks_requests_nor_grows_without_bound() {
    let mut child = Command::new(crate::support::bin())
        .args(["serve", "--token", TOKEN, "--port", "0"])
        .env_clear()
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let url = first.split_whitespace().find(|w| w.starts_with("http://")).unwrap().to_owned();
    let addr = address(&url);
    // Far more log than the pipe (64 KiB) and the log buffer (4 MiB) hold, while
    // nobody reads: 24,000 refused requests of about 250 bytes of log line each,
    // pipelined on 4 keep-alive connections.
    let (connections, per_connection) = (4, 6000);
    let request = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "p".repeat(200));
    let flood: Vec<_> = (0..connections)
        .map(|_| {
            let mut stream = TcpStream::connect(&addr).unwrap();
            let reader = stream.try_clone().unwrap();
            let request = request.clone();
            let writer = std::thread::spawn(move || {
                for _ in 0..per_connection {
                    stream.write_all(request.as_bytes()).unwrap();
                }
                stream
            });
            let counter = std::thread::spawn(move || {
                let mut lines = BufReader::new(reader).lines();
                let mut answered = 0;
                while answered < per_connection {
                    match lines.next() {
                        Some(Ok(line)) if line.starts_with("HTTP/1.1 404") => answered += 1,
                        Some(Ok(_)) => {}
                        _ => break,
                    }
                }
                answered
            });
            (writer, counter)
        })
        .collect();
    for (writer, counter) in flood {
        let _stream = writer.join().unwrap();
        assert_eq!(counter.join().unwrap(), per_connection, "every request answered while the log was blocked");
    }
    let rss = rss_kb(child.id());
    assert!(rss < 48 * 1024, "serve holds {rss} kB with its log blocked");
    // Reading again: what fitted comes out, then the count of what did not.
    let reader =
        std::thread::spawn(move || stdout.lines().map(|l| l.unwrap()).find(|l| l.contains("log lines dropped")));
    assert_eq!(post_xml(&signed_url(&url), TEXT).status, 200);
    let notice = reader.join().unwrap().expect("a notice of dropped lines");
    let dropped: u64 = notice.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(dropped > 4_000, "{notice}");
    assert_eq!(notice, format!("wxdev: {dropped} log lines dropped: the log output was blocked"));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn mock_api_is_held_to_the_same_bounds() {
    raise_file_limit();
    let served = Served::start(&["mock-api", "--appid", "wx1", "--secret", "s", "--header-timeout", "1"]);
    let addr = address(&served.url);
    let slow: Vec<TcpStream> = (0..1000)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.write_all(b"GET /cgi-bin/token?grant_type=").unwrap();
            s
        })
        .collect();
    let token_url =
        format!("{}/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=s", served.url.trim_end_matches('/'));
    let best = (0..3)
        .map(|_| {
            let started = Instant::now();
            let answer = crate::support::http::get(&token_url);
            assert_eq!(answer.status, 200);
            assert!(answer.json()["access_token"].is_string());
            started.elapsed()
        })
        .min()
        .unwrap();
    assert!(best < Duration::from_millis(100), "answered in {best:?} beside 1000 slow connections");
    // And the slow ones are cut off by the header timeout.
    let mut first = slow.into_iter().next().unwrap();
    let took = closed_after(&mut first, Duration::from_secs(10)).expect("closed");
    assert!(took < Duration::from_secs(5), "slow header closed after {took:?}");
}
