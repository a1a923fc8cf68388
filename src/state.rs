//! What the extension remembers (an object under `state` in `storage.local`), read defensively.
//!
//! Stored data may be damaged, partial, from another program or from a future version. Reading never
//! fails: whatever is readable is kept, the rest is reported, the caller keeps the stored value as a backup,
//! and nothing is ever turned into an "off" that was not stored as one. The parts are serde types; the whole is
//! read field by field through `Raw`, so one damaged field does not cost the others.

use crate::detect::{Detection, Reason, SeenState};
use crate::raw::{lenient, Raw};
use crate::region::Region;
use crate::time::{Day, Millis, MAX_DAY};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Schema 2 (this version): readings per LinkedIn account. Schema 1 (one set of readings for the browser) is
/// read and migrated: its readings belong to the first account seen.
pub const SCHEMA: u32 = 2;
/// Other accounts kept besides the current one (the least recently seen goes first).
pub const MAX_OTHER_ACCOUNTS: usize = 8;
/// How long a reading whose account is not known yet is held for the next account a page shows (24 h): an
/// older one is dropped, since who was signed in when it was made can no longer be told.
pub const HELD_MAX_AGE: Millis = 24 * 60 * 60 * 1000;
pub const DEFAULT_RECHECK_DAYS: u32 = 90;
pub const MIN_RECHECK_DAYS: u32 = 7;
pub const MAX_RECHECK_DAYS: u32 = 365;

/// A stored reading: `state`, `seenAt`, `changedAt` required; the rest optional (absent when `None`).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Seen {
    pub state: SeenState,
    /// When this state was last read from a LinkedIn page.
    pub seen_at: Millis,
    /// When the state last changed to this value.
    pub changed_at: Millis,
    /// When it was last seen going from off back to on (LinkedIn or someone turned it on again).
    /// Absent from the JSON when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turned_back_on_at: Option<Millis>,
    /// How the reading was established (`key`, `label`, `onlySwitch`) or, for an unknown state, why
    /// nothing could be believed (`disabled`, `hidden`, …). Absent in data from older versions; a reason this
    /// version does not know is dropped, not the reading.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub reason: Option<Reason>,
    /// When this reading came in with an imported file rather than from a LinkedIn page (`importedAt`,
    /// absent when `None`): not something this browser saw, so it is due for a re-check until seen again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<Millis>,
}

/// A switch LinkedIn showed on a data-privacy or advertising page that the catalog does not know.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtraSeen {
    pub url: String,
    pub state: SeenState,
    pub first_seen: Millis,
    pub last_seen: Millis,
}

/// Unknown switches remembered per account (the most recently seen are kept).
pub const MAX_EXTRAS_KEPT: usize = 20;

/// What was seen for an account that is not the one signed in now (in `others`), or on pages that did not show
/// the account while it may have changed (`held`).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bucket {
    pub settings: BTreeMap<String, Seen>,
    pub extras: BTreeMap<String, ExtraSeen>,
    /// When this account was last the one signed in (`held`: when the first of its readings was held).
    pub seen_at: Millis,
}

/// Who a LinkedIn page showed as signed in, as salted keys (the worker hashes what the page shows; the core
/// never sees a handle or a name).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Identity<'a> {
    /// The key of the profile handle the page shows ('' when it shows none).
    pub account: &'a str,
    /// The key of the member's name the page shows ('' when none).
    pub name: &'a str,
    /// The page's signals disagree (two handles, two names): who is signed in cannot be told.
    pub conflict: bool,
}

