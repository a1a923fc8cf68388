//! What the extension remembers (stored as JSON in `storage.local`), read defensively.
//!
//! Stored data may be damaged, partial, from another program or from a future version. Reading never
//! fails: whatever is readable is kept, the rest is reported, the raw text is handed back for a backup,
//! and nothing is ever turned into an "off" that was not stored as one.

use crate::detect::{Detection, Reason, SeenState};
use crate::json::{Json, Writer};
use crate::region::Region;
use crate::reminders::Day;
use std::collections::{BTreeMap, BTreeSet};

/// Schema 2 (this version): readings per LinkedIn account. Schema 1 (one set of readings for the browser) is
/// read and migrated: its readings belong to the first account seen.
pub const SCHEMA: u32 = 2;
/// Other accounts kept besides the current one (the least recently seen goes first).
pub const MAX_OTHER_ACCOUNTS: usize = 8;
pub const DEFAULT_RECHECK_DAYS: u32 = 90;
pub const MIN_RECHECK_DAYS: u32 = 7;
pub const MAX_RECHECK_DAYS: u32 = 365;
/// The largest stored day number read back (days since 1970: the year 2243).
pub const MAX_DAY: Day = 100_000;
/// Milliseconds since the Unix epoch (what JavaScript's `Date.now()` gives).
pub type Millis = i64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub state: SeenState,
    /// When this state was last read from a LinkedIn page.
    pub seen_at: Millis,
    /// When the state last changed to this value.
    pub changed_at: Millis,
    /// When it was last seen going from off back to on (LinkedIn or someone turned it on again).
    /// Absent from the JSON when `None`.
    pub turned_back_on_at: Option<Millis>,
    /// How the reading was established (`key`, `label`, `onlySwitch`) or, for an unknown state, why
    /// nothing could be believed (`disabled`, `hidden`, …). Absent in data from older versions.
    pub reason: Option<Reason>,
    /// When this reading came in with an imported file rather than from a LinkedIn page (`importedAt`,
    /// absent when `None`): not something this browser saw, so it is due for a re-check until seen again.
    pub imported_at: Option<Millis>,
}

/// A switch LinkedIn showed on a data-privacy or advertising page that the catalog does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraSeen {
    pub url: String,
    pub state: SeenState,
    pub first_seen: Millis,
    pub last_seen: Millis,
}

/// Unknown switches remembered per account (the most recently seen are kept).
pub const MAX_EXTRAS_KEPT: usize = 20;

/// What was seen for an account that is not the one signed in now.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bucket {
    pub settings: BTreeMap<String, Seen>,
    pub extras: BTreeMap<String, ExtraSeen>,
    /// When this account was last the one signed in.
    pub seen_at: Millis,
}

/// An account key is the worker's salted SHA-256 of the member's profile handle, as 64 hex digits. Anything
/// else (a handle or a name by mistake) is never stored.
pub fn is_account_key(key: &str) -> bool {
    key.len() == 64
        && key
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub active: bool,
    pub started_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub schema: u32,
    pub region: Option<Region>,
    pub setup_done: bool,
    /// The account signed in when a LinkedIn page last showed one (`None`: none shown yet — the readings
    /// are the browser's, and the first account seen adopts them).
    pub account: Option<String>,
    /// A sign-in or sign-out page was seen since a page last showed who is signed in: the next ordinary pages
    /// must say who it is now (`accountCheck`, absent when false).
    pub account_check: bool,
    /// The current account's readings (the browser's while `account` is `None`).
    pub settings: BTreeMap<String, Seen>,
    /// Readings of the other accounts seen in this browser, by account key.
    pub others: BTreeMap<String, Bucket>,
    /// The current account's unknown switches, by their label.
    pub extras: BTreeMap<String, ExtraSeen>,
    pub dismissed: BTreeSet<String>,
    pub dismiss_all: bool,
    pub snooze_until: Option<Millis>,
    /// The local day (`reminders::Day`) the reminder card was last drawn on an ordinary LinkedIn page.
    pub nudge_shown_day: Option<Day>,
    /// The local day the member closed the reminder card (×: not again today).
    pub nudge_closed_day: Option<Day>,
    pub guide: Option<Guide>,
    pub recheck_days: u32,
}

