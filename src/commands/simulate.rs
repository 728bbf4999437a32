//! `wxdev simulate KIND`: play WeChat's server against an endpoint and judge the reply.

use crate::cli::{EventKind, GlobalArgs, Mode, SimulateArgs, SimulateKind, SimulateOptions};
use crate::config::parse_endpoint;
use crate::config::{Settings, TokenSource, DEFAULT_URL};
use crate::error::CliError;
use crate::output::{self, fail_mark, pass_mark, warn_mark};
use crate::recording;
use crate::simulator::{Delivery, Outcome, Outgoing, Simulator, Wire};
use crate::wechat::reply::shorten;
use crate::wechat::text::escape_control;
use crate::wechat::{unix_now, Body, Element, Event, Incoming};
use anyhow::Context;
use colored::Colorize;
use serde::Serialize;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Serialize)]
struct SimulateReport {
    ok: bool,
    mode: &'static str,
    http_status: Option<u16>,
    elapsed_ms: u64,
    attempts: u32,
    reply: Option<serde_json::Value>,
    raw: Option<String>,
    encrypted_reply: bool,
    problems: Vec<String>,
    warnings: Vec<String>,
}

pub async fn run(global: &GlobalArgs, args: SimulateArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let pressed = match &args.kind {
        Some(SimulateKind::Menu(menu)) => Some(super::simulate_menu::press(global, menu).await?),
        _ => None,
    };
    let source = MessageSource::new(&args, pressed)?;
    let load_mode = args.load.count.is_some() || args.load.duration.is_some();
    if load_mode && args.options.save.is_some() {
        return Err(CliError::usage("--save records one message: it cannot be used in load mode").into());
    }
    if load_mode && args.options.msg_id.is_some() {
        return Err(CliError::usage("--msg-id cannot be used in load mode: every message gets a fresh MsgId").into());
    }
    let simulator = simulator_for(&settings, args.options.mode, args.options.timeout)?;
    if load_mode {
        return super::simulate_load::run(global, &args.load, simulator, Arc::new(move |_| source.next())).await;
    }
    let outgoing = source.next();
    if !global.json && !args.options.raw {
        let mode = simulator.wire().name();
        println!("{} POST {} ({mode} mode)  {}", "→".cyan(), simulator.url(), describe_outgoing(&outgoing).dimmed());
    }
    let delivery = match &args.options.save {
        None => simulator.deliver(&outgoing).await,
        Some(path) => {
            let (query, body) = simulator.wrap(&outgoing);
            let sent_at = std::time::SystemTime::now();
            let lane = &mut crate::simulator::Lane::Shared;
            let delivery = simulator.deliver_wrapped(&outgoing, &query, bytes::Bytes::from(body.clone()), lane).await;
            let encrypted = query.is_encrypted();
            let exchange =
                recording::from_delivery(simulator.url(), &query, &outgoing, &body, encrypted, &delivery, sent_at);
            recording::store::write_file(path, &exchange).map_err(|e| CliError::usage(e.to_string()))?;
            delivery
        }
    };
    let report = SimulateReport {
        ok: delivery.ok(),
        mode: simulator.wire().name(),
        http_status: delivery.http_status,
        elapsed_ms: delivery.elapsed.as_millis() as u64,
        attempts: delivery.attempts,
        reply: delivery.judgement.reply.as_ref().map(Element::to_json),
        raw: delivery.raw.clone(),
        encrypted_reply: delivery.encrypted_reply,
        problems: delivery.judgement.problems.clone(),
        warnings: delivery.judgement.warnings.clone(),
    };
    if global.json {
        output::print_json(&report)?;
    } else if args.options.raw {
        if let Some(raw) = &delivery.raw {
            print!("{raw}");
        }
        print_verdict(&delivery, &mut std::io::stderr());
    } else {
        print_human(&delivery);
    }
    Ok(super::exit_for(report.ok))
}

/// WeChat's side as the settings describe it: the endpoint (else the default, with a warning),
/// the token (else the development one, with a warning), the mode and the deadline.
pub(crate) fn simulator_for(settings: &Settings, mode: Option<Mode>, timeout: f64) -> anyhow::Result<Simulator> {
    let url = match settings.url.as_deref() {
        Some(url) => parse_endpoint(url)?,
        None => {
            output::warn(&format!("no endpoint configured (--url / WXDEV_URL): sending to {DEFAULT_URL}, where wxdev serve listens by default"));
            parse_endpoint(DEFAULT_URL)?
        }
    };
    let (token, source_of_token) = settings.token_or_dev();
    if source_of_token == TokenSource::DevelopmentDefault {
        output::warn(&format!("no token configured (--token / WXDEV_TOKEN): signing with the development token {token:?}, as wxdev serve does by default"));
    }
    let wire = resolve_wire(settings, mode)?;
    let deadline = Duration::from_secs_f64(timeout);
    Ok(Simulator::new(
        crate::client::transport::client(deadline).context("cannot build the HTTP client")?,
        url,
        token.to_owned(),
        wire,
        deadline,
    ))
}

