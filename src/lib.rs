//! OptOut Pilot core: the pure logic of the extension, compiled to WebAssembly for the service worker and tested
//! natively. Only `bindings` (compiled for the WASM alone, with wasm-bindgen) knows about JavaScript; the rest
//! reads values from outside through `raw`, whichever side they come from.
//!
//! The modules depend one way (docs/architecture.md): `time`, `text`, `page_url`, `sorted_map`, `raw` and
//! `region` need no other; then come `catalog`, `snapshot`, `detect`, `state`, `reminders` and `status`, each
//! using only those before it; `advice`, `events` and `import` sit on top, and `bindings` on everything.

pub mod advice;
#[cfg(target_arch = "wasm32")]
pub mod bindings;
pub mod catalog;
pub mod detect;
pub mod events;
pub mod import;
pub mod page_url;
pub mod raw;
pub mod region;
pub mod reminders;
pub mod snapshot;
pub mod sorted_map;
pub mod state;
pub mod status;
pub mod text;
pub mod time;

/// The names of a unit enum's variants as the boundary writes them (serde's camelCase spelling of each), for
/// code that needs them as text.
#[macro_export]
macro_rules! names {
    ($ty:ty { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $name),+ }
            }
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($name => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

#[cfg(test)]
mod js_types;
