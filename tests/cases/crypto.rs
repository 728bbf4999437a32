//! Safe and compatible mode: the shared vectors, `sign --encrypt`, `decrypt`
//! and `encrypt` through the real binary, each failure with its exit code, and
//! randomized round trips and tampering through the library.

use crate::support::{vectors, wxdev, Run, Wx};
use aes::cipher::generic_array::GenericArray;
use aes::cipher::{BlockEncryptMut, KeyIvInit};
use base64::Engine as _;
use rand::{Rng, SeedableRng};
use serde_json::Value;
use wxdev::wechat::crypto::{self, AesKey, CryptoError, Envelope, MsgCrypt};
use wxdev::wechat::{Element, Signature};

const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const APPID: &str = "wx2c2769f8efd9abc2";

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("vector {} has no {key}", v["id"]))
}

fn opt<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v[key].as_str()
}

fn list(key: &str) -> Vec<Value> {
    let all = vectors();
    let items = all[key].as_array().unwrap_or_else(|| panic!("vectors.json has no {key}")).clone();
    assert!(!items.is_empty(), "{key} is empty");
    items
}

/// The 16-byte random prefix of a vector, given in hex or ASCII.
fn prefix(v: &Value, hex_key: &str, ascii_key: &str) -> Option<[u8; 16]> {
    let bytes = match (opt(v, hex_key), opt(v, ascii_key)) {
        (Some(h), _) => hex::decode(h).unwrap(),
        (None, Some(a)) => a.as_bytes().to_vec(),
        (None, None) => return None,
    };
    Some(bytes.try_into().unwrap())
}

fn crypt_of(v: &Value) -> MsgCrypt {
    MsgCrypt::from_encoding_key(s(v, "encoding_aes_key"), s(v, "appid")).unwrap()
}

/// `wxdev decrypt` with the vector's key and appid.
fn decrypt_with(key: &str, appid: &str) -> Wx {
    wxdev().args(["decrypt", "--aes-key", key, "--appid", appid])
}

/// Encrypts raw, already padded plaintext with the key, to forge what the library never produces.
fn seal_raw(encoding_key: &str, plain: &[u8]) -> String {
    let key = AesKey::from_encoding_key(encoding_key).unwrap();
    let mut cipher = cbc::Encryptor::<aes::Aes256>::new(&(*key.bytes()).into(), &key.iv().into());
    let mut buf = plain.to_vec();
    for block in buf.chunks_exact_mut(16) {
        cipher.encrypt_block_mut(GenericArray::from_mut_slice(block));
    }
    base64::engine::general_purpose::STANDARD.encode(buf)
}

/// 16 random bytes ‖ length ‖ message ‖ appid ‖ 32-byte PKCS#7, with a chosen length field.
fn framed(declared_len: u32, message: &[u8], appid: &[u8]) -> Vec<u8> {
    let mut buf = b"0123456789abcdef".to_vec();
    buf.extend_from_slice(&declared_len.to_be_bytes());
    buf.extend_from_slice(message);
    buf.extend_from_slice(appid);
    let pad = 32 - buf.len() % 32;
    buf.resize(buf.len() + pad, pad as u8);
    buf
}

/// No run ever shows a secret.
fn assert_no_secrets(run: &Run, secrets: &[&str]) {
    for secret in secrets {
        assert!(!run.stdout.contains(secret) && !run.stderr.contains(secret), "{secret} shown:\n{}", run.stderr);
    }
}

// ---- the shared vectors ----

#[test]
fn msg_signature_vectors_through_sign() {
    for v in list("msg_signature") {
        let args = ["sign", "--token", s(&v, "token"), "--timestamp", s(&v, "timestamp"), "--nonce", s(&v, "nonce")];
        let run = wxdev().args(args).args(["--encrypt", s(&v, "encrypt")]).run();
        run.assert_code(0);
        assert_eq!(run.stdout, format!("{}\n", s(&v, "msg_signature")), "{}", v["id"]);
        assert_no_secrets(&run, &[s(&v, "token")]);

        let json = wxdev().args(args).args(["--encrypt", s(&v, "encrypt"), "--json"]).run().json();
        assert_eq!(json["msg_signature"], v["msg_signature"]);
        let url_signature = Signature::url(s(&v, "token"), s(&v, "timestamp"), s(&v, "nonce"));
        assert_eq!(json["signature"], url_signature.as_str(), "the URL signature is still reported");

        let expected = Signature::msg(s(&v, "token"), s(&v, "timestamp"), s(&v, "nonce"), s(&v, "encrypt"));
        assert_eq!(expected.as_str(), s(&v, "msg_signature"));
        assert!(crypto::check_msg_signature(
            s(&v, "token"),
            s(&v, "timestamp"),
            s(&v, "nonce"),
            s(&v, "encrypt"),
            s(&v, "msg_signature")
        )
        .is_ok());
    }
}