impl Default for State {
    fn default() -> State {
        State {
            schema: SCHEMA,
            region: None,
            setup_done: false,
            account: None,
            account_check: false,
            settings: BTreeMap::new(),
            others: BTreeMap::new(),
            extras: BTreeMap::new(),
            dismissed: BTreeSet::new(),
            dismiss_all: false,
            snooze_until: None,
            nudge_shown_day: None,
            nudge_closed_day: None,
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
/// Some settings were damaged: the readable rest was kept, backup kept.
pub const PROBLEM_PARTIAL: &str = "statePartial";
/// Some of the member's choices (region, setup, reminders, guide) were damaged: back to their defaults, the
/// rest kept, backup kept.
pub const PROBLEM_CHOICES: &str = "stateChoicesReset";

/// The stored fields that hold the member's choices rather than what was seen on LinkedIn.
const CHOICES: [&str; 9] = [
    "region",
    "setupDone",
    "dismissAll",
    "snoozeUntil",
    "nudgeShownDay",
    "nudgeClosedDay",
    "recheckDays",
    "guide",
    "dismissed",
];

/// Outcome of reading stored state.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub state: State,
    /// Problem codes found while reading (shown in the popup).
    pub problems: Vec<String>,
    /// The original text, when it could not be read completely: the caller keeps it as a backup.
    pub backup: Option<String>,
}

impl State {
    /// The stored JSON (docs/architecture.md): settings by id and `dismissed` sorted.
    pub fn to_json(&self) -> String {
        let mut w = Writer::default();
        w.begin_object().key("schema").int(self.schema as i64);
        w.key("region").opt_string(self.region.map(Region::as_str));
        w.key("setupDone").bool(self.setup_done);
        w.key("account").opt_string(self.account.as_deref());
        if self.account_check {
            w.key("accountCheck").bool(true);
        }
        w.key("settings");
        write_settings(&mut w, &self.settings);
        w.key("extras");
        write_extras(&mut w, &self.extras);
        w.key("others").begin_object();
        for (key, bucket) in &self.others {
            w.key(key).begin_object().key("seenAt").int(bucket.seen_at);
            w.key("settings");
            write_settings(&mut w, &bucket.settings);
            w.key("extras");
            write_extras(&mut w, &bucket.extras);
            w.end_object();
        }
        w.end_object().key("dismissed").strings(&self.dismissed);
        w.key("dismissAll").bool(self.dismiss_all);
        w.key("snoozeUntil").opt_int(self.snooze_until);
        if let Some(day) = self.nudge_shown_day {
            w.key("nudgeShownDay").int(day);
        }
        if let Some(day) = self.nudge_closed_day {
            w.key("nudgeClosedDay").int(day);
        }
        w.key("guide");
        match &self.guide {
            Some(g) => {
                w.begin_object().key("active").bool(g.active);
                w.key("startedAt").int(g.started_at).end_object()
            }
            None => w.null(),
        };
        w.key("recheckDays").int(self.recheck_days as i64);
        w.end_object();
        w.out
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
        let Some(object) = Json::parse(raw) else {
            return fail(PROBLEM_DAMAGED);
        };
        if object.as_object().is_none() {
            return fail(PROBLEM_FOREIGN);
        }
        let schema = match object.get("schema").and_then(Json::as_u64) {
            Some(v @ 1..=2) => v,
            Some(newer) if newer > SCHEMA as u64 => return fail(PROBLEM_NEWER),
            _ => return fail(PROBLEM_FOREIGN),
        };
        let mut lost = Vec::new();
        // Schema 1 is schema 2 without accounts: its readings stay the browser's until an account is seen.
        let mut state = read_v1(&object, &mut lost);
        if schema == 2 {
            read_accounts(&object, &mut state, &mut lost);
        }
        let backup = (!lost.is_empty()).then(|| raw.to_string());
        let mut problems = Vec::new();
        if lost.iter().any(|field| !CHOICES.contains(&field.as_str())) {
            problems.push(PROBLEM_PARTIAL.to_string());
        }
        if lost.iter().any(|field| CHOICES.contains(&field.as_str())) {
            problems.push(PROBLEM_CHOICES.to_string());
        }
        Loaded {
            state,
            problems,
            backup,
        }
    }

    /// A LinkedIn page showed which account is signed in. The browser's readings (none shown before) are
    /// adopted by it; a different account switches the readings: the current ones are kept aside, the new
    /// account's come back (or it starts with none). Invalid keys change nothing.
    pub fn sign_in(&mut self, account: &str, now: Millis) {
        if !is_account_key(account) {
            return;
        }
        self.account_check = false;
        if self.account.as_deref() == Some(account) {
            return;
        }
        let incoming = self.others.remove(account).unwrap_or_default();
        let outgoing = std::mem::replace(&mut self.settings, incoming.settings);
        let outgoing_extras = std::mem::replace(&mut self.extras, incoming.extras);
        match self.account.replace(account.to_string()) {
            Some(previous) => {
                self.others.insert(
                    previous,
                    Bucket {
                        settings: outgoing,
                        extras: outgoing_extras,
                        seen_at: now,
                    },
                );
            }
            // The browser's readings were this account's all along.
            None => {
                self.settings = merge_newer(self.settings.clone(), outgoing);
                self.extras.extend(outgoing_extras);
            }
        }
        keep_newest(&mut self.others, MAX_OTHER_ACCOUNTS, |b| b.seen_at);
    }

    /// Record what a LinkedIn page showed, for `account` when the page showed one (else for the account
    /// last seen). `NotFound` and unsettled findings are not observations and change nothing.
    pub fn observe_for(&mut self, detection: &Detection, account: Option<&str>, now: Millis) {
        if let Some(account) = account {
            self.sign_in(account, now);
        }
        self.observe(detection, now);
    }

    /// Record what a LinkedIn page showed. `NotFound` findings are not observations and change nothing.
    pub fn observe(&mut self, detection: &Detection, now: Millis) {
        for extra in &detection.extras {
            let first_seen = self.extras.get(&extra.label).map_or(now, |e| e.first_seen);
            self.extras.insert(
                extra.label.clone(),
                ExtraSeen {
                    url: extra.url.clone(),
                    state: extra.state,
                    first_seen,
                    last_seen: now,
                },
            );
        }
        keep_newest(&mut self.extras, MAX_EXTRAS_KEPT, |e| e.last_seen);
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
                    reason: Some(finding.reason),
                    imported_at: None,
                },
            );
        }
    }
}

