//! `wxdev sign`: a signature, or a URL signed as WeChat signs its callbacks.

use crate::cli::{GlobalArgs, SignArgs};
use crate::config::Settings;
use crate::error::CliError;
use crate::net::parse_endpoint;
use crate::output;
use crate::wechat::callback::{with_query, CallbackQuery};
use crate::wechat::signature::{fresh_nonce, now_timestamp};
use crate::wechat::Signature;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct SignReport {
    signature: String,
    timestamp: String,
    nonce: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    echostr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

pub fn run(global: &GlobalArgs, args: SignArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let token = settings.require_token()?;
    let target = args.target.as_deref().map(parse_endpoint).transpose()?;
    let timestamp = args.timestamp.unwrap_or_else(now_timestamp);
    let nonce = args.nonce.unwrap_or_else(fresh_nonce);
    for (name, value) in [("timestamp", &timestamp), ("nonce", &nonce)] {
        if value.is_empty() {
            return Err(CliError::usage(format!("--{name} is empty")).into());
        }
    }
    let signature = Signature::url(token, &timestamp, &nonce);
    if args.explain {
        eprintln!("sorted and concatenated: {}", signature.hashed());
        eprintln!("sha1 (lowercase hex):    {signature}");
    }
    let url = target.map(|target| {
        let mut query = CallbackQuery::signed_at(token, timestamp.clone(), nonce.clone());
        query.echostr = args.echostr.clone();
        with_query(&target, &query).to_string()
    });
    let report = SignReport { signature: signature.to_string(), timestamp, nonce, echostr: args.echostr, url };
    if global.json {
        output::print_json(&report)?;
    } else {
        println!("{}", report.url.as_deref().unwrap_or(&report.signature));
    }
    Ok(ExitCode::SUCCESS)
}
