//! `wxdev phone`: serve the chat page until Ctrl-C. The settings are those of
//! `simulate` (endpoint, token, mode, key); the menu, media and pushed messages
//! come from the API base.

use crate::cli::{GlobalArgs, MediaTokenArgs, PhoneArgs, SimulateMenuArgs};
use crate::client::api::{ApiClient, MediaDownload, RawCall};

/// WeChat's path for parametric QR codes.
const QRCODE_CREATE_PATH: &str = "/cgi-bin/qrcode/create";
use crate::commands::token::{api_client, TokenSupply};
use crate::config::{is_local, Settings};
use crate::error::CliError;
use crate::http::log::RequestLog;
use crate::http::server::{base_url, bind, serve_with, shutdown_signal};
use crate::output;
use crate::phone::{AccountApi, Pending, Phone, PhoneConfig, PressFn};
use crate::wechat::menu::Menu;
use std::process::ExitCode;
use std::sync::Arc;

pub async fn run(global: &GlobalArgs, args: PhoneArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let (host, port) = super::record::split_listen(&args.listen)?;
    if !crate::phone::valid_openid(&args.from) {
        return Err(CliError::usage(format!("--from {:?} is not an OpenID", args.from))
            .hint("1 to 64 letters, digits, - and _")
            .into());
    }
    let simulator = super::simulate::simulator_for(&settings, args.mode, args.timeout)?;
    let menu = load_menu(global, &settings, &args).await?;
    let local_api = settings.api_base.as_deref().and_then(|base| url::Url::parse(base).ok()).filter(is_local);
    let media: Option<Arc<dyn AccountApi>> = match &local_api {
        Some(_) => Some(Arc::new(ApiMedia(Arc::new(MediaInner {
            settings: settings.clone(),
            token: args.token.clone(),
            api: api_client(&settings)?,
        })))),
        None => None,
    };
    let listener = bind(&host, port).await.map_err(|e| CliError::usage(e.to_string()).hint(
        "another program (another wxdev phone?) holds this address: choose another with --listen, or port 0 for any free one",
    ))?;
    let addr = listener.local_addr()?;
    let page_url = format!("{}/", base_url(addr));
    if global.json {
        output::print_json(&serde_json::json!({
            "event": "listening", "url": page_url, "endpoint": simulator.url().as_str(), "mode": simulator.wire().name(),
        }))?;
    } else {
        println!(
            "wxdev phone: open {page_url} (sending to {} in {} mode; Ctrl-C stops)",
            simulator.url(),
            simulator.wire().name()
        );
    }
    if !addr.ip().is_loopback() {
        output::warn("the page listens beyond this machine: anyone who reaches it can send messages to the endpoint");
    }
    let (log, writer) = RequestLog::stdout();
    let config = PhoneConfig {
        simulator,
        account: args.to.clone(),
        first_user: args.from.clone(),
        menu,
        press: press_fn()?,
        mock_base: local_api.map(|u| u.as_str().trim_end_matches('/').to_owned()),
        media,
        addr,
    };
    let phone = Arc::new(Phone::new(config, log));
    tokio::spawn(phone.clone().poll_pushed());
    if args.open {
        open_browser(&page_url);
    }
    let handler = move |req| phone.clone().handle(req);
    serve_with(listener, args.limits.limits(), handler, shutdown_signal()).await;
    writer.finish();
    if !global.json {
        eprintln!("wxdev phone: stopped");
    }
    Ok(ExitCode::SUCCESS)
}

/// The menu from --menu FILE, else from menu/get on a configured API base
/// (a failure there is a warning: the page then has no menu).
async fn load_menu(global: &GlobalArgs, settings: &Settings, args: &PhoneArgs) -> anyhow::Result<Option<Menu>> {
    if let Some(path) = &args.menu {
        let text = super::read_input(Some(path))?;
        return Ok(Some(super::menu::parse_menu(&text, &super::menu::input_name(path))?));
    }
    if settings.api_base.is_none() {
        return Ok(None);
    }
    match super::menu::fetch_menu(global, &args.token).await {
        Ok(answer) => match Menu::from_value(answer) {
            Ok(menu) => Ok(Some(menu)),
            Err(e) => {
                output::warn(&format!("menu/get answered JSON that is not a menu ({e}): the page has no menu"));
                Ok(None)
            }
        },
        Err(e) => {
            output::warn(&format!("no menu from menu/get ({e}): the page has no menu; --menu FILE gives one"));
            Ok(None)
        }
    }
}

