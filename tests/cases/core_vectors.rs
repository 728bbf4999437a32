//! The shared vectors against the library core.

use crate::support::vectors;
use wxdev::wechat::{Body, Event, Incoming, Signature};

#[test]
fn url_signature_vectors() {
    let v = vectors();
    for case in v["url_signature"].as_array().unwrap() {
        let s = |k: &str| case[k].as_str().unwrap();
        let sig = Signature::url(s("token"), s("timestamp"), s("nonce"));
        assert_eq!(sig.as_str(), s("signature"), "{}", s("id"));
        if let Some(sorted) = case["sorted_concat"].as_str() {
            assert_eq!(sig.hashed(), sorted, "{}", s("id"));
        }
        assert!(sig.matches(s("signature")));
    }
    for case in v["url_signature_negative"].as_array().unwrap() {
        let s = |k: &str| case[k].as_str().unwrap();
        assert!(!Signature::url(s("token"), s("timestamp"), s("nonce")).matches(s("signature")), "{}", s("id"));
    }
}

#[test]
fn msg_signature_vectors() {
    for case in vectors()["msg_signature"].as_array().unwrap() {
        let s = |k: &str| case[k].as_str().unwrap();
        let sig = Signature::msg(s("token"), s("timestamp"), s("nonce"), s("encrypt"));
        assert_eq!(sig.as_str(), s("msg_signature"), "{}", s("id"));
    }
}

#[test]
fn xml_samples_parse_to_the_right_type_and_fields() {
    for case in vectors()["xml_samples"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let xml = case["xml"].as_str().unwrap();
        let msg = Incoming::parse(xml).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(msg.to, "toUser", "{id}");
        assert_eq!(msg.from, "fromUser", "{id}");
        let f = &case["wechatpy_fields"];
        let field = |k: &str| f[k].as_str().map(str::to_owned).unwrap_or_else(|| f[k].to_string());
        match (case["wechatpy_type"].as_str().unwrap(), &msg.body) {
            ("text", Body::Text { content }) => {
                assert_eq!(content, &field("content"));
                assert_eq!(msg.msg_id.as_deref(), Some(field("id").as_str()));
                // MsgDataId and Idx are not lost.
                assert!(msg.to_xml().contains("<MsgDataId>xxxx</MsgDataId><Idx>xxxx</Idx>"));
            }
            ("image", Body::Image { pic_url, media_id }) => {
                assert_eq!(pic_url, &field("image"));
                assert_eq!(media_id, &field("media_id"));
            }
            ("voice", Body::Voice { media_id, format, .. }) => {
                assert_eq!(media_id, &field("media_id"));
                assert_eq!(format, &field("format"));
                assert!(msg.to_xml().contains("<MediaId16K><![CDATA[media_id_16k]]></MediaId16K>"));
            }
            ("shortvideo", Body::ShortVideo { thumb_media_id, .. }) => {
                assert_eq!(thumb_media_id, &field("thumb_media_id"))
            }
            ("location", Body::Location { label, scale, .. }) => {
                assert_eq!(label, &field("label"));
                assert_eq!(scale, &field("scale"));
            }
            ("link", Body::Link { url, .. }) => assert_eq!(url, &field("url")),
            ("subscribe_scan", Body::Event(Event::Subscribe { event_key, ticket })) => {
                assert_eq!(event_key.as_deref(), Some(format!("qrscene_{}", field("scene_id")).as_str()));
                assert_eq!(ticket.as_deref(), Some(field("ticket").as_str()));
            }
            ("scan", Body::Event(Event::Scan { event_key, .. })) => assert_eq!(event_key, &field("scene_id")),
            ("location", Body::Event(Event::Location { latitude, longitude, precision })) => {
                assert_eq!(latitude.parse::<f64>().unwrap(), f["latitude"].as_f64().unwrap());
                assert_eq!(longitude.parse::<f64>().unwrap(), f["longitude"].as_f64().unwrap());
                assert_eq!(precision.parse::<f64>().unwrap(), f["precision"].as_f64().unwrap());
            }
            ("click", Body::Event(Event::Click { event_key })) => assert_eq!(event_key, &field("key")),
            ("view", Body::Event(Event::View { event_key, menu_id })) => {
                assert_eq!(event_key, &field("url"));
                assert_eq!(menu_id.as_deref(), Some("MENUID"));
            }
            ("unsubscribe", Body::Event(Event::Unsubscribe)) => {}
            (expected, got) => panic!("{id}: expected {expected}, parsed {got:?}"),
        }
        // Parsing the rendering gives the same message: nothing is lost.
        assert_eq!(Incoming::parse(&msg.to_xml()).unwrap(), msg, "{id}");
    }
}

#[test]
fn menu_event_vectors_parse_to_their_fields_and_render_byte_for_byte() {
    use wxdev::wechat::PicSource;
    for case in vectors()["menu_event_xml"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let xml = case["xml"].as_str().unwrap();
        let msg = Incoming::parse(xml).unwrap_or_else(|e| panic!("{id}: {e}"));
        let f = &case["wechatpy_fields"];
        let field = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
        let Body::Event(event) = &msg.body else { panic!("{id}: not an event") };
        assert_eq!(event.name(), case["wechatpy_type"].as_str().unwrap(), "{id}");
        match event {
            Event::ScanCode { event_key, scan_type, scan_result, .. } => {
                assert_eq!(
                    (event_key, scan_type, scan_result),
                    (&field("key"), &field("scan_type"), &field("scan_result"))
                );
            }
            Event::Pics { source, event_key, count, md5s } => {
                assert_eq!(source.as_str(), event.name());
                assert!(matches!(source, PicSource::SysPhoto | PicSource::PhotoOrAlbum | PicSource::Weixin));
                assert_eq!(event_key, &field("key"));
                assert_eq!(count, &f["count"].to_string());
                let expected: Vec<&str> =
                    f["pictures"].as_array().unwrap().iter().map(|p| p["PicMd5Sum"].as_str().unwrap()).collect();
                assert_eq!(md5s, &expected, "{id}");
            }
            Event::LocationSelect { event_key, lat, lng, scale, label, poiname } => {
                assert_eq!(event_key, &field("key"));
                assert_eq!(
                    [lat.as_str(), lng.as_str()],
                    [f["location"][0].as_str().unwrap(), f["location"][1].as_str().unwrap()]
                );
                assert_eq!(scale, &field("scale"));
                // wechatpy strips the leading space of the official sample; wxdev keeps it as sent.
                assert_eq!(label.trim(), field("label"));
                assert_eq!(poiname, "", "an empty Poiname is kept empty");
            }
            Event::ViewMiniprogram { event_key, menu_id } => {
                assert_eq!(event_key, &field("page_path"));
                assert_eq!(menu_id.as_deref(), Some(field("menu_id").as_str()));
            }
            other => panic!("{id}: parsed {other:?}"),
        }
        assert!(msg.extra.is_empty(), "{id}: nothing left over: {:?}", msg.extra);
        assert_eq!(msg.to_xml(), xml, "{id}: rendered as WeChat sends it");
    }
}
