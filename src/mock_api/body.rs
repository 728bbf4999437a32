//! A request's body, read only by the route that wants it, within that route's
//! limit, and only once the route has checked what the headers allow it to
//! (method, token, types, declared length). A declared Content-Length above
//! the limit is refused before a byte of the body is read.
//!
//! An answer given without the body (an early errcode) must still reach a
//! client that is busy sending an upload: if the connection closed under it,
//! it would see a broken pipe instead of the errcode. So what is left of a
//! body of a plausible size is read and thrown away after the answer, never
//! kept; a larger one is not waited for and the connection is closed.

use crate::http::server::{read_body_within, Body, BodyError, Limits};
use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::{Body as _, Incoming};
use hyper::Response;
use std::time::Duration;

/// Largest body any route takes: an upload (the largest type takes 10 MB),
/// with room for the multipart framing. Also the most that is read and
/// discarded after an early answer.
pub const MAX_UPLOAD_BODY: usize = 12 * 1024 * 1024;

/// Largest JSON body (stable_token, fail-next): theirs are a few hundred bytes.
pub const MAX_JSON_BODY: usize = 64 * 1024;

/// How long what is left of a body is waited for after an early answer: a
/// 12 MB upload on a slow uplink, not a client that stopped sending.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

pub struct RequestBody {
    incoming: Option<Incoming>,
    declared: Option<u64>,
    /// `Expect: 100-continue`: the client waits before sending, so an early
    /// answer needs nothing thrown away (and the body must not be asked for).
    expects_continue: bool,
    /// How long the body may take to arrive.
    timeout: std::time::Duration,
    /// The body as read, for the record of the call (a cheap shared handle).
    taken: Option<Bytes>,
}

impl RequestBody {
    pub fn new(head: &hyper::http::request::Parts, incoming: Incoming) -> RequestBody {
        let declared = head
            .headers
            .get(hyper::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let expects_continue = head
            .headers
            .get(hyper::header::EXPECT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("100-continue"));
        RequestBody {
            incoming: Some(incoming),
            declared,
            expects_continue,
            timeout: Limits::default().body_timeout,
            taken: None,
        }
    }

    /// The same body, read within `timeout`.
    pub fn within(mut self, timeout: std::time::Duration) -> RequestBody {
        self.timeout = timeout;
        self
    }

    /// Whether the declared Content-Length is above `limit` (then refuse unread).
    pub fn declared_over(&self, limit: usize) -> bool {
        self.declared.is_some_and(|len| len > limit as u64)
    }

    /// The whole body when it is at most `limit` bytes.
    pub async fn read(&mut self, limit: usize) -> Result<Bytes, BodyError> {
        if self.declared_over(limit) {
            return Err(BodyError::TooLarge);
        }
        let read = match self.incoming.take() {
            Some(incoming) => read_body_within(incoming, limit, self.timeout).await,
            None => Err(BodyError::Broken),
        };
        if let Ok(bytes) = &read {
            self.taken = Some(bytes.clone());
        }
        read
    }

    /// The body, if a route read it whole.
    pub fn taken(&self) -> Option<&Bytes> {
        self.taken.as_ref()
    }

    /// After the answer: throws away what is left of a body of a plausible
    /// size, in the background; closes the connection after a larger one.
    pub fn settle(self, response: &mut Response<Body>) {
        let too_large = self.declared_over(MAX_UPLOAD_BODY);
        let Some(incoming) = self.incoming else { return };
        if incoming.is_end_stream() || self.expects_continue {
            return;
        }
        if too_large {
            response.headers_mut().insert(hyper::header::CONNECTION, hyper::header::HeaderValue::from_static("close"));
            return;
        }
        tokio::spawn(discard(incoming, MAX_UPLOAD_BODY));
    }
}

/// Reads and drops up to `limit` bytes of a body (until it ends, fails, or time runs out).
async fn discard(mut incoming: Incoming, limit: usize) {
    let _ = tokio::time::timeout(DRAIN_TIMEOUT, async {
        let mut seen = 0usize;
        while let Some(Ok(frame)) = incoming.frame().await {
            seen += frame.data_ref().map_or(0, Bytes::len);
            if seen > limit {
                return;
            }
        }
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::server::{respond, TEXT_PLAIN};
    use hyper::StatusCode;
    use std::io::{Read, Write};

    /// Serves one connection at a time on a loopback port: bodies up to 16
    /// bytes are read and echoed; larger declared ones are refused unread.
    fn server() -> std::net::SocketAddr {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        listener.set_nonblocking(true).unwrap();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                loop {
                    let (stream, _) = listener.accept().await.unwrap();
                    let service = hyper::service::service_fn(|req: hyper::Request<Incoming>| async move {
                        let (head, incoming) = req.into_parts();
                        let mut body = RequestBody::new(&head, incoming);
                        let text = if body.declared_over(16) {
                            "refused unread".to_owned()
                        } else {
                            match body.read(16).await {
                                Ok(bytes) => format!("read {}", String::from_utf8_lossy(&bytes)),
                                Err(e) => format!("{e:?}"),
                            }
                        };
                        let mut response = respond(StatusCode::OK, TEXT_PLAIN, text);
                        body.settle(&mut response);
                        Ok::<_, std::convert::Infallible>(response)
                    });
                    let connection = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                    tokio::spawn(connection);
                }
            });
        });
        addr
    }

    /// Reads one answer (its head and its Content-Length of body).
    fn answer(stream: &mut std::net::TcpStream) -> String {
        let mut raw = Vec::new();
        let mut byte = [0u8; 1];
        while !raw.ends_with(b"\r\n\r\n") {
            assert_eq!(stream.read(&mut byte).unwrap(), 1, "connection closed: {}", String::from_utf8_lossy(&raw));
            raw.push(byte[0]);
        }
        let head = String::from_utf8(raw).unwrap();
        let len: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length: "))
            .map(|v| v.trim().parse().unwrap())
            .unwrap_or(0);
        let mut body = vec![0u8; len];
        stream.read_exact(&mut body).unwrap();
        format!("{head}{}", String::from_utf8(body).unwrap())
    }

    fn connect(addr: std::net::SocketAddr) -> std::net::TcpStream {
        let stream = std::net::TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        stream
    }

    #[test]
    fn bodies_within_the_limit_are_read() {
        let mut stream = connect(server());
        stream.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").unwrap();
        assert!(answer(&mut stream).ends_with("read hello"));
        stream.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n").unwrap();
        stream.write_all(&[b'x'; 32]).unwrap();
        stream.write_all(b"\r\n0\r\n\r\n").unwrap();
        assert!(answer(&mut stream).ends_with("TooLarge"), "a chunked body over the limit");
    }

    #[test]
    fn an_early_answer_comes_before_the_body_and_the_rest_is_thrown_away() {
        let mut stream = connect(server());
        stream.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n").unwrap();
        let first = answer(&mut stream);
        assert!(first.ends_with("refused unread") && !first.contains("connection: close"), "{first}");
        // The client goes on sending its body, meets no broken pipe, and the connection stays usable.
        stream.write_all(&[b'x'; 100_000]).unwrap();
        stream.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok").unwrap();
        assert!(answer(&mut stream).ends_with("read ok"));
    }

    #[test]
    fn a_body_too_large_to_take_is_not_waited_for() {
        let mut stream = connect(server());
        stream.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n").unwrap();
        let first = answer(&mut stream);
        assert!(first.ends_with("refused unread") && first.contains("connection: close"), "{first}");
        let mut rest = Vec::new();
        assert_eq!(stream.read_to_end(&mut rest).unwrap_or(0), 0, "closed after the answer");
    }
}
