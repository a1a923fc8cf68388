//! Deterministic mutational fuzzer for the stable toolchain (no libFuzzer, no coverage instrumentation).
//!
//!   cargo run --release --manifest-path fuzz/Cargo.toml --bin fuzz-stable -- [--seed N] [--secs S]
//!       [--target detect|detect_structured|state|all] [--max-len BYTES] [--slow-ms MS (1000)] [--replay FILE...]
//!
//! Inputs are fresh random bytes or mutations (bit flips, interesting bytes, inserts, deletes, duplication,
//! splices, dictionary tokens: JSON syntax, catalog keys, phrases and URLs) of a pool that starts from the
//! shared detection cases and fuzz/seeds/, and grows with every input whose *outcome signature* (page kind,
//! findings, badge, banner) is new: a behavioural stand-in for coverage. A panic (a broken invariant or a
//! crash) is saved to fuzz/regressions/<target>-<hash>.bin; an input slower than --slow-ms to
//! fuzz/regressions/slow-<target>-<hash>.bin. Same seed and same inputs give the same run (time aside).
use optout_pilot_core::catalog::catalog;
use optout_pilot_core_fuzz::{
    fuzz_json, fuzz_state, fuzz_structured, FORM_FINDINGS, INDEX_SHIFTS, INDEX_SHIFT_EXAMPLE,
    LAST_CORE_NANOS,
};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

const FUZZ_DIR: &str = env!("CARGO_MANIFEST_DIR");

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

type Target = fn(&[u8]) -> u64;
const TARGETS: &[(&str, Target)] = &[
    ("detect", fuzz_json),
    ("detect_structured", fuzz_structured),
    ("state", fuzz_state),
];

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

fn dictionary() -> Vec<Vec<u8>> {
    let mut d: Vec<Vec<u8>> = [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "null",
        "true",
        "false",
        "0",
        "-1",
        "1e999",
        "\"v\":1",
        "\"url\":",
        "\"lang\":",
        "\"title\":",
        "\"heading\":",
        "\"loginForm\":true",
        "\"truncated\":true",
        "\"controls\":[",
        "\"kind\":\"checkbox\"",
        "\"kind\":\"switch\"",
        "\"kind\":\"button\"",
        "\"checked\":false",
        "\"checked\":true",
        "\"checked\":null",
        "\"keys\":[",
        "\"name\":",
        "\"context\":",
        "\"schema\":1",
        "\"settings\":{",
        "\"state\":\"off\"",
        "\"state\":\"on\"",
        "\"seenAt\":0",
        "\"changedAt\":0",
        "\"dismissed\":[",
        "\"snoozeUntil\":",
        "\"recheckDays\":",
        "\"region\":\"eu\"",
        "\\u0000",
        "\\ud800",
        "\\u200b",
        "https://www.linkedin.com",
        "/mypreferences/d/settings/",
        "/mypreferences/d/categories/",
        "/login",
        "/authwall",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    let c = catalog();
    for s in &c.settings {
        d.push(format!("\"{}\"", s.url).into_bytes());
        d.push(s.id.clone().into_bytes());
        for k in &s.keys {
            d.push(format!("\"{k}\"").into_bytes());
        }
        for t in s.title.values().chain(s.label.values()) {
            d.push(format!("\"{t}\"").into_bytes());
        }
    }
    d
}

fn mutate(
    rng: &mut Rng,
    input: &[u8],
    pool: &[Vec<u8>],
    dict: &[Vec<u8>],
    max_len: usize,
) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = out.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                out[i] =
                    [0u8, 0xff, 0x7f, 0x80, b'"', b'\\', b'{', b'[', b'0', b' '][rng.below(10)];
            }
            2 => {
                let i = rng.below(len + 1);
                let n = 1 + rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                out.splice(i..i, bytes);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                out.drain(i..i + n);
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(256));
                let chunk = out[i..i + n].to_vec();
                let at = rng.below(out.len() + 1);
                out.splice(at..at, chunk);
            }
            5 if !pool.is_empty() => {
                let other = &pool[rng.below(pool.len())];
                let cut = rng.below(out.len() + 1);
                let from = rng.below(other.len() + 1);
                out.truncate(cut);
                out.extend_from_slice(&other[from..]);
            }
            _ => {
                let token = &dict[rng.below(dict.len())];
                let i = rng.below(len + 1);
                if rng.below(2) == 0 || len == 0 {
                    out.splice(i..i, token.iter().copied());
                } else {
                    let n = rng.below((len - i).min(token.len() + 4) + 1);
                    out.splice(i..i + n, token.iter().copied());
                }
            }
        }
    }
    out.truncate(max_len);
    out
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let cases = Path::new(FUZZ_DIR).join("../tests/cases/detection.json");
    if let Ok(text) = std::fs::read_to_string(&cases) {
        if let Ok(serde_json::Value::Array(items)) =
            serde_json::from_str::<serde_json::Value>(&text)
        {
            for case in items {
                out.push(serde_json::to_vec(&case["snapshot"]).unwrap());
            }
        }
    }
    for dir in [format!("seeds/{target}"), "regressions".to_string()] {
        if let Ok(entries) = std::fs::read_dir(Path::new(FUZZ_DIR).join(dir)) {
            let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            files.sort();
            for f in files {
                if f.is_file()
                    && !f
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                {
                    if let Ok(bytes) = std::fs::read(&f) {
                        out.push(bytes);
                    }
                }
            }
        }
    }
    out.push(Vec::new());
    out
}

