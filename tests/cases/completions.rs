//! completions/* must be what the current CLI generates; WXDEV_BLESS=1 rewrites them.

use crate::support::wxdev;
use std::path::Path;

const SHELLS: [(&str, &str); 5] = [
    ("bash", "wxdev.bash"),
    ("zsh", "_wxdev"),
    ("fish", "wxdev.fish"),
    ("powershell", "_wxdev.ps1"),
    ("elvish", "wxdev.elv"),
];

#[test]
fn committed_completions_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let bless = std::env::var_os("WXDEV_BLESS").is_some();
    let mut stale = Vec::new();
    for (shell, file) in SHELLS {
        let run = wxdev().args(["completions", shell]).run();
        run.assert_code(0);
        assert!(run.stdout.contains("wxdev"), "{shell} script is empty");
        let path = dir.join(file);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &run.stdout).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(run.stdout.as_str()) {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "completions/{stale:?} differ from the CLI: run `WXDEV_BLESS=1 cargo test completions` and commit"
    );
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let run = wxdev().args(["completions", "tcsh"]).run();
    run.assert_code(2);
}
