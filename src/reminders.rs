//! Reminder rules: snoozing, dismissing, re-checking. Pure functions of state and time.

use crate::catalog::{Catalog, SettingKind};
use crate::detect::SeenState;
use crate::region::Region;
use crate::state::State;
use crate::time::{local_day, next_local_midnight, storable_day, Day, Millis, DAY_MS};

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

/// Where a reminder card could be drawn: the once-a-day rule differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardPlace {
    /// A settings hub: the member went there, so it shows the card whenever a reminder is due and uses up nothing.
    Hub,
    /// An ordinary LinkedIn page without our card: it gets the day's one card, unless that was drawn already.
    OrdinaryPage,
    /// An ordinary page whose card is on screen already (it asks again after an in-page navigation or a decision
    /// elsewhere): it may keep it while a reminder is due. It was counted when it was drawn, so after "remind me
    /// again" it does not use up the next load's card.
    CardOnScreen,
}

/// What the once-a-day rule decides for one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardDecision {
    /// Draw the reminder card there.
    pub show: bool,
    /// Record this as the day the card was drawn (`State::nudge_shown_day`): a new card on an ordinary page uses
    /// up the day's. `None`: nothing to record (also for a clock outside the storable days).
    pub shown_day: Option<Day>,
}

impl CardDecision {
    /// Store what the decision records.
    pub fn record(self, state: &mut State) {
        if let Some(day) = self.shown_day {
            state.nudge_shown_day = Some(day);
        }
    }
}

/// The reminder card's whole policy (docs/architecture.md, "The reminder card shows once a local day"). A reminder
/// is due while `open` settings are still to do, reminders are not quiet and the member did not close the card
/// today; an ordinary page then gets one new card a local day, a card on screen may stay, a settings hub always
/// shows it.
pub fn reminder_card(
    state: &State,
    open: usize,
    place: CardPlace,
    now: Millis,
    utc_offset_min: i32,
) -> CardDecision {
    let today = local_day(now, utc_offset_min);
    let due = open > 0 && !reminders_quiet(state, now) && !nudge_closed_on(state, today);
    let (show, uses_up_today) = match place {
        CardPlace::Hub | CardPlace::CardOnScreen => (due, false),
        CardPlace::OrdinaryPage => (due && !nudge_shown_on(state, today), true),
    };
    CardDecision {
        show,
        shown_day: (show && uses_up_today)
            .then(|| storable_day(now, utc_offset_min))
            .flatten(),
    }
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

#[cfg(test)]
mod tests;
