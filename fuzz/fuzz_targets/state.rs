//! Stored state text (raw bytes and generated near-valid JSON), then events, observe, status, advice
//! and next wake-up. Invariants: see src/lib.rs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    optout_pilot_core_fuzz::fuzz_state(data);
});
