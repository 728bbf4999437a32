//! wxdev: a toolkit for WeChat Official Account (公众号) server developers.
//!
//! The library holds the shared core ([`wechat`]: signatures, message and
//! reply XML, judging replies as WeChat does), the reference endpoint
//! ([`server`]) and the commands; `src/main.rs` only parses and dispatches.

pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod http_server;
pub mod load;
pub mod mock_api;
pub mod net;
pub mod output;
pub mod request_log;
pub mod server;
pub mod simulator;
pub mod wechat;
