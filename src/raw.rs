//! A raw value from outside (a JS value in the worker; a `serde_json::Value` in native tests, the fuzzer and the
//! bench), read one field at a time. Stored state and page snapshots are read through this, so one damaged field
//! is reported and the rest survives; each part is decoded into its serde type (`decode`). No JSON text and no
//! JSON parser are involved in the WASM module.

use serde::de::DeserializeOwned;

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

mod js {
    //! Compiled on every target (clippy and the native build check `wasm_api`), used only in the WASM.
    //!
    //! JS values decoded into serde types. serde-wasm-bindgen encodes the replies; decoding uses this small
    //! deserializer instead: serde-wasm-bindgen's errors are formatted messages (serde's `Unexpected`, with float
    //! formatting), about 16 KiB of the gzipped module (measured in issue 16), and the core never shows them — a value that does not fit
    //! is simply unreadable. Only the shapes the core's types ask for are read: an object is read by the field
    //! names a struct declares (never walked as a whole), so neither unknown fields nor deep nesting cost anything.
    use super::Raw;
    use js_sys::{Array, Number, Object, Reflect};
    use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
    use wasm_bindgen::{JsCast, JsValue};

    /// A value that does not fit the type. Carries no message: nothing formats one.
    #[derive(Debug)]
    pub struct Unfit;

