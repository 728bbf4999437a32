//! `wxdev jssdk sign` and `wxdev jssdk check`: the `wx.config` signature,
//! with the jsapi_ticket from the shared cache (or a Redis store, or a running
//! `token serve`), and the search for the mistake behind "config:invalid signature".

use crate::cli::{GlobalArgs, JssdkCheckArgs, JssdkCommand, JssdkSignArgs, SharedSourceArgs, TokenSourceArgs};
use crate::client::api::Credentials;
use crate::client::token_cache::{obtain_ticket, Known, Refresh, TicketKind};
use crate::commands::exit_for;
use crate::commands::token::{
    api_client, cache_failure, duration_text, endpoint, obtain_failure, redis_store, remote_service, service_failure,
    shared_store, token_cache,
};
use crate::config::Settings;
use crate::error::CliError;
use crate::output;
use crate::tokens::{Kind, SERVE_MARGIN_SECS};
use crate::wechat::jssdk::{diagnose, page_url, string1, valid_timestamp, SignInput};
use crate::wechat::text::escape_control;
use rand::distributions::{Alphanumeric, DistString};
use serde::Serialize;
use serde_json::json;
use std::process::ExitCode;

/// How `check` names the ticket the current one replaced.
const PREVIOUS: &str = "the previous ticket in the cache (since replaced)";

pub async fn run(global: &GlobalArgs, command: JssdkCommand) -> anyhow::Result<ExitCode> {
    match command {
        JssdkCommand::Sign(args) => sign(global, args).await,
        JssdkCommand::Check(args) => check(global, args).await,
    }
}

/// The fields of `wx.config`, as JavaScript spells them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WxConfig<'a> {
    app_id: &'a str,
    timestamp: u64,
    nonce_str: &'a str,
    signature: String,
}

async fn sign(global: &GlobalArgs, args: JssdkSignArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let appid = settings.require_appid()?.to_owned();
    check_page_url(&args.url)?;
    let (signed_url, fragment) = page_url(&args.url);
    if fragment.is_some() {
        output::warn(&format!(
            "the #fragment is not signed: signing {} (what location.href.split('#')[0] gives)",
            escape_control(signed_url)
        ));
    }
    let timestamp = args.timestamp.unwrap_or_else(crate::wechat::signature::now_timestamp);
    let seconds = parse_timestamp(&timestamp)?;
    let noncestr = args.noncestr.unwrap_or_else(|| Alphanumeric.sample_string(&mut rand::thread_rng(), 16));
    check_noncestr(&noncestr)?;
    let ticket = match args.ticket.filter(|t| !t.is_empty()) {
        Some(ticket) => ticket,
        None => {
            let got = shared_ticket(&settings, &args.source, &args.shared).await?;
            eprintln!("jsapi_ticket for {appid} {}; expires in {}", got.origin, duration_text(got.expires_in));
            got.ticket
        }
    };
    let input = SignInput { ticket: &ticket, noncestr: &noncestr, timestamp: &timestamp, url: signed_url };
    let string1 = string1(&input);
    if args.explain {
        // The ticket is no secret the way the AppSecret is, but it is shown only when asked for.
        eprintln!("string1: {}", escape_control(&string1));
        eprintln!("signature = sha1(string1)");
    }
    let signature = crate::wechat::jssdk::sha1_hex(&string1);
    output::print_json(&WxConfig { app_id: &appid, timestamp: seconds, nonce_str: &noncestr, signature })?;
    Ok(ExitCode::SUCCESS)
}

async fn check(global: &GlobalArgs, args: JssdkCheckArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    check_page_url(&args.url)?;
    parse_timestamp(&args.timestamp)?;
    check_noncestr(&args.noncestr)?;
    let given = args.signature.trim();
    if given.len() != 40 || !given.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(CliError::usage(format!("--signature {:?} is not 40 hex digits", escape_control(given)))
            .hint("pass the signature given to wx.config")
            .into());
    }
    let known = known_values(&settings, &args.source, &args.shared).await;
    let mut others: Vec<(String, String)> = Vec::new();
    let ticket = match args.ticket.filter(|t| !t.is_empty()) {
        Some(ticket) => {
            if let Some(cached) = known.ticket.clone() {
                others.push(("the ticket in the cache".to_owned(), cached));
            }
            ticket
        }
        None => {
            let got = shared_ticket(&settings, &args.source, &args.shared).await?;
            if !global.json {
                eprintln!("checking against the jsapi_ticket {}", got.origin);
            }
            if let Some(previous) = got.previous.clone() {
                others.push((PREVIOUS.to_owned(), previous));
            }
            got.ticket
        }
    };
    if let Some(previous) = known.previous_ticket.clone() {
        // The same ticket twice is tried once (variants drops repeats).
        others.push((PREVIOUS.to_owned(), previous));
    }
    let input = SignInput { ticket: &ticket, noncestr: &args.noncestr, timestamp: &args.timestamp, url: &args.url };
    let verdict = diagnose(&input, given, &others, known.access_token.as_deref());
    if global.json {
        let mistakes: Vec<_> = verdict
            .found
            .iter()
            .map(|v| json!({"id": v.mistake.id(), "explanation": v.mistake.describe(), "string1": v.string1}))
            .collect();
        output::print_json(&json!({
            "matches": verdict.matches,
            "expected": verdict.expected,
            "expected_string1": verdict.expected_string1,
            "mistakes": mistakes,
        }))?;
        return Ok(exit_for(verdict.matches));
    }
    if verdict.matches {
        println!("{} the signature matches", output::pass_mark());
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} the signature does not match: expected {}", output::fail_mark(), verdict.expected);
    println!("  string1: {}", escape_control(&verdict.expected_string1));
    if verdict.found.is_empty() {
        println!(
            "  none of the usual mistakes reproduces it: check nonceStr and timestamp against what was signed, \
                  and that appId is the AppID the ticket was fetched for"
        );
    }
    for found in &verdict.found {
        println!("  found: {}", found.mistake.describe());
        println!("  signed string1: {}", escape_control(&found.string1));
    }
    Ok(exit_for(false))
}

