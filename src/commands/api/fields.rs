//! `-f key=value` and `-F key=value` turned into a JSON body: pure, no I/O.
//!
//! `-f` values are strings as given. `-F` values are typed: `true`, `false`,
//! `null`, and whole numbers become JSON literals; anything else stays a
//! string. Keys nest: `a[b][c]=v` sets `{"a":{"b":{"c":v}}}`, and `a[]=v`
//! appends to the array `a`. `a[][k]=v` appends an object, or adds `k` to the
//! last one when it has no `k` yet, so `-F 'articles[][title]=A' -F
//! 'articles[][url]=U' -F 'articles[][title]=B'` makes two articles.

use serde_json::{Map, Value};
use std::fmt;

/// One `-f` or `-F` argument, in command-line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// `-F`: the value is typed; `-f`: it is a string.
    pub typed: bool,
    /// `key=value` as given.
    pub text: String,
}

/// A step of a key path: `name` or `[name]`, or `[]` (append).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Append,
}

/// Why a field cannot be placed; the message names the argument as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub reason: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field {:?}: {}", self.field, self.reason)
    }
}

impl std::error::Error for FieldError {}

/// The JSON object the fields make, in the order given.
pub fn build_body(fields: &[Field]) -> Result<Value, FieldError> {
    let mut root = Map::new();
    for field in fields {
        let fail = |reason: String| FieldError { field: field.text.clone(), reason };
        let Some((key, raw)) = field.text.split_once('=') else {
            return Err(fail("expected KEY=VALUE".to_owned()));
        };
        let steps = parse_key(key).map_err(fail)?;
        let value = if field.typed { typed_value(raw) } else { Value::String(raw.to_owned()) };
        place(&mut root, &steps, value).map_err(fail)?;
    }
    Ok(Value::Object(root))
}

/// A `-F` value: `true`, `false`, `null`, a whole number that fits 64 bits; else the string.
pub fn typed_value(raw: &str) -> Value {
    match raw {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "null" => Value::Null,
        _ => whole_number(raw).unwrap_or_else(|| Value::String(raw.to_owned())),
    }
}

/// `42`, `-7`, `0` as numbers; `007`, `+1`, `1.5`, `1e3` and out-of-range ones are not.
fn whole_number(raw: &str) -> Option<Value> {
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && raw != "-0";
    if !canonical {
        return None;
    }
    if let Ok(n) = raw.parse::<i64>() {
        return Some(n.into());
    }
    raw.parse::<u64>().ok().map(Into::into)
}

/// `name[a][][b]` → Key(name), Key(a), Append, Key(b).
fn parse_key(key: &str) -> Result<Vec<Step>, String> {
    let (name, mut rest) = match key.find('[') {
        Some(i) => (&key[..i], &key[i..]),
        None => (key, ""),
    };
    if name.is_empty() {
        return Err("the key is empty".to_owned());
    }
    if name.contains(']') {
        return Err("a key's brackets must be [name] or []".to_owned());
    }
    let mut steps = vec![Step::Key(name.to_owned())];
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[').and_then(|r| r.split_once(']'));
        let Some((inner, after)) = inner else {
            return Err("a key's brackets must be [name] or []".to_owned());
        };
        if inner.contains('[') {
            return Err("a key's brackets must be [name] or []".to_owned());
        }
        steps.push(if inner.is_empty() { Step::Append } else { Step::Key(inner.to_owned()) });
        rest = after;
    }
    if steps.windows(2).any(|w| w == [Step::Append, Step::Append]) {
        return Err("arrays of arrays ([][]) cannot be built from fields; use --input".to_owned());
    }
    Ok(steps)
}

/// Puts `value` at `steps` below `object`; `steps` starts with a key.
fn place(object: &mut Map<String, Value>, steps: &[Step], value: Value) -> Result<(), String> {
    let (Some(Step::Key(key)), rest) = (steps.first(), &steps[1..]) else {
        return Err("a key path must start with a name".to_owned());
    };
    match rest.first() {
        None => match object.get(key) {
            Some(_) => Err(format!("{key} is given twice")),
            None => {
                object.insert(key.clone(), value);
                Ok(())
            }
        },
        Some(Step::Key(_)) => {
            let entry = object.entry(key.clone()).or_insert_with(|| Value::Object(Map::new()));
            match entry {
                Value::Object(inner) => place(inner, rest, value),
                _ => Err(format!("{key} is already {}, not an object", kind(entry))),
            }
        }
        Some(Step::Append) => {
            let entry = object.entry(key.clone()).or_insert_with(|| Value::Array(Vec::new()));
            let Value::Array(items) = entry else {
                return Err(format!("{key} is already {}, not an array", kind(entry)));
            };
            let after = &rest[1..];
            if after.is_empty() {
                items.push(value);
                return Ok(());
            }
            let reuse = matches!(items.last(), Some(Value::Object(last)) if fits(last, after));
            if !reuse {
                items.push(Value::Object(Map::new()));
            }
            match items.last_mut() {
                Some(Value::Object(last)) => place(last, after, value),
                _ => Err(format!("{key}[] holds something other than objects")),
            }
        }
    }
}

