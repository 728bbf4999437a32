//! Every command-line argument, in one place. Only clap types live here; each
//! command turns its arguments into settings of its own.

use crate::output::ColorChoice;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Port of `serve` and of the default endpoint.
pub const DEFAULT_PORT: u16 = 8080;
/// Path of `serve` and of the default endpoint.
pub const DEFAULT_PATH: &str = "/wechat";
/// Port of `mock-api`.
pub const DEFAULT_MOCK_PORT: u16 = 8081;

#[derive(Debug, Parser)]
#[command(
    name = "wxdev",
    version,
    about = "Toolkit for WeChat Official Account (公众号) server developers",
    long_about = "Toolkit for WeChat Official Account (公众号) server developers: sign and verify callback URLs, \
play WeChat's server against your endpoint, run a reference endpoint.\n\n\
Settings come from flags, else WXDEV_* environment variables, else ./wxdev.toml.",
    after_help = "Exit codes: 0 success, 1 the answer is no (check failed, endpoint rejected or unreachable), 2 usage or settings error."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Settings and output options accepted by every command.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Print exactly one JSON object on stdout
    #[arg(long, global = true)]
    pub json: bool,
    /// When to colour output
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Settings file (default: ./wxdev.toml when present)
    #[arg(long, global = true, env = "WXDEV_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The Token set in 公众号后台 → 基本配置
    #[arg(long, global = true, env = "WXDEV_TOKEN", hide_env_values = true, value_name = "TOKEN")]
    pub token: Option<String>,
    /// The account's AppID
    #[arg(long, global = true, env = "WXDEV_APPID", value_name = "APPID")]
    pub appid: Option<String>,
    /// The account's AppSecret
    #[arg(long, global = true, env = "WXDEV_SECRET", hide_env_values = true, value_name = "SECRET")]
    pub secret: Option<String>,
    /// The EncodingAESKey (43 characters) for safe and compatible mode
    #[arg(long, global = true, env = "WXDEV_AES_KEY", hide_env_values = true, value_name = "KEY")]
    pub aes_key: Option<String>,
    /// The developer's endpoint (服务器地址 URL)
    #[arg(long, global = true, env = "WXDEV_URL", value_name = "URL")]
    pub url: Option<String>,
    /// WeChat API base URL
    #[arg(long, global = true, env = "WXDEV_API_BASE", value_name = "URL")]
    pub api_base: Option<String>,
    /// The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated
    #[arg(
        long = "oauth-domain",
        global = true,
        env = "WXDEV_OAUTH_DOMAIN",
        value_name = "DOMAIN",
        value_delimiter = ','
    )]
    pub oauth_domain: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign a callback URL, or print a signature
    Sign(SignArgs),
    /// Check a signed URL offline, or do what WeChat does when 提交 is pressed
    Verify(VerifyArgs),
    /// Play WeChat's server: send a message or event to an endpoint and judge the reply
    Simulate(SimulateArgs),
    /// Score an endpoint: handshake, forged and replayed requests, every message type, retries, speed, hostile input
    Check(CheckArgs),
    /// Run the reference echo endpoint
    Serve(ServeArgs),
    /// Sit in front of an endpoint as a reverse proxy and save every exchange as a JSON file
    Record(RecordArgs),
    /// Re-send recorded messages, freshly signed, and compare each reply with the recorded one
    Replay(ReplayArgs),
    /// Decrypt a safe- or compatible-mode body, or an Encrypt value, and check it
    Decrypt(DecryptArgs),
    /// Encrypt a message as an encrypted reply (for building test payloads)
    Encrypt(EncryptArgs),
    /// Print an access_token: cached while fresh, one refresh at a time across processes
    Token(TokenArgs),
    /// Upload or download temporary media
    #[command(subcommand)]
    Media(MediaCommand),
    /// Call any WeChat API with the access_token added, and print the answer
    Api(ApiArgs),
    /// Create, show or delete the custom menu (自定义菜单)
    #[command(subcommand)]
    Menu(MenuCommand),
    /// Forward API calls to WeChat with the account's current access_token (API-Proxy)
    Proxy(ProxyArgs),
    /// Run a local WeChat API for tests: tokens, media, menus, messages, QR codes, users, tickets, material, /mock/calls
    #[command(after_help = "Admin routes: POST /mock/fail-next?errcode=N[&path=/cgi-bin/…][&times=K][&errmsg=…] \
(or the same keys as a JSON body) queues failures; POST /mock/expire-tokens[?appid=…] expires every token \
(42001 from then on); GET / lists the endpoints. Admin routes answer only requests sent to the mock's own \
address (Host: the IP:PORT it listens on, or localhost:PORT on loopback; any IP:PORT when it listens on \
0.0.0.0; else 403) with Content-Type: application/json (else 415), so that no web page can drive them: \
curl -X POST -H 'Content-Type: application/json' http://127.0.0.1:8081/mock/fail-next?errcode=45009

