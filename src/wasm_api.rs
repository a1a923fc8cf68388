//! The thin wasm-bindgen surface the service worker calls. Every function takes and returns plain
//! JSON-compatible values; state travels as JSON text so that storage holds exactly what the core wrote.

use crate::advice::advise;
use crate::catalog::catalog;
use crate::detect::{Detection, Detector};
use crate::events::{apply, Event};
use crate::reminders::next_wake;
use crate::snapshot::Snapshot;
use crate::state::{Millis, State};
use crate::status::{effective_region, status, Env};
use serde::Serialize;
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

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsValue::from_str(&format!("{what}: {e}")))
}

/// JS time (ms, a float) to the core's integer milliseconds, clamped for garbage input.
fn millis(now: f64) -> Millis {
    if now.is_finite() {
        now.clamp(0.0, 8.64e15) as Millis
    } else {
        0
    }
}

/// Detect the page from a snapshot. Malformed snapshots give a detection with problems, never an error.
#[wasm_bindgen]
pub fn detect(snapshot: JsValue) -> Result<JsValue, JsValue> {
    let value: serde_json::Value =
        serde_wasm_bindgen::from_value(snapshot).unwrap_or(serde_json::Value::Null);
    let (snapshot, problems) = Snapshot::from_json_value(&value);
    to_js(&detector().detect(&snapshot, problems))
}

/// Read stored state text (or nothing). Returns `{state, problems, backup}` with `state` as JSON text.
#[wasm_bindgen(js_name = loadState)]
pub fn load_state(raw: Option<String>) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Out {
        state: String,
        problems: Vec<String>,
        backup: Option<String>,
    }
    let loaded = State::load(raw.as_deref());
    to_js(&Out {
        state: loaded.state.to_json(),
        problems: loaded.problems,
        backup: loaded.backup,
    })
}

fn parse_state(state_json: &str) -> State {
    // The worker only passes text that loadState produced; re-reading defensively costs nothing.
    State::load(Some(state_json)).state
}

/// Record a detection. Returns the new state text.
#[wasm_bindgen]
pub fn observe(state_json: &str, detection: JsValue, now: f64) -> Result<String, JsValue> {
    let detection: Detection = from_js(detection, "detection")?;
    let mut state = parse_state(state_json);
    state.observe(&detection, millis(now));
    Ok(state.to_json())
}

/// Apply a user event. Returns the new state text, or an error message for a refused event.
#[wasm_bindgen(js_name = applyEvent)]
pub fn apply_event(state_json: &str, event: JsValue, now: f64) -> Result<String, JsValue> {
    let event: Event = from_js(event, "event")?;
    let mut state = parse_state(state_json);
    apply(&mut state, &event, catalog(), millis(now)).map_err(|e| JsValue::from_str(&e))?;
    Ok(state.to_json())
}

/// The popup's status view and the badge.
#[wasm_bindgen(js_name = statusView)]
pub fn status_view(
    state_json: &str,
    env: JsValue,
    now: f64,
    problems: JsValue,
) -> Result<JsValue, JsValue> {
    let env: Env = from_js(env, "env")?;
    let problems: Vec<String> = serde_wasm_bindgen::from_value(problems).unwrap_or_default();
    to_js(&status(
        &parse_state(state_json),
        catalog(),
        &env,
        millis(now),
        problems,
    ))
}

/// What to draw on a LinkedIn page.
#[wasm_bindgen]
pub fn advice(
    state_json: &str,
    detection: JsValue,
    env: JsValue,
    now: f64,
) -> Result<JsValue, JsValue> {
    let detection: Detection = from_js(detection, "detection")?;
    let env: Env = from_js(env, "env")?;
    to_js(&advise(
        &parse_state(state_json),
        &detection,
        catalog(),
        &env,
        millis(now),
    ))
}

/// When the worker should wake to refresh the badge (ms), if ever.
#[wasm_bindgen(js_name = nextWake)]
pub fn next_wake_at(state_json: &str, env: JsValue, now: f64) -> Result<Option<f64>, JsValue> {
    let env: Env = from_js(env, "env")?;
    let state = parse_state(state_json);
    let region = effective_region(&state, &env);
    Ok(next_wake(&state, catalog(), region, millis(now)).map(|t| t as f64))
}

/// Region guessed from the browser (used to preselect onboarding).
#[wasm_bindgen(js_name = guessRegion)]
pub fn guess_region(time_zone: &str, language: &str) -> String {
    crate::region::guess(time_zone, language)
        .as_str()
        .to_string()
}

/// The catalog version, for export files and diagnostics.
#[wasm_bindgen(js_name = catalogVersion)]
pub fn catalog_version() -> String {
    catalog().catalog_version.clone()
}