/// Menu presses as `simulate menu` makes them, with its defaults.
fn press_fn() -> Result<PressFn, CliError> {
    use clap::{Args, FromArgMatches};
    let command = SimulateMenuArgs::augment_args(clap::Command::new("menu").no_binary_name(true));
    let matches = command.try_get_matches_from(["-"]).map_err(|e| CliError::usage(e.to_string()))?;
    let defaults = SimulateMenuArgs::from_arg_matches(&matches).map_err(|e| CliError::usage(e.to_string()))?;
    Ok(Arc::new(move |button, path| {
        super::simulate_menu::event_for(button, path, &defaults).map_err(|e| e.to_string())
    }))
}

/// Opens the page in the system browser; failing to is a warning.
fn open_browser(url: &str) {
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    let spawned = std::process::Command::new(opener[0])
        .args(&opener[1..])
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        output::warn(&format!(
            "cannot open a browser ({}: {}): open {url} yourself",
            opener[0],
            crate::error::io_reason(&e)
        ));
    }
}

struct MediaInner {
    settings: Settings,
    token: MediaTokenArgs,
    api: ApiClient,
}

/// Temporary media on the API base, with a token from the usual supply.
struct ApiMedia(Arc<MediaInner>);

impl MediaInner {
    async fn access_token(&self) -> Result<String, String> {
        let supply = TokenSupply::new(&self.settings, &self.token).map_err(|e| e.to_string())?;
        supply.call(&self.api, |token| async move { Ok(token) }).await.map_err(|e| e.to_string())
    }
}

impl AccountApi for ApiMedia {
    fn upload_image(&self, name: String, bytes: Vec<u8>) -> Pending<String> {
        let inner = self.0.clone();
        Box::pin(async move {
            use crate::wechat::media::{plan, MediaKind};
            let plan = plan(&name, bytes.len() as u64, &bytes[..bytes.len().min(64)], Some(MediaKind::Image))
                .map_err(|e| e.to_string())?;
            let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
            let path = dir.path().join(&plan.file_name);
            std::fs::write(&path, &bytes).map_err(|e| e.to_string())?;
            let token = inner.access_token().await?;
            let answer = inner.api.upload_media(&token, &path, &plan, |_| {}).await.map_err(|e| e.to_string())?;
            Ok(answer["media_id"].as_str().unwrap_or_default().to_owned())
        })
    }

    fn create_qr(&self, scene: String) -> Pending<String> {
        let inner = self.0.clone();
        Box::pin(async move {
            // A number in range is a scene_id, anything else a scene_str; a week-long temporary code.
            let scene_json = match scene.parse::<u32>() {
                Ok(id) if id > 0 => {
                    serde_json::json!({"action_name": "QR_SCENE", "action_info": {"scene": {"scene_id": id}}})
                }
                _ => serde_json::json!({"action_name": "QR_STR_SCENE", "action_info": {"scene": {"scene_str": scene}}}),
            };
            let mut request = scene_json;
            request["expire_seconds"] = serde_json::json!(604_800);
            let body = request.to_string();
            let call = RawCall {
                method: reqwest::Method::POST,
                path: QRCODE_CREATE_PATH,
                query: &[],
                json: Some(body.as_bytes()),
            };
            let token = inner.access_token().await?;
            let answer = inner.api.call_raw(&call, &token).await.map_err(|e| e.to_string())?;
            let value: serde_json::Value =
                serde_json::from_slice(&answer.body).map_err(|_| "qrcode/create did not answer JSON".to_owned())?;
            match value["ticket"].as_str() {
                Some(ticket) if !ticket.is_empty() => Ok(ticket.to_owned()),
                _ => Err(format!("errcode {} ({})", value["errcode"], value["errmsg"].as_str().unwrap_or(""))),
            }
        })
    }

    fn get(&self, media_id: String) -> Pending<(String, Vec<u8>)> {
        let inner = self.0.clone();
        Box::pin(async move {
            let token = inner.access_token().await?;
            match inner.api.get_media(&token, &media_id).await.map_err(|e| e.to_string())? {
                MediaDownload::File(mut file) => {
                    let content_type = file.content_type.clone().unwrap_or_default();
                    let mut bytes = Vec::new();
                    while let Some(chunk) = file.chunk().await.map_err(|e| e.to_string())? {
                        bytes.extend_from_slice(&chunk);
                    }
                    Ok((content_type, bytes))
                }
                MediaDownload::VideoUrl(_) => Err("a video, not an image".to_owned()),
            }
        })
    }
}
