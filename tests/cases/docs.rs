//! Generated documents must match the tables they come from; WXDEV_BLESS=1 rewrites them.

use std::path::Path;

#[test]
fn committed_errcode_table_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/errcodes.md");
    let generated = wxdev::wechat::errcode::markdown();
    if std::env::var_os("WXDEV_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/errcodes.md differs from the table: run `WXDEV_BLESS=1 cargo test errcode` and commit"
    );
}
