//! A message body as WeChat (or anyone) POSTs it to the endpoint.
use wxdev::wechat::{Element, Incoming};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let body = String::from_utf8_lossy(data);
        let parsed = Incoming::parse(&body);
        if let Ok(root) = Element::parse_document(&body) {
            let _ = root.to_json();
            // What we render is XML we can read again.
            Element::parse_document(&root.render()).expect("a rendered document parses");
            assert_eq!(Incoming::from_element(&root), parsed);
        }
        if let Ok(message) = parsed {
            let _ = (message.summary(), message.kind_label(), message.dedup_key());
            let again = Incoming::parse(&message.to_xml()).expect("a rendered message parses");
            assert_eq!(again.msg_type(), message.msg_type());
        }
    });
}
