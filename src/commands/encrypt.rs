//! `wxdev encrypt`: a plaintext message encrypted as a safe-mode reply
//! (`Encrypt`, `MsgSignature`, `TimeStamp`, `Nonce`), for building test payloads.
//!
//! Without a token there is nothing to sign with: MsgSignature is left out and
//! a warning says so, since WeChat would reject such a reply.

use crate::cli::{EncryptArgs, GlobalArgs};
use crate::config::Settings;
use crate::error::CliError;
use crate::output;
use crate::wechat::crypto::Envelope;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct EncryptReport {
    ok: bool,
    /// The encrypted reply, as printed without --json.
    xml: String,
    encrypt: String,
    /// `null` without a token.
    msg_signature: Option<String>,
    timestamp: String,
    nonce: String,
    appid: String,
}

pub fn run(global: &GlobalArgs, args: EncryptArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let crypt = settings.require_crypt()?;
    let input = super::read_input(args.input.as_deref())?;
    // One trailing newline is the file's or `decrypt`'s, not the message's.
    let plaintext = input.strip_suffix('\n').map(|s| s.strip_suffix('\r').unwrap_or(s)).unwrap_or(&input);
    if plaintext.is_empty() {
        return Err(CliError::usage("the input is empty: nothing to encrypt").into());
    }
    let (timestamp, nonce) = super::timestamp_and_nonce(args.timestamp, args.nonce)?;
    let encrypt = crypt.encrypt(plaintext);
    let envelope = match settings.token.as_deref() {
        Some(token) => Envelope::signed_reply(token, encrypt, &timestamp, &nonce),
        None => {
            output::warn("no token: MsgSignature is left out, and WeChat rejects such a reply (pass --token)");
            Envelope { encrypt, timestamp: Some(timestamp.clone()), nonce: Some(nonce.clone()), ..Default::default() }
        }
    };
    let xml = envelope.reply_xml();
    if global.json {
        output::print_json(&EncryptReport {
            ok: true,
            xml,
            encrypt: envelope.encrypt,
            msg_signature: envelope.msg_signature,
            timestamp,
            nonce,
            appid: crypt.appid().to_owned(),
        })?;
    } else {
        println!("{xml}");
    }
    Ok(ExitCode::SUCCESS)
}