Bounds: an expired token answers 42001 for as long again as it lived (at most 2 h), then 40001 like any \
unknown one; each AppID keeps its 64 newest tokens of each kind. Media in memory live 3 days; beyond \
--max-media-bytes (or 10000 media) the oldest are evicted (40007 from then on), and a file larger than \
the whole cap is refused with 45001. A declared Content-Length over 12 MB is refused (45001) before the \
body is read.")]
    MockApi(MockApiArgs),
    /// Chat with the endpoint in a browser page that looks like WeChat: bubbles, cards, menu, pushed messages, inspector
    Phone(PhoneArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// JS-SDK: sign wx.config for a page, or find the mistake behind "config:invalid signature"
    #[command(subcommand)]
    Jssdk(JssdkCommand),
    /// Web authorization (网页授权): the authorize link, code exchange, refresh, userinfo, token check
    #[command(subcommand)]
    Oauth(OauthCommand),
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// A URL to sign; without it only the signature is printed
    #[arg(value_name = "URL")]
    pub target: Option<String>,
    /// Timestamp in seconds [default: now]
    #[arg(long, value_name = "SECONDS")]
    pub timestamp: Option<String>,
    /// Nonce [default: random digits]
    #[arg(long, value_name = "NONCE")]
    pub nonce: Option<String>,
    /// echostr to put in the URL, as in WeChat's verification request
    #[arg(long, value_name = "ECHOSTR")]
    pub echostr: Option<String>,
    /// Print the msg_signature over this Encrypt value instead (safe and compatible mode)
    #[arg(long, value_name = "VALUE", conflicts_with = "echostr")]
    pub encrypt: Option<String>,
    /// Show the sorted string that was hashed (on stderr)
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The URL to check [default: the configured endpoint]
    #[arg(value_name = "URL")]
    pub target: Option<String>,
    /// Seconds to wait for the endpoint, as WeChat does
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = parse_seconds)]
    pub timeout: f64,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The endpoint to score [default: the configured endpoint]
    #[arg(value_name = "URL")]
    pub target: Option<String>,
    /// Run only these checks (comma-separated; `hostile` names every hostile-… check)
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub only: Vec<String>,
    /// Leave out these checks (comma-separated; `hostile` names every hostile-… check)
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub skip: Vec<String>,
    /// Seconds WeChat waits for each request (the limit every check holds the endpoint to)
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = parse_seconds)]
    pub timeout: f64,
    /// Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]
    #[arg(long, value_enum, value_name = "MODE")]
    pub mode: Option<Mode>,
    /// Messages in the speed burst
    #[arg(long, value_name = "N", default_value = "500", value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub speed_count: u64,
    /// Messages in flight at once in the speed burst
    #[arg(long, value_name = "N", default_value = "20", value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub speed_concurrency: u64,
}

#[derive(Debug, Args)]
pub struct SimulateArgs {
    #[command(flatten)]
    pub options: SimulateOptions,
    #[command(flatten)]
    pub load: LoadOptions,
    #[command(subcommand)]
    pub kind: Option<SimulateKind>,
}

/// Load mode: many messages instead of one.
#[derive(Debug, Args, Clone)]
pub struct LoadOptions {
    /// Send this many messages (load mode)
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u64).range(1..), conflicts_with = "duration")]
    pub count: Option<u64>,
    /// Send messages for this many seconds (load mode)
    #[arg(long, global = true, value_name = "SECONDS", value_parser = parse_seconds)]
    pub duration: Option<f64>,
    /// Messages in flight at once in load mode
    #[arg(long, global = true, value_name = "C", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub concurrency: u64,
    /// Send a realistic mix of message and event kinds instead of one KIND
    #[arg(long, global = true)]
    pub event_mix: bool,
}

/// Options of `simulate`, accepted before or after KIND.
#[derive(Debug, Args, Clone)]
pub struct SimulateOptions {
    /// ToUserName: the account's original id (gh_…)
    #[arg(long, global = true, value_name = "GH_ID", default_value = "gh_3f5e7a9b1c2d")]
    pub to: String,
    /// FromUserName: the sender's OpenID
    #[arg(long, global = true, value_name = "OPENID", default_value = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M")]
    pub from: String,
    /// MsgId [default: a fresh 64-bit id]
    #[arg(long, global = true, value_name = "ID")]
    pub msg_id: Option<u64>,
    /// CreateTime in seconds [default: now]
    #[arg(long, global = true, value_name = "SECONDS")]
    pub create_time: Option<i64>,
    /// Seconds WeChat waits for each attempt
    #[arg(long, global = true, value_name = "SECONDS", default_value = "5", value_parser = parse_seconds)]
    pub timeout: f64,
    /// Print the reply body exactly as received
    #[arg(long, global = true)]
    pub raw: bool,
    /// Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]
    #[arg(long, global = true, value_enum, value_name = "MODE")]
    pub mode: Option<Mode>,
    /// Save the exchange as a record file, which wxdev replay can re-send
    #[arg(long, global = true, value_name = "FILE")]
    pub save: Option<PathBuf>,
}

/// The account's message encryption mode (消息加解密方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// 明文模式: plaintext
    Plain,
    /// 兼容模式: plaintext and ciphertext side by side
    Compat,
    /// 安全模式: ciphertext only
    Safe,
}

#[derive(Debug, Subcommand, Clone)]
pub enum SimulateKind {
    /// A text message
    Text {
        /// The message text
        #[arg(value_name = "CONTENT")]
        content: String,
    },
    /// An image message
    Image {
        #[arg(long, value_name = "URL", default_value = "http://mmbiz.qpic.cn/mmbiz_jpg/wxdevSimulatedImage/0")]
        pic_url: String,
        #[arg(long, value_name = "MEDIA_ID", default_value = "sim_image_media_id_Q3BZmJ9pL0xR")]
        media_id: String,
    },
    /// A voice message
    Voice {
        #[arg(long, value_name = "MEDIA_ID", default_value = "sim_voice_media_id_7hK2sD8fG1aZ")]
        media_id: String,
        /// amr or speex
        #[arg(long, value_name = "FORMAT", default_value = "amr")]
        format: String,
        /// Speech recognition result (sent when recognition is on)
        #[arg(long, value_name = "TEXT")]
        recognition: Option<String>,
    },
    /// A video message
    Video(VideoArgs),
    /// A short video message
    Shortvideo(VideoArgs),
    /// A location message
    Location {
        /// Latitude (Location_X)
        #[arg(long, value_name = "DEG", default_value = "23.134521", allow_hyphen_values = true)]
        lat: String,
        /// Longitude (Location_Y)
        #[arg(long, value_name = "DEG", default_value = "113.358803", allow_hyphen_values = true)]
        lng: String,
        /// Map zoom
        #[arg(long, value_name = "N", default_value = "20")]
        scale: String,
        /// Place name
        #[arg(long, value_name = "TEXT", default_value = "广东省广州市海珠区新港中路397号")]
        label: String,
    },
    /// A link message
    Link {
        #[arg(long, value_name = "TEXT", default_value = "公众平台官网链接")]
        title: String,
        #[arg(long, value_name = "TEXT", default_value = "公众平台官网链接")]
        description: String,
        #[arg(long, value_name = "URL", default_value = "https://mp.weixin.qq.com/")]
        link_url: String,
    },
    /// An event
    Event {
        #[command(subcommand)]
        event: EventKind,
    },
    /// Press a menu button: send the event its type pushes
    Menu(Box<SimulateMenuArgs>),
    /// Send an XML file as it is, signed
    File {
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },
}