fn save(name: &str, data: &[u8]) -> PathBuf {
    let dir = Path::new(FUZZ_DIR).join("regressions");
    std::fs::create_dir_all(&dir).ok();
    let path = dir.join(format!("{name}-{:016x}.bin", fnv(data)));
    std::fs::write(&path, data).ok();
    path
}

fn main() {
    let mut seed = 1u64;
    let mut secs = 60u64;
    let mut which = "all".to_string();
    let mut max_len = 4096usize;
    let mut slow_ms = 1000u64;
    let mut replay: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--seed" => seed = val().parse().expect("--seed N"),
            "--secs" => secs = val().parse().expect("--secs S"),
            "--target" => which = val(),
            "--max-len" => max_len = val().parse().expect("--max-len BYTES"),
            "--slow-ms" => slow_ms = val().parse().expect("--slow-ms MS"),
            "--replay" => replay.push(val()),
            "-h" | "--help" => {
                println!("fuzz-stable [--seed N] [--secs S] [--target detect|detect_structured|state|all] [--max-len BYTES] [--slow-ms MS (1000)] [--replay FILE]...");
                return;
            }
            other => panic!("unknown argument {other}"),
        }
    }
    let targets: Vec<(&str, Target)> = TARGETS
        .iter()
        .copied()
        .filter(|(n, _)| which == "all" || *n == which)
        .collect();
    assert!(!targets.is_empty(), "unknown target {which}");
    // Quiet panics: we report them ourselves (set RUST_BACKTRACE=1 and --replay for the stack).
    if replay.is_empty() {
        std::panic::set_hook(Box::new(|info| {
            let loc = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let msg = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            eprintln!(
                "PANIC at {loc}: {}",
                msg.chars().take(2000).collect::<String>()
            );
        }));
    }
    if !replay.is_empty() {
        for file in &replay {
            let data = std::fs::read(file).expect("read replay file");
            for (name, f) in &targets {
                let t = Instant::now();
                f(&data);
                println!("{file}: {name} ok in {:?}", t.elapsed());
            }
        }
        return;
    }

    let dict = dictionary();
    let _ = optout_pilot_core_fuzz::detector(); // catalog + matcher built before timing
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let start = Instant::now();
    struct State {
        pool: Vec<Vec<u8>>,
        signatures: HashSet<u64>,
        runs: u64,
        crashes: u64,
        slow: u64,
        max: Duration,
        max_core: Duration,
        max_len_seen: usize,
    }
    let mut states: Vec<State> = targets
        .iter()
        .map(|(n, _)| State {
            pool: seeds(n),
            signatures: HashSet::new(),
            runs: 0,
            crashes: 0,
            slow: 0,
            max: Duration::ZERO,
            max_core: Duration::ZERO,
            max_len_seen: 0,
        })
        .collect();
    let mut crash_files: Vec<PathBuf> = Vec::new();
    let mut last_report = Instant::now();
    let mut i = 0usize;
    while Instant::now() < deadline {
        let k = i % targets.len();
        i += 1;
        let (name, f) = targets[k];
        let st = &mut states[k];
        let input = if st.runs < st.pool.len() as u64 {
            st.pool[st.runs as usize].clone() // every seed once, unmutated
        } else if rng.below(8) == 0 {
            let n = rng.below(max_len.min(512) + 1);
            (0..n).map(|_| rng.next() as u8).collect()
        } else {
            let base = st.pool[rng.below(st.pool.len())].clone();
            mutate(&mut rng, &base, &st.pool, &dict, max_len)
        };
        let t = Instant::now();
        LAST_CORE_NANOS.store(0, Ordering::Relaxed);
        let result = std::panic::catch_unwind(|| f(&input));
        let took = t.elapsed();
        let core = Duration::from_nanos(LAST_CORE_NANOS.load(Ordering::Relaxed));
        st.max_core = st.max_core.max(core);
        st.runs += 1;
        st.max_len_seen = st.max_len_seen.max(input.len());
        if took > st.max {
            st.max = took;
        }
        match result {
            Ok(sig) => {
                if st.signatures.insert(sig) && st.pool.len() < 20_000 {
                    st.pool.push(input.clone());
                }
                if core > Duration::from_millis(slow_ms) {
                    st.slow += 1;
                    let p = save(&format!("slow-{name}"), &input);
                    eprintln!(
                        "SLOW {name}: core {core:?} ({} bytes) saved to {}",
                        input.len(),
                        p.display()
                    );
                }
            }
            Err(_) => {
                st.crashes += 1;
                let p = save(name, &input);
                eprintln!(
                    "CRASH {name}: input ({} bytes) saved to {}",
                    input.len(),
                    p.display()
                );
                crash_files.push(p);
                if crash_files.len() >= 20 {
                    break;
                }
            }
        }
        if last_report.elapsed() > Duration::from_secs(30) {
            last_report = Instant::now();
            let total: u64 = states.iter().map(|s| s.runs).sum();
            eprintln!(
                "[{:>4}s] {total} execs, crashes {}",
                start.elapsed().as_secs(),
                crash_files.len()
            );
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!("fuzz-stable: seed {seed}, {elapsed:.0} s, max input {max_len} bytes");
    println!(
        "{:<18} {:>10} {:>9} {:>10} {:>8} {:>6} {:>10} {:>10}",
        "target", "execs", "execs/s", "signatures", "crashes", "slow", "max core", "max total"
    );
    for ((name, _), st) in targets.iter().zip(&states) {
        println!(
            "{:<18} {:>10} {:>9.0} {:>10} {:>8} {:>6} {:>10.1?} {:>10.1?}",
            name,
            st.runs,
            st.runs as f64 / elapsed,
            st.signatures.len(),
            st.crashes,
            st.slow,
            st.max_core,
            st.max
        );
    }
    let forms = FORM_FINDINGS.load(Ordering::Relaxed);
    if forms > 0 {
        println!("note: {forms} findings for the link-only objection-form entry (its page counts as a setting page; a lone checkbox there is read as its switch)");
    }
    let shifts = INDEX_SHIFTS.load(Ordering::Relaxed);
    if shifts > 0 {
        println!("note: {shifts} findings whose control index does not match the raw controls list (unreadable controls dropped before it)");
        if let Some(example) = INDEX_SHIFT_EXAMPLE.lock().unwrap().as_ref() {
            let p = save("index-shift", example);
            println!("      example saved to {}", p.display());
        }
    }
    if !crash_files.is_empty() {
        println!("CRASHES ({}): replay with RUST_BACKTRACE=1 cargo run --release --manifest-path fuzz/Cargo.toml --bin fuzz-stable -- --target <target> --replay <file>", crash_files.len());
        for p in &crash_files {
            println!("  {}", p.display());
        }
        std::process::exit(1);
    }
}
