//! `wxdev menu get | create FILE | delete`: the custom menu.
//!
//! `create` checks the whole menu against WeChat's rules before any request
//! (the token's included) and lists every broken rule; a menu that passes
//! goes out as UTF-8 JSON with its Chinese as it is.

use crate::cli::{GlobalArgs, MediaTokenArgs, MenuCommand, MenuCreateArgs};
use crate::client::api::ApiClient;
use crate::commands::token::{api_client, TokenSupply};
use crate::config::Settings;
use crate::error::CliError;
use crate::output;
use crate::wechat::menu::{validate, Button, ButtonType, Menu, Violation};
use crate::wechat::text::escape_control;
use colored::Colorize;
use serde_json::Value;
use std::process::ExitCode;

pub async fn run(global: &GlobalArgs, command: MenuCommand) -> anyhow::Result<ExitCode> {
    match command {
        MenuCommand::Get(args) => get(global, &args.token).await,
        MenuCommand::Create(args) => create(global, args).await,
        MenuCommand::Delete(args) => delete(global, &args.token).await,
    }
}

async fn get(global: &GlobalArgs, token: &MediaTokenArgs) -> anyhow::Result<ExitCode> {
    let answer = fetch_menu(global, token).await?;
    if global.json {
        output::print_json(&answer)?;
        return Ok(ExitCode::SUCCESS);
    }
    let menu = Menu::from_value(answer.clone()).map_err(|e| {
        CliError::failed(format!("menu/get answered JSON that is not a menu: {e}"))
            .hint("see it as sent with wxdev menu get --json")
    })?;
    for line in tree(&menu) {
        println!("{line}");
    }
    if let Some(count) = answer.get("conditionalmenu").and_then(Value::as_array).map(Vec::len).filter(|&n| n > 0) {
        eprintln!("and {count} personalised menu(s): see them with --json");
    }
    Ok(ExitCode::SUCCESS)
}

/// The menu's JSON as `menu/get` answers it, with a token as `wxdev token` gets one.
pub(crate) async fn fetch_menu(global: &GlobalArgs, token: &MediaTokenArgs) -> anyhow::Result<Value> {
    let settings = Settings::load(global)?;
    let api = api_client(&settings)?;
    let supply = TokenSupply::new(&settings, token)?;
    supply
        .call(&api, |token| {
            let api: &ApiClient = &api;
            async move { api.get_menu(&token).await }
        })
        .await
}

async fn create(global: &GlobalArgs, args: MenuCreateArgs) -> anyhow::Result<ExitCode> {
    let text = super::read_input(Some(&args.file))?;
    let menu = parse_menu(&text, &input_name(&args.file))?;
    let violations = validate(&menu);
    if !violations.is_empty() {
        return Err(refusal(&violations).into());
    }
    let settings = Settings::load(global)?;
    let api = api_client(&settings)?;
    let supply = TokenSupply::new(&settings, &args.token)?;
    let body = menu.to_create_json();
    let answer = supply
        .call(&api, |token| {
            let (api, body) = (&api, &body);
            async move { api.create_menu(&token, body).await }
        })
        .await?;
    if global.json {
        output::print_json(&answer)?;
    } else {
        let subs: usize = menu.button.iter().map(|b| b.subs().len()).sum();
        println!("created the menu: {} top-level button(s), {subs} sub-button(s)", menu.button.len());
        eprintln!("WeChat clients show it when they next fetch the menu (within 5 minutes of entering the chat)");
    }
    Ok(ExitCode::SUCCESS)
}

async fn delete(global: &GlobalArgs, token: &MediaTokenArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let api = api_client(&settings)?;
    let supply = TokenSupply::new(&settings, token)?;
    let answer = supply
        .call(&api, |token| {
            let api = &api;
            async move { api.delete_menu(&token).await }
        })
        .await?;
    if global.json {
        output::print_json(&answer)?;
    } else {
        println!("deleted the menu");
    }
    Ok(ExitCode::SUCCESS)
}

/// How a FILE argument is named in messages: `stdin` for `-`.
pub(crate) fn input_name(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    }
}

/// A menu from a file's text; what is not one is a usage error.
pub(crate) fn parse_menu(text: &str, name: &str) -> Result<Menu, CliError> {
    Menu::from_json(text).map_err(|e| {
        CliError::usage(format!("{name} is not a menu: {e}"))
            .hint("write {\"button\":[…]} as menu/create takes it, or save what wxdev menu get --json prints")
    })
}

/// The broken rules, one per line on stderr, and the error that ends the run (exit 2).
fn refusal(violations: &[Violation]) -> CliError {
    for violation in violations {
        eprintln!("{} {violation}", "✗".red().bold());
    }
    let first = &violations[0];
    let rules = if violations.len() == 1 { "1 rule".to_owned() } else { format!("{} rules", violations.len()) };
    let listed: Vec<Value> = violations.iter().map(|v| serde_json::to_value(v).unwrap_or_default()).collect();
    CliError::usage(format!("the menu breaks {rules} WeChat checks; nothing was sent"))
        .hint(format!("WeChat would answer errcode {} ({}) for the first", first.errcode, first.errmsg))
        .detail("errcode", first.errcode)
        .detail("errmsg", first.errmsg)
        .detail("violations", Value::Array(listed))
}

/// The menu as an indented tree: name, type, and what the type uses.
pub(crate) fn tree(menu: &Menu) -> Vec<String> {
    let mut lines = Vec::new();
    for top in &menu.button {
        lines.push(button_line(top));
        let subs = top.subs();
        for (j, sub) in subs.iter().enumerate() {
            let branch = if j + 1 == subs.len() { "└─" } else { "├─" };
            lines.push(format!("{branch} {}", button_line(sub)));
        }
    }
    if lines.is_empty() {
        lines.push("(no buttons)".to_owned());
    }
    lines
}

fn button_line(button: &Button) -> String {
    let name = escape_control(button.name()).bold().to_string();
    let Some(kind) = button.kind.as_deref() else { return name };
    let shown = |v: &Option<String>| escape_control(v.as_deref().unwrap_or("")).into_owned();
    let target = match button.button_type() {
        Some(ButtonType::View) => shown(&button.url),
        Some(ButtonType::MediaId | ButtonType::ViewLimited) => shown(&button.media_id),
        Some(ButtonType::ArticleId | ButtonType::ArticleViewLimited) => shown(&button.article_id),
        Some(ButtonType::Miniprogram) => format!("{} {}", shown(&button.appid), shown(&button.pagepath)),
        _ => shown(&button.key),
    };
    format!("{name}  {}  {target}", escape_control(kind).dimmed()).trim_end().to_owned()
}
