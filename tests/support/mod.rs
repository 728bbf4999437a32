//! Helpers for running the real binary and real loopback HTTP peers.
#![allow(dead_code, unused_imports)]

pub mod browser;
pub mod http;
pub mod raw_server;
pub mod redis;
pub mod served;

pub use raw_server::{RawRequest, RawResponse, RawServer};
pub use served::Served;

use serde_json::Value;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_wxdev")
}

/// The known-good protocol vectors, a copy of the shared `wechat/vectors.json`
/// kept in the repository so that the tests read nothing outside it (`.ci/run`
/// checks the copy is current when the shared material sits beside the clone).
pub fn vectors() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vectors.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// A `wxdev` invocation with a clean environment: no WXDEV_* settings, a
/// private HOME and working directory, so nothing on the machine leaks in.
pub struct Wx {
    cmd: Command,
    stdin: Option<Vec<u8>>,
    pub dir: tempfile::TempDir,
}

pub fn wxdev() -> Wx {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(bin());
    cmd.env_clear();
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    cmd.env("HOME", dir.path()).env("XDG_CACHE_HOME", dir.path().join("cache")).current_dir(dir.path());
    Wx { cmd, stdin: None, dir }
}

impl Wx {
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.cmd.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Writes a file into the invocation's working directory.
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Self {
        std::fs::write(self.dir.path().join(name), contents).unwrap();
        self
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(mut self) -> Run {
        self.cmd.stdin(if self.stdin.is_some() { Stdio::piped() } else { Stdio::null() });
        self.cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("spawn wxdev");
        if let Some(bytes) = self.stdin.take() {
            let mut stdin = child.stdin.take().unwrap();
            std::thread::spawn(move || {
                let _ = stdin.write_all(&bytes);
            });
        }
        let out = child.wait_with_output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            dir: self.dir,
        }
    }
}

/// Starts every invocation at the same moment (each thread waits at a
/// barrier until all are ready) and returns their runs in order.
pub fn at_once(invocations: Vec<Wx>) -> Vec<Run> {
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(invocations.len()));
    let handles: Vec<_> = invocations
        .into_iter()
        .map(|wx| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                wx.run()
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

/// A finished invocation.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub dir: tempfile::TempDir,
}

impl Run {
    /// Stdout as exactly one JSON object.
    pub fn json(&self) -> Value {
        let trimmed = self.stdout.trim_end_matches('\n');
        assert!(!trimmed.contains('\n'), "stdout holds more than one line:\n{}", self.stdout);
        serde_json::from_str(trimmed)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr))
    }

    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "exit code\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        self
    }

    /// A usage error: exit 2, one `error:` line on stderr, no panic.
    pub fn assert_usage_error(&self, needle: &str) -> &Self {
        self.assert_code(2);
        self.assert_clean_error(needle)
    }

    /// A human error: the needle on an `error:` line, no panic, no Debug dump.
    pub fn assert_clean_error(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.lines().any(|l| l.contains("error") && l.contains(needle)),
            "expected an error line with {needle:?}, stderr:\n{}",
            self.stderr
        );
        for bad in ["panicked", "RUST_BACKTRACE", "Os {", "kind:"] {
            assert!(!self.stderr.contains(bad), "stderr has {bad:?}:\n{}", self.stderr);
        }
        assert!(self.stderr.lines().count() <= 6, "too many lines:\n{}", self.stderr);
        self
    }
}
