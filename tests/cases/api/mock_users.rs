//! `mock-api`'s user/info and ticket/getticket, and the 404 of a path it does not implement.

use super::mock_messages::token;
use super::*;
use crate::support::http::request;

fn get(api: &Served, path_and_query: &str) -> Value {
    let answer = request("GET", &format!("{}{path_and_query}", api.url), &[], b"");
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json()
}

#[test]
fn any_well_formed_openid_is_a_subscriber() {
    let api = mock(&[]);
    let token = token(&api);
    let info =
        get(&api, &format!("/cgi-bin/user/info?access_token={token}&openid=o6_bmjrPTlm6_2sgVt7hMZOPfL2M&lang=zh_CN"));
    assert_eq!((info["subscribe"].as_i64(), info["openid"].as_str()), (Some(1), Some("o6_bmjrPTlm6_2sgVt7hMZOPfL2M")));
    assert!(info["subscribe_time"].is_u64() && info["tagid_list"].is_array() && info["subscribe_scene"].is_string());
    assert!(info.get("nickname").is_none() && info.get("headimgurl").is_none(), "{info}");
    let again = get(&api, &format!("/cgi-bin/user/info?access_token={token}&openid=o6_bmjrPTlm6_2sgVt7hMZOPfL2M"));
    assert_eq!(again["subscribe_time"], info["subscribe_time"]);
    for query in [format!("access_token={token}"), format!("access_token={token}&openid=a%20b")] {
        assert_eq!(get(&api, &format!("/cgi-bin/user/info?{query}"))["errcode"], 40003, "{query}");
    }
    assert_eq!(get(&api, "/cgi-bin/user/info?openid=o6_bmjrPTlm6")["errcode"], 41001);
    let post = request("POST", &format!("{}/cgi-bin/user/info?access_token={token}&openid=user-1", api.url), &[], b"");
    assert_eq!(post.json()["errcode"], 43001);
}

#[test]
fn jsapi_and_card_tickets_stay_the_same_until_they_expire() {
    let api = mock(&[]);
    let token = token(&api);
    let jsapi = get(&api, &format!("/cgi-bin/ticket/getticket?access_token={token}&type=jsapi"));
    assert_eq!((jsapi["errcode"].as_i64(), jsapi["errmsg"].as_str()), (Some(0), Some("ok")));
    assert_eq!(jsapi["expires_in"], 7200);
    let ticket = jsapi["ticket"].as_str().unwrap();
    let again = get(&api, &format!("/cgi-bin/ticket/getticket?access_token={token}&type=jsapi"));
    assert_eq!(again["ticket"].as_str(), Some(ticket));
    let card = get(&api, &format!("/cgi-bin/ticket/getticket?access_token={token}&type=wx_card"));
    assert!(card["ticket"].is_string() && card["ticket"].as_str() != Some(ticket));
    assert_eq!(get(&api, &format!("/cgi-bin/ticket/getticket?access_token={token}&type=x"))["errcode"], 40097);
    assert_eq!(get(&api, "/cgi-bin/ticket/getticket?access_token=bad&type=jsapi")["errcode"], 40014);
}

#[test]
fn a_path_not_mocked_is_a_404_naming_it() {
    let api = mock(&[]);
    let answer = request("POST", &format!("{}/cgi-bin/foo?access_token=x", api.url), &[], b"{}");
    assert_eq!(answer.status, 404);
    assert!(answer.header("Content-Type").unwrap().starts_with("application/json"));
    assert_eq!(
        answer.json(),
        serde_json::json!({"errcode": -1, "errmsg": "wxdev mock-api does not implement /cgi-bin/foo"})
    );
    let long = format!("/cgi-bin/{}", "x".repeat(500));
    let errmsg = request("GET", &format!("{}{long}", api.url), &[], b"").json()["errmsg"].as_str().unwrap().to_owned();
    assert!(errmsg.len() < 150 && errmsg.ends_with('…'), "{errmsg}");
}