/// A stored setting, as serde read it: `state`, `seenAt`, `changedAt` required; `None` if unreadable.
fn read_seen(value: &Json) -> Option<Seen> {
    let [state, seen_at, changed_at, back_on, reason, imported] = value.fields([
        "state",
        "seenAt",
        "changedAt",
        "turnedBackOnAt",
        "reason",
        "importedAt",
    ])?;
    Some(Seen {
        state: SeenState::parse(state?.as_variant()?)?,
        seen_at: seen_at?.as_i64()?,
        changed_at: changed_at?.as_i64()?,
        turned_back_on_at: match back_on {
            None | Some(Json::Null) => None,
            Some(t) => Some(t.as_i64()?),
        },
        // A reason this version does not know is dropped, not the reading.
        reason: reason.and_then(Json::as_variant).and_then(Reason::parse),
        imported_at: match imported {
            None | Some(Json::Null) => None,
            Some(t) => Some(t.as_i64()?),
        },
    })
}

fn read_guide(value: &Json) -> Option<Guide> {
    let [active, started_at] = value.fields(["active", "startedAt"])?;
    Some(Guide {
        active: active?.as_bool()?,
        started_at: started_at?.as_i64()?,
    })
}

/// Read schema-1 fields one by one, so one damaged field does not cost the others. `lost` names what
/// could not be read.
fn read_v1(object: &Json, lost: &mut Vec<String>) -> State {
    let mut state = State::default();
    match object.get("region") {
        None | Some(Json::Null) => {}
        Some(Json::Str(r)) if Region::parse(r).is_some() => state.region = Region::parse(r),
        Some(_) => lost.push("region".to_string()),
    }
    // The member's decisions: a field that is there but unreadable falls back to its default and is
    // reported (the caller keeps the stored text as a backup), never silently replaced.
    let mut decision =
        |name: &str, nullable: bool, read: &mut dyn FnMut(&Json) -> bool| match object.get(name) {
            None => {}
            Some(Json::Null) if nullable => {}
            Some(value) if !read(value) => lost.push(name.to_string()),
            Some(_) => {}
        };
    decision("setupDone", false, &mut |v| {
        v.as_bool().map(|b| state.setup_done = b).is_some()
    });
    decision("dismissAll", false, &mut |v| {
        v.as_bool().map(|b| state.dismiss_all = b).is_some()
    });
    decision("snoozeUntil", true, &mut |v| {
        v.as_i64().map(|t| state.snooze_until = Some(t)).is_some()
    });
    // The reminder card's days: a number that is not a plausible day (0..=MAX_DAY, until the year 2243). Earlier
    // versions' `nudgeClosedSession` is ignored: × now means "not again today".
    decision("nudgeShownDay", false, &mut |v| {
        v.as_i64()
            .filter(|d| (0..=MAX_DAY).contains(d))
            .map(|d| state.nudge_shown_day = Some(d))
            .is_some()
    });
    decision("nudgeClosedDay", false, &mut |v| {
        v.as_i64()
            .filter(|d| (0..=MAX_DAY).contains(d))
            .map(|d| state.nudge_closed_day = Some(d))
            .is_some()
    });
    decision("recheckDays", false, &mut |v| {
        // Out of range is not something this extension writes: kept within range, and reported.
        let days = v.as_u64();
        if let Some(d) = days {
            state.recheck_days = d.clamp(MIN_RECHECK_DAYS as u64, MAX_RECHECK_DAYS as u64) as u32;
        }
        days.is_some_and(|d| d == state.recheck_days as u64)
    });
    decision("guide", true, &mut |v| {
        read_guide(v).map(|g| state.guide = Some(g)).is_some()
    });
    decision("dismissed", false, &mut |v| match v.as_array() {
        // Inserted one by one: collecting into a set would add a sort to the module.
        Some(items) => {
            for id in items.iter().filter_map(Json::as_str) {
                state.dismissed.insert(id.to_string());
            }
            items.iter().all(|id| id.as_str().is_some())
        }
        None => false,
    });
    match object.get("settings") {
        None | Some(Json::Null) => {}
        Some(Json::Object(entries)) => {
            // A repeated id counts once, its last entry (as JSON readers do): unreadable entries go in
            // marked with a negative time, so a later entry replaces them, and are taken out at the end.
            for (id, entry) in entries {
                let seen = read_seen(entry).filter(|s| s.seen_at >= 0);
                let unreadable = Seen {
                    state: SeenState::Unknown,
                    seen_at: -1,
                    changed_at: -1,
                    turned_back_on_at: None,
                    reason: None,
                    imported_at: None,
                };
                state
                    .settings
                    .insert(id.clone(), seen.unwrap_or(unreadable));
            }
            state.settings.retain(|id, seen| {
                if seen.seen_at < 0 {
                    lost.push(["settings.", id].concat());
                }
                seen.seen_at >= 0
            });
        }
        Some(_) => lost.push("settings".to_string()),
    }
    state
}

