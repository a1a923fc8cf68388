//! The at-a-glance view: one row per catalog setting, the badge, and what to do next.

use crate::catalog::{Catalog, Setting, SettingKind};
use crate::detect::SeenState;
use crate::region::{self, Region};
use crate::reminders::{nudge_closed_on, recheck_due, reminder_card, reminders_quiet, CardPlace};
use crate::state::State;
use crate::time::{local_day, Millis, MAX_UTC_OFFSET_MIN};
use serde::{Deserialize, Serialize};

/// The browser facts the core cannot read itself: `{uiLang, timeZone, utcOffset}` (the worker's `browserEnv`).
/// Missing fields default; `utcOffset` must be whole minutes within ±16 h (`Env::read`).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Env {
    pub ui_lang: String,
    pub time_zone: String,
    /// How many minutes local time is ahead of UTC now (JS: `-new Date().getTimezoneOffset()`): where the
    /// member's day starts (local midnight) for the once-a-day reminder card.
    #[serde(rename = "utcOffset")]
    pub utc_offset_min: i32,
}

/// What was last seen on LinkedIn (`unchecked` = never).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RowState {
    On,
    Off,
    Unknown,
    Unchecked,
}

/// What the extension makes of it for this user.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RowStatus {
    On,
    Off,
    Unknown,
    Unchecked,
    Recheck,
    Dismissed,
    NotInRegion,
    /// Link-only entries (forms): nothing to read, optional to do.
    Optional,
}

impl Row {
    /// One of the guide's steps: a switch that applies in the region and that the member did not dismiss
    /// ("Step 2 of 5", what the badge counts, what comes next).
    pub fn is_step(&self) -> bool {
        self.kind == SettingKind::Toggle && self.applies && self.status != RowStatus::Dismissed
    }
}

/// The guide's steps among `rows`, in catalog order.
pub fn steps(rows: &[Row]) -> impl Iterator<Item = &Row> + Clone {
    rows.iter().filter(|r| r.is_step())
}

impl RowStatus {
    /// Still needs the user's attention (counted on the badge).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            RowStatus::On | RowStatus::Unknown | RowStatus::Unchecked | RowStatus::Recheck
        )
    }
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub id: String,
    pub kind: SettingKind,
    pub state: RowState,
    pub applies: bool,
    pub status: RowStatus,
    pub seen_at: Option<Millis>,
    /// How the last reading was established, or why it could not be (see `Reason`).
    pub reason: Option<crate::detect::Reason>,
    /// The reading came with an imported file (when it was imported): not seen in this browser.
    pub imported_at: Option<Millis>,
    pub turned_back_on: bool,
    /// When it was seen going from off back to on, while it is on.
    pub turned_back_on_at: Option<Millis>,
    pub url: String,
    pub title: String,
    pub label: String,
    pub why: String,
    pub importance: u32,
    pub category: String,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum BadgeKind {
    /// Something applicable was seen on.
    Attention,
    /// Nothing seen on, but something unreadable or due for a re-check.
    Unchecked,
    /// Nothing read yet of what is open: settings to check (a neutral colour, not an alarm).
    ToCheck,
    /// Every applicable setting seen off.
    Done,
    /// Reminders are snoozed or dismissed: the badge still counts, in a quiet colour.
    Quiet,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Badge {
    pub text: String,
    pub color: &'static str,
    pub text_color: &'static str,
    pub kind: BadgeKind,
    pub count: usize,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextStep {
    pub id: String,
    pub url: String,
}

/// The popup's and the badge's view of the state (docs/architecture.md).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusView {
    pub region: Region,
    pub region_chosen: bool,
    pub setup_done: bool,
    pub lang: String,
    pub badge: Badge,
    pub rows: Vec<Row>,
    pub remaining: usize,
    pub total: usize,
    pub all_done: bool,
    /// Something is open and none of it was ever read (not on, not unknown, not due for a re-check): the
    /// honest word is "to check", not "needs your attention".
    pub to_check: bool,
    /// About how many minutes the guide takes through what is open (at least 1 while something is).
    pub check_minutes: u32,
    pub snooze_until: Option<Millis>,
    pub dismiss_all: bool,
    pub guide_active: bool,
    pub next: Option<NextStep>,
    pub recheck_days: u32,
    /// The next ordinary LinkedIn page load gets the reminder card (`reminders::reminder_card`): something is
    /// still open, reminders are not quiet, and the card was neither closed nor shown yet today. The worker loads
    /// the nudge script on those pages only while this holds.
    pub nudge: bool,
    /// A reminder is due today (something open, reminders not quiet, not closed today): a card already on
    /// screen may stay; `nudge` adds "not shown yet today".
    pub nudge_due: bool,
    /// The member closed the card today (×): it comes back tomorrow, or when they ask for it.
    pub nudge_closed: bool,
    /// A LinkedIn page has shown which account is signed in, and nothing since could have changed it: the status
    /// is that account's.
    pub account_known: bool,
    /// How many other LinkedIn accounts were seen in this browser (their readings are kept, not shown).
    pub other_accounts: usize,
    /// The account may have changed since a page last showed it (a sign-in or sign-out page, a page whose
    /// signals disagree): the rows show only what was seen since (held), never the readings of the account seen
    /// before, and the popup says that LinkedIn has not shown who it is. (Before any account was shown,
    /// `account_known` is false and the rows are what this browser saw.)
    pub account_uncertain: bool,
    /// Switches LinkedIn showed that the catalog does not know (label, page, state, first/last seen), most
    /// recently seen first. Not counted as known on/off anywhere.
    pub unknown_settings: Vec<UnknownSetting>,
    pub problems: Vec<String>,
}

crate::names!(RowState { On => "on", Off => "off", Unknown => "unknown", Unchecked => "unchecked" });
crate::names!(RowStatus {
    On => "on", Off => "off", Unknown => "unknown", Unchecked => "unchecked", Recheck => "recheck",
    Dismissed => "dismissed", NotInRegion => "notInRegion", Optional => "optional",
});
crate::names!(BadgeKind {
    Attention => "attention", Unchecked => "unchecked", ToCheck => "toCheck", Done => "done", Quiet => "quiet"
});

/// A switch LinkedIn showed that the catalog does not know: its label and what was seen of it.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnknownSetting {
    pub label: String,
    pub url: String,
    pub state: SeenState,
    pub first_seen: Millis,
    pub last_seen: Millis,
}

