//! The page snapshot the content script sends (version 1), and how the core bounds it.
//!
//! The snapshot comes from a page we do not control, so every field is optional, every string and list
//! is capped, and anything unreadable becomes a reported problem rather than an error.

use crate::json::{int_text, Json};
use crate::text::truncate_chars;

pub const SNAPSHOT_VERSION: u32 = 1;
/// More controls than any settings page has; beyond this the page is hostile or not a settings page.
pub const MAX_CONTROLS: usize = 5_000;
pub const MAX_TEXT_CHARS: usize = 500;
pub const MAX_URL_CHARS: usize = 2_048;
pub const MAX_KEYS: usize = 8;
pub const MAX_KEY_CHARS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
    Other,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Control {
    pub kind: ControlKind,
    pub name: String,
    pub keys: Vec<String>,
    pub context: String,
    /// `None` when the control does not say (mixed, missing attribute).
    pub checked: Option<bool>,
    pub disabled: bool,
    // What the content script saw of the control. A snapshot that does not say (an older or a broken
    // content script) gets the cautious default: a control not known to be visible and settled is never
    // believed.
    /// Rendered and visible to the member (not `display:none`, `visibility:hidden`, transparent or
    /// zero-sized, and not inside a closed `<details>`).
    pub visible: bool,
    /// `aria-busy` on the control or around it, or a loading indicator in its section.
    pub busy: bool,
    /// Inside an `inert`, `aria-hidden="true"` or `hidden` subtree: not what the member acts on.
    pub inert: bool,
    /// Inside a shadow root (read through it).
    pub shadow: bool,
    /// Inside the page's current main landmark.
    pub main: bool,
    /// Index of the section (region, fieldset, form, …) the control belongs to; `None` outside any.
    pub section: Option<u32>,
    /// The control and these facts stayed the same for the content script's settle window, and the
    /// document had finished loading.
    pub settled: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
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
}

crate::json_names!(ControlKind {
    Checkbox => "checkbox", Switch => "switch", Button => "button", Other => "other",
});

impl Control {
    /// Read one control as serde read it: every field optional, but a field that is there must have the
    /// right type, else the whole control is unreadable (`None`). A kind this version does not know
    /// reads as `Other`.
    fn from_json(value: &Json) -> Option<Control> {
        let [kind, name, keys, context, checked, disabled, visible, busy, inert, shadow, main, section, settled] =
            value.fields([
                "kind", "name", "keys", "context", "checked", "disabled", "visible", "busy",
                "inert", "shadow", "main", "section", "settled",
            ])?;
        let flag = |v: Option<&Json>, default: bool| match v {
            None | Some(Json::Null) => Some(default),
            Some(v) => v.as_bool(),
        };
        let text = |v: Option<&Json>| match v {
            None => Some(String::new()),
            Some(v) => v.as_str().map(str::to_string),
        };
        let mut control = Control {
            kind: match kind {
                None => ControlKind::Other,
                Some(k) => ControlKind::parse(k.as_variant()?).unwrap_or(ControlKind::Other),
            },
            name: text(name)?,
            keys: Vec::new(),
            context: text(context)?,
            checked: match checked {
                None | Some(Json::Null) => None,
                Some(c) => Some(c.as_bool()?),
            },
            disabled: flag(disabled, false)?,
            visible: flag(visible, false)?,
            busy: flag(busy, false)?,
            inert: flag(inert, false)?,
            shadow: flag(shadow, false)?,
            main: flag(main, false)?,
            section: match section {
                None | Some(Json::Null) => None,
                Some(s) => Some(u32::try_from(s.as_u64()?).ok()?),
            },
            settled: flag(settled, false)?,
        };
        if let Some(keys) = keys {
            for key in keys.as_array()? {
                control.keys.push(key.as_str()?.to_string());
            }
        }
        Some(control)
    }
}

impl Snapshot {
    /// Read a snapshot from JSON text; text that is not JSON reads as a snapshot that is not an object.
    pub fn from_json_text(text: &str) -> (Snapshot, Vec<String>) {
        Snapshot::from_json(&Json::parse(text).unwrap_or(Json::Null))
    }

    /// Read a snapshot from loosely-typed JSON. Fields of the wrong type are dropped one by one, so a
    /// partly broken snapshot still yields what is readable. Returns the snapshot and the problems seen.
    pub fn from_json(value: &Json) -> (Snapshot, Vec<String>) {
        let mut problems = Vec::new();
        if value.as_object().is_none() {
            problems.push("snapshot is not an object".to_string());
            return (Snapshot::default(), problems);
        }
        let text = |name: &str, problems: &mut Vec<String>| -> String {
            match value.get(name) {
                None | Some(Json::Null) => String::new(),
                Some(Json::Str(s)) => s.clone(),
                Some(_) => {
                    problems.push(["snapshot field ", name, " is not text"].concat());
                    String::new()
                }
            }
        };
        let flag = |name: &str| value.get(name).and_then(Json::as_bool).unwrap_or(false);
        let mut snapshot = Snapshot {
            v: value
                .get("v")
                .and_then(Json::as_u64)
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
            page_settled: flag("pageSettled"),
        };
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
        match value.get("controls") {
            None | Some(Json::Null) => {}
            Some(Json::Array(items)) => {
                let mut dropped = 0i64;
                for item in items.iter().take(MAX_CONTROLS) {
                    // An unreadable control keeps its place (as a control that says nothing), so the
                    // indexes the core reports still point at the content script's own list.
                    let control = Control::from_json(item).unwrap_or_else(|| {
                        dropped += 1;
                        Control::default()
                    });
                    snapshot.controls.push(control);
                }
                if items.len() > MAX_CONTROLS {
                    snapshot.truncated = true;
                }
                if dropped > 0 {
                    problems.push([&int_text(dropped), " unreadable controls ignored"].concat());
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
        cap(&mut self.account, 64);
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
