//! Queued failures (`--fail-next`, `POST /mock/fail-next`): the next matching
//! API calls answer a given errcode instead of doing their work.

use super::API_PATHS;
use serde::Deserialize;
use std::collections::{HashMap, VecDeque};

/// Most failures that can be queued at once (and most repeats of one): far
/// more than a test scenario needs, and at most a few MB with errmsgs at their
/// bound, however often a client queues.
pub const MAX_QUEUED: usize = 10_000;

/// Longest errmsg a queued failure may carry, in characters: WeChat's own are
/// a few dozen; the text is sent to every client the failure answers.
pub const MAX_ERRMSG_CHARS: usize = 200;

/// A queued failure: the next matching calls answer this errcode.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Failure {
    pub errcode: i64,
    #[serde(default)]
    pub errmsg: Option<String>,
    /// Only calls to this API path; all four when absent.
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default = "one")]
    pub times: u32,
}

fn one() -> u32 {
    1
}

impl Failure {
    /// `ERRCODE` or `ERRCODE@PATH` (`45009`, `40001@/cgi-bin/media/upload`, `40001@media/upload`).
    pub fn parse_spec(spec: &str) -> Result<Failure, String> {
        let (code, path) = match spec.split_once('@') {
            Some((code, path)) => (code, Some(path)),
            None => (spec, None),
        };
        let errcode = code.trim().parse::<i64>().map_err(|_| format!("{code:?} is not an errcode"))?;
        let path = path.map(normalise_path).transpose()?;
        Ok(Failure { errcode, errmsg: None, path, times: 1 })
    }

    /// A failure asked for by the admin route: keys of the query, or the same
    /// keys as a JSON body. Errors name what is wrong without repeating it.
    pub fn from_request(query: &HashMap<String, String>, body: &[u8]) -> Result<Failure, String> {
        let failure = if body.iter().all(u8::is_ascii_whitespace) {
            from_query(query)?
        } else {
            serde_json::from_slice::<Failure>(body).map_err(|e| {
                format!(
                    "bad JSON at line {} column {}: expected {{\"errcode\": N}} with optional \"errmsg\", \"path\", \"times\"",
                    e.line(),
                    e.column()
                )
            })?
        };
        failure.check()
    }

    /// The failure when its fields are usable, its path in full form.
    pub fn check(mut self) -> Result<Failure, String> {
        if self.errcode == 0 {
            return Err("errcode 0 is success, not a failure".to_owned());
        }
        if self.times == 0 || self.times > MAX_QUEUED as u32 {
            return Err(format!("times must be between 1 and {MAX_QUEUED}"));
        }
        if self.errmsg.as_ref().is_some_and(|m| m.chars().count() > MAX_ERRMSG_CHARS) {
            return Err(format!("errmsg is longer than {MAX_ERRMSG_CHARS} characters"));
        }
        self.path = self.path.as_deref().map(normalise_path).transpose()?;
        Ok(self)
    }

    fn matches(&self, path: &str) -> bool {
        self.path.as_deref().is_none_or(|p| p == path)
    }
}

fn from_query(query: &HashMap<String, String>) -> Result<Failure, String> {
    let errcode = query.get("errcode").ok_or("give errcode (query or JSON body)")?;
    let errcode = errcode.parse().map_err(|_| "errcode is not a number".to_owned())?;
    let times = match query.get("times") {
        Some(t) => t.parse().map_err(|_| format!("times is not a number between 1 and {MAX_QUEUED}"))?,
        None => 1,
    };
    Ok(Failure { errcode, errmsg: query.get("errmsg").cloned(), path: query.get("path").cloned(), times })
}

/// `media/upload`, `cgi-bin/media/upload` and `/cgi-bin/media/upload` all name the upload.
fn normalise_path(path: &str) -> Result<String, String> {
    let path = path.trim();
    let full = if path.starts_with('/') {
        path.to_owned()
    } else if path.starts_with("cgi-bin/") {
        format!("/{path}")
    } else {
        format!("/cgi-bin/{path}")
    };
    if API_PATHS.contains(&full.as_str()) {
        Ok(full)
    } else {
        Err(format!("the path is not one of the mocked APIs: {}", API_PATHS.join(", ")))
    }
}

/// The queue, in order.
#[derive(Default)]
pub struct FailureQueue {
    queue: VecDeque<Failure>,
}