#[test]
fn sign_encrypt_explains_and_signs_urls() {
    let args = ["sign", "--token", "spamtest", "--timestamp", "1409735669", "--nonce", "1320562132"];
    let run = wxdev().args(args).args(["--encrypt", "E", "--explain"]).run();
    run.assert_code(0);
    assert!(run.stderr.contains("sorted and concatenated: 13205621321409735669Espamtest"), "{}", run.stderr);
    assert_eq!(run.stdout.trim(), Signature::msg("spamtest", "1409735669", "1320562132", "E").as_str());

    let run = wxdev().args(args).args(["--encrypt", "E", "http://127.0.0.1:8080/wechat?x=1"]).run();
    run.assert_code(0);
    let url = url::Url::parse(run.stdout.trim()).unwrap();
    let query: Vec<(String, String)> = url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let get = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    assert_eq!(get("x"), Some("1"));
    assert_eq!(get("encrypt_type"), Some("aes"));
    assert_eq!(get("signature"), Some(Signature::url("spamtest", "1409735669", "1320562132").as_str()));
    assert_eq!(get("msg_signature"), Some(Signature::msg("spamtest", "1409735669", "1320562132", "E").as_str()));

    // Without --encrypt nothing changes.
    let run = wxdev().args(args).arg("--json").run();
    assert!(run.json().get("msg_signature").is_none());
    wxdev().args(args).args(["--encrypt", ""]).run().assert_usage_error("--encrypt is empty");
    wxdev().args(["sign", "--encrypt", "E"]).run().assert_usage_error("no token");
}

#[test]
fn decrypt_vectors_through_the_binary() {
    for v in list("decrypt") {
        let id = &v["id"];
        let expected = format!("{}\n", s(&v, "expected_plaintext"));
        let (key, appid) = (s(&v, "encoding_aes_key"), s(&v, "appid"));

        // A bare value on stdin.
        let run = decrypt_with(key, appid).stdin(s(&v, "encrypt")).run();
        run.assert_code(0);
        assert_eq!(run.stdout, expected, "{id}");
        assert_eq!(run.stderr, "", "{id}");
        assert_no_secrets(&run, &[key]);

        // Every captured body, from a file and through `-`.
        for body_key in ["request_body", "request_body_safe_mode", "request_body_compatible_mode"] {
            let Some(body) = opt(&v, body_key) else { continue };
            let run = decrypt_with(key, appid).arg("body.xml").file("body.xml", body).run();
            run.assert_code(0);
            assert_eq!(run.stdout, expected, "{id} {body_key}");
            let run = decrypt_with(key, appid).arg("-").stdin(body).run();
            assert_eq!(run.stdout, expected, "{id} {body_key} on stdin");
        }

        // With the signature inputs the msg_signature is checked too.
        if let (Some(token), Some(ts), Some(nonce), Some(sig)) =
            (opt(&v, "token"), opt(&v, "timestamp"), opt(&v, "nonce"), opt(&v, "msg_signature"))
        {
            let run = decrypt_with(key, appid)
                .args(["--token", token, "--timestamp", ts, "--nonce", nonce, "--msg-signature", sig, "--json"])
                .stdin(s(&v, "encrypt"))
                .run();
            run.assert_code(0);
            let json = run.json();
            assert_eq!(json["ok"], true, "{id}");
            assert_eq!(json["plaintext"], v["expected_plaintext"], "{id}");
            assert_eq!(json["appid"], appid, "{id}");
            assert_eq!(json["msg_signature_ok"], true, "{id}");
            assert_eq!(json["problems"], serde_json::json!([]), "{id}");
            assert_no_secrets(&run, &[key, token]);
        }
    }
}

