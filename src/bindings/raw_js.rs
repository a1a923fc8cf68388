//! `Raw` for JS values, and JS values decoded into serde types.
//!
//! serde-wasm-bindgen encodes the replies; decoding uses this small deserializer instead: serde-wasm-bindgen's
//! errors are formatted messages (serde's `Unexpected`, with float formatting) that cost much of the gzipped
//! module, and the core never shows them — a value that does not fit is simply unreadable. Only the shapes the
//! core's types ask for are read: an object is read by the field names a struct declares (never walked as a
//! whole), so neither unknown fields nor deep nesting cost anything.

use crate::raw::Raw;
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
