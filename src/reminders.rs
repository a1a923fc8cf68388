//! Reminder rules: snoozing, dismissing, re-checking. Pure functions of state and time.

use crate::catalog::{Catalog, SettingKind};
use crate::detect::SeenState;
use crate::region::Region;
use crate::state::State;
use crate::time::{local_day, next_local_midnight, Day, Millis, DAY_MS};

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
