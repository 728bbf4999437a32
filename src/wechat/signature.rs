//! Callback signatures: `signature` over (token, timestamp, nonce) and
//! `msg_signature` over (token, timestamp, nonce, Encrypt).
//!
//! WeChat sorts the parts bytewise, concatenates them and takes the lowercase
//! hex SHA-1 of the result (PROTOCOL.md §1 and §3).

use sha1::{Digest, Sha1};
use std::fmt;
use subtle::ConstantTimeEq;

/// A 40-character lowercase hex SHA-1 signature as WeChat computes it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    hex: String,
    /// The sorted, concatenated string that was hashed, for `--explain` and diagnostics.
    hashed: String,
}

impl Signature {
    /// The URL signature WeChat sends as `signature`.
    pub fn url(token: &str, timestamp: &str, nonce: &str) -> Self {
        Self::over(&[token, timestamp, nonce])
    }

    /// The `msg_signature` of safe and compatible mode.
    pub fn msg(token: &str, timestamp: &str, nonce: &str, encrypt: &str) -> Self {
        Self::over(&[token, timestamp, nonce, encrypt])
    }

    fn over(parts: &[&str]) -> Self {
        let hashed = sorted_concat(parts);
        let hex = hex::encode(Sha1::digest(hashed.as_bytes()));
        Signature { hex, hashed }
    }

    /// The lowercase hex form.
    pub fn as_str(&self) -> &str {
        &self.hex
    }

    /// The string whose SHA-1 this is: the parts sorted bytewise and concatenated.
    pub fn hashed(&self) -> &str {
        &self.hashed
    }

    /// Compares against a signature received from a peer, in constant time.
    /// Hex case is ignored; surrounding whitespace is not.
    pub fn matches(&self, given: &str) -> bool {
        let mut lowered = [0u8; 40];
        if given.len() != self.hex.len() || given.len() != lowered.len() {
            return false;
        }
        for (slot, byte) in lowered.iter_mut().zip(given.bytes()) {
            *slot = byte.to_ascii_lowercase();
        }
        bool::from(self.hex.as_bytes().ct_eq(&lowered))
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hex)
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature({})", self.hex)
    }
}

/// The lowercase hex signature over `parts`, without keeping the hashed string.
pub fn sign_over(parts: &mut [&str]) -> String {
    String::from_utf8_lossy(&digest_hex(parts)).into_owned()
}

fn digest_hex(parts: &mut [&str]) -> [u8; 40] {
    parts.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    let mut hasher = Sha1::new();
    for part in parts.iter() {
        hasher.update(part.as_bytes());
    }
    let mut hex = [0u8; 40];
    // 20 bytes always fit 40 hex digits.
    let _ = hex::encode_to_slice(hasher.finalize(), &mut hex);
    hex
}

/// Whether `given` is the signature over `parts`, computed without allocating
/// and compared in constant time (hex case ignored). The hot path of every
/// callback; [`Signature`] is for when the hashed string must be shown.
pub fn matches_over(parts: &mut [&str], given: &str) -> bool {
    let expected = digest_hex(parts);
    if given.len() != expected.len() {
        return false;
    }
    let mut lowered = [0u8; 40];
    for (slot, byte) in lowered.iter_mut().zip(given.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    bool::from(expected.ct_eq(&lowered))
}

/// Sorts the parts bytewise and concatenates them.
pub fn sorted_concat(parts: &[&str]) -> String {
    let mut sorted: Vec<&str> = parts.to_vec();
    sorted.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    sorted.concat()
}

/// A fresh nonce: 9 to 10 random digits, as WeChat sends.
pub fn fresh_nonce() -> String {
    use rand::Rng;
    rand::thread_rng().gen_range(100_000_000u64..10_000_000_000).to_string()
}

/// The current Unix time in seconds, as a string.
pub fn now_timestamp() -> String {
    crate::wechat::unix_now().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_example() {
        let s = Signature::url("AAAAA", "1714036504", "1514711492");
        assert_eq!(s.hashed(), "15147114921714036504AAAAA");
        assert_eq!(s.as_str(), "f464b24fc39322e44b38aa78f5edd27bd1441696");
    }

    #[test]
    fn matches_is_exact_but_case_insensitive() {
        let s = Signature::url("a", "b", "c");
        assert!(s.matches("a9993e364706816aba3e25717850c26c9cd0d89d"));
        assert!(s.matches("A9993E364706816ABA3E25717850C26C9CD0D89D"));
        assert!(!s.matches("a9993e364706816aba3e25717850c26c9cd0d89e"));
        assert!(!s.matches("a9993e364706816aba3e25717850c26c9cd0d89d "));
        assert!(!s.matches(""));
    }

    #[test]
    fn fast_check_agrees_with_signature() {
        let sig = Signature::url("AAAAA", "1714036504", "1514711492");
        assert!(matches_over(&mut ["AAAAA", "1714036504", "1514711492"], sig.as_str()));
        assert!(matches_over(&mut ["AAAAA", "1714036504", "1514711492"], &sig.as_str().to_uppercase()));
        assert!(!matches_over(&mut ["AAAAB", "1714036504", "1514711492"], sig.as_str()));
        assert!(!matches_over(&mut ["AAAAA", "1714036504", "1514711492"], "short"));
        let msg = Signature::msg("t", "1", "2", "E");
        assert!(matches_over(&mut ["t", "1", "2", "E"], msg.as_str()));
        assert_eq!(sign_over(&mut ["AAAAA", "1714036504", "1514711492"]), sig.as_str());
    }

    #[test]
    fn sort_is_bytewise() {
        // Uppercase sorts before lowercase bytewise.
        assert_eq!(sorted_concat(&["b", "B", "a"]), "Bab");
    }

    #[test]
    fn nonce_is_digits() {
        for _ in 0..100 {
            let n = fresh_nonce();
            assert!(n.len() >= 9 && n.len() <= 10 && n.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
