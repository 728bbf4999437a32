//! `wxdev decrypt`: a captured safe- or compatible-mode body, or a bare
//! Encrypt value, decrypted and checked as a server must check it:
//! msg_signature (with a token), padding, length field, appid.
//!
//! Exit 0 with the plaintext; 1 when a check fails; 2 when the input or the
//! settings cannot be used at all.

use crate::cli::{DecryptArgs, GlobalArgs};
use crate::config::Settings;
use crate::error::CliError;
use crate::output;
use crate::wechat::crypto::{check_msg_signature, Base64Problem, CryptoError, Envelope};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct DecryptReport {
    ok: bool,
    plaintext: Option<String>,
    /// The appid the message carries, whether or not it is ours.
    appid: Option<String>,
    /// `null` when no signature was checked.
    msg_signature_ok: Option<bool>,
    problems: Vec<Problem>,
}

#[derive(Serialize)]
struct Problem {
    kind: &'static str,
    message: String,
    hint: Option<&'static str>,
}

impl From<&CryptoError> for Problem {
    fn from(err: &CryptoError) -> Self {
        Problem { kind: err.kind(), hint: hint(err), message: err.to_string() }
    }
}

/// What is needed to check a msg_signature.
struct MsgSignatureReport {
    token: String,
    timestamp: String,
    nonce: String,
    given: String,
}

pub fn run(global: &GlobalArgs, args: DecryptArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let crypt = settings.require_crypt()?;
    let input = super::read_input(args.input.as_deref())?;
    if input.trim().is_empty() {
        return Err(CliError::usage("the input is empty").hint("give a captured body or an Encrypt value").into());
    }
    let envelope = parse_input(&input).map_err(unusable)?;
    let check = signature_check(&settings, args, &envelope)?;

    let decrypted = match crypt.decrypt_any_appid(&envelope.encrypt) {
        Ok(decrypted) => Ok(decrypted),
        Err(err @ (CryptoError::Empty | CryptoError::NotBase64(_))) => return Err(unusable(err).into()),
        Err(err) => Err(err),
    };
    let mut problems = Vec::new();
    let msg_signature_ok = check.map(|c| {
        check_msg_signature(&c.token, &c.timestamp, &c.nonce, &envelope.encrypt, &c.given)
            .map_err(|err| problems.push(Problem::from(&err)))
            .is_ok()
    });
    match &decrypted {
        Ok(found) => {
            if let Err(err) = found.check_appid(crypt.appid()) {
                problems.push(Problem::from(&err));
            }
        }
        Err(err) => problems.push(Problem::from(err)),
    }

    let (plaintext, appid) = match decrypted {
        Ok(found) => (Some(found.message), Some(found.appid)),
        Err(_) => (None, None),
    };
    let report = DecryptReport { ok: problems.is_empty(), plaintext, appid, msg_signature_ok, problems };
    for problem in &report.problems {
        output::print_error(&problem.message, problem.hint);
    }
    if global.json {
        output::print_json(&report)?;
    } else if let (true, Some(plaintext)) = (report.ok, &report.plaintext) {
        println!("{plaintext}");
    }
    Ok(super::exit_for(report.ok))
}

/// A body is XML holding `<Encrypt>`; anything else is taken as a bare Encrypt value.
fn parse_input(input: &str) -> Result<Envelope, CryptoError> {
    let trimmed = input.trim_start_matches('\u{feff}').trim();
    if trimmed.starts_with('<') {
        Envelope::parse(trimmed)
    } else {
        Ok(Envelope { encrypt: trimmed.to_owned(), ..Default::default() })
    }
}

/// Decides whether and over what the msg_signature is checked. Any of
/// `--timestamp`, `--nonce` or `--msg-signature` asks for the check; so does a
/// body with its own `<MsgSignature>` (a captured reply) when a token is set.
fn signature_check(
    settings: &Settings,
    args: DecryptArgs,
    envelope: &Envelope,
) -> Result<Option<MsgSignatureReport>, CliError> {
    let asked = args.timestamp.is_some() || args.nonce.is_some() || args.msg_signature.is_some();
    let given = args.msg_signature.or_else(|| envelope.msg_signature.clone());
    if !asked && given.is_none() {
        return Ok(None);
    }
    let Some(token) = settings.token.clone() else {
        if asked {
            return Err(CliError::usage("checking msg_signature needs the token")
                .hint("pass --token, set WXDEV_TOKEN, or put token = \"…\" in wxdev.toml"));
        }
        output::warn("the body's MsgSignature is not checked: no token (pass --token to check it)");
        return Ok(None);
    };
    let need = |value: Option<String>, flag: &str, element: &str| {
        value.ok_or_else(|| {
            CliError::usage(format!("checking msg_signature needs --{flag} (the body has no <{element}> either)"))
        })
    };
    Ok(Some(MsgSignatureReport {
        token,
        timestamp: need(args.timestamp.or_else(|| envelope.timestamp.clone()), "timestamp", "TimeStamp")?,
        nonce: need(args.nonce.or_else(|| envelope.nonce.clone()), "nonce", "Nonce")?,
        given: need(given, "msg-signature", "MsgSignature")?,
    }))
}

/// Input that cannot be decrypted at all: exit 2.
fn unusable(err: CryptoError) -> CliError {
    let hint = hint(&err);
    let error = CliError::usage(err.to_string());
    match hint {
        Some(hint) => error.hint(hint),
        None => error,
    }
}

fn hint(err: &CryptoError) -> Option<&'static str> {
    match err {
        CryptoError::AppIdMismatch { .. } => Some("the AppID in 基本配置 must match --appid"),
        CryptoError::SignatureMismatch { .. } => {
            Some("check --token (the Token in 基本配置) and that timestamp and nonce are the request's own")
        }
        CryptoError::CiphertextLength { .. } => Some("capture the whole body: the value may be cut short"),
        CryptoError::NotBase64(Base64Problem::Character { ch: ' ', .. }) => {
            Some("a '+' may have become a space: was the value URL-decoded on the way?")
        }
        CryptoError::NoEncrypt => Some("a plain-mode body has nothing to decrypt"),
        CryptoError::Xml(_) => Some("give the body as captured, or only the Encrypt value"),
        err if err.suggests_wrong_key() => {
            Some("a wrong EncodingAESKey decrypts to noise like this: copy EncodingAESKey again from 基本配置")
        }
        _ => None,
    }
}