impl Env {
    /// Decode and check the env (`None` when it is not one).
    pub fn read<R: crate::raw::Raw>(value: &R) -> Option<Env> {
        value
            .decode::<Env>()
            .filter(|e| e.utc_offset_min.abs() <= MAX_UTC_OFFSET_MIN)
    }
}

/// What the reminder cards on screen say: whether a reminder is due, how many settings are open, which one is next.
#[derive(Debug, PartialEq, Eq)]
pub struct CardView<'a> {
    pub due: bool,
    pub remaining: usize,
    pub next: Option<&'a str>,
}

impl StatusView {
    pub fn card_view(&self) -> CardView<'_> {
        CardView {
            due: self.nudge_due,
            remaining: self.remaining,
            next: self.next.as_ref().map(|n| n.id.as_str()),
        }
    }

    /// As JSON text (native: tests, bench).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The region used for decisions: the user's choice, else a guess from the browser.
pub fn effective_region(state: &State, env: &Env) -> Region {
    state
        .region
        .unwrap_or_else(|| region::guess(&env.time_zone, &env.ui_lang))
}

/// Pick the display language: the first supported of the candidates, else English.
pub fn pick_lang<'a>(catalog: &'a Catalog, candidates: &[&str]) -> &'a str {
    candidates
        .iter()
        .find_map(|c| catalog.language(c))
        .unwrap_or("en")
}

pub fn row(setting: &Setting, state: &State, region: Region, lang: &str, now: Millis) -> Row {
    let seen = state.shown(&setting.id);
    let row_state = match (setting.kind, seen.map(|s| s.state)) {
        (SettingKind::Form, _) | (_, None) => RowState::Unchecked,
        (_, Some(SeenState::On)) => RowState::On,
        (_, Some(SeenState::Off)) => RowState::Off,
        (_, Some(SeenState::Unknown)) => RowState::Unknown,
    };
    let applies = setting.applies_in(region);
    let status = if !applies {
        RowStatus::NotInRegion
    } else if setting.kind == SettingKind::Form {
        RowStatus::Optional
    } else if state.dismissed.contains(&setting.id) {
        RowStatus::Dismissed
    } else {
        match row_state {
            RowState::On => RowStatus::On,
            RowState::Unknown => RowStatus::Unknown,
            RowState::Unchecked => RowStatus::Unchecked,
            // An imported "off" is the file's word, not something this browser saw: look again.
            RowState::Off
                if seen.is_some_and(|s| {
                    s.imported_at.is_some() || recheck_due(state, s.seen_at, now)
                }) =>
            {
                RowStatus::Recheck
            }
            RowState::Off => RowStatus::Off,
        }
    };
    Row {
        id: setting.id.clone(),
        kind: setting.kind,
        state: row_state,
        applies,
        status,
        seen_at: seen.map(|s| s.seen_at),
        reason: seen.and_then(|s| s.reason),
        imported_at: seen.and_then(|s| s.imported_at),
        turned_back_on: seen
            .is_some_and(|s| s.state == SeenState::On && s.turned_back_on_at.is_some()),
        turned_back_on_at: seen
            .filter(|s| s.state == SeenState::On)
            .and_then(|s| s.turned_back_on_at),
        url: setting.url.clone(),
        title: Setting::localized(&setting.title, lang).to_string(),
        label: Setting::localized(&setting.label, lang).to_string(),
        why: Setting::localized(&setting.why, lang).to_string(),
        importance: setting.importance,
        category: setting.category.clone(),
    }
}