impl<'a> Identity<'a> {
    /// A page that showed this account's handle and nothing else.
    pub fn handle(account: &'a str) -> Identity<'a> {
        Identity {
            account,
            ..Identity::default()
        }
    }
}

/// What a page's identity signals come to, given what is known of the accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown<'a> {
    /// The page shows this account (by its handle, or by a name that only it has).
    Account(&'a str),
    /// The page shows nothing about who is signed in.
    Nothing,
    /// The page's signals disagree with each other or with the account last seen: who it is cannot be told.
    Unknown,
}

/// An account key is the worker's salted SHA-256 of the member's profile handle, as 64 hex digits. Anything
/// else (a handle or a name by mistake) is never stored.
pub fn is_account_key(key: &str) -> bool {
    key.len() == 64
        && key
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Guide {
    pub active: bool,
    pub started_at: Millis,
}

/// The stored state (docs/architecture.md). Written by serde; read by `State::read`, field by field.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct State {
    pub schema: u32,
    pub region: Option<Region>,
    pub setup_done: bool,
    /// The account signed in when a LinkedIn page last showed one (`None`: none shown yet — the readings
    /// are the browser's, and the first account seen adopts them).
    pub account: Option<String>,
    /// Something since a page last showed who is signed in could have changed the account (a sign-in or
    /// sign-out page, an import, a page whose signals disagree): until a page shows the account again, readings
    /// on pages that do not show it are held (`accountCheck`, absent when false).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub account_check: bool,
    /// The salted keys of the members' names as pages showed them with an account's handle, as
    /// `"<account key>:<name key>"` (one per account; a set of text keeps the module small): a page that shows
    /// only a name can confirm the account last seen, or contradict it.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub names: BTreeSet<String>,
    /// Readings from pages that did not show the account while it was not known (`accountCheck`, or no account
    /// seen yet): given to the next account a page shows, dropped after `HELD_MAX_AGE`, never to an account
    /// seen before they were made unless a page shows it again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<Bucket>,
    /// The current account's readings (the browser's while `account` is `None`).
    pub settings: BTreeMap<String, Seen>,
    /// Readings of the other accounts seen in this browser, by account key.
    pub others: BTreeMap<String, Bucket>,
    /// The current account's unknown switches, by their label.
    pub extras: BTreeMap<String, ExtraSeen>,
    pub dismissed: BTreeSet<String>,
    pub dismiss_all: bool,
    pub snooze_until: Option<Millis>,
    /// The local day (`time::Day`) the reminder card was last drawn on an ordinary LinkedIn page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nudge_shown_day: Option<Day>,
    /// The local day the member closed the reminder card (×: not again today).
    #[serde(skip_serializing_if = "Option::is_none")]
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
            names: BTreeSet::new(),
            held: None,
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
    /// The stored value could not be read completely: the caller keeps it as a backup.
    pub backup: bool,
}

impl State {
    /// The stored JSON text (native: tests, fuzzer, bench).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Read stored JSON text (native: tests, fuzzer, bench). `None` or blank means a first run.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load(raw: Option<&str>) -> Loaded {
        State::read(
            raw.map(|text| serde_json::Value::String(text.to_string()))
                .as_ref(),
        )
    }

