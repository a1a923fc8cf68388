//! Native timing of snapshot -> detection, for bench/run.mjs (figures only, never assertions).
//!
//!   cargo run --release --manifest-path bench/native/Cargo.toml -- bench/out/snapshots/index.json [budget_ms]
//!
//! Prints one JSON object per line: the cold set-up (the compiled-in catalog made into its owned form + matcher
//! build), then per snapshot the median time of (a) JSON text -> serde_json::Value -> Snapshot::read (field by
//! field, controls decoded into their serde type, then bounded) -> detect, the worker's path with a native raw
//! value in place of the JS one, and (b) detect alone on the already-bounded snapshot.
use optout_pilot_core::catalog::catalog;
use optout_pilot_core::detect::Detector;
use optout_pilot_core::snapshot::Snapshot;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median_ns(budget: Duration, mut f: impl FnMut()) -> (f64, f64, usize) {
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < 5 || (start.elapsed() < budget && samples.len() < 100_000) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_nanos() as f64);
    }
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (samples[samples.len() / 2], samples[0], samples.len())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let index = args
        .next()
        .expect("usage: optout-pilot-bench INDEX.json [budget_ms]");
    let budget = Duration::from_millis(
        args.next()
            .map(|a| a.parse().expect("budget_ms"))
            .unwrap_or(300),
    );

    let t = Instant::now();
    let c = catalog();
    let catalog_ns = t.elapsed().as_nanos();
    let t = Instant::now();
    let detector = Detector::new(c);
    let matcher_ns = t.elapsed().as_nanos();
    println!(r#"{{"kind":"setup","catalogNs":{catalog_ns},"matcherNs":{matcher_ns}}}"#);

    let list: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&index).expect("read index"))
            .expect("index JSON");
    for item in list.as_array().expect("index is a list") {
        let file = item["file"].as_str().unwrap();
        let text = std::fs::read_to_string(file).expect("read snapshot");
        let (full_ns, full_min, full_n) = median_ns(budget, || {
            let (snapshot, problems) = Snapshot::from_json_text(black_box(&text));
            black_box(detector.detect(&snapshot, problems));
        });
        let (snapshot, problems) = Snapshot::from_json_text(&text);
        let (detect_ns, detect_min, detect_n) = median_ns(budget, || {
            black_box(detector.detect(black_box(&snapshot), problems.clone()));
        });
        let findings = detector.detect(&snapshot, problems.clone()).findings.len();
        println!(
            r#"{{"kind":"snapshot","file":{},"controls":{},"read":{},"findings":{findings},"fullNs":{full_ns},"fullMinNs":{full_min},"fullN":{full_n},"detectNs":{detect_ns},"detectMinNs":{detect_min},"detectN":{detect_n}}}"#,
            serde_json::Value::from(file),
            item["controls"],
            snapshot.controls.len(),
        );
    }
}
