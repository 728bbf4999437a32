//! Settings: each from its flag, else its WXDEV_* variable (clap merges those
//! two), else wxdev.toml in the current directory or the file named by
//! `--config` / `WXDEV_CONFIG`.

use crate::cli::GlobalArgs;
use crate::error::CliError;
use crate::wechat::crypto::{AesKey, MsgCrypt};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The endpoint `simulate` targets when none is configured: where `serve` listens by default.
pub const DEFAULT_URL: &str = "http://127.0.0.1:8080/wechat";
/// The token `serve` and `simulate` fall back to, so the two work together out of the box.
pub const DEV_TOKEN: &str = "wxdev-dev-token";
/// Where the WeChat API lives.
pub const DEFAULT_API_BASE: &str = "https://api.weixin.qq.com";
/// The settings file looked up in the current directory.
pub const CONFIG_FILE: &str = "wxdev.toml";

/// The keys a settings file may hold. No `Debug`: it holds the secret, token and key.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    pub token: Option<String>,
    pub appid: Option<String>,
    pub secret: Option<String>,
    pub aes_key: Option<String>,
    pub url: Option<String>,
    pub api_base: Option<String>,
    /// One 网页授权域名, or a list.
    pub oauth_domain: Option<OneOrMany>,
}

/// A settings value that is one string or a list of them.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Settings after flags, environment and file have been merged.
#[derive(Clone, Default)]
pub struct Settings {
    pub token: Option<String>,
    pub appid: Option<String>,
    pub secret: Option<String>,
    pub aes_key: Option<String>,
    pub url: Option<String>,
    pub api_base: Option<String>,
    /// The 网页授权域名 (`oauth_domain`), none when not set.
    pub oauth_domains: Vec<String>,
    /// The settings file that was read, if any.
    pub file: Option<PathBuf>,
}

impl std::fmt::Debug for Settings {
    // The secret, token and key never reach a debug print.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("appid", &self.appid)
            .field("url", &self.url)
            .field("api_base", &self.api_base)
            .field("oauth_domains", &self.oauth_domains)
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

/// Where a token came from, when it matters to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenSource {
    Configured,
    DevelopmentDefault,
}

impl Settings {
    /// Merges flags and environment (already in `args`) over the settings file.
    pub fn load(args: &GlobalArgs) -> Result<Settings, CliError> {
        Self::load_in(args, Path::new("."))
    }

    fn load_in(args: &GlobalArgs, dir: &Path) -> Result<Settings, CliError> {
        let (file, path) = match &args.config {
            Some(path) => (Some(read_file(path)?), Some(path.clone())),
            None => {
                let path = dir.join(CONFIG_FILE);
                if path.is_file() {
                    (Some(read_file(&path)?), Some(path))
                } else {
                    (None, None)
                }
            }
        };
        let file = file.unwrap_or_default();
        let pick =
            |flag: &Option<String>, from_file: Option<String>| flag.clone().or(from_file).filter(|v| !v.is_empty());
        Ok(Settings {
            token: pick(&args.token, file.token),
            appid: pick(&args.appid, file.appid),
            secret: pick(&args.secret, file.secret),
            aes_key: pick(&args.aes_key, file.aes_key),
            url: pick(&args.url, file.url),
            api_base: pick(&args.api_base, file.api_base),
            oauth_domains: oauth_domains(&args.oauth_domain, file.oauth_domain),
            file: path,
        })
    }

    /// The token for commands that check a real configuration (`sign`, `verify`).
    pub fn require_token(&self) -> Result<&str, CliError> {
        self.token.as_deref().ok_or_else(|| {
            CliError::usage("no token configured")
                .hint("pass --token, set WXDEV_TOKEN, or put token = \"…\" in wxdev.toml (the Token from 公众号后台 → 基本配置)")
        })
    }

    /// The account's encryption for safe and compatible mode: EncodingAESKey and AppID are both required.
    pub fn require_crypt(&self) -> Result<MsgCrypt, CliError> {
        let key = self.aes_key.as_deref().ok_or_else(|| {
            CliError::usage("no EncodingAESKey configured").hint(
                "pass --aes-key, set WXDEV_AES_KEY, or put aes_key = \"…\" in wxdev.toml (the EncodingAESKey from 公众号后台 → 基本配置)",
            )
        })?;
        let key = AesKey::from_encoding_key(key)
            .map_err(|e| CliError::usage(e.to_string()).hint("copy EncodingAESKey again from 公众号后台 → 基本配置"))?;
        let appid = self.appid.as_deref().ok_or_else(|| {
            CliError::usage("no appid configured")
                .hint("pass --appid, set WXDEV_APPID, or put appid = \"…\" in wxdev.toml (the AppID from 公众号后台 → 基本配置)")
        })?;
        Ok(MsgCrypt::new(key, appid))
    }

    /// The token for `serve` and `simulate`, which fall back to the development default.
    pub fn token_or_dev(&self) -> (&str, TokenSource) {
        match &self.token {
            Some(token) => (token, TokenSource::Configured),
            None => (DEV_TOKEN, TokenSource::DevelopmentDefault),
        }
    }

    pub fn api_base(&self) -> &str {
        self.api_base.as_deref().unwrap_or(DEFAULT_API_BASE)
    }

    /// The AppID for commands that call the API.
    pub fn require_appid(&self) -> Result<&str, CliError> {
        self.appid.as_deref().ok_or_else(|| {
            CliError::usage("no AppID configured").hint(
                "pass --appid, set WXDEV_APPID, or put appid = \"wx…\" in wxdev.toml (公众号后台 → 设置与开发 → 基本配置)",
            )
        })
    }

