//! `mock-api`'s permanent material and content images.

use super::mock_messages::{call, token};
use super::*;
use crate::support::http::request;

fn upload(api: &Served, path: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Value {
    let mut body = Vec::new();
    for (name, file, data) in parts {
        let file = file.map(|f| format!("; filename=\"{f}\"")).unwrap_or_default();
        body.extend(format!("--B0uNd\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n").bytes());
        body.extend(*data);
        body.extend(b"\r\n");
    }
    body.extend(b"--B0uNd--\r\n");
    let answer = request(
        "POST",
        &format!("{}{path}", api.url),
        &[("Content-Type", "multipart/form-data; boundary=B0uNd")],
        &body,
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json()
}

#[test]
fn material_is_added_listed_fetched_and_deleted() {
    let api = mock(&[]);
    let token = token(&api);
    let add = |query: &str, parts: &[(&str, Option<&str>, &[u8])]| {
        upload(&api, &format!("/cgi-bin/material/add_material?access_token={token}&{query}"), parts)
    };
    let png = sample(PNG);
    let image = add("type=image", &[("media", Some("a.png"), &png)]);
    let (id, url) = (image["media_id"].as_str().unwrap(), image["url"].as_str().unwrap());
    assert_eq!(request("GET", url, &[], b"").body, png, "the url serves the image");
    let mp4 = sample(MP4);
    let description = r#"{"title":"T","introduction":"I"}"#;
    assert_eq!(add("type=video", &[("media", Some("v.mp4"), &mp4)])["errcode"], 41005, "video needs a description");
    let video = add("type=video", &[("media", Some("v.mp4"), &mp4), ("description", None, description.as_bytes())]);
    assert!(video.get("url").is_none(), "url for images only: {video}");
    let in_query = add("type=video&description=%7B%22title%22%3A%22Q%22%7D", &[("media", Some("v.mp4"), &mp4)]);
    assert!(in_query["media_id"].is_string(), "{in_query}");
    assert_eq!(add("type=image", &[("media", Some("a.mp3"), &sample(MP3))])["errcode"], 40005);
    assert_eq!(add("type=doc", &[("media", Some("a.png"), &png)])["errcode"], 40004);
    assert_eq!(add("type=thumb", &[("media", Some("a.jpg"), &vec![0xff; 70_000])])["errcode"], 40012);

    let get = call(
        &api,
        "/cgi-bin/material/get_material",
        &token,
        &format!(r#"{{"media_id":"{}"}}"#, video["media_id"].as_str().unwrap()),
    )
    .1;
    assert_eq!((get["title"].as_str(), get["description"].as_str()), (Some("T"), Some("I")));
    assert!(get["down_url"].is_string());
    let bytes = request(
        "POST",
        &format!("{}/cgi-bin/material/get_material?access_token={token}", api.url),
        &[],
        format!(r#"{{"media_id":"{id}"}}"#).as_bytes(),
    );
    assert_eq!((bytes.header("Content-Type"), bytes.body.clone()), (Some("image/png"), png.clone()));

    let count =
        request("GET", &format!("{}/cgi-bin/material/get_materialcount?access_token={token}", api.url), &[], b"")
            .json();
    assert_eq!(
        (count["image_count"].as_u64(), count["video_count"].as_u64(), count["voice_count"].as_u64()),
        (Some(1), Some(2), Some(0))
    );
    let list = call(&api, "/cgi-bin/material/batchget_material", &token, r#"{"type":"video","offset":1,"count":20}"#).1;
    assert_eq!((list["total_count"].as_u64(), list["item_count"].as_u64()), (Some(2), Some(1)));
    assert!(list["item"][0]["media_id"].is_string() && list["item"][0]["update_time"].is_i64());
    let images =
        call(&api, "/cgi-bin/material/batchget_material", &token, r#"{"type":"image","offset":0,"count":1}"#).1;
    assert_eq!(images["item"][0]["url"].as_str(), Some(url));
    for body in [r#"{"type":"image","offset":0,"count":21}"#, r#"{"type":"image","offset":0,"count":0}"#] {
        assert_eq!(call(&api, "/cgi-bin/material/batchget_material", &token, body).0, 40097);
    }

    let del = format!(r#"{{"media_id":"{id}"}}"#);
    assert_eq!(
        call(&api, "/cgi-bin/material/del_material", &token, &del),
        (0, serde_json::json!({"errcode":0,"errmsg":"ok"}))
    );
    assert_eq!(call(&api, "/cgi-bin/material/del_material", &token, &del).0, 40007);
    assert_eq!(call(&api, "/cgi-bin/material/get_material", &token, "{}").0, 41006);
    assert_eq!(request("GET", url, &[], b"").status, 404);
}

#[test]
fn content_images_are_small_jpg_or_png_and_served() {
    let api = mock(&[]);
    let token = token(&api);
    let path = format!("/cgi-bin/media/uploadimg?access_token={token}");
    let jpeg = sample(JPEG);
    let answer = upload(&api, &path, &[("media", Some("a.jpg"), &jpeg)]);
    assert_eq!(request("GET", answer["url"].as_str().unwrap(), &[], b"").body, jpeg);
    assert_eq!(upload(&api, &path, &[("media", Some("a.gif"), &sample(GIF))])["errcode"], 40005);
    let mut big = JPEG.to_vec();
    big.resize(1024 * 1024, 0);
    assert_eq!(upload(&api, &path, &[("media", Some("a.jpg"), &big)])["errcode"], 40009);
    assert_eq!(upload(&api, "/cgi-bin/media/uploadimg", &[("media", Some("a.jpg"), &jpeg)])["errcode"], 41001);
}
