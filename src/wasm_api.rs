//! The thin wasm-bindgen surface the service worker calls (through `extension/worker/core.js`).
//!
//! Everything crosses the boundary as JSON text: one serde_json code path serves storage, tests and the
//! worker, which keeps the module small (a second, JsValue-based serialiser would double that code).

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

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("core types serialise")
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, JsError> {
    serde_json::from_str(text).map_err(|e| JsError::new(&format!("{what}: {e}")))
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
    let value: serde_json::Value =
        serde_json::from_str(snapshot_json).unwrap_or(serde_json::Value::Null);
    let (snapshot, problems) = Snapshot::from_json_value(&value);
    json(&detector().detect(&snapshot, problems))
}

/// Read stored state text (or nothing): `{state, problems, backup}` with `state` as JSON text.
#[wasm_bindgen(js_name = loadState)]
pub fn load_state(raw: Option<String>) -> String {
    #[derive(Serialize)]
    struct Out {
        state: String,
        problems: Vec<String>,
        backup: Option<String>,
    }
    let loaded = State::load(raw.as_deref());
    json(&Out {
        state: loaded.state.to_json(),
        problems: loaded.problems,
        backup: loaded.backup,
    })
}

/// A LinkedIn page reported a snapshot: detect it, record what it shows, and decide what to draw.
/// Returns `{state, detection, advice}` (state as JSON text). One call, so a detection never has to
/// travel back into the core.
#[wasm_bindgen]
pub fn page(
    state_json: &str,
    snapshot_json: &str,
    env_json: &str,
    now: f64,
) -> Result<String, JsError> {
    #[derive(Serialize)]
    struct Out {
        state: String,
        detection: Detection,
        advice: crate::advice::Advice,
    }
    let env: Env = parse(env_json, "env")?;
    let value: serde_json::Value =
        serde_json::from_str(snapshot_json).unwrap_or(serde_json::Value::Null);
    let (snapshot, problems) = Snapshot::from_json_value(&value);
    let detection = detector().detect(&snapshot, problems);
    let mut state = parse_state(state_json);
    let now = millis(now);
    state.observe(&detection, now);
    let advice = advise(&state, &detection, catalog(), &env, now);
    Ok(json(&Out {
        state: state.to_json(),
        detection,
        advice,
    }))
}

/// Apply a user event. Returns the new state text, or an error for a refused event.
#[wasm_bindgen(js_name = applyEvent)]
pub fn apply_event(state_json: &str, event_json: &str, now: f64) -> Result<String, JsError> {
    let event: Event = parse(event_json, "event")?;
    let mut state = parse_state(state_json);
    apply(&mut state, &event, catalog(), millis(now)).map_err(|e| JsError::new(&e))?;
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
    let env: Env = parse(env_json, "env")?;
    let problems: Vec<String> = serde_json::from_str(problems_json).unwrap_or_default();
    Ok(json(&status(
        &parse_state(state_json),
        catalog(),
        &env,
        millis(now),
        problems,
    )))
}

/// When the worker should wake to refresh the badge (ms), if ever.
#[wasm_bindgen(js_name = nextWake)]
pub fn next_wake_at(state_json: &str, env_json: &str, now: f64) -> Result<Option<f64>, JsError> {
    let env: Env = parse(env_json, "env")?;
    let state = parse_state(state_json);
    let region = effective_region(&state, &env);
    Ok(next_wake(&state, catalog(), region, millis(now)).map(|t| t as f64))
}

/// The catalog version, for export files and diagnostics.
#[wasm_bindgen(js_name = catalogVersion)]
pub fn catalog_version() -> String {
    catalog().catalog_version.clone()
}
