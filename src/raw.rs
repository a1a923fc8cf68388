//! A raw value from outside (a JS value in the worker; a `serde_json::Value` in native tests, the fuzzer and the
//! bench), read one field at a time. Stored state and page snapshots are read through this, so one damaged field
//! is reported and the rest survives; each part is decoded into its serde type (`decode`). No JSON text and no
//! JSON parser are involved in the WASM module.
//!
//! The native implementation is here; the one for JS values is part of the bindings (`bindings::raw_js`).

use serde::de::DeserializeOwned;
use serde::Deserialize;

pub trait Raw: Sized {
    /// `null` or `undefined`.
    fn is_null(&self) -> bool;
    /// An object that is not an array.
    fn is_object(&self) -> bool;
    /// A string (JS text: lone surrogates read as U+FFFD).
    fn as_text(&self) -> Option<String>;
    /// A field of an object; `None` when missing (or `undefined`) or when this is not an object. Names are the
    /// core's own literals (the WASM makes each into a JS string once).
    fn field(&self, name: &'static str) -> Option<Self>;
    /// An object's own entries, in order; `None` when this is not an object.
    fn entries(&self) -> Option<Vec<(String, Self)>>;
    /// An array's first `max` items and its length; `None` when this is not an array.
    fn items(&self, max: usize) -> Option<(Vec<Self>, usize)>;
    /// JSON text read by the platform's own parser (JS `JSON.parse` in the worker: older versions stored the state
    /// as text); `None` when it is not JSON.
    fn parse_json(text: &str) -> Option<Self>;
    /// The value as a typed serde value; `None` when it does not fit the type. Only the fields the type names
    /// are read (unknown fields are never walked, so their nesting does not matter).
    fn decode<T: DeserializeOwned>(&self) -> Option<T>;
}

#[cfg(not(target_arch = "wasm32"))]
impl Raw for serde_json::Value {
    fn is_null(&self) -> bool {
        self.is_null()
    }
    fn is_object(&self) -> bool {
        self.is_object()
    }
    fn as_text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn field(&self, name: &'static str) -> Option<Self> {
        self.as_object()?.get(name).cloned()
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        Some(
            self.as_object()?
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        )
    }
    fn items(&self, max: usize) -> Option<(Vec<Self>, usize)> {
        let items = self.as_array()?;
        Some((items.iter().take(max).cloned().collect(), items.len()))
    }
    fn parse_json(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
    fn decode<T: DeserializeOwned>(&self) -> Option<T> {
        T::deserialize(self).ok()
    }
}

/// For `#[serde(deserialize_with)]`: `null` or missing reads as the type's default.
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// For `#[serde(deserialize_with)]`: a value this version cannot read is dropped (`None`), not the whole record.
/// Both raw value kinds deserialise each field from its own value, so an error here leaves nothing half-read.
pub fn lenient<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d).ok().flatten())
}

#[cfg(test)]
mod tests {
    use super::Raw;
    use crate::snapshot::{Control, ControlKind};
    use crate::state::State;
    use serde_json::json;

    #[test]
    fn decodes_only_what_fits_the_type() {
        let control = json!({"kind": "rocket", "name": "x", "checked": null, "visible": null, "settled": true, "extra": [[[1]]]});
        let c: Control = control.decode().unwrap();
        assert_eq!(c.kind, ControlKind::Other, "an unknown kind reads as other");
        assert_eq!(c.checked, None);
        assert!(
            !c.visible && c.settled,
            "null flags read as their cautious default"
        );
        for bad in [
            json!({"checked": "true"}),
            json!({"keys": "k"}),
            json!({"section": 1.5}),
            json!([1]),
            json!("x"),
        ] {
            assert!(bad.decode::<Control>().is_none(), "{bad}");
        }
        assert_eq!(json!("  ").field("x"), None);
        assert_eq!(json!({"a": 1}).items(5), None);
        assert_eq!(
            json!([1, 2, 3]).items(2).map(|(i, n)| (i.len(), n)),
            Some((2, 3))
        );
    }

    #[test]
    fn the_stored_state_round_trips_through_its_serde_type() {
        let text = r#"{"schema":2,"region":"eu","setupDone":true,"account":null,"settings":{"gen-ai-improvement":{"state":"off","seenAt":5,"changedAt":4,"reason":"key"}},"dismissed":["ads-age"],"recheckDays":30}"#;
        let state = State::load(Some(text)).state;
        let value = serde_json::to_value(&state).unwrap();
        assert_eq!(State::read(Some(&value)).state, state);
        assert!(!State::read(Some(&value)).backup);
        // And as text, as earlier versions stored it.
        let as_text = serde_json::Value::String(value.to_string());
        assert_eq!(State::read(Some(&as_text)).state, state);
    }
}
