//! `wxdev simulate menu PATH`: press a menu button, as a follower would, and
//! build the event that button's type pushes (PROTOCOL.md §8).

use crate::cli::{GlobalArgs, SimulateMenuArgs};
use crate::commands::menu::{fetch_menu, parse_menu};
use crate::error::CliError;
use crate::wechat::menu::{Button, ButtonType, Menu};
use crate::wechat::text::escape_control;
use crate::wechat::{Event, PicSource};

/// The event pressing the button at `args.path` pushes. A button that pushes
/// nothing (media and article buttons, a button that opens a submenu) and a
/// name the menu does not have are usage errors (exit 2).
pub async fn press(global: &GlobalArgs, args: &SimulateMenuArgs) -> anyhow::Result<Event> {
    let menu = match &args.menu {
        Some(path) => {
            let text = super::read_input(Some(path))?;
            parse_menu(&text, &super::menu::input_name(path))?
        }
        None => {
            let answer = fetch_menu(global, &args.token).await?;
            Menu::from_value(answer)
                .map_err(|e| CliError::failed(format!("menu/get answered JSON that is not a menu: {e}")))?
        }
    };
    let Some(button) = menu.find(&args.path) else {
        return Err(CliError::usage(format!("the menu has no button {}", quoted(&args.path)))
            .hint(format!("press one of: {}", listed(&menu.paths())))
            .into());
    };
    Ok(event_for(button, &args.path, args)?)
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", escape_control(text))
}

fn listed(paths: &[String]) -> String {
    if paths.is_empty() {
        return "(the menu has no buttons)".to_owned();
    }
    paths.iter().map(|p| escape_control(p).into_owned()).collect::<Vec<_>>().join(", ")
}

/// The event a press of `button` pushes, with the fields its type carries.
pub fn event_for(button: &Button, path: &str, args: &SimulateMenuArgs) -> Result<Event, CliError> {
    if !button.subs().is_empty() {
        let subs: Vec<String> = button.subs().iter().map(|s| format!("{}/{}", button.name(), s.name())).collect();
        return Err(CliError::usage(format!("{} opens a submenu, which pushes nothing to the server", quoted(path)))
            .hint(format!("press one of its buttons: {}", listed(&subs))));
    }
    let kind = button.kind.as_deref().unwrap_or("");
    let Some(button_type) = ButtonType::parse(kind) else {
        return Err(CliError::usage(format!("{} has type {}, which WeChat does not know", quoted(path), quoted(kind)))
            .hint("wxdev menu create FILE lists what WeChat would refuse in the menu"));
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let key = text(&button.key);
    let event = match button_type {
        ButtonType::Click => Event::Click { event_key: key },
        ButtonType::View => Event::View { event_key: text(&button.url), menu_id: Some(args.menu_id.clone()) },
        ButtonType::ScancodePush | ButtonType::ScancodeWaitmsg => Event::ScanCode {
            waitmsg: button_type == ButtonType::ScancodeWaitmsg,
            event_key: key,
            scan_type: args.scan_type.clone(),
            scan_result: args.scan_result.clone(),
        },
        ButtonType::PicSysphoto | ButtonType::PicPhotoOrAlbum | ButtonType::PicWeixin => {
            let source = match button_type {
                ButtonType::PicSysphoto => PicSource::SysPhoto,
                ButtonType::PicPhotoOrAlbum => PicSource::PhotoOrAlbum,
                _ => PicSource::Weixin,
            };
            let md5s: Vec<String> = (0..args.pics).map(|_| fresh_md5()).collect();
            Event::Pics { source, event_key: key, count: md5s.len().to_string(), md5s }
        }
        ButtonType::LocationSelect => Event::LocationSelect {
            event_key: key,
            lat: args.lat.clone(),
            lng: args.lng.clone(),
            scale: args.scale.clone(),
            label: args.label.clone(),
            poiname: args.poiname.clone(),
        },
        ButtonType::Miniprogram => {
            Event::ViewMiniprogram { event_key: text(&button.pagepath), menu_id: Some(args.menu_id.clone()) }
        }
        ButtonType::MediaId | ButtonType::ViewLimited | ButtonType::ArticleId | ButtonType::ArticleViewLimited => {
            return Err(CliError::usage(format!(
                "{} is a {kind} button: WeChat shows the material itself and pushes nothing to the server",
                quoted(path)
            ))
            .hint("only click, view, scancode_*, pic_*, location_select and miniprogram buttons push events"));
        }
    };
    Ok(event)
}

/// 32 lower-case hex digits, as a picture's PicMd5Sum.
fn fresh_md5() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::thread_rng().gen();
    hex::encode(bytes)
}