#[test]
fn decrypt_vectors_in_the_library() {
    for v in list("decrypt") {
        let id = &v["id"];
        let crypt = crypt_of(&v);
        assert_eq!(crypt.decrypt(s(&v, "encrypt")).unwrap(), s(&v, "expected_plaintext"), "{id}");
        let found = crypt.decrypt_any_appid(s(&v, "encrypt")).unwrap();
        assert_eq!(found.appid, s(&v, "appid"), "{id}");
        if let Some(prefix) = prefix(&v, "expected_random_prefix_hex", "expected_random_prefix_ascii") {
            assert_eq!(found.random, prefix, "{id}");
        }
        for len_key in ["expected_msg_len", "expected_msg_len_bytes"] {
            if let Some(len) = v[len_key].as_u64() {
                assert_eq!(found.message.len() as u64, len, "{id}");
            }
        }
        if let Some(padded) = v["padded_plaintext_len"].as_u64() {
            let ciphertext = base64::engine::general_purpose::STANDARD.decode(s(&v, "encrypt")).unwrap();
            assert_eq!(ciphertext.len() as u64, padded, "{id}");
            let pad = v["pkcs7_pad"].as_u64().unwrap();
            let framed = 20 + found.message.len() + found.appid.len();
            assert_eq!((framed as u64) + pad, padded, "{id}");
        }
        for body_key in ["request_body", "request_body_safe_mode", "request_body_compatible_mode"] {
            if let Some(body) = opt(&v, body_key) {
                assert_eq!(Envelope::parse(body).unwrap().encrypt, s(&v, "encrypt"), "{id} {body_key}");
            }
        }
        // The bodies wxdev builds are the ones WeChat sends.
        if let Some(safe) = opt(&v, "request_body_safe_mode") {
            let to = Envelope::parse(safe).unwrap().to_user_name.unwrap();
            assert_eq!(crypto::safe_request_xml(&to, s(&v, "encrypt")), safe, "{id}");
        }
        if let Some(compat) = opt(&v, "request_body_compatible_mode") {
            let plain = Element::parse_document(s(&v, "expected_plaintext")).unwrap();
            assert_eq!(crypto::compat_request_xml(&plain, s(&v, "encrypt")), compat, "{id}");
        }
    }
}

#[test]
fn encrypt_vectors_with_a_fixed_prefix() {
    for v in list("encrypt") {
        let id = &v["id"];
        let crypt = crypt_of(&v);
        let prefix = prefix(&v, "random_prefix_hex", "random_prefix_ascii").unwrap();
        let encrypt = crypt.encrypt_with_prefix(prefix, s(&v, "plaintext"));
        assert_eq!(encrypt, s(&v, "expected_encrypt"), "{id}");
        assert_eq!(crypt.decrypt(&encrypt).unwrap(), s(&v, "plaintext"), "{id}");
        if let Some(len) = v["expected_ciphertext_len_bytes"].as_u64() {
            let ciphertext = base64::engine::general_purpose::STANDARD.decode(&encrypt).unwrap();
            assert_eq!(ciphertext.len() as u64, len, "{id}");
        }
        let Some(expected_signature) = opt(&v, "expected_msg_signature") else { continue };
        let (token, ts, nonce) = (s(&v, "token"), s(&v, "timestamp"), s(&v, "nonce"));
        let reply = Envelope::signed_reply(token, encrypt, ts, nonce);
        assert_eq!(reply.msg_signature.as_deref(), Some(expected_signature), "{id}");
        assert!(reply.check_signature(token).is_ok(), "{id}");
        let xml = reply.reply_xml();
        for xml_key in ["expected_reply_xml", "expected_reply_xml_wechatpy_format"] {
            if let Some(expected) = opt(&v, xml_key) {
                assert_eq!(xml, expected, "{id} {xml_key}");
            }
        }
    }
}

