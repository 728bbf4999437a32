//! The shared core: everything that is WeChat protocol, independent of the command line.

pub mod callback;
pub mod crypto;
pub mod errcode;
pub mod jssdk;
pub mod media;
pub mod menu;
pub mod message;
pub mod reply;
pub mod signature;
pub mod text;
pub mod xml;

pub use callback::CallbackQuery;
pub use crypto::{AesKey, CryptoError, Envelope, MsgCrypt};
pub use message::{Body, Event, Incoming, PicSource};
pub use reply::{Expectation, Judgement, Reply, ReplyBody};
pub use signature::Signature;
pub use xml::Element;

/// The current Unix time in whole seconds.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// What the user sees when WeChat gives up on an endpoint.
pub const SERVICE_UNAVAILABLE_NOTICE: &str = "该公众号暂时无法提供服务，请稍后再试";

/// How long WeChat waits for an answer before it drops the connection and retries.
pub const REPLY_DEADLINE: std::time::Duration = std::time::Duration::from_secs(5);

/// How many times WeChat sends one message when it gets no valid answer.
pub const DELIVERY_ATTEMPTS: u32 = 3;
