//! Temporary media: the four types, WeChat's limits, and what a file holds
//! judged from its first bytes (with the extension as a fallback).
//!
//! Shared by `media upload` (checks before any request) and `mock-api`
//! (the same checks on the server side).

use thiserror::Error;

/// How many leading bytes [`Format::sniff`] looks at.
pub const SNIFF_LEN: usize = 64;

const KB: u64 = 1024;
const MB: u64 = 1024 * 1024;

/// Above this an image is accepted but warned about: the official page also names 2 MB.
pub const IMAGE_SOFT_LIMIT: u64 = 2 * MB;

/// How long WeChat keeps temporary media.
pub const MEDIA_LIFETIME_SECS: i64 = 3 * 24 * 3600;

/// The `type` of an upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaKind {
    Image,
    Voice,
    Video,
    Thumb,
}

impl MediaKind {
    pub const ALL: [MediaKind; 4] = [MediaKind::Image, MediaKind::Voice, MediaKind::Video, MediaKind::Thumb];

    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Voice => "voice",
            MediaKind::Video => "video",
            MediaKind::Thumb => "thumb",
        }
    }

    pub fn parse(text: &str) -> Option<MediaKind> {
        MediaKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// WeChat's size limit for this type, in bytes.
    pub fn max_bytes(self) -> u64 {
        match self {
            MediaKind::Image | MediaKind::Video => 10 * MB,
            MediaKind::Voice => 2 * MB,
            MediaKind::Thumb => 64 * KB,
        }
    }

    /// The limit as WeChat's documentation writes it.
    pub fn limit_text(self) -> &'static str {
        match self {
            MediaKind::Image | MediaKind::Video => "10 MB",
            MediaKind::Voice => "2 MB",
            MediaKind::Thumb => "64 KB",
        }
    }

    /// Whether WeChat takes this format for this type.
    pub fn accepts(self, format: Format) -> bool {
        use Format::*;
        match self {
            MediaKind::Image => matches!(format, Png | Jpeg | Gif),
            MediaKind::Voice => matches!(format, Amr | Mp3),
            MediaKind::Video => format == Mp4,
            MediaKind::Thumb => format == Jpeg,
        }
    }

    /// The accepted formats, for messages.
    pub fn formats_text(self) -> &'static str {
        match self {
            MediaKind::Image => "PNG, JPEG/JPG or GIF",
            MediaKind::Voice => "AMR or MP3",
            MediaKind::Video => "MP4",
            MediaKind::Thumb => "JPG",
        }
    }

    /// The plural used in sentences ("WeChat takes images up to 10 MB").
    pub fn plural(self) -> &'static str {
        match self {
            MediaKind::Image => "images",
            MediaKind::Voice => "voice files",
            MediaKind::Video => "videos",
            MediaKind::Thumb => "thumbs",
        }
    }

    /// The errcode WeChat gives a file of this type that is too large.
    pub fn size_errcode(self) -> i64 {
        match self {
            MediaKind::Image => 40009,
            MediaKind::Voice => 40010,
            MediaKind::Video => 40011,
            MediaKind::Thumb => 40012,
        }
    }

    /// The key of the id in the upload answer: `thumb_media_id` for thumbs.
    pub fn id_key(self) -> &'static str {
        match self {
            MediaKind::Thumb => "thumb_media_id",
            _ => "media_id",
        }
    }
}

/// A file format wxdev recognises: the six WeChat takes, and a few common
/// ones it refuses, so that a refusal can name what the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
    Gif,
    Amr,
    Mp3,
    Mp4,
    Webp,
    Bmp,
    Wav,
    Ogg,
    Flac,
    M4a,
    Mov,
    Avi,
    Webm,
    Pdf,
}

