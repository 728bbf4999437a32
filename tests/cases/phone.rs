//! `wxdev phone`: the chat page in headless Chromium, against `wxdev serve`,
//! scripted endpoints and `mock-api`.

use crate::support::browser::Browser;
use crate::support::{http, wxdev, RawResponse, RawServer, Served};
use wxdev::wechat::{Body, Event, Incoming};

const TOKEN: &str = "phone-test-token-5d1c";
const AES_KEY: &str = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
const APPID: &str = "wx7f3e2d1c0b9a8765";
const SECRET: &str = "Phone-S3cret-never-shown-91ab";
const GH: &str = "gh_3f5e7a9b1c2d";
const FIRST: &str = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";

/// `wxdev phone` on a free loopback port with these extra arguments.
fn phone(extra: &[&str]) -> Served {
    let mut args = vec!["phone", "--listen", "127.0.0.1:0", "--token", TOKEN, "--no-cache"];
    args.extend_from_slice(extra);
    Served::start_exact(&args)
}

fn page(width: u32, phone: &Served) -> Browser {
    let browser = Browser::start(width, 800);
    browser.goto(&phone.url);
    browser.text_of("#mode");
    browser
}

fn say(browser: &Browser, text: &str) {
    browser.type_into("#input", &format!("{text}\u{E007}"));
}

/// A reply from the account to the first user.
fn reply(msg_type_and_body: &str) -> String {
    format!(
        "<xml><ToUserName><![CDATA[{FIRST}]]></ToUserName><FromUserName><![CDATA[{GH}]]></FromUserName>\
         <CreateTime>1700000000</CreateTime>{msg_type_and_body}</xml>"
    )
}

