//! The core's boundary value types as TypeScript, generated from the Rust types (ts-rs, a dev-dependency: the
//! derives exist only in tests, so the WASM is unaffected) into `types/core/core.d.ts`. `extension/shared/
//! protocol.js` takes the values the core writes from that file, and the type check holds what the JS sends
//! against the types the core reads, so the two sides cannot drift apart unnoticed.
//!
//! This test fails when the committed file is not what the Rust types give; rewrite it with
//! `OPTOUT_WRITE_TYPES=1 cargo test js_types` and commit it.

use std::path::Path;
use ts_rs::{Config, TS};

const FILE: &str = "types/core/core.d.ts";

const HEADER: &str = "// Generated from the core's Rust types by `cargo test` (src/js_types.rs, ts-rs): do not edit.\n\
// Rewrite with `OPTOUT_WRITE_TYPES=1 cargo test js_types`. extension/shared/protocol.js refers to these types.\n\n";

/// Each type once, dependencies before the types that use them.
fn generated() -> String {
    // Milliseconds and days are JS numbers (safe integers), not BigInt.
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(HEADER);
    macro_rules! declare {
        ($($ty:ty),+ $(,)?) => {$(
            if let Some(docs) = <$ty as TS>::docs() {
                out.push_str(&docs);
            }
            out.push_str("export ");
            out.push_str(&<$ty as TS>::decl(&cfg));
            out.push_str("\n\n");
        )+};
    }
    use crate::{advice, catalog, detect, events, region, reminders, snapshot, state, status};
    declare!(
        region::Region,
        catalog::SettingKind,
        reminders::SnoozeDuration,
        // page snapshot (read)
        snapshot::ControlKind,
        snapshot::Control,
        snapshot::Snapshot,
        // events (written; read through events::EventFields by the same field names)
        events::Event,
        // env (read)
        status::Env,
        // detection (tests, bench)
        detect::PageKind,
        detect::Page,
        detect::SeenState,
        detect::Reason,
        detect::Finding,
        detect::Extra,
        detect::Detection,
        // stored state
        state::Seen,
        state::ExtraSeen,
        state::Bucket,
        state::Guide,
        state::State,
        // status view
        status::RowState,
        status::RowStatus,
        status::Row,
        status::BadgeKind,
        status::Badge,
        status::NextStep,
        status::UnknownSetting,
        status::StatusView,
        // page advice
        advice::BannerMode,
        advice::PageStatus,
        advice::Step,
        advice::Titles,
        advice::Banner,
        advice::Advice,
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn committed_typescript_matches_the_rust_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    let want = generated();
    if std::env::var_os("OPTOUT_WRITE_TYPES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{FILE} is stale: the core's value types changed. Rewrite it with `OPTOUT_WRITE_TYPES=1 cargo test \
         js_types`, commit it, and check what extension/shared/protocol.js and its users make of the change."
    );
}
