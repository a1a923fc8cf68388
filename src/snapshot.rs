//! The page snapshot the content script sends (version 1), and how the core bounds it.
//!
//! The snapshot comes from a page we do not control, so every field is optional, every string and list
//! is capped, and anything unreadable becomes a reported problem rather than an error.

use crate::raw::{null_default, Raw};
use crate::text::{int_text, truncate_chars};
use serde::{Deserialize, Serialize};

pub const SNAPSHOT_VERSION: u32 = 1;
/// More controls than any settings page has; beyond this the page is hostile or not a settings page.
pub const MAX_CONTROLS: usize = 5_000;
pub const MAX_TEXT_CHARS: usize = 500;
pub const MAX_URL_CHARS: usize = 2_048;
pub const MAX_KEYS: usize = 8;
pub const MAX_KEY_CHARS: usize = 100;

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ControlKind {
    /// `<input type=checkbox>` (LinkedIn's switches are checkboxes with role=switch).
    Checkbox,
    /// `role=switch` on a non-input element.
    Switch,
    /// A toggle button (`aria-pressed`).
    Button,
    /// Anything else exposing `aria-checked`.
    /// Also any kind this version does not know.
    #[default]
    #[serde(other)]
    Other,
}

/// Every field optional (missing: the default, so a missing fact is the cautious one); a field that is there must
/// have the right type, else the whole control is unreadable. `null` flags read as their default.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Control {
    pub kind: ControlKind,
    pub name: String,
    pub keys: Vec<String>,
    pub context: String,
    /// `None` when the control does not say (mixed, missing attribute).
    pub checked: Option<bool>,
    #[serde(deserialize_with = "null_default")]
    pub disabled: bool,
    // What the content script saw of the control. A snapshot that does not say (an older or a broken
    // content script) gets the cautious default: a control not known to be visible and settled is never
    // believed.
    /// Rendered and visible to the member (not `display:none`, `visibility:hidden`, transparent or
    /// zero-sized, and not inside a closed `<details>`).
    #[serde(deserialize_with = "null_default")]
    pub visible: bool,
    /// `aria-busy` on the control or around it, or a loading indicator in its section.
    #[serde(deserialize_with = "null_default")]
    pub busy: bool,
    /// The page says an edit is not saved yet for this control: an enabled Save / Apply / Cancel / Discard
    /// or a submit button whose form or region holds it, an "unsaved changes" or "saving…" text, or an open
    /// confirm dialog that is not the control's own container. Like `busy`, `false` when not said (the content
    /// script always says).
    #[serde(deserialize_with = "null_default")]
    pub pending: bool,
    /// Inside an `inert`, `aria-hidden="true"` or `hidden` subtree: not what the member acts on.
    #[serde(deserialize_with = "null_default")]
    pub inert: bool,
    /// Inside a shadow root (read through it).
    #[serde(deserialize_with = "null_default")]
    pub shadow: bool,
    /// Inside the page's current main landmark.
    #[serde(deserialize_with = "null_default")]
    pub main: bool,
    /// Index of the section (region, fieldset, form, …) the control belongs to; `None` outside any.
    pub section: Option<u32>,
    /// The control and these facts stayed the same for the content script's settle window, and the
    /// document had finished loading.
    #[serde(deserialize_with = "null_default")]
    pub settled: bool,
}

/// Read field by field (`Snapshot::read`), so a wrong field is reported and the rest is kept; written as the
/// content script sends it.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
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
    /// The page finished loading and had a few seconds to render (content script): what it lacks now is
    /// missing, not late.
    pub page_settled: bool,
    /// The signed-in account's key (the worker's salted hash of the handle the page showed; the page's
    /// own report never carries it). Empty when the page did not show who is signed in.
    pub account: String,
    /// The key of the member's name the page showed (the worker's salted hash; '' when none).
    pub account_name: String,
    /// The page's signals of who is signed in disagreed (the worker passes the page's word on).
    pub account_conflict: bool,
}

crate::names!(ControlKind {
    Checkbox => "checkbox", Switch => "switch", Button => "button", Other => "other",
});