/// Waits for the bot's first bubble.
fn wait_for_reply(browser: &Browser) {
    let started = std::time::Instant::now();
    while browser.count(".row.bot .bubble") == 0 {
        assert!(started.elapsed().as_secs() < 10, "no reply: {}", browser.body_text());
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn events(server: &RawServer) -> Vec<Incoming> {
    server.requests().iter().map(|r| Incoming::parse(&r.body_text()).expect("a WeChat message")).collect()
}

#[test]
fn typing_a_message_shows_the_echo_from_serve() {
    let serve = Served::start(&["serve", "--token", TOKEN]);
    let phone = phone(&["--url", &serve.url]);
    let browser = page(375, &phone);
    say(&browser, "你好，wxdev");
    browser.wait_for_text("你好，wxdev");
    // The echo: the same text again, from the bot.
    wait_for_reply(&browser);
    assert!(browser.text_of(".row.bot .bubble").contains("你好，wxdev"));
    assert!(browser.text_of(".row.self .bubble").contains("你好，wxdev"));
    // The inspector shows the exchange with its verdict.
    browser.click(".row.self .bubble");
    let verdict = browser.text_of("#verdict");
    assert!(verdict.contains("微信接受"), "{verdict}");
    assert!(browser.text_of("#inspector-body").contains("<Content><![CDATA[你好，wxdev]]></Content>"));
    // The conversation survives a reload.
    browser.refresh();
    browser.wait_for_text("你好，wxdev");
}

#[test]
fn a_news_reply_shows_its_card() {
    let news = reply(
        "<MsgType><![CDATA[news]]></MsgType><ArticleCount>1</ArticleCount><Articles><item>\
         <Title><![CDATA[本周精选 <script>alert(1)</script>]]></Title><Description><![CDATA[三篇好文]]></Description>\
         <PicUrl><![CDATA[http://127.0.0.1:9/pic.jpg]]></PicUrl><Url><![CDATA[https://mp.weixin.qq.com/s/x]]></Url>\
         </item></Articles>",
    );
    let server = RawServer::start(move |_| RawResponse::ok(news.clone()));
    let phone = phone(&["--url", &server.url("/wx")]);
    let browser = page(375, &phone);
    say(&browser, "看看新闻");
    let title = browser.text_of(".card.news .card-title");
    assert_eq!(title, "本周精选 <script>alert(1)</script>", "the title is text, never markup");
    assert_eq!(browser.count(".card.news script"), 0);
    assert!(browser.text_of(".card.news").contains("三篇好文"));
    let href = browser.script("return document.querySelector('.card.news a').href");
    assert_eq!(href, "https://mp.weixin.qq.com/s/x");
}

#[test]
fn a_reply_wechat_rejects_shows_the_failure_and_the_verdict() {
    // A text reply addressed to the wrong user.
    let wrong = "<xml><ToUserName><![CDATA[someone_else]]></ToUserName><FromUserName><![CDATA[gh_3f5e7a9b1c2d]]>\
                 </FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>\
                 <Content><![CDATA[hi]]></Content></xml>";
    let server = RawServer::start(move |req| {
        if req.body_text().contains("慢") {
            RawResponse::ok("success").delayed(std::time::Duration::from_millis(800))
        } else {
            RawResponse::ok(wrong)
        }
    });
    let phone = phone(&["--url", &server.url("/wx"), "--timeout", "0.3"]);
    let browser = page(1200, &phone);
    say(&browser, "在吗");
    browser.wait_for_text("该公众号暂时无法提供服务，请稍后再试");
    browser.click(".row.bot .marker");
    let verdict = browser.text_of("#verdict");
    assert!(verdict.contains("微信拒绝此回复"), "{verdict}");
    assert!(verdict.contains("ToUserName"), "the problem is named: {verdict}");
    // An endpoint slower than the deadline: three attempts, then the same notice.
    say(&browser, "慢一点");
    let started = std::time::Instant::now();
    while browser.count(".row.bot .marker") < 2 {
        assert!(started.elapsed().as_secs() < 10, "no second failure: {}", browser.body_text());
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    browser.script("[...document.querySelectorAll('.row.bot .marker')].pop().click()");
    let verdict = browser.text_of("#verdict");
    assert!(verdict.contains("微信没有得到有效回答"), "{verdict}");
    assert!(browser.text_of("#inspector-body").contains("3 / 3"), "three attempts");
}

const MENU: &str = r#"{"button":[
  {"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC"},
  {"name":"菜单","sub_button":[
    {"type":"view","name":"搜索","url":"http://www.soso.com/"},
    {"type":"click","name":"赞一下我们","key":"V1001_GOOD"}]}]}"#;

#[test]
fn tapping_a_menu_button_sends_its_event() {
    let api = Served::start(&["mock-api", "--appid", APPID, "--secret", SECRET]);
    wxdev()
        .file("menu.json", MENU)
        .args(["menu", "create", "menu.json", "--no-cache"])
        .env("WXDEV_API_BASE", &api.url)
        .env("WXDEV_APPID", APPID)
        .env("WXDEV_SECRET", SECRET)
        .run()
        .assert_code(0);
    let server = RawServer::start(|_| RawResponse::ok("success"));
    let phone = phone(&["--url", &server.url("/wx"), "--api-base", &api.url, "--appid", APPID, "--secret", SECRET]);
    let browser = page(375, &phone);
    browser.click_text(".menu-button", "菜单");
    browser.click_text(".submenu-item", "赞一下我们");
    browser.wait_for_text("点击菜单「赞一下我们」");
    browser.click_text(".menu-button", "今日歌曲");
    browser.wait_for_text("点击菜单「今日歌曲」");
    let started = std::time::Instant::now();
    while server.hits() < 2 {
        assert!(started.elapsed().as_secs() < 10, "the endpoint got {} requests", server.hits());
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let got: Vec<Body> = events(&server).into_iter().map(|m| m.body).collect();
    assert_eq!(
        got,
        [
            Body::Event(Event::Click { event_key: "V1001_GOOD".into() }),
            Body::Event(Event::Click { event_key: "V1001_TODAY_MUSIC".into() })
        ]
    );
    // The page and its API never carry the secret or the token.
    let state = http::get(&format!("{}api/state", phone.url)).text();
    let conversation = http::get(&format!("{}api/conversation?user={FIRST}&since=0", phone.url)).text();
    let shown = browser.script("return document.documentElement.outerHTML").to_string();
    for text in [&state, &conversation, &shown] {
        assert!(!text.contains(SECRET) && !text.contains(TOKEN), "a secret reached the page: {text}");
    }
    assert!(state.contains("今日歌曲"), "{state}");
}

#[test]
fn scanning_a_qr_code_follows_with_the_scene() {
    let server = RawServer::start(|_| RawResponse::ok("success"));
    let phone = phone(&["--url", &server.url("/wx")]);
    let browser = page(375, &phone);
    browser.click("#plus");
    browser.click("#open-scan");
    browser.type_into("#scan-scene", "1001");
    browser.click("#scan-send");
    browser.wait_for_text("扫码关注了公众号（场景 1001）");
    browser.wait_for_text("已关注");
    // Now a follower: the same code sends SCAN.
    browser.click("#plus");
    browser.click("#open-scan");
    browser.type_into("#scan-scene", "1001");
    browser.click("#scan-send");
    browser.wait_for_text("你扫描了二维码（场景 1001）");
    let got = events(&server);
    let Body::Event(Event::Subscribe { event_key, ticket }) = &got[0].body else { panic!("{:?}", got[0]) };
    assert_eq!(event_key.as_deref(), Some("qrscene_1001"));
    assert!(ticket.is_some());
    assert!(matches!(&got[1].body, Body::Event(Event::Scan { event_key, .. }) if event_key == "1001"), "{:?}", got[1]);
}

#[test]
fn a_customer_service_message_appears_without_reload() {
    let api = Served::start(&["mock-api", "--appid", APPID, "--secret", SECRET]);
    let server = RawServer::start(|_| RawResponse::ok("success"));
    let phone = phone(&["--url", &server.url("/wx"), "--api-base", &api.url, "--appid", APPID, "--secret", SECRET]);
    let browser = page(375, &phone);
    browser.wait_for_text("未关注");
    // Let the poller take its first look, so the message below is new to it.
    std::thread::sleep(std::time::Duration::from_millis(700));
    let token =
        http::get(&format!("{}/cgi-bin/token?grant_type=client_credential&appid={APPID}&secret={SECRET}", api.url))
            .json()["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
    let sent = http::post(
        &format!("{}/cgi-bin/message/custom/send?access_token={token}", api.url),
        &format!(r#"{{"touser":"{FIRST}","msgtype":"text","text":{{"content":"您的订单已发货"}}}}"#),
    );
    assert_eq!(sent.json()["errcode"], 0, "{}", sent.text());
    browser.wait_for_text("您的订单已发货");
    assert_eq!(browser.text_of(".row.bot .via"), "客服消息");
    let template = http::post(
        &format!("{}/cgi-bin/message/template/send?access_token={token}", api.url),
        &format!(r#"{{"touser":"{FIRST}","template_id":"tpl_ship","data":{{"amount":{{"value":"¥88.00"}}}}}}"#),
    );
    assert_eq!(template.json()["errcode"], 0, "{}", template.text());
    browser.wait_for_text("¥88.00");
    assert!(browser.body_text().contains("模板消息"));
    let mass = http::post(
        &format!("{}/cgi-bin/message/mass/sendall?access_token={token}", api.url),
        r#"{"filter":{"is_to_all":true},"msgtype":"text","text":{"content":"周末大促，全场八折"}}"#,
    );
    assert_eq!(mass.json()["errcode"], 0, "{}", mass.text());
    browser.wait_for_text("周末大促，全场八折");
    assert!(browser.body_text().contains("群发消息"));
    // A QR code made on the mock: the scan carries its ticket.
    browser.click("#plus");
    browser.click("#open-scan");
    browser.type_into("#scan-scene", "spring_sale");
    browser.click("#scan-create");
    browser.click("#scan-send");
    browser.wait_for_text("扫码关注了公众号（场景 spring_sale）");
    let got = events(&server);
    let Body::Event(Event::Subscribe { event_key, ticket: Some(ticket) }) = &got[0].body else { panic!("{got:?}") };
    assert_eq!(event_key.as_deref(), Some("qrscene_spring_sale"));
    let image = http::get(&format!("{}/cgi-bin/showqrcode?ticket={ticket}", api.url));
    assert_eq!(image.status, 200, "the ticket is the mock's");
    // The poller's reads stay out of the mock's log.
    assert!(!api.lines().iter().any(|l| l.contains("/mock/messages")), "{:?}", api.lines());
}

#[test]
fn replies_and_sent_kinds_are_drawn_as_on_a_phone() {
    let server = RawServer::start(|req| {
        let body = req.body_text();
        let answer = |kind_and_body: &str| RawResponse::ok(reply(kind_and_body));
        if body.contains("语音") {
            answer("<MsgType><![CDATA[voice]]></MsgType><Voice><MediaId><![CDATA[VOICE_ID_1]]></MediaId></Voice>")
        } else if body.contains("视频") {
            answer("<MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[VIDEO_ID_2]]></MediaId></Video>")
        } else if body.contains("客服") {
            answer("<MsgType><![CDATA[transfer_customer_service]]></MsgType>")
        } else if body.contains("Location_X") {
            answer("<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[第一行\n见 https://example.com/a]]></Content>")
        } else {
            RawResponse::ok("success")
        }
    });
    let phone = phone(&["--url", &server.url("/wx")]);
    let browser = page(375, &phone);
    say(&browser, "语音");
    browser.wait_for_text("VOICE_ID_1");
    say(&browser, "视频");
    browser.wait_for_text("VIDEO_ID_2");
    say(&browser, "转客服");
    browser.wait_for_text("消息已转接至客服");
    browser.click("#plus");
    browser.click("#open-location");
    browser.click("#location-send");
    browser.wait_for_text("第一行");
    let href = browser.script("const a = [...document.querySelectorAll('.row.bot a')].pop(); return a && a.href");
    assert_eq!(href, "https://example.com/a");
    assert!(browser.body_text().contains("第一行\n见"), "the newline is kept");
    browser.click("#plus");
    browser.click("#open-link");
    browser.click("#link-send");
    browser.wait_for_text("公众平台官网链接");
    // `success`: nothing from the bot, but the exchange is there and accepted.
    let bots_before = browser.count(".row.bot");
    say(&browser, "沉默");
    browser.wait_for_text("沉默");
    let started = std::time::Instant::now();
    while browser.count(".row.self .pending") > 0 {
        assert!(started.elapsed().as_secs() < 10, "no answer");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(1200));
    assert_eq!(browser.count(".row.bot"), bots_before, "success shows nothing");
    let kinds: Vec<String> = events(&server).iter().map(|m| m.msg_type().to_owned()).collect();
    assert_eq!(kinds, ["text", "text", "text", "location", "link", "text"]);
}

/// A 1×1 PNG.
const DOT_PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

#[test]
fn a_picked_image_is_uploaded_and_the_echoed_picture_shown() {
    let api = Served::start(&["mock-api", "--appid", APPID, "--secret", SECRET]);
    let serve = Served::start(&["serve", "--token", TOKEN]);
    let phone = phone(&["--url", &serve.url, "--api-base", &api.url, "--appid", APPID, "--secret", SECRET]);
    let browser = page(375, &phone);
    // What the file picker hands the page.
    browser.script(&format!(
        "const bytes = Uint8Array.from(atob('{DOT_PNG}'), c => c.charCodeAt(0)); \
         sendImage(new File([bytes], 'dot.png', {{type: 'image/png'}}));"
    ));
    let loaded = "const img = document.querySelector('.row.bot img.picture'); \
                  return !!img && img.complete && img.naturalWidth === 1;";
    let started = std::time::Instant::now();
    while browser.script(loaded) != true {
        assert!(started.elapsed().as_secs() < 10, "the echoed picture never loaded: {}", browser.body_text());
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let conversation = http::get(&format!("{}api/conversation?user={FIRST}&since=0", phone.url)).json();
    let mine = &conversation["items"][0];
    let media_id = mine["data"]["media_id"].as_str().unwrap();
    assert!(!media_id.starts_with("sim_"), "the MediaId is the mock's: {media_id}");
    let sent = mine["exchange"]["request_xml"].as_str().unwrap();
    assert!(sent.contains(&format!("<MediaId><![CDATA[{media_id}]]></MediaId>")), "{sent}");
    let answer = http::get(&format!("{}api/media?id={media_id}", phone.url));
    assert_eq!((answer.status, answer.header("content-type")), (200, Some("image/png")));
}

#[test]
fn safe_mode_round_trip_against_serve() {
    let serve = Served::start(&["serve", "--token", TOKEN, "--aes-key", AES_KEY, "--appid", APPID]);
    let phone = phone(&["--url", &serve.url, "--aes-key", AES_KEY, "--appid", APPID]);
    let browser = page(1200, &phone);
    assert_eq!(browser.text_of("#mode"), "安全模式");
    say(&browser, "加密的你好");
    wait_for_reply(&browser);
    assert!(browser.text_of(".row.bot .bubble").contains("加密的你好"));
    browser.click(".row.self .bubble");
    let inspector = browser.text_of("#inspector-body");
    for needle in ["安全模式", "请求原文（加密）", "<Encrypt>", "回复 XML（已解密）", "微信接受"]
    {
        assert!(inspector.contains(needle), "{needle} missing from:\n{inspector}");
    }
    let html = browser.script("return document.documentElement.outerHTML").to_string();
    let conversation = http::get(&format!("{}api/conversation?user={FIRST}&since=0", phone.url)).text();
    let state = http::get(&format!("{}api/state", phone.url)).text();
    for text in [&html, &conversation, &state] {
        assert!(!text.contains(AES_KEY) && !text.contains(TOKEN), "a key reached the page: {text}");
    }
}

#[test]
fn two_users_keep_separate_conversations() {
    let serve = Served::start(&["serve", "--token", TOKEN]);
    let phone = phone(&["--url", &serve.url]);
    let browser = page(375, &phone);
    say(&browser, "我是第一个用户");
    browser.wait_for_text("我是第一个用户");
    browser.click("#users-toggle");
    browser.type_into("#new-user", "o_second_user_abc");
    browser.click("#add-user");
    browser.wait_for_text("未关注");
    say(&browser, "我是第二个用户");
    browser.wait_for_text("我是第二个用户");
    assert!(!browser.body_text().contains("我是第一个用户"), "{}", browser.body_text());
    let script = format!(
        "const s = document.getElementById('user'); s.value = '{FIRST}'; s.dispatchEvent(new Event('change'));"
    );
    browser.script(&script);
    browser.wait_for_text("我是第一个用户");
    assert!(!browser.body_text().contains("我是第二个用户"), "{}", browser.body_text());
}

/// One request with exactly these header lines; the status code answered.
fn status_of(port: u16, head: &str, body: &str) -> u16 {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let request = format!("{head}Content-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0)
}

#[test]
fn foreign_hosts_and_plain_posts_are_refused() {
    let serve = Served::start(&["serve", "--token", TOKEN]);
    let phone = phone(&["--url", &serve.url]);
    let port = url::Url::parse(&phone.url).unwrap().port().unwrap();
    let body = format!(r#"{{"user":"{FIRST}","kind":"text","content":"x"}}"#);
    let post = |host: &str, content_type: &str| {
        status_of(port, &format!("POST /api/send HTTP/1.1\r\n{host}Content-Type: {content_type}\r\n"), &body)
    };
    assert_eq!(post(&format!("Host: localhost:{port}\r\n"), "application/json"), 200);
    assert_eq!(post(&format!("Host: 127.0.0.1:{port}\r\n"), "application/json"), 200);
    // DNS rebinding: a page of another site that resolves to this machine.
    assert_eq!(post(&format!("Host: evil.example:{port}\r\n"), "application/json"), 403);
    assert_eq!(post(&format!("Host: localhost:{port}\r\nHost: evil.example\r\n"), "application/json"), 403);
    assert_eq!(post("", "application/json"), 403);
    // A form another page could post: not JSON.
    assert_eq!(post(&format!("Host: 127.0.0.1:{port}\r\n"), "text/plain"), 415);
    let bad = http::post(&format!("{}api/send", phone.url), r#"{"user":"a b","kind":"text","content":"x"}"#);
    assert_eq!(bad.status, 400);
    assert_eq!(http::get(&format!("{}nope", phone.url)).status, 404);
    wxdev().args(["phone", "--listen", "nonsense"]).run().assert_usage_error("--listen");
    wxdev().args(["phone", "--listen", "127.0.0.1:0", "--from", "not an openid"]).run().assert_usage_error("--from");
    wxdev().args(["phone", "--listen", "127.0.0.1:0", "--mode", "safe"]).run().assert_usage_error("no EncodingAESKey");
}

#[test]
fn the_server_has_serves_bounds_and_escapes_its_log() {
    use std::io::Read;
    let serve = Served::start(&["serve", "--token", TOKEN]);
    let phone = phone(&["--url", &serve.url, "--header-timeout", "1"]);
    let port = url::Url::parse(&phone.url).unwrap().port().unwrap();
    // An idle connection is closed after one to two header timeouts.
    let mut idle = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    idle.set_read_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
    let started = std::time::Instant::now();
    assert_eq!(idle.read(&mut [0u8; 16]).unwrap_or(usize::MAX), 0, "closed, not timed out on our side");
    assert!(started.elapsed().as_millis() < 3000, "{:?}", started.elapsed());
    // Remote text is escaped in the log line.
    let body = format!(r#"{{"user":"{FIRST}","kind":"text","content":"red \u001b[31m alert"}}"#);
    assert_eq!(http::post(&format!("{}api/send", phone.url), &body).status, 200);
    let line = phone.wait_for_line(|l| l.contains(" → "));
    assert!(!line.contains('\u{1b}') && line.contains(r"\u{1b}[31m"), "{line:?}");
}

#[test]
fn open_without_a_browser_is_a_warning() {
    use std::io::{BufRead, BufReader};
    let empty = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(crate::support::bin())
        .args(["phone", "--listen", "127.0.0.1:0", "--token", TOKEN, "--open"])
        .env_clear()
        .env("PATH", empty.path())
        .env("HOME", empty.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut warned = String::new();
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        if line.contains("cannot open a browser") {
            warned = line;
            break;
        }
    }
    let still_running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    assert!(warned.starts_with("warning:") && warned.contains("http://127.0.0.1:"), "{warned:?}");
    assert!(still_running, "a missing browser does not stop phone");
}

/// A 360×200 cover picture: a green gradient with a light band.
fn cover_png() -> Vec<u8> {
    let (w, h) = (360u32, 200u32);
    let mut data = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            let band = if (80..120).contains(&y) { 40 } else { 0 };
            data.extend([(7 + x / 6 + band) as u8, (150 + y / 5 + band / 2) as u8, (96 + x / 8 + band) as u8]);
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header().unwrap().write_image_data(&data).unwrap();
    out
}

/// The picture in docs/phone.png: `cargo test --test cli phone_screenshot -- --ignored`.
#[test]
#[ignore]
fn phone_screenshot() {
    let news = reply(
        "<MsgType><![CDATA[news]]></MsgType><ArticleCount>1</ArticleCount><Articles><item>\
         <Title><![CDATA[wxdev 上手指南：五分钟接入公众号消息]]></Title>\
         <Description><![CDATA[签名、加解密、菜单与客服消息，一个命令行工具全搞定。]]></Description>\
         <PicUrl><![CDATA[PICTURE]]></PicUrl><Url><![CDATA[https://mp.weixin.qq.com/]]></Url></item></Articles>",
    );
    let text = reply("<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好！回复「文章」看本周精选，或点下方菜单。]]></Content>");
    let picture = cover_png();
    let server = RawServer::start(move |req| {
        if req.path() == "/cover.png" {
            return RawResponse::ok(picture.clone()).header("Content-Type", "image/png");
        }
        if req.body_text().contains("文章") {
            let host = req.header("host").unwrap_or_default();
            RawResponse::ok(news.replace("PICTURE", &format!("http://{host}/cover.png")))
        } else {
            RawResponse::ok(text.clone())
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let menu = dir.path().join("menu.json");
    std::fs::write(&menu, MENU).unwrap();
    let phone = phone(&["--url", &server.url("/wx"), "--menu", menu.to_str().unwrap()]);
    let browser = Browser::start(400, 780);
    browser.goto(&phone.url);
    say(&browser, "你好");
    browser.wait_for_text("回复「文章」");
    say(&browser, "文章");
    browser.text_of(".card.news .card-title");
    let started = std::time::Instant::now();
    while browser.script("const i = document.querySelector('.card-picture'); return !!i && i.naturalWidth > 0") != true
    {
        assert!(started.elapsed().as_secs() < 10, "the cover never loaded");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    browser.click_text(".menu-button", "菜单");
    browser.text_of(".submenu-item");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let shot = browser.screenshot("phone");
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/phone.png");
    std::fs::copy(&shot, &docs).unwrap();
}
