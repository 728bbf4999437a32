//! `wxdev serve` (or `wxdev mock-api`) running as a real process on a free port.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Served {
    child: Child,
    /// The base URL printed at startup, e.g. http://127.0.0.1:PORT/wechat.
    pub url: String,
    lines: Arc<Mutex<Vec<String>>>,
    errors: Arc<Mutex<Vec<String>>>,
}

impl Served {
    /// Starts `wxdev SUBCOMMAND --port 0 ARGS…` and waits for the line that announces its URL.
    pub fn start(args: &[&str]) -> Served {
        let mut all = args.to_vec();
        all.extend(["--port", "0"]);
        Self::start_exact(&all)
    }

    /// Starts `wxdev ARGS…` as given and waits for the line that announces its URL.
    pub fn start_exact(args: &[&str]) -> Served {
        let dir = std::env::temp_dir();
        let mut cmd = Command::new(super::bin());
        cmd.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        cmd.env("HOME", &dir).current_dir(&dir);
        cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).stdin(Stdio::null());
        let mut child = cmd.spawn().expect("spawn wxdev");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let errors = Arc::new(Mutex::new(Vec::new()));
        pump(child.stdout.take().unwrap(), lines.clone());
        pump(child.stderr.take().unwrap(), errors.clone());
        let started = Instant::now();
        let url = loop {
            let found = lines.lock().unwrap().iter().chain(errors.lock().unwrap().iter()).find_map(|l| find_url(l));
            if let Some(url) = found {
                break url;
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("wxdev {args:?} exited with {status}: {:?}", errors.lock().unwrap());
            }
            assert!(started.elapsed() < Duration::from_secs(20), "no URL announced: {:?}", lines.lock().unwrap());
            std::thread::sleep(Duration::from_millis(20));
        };
        Served { child, url, lines, errors }
    }

    /// Stdout lines so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Stderr lines so far.
    pub fn errors(&self) -> Vec<String> {
        self.errors.lock().unwrap().clone()
    }

    /// Waits until some stdout line satisfies `pred`.
    pub fn wait_for_line(&self, pred: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            if let Some(line) = self.lines().into_iter().find(|l| pred(l)) {
                return line;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "line not seen; got {:?}", self.lines());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn child(&mut self) -> &mut Child {
        &mut self.child
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn pump(stream: impl std::io::Read + Send + 'static, into: Arc<Mutex<Vec<String>>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            into.lock().unwrap().push(line);
        }
    });
}

fn find_url(line: &str) -> Option<String> {
    let start = line.find("http://")?;
    let url: String = line[start..].chars().take_while(|c| !c.is_whitespace() && *c != '"' && *c != ')').collect();
    Some(url)
}
