//! Importing an exported state: it may restore the member's decisions, but it must not make the extension
//! claim what it cannot stand behind. A file is refused when it is not a complete state (see `State::load`),
//! names settings this version does not know, carries dates this extension cannot have written (in the future,
//! or before the project existed), or lists more than the catalog holds. An accepted file's readings are marked
//! as imported (`importedAt`): the popup says so, and an imported "off" is due for a re-check until LinkedIn
//! shows it again.

use crate::catalog::Catalog;
use crate::raw::Raw;
use crate::reminders::SnoozeDuration;
use crate::state::{Seen, State, MAX_OTHER_ACCOUNTS};
use crate::time::{Millis, DAY_MS};

/// No export is anywhere near this long (the whole state of a member is a few KiB). The worker refuses a longer
/// file before parsing it (it asks the core for this limit: `maxImportChars`).
pub const MAX_IMPORT_CHARS: usize = 256 * 1024;
/// 2026-11-25T00:00:00Z, the day the project started: nothing this extension wrote can be older.
pub const FIRST_RELEASE: Millis = 1_795_564_800_000;
/// Clocks of two machines may disagree a little; a day more is not a clock error.
pub const CLOCK_SKEW: Millis = DAY_MS;

/// Why an import was refused (each a `problem<Code>` message in the pages' languages).
pub const IMPORT_TOO_LARGE: &str = "importTooLarge";
pub const IMPORT_UNKNOWN_SETTINGS: &str = "importUnknownSettings";
pub const IMPORT_BAD_DATES: &str = "importBadDates";

/// An exported file's text (native: tests; the worker parses the file itself and hands over its `state`).
#[cfg(not(target_arch = "wasm32"))]
pub fn import(text: &str, catalog: &Catalog, now: Millis) -> Result<State, Vec<String>> {
    if text.len() > MAX_IMPORT_CHARS {
        return Err(vec![IMPORT_TOO_LARGE.to_string()]);
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => import_value(&value, catalog, now),
        Err(_) => import_value(&serde_json::Value::String(text.to_string()), catalog, now),
    }
}

/// The state an import gives, or the reasons it is refused (never both).
pub fn import_value<R: Raw>(
    value: &R,
    catalog: &Catalog,
    now: Millis,
) -> Result<State, Vec<String>> {
    let loaded = State::read(Some(value));
    // An import replaces everything, so only a file that reads completely is accepted.
    if loaded.backup || !loaded.problems.is_empty() {
        return Err(loaded.problems);
    }
    let mut state = loaded.state;
    let mut refused = Vec::new();
    if state.others.len() > MAX_OTHER_ACCOUNTS {
        refused.push(IMPORT_TOO_LARGE.to_string());
    }

    // Every account's readings: the one signed in last and the others the file carries.
    let readings = || {
        std::iter::once(&state.settings)
            .chain(state.others.values().map(|b| &b.settings))
            .flat_map(|settings| settings.iter())
    };
    let known = |id: &String| catalog.setting(id).is_some();
    // Ids are unique in a map and a set, so "only known ids" also bounds both lists by the catalog's size.
    if !readings().all(|(id, _)| known(id)) || !state.dismissed.iter().all(known) {
        refused.push(IMPORT_UNKNOWN_SETTINGS.to_string());
    }

    let latest = now.saturating_add(CLOCK_SKEW);
    let plausible = |t: Millis| (FIRST_RELEASE..=latest).contains(&t);
    let seen_ok = readings().all(|(_, s)| {
        plausible(s.seen_at)
            && plausible(s.changed_at)
            && s.changed_at <= s.seen_at
            && s.turned_back_on_at.is_none_or(plausible)
            && s.imported_at.is_none_or(plausible)
    }) && std::iter::once(&state.extras)
        .chain(state.others.values().map(|b| &b.extras))
        .flat_map(|extras| extras.values())
        .all(|x| plausible(x.first_seen) && plausible(x.last_seen) && x.first_seen <= x.last_seen)
        && state.others.values().all(|b| plausible(b.seen_at));
    // The longest snooze is a month from when it was set.
    let snooze_ok = state.snooze_until.is_none_or(|t| {
        (FIRST_RELEASE..=latest.saturating_add(SnoozeDuration::Month.millis())).contains(&t)
    });
    let guide_ok = state.guide.as_ref().is_none_or(|g| plausible(g.started_at));
    if !(seen_ok && snooze_ok && guide_ok) {
        refused.push(IMPORT_BAD_DATES.to_string());
    }
    if !refused.is_empty() {
        return Err(refused);
    }

    let mark = |seen: &mut Seen| {
        // Imported before and imported again: the first import is when it stopped being this browser's own.
        seen.imported_at = Some(seen.imported_at.unwrap_or(now));
    };
    state.settings.values_mut().for_each(mark);
    for bucket in state.others.values_mut() {
        bucket.settings.values_mut().for_each(mark);
    }
    // Readings held for an account not yet shown were another browser's: whoever that was, it may not be who
    // signs in here (the file's accounts' own readings are marked imported above: due for a re-check).
    state.held = None;
    // The days a reminder card was shown or closed were another browser's.
    state.nudge_shown_day = None;
    state.nudge_closed_day = None;
    Ok(state)
}

#[cfg(test)]
mod tests;