#[derive(Debug, Args, Clone)]
#[command(after_help = "The menu comes from --menu FILE (what menu create takes, or what menu get --json prints), \
else from menu/get on the API base (--access-token, else a cached or fetched token). click pushes CLICK, view VIEW, \
scancode_push/scancode_waitmsg ScanCodeInfo, pic_* SendPicsInfo, location_select SendLocationInfo, miniprogram \
view_miniprogram. media_id, view_limited, article_id and article_view_limited buttons and buttons that open a \
submenu push nothing to the server: wxdev says so and exits 2, as for a name the menu does not have.")]
pub struct SimulateMenuArgs {
    /// The button: a top-level name, or TOP/SUB (天气/今日)
    #[arg(value_name = "PATH")]
    pub path: String,
    /// Read the menu from this file (- for stdin) instead of menu/get
    #[arg(long, value_name = "FILE")]
    pub menu: Option<PathBuf>,
    /// MenuId of view and view_miniprogram events
    #[arg(long, value_name = "ID", default_value = "1")]
    pub menu_id: String,
    /// ScanType of scancode events
    #[arg(long, value_name = "TYPE", default_value = "qrcode")]
    pub scan_type: String,
    /// ScanResult of scancode events: what the code holds
    #[arg(long, value_name = "TEXT", default_value = "https://mp.weixin.qq.com/")]
    pub scan_result: String,
    /// How many pictures a pic_* button sends (1–9)
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=9))]
    pub pics: u8,
    /// Latitude (Location_X) of location_select
    #[arg(long, value_name = "DEG", default_value = "23.134521", allow_hyphen_values = true)]
    pub lat: String,
    /// Longitude (Location_Y) of location_select
    #[arg(long, value_name = "DEG", default_value = "113.358803", allow_hyphen_values = true)]
    pub lng: String,
    /// Map zoom of location_select
    #[arg(long, value_name = "N", default_value = "15")]
    pub scale: String,
    /// Place name (Label) of location_select
    #[arg(long, value_name = "TEXT", default_value = "广东省广州市海珠区新港中路397号")]
    pub label: String,
    /// Point of interest (Poiname) of location_select; WeChat often sends it empty
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub poiname: String,
    #[command(flatten)]
    pub token: MediaTokenArgs,
}

#[derive(Debug, Args, Clone)]
pub struct VideoArgs {
    #[arg(long, value_name = "MEDIA_ID", default_value = "sim_video_media_id_X9dL3kP0qW2e")]
    pub media_id: String,
    #[arg(long, value_name = "MEDIA_ID", default_value = "sim_thumb_media_id_M4nB6vC8xZ1a")]
    pub thumb_media_id: String,
}

#[derive(Debug, Subcommand, Clone)]
pub enum EventKind {
    /// The user followed the account (from a QR code with --scene)
    Subscribe {
        /// QR scene: EventKey becomes qrscene_SCENE and a Ticket is sent
        #[arg(long, value_name = "SCENE")]
        scene: Option<String>,
        #[arg(long, value_name = "TICKET")]
        ticket: Option<String>,
    },
    /// The user unfollowed the account
    Unsubscribe,
    /// A follower scanned a parametric QR code (Event SCAN)
    #[command(alias = "SCAN")]
    Scan {
        /// EventKey: the scene value
        #[arg(long, value_name = "KEY")]
        key: String,
        #[arg(long, value_name = "TICKET")]
        ticket: Option<String>,
    },
    /// Location report (Event LOCATION)
    #[command(alias = "LOCATION")]
    Location {
        #[arg(long, value_name = "DEG", default_value = "23.137466", allow_hyphen_values = true)]
        lat: String,
        #[arg(long, value_name = "DEG", default_value = "113.352425", allow_hyphen_values = true)]
        lng: String,
        #[arg(long, value_name = "METERS", default_value = "119.385040")]
        precision: String,
    },
    /// A menu click (Event CLICK)
    #[command(alias = "CLICK")]
    Click {
        /// EventKey of the menu item
        #[arg(long, value_name = "KEY")]
        key: String,
    },
    /// A menu link (Event VIEW)
    #[command(alias = "VIEW")]
    View {
        /// EventKey: the URL the menu opens
        #[arg(long, value_name = "URL")]
        key: String,
        #[arg(long, value_name = "ID", default_value = "1")]
        menu_id: String,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (0.0.0.0 to accept WeChat directly)
    #[arg(long, value_name = "HOST", default_value = "127.0.0.1")]
    pub host: String,
    /// Port (0 picks a free one)
    #[arg(long, value_name = "PORT", default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// Callback path
    #[arg(long, value_name = "PATH", default_value = DEFAULT_PATH)]
    pub path: String,
    #[command(flatten)]
    pub limits: ListenLimitArgs,
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    /// Address to listen on, HOST:PORT (port 0 picks a free one)
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8088")]
    pub listen: String,
    /// The endpoint to forward to, http://HOST:PORT (a path is put in front of each request's)
    #[arg(long, value_name = "URL")]
    pub upstream: String,
    /// Directory for the record files (created if missing)
    #[arg(long, value_name = "DIR")]
    pub dir: PathBuf,
    /// Seconds to wait for the upstream's complete answer before closing the client's connection
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub upstream_timeout: u64,
    #[command(flatten)]
    pub limits: ListenLimitArgs,
}

#[derive(Debug, Args)]
#[command(after_help = "The endpoint is --url (or WXDEV_URL) when given, else each file's recorded upstream \
and path. Signing needs the endpoint's --token; encrypted messages also need --aes-key and --appid. \
Exit codes: 0 every reply the same, 1 some reply changed or failed (with --update: some failed), \
2 usage or unreadable files.")]
pub struct ReplayArgs {
    /// Record files, or directories of them (taken in name order, which is time order)
    #[arg(value_name = "DIR|FILE", required = true)]
    pub paths: Vec<PathBuf>,
    /// Give each message a fresh MsgId and CreateTime instead of the recorded ones
    #[arg(long)]
    pub fresh_ids: bool,
    /// Rewrite the recorded replies with the new ones (snapshot workflow)
    #[arg(long)]
    pub update: bool,
    /// Seconds to wait for each reply
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = parse_seconds)]
    pub timeout: f64,
}

