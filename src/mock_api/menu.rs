//! The custom menu routes: `menu/create` (checked with the same rules as
//! `wxdev menu create`), `menu/get` and `menu/delete`, one menu per AppID.
//!
//! Menus live in memory, or under `--data-dir` as `menu-APPID.json`, each
//! written to a temporary file and renamed into place so that a reader never
//! sees half a menu. There is at most one menu per configured AppID (a call
//! needs a valid token, and tokens are issued only to configured AppIDs), and
//! each is at most [`MAX_JSON_BODY`] bytes: the store is bounded by the
//! configuration, not by what callers send.

use super::answer::{ok, shown_appid, typical, Answer};
use super::body::{RequestBody, MAX_JSON_BODY};
use super::{lock, MockApi};
use crate::http::server::BodyError;
use crate::wechat::menu::{validate, Menu};
use hyper::http::request::Parts;
use hyper::Method;
use serde_json::json;
use std::collections::HashMap;
use std::io;
use std::path::PathBuf;
use std::sync::Mutex;

pub enum MenuStore {
    Memory(Mutex<HashMap<String, Menu>>),
    Dir(PathBuf),
}

impl MenuStore {
    pub fn new(dir: Option<PathBuf>) -> MenuStore {
        match dir {
            Some(dir) => MenuStore::Dir(dir),
            None => MenuStore::Memory(Mutex::new(HashMap::new())),
        }
    }

    /// Where an AppID's menu is kept under --data-dir; `None` for an AppID
    /// that is not safe in a file name (configured ones are `wx…` letters and digits).
    fn file(dir: &std::path::Path, appid: &str) -> Option<PathBuf> {
        let safe = !appid.is_empty()
            && appid.len() <= 64
            && appid.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        safe.then(|| dir.join(format!("menu-{appid}.json")))
    }

    fn unsafe_appid() -> io::Error {
        io::Error::other("AppID not usable in a file name")
    }

    pub fn put(&self, appid: &str, menu: Menu) -> io::Result<()> {
        match self {
            MenuStore::Memory(menus) => {
                lock(menus).insert(appid.to_owned(), menu);
                Ok(())
            }
            MenuStore::Dir(dir) => {
                let path = Self::file(dir, appid).ok_or_else(Self::unsafe_appid)?;
                let mut tmp = tempfile::Builder::new().prefix(".menu-").suffix(".part").tempfile_in(dir)?;
                io::Write::write_all(&mut tmp, menu.to_create_json().as_bytes())?;
                tmp.as_file().sync_all()?;
                tmp.persist(&path).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }

    pub fn get(&self, appid: &str) -> io::Result<Option<Menu>> {
        match self {
            MenuStore::Memory(menus) => Ok(lock(menus).get(appid).cloned()),
            MenuStore::Dir(dir) => {
                let path = Self::file(dir, appid).ok_or_else(Self::unsafe_appid)?;
                match std::fs::read_to_string(&path) {
                    Ok(text) => Menu::from_json(&text).map(Some).map_err(io::Error::other),
                    Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// Removes the AppID's menu; whether there was one.
    pub fn delete(&self, appid: &str) -> io::Result<bool> {
        match self {
            MenuStore::Memory(menus) => Ok(lock(menus).remove(appid).is_some()),
            MenuStore::Dir(dir) => {
                let path = Self::file(dir, appid).ok_or_else(Self::unsafe_appid)?;
                match std::fs::remove_file(path) {
                    Ok(()) => Ok(true),
                    Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
                    Err(e) => Err(e),
                }
            }
        }
    }
}

impl MockApi {
    /// `POST /cgi-bin/menu/create`: the first broken rule's errcode, else stored.
    pub(super) async fn create_menu(
        &self,
        head: &Parts,
        query: &HashMap<String, String>,
        body: &mut RequestBody,
    ) -> Answer {
        if head.method != Method::POST {
            return typical(43002, "-", "menu/create wants POST");
        }
        let appid = match self.check_token(query.get("access_token").map(String::as_str)) {
            Ok(appid) => appid,
            Err(refusal) => return refusal.answer(),
        };
        let who = shown_appid(&appid);
        let body = match body.read(MAX_JSON_BODY).await {
            Ok(body) => body,
            Err(BodyError::TooLarge) => return typical(47001, &who, "body over 64 KB"),
            Err(_) => return typical(47001, &who, "body unreadable"),
        };
        let Ok(text) = std::str::from_utf8(&body) else {
            return typical(47001, &who, "body is not UTF-8");
        };
        let menu = match Menu::from_json(text) {
            Ok(menu) => menu,
            Err(e) => return typical(47001, &who, format!("not a menu: {e}")),
        };
        if let Some(first) = validate(&menu).into_iter().next() {
            return typical(first.errcode, &who, format!("{}: {} ({})", first.path, first.rule, first.figure));
        }
        let buttons = menu.button.len();
        if let Err(e) = self.menus.put(&appid, menu) {
            return typical(-1, &who, format!("cannot store the menu under --data-dir: {e}"));
        }
        ok(json!({"errcode": 0, "errmsg": "ok"}), &who, format!("menu created ({buttons} top-level buttons)"))
    }

    /// `GET /cgi-bin/menu/get`: 46003 without a menu.
    pub(super) fn get_menu(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "menu/get wants GET");
        }
        let appid = match self.check_token(query.get("access_token").map(String::as_str)) {
            Ok(appid) => appid,
            Err(refusal) => return refusal.answer(),
        };
        let who = shown_appid(&appid);
        match self.menus.get(&appid) {
            Ok(Some(menu)) => ok(menu.to_get_json(), &who, "menu sent".to_owned()),
            Ok(None) => typical(46003, &who, "no menu"),
            Err(e) => typical(-1, &who, format!("cannot read the menu under --data-dir: {e}")),
        }
    }

    /// `GET /cgi-bin/menu/delete`.
    pub(super) fn delete_menu(&self, method: &Method, query: &HashMap<String, String>) -> Answer {
        if method != Method::GET {
            return typical(43001, "-", "menu/delete wants GET");
        }
        let appid = match self.check_token(query.get("access_token").map(String::as_str)) {
            Ok(appid) => appid,
            Err(refusal) => return refusal.answer(),
        };
        let who = shown_appid(&appid);
        match self.menus.delete(&appid) {
            Ok(had) => {
                let detail = if had { "menu deleted" } else { "no menu to delete" };
                ok(json!({"errcode": 0, "errmsg": "ok"}), &who, detail.to_owned())
            }
            Err(e) => typical(-1, &who, format!("cannot delete the menu under --data-dir: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_round_trip_in_memory_and_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let menu = Menu::from_json(r#"{"button":[{"type":"click","name":"今日歌曲","key":"K"}]}"#).unwrap();
        for store in [MenuStore::new(None), MenuStore::new(Some(dir.path().to_owned()))] {
            assert_eq!(store.get("wx1").unwrap(), None);
            store.put("wx1", menu.clone()).unwrap();
            assert_eq!(store.get("wx1").unwrap(), Some(menu.clone()));
            assert_eq!(store.get("wx2").unwrap(), None);
            assert!(store.delete("wx1").unwrap());
            assert!(!store.delete("wx1").unwrap());
            assert_eq!(store.get("wx1").unwrap(), None);
        }
        let on_disk = MenuStore::new(Some(dir.path().to_owned()));
        assert!(on_disk.put("../x", menu).is_err(), "an AppID is never a path");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "no temporary files left: {left:?}");
    }
}
