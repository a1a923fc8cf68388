//! Arbitrary bytes as a JSON snapshot: Snapshot::from_json_text (the core's reader; serde_json alongside
//! must agree) -> Detector::detect, then the state path with that detection. Invariants: see src/lib.rs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    optout_pilot_core_fuzz::fuzz_json(data);
});
