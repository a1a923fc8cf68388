//! Fuzzing logic shared by the libFuzzer targets (`fuzz_targets/`, `cargo fuzz`) and the stable-toolchain
//! runner (`src/bin/stable.rs`). Each `fuzz_*` function takes arbitrary bytes, never panics on its own
//! account, and asserts the core's invariants (a failed assertion is a finding):
//!
//! * nothing panics: snapshot reading, detection, state loading, events, observe, status, advice, wake-up;
//! * a finding is "off" only with a control index that exists, whose `checked` is `false`, on a page that
//!   was read completely, found by key/text/only-switch, and no control carrying that setting's key says
//!   anything but `false`; "on" only with a control whose `checked` is `true`;
//! * the stored state says "off" for a setting only if the detection just observed "off" for it, or it was
//!   already stored so (and loading never invents an "off" the stored text did not contain);
//! * the banner says "off" only when the detection did; the banner's control index exists;
//! * everything is bounded: snapshot strings and lists are capped, findings are at most one per catalog
//!   setting, problems are few; (time per input is bounded by libFuzzer's `-timeout` / the runner's report);
//! * Detection and State survive a JSON round trip (the worker passes both through JS and storage).
//!
//! Each function returns a small "outcome signature" that the stable runner uses as a cheap novelty signal.

use optout_pilot_core::advice::{advise, PageStatus};
use optout_pilot_core::catalog::{catalog, Catalog, SettingKind};
use optout_pilot_core::detect::{Detection, Detector, PageKind, Reason, SeenState};
use optout_pilot_core::events::{apply, Event};
use optout_pilot_core::region::Region;
use optout_pilot_core::reminders::{next_wake, SnoozeDuration};
use optout_pilot_core::snapshot::{
    Control, ControlKind, Snapshot, MAX_CONTROLS, MAX_KEYS, MAX_KEY_CHARS, MAX_TEXT_CHARS,
    MAX_URL_CHARS,
};
use optout_pilot_core::state::State;
use optout_pilot_core::status::{effective_region, status, Env};
use optout_pilot_core::time::Millis;
use serde_json::{json, Map, Value};
use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

/// The largest `now` the WASM API passes (it clamps JS time to 0..=8.64e15 ms).
const MAX_NOW: Millis = 8_640_000_000_000_000;

pub fn detector() -> &'static Detector<'static> {
    static DETECTOR: OnceLock<Detector<'static>> = OnceLock::new();
    DETECTOR.get_or_init(|| Detector::new(catalog()))
}

// ------------------------------------------------------------------------------------------ observations
/// Nanoseconds the core itself (snapshot reading + detection, or state loading) took on the last input,
/// without the generator and the checks: the stable runner reports its maximum.
pub static LAST_CORE_NANOS: AtomicU64 = AtomicU64::new(0);

fn timed<T>(f: impl FnOnce() -> T) -> T {
    let t = std::time::Instant::now();
    let out = f();
    LAST_CORE_NANOS.store(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
    out
}

/// Not an invariant the brief asks for, but worth knowing: in JSON mode, an "off"/"on" finding's control
/// index is compared with the *raw* `controls` array the content script sent. Unreadable controls are
/// dropped before detection, so indexes after a dropped one shift. Counted here, asserted only when
/// `OPTOUT_FUZZ_STRICT_INDEX=1`.
pub static INDEX_SHIFTS: AtomicU64 = AtomicU64::new(0);
pub static INDEX_SHIFT_EXAMPLE: Mutex<Option<Vec<u8>>> = Mutex::new(None);

/// Findings for a link-only (form) entry: its page is a "setting" page, so a lone checkbox on the
/// objection form is read as that entry's switch. Counted; asserted when `OPTOUT_FUZZ_STRICT_FORM=1`.
pub static FORM_FINDINGS: AtomicU64 = AtomicU64::new(0);

fn strict_form() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var("OPTOUT_FUZZ_STRICT_FORM").is_ok_and(|v| v == "1"))
}

fn strict_index() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var("OPTOUT_FUZZ_STRICT_INDEX").is_ok_and(|v| v == "1"))
}

// ------------------------------------------------------------------------------------------ byte source
/// Reads decisions from fuzz bytes; once exhausted every read is 0, so generation always terminates.
pub struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Bytes<'a> {
    pub fn new(data: &'a [u8]) -> Bytes<'a> {
        Bytes { data, pos: 0 }
    }
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }
    pub fn exhausted(&self) -> bool {
        self.pos >= self.data.len()
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }
    fn u64(&mut self) -> u64 {
        (0..8).fold(0u64, |acc, _| (acc << 8) | self.byte() as u64)
    }
    /// 0..n (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            0
        } else if n <= 256 {
            self.byte() as usize % n
        } else {
            self.u16() as usize % n
        }
    }
    fn chance(&mut self, in_256: u8) -> bool {
        self.byte() < in_256
    }
    fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        &items[self.below(items.len())]
    }
    /// Raw bytes from the input as (lossy) text.
    fn raw_text(&mut self, max: usize) -> String {
        let len = self.below(max + 1);
        let start = self.pos.min(self.data.len());
        let end = (start + len).min(self.data.len());
        self.pos = start + len;
        String::from_utf8_lossy(&self.data[start..end]).into_owned()
    }
}

