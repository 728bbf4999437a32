//! `wxdev simulate menu PATH`: each button type's event, against `wxdev serve`
//! and against a scripted endpoint that checks the fields.

use crate::support::{wxdev, RawResponse, RawServer, Served};
use wxdev::wechat::{Body, Event, Incoming};

/// One button of every type, in get's shape (with `"sub_button":[]`) to show that is read too.
const MENU: &str = r#"{"menu":{"button":[
  {"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC","sub_button":[]},
  {"name":"扫码","sub_button":[
    {"type":"scancode_push","name":"扫码推事件","key":"rselfmenu_0_1","sub_button":[]},
    {"type":"scancode_waitmsg","name":"扫码带提示","key":"rselfmenu_0_0","sub_button":[]},
    {"type":"pic_sysphoto","name":"系统拍照发图","key":"rselfmenu_1_0","sub_button":[]},
    {"type":"pic_photo_or_album","name":"拍照或者相册发图","key":"rselfmenu_1_1","sub_button":[]},
    {"type":"pic_weixin","name":"微信相册发图","key":"rselfmenu_1_2","sub_button":[]}]},
  {"name":"更多","sub_button":[
    {"type":"view","name":"搜索","url":"http://www.soso.com/","sub_button":[]},
    {"type":"location_select","name":"发送位置","key":"rselfmenu_2_0","sub_button":[]},
    {"type":"miniprogram","name":"小程序","url":"http://mp.weixin.qq.com","appid":"wx286b93c14bbf93aa","pagepath":"pages/lunar/index","sub_button":[]},
    {"type":"media_id","name":"图片","media_id":"MEDIA_ID1","sub_button":[]},
    {"type":"article_id","name":"文章","article_id":"ARTICLE_ID1","sub_button":[]}]}]}}"#;

fn press(url: &str, path: &str, extra: &[&str]) -> crate::support::Run {
    wxdev()
        .file("menu.json", MENU)
        .args(["simulate", "menu", path, "--menu", "menu.json", "--url", url, "--token", "tok", "--json"])
        .args(extra)
        .run()
}

/// The pressable buttons and the Event each pushes.
const PUSHING: [(&str, &str); 9] = [
    ("今日歌曲", "CLICK"),
    ("扫码/扫码推事件", "scancode_push"),
    ("扫码/扫码带提示", "scancode_waitmsg"),
    ("扫码/系统拍照发图", "pic_sysphoto"),
    ("扫码/拍照或者相册发图", "pic_photo_or_album"),
    ("扫码/微信相册发图", "pic_weixin"),
    ("更多/搜索", "VIEW"),
    ("更多/发送位置", "location_select"),
    ("更多/小程序", "view_miniprogram"),
];

#[test]
fn every_button_type_is_accepted_by_serve() {
    let served = Served::start(&["serve", "--token", "tok"]);
    for (path, _) in PUSHING {
        let r = press(&served.url, path, &[]);
        r.assert_code(0);
        assert_eq!(r.json()["ok"], true, "{path}: {}", r.stdout);
    }
}