#[test]
fn encrypt_vectors_round_trip_through_the_binary() {
    for v in list("encrypt") {
        let id = &v["id"];
        let (key, appid) = (s(&v, "encoding_aes_key"), s(&v, "appid"));
        let token = opt(&v, "token").unwrap_or("wxdev-test-token");
        let (ts, nonce) = (opt(&v, "timestamp").unwrap_or("1700000000"), opt(&v, "nonce").unwrap_or("123456789"));
        let common = ["--aes-key", key, "--appid", appid, "--token", token];
        let run = wxdev()
            .arg("encrypt")
            .args(common)
            .args(["--timestamp", ts, "--nonce", nonce])
            .stdin(format!("{}\n", s(&v, "plaintext")))
            .run();
        run.assert_code(0);
        assert_eq!(run.stderr, "", "{id}");
        assert_no_secrets(&run, &[key, token]);
        let xml = run.stdout.strip_suffix('\n').unwrap();
        let envelope = Envelope::parse(xml).unwrap();
        assert_eq!(envelope.timestamp.as_deref(), Some(ts), "{id}");
        assert_eq!(envelope.nonce.as_deref(), Some(nonce), "{id}");
        assert!(envelope.check_signature(token).is_ok(), "{id}");
        assert_eq!(crypt_of(&v).decrypt(&envelope.encrypt).unwrap(), s(&v, "plaintext"), "{id}");
        // The reply's layout is the one WeChat's samples use.
        let layout = Envelope::signed_reply(token, envelope.encrypt.clone(), ts, nonce).reply_xml();
        assert_eq!(xml, layout, "{id}");

        // And `decrypt` reads it back, checking the reply's own MsgSignature.
        let back = wxdev().arg("decrypt").args(common).arg("--json").stdin(run.stdout.clone()).run();
        back.assert_code(0);
        let json = back.json();
        assert_eq!(json["plaintext"], v["plaintext"], "{id}");
        assert_eq!(json["msg_signature_ok"], true, "{id}");
    }
}

#[test]
fn decrypt_negative_vectors() {
    for v in list("decrypt_negative") {
        let id = s(&v, "id");
        let (key, appid, token) = (s(&v, "encoding_aes_key"), s(&v, "appid"), s(&v, "token"));
        let signature_args = [
            "--token",
            token,
            "--timestamp",
            s(&v, "timestamp"),
            "--nonce",
            s(&v, "nonce"),
            "--msg-signature",
            s(&v, "msg_signature"),
        ];
        let run = decrypt_with(key, appid).args(signature_args).stdin(s(&v, "request_body")).run();
        run.assert_code(1);
        assert_eq!(run.stdout, "", "{id}: no plaintext on a failed check");
        assert_no_secrets(&run, &[key, token]);
        let json = decrypt_with(key, appid).args(signature_args).arg("--json").stdin(s(&v, "request_body")).run();
        json.assert_code(1);
        let json = json.json();
        assert_eq!(json["ok"], false);
        let kinds: Vec<&str> =
            json["problems"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap()).collect();
        let envelope = Envelope::parse(s(&v, "request_body")).unwrap();
        let expected_signature = Signature::msg(token, s(&v, "timestamp"), s(&v, "nonce"), &envelope.encrypt);
        match id {
            "official_oa_sample_wrong_appid" => {
                run.assert_clean_error("appid mismatch");
                assert!(run.stderr.contains("'wx2c2769f8efd9abc2'") && run.stderr.contains("'wx0000000000000000'"));
                assert!(run.stderr.contains("the AppID in 基本配置 must match --appid"), "{}", run.stderr);
                assert_eq!(kinds, ["appid_mismatch"]);
                assert_eq!(json["msg_signature_ok"], true);
                assert_eq!(json["appid"], "wx2c2769f8efd9abc2");
                let crypt = MsgCrypt::from_encoding_key(key, appid).unwrap();
                assert!(matches!(crypt.decrypt(&envelope.encrypt), Err(CryptoError::AppIdMismatch { .. })));
            }
            "official_oa_sample_bad_msg_signature" => {
                run.assert_clean_error("msg_signature mismatch");
                assert!(run.stderr.contains(&format!("expected {expected_signature}")), "{}", run.stderr);
                assert!(run.stderr.contains(&format!("got {}", s(&v, "msg_signature"))), "{}", run.stderr);
                assert_eq!(kinds, ["msg_signature_mismatch"]);
                assert_eq!(json["msg_signature_ok"], false);
            }
            other => panic!("no expectation written for negative vector {other}"),
        }
    }
}

