//! Headless Chromium driven over WebDriver: Debian's `chromium` and
//! `chromium-driver` (`scripts/test` installs them), one browser per test,
//! with a fresh profile and no network beyond loopback.
//!
//! The tests are synchronous; the async WebDriver client runs on a small
//! runtime owned by the `Browser`.

use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Browser {
    rt: tokio::runtime::Runtime,
    client: Option<Client>,
    driver: Child,
    _profile: tempfile::TempDir,
}

/// How long a wait for something to appear lasts before the test fails.
const PATIENCE: Duration = Duration::from_secs(15);

impl Browser {
    /// Starts chromedriver on a free port and opens a headless Chromium
    /// window of `width`×`height`.
    pub fn start(width: u32, height: u32) -> Browser {
        let port = super::redis::free_port();
        let driver_path = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {driver_path} ({e}): run scripts/test, which installs chromium-driver"));
        let profile = tempfile::tempdir().unwrap();
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let chrome = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chrome,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.path().display()),
                    "--lang=zh-CN",
                ]
            }),
        );
        let started = Instant::now();
        let client = loop {
            let attempt = rt.block_on(
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&format!("http://127.0.0.1:{port}")),
            );
            match attempt {
                Ok(client) => break client,
                Err(e) if started.elapsed() < PATIENCE => {
                    let _ = e;
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => panic!("no WebDriver session from chromedriver on port {port}: {e}"),
            }
        };
        Browser { rt, client: Some(client), driver, _profile: profile }
    }

    fn client(&self) -> &Client {
        self.client.as_ref().expect("browser session")
    }

    pub fn goto(&self, url: &str) {
        self.rt.block_on(self.client().goto(url)).unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    pub fn current_url(&self) -> String {
        self.rt.block_on(self.client().current_url()).unwrap().to_string()
    }

    pub fn refresh(&self) {
        self.rt.block_on(self.client().refresh()).unwrap();
    }

    /// The page's visible text (`document.body.innerText`).
    pub fn body_text(&self) -> String {
        self.script("return document.body ? document.body.innerText : ''").as_str().unwrap_or_default().to_string()
    }

    /// Runs JavaScript in the page and returns what it returns.
    pub fn script(&self, js: &str) -> serde_json::Value {
        self.rt.block_on(self.client().execute(js, vec![])).unwrap_or_else(|e| panic!("script {js:?}: {e}"))
    }

    /// Waits until the page's text contains `needle`, and returns that text.
    pub fn wait_for_text(&self, needle: &str) -> String {
        let started = Instant::now();
        loop {
            let text = self.body_text();
            if text.contains(needle) {
                return text;
            }
            assert!(started.elapsed() < PATIENCE, "page never showed {needle:?}; it shows:\n{text}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the element matching `css` and returns its text.
    pub fn text_of(&self, css: &str) -> String {
        let client = self.client();
        self.rt.block_on(async {
            let el = element(client, css).await;
            el.text().await.unwrap()
        })
    }

    /// How many elements match `css` right now.
    pub fn count(&self, css: &str) -> usize {
        self.rt.block_on(self.client().find_all(Locator::Css(css))).map(|v| v.len()).unwrap_or(0)
    }

    /// Waits for the element matching `css` and clicks it.
    pub fn click(&self, css: &str) {
        let client = self.client();
        self.rt.block_on(async {
            let el = element(client, css).await;
            el.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
        })
    }

    /// Clicks the first element matching `css` whose text contains `label`.
    pub fn click_text(&self, css: &str, label: &str) {
        let client = self.client();
        self.rt.block_on(async {
            let started = Instant::now();
            loop {
                for el in client.find_all(Locator::Css(css)).await.unwrap_or_default() {
                    if el.text().await.map(|t| t.contains(label)).unwrap_or(false) {
                        el.click().await.unwrap_or_else(|e| panic!("click {css} {label:?}: {e}"));
                        return;
                    }
                }
                assert!(started.elapsed() < PATIENCE, "no {css} reading {label:?}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    }

    /// Types `text` into the element matching `css` (WebDriver key codes such
    /// as "\u{E007}" for Enter work too).
    pub fn type_into(&self, css: &str, text: &str) {
        let client = self.client();
        self.rt.block_on(async {
            let el = element(client, css).await;
            el.send_keys(text).await.unwrap_or_else(|e| panic!("type into {css}: {e}"));
        })
    }

    /// Saves a PNG of the window under `target/screenshots/NAME.png`, prints
    /// the path, and returns it.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.rt.block_on(self.client().screenshot()).expect("screenshot");
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        println!("screenshot: {}", path.display());
        eprintln!("screenshot: {}", path.display());
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = self.rt.block_on(client.close());
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Waits (at most PATIENCE) for the element matching `css`.
async fn element(client: &Client, css: &str) -> fantoccini::elements::Element {
    let wait = client.wait().at_most(PATIENCE).for_element(Locator::Css(css));
    wait.await.unwrap_or_else(|e| panic!("no element {css}: {e}"))
}
