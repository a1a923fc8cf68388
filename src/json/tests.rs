// Differential checks against serde_json (a dev-dependency): the same texts are accepted or refused,
// integers and strings read the same, and written text reads back unchanged.
use super::*;

fn to_json(v: &serde_json::Value) -> Json {
    match v {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(*b),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Json::Int(i),
            (None, Some(u)) => Json::UInt(u),
            _ => Json::Float,
        },
        serde_json::Value::String(s) => Json::Str(s.clone()),
        serde_json::Value::Array(a) => Json::Array(a.iter().map(to_json).collect()),
        serde_json::Value::Object(_) => unreachable!("compared by lookup"),
    }
}

fn same(text: &str) {
    let ours = Json::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    assert_eq!(
        ours.is_some(),
        theirs.is_ok(),
        "accept/refuse differs for {text:?}"
    );
    if let (Some(ours), Ok(theirs)) = (ours, theirs) {
        if !theirs.is_object() && !has_object(&theirs) {
            assert_eq!(ours, to_json(&theirs), "{text:?}");
        }
    }
}

fn has_object(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Object(_) => true,
        serde_json::Value::Array(a) => a.iter().any(has_object),
        _ => false,
    }
}

#[test]
fn accepts_and_refuses_like_serde_json() {
    for text in [
        "null",
        "true",
        "false",
        " 1 ",
        "-1",
        "0",
        "-0",
        "01",
        "1.",
        ".5",
        "1.5",
        "1e5",
        "1E+5",
        "1e-5",
        "1e",
        "-",
        "+1",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1e308",
        "1e309",
        "-1e400",
        "123456789012345678901234567890",
        "0e999999",
        "\"a\"",
        "\"\\u00e4\\n\\t\\\"\\\\\\/\"",
        "\"\\ud83d\\ude00\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"a\tb\"",
        "\"a\u{7f}b\"",
        "\"ä😀\"",
        "[]",
        "[1,]",
        "[1 2]",
        "[,1]",
        "{}",
        "{\"a\":1}",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\" 1}",
        "[1]x",
        "tru",
        "nul",
        "",
        "  ",
        "[[[]]]",
        "{\"a\":[{\"b\":null}]}",
        "\"unterminated",
        "[\"\\u0000\"]",
    ] {
        same(text);
    }
}

/// Unlike serde_json, a lone surrogate (a page's text cut inside an emoji) reads as U+FFFD instead of making
/// the whole value unreadable: one bad label must not cost the page its reading.
#[test]
fn lone_surrogates_become_replacement_characters() {
    for (text, want) in [
        ("\"\\ud83d\"", "\u{FFFD}"),
        ("\"\\ude00\"", "\u{FFFD}"),
        ("\"\\ud83dx\"", "\u{FFFD}x"),
        ("\"\\ud83d\\u0041\"", "\u{FFFD}A"),
        ("\"a\\ud83d\\ud83d\\ude00\"", "a\u{FFFD}\u{1F600}"),
    ] {
        assert_eq!(
            Json::parse(text),
            Some(Json::Str(want.to_string())),
            "{text}"
        );
    }
}

#[test]
fn nesting_limit_is_serde_jsons() {
    for depth in [126, 127, 128, 129, 10_000] {
        same(&("[".repeat(depth) + &"]".repeat(depth)));
        same(&("{\"a\":".repeat(depth) + "1" + &"}".repeat(depth)));
    }
}

#[test]
fn last_duplicate_key_wins() {
    let v = Json::parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
    assert_eq!(v.get("a"), Some(&Json::Int(3)));
    assert_eq!(v.get("c"), None);
}

#[test]
fn writes_what_serde_json_writes() {
    let text: String = (0u32..0x80)
        .filter_map(char::from_u32)
        .chain("ä€😀\u{2028}".chars())
        .collect();
    let mut w = Writer::default();
    w.begin_object()
        .key("s")
        .string(&text)
        .key("n")
        .int(i64::MIN)
        .key("m")
        .int(i64::MAX);
    w.key("o")
        .opt_int(None)
        .key("l")
        .strings(&["x".to_string(), "\"".to_string()])
        .end_object();
    let expected =
        serde_json::json!({"s": text, "n": i64::MIN, "m": i64::MAX, "o": null, "l": ["x", "\""]});
    // Same text, key order aside (serde_json's map sorts): compare values, then the string escapes.
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&w.out).unwrap(),
        expected
    );
    let mut ours = Writer::default();
    ours.string(&text);
    assert_eq!(ours.out, serde_json::to_string(&text).unwrap());
}

#[test]
fn reads_structs_from_objects_or_arrays() {
    let v = Json::parse(r#"{"b": 2, "x": 0}"#).unwrap();
    assert_eq!(v.fields(["a", "b"]), Some([None, Some(&Json::Int(2))]));
    let v = Json::parse("[1]").unwrap();
    assert_eq!(v.fields(["a", "b"]), Some([Some(&Json::Int(1)), None]));
    assert_eq!(Json::parse("[1, 2, 3]").unwrap().fields(["a", "b"]), None);
    assert_eq!(
        Json::parse(r#"{"on": null}"#).unwrap().as_variant(),
        Some("on")
    );
    assert_eq!(Json::parse(r#"{"on": 1}"#).unwrap().as_variant(), None);
}
