//! The HTTP client transport: one way to build a client, and failures named
//! in terms a developer can act on.

use std::time::Duration;

/// The User-Agent wxdev sends.
pub const USER_AGENT: &str = concat!("wxdev/", env!("CARGO_PKG_VERSION"));

/// A client that never follows redirects (WeChat does not) and keeps connections alive.
///
/// Building fails only when the TLS backend cannot start; falling back to a
/// default client then would silently follow redirects and drop the timeouts,
/// so the error is returned instead.
pub fn client(connect_timeout: Duration) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(connect_timeout)
        .pool_max_idle_per_host(1024)
        .build()
}

/// Why a request got no HTTP answer, in terms a developer can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportFailure {
    Refused,
    Dns,
    Timeout,
    Tls,
    Reset,
    Other(String),
}

impl TransportFailure {
    pub fn classify(err: &reqwest::Error) -> Self {
        if err.is_timeout() {
            return TransportFailure::Timeout;
        }
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
        let mut text = String::new();
        while let Some(cause) = source {
            if let Some(io) = cause.downcast_ref::<std::io::Error>() {
                match io.kind() {
                    std::io::ErrorKind::ConnectionRefused => return TransportFailure::Refused,
                    std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted => {
                        return TransportFailure::Reset
                    }
                    std::io::ErrorKind::TimedOut => return TransportFailure::Timeout,
                    _ => {}
                }
            }
            text.push_str(&cause.to_string().to_ascii_lowercase());
            text.push(' ');
            source = cause.source();
        }
        if text.contains("dns error") || text.contains("failed to lookup") || text.contains("name or service not known")
        {
            TransportFailure::Dns
        } else if text.contains("certificate") || text.contains("tls") || text.contains("handshake") {
            TransportFailure::Tls
        } else if text.contains("connection closed") || text.contains("incomplete message") || text.contains("reset") {
            TransportFailure::Reset
        } else {
            TransportFailure::Other(last_cause(err))
        }
    }

    /// One sentence naming the failure for this URL.
    pub fn describe(&self, url: &url::Url) -> String {
        let host = url.host_str().unwrap_or("?");
        let port = url.port_or_known_default().unwrap_or(0);
        match self {
            TransportFailure::Refused => format!("connection refused by {host}:{port}: nothing is listening there"),
            TransportFailure::Dns => format!("cannot resolve host {host:?} (DNS)"),
            TransportFailure::Timeout => "no answer in time".to_owned(),
            TransportFailure::Tls => {
                format!("TLS handshake with {host}:{port} failed (certificate or http/https mix-up?)")
            }
            TransportFailure::Reset => format!("{host}:{port} closed the connection without an HTTP answer"),
            TransportFailure::Other(reason) => format!("request to {host}:{port} failed: {reason}"),
        }
    }

    pub fn hint(&self) -> Option<&'static str> {
        match self {
            TransportFailure::Refused => {
                Some("is the server running, on this port? (wxdev serve listens on 127.0.0.1:8080 by default)")
            }
            TransportFailure::Dns => Some("check the host name; a tunnel URL changes each time some tunnels restart"),
            TransportFailure::Tls => Some("use http:// for a plain server, https:// only where TLS is served"),
            _ => None,
        }
    }
}

/// The innermost cause's message: reqwest's own top line only says "error sending request".
fn last_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut current = err;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}