impl Format {
    /// What the leading bytes show, if they show anything wxdev knows.
    pub fn sniff(head: &[u8]) -> Option<Format> {
        let starts = |magic: &[u8]| head.starts_with(magic);
        let riff = |kind: &[u8]| head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == kind;
        if starts(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else if starts(b"\xff\xd8\xff") {
            Some(Format::Jpeg)
        } else if starts(b"GIF87a") || starts(b"GIF89a") {
            Some(Format::Gif)
        } else if starts(b"#!AMR") {
            Some(Format::Amr)
        } else if starts(b"ID3") || is_mpeg_layer3_frame(head) {
            Some(Format::Mp3)
        } else if head.len() >= 12 && &head[4..8] == b"ftyp" {
            Some(match &head[8..12] {
                b"qt  " => Format::Mov,
                b"M4A " | b"M4B " => Format::M4a,
                _ => Format::Mp4,
            })
        } else if riff(b"WEBP") {
            Some(Format::Webp)
        } else if riff(b"WAVE") {
            Some(Format::Wav)
        } else if riff(b"AVI ") {
            Some(Format::Avi)
        } else if starts(b"BM") && head.len() >= 14 {
            Some(Format::Bmp)
        } else if starts(b"OggS") {
            Some(Format::Ogg)
        } else if starts(b"fLaC") {
            Some(Format::Flac)
        } else if starts(b"\x1a\x45\xdf\xa3") {
            Some(Format::Webm)
        } else if starts(b"%PDF") {
            Some(Format::Pdf)
        } else {
            None
        }
    }

    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "png" => Format::Png,
            "jpg" | "jpeg" => Format::Jpeg,
            "gif" => Format::Gif,
            "amr" => Format::Amr,
            "mp3" => Format::Mp3,
            "mp4" => Format::Mp4,
            "webp" => Format::Webp,
            "bmp" => Format::Bmp,
            "wav" => Format::Wav,
            "ogg" | "oga" | "opus" => Format::Ogg,
            "flac" => Format::Flac,
            "m4a" => Format::M4a,
            "mov" => Format::Mov,
            "avi" => Format::Avi,
            "webm" | "mkv" => Format::Webm,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }

    /// The extension a file of this format is sent with.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::Gif => "gif",
            Format::Amr => "amr",
            Format::Mp3 => "mp3",
            Format::Mp4 => "mp4",
            Format::Webp => "webp",
            Format::Bmp => "bmp",
            Format::Wav => "wav",
            Format::Ogg => "ogg",
            Format::Flac => "flac",
            Format::M4a => "m4a",
            Format::Mov => "mov",
            Format::Avi => "avi",
            Format::Webm => "webm",
            Format::Pdf => "pdf",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Jpeg => "image/jpeg",
            Format::Gif => "image/gif",
            Format::Amr => "audio/amr",
            Format::Mp3 => "audio/mpeg",
            Format::Mp4 => "video/mp4",
            Format::Webp => "image/webp",
            Format::Bmp => "image/bmp",
            Format::Wav => "audio/wav",
            Format::Ogg => "audio/ogg",
            Format::Flac => "audio/flac",
            Format::M4a => "audio/mp4",
            Format::Mov => "video/quicktime",
            Format::Avi => "video/x-msvideo",
            Format::Webm => "video/webm",
            Format::Pdf => "application/pdf",
        }
    }

    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Jpeg => "JPEG",
            Format::Gif => "GIF",
            Format::Amr => "AMR",
            Format::Mp3 => "MP3",
            Format::Mp4 => "MP4",
            Format::Webp => "WebP",
            Format::Bmp => "BMP",
            Format::Wav => "WAV",
            Format::Ogg => "Ogg",
            Format::Flac => "FLAC",
            Format::M4a => "M4A",
            Format::Mov => "QuickTime MOV",
            Format::Avi => "AVI",
            Format::Webm => "WebM/Matroska",
            Format::Pdf => "PDF",
        }
    }

    /// The type a file of this format is uploaded as when none is asked for (never thumb).
    pub fn default_kind(self) -> Option<MediaKind> {
        [MediaKind::Image, MediaKind::Voice, MediaKind::Video].into_iter().find(|k| k.accepts(self))
    }

    /// The format a MIME type names, if it is one of WeChat's six.
    pub fn from_mime(mime: &str) -> Option<Format> {
        let essence = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        [Format::Png, Format::Jpeg, Format::Gif, Format::Amr, Format::Mp3, Format::Mp4]
            .into_iter()
            .find(|f| f.mime() == essence || (essence == "image/jpg" && *f == Format::Jpeg))
    }
}

