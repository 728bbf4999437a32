//! A small HTTP/1.1 server loop on hyper, shared by everything that listens:
//! bind with typed errors, serve a handler on every connection within
//! [`Limits`] (header, body, write and keep-alive timeouts, a connection cap,
//! a memory budget for request bodies), stop cleanly when asked.
//!
//! Every listener faces the open network (WeChat calls through a tunnel), so
//! each resource a remote party can hold has a bound here: a slow or idle
//! client is cut off, and beyond the connection cap new connections wait in
//! the kernel's backlog instead of disturbing those being served.

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Body as _, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use thiserror::Error;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub type Body = Full<Bytes>;

/// How long in-flight requests may finish after shutdown is asked for.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(2);

/// The bounds every listening connection is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A connection on which no request begins for this long (an idle
    /// keep-alive connection, or a client still sending one request's
    /// header) is closed, between one and two periods after its last request.
    pub header_timeout: Duration,
    /// Reading one request body, start to end.
    pub body_timeout: Duration,
    /// A response write that makes no progress for this long ends the
    /// connection (a client that stopped reading).
    pub write_timeout: Duration,
    /// Connections served at once; further ones wait to be accepted.
    pub max_connections: usize,
}

impl Default for Limits {
    /// In line with hyper's and nginx's defaults (header 30 s / 60 s, keep-alive 75 s),
    /// tightened because WeChat itself gives up on an answer after 5 s.
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(20),
            body_timeout: Duration::from_secs(30),
            write_timeout: Duration::from_secs(30),
            max_connections: DEFAULT_MAX_CONNECTIONS,
        }
    }
}

/// Room for a thousand slow clients and then some; each connection costs a
/// file descriptor and at most [`MAX_HEADER_BUFFER`] of header buffer.
pub const DEFAULT_MAX_CONNECTIONS: usize = 4096;

/// hyper's read buffer per connection, which bounds a request's header block:
/// WeChat's requests carry a few hundred bytes of headers.
const MAX_HEADER_BUFFER: usize = 64 * 1024;

/// Request bodies being read at once share this many bytes, whatever the
/// number of connections: 64 concurrent 1 MiB bodies, or thousands of
/// WeChat-sized ones. A body waits for room until its body timeout.
const BODY_BUDGET_BYTES: usize = 64 * 1024 * 1024;
/// The budget is counted in units of this size (a semaphore has a permit limit).
const BODY_BUDGET_UNIT: usize = 1024;
static BODY_BUDGET: Semaphore = Semaphore::const_new(BODY_BUDGET_BYTES / BODY_BUDGET_UNIT);

/// Why an address could not be listened on.
#[derive(Debug, Error)]
pub enum BindError {
    #[error("cannot listen on {addr}: the address is already in use")]
    InUse { addr: String },
    #[error("cannot listen on {addr}: permission denied (ports below 1024 are privileged)")]
    Privileged { addr: String },
    #[error("cannot listen on {addr}: no such local address")]
    NoSuchAddress { addr: String },
    #[error("cannot listen on {addr}: {reason}")]
    Other { addr: String, reason: String },
}

impl BindError {
    /// What to do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            BindError::InUse { .. } => {
                "another program (another wxdev serve?) holds this port: choose another with --port, \
                 or --port 0 for any free port"
            }
            BindError::Privileged { .. } => {
                "listen on a high port (--port 8080) behind nginx or a tunnel (natapp, ngrok) that forwards port 80, \
                 or grant the capability: sudo setcap cap_net_bind_service=+ep \"$(command -v wxdev)\""
            }
            BindError::NoSuchAddress { .. } => "use 127.0.0.1 for this machine only, or 0.0.0.0 for every interface",
            BindError::Other { .. } => "check --host (an address or name of this machine) and --port",
        }
    }
}

