//! A real `redis-server` of the test's own: a free loopback port, persistence
//! off, stopped when dropped. `scripts/test` installs it on a fresh machine.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Redis {
    child: Option<Child>,
    pub port: u16,
}

impl Redis {
    pub fn start() -> Redis {
        let port = free_port();
        let mut redis = Redis { child: None, port };
        redis.resume();
        redis
    }

    /// `redis://127.0.0.1:PORT/0`, the form `--store` takes.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// Stops the server (SIGKILL: an outage, not a shutdown); `resume` starts
    /// an empty one on the same port.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn resume(&mut self) {
        assert!(self.child.is_none(), "redis-server is already running");
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            .args(["--protected-mode", "no", "--daemonize", "no", "--loglevel", "warning"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start redis-server ({e}): run scripts/test, which installs it"));
        self.child = Some(child);
        let started = Instant::now();
        while self.cli(&["PING"]).trim() != "PONG" {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "redis-server on port {} did not answer PING",
                self.port
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Runs one command through `redis-cli` and returns its raw output.
    pub fn cli(&self, args: &[&str]) -> String {
        let out = Command::new("redis-cli")
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "--no-raw"])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("run redis-cli ({e}): run scripts/test, which installs it"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs one command through `redis-cli --raw` (values unquoted).
    pub fn raw(&self, args: &[&str]) -> String {
        let out = Command::new("redis-cli")
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "--raw"])
            .args(args)
            .output()
            .expect("run redis-cli");
        String::from_utf8_lossy(&out.stdout).trim_end_matches('\n').to_string()
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.stop();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}
