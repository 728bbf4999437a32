//! Reading and writing record files. A file is written to a temporary name
//! in the same directory and renamed into place, so that a reader never sees
//! half of one; names sort by time (`20261203T081500.123456Z-0001.json`).

use super::{utc_stamps, Exchange, FORMAT_VERSION};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot write {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("cannot read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("{path} is not a wxdev record file: {reason}")]
    Format { path: PathBuf, reason: String },
    #[error("{path} has format version {version}; this wxdev reads version {FORMAT_VERSION}")]
    Version { path: PathBuf, version: u32 },
}

/// Writes exchanges into a directory, numbering them in the order written.
pub struct Recorder {
    dir: PathBuf,
    sequence: AtomicU64,
}

impl Recorder {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Recorder { dir: dir.into(), sequence: AtomicU64::new(0) }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one exchange under a fresh name; returns its path.
    pub fn write(&self, exchange: &Exchange, at: std::time::SystemTime) -> Result<PathBuf, StoreError> {
        let n = self.sequence.fetch_add(1, Ordering::Relaxed) + 1;
        let name = format!("{}-{n:04}.json", utc_stamps(at).1);
        let path = self.dir.join(name);
        write_file(&path, exchange)?;
        Ok(path)
    }
}

/// Writes an exchange to `path` atomically (temporary file, then rename).
pub fn write_file(path: &Path, exchange: &Exchange) -> Result<(), StoreError> {
    let failed = |e: &std::io::Error| StoreError::Write { path: path.to_owned(), reason: crate::client::io_reason(e) };
    let mut text = serde_json::to_string_pretty(exchange).expect("an exchange serializes");
    text.push('\n');
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp =
        tempfile::Builder::new().prefix(".wxdev-").suffix(".tmp").tempfile_in(dir).map_err(|e| failed(&e))?;
    std::io::Write::write_all(&mut temp, text.as_bytes()).map_err(|e| failed(&e))?;
    temp.persist(path).map_err(|e| failed(&e.error))?;
    Ok(())
}

/// Reads one record file.
pub fn read_file(path: &Path) -> Result<Exchange, StoreError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| StoreError::Read { path: path.to_owned(), reason: crate::client::io_reason(&e) })?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| StoreError::Format { path: path.to_owned(), reason: e.to_string() })?;
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(FORMAT_VERSION) {
        return Err(StoreError::Version { path: path.to_owned(), version: version as u32 });
    }
    serde_json::from_value(value).map_err(|e| StoreError::Format { path: path.to_owned(), reason: e.to_string() })
}

/// The record files named: a directory stands for its `*.json` files in name
/// (that is, time) order; files are taken in the order given.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, StoreError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| StoreError::Read { path: path.clone(), reason: crate::client::io_reason(&e) })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "json")
                        && !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
                })
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recording::{RecordedBody, RecordedRequest, Timings};

    fn exchange() -> Exchange {
        Exchange {
            version: FORMAT_VERSION,
            recorded_at: "2026-12-03T08:15:00.123456Z".into(),
            upstream: Some("http://127.0.0.1:8080".into()),
            request: RecordedRequest {
                method: "POST".into(),
                target: "/wechat?signature=x".into(),
                headers: vec![("content-type".into(), "text/xml".into())],
                body: RecordedBody::from_bytes(b"<xml/>"),
            },
            response: None,
            error: Some("hung up".into()),
            timings: Timings::default(),
            message: None,
            reply: None,
        }
    }

    #[test]
    fn files_round_trip_and_sort_in_the_order_written() {
        let dir = tempfile::tempdir().unwrap();
        let recorder = Recorder::new(dir.path());
        let at = std::time::SystemTime::now();
        let first = recorder.write(&exchange(), at).unwrap();
        let second = recorder.write(&exchange(), at).unwrap();
        assert!(first < second);
        assert_eq!(collect(&[dir.path().to_owned()]).unwrap(), vec![first.clone(), second]);
        assert_eq!(read_file(&first).unwrap(), exchange());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file is left");
    }

    #[test]
    fn a_newer_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        let mut e = exchange();
        e.version = FORMAT_VERSION + 1;
        write_file(&path, &e).unwrap();
        assert!(matches!(read_file(&path), Err(StoreError::Version { .. })));
    }
}