#[test]
fn each_event_carries_its_types_fields() {
    let server = RawServer::start(|req| {
        Incoming::parse(&req.body_text()).expect("a valid message");
        RawResponse::ok("success")
    });
    for (path, _) in PUSHING {
        press(&server.url("/wx"), path, &["--pics", "2", "--menu-id", "42"]).assert_code(0);
    }
    let events: Vec<Incoming> = server.requests().iter().map(|r| Incoming::parse(&r.body_text()).unwrap()).collect();
    for ((path, name), msg) in PUSHING.iter().zip(&events) {
        let Body::Event(event) = &msg.body else { panic!("{path}: not an event") };
        assert_eq!(event.name(), *name, "{path}");
        assert!(msg.msg_id.is_none() && msg.extra.is_empty(), "{path}: {msg:?}");
    }
    assert_eq!(events[0].body, Body::Event(Event::Click { event_key: "V1001_TODAY_MUSIC".into() }));
    let Body::Event(Event::ScanCode { waitmsg: false, event_key, scan_type, scan_result }) = &events[1].body else {
        panic!("{:?}", events[1])
    };
    assert_eq!((event_key.as_str(), scan_type.as_str()), ("rselfmenu_0_1", "qrcode"));
    assert!(!scan_result.is_empty());
    assert!(matches!(&events[2].body, Body::Event(Event::ScanCode { waitmsg: true, .. })));
    for pics in &events[3..6] {
        let Body::Event(Event::Pics { count, md5s, .. }) = &pics.body else { panic!("{pics:?}") };
        assert_eq!(count, "2");
        assert_eq!(md5s.len(), 2);
        assert!(md5s.iter().all(|m| m.len() == 32 && m.chars().all(|c| c.is_ascii_hexdigit())), "{md5s:?}");
    }
    assert_eq!(
        events[6].body,
        Body::Event(Event::View { event_key: "http://www.soso.com/".into(), menu_id: Some("42".into()) })
    );
    let Body::Event(Event::LocationSelect { event_key, lat, lng, scale, label, poiname }) = &events[7].body else {
        panic!("{:?}", events[7])
    };
    assert_eq!(event_key, "rselfmenu_2_0");
    assert!(lat.parse::<f64>().is_ok() && lng.parse::<f64>().is_ok() && scale.parse::<u32>().is_ok());
    assert!(!label.is_empty() && poiname.is_empty());
    assert_eq!(
        events[8].body,
        Body::Event(Event::ViewMiniprogram { event_key: "pages/lunar/index".into(), menu_id: Some("42".into()) })
    );
    // The wire form follows WeChat's samples: nested info elements, numbers in CDATA where WeChat puts them.
    let raw: Vec<String> = server.requests().iter().map(|r| r.body_text()).collect();
    assert!(
        raw[1].contains("<ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA["),
        "{}",
        raw[1]
    );
    assert!(raw[3].contains("<SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum><![CDATA["), "{}", raw[3]);
    assert!(raw[7].contains("<SendLocationInfo><Location_X><![CDATA["), "{}", raw[7]);
    assert!(
        raw[8].contains("<EventKey><![CDATA[pages/lunar/index]]></EventKey><MenuId>42</MenuId></xml>"),
        "{}",
        raw[8]
    );
}

#[test]
fn buttons_that_push_nothing_and_unknown_names_are_usage_errors() {
    let server = RawServer::start(|_| RawResponse::ok("success"));
    let url = server.url("/wx");
    let r = press(&url, "更多/图片", &[]);
    r.assert_code(2);
    assert!(r
        .stderr
        .contains("\"更多/图片\" is a media_id button: WeChat shows the material itself and pushes nothing"));
    press(&url, "更多/文章", &[]).assert_code(2);
    let r = press(&url, "扫码", &[]);
    r.assert_code(2);
    assert!(r.stderr.contains("opens a submenu") && r.stderr.contains("扫码/扫码推事件"), "{}", r.stderr);
    let r = press(&url, "天气/今日", &[]);
    r.assert_usage_error("the menu has no button \"天气/今日\"");
    assert!(r.stderr.contains("press one of: 今日歌曲, 扫码/扫码推事件,"), "{}", r.stderr);
    assert_eq!(server.hits(), 0, "nothing was sent");
}

#[test]
fn the_menu_comes_from_menu_get_without_menu() {
    let api = crate::cases::api::mock(&[]);
    let server = RawServer::start(|_| RawResponse::ok("success"));
    let wx = |w: crate::support::Wx| {
        w.env("WXDEV_API_BASE", &api.url)
            .env("WXDEV_APPID", crate::cases::api::APPID)
            .env("WXDEV_SECRET", crate::cases::api::SECRET)
    };
    wx(wxdev().file("m.json", MENU).args(["menu", "create", "m.json", "--no-cache"])).run().assert_code(0);
    let r = wx(wxdev().args(["simulate", "menu", "更多/发送位置", "--no-cache", "--token", "tok", "--url"]))
        .arg(server.url("/wx"))
        .run();
    r.assert_code(0);
    let msg = Incoming::parse(&server.requests()[0].body_text()).unwrap();
    assert!(matches!(&msg.body, Body::Event(Event::LocationSelect { event_key, .. }) if event_key == "rselfmenu_2_0"));
}
