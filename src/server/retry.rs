//! The memory of recent answers that lets WeChat's retries of one message get
//! the very same bytes. Bounded in entries and in time.

use crate::wechat::message::DedupKey;
use crate::wechat::unix_now;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a reply is remembered for WeChat's retries of the same message
/// (WeChat retries within 15 s; a minute leaves room for slow networks).
const RETRY_MEMORY: Duration = Duration::from_secs(60);
/// How many replies are remembered at most: a minute of a busy account's
/// messages, at 40 bytes an entry.
const RETRY_CAPACITY: usize = 8192;

/// What made an answer, so that a retry gets the very same bytes. Fixed-size:
/// remembering thousands of answers allocates nothing per message.
#[derive(Clone, Copy)]
pub struct Answered {
    pub create_time: i64,
    /// For an encrypted answer: what its encryption used.
    pub seal: Option<Seal>,
}

#[derive(Clone, Copy)]
pub struct Seal {
    pub prefix: [u8; 16],
    pub timestamp: i64,
    pub nonce: u64,
}

impl Seal {
    pub fn fresh() -> Seal {
        use rand::Rng;
        let mut rng = rand::thread_rng();
        Seal { prefix: rng.gen(), timestamp: unix_now(), nonce: rng.gen_range(100_000_000..10_000_000_000) }
    }
}

/// How many independently locked parts the memory has, so that workers rarely wait on each other.
const RETRY_SHARDS: usize = 16;

/// Replies by de-duplication key, forgotten after a minute or when full (oldest first).
#[derive(Default)]
pub struct RetryMemory {
    shards: [Mutex<RetryShard>; RETRY_SHARDS],
    /// Seeded at random per process: senders choose MsgIds, so they must not
    /// be able to make two messages share a key.
    hasher: foldhash::quality::RandomState,
}

impl RetryMemory {
    /// The de-duplication key as a 64-bit hash; a retry arrives in the same mode as the original.
    pub fn key(&self, encrypted: bool, key: DedupKey<'_>) -> u64 {
        let mut hasher = self.hasher.build_hasher();
        encrypted.hash(&mut hasher);
        key.hash(&mut hasher);
        hasher.finish()
    }

    fn shard(&self, key: u64) -> std::sync::MutexGuard<'_, RetryShard> {
        self.shards[(key >> 60) as usize % RETRY_SHARDS].lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn get(&self, key: u64, now: Instant) -> Option<Answered> {
        let mut shard = self.shard(key);
        shard.expire(now);
        shard.by_key.get(&key).map(|(_, answered)| *answered)
    }

    pub fn insert(&self, key: u64, answered: Answered, now: Instant) {
        let mut shard = self.shard(key);
        while shard.order.len() >= RETRY_CAPACITY / RETRY_SHARDS {
            if let Some((at, old)) = shard.order.pop_front() {
                shard.forget(at, old);
            }
        }
        shard.order.push_back((now, key));
        shard.by_key.insert(key, (now, answered));
    }
}

/// Keys are 64-bit hashes of the de-duplication key: a collision among the few
/// thousand remembered replies is vanishingly unlikely, and no key string is kept.
#[derive(Default)]
struct RetryShard {
    by_key: HashMap<u64, (Instant, Answered), BuildHasherDefault<AlreadyHashed>>,
    order: VecDeque<(Instant, u64)>,
}

impl RetryShard {
    fn expire(&mut self, now: Instant) {
        while let Some(&(at, key)) = self.order.front() {
            if now.saturating_duration_since(at) < RETRY_MEMORY {
                break;
            }
            self.order.pop_front();
            self.forget(at, key);
        }
    }

    /// Forgets the entry only if it was not re-inserted later.
    fn forget(&mut self, at: Instant, key: u64) {
        if self.by_key.get(&key).is_some_and(|(t, _)| *t == at) {
            self.by_key.remove(&key);
        }
    }
}

/// The keys are hashes already: hashing them again would only cost time.
#[derive(Default)]
struct AlreadyHashed(u64);

impl Hasher for AlreadyHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(create_time: i64) -> Answered {
        Answered { create_time, seal: None }
    }

    #[test]
    fn an_answer_is_remembered_for_a_minute() {
        let memory = RetryMemory::default();
        let start = Instant::now();
        memory.insert(7, answered(100), start);
        assert_eq!(memory.get(7, start + Duration::from_secs(59)).map(|a| a.create_time), Some(100));
        assert!(memory.get(7, start + RETRY_MEMORY).is_none());
        assert!(memory.get(8, start).is_none());
    }

    #[test]
    fn the_memory_is_bounded_and_forgets_the_oldest_first() {
        let memory = RetryMemory::default();
        let now = Instant::now();
        // Keys spread over every shard, many times the capacity.
        let keys: Vec<u64> = (0..RETRY_CAPACITY as u64 * 4).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15)).collect();
        for (i, &key) in keys.iter().enumerate() {
            memory.insert(key, answered(i as i64), now);
        }
        let remembered: usize = memory.shards.iter().map(|s| s.lock().unwrap().by_key.len()).sum();
        assert!(remembered <= RETRY_CAPACITY, "{remembered} entries");
        assert!(memory.get(keys[0], now).is_none(), "the oldest went first");
        assert!(memory.get(*keys.last().unwrap(), now).is_some(), "the newest stays");
    }

    #[test]
    fn a_retry_in_another_mode_is_another_message() {
        let text = crate::wechat::Incoming::parse(
            "<xml><ToUserName>a</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime>\
             <MsgType>text</MsgType><Content>x</Content><MsgId>42</MsgId></xml>",
        )
        .unwrap();
        let memory = RetryMemory::default();
        assert_eq!(memory.key(false, text.dedup()), memory.key(false, text.dedup()));
        assert_ne!(memory.key(false, text.dedup()), memory.key(true, text.dedup()));
    }
}