// ------------------------------------------------------------------------------------------ vocabulary
struct Pools {
    phrases: Vec<String>,
    keys: Vec<String>,
    urls: Vec<String>,
    ids: Vec<String>,
    langs: Vec<String>,
}

const ODD_CHARS: &[char] = &[
    '\u{200B}',
    '\u{200D}',
    '\u{202E}',
    '\u{2066}',
    '\u{FEFF}',
    '\u{0301}',
    '\u{0308}',
    'İ',
    'ı',
    'ß',
    'ẞ',
    'ﬁ',
    'ǅ',
    'Σ',
    'ς',
    'ŉ',
    '\u{1F600}',
    '\u{1F1E9}',
    '\u{10FFFF}',
    '\u{FFFD}',
    '\0',
    '\u{85}',
    '\u{2028}',
    '\u{00A0}',
    '\u{3000}',
    '“',
    '”',
    '„',
    '’',
    '\'',
    '`',
    '´',
    '-',
    '‑',
    '—',
    '/',
    ':',
    '|',
    '?',
    '#',
    '@',
    '%',
    ' ',
    '\t',
    '\n',
    'Ⅷ',
    '٣',
    '𝔸',
    'Ω',
    'ǰ',
    'ΐ',
    'I',
    'K',
];

const NOISE: &[&str] = &[
    "On",
    "Off",
    "Settings",
    "Use dark mode",
    "Gender",
    "Age",
    "Ads",
    "data",
    "Use my data",
    "Ads based on gender age range",
    "Learn more",
    "Manage your account",
    "KI",
    "AI",
    " | LinkedIn",
    "",
    " ",
];

const EXTRA_URLS: &[&str] = &[
    "https://www.linkedin.com/feed/",
    "https://www.linkedin.com/in/someone/",
    "https://www.linkedin.com/login",
    "https://www.linkedin.com/uas/login?session_redirect=x",
    "https://www.linkedin.com/checkpoint/lg/login-submit",
    "https://www.linkedin.com/authwall?trk=x",
    "https://www.linkedin.com/signup/cold-join",
    "https://www.linkedin.com/mypreferences/d/categories/privacy",
    "https://www.linkedin.com/mypreferences/d/categories/ads",
    "https://www.linkedin.com/mypreferences/d/categories/nonexistent",
    "https://www.linkedin.com/mypreferences/d/settings/some-new-setting",
    "https://www.linkedin.com/mypreferences",
    "https://www.linkedin.com/psettings/",
    "https://www.linkedin.com/settings",
    "https://www.linkedin.com/settingsx",
    "https://de.linkedin.com/mypreferences/d/settings/ads-by-age",
    "HTTPS://WWW.LINKEDIN.COM//MyPreferences//d/settings/ads-by-gender/?a=1#b",
    "https://user:pw@www.linkedin.com:8443/mypreferences/d/settings/ads-by-age",
    "http://linkedin.com./mypreferences/d/settings/data-for-ai-improvement",
    "https://linkedin.com.evil.example/mypreferences/d/settings/ads-by-age",
    "https://notlinkedin.com/mypreferences/d/settings/ads-by-age",
    "https://www.linkedin.com?x=/mypreferences/d/settings/ads-by-age",
    "https://www.linkedin.com#/mypreferences/d/settings/ads-by-age",
    "https://@/x",
    "https://:443/",
    "https://",
    "http:/",
    "chrome-extension://abcdef/pages/popup.html",
    "about:blank",
    "",
    " https://www.linkedin.com/feed ",
];