#[test]
fn encoding_aes_key_decode_vectors() {
    for v in list("encoding_aes_key_decode") {
        let key = AesKey::from_encoding_key(s(&v, "encoding_aes_key")).unwrap();
        assert_eq!(hex::encode(key.bytes()), s(&v, "aes_key_hex"));
        assert_eq!(hex::encode(key.iv()), s(&v, "iv_hex"));
        assert!(!format!("{key:?}").contains(s(&v, "encoding_aes_key")));
        // Each key also works through the binary (the lenient decoding is wired in).
        let crypt = MsgCrypt::new(key, "wxappid");
        let run = decrypt_with(s(&v, "encoding_aes_key"), "wxappid").stdin(crypt.encrypt("ok")).run();
        run.assert_code(0);
        assert_eq!(run.stdout, "ok\n");
    }
}

// ---- each failure through the binary ----

#[test]
fn unusable_settings_exit_2() {
    let value = MsgCrypt::from_encoding_key(KEY, APPID).unwrap().encrypt("x");
    for command in ["decrypt", "encrypt"] {
        let run = wxdev().args([command, "--appid", APPID]).stdin(value.clone()).run();
        run.assert_usage_error("no EncodingAESKey configured");
        assert!(run.stderr.contains("--aes-key"), "{}", run.stderr);
        wxdev().args([command, "--aes-key", KEY]).stdin(value.clone()).run().assert_usage_error("no appid configured");

        let short = &KEY[..42];
        let run = wxdev().args([command, "--aes-key", short, "--appid", APPID]).stdin(value.clone()).run();
        run.assert_usage_error("EncodingAESKey must be 43 letters and digits, but it has 42 characters");
        assert!(run.stderr.contains("copy EncodingAESKey again from 公众号后台 → 基本配置"), "{}", run.stderr);
        assert_no_secrets(&run, &[short]);

        let bad = KEY.replacen('k', "-", 1);
        let run = wxdev().args([command, "--aes-key", &bad, "--appid", APPID]).stdin(value.clone()).run();
        run.assert_usage_error("EncodingAESKey may hold only letters and digits, but character 11 is '-'");
        assert_no_secrets(&run, &[&bad]);

        // From the environment and the settings file too.
        let run = wxdev().arg(command).env("WXDEV_AES_KEY", "short").env("WXDEV_APPID", APPID).stdin("x").run();
        run.assert_usage_error("it has 5 characters");
        let toml = format!("aes_key = \"{KEY}=\"\nappid = \"{APPID}\"\n");
        let run = wxdev().arg(command).file("wxdev.toml", toml).stdin("x").run();
        run.assert_usage_error("character 44 is '='");

        let json = wxdev().args([command, "--appid", APPID, "--json"]).stdin("x").run();
        json.assert_code(2);
        assert_eq!(json.json()["ok"], false);
        assert!(json.json()["error"].as_str().unwrap().contains("EncodingAESKey"));
    }
}

#[test]
fn unusable_input_exits_2() {
    let cases: [(&str, &str); 7] = [
        ("", "the input is empty"),
        ("  \n", "the input is empty"),
        ("abc def", "not base64: character 4 is ' '"),
        ("abcd!efg", "not base64: character 5 is '!'"),
        ("<xml><ToUserName>gh</ToUserName></xml>", "the body has no <Encrypt> element"),
        ("<xml><Encrypt>abc</xml>", "the body is not WeChat XML"),
        ("<xml><Encrypt><![CDATA[]]></Encrypt></xml>", "the Encrypt value is empty"),
    ];
    for (input, needle) in cases {
        let run = decrypt_with(KEY, APPID).stdin(input).run();
        run.assert_usage_error(needle);
        assert_eq!(run.stdout, "");
    }
    let run = decrypt_with(KEY, APPID).stdin("AB+C DEF").run();
    assert!(run.stderr.contains("a '+' may have become a space"), "{}", run.stderr);

    let run = decrypt_with(KEY, APPID).arg("missing.xml").run();
    run.assert_usage_error("cannot read missing.xml: No such file or directory");
    let run = decrypt_with(KEY, APPID).arg("bin.xml").file("bin.xml", [0xffu8, 0xfe, 0x00]).run();
    run.assert_usage_error("bin.xml is not UTF-8 text");
    let run = wxdev().args(["encrypt", "--aes-key", KEY, "--appid", APPID]).stdin("\n").run();
    run.assert_usage_error("the input is empty: nothing to encrypt");
    let run = wxdev().args(["encrypt", "--aes-key", KEY, "--appid", APPID, "--nonce", ""]).stdin("x").run();
    run.assert_usage_error("--nonce is empty");
}

