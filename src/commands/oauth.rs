//! `wxdev oauth …`: web authorization (网页授权). `url` builds and checks
//! the authorize link; `exchange`, `refresh`, `userinfo` and `check` call
//! the /sns/ APIs. The AppSecret, web access tokens and refresh tokens are
//! printed only when asked for (`--print-token`, `--json`), never in errors.

use crate::cli::{
    GlobalArgs, OauthCheckArgs, OauthCommand, OauthExchangeArgs, OauthRefreshArgs, OauthScope, OauthUrlArgs,
    OauthUserinfoArgs,
};
use crate::client::oauth::WebToken;
use crate::commands::token::{api_client, api_failure, duration_text, utc_text};
use crate::config::Settings;
use crate::error::CliError;
use crate::output;
use crate::wechat::oauth::{
    authorize_url, check_domain_setting, check_redirect_uri, check_state, domain_verdict, is_loopback,
    unsure_characters, Authorize, Scope,
};
use crate::wechat::text::escape_control;
use crate::wechat::unix_now;
use rand::distributions::{Alphanumeric, DistString};
use serde_json::{json, Value};
use std::process::ExitCode;

pub async fn run(global: &GlobalArgs, command: OauthCommand) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    match command {
        OauthCommand::Url(args) => url(global, &settings, args),
        OauthCommand::Exchange(args) => exchange(global, &settings, args).await,
        OauthCommand::Refresh(args) => refresh(global, &settings, args).await,
        OauthCommand::Userinfo(args) => userinfo(global, &settings, args).await,
        OauthCommand::Check(args) => check(global, &settings, args).await,
    }
}

fn url(global: &GlobalArgs, settings: &Settings, args: OauthUrlArgs) -> anyhow::Result<ExitCode> {
    let appid = settings.require_appid()?;
    let open_base = crate::config::parse_endpoint(&args.open_base)
        .map_err(|e| CliError::usage(format!("--open-base: {}", e.message)))?;
    let state = match args.state {
        Some(state) => state,
        None => Alphanumeric.sample_string(&mut rand::thread_rng(), 16),
    };
    check_state(&state).map_err(|e| {
        CliError::usage(escape_control(&e.to_string()))
            .hint("use letters and digits only, e.g. a random 16-character token")
    })?;
    let redirect = check_redirect_uri(&args.redirect_uri).map_err(|e| {
        CliError::usage(escape_control(&e.to_string()))
            .hint("write the full callback URL, e.g. https://www.example.com/oauth/callback")
    })?;
    for domain in &settings.oauth_domains {
        check_domain_setting(domain).map_err(|e| {
            CliError::usage(escape_control(&e.to_string()))
                .hint("--oauth-domain takes the domain as set in 公众号后台, e.g. www.example.com")
        })?;
    }
    let unsure = unsure_characters(&args.redirect_uri);
    if !unsure.is_empty() {
        let shown: String = unsure.iter().map(|c| format!("{c:?} ")).collect();
        output::warn(&format!(
            "the redirect_uri has {}which encoders write differently; whether WeChat accepts each form is \
             unconfirmed: keep them out of redirect URIs",
            shown
        ));
    }
    // mock-api on this machine lets loopback hosts through on any port; check as it does.
    let mock = open_base.host_str().is_some_and(is_loopback);
    if settings.oauth_domains.is_empty() && !mock {
        output::warn("no oauth_domain set (--oauth-domain, WXDEV_OAUTH_DOMAIN, wxdev.toml): the 网页授权域名 rule was not checked");
    } else if let Err(reason) = domain_verdict(&settings.oauth_domains, &redirect, mock) {
        let row = crate::wechat::errcode::lookup(10003);
        let errmsg = row.map_or("", |r| r.errmsg);
        return Err(CliError::failed(format!(
            "WeChat would refuse this redirect_uri with 10003 ({errmsg}): {}",
            escape_control(&reason)
        ))
        .hint(
            "the redirect_uri's host must equal a 网页授权域名 (公众号后台 → 设置与开发 → 账号设置 → 功能设置) \
                   exactly, without a port; pass the configured one with --oauth-domain",
        )
        .detail("errcode", 10003)
        .into());
    }
    let scope = match args.scope {
        OauthScope::Base => Scope::Base,
        OauthScope::Userinfo => Scope::Userinfo,
    };
    let request =
        Authorize { appid, redirect_uri: &args.redirect_uri, scope, state: &state, force_popup: args.force_popup };
    let link = authorize_url(open_base.as_str(), &request);
    if global.json {
        output::print_json(&json!({
            "url": link, "appid": appid, "redirect_uri": args.redirect_uri, "scope": scope.as_str(),
            "state": state, "force_popup": args.force_popup,
        }))?;
    } else {
        println!("{link}");
        eprintln!("state {state}: the callback must get it back unchanged (check it against the session)");
    }
    Ok(ExitCode::SUCCESS)
}

