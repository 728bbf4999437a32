//! `wxdev record`: a recording reverse proxy in front of the developer's endpoint.

use crate::cli::{GlobalArgs, RecordArgs};
use crate::config::Settings;
use crate::error::{io_reason, CliError};
use crate::http::log::RequestLog;
use crate::http::server::{base_url, bind, raise_open_file_limit, serve_or_hang_up, shutdown_signal};
use crate::output;
use crate::recording::proxy::{Proxy, ProxyConfig};
use crate::recording::store::Recorder;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

pub async fn run(global: &GlobalArgs, args: RecordArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let (host, port) = split_listen(&args.listen)?;
    let upstream = url::Url::parse(&args.upstream)
        .map_err(|e| CliError::usage(format!("--upstream {:?} is not a URL: {e}", args.upstream)))?;
    if upstream.scheme() != "http" || upstream.host_str().is_none() {
        return Err(CliError::usage(format!("--upstream {:?} must be an http:// URL", args.upstream))
            .hint("record sits behind the tunnel, in front of your app: e.g. --upstream http://127.0.0.1:8080")
            .into());
    }
    // With an EncodingAESKey, decrypted messages and replies are saved too.
    let crypt = if settings.aes_key.is_some() { Some(settings.require_crypt()?) } else { None };
    if let Err(e) = std::fs::create_dir_all(&args.dir) {
        // Traffic flows all the same; each write will fail and the first failure is logged.
        output::warn(&format!("cannot create {}: {}", args.dir.display(), io_reason(&e)));
    }
    let listener = bind(&host, port).await.map_err(CliError::from)?;
    let url = base_url(listener.local_addr()?);
    if global.json {
        output::print_json(&serde_json::json!({
            "event": "listening", "url": url, "upstream": upstream.as_str(), "dir": args.dir.display().to_string(),
        }))?;
    } else {
        println!("{url}");
        eprintln!(
            "wxdev record: forwarding to {} and saving each exchange in {}{}",
            upstream,
            args.dir.display(),
            if crypt.is_some() { " (with decrypted messages and replies)" } else { "" }
        );
    }
    raise_open_file_limit();
    let limits = args.limits.limits();
    let (log, writer) = RequestLog::stdout();
    let config = ProxyConfig {
        upstream,
        recorder: Recorder::new(&args.dir),
        crypt,
        body_timeout: limits.body_timeout,
        upstream_timeout: Duration::from_secs(args.upstream_timeout),
        json_log: global.json,
        color_log: output::color_enabled(),
        // Room for every connection, and as many again whose client gave up.
        max_in_flight: limits.max_connections.saturating_mul(2),
    };
    let proxy = Arc::new(Proxy::new(config, log));
    let handler = move |req| {
        let proxy = proxy.clone();
        async move { proxy.handle(req).await }
    };
    serve_or_hang_up(listener, limits, handler, shutdown_signal()).await;
    writer.finish();
    if !global.json {
        eprintln!("wxdev record: stopped");
    }
    Ok(ExitCode::SUCCESS)
}

/// HOST:PORT, [V6]:PORT.
pub(crate) fn split_listen(listen: &str) -> Result<(String, u16), CliError> {
    let bad = || CliError::usage(format!("--listen {listen:?} is not HOST:PORT")).hint("e.g. --listen 127.0.0.1:0");
    let (host, port) = listen.rsplit_once(':').ok_or_else(bad)?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let port = port.parse().map_err(|_| bad())?;
    if host.is_empty() {
        return Err(bad());
    }
    Ok((host.to_owned(), port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_addresses() {
        assert_eq!(split_listen("127.0.0.1:0").unwrap(), ("127.0.0.1".to_owned(), 0));
        assert_eq!(split_listen("[::1]:8088").unwrap(), ("::1".to_owned(), 8088));
        assert!(split_listen("8088").is_err() && split_listen(":80").is_err() && split_listen("h:x").is_err());
    }
}