/// An MPEG audio layer III frame header (an MP3 without an ID3 tag).
fn is_mpeg_layer3_frame(head: &[u8]) -> bool {
    head.len() >= 4 && head[0] == 0xff && head[1] & 0xe0 == 0xe0 && head[1] & 0x06 == 0x02 && head[1] & 0x18 != 0x08
}

/// What to send, decided before any request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadPlan {
    pub kind: MediaKind,
    pub format: Format,
    /// The plain ASCII `filename` of the multipart part, with an extension.
    pub file_name: String,
    pub mime: &'static str,
    pub len: u64,
    /// Things worth saying that do not stop the upload.
    pub warnings: Vec<String>,
}

/// Why a file is not sent.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("{name} is empty (0 bytes): WeChat answers an empty upload with 44001")]
    Empty { name: String },
    #[error(
        "{name} is {} ({len} bytes): WeChat takes {} up to {} ({limit} bytes)",
        human_size(*len),
        kind.plural(),
        kind.limit_text()
    )]
    TooLarge { name: String, kind: MediaKind, len: u64, limit: u64 },
    #[error("{name} is {}, but --type {} takes {} only", format.name(), kind.as_str(), kind.formats_text())]
    WrongFormat { name: String, kind: MediaKind, format: Format },
    #[error("{name} is {}, which WeChat does not take as temporary media", format.name())]
    Unsupported { name: String, format: Format },
    #[error("cannot tell what {name} holds: it is not PNG, JPEG, GIF, AMR, MP3 or MP4")]
    Unknown { name: String },
}

impl Refusal {
    /// What the developer can do about it.
    pub fn hint(&self) -> String {
        match self {
            Refusal::Empty { .. } => "check the path; the file may still be being written".to_owned(),
            Refusal::TooLarge { kind: MediaKind::Thumb, .. } => {
                "shrink the JPG (a 64 KB thumb is a small, compressed picture), e.g. with ImageMagick: \
                 convert in.jpg -resize 320x -quality 70 thumb.jpg"
                    .to_owned()
            }
            Refusal::TooLarge { kind: MediaKind::Voice, .. } => {
                "voice files must also be at most 60 s long: cut or re-encode it (e.g. ffmpeg -i in -ac 1 -b:a 32k out.mp3)"
                    .to_owned()
            }
            Refusal::TooLarge { .. } => "compress or re-encode the file; permanent material has other limits".to_owned(),
            Refusal::WrongFormat { kind, .. } => {
                format!("convert the file to {}, or drop --type to upload it as what it is", kind.formats_text())
            }
            Refusal::Unsupported { format, .. } => format!(
                "convert it: images to PNG/JPEG/GIF, voice to AMR/MP3, video to MP4 (it is {})",
                format.name()
            ),
            Refusal::Unknown { .. } => {
                "give the file an extension that says what it is (.jpg, .png, .gif, .amr, .mp3, .mp4)".to_owned()
            }
        }
    }
}

