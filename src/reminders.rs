//! Reminder rules: snoozing, dismissing, re-checking. Pure functions of state and time.

use crate::catalog::{Catalog, SettingKind};
use crate::detect::SeenState;
use crate::region::Region;
use crate::state::{Millis, State};

pub const DAY_MS: Millis = 24 * 60 * 60 * 1000;

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SnoozeDuration {
    Day,
    Week,
    Month,
}

crate::names!(SnoozeDuration { Day => "day", Week => "week", Month => "month" });

impl SnoozeDuration {
    pub fn millis(self) -> Millis {
        match self {
            SnoozeDuration::Day => DAY_MS,
            SnoozeDuration::Week => 7 * DAY_MS,
            SnoozeDuration::Month => 30 * DAY_MS,
        }
    }
}

/// Whether banner reminders are quiet right now (snoozed and not yet expired, or all dismissed).
pub fn reminders_quiet(state: &State, now: Millis) -> bool {
    state.dismiss_all || is_snoozed(state, now)
}

/// A local calendar day: days since 1970-01-01 in the member's time zone (local midnight starts a new one).
pub type Day = i64;

/// Largest time zone offset accepted from the browser (UTC+14:00 / UTC-12:00 exist; a little more is garbage).
pub const MAX_UTC_OFFSET_MIN: i32 = 16 * 60;

/// The local day `now` falls on, for a time zone `utc_offset_min` minutes ahead of UTC (JS:
/// `-new Date().getTimezoneOffset()`).
pub fn local_day(now: Millis, utc_offset_min: i32) -> Day {
    now.saturating_add(utc_offset_min as Millis * 60_000)
        .div_euclid(DAY_MS)
}

/// Today's local day as the state stores it: none for a clock before 1970 or after `MAX_DAY` (the state would
/// not read such a day back; at worst the card shows once more).
pub fn storable_day(now: Millis, utc_offset_min: i32) -> Option<Day> {
    Some(local_day(now, utc_offset_min)).filter(|d| (0..=crate::state::MAX_DAY).contains(d))
}

/// The next local midnight after `now` (the start of the next local day), in UTC milliseconds. Computed
/// with today's offset: across a daylight-saving change the worker wakes an hour early or late, finds the
/// day unchanged or changed, and asks again.
pub fn next_local_midnight(now: Millis, utc_offset_min: i32) -> Millis {
    (local_day(now, utc_offset_min) + 1)
        .saturating_mul(DAY_MS)
        .saturating_sub(utc_offset_min as Millis * 60_000)
}

/// The member closed the reminder card (×) today: not again until local midnight.
pub fn nudge_closed_on(state: &State, today: Day) -> bool {
    state.nudge_closed_day == Some(today)
}

/// The reminder card was already drawn on an ordinary LinkedIn page today: once a day is enough.
pub fn nudge_shown_on(state: &State, today: Day) -> bool {
    state.nudge_shown_day == Some(today)
}

/// The member asked to be reminded (Undo of a snooze, dismiss or close, reminders back on, "remind me
/// again", starting the guide): the card comes back on the next load, even on a day it was shown.
pub fn remind_again(state: &mut State) {
    state.nudge_shown_day = None;
    state.nudge_closed_day = None;
}

pub fn is_snoozed(state: &State, now: Millis) -> bool {
    state.snooze_until.is_some_and(|until| until > now)
}

/// A setting seen off longer ago than the re-check interval is due to be looked at again: LinkedIn has
/// changed defaults before.
pub fn recheck_due(state: &State, seen_at: Millis, now: Millis) -> bool {
    now.saturating_sub(seen_at) >= state.recheck_days as Millis * DAY_MS
}

/// The next moment at which something changes without the user doing anything (a snooze ends, a
/// setting becomes due for re-check, a new local day brings back a reminder card that was shown or closed
/// today), so the worker can wake up, refresh the badge and load the card's script again.
pub fn next_wake(
    state: &State,
    catalog: &Catalog,
    region: Region,
    now: Millis,
    utc_offset_min: i32,
) -> Option<Millis> {
    let snooze_end = state.snooze_until.filter(|&until| until > now);
    let recheck = catalog
        .settings
        .iter()
        .filter(|s| s.kind == SettingKind::Toggle && s.applies_in(region))
        .filter_map(|s| state.shown(&s.id))
        .filter(|seen| seen.state == SeenState::Off)
        .map(|seen| {
            seen.seen_at
                .saturating_add(state.recheck_days as Millis * DAY_MS)
        })
        .filter(|&due| due > now)
        .min();
    let today = local_day(now, utc_offset_min);
    let card_back_tomorrow = !reminders_quiet(state, now)
        && (nudge_shown_on(state, today) || nudge_closed_on(state, today));
    let midnight = card_back_tomorrow.then(|| next_local_midnight(now, utc_offset_min));
    [snooze_end, recheck, midnight].into_iter().flatten().min()
}