fn pools() -> &'static Pools {
    static POOLS: OnceLock<Pools> = OnceLock::new();
    POOLS.get_or_init(|| {
        let c = catalog();
        let mut phrases: BTreeSet<String> = NOISE.iter().map(|s| s.to_string()).collect();
        let mut keys: BTreeSet<String> = ["ember123", "toggle-1", "", " ", "allow"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut urls: BTreeSet<String> = EXTRA_URLS.iter().map(|s| s.to_string()).collect();
        for s in &c.settings {
            phrases.extend(s.title.values().cloned());
            phrases.extend(s.label.values().cloned());
            phrases.extend(s.aliases.values().flatten().cloned());
            if let Some(why) = s.why.get("en") {
                phrases.insert(why.clone());
            }
            for k in &s.keys {
                keys.insert(k.clone());
                keys.insert(k.to_ascii_uppercase());
                keys.insert(format!(" {k}\t"));
            }
            urls.insert(s.url.clone());
            urls.extend(s.alt_urls.iter().cloned());
        }
        for cat in c.categories.values() {
            urls.insert(cat.url.clone());
            phrases.extend(cat.title.values().cloned());
        }
        let mut langs: Vec<String> = c.languages.clone();
        langs.extend(
            [
                "",
                "de-DE",
                "pt_BR",
                "EN",
                "zh-Hans",
                "x",
                "-",
                "de-",
                "en-GB-oxendict",
                "iw",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        Pools {
            phrases: phrases.into_iter().collect(),
            keys: keys.into_iter().collect(),
            urls: urls.into_iter().collect(),
            ids: c
                .settings
                .iter()
                .map(|s| s.id.clone())
                .chain(["nope".to_string(), String::new()])
                .collect(),
            langs,
        }
    })
}

/// A catalog phrase, key, URL or raw text, mutated: case, odd Unicode, truncation, word games, repetition.
fn text_from(b: &mut Bytes, pool: &[String]) -> String {
    let mut s = match b.byte() % 8 {
        0 => b.raw_text(64),
        1 => format!("{} {}", b.pick(pool), b.pick(pool)),
        _ => b.pick(pool).clone(),
    };
    let edits = b.below(4);
    for _ in 0..edits {
        s = mutate_text(b, s);
    }
    s
}

fn char_boundary(s: &str, b: &mut Bytes) -> usize {
    let count = s.chars().count();
    let n = b.below(count + 1);
    s.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.len())
}

fn mutate_text(b: &mut Bytes, s: String) -> String {
    match b.byte() % 12 {
        0 => s.to_uppercase(),
        1 => s.to_lowercase(),
        2 | 3 => {
            let at = char_boundary(&s, b);
            let c = *b.pick(ODD_CHARS);
            let mut out = s;
            out.insert(at, c);
            out
        }
        4 => {
            let at = char_boundary(&s, b);
            s[..at].to_string()
        }
        5 => {
            // drop one word
            let words: Vec<&str> = s.split(' ').collect();
            let drop = b.below(words.len());
            words
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != drop)
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
                .join(" ")
        }
        6 => {
            // swap two words
            let mut words: Vec<&str> = s.split(' ').collect();
            let (i, j) = (b.below(words.len()), b.below(words.len()));
            words.swap(i, j);
            words.join(" ")
        }
        7 => format!(
            "{s} {}",
            b.pick(&["On", "Off", "Ein", "Aus", "(beta)", "…"])
        ),
        8 => {
            // huge: up to ~1 MB of text, far past every cap
            let times = 1 + (b.byte() as usize) * (b.byte() as usize % 16 + 1) * 4;
            s.repeat(times.min(256_000 / (s.len() + 1)).max(1))
        }
        9 => {
            let with = *b.pick(&["\u{00A0}", "  ", "\n", "-", "\u{200B}", ""]);
            s.replace(' ', with)
        }
        10 => s.chars().rev().collect(),
        _ => {
            let c = *b.pick(ODD_CHARS);
            s.chars().flat_map(|x| [x, c]).collect()
        }
    }
}

// ------------------------------------------------------------------------------------------ generators
fn gen_control_value(b: &mut Bytes) -> Value {
    let p = pools();
    let mut o = Map::new();
    let field = |b: &mut Bytes| b.chance(230);
    if field(b) {
        let kind = match b.byte() % 8 {
            0 | 1 => json!("checkbox"),
            2 | 3 => json!("switch"),
            4 => json!("button"),
            5 => json!("other"),
            6 => json!("spaceship"),
            _ => json!(7),
        };
        o.insert("kind".into(), kind);
    }
    if field(b) {
        o.insert("name".into(), json!(text_from(b, &p.phrases)));
    }
    if field(b) {
        let n = if b.chance(8) { 20 } else { b.below(4) };
        let keys: Vec<Value> = (0..n)
            .map(|_| {
                if b.chance(4) {
                    json!(3)
                } else {
                    json!(text_from(b, &p.keys))
                }
            })
            .collect();
        o.insert("keys".into(), Value::Array(keys));
    }
    if field(b) {
        o.insert("context".into(), json!(text_from(b, &p.phrases)));
    }
    if field(b) {
        let checked = match b.byte() % 16 {
            0..=5 => json!(true),
            6..=11 => json!(false),
            12 | 13 => Value::Null,
            14 => json!("mixed"),
            _ => json!(0),
        };
        o.insert("checked".into(), checked);
    }
    if b.chance(128) {
        o.insert("disabled".into(), json!(b.chance(64)));
    }
    if b.chance(6) {
        o.insert("extra".into(), json!({"nested": [1, 2, {"x": null}]}));
    }
    Value::Object(o)
}

