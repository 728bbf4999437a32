//! One message delivered and everything about it kept, for callers that show
//! the exchange rather than print it (`wxdev phone`'s inspector): the request
//! as built and as sent, the reply as received and as read, status, time,
//! attempts and the verdict `simulate --json` gives.

use super::{Delivery, Lane, Outcome, Outgoing, Simulator};
use crate::wechat::SERVICE_UNAVAILABLE_NOTICE;
use serde::Serialize;

/// A delivered message with its request and the delivery.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// `plain`, `compat` or `safe`.
    pub mode: &'static str,
    /// The message XML before any encryption.
    pub request_xml: String,
    /// The body that went on the wire (the encrypted envelope in compat and safe mode).
    pub request_body: String,
    /// Path and signed query of the request.
    pub request_target: String,
    pub delivery: Delivery,
}

/// What the user sees on the phone after an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    /// The reply message (accepted, not silent).
    Reply,
    /// Nothing (`success`, an empty body).
    Nothing,
    /// WeChat's "该公众号暂时无法提供服务，请稍后再试".
    ServiceUnavailable,
}

/// The inspector's view of an exchange: the keys of `simulate --json`, plus
/// the request and the decrypted reply.
#[derive(Debug, Clone, Serialize)]
pub struct ExchangeReport {
    pub ok: bool,
    pub outcome: Outcome,
    pub mode: &'static str,
    pub http_status: Option<u16>,
    pub elapsed_ms: u64,
    pub attempts: u32,
    pub reply: Option<serde_json::Value>,
    pub raw: Option<String>,
    pub encrypted_reply: bool,
    pub problems: Vec<String>,
    pub warnings: Vec<String>,
    pub request_target: String,
    pub request_xml: String,
    pub request_body: String,
    /// The reply's XML as read (decrypted when it came encrypted).
    pub reply_xml: Option<String>,
    pub shown: Shown,
    /// The notice the user sees when `shown` is `service_unavailable`.
    pub notice: Option<&'static str>,
}

impl Simulator {
    /// Signs, sends and judges one message as [`Simulator::deliver`] does,
    /// keeping the request as built and as sent.
    pub async fn exchange(&self, message: &Outgoing) -> Exchange {
        let (query, body) = self.wrap(message);
        let request_target = crate::wechat::callback::request_target(self.url(), &query);
        let delivery = self.deliver_wrapped(message, &query, bytes::Bytes::from(body.clone()), &mut Lane::Shared).await;
        Exchange {
            mode: self.wire().name(),
            request_xml: message.body.clone(),
            request_body: body,
            request_target,
            delivery,
        }
    }
}

impl Exchange {
    /// What the phone shows: the reply, nothing, or WeChat's notice. A reply
    /// WeChat rejects and an endpoint that never answers both end in the notice.
    pub fn shown(&self) -> Shown {
        match self.delivery.outcome {
            Outcome::Accepted if self.delivery.judgement.silent || self.delivery.judgement.reply.is_none() => {
                Shown::Nothing
            }
            Outcome::Accepted => Shown::Reply,
            Outcome::Rejected | Outcome::TimedOut | Outcome::Failed => Shown::ServiceUnavailable,
        }
    }

