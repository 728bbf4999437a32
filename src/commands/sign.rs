//! `wxdev sign`: a signature, or a URL signed as WeChat signs its callbacks.
//! With `--encrypt`, the msg_signature of safe and compatible mode.

use crate::cli::{GlobalArgs, SignArgs};
use crate::config::parse_endpoint;
use crate::config::Settings;
use crate::error::CliError;
use crate::output;
use crate::wechat::callback::{with_query, CallbackQuery};
use crate::wechat::Signature;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct SignReport {
    signature: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    msg_signature: Option<String>,
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
    let (timestamp, nonce) = super::timestamp_and_nonce(args.timestamp, args.nonce)?;
    if args.encrypt.as_deref() == Some("") {
        return Err(CliError::usage("--encrypt is empty").into());
    }
    let signature = Signature::url(token, &timestamp, &nonce);
    let msg_signature = args.encrypt.as_deref().map(|encrypt| Signature::msg(token, &timestamp, &nonce, encrypt));
    let shown = msg_signature.as_ref().unwrap_or(&signature);
    if args.explain {
        eprintln!("sorted and concatenated: {}", shown.hashed());
        eprintln!("sha1 (lowercase hex):    {shown}");
    }
    let url = target.map(|target| {
        let mut query = CallbackQuery::signed_at(token, timestamp.clone(), nonce.clone());
        query.echostr = args.echostr.clone();
        if let Some(msg_signature) = &msg_signature {
            query.encrypt_type = Some("aes".to_owned());
            query.msg_signature = Some(msg_signature.to_string());
        }
        with_query(&target, &query).to_string()
    });
    let report = SignReport {
        signature: signature.to_string(),
        msg_signature: msg_signature.as_ref().map(Signature::to_string),
        timestamp,
        nonce,
        echostr: args.echostr,
        url,
    };
    if global.json {
        output::print_json(&report)?;
    } else {
        println!("{}", report.url.as_deref().unwrap_or(shown.as_str()));
    }
    Ok(ExitCode::SUCCESS)
}
