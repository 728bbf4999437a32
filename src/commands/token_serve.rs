//! `wxdev token serve`: the AccessToken 中控 until Ctrl-C. Also the settings
//! plumbing `proxy` shares: listen address, key rule, accounts, store.

use crate::cli::{GlobalArgs, KeyFormatArg, TokenServeArgs, TokenServiceArgs};
use crate::client::api::Credentials;
use crate::commands::token::open_store;
use crate::config::Settings;
use crate::error::CliError;
use crate::http::log::clock;
use crate::http::server::{base_url, bind, raise_open_file_limit, serve_with, shutdown_signal};
use crate::output;
use crate::tokens::formats::KeyFormat;
use crate::tokens::service::{Service, ServiceConfig};
use crate::tokens::store::{Shared, Store};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

pub async fn run(global: &GlobalArgs, args: TokenServeArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let (host, port) = parse_listen(&args.listen)?;
    let auth_key = require_key_off_loopback(&host, args.auth_key.clone())?;
    let accounts = accounts(&settings, &args.service.apps)?;
    let service = build_service(&settings, &args.service, accounts, auth_key.clone()).await?;
    let listener = bind(&host, port).await.map_err(CliError::from)?;
    announce("token serve", &listener, &service, global.json)?;
    if !global.json {
        eprintln!(
            "routes: GET /token?appid=A, POST /token/refresh, GET /ticket?appid=A&type=jsapi|wx_card, GET /healthz, GET /metrics{}",
            if auth_key.is_some() { " (Authorization: Bearer KEY)" } else { "" }
        );
    }
    let background = tokio::spawn(service.clone().run_background());
    let handler = move |req| service.clone().handle(req);
    raise_open_file_limit();
    serve_with(listener, args.limits.limits(), handler, shutdown_signal()).await;
    background.abort();
    if !global.json {
        eprintln!("wxdev token serve: stopped");
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints where it listens (the only URL printed: the line tests and people look for).
pub(crate) fn announce(what: &str, listener: &TcpListener, service: &Service, json: bool) -> anyhow::Result<()> {
    let url = base_url(listener.local_addr()?);
    let appids: Vec<&str> = service.appids().collect();
    if json {
        output::print_json(&serde_json::json!({"event": "listening", "url": url, "appids": appids}))?;
    } else {
        println!("wxdev {what}: listening on {url}");
        eprintln!("accounts: {}; store: {}", appids.join(", "), service.store_description());
    }
    Ok(())
}

/// `HOST:PORT` (`[::1]:PORT` for IPv6).
pub(crate) fn parse_listen(listen: &str) -> Result<(String, u16), CliError> {
    let bad = || {
        CliError::usage(format!("--listen {listen:?} is not HOST:PORT"))
            .hint("e.g. --listen 127.0.0.1:8082, or 0.0.0.0:8082 (with --auth-key) for other machines; port 0 picks a free one")
    };
    let (host, port) = listen.rsplit_once(':').ok_or_else(bad)?;
    let host = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    let port = port.parse::<u16>().map_err(|_| bad())?;
    if host.is_empty() {
        return Err(bad());
    }
    Ok((host.to_owned(), port))
}

/// Off loopback a key is required: the service hands out credentials.
pub(crate) fn require_key_off_loopback(host: &str, key: Option<String>) -> Result<Option<String>, CliError> {
    let key = key.filter(|k| !k.is_empty());
    let loopback =
        host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if !loopback && key.is_none() {
        return Err(CliError::usage(format!("refusing to listen on {host} without --auth-key"))
            .hint("any machine that reaches the port would get the account's access_token: set WXDEV_SERVICE_KEY (or --auth-key) to a long random string, and send it as Authorization: Bearer KEY"));
    }
    Ok(key)
}

/// --appid/--secret and every --app; at least one.
pub(crate) fn accounts(settings: &Settings, apps: &[String]) -> Result<Vec<Credentials>, CliError> {
    let pairs = crate::commands::mock_api::app_pairs(settings, apps)?;
    if pairs.is_empty() {
        return Err(CliError::usage("no account: the token service needs an AppID and its AppSecret")
            .hint("set WXDEV_APPID and WXDEV_SECRET (or --appid/--secret, wxdev.toml), or --app APPID:SECRET; repeat --app for more"));
    }
    Ok(pairs.into_iter().map(|(appid, secret)| Credentials { appid, secret }).collect())
}

/// The service on the store these options name.
pub(crate) async fn build_service(
    settings: &Settings,
    args: &TokenServiceArgs,
    accounts: Vec<Credentials>,
    auth_key: Option<String>,
) -> Result<Arc<Service>, CliError> {
    let api = crate::commands::token::api_client(settings)?;
    let store =
        open_store(args.store.as_deref(), args.cache_dir.clone(), Duration::from_millis(args.store_timeout)).await?;
    let formats: Vec<KeyFormat> = args.key_format.iter().map(|f| key_format(*f)).collect();
    if matches!(store, Store::File(_)) && formats.iter().any(|f| *f != KeyFormat::Wxdev) {
        return Err(CliError::usage("--key-format writes Redis keys: it needs --store redis://…"));
    }
    // Refresh before any chosen SDK would stop using the token and fetch its own.
    let lapse = formats
        .iter()
        .flat_map(|f| [f.lapse_secs(crate::tokens::Kind::AccessToken), f.lapse_secs(crate::tokens::Kind::Jsapi)])
        .max()
        .unwrap_or(0);
    let refresh_before = (args.refresh_before as i64).max(lapse + 60);
    let config = ServiceConfig {
        stable: args.stable,
        refresh_before,
        jitter: (args.refresh_jitter as i64).min(refresh_before / 4),
        tick: Duration::from_millis(args.sync_interval),
        auth_key,
    };
    let shared = Shared { store, api, formats, lock_ttl: Duration::from_millis(args.lock_ttl), stable: args.stable };
    let log: Box<dyn Fn(&str) + Send + Sync> = Box::new(|line| eprintln!("{} {line}", clock()));
    Ok(Arc::new(Service::new(shared, config, accounts, log)))
}

pub(crate) fn key_format(arg: KeyFormatArg) -> KeyFormat {
    match arg {
        KeyFormatArg::Wxdev => KeyFormat::Wxdev,
        KeyFormatArg::Wechatpy => KeyFormat::Wechatpy,
        KeyFormatArg::Silenceper => KeyFormat::Silenceper,
        KeyFormatArg::Easywechat => KeyFormat::Easywechat,
        KeyFormatArg::Wxjava => KeyFormat::Wxjava,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_addresses_and_the_key_rule() {
        assert_eq!(parse_listen("127.0.0.1:8082").unwrap(), ("127.0.0.1".to_owned(), 8082));
        assert_eq!(parse_listen("[::1]:0").unwrap(), ("::1".to_owned(), 0));
        for bad in ["8082", ":8082", "h:port", "h:70000"] {
            assert_eq!(parse_listen(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
        assert!(require_key_off_loopback("127.0.0.1", None).is_ok());
        assert!(require_key_off_loopback("localhost", None).is_ok());
        assert!(require_key_off_loopback("::1", None).is_ok());
        assert_eq!(require_key_off_loopback("0.0.0.0", None).unwrap_err().exit_code(), 2);
        assert_eq!(require_key_off_loopback("0.0.0.0", Some(String::new())).unwrap_err().exit_code(), 2);
        assert!(require_key_off_loopback("0.0.0.0", Some("k".into())).unwrap().is_some());
    }
}
