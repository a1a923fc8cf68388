//! Reminder rules: snoozing, dismissing, re-checking. Pure functions of state and time.

use crate::catalog::{Catalog, SettingKind};
use crate::detect::SeenState;
use crate::region::Region;
use crate::state::{Millis, State};

pub const DAY_MS: Millis = 24 * 60 * 60 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnoozeDuration {
    Day,
    Week,
    Month,
}

crate::json_names!(SnoozeDuration { Day => "day", Week => "week", Month => "month" });

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

/// The nudge card was closed in this browser session. An empty session id (unknown) never matches: the
/// nudge then comes back, as it would after a restart.
pub fn nudge_closed_in(state: &State, session: &str) -> bool {
    !session.is_empty() && state.nudge_closed_session.as_deref() == Some(session)
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
/// setting becomes due for re-check), so the worker can wake up and refresh the badge.
pub fn next_wake(state: &State, catalog: &Catalog, region: Region, now: Millis) -> Option<Millis> {
    let snooze_end = state.snooze_until.filter(|&until| until > now);
    let recheck = catalog
        .settings
        .iter()
        .filter(|s| s.kind == SettingKind::Toggle && s.applies_in(region))
        .filter_map(|s| state.settings.get(&s.id))
        .filter(|seen| seen.state == SeenState::Off)
        .map(|seen| {
            seen.seen_at
                .saturating_add(state.recheck_days as Millis * DAY_MS)
        })
        .filter(|&due| due > now)
        .min();
    [snooze_end, recheck].into_iter().flatten().min()
}