/// Binds host:port, naming the usual failures.
pub async fn bind(host: &str, port: u16) -> Result<TcpListener, BindError> {
    let addr = if host.contains(':') { format!("[{host}]:{port}") } else { format!("{host}:{port}") };
    TcpListener::bind((host, port)).await.map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => BindError::InUse { addr },
        std::io::ErrorKind::PermissionDenied => BindError::Privileged { addr },
        std::io::ErrorKind::AddrNotAvailable => BindError::NoSuchAddress { addr },
        _ => BindError::Other { addr, reason: crate::client::io_reason(&e) },
    })
}

/// A printable base URL for a bound address.
pub fn base_url(addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(v4) => format!("http://{}:{}", v4.ip(), v4.port()),
        SocketAddr::V6(v6) => format!("http://[{}]:{}", v6.ip(), v6.port()),
    }
}

/// Raises this process's soft limit on open files to its hard limit (many
/// systems start at 1024), so that the connection cap, not the descriptor
/// limit, decides. Returns the soft limit in force afterwards.
pub fn raise_open_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: getrlimit and setrlimit only read and write the struct passed.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return None;
            }
            if limit.rlim_cur < limit.rlim_max {
                let raised = libc::rlimit { rlim_cur: limit.rlim_max, rlim_max: limit.rlim_max };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    limit = raised;
                }
            }
        }
        #[allow(clippy::unnecessary_cast)] // rlim_t is u64 on Linux, not everywhere
        Some(limit.rlim_cur as u64)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// [`serve_with`] under the default [`Limits`].
pub async fn serve<H, Fut>(listener: TcpListener, handler: H, shutdown: impl Future<Output = ()>)
where
    H: Fn(Request<Incoming>) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Response<Body>> + Send + 'static,
{
    serve_with(listener, Limits::default(), handler, shutdown).await
}

/// Serves `handler` on every accepted connection until `shutdown` completes,
/// then lets in-flight requests finish (for up to two seconds).
pub async fn serve_with<H, Fut>(listener: TcpListener, limits: Limits, handler: H, shutdown: impl Future<Output = ()>)
where
    H: Fn(Request<Incoming>) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Response<Body>> + Send + 'static,
{
    let answering = move |req| {
        let response = handler(req);
        async move { Ok(response.await) }
    };
    serve_or_hang_up(listener, limits, answering, shutdown).await
}

/// A handler's choice to close the connection without any answer (a proxy
/// whose upstream did the same).
#[derive(Debug, Error)]
#[error("hung up without an answer")]
pub struct HangUp;

/// [`serve_with`] for a handler that may hang up instead of answering: the
/// client then sees its connection closed, no status line at all.
///
/// The response body may be any body (a proxy streams its upstream's).
pub async fn serve_or_hang_up<H, Fut, B>(
    listener: TcpListener,
    limits: Limits,
    handler: H,
    shutdown: impl Future<Output = ()>,
) where
    H: Fn(Request<Incoming>) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<Response<B>, HangUp>> + Send + 'static,
    B: hyper::body::Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut builder = http1::Builder::new();
    // The header and keep-alive timeout is kept by a watchdog per connection
    // (see `Activity`) rather than by hyper's per-request timer: re-arming a
    // timer for every request costs more than the rest of the plumbing.
    builder.header_read_timeout(None).max_buf_size(MAX_HEADER_BUFFER);
    tokio::pin!(shutdown);
    loop {
        // At the cap, stop accepting: new connections wait in the backlog.
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            _ = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: back off instead of spinning.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let handler = handler.clone();
        let activity = Arc::new(Activity::default());
        let counted = activity.clone();
        let service = service_fn(move |req| {
            let request = counted.begin();
            let response = handler(req);
            async move {
                let response = response.await;
                drop(request);
                response
            }
        });
        let io = TokioIo::new(WriteDeadline::new(stream, limits.write_timeout));
        let connection = graceful.watch(builder.serve_connection(io, service));
        let header_timeout = limits.header_timeout;
        tokio::spawn(async move {
            tokio::pin!(connection);
            let mut seen = 0;
            loop {
                tokio::select! {
                    _ = &mut connection => break,
                    _ = tokio::time::sleep(header_timeout) => {
                        // No request began in a whole period and none is being
                        // answered: the client is idle, or has been sending one
                        // header for that long. Dropping the connection closes it.
                        let (began, in_flight) = activity.snapshot();
                        if began == seen && in_flight == 0 {
                            break;
                        }
                        seen = began;
                    }
                }
            }
            drop(slot);
        });
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
    /// The client sent the body too slowly (see [`Limits::body_timeout`]).
    TimedOut,
    Broken,
}