pub fn status(
    state: &State,
    catalog: &Catalog,
    env: &Env,
    now: Millis,
    problems: Vec<String>,
) -> StatusView {
    let region = effective_region(state, env);
    let lang = pick_lang(catalog, &[&env.ui_lang]).to_string();
    let rows: Vec<Row> = catalog
        .settings
        .iter()
        .map(|s| row(s, state, region, &lang, now))
        .collect();
    let steps = steps(&rows);
    let total = steps.clone().count();
    let remaining = steps.clone().filter(|r| r.status.is_open()).count();
    let next = steps
        .clone()
        .find(|r| r.status.is_open())
        .map(|r| NextStep {
            id: r.id.clone(),
            url: r.url.clone(),
        });
    let any_on = steps.clone().any(|r| r.status == RowStatus::On);
    let none_read = steps
        .filter(|r| r.status.is_open())
        .all(|r| r.status == RowStatus::Unchecked);
    let to_check = remaining > 0 && none_read;
    let quiet = reminders_quiet(state, now);
    let card = |place| reminder_card(state, remaining, place, now, env.utc_offset_min).show;
    let badge = badge(remaining, any_on, to_check, quiet);
    StatusView {
        region,
        region_chosen: state.region.is_some(),
        setup_done: state.setup_done,
        lang,
        badge,
        remaining,
        total,
        all_done: remaining == 0,
        to_check,
        check_minutes: check_minutes(remaining),
        rows,
        snooze_until: state.snooze_until.filter(|&u| u > now),
        dismiss_all: state.dismiss_all,
        guide_active: state.guide.as_ref().is_some_and(|g| g.active),
        next,
        recheck_days: state.recheck_days,
        nudge: card(CardPlace::OrdinaryPage),
        nudge_due: card(CardPlace::CardOnScreen),
        nudge_closed: nudge_closed_on(state, local_day(now, env.utc_offset_min)),
        account_known: !state.account_uncertain(),
        other_accounts: state.others.len(),
        account_uncertain: state.account_check,
        unknown_settings: {
            let mut list: Vec<_> = state
                .shown_extras()
                .iter()
                .map(|(label, seen)| UnknownSetting {
                    label: label.clone(),
                    url: seen.url.clone(),
                    state: seen.state,
                    first_seen: seen.first_seen,
                    last_seen: seen.last_seen,
                })
                .collect();
            list.sort_by_key(|u| std::cmp::Reverse(u.last_seen));
            list
        },
        problems,
    }
}

/// Whether the reminder cards say something else in `after` (the status view of the state to store) than in the
/// stored state `before`: the cards on screen in other tabs then ask again. Both sides come from stored state, so
/// the answer does not depend on what a worker saw before it restarted.
pub fn cards_changed(
    before: &State,
    after: &StatusView,
    catalog: &Catalog,
    env: &Env,
    now: Millis,
) -> bool {
    status(before, catalog, env, now, Vec::new()).card_view() != after.card_view()
}

/// Seconds the guide takes per setting (open the page, read it, one click, read back): 11 settings are
/// "about 3 min".
const SECONDS_PER_SETTING: usize = 15;

/// About how many minutes the guide takes through `remaining` settings (0 when nothing is open).
pub fn check_minutes(remaining: usize) -> u32 {
    (remaining * SECONDS_PER_SETTING).div_ceil(60).min(99) as u32
}

fn badge(remaining: usize, any_on: bool, to_check: bool, quiet: bool) -> Badge {
    let (kind, color) = match (remaining, any_on, quiet) {
        (0, _, _) => (BadgeKind::Done, "#1e7b34"),
        (_, _, true) => (BadgeKind::Quiet, "#5f6368"),
        (_, true, false) => (BadgeKind::Attention, "#b3261e"),
        // Nothing read yet: a neutral blue-grey, not the amber of "something could not be read".
        (_, false, false) if to_check => (BadgeKind::ToCheck, "#3d5a80"),
        (_, false, false) => (BadgeKind::Unchecked, "#8a5300"),
    };
    let text = if remaining == 0 {
        "✓".to_string()
    } else {
        crate::text::int_text(remaining.min(99) as i64)
    };
    Badge {
        text,
        color,
        text_color: "#ffffff",
        kind,
        count: remaining,
    }
}

#[cfg(test)]
mod tests;
