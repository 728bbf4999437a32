//! `wxdev verify`: check a signed URL offline, or do what WeChat does when 提交
//! is pressed in 基本配置 and name the cause of any failure.

use crate::cli::{GlobalArgs, VerifyArgs};
use crate::client::transport::TransportFailure;
use crate::config::Settings;
use crate::config::{is_local, parse_endpoint};
use crate::error::CliError;
use crate::output::{self, fail_mark, pass_mark, warn_mark};
use crate::wechat::callback::{judge_url_check, with_query, CallbackQuery};
use crate::wechat::Signature;
use anyhow::Context;
use colored::Colorize;
use serde::Serialize;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Serialize)]
struct VerifyReport {
    ok: bool,
    mode: &'static str,
    problems: Vec<String>,
    warnings: Vec<String>,
    forged_accepted: Option<bool>,
    elapsed_ms: u64,
}

pub async fn run(global: &GlobalArgs, args: VerifyArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let token = settings.require_token()?;
    let target = args.target.as_deref().or(settings.url.as_deref()).ok_or_else(|| {
        CliError::usage("no URL to verify")
            .hint("pass one (wxdev verify http://example.com/wechat) or set --url / WXDEV_URL")
    })?;
    let url = parse_endpoint(target)?;
    let mut warnings = port_warnings(&url);
    let query = CallbackQuery::parse(url.query().unwrap_or(""));
    let started = Instant::now();
    let report = if query.signature.is_some() && query.timestamp.is_some() && query.nonce.is_some() {
        offline(token, &query, warnings, started)
    } else {
        let deadline = Duration::from_secs_f64(args.timeout);
        let client = crate::client::transport::client(deadline).context("cannot build the HTTP client")?;
        let (problems, forged_accepted) = online(&client, &url, token, deadline).await;
        if forged_accepted == Some(true) {
            warnings.push(
                "the endpoint also echoed a request with a WRONG signature: it does not check signatures, so anyone can \
                 forge messages to it (乱填都能通过). Compare the signature before answering."
                    .to_owned(),
            );
        }
        VerifyReport {
            ok: problems.is_empty(),
            mode: "online",
            problems,
            warnings,
            forged_accepted,
            elapsed_ms: started.elapsed().as_millis() as u64,
        }
    };
    if global.json {
        output::print_json(&report)?;
    } else {
        print_human(&report, &url);
    }
    Ok(super::exit_for(report.ok))
}

fn offline(token: &str, query: &CallbackQuery, warnings: Vec<String>, started: Instant) -> VerifyReport {
    let (timestamp, nonce) = (query.timestamp.as_deref().unwrap_or(""), query.nonce.as_deref().unwrap_or(""));
    let given = query.signature.as_deref().unwrap_or("");
    let expected = Signature::url(token, timestamp, nonce);
    let mut problems = Vec::new();
    if !expected.matches(given) {
        problems.push(format!(
            "signature mismatch: expected {expected}, given {given} (sha1 of {:?}, the token, timestamp and nonce sorted \
             and joined); the URL was signed with a different token, or a parameter changed on the way",
            expected.hashed()
        ));
    }
    VerifyReport {
        ok: problems.is_empty(),
        mode: "offline",
        problems,
        warnings,
        forged_accepted: None,
        elapsed_ms: started.elapsed().as_millis() as u64,
    }
}