#[test]
fn signature_inputs_must_be_complete() {
    let crypt = MsgCrypt::from_encoding_key(KEY, APPID).unwrap();
    let value = crypt.encrypt("hi");
    let run = decrypt_with(KEY, APPID).args(["--msg-signature", "abc"]).stdin(value.clone()).run();
    run.assert_usage_error("checking msg_signature needs the token");
    let run = decrypt_with(KEY, APPID).args(["--token", "t", "--msg-signature", "abc"]).stdin(value.clone()).run();
    run.assert_usage_error("checking msg_signature needs --timestamp");
    let run =
        decrypt_with(KEY, APPID).args(["--token", "t", "--timestamp", "1", "--nonce", "2"]).stdin(value.clone()).run();
    run.assert_usage_error("checking msg_signature needs --msg-signature");

    // A token alone does not ask for a check of a bare value...
    let run = decrypt_with(KEY, APPID).args(["--token", "t", "--json"]).stdin(value.clone()).run();
    run.assert_code(0);
    assert_eq!(run.json()["msg_signature_ok"], Value::Null);
    // ...and a signed body without a token is decrypted with a warning.
    let reply = crypt.encrypt_reply_at("t", "hi", "1", "2");
    let run = decrypt_with(KEY, APPID).stdin(reply.clone()).run();
    run.assert_code(0);
    assert_eq!(run.stdout, "hi\n");
    assert!(run.stderr.contains("MsgSignature is not checked"), "{}", run.stderr);
    // Flags beat the body's own elements.
    let signature = Signature::msg("t", "9", "2", &Envelope::parse(&reply).unwrap().encrypt).to_string();
    let run = decrypt_with(KEY, APPID)
        .args(["--token", "t", "--timestamp", "9", "--msg-signature", &signature])
        .stdin(reply.clone())
        .run();
    run.assert_code(0);
    let run = decrypt_with(KEY, APPID).args(["--token", "t", "--timestamp", "9"]).stdin(reply).run();
    run.assert_code(1).assert_clean_error("msg_signature mismatch");
}

#[test]
fn failed_checks_exit_1() {
    let crypt = MsgCrypt::from_encoding_key(KEY, APPID).unwrap();
    let other_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    let long_length = seal_raw(KEY, &framed(5000, b"hello", APPID.as_bytes()));
    let mut bad_pad = framed(5, b"hello", APPID.as_bytes());
    let last = bad_pad.len() - 1;
    bad_pad[last - 1] ^= 0x55;
    let cut = base64::engine::general_purpose::STANDARD
        .encode(&base64::engine::general_purpose::STANDARD.decode(crypt.encrypt("hello")).unwrap()[..40]);
    let not_utf8 = seal_raw(KEY, &framed(2, &[0xc3, 0x28], APPID.as_bytes()));
    // A fixed prefix keeps what the wrong key decrypts to the same on every run.
    let for_wrong_key = crypt.encrypt_with_prefix(*b"fixed prefix 16b", "hi");
    let cases = [
        (for_wrong_key.clone(), other_key, "padding", "bad padding"),
        (seal_raw(KEY, &bad_pad), KEY, "padding", "bad padding: the last"),
        (long_length, KEY, "length_field", "the length field says the message is 5000 bytes, but only 23 bytes"),
        (cut, KEY, "ciphertext_length", "the ciphertext is 40 bytes"),
        (not_utf8, KEY, "not_utf8", "not UTF-8"),
    ];
    for (value, key, kind, needle) in cases {
        let run = decrypt_with(key, APPID).stdin(value.clone()).run();
        run.assert_code(1).assert_clean_error(needle);
        assert_eq!(run.stdout, "");
        assert_no_secrets(&run, &[key]);
        let run = decrypt_with(key, APPID).arg("--json").stdin(value).run();
        run.assert_code(1);
        let json = run.json();
        assert_eq!(json["ok"], false);
        assert_eq!(json["plaintext"], Value::Null);
        assert_eq!(json["problems"][0]["kind"], kind, "{needle}");
        assert!(json["problems"][0]["message"].as_str().unwrap().contains(needle));
    }
    let run = decrypt_with(other_key, APPID).stdin(for_wrong_key).run();
    assert!(run.stderr.contains("copy EncodingAESKey again from 基本配置"), "{}", run.stderr);

    // A wrong signature and a wrong appid at once: both are named.
    let reply = crypt.encrypt_reply_at("t", "hi", "1", "2");
    let run =
        wxdev().args(["decrypt", "--aes-key", KEY, "--appid", "wxother", "--token", "t2", "--json"]).stdin(reply).run();
    run.assert_code(1);
    let json = run.json();
    assert_eq!(json["problems"][0]["kind"], "msg_signature_mismatch");
    assert_eq!(json["problems"][1]["kind"], "appid_mismatch");
    assert_eq!(json["plaintext"], "hi", "the plaintext is still shown for diagnosis");
    assert_eq!(json["appid"], APPID);
    assert_eq!(run.stderr.lines().filter(|l| l.starts_with("error:")).count(), 2, "{}", run.stderr);
}

