//! `mock-api`'s parametric QR codes: `qrcode/create` and the PNG behind `showqrcode`.

use super::mock_messages::{call, token};
use super::*;
use crate::support::http::request;

const CREATE: &str = "/cgi-bin/qrcode/create";

fn show(api: &Served, ticket: &str) -> crate::support::http::Answer {
    let ticket: String = url::form_urlencoded::byte_serialize(ticket.as_bytes()).collect();
    request("GET", &format!("{}/cgi-bin/showqrcode?ticket={ticket}", api.url), &[], b"")
}

#[test]
fn qr_codes_are_created_with_wechats_checks() {
    let api = mock(&[]);
    let token = token(&api);
    let (code, answer) =
        call(&api, CREATE, &token, r#"{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":123}}}"#);
    assert_eq!(code, 0, "{answer}");
    assert_eq!(answer["expire_seconds"], 60, "the default lifetime");
    assert!(answer["url"].as_str().unwrap().starts_with("http://weixin.qq.com/q/"));
    let ticket = answer["ticket"].as_str().unwrap();
    assert!(base64::Engine::decode(&base64::engine::general_purpose::STANDARD, ticket).is_ok(), "{ticket}");
    let body = r#"{"expire_seconds":604800,"action_name":"QR_STR_SCENE","action_info":{"scene":{"scene_str":"test"}}}"#;
    assert_eq!(call(&api, CREATE, &token, body).1["expire_seconds"], 604800);
    for body in [
        r#"{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":100000}}}"#,
        r#"{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"长"}}}"#,
    ] {
        let (code, answer) = call(&api, CREATE, &token, body);
        assert!(code == 0 && answer.get("expire_seconds").is_none(), "permanent: {answer}");
    }
    let str64 = "x".repeat(64);
    let str65 = "x".repeat(65);
    for (body, code) in [
        (r#"{"action_info":{"scene":{"scene_id":1}}}"#.to_owned(), 40052),
        (r#"{"action_name":"QR_FOREVER","action_info":{"scene":{"scene_id":1}}}"#.to_owned(), 40052),
        (r#"{"action_name":"QR_SCENE"}"#.to_owned(), 40053),
        (r#"{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":0}}}"#.to_owned(), 40053),
        (r#"{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":4294967296}}}"#.to_owned(), 40053),
        (r#"{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":100001}}}"#.to_owned(), 40053),
        (r#"{"action_name":"QR_SCENE","action_info":{"scene":{"scene_str":"a"}}}"#.to_owned(), 40053),
        (r#"{"action_name":"QR_STR_SCENE","action_info":{"scene":{"scene_str":""}}}"#.to_owned(), 40053),
        (format!(r#"{{"action_name":"QR_STR_SCENE","action_info":{{"scene":{{"scene_str":"{str65}"}}}}}}"#), 40053),
        (
            r#"{"expire_seconds":2592001,"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":1}}}"#.to_owned(),
            40097,
        ),
        (String::new(), 44002),
        ("{".to_owned(), 47001),
    ] {
        assert_eq!(call(&api, CREATE, &token, &body).0, code, "{body}");
    }
    let ok = format!(r#"{{"action_name":"QR_STR_SCENE","action_info":{{"scene":{{"scene_str":"{str64}"}}}}}}"#);
    assert_eq!(call(&api, CREATE, &token, &ok).0, 0);
    assert_eq!(call(&api, CREATE, "", &ok).0, 41001);
    assert_eq!(call(&api, CREATE, "not-a-token", &ok).0, 40014);
}

#[test]
fn showqrcode_draws_the_code_of_the_url_module_by_module() {
    let api = mock(&[]);
    let token = token(&api);
    let body = r#"{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"welcome"}}}"#;
    let answer = call(&api, CREATE, &token, body).1;
    let (ticket, url) = (answer["ticket"].as_str().unwrap(), answer["url"].as_str().unwrap());
    let image = show(&api, ticket);
    assert_eq!((image.status, image.header("Content-Type")), (200, Some("image/png")));

    let decoder = png::Decoder::new(std::io::Cursor::new(image.body.clone()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((frame.color_type, frame.bit_depth), (png::ColorType::Grayscale, png::BitDepth::Eight));
    let side = frame.width as usize;
    assert_eq!(frame.height as usize, side, "square");

    // An independent matrix of the same url: its size fixes the scale, then every module must match.
    let expected = qrcode::QrCode::new(url.as_bytes()).unwrap();
    let modules = expected.width();
    assert_eq!(url.len(), 45);
    assert_eq!(expected.version(), qrcode::Version::Normal(4), "45 bytes need version 4 at level M");
    assert_eq!(modules, 17 + 4 * 4);
    assert_eq!(side % (modules + 8), 0, "a quiet zone of 4 modules on each side");
    let scale = side / (modules + 8);
    assert!(scale >= 3, "a few pixels per module: {scale}");
    let dark = |x: usize, y: usize| pixels[y * side + x] < 128;
    for (i, colour) in expected.to_colors().iter().enumerate() {
        let (mx, my) = (i % modules + 4, i / modules + 4);
        for (dx, dy) in [(0, 0), (scale - 1, 0), (0, scale - 1), (scale - 1, scale - 1)] {
            let (x, y) = (mx * scale + dx, my * scale + dy);
            assert_eq!(dark(x, y), *colour == qrcode::Color::Dark, "module ({mx},{my}) pixel ({x},{y})");
        }
    }
    for i in 0..side {
        for edge in [0, 4 * scale - 1, side - 4 * scale, side - 1] {
            assert!(!dark(i, edge) && !dark(edge, i), "quiet zone at ({i},{edge})");
        }
    }

    assert_eq!(show(&api, "bm8gc3VjaCB0aWNrZXQ=").status, 404);
    assert_eq!(request("GET", &format!("{}/cgi-bin/showqrcode", api.url), &[], b"").status, 404);
    // For a manual check with a real scanner: `WXDEV_KEEP_QR=1 cargo test showqrcode`, then
    // `zbarimg --raw -q $TMPDIR/wxdev-mock-qr.png` prints the url in wxdev-mock-qr.txt.
    if std::env::var_os("WXDEV_KEEP_QR").is_some() {
        std::fs::write(std::env::temp_dir().join("wxdev-mock-qr.png"), &image.body).unwrap();
        std::fs::write(std::env::temp_dir().join("wxdev-mock-qr.txt"), url).unwrap();
    }
}