/// A snapshot as JSON: mostly plausible, sometimes hostile (wrong types, thousands of controls).
pub fn gen_snapshot_value(b: &mut Bytes) -> Value {
    let p = pools();
    let mut o = Map::new();
    o.insert(
        "v".into(),
        match b.byte() % 16 {
            0 => json!(2),
            1 => json!("1"),
            2 => json!(u64::MAX),
            3 => json!(-1),
            4 => Value::Null,
            _ => json!(1),
        },
    );
    o.insert("url".into(), json!(text_from(b, &p.urls)));
    o.insert("lang".into(), json!(text_from(b, &p.langs)));
    if b.chance(200) {
        o.insert("title".into(), json!(text_from(b, &p.phrases)));
    }
    if b.chance(200) {
        o.insert("heading".into(), json!(text_from(b, &p.phrases)));
    }
    if b.chance(40) {
        o.insert("loginForm".into(), json!(true));
    }
    if b.chance(20) {
        o.insert("truncated".into(), json!(true));
    }
    if b.chance(8) {
        // a wrong type somewhere
        let field = *b.pick(&["url", "lang", "title", "heading", "controls", "loginForm"]);
        o.insert(field.into(), json!({"oops": [1]}));
    } else {
        let count = match b.byte() % 32 {
            0 => b.below(MAX_CONTROLS + 64),
            1 => MAX_CONTROLS - 1 + b.below(4),
            2..=5 => b.below(60),
            _ => b.below(8),
        };
        let mut controls = Vec::with_capacity(count.min(MAX_CONTROLS + 64));
        // Past a few dozen, repeat a handful of generated controls (cheap, and still hostile).
        let distinct = count.min(24);
        let many = count > 64;
        for _ in 0..distinct {
            if b.chance(10) {
                controls.push(match b.byte() % 3 {
                    0 => Value::Null,
                    1 => json!("nonsense"),
                    _ => json!([1, 2]),
                });
            } else {
                let mut control = gen_control_value(b);
                if many {
                    // keep thousands of copies at most a few MB (still 4x past every cap)
                    for field in ["name", "context"] {
                        if let Some(Value::String(s)) = control.get_mut(field) {
                            let cut = s
                                .char_indices()
                                .nth(2_000)
                                .map(|(i, _)| i)
                                .unwrap_or(s.len());
                            s.truncate(cut);
                        }
                    }
                    if let Some(Value::Array(keys)) = control.get_mut("keys") {
                        for k in keys {
                            if let Value::String(s) = k {
                                let cut =
                                    s.char_indices().nth(400).map(|(i, _)| i).unwrap_or(s.len());
                                s.truncate(cut);
                            }
                        }
                    }
                }
                controls.push(control);
            }
        }
        for i in distinct..count {
            controls.push(controls[i % distinct.max(1)].clone());
        }
        o.insert("controls".into(), Value::Array(controls));
    }
    Value::Object(o)
}

/// A snapshot built directly as the struct (not via JSON), with nothing capped yet.
fn gen_snapshot_struct(b: &mut Bytes) -> Snapshot {
    let p = pools();
    let count = if b.chance(6) {
        MAX_CONTROLS + b.below(20)
    } else {
        b.below(12)
    };
    let distinct = count.min(16);
    let mut controls: Vec<Control> = (0..distinct)
        .map(|_| Control {
            kind: *b.pick(&[
                ControlKind::Checkbox,
                ControlKind::Switch,
                ControlKind::Button,
                ControlKind::Other,
            ]),
            name: text_from(b, &p.phrases),
            keys: (0..b.below(12)).map(|_| text_from(b, &p.keys)).collect(),
            context: text_from(b, &p.phrases),
            checked: *b.pick(&[Some(true), Some(false), None]),
            disabled: b.chance(64),
            // Mostly a control that passes the rule, so that hidden/busy/unsettled ones sit among real ones.
            visible: !b.chance(6),
            busy: b.chance(16),
            pending: b.chance(16),
            inert: b.chance(16),
            shadow: b.chance(8),
            main: !b.chance(8),
            section: (!b.chance(4)).then(|| b.below(4) as u32),
            settled: !b.chance(6),
        })
        .collect();
    if count > 64 {
        for c in &mut controls {
            for text in [&mut c.name, &mut c.context]
                .into_iter()
                .chain(c.keys.iter_mut())
            {
                let cut = text
                    .char_indices()
                    .nth(2_000)
                    .map(|(i, _)| i)
                    .unwrap_or(text.len());
                text.truncate(cut);
            }
        }
    }
    for i in distinct..count {
        controls.push(controls[i % distinct].clone());
    }
    Snapshot {
        v: 1,
        url: text_from(b, &p.urls),
        lang: text_from(b, &p.langs),
        title: text_from(b, &p.phrases),
        heading: text_from(b, &p.phrases),
        login_form: b.chance(30),
        controls,
        truncated: b.chance(30),
        page_settled: b.chance(2),
        // The worker's salted hash, an empty one (nobody shown), or a key the core must refuse.
        account: match b.byte() % 4 {
            0 => String::new(),
            1 => "a".repeat(64),
            2 => "b".repeat(64),
            _ => text_from(b, &p.phrases),
        },
        // The same for the name's key; and pages whose signals disagree.
        account_name: match b.byte() % 3 {
            0 => String::new(),
            1 => "c".repeat(64),
            _ => text_from(b, &p.phrases),
        },
        account_conflict: b.chance(8),
    }
}