/// Readings of `a` with those of `b` where `b` saw the setting more recently.
fn merge_newer(mut a: BTreeMap<String, Seen>, b: BTreeMap<String, Seen>) -> BTreeMap<String, Seen> {
    for (id, seen) in b {
        if a.get(&id).is_none_or(|mine| mine.seen_at < seen.seen_at) {
            a.insert(id, seen);
        }
    }
    a
}

fn write_extras(w: &mut Writer, extras: &BTreeMap<String, ExtraSeen>) {
    w.begin_object();
    for (label, e) in extras {
        w.key(label).begin_object().key("url").string(&e.url);
        w.key("state").string(e.state.as_str());
        w.key("firstSeen").int(e.first_seen);
        w.key("lastSeen").int(e.last_seen).end_object();
    }
    w.end_object();
}

/// Unknown switches; an unreadable entry is dropped and named in `lost`. Labels and lists stay bounded.
fn read_extras(
    value: Option<&Json>,
    path: &str,
    lost: &mut Vec<String>,
) -> BTreeMap<String, ExtraSeen> {
    let mut out = BTreeMap::new();
    let Some(value) = value.filter(|v| **v != Json::Null) else {
        return out;
    };
    let Some(entries) = value.as_object() else {
        lost.push(path.to_string());
        return out;
    };
    for (label, e) in entries.iter().take(MAX_EXTRAS_KEPT) {
        let read = || {
            let [url, state, first, last] = e.fields(["url", "state", "firstSeen", "lastSeen"])?;
            Some(ExtraSeen {
                url: url?
                    .as_str()?
                    .chars()
                    .take(crate::detect::MAX_EXTRA_URL)
                    .collect(),
                state: SeenState::parse(state?.as_variant()?)?,
                first_seen: first?.as_i64()?,
                last_seen: last?.as_i64()?,
            })
        };
        match read().filter(|_| label.chars().count() <= crate::detect::MAX_EXTRA_LABEL) {
            Some(x) => {
                out.insert(label.clone(), x);
            }
            None => lost.push([path, ".", label].concat()),
        }
    }
    out
}