/// Whether `steps` can be placed in `object` without meeting a value already set.
fn fits(object: &Map<String, Value>, steps: &[Step]) -> bool {
    let Some(Step::Key(key)) = steps.first() else { return false };
    match (object.get(key), steps.get(1)) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(Value::Object(inner)), Some(Step::Key(_))) => fits(inner, &steps[1..]),
        // Appending always finds room: in the last element or a new one.
        (Some(Value::Array(_)), Some(Step::Append)) => true,
        _ => false,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn f(text: &str) -> Field {
        Field { typed: false, text: text.to_owned() }
    }

    #[allow(non_snake_case)]
    fn F(text: &str) -> Field {
        Field { typed: true, text: text.to_owned() }
    }

    fn body(fields: &[Field]) -> Value {
        build_body(fields).unwrap()
    }

    fn error(fields: &[Field]) -> String {
        build_body(fields).unwrap_err().to_string()
    }

    #[test]
    fn raw_fields_are_strings_and_typed_fields_are_typed() {
        assert_eq!(
            body(&[f("a=1"), f("b=true"), F("c=1"), F("d=true"), F("e=false"), F("g=null"), F("h=text")]),
            json!({"a":"1","b":"true","c":1,"d":true,"e":false,"g":null,"h":"text"})
        );
        assert_eq!(body(&[F("n=-42"), F("z=0"), F("big=18446744073709551615")]), json!({"n":-42,"z":0,"big":u64::MAX}));
        for stays_text in ["007", "+1", "1.5", "1e3", "-0", "-", "", "18446744073709551616", " 1", "True", "NULL"] {
            assert_eq!(body(&[F(&format!("k={stays_text}"))]), json!({ "k": stays_text }), "{stays_text:?}");
        }
    }

    #[test]
    fn values_keep_equals_signs_and_chinese() {
        assert_eq!(
            body(&[f("url=https://x/?a=b&c=d"), f("content=你好，世界")]),
            json!({"url":"https://x/?a=b&c=d","content":"你好，世界"})
        );
        assert_eq!(body(&[f("empty=")]), json!({"empty":""}));
    }

    #[test]
    fn order_is_the_command_lines() {
        let text = serde_json::to_string(&body(&[f("z=1"), F("a=2"), f("m=3")])).unwrap();
        assert_eq!(text, r#"{"z":"1","a":2,"m":"3"}"#);
    }

    #[test]
    fn brackets_nest_objects_at_any_depth() {
        assert_eq!(
            body(&[
                f("touser=OPENID"),
                f("msgtype=text"),
                f("text[content]=Hello"),
                F("action_info[scene][scene_id]=123"),
                f("action_info[scene][x][y][z]=deep"),
            ]),
            json!({
                "touser": "OPENID",
                "msgtype": "text",
                "text": {"content": "Hello"},
                "action_info": {"scene": {"scene_id": 123, "x": {"y": {"z": "deep"}}}},
            })
        );
    }

    #[test]
    fn empty_brackets_append() {
        assert_eq!(body(&[F("ids[]=1"), F("ids[]=2"), f("ids[]=3")]), json!({"ids":[1,2,"3"]}));
        assert_eq!(body(&[F("a[b][]=true")]), json!({"a":{"b":[true]}}));
        assert_eq!(
            body(&[
                f("articles[][title]=A"),
                f("articles[][url]=U"),
                f("articles[][title]=B"),
                f("articles[][meta][k]=v"),
            ]),
            json!({"articles":[{"title":"A","url":"U"},{"title":"B","meta":{"k":"v"}}]})
        );
        assert_eq!(
            body(&[f("a[][b][c]=1"), f("a[][b][d]=2"), f("a[][b][c]=3")]),
            json!({"a":[{"b":{"c":"1","d":"2"}},{"b":{"c":"3"}}]})
        );
        assert_eq!(body(&[f("a[][tags][]=x"), f("a[][tags][]=y")]), json!({"a":[{"tags":["x","y"]}]}));
    }

    #[test]
    fn conflicts_and_malformed_keys_are_refused() {
        assert_eq!(error(&[f("a=1"), f("a=2")]), r#"field "a=2": a is given twice"#);
        assert_eq!(error(&[f("a=1"), f("a[b]=2")]), r#"field "a[b]=2": a is already a string, not an object"#);
        assert_eq!(error(&[f("a[b]=1"), f("a[]=2")]), r#"field "a[]=2": a is already an object, not an array"#);
        assert_eq!(error(&[f("a[]=1"), f("a[b]=2")]), r#"field "a[b]=2": a is already an array, not an object"#);
        assert_eq!(body(&[f("a[]=1"), f("a[][b]=2")]), json!({"a":["1",{"b":"2"}]}), "arrays may mix");
        assert_eq!(error(&[f("novalue")]), r#"field "novalue": expected KEY=VALUE"#);
        assert_eq!(error(&[f("=v")]), r#"field "=v": the key is empty"#);
        for bad in ["a[b=1", "a]=1", "a[b]c=1", "a[[b]]=1", "[b]=1"] {
            assert!(build_body(&[f(bad)]).is_err(), "{bad}");
        }
        assert!(error(&[f("a[][]=1")]).contains("use --input"));
    }
}
