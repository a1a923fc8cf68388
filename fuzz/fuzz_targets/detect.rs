//! Arbitrary bytes as a JSON snapshot: serde_json -> Snapshot::from_json_value -> Detector::detect,
//! then the state path with that detection. Invariants: see src/lib.rs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    optout_pilot_core_fuzz::fuzz_json(data);
});