fn gen_state_value(b: &mut Bytes) -> Value {
    let p = pools();
    let mut o = Map::new();
    o.insert(
        "schema".into(),
        match b.byte() % 10 {
            0 => json!(2),
            1 => json!("1"),
            2 => json!(0),
            _ => json!(1),
        },
    );
    let pick_value = |b: &mut Bytes, good: Value| -> Value {
        match b.byte() % 10 {
            0 => Value::Null,
            1 => json!("x"),
            2 => json!(-1),
            3 => json!(i64::MAX),
            4 => json!(1.5e300),
            5 => json!([]),
            _ => good,
        }
    };
    let region = json!(b.pick(&["eu", "uk", "row", "EU", "mars"]));
    o.insert("region".into(), pick_value(b, region));
    let setup = json!(b.chance(128));
    o.insert("setupDone".into(), pick_value(b, setup));
    let mut settings = Map::new();
    for _ in 0..b.below(16) {
        let state = json!(b.pick(&["on", "off", "unknown", "OFF", "unchecked"]));
        let state = pick_value(b, state);
        let seen_at = json!(b.u64() as i64 & 0x3f_ffff_ffff_ffff);
        let seen_at = pick_value(b, seen_at);
        let changed_at = json!(b.below(1 << 16));
        let changed_at = pick_value(b, changed_at);
        let seen = json!({"state": state, "seenAt": seen_at, "changedAt": changed_at});
        settings.insert(b.pick(&p.ids).clone(), pick_value(b, seen));
    }
    o.insert("settings".into(), pick_value(b, Value::Object(settings)));
    let dismissed: Vec<Value> = (0..b.below(5)).map(|_| json!(b.pick(&p.ids))).collect();
    o.insert("dismissed".into(), pick_value(b, Value::Array(dismissed)));
    let dismiss_all = json!(b.chance(40));
    o.insert("dismissAll".into(), pick_value(b, dismiss_all));
    let snooze = json!(b.u64() as i64);
    o.insert("snoozeUntil".into(), pick_value(b, snooze));
    let guide = json!({"active": b.chance(128), "startedAt": b.u64() as i64});
    o.insert("guide".into(), pick_value(b, guide));
    let days = json!(b.u64() as i64 % 1000);
    o.insert("recheckDays".into(), pick_value(b, days));
    Value::Object(o)
}

fn gen_event(b: &mut Bytes) -> Event {
    let p = pools();
    match b.byte() % 12 {
        0 => Event::SetRegion {
            region: *b.pick(&[Region::Eu, Region::Uk, Region::Row]),
        },
        1 => Event::FinishSetup,
        2 => Event::Snooze {
            duration: *b.pick(&[
                SnoozeDuration::Day,
                SnoozeDuration::Week,
                SnoozeDuration::Month,
            ]),
        },
        3 => Event::Unsnooze,
        4 => Event::Dismiss {
            setting: b.pick(&p.ids).clone(),
        },
        5 => Event::Undismiss {
            setting: b.pick(&p.ids).clone(),
        },
        6 => Event::DismissAll,
        7 => Event::UndismissAll,
        8 => Event::StartGuide,
        9 => Event::StopGuide,
        10 => Event::CloseNudge,
        _ => Event::SetRecheckDays {
            days: *b.pick(&[0, 6, 7, 90, 365, 366, u32::MAX]),
        },
    }
}

fn gen_now(b: &mut Bytes) -> Millis {
    match b.byte() % 8 {
        0 => 0,
        1 => MAX_NOW,
        _ => 1_764_000_000_000 + (b.u64() % (5 * 365 * 86_400_000)) as Millis,
    }
}

fn gen_env(b: &mut Bytes) -> Env {
    let p = pools();
    Env {
        ui_lang: b.pick(&p.langs).clone(),
        time_zone: b
            .pick(&[
                "Europe/Berlin",
                "Europe/London",
                "America/New_York",
                "",
                "Etc/GMT+5",
            ])
            .to_string(),
        utc_offset_min: *b.pick(&[0, 60, -300, 840, -720, 330]),
    }
}

// ------------------------------------------------------------------------------------------ invariants
/// The setting a control's keys name. A control whose keys name two settings belongs to the first
/// (as in detection); that it also names another is not evidence about the other (see README).
fn claims_key(control: &Control, catalog: &Catalog, setting: usize) -> bool {
    control.keys.iter().find_map(|k| catalog.setting_for_key(k)) == Some(setting)
}

/// The snapshot after reading is bounded whatever came in.
pub fn check_snapshot_bounds(s: &Snapshot) {
    assert!(s.controls.len() <= MAX_CONTROLS, "controls not capped");
    assert!(s.url.chars().count() <= MAX_URL_CHARS, "url not capped");
    assert!(s.lang.chars().count() <= 35, "lang not capped");
    assert!(
        s.title.chars().count() <= MAX_TEXT_CHARS,
        "title not capped"
    );
    assert!(
        s.heading.chars().count() <= MAX_TEXT_CHARS,
        "heading not capped"
    );
    for c in &s.controls {
        assert!(c.name.chars().count() <= MAX_TEXT_CHARS, "name not capped");
        assert!(
            c.context.chars().count() <= MAX_TEXT_CHARS,
            "context not capped"
        );
        assert!(c.keys.len() <= MAX_KEYS, "keys not capped");
        assert!(
            c.keys.iter().all(|k| k.chars().count() <= MAX_KEY_CHARS),
            "key not capped"
        );
    }
}

