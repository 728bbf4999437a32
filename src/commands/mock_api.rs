//! `wxdev mock-api`: run the local stand-in for the WeChat API until Ctrl-C.

use crate::cli::{GlobalArgs, MockApiArgs};
use crate::config::Settings;
use crate::error::CliError;
use crate::http::log::RequestLog;
use crate::http::server::{base_url, bind, raise_open_file_limit, serve_with, shutdown_signal};
use crate::mock_api::{Failure, MockApi, MockConfig, TestUser};
use crate::output;
use crate::wechat::text::escape_control;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

pub async fn run(global: &GlobalArgs, args: MockApiArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let apps = apps(&settings, &args.apps)?;
    let failures = args
        .fail_next
        .iter()
        .map(|spec| {
            Failure::parse_spec(spec).map_err(|e| {
                CliError::usage(format!("--fail-next {spec}: {e}")).hint(
                    "write an errcode, optionally with the API: --fail-next 45009, --fail-next 40001@media/upload",
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let users = if args.users.is_empty() {
        crate::mock_api::default_users()
    } else {
        let mut users: Vec<TestUser> = Vec::new();
        for spec in &args.users {
            let user = TestUser::parse(spec).map_err(|e| {
                CliError::usage(format!("--user {}: {e}", escape_control(spec)))
                    .hint("e.g. --user o6_bmjrPTlm6_2sgVt7hMZOPfL2M:张伟")
            })?;
            if users.iter().any(|u| u.openid == user.openid) {
                return Err(CliError::usage(format!("--user {}: that OpenID is given twice", user.openid)).into());
            }
            users.push(user);
        }
        users
    };
    for domain in &settings.oauth_domains {
        crate::wechat::oauth::check_domain_setting(domain).map_err(|e| {
            CliError::usage(escape_control(&e.to_string())).hint("--oauth-domain takes a domain, e.g. www.example.com")
        })?;
    }
    if let Some(dir) = &args.data_dir {
        std::fs::create_dir_all(dir).map_err(|e| {
            CliError::usage(format!("cannot use --data-dir {}: {}", dir.display(), crate::error::io_reason(&e)))
        })?;
    }
    let listener = bind(&args.host, args.port).await.map_err(CliError::from)?;
    let listen = listener.local_addr()?;
    let url = base_url(listen);
    let appids: Vec<&str> = apps.iter().map(|(appid, _)| appid.as_str()).collect();
    if global.json {
        output::print_json(&serde_json::json!({
            "event": "listening", "url": url, "appids": appids, "token_ttl": args.token_ttl,
            "data_dir": args.data_dir, "max_media_bytes": args.max_media_bytes, "queued_failures": failures.len(),
        }))?;
    } else {
        println!("wxdev mock-api: listening on {url}");
        let store = match &args.data_dir {
            Some(dir) => format!("media kept in {}", dir.display()),
            None => format!("media kept in memory (at most {} bytes)", args.max_media_bytes),
        };
        eprintln!("accepting AppID {}; tokens live {} s; {store}", appids.join(", "), args.token_ttl);
        eprintln!(
            "web authorization: links from wxdev oauth url --open-base {url} ; test users {}",
            users
                .iter()
                .map(|u| format!("{}:{}", u.openid, escape_control(&u.nickname)))
                .collect::<Vec<_>>()
                .join(", ")
        );
        eprintln!("point wxdev at it with --api-base {url} (or WXDEV_API_BASE); queue failures with POST {url}/mock/fail-next?errcode=N and Content-Type: application/json");
    }
    let (log, writer) = RequestLog::stdout();
    let config = MockConfig {
        apps,
        token_ttl: Duration::from_secs(args.token_ttl),
        data_dir: args.data_dir.clone(),
        listen,
        base_url: url,
        json_log: global.json,
        colour: output::color_enabled(),
        max_media_bytes: args.max_media_bytes,
        failures,
        body_timeout: std::time::Duration::from_secs(args.limits.body_timeout),
        users,
        oauth_domains: settings.oauth_domains.clone(),
        token_delay: Duration::from_millis(args.token_delay),
    };
    let mock = Arc::new(MockApi::new(config, log));
    let handler = move |req| {
        let mock = mock.clone();
        async move { mock.handle(req).await }
    };
    raise_open_file_limit();
    serve_with(listener, args.limits.limits(), handler, shutdown_signal()).await;
    writer.finish();
    if !global.json {
        eprintln!("wxdev mock-api: stopped");
    }
    Ok(ExitCode::SUCCESS)
}

/// The AppID/AppSecret pairs: --appid with --secret (flag, environment or
/// wxdev.toml), then every --app APPID:SECRET.
fn apps(settings: &Settings, extra: &[String]) -> Result<Vec<(String, String)>, CliError> {
    let apps = app_pairs(settings, extra)?;
    if apps.is_empty() {
        return Err(CliError::usage("mock-api needs at least one AppID and AppSecret to issue tokens for")
            .hint("pass --appid wx… --secret … (any values you like), or --app APPID:SECRET; repeat --app for more"));
    }
    Ok(apps)
}

/// --appid with --secret, then every --app APPID:SECRET (possibly none).
pub(crate) fn app_pairs(settings: &Settings, extra: &[String]) -> Result<Vec<(String, String)>, CliError> {
    let mut apps = Vec::new();
    match (&settings.appid, &settings.secret) {
        (Some(appid), Some(secret)) => apps.push((appid.clone(), secret.clone())),
        (None, None) => {}
        (Some(_), None) => {
            return Err(CliError::usage("--appid without --secret").hint("give both, or use --app APPID:SECRET"))
        }
        (None, Some(_)) => {
            return Err(CliError::usage("--secret without --appid").hint("give both, or use --app APPID:SECRET"))
        }
    }
    for pair in extra {
        match pair.split_once(':') {
            Some((appid, secret)) if !appid.is_empty() && !secret.is_empty() => {
                apps.push((appid.to_owned(), secret.to_owned()))
            }
            _ => {
                let appid = pair.split(':').next().unwrap_or("");
                return Err(CliError::usage(format!("--app {appid}:…: expected APPID:SECRET"))
                    .hint("e.g. --app wx0123456789abcdef:my-test-secret"));
            }
        }
    }
    Ok(apps)
}
