//! The thin wasm-bindgen surface the service worker calls (through `extension/worker/core.js`).
//!
//! Values cross as JS objects, decoded into the core's serde types and encoded back by serde-wasm-bindgen (no JSON
//! text). Each message the worker handles is one call: it passes the stored state as it found it in
//! `storage.local` and gets back everything it needs (the state to store, whether the stored value was damaged,
//! the problems to keep, the status view, the next wake-up, and for a page its advice).
//! The shapes are declared once for JS in `extension/shared/protocol.js`.

use crate::advice::{advise_and_record, Advice};
use crate::catalog::catalog;
use crate::detect::{Detector, PageKind};
use crate::events::{apply, Event};
use crate::import::{import_value, MAX_IMPORT_CHARS};
use crate::raw::Raw;
use crate::reminders::next_wake;
use crate::snapshot::{Snapshot, SNAPSHOT_VERSION};
use crate::state::{Identity, State};
use crate::status::{cards_changed, effective_region, status, Env, StatusView};
use crate::time::Millis;
use serde::Serialize;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

/// Problems kept for the popup (the newest).
const MAX_PROBLEMS: usize = 10;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn detector() -> &'static Detector<'static> {
    static DETECTOR: OnceLock<Detector<'static>> = OnceLock::new();
    DETECTOR.get_or_init(|| Detector::new(catalog()))
}

/// JS time (ms, a float) to the core's integer milliseconds, clamped for garbage input.
fn millis(now: f64) -> Millis {
    if now.is_finite() {
        now.clamp(0.0, 8.64e15) as Millis
    } else {
        0
    }
}

fn read_env(env: &JsValue) -> Result<Env, JsError> {
    Env::read(env).ok_or_else(|| JsError::new("env: expected {uiLang, timeZone, utcOffset}"))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| JsError::new("core: a reply could not be encoded"))
}

/// The stored state as the worker found it, read (and what reading it found).
struct Loaded {
    state: State,
    original: State,
    backup: bool,
    problems: Vec<String>,
}

/// `stored`: the value under `state` in storage.local (`undefined` on a first run; text that `JSON.parse`
/// refused is damage). `problems`: the problem codes kept so far. Held readings that have gone stale by `now`
/// are dropped (and the state is written without them).
fn load(stored: &JsValue, problems: &JsValue, now: Millis) -> Loaded {
    let loaded = State::read((!stored.is_undefined()).then_some(stored));
    let mut kept: Vec<String> = problems
        .items(usize::MAX)
        .map(|(items, _)| items.iter().filter_map(Raw::as_text).collect())
        .unwrap_or_default();
    if loaded.backup {
        kept.extend(loaded.problems);
    }
    // The newest.
    let cut = kept.len().saturating_sub(MAX_PROBLEMS);
    kept.drain(..cut);
    let mut state = loaded.state.clone();
    state.expire_held(now);
    Loaded {
        original: loaded.state,
        state,
        backup: loaded.backup,
        problems: kept,
    }
}

/// The part of every reply that concerns the stored state and what the badge shows.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Reply {
    /// The state to store.
    state: State,
    /// `state` differs from what was stored: write it.
    changed: bool,
    /// What the reminder cards say changed with it: the cards on screen in other tabs ask again.
    cards_changed: bool,
    /// The stored value could not be read completely: keep it as a backup (the problems say why).
    backup: bool,
    /// The problem codes to keep (the stored ones, plus what reading found when `backup`).
    problems: Vec<String>,
    /// The status view. A page report that changed nothing leaves it out (the badge already shows it; building
    /// and encoding it was most of a quiet report's time).
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<StatusView>,
    /// When the worker should wake to refresh the badge (ms), `null` for never; left out with `status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    wake: Option<Option<f64>>,
    /// A page report: what to draw.
    #[serde(skip_serializing_if = "Option::is_none")]
    advice: Option<Advice>,
    /// An event the core refused (nothing changed).
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// The reply for `loaded` (changed since it was read, or not); `with_view`: include the status view and wake-up.
fn reply(loaded: Loaded, env: &Env, now: Millis, with_view: bool) -> Reply {
    let state = loaded.state;
    let changed = state != loaded.original;
    let (status, wake) = if with_view {
        let view = status(&state, catalog(), env, now, loaded.problems.clone());
        let region = effective_region(&state, env);
        let wake = next_wake(&state, catalog(), region, now, env.utc_offset_min).map(|t| t as f64);
        (Some(view), Some(wake))
    } else {
        (None, None)
    };
    let cards_changed = changed
        && status
            .as_ref()
            .is_some_and(|view| cards_changed(&loaded.original, view, catalog(), env, now));
    Reply {
        changed,
        cards_changed,
        state,
        backup: loaded.backup,
        problems: loaded.problems,
        status,
        wake,
        advice: None,
        error: None,
    }
}