/// Every invariant of a detection against the (bounded) snapshot it came from.
pub fn check_detection(snapshot: &Snapshot, d: &Detection) {
    let c = catalog();
    assert!(
        d.problems.len() <= 16,
        "unbounded problems: {:?}",
        d.problems
    );
    assert!(
        d.problems.iter().all(|p| p.len() <= 200),
        "long problem text"
    );
    if let Some(lang) = &d.lang {
        assert!(
            c.languages.contains(lang),
            "lang {lang} not a catalog language"
        );
    }
    match d.page.kind {
        PageKind::Setting => {
            let id = d
                .page
                .setting
                .as_deref()
                .expect("setting page without setting");
            assert!(c.setting(id).is_some(), "unknown setting page {id}");
        }
        _ => assert!(d.page.setting.is_none(), "setting on a non-setting page"),
    }
    if !matches!(d.page.kind, PageKind::Setting | PageKind::Hub) {
        assert!(
            d.findings.is_empty(),
            "findings on a {:?} page",
            d.page.kind
        );
    }
    assert!(d.findings.len() <= c.settings.len(), "too many findings");
    let mut seen = BTreeSet::new();
    for f in &d.findings {
        assert!(
            seen.insert(f.setting.as_str()),
            "two findings for {}",
            f.setting
        );
        let index = c
            .index_of(&f.setting)
            .expect("finding for an unknown setting");
        if c.settings[index].kind != SettingKind::Toggle {
            FORM_FINDINGS.fetch_add(1, Ordering::Relaxed);
            assert!(!strict_form(), "finding {f:?} for a form (link-only) entry");
        }
        if let Some(i) = f.control {
            assert!(
                i < snapshot.controls.len(),
                "control index {i} out of range"
            );
        }
        if f.reason == Reason::NotFound {
            assert_eq!(f.state, SeenState::Unknown, "notFound with a state");
            assert!(f.control.is_none(), "notFound with a control");
        }
        match f.state {
            SeenState::Off => {
                let i = f.control.expect("OFF without a control");
                assert_eq!(
                    snapshot.controls[i].checked,
                    Some(false),
                    "OFF but control {i} is not checked=false"
                );
                assert!(!snapshot.truncated, "OFF on a truncated page");
                assert!(
                    matches!(f.reason, Reason::Key | Reason::Label | Reason::OnlySwitch),
                    "OFF with reason {:?}",
                    f.reason
                );
                // The rule: only a shown, enabled, not busy, saved (not pending), settled control says off.
                let control = &snapshot.controls[i];
                assert!(
                    control.visible
                        && !control.inert
                        && !control.disabled
                        && !control.busy
                        && !control.pending
                        && control.settled,
                    "OFF from control {i} that fails the rule: {control:?}"
                );
                // Independent of text matching: no shown control carrying this setting's key says other than off.
                for (j, control) in snapshot.controls.iter().enumerate() {
                    if control.visible && !control.inert && claims_key(control, c, index) {
                        assert_eq!(
                            control.checked,
                            Some(false),
                            "OFF for {} but control {j} with its key says {:?}",
                            f.setting,
                            control.checked
                        );
                    }
                }
                if f.reason == Reason::OnlySwitch {
                    assert!(matches!(
                        snapshot.controls[i].kind,
                        ControlKind::Checkbox | ControlKind::Switch | ControlKind::Button
                    ));
                    assert_eq!(d.page.setting.as_deref(), Some(f.setting.as_str()));
                }
            }
            SeenState::On => {
                let i = f.control.expect("ON without a control");
                assert_eq!(
                    snapshot.controls[i].checked,
                    Some(true),
                    "ON but not checked"
                );
            }
            SeenState::Unknown => {}
        }
    }
    // The boundary type survives its own encoding (serde, as the worker's replies are encoded).
    let text = d.to_json();
    let back: Detection = serde_json::from_str(&text).expect("detection reads back");
    assert_eq!(&back, d, "detection round trip");
}

/// JSON mode only: the control index refers to the raw list the content script sent.
fn check_raw_index(raw: &Value, d: &Detection, input: &[u8]) {
    let Some(list) = raw.get("controls").and_then(Value::as_array) else {
        return;
    };
    for f in &d.findings {
        let (Some(i), true) = (f.control, matches!(f.state, SeenState::On | SeenState::Off)) else {
            continue;
        };
        let want = json!(f.state == SeenState::On);
        let ok = list
            .get(i)
            .and_then(|c| c.get("checked"))
            .is_some_and(|v| *v == want);
        if !ok {
            INDEX_SHIFTS.fetch_add(1, Ordering::Relaxed);
            let mut example = INDEX_SHIFT_EXAMPLE.lock().unwrap();
            if example.is_none() {
                *example = Some(input.to_vec());
            }
            assert!(
                !strict_index(),
                "finding {} {:?} points at raw control {i}, which does not say checked={want}",
                f.setting,
                f.state
            );
        }
    }
}