/// Where messages come from: a file sent as it is, one KIND, or a weighted mix of kinds.
enum MessageSource {
    File(Outgoing),
    /// A menu button's event, resolved from the menu up front.
    Press {
        options: SimulateOptions,
        event: Event,
    },
    Kinds {
        options: SimulateOptions,
        kinds: Vec<(SimulateKind, u32)>,
    },
}

/// A burst as an account sees it: mostly text, then follows, menu clicks and media.
const EVENT_MIX: [(&[&str], u32); 14] = [
    (&["text", "你好"], 40),
    (&["event", "subscribe"], 8),
    (&["event", "subscribe", "--scene", "1001"], 7),
    (&["event", "click", "--key", "MENU_NEWS"], 12),
    (&["image"], 8),
    (&["event", "view", "--key", "https://mp.weixin.qq.com/"], 6),
    (&["voice"], 5),
    (&["event", "scan", "--key", "1001"], 4),
    (&["event", "unsubscribe"], 3),
    (&["event", "location"], 3),
    (&["location"], 1),
    (&["link"], 1),
    (&["video"], 1),
    (&["shortvideo"], 1),
];

impl MessageSource {
    fn new(args: &SimulateArgs, pressed: Option<Event>) -> Result<MessageSource, CliError> {
        match (&args.kind, args.load.event_mix) {
            (Some(SimulateKind::Menu(_)), false) => match pressed {
                Some(event) => Ok(MessageSource::Press { options: args.options.clone(), event }),
                None => Err(CliError::usage("no menu button was pressed")),
            },
            (Some(SimulateKind::File { path }), false) => Ok(MessageSource::File(read_message_file(path)?)),
            (Some(kind), false) => {
                Ok(MessageSource::Kinds { options: args.options.clone(), kinds: vec![(kind.clone(), 1)] })
            }
            (None, true) => {
                let kinds = EVENT_MIX.iter().map(|(words, weight)| (parse_kind(words), *weight)).collect();
                Ok(MessageSource::Kinds { options: args.options.clone(), kinds })
            }
            (Some(_), true) => Err(CliError::usage("--event-mix picks the kinds itself: leave out KIND")),
            (None, false) => {
                Err(CliError::usage("name what to send: a KIND (text, image, event click, …) or --event-mix")
                    .hint("e.g. wxdev simulate text \"hello\"; see wxdev simulate --help"))
            }
        }
    }

    /// The next message: fresh MsgId and CreateTime for every one built from a KIND.
    fn next(&self) -> Outgoing {
        match self {
            MessageSource::File(outgoing) => outgoing.clone(),
            MessageSource::Press { options, event } => compose_body(options, Body::Event(event.clone())),
            MessageSource::Kinds { options, kinds } => {
                let kind = if kinds.len() == 1 { &kinds[0].0 } else { pick_weighted(kinds) };
                compose(options, kind)
            }
        }
    }
}

/// A KIND with its flags' defaults, parsed from words as on the command line.
fn parse_kind(words: &[&str]) -> SimulateKind {
    use clap::{FromArgMatches, Subcommand};
    let command = SimulateKind::augment_subcommands(clap::Command::new("simulate"));
    let matches = command.get_matches_from(std::iter::once("simulate").chain(words.iter().copied()));
    SimulateKind::from_arg_matches(&matches).expect("the event mix is made of valid kinds")
}

fn pick_weighted(kinds: &[(SimulateKind, u32)]) -> &SimulateKind {
    use rand::Rng;
    let total: u32 = kinds.iter().map(|(_, w)| w).sum();
    let mut roll = rand::thread_rng().gen_range(0..total);
    for (kind, weight) in kinds {
        if roll < *weight {
            return kind;
        }
        roll -= weight;
    }
    &kinds[0].0
}

/// The mode asked for, or safe when an EncodingAESKey is configured, else plain.
pub fn resolve_wire(settings: &Settings, mode: Option<Mode>) -> Result<Wire, CliError> {
    let mode = mode.unwrap_or(if settings.aes_key.is_some() { Mode::Safe } else { Mode::Plain });
    Ok(match mode {
        Mode::Plain => Wire::Plain,
        Mode::Compat => Wire::Compat(Arc::new(settings.require_crypt()?)),
        Mode::Safe => Wire::Safe(Arc::new(settings.require_crypt()?)),
    })
}

