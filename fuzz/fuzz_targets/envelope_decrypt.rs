//! Safe and compatible mode: the encrypted envelope and its decryption.
//! The first byte picks how the rest is used: as a body holding <Encrypt>,
//! as the Encrypt value itself, or as the plaintext blocks that decryption
//! would yield (encrypted here with the same key, so that the padding and
//! framing checks after AES see fuzzer-chosen bytes).
use aes::cipher::{BlockEncryptMut, KeyIvInit};
use base64::Engine;
use wxdev::wechat::{Element, Envelope, MsgCrypt};

// tests/data/vectors.json, official_oa_sample_decrypt.
const ENCODING_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const APPID: &str = "wx2c2769f8efd9abc2";
const TOKEN: &str = "spamtest";

fn check_decrypt(crypt: &MsgCrypt, encrypt: &str) {
    let any = crypt.decrypt_any_appid(encrypt);
    let ours = crypt.decrypt(encrypt);
    match (&any, &ours) {
        (Ok(found), Ok(message)) => assert!(found.appid_matches(APPID) && &found.message == message),
        (Ok(found), Err(_)) => assert!(!found.appid_matches(APPID)),
        (Err(_), Ok(_)) => panic!("decrypt accepted what decrypt_any_appid refused"),
        (Err(_), Err(_)) => {}
    }
    if let Ok(message) = ours {
        let again = crypt.encrypt_with_prefix([7; 16], &message);
        assert_eq!(crypt.decrypt(&again).as_deref(), Ok(message.as_str()));
    }
}

fn main() {
    let crypt = MsgCrypt::from_encoding_key(ENCODING_KEY, APPID).unwrap();
    let key = *crypt.key().bytes();
    let iv = crypt.key().iv();
    afl::fuzz!(|data: &[u8]| {
        let Some((&mode, rest)) = data.split_first() else { return };
        match mode % 3 {
            0 => {
                let body = String::from_utf8_lossy(rest);
                if let Ok(root) = Element::parse_document(&body) {
                    if let Ok(envelope) = Envelope::from_element(&root) {
                        let _ = envelope.check_signature(TOKEN);
                        check_decrypt(&crypt, &envelope.encrypt);
                    }
                }
            }
            1 => check_decrypt(&crypt, &String::from_utf8_lossy(rest)),
            _ => {
                let mut blocks = rest[..rest.len() - rest.len() % 16].to_vec();
                let mut cipher = cbc::Encryptor::<aes::Aes256>::new(&key.into(), &iv.into());
                for block in blocks.chunks_exact_mut(16) {
                    cipher.encrypt_block_mut(block.into());
                }
                check_decrypt(&crypt, &base64::engine::general_purpose::STANDARD.encode(&blocks));
            }
        }
    });
}