impl FailureQueue {
    pub fn new(failures: impl IntoIterator<Item = Failure>) -> FailureQueue {
        FailureQueue { queue: failures.into_iter().collect() }
    }

    /// Queues a checked failure; the number queued after it.
    pub fn push(&mut self, failure: Failure) -> Result<usize, String> {
        if self.queue.len() >= MAX_QUEUED {
            return Err(format!("{MAX_QUEUED} failures are queued already"));
        }
        self.queue.push_back(failure);
        Ok(self.queue.len())
    }

    /// The first failure queued for calls to `path`, counted as used once.
    pub fn take(&mut self, path: &str) -> Option<Failure> {
        let index = self.queue.iter().position(|f| f.matches(path))?;
        let entry = &mut self.queue[index];
        entry.times -= 1;
        let failure = entry.clone();
        if entry.times == 0 {
            self.queue.remove(index);
        }
        Some(failure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::api::{STABLE_TOKEN_PATH, TOKEN_PATH, UPLOAD_PATH};

    fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn failure_specs() {
        assert_eq!(
            Failure::parse_spec("45009").unwrap(),
            Failure { errcode: 45009, errmsg: None, path: None, times: 1 }
        );
        let f = Failure::parse_spec("40001@media/upload").unwrap();
        assert_eq!(f.path.as_deref(), Some(UPLOAD_PATH));
        assert!(Failure::parse_spec("40001@/cgi-bin/nope").is_err());
        assert!(Failure::parse_spec("x").is_err());
        assert!(Failure { errcode: 0, errmsg: None, path: None, times: 1 }.check().is_err());
    }

    #[test]
    fn requests_from_query_or_json() {
        let f = Failure::from_request(&query(&[("errcode", "40164"), ("times", "2"), ("path", "token")]), b"").unwrap();
        assert_eq!(f, Failure { errcode: 40164, errmsg: None, path: Some(TOKEN_PATH.to_owned()), times: 2 });
        let body = br#"{"errcode":-1,"errmsg":"busy","path":"/cgi-bin/stable_token"}"#;
        let f = Failure::from_request(&query(&[]), body).unwrap();
        assert_eq!(
            f,
            Failure { errcode: -1, errmsg: Some("busy".into()), path: Some(STABLE_TOKEN_PATH.into()), times: 1 }
        );
    }

    #[test]
    fn refusals_do_not_repeat_what_was_sent() {
        let hostile = "<script>alert(1)</script>";
        for (q, body) in [
            (query(&[("errcode", hostile)]), String::new()),
            (query(&[("errcode", "1"), ("times", hostile)]), String::new()),
            (query(&[("errcode", "1"), ("path", hostile)]), String::new()),
            (query(&[]), format!(r#"{{"errcode":1,"path":"{hostile}"}}"#)),
            (query(&[]), format!(r#"{{"errcode":"{hostile}"}}"#)),
            (query(&[]), format!(r#"{{"{hostile}":1}}"#)),
        ] {
            let e = Failure::from_request(&q, body.as_bytes()).unwrap_err();
            assert!(!e.contains("script"), "{e}");
        }
        let long = "长".repeat(MAX_ERRMSG_CHARS + 1);
        let e = Failure::from_request(&query(&[("errcode", "1"), ("errmsg", &long)]), b"").unwrap_err();
        assert!(e.contains("longer than 200") && !e.contains('长'), "{e}");
        let e = Failure::from_request(&query(&[("errcode", "1"), ("path", "shorturl")]), b"").unwrap_err();
        assert!(e.starts_with("the path is not one of the mocked APIs"), "{e}");
    }

    #[test]
    fn the_queue_is_used_in_order_and_bounded() {
        let mut queue = FailureQueue::new([Failure::parse_spec("40001@media/upload").unwrap()]);
        queue.push(Failure { errcode: 45009, errmsg: None, path: None, times: 2 }).unwrap();
        assert_eq!(queue.take(TOKEN_PATH).unwrap().errcode, 45009);
        assert_eq!(queue.take(UPLOAD_PATH).unwrap().errcode, 40001);
        assert_eq!(queue.take(UPLOAD_PATH).unwrap().errcode, 45009);
        assert_eq!(queue.take(UPLOAD_PATH), None);
        for _ in 0..MAX_QUEUED {
            queue.push(Failure::parse_spec("1").unwrap()).unwrap();
        }
        assert!(queue.push(Failure::parse_spec("1").unwrap()).is_err());
    }
}
