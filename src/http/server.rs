//! A small HTTP/1.1 server loop on hyper: bind with actionable errors, serve a
//! handler on every connection, stop cleanly when the shutdown future fires.
//! Shared by `serve` and any other command that listens.

use crate::error::CliError;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;

pub type Body = Full<Bytes>;

/// How long in-flight requests may finish after shutdown is asked for.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(2);

/// Binds host:port, turning the usual failures into errors a developer can act on.
pub async fn bind(host: &str, port: u16) -> Result<TcpListener, CliError> {
    let shown = if host.contains(':') { format!("[{host}]:{port}") } else { format!("{host}:{port}") };
    match TcpListener::bind((host, port)).await {
        Ok(listener) => Ok(listener),
        Err(e) => Err(match e.kind() {
            std::io::ErrorKind::AddrInUse => CliError::usage(format!("cannot listen on {shown}: the address is already in use"))
                .hint("another program (another wxdev serve?) holds this port: choose another with --port, or --port 0 for any free port"),
            std::io::ErrorKind::PermissionDenied => {
                CliError::usage(format!("cannot listen on {shown}: permission denied (ports below 1024 are privileged)")).hint(
                    "listen on a high port (--port 8080) behind nginx or a tunnel (natapp, ngrok) that forwards port 80, \
                     or grant the capability: sudo setcap cap_net_bind_service=+ep \"$(command -v wxdev)\"",
                )
            }
            std::io::ErrorKind::AddrNotAvailable => CliError::usage(format!("cannot listen on {shown}: no such local address"))
                .hint("use 127.0.0.1 for this machine only, or 0.0.0.0 for every interface"),
            _ => CliError::usage(format!("cannot listen on {shown}: {}", crate::client::io_reason(&e)))
                .hint("check --host (an address or name of this machine) and --port"),
        }),
    }
}

/// A printable base URL for a bound address.
pub fn base_url(addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(v4) => format!("http://{}:{}", v4.ip(), v4.port()),
        SocketAddr::V6(v6) => format!("http://[{}]:{}", v6.ip(), v6.port()),
    }
}

/// Serves `handler` on every accepted connection until `shutdown` completes,
/// then lets in-flight requests finish (for up to two seconds).
pub async fn serve<H, Fut>(listener: TcpListener, handler: H, shutdown: impl Future<Output = ()>)
where
    H: Fn(Request<Incoming>) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Response<Body>> + Send + 'static,
{
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    // Out of file descriptors and the like: back off instead of spinning.
                    Err(_) => {
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let handler = handler.clone();
                let service = service_fn(move |req| {
                    let response = handler(req);
                    async move { Ok::<_, Infallible>(response.await) }
                });
                let connection = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = connection.await;
                });
            }
            _ = &mut shutdown => break,
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown()).await;
}

/// Resolves on Ctrl-C (SIGINT) or SIGTERM.
pub async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum BodyError {
    TooLarge,
    Broken,
}

/// Reads a request body of at most `limit` bytes.
pub async fn read_body(body: Incoming, limit: usize) -> Result<Bytes, BodyError> {
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(BodyError::TooLarge),
        Err(_) => Err(BodyError::Broken),
    }
}

/// A response with a status, a content type and a body.
pub fn respond(status: StatusCode, content_type: &'static str, body: impl Into<Bytes>) -> Response<Body> {
    let mut response = Response::new(Full::new(body.into()));
    *response.status_mut() = status;
    response.headers_mut().insert(hyper::header::CONTENT_TYPE, hyper::header::HeaderValue::from_static(content_type));
    response
}

pub const TEXT_PLAIN: &str = "text/plain; charset=utf-8";
pub const TEXT_XML: &str = "text/xml; charset=utf-8";
pub const APPLICATION_JSON: &str = "application/json; charset=utf-8";