async fn exchange(global: &GlobalArgs, settings: &Settings, args: OauthExchangeArgs) -> anyhow::Result<ExitCode> {
    let creds = settings.credentials()?;
    let code = args.code.trim();
    if code.is_empty() {
        return Err(CliError::usage("the code is empty").hint("pass the code from the callback's query").into());
    }
    let api = api_client(settings)?;
    let token = api.sns_access_token(&creds, code).await.map_err(|e| api_failure(&e))?;
    let profile = if args.userinfo {
        if token.scope == Scope::Base.as_str() {
            output::warn("this token is from a snsapi_base authorization: /sns/userinfo will answer 48001");
        }
        Some(api.sns_userinfo(&token.access_token, &token.openid, &args.lang).await.map_err(|e| api_failure(&e))?)
    } else {
        None
    };
    report_token(global, &token, args.print_token, profile.as_ref())
}

async fn refresh(global: &GlobalArgs, settings: &Settings, args: OauthRefreshArgs) -> anyhow::Result<ExitCode> {
    let appid = settings.require_appid()?;
    let refresh_token = args.refresh_token.trim();
    if refresh_token.is_empty() {
        return Err(CliError::usage("the refresh_token is empty").into());
    }
    let api = api_client(settings)?;
    let token = api.sns_refresh_token(appid, refresh_token).await.map_err(|e| api_failure(&e))?;
    report_token(global, &token, args.print_token, None)
}

async fn userinfo(global: &GlobalArgs, settings: &Settings, args: OauthUserinfoArgs) -> anyhow::Result<ExitCode> {
    let api = api_client(settings)?;
    let profile = api
        .sns_userinfo(&args.token.access_token, &args.token.openid, &args.lang)
        .await
        .map_err(|e| api_failure(&e))?;
    if global.json {
        output::print_json(&profile)?;
    } else {
        print_profile(&profile);
    }
    Ok(ExitCode::SUCCESS)
}

async fn check(global: &GlobalArgs, settings: &Settings, args: OauthCheckArgs) -> anyhow::Result<ExitCode> {
    let api = api_client(settings)?;
    let answer = api.sns_auth(&args.token.access_token, &args.token.openid).await;
    let failure = match &answer {
        Ok(()) => None,
        Err(e) if e.errcode().is_some() => Some(api_failure(e)),
        // No verdict at all (unreachable, not JSON): an error, not a "no".
        Err(e) => return Err(api_failure(e).into()),
    };
    if global.json {
        let mut report = json!({"valid": failure.is_none(), "openid": args.token.openid});
        if let Some(failure) = &failure {
            for (key, value) in &failure.details {
                report[key] = value.clone();
            }
        }
        output::print_json(&report)?;
    } else {
        match &failure {
            None => println!(
                "{} the web access_token is valid for {}",
                output::pass_mark(),
                escape_control(&args.token.openid)
            ),
            Some(failure) => {
                println!("{} {}", output::fail_mark(), failure.message);
                if let Some(hint) = &failure.hint {
                    println!("  {hint}");
                }
            }
        }
    }
    Ok(super::exit_for(failure.is_none()))
}

fn report_token(
    global: &GlobalArgs,
    token: &WebToken,
    print_token: bool,
    profile: Option<&Value>,
) -> anyhow::Result<ExitCode> {
    let expires_at = unix_now().saturating_add(token.expires_in);
    if global.json {
        let mut report = json!({
            "openid": token.openid, "scope": token.scope, "expires_in": token.expires_in, "expires_at": expires_at,
            "access_token": token.access_token, "refresh_token": token.refresh_token,
            "unionid": token.unionid, "is_snapshotuser": token.snapshot_user,
        });
        if let Some(profile) = profile {
            report["userinfo"] = profile.clone();
        }
        output::print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("openid   {}", escape_control(&token.openid));
    println!("scope    {}", escape_control(&token.scope));
    if let Some(unionid) = &token.unionid {
        println!("unionid  {}", escape_control(unionid));
    }
    println!("expires  in {} (at {})", duration_text(token.expires_in), utc_text(expires_at));
    if print_token {
        println!("access_token   {}", escape_control(&token.access_token));
        println!("refresh_token  {}", escape_control(&token.refresh_token));
    } else {
        eprintln!("the web access_token and refresh_token (30 days) are not shown: --print-token or --json shows them");
    }
    if token.snapshot_user {
        output::warn("is_snapshotuser 1: a snapshot-page (快照页) user; the OpenID and profile are virtual");
    }
    if let Some(profile) = profile {
        print_profile(profile);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_profile(profile: &Value) {
    let text = |key: &str| escape_control(profile.get(key).and_then(Value::as_str).unwrap_or("")).into_owned();
    let sex = match profile.get("sex").and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok())) {
        Some(1) => "male (1)",
        Some(2) => "female (2)",
        _ => "unknown (0)",
    };
    println!("nickname    {}", text("nickname"));
    println!("openid      {}", text("openid"));
    println!("sex         {sex}");
    let place: Vec<String> =
        ["country", "province", "city"].iter().map(|k| text(k)).filter(|s| !s.is_empty()).collect();
    println!("place       {}", place.join(" "));
    println!("headimgurl  {}", text("headimgurl"));
    if profile.get("unionid").is_some() {
        println!("unionid     {}", text("unionid"));
    }
}