/// Builds the message for KIND from its flags and realistic defaults.
fn compose(options: &SimulateOptions, kind: &SimulateKind) -> Outgoing {
    let body = match kind {
        SimulateKind::Text { content } => Body::Text { content: content.clone() },
        SimulateKind::Image { pic_url, media_id } => {
            Body::Image { pic_url: pic_url.clone(), media_id: media_id.clone() }
        }
        SimulateKind::Voice { media_id, format, recognition } => {
            Body::Voice { media_id: media_id.clone(), format: format.clone(), recognition: recognition.clone() }
        }
        SimulateKind::Video(v) => {
            Body::Video { media_id: v.media_id.clone(), thumb_media_id: v.thumb_media_id.clone() }
        }
        SimulateKind::Shortvideo(v) => {
            Body::ShortVideo { media_id: v.media_id.clone(), thumb_media_id: v.thumb_media_id.clone() }
        }
        SimulateKind::Location { lat, lng, scale, label } => {
            Body::Location { lat: lat.clone(), lng: lng.clone(), scale: scale.clone(), label: label.clone() }
        }
        SimulateKind::Link { title, description, link_url } => {
            Body::Link { title: title.clone(), description: description.clone(), url: link_url.clone() }
        }
        SimulateKind::Event { event } => Body::Event(build_event(event)),
        // Files are read once, up front, by MessageSource.
        SimulateKind::File { .. } => unreachable!("files are not composed"),
        // Menu presses are resolved up front, by MessageSource.
        SimulateKind::Menu(_) => unreachable!("menu presses are not composed"),
    };
    compose_body(options, body)
}

/// The message with this body, from the options' envelope: CreateTime now
/// unless given; a MsgId for messages, none for events.
fn compose_body(options: &SimulateOptions, body: Body) -> Outgoing {
    let mut incoming = Incoming::new(&options.to, &options.from, options.create_time.unwrap_or_else(unix_now), body);
    if !matches!(incoming.body, Body::Event(_)) {
        incoming.msg_id = Some(options.msg_id.unwrap_or_else(fresh_msg_id).to_string());
    }
    Outgoing {
        body: incoming.to_xml(),
        user: incoming.from.clone(),
        account: incoming.to.clone(),
        msg_type: incoming.msg_type().to_owned(),
    }
}

fn build_event(kind: &EventKind) -> Event {
    match kind {
        EventKind::Subscribe { scene, ticket } => Event::Subscribe {
            event_key: scene.as_ref().map(|s| format!("qrscene_{s}")),
            ticket: scene.as_ref().map(|_| ticket.clone().unwrap_or_else(fresh_ticket)),
        },
        EventKind::Unsubscribe => Event::Unsubscribe,
        EventKind::Scan { key, ticket } => {
            Event::Scan { event_key: key.clone(), ticket: Some(ticket.clone().unwrap_or_else(fresh_ticket)) }
        }
        EventKind::Location { lat, lng, precision } => {
            Event::Location { latitude: lat.clone(), longitude: lng.clone(), precision: precision.clone() }
        }
        EventKind::Click { key } => Event::Click { event_key: key.clone() },
        EventKind::View { key, menu_id } => Event::View { event_key: key.clone(), menu_id: Some(menu_id.clone()) },
    }
}

/// `simulate file PATH`: the file is sent as it is; the reply is judged against its own envelope.
fn read_message_file(path: &std::path::Path) -> Result<Outgoing, CliError> {
    let bytes = std::fs::read(path)
        .map_err(|e| CliError::usage(format!("cannot read {}: {}", path.display(), crate::error::io_reason(&e))))?;
    let body = String::from_utf8(bytes)
        .map_err(|_| CliError::usage(format!("{} is not UTF-8 text", path.display())).hint("WeChat sends UTF-8 XML"))?;
    let incoming = Incoming::parse(&body).map_err(|e| {
        CliError::usage(format!("{} is not a WeChat message: {e}", path.display()))
            .hint("it needs <xml> with ToUserName, FromUserName, CreateTime and MsgType")
    })?;
    Ok(Outgoing {
        user: incoming.from.clone(),
        account: incoming.to.clone(),
        msg_type: incoming.msg_type().to_owned(),
        body,
    })
}

/// A fresh 64-bit MsgId in the range WeChat's ids occupy.
fn fresh_msg_id() -> u64 {
    use rand::Rng;
    rand::thread_rng().gen_range(1_000_000_000_000_000_000..=9_223_372_036_854_775_807)
}