#[test]
fn encrypt_without_a_token_leaves_out_the_signature() {
    let run = wxdev()
        .args(["encrypt", "--aes-key", KEY, "--appid", APPID, "--timestamp", "5", "--nonce", "6"])
        .stdin("<xml></xml>")
        .run();
    run.assert_code(0);
    assert!(run.stderr.contains("warning: no token: MsgSignature is left out"), "{}", run.stderr);
    let envelope = Envelope::parse(&run.stdout).unwrap();
    assert_eq!(envelope.msg_signature, None);
    assert_eq!((envelope.timestamp.as_deref(), envelope.nonce.as_deref()), (Some("5"), Some("6")));
    assert_eq!(MsgCrypt::from_encoding_key(KEY, APPID).unwrap().decrypt(&envelope.encrypt).unwrap(), "<xml></xml>");

    let run = wxdev().args(["encrypt", "--aes-key", KEY, "--appid", APPID, "--json"]).stdin("x").run();
    run.assert_code(0);
    let json = run.json();
    assert_eq!(json["msg_signature"], Value::Null);
    assert_eq!(json["appid"], APPID);
    assert!(json["timestamp"].as_str().unwrap().parse::<u64>().unwrap() > 1_600_000_000, "defaults to now");
    assert!(json["nonce"].as_str().unwrap().bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(Envelope::parse(json["xml"].as_str().unwrap()).unwrap().encrypt, json["encrypt"].as_str().unwrap());
}

#[test]
fn decrypt_and_encrypt_round_trip_through_pipes() {
    let message = "<xml><Content><![CDATA[你好 ]]]]><![CDATA[> & 😀]]></Content></xml>";
    let common = ["--aes-key", KEY, "--appid", APPID, "--token", "tok"];
    let encrypted = wxdev().arg("encrypt").args(common).arg("msg.xml").file("msg.xml", message).run();
    encrypted.assert_code(0);
    let decrypted = wxdev().arg("decrypt").args(common).stdin(encrypted.stdout.clone()).run();
    decrypted.assert_code(0);
    assert_eq!(decrypted.stdout, format!("{message}\n"));
    let again = wxdev().arg("encrypt").args(common).arg("-").stdin(decrypted.stdout).run();
    let value = Envelope::parse(&again.stdout).unwrap().encrypt;
    assert_eq!(MsgCrypt::from_encoding_key(KEY, APPID).unwrap().decrypt(&value).unwrap(), message);
}

// ---- randomized properties through the library ----

fn random_key(rng: &mut impl Rng) -> String {
    const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    (0..43).map(|_| ALNUM[rng.gen_range(0..ALNUM.len())] as char).collect()
}

fn random_appid(rng: &mut impl Rng) -> String {
    match rng.gen_range(0..4) {
        0 => String::new(),
        1 => format!("wx{:016x}", rng.gen::<u64>()),
        2 => format!("ww{:016x}", rng.gen::<u64>()),
        _ => (0..rng.gen_range(1..40)).map(|_| rng.gen_range(b'!'..=b'~') as char).collect(),
    }
}

/// A message of 0..=200 characters: ASCII, Chinese, emoji, XML specials, or a mix.
fn random_message(rng: &mut impl Rng) -> String {
    const POOL: &[&str] = &["a", "Z", "0", " ", "\n", "<", ">", "&", "]]>", "中", "文", "你好", "😀", "\0", "é"];
    let len = rng.gen_range(0..=200);
    match rng.gen_range(0..3) {
        0 => (0..len).map(|_| rng.gen_range(b' '..=b'~') as char).collect(),
        1 => "中".repeat(len),
        _ => (0..len).map(|_| POOL[rng.gen_range(0..POOL.len())]).collect::<String>(),
    }
}

fn cases(seed: u64, count: usize) -> Vec<(MsgCrypt, String)> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut out = Vec::new();
    for i in 0..count {
        let crypt = MsgCrypt::from_encoding_key(&random_key(&mut rng), random_appid(&mut rng)).unwrap();
        let message = match i % 4 {
            // A message of a whole number of 32-byte blocks...
            0 => "x".repeat(32 * rng.gen_range(0..=6)),
            // ...and one that makes the framed text end exactly on a block.
            1 => {
                let framed = 20 + crypt.appid().len();
                "y".repeat((32 - framed % 32) % 32 + 32 * rng.gen_range(0..=5))
            }
            _ => random_message(&mut rng),
        };
        out.push((crypt, message));
    }
    out
}