/// A page URL: http(s), with a host.
fn check_page_url(url: &str) -> Result<(), CliError> {
    let parsed = crate::config::parse_endpoint(url)?;
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(CliError::usage(format!("{:?} has no host", escape_control(url))));
    }
    Ok(())
}

fn parse_timestamp(timestamp: &str) -> Result<u64, CliError> {
    let bad = || {
        CliError::usage(format!("--timestamp {:?} is not a whole number of seconds", escape_control(timestamp)))
            .hint("wx.config takes the Unix time in seconds, e.g. 1414587457")
    };
    if !valid_timestamp(timestamp) {
        return Err(bad());
    }
    timestamp.parse().map_err(|_| bad())
}

fn check_noncestr(noncestr: &str) -> Result<(), CliError> {
    if noncestr.is_empty() || noncestr.len() > 32 || !noncestr.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(CliError::usage(format!(
            "--noncestr {:?} is not 1–32 letters and digits",
            escape_control(noncestr)
        ))
        .hint("WeChat's samples use 16 random letters and digits"));
    }
    Ok(())
}

/// A jsapi_ticket, and where it came from.
struct GotTicket {
    ticket: String,
    /// Seconds left.
    expires_in: i64,
    /// "from …" or "fetched …", for stderr.
    origin: String,
    /// The ticket this one replaced, when the file cache knew one.
    previous: Option<String>,
}

/// The jsapi_ticket from `--from` (a running `token serve`), from `--store
/// redis://…` (fetched under the Redis lock when stale), or from the file cache
/// (fetched under its lock).
async fn shared_ticket(
    settings: &Settings,
    source: &TokenSourceArgs,
    shared: &SharedSourceArgs,
) -> anyhow::Result<GotTicket> {
    let now = crate::wechat::unix_now();
    if let Some(from) = &shared.from {
        let remote = remote_service(from, shared)?;
        let appid = settings.require_appid()?;
        let held = remote.ticket(appid, "jsapi").await.map_err(service_failure)?;
        let origin = format!("from the token service {from}");
        return Ok(GotTicket { expires_in: held.left(now), ticket: held.value, origin, previous: None });
    }
    let creds: Credentials = settings.credentials().map_err(|e| {
        let hint = e.hint.clone().unwrap_or_default();
        e.hint(format!("{hint}; or pass --ticket"))
    })?;
    let api = api_client(settings)?;
    if let Some(store) = redis_store(shared) {
        let store = shared_store(api, store, source.stable).await?;
        let shown = store.store.describe();
        let got = store.obtain_ticket(&creds, Kind::Jsapi, SERVE_MARGIN_SECS).await.map_err(obtain_failure)?;
        let origin =
            if got.fetched { format!("fetched from getticket, stored in {shown}") } else { format!("from {shown}") };
        return Ok(GotTicket { expires_in: got.held.left(now), ticket: got.held.value, origin, previous: None });
    }
    let cache = token_cache(source);
    let got = obtain_ticket(&api, &creds, endpoint(source), TicketKind::Jsapi, cache.as_ref(), Refresh::IfStale)
        .await
        .map_err(cache_failure)?;
    for note in &got.notes {
        output::warn(&escape_control(note));
    }
    let origin = match (&got.cache_file, got.cached) {
        (Some(file), true) => format!("from the cache {}", file.display()),
        (Some(file), false) => format!("fetched from getticket, cached in {}", file.display()),
        (None, _) => "fetched from getticket (not cached)".to_owned(),
    };
    Ok(GotTicket { expires_in: got.expires_in(), ticket: got.ticket, origin, previous: got.previous })
}

/// The access_token and tickets the store holds, when an AppID and a store
/// are configured: the file cache, or the Redis store (nothing with `--from`).
async fn known_values(settings: &Settings, source: &TokenSourceArgs, shared: &SharedSourceArgs) -> Known {
    let Some(appid) = settings.appid.as_deref() else {
        return Known::default();
    };
    if shared.from.is_some() {
        return Known::default();
    }
    if let Some(url) = redis_store(shared) {
        // Only hints for the diagnosis: a store that cannot be read gives none (the
        // ticket, when it comes from the store, reports the failure).
        let Ok(api) = api_client(settings) else {
            return Known::default();
        };
        let Ok(store) = shared_store(api, url, source.stable).await else {
            return Known::default();
        };
        let token_kind = if source.stable { Kind::StableToken } else { Kind::AccessToken };
        let store = &store;
        let current = |kind| async move { store.current(appid, kind).await.ok().flatten().map(|held| held.value) };
        return Known {
            access_token: current(token_kind).await,
            ticket: current(Kind::Jsapi).await,
            previous_ticket: None,
        };
    }
    let Some(cache) = token_cache(source) else {
        return Known::default();
    };
    let base = settings.api_base().trim_end_matches('/');
    cache.known_values(appid, base, endpoint(source), TicketKind::Jsapi)
}