#[derive(Debug, Args)]
#[command(after_help = "Messages go to --url (WXDEV_URL), signed with --token and, in compat and safe mode, \
encrypted with --aes-key and --appid, exactly as simulate sends them. With --api-base pointing at a wxdev \
mock-api, the menu comes from menu/get (unless --menu FILE), picked images are uploaded as temporary media, \
and customer-service, template and mass messages the bot sends appear in the conversation. The page never \
receives the token, the AppSecret or the EncodingAESKey. Exit codes: 0 after Ctrl-C, 2 usage or settings error.")]
pub struct PhoneArgs {
    /// Address to serve the page on, HOST:PORT (port 0 picks a free one; loopback unless told otherwise)
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8084")]
    pub listen: String,
    /// Open the page in the system browser
    #[arg(long)]
    pub open: bool,
    /// Read the menu from this file instead of menu/get on the API base
    #[arg(long, value_name = "FILE")]
    pub menu: Option<PathBuf>,
    /// ToUserName: the account's original id (gh_…)
    #[arg(long, value_name = "GH_ID", default_value = "gh_3f5e7a9b1c2d")]
    pub to: String,
    /// FromUserName of the first user: an OpenID (more can be added on the page)
    #[arg(long, value_name = "OPENID", default_value = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M")]
    pub from: String,
    /// Seconds WeChat waits for each attempt
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = parse_seconds)]
    pub timeout: f64,
    /// Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]
    #[arg(long, value_enum, value_name = "MODE")]
    pub mode: Option<Mode>,
    #[command(flatten)]
    pub token: MediaTokenArgs,
    #[command(flatten)]
    pub limits: ListenLimitArgs,
}

/// Bounds of a listening command.
#[derive(Debug, Args, Clone)]
pub struct ListenLimitArgs {
    /// Connections served at once; beyond it new ones wait to be accepted
    #[arg(long, value_name = "N", default_value_t = crate::http::server::DEFAULT_MAX_CONNECTIONS as u32,
          value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_connections: u32,
    /// Seconds a connection may take to send a request's headers; also how long an idle keep-alive connection stays open
    #[arg(long, value_name = "SECS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,
    /// Seconds a request's body may take to arrive
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub body_timeout: u64,
}

impl ListenLimitArgs {
    pub fn limits(&self) -> crate::http::server::Limits {
        use std::time::Duration;
        crate::http::server::Limits {
            max_connections: self.max_connections as usize,
            header_timeout: Duration::from_secs(self.header_timeout),
            body_timeout: Duration::from_secs(self.body_timeout),
            ..Default::default()
        }
    }
}

/// How commands that need an access_token get one.
#[derive(Debug, Args, Clone)]
pub struct TokenSourceArgs {
    /// Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token
    #[arg(long)]
    pub stable: bool,
    /// Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]
    #[arg(long, env = "WXDEV_CACHE_DIR", value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Neither read nor write the token cache
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Debug, Args)]
pub struct TokenArgs {
    #[command(subcommand)]
    pub command: Option<TokenCommand>,
    #[command(flatten)]
    pub source: TokenSourceArgs,
    /// Fetch a new token even while the cached one is fresh (with --stable: force_refresh, 20 times a day)
    #[arg(long)]
    pub force_refresh: bool,
    #[command(flatten)]
    pub shared: SharedSourceArgs,
}

/// Where `wxdev token` and `wxdev jssdk` get a shared token or ticket: a Redis
/// store, or a running `token serve`, instead of the file cache and WeChat.
#[derive(Debug, Args, Clone)]
pub struct SharedSourceArgs {
    /// Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache
    #[arg(long, env = "WXDEV_STORE", hide_env_values = true, value_name = "URL", conflicts_with = "from")]
    pub store: Option<String>,
    /// Ask a running `wxdev token serve` at this URL instead of WeChat
    #[arg(long, value_name = "URL")]
    pub from: Option<String>,
    /// The token service's key, sent as Authorization: Bearer
    #[arg(long, env = "WXDEV_SERVICE_KEY", hide_env_values = true, value_name = "KEY")]
    pub auth_key: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Run the AccessToken 中控: one token per account for every business server, refreshed before expiry
    #[command(after_help = "Routes (JSON; all but /healthz want Authorization: Bearer KEY when --auth-key is set): \
GET /token?appid=A → {\"access_token\",\"expires_in\",\"expires_at\"}; POST /token/refresh {\"appid\",\"stale_token\"} \
(refreshes only if stale_token is still current); GET /ticket?appid=A&type=jsapi|wx_card; GET /healthz; GET /metrics \
(Prometheus text). Several instances share tokens through --store redis://…: one refreshes per expiry, under a Redis lock.

Exit codes: 2 for unusable settings (no account, a bad --listen or --store, a non-loopback --listen without --auth-key), \
1 when the store cannot be reached at start.")]
    Serve(TokenServeArgs),
}

/// Which SDK's Redis layout to write tokens in, besides wxdev's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyFormatArg {
    Wxdev,
    Wechatpy,
    Silenceper,
    Easywechat,
    Wxjava,
}

