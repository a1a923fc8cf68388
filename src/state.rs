//! What the extension remembers (stored as JSON in `storage.local`), read defensively.
//!
//! Stored data may be damaged, partial, from another program or from a future version. Reading never
//! fails: whatever is readable is kept, the rest is reported, the raw text is handed back for a backup,
//! and nothing is ever turned into an "off" that was not stored as one.

use crate::detect::{Detection, SeenState};
use crate::region::Region;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

pub const SCHEMA: u32 = 1;
pub const DEFAULT_RECHECK_DAYS: u32 = 90;
pub const MIN_RECHECK_DAYS: u32 = 7;
pub const MAX_RECHECK_DAYS: u32 = 365;
/// Milliseconds since the Unix epoch (what JavaScript's `Date.now()` gives).
pub type Millis = i64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Seen {
    pub state: SeenState,
    /// When this state was last read from a LinkedIn page.
    pub seen_at: Millis,
    /// When the state last changed to this value.
    pub changed_at: Millis,
    /// When it was last seen going from off back to on (LinkedIn or someone turned it on again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turned_back_on_at: Option<Millis>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Guide {
    pub active: bool,
    pub started_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub schema: u32,
    pub region: Option<Region>,
    pub setup_done: bool,
    pub settings: BTreeMap<String, Seen>,
    pub dismissed: BTreeSet<String>,
    pub dismiss_all: bool,
    pub snooze_until: Option<Millis>,
    pub guide: Option<Guide>,
    pub recheck_days: u32,
}

impl Default for State {
    fn default() -> State {
        State {
            schema: SCHEMA,
            region: None,
            setup_done: false,
            settings: BTreeMap::new(),
            dismissed: BTreeSet::new(),
            dismiss_all: false,
            snooze_until: None,
            guide: None,
            recheck_days: DEFAULT_RECHECK_DAYS,
        }
    }
}

// Problems are codes: the pages show them in the user's language (`problem<Code>` messages).
/// Stored text could not be read at all; reset, backup kept.
pub const PROBLEM_DAMAGED: &str = "stateDamaged";
/// Stored data was not ours; reset, backup kept.
pub const PROBLEM_FOREIGN: &str = "stateForeign";
/// Stored data is from a newer version; reset, backup kept.
pub const PROBLEM_NEWER: &str = "stateNewer";
/// Some fields were damaged: the readable rest was kept, backup kept.
pub const PROBLEM_PARTIAL: &str = "statePartial";

/// Outcome of reading stored state.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Loaded {
    pub state: State,
    /// Problem codes found while reading (shown in the popup).
    pub problems: Vec<String>,
    /// The original text, when it could not be read completely: the caller keeps it as a backup.
    pub backup: Option<String>,
}

impl State {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("state serialises")
    }

    /// Read stored JSON text. `None` or empty means a first run.
    pub fn load(raw: Option<&str>) -> Loaded {
        let raw = raw.map(str::trim).filter(|r| !r.is_empty());
        let Some(raw) = raw else {
            return Loaded {
                state: State::default(),
                problems: Vec::new(),
                backup: None,
            };
        };
        let fail = |problem: &str| Loaded {
            state: State::default(),
            problems: vec![problem.to_string()],
            backup: Some(raw.to_string()),
        };
        let value: Value = match serde_json::from_str(raw) {
            Ok(value) => value,
            Err(_) => return fail(PROBLEM_DAMAGED),
        };
        let Some(object) = value.as_object() else {
            return fail(PROBLEM_FOREIGN);
        };
        match object.get("schema").and_then(Value::as_u64) {
            Some(1) => {}
            Some(newer) if newer > SCHEMA as u64 => return fail(PROBLEM_NEWER),
            _ => return fail(PROBLEM_FOREIGN),
        }
        let mut lost = Vec::new();
        let state = read_v1(object, &mut lost);
        let backup = (!lost.is_empty()).then(|| raw.to_string());
        let problems = if lost.is_empty() {
            Vec::new()
        } else {
            vec![PROBLEM_PARTIAL.to_string()]
        };
        Loaded {
            state,
            problems,
            backup,
        }
    }

    /// Record what a LinkedIn page showed. `NotFound` findings are not observations and change nothing.
    pub fn observe(&mut self, detection: &Detection, now: Millis) {
        for finding in detection
            .findings
            .iter()
            .filter(|f| f.reason.is_observation())
        {
            let previous = self.settings.get(&finding.setting);
            let changed_at = match previous {
                Some(p) if p.state == finding.state => p.changed_at,
                _ => now,
            };
            let turned_back_on_at = match previous {
                Some(p) if p.state == SeenState::Off && finding.state == SeenState::On => Some(now),
                Some(p) if finding.state == SeenState::On => p.turned_back_on_at,
                _ => None,
            };
            self.settings.insert(
                finding.setting.clone(),
                Seen {
                    state: finding.state,
                    seen_at: now,
                    changed_at,
                    turned_back_on_at,
                },
            );
        }
    }
}

/// Read schema-1 fields one by one, so one damaged field does not cost the others. `lost` names what
/// could not be read.
fn read_v1(object: &Map<String, Value>, lost: &mut Vec<String>) -> State {
    let mut state = State::default();
    match object.get("region") {
        None | Some(Value::Null) => {}
        Some(Value::String(r)) if Region::parse(r).is_some() => state.region = Region::parse(r),
        Some(_) => lost.push("region".to_string()),
    }
    state.setup_done = object
        .get("setupDone")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    state.dismiss_all = object
        .get("dismissAll")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    state.snooze_until = object.get("snoozeUntil").and_then(Value::as_i64);
    state.recheck_days = object
        .get("recheckDays")
        .and_then(Value::as_u64)
        .map(|d| d.clamp(MIN_RECHECK_DAYS as u64, MAX_RECHECK_DAYS as u64) as u32)
        .unwrap_or(DEFAULT_RECHECK_DAYS);
    state.guide = object
        .get("guide")
        .and_then(|g| serde_json::from_value(g.clone()).ok());
    if let Some(list) = object.get("dismissed") {
        match list.as_array() {
            Some(items) => {
                state.dismissed = items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect()
            }
            None => lost.push("dismissed".to_string()),
        }
    }
    match object.get("settings") {
        None | Some(Value::Null) => {}
        Some(Value::Object(entries)) => {
            for (id, entry) in entries {
                match serde_json::from_value::<Seen>(entry.clone()) {
                    Ok(seen) if seen.seen_at >= 0 => {
                        state.settings.insert(id.clone(), seen);
                    }
                    _ => lost.push(format!("settings.{id}")),
                }
            }
        }
        Some(_) => lost.push("settings".to_string()),
    }
    state
}

#[cfg(test)]
mod tests;
