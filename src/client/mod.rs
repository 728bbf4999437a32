//! I/O clients on top of the protocol core: the HTTP transport, the WeChat
//! API client and the token cache shared between processes.

pub mod api;
pub mod oauth;
pub mod token_cache;
pub mod transport;

/// An io error's reason without Rust's debug dump ("No such file or directory").
pub fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}
