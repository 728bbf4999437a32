//! The Content-Disposition header of a media download, and the file name
//! `wxdev media get` would create from it.
use wxdev::commands::media::safe_file_name;
use wxdev::wechat::api::disposition_file_name;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let header = String::from_utf8_lossy(data);
        let Some(name) = disposition_file_name(&header) else { return };
        assert!(!name.is_empty());
        if let Some(path) = safe_file_name(&name) {
            let file = path.to_str().unwrap();
            assert!(!file.is_empty() && !file.starts_with('.'), "{file:?}");
            assert!(!file.contains(['/', '\\', '\0']) && !file.chars().any(char::is_control), "{file:?}");
            assert_eq!(path.components().count(), 1, "{file:?}");
        }
    });
}
