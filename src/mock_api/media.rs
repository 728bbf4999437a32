//! Uploaded media: kept in memory (bounded) or under `--data-dir`.
//!
//! In memory, media live as on WeChat for three days and are then evicted;
//! their total size is capped (`--max-media-bytes`) and so is their number:
//! beyond either bound the oldest media are evicted to make room, and from
//! then on answer 40007 (invalid media_id) as expired ones do. A single file
//! larger than the whole cap is refused (45001). Under `--data-dir` the files
//! are the store: media found expired there are deleted when asked for.

use crate::wechat::media::{Format, MEDIA_LIFETIME_SECS};
use bytes::Bytes;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
use std::io;
use std::path::PathBuf;
use std::sync::Mutex;

/// The default of `--max-media-bytes`: room for a few dozen of WeChat's
/// largest uploads (10 MB) or thousands of typical images, in memory that any
/// development machine or CI runner has to spare.
pub const DEFAULT_MAX_MEDIA_BYTES: u64 = 256 * 1024 * 1024;

/// Most media kept in memory, whatever their size: each costs some 300 bytes
/// of id and metadata besides its bytes, so a flood of one-byte uploads stays
/// under about 3 MB of bookkeeping; a test suite uploading for the three days
/// media live seldom comes near it.
pub const MAX_MEDIA_COUNT: usize = 10_000;

/// Length of a media_id.
const MEDIA_ID_LEN: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaMeta {
    pub kind: String,
    pub extension: String,
    /// The type the bytes are served with; always the one of `extension` (the
    /// uploader's part type is never replayed). Kept in the `--data-dir` JSON
    /// for older readers.
    pub content_type: String,
    pub created_at: i64,
    pub appid: String,
}

impl MediaMeta {
    /// The Content-Type the media is served with: its format's, never the uploader's.
    pub fn served_type(&self) -> &'static str {
        Format::from_extension(&self.extension).map(Format::mime).unwrap_or("application/octet-stream")
    }

    pub fn expired(&self, now: i64) -> bool {
        now - self.created_at > MEDIA_LIFETIME_SECS
    }
}

/// A media_id as issued: ASCII letters and digits (also `-` and `_`, which
/// WeChat's ids may hold). Anything else is not looked up, let alone used in
/// a file name.
pub fn plausible_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 128 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[derive(Debug)]
pub enum StoreError {
    /// The file alone is larger than the whole in-memory store.
    OverCap { cap: u64 },
    /// Writing under --data-dir failed (for the log only, never the client).
    Io(io::Error),
}

/// A stored upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub id: String,
    /// Older media evicted to make room.
    pub evicted: usize,
}

pub struct Memory {
    by_id: HashMap<String, (MediaMeta, Bytes)>,
    /// Ids in the order stored, the oldest first.
    order: VecDeque<String>,
    bytes: u64,
    max_bytes: u64,
}

impl Memory {
    fn evict_oldest(&mut self) -> bool {
        let Some(id) = self.order.pop_front() else { return false };
        if let Some((_, data)) = self.by_id.remove(&id) {
            self.bytes -= data.len() as u64;
        }
        true
    }

    /// Evicts media past their three days (they are stored in order of age).
    fn sweep(&mut self, now: i64) {
        while self.order.front().and_then(|id| self.by_id.get(id)).is_some_and(|(meta, _)| meta.expired(now)) {
            self.evict_oldest();
        }
    }

    fn put(&mut self, id: String, meta: MediaMeta, data: Bytes) -> Result<usize, StoreError> {
        let len = data.len() as u64;
        if len > self.max_bytes {
            return Err(StoreError::OverCap { cap: self.max_bytes });
        }
        self.sweep(meta.created_at);
        let mut evicted = 0;
        while self.bytes + len > self.max_bytes || self.by_id.len() >= MAX_MEDIA_COUNT {
            if !self.evict_oldest() {
                break;
            }
            evicted += 1;
        }
        self.bytes += len;
        self.order.push_back(id.clone());
        self.by_id.insert(id, (meta, data));
        Ok(evicted)
    }

    fn get(&mut self, id: &str, now: i64) -> Option<(MediaMeta, Bytes)> {
        self.sweep(now);
        self.by_id.get(id).cloned()
    }
}

pub enum MediaStore {
    Memory(Mutex<Memory>),
    Dir(PathBuf),
}

impl MediaStore {
    pub fn in_memory(max_bytes: u64) -> MediaStore {
        MediaStore::Memory(Mutex::new(Memory { by_id: HashMap::new(), order: VecDeque::new(), bytes: 0, max_bytes }))
    }

    pub fn in_dir(dir: PathBuf) -> MediaStore {
        MediaStore::Dir(dir)
    }

    fn memory(memory: &Mutex<Memory>) -> std::sync::MutexGuard<'_, Memory> {
        memory.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stores an upload under a new media_id.
    pub fn put(&self, meta: &MediaMeta, data: Bytes) -> Result<Stored, StoreError> {
        let id = super::random_id(MEDIA_ID_LEN);
        match self {
            MediaStore::Memory(memory) => {
                let evicted = Self::memory(memory).put(id.clone(), meta.clone(), data)?;
                Ok(Stored { id, evicted })
            }
            MediaStore::Dir(dir) => {
                let json = serde_json::to_vec(meta).map_err(io::Error::other).map_err(StoreError::Io)?;
                std::fs::write(dir.join(&id), &data).map_err(StoreError::Io)?;
                std::fs::write(dir.join(format!("{id}.json")), json).map_err(StoreError::Io)?;
                Ok(Stored { id, evicted: 0 })
            }
        }
    }