#[test]
fn encrypt_then_decrypt_is_identity() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x1d);
    for (i, (crypt, message)) in cases(0x5afe, 400).into_iter().enumerate() {
        let encrypt = crypt.encrypt_with_prefix(rng.gen(), &message);
        let ciphertext = base64::engine::general_purpose::STANDARD.decode(&encrypt).unwrap();
        let framed = 20 + message.len() + crypt.appid().len();
        let pad = 32 - framed % 32;
        assert_eq!(ciphertext.len(), framed + pad, "case {i}");
        assert_eq!(crypt.decrypt(&encrypt).as_deref(), Ok(message.as_str()), "case {i}");
        let found = crypt.decrypt_any_appid(&encrypt).unwrap();
        assert_eq!(found.appid, crypt.appid());
        // Fresh random bytes every time.
        assert_ne!(crypt.encrypt(&message), encrypt, "case {i}");
    }
}

#[test]
fn a_flipped_byte_is_always_detected_and_never_panics() {
    let engine = base64::engine::general_purpose::STANDARD;
    let mut rng = rand::rngs::StdRng::seed_from_u64(0xf11b);
    for (i, (crypt, message)) in cases(0xb17e, 120).into_iter().enumerate() {
        let ciphertext = engine.decode(crypt.encrypt_with_prefix(rng.gen(), &message)).unwrap();
        for position in 0..ciphertext.len() {
            let mut tampered = ciphertext.clone();
            tampered[position] ^= rng.gen_range(1..=255u8);
            let value = engine.encode(&tampered);
            match crypt.decrypt(&value) {
                Ok(found) => assert_ne!(found, message, "case {i}: flip at {position} went unnoticed"),
                Err(CryptoError::AppIdMismatch { found, .. }) => assert_ne!(found, crypt.appid()),
                Err(_) => {}
            }
            if let Ok(found) = crypt.decrypt_any_appid(&value) {
                let same = found.message == message && found.appid_matches(crypt.appid());
                assert!(!same, "case {i}: flip at {position} decrypted to the original");
                assert_eq!(crypt.decrypt(&value).is_ok(), found.appid_matches(crypt.appid()));
            }
        }
    }
}

#[test]
fn arbitrary_values_never_panic() {
    let crypt = MsgCrypt::from_encoding_key(KEY, APPID).unwrap();
    let engine = base64::engine::general_purpose::STANDARD;
    let mut rng = rand::rngs::StdRng::seed_from_u64(0xa5b);
    for len in 0..=200usize {
        let bytes: Vec<u8> = (0..len).map(|_| rng.gen()).collect();
        let _ = crypt.decrypt(&engine.encode(&bytes));
        let text: String = (0..len).map(|_| rng.gen_range(0u8..128) as char).collect();
        let _ = crypt.decrypt(&text);
        let _ = AesKey::from_encoding_key(&text);
        let _ = Envelope::parse(&text);
    }
    // Whole blocks of noise: padding or length errors, never a panic.
    for blocks in 1..=12 {
        let bytes: Vec<u8> = (0..16 * blocks).map(|_| rng.gen()).collect();
        assert!(crypt.decrypt(&engine.encode(&bytes)).is_err());
    }
}