/// observe + status + advice + next wake, with the invariants between them.
pub fn check_state_path(
    state: &State,
    snapshot: &Snapshot,
    d: &Detection,
    env: &Env,
    now: Millis,
) -> u64 {
    let c = catalog();
    let mut after = state.clone();
    after.observe(d, now);
    for (id, seen) in &after.settings {
        if seen.state != SeenState::Off {
            continue;
        }
        let observed = d
            .findings
            .iter()
            .find(|f| &f.setting == id && f.reason.is_observation());
        match observed {
            Some(f) => assert_eq!(
                f.state,
                SeenState::Off,
                "stored OFF for {id} after observing {:?}",
                f.state
            ),
            None => assert_eq!(
                state.settings.get(id),
                Some(seen),
                "OFF for {id} appeared from nowhere"
            ),
        }
    }
    let view = status(&after, c, env, now, Vec::new());
    assert_eq!(view.rows.len(), c.settings.len());
    assert!(view.remaining <= view.total);
    assert_eq!(view.all_done, view.remaining == 0);
    assert_eq!(view.badge.count, view.remaining);
    let advice = advise(&after, d, c, env, now);
    assert_eq!(
        advice.need_controls,
        matches!(d.page.kind, PageKind::Setting | PageKind::Hub)
    );
    if matches!(d.page.kind, PageKind::NotLinkedin | PageKind::Login) {
        assert!(
            advice.banner.is_none(),
            "banner on a {:?} page",
            d.page.kind
        );
    }
    let mut sig = DefaultHasher::new();
    if let Some(banner) = &advice.banner {
        if let Some(i) = banner.control {
            assert!(i < snapshot.controls.len(), "banner control out of range");
        }
        if banner.status == Some(PageStatus::Off) {
            let id = banner
                .setting
                .as_deref()
                .expect("OFF banner without setting");
            let f = d.findings.iter().find(|f| f.setting == id);
            assert_eq!(
                f.map(|f| f.state),
                Some(SeenState::Off),
                "banner OFF without an OFF finding"
            );
        }
        format!("{:?}{:?}", banner.mode, banner.status).hash(&mut sig);
    }
    let region = effective_region(&after, env);
    if let Some(wake) = next_wake(&after, c, region, now, env.utc_offset_min) {
        assert!(wake > now, "wake-up {wake} not after now {now}");
    }
    // Storage round trip: what the core writes, it reads back whole.
    let text = after.to_json();
    let loaded = State::load(Some(&text));
    assert!(
        loaded.problems.is_empty(),
        "own state unreadable: {:?}\n{text}",
        loaded.problems
    );
    assert_eq!(loaded.state, after, "state JSON round trip");
    format!("{:?}{}", view.badge.kind, view.remaining).hash(&mut sig);
    sig.finish()
}

fn detection_signature(s: &Snapshot, d: &Detection) -> u64 {
    let mut h = DefaultHasher::new();
    format!("{:?}{:?}{}", d.page.kind, d.page.setting, d.problems.len()).hash(&mut h);
    for f in &d.findings {
        format!("{}{:?}{:?}", f.setting, f.state, f.reason).hash(&mut h);
    }
    (s.controls.len().min(8), s.truncated).hash(&mut h);
    h.finish()
}

fn some_state() -> State {
    let mut state = State::default();
    state.region = Some(Region::Eu);
    let d = Detection {
        page: optout_pilot_core::detect::Page {
            kind: PageKind::Hub,
            setting: None,
            category: None,
        },
        lang: None,
        findings: catalog()
            .settings
            .iter()
            .step_by(2)
            .map(|s| optout_pilot_core::detect::Finding {
                setting: s.id.clone(),
                state: SeenState::Off,
                control: Some(0),
                reason: Reason::Key,
            })
            .collect(),
        extras: Vec::new(),
        problems: Vec::new(),
    };
    state.observe(&d, 1_700_000_000_000);
    state
}

// ------------------------------------------------------------------------------------------ entry points
/// Arbitrary bytes as JSON: the path the worker takes for every page.
pub fn fuzz_json(data: &[u8]) -> u64 {
    let (value, snapshot, d) = timed(|| {
        // The worker hands the core text (UTF-8); other bytes read as no snapshot at all.
        let text = std::str::from_utf8(data).unwrap_or("null");
        let (snapshot, problems) = Snapshot::from_json_text(text);
        let d = detector().detect(&snapshot, problems);
        let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        (value, snapshot, d)
    });
    check_snapshot_bounds(&snapshot);
    check_detection(&snapshot, &d);
    check_raw_index(&value, &d, data);
    let env = Env {
        ui_lang: "de-DE".into(),
        time_zone: "Europe/Berlin".into(),
        utc_offset_min: 60,
    };
    let now = 1_764_000_000_000;
    let mut sig = detection_signature(&snapshot, &d);
    sig ^= check_state_path(&State::default(), &snapshot, &d, &env, now).rotate_left(1);
    sig ^= check_state_path(&some_state(), &snapshot, &d, &env, now).rotate_left(2);
    sig
}

