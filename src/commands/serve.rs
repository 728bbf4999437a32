//! `wxdev serve`: run the reference endpoint until Ctrl-C.

use crate::cli::{GlobalArgs, ServeArgs};
use crate::config::{Settings, TokenSource};
use crate::error::CliError;
use crate::http::log::RequestLog;
use crate::http::server::{base_url, bind, raise_open_file_limit, serve_with, shutdown_signal};
use crate::output;
use crate::server::{Endpoint, EndpointConfig};
use std::process::ExitCode;
use std::sync::Arc;

pub async fn run(global: &GlobalArgs, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    if !args.path.starts_with('/') {
        return Err(CliError::usage(format!("--path {:?} must start with /", args.path))
            .hint("e.g. --path /wechat")
            .into());
    }
    let (token, source) = settings.token_or_dev();
    // With an EncodingAESKey, safe and compatible mode are served too (an AppID is then required).
    let crypt = if settings.aes_key.is_some() { Some(settings.require_crypt()?) } else { None };
    if crypt.is_some() && source == TokenSource::DevelopmentDefault {
        // The development token is public: anyone could sign requests and use the
        // endpoint to decrypt or probe messages encrypted with a real key.
        return Err(CliError::usage(
            "an EncodingAESKey is set but no token: serve will not sign with the public development token",
        )
        .hint("set --token / WXDEV_TOKEN to the Token in 公众号后台 → 基本配置, the one that goes with this key")
        .into());
    }
    let modes = if crypt.is_some() { "plain, compat and safe mode" } else { "plain mode" };
    let listener = bind(&args.host, args.port).await.map_err(CliError::from)?;
    let addr = listener.local_addr()?;
    let url = format!("{}{}", base_url(addr), args.path);
    if global.json {
        output::print_json(
            &serde_json::json!({ "event": "listening", "url": url, "development_token": source == TokenSource::DevelopmentDefault }),
        )?;
    } else {
        println!("wxdev serve: listening on {url} ({modes})");
    }
    if source == TokenSource::DevelopmentDefault {
        output::warn(&format!(
            "no token configured: using the development token {token:?}, which wxdev simulate also defaults to. \
             Set --token / WXDEV_TOKEN to the Token in 公众号后台 → 基本配置 before WeChat calls this endpoint."
        ));
    }
    if !global.json && addr.ip().is_loopback() {
        eprintln!(
            "note: this machine only; put a tunnel (natapp, ngrok) in front of it, or --host 0.0.0.0 on a server"
        );
    }
    raise_open_file_limit();
    let limits = args.limits.limits();
    let (log, writer) = RequestLog::stdout();
    let config = EndpointConfig {
        token: token.to_owned(),
        path: args.path.clone(),
        json_log: global.json,
        color_log: output::color_enabled(),
        crypt,
        body_timeout: limits.body_timeout,
    };
    let endpoint = Arc::new(Endpoint::new(config, log));
    let handler = move |req| {
        let endpoint = endpoint.clone();
        async move { endpoint.handle(req).await }
    };
    serve_with(listener, limits, handler, shutdown_signal()).await;
    writer.finish();
    if !global.json {
        eprintln!("wxdev serve: stopped");
    }
    Ok(ExitCode::SUCCESS)
}
