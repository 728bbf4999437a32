//! wxdev.toml, as the settings loader reads it, then the EncodingAESKey check
//! a configured key goes through.
use wxdev::config::parse_settings_file;
use wxdev::wechat::AesKey;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else { return };
        match parse_settings_file(text) {
            Ok(settings) => {
                if let Some(key) = settings.aes_key {
                    let _ = AesKey::from_encoding_key(&key);
                }
            }
            Err(message) => assert!(message.len() > 2, "{message:?}"),
        }
    });
}
