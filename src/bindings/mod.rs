//! The JS side of the boundary, compiled only for the WASM: the calls the service worker makes (`wasm_api`) and
//! the reading of JS values (`raw_js`). Nothing else in the crate knows about JavaScript, so the native build
//! (tests, `fuzz/`, `bench/native`) links no wasm-bindgen.

mod raw_js;
pub mod wasm_api;