/// Decides type, format, name and content type from the file's name, length
/// and first bytes, and applies WeChat's limits.
pub fn plan(name: &str, len: u64, head: &[u8], requested: Option<MediaKind>) -> Result<UploadPlan, Refusal> {
    let display = name.to_owned();
    if len == 0 {
        return Err(Refusal::Empty { name: display });
    }
    let (stem, ext) = split_extension(name);
    let by_name = ext.and_then(Format::from_extension);
    let by_content = Format::sniff(head);
    let format = by_content.or(by_name).ok_or(Refusal::Unknown { name: display.clone() })?;
    let kind = match requested {
        Some(kind) if kind.accepts(format) => kind,
        Some(kind) => return Err(Refusal::WrongFormat { name: display, kind, format }),
        None => format.default_kind().ok_or(Refusal::Unsupported { name: display.clone(), format })?,
    };
    let limit = kind.max_bytes();
    if len > limit {
        return Err(Refusal::TooLarge { name: display, kind, len, limit });
    }
    let mut warnings = Vec::new();
    let wire_ext = match (ext, by_name) {
        (Some(ext), Some(named)) if named == format && ext.is_ascii() => ext.to_ascii_lowercase(),
        (Some(ext), Some(named)) => {
            warnings.push(format!(
                "{name} holds {} data, not {} as .{ext} says: sending it as .{}",
                format.name(),
                named.name(),
                format.extension()
            ));
            format.extension().to_owned()
        }
        _ => format.extension().to_owned(),
    };
    if kind == MediaKind::Image && len > IMAGE_SOFT_LIMIT {
        warnings.push(format!(
            "{name} is {}: the upload limit for images is 10 MB, but the same official page also says 2 MB",
            human_size(len)
        ));
    }
    let stem = if by_name.is_some() || ext.is_none() { stem } else { name };
    Ok(UploadPlan {
        kind,
        format,
        file_name: wire_file_name(stem, &wire_ext, kind),
        mime: format.mime(),
        len,
        warnings,
    })
}

/// Splits `name.ext` into the stem and a plausible extension.
fn split_extension(name: &str) -> (&str, Option<&str>) {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() && ext.len() <= 5 => (stem, Some(ext)),
        _ => (name, None),
    }
}

/// A `filename` WeChat accepts: ASCII letters, digits, `-`, `_` and `.`
/// only (anything else becomes `_`), never empty, always with the extension.
pub fn wire_file_name(stem: &str, ext: &str, kind: MediaKind) -> String {
    let mut safe = String::new();
    for c in stem.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' { c } else { '_' };
        if !(c == '_' && safe.ends_with('_')) {
            safe.push(c);
        }
    }
    let safe = safe.trim_matches(|c| c == '_' || c == '.');
    let safe: String = safe.chars().take(64).collect();
    let stem = if safe.chars().any(|c| c.is_ascii_alphanumeric()) { safe } else { kind.as_str().to_owned() };
    format!("{stem}.{ext}")
}

/// The name a downloaded file gets in a directory: `offered` (a name the
/// server chose, e.g. in Content-Disposition) reduced to a safe base name,
/// else `fallback` reduced the same way, else `media`; always with the
/// extension of `format`, what the content's first bytes show (`.bin` when
/// they show nothing wxdev knows).
///
/// A server-chosen name must not plant a file that wxdev or a shell would
/// trust. So: only the last path component; no drive prefix (`C:`) and no
/// NTFS stream (`:stream`); controls, bidi and other invisible format
/// characters and `<>:"|?*` become `_`; no leading dot (never a dotfile) and
/// no trailing dot or space; a Windows device name (CON, PRN, AUX, NUL,
/// COM0-9, LPT0-9, with any extension) gets a `_` prefix; the server's
/// extension is replaced, so the name can be neither `wxdev.toml` nor an
/// `.exe` holding a JPEG, nor an extension-less `Makefile`.
pub fn download_file_name(offered: Option<&str>, fallback: &str, format: Option<Format>) -> std::path::PathBuf {
    let from_offer = offered.and_then(|name| safe_stem(name).map(|stem| (stem, offered_extension(name))));
    let (stem, offered_ext) = from_offer
        .or_else(|| safe_stem(fallback).map(|stem| (stem, None)))
        .unwrap_or_else(|| ("media".to_owned(), None));
    let ext = match (format, offered_ext) {
        (Some(format), Some(ext)) if Format::from_extension(&ext) == Some(format) => ext,
        (Some(format), _) => format.extension().to_owned(),
        (None, _) => "bin".to_owned(),
    };
    let name = format!("{stem}.{ext}");
    // Unreachable with a media extension, but the one name wxdev reads must never be written.
    if name.eq_ignore_ascii_case(SETTINGS_FILE) {
        return std::path::PathBuf::from(format!("_{name}"));
    }
    std::path::PathBuf::from(name)
}