    impl core::fmt::Display for Unfit {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("unfit value")
        }
    }

    impl std::error::Error for Unfit {}

    impl de::Error for Unfit {
        fn custom<T: core::fmt::Display>(_: T) -> Self {
            Unfit
        }
    }

    struct De(JsValue);

    impl De {
        /// A JS number that is a whole number within ±2^53 (exactly representable).
        fn int(&self) -> Result<f64, Unfit> {
            let n = self.0.as_f64().ok_or(Unfit)?;
            if Number::is_safe_integer(&self.0) {
                Ok(n)
            } else {
                Err(Unfit)
            }
        }
    }

    impl<'de> de::Deserializer<'de> for De {
        type Error = Unfit;

        fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            // Scalars only: an object or array is read only through a type that names its shape.
            if self.0.is_null() || self.0.is_undefined() {
                v.visit_unit()
            } else if let Some(b) = self.0.as_bool() {
                v.visit_bool(b)
            } else if let Some(s) = self.0.as_string() {
                v.visit_string(s)
            } else if let Ok(n) = self.int() {
                v.visit_i64(n as i64)
            } else if let Some(n) = self.0.as_f64() {
                v.visit_f64(n)
            } else {
                Err(Unfit)
            }
        }
        fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            v.visit_bool(self.0.as_bool().ok_or(Unfit)?)
        }
        fn deserialize_i8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_i64(v)
        }
        fn deserialize_i16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_i64(v)
        }
        fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_i64(v)
        }
        fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            v.visit_i64(self.int()? as i64)
        }
        fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_i64(v)
        }
        fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_i64(v)
        }
        fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_i64(v)
        }
        fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_i64(v)
        }
        fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_f64(v)
        }
        fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            v.visit_f64(self.0.as_f64().ok_or(Unfit)?)
        }
        fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_string(v)
        }
        fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_string(v)
        }
        fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            v.visit_string(self.0.as_string().ok_or(Unfit)?)
        }
        fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Unfit> {
            Err(Unfit)
        }
        fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Unfit> {
            Err(Unfit)
        }
        fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            if self.0.is_null() || self.0.is_undefined() {
                v.visit_none()
            } else {
                v.visit_some(self)
            }
        }
        fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            if self.0.is_null() || self.0.is_undefined() {
                v.visit_unit()
            } else {
                Err(Unfit)
            }
        }
        fn deserialize_unit_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            v: V,
        ) -> Result<V::Value, Unfit> {
            self.deserialize_unit(v)
        }
        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            v: V,
        ) -> Result<V::Value, Unfit> {
            v.visit_newtype_struct(self)
        }
        fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            if !Array::is_array(&self.0) {
                return Err(Unfit);
            }
            let array: Array = self.0.unchecked_into();
            v.visit_seq(Items {
                len: array.length(),
                array,
                next: 0,
            })
        }
        fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_seq(v)
        }
        fn deserialize_tuple_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            _: usize,
            v: V,
        ) -> Result<V::Value, Unfit> {
            self.deserialize_seq(v)
        }
        fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            let entries = self.0.entries().ok_or(Unfit)?;
            v.visit_map(Entries {
                entries: entries.into_iter(),
                value: None,
            })
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            v: V,
        ) -> Result<V::Value, Unfit> {
            if !Raw::is_object(&self.0) {
                return Err(Unfit);
            }
            v.visit_map(Fields {
                object: self.0,
                fields: fields.iter(),
                value: None,
            })
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            _: &'static [&'static str],
            v: V,
        ) -> Result<V::Value, Unfit> {
            // Unit variants, by name.
            let name = self.0.as_string().ok_or(Unfit)?;
            v.visit_enum(IntoDeserializer::<Unfit>::into_deserializer(name))
        }
        fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            self.deserialize_string(v)
        }
        fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Unfit> {
            v.visit_unit()
        }
    }

    struct Items {
        array: Array,
        len: u32,
        next: u32,
    }

    impl<'de> de::SeqAccess<'de> for Items {
        type Error = Unfit;
        fn next_element_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, Unfit> {
            if self.next >= self.len {
                return Ok(None);
            }
            let item = self.array.get(self.next);
            self.next += 1;
            seed.deserialize(De(item)).map(Some)
        }
    }

    /// A struct's fields, by the names it declares (missing ones are left to its defaults).
    struct Fields {
        object: JsValue,
        fields: core::slice::Iter<'static, &'static str>,
        value: Option<JsValue>,
    }

    thread_local! {
        /// The field names structs declare, as JS strings, made once each: a lookup by name then costs one
        /// crossing (`Reflect.get`) instead of making the name's string in JS again for every object read.
        static NAMES: core::cell::RefCell<Vec<(&'static str, JsValue)>> = const { core::cell::RefCell::new(Vec::new()) };
    }

    /// `object[name]`, missing when undefined or when a getter throws. `object` is known to be an object.
    fn get(object: &JsValue, name: &'static str) -> Option<JsValue> {
        NAMES.with_borrow_mut(|names| {
            let same = |n: &&'static str| n.as_ptr() == name.as_ptr() && n.len() == name.len();
            let key = match names.iter().position(|(n, _)| same(n)) {
                Some(i) => &names[i].1,
                None => {
                    names.push((name, JsValue::from_str(name)));
                    &names[names.len() - 1].1
                }
            };
            Reflect::get(object, key).ok().filter(|v| !v.is_undefined())
        })
    }

    impl<'de> de::MapAccess<'de> for Fields {
        type Error = Unfit;
        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, Unfit> {
            for name in self.fields.by_ref() {
                // (deserialize_struct checked once that it is an object)
                if let Some(value) = get(&self.object, name) {
                    self.value = Some(value);
                    return seed.deserialize(name.into_deserializer()).map(Some);
                }
            }
            Ok(None)
        }
        fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Unfit> {
            seed.deserialize(De(self.value.take().ok_or(Unfit)?))
        }
    }

    struct Entries {
        entries: std::vec::IntoIter<(String, JsValue)>,
        value: Option<JsValue>,
    }

    impl<'de> de::MapAccess<'de> for Entries {
        type Error = Unfit;
        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, Unfit> {
            match self.entries.next() {
                None => Ok(None),
                Some((key, value)) => {
                    self.value = Some(value);
                    seed.deserialize(key.into_deserializer()).map(Some)
                }
            }
        }
        fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Unfit> {
            seed.deserialize(De(self.value.take().ok_or(Unfit)?))
        }
    }

    impl Raw for JsValue {
        fn is_null(&self) -> bool {
            self.is_null() || self.is_undefined()
        }
        fn is_object(&self) -> bool {
            self.is_object() && !Array::is_array(self)
        }
        fn as_text(&self) -> Option<String> {
            self.as_string()
        }
        fn field(&self, name: &'static str) -> Option<Self> {
            if !Raw::is_object(self) {
                return None;
            }
            get(self, name)
        }
        fn entries(&self) -> Option<Vec<(String, Self)>> {
            if !Raw::is_object(self) {
                return None;
            }
            let entries = Object::entries(self.unchecked_ref::<Object>());
            Some(
                entries
                    .iter()
                    .filter_map(|pair| {
                        let pair: Array = pair.unchecked_into();
                        Some((pair.get(0).as_string()?, pair.get(1)))
                    })
                    .collect(),
            )
        }
        fn items(&self, max: usize) -> Option<(Vec<Self>, usize)> {
            if !Array::is_array(self) {
                return None;
            }
            let array = self.unchecked_ref::<Array>();
            let len = array.length() as usize;
            Some((
                (0..len.min(max) as u32).map(|i| array.get(i)).collect(),
                len,
            ))
        }
        fn parse_json(text: &str) -> Option<Self> {
            js_sys::JSON::parse(text).ok()
        }
        fn decode<T: DeserializeOwned>(&self) -> Option<T> {
            T::deserialize(De(self.clone())).ok()
        }
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

use serde::Deserialize;

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