impl Snapshot {
    /// Read a snapshot from JSON text (native: tests, fuzzer, bench); text that is not JSON reads as a snapshot
    /// that is not an object.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json_text(text: &str) -> (Snapshot, Vec<String>) {
        Snapshot::read(&serde_json::from_str(text).unwrap_or(serde_json::Value::Null))
    }

    /// Read a snapshot from whatever the content script sent. Fields of the wrong type are dropped one by one,
    /// so a partly broken snapshot still yields what is readable; every string and list is bounded after
    /// decoding. Returns the snapshot and the problems seen.
    pub fn read<R: Raw>(value: &R) -> (Snapshot, Vec<String>) {
        let mut problems = Vec::new();
        if !value.is_object() {
            problems.push("snapshot is not an object".to_string());
            return (Snapshot::default(), problems);
        }
        let text = |name: &'static str, problems: &mut Vec<String>| -> String {
            match value.field(name) {
                None => String::new(),
                Some(v) if v.is_null() => String::new(),
                Some(v) => v.as_text().unwrap_or_else(|| {
                    problems.push(["snapshot field ", name, " is not text"].concat());
                    String::new()
                }),
            }
        };
        let flag = |name: &'static str| {
            value
                .field(name)
                .and_then(|v| v.decode::<bool>())
                .unwrap_or(false)
        };
        let mut snapshot = Snapshot {
            v: value
                .field("v")
                .and_then(|v| v.decode::<u64>())
                .unwrap_or(0)
                .min(u32::MAX as u64) as u32,
            url: text("url", &mut problems),
            lang: text("lang", &mut problems),
            title: text("title", &mut problems),
            heading: text("heading", &mut problems),
            login_form: flag("loginForm"),
            controls: Vec::new(),
            truncated: flag("truncated"),
            account: text("account", &mut problems),
            account_name: text("accountName", &mut problems),
            account_conflict: flag("accountConflict"),
            page_settled: flag("pageSettled"),
        };
        // Bounded before anything else reads it (a huge string is cut once, here).
        snapshot.bound();
        if snapshot.v != SNAPSHOT_VERSION {
            problems.push(
                [
                    "snapshot version ",
                    &int_text(snapshot.v as i64),
                    " (expected ",
                    &int_text(SNAPSHOT_VERSION as i64),
                    ")",
                ]
                .concat(),
            );
        }
        match value.field("controls") {
            None => {}
            Some(v) if v.is_null() => {}
            Some(list) => match list.items(MAX_CONTROLS) {
                Some((items, len)) => {
                    let mut dropped = 0i64;
                    for item in &items {
                        // An unreadable control keeps its place (as a control that says nothing), so the
                        // indexes the core reports still point at the content script's own list.
                        let control = item.decode::<Control>().unwrap_or_else(|| {
                            dropped += 1;
                            Control::default()
                        });
                        snapshot.controls.push(control);
                    }
                    if len > MAX_CONTROLS {
                        snapshot.truncated = true;
                    }
                    if dropped > 0 {
                        problems
                            .push([&int_text(dropped), " unreadable controls ignored"].concat());
                    }
                }
                None => problems.push("snapshot controls is not a list".to_string()),
            },
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
        cap(&mut self.account, 64);
        cap(&mut self.account_name, 64);
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

    fn read(value: serde_json::Value) -> (Snapshot, Vec<String>) {
        Snapshot::from_json_text(&value.to_string())
    }

    #[test]
    fn reads_a_complete_snapshot() {
        let (snapshot, problems) = read(json!({
            "v": 1, "url": "https://www.linkedin.com/feed/", "lang": "de", "title": "Feed", "heading": "",
            "loginForm": false, "truncated": false,
            "controls": [{"kind": "checkbox", "name": "x", "keys": ["k"], "context": "c", "checked": true, "disabled": false,
                "visible": true, "busy": false, "inert": false, "shadow": true, "main": true, "section": 3, "settled": true}]
        }));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(snapshot.controls.len(), 1);
        assert_eq!(snapshot.controls[0].checked, Some(true));
        assert_eq!(snapshot.controls[0].kind, ControlKind::Checkbox);
        let c = &snapshot.controls[0];
        assert!(c.visible && c.settled && c.shadow && c.main && !c.busy && !c.inert);
        assert_eq!(c.section, Some(3));
    }

    #[test]
    fn a_control_that_does_not_say_what_was_seen_is_not_believed() {
        let (snapshot, _) =
            read(json!({"v": 1, "controls": [{"kind": "switch", "checked": false}]}));
        let c = &snapshot.controls[0];
        assert!(
            !c.visible && !c.settled,
            "missing facts must read as the cautious default"
        );
    }

    #[test]
    fn survives_wrong_types_and_keeps_what_is_readable() {
        let (snapshot, problems) = read(json!({
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
            let (snapshot, problems) = read(value);
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
        let (snapshot, _) = read(json!({"v": 1, "url": long, "controls": controls}));
        assert_eq!(snapshot.controls.len(), MAX_CONTROLS);
        assert!(snapshot.truncated);
        assert_eq!(snapshot.url.chars().count(), MAX_URL_CHARS);
        assert_eq!(snapshot.controls[0].name.chars().count(), MAX_TEXT_CHARS);
        assert_eq!(snapshot.controls[0].keys.len(), MAX_KEYS);
    }
}
