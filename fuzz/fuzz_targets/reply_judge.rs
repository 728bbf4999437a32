//! A reply body from the developer's endpoint, judged as WeChat would.
use wxdev::wechat::reply::{judge, Expectation};

const ANSWERING: [&str; 4] = ["text", "event", "image", "news"];

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&first, rest)) = data.split_first() else { return };
        let body = String::from_utf8_lossy(rest);
        let expect = Expectation {
            user: "oUser",
            account: "gh_account",
            answering: ANSWERING[usize::from(first) % ANSWERING.len()],
        };
        let judgement = judge(&body, &expect);
        assert_eq!(judgement.accepted(), judgement.problems.is_empty());
        if judgement.silent {
            assert!(judgement.accepted() && judgement.reply.is_none());
        }
        if judgement.accepted() && !judgement.silent {
            assert!(judgement.reply.is_some(), "an accepted reply that is not silent was parsed");
        }
    });
}