/// Bytes drive a snapshot generator (JSON and struct forms) built from catalog vocabulary.
pub fn fuzz_structured(data: &[u8]) -> u64 {
    let mut b = Bytes::new(data);
    let as_struct = b.chance(48);
    let (snapshot, d, raw) = if as_struct {
        let mut s = gen_snapshot_struct(&mut b);
        let d = timed(|| {
            s.bound();
            detector().detect(&s, Vec::new())
        });
        (s, d, None)
    } else {
        let value = gen_snapshot_value(&mut b);
        let (s, d) = timed(|| {
            let (s, p) = Snapshot::from_json_text(&value.to_string());
            let d = detector().detect(&s, p);
            (s, d)
        });
        (s, d, Some(value))
    };
    if std::env::var_os("OPTOUT_FUZZ_DEBUG").is_some() {
        let raw_bytes = raw.as_ref().map(|r| r.to_string().len()).unwrap_or(0);
        eprintln!(
            "structured: {} controls (truncated {}), raw JSON {raw_bytes} bytes, core {:?} ns, findings {}",
            snapshot.controls.len(),
            snapshot.truncated,
            LAST_CORE_NANOS.load(Ordering::Relaxed),
            d.findings.len()
        );
    }
    check_snapshot_bounds(&snapshot);
    check_detection(&snapshot, &d);
    if let Some(raw) = &raw {
        check_raw_index(raw, &d, &serde_json::to_vec(raw).unwrap_or_default());
    }
    let loaded = State::load(Some(&gen_state_value(&mut b).to_string()));
    let env = gen_env(&mut b);
    let now = gen_now(&mut b);
    detection_signature(&snapshot, &d) ^ check_state_path(&loaded.state, &snapshot, &d, &env, now)
}

/// Stored state: raw text or generated near-valid JSON, then events and a page.
pub fn fuzz_state(data: &[u8]) -> u64 {
    let mut b = Bytes::new(data);
    let mode = b.byte();
    let (text, raw_value) = if mode < 64 {
        let rest = &data[1.min(data.len())..];
        // The same bytes also drive the events and the page below.
        b = Bytes::new(rest);
        let text = String::from_utf8_lossy(rest).into_owned();
        let value = serde_json::from_str::<Value>(text.trim()).ok();
        (text, value)
    } else {
        let value = gen_state_value(&mut b);
        (value.to_string(), Some(value))
    };
    let loaded = timed(|| State::load(Some(&text)));
    // Loading never invents an "off".
    for (id, seen) in &loaded.state.settings {
        if seen.state == SeenState::Off {
            let stored = raw_value
                .as_ref()
                .and_then(|v| v.get("settings"))
                .and_then(|s| s.get(id))
                .and_then(|s| s.get("state"))
                .cloned();
            assert_eq!(stored, Some(json!("off")), "load invented OFF for {id}");
        }
    }
    if loaded.problems.is_empty() && !text.trim().is_empty() {
        assert!(!loaded.backup);
    }
    if !loaded.problems.is_empty() {
        assert!(loaded.backup, "problems without a backup");
    }
    // What the core stores reads back as itself (the serde types both ways).
    assert_eq!(State::load(Some(&loaded.state.to_json())).state, loaded.state, "state round trip");
    let mut state = loaded.state;
    let c = catalog();
    let mut sig = DefaultHasher::new();
    loaded.problems.len().hash(&mut sig);
    for _ in 0..b.below(6) {
        let event = gen_event(&mut b);
        let before = state.clone();
        let now = gen_now(&mut b);
        let env = gen_env(&mut b);
        match apply(&mut state, &event, c, now, &env) {
            Ok(()) => {
                // Events never touch what was seen.
                assert_eq!(
                    state.settings, before.settings,
                    "event {event:?} changed seen states"
                );
            }
            Err(_) => assert_eq!(state, before, "refused event {event:?} changed state"),
        }
        // The event travels as JSON from the pages.
        let back = Event::from_json(&event.to_json()).unwrap();
        assert_eq!(back, event);
    }
    let snapshot_value = gen_snapshot_value(&mut b);
    let (snapshot, problems) = Snapshot::from_json_text(&snapshot_value.to_string());
    let d = detector().detect(&snapshot, problems);
    let env = gen_env(&mut b);
    let now = gen_now(&mut b);
    check_detection(&snapshot, &d);
    sig.finish() ^ check_state_path(&state, &snapshot, &d, &env, now)
}
