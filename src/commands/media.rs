//! `wxdev media upload` and `wxdev media get`: temporary media.
//!
//! Upload checks WeChat's limits before any request, streams the file, and
//! retries once with a fresh token when WeChat rejects the one it had. Get
//! writes to a temporary file beside the target and renames it into place.

use crate::cli::{GlobalArgs, MediaCommand, MediaGetArgs, MediaType, MediaUploadArgs};
use crate::client::api::{fallback_file_name, MediaDownload, MediaFile};
use crate::commands::token::{api_client, api_failure, TokenSupply};
use crate::config::Settings;
use crate::error::{io_reason, CliError};
use crate::output;
use crate::wechat::media::{self, download_file_name, human_size, Format, MediaKind, UploadPlan, SNIFF_LEN};
use crate::wechat::text::escape_control;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tokio::io::AsyncWriteExt;

pub async fn run(global: &GlobalArgs, command: MediaCommand) -> anyhow::Result<ExitCode> {
    match command {
        MediaCommand::Upload(args) => upload(global, args).await,
        MediaCommand::Get(args) => get(global, args).await,
    }
}

async fn upload(global: &GlobalArgs, args: MediaUploadArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let path = args.file.as_path();
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let (len, head) = inspect(path)?;
    let plan = media::plan(&name, len, &head, args.kind.map(kind_of))
        .map_err(|refusal| CliError::usage(refusal.to_string()).hint(refusal.hint()))?;
    for warning in &plan.warnings {
        output::warn(warning);
    }
    let api = api_client(&settings)?;
    let supply = TokenSupply::new(&settings, &args.token)?;
    let bar = progress_bar(len, global.json);
    let answer = supply
        .call(&api, |token| {
            bar.set_position(0);
            let tick = bar.clone();
            let (api, plan) = (&api, &plan);
            async move { api.upload_media(&token, path, plan, move |n| tick.inc(n)).await }
        })
        .await;
    bar.finish_and_clear();
    let answer = answer?;
    let id = answer.get(plan.kind.id_key()).and_then(|v| v.as_str()).unwrap_or_default();
    if global.json {
        output::print_json(&answer)?;
    } else {
        println!("{}", escape_control(id));
        eprintln!("{}", uploaded_line(&name, &plan));
    }
    Ok(ExitCode::SUCCESS)
}

fn uploaded_line(name: &str, plan: &UploadPlan) -> String {
    let sent_as = if plan.file_name == name { String::new() } else { format!(" as {}", plan.file_name) };
    format!(
        "uploaded {name}{sent_as} ({}, {}): {} valid for 3 days",
        plan.kind.as_str(),
        human_size(plan.len),
        plan.kind.id_key()
    )
}

fn kind_of(t: MediaType) -> MediaKind {
    match t {
        MediaType::Image => MediaKind::Image,
        MediaType::Voice => MediaKind::Voice,
        MediaType::Video => MediaKind::Video,
        MediaType::Thumb => MediaKind::Thumb,
    }
}

/// The file's length and first bytes; a file that cannot be read is a usage error.
fn inspect(path: &Path) -> Result<(u64, Vec<u8>), CliError> {
    let unreadable = |e: std::io::Error| CliError::usage(format!("cannot read {}: {}", path.display(), io_reason(&e)));
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if meta.is_dir() {
        return Err(CliError::usage(format!("{} is a directory, not a file", path.display())));
    }
    let mut head = Vec::with_capacity(SNIFF_LEN);
    file.take(SNIFF_LEN as u64).read_to_end(&mut head).map_err(unreadable)?;
    Ok((meta.len(), head))
}

/// A byte progress bar on stderr, only when stderr is a terminal and output is not JSON.
fn progress_bar(len: u64, json: bool) -> ProgressBar {
    if json || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let template = "{spinner} uploading [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}";
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

#[derive(Serialize)]
struct SavedReport<'a> {
    media_id: &'a str,
    path: String,
    bytes: u64,
    content_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    video_url: Option<&'a str>,
}

/// Where `media get` writes.
enum Target {
    Stdout,
    File(PathBuf),
    /// A directory; the name comes from WeChat.
    Dir(PathBuf),
}

