//! Bytes drive a generator of plausible and hostile snapshots (catalog phrases, keys and URLs, odd
//! Unicode, huge strings, thousands of controls). Invariants: see src/lib.rs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    optout_pilot_core_fuzz::fuzz_structured(data);
});