/// WeChat's URL check: a signed GET whose answer must be exactly echostr, then a forged one.
async fn online(
    client: &reqwest::Client,
    url: &url::Url,
    token: &str,
    deadline: Duration,
) -> (Vec<String>, Option<bool>) {
    let echostr = fresh_echostr();
    let mut query = CallbackQuery::signed(token);
    query.echostr = Some(echostr.clone());
    let answer = get(client, &with_query(url, &query), deadline).await;
    let mut problems = Vec::new();
    match &answer {
        Err(failure) => {
            let mut problem = failure.describe(url);
            if *failure == TransportFailure::Timeout {
                problem = format!(
                    "no answer within {} s: WeChat reports 请求URL超时 (request timed out)",
                    deadline.as_secs_f64()
                );
            }
            if let Some(hint) = failure.hint() {
                problem.push_str(&format!(" — {hint}"));
            }
            problems.push(problem);
            return (problems, None);
        }
        Ok((status, headers, body)) => {
            if let Some(problem) =
                judge_url_check(*status, headers.get("location").and_then(|v| v.to_str().ok()), body, &echostr)
            {
                problems.push(problem);
            }
        }
    }
    // Now what a forger would send: a fresh echostr with a signature made with another token.
    let forged_echostr = fresh_echostr();
    let mut forged = CallbackQuery::signed(&format!("{token}-forged"));
    forged.echostr = Some(forged_echostr.clone());
    let forged_accepted = match get(client, &with_query(url, &forged), deadline).await {
        Ok((status, _, body)) => Some(status == 200 && String::from_utf8_lossy(body.as_ref()).trim() == forged_echostr),
        Err(_) => None,
    };
    (problems, forged_accepted)
}

async fn get(
    client: &reqwest::Client,
    url: &url::Url,
    deadline: Duration,
) -> Result<(u16, reqwest::header::HeaderMap, bytes::Bytes), TransportFailure> {
    let exchange = async {
        let response = client.get(url.clone()).send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        Ok::<_, reqwest::Error>((status, headers, response.bytes().await?))
    };
    match tokio::time::timeout(deadline, exchange).await {
        Err(_) => Err(TransportFailure::Timeout),
        Ok(Err(e)) => Err(TransportFailure::classify(&e)),
        Ok(Ok(answer)) => Ok(answer),
    }
}

/// Warns when WeChat could not call this URL: only ports 80 and 443 are allowed.
fn port_warnings(url: &url::Url) -> Vec<String> {
    let mut warnings = Vec::new();
    let port = url.port_or_known_default().unwrap_or(0);
    if !is_local(url) && port != 80 && port != 443 {
        warnings.push(format!(
            "port {port}: WeChat only calls http:// on port 80 and https:// on port 443; put a reverse proxy or tunnel in front"
        ));
    }
    if url.scheme() == "http" && port == 443 || url.scheme() == "https" && port == 80 {
        warnings.push(format!("{}:// on port {port} is unusual: http goes with 80, https with 443", url.scheme()));
    }
    warnings
}

/// An echostr like WeChat's: 18 to 19 random digits.
fn fresh_echostr() -> String {
    use rand::Rng;
    rand::thread_rng().gen_range(100_000_000_000_000_000u64..=9_999_999_999_999_999_999).to_string()
}

fn print_human(report: &VerifyReport, url: &url::Url) {
    let what = if report.mode == "offline" { "signature in the URL" } else { "URL check as WeChat does it" };
    if report.ok {
        println!("{} {what}: passed ({} ms)", pass_mark(), report.elapsed_ms);
    } else {
        println!("{} {what}: failed", fail_mark());
        for problem in &report.problems {
            println!("  - {problem}");
        }
    }
    for warning in &report.warnings {
        println!("{} {warning}", warn_mark());
    }
    if report.mode == "online" && report.forged_accepted == Some(false) {
        println!("{} a request with a wrong signature was refused, as it should be", pass_mark());
    }
    if report.ok && report.mode == "online" {
        let next = if is_local(url) {
            "the endpoint answers as WeChat requires; WeChat itself needs a public URL (a tunnel or a server) on port 80 or 443".to_owned()
        } else {
            format!("WeChat would accept {url} with this token: press 提交 in 基本配置")
        };
        println!("{}", next.dimmed());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_rules() {
        let remote = url::Url::parse("http://example.com:8080/wx").unwrap();
        assert_eq!(port_warnings(&remote).len(), 1);
        assert!(port_warnings(&url::Url::parse("http://127.0.0.1:8080/wx").unwrap()).is_empty());
        assert!(port_warnings(&url::Url::parse("https://example.com/wx").unwrap()).is_empty());
    }
}