    pub fn report(&self) -> ExchangeReport {
        let d = &self.delivery;
        let shown = self.shown();
        ExchangeReport {
            ok: d.ok(),
            outcome: d.outcome,
            mode: self.mode,
            http_status: d.http_status,
            elapsed_ms: d.elapsed.as_millis().try_into().unwrap_or(u64::MAX),
            attempts: d.attempts,
            reply: d.judgement.reply.as_ref().map(|r| r.to_json()),
            raw: d.raw.clone(),
            encrypted_reply: d.encrypted_reply,
            problems: d.judgement.problems.clone(),
            warnings: d.judgement.warnings.clone(),
            request_target: self.request_target.clone(),
            request_xml: self.request_xml.clone(),
            request_body: self.request_body.clone(),
            reply_xml: d.judgement.reply.as_ref().map(|r| r.render()),
            shown,
            notice: (shown == Shown::ServiceUnavailable).then_some(SERVICE_UNAVAILABLE_NOTICE),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::server::{respond, serve, TEXT_XML};
    use crate::simulator::Wire;
    use crate::wechat::crypto::{AesKey, MsgCrypt};
    use crate::wechat::{Body, Incoming};
    use hyper::StatusCode;
    use std::sync::Arc;
    use std::time::Duration;

    const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    /// A local endpoint answering every request with `answer(request body)`.
    async fn endpoint(answer: fn(&str) -> String) -> url::Url {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(serve(
            listener,
            move |req: hyper::Request<hyper::body::Incoming>| async move {
                let body = crate::http::server::read_body(req.into_body(), 1 << 20).await.unwrap();
                respond(StatusCode::OK, TEXT_XML, answer(&String::from_utf8_lossy(&body)))
            },
            std::future::pending(),
        ));
        url::Url::parse(&format!("http://{addr}/wx")).unwrap()
    }

    fn message() -> Outgoing {
        let incoming = Incoming::new("gh_acc", "o_user_1", 1_700_000_000, Body::Text { content: "你好".into() });
        Outgoing { body: incoming.to_xml(), user: "o_user_1".into(), account: "gh_acc".into(), msg_type: "text".into() }
    }

    fn simulator(url: url::Url, wire: Wire) -> Simulator {
        let deadline = Duration::from_secs(2);
        Simulator::new(crate::client::transport::client(deadline).unwrap(), url, "tok".into(), wire, deadline)
    }

    const TEXT_REPLY: &str =
        "<xml><ToUserName><![CDATA[o_user_1]]></ToUserName><FromUserName><![CDATA[gh_acc]]></FromUserName>\
        <CreateTime>1700000001</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>";

    #[tokio::test]
    async fn an_accepted_reply_is_shown_and_kept_with_its_request() {
        let url = endpoint(|_| TEXT_REPLY.to_owned()).await;
        let exchange = simulator(url, Wire::Plain).exchange(&message()).await;
        let report = exchange.report();
        assert!(report.ok, "{report:?}");
        assert_eq!(report.shown, Shown::Reply);
        assert_eq!(report.request_xml, report.request_body, "plain mode sends the message as it is");
        assert!(report.request_target.starts_with("/wx?signature="), "{}", report.request_target);
        assert!(report.reply_xml.unwrap().contains("<Content><![CDATA[hi]]></Content>"));
        assert_eq!(report.notice, None);
    }

    #[tokio::test]
    async fn a_rejected_reply_ends_in_the_notice_and_silence_in_nothing() {
        let url = endpoint(|_| "<xml><MsgType>text</MsgType></xml>".to_owned()).await;
        let report = simulator(url, Wire::Plain).exchange(&message()).await.report();
        assert_eq!((report.ok, report.shown), (false, Shown::ServiceUnavailable));
        assert_eq!(report.notice, Some(SERVICE_UNAVAILABLE_NOTICE));
        assert!(!report.problems.is_empty());
        let url = endpoint(|_| "success".to_owned()).await;
        let report = simulator(url, Wire::Plain).exchange(&message()).await.report();
        assert_eq!((report.ok, report.shown), (true, Shown::Nothing));
    }

    #[tokio::test]
    async fn safe_mode_keeps_the_plain_message_beside_the_envelope() {
        let url = endpoint(|_| "success".to_owned()).await;
        let crypt = Arc::new(MsgCrypt::new(AesKey::from_encoding_key(KEY).unwrap(), "wx0123456789abcdef"));
        let exchange = simulator(url, Wire::Safe(crypt.clone())).exchange(&message()).await;
        assert_eq!(exchange.mode, "safe");
        assert!(exchange.request_body.contains("<Encrypt>"), "{}", exchange.request_body);
        assert!(!exchange.request_body.contains("你好"));
        assert!(exchange.request_xml.contains("你好"));
        assert!(exchange.request_target.contains("msg_signature="));
    }
}
