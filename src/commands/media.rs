//! `wxdev media upload` and `wxdev media get`: temporary media.
//!
//! Upload checks WeChat's limits before any request, streams the file, and
//! retries once with a fresh token when WeChat rejects the one it had. Get
//! writes to a temporary file beside the target and renames it into place.

use crate::cli::{GlobalArgs, MediaCommand, MediaGetArgs, MediaTokenArgs, MediaType, MediaUploadArgs};
use crate::commands::token::{api_client, api_failure, obtain_token};
use crate::config::Settings;
use crate::error::{io_reason, CliError};
use crate::output;
use crate::wechat::api::{fallback_file_name, ApiClient, ApiError, Credentials, MediaDownload, MediaFile};
use crate::wechat::media::{self, human_size, MediaKind, UploadPlan, SNIFF_LEN};
use crate::wechat::token_cache::Refresh;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::future::Future;
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
        println!("{id}");
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

/// Where a call's access_token comes from: --access-token, else the cache or
/// a fetch; after a rejection, one fresh token.
struct TokenSupply<'a> {
    explicit: Option<&'a str>,
    creds: Option<Credentials>,
    args: &'a MediaTokenArgs,
}

impl<'a> TokenSupply<'a> {
    /// Fails before any request when there is neither a token nor credentials to fetch one.
    fn new(settings: &Settings, args: &'a MediaTokenArgs) -> Result<TokenSupply<'a>, CliError> {
        let explicit = args.access_token.as_deref().filter(|t| !t.is_empty());
        let creds = match explicit {
            Some(_) => settings.credentials().ok(),
            None => Some(settings.credentials().map_err(|e| {
                let hint = e.hint.clone().unwrap_or_default();
                e.hint(format!("{hint}; or pass --access-token"))
            })?),
        };
        Ok(TokenSupply { explicit, creds, args })
    }

    async fn first(&self, api: &ApiClient) -> anyhow::Result<String> {
        match (self.explicit, &self.creds) {
            (Some(token), _) => Ok(token.to_owned()),
            (None, Some(creds)) => {
                Ok(obtain_token(api, creds, &self.args.source, Refresh::IfStale).await?.access_token)
            }
            (None, None) => Err(CliError::usage("no access_token and no AppID/AppSecret to fetch one").into()),
        }
    }

    /// Runs `call` with a token; on 40001, 40014 or 42001 gets a fresh token and runs it once more.
    async fn call<T, F, Fut>(&self, api: &ApiClient, mut call: F) -> anyhow::Result<T>
    where
        F: FnMut(String) -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let token = self.first(api).await?;
        let err = match call(token.clone()).await {
            Ok(answer) => return Ok(answer),
            Err(err) => err,
        };
        let Some(creds) = self.creds.as_ref().filter(|_| err.is_token_rejection()) else {
            return Err(api_failure(&err).into());
        };
        output::warn(&format!("{err}; getting a new access_token and trying once more"));
        let fresh = obtain_token(api, creds, &self.args.source, Refresh::Rejected(&token)).await?;
        call(fresh.access_token).await.map_err(|e| api_failure(&e).into())
    }
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
        MediaDownload::File(file) => (file, None),
        MediaDownload::VideoUrl(url) => {
            let file = api.download(&url).await.map_err(|e| api_failure(&e))?;
            (file, Some(url))
        }
    };
    let path = match target {
        Target::Stdout => {
            let bytes = to_stdout(&mut file).await?;
            eprintln!("wrote {} to stdout", human_size(bytes));
            return Ok(ExitCode::SUCCESS);
        }
        Target::File(path) => path,
        Target::Dir(dir) => {
            let name = file.file_name.as_deref().and_then(safe_file_name);
            let name = name.unwrap_or_else(|| fallback_file_name(media_id, file.content_type.as_deref()));
            let path = dir.join(name);
            refuse_overwrite(&path, args.force)?;
            path
        }
    };
    let bytes = save(&mut file, &path, args.force).await?;
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
        let kind = content_type.map(|t| format!(", {t}")).unwrap_or_default();
        eprintln!("saved {}{kind} to {}", human_size(bytes), path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn refuse_overwrite(path: &Path, force: bool) -> Result<(), CliError> {
    if force || std::fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    Err(CliError::usage(format!("{} already exists; not overwriting it", path.display()))
        .hint("pass --force to replace it, or -o another path"))
}

/// A name from Content-Disposition made safe to create here: the last path
/// component, without control characters or leading dots.
pub fn safe_file_name(name: &str) -> Option<PathBuf> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim().trim_start_matches('.');
    (!clean.is_empty()).then(|| PathBuf::from(clean))
}

/// Streams the body into a temporary file beside `path`, then renames it into place.
async fn save(file: &mut MediaFile, path: &Path, force: bool) -> anyhow::Result<u64> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let cannot_write =
        |e: std::io::Error| CliError::usage(format!("cannot write {}: {}", path.display(), io_reason(&e)));
    let tmp = tempfile::Builder::new().prefix(".wxdev-").suffix(".part").tempfile_in(dir).map_err(cannot_write)?;
    let mut out = tokio::fs::File::from_std(tmp.reopen().map_err(cannot_write)?);
    let mut written = 0u64;
    while let Some(chunk) = file.chunk().await.map_err(|e| api_failure(&e))? {
        out.write_all(&chunk).await.map_err(cannot_write)?;
        written += chunk.len() as u64;
    }
    out.flush().await.map_err(cannot_write)?;
    out.sync_all().await.map_err(cannot_write)?;
    drop(out);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(cannot_write)?;
    }
    let persisted = if force { tmp.persist(path) } else { tmp.persist_noclobber(path) };
    match persisted {
        Ok(_) => Ok(written),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(refuse_overwrite(path, false)
            .err()
            .unwrap_or_else(|| CliError::usage(format!("{} already exists", path.display())))
            .into()),
        Err(e) => Err(cannot_write(e.error).into()),
    }
}

async fn to_stdout(file: &mut MediaFile) -> anyhow::Result<u64> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let mut written = 0u64;
    while let Some(chunk) = file.chunk().await.map_err(|e| api_failure(&e))? {
        stdout.write_all(&chunk)?;
        written += chunk.len() as u64;
    }
    stdout.flush()?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_wechat_stay_in_the_directory() {
        assert_eq!(safe_file_name("abc.jpg"), Some(PathBuf::from("abc.jpg")));
        assert_eq!(safe_file_name("../../etc/passwd"), Some(PathBuf::from("passwd")));
        assert_eq!(safe_file_name("..\\x.jpg"), Some(PathBuf::from("x.jpg")));
        assert_eq!(safe_file_name(".."), None);
        assert_eq!(safe_file_name(".bashrc"), Some(PathBuf::from("bashrc")));
    }
}