/// Whether the declared Content-Length is over `limit`: such a request can be
/// refused before a byte of its body is read.
pub fn declared_too_large(req: &Request<Incoming>, limit: usize) -> bool {
    // hyper has parsed Content-Length already: a body's lower size bound is it.
    req.body().size_hint().lower() > limit as u64
}

/// Reads a request body of at most `limit` bytes within the default body
/// timeout, holding room in the shared body budget while it does.
pub async fn read_body(body: Incoming, limit: usize) -> Result<Bytes, BodyError> {
    read_body_within(body, limit, Limits::default().body_timeout).await
}

/// [`read_body`] with a given timeout.
pub async fn read_body_within(body: Incoming, limit: usize, timeout: Duration) -> Result<Bytes, BodyError> {
    // The exact size when declared, else room for the largest allowed body.
    let expected = body.size_hint().exact().map_or(limit, |n| usize::try_from(n).unwrap_or(usize::MAX));
    if expected > limit {
        return Err(BodyError::TooLarge);
    }
    let units = expected.div_ceil(BODY_BUDGET_UNIT).clamp(1, BODY_BUDGET_BYTES / BODY_BUDGET_UNIT);
    let read = async {
        let _room = BODY_BUDGET.acquire_many(units as u32).await.map_err(|_| BodyError::Broken)?;
        match Limited::new(body, limit).collect().await {
            Ok(collected) => Ok(collected.to_bytes()),
            Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(BodyError::TooLarge),
            Err(_) => Err(BodyError::Broken),
        }
    };
    // Most bodies arrived with their headers: read them without arming a timer.
    let mut read = std::pin::pin!(read);
    if let Poll::Ready(result) = read.as_mut().poll(&mut Context::from_waker(std::task::Waker::noop())) {
        return result;
    }
    tokio::time::timeout(timeout, read).await.unwrap_or(Err(BodyError::TimedOut))
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

/// Requests on one connection: how many began, how many are being answered.
#[derive(Default)]
struct Activity {
    began: AtomicU64,
    in_flight: AtomicU64,
}

impl Activity {
    fn begin(self: &Arc<Self>) -> InFlight {
        self.began.fetch_add(1, Ordering::Relaxed);
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(self.clone())
    }

    fn snapshot(&self) -> (u64, u64) {
        (self.began.load(Ordering::Relaxed), self.in_flight.load(Ordering::Relaxed))
    }
}

/// A request being answered; counted out when dropped, however the answer ends.
struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A stream whose writes fail once one has made no progress for the
/// deadline: a client that stops reading cannot hold a connection forever.
struct WriteDeadline<S> {
    inner: S,
    deadline: Duration,
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> WriteDeadline<S> {
    fn new(inner: S, deadline: Duration) -> Self {
        WriteDeadline { inner, deadline, stalled: None }
    }

    /// Called when a write is pending: starts the clock, or fails once it has run out.
    fn poll_stalled(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Error> {
        let deadline = self.deadline;
        let sleep = self.stalled.get_or_insert_with(|| Box::pin(tokio::time::sleep(deadline)));
        match sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(std::io::Error::new(std::io::ErrorKind::TimedOut, "write stalled")),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WriteDeadline<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteDeadline<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Pending => self.poll_stalled(cx).map(Err),
            ready => {
                self.stalled = None;
                ready
            }
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write_vectored(cx, bufs) {
            Poll::Pending => self.poll_stalled(cx).map(Err),
            ready => {
                self.stalled = None;
                ready
            }
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Pending => self.poll_stalled(cx).map(Err),
            ready => {
                self.stalled = None;
                ready
            }
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