/// Detect a page from a snapshot (tests and the bench; the worker's `page` does this itself). Malformed input
/// gives a detection with problems.
#[wasm_bindgen]
pub fn detect(snapshot: JsValue) -> Result<JsValue, JsError> {
    let (snapshot, problems) = Snapshot::read(&snapshot);
    to_js(&detector().detect(&snapshot, problems))
}

/// What kind of page an address is (`setting`, `hub`, `linkedin`, `login`, `notLinkedin`): the worker loads the
/// guide into a document that navigated to a settings page.
#[wasm_bindgen(js_name = pageKind)]
pub fn page_kind(url: &str) -> String {
    let snapshot = Snapshot {
        v: SNAPSHOT_VERSION,
        url: url.to_string(),
        ..Snapshot::default()
    };
    let mut snapshot = snapshot;
    snapshot.bound();
    detector()
        .detect(&snapshot, Vec::new())
        .page
        .kind
        .as_str()
        .to_string()
}

/// A LinkedIn page reported a snapshot: detect it, record what it shows (for the account it shows), decide what
/// to draw (and remember a reminder card drawn today). `card_shown`: the page already shows our reminder card.
/// One call: `{state, changed, backup, problems, advice}`, and `status` and `wake` when something changed.
#[wasm_bindgen]
pub fn page(
    stored: JsValue,
    problems: JsValue,
    snapshot: JsValue,
    env: JsValue,
    now: f64,
    card_shown: bool,
) -> Result<JsValue, JsError> {
    let env = read_env(&env)?;
    let (snapshot, snapshot_problems) = Snapshot::read(&snapshot);
    let detection = detector().detect(&snapshot, snapshot_problems);
    let now = millis(now);
    let mut loaded = load(&stored, &problems, now);
    // A signed-out page (sign-in, auth wall) changes nothing, not even whose status is shown.
    let identity = if matches!(detection.page.kind, PageKind::Login | PageKind::NotLinkedin) {
        Identity::default()
    } else {
        Identity {
            account: &snapshot.account,
            name: &snapshot.account_name,
            conflict: snapshot.account_conflict,
        }
    };
    loaded.state.observe_as(&detection, &identity, now);
    let advice = advise_and_record(
        &mut loaded.state,
        &detection,
        catalog(),
        &env,
        now,
        card_shown,
    );
    let with_view = loaded.backup || loaded.state != loaded.original;
    let mut out = reply(loaded, &env, now, with_view);
    out.advice = Some(advice);
    to_js(&out)
}

/// Apply a member's event. A refused event (unknown, malformed, an unknown setting) changes nothing and says
/// why in `error`.
#[wasm_bindgen]
pub fn event(
    stored: JsValue,
    problems: JsValue,
    event: JsValue,
    env: JsValue,
    now: f64,
) -> Result<JsValue, JsError> {
    let env = read_env(&env)?;
    let now = millis(now);
    let mut loaded = load(&stored, &problems, now);
    let event = Event::read(&event);
    let reaches_cards = event.as_ref().is_ok_and(Event::reaches_cards);
    let outcome = event
        .map_err(|e| ["event: ", &e].concat())
        .and_then(|e| apply(&mut loaded.state, &e, catalog(), now, &env));
    if outcome.is_err() {
        loaded.state = loaded.original.clone();
    }
    let mut out = reply(loaded, &env, now, true);
    out.cards_changed &= reaches_cards;
    out.error = outcome.err();
    to_js(&out)
}

/// The status view (popup, options, badge) of the stored state; `problems` replaces the kept problem codes
/// (the worker passes `[]` once the member has acknowledged them).
#[wasm_bindgen(js_name = status)]
pub fn status_of(
    stored: JsValue,
    problems: JsValue,
    env: JsValue,
    now: f64,
) -> Result<JsValue, JsError> {
    let env = read_env(&env)?;
    let now = millis(now);
    to_js(&reply(load(&stored, &problems, now), &env, now, true))
}

/// An exported file's `state` (the worker parsed the file) to import: `{state}` (readings marked as imported) or
/// `{problems}` (why it is refused; nothing may be stored then).
#[wasm_bindgen(js_name = importState)]
pub fn import_state(value: JsValue, now: f64) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Imported {
        #[serde(skip_serializing_if = "Option::is_none")]
        state: Option<State>,
        #[serde(skip_serializing_if = "Option::is_none")]
        problems: Option<Vec<String>>,
    }
    let out = match import_value(&value, catalog(), millis(now)) {
        Ok(state) => Imported {
            state: Some(state),
            problems: None,
        },
        Err(problems) => Imported {
            state: None,
            problems: Some(problems),
        },
    };
    to_js(&out)
}

/// The longest export file the core reads (characters): the worker refuses a longer one before parsing it.
#[wasm_bindgen(js_name = maxImportChars)]
pub fn max_import_chars() -> u32 {
    MAX_IMPORT_CHARS as u32
}

/// The catalog version, for export files and diagnostics.
#[wasm_bindgen(js_name = catalogVersion)]
pub fn catalog_version() -> String {
    catalog().catalog_version.clone()
}