async fn get(global: &GlobalArgs, args: MediaGetArgs) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(global)?;
    let media_id = args.media_id.trim();
    if media_id.is_empty() {
        return Err(CliError::usage("the media_id is empty").into());
    }
    let target = match &args.output {
        Some(p) if p.as_os_str() == "-" => Target::Stdout,
        Some(p) if p.is_dir() => Target::Dir(p.clone()),
        Some(p) => Target::File(p.clone()),
        None => Target::Dir(PathBuf::new()),
    };
    if matches!(target, Target::Stdout) && global.json {
        return Err(CliError::usage("-o - and --json both want stdout").hint("write to a file with -o PATH").into());
    }
    if let Target::File(path) = &target {
        refuse_overwrite(path, args.force)?;
    }
    let api = api_client(&settings)?;
    let supply = TokenSupply::new(&settings, &args.token)?;
    let download = supply
        .call(&api, |token| {
            let api = &api;
            async move { api.get_media(&token, media_id).await }
        })
        .await?;
    let (mut file, video_url) = match download {
        MediaDownload::File(file) => (*file, None),
        MediaDownload::VideoUrl(url) => {
            let file = api.download(&url).await.map_err(|e| api_failure(&e))?;
            (file, Some(url))
        }
    };
    let (path, bytes) = match target {
        Target::Stdout => {
            let bytes = to_stdout(&mut file).await?;
            eprintln!("wrote {} to stdout", human_size(bytes));
            return Ok(ExitCode::SUCCESS);
        }
        // The user's own path, as given.
        Target::File(path) => {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            save(&mut file, &dir, args.force, |_| path).await?
        }
        // WeChat's name, made safe, with the extension of what the bytes are.
        Target::Dir(dir) => {
            let offered = file.file_name.clone();
            let fallback = fallback_file_name(media_id, None);
            save(&mut file, &dir, args.force, |head| {
                dir.join(download_file_name(offered.as_deref(), &fallback.to_string_lossy(), Format::sniff(head)))
            })
            .await?
        }
    };
    let content_type = file.content_type.as_deref();
    if global.json {
        output::print_json(&SavedReport {
            media_id,
            path: path.display().to_string(),
            bytes,
            content_type,
            video_url: video_url.as_deref(),
        })?;
    } else {
        println!("{}", path.display());
        let kind = content_type.map(|t| format!(", {}", escape_control(t))).unwrap_or_default();
        eprintln!("saved {}{kind} to {}", human_size(bytes), path.display());
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn refuse_overwrite(path: &Path, force: bool) -> Result<(), CliError> {
    if force || std::fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    Err(CliError::usage(format!("{} already exists; not overwriting it", path.display()))
        .hint("pass --force to replace it, or -o another path"))
}

/// Streams the body into a temporary file in `dir`, then renames it into
/// place at the path `path_for` gives for the body's first bytes. Nothing is
/// left behind on failure. The file gets the mode any new file gets here:
/// 0666 less the umask.
async fn save(
    file: &mut MediaFile,
    dir: &Path,
    force: bool,
    path_for: impl FnOnce(&[u8]) -> PathBuf,
) -> anyhow::Result<(PathBuf, u64)> {
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let cannot_write =
        |path: &Path, e: std::io::Error| CliError::usage(format!("cannot write {}: {}", path.display(), io_reason(&e)));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".wxdev-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // tempfile's default is 0600; open(2) applies the umask to this.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir).map_err(|e| cannot_write(dir, e))?;
    let mut out = tokio::fs::File::from_std(tmp.reopen().map_err(|e| cannot_write(tmp.path(), e))?);
    let mut head = Vec::with_capacity(SNIFF_LEN);
    let mut written = 0u64;
    while let Some(chunk) = file.chunk().await.map_err(|e| api_failure(&e))? {
        let wanted = SNIFF_LEN.saturating_sub(head.len()).min(chunk.len());
        head.extend_from_slice(&chunk[..wanted]);
        out.write_all(&chunk).await.map_err(|e| cannot_write(tmp.path(), e))?;
        written = written.saturating_add(chunk.len() as u64);
    }
    out.flush().await.map_err(|e| cannot_write(tmp.path(), e))?;
    out.sync_all().await.map_err(|e| cannot_write(tmp.path(), e))?;
    drop(out);
    let path = path_for(&head);
    let persisted = if force { tmp.persist(&path) } else { tmp.persist_noclobber(&path) };
    match persisted {
        Ok(_) => Ok((path, written)),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(refuse_overwrite(&path, false)
            .err()
            .unwrap_or_else(|| CliError::usage(format!("{} already exists", path.display())))
            .into()),
        Err(e) => Err(cannot_write(&path, e.error).into()),
    }
}

async fn to_stdout(file: &mut MediaFile) -> anyhow::Result<u64> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let mut written = 0u64;
    while let Some(chunk) = file.chunk().await.map_err(|e| api_failure(&e))? {
        stdout.write_all(&chunk)?;
        written = written.saturating_add(chunk.len() as u64);
    }
    stdout.flush()?;
    Ok(written)
}
