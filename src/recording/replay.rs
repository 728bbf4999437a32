//! Re-sending a recorded message as WeChat would now: a fresh timestamp,
//! nonce and signature (and a fresh encryption in safe and compatible mode),
//! the original MsgId and CreateTime unless asked otherwise; then comparing
//! the reply with the recorded one ([`super::compare`]).

use super::compare::{diff, ReplyView};
use super::proxy::decrypt_reply;
use super::{millis, Exchange, RecordedBody, RecordedResponse};
use crate::client::transport::TransportFailure;
use crate::wechat::callback::with_query;
use crate::wechat::crypto::{compat_request_xml, safe_request_xml, Envelope, MsgCrypt};
use crate::wechat::{unix_now, CallbackQuery, Element, Signature};
use std::time::{Duration, Instant};

/// How to re-send.
pub struct Replayer {
    pub client: reqwest::Client,
    /// The endpoint for every message; else each file's upstream and path.
    pub url: Option<url::Url>,
    pub token: Option<String>,
    pub crypt: Option<MsgCrypt>,
    /// Fresh MsgId and CreateTime instead of the recorded ones.
    pub fresh_ids: bool,
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Same,
    Changed,
    Failed,
}

/// What re-sending one exchange came to.
#[derive(Debug, Clone)]
pub struct Replayed {
    pub verdict: Verdict,
    /// Where it was sent (empty when it could not be).
    pub url: String,
    /// Readable differences from the recorded reply.
    pub differences: Vec<String>,
    /// Why it could not be replayed, or got no answer.
    pub error: Option<String>,
    /// The new answer and its decrypted reply, for `--update`.
    pub response: Option<RecordedResponse>,
    pub reply: Option<String>,
    pub elapsed: Duration,
}

impl Replayed {
    fn failed(url: String, error: impl Into<String>) -> Self {
        Replayed {
            verdict: Verdict::Failed,
            url,
            differences: Vec::new(),
            error: Some(error.into()),
            response: None,
            reply: None,
            elapsed: Duration::ZERO,
        }
    }
}

/// A request ready to go.
struct Prepared {
    url: url::Url,
    method: reqwest::Method,
    content_type: Option<String>,
    body: Vec<u8>,
}

impl Replayer {
    /// The endpoint for one exchange.
    fn endpoint(&self, exchange: &Exchange) -> Result<url::Url, String> {
        if let Some(url) = &self.url {
            return Ok(url.clone());
        }
        let upstream = exchange.upstream.as_deref().ok_or("no upstream recorded in the file: give --url")?;
        let mut url = url::Url::parse(upstream).map_err(|e| format!("recorded upstream {upstream:?}: {e}"))?;
        let path = format!("{}{}", url.path().trim_end_matches('/'), exchange.path());
        url.set_path(&path);
        url.set_query(None);
        Ok(url)
    }

    /// The plaintext message of a recorded POST.
    fn plaintext(&self, exchange: &Exchange, encrypted: bool) -> Result<String, String> {
        let body = exchange.request.body.text().ok_or("the recorded request body is not text")?;
        if !encrypted {
            return Ok(body.to_owned());
        }
        if let Some(message) = &exchange.message {
            return Ok(message.clone());
        }
        let crypt = self.crypt.as_ref().ok_or("the recorded message is encrypted: give --aes-key and --appid")?;
        let envelope = Envelope::parse(body).map_err(|e| format!("recorded encrypted body: {e}"))?;
        crypt.decrypt(&envelope.encrypt).map_err(|e| format!("the recorded message does not decrypt: {e}"))
    }

