//! wxdev: a toolkit for WeChat Official Account (公众号) server developers.
//!
//! Layers, each depending only on those listed before it:
//! - [`wechat`]: the protocol core — signatures, message and reply XML,
//!   judging replies, safe-mode crypto, media rules, the errcode table. Pure:
//!   it depends on no other module of this crate.
//! - [`client`]: I/O on top of the core — the HTTP transport, the WeChat API
//!   client, the shared token cache.
//! - [`http`]: the plumbing every listening command runs on — the accept
//!   loop with its timeouts and bounds, and the request log writer.
//! - [`simulator`], [`server`], [`mock_api`]: WeChat's side of a push (with
//!   load mode and `check`'s battery of checks), the reference endpoint, the
//!   local API stand-in. Each takes plain configuration and returns typed
//!   errors or reports.
//! - [`phone`]: `wxdev phone`'s chat page and its JSON API, on top of the
//!   simulator and the HTTP plumbing, polling a mock-api for pushed messages.
//! - [`recording`]: the record file format (one JSON file per exchange),
//!   the recording reverse proxy and re-sending with comparison of replies;
//!   on top of the core, the transport, the HTTP plumbing and the simulator.
//! - [`tokens`]: the AccessToken 中控 (`token serve`) and the API proxy, on
//!   the file cache or Redis; on top of the client and the HTTP plumbing.
//! - The command-line edge: [`cli`] (arguments), [`config`] (settings),
//!   [`error`] (exit codes), [`output`] (colour, printing) and [`commands`].
//!   `src/main.rs` only parses, runs and reports.

pub mod wechat;

pub mod client;
pub mod http;

pub mod mock_api;
pub mod phone;
pub mod recording;
pub mod server;
pub mod simulator;
pub mod tokens;

pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod output;