/// Drop the least recently seen entries until at most `max` are left.
fn keep_newest<V>(map: &mut BTreeMap<String, V>, max: usize, seen: impl Fn(&V) -> Millis) {
    while map.len() > max {
        let Some(oldest) = map
            .iter()
            .min_by_key(|(_, v)| seen(v))
            .map(|(k, _)| k.clone())
        else {
            break;
        };
        map.remove(&oldest);
    }
}

fn write_settings(w: &mut Writer, settings: &BTreeMap<String, Seen>) {
    w.begin_object();
    for (id, seen) in settings {
        w.key(id).begin_object();
        w.key("state").string(seen.state.as_str());
        w.key("seenAt").int(seen.seen_at);
        w.key("changedAt").int(seen.changed_at);
        if let Some(t) = seen.turned_back_on_at {
            w.key("turnedBackOnAt").int(t);
        }
        if let Some(r) = seen.reason {
            w.key("reason").string(r.as_str());
        }
        if let Some(t) = seen.imported_at {
            w.key("importedAt").int(t);
        }
        w.end_object();
    }
    w.end_object();
}

/// Read a settings map; unreadable entries are named in `lost` (prefixed with `path`).
fn read_settings(value: &Json, path: &str, lost: &mut Vec<String>) -> BTreeMap<String, Seen> {
    let mut out = BTreeMap::new();
    let Some(entries) = value.as_object() else {
        lost.push(path.to_string());
        return out;
    };
    for (id, entry) in entries {
        match read_seen(entry).filter(|s| s.seen_at >= 0) {
            Some(seen) => {
                out.insert(id.clone(), seen);
            }
            None => {
                // A repeated id counts once, its last entry (as JSON readers do).
                out.remove(id);
                lost.push([path, ".", id].concat());
            }
        }
    }
    out
}

/// Schema 2's account fields. A damaged key or bucket is reported and dropped, never mixed into another
/// account's readings.
fn read_accounts(object: &Json, state: &mut State, lost: &mut Vec<String>) {
    state.extras = read_extras(object.get("extras"), "extras", lost);
    // Unreadable counts as set: asking once more who is signed in is the safe side.
    state.account_check = object
        .get("accountCheck")
        .is_some_and(|v| v.as_bool() != Some(false));
    match object.get("account") {
        None | Some(Json::Null) => {}
        Some(Json::Str(k)) if is_account_key(k) => state.account = Some(k.clone()),
        Some(_) => {
            // Whose readings these are cannot be told: they must not count for whoever signs in next.
            lost.push("account".to_string());
            state.settings.clear();
            state.extras.clear();
        }
    }
    match object.get("others") {
        None | Some(Json::Null) => {}
        Some(Json::Object(entries)) => {
            for (key, bucket) in entries {
                let path = ["others.", key].concat();
                let seen_at = bucket.get("seenAt").and_then(Json::as_i64);
                let settings = bucket.get("settings");
                match (is_account_key(key), seen_at, settings) {
                    (true, Some(seen_at), Some(settings)) => {
                        let settings = read_settings(settings, &path, lost);
                        let extras = read_extras(bucket.get("extras"), &path, lost);
                        state.others.insert(
                            key.clone(),
                            Bucket {
                                settings,
                                extras,
                                seen_at,
                            },
                        );
                    }
                    _ => lost.push(path),
                }
            }
        }
        Some(_) => lost.push("others".to_string()),
    }
    if let Some(current) = &state.account {
        state.others.remove(current);
    }
}

#[cfg(test)]
mod tests;
