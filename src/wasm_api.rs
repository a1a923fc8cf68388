//! The thin wasm-bindgen surface the service worker calls (through `extension/worker/core.js`).
//!
//! Everything crosses the boundary as JSON text, read and written by the core's own small `json` module:
//! one code path serves storage, tests and the worker, and keeps the module small.

use crate::advice::advise_and_record;
use crate::catalog::catalog;
use crate::detect::{Detector, PageKind};
use crate::events::{apply, Event};
use crate::import::import;
use crate::json::{Json, Writer};
use crate::reminders::next_wake;
use crate::snapshot::Snapshot;
use crate::state::{Millis, State};
use crate::status::{effective_region, status, Env};
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn detector() -> &'static Detector<'static> {
    static DETECTOR: OnceLock<Detector<'static>> = OnceLock::new();
    DETECTOR.get_or_init(|| Detector::new(catalog()))
}

fn parse(text: &str, what: &str) -> Result<Json, JsError> {
    Json::parse(text).ok_or_else(|| JsError::new(&[what, ": not valid JSON"].concat()))
}

fn parse_env(env_json: &str) -> Result<Env, JsError> {
    Env::from_json(&parse(env_json, "env")?).map_err(|e| JsError::new(&e))
}

/// JS time (ms, a float) to the core's integer milliseconds, clamped for garbage input.
fn millis(now: f64) -> Millis {
    if now.is_finite() {
        now.clamp(0.0, 8.64e15) as Millis
    } else {
        0
    }
}

fn parse_state(state_json: &str) -> State {
    // The worker only passes text that loadState produced; re-reading defensively costs nothing.
    State::load(Some(state_json)).state
}

/// Detect the page from a snapshot (JSON text). Malformed input gives a detection with problems.
#[wasm_bindgen]
pub fn detect(snapshot_json: &str) -> String {
    let (snapshot, problems) = Snapshot::from_json_text(snapshot_json);
    detector().detect(&snapshot, problems).to_json()
}

/// Read stored state text (or nothing): `{state, problems, backup}` with `state` as JSON text.
#[wasm_bindgen(js_name = loadState)]
pub fn load_state(raw: Option<String>) -> String {
    let loaded = State::load(raw.as_deref());
    let mut w = Writer::default();
    w.begin_object()
        .key("state")
        .string(&loaded.state.to_json());
    w.key("problems").strings(&loaded.problems);
    w.key("backup").opt_string(loaded.backup.as_deref());
    w.end_object();
    w.out
}

/// An exported file's `state` (JSON text) to import: `{state}` (JSON text, readings marked as imported) or
/// `{problems}` (why it is refused; nothing may be stored then).
#[wasm_bindgen(js_name = importState)]
pub fn import_state(text: &str, now: f64) -> String {
    let mut w = Writer::default();
    w.begin_object();
    match import(text, catalog(), millis(now)) {
        Ok(state) => w.key("state").string(&state.to_json()),
        Err(problems) => w.key("problems").strings(&problems),
    };
    w.end_object();
    w.out
}

/// A LinkedIn page reported a snapshot: detect it, record what it shows, and decide what to draw (and
/// remember a reminder card drawn today). `card_shown`: the page already shows our reminder card.
/// Returns `{state, detection, advice}` (state as JSON text). One call, so a detection never has to
/// travel back into the core.
#[wasm_bindgen]
pub fn page(
    state_json: &str,
    snapshot_json: &str,
    env_json: &str,
    now: f64,
    card_shown: bool,
) -> Result<String, JsError> {
    let env = parse_env(env_json)?;
    let (snapshot, problems) = Snapshot::from_json_text(snapshot_json);
    let detection = detector().detect(&snapshot, problems);
    let mut state = parse_state(state_json);
    let now = millis(now);
    // A signed-out page (sign-in, auth wall) changes nothing, not even whose status is shown.
    let account = (!snapshot.account.is_empty()
        && !matches!(detection.page.kind, PageKind::Login | PageKind::NotLinkedin))
    .then_some(snapshot.account.as_str());
    state.observe_for(&detection, account, now);
    let advice = advise_and_record(&mut state, &detection, catalog(), &env, now, card_shown);
    let mut w = Writer::default();
    w.begin_object().key("state").string(&state.to_json());
    w.key("detection");
    detection.write(&mut w);
    w.key("advice");
    advice.write(&mut w);
    w.end_object();
    Ok(w.out)
}

/// An ordinary LinkedIn page showed which account is signed in (its salted key): from now on the status is
/// that account's. Returns the new state text (unchanged for an invalid key or the same account).
#[wasm_bindgen(js_name = signIn)]
pub fn sign_in(state_json: &str, account: &str, now: f64) -> String {
    let mut state = parse_state(state_json);
    state.sign_in(account, millis(now));
    state.to_json()
}

/// Apply a user event. Returns the new state text, or an error for a refused event.
#[wasm_bindgen(js_name = applyEvent)]
pub fn apply_event(
    state_json: &str,
    event_json: &str,
    env_json: &str,
    now: f64,
) -> Result<String, JsError> {
    let env = parse_env(env_json)?;
    let event = Event::from_json(&parse(event_json, "event")?)
        .map_err(|e| JsError::new(&["event: ", &e].concat()))?;
    let mut state = parse_state(state_json);
    apply(&mut state, &event, catalog(), millis(now), &env).map_err(|e| JsError::new(&e))?;
    Ok(state.to_json())
}

/// The popup's status view and the badge.
#[wasm_bindgen(js_name = statusView)]
pub fn status_view(
    state_json: &str,
    env_json: &str,
    now: f64,
    problems_json: &str,
) -> Result<String, JsError> {
    let env = parse_env(env_json)?;
    // A list of text, else none at all (as before: one wrong item drops the list).
    let problems = Json::parse(problems_json)
        .and_then(|p| {
            p.as_array()?
                .iter()
                .map(|i| i.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
        })
        .unwrap_or_default();
    Ok(status(
        &parse_state(state_json),
        catalog(),
        &env,
        millis(now),
        problems,
    )
    .to_json())
}

/// When the worker should wake to refresh the badge (ms), if ever.
#[wasm_bindgen(js_name = nextWake)]
pub fn next_wake_at(state_json: &str, env_json: &str, now: f64) -> Result<Option<f64>, JsError> {
    let env = parse_env(env_json)?;
    let state = parse_state(state_json);
    let region = effective_region(&state, &env);
    Ok(next_wake(&state, catalog(), region, millis(now), env.utc_offset_min).map(|t| t as f64))
}

/// The catalog version, for export files and diagnostics.
#[wasm_bindgen(js_name = catalogVersion)]
pub fn catalog_version() -> String {
    catalog().catalog_version.clone()
}
