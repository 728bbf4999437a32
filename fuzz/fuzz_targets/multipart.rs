//! mock-api's multipart/form-data reader. The input's first line is the
//! Content-Type header, the rest the request body.
use wxdev::mock_api::multipart::{boundary, parse};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
        let (head, body) = (String::from_utf8_lossy(&data[..split]), data.get(split + 1..).unwrap_or(&[]));
        let boundary = boundary(&head).unwrap_or_else(|_| "XyZ".to_owned());
        if let Ok(parts) = parse(body, &boundary) {
            let closing = format!("\r\n--{boundary}").into_bytes();
            for part in parts {
                assert!(
                    !part.data.windows(closing.len()).any(|w| w == closing.as_slice()),
                    "a part runs over its boundary"
                );
            }
        }
    });
}