    /// Read the stored value: an object (this version), or JSON text (earlier versions stored text; read with the
    /// platform's own parser). Nothing or blank text means a first run. Text that is not JSON is damaged;
    /// anything else that is not an object of ours (`null` too) is foreign.
    pub fn read<R: Raw>(raw: Option<&R>) -> Loaded {
        let parsed;
        let object = match raw {
            None => None,
            Some(value) => match value.as_text() {
                None => Some(value),
                Some(text) if text.trim().is_empty() => None,
                Some(text) => {
                    parsed = R::parse_json(&text);
                    match &parsed {
                        Some(p) => Some(p),
                        None => {
                            return Loaded {
                                state: State::default(),
                                problems: vec![PROBLEM_DAMAGED.to_string()],
                                backup: true,
                            }
                        }
                    }
                }
            },
        };
        let Some(object) = object else {
            return Loaded {
                state: State::default(),
                problems: Vec::new(),
                backup: false,
            };
        };
        let fail = |problem: &str| Loaded {
            state: State::default(),
            problems: vec![problem.to_string()],
            backup: true,
        };
        if !object.is_object() {
            return fail(PROBLEM_FOREIGN);
        }
        let schema = match object.field("schema").and_then(|s| s.decode::<u64>()) {
            Some(v @ 1..=2) => v,
            Some(newer) if newer > SCHEMA as u64 => return fail(PROBLEM_NEWER),
            _ => return fail(PROBLEM_FOREIGN),
        };
        let mut lost = Vec::new();
        // Schema 1 is schema 2 without accounts: its readings stay the browser's until an account is seen.
        let mut state = read_v1(object, &mut lost);
        if schema == 2 {
            read_accounts(object, &mut state, &mut lost);
        }
        let backup = !lost.is_empty();
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

    /// Whether the account may have changed since a page last showed it (or none has shown one yet): readings
    /// on pages that do not show the account are held, and the status shows only those.
    pub fn account_uncertain(&self) -> bool {
        self.account.is_none() || self.account_check
    }

    /// The reading the status shows for a setting: the current account's; while the account is uncertain only
    /// what was seen since (held), never the readings of the account seen before (with no account seen yet,
    /// the browser's readings from before accounts count too: the first account adopts them).
    pub fn shown(&self, id: &str) -> Option<&Seen> {
        if !self.account_uncertain() {
            return self.settings.get(id);
        }
        let held = self.held.as_ref().and_then(|h| h.settings.get(id));
        let browsers = self.account.is_none().then(|| self.settings.get(id));
        held.or(browsers.flatten())
    }

    /// The unknown switches the status shows: the current account's; while the account is uncertain only those
    /// seen since (held).
    pub fn shown_extras(&self) -> &BTreeMap<String, ExtraSeen> {
        static NONE: BTreeMap<String, ExtraSeen> = BTreeMap::new();
        match &self.held {
            _ if !self.account_uncertain() => &self.extras,
            Some(held) => &held.extras,
            None if self.account.is_none() => &self.extras,
            None => &NONE,
        }
    }

    /// The account may have changed (a sign-in or sign-out page): readings held so far were made by whoever was
    /// signed in before, who may not be the next one shown, so they are dropped.
    pub fn account_may_change(&mut self) {
        self.account_check = true;
        self.held = None;
    }

    /// Drop the held readings once the first of them is older than `HELD_MAX_AGE` (they all belong to whoever
    /// was signed in then: a sign-in or sign-out page drops them).
    pub fn expire_held(&mut self, now: Millis) {
        if self
            .held
            .as_ref()
            .is_some_and(|h| h.seen_at < now.saturating_sub(HELD_MAX_AGE))
        {
            self.held = None;
        }
    }

    /// What a page's identity signals come to. A handle names the account (two handles, or a name that is not
    /// the handle's, were already refused by the page as a conflict). A name alone only corroborates the account
    /// last seen (when it is that account's name and no other known account's) or contradicts it; it never
    /// switches to another account.
    pub fn resolve<'a>(&'a self, identity: &Identity<'a>) -> Shown<'a> {
        if identity.conflict {
            return Shown::Unknown;
        }
        if !identity.account.is_empty() {
            return if is_account_key(identity.account) {
                Shown::Account(identity.account)
            } else {
                Shown::Nothing
            };
        }
        if identity.name.is_empty() || !is_account_key(identity.name) {
            return Shown::Nothing;
        }
        let mine = self.account.as_deref().and_then(|a| self.name_of(a));
        let others_with_it = self
            .others
            .keys()
            .any(|a| self.name_of(a) == Some(identity.name));
        match (self.account.as_deref(), mine) {
            (Some(current), Some(mine)) if mine == identity.name && !others_with_it => {
                Shown::Account(current)
            }
            // Another account's name, or a name the account last seen does not have.
            (_, Some(_)) => Shown::Unknown,
            _ if others_with_it => Shown::Unknown,
            // Nothing to compare it with.
            _ => Shown::Nothing,
        }
    }

    /// A LinkedIn page showed which account is signed in. The browser's readings (none shown before) are
    /// adopted by it; a different account switches the readings: the current ones are kept aside, the new
    /// account's come back (or it starts with none). Readings held since the account became uncertain are
    /// given to it. Invalid keys change nothing.
    pub fn sign_in(&mut self, account: &str, now: Millis) {
        if !is_account_key(account) {
            return;
        }
        self.account_check = false;
        self.expire_held(now);
        let held = self.held.take();
        if self.account.as_deref() != Some(account) {
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
        if let Some(held) = held {
            // One reading per setting, each recorded as if seen on the account's own page then.
            for (id, seen) in held.settings {
                if self
                    .settings
                    .get(id.as_str())
                    .is_none_or(|mine| mine.seen_at <= seen.seen_at)
                {
                    record(
                        &mut self.settings,
                        &id,
                        seen.state,
                        seen.reason,
                        seen.seen_at,
                    );
                }
            }
            for (label, extra) in held.extras {
                self.extras.insert(label, extra);
            }
            bound_extras(&mut self.extras);
        }
    }

    /// The name key a page showed with this account's handle.
    fn name_of(&self, account: &str) -> Option<&str> {
        self.names.iter().find_map(|entry| {
            entry
                .strip_prefix(account)
                .and_then(|rest| rest.strip_prefix(':'))
        })
    }

    /// Remember the name key shown with an account's handle (one per account; a member may rename themselves).
    /// Names of accounts dropped from `others` stay until the other accounts are forgotten (at most one per
    /// account ever seen; 64 are read back).
    fn set_name(&mut self, account: &str, name: &str) {
        self.keep_names(&|owner| owner != account);
        self.names.insert([account, ":", name].concat());
    }

    /// Keep the names whose account `keep` says (rebuilt rather than `retain`ed: a smaller module).
    fn keep_names(&mut self, keep: &dyn Fn(&str) -> bool) {
        let mut kept = BTreeSet::new();
        for entry in std::mem::take(&mut self.names) {
            if keep(entry.split(':').next().unwrap_or("")) {
                kept.insert(entry);
            }
        }
        self.names = kept;
    }

    /// Forget the other accounts' readings and names (the current account's stay).
    pub fn forget_other_accounts(&mut self) {
        self.others.clear();
        let current = self.account.clone().unwrap_or_default();
        self.keep_names(&|owner| owner == current);
    }

    /// Record what a LinkedIn page showed, for `account` when the page showed one (else as a page that shows
    /// no account). `NotFound` and unsettled findings are not observations and change nothing.
    pub fn observe_for(&mut self, detection: &Detection, account: Option<&str>, now: Millis) {
        let identity = account.map(Identity::handle).unwrap_or_default();
        self.observe_as(detection, &identity, now);
    }

    /// Record what a LinkedIn page showed, for whoever its identity signals show (`resolve`). A page that shows
    /// an account records for it (and gives it the held readings); a page that shows none records for the
    /// account last seen only if nothing since could have changed it, else its readings are held; a page whose
    /// signals disagree makes the account uncertain and its readings are held.
    pub fn observe_as(&mut self, detection: &Detection, identity: &Identity, now: Millis) {
        match self.resolve(identity) {
            // By its handle; the name shown with it is this account's (a member may rename themselves).
            Shown::Account(a) if a == identity.account => {
                self.sign_in(identity.account, now);
                if is_account_key(identity.name) {
                    self.set_name(identity.account, identity.name);
                }
            }
            // By its name: the account last seen, confirmed.
            Shown::Account(_) => {
                self.account_check = false;
                let current = self.account.clone().unwrap_or_default();
                self.sign_in(&current, now);
            }
            Shown::Unknown => self.account_check = true,
            Shown::Nothing => {}
        }
        if !self.account_uncertain() {
            self.observe(detection, now);
            return;
        }
        let readings = detection.findings.iter().any(|f| f.reason.is_observation());
        if !readings && detection.extras.is_empty() {
            return;
        }
        self.expire_held(now);
        let held = self.held.get_or_insert_with(|| Bucket {
            seen_at: now,
            ..Bucket::default()
        });
        observe_into(&mut held.settings, &mut held.extras, detection, now);
    }

    /// Record what a LinkedIn page showed, for the current account. `NotFound` findings are not observations
    /// and change nothing.
    pub fn observe(&mut self, detection: &Detection, now: Millis) {
        observe_into(&mut self.settings, &mut self.extras, detection, now);
    }
}

/// Record a page's findings and unknown switches into one account's (or the held) readings.
fn observe_into(
    settings: &mut BTreeMap<String, Seen>,
    extras: &mut BTreeMap<String, ExtraSeen>,
    detection: &Detection,
    now: Millis,
) {
    for extra in &detection.extras {
        let first_seen = extras.get(&extra.label).map_or(now, |e| e.first_seen);
        extras.insert(
            extra.label.clone(),
            ExtraSeen {
                url: extra.url.clone(),
                state: extra.state,
                first_seen,
                last_seen: now,
            },
        );
    }
    bound_extras(extras);
    for finding in detection
        .findings
        .iter()
        .filter(|f| f.reason.is_observation())
    {
        record(
            settings,
            &finding.setting,
            finding.state,
            Some(finding.reason),
            now,
        );
    }
}

/// Keep the most recently seen unknown switches (one instance of `keep_newest` for them: a smaller module).
fn bound_extras(extras: &mut BTreeMap<String, ExtraSeen>) {
    keep_newest(extras, MAX_EXTRAS_KEPT, |e| e.last_seen);
}

/// One reading of a setting: when it changed and whether it went from off back to on follow from the one before.
fn record(
    settings: &mut BTreeMap<String, Seen>,
    id: &str,
    state: SeenState,
    reason: Option<Reason>,
    now: Millis,
) {
    let previous = settings.get(id);
    let changed_at = match previous {
        Some(p) if p.state == state => p.changed_at,
        _ => now,
    };
    let turned_back_on_at = match previous {
        Some(p) if p.state == SeenState::Off && state == SeenState::On => Some(now),
        Some(p) if state == SeenState::On => p.turned_back_on_at,
        _ => None,
    };
    settings.insert(
        id.to_string(),
        Seen {
            state,
            seen_at: now,
            changed_at,
            turned_back_on_at,
            reason,
            imported_at: None,
        },
    );
}

/// Read schema-1 fields one by one, so one damaged field does not cost the others. `lost` names what
/// could not be read.
fn read_v1<R: Raw>(object: &R, lost: &mut Vec<String>) -> State {
    let mut state = State::default();
    // The member's decisions: a field that is there but unreadable falls back to its default and is
    // reported (the caller keeps the stored value as a backup), never silently replaced.
    let mut decision =
        |name: &'static str, nullable: bool, read: &mut dyn FnMut(&R) -> bool| match object
            .field(name)
        {
            None => {}
            Some(value) if nullable && value.is_null() => {}
            Some(value) if !read(&value) => lost.push(name.to_string()),
            Some(_) => {}
        };
    decision("region", true, &mut |v| {
        v.decode::<Region>()
            .map(|r| state.region = Some(r))
            .is_some()
    });
    decision("setupDone", false, &mut |v| {
        v.decode().map(|b| state.setup_done = b).is_some()
    });
    decision("dismissAll", false, &mut |v| {
        v.decode().map(|b| state.dismiss_all = b).is_some()
    });
    decision("snoozeUntil", true, &mut |v| {
        v.decode().map(|t| state.snooze_until = Some(t)).is_some()
    });
    // The reminder card's days: a number that is not a plausible day (0..=MAX_DAY, until the year 2243) is
    // unreadable. A stored `nudgeClosedSession` (written by earlier versions) is ignored: × means "not again today".
    decision("nudgeShownDay", false, &mut |v| {
        v.decode::<Day>()
            .filter(|d| (0..=MAX_DAY).contains(d))
            .map(|d| state.nudge_shown_day = Some(d))
            .is_some()
    });
    decision("nudgeClosedDay", false, &mut |v| {
        v.decode::<Day>()
            .filter(|d| (0..=MAX_DAY).contains(d))
            .map(|d| state.nudge_closed_day = Some(d))
            .is_some()
    });
    decision("recheckDays", false, &mut |v| {
        // Out of range is not something this extension writes: kept within range, and reported.
        let days = v.decode::<u64>();
        if let Some(d) = days {
            state.recheck_days = d.clamp(MIN_RECHECK_DAYS as u64, MAX_RECHECK_DAYS as u64) as u32;
        }
        days.is_some_and(|d| d == state.recheck_days as u64)
    });
    decision("guide", true, &mut |v| {
        v.decode::<Guide>().map(|g| state.guide = Some(g)).is_some()
    });
    decision("dismissed", false, &mut |v| match v.items(usize::MAX) {
        Some((items, _)) => {
            let ids: Vec<Option<String>> = items.iter().map(R::as_text).collect();
            let all = ids.iter().all(Option::is_some);
            state.dismissed.extend(ids.into_iter().flatten());
            all
        }
        None => false,
    });
    match object.field("settings") {
        None => {}
        Some(v) if v.is_null() => {}
        Some(v) => state.settings = read_settings(&v, "settings", lost),
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

/// Unknown switches; an unreadable entry is dropped and named in `lost`. Labels and lists stay bounded.
fn read_extras<R: Raw>(
    value: Option<R>,
    path: &str,
    lost: &mut Vec<String>,
) -> BTreeMap<String, ExtraSeen> {
    let mut out = BTreeMap::new();
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return out;
    };
    let Some(entries) = value.entries() else {
        lost.push(path.to_string());
        return out;
    };
    for (label, e) in entries.into_iter().take(MAX_EXTRAS_KEPT) {
        let read = e.decode::<ExtraSeen>().map(|mut x| {
            x.url = x.url.chars().take(crate::detect::MAX_EXTRA_URL).collect();
            x
        });
        match read.filter(|_| label.chars().count() <= crate::detect::MAX_EXTRA_LABEL) {
            Some(x) => {
                out.insert(label, x);
            }
            None => lost.push([path, ".", &label].concat()),
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

/// Read a settings map; unreadable entries are named in `lost` (prefixed with `path`).
fn read_settings<R: Raw>(value: &R, path: &str, lost: &mut Vec<String>) -> BTreeMap<String, Seen> {
    let mut out = BTreeMap::new();
    let Some(entries) = value.entries() else {
        lost.push(path.to_string());
        return out;
    };
    for (id, entry) in entries {
        match entry.decode::<Seen>().filter(|s| s.seen_at >= 0) {
            Some(seen) => {
                out.insert(id, seen);
            }
            None => lost.push([path, ".", &id].concat()),
        }
    }
    out
}

/// Schema 2's account fields. A damaged key or bucket is reported and dropped, never mixed into another
/// account's readings.
fn read_accounts<R: Raw>(object: &R, state: &mut State, lost: &mut Vec<String>) {
    state.extras = read_extras(object.field("extras"), "extras", lost);
    // Unreadable counts as set: asking once more who is signed in is the safe side.
    state.account_check = object
        .field("accountCheck")
        .is_some_and(|v| v.decode::<bool>() != Some(false));
    match object.field("account") {
        None => {}
        Some(v) if v.is_null() => {}
        Some(v) => match v.as_text().filter(|k| is_account_key(k)) {
            Some(k) => state.account = Some(k),
            None => {
                // Whose readings these are cannot be told: they must not count for whoever signs in next.
                lost.push("account".to_string());
                state.settings.clear();
                state.extras.clear();
            }
        },
    }
    // Name keys that do not read are dropped (they only ever corroborate); so are entries of another shape.
    if let Some((items, _)) = object.field("names").and_then(|v| v.items(64)) {
        for entry in items.iter().filter_map(R::as_text) {
            let (a, n) = entry.split_at_checked(64).unwrap_or_default();
            if is_account_key(a) && n.strip_prefix(':').is_some_and(is_account_key) {
                state.names.insert(entry);
            }
        }
    }
    match object.field("others") {
        None => {}
        Some(v) if v.is_null() => {}
        Some(v) => match v.entries() {
            Some(entries) => {
                for (key, bucket) in entries {
                    let path = ["others.", &key].concat();
                    match read_bucket(&bucket, &path, lost).filter(|_| is_account_key(&key)) {
                        Some(b) => {
                            state.others.insert(key, b);
                        }
                        None => lost.push(path),
                    }
                }
            }
            None => lost.push("others".to_string()),
        },
    }
    match object.field("held") {
        None => {}
        Some(v) if v.is_null() => {}
        Some(v) => match read_bucket(&v, "held", lost) {
            Some(held) => state.held = Some(held),
            None => lost.push("held".to_string()),
        },
    }
    if let Some(current) = &state.account {
        state.others.remove(current);
    }
}

/// One bucket of readings (`seenAt` and `settings` required); `None` when it does not read.
fn read_bucket<R: Raw>(bucket: &R, path: &str, lost: &mut Vec<String>) -> Option<Bucket> {
    let seen_at = bucket.field("seenAt").and_then(|t| t.decode::<Millis>())?;
    let settings = bucket.field("settings")?;
    let settings = read_settings(&settings, path, lost);
    let extras = read_extras(bucket.field("extras"), path, lost);
    Some(Bucket {
        settings,
        extras,
        seen_at,
    })
}

#[cfg(test)]
mod tests;