/// The settings file wxdev reads from the current directory (the command
/// layer's `config::CONFIG_FILE`, kept equal by a test there): a download
/// must never be saved under it.
pub const SETTINGS_FILE: &str = "wxdev.toml";

/// The longest stem [`download_file_name`] keeps, in characters and in bytes
/// (file systems allow 255 bytes; the extension and a prefix need some).
const MAX_STEM_CHARS: usize = 100;
const MAX_STEM_BYTES: usize = 200;

/// The base name of `name` without its extension, made safe (see
/// [`download_file_name`]); `None` when nothing usable is left.
fn safe_stem(name: &str) -> Option<String> {
    let cleaned: String = base_name(name)
        .chars()
        .map(|c| if is_invisible_in_name(c) || "<>:\"|?*".contains(c) { '_' } else { c })
        .collect();
    let cleaned = cleaned.trim_start_matches(|c: char| c == '.' || c.is_whitespace());
    let stem = match cleaned.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && is_extension(ext) => stem,
        _ => cleaned,
    };
    let mut kept = String::new();
    for c in stem.chars().take(MAX_STEM_CHARS) {
        if kept.len() + c.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        kept.push(c);
    }
    let stem = kept.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    if !stem.chars().any(|c| c.is_alphanumeric()) {
        return None;
    }
    let device = stem.split('.').next().unwrap_or("").trim_end().to_ascii_uppercase();
    Some(if is_windows_device(&device) { format!("_{stem}") } else { stem.to_owned() })
}

/// Characters a file name must not hide: [`is_unsafe_char`]'s, and the
/// other invisible format characters a name could use to look like another
/// (soft hyphen, Arabic letter mark, deprecated format controls, tags,
/// Hangul fillers).
///
/// [`is_unsafe_char`]: crate::wechat::text::is_unsafe_char
fn is_invisible_in_name(c: char) -> bool {
    crate::wechat::text::is_unsafe_char(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180E}'
                | '\u{2065}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FFA0}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// The extension of a server-chosen name, lower-cased, if it looks like one.
fn offered_extension(name: &str) -> Option<String> {
    match base_name(name).trim_start_matches('.').rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && is_extension(ext) => Some(ext.to_ascii_lowercase()),
        _ => None,
    }
}

/// The last path component (after `/` or `\\`), without a drive prefix
/// (`C:`) or an NTFS stream (`:stream`).
fn base_name(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let base = match base.as_bytes() {
        [letter, b':', ..] if letter.is_ascii_alphabetic() => &base[2..],
        _ => base,
    };
    base.split(':').next().unwrap_or("")
}

fn is_extension(ext: &str) -> bool {
    (1..=10).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// CON, PRN, AUX, NUL, COM0-9, LPT0-9 (also with ¹²³), CONIN$, CONOUT$:
/// Windows opens the device, whatever the extension.
fn is_windows_device(upper: &str) -> bool {
    match upper {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" | "CLOCK$" => true,
        _ => {
            let rest = upper.strip_prefix("COM").or_else(|| upper.strip_prefix("LPT"));
            rest.is_some_and(|d| {
                matches!(d, "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³")
            })
        }
    }
}

/// A size as WeChat's pages write them: bytes, KB or MB (of 1024).
pub fn human_size(bytes: u64) -> String {
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        trim_decimal(bytes as f64 / KB as f64, "KB")
    } else {
        trim_decimal(bytes as f64 / MB as f64, "MB")
    }
}