/// The token service's store, accounts and timing (`token serve`, and `proxy --store`).
#[derive(Debug, Args, Clone)]
pub struct TokenServiceArgs {
    /// One more account; repeatable (--appid and --secret give the first)
    #[arg(long = "app", value_name = "APPID:SECRET")]
    pub apps: Vec<String>,
    /// Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token
    #[arg(long)]
    pub stable: bool,
    /// Share tokens through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) [default: the file cache]
    #[arg(long, env = "WXDEV_STORE", hide_env_values = true, value_name = "URL")]
    pub store: Option<String>,
    /// Also write tokens where this SDK reads them in Redis, with its TTL; repeatable
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub key_format: Vec<KeyFormatArg>,
    /// Token cache directory of the file store [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]
    #[arg(long, env = "WXDEV_CACHE_DIR", value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Refresh in the background when fewer seconds than this remain (raised to what --key-format needs)
    #[arg(long, value_name = "SECS", default_value_t = 600, value_parser = clap::value_parser!(u64).range(301..=86_400))]
    pub refresh_before: u64,
    /// Up to this many seconds earlier, at random
    #[arg(long, value_name = "SECS", default_value_t = 60, hide = true)]
    pub refresh_jitter: u64,
    /// Milliseconds a Redis refresh lock lives if its holder dies
    #[arg(long, value_name = "MS", default_value_t = 10_000, hide = true,
          value_parser = clap::value_parser!(u64).range(100..=600_000))]
    pub lock_ttl: u64,
    /// Milliseconds between looks at the store and the clock
    #[arg(long, value_name = "MS", default_value_t = 1000, hide = true,
          value_parser = clap::value_parser!(u64).range(10..=60_000))]
    pub sync_interval: u64,
    /// Milliseconds a Redis command may take
    #[arg(long, value_name = "MS", default_value_t = 1000, hide = true,
          value_parser = clap::value_parser!(u64).range(10..=60_000))]
    pub store_timeout: u64,
}

#[derive(Debug, Args)]
pub struct TokenServeArgs {
    /// Address to listen on
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8082")]
    pub listen: String,
    /// Key every client must send as Authorization: Bearer (required off loopback)
    #[arg(long, env = "WXDEV_SERVICE_KEY", hide_env_values = true, value_name = "KEY")]
    pub auth_key: Option<String>,
    #[command(flatten)]
    pub service: TokenServiceArgs,
    #[command(flatten)]
    pub limits: ListenLimitArgs,
}

