//! Access tokens: issuing, expiry, retirement, and forgetting them again.
//!
//! WeChat's semantics, kept here: a token answers 42001 once it has expired;
//! a token replaced by a newer one stays valid for five minutes, then answers
//! 40001; a token WeChat does not know answers 40001 (40014 when it does not
//! even look like one). The store is bounded: an expired token is remembered
//! (and answers 42001) only for a while, then forgotten and answers 40001, and
//! each AppID keeps only its newest tokens. Times are passed in, so every rule
//! can be checked without waiting.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// How long a token stays valid after a newer one replaced it, as on WeChat.
pub const RETIRE_GRACE: Duration = Duration::from_secs(300);

/// Most tokens remembered per AppID and endpoint (token, stable_token); the
/// oldest go first, and answer 40001 from then on as a replaced token does
/// after its grace. A client refreshes once per token, and a replaced token
/// matters for five minutes: 64 covers a client refreshing every five seconds
/// without a pause (WeChat's daily quota of 2000 calls averages one per 43 s),
/// at about 16 KB per AppID, however fast a client loops.
pub const MAX_TOKENS_PER_APP: usize = 64;

/// Longest an expired token is remembered, answering 42001 (it is remembered
/// for as long again as it lived, at most this): long enough for a client that
/// held it to be told it expired and fetch another, after which nobody has a
/// reason to present it. Then it answers 40001, as an unknown token does.
pub const MAX_EXPIRED_MEMORY: Duration = Duration::from_secs(2 * 3600);

/// How often forgotten tokens are removed from memory (on the next access).
pub const SWEEP_INTERVAL: Duration = Duration::from_secs(1);

/// Length of an issued token (WeChat's are of this order).
const TOKEN_LEN: usize = 128;

struct Issued {
    appid: String,
    expires_at: Instant,
    /// From then on the token is unknown (40001).
    forget_at: Instant,
    /// A newer token replaced it: once expired it answers 40001, not 42001.
    retired: bool,
}

/// A token handed out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub token: String,
    pub expires_in: u64,
    /// A new token (false: stable_token's current one, handed out again).
    pub fresh: bool,
    /// Older tokens of this AppID forgotten to make room.
    pub evicted: usize,
}

/// Why a token is refused: WeChat's errcode, the AppID when known, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: i64,
    pub appid: Option<String>,
    pub reason: &'static str,
}

pub struct Tokens {
    ttl: Duration,
    by_token: HashMap<String, Issued>,
    /// Per (AppID, stable): tokens in the order issued, the current one last.
    issued: HashMap<(String, bool), VecDeque<String>>,
    next_sweep: Instant,
}

impl Tokens {
    pub fn new(ttl: Duration, now: Instant) -> Tokens {
        Tokens { ttl, by_token: HashMap::new(), issued: HashMap::new(), next_sweep: now + SWEEP_INTERVAL }
    }