fn fresh_ticket() -> String {
    use rand::distributions::{Alphanumeric, DistString};
    format!("gQ{}", Alphanumeric.sample_string(&mut rand::thread_rng(), 94))
}

fn describe_outgoing(outgoing: &Outgoing) -> String {
    match Incoming::parse(&outgoing.body) {
        Ok(incoming) => {
            let label = incoming.kind_label();
            let summary = shorten(&incoming.summary(), 60);
            let id = incoming.msg_id.map(|id| format!(" MsgId {id}")).unwrap_or_default();
            format!("{label} {summary}{id}").trim().to_owned()
        }
        Err(_) => String::new(),
    }
}

fn print_human(delivery: &Delivery) {
    let status = match delivery.http_status {
        Some(code) => format!("HTTP {code}"),
        None => "no HTTP answer".to_owned(),
    };
    println!(
        "{} {status} in {} ms, attempt {} of {}",
        "←".cyan(),
        delivery.elapsed.as_millis(),
        delivery.attempts,
        crate::wechat::DELIVERY_ATTEMPTS
    );
    if let Some(reply) = &delivery.judgement.reply {
        println!();
        let kind = escape_control(reply.child_text("MsgType").unwrap_or("?"));
        let how = if delivery.encrypted_reply { ", encrypted, shown decrypted" } else { "" };
        println!("{}", format!("Reply ({kind}{how})").bold());
        for line in describe_element(reply, 1) {
            println!("{line}");
        }
        println!();
    } else if delivery.outcome != Outcome::TimedOut && delivery.outcome != Outcome::Failed {
        if let Some(raw) = &delivery.raw {
            println!("body: {:?}", shorten(raw, 200));
        }
    }
    print_verdict(delivery, &mut std::io::stdout());
}

fn print_verdict(delivery: &Delivery, out: &mut dyn std::io::Write) {
    let j = &delivery.judgement;
    let _ = match delivery.outcome {
        Outcome::Accepted if j.silent => {
            writeln!(out, "{} WeChat accepts the answer: no reply message is shown to the user", pass_mark())
        }
        Outcome::Accepted => writeln!(out, "{} WeChat accepts this reply: {}", pass_mark(), user_sees(delivery)),
        Outcome::Rejected => writeln!(out, "{} WeChat rejects this reply:", fail_mark()),
        Outcome::TimedOut | Outcome::Failed => writeln!(out, "{} WeChat gets no valid answer:", fail_mark()),
    };
    for problem in &j.problems {
        let _ = writeln!(out, "  - {}", escape_control(&problem.to_string()));
    }
    for warning in &j.warnings {
        let _ = writeln!(out, "{} {}", warn_mark(), escape_control(&warning.to_string()));
    }
}

/// What the user would see for an accepted reply.
fn user_sees(delivery: &Delivery) -> String {
    let Some(reply) = &delivery.judgement.reply else { return String::new() };
    let leaf = |parent: &str| {
        escape_control(reply.child(parent).and_then(|p| p.child_text("MediaId")).unwrap_or("?")).into_owned()
    };
    match reply.child_text("MsgType").unwrap_or("") {
        "text" => format!("the user sees {:?}", shorten(reply.child_text("Content").unwrap_or(""), 80)),
        "image" => format!("the user sees image {}", leaf("Image")),
        "voice" => format!("the user hears voice {}", leaf("Voice")),
        "video" => format!("the user sees video {}", leaf("Video")),
        "music" => "the user sees a music card".to_owned(),
        "news" => "the user sees an article card".to_owned(),
        "transfer_customer_service" => "the message goes to customer service".to_owned(),
        other => format!("reply type {}", escape_control(other)),
    }
}

/// Indented `Name  value` lines for an element tree.
fn describe_element(element: &Element, depth: usize) -> Vec<String> {
    let indent = "  ".repeat(depth);
    let mut lines = Vec::new();
    for child in &element.children {
        if child.children.is_empty() {
            let value = if child.name == "CreateTime" {
                annotate_time(&child.text)
            } else {
                escape_control(&child.text).into_owned()
            };
            lines.push(format!("{indent}{:<14} {value}", escape_control(&child.name).dimmed()));
        } else {
            lines.push(format!("{indent}{}", escape_control(&child.name).dimmed()));
            lines.extend(describe_element(child, depth + 1));
        }
    }
    lines
}

fn annotate_time(text: &str) -> String {
    match text.trim().parse::<i64>() {
        Ok(secs) => {
            let ago = unix_now() - secs;
            if ago.abs() < 86_400 * 365 {
                format!("{text} ({ago} s ago)")
            } else {
                text.to_owned()
            }
        }
        Err(_) => text.to_owned(),
    }
}