fn trim_decimal(value: f64, unit: &str) -> String {
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0";

    #[test]
    fn sniffs_the_six_and_names_others() {
        assert_eq!(Format::sniff(PNG), Some(Format::Png));
        assert_eq!(Format::sniff(JPEG), Some(Format::Jpeg));
        assert_eq!(Format::sniff(b"GIF89a\x01\0"), Some(Format::Gif));
        assert_eq!(Format::sniff(b"#!AMR\n\x3c"), Some(Format::Amr));
        assert_eq!(Format::sniff(b"ID3\x04\0\0\0\0\0\0"), Some(Format::Mp3));
        assert_eq!(Format::sniff(b"\xff\xfb\x90\x64\0"), Some(Format::Mp3));
        assert_eq!(Format::sniff(b"\0\0\0\x20ftypisom\0\0\x02\0"), Some(Format::Mp4));
        assert_eq!(Format::sniff(b"\0\0\0\x14ftypqt  \0\0\x02\0"), Some(Format::Mov));
        assert_eq!(Format::sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(Format::Webp));
        assert_eq!(Format::sniff(b"\xff\xf1\x50\x80"), None, "AAC ADTS is not MP3");
        assert_eq!(Format::sniff(b"hello"), None);
    }

    #[test]
    fn type_comes_from_content_then_extension() {
        let p = plan("cat.png", 100, PNG, None).unwrap();
        assert_eq!((p.kind, p.file_name.as_str(), p.mime), (MediaKind::Image, "cat.png", "image/png"));
        let p = plan("song.mp3", 100, b"no magic here", None).unwrap();
        assert_eq!((p.kind, p.format), (MediaKind::Voice, Format::Mp3));
        let p = plan("noext", 100, JPEG, None).unwrap();
        assert_eq!(p.file_name, "noext.jpg");
        let p = plan("photo.PNG", 100, JPEG, None).unwrap();
        assert_eq!(p.file_name, "photo.jpg");
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(plan("a.JPEG", 100, JPEG, None).unwrap().file_name, "a.jpeg");
    }

    #[test]
    fn thumb_only_when_asked() {
        assert_eq!(plan("t.jpg", 100, JPEG, None).unwrap().kind, MediaKind::Image);
        assert_eq!(plan("t.jpg", 100, JPEG, Some(MediaKind::Thumb)).unwrap().kind, MediaKind::Thumb);
        assert!(matches!(plan("t.png", 100, PNG, Some(MediaKind::Thumb)), Err(Refusal::WrongFormat { .. })));
    }

    #[test]
    fn limits() {
        let at = |kind: MediaKind, len| plan("f", len, JPEG, Some(kind));
        assert!(at(MediaKind::Thumb, 64 * 1024).is_ok());
        assert!(matches!(at(MediaKind::Thumb, 64 * 1024 + 1), Err(Refusal::TooLarge { .. })));
        assert!(at(MediaKind::Image, 10 * MB).unwrap().warnings.iter().any(|w| w.contains("2 MB")));
        assert!(at(MediaKind::Image, 2 * MB).unwrap().warnings.is_empty());
        assert!(matches!(at(MediaKind::Image, 10 * MB + 1), Err(Refusal::TooLarge { .. })));
        assert!(matches!(plan("e.jpg", 0, b"", None), Err(Refusal::Empty { .. })));
        let err = at(MediaKind::Image, 10 * MB + 1).unwrap_err().to_string();
        assert!(err.contains("10 MB (10485761 bytes)") && err.contains("up to 10 MB (10485760 bytes)"), "{err}");
    }

    #[test]
    fn wire_names_are_plain_ascii() {
        assert_eq!(wire_file_name("图片", "jpg", MediaKind::Image), "image.jpg");
        assert_eq!(wire_file_name("我的 photo (1)", "png", MediaKind::Image), "photo_1.png");
        assert_eq!(wire_file_name("a\"b;c", "mp3", MediaKind::Voice), "a_b_c.mp3");
        let p = plan("会议录音.amr", 10, b"#!AMR\n", None).unwrap();
        assert_eq!(p.file_name, "voice.amr");
    }

    #[test]
    fn downloaded_names_are_safe_and_match_the_content() {
        let name = |offered: &str, format| download_file_name(Some(offered), "MID", format).display().to_string();
        let jpeg = Some(Format::Jpeg);
        assert_eq!(name("abc.jpg", jpeg), "abc.jpg");
        assert_eq!(name("abc.JPEG", jpeg), "abc.jpeg", "a matching extension is kept");
        assert_eq!(name("图片 1.png", jpeg), "图片 1.jpg", "the content decides");
        assert_eq!(name("wxdev.toml", jpeg), "wxdev.jpg");
        assert_eq!(name("wxdev.toml", None), "wxdev.bin");
        assert_eq!(name("WXDEV.TOML", Some(Format::Png)), "WXDEV.png");
        assert_eq!(name(".bashrc", jpeg), "bashrc.jpg");
        assert_eq!(name("...profile", None), "profile.bin");
        assert_eq!(name("../../x", jpeg), "x.jpg");
        assert_eq!(name("..\\..\\evil.jpg", jpeg), "evil.jpg");
        assert_eq!(name("/etc/cron.d/job", jpeg), "job.jpg");
        assert_eq!(name("CON.txt", jpeg), "_CON.jpg");
        assert_eq!(name("con", jpeg), "_con.jpg");
        assert_eq!(name("Lpt9.tar.gz", jpeg), "_Lpt9.tar.jpg");
        assert_eq!(name("nul .txt", jpeg), "_nul.jpg");
        assert_eq!(name("COM¹.jpg", jpeg), "_COM¹.jpg");
        assert_eq!(name("CONSOLE.jpg", jpeg), "CONSOLE.jpg");
        assert_eq!(name("COM10.jpg", jpeg), "COM10.jpg");
        assert_eq!(name("C:evil.exe", jpeg), "evil.jpg");
        assert_eq!(name("c:\\windows\\x.exe", jpeg), "x.jpg");
        assert_eq!(name("a.jpg:stream", jpeg), "a.jpg");
        assert_eq!(name("a.jpg:Zone.Identifier:$DATA", jpeg), "a.jpg");
        assert_eq!(name("invoice\u{202E}gpj.exe", jpeg), "invoice_gpj.jpg");
        assert_eq!(name("a\u{2066}b\u{2069}\u{200F}.jpg", jpeg), "a_b__.jpg");
        assert_eq!(name("line\nbreak\u{1b}[2J.jpg", jpeg), "line_break_[2J.jpg");
        assert_eq!(name("a\u{61C}b\u{AD}c\u{E0041}d.jpg", jpeg), "a_b_c_d.jpg");
        assert_eq!(name("photo.exe", jpeg), "photo.jpg");
        assert_eq!(name("Makefile", None), "Makefile.bin");
        assert_eq!(name("a<b>c|d?e*f\"g.jpg", jpeg), "a_b_c_d_e_f_g.jpg");
        assert_eq!(name("trailing. . .jpg", jpeg), "trailing.jpg");
        assert_eq!(name("clip.mp4", Some(Format::Mp4)), "clip.mp4");
        let long = name(&format!("{}.jpg", "长".repeat(300)), jpeg);
        assert!(long.len() <= MAX_STEM_BYTES + 4 && long.ends_with("长.jpg"), "{long}");
        for nothing in ["", ".", "..", "../", "C:", "\u{202E}", "...", " . ", "a.jpg:/"] {
            assert_eq!(name(nothing, jpeg), "MID.jpg", "{nothing:?} falls back to the media_id");
        }
        assert_eq!(download_file_name(None, "MID", None).display().to_string(), "MID.bin");
        assert_eq!(download_file_name(None, "", jpeg).display().to_string(), "media.jpg");
        assert_eq!(download_file_name(None, "../", jpeg).display().to_string(), "media.jpg");
    }

    #[test]
    fn sizes_read_like_wechat() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(64 * 1024), "64 KB");
        assert_eq!(human_size(10 * MB + 1), "10 MB");
        assert_eq!(human_size(2 * MB + MB / 2), "2.5 MB");
    }
}