    /// Tokens remembered (valid, expired or retired).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.by_token.len()
    }

    /// Tokens remembered once every forgotten one is swept out, whenever the
    /// last sweep was (O(tokens), which are bounded).
    pub fn remembered(&mut self, now: Instant) -> usize {
        self.sweep(now);
        self.by_token.len()
    }

    /// How long an expired token is remembered.
    fn memory(&self) -> Duration {
        self.ttl.min(MAX_EXPIRED_MEMORY)
    }

    /// Issues a token for a checked AppID, or for stable_token without
    /// force_refresh hands out the current one while it is valid.
    pub fn issue(&mut self, appid: &str, stable: bool, force: bool, now: Instant) -> Grant {
        self.sweep_if_due(now);
        let key = (appid.to_owned(), stable);
        let current = self.issued.get(&key).and_then(|order| order.back()).cloned();
        if let Some(token) = current {
            if let Some(issued) = self.by_token.get_mut(&token) {
                // Reused only with a whole second left: a client rejects expires_in 0.
                if stable && !force && issued.expires_at >= now + Duration::from_secs(1) && !issued.retired {
                    let expires_in = issued.expires_at.duration_since(now).as_secs();
                    return Grant { token, expires_in, fresh: false, evicted: 0 };
                }
                // Replaced: valid for the grace period at most, then 40001.
                let grace_end = now + RETIRE_GRACE.min(self.ttl);
                issued.expires_at = issued.expires_at.min(grace_end);
                issued.forget_at = issued.forget_at.min(issued.expires_at);
                issued.retired = true;
            }
        }
        let order = self.issued.entry(key).or_default();
        let mut evicted = 0;
        while order.len() >= MAX_TOKENS_PER_APP {
            if let Some(oldest) = order.pop_front() {
                self.by_token.remove(&oldest);
                evicted += 1;
            }
        }
        let token = super::random_id(TOKEN_LEN);
        order.push_back(token.clone());
        let expires_at = now + self.ttl;
        let forget_at = expires_at + self.memory();
        self.by_token.insert(token.clone(), Issued { appid: appid.to_owned(), expires_at, forget_at, retired: false });
        Grant { token, expires_in: self.ttl.as_secs(), fresh: true, evicted }
    }

    /// The AppID a token belongs to, or WeChat's errcode for it.
    pub fn check(&mut self, token: &str, now: Instant) -> Result<String, Refusal> {
        self.sweep_if_due(now);
        if token.is_empty() {
            return Err(Refusal { code: 41001, appid: None, reason: "no access_token" });
        }
        match self.by_token.get(token).filter(|issued| issued.forget_at > now) {
            None => {
                let malformed =
                    token.len() < 16 || !token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                let code = if malformed { 40014 } else { 40001 };
                Err(Refusal { code, appid: None, reason: "unknown token" })
            }
            Some(issued) if issued.expires_at <= now => {
                let appid = Some(issued.appid.clone());
                Err(if issued.retired {
                    Refusal { code: 40001, appid, reason: "replaced by a newer token" }
                } else {
                    Refusal { code: 42001, appid, reason: "expired" }
                })
            }
            Some(issued) => Ok(issued.appid.clone()),
        }
    }

    /// Expires every valid token (of one AppID): they answer 42001 from now on.
    pub fn expire(&mut self, only: Option<&str>, now: Instant) -> usize {
        self.sweep_if_due(now);
        let memory = self.memory();
        let mut expired = 0;
        for issued in self.by_token.values_mut().filter(|i| only.is_none_or(|a| a == i.appid)) {
            if issued.expires_at > now {
                issued.expires_at = now;
                issued.forget_at = if issued.retired { now } else { now + memory };
                expired += 1;
            }
        }
        expired
    }

    fn sweep_if_due(&mut self, now: Instant) {
        if now >= self.next_sweep {
            self.sweep(now);
            self.next_sweep = now + SWEEP_INTERVAL;
        }
    }

    /// Removes every token past its memory.
    fn sweep(&mut self, now: Instant) {
        let by_token = &mut self.by_token;
        by_token.retain(|_, issued| issued.forget_at > now);
        for order in self.issued.values_mut() {
            order.retain(|token| by_token.contains_key(token));
        }
        self.issued.retain(|_, order| !order.is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP: &str = "wx5c3a9e0f1b2d4c6e";

    fn code(tokens: &mut Tokens, token: &str, now: Instant) -> i64 {
        tokens.check(token, now).map(|_| 0).unwrap_or_else(|r| r.code)
    }

    #[test]
    fn tokens_expire_then_are_forgotten() {
        let t0 = Instant::now();
        let mut tokens = Tokens::new(Duration::from_secs(10), t0);
        let grant = tokens.issue(APP, false, true, t0);
        assert_eq!((grant.expires_in, grant.fresh, grant.token.len()), (10, true, TOKEN_LEN));
        assert_eq!(tokens.check(&grant.token, t0 + Duration::from_secs(9)).unwrap(), APP);
        let refusal = tokens.check(&grant.token, t0 + Duration::from_secs(10)).unwrap_err();
        assert_eq!((refusal.code, refusal.appid.as_deref()), (42001, Some(APP)));
        // Remembered for as long again as it lived, then unknown, and gone from memory.
        assert_eq!(code(&mut tokens, &grant.token, t0 + Duration::from_secs(19)), 42001);
        assert_eq!(tokens.len(), 1);
        assert_eq!(code(&mut tokens, &grant.token, t0 + Duration::from_secs(20)), 40001);
        assert_eq!(tokens.len(), 0, "swept");
        assert!(tokens.issued.is_empty());
    }

    #[test]
    fn counting_sweeps_whenever_the_last_sweep_was() {
        let t0 = Instant::now();
        let mut tokens = Tokens::new(Duration::from_secs(1), t0);
        tokens.issue(APP, false, true, t0);
        assert_eq!(tokens.remembered(t0 + Duration::from_millis(1999)), 1);
        assert_eq!(tokens.remembered(t0 + Duration::from_millis(2000)), 0, "within a second of the last sweep");
    }

    #[test]
    fn expired_tokens_are_remembered_two_hours_at_most() {
        let t0 = Instant::now();
        let mut tokens = Tokens::new(Duration::from_secs(7 * 24 * 3600), t0);
        let token = tokens.issue(APP, false, true, t0).token;
        assert_eq!(tokens.expire(None, t0), 1);
        assert_eq!(code(&mut tokens, &token, t0 + MAX_EXPIRED_MEMORY - Duration::from_secs(1)), 42001);
        assert_eq!(code(&mut tokens, &token, t0 + MAX_EXPIRED_MEMORY), 40001);
    }

    #[test]
    fn replaced_tokens_keep_five_minutes_of_grace() {
        let t0 = Instant::now();
        let mut tokens = Tokens::new(Duration::from_secs(7200), t0);
        let old = tokens.issue(APP, false, true, t0).token;
        let new = tokens.issue(APP, false, true, t0 + Duration::from_secs(1)).token;
        assert_ne!(old, new);
        let later = t0 + Duration::from_secs(1) + RETIRE_GRACE;
        assert_eq!(code(&mut tokens, &old, later - Duration::from_secs(1)), 0);
        assert_eq!(code(&mut tokens, &old, later), 40001);
        assert_eq!(code(&mut tokens, &new, later), 0);
        assert_eq!(tokens.len(), 1, "the replaced token is forgotten once its grace is over");
    }

    #[test]
    fn stable_tokens_are_handed_out_again_until_forced() {
        let t0 = Instant::now();
        let mut tokens = Tokens::new(Duration::from_secs(7200), t0);
        let first = tokens.issue(APP, true, false, t0);
        let again = tokens.issue(APP, true, false, t0 + Duration::from_secs(100));
        assert_eq!((again.token.as_str(), again.expires_in, again.fresh), (first.token.as_str(), 7100, false));
        let plain = tokens.issue(APP, false, false, t0);
        assert_ne!(plain.token, first.token, "token and stable_token are independent");
        let forced = tokens.issue(APP, true, true, t0 + Duration::from_secs(100));
        assert!(forced.fresh && forced.token != first.token);
        assert_eq!(code(&mut tokens, &first.token, t0 + Duration::from_secs(101)), 0, "in its grace");
        assert_eq!(tokens.expire(Some("wxother"), t0), 0);
        assert_eq!(tokens.expire(Some(APP), t0 + Duration::from_secs(200)), 3);
        assert_eq!(code(&mut tokens, &forced.token, t0 + Duration::from_secs(200)), 42001);
        assert_eq!(code(&mut tokens, &first.token, t0 + Duration::from_secs(200)), 40001, "replaced, then expired");
        let after = tokens.issue(APP, true, false, t0 + Duration::from_secs(201));
        assert!(after.fresh, "an expired current token is not handed out again");
    }

    #[test]
    fn each_app_keeps_only_its_newest_tokens() {
        let t0 = Instant::now();
        let mut tokens = Tokens::new(Duration::from_secs(7200), t0);
        let grants: Vec<Grant> = (0..MAX_TOKENS_PER_APP + 10).map(|_| tokens.issue(APP, false, true, t0)).collect();
        assert_eq!(tokens.len(), MAX_TOKENS_PER_APP);
        assert_eq!(grants.iter().map(|g| g.evicted).sum::<usize>(), 10);
        assert_eq!(code(&mut tokens, &grants[0].token, t0), 40001, "the oldest were forgotten");
        assert_eq!(code(&mut tokens, &grants[10].token, t0), 0);
        assert_eq!(code(&mut tokens, &grants.last().unwrap().token, t0), 0);
        tokens.issue("wxother", false, true, t0);
        assert_eq!(tokens.len(), MAX_TOKENS_PER_APP + 1, "the bound is per AppID");
    }

    #[test]
    fn unknown_and_missing_tokens() {
        let t0 = Instant::now();
        let mut tokens = Tokens::new(Duration::from_secs(7200), t0);
        assert_eq!(code(&mut tokens, "", t0), 41001);
        assert_eq!(code(&mut tokens, "short", t0), 40014);
        assert_eq!(code(&mut tokens, &"x".repeat(40), t0), 40001);
        assert_eq!(code(&mut tokens, &format!("{}\n", "x".repeat(40)), t0), 40014);
    }
}
