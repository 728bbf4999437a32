//! `wxdev proxy`: the API-Proxy until Ctrl-C.

use crate::cli::{GlobalArgs, ProxyArgs};
use crate::commands::token_serve::{accounts, build_service, parse_listen, require_key_off_loopback};
use crate::config::Settings;
use crate::error::CliError;
use crate::http::log::RequestLog;
use crate::http::server::{base_url, bind, raise_open_file_limit, serve_or_hang_up, shutdown_signal};
use crate::output;
use crate::tokens::proxy::{Proxy, RemoteTokens, TokenSource};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

pub async fn run(global: &GlobalArgs, args: ProxyArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let (host, port) = parse_listen(&args.listen)?;
    let auth_key = require_key_off_loopback(&host, args.auth_key.clone())?;
    let upstream = args.upstream.clone().unwrap_or_else(|| settings.api_base().to_owned());
    crate::client::api::ApiClient::new(&upstream)
        .map_err(|e| CliError::usage(format!("--upstream: {e}")).hint("e.g. --upstream https://api.weixin.qq.com"))?;
    let mut background = None;
    let (tokens, appid, source) = match &args.token_from {
        Some(url) => {
            crate::config::parse_endpoint(url)?;
            let appid = settings.require_appid()?.to_owned();
            let remote = RemoteTokens::new(url, auth_key.clone())
                .map_err(|e| CliError::failed(format!("cannot start the HTTP client: {e}")))?;
            (TokenSource::Remote(remote), appid, format!("tokens from {url}"))
        }
        None => {
            let accounts = accounts(&settings, &args.service.apps)?;
            if accounts.len() > 1 {
                return Err(CliError::usage("the proxy serves one account: give --appid/--secret or one --app").into());
            }
            let appid = accounts[0].appid.clone();
            let service = build_service(&settings, &args.service, accounts, None).await?;
            let source = format!("tokens from {}", service.store_description());
            background = Some(tokio::spawn(service.clone().run_background()));
            (TokenSource::Local(service), appid, source)
        }
    };
    let listener = bind(&host, port).await.map_err(CliError::from)?;
    let url = base_url(listener.local_addr()?);
    if global.json {
        output::print_json(
            &serde_json::json!({"event": "listening", "url": url, "upstream": upstream, "appid": appid}),
        )?;
    } else {
        println!("wxdev proxy: listening on {url}");
        println!("forwarding /cgi-bin/* (with {appid}'s access_token) and /sns/* to {upstream}; {source}");
    }
    let client = crate::client::transport::client(Duration::from_secs(5))
        .map_err(|e| CliError::failed(format!("cannot start the HTTP client: {e}")))?;
    let (log, writer) = RequestLog::stdout();
    let limits = args.limits.limits();
    let proxy = Arc::new(Proxy {
        upstream: upstream.trim_end_matches('/').to_owned(),
        client,
        tokens,
        appid,
        allow: args.allow.clone(),
        auth_key,
        log,
        body_timeout: limits.body_timeout,
    });
    raise_open_file_limit();
    let handler = move |req| proxy.clone().handle(req);
    serve_or_hang_up(listener, limits, handler, shutdown_signal()).await;
    if let Some(task) = background {
        task.abort();
    }
    writer.finish();
    if !global.json {
        eprintln!("wxdev proxy: stopped");
    }
    Ok(ExitCode::SUCCESS)
}
