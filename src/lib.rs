//! OptOut Pilot core: the pure logic of the extension, compiled to WebAssembly for the service worker
//! and tested natively. Only `wasm_api` knows about JavaScript.

pub mod advice;
pub mod catalog;
pub mod detect;
pub mod events;
pub mod import;
pub mod json;
pub mod page_url;
pub mod region;
pub mod reminders;
pub mod snapshot;
pub mod sorted_map;
pub mod state;
pub mod status;
pub mod text;
pub mod wasm_api;