#[derive(Debug, Args)]
#[command(after_help = "Forwards /cgi-bin/* to --upstream with the account's current access_token (added, or \
replacing the one given) and /sns/* unchanged; anything else answers 404. On errcode 40001 or 42001 the token \
is reported stale and the request sent once more, when its body was at most 1 MiB (larger bodies are streamed, \
not retried). Tokens come from --token-from (a running `wxdev token serve`) or, with --store or the file cache, \
from a token service inside the proxy. One log line per call on stdout.

Exit codes: 2 for unusable settings (a bad --listen or --upstream, no token source, a non-loopback --listen \
without --auth-key).")]
pub struct ProxyArgs {
    /// Address to listen on
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8083")]
    pub listen: String,
    /// The API base requests are forwarded to [default: --api-base, else https://api.weixin.qq.com]
    #[arg(long, value_name = "URL")]
    pub upstream: Option<String>,
    /// Get tokens from a running `wxdev token serve` at this URL (sent the --auth-key)
    #[arg(long, value_name = "URL", conflicts_with_all = ["store", "apps"])]
    pub token_from: Option<String>,
    /// Path prefix business servers may call (e.g. /cgi-bin/message/); repeatable [default: all]
    #[arg(long, value_name = "PREFIX")]
    pub allow: Vec<String>,
    /// Key every client must send as Authorization: Bearer (required off loopback); also sent to --token-from
    #[arg(long, env = "WXDEV_SERVICE_KEY", hide_env_values = true, value_name = "KEY")]
    pub auth_key: Option<String>,
    #[command(flatten)]
    pub service: TokenServiceArgs,
    #[command(flatten)]
    pub limits: ListenLimitArgs,
}

#[derive(Debug, Subcommand)]
pub enum MediaCommand {
    /// Upload a temporary media file (kept 3 days) and print its media_id
    Upload(MediaUploadArgs),
    /// Download a temporary media file by its media_id
    Get(MediaGetArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MediaType {
    Image,
    Voice,
    Video,
    Thumb,
}

/// The access_token of the commands that call WeChat's APIs (media, menu, api).
#[derive(Debug, Args, Clone)]
pub struct MediaTokenArgs {
    /// Use this access_token instead of the cached or fetched one
    #[arg(long, env = "WXDEV_ACCESS_TOKEN", hide_env_values = true, value_name = "TOKEN")]
    pub access_token: Option<String>,
    #[command(flatten)]
    pub source: TokenSourceArgs,
}

#[derive(Debug, Args)]
pub struct MediaUploadArgs {
    /// The file: image (PNG, JPEG, GIF), voice (AMR, MP3), video (MP4) or thumb (JPG)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Media type [default: what the file's content shows; thumb only when asked]
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub kind: Option<MediaType>,
    #[command(flatten)]
    pub token: MediaTokenArgs,
}

#[derive(Debug, Args)]
pub struct MediaGetArgs {
    #[arg(value_name = "MEDIA_ID")]
    pub media_id: String,
    /// Where to write it: a file, a directory (keeping WeChat's name), or - for stdout [default: WeChat's name]
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace an existing file
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub token: MediaTokenArgs,
}

#[derive(Debug, Subcommand)]
pub enum MenuCommand {
    /// Show the menu as a tree (--json: the API's JSON)
    Get(MenuGetArgs),
    /// Check a menu file against WeChat's rules, then create the menu from it
    #[command(after_help = "FILE holds {\"button\":[…]} as menu/create takes it, or {\"menu\":{\"button\":[…]}} as \
`wxdev menu get --json` prints it. Every rule WeChat checks is checked first, with no request made: each broken \
rule is listed with its place (button[2].sub_button[0].name), the rule, what was found and the errcode WeChat \
would answer, and wxdev exits 2.")]
    Create(MenuCreateArgs),
    /// Delete the menu (WeChat removes personalised menus with it)
    Delete(MenuDeleteArgs),
}

#[derive(Debug, Args)]
pub struct MenuGetArgs {
    #[command(flatten)]
    pub token: MediaTokenArgs,
}

#[derive(Debug, Args)]
pub struct MenuCreateArgs {
    /// The menu JSON; - reads stdin
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[command(flatten)]
    pub token: MediaTokenArgs,
}

#[derive(Debug, Args)]
pub struct MenuDeleteArgs {
    #[command(flatten)]
    pub token: MediaTokenArgs,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "wxdev api [OPTIONS] [METHOD] <PATH>",
    after_help = "The access_token is added to the query: --access-token, else the cached or fetched one, as \
`wxdev token` gets it; on errcode 40001, 40014 or 42001 a fresh token is fetched and the call made once more. \
PATH is relative to the API base (--api-base) or a full URL on it; the token is never sent to another host.

Body: -f/--raw-field KEY=VALUE (a string), -F/--field KEY=VALUE (true, false, null and whole numbers typed), \
KEY[SUB]=V nests objects, KEY[]=V appends to an array; or --input FILE (- for stdin) with JSON sent as it is. \
The body goes out as UTF-8 JSON (Chinese unescaped) with Content-Type: application/json; charset=utf-8, and \
the method defaults to POST.

Output: JSON pretty-printed and coloured on a terminal, compact when piped; a file (an image, a permanent \
material) needs -o FILE on a terminal, and goes to stdout when piped. Exit 1 when WeChat answers an errcode \
or an HTTP error, 2 on wrong usage.

Examples:
  wxdev api /cgi-bin/user/info -q openid=o6_bmjrPTlm6_2sgVt7hMZOPfL2M -q lang=zh_CN
  wxdev api POST /cgi-bin/message/custom/send -f touser=OPENID -f msgtype=text -f 'text[content]=你好'
  wxdev api /cgi-bin/qrcode/create -F expire_seconds=604800 -f action_name=QR_SCENE -F 'action_info[scene][scene_id]=123'
  wxdev api /cgi-bin/material/get_material -f media_id=MEDIA_ID -o cover.jpg
  wxdev api POST /cgi-bin/menu/create --input menu.json"
)]
pub struct ApiArgs {
    /// The HTTP method (GET, POST, …); with one argument only, that argument is the PATH
    #[arg(value_name = "METHOD")]
    pub first: String,
    /// The API path (/cgi-bin/user/info, with or without its leading slash) or a full URL on the API base
    #[arg(value_name = "PATH")]
    pub second: Option<String>,
    /// The HTTP method [default: GET, or POST when a body is given]
    #[arg(short = 'X', long, value_name = "METHOD")]
    pub method: Option<String>,
    /// Add a query parameter (percent-encoded); repeatable
    #[arg(short = 'q', long = "query", value_name = "KEY=VALUE")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub fields: BodyFieldArgs,
    /// Send the JSON in FILE (- for stdin) as the body, as it is
    #[arg(long, value_name = "FILE", conflicts_with_all = [RAW_FIELD_ID, FIELD_ID])]
    pub input: Option<PathBuf>,
    /// Write the answer's body to FILE (via a temporary file, renamed into place)
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace an existing -o FILE
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Print the HTTP status line and headers on stderr
    #[arg(short = 'i', long)]
    pub include: bool,
    #[command(flatten)]
    pub token: MediaTokenArgs,
}

const RAW_FIELD_ID: &str = "raw_field";
const FIELD_ID: &str = "field";

/// One `-f` (string) or `-F` (typed) argument of `wxdev api`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyField {
    pub typed: bool,
    pub text: String,
}

/// `-f` and `-F` together, in the order they were given (the order of the
/// body's keys and of array elements), which two separate lists would lose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyFieldArgs {
    pub fields: Vec<BodyField>,
}

impl clap::FromArgMatches for BodyFieldArgs {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let mut args = BodyFieldArgs::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        let mut indexed = Vec::new();
        for (id, typed) in [(RAW_FIELD_ID, false), (FIELD_ID, true)] {
            let (Some(values), Some(indices)) = (matches.get_many::<String>(id), matches.indices_of(id)) else {
                continue;
            };
            indexed.extend(indices.zip(values).map(|(i, text)| (i, BodyField { typed, text: text.clone() })));
        }
        indexed.sort_by_key(|(i, _)| *i);
        self.fields = indexed.into_iter().map(|(_, field)| field).collect();
        Ok(())
    }
}

impl clap::Args for BodyFieldArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        use clap::{Arg, ArgAction};
        cmd.arg(
            Arg::new(RAW_FIELD_ID)
                .short('f')
                .long("raw-field")
                .value_name("KEY=VALUE")
                .action(ArgAction::Append)
                .help("Add a string to the JSON body; KEY[SUB] nests, KEY[] appends; repeatable"),
        )
        .arg(
            Arg::new(FIELD_ID)
                .short('F')
                .long("field")
                .value_name("KEY=VALUE")
                .action(ArgAction::Append)
                .help("Add a typed value to the JSON body: true, false, null and whole numbers as JSON; repeatable"),
        )
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

#[derive(Debug, Args)]
pub struct MockApiArgs {
    /// Address to listen on
    #[arg(long, value_name = "HOST", default_value = "127.0.0.1")]
    pub host: String,
    /// Port (0 picks a free one)
    #[arg(long, value_name = "PORT", default_value_t = DEFAULT_MOCK_PORT)]
    pub port: u16,
    /// One more AppID and AppSecret to accept; repeatable (--appid and --secret give the first pair)
    #[arg(long = "app", value_name = "APPID:SECRET")]
    pub apps: Vec<String>,
    /// Seconds a token lives (at most a day, the most wxdev's own client accepts)
    #[arg(long, value_name = "SECONDS", default_value_t = 7200, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub token_ttl: u64,
    /// Answer the next API call with this errcode (ERRCODE@PATH: the next call to that API); repeatable, in order
    #[arg(long, value_name = "ERRCODE[@PATH]", allow_hyphen_values = true)]
    pub fail_next: Vec<String>,
    /// A test user for web authorization, shown on the consent page; repeatable [default: three sample users]
    #[arg(long = "user", value_name = "OPENID:NICKNAME")]
    pub users: Vec<String>,
    /// Keep uploaded media in this directory instead of in memory
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Milliseconds to wait before answering token and stable_token calls (a slow WeChat)
    #[arg(long, value_name = "MS", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=600_000))]
    pub token_delay: u64,
    /// Most bytes of media kept in memory (256 MiB by default); beyond it the oldest media are evicted
    #[arg(long, value_name = "BYTES", default_value_t = crate::mock_api::DEFAULT_MAX_MEDIA_BYTES,
          value_parser = clap::value_parser!(u64).range(1..), conflicts_with = "data_dir")]
    pub max_media_bytes: u64,
    #[command(flatten)]
    pub limits: ListenLimitArgs,
}

#[derive(Debug, Args)]
#[command(after_help = "Uses --aes-key and --appid. The msg_signature is checked with --token whenever one is given \
(--msg-signature, or a body's own MsgSignature), over --timestamp and --nonce or the body's TimeStamp and Nonce. \
Prints exactly the plaintext; exit 1 when a check fails, 2 when the input cannot be used.")]
pub struct DecryptArgs {
    /// A captured body (XML with <Encrypt>) or a bare Encrypt value; - or nothing reads stdin
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// The request's timestamp, for checking msg_signature
    #[arg(long, value_name = "SECONDS")]
    pub timestamp: Option<String>,
    /// The request's nonce, for checking msg_signature
    #[arg(long, value_name = "NONCE")]
    pub nonce: Option<String>,
    /// The request's msg_signature, checked with --token
    #[arg(long, value_name = "HEX")]
    pub msg_signature: Option<String>,
}

#[derive(Debug, Args)]
#[command(after_help = "Uses --aes-key and --appid. With --token the reply carries its MsgSignature; without one \
MsgSignature is left out and a warning says so on stderr. One trailing newline of the input is dropped, so \
`wxdev decrypt | wxdev encrypt` round-trips.")]
pub struct EncryptArgs {
    /// The plaintext message (usually XML); - or nothing reads stdin
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// TimeStamp of the reply [default: now]
    #[arg(long, value_name = "SECONDS")]
    pub timestamp: Option<String>,
    /// Nonce of the reply [default: random digits]
    #[arg(long, value_name = "NONCE")]
    pub nonce: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Subcommand)]
pub enum JssdkCommand {
    /// Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON
    #[command(after_help = "Without --ticket the jsapi_ticket comes from /cgi-bin/ticket/getticket?type=jsapi \
(with the cached access_token), cached like the token: one refresh at a time across processes. A #fragment in \
URL is not signed (a warning says so).")]
    Sign(JssdkSignArgs),
    /// Does a wx.config signature match? If not, name the usual mistake that reproduces it
    #[command(after_help = "Tries: the #fragment left in, the URL percent-encoded or decoded, http vs https, a \
trailing slash, the port, an older ticket the cache knows, nonceStr spelled in string1, the access_token in \
place of the ticket. Exit 0 on a match, 1 otherwise.")]
    Check(JssdkCheckArgs),
}

#[derive(Debug, Args)]
pub struct JssdkSignArgs {
    /// The page's full URL (location.href), with http(s):// and the query
    #[arg(value_name = "URL")]
    pub url: String,
    /// The nonceStr to sign [default: 16 random letters and digits]
    #[arg(long, value_name = "NONCE")]
    pub noncestr: Option<String>,
    /// The timestamp to sign, in Unix seconds [default: now]
    #[arg(long, value_name = "SECONDS")]
    pub timestamp: Option<String>,
    /// Sign with this jsapi_ticket instead of the cached or fetched one
    #[arg(long, env = "WXDEV_JSAPI_TICKET", hide_env_values = true, value_name = "TICKET", conflicts_with = "from")]
    pub ticket: Option<String>,
    /// Show string1 (what is hashed) on stderr
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub source: TokenSourceArgs,
    #[command(flatten)]
    pub shared: SharedSourceArgs,
}

#[derive(Debug, Args)]
pub struct JssdkCheckArgs {
    /// The page's URL as the browser had it (location.href)
    #[arg(long, value_name = "URL")]
    pub url: String,
    /// The signature given to wx.config
    #[arg(long, value_name = "HEX")]
    pub signature: String,
    /// The timestamp given to wx.config
    #[arg(long, value_name = "SECONDS")]
    pub timestamp: String,
    /// The nonceStr given to wx.config
    #[arg(long, value_name = "NONCE")]
    pub noncestr: String,
    /// The jsapi_ticket it should have been signed with [default: the cached or fetched one]
    #[arg(long, env = "WXDEV_JSAPI_TICKET", hide_env_values = true, value_name = "TICKET", conflicts_with = "from")]
    pub ticket: Option<String>,
    #[command(flatten)]
    pub source: TokenSourceArgs,
    #[command(flatten)]
    pub shared: SharedSourceArgs,
}

#[derive(Debug, Subcommand)]
pub enum OauthCommand {
    /// Print the authorize link (parameters in WeChat's order), after checking it as WeChat would
    #[command(after_help = "Checks: state (a-z, A-Z, 0-9, at most 128 bytes), the redirect_uri (http(s), no \
#fragment) and its host against --oauth-domain by WeChat's rule (the same host exactly: no subdomain, no parent, \
no port), which would otherwise give 10003. With --open-base on this machine (mock-api), loopback hosts pass on \
any port, as mock-api lets them. Exit 1 when WeChat would refuse the link, 2 for unusable input.")]
    Url(OauthUrlArgs),
    /// Exchange a callback's code for the web access_token and OpenID (/sns/oauth2/access_token)
    Exchange(OauthExchangeArgs),
    /// Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)
    Refresh(OauthRefreshArgs),
    /// Show a user's profile (/sns/userinfo; needs a snsapi_userinfo token)
    Userinfo(OauthUserinfoArgs),
    /// Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)
    Check(OauthCheckArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OauthScope {
    /// snsapi_base: silent, the OpenID only
    Base,
    /// snsapi_userinfo: a consent page, then the profile
    Userinfo,
}

/// The languages /sns/userinfo answers in.
pub const OAUTH_LANGS: [&str; 3] = ["zh_CN", "zh_TW", "en"];

#[derive(Debug, Args)]
pub struct OauthUrlArgs {
    /// Where WeChat sends the browser back with ?code=…&state=…
    #[arg(long, value_name = "URI")]
    pub redirect_uri: String,
    /// What to ask for
    #[arg(long, value_enum, value_name = "SCOPE", default_value_t = OauthScope::Base)]
    pub scope: OauthScope,
    /// The state to get back (a-z, A-Z, 0-9) [default: 16 random letters and digits]
    #[arg(long, value_name = "STATE")]
    pub state: Option<String>,
    /// Add forcePopup=true: show the consent page even where it would be skipped
    #[arg(long)]
    pub force_popup: bool,
    /// Where the authorize page is served (point it at mock-api to test on this machine)
    #[arg(long, env = "WXDEV_OPEN_BASE", value_name = "URL", default_value = crate::wechat::oauth::DEFAULT_OPEN_BASE)]
    pub open_base: String,
}

#[derive(Debug, Args)]
pub struct OauthExchangeArgs {
    /// The code from the callback's query (single use, 5 minutes)
    #[arg(value_name = "CODE")]
    pub code: String,
    /// Also fetch the user's profile (/sns/userinfo)
    #[arg(long)]
    pub userinfo: bool,
    /// The profile's language
    #[arg(long, value_name = "LANG", default_value = "zh_CN", value_parser = OAUTH_LANGS)]
    pub lang: String,
    /// Print the access_token and refresh_token too (--json always has them)
    #[arg(long)]
    pub print_token: bool,
}

#[derive(Debug, Args)]
pub struct OauthRefreshArgs {
    /// The refresh_token of an earlier exchange (lives 30 days)
    #[arg(value_name = "REFRESH_TOKEN")]
    pub refresh_token: String,
    /// Print the new access_token and the refresh_token (--json always has them)
    #[arg(long)]
    pub print_token: bool,
}

/// A web access_token and the OpenID it belongs to.
#[derive(Debug, Args)]
pub struct WebTokenArgs {
    /// The web access_token (not the account's access_token)
    #[arg(long, env = "WXDEV_WEB_ACCESS_TOKEN", hide_env_values = true, value_name = "TOKEN")]
    pub access_token: String,
    /// The OpenID the token was issued for
    #[arg(long, value_name = "OPENID")]
    pub openid: String,
}

#[derive(Debug, Args)]
pub struct OauthUserinfoArgs {
    #[command(flatten)]
    pub token: WebTokenArgs,
    /// The profile's language
    #[arg(long, value_name = "LANG", default_value = "zh_CN", value_parser = OAUTH_LANGS)]
    pub lang: String,
}

#[derive(Debug, Args)]
pub struct OauthCheckArgs {
    #[command(flatten)]
    pub token: WebTokenArgs,
}

fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 3600.0 => Ok(v),
        _ => Err(format!("{s:?} is not a number of seconds between 0 and 3600")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn simulate_options_go_anywhere() {
        let cli = Cli::try_parse_from([
            "wxdev",
            "simulate",
            "event",
            "click",
            "--key",
            "K",
            "--url",
            "http://x/",
            "--json",
            "--timeout",
            "0.5",
        ])
        .unwrap();
        assert!(cli.global.json);
        assert_eq!(cli.global.url.as_deref(), Some("http://x/"));
        let Command::Simulate(args) = cli.command else { panic!() };
        assert_eq!(args.options.timeout, 0.5);
        let cli = Cli::try_parse_from(["wxdev", "simulate", "--event-mix", "--count", "5"]).unwrap();
        let Command::Simulate(args) = cli.command else { panic!() };
        assert!(args.kind.is_none() && args.load.event_mix && args.load.count == Some(5));
        let cli = Cli::try_parse_from(["wxdev", "--json", "simulate", "--to", "gh_x", "text", "hi"]).unwrap();
        let Command::Simulate(args) = cli.command else { panic!() };
        assert_eq!(args.options.to, "gh_x");
    }

    #[test]
    fn negative_coordinates_parse() {
        let cli = Cli::try_parse_from(["wxdev", "simulate", "location", "--lat", "-33.86", "--lng", "151.2"]).unwrap();
        let Command::Simulate(SimulateArgs { kind: Some(SimulateKind::Location { lat, .. }), .. }) = cli.command else {
            panic!()
        };
        assert_eq!(lat, "-33.86");
    }

    #[test]
    fn media_is_nested_and_type_is_checked() {
        let cli = Cli::try_parse_from(["wxdev", "media", "upload", "a.jpg", "--type", "thumb", "--json"]).unwrap();
        let Command::Media(MediaCommand::Upload(args)) = cli.command else { panic!() };
        assert_eq!(args.kind, Some(MediaType::Thumb));
        assert!(Cli::try_parse_from(["wxdev", "media", "upload", "a.jpg", "--type", "gif"]).is_err());
        let cli = Cli::try_parse_from(["wxdev", "mock-api", "--fail-next", "-1", "--fail-next", "45009"]).unwrap();
        let Command::MockApi(args) = cli.command else { panic!() };
        assert_eq!(args.fail_next, ["-1", "45009"]);
    }

    #[test]
    fn api_fields_keep_their_order_and_input_conflicts() {
        let cli = Cli::try_parse_from([
            "wxdev",
            "api",
            "POST",
            "/cgi-bin/x",
            "-F",
            "a=1",
            "-f",
            "b=2",
            "--raw-field",
            "c=3",
            "--field",
            "d=4",
        ])
        .unwrap();
        let Command::Api(args) = cli.command else { panic!() };
        assert_eq!((args.first.as_str(), args.second.as_deref()), ("POST", Some("/cgi-bin/x")));
        let got: Vec<(bool, &str)> = args.fields.fields.iter().map(|f| (f.typed, f.text.as_str())).collect();
        assert_eq!(got, [(true, "a=1"), (false, "b=2"), (false, "c=3"), (true, "d=4")]);
        let err = Cli::try_parse_from(["wxdev", "api", "/x", "-f", "a=1", "--input", "-"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(Cli::try_parse_from(["wxdev", "api", "/x", "--force"]).is_err(), "--force needs -o");
        let cli = Cli::try_parse_from(["wxdev", "api", "/x", "-q", "a=b", "-q", "c=d", "-X", "get", "-i"]).unwrap();
        let Command::Api(args) = cli.command else { panic!() };
        assert_eq!(args.query, ["a=b", "c=d"]);
        assert!(args.include && args.fields.fields.is_empty() && args.second.is_none());
    }

    #[test]
    fn wechat_event_spellings_are_aliases() {
        assert!(Cli::try_parse_from(["wxdev", "simulate", "event", "CLICK", "--key", "k"]).is_ok());
        assert!(Cli::try_parse_from(["wxdev", "simulate", "event", "scan"]).is_err(), "--key is required");
    }
}