    fn prepare(&self, exchange: &Exchange) -> Result<Prepared, String> {
        let url = self.endpoint(exchange)?;
        let token = self.token.as_deref().ok_or("signing needs the endpoint's token: give --token")?;
        let recorded = exchange.query();
        let mut query = CallbackQuery::signed(token);
        query.openid = recorded.openid.clone();
        let content_type = exchange
            .request
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.clone());
        if !exchange.is_message() {
            // A URL check (GET with echostr), or whatever else was recorded: re-signed, body as it was.
            query.echostr = recorded.echostr.clone();
            let method = reqwest::Method::from_bytes(exchange.request.method.as_bytes())
                .map_err(|_| format!("recorded method {:?}", exchange.request.method))?;
            return Ok(Prepared {
                url: with_query(&url, &query),
                method,
                content_type,
                body: exchange.request.body.to_bytes(),
            });
        }
        let encrypted = recorded.is_encrypted();
        let mut message = self.plaintext(exchange, encrypted)?;
        if self.fresh_ids {
            message = refresh_ids(&message)?;
        }
        let body = if encrypted {
            let crypt = self.crypt.as_ref().ok_or("encrypted messages need --aes-key and --appid to re-encrypt")?;
            let encrypt = crypt.encrypt(&message);
            let (timestamp, nonce) =
                (query.timestamp.clone().unwrap_or_default(), query.nonce.clone().unwrap_or_default());
            query.encrypt_type = Some("aes".to_owned());
            query.msg_signature = Some(Signature::msg(token, &timestamp, &nonce, &encrypt).to_string());
            let plain = Element::parse_document(&message).map_err(|e| format!("recorded message: {e}"))?;
            // Compatible mode carries the plaintext fields beside <Encrypt>; safe mode only ToUserName.
            let compat = Element::parse_document(exchange.request.body.text().unwrap_or(""))
                .is_ok_and(|root| root.child("MsgType").is_some());
            if compat {
                compat_request_xml(&plain, &encrypt)
            } else {
                safe_request_xml(plain.child_text("ToUserName").unwrap_or(""), &encrypt)
            }
        } else {
            message
        };
        Ok(Prepared {
            url: with_query(&url, &query),
            method: reqwest::Method::POST,
            content_type,
            body: body.into_bytes(),
        })
    }

    /// Re-sends one exchange and compares the reply.
    pub async fn replay(&self, exchange: &Exchange) -> Replayed {
        let prepared = match self.prepare(exchange) {
            Ok(prepared) => prepared,
            Err(reason) => {
                return Replayed::failed(self.endpoint(exchange).map(|u| u.to_string()).unwrap_or_default(), reason)
            }
        };
        let shown_url = {
            let mut u = prepared.url.clone();
            u.set_query(None);
            u.to_string()
        };
        let started = Instant::now();
        let mut request = self.client.request(prepared.method, prepared.url.clone()).body(prepared.body);
        if let Some(content_type) = &prepared.content_type {
            request = request.header(reqwest::header::CONTENT_TYPE, content_type);
        }
        let exchange_now = async {
            let response = request.send().await?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .map(|(k, v)| (k.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                .collect();
            let bytes = response.bytes().await?;
            Ok::<_, reqwest::Error>((status, headers, bytes))
        };
        let answer = tokio::time::timeout(self.timeout, exchange_now).await;
        let elapsed = started.elapsed();
        let recorded = self.recorded_view(exchange);
        let (now, response, reply) = match answer {
            Ok(Ok((status, headers, bytes))) => {
                let body = RecordedBody::from_bytes(&bytes);
                let reply = match (&self.crypt, body.text()) {
                    (Some(crypt), Some(text)) => decrypt_reply(crypt, text),
                    _ => None,
                };
                let content = reply.clone().unwrap_or_else(|| String::from_utf8_lossy(&bytes).into_owned());
                (ReplyView { status: Some(status), content }, Some(RecordedResponse { status, headers, body }), reply)
            }
            Ok(Err(e)) => {
                return self.unanswered(
                    exchange,
                    shown_url,
                    TransportFailure::classify(&e).describe(&prepared.url),
                    elapsed,
                )
            }
            Err(_) => {
                let reason = format!("no answer in {} s", self.timeout.as_secs_f64());
                return self.unanswered(exchange, shown_url, reason, elapsed);
            }
        };
        let differences = diff(&recorded, &now);
        let verdict = if differences.is_empty() { Verdict::Same } else { Verdict::Changed };
        Replayed { verdict, url: shown_url, differences, error: None, response, reply, elapsed }
    }

    /// No answer now: the same as recorded when none came then either, else a failure.
    fn unanswered(&self, exchange: &Exchange, url: String, reason: String, elapsed: Duration) -> Replayed {
        let mut replayed = Replayed::failed(url, reason);
        replayed.elapsed = elapsed;
        if exchange.response.is_none() {
            replayed.verdict = Verdict::Same;
        }
        replayed
    }

    /// The recorded reply as compared: decrypted when it was encrypted.
    fn recorded_view(&self, exchange: &Exchange) -> ReplyView {
        match &exchange.response {
            None => ReplyView { status: None, content: String::new() },
            Some(response) => {
                let text = String::from_utf8_lossy(&response.body.to_bytes()).into_owned();
                let content = exchange
                    .reply
                    .clone()
                    .or_else(|| self.crypt.as_ref().and_then(|crypt| decrypt_reply(crypt, &text)))
                    .unwrap_or(text);
                ReplyView { status: Some(response.status), content }
            }
        }
    }
}

/// The exchange with the new answer in place of the recorded one (`--update`).
pub fn updated(exchange: &Exchange, replayed: &Replayed) -> Exchange {
    let mut updated = exchange.clone();
    updated.response = replayed.response.clone();
    updated.reply = replayed.reply.clone();
    updated.error = replayed.error.clone();
    updated.timings.upstream_ms = millis(replayed.elapsed);
    updated.timings.total_ms = millis(replayed.elapsed);
    updated
}

/// The message with a fresh MsgId (when it has one) and CreateTime now.
fn refresh_ids(message: &str) -> Result<String, String> {
    use rand::Rng;
    let mut root = Element::parse_document(message).map_err(|e| format!("recorded message: {e}"))?;
    for child in &mut root.children {
        match child.name.as_ref() {
            "CreateTime" => child.text = unix_now().to_string(),
            "MsgId" => {
                child.text = rand::thread_rng().gen_range(1_000_000_000_000_000_000u64..=i64::MAX as u64).to_string()
            }
            _ => {}
        }
    }
    Ok(root.render())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_replace_msg_id_and_create_time_only() {
        let message = "<xml><ToUserName><![CDATA[gh]]></ToUserName><CreateTime>1</CreateTime>\
                       <MsgType><![CDATA[text]]></MsgType><MsgId>42</MsgId></xml>";
        let fresh = Element::parse_document(&refresh_ids(message).unwrap()).unwrap();
        assert_ne!(fresh.child_text("MsgId"), Some("42"));
        assert_ne!(fresh.child_text("CreateTime"), Some("1"));
        assert_eq!(fresh.child_text("ToUserName"), Some("gh"));
    }
}
