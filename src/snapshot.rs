//! The page snapshot the content script sends (version 1), and how the core bounds it.
//!
//! The snapshot comes from a page we do not control, so every field is optional, every string and list
//! is capped, and anything unreadable becomes a reported problem rather than an error.

use crate::text::truncate_chars;
use serde::{Deserialize, Serialize};

pub const SNAPSHOT_VERSION: u32 = 1;
/// More controls than any settings page has; beyond this the page is hostile or not a settings page.
pub const MAX_CONTROLS: usize = 5_000;
pub const MAX_TEXT_CHARS: usize = 500;
pub const MAX_URL_CHARS: usize = 2_048;
pub const MAX_KEYS: usize = 8;
pub const MAX_KEY_CHARS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum ControlKind {
    /// `<input type=checkbox>` (LinkedIn's switches are checkboxes with role=switch).
    Checkbox,
    /// `role=switch` on a non-input element.
    Switch,
    /// A toggle button (`aria-pressed`).
    Button,
    /// Anything else exposing `aria-checked`.
    #[default]
    #[serde(other)]
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Control {
    pub kind: ControlKind,
    pub name: String,
    pub keys: Vec<String>,
    pub context: String,
    /// `None` when the control does not say (mixed, missing attribute).
    pub checked: Option<bool>,
    pub disabled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Snapshot {
    pub v: u32,
    pub url: String,
    pub lang: String,
    pub title: String,
    pub heading: String,
    pub login_form: bool,
    pub controls: Vec<Control>,
    pub truncated: bool,
}

impl Snapshot {
    /// Read a snapshot from loosely-typed JSON. Fields of the wrong type are dropped one by one, so a
    /// partly broken snapshot still yields what is readable. Returns the snapshot and the problems seen.
    pub fn from_json_value(value: &serde_json::Value) -> (Snapshot, Vec<String>) {
        let mut problems = Vec::new();
        let Some(object) = value.as_object() else {
            problems.push("snapshot is not an object".to_string());
            return (Snapshot::default(), problems);
        };
        let text = |name: &str, problems: &mut Vec<String>| -> String {
            match object.get(name) {
                None | Some(serde_json::Value::Null) => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(_) => {
                    problems.push(format!("snapshot field {name} is not text"));
                    String::new()
                }
            }
        };
        let mut snapshot = Snapshot {
            v: object
                .get("v")
                .and_then(|v| v.as_u64())
                .unwrap_or(0)
                .min(u32::MAX as u64) as u32,
            url: text("url", &mut problems),
            lang: text("lang", &mut problems),
            title: text("title", &mut problems),
            heading: text("heading", &mut problems),
            login_form: object
                .get("loginForm")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            controls: Vec::new(),
            truncated: object
                .get("truncated")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
        };
        if snapshot.v != SNAPSHOT_VERSION {
            problems.push(format!(
                "snapshot version {} (expected {SNAPSHOT_VERSION})",
                snapshot.v
            ));
        }
        match object.get("controls") {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::Array(items)) => {
                let mut dropped = 0usize;
                for item in items.iter().take(MAX_CONTROLS) {
                    // An unreadable control keeps its place (as a control that says nothing), so the
                    // indexes the core reports still point at the content script's own list.
                    let control =
                        serde_json::from_value::<Control>(item.clone()).unwrap_or_else(|_| {
                            dropped += 1;
                            Control::default()
                        });
                    snapshot.controls.push(control);
                }
                if items.len() > MAX_CONTROLS {
                    snapshot.truncated = true;
                }
                if dropped > 0 {
                    problems.push(format!("{dropped} unreadable controls ignored"));
                }
            }
            Some(_) => problems.push("snapshot controls is not a list".to_string()),
        }
        snapshot.bound();
        (snapshot, problems)
    }

    /// Cap every string and list so that later work is bounded whatever the page sent.
    pub fn bound(&mut self) {
        cap(&mut self.url, MAX_URL_CHARS);
        cap(&mut self.lang, 35);
        cap(&mut self.title, MAX_TEXT_CHARS);
        cap(&mut self.heading, MAX_TEXT_CHARS);
        if self.controls.len() > MAX_CONTROLS {
            self.controls.truncate(MAX_CONTROLS);
            self.truncated = true;
        }
        for control in &mut self.controls {
            cap(&mut control.name, MAX_TEXT_CHARS);
            cap(&mut control.context, MAX_TEXT_CHARS);
            control.keys.truncate(MAX_KEYS);
            for key in &mut control.keys {
                cap(key, MAX_KEY_CHARS);
            }
        }
    }
}

fn cap(text: &mut String, max_chars: usize) {
    let cut = truncate_chars(text, max_chars).len();
    text.truncate(cut);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_complete_snapshot() {
        let (snapshot, problems) = Snapshot::from_json_value(&json!({
            "v": 1, "url": "https://www.linkedin.com/feed/", "lang": "de", "title": "Feed", "heading": "",
            "loginForm": false, "truncated": false,
            "controls": [{"kind": "checkbox", "name": "x", "keys": ["k"], "context": "c", "checked": true, "disabled": false}]
        }));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(snapshot.controls.len(), 1);
        assert_eq!(snapshot.controls[0].checked, Some(true));
        assert_eq!(snapshot.controls[0].kind, ControlKind::Checkbox);
    }

    #[test]
    fn survives_wrong_types_and_keeps_what_is_readable() {
        let (snapshot, problems) = Snapshot::from_json_value(&json!({
            "v": 1, "url": 42, "lang": ["de"], "controls": [
                {"kind": "checkbox", "name": "ok", "checked": false},
                {"kind": 7, "checked": "yes"},
                "nonsense",
                {"kind": "spaceship", "name": "odd kind"}
            ]
        }));
        assert_eq!(snapshot.url, "");
        // Unreadable controls keep their index as empty placeholders.
        assert_eq!(snapshot.controls.len(), 4);
        assert_eq!(snapshot.controls[1], Control::default());
        assert_eq!(snapshot.controls[3].kind, ControlKind::Other);
        assert_eq!(snapshot.controls[3].name, "odd kind");
        assert!(problems.iter().any(|p| p.contains("url")));
        assert!(problems.iter().any(|p| p.contains("2 unreadable controls")));
    }

    #[test]
    fn non_objects_are_problems_not_panics() {
        for value in [json!(null), json!(3), json!("text"), json!([1, 2])] {
            let (snapshot, problems) = Snapshot::from_json_value(&value);
            assert_eq!(snapshot, Snapshot::default());
            assert_eq!(problems.len(), 1);
        }
    }

    #[test]
    fn bounds_huge_input() {
        let long = "ä".repeat(3_000);
        let long_key = "k".repeat(300);
        let controls: Vec<_> = (0..MAX_CONTROLS + 10)
            .map(|_| json!({"kind": "switch", "name": long, "keys": vec![long_key.clone(); 20], "checked": true}))
            .collect();
        let (snapshot, _) =
            Snapshot::from_json_value(&json!({"v": 1, "url": long, "controls": controls}));
        assert_eq!(snapshot.controls.len(), MAX_CONTROLS);
        assert!(snapshot.truncated);
        assert_eq!(snapshot.url.chars().count(), MAX_URL_CHARS);
        assert_eq!(snapshot.controls[0].name.chars().count(), MAX_TEXT_CHARS);
        assert_eq!(snapshot.controls[0].keys.len(), MAX_KEYS);
    }
}
