//! A small, strict multipart/form-data reader: enough to check an upload the
//! way WeChat does (field name, filename, its RFC 2231 form, part type).

/// One part of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<'a> {
    pub name: Option<String>,
    /// The plain `filename="…"` parameter.
    pub file_name: Option<String>,
    /// The part named its file with RFC 2231 `filename*=` (WeChat answers 41005).
    pub extended_file_name: bool,
    pub content_type: Option<String>,
    pub data: &'a [u8],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MultipartError {
    /// The request is not multipart/form-data at all.
    NotMultipart,
    /// multipart/form-data without a boundary (a Content-Type set by hand).
    NoBoundary,
    /// The body does not follow the boundary it announced.
    Malformed(&'static str),
}

/// The boundary of a `multipart/form-data; boundary=…` content type.
pub fn boundary(content_type: &str) -> Result<String, MultipartError> {
    let mut params = parameters(content_type).into_iter();
    let essence = params.next().map(|(k, _)| k).unwrap_or_default();
    if !essence.eq_ignore_ascii_case("multipart/form-data") {
        return Err(MultipartError::NotMultipart);
    }
    params
        .find(|(k, v)| k.eq_ignore_ascii_case("boundary") && v.as_ref().is_some_and(|v| !v.is_empty()))
        .and_then(|(_, v)| v)
        .ok_or(MultipartError::NoBoundary)
}

/// Splits a body into its parts.
pub fn parse<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<Part<'a>>, MultipartError> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut at = find(body, &delimiter, 0).ok_or(MultipartError::Malformed("no boundary line"))? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        if body[at..].starts_with(b"--") {
            return Ok(parts);
        }
        if !body[at..].starts_with(b"\r\n") {
            return Err(MultipartError::Malformed("boundary not followed by CRLF"));
        }
        at += 2;
        let head_end = find(body, b"\r\n\r\n", at).ok_or(MultipartError::Malformed("part headers never end"))?;
        let head = std::str::from_utf8(&body[at..head_end])
            .map_err(|_| MultipartError::Malformed("part headers are not UTF-8"))?;
        let data_start = head_end + 4;
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(&delimiter);
        let data_end = find(body, &closing, data_start).ok_or(MultipartError::Malformed("part never closed"))?;
        parts.push(part(head, &body[data_start..data_end]));
        at = data_end + closing.len();
    }
}

fn part<'a>(head: &str, data: &'a [u8]) -> Part<'a> {
    let mut part = Part { name: None, file_name: None, extended_file_name: false, content_type: None, data };
    for line in head.split("\r\n") {
        let Some((key, value)) = line.split_once(':') else { continue };
        if key.trim().eq_ignore_ascii_case("content-disposition") {
            for (k, v) in parameters(value).into_iter().skip(1) {
                match k.to_ascii_lowercase().as_str() {
                    "name" => part.name = v,
                    "filename" => part.file_name = v,
                    "filename*" => part.extended_file_name = true,
                    _ => {}
                }
            }
        } else if key.trim().eq_ignore_ascii_case("content-type") {
            part.content_type = Some(value.trim().to_owned());
        }
    }
    part
}

/// `a; k="v; w"; k2=v2` → [("a", None), ("k", Some("v; w")), ("k2", Some("v2"))].
fn parameters(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == ';' || c == '=' {
                break;
            }
            key.push(c);
            chars.next();
        }
        let value = if chars.peek() == Some(&'=') {
            chars.next();
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            let mut value = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => value.extend(chars.next()),
                        '"' => break,
                        c => value.push(c),
                    }
                }
                while chars.peek().is_some_and(|&c| c != ';') {
                    chars.next();
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ';' {
                        break;
                    }
                    value.push(c);
                    chars.next();
                }
                value = value.trim().to_owned();
            }
            Some(value)
        } else {
            None
        };
        let key = key.trim().to_owned();
        if !key.is_empty() {
            out.push((key, value));
        }
        if chars.next().is_none() {
            return out;
        }
    }
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(haystack.get(from..)?, needle).map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert_eq!(boundary("multipart/form-data; boundary=abc").unwrap(), "abc");
        assert_eq!(boundary("Multipart/Form-Data; boundary=\"a b\"").unwrap(), "a b");
        assert_eq!(boundary("multipart/form-data"), Err(MultipartError::NoBoundary));
        assert_eq!(boundary("application/json"), Err(MultipartError::NotMultipart));
    }

    #[test]
    fn parts_and_their_headers() {
        let body = b"preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a;b.jpg\"\r\n\
Content-Type: image/jpeg\r\n\r\n\xff\xd8\r\n--\r\n--XyZ\r\nContent-Disposition: form-data; name=\"x\"; \
filename*=utf-8''%E5%9B%BE.jpg\r\n\r\nv\r\n--XyZ--\r\n";
        let parts = parse(body, "XyZ").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name.as_deref(), Some("media"));
        assert_eq!(parts[0].file_name.as_deref(), Some("a;b.jpg"));
        assert_eq!(parts[0].content_type.as_deref(), Some("image/jpeg"));
        assert_eq!(parts[0].data, b"\xff\xd8\r\n--");
        assert!(parts[1].extended_file_name && parts[1].file_name.is_none());
        assert!(parse(b"--XyZ\r\nbroken", "XyZ").is_err());
    }
}