    /// The AppSecret for commands that call the API.
    pub fn require_secret(&self) -> Result<&str, CliError> {
        self.secret.as_deref().ok_or_else(|| {
            CliError::usage("no AppSecret configured").hint(
                "set WXDEV_SECRET (keeps it out of shell history), pass --secret, or put secret = \"…\" in wxdev.toml",
            )
        })
    }

    /// AppID and AppSecret together.
    pub fn credentials(&self) -> Result<crate::client::api::Credentials, CliError> {
        Ok(crate::client::api::Credentials {
            appid: self.require_appid()?.to_owned(),
            secret: self.require_secret()?.to_owned(),
        })
    }
}

/// The 网页授权域名: from the flag or environment when given, else the file's
/// (one string, comma-separated, or a list); blanks dropped.
fn oauth_domains(flag: &[String], from_file: Option<OneOrMany>) -> Vec<String> {
    let listed: Vec<String> = if flag.iter().any(|d| !d.trim().is_empty()) {
        flag.to_vec()
    } else {
        match from_file {
            Some(OneOrMany::One(text)) => text.split(',').map(str::to_owned).collect(),
            Some(OneOrMany::Many(list)) => list,
            None => vec![],
        }
    };
    listed.into_iter().map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()).collect()
}

/// Where the token cache lives unless --cache-dir / WXDEV_CACHE_DIR says:
/// `$XDG_CACHE_HOME/wxdev`, else `$HOME/.cache/wxdev`.
pub fn default_cache_dir() -> Option<PathBuf> {
    let absolute = |name: &str| std::env::var_os(name).map(PathBuf::from).filter(|p| p.is_absolute());
    absolute("XDG_CACHE_HOME")
        .map(|dir| dir.join("wxdev"))
        .or_else(|| absolute("HOME").map(|home| home.join(".cache").join("wxdev")))
}

fn read_file(path: &Path) -> Result<FileSettings, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::usage(format!("cannot read settings file {}: {}", path.display(), crate::error::io_reason(&e)))
            .hint("check --config / WXDEV_CONFIG")
    })?;
    parse_settings_file(&text).map_err(|e| {
        CliError::usage(format!("settings file {}{e}", path.display()))
            .hint("keys are token, appid, secret, aes_key, url, api_base, oauth_domain; values are quoted strings")
    })
}

/// Parses the text of a settings file. The error reads " line N: what is wrong"
/// (or ": what is wrong" when the parser names no place), to follow the file's name.
pub fn parse_settings_file(text: &str) -> Result<FileSettings, String> {
    toml::from_str(text).map_err(|e| {
        let detail = e.message().to_owned();
        let line = e.span().map(|span| text[..span.start].lines().count().max(1));
        let place = line.map(|l| format!(" line {l}")).unwrap_or_default();
        format!("{place}: {detail}")
    })
}

/// Parses a user-given endpoint URL; a missing scheme gets a specific hint.
pub fn parse_endpoint(input: &str) -> Result<url::Url, CliError> {
    let url = url::Url::parse(input).map_err(|e| {
        let hint = if !input.contains("://") {
            format!("write the scheme too: http://{input}")
        } else {
            "a URL looks like http://example.com/wechat".to_owned()
        };
        CliError::usage(format!("{input:?} is not a valid URL: {e}")).hint(hint)
    })?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => {
            Err(CliError::usage(format!("{input:?} uses {other}://; WeChat only calls http:// and https:// URLs")))
        }
    }
}

/// Whether the URL's host is this machine.
pub fn is_local(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost") || d.ends_with(".localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback() || ip.is_unspecified(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback() || ip.is_unspecified(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_know_the_settings_file_name() {
        assert_eq!(crate::wechat::media::SETTINGS_FILE, CONFIG_FILE);
    }

    #[test]
    fn flag_beats_file_and_file_fills_gaps() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "token = \"fromfile\"\nappid = \"wx1\"\n").unwrap();
        let args = GlobalArgs { token: Some("flag".into()), ..Default::default() };
        let s = Settings::load_in(&args, dir.path()).unwrap();
        assert_eq!(s.token.as_deref(), Some("flag"));
        assert_eq!(s.appid.as_deref(), Some("wx1"));
    }

    #[test]
    fn oauth_domains_come_from_the_flag_else_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "oauth_domain = \"a.example, b.example\"\n").unwrap();
        let s = Settings::load_in(&GlobalArgs::default(), dir.path()).unwrap();
        assert_eq!(s.oauth_domains, ["a.example", "b.example"]);
        let args = GlobalArgs { oauth_domain: vec!["c.example".into()], ..Default::default() };
        assert_eq!(Settings::load_in(&args, dir.path()).unwrap().oauth_domains, ["c.example"]);
        std::fs::write(dir.path().join(CONFIG_FILE), "oauth_domain = [\"d.example\", \"\"]\n").unwrap();
        assert_eq!(Settings::load_in(&GlobalArgs::default(), dir.path()).unwrap().oauth_domains, ["d.example"]);
    }

    #[test]
    fn bad_files_are_usage_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "tokn = \"x\"\n").unwrap();
        let err = Settings::load_in(&GlobalArgs::default(), dir.path()).unwrap_err();
        assert!(err.to_string().contains("tokn"), "{err}");
        let missing = GlobalArgs { config: Some(dir.path().join("nope.toml")), ..Default::default() };
        assert!(Settings::load_in(&missing, dir.path()).is_err());
    }

    #[test]
    fn debug_hides_secrets() {
        let s = Settings { secret: Some("S3CRET".into()), token: Some("T0KEN".into()), ..Default::default() };
        let shown = format!("{s:?}");
        assert!(!shown.contains("S3CRET") && !shown.contains("T0KEN"));
    }
}
