//! The Content-Disposition header of a media download, and the file name
//! `wxdev media get` would create from it.
use wxdev::client::api::disposition_file_name;
use wxdev::wechat::media::{download_file_name, Format, SETTINGS_FILE};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let header = String::from_utf8_lossy(data);
        let offered = disposition_file_name(&header);
        if let Some(name) = &offered {
            assert!(!name.is_empty());
        }
        for format in [None, Some(Format::Jpeg)] {
            let path = download_file_name(offered.as_deref(), "MEDIA_ID", format);
            let file = path.to_str().unwrap();
            assert!(!file.is_empty() && !file.starts_with('.'), "{file:?}");
            assert!(!file.contains(['/', '\\', '\0', ':']) && !file.chars().any(char::is_control), "{file:?}");
            assert!(!file.eq_ignore_ascii_case(SETTINGS_FILE), "{file:?}");
            assert_eq!(path.components().count(), 1, "{file:?}");
        }
    });
}