    /// The media stored under an id, if it is there and has not expired
    /// (an expired one is evicted). An I/O error under --data-dir other than
    /// a missing file is an error, for the log.
    pub fn get(&self, id: &str, now: i64) -> io::Result<Option<(MediaMeta, Bytes)>> {
        if !plausible_id(id) {
            return Ok(None);
        }
        match self {
            MediaStore::Memory(memory) => Ok(Self::memory(memory).get(id, now)),
            MediaStore::Dir(dir) => {
                let meta_path = dir.join(format!("{id}.json"));
                let meta: MediaMeta = match std::fs::read(&meta_path) {
                    Ok(json) => serde_json::from_slice(&json).map_err(io::Error::other)?,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
                    Err(e) => return Err(e),
                };
                if meta.expired(now) {
                    let _ = std::fs::remove_file(dir.join(id));
                    let _ = std::fs::remove_file(&meta_path);
                    return Ok(None);
                }
                match std::fs::read(dir.join(id)) {
                    Ok(data) => Ok(Some((meta, Bytes::from(data)))),
                    Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// Media kept in memory and their total size (none under --data-dir).
    pub fn usage(&self) -> Option<(usize, u64, u64)> {
        match self {
            MediaStore::Memory(memory) => {
                let memory = Self::memory(memory);
                Some((memory.by_id.len(), memory.bytes, memory.max_bytes))
            }
            MediaStore::Dir(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(created_at: i64) -> MediaMeta {
        MediaMeta {
            kind: "image".to_owned(),
            extension: "png".to_owned(),
            content_type: "image/png".to_owned(),
            created_at,
            appid: "wx1".to_owned(),
        }
    }

    fn bytes(len: usize) -> Bytes {
        Bytes::from(vec![7u8; len])
    }

    #[test]
    fn the_oldest_media_go_when_the_cap_is_reached() {
        let store = MediaStore::in_memory(1000);
        let ids: Vec<Stored> = (0..3).map(|i| store.put(&meta(100 + i), bytes(300)).unwrap()).collect();
        assert!(ids.iter().all(|s| s.evicted == 0 && s.id.len() == MEDIA_ID_LEN));
        let fourth = store.put(&meta(103), bytes(300)).unwrap();
        assert_eq!(fourth.evicted, 1);
        assert_eq!(store.get(&ids[0].id, 103).unwrap(), None, "the oldest went");
        assert_eq!(store.get(&ids[1].id, 103).unwrap().unwrap().1.len(), 300);
        assert_eq!(store.usage(), Some((3, 900, 1000)));
        let big = store.put(&meta(104), bytes(1000)).unwrap();
        assert_eq!(big.evicted, 3, "room is made for a file as large as the cap");
        assert_eq!(store.usage(), Some((1, 1000, 1000)));
        assert!(matches!(store.put(&meta(105), bytes(1001)), Err(StoreError::OverCap { cap: 1000 })));
        assert_eq!(store.usage(), Some((1, 1000, 1000)), "a refused file evicts nothing");
    }

    #[test]
    fn the_number_of_media_is_bounded_too() {
        let store = MediaStore::in_memory(u64::MAX);
        let first = store.put(&meta(0), bytes(1)).unwrap();
        for _ in 1..MAX_MEDIA_COUNT {
            store.put(&meta(0), bytes(1)).unwrap();
        }
        assert_eq!(store.put(&meta(0), bytes(1)).unwrap().evicted, 1);
        assert_eq!(store.usage().unwrap().0, MAX_MEDIA_COUNT);
        assert_eq!(store.get(&first.id, 0).unwrap(), None);
    }

    #[test]
    fn media_expire_after_three_days_and_are_evicted() {
        let store = MediaStore::in_memory(10_000);
        let old = store.put(&meta(0), bytes(10)).unwrap();
        let new = store.put(&meta(1000), bytes(10)).unwrap();
        assert!(store.get(&old.id, MEDIA_LIFETIME_SECS).unwrap().is_some());
        assert_eq!(store.get(&old.id, MEDIA_LIFETIME_SECS + 1).unwrap(), None);
        assert_eq!(store.usage(), Some((1, 10, 10_000)), "evicted, not only hidden");
        assert!(store.get(&new.id, MEDIA_LIFETIME_SECS + 1).unwrap().is_some());
    }

    #[test]
    fn ids_are_checked_before_any_lookup() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.json"), b"{").unwrap();
        let store = MediaStore::in_dir(dir.path().to_owned());
        for id in ["", "../etc/passwd", "a/b", "a.json", "é"] {
            assert_eq!(store.get(id, 0).unwrap(), None, "{id}");
        }
        assert!(store.get("x", 0).is_err(), "a corrupt entry is an error for the log, not a missing one");
        let stored = store.put(&meta(50), bytes(5)).unwrap();
        assert_eq!(store.get(&stored.id, 50).unwrap().unwrap().0, meta(50));
        assert_eq!(store.get(&stored.id, 50 + MEDIA_LIFETIME_SECS + 1).unwrap(), None);
        assert!(!dir.path().join(&stored.id).exists(), "expired files are deleted");
    }

    #[test]
    fn media_are_served_as_their_format() {
        let mut m = meta(0);
        m.content_type = "text/html".to_owned();
        assert_eq!(m.served_type(), "image/png");
        m.extension = "exe".to_owned();
        assert_eq!(m.served_type(), "application/octet-stream");
    }
}
