//! OptOut Pilot core: the pure logic of the extension, compiled to WebAssembly for the service worker
//! and tested natively. Only `wasm_api` knows about JavaScript; `raw` reads values from outside.

pub mod advice;
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
pub mod wasm_api;

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
