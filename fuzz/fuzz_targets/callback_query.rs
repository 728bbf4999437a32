//! The callback query string on every request to the endpoint.
use wxdev::wechat::callback::{request_target, SignatureFailure};
use wxdev::wechat::{CallbackQuery, Signature};

const TOKEN: &str = "AAAAA";

fn main() {
    let base = url::Url::parse("http://127.0.0.1/wechat").unwrap();
    afl::fuzz!(|data: &[u8]| {
        let raw = String::from_utf8_lossy(data);
        let query = CallbackQuery::parse(&raw);
        match query.check_signature(TOKEN) {
            Ok(()) => {}
            Err(SignatureFailure::Missing(_)) => {
                assert!(query.signature.is_none() || query.timestamp.is_none() || query.nonce.is_none())
            }
            Err(SignatureFailure::Mismatch { expected, .. }) => assert_eq!(expected.len(), 40),
        }
        // The same parameters, signed correctly, pass the check.
        if let (Some(timestamp), Some(nonce)) = (&query.timestamp, &query.nonce) {
            let signed =
                CallbackQuery { signature: Some(Signature::url(TOKEN, timestamp, nonce).to_string()), ..query.clone() };
            assert_eq!(signed.check_signature(TOKEN), Ok(()));
        }
        // What we would send parses back to the same query.
        let target = request_target(&base, &query);
        let (_, sent) = target.split_once('?').unwrap();
        assert_eq!(CallbackQuery::parse(sent), query, "{target}");
    });
}
