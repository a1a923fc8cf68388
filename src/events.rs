//! What the user can tell the extension (from the popup, options, onboarding and the banner).

use crate::catalog::Catalog;
use crate::region::Region;
use crate::reminders::SnoozeDuration;
use crate::state::{Guide, Millis, State, MAX_RECHECK_DAYS, MIN_RECHECK_DAYS};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Event {
    SetRegion {
        region: Region,
    },
    FinishSetup,
    Snooze {
        duration: SnoozeDuration,
    },
    Unsnooze,
    /// "I want this on": no more reminders for this setting.
    Dismiss {
        setting: String,
    },
    Undismiss {
        setting: String,
    },
    DismissAll,
    UndismissAll,
    StartGuide,
    StopGuide,
    SetRecheckDays {
        days: u32,
    },
}

/// Apply a user decision. Unknown setting ids are refused so typos cannot pile up in storage.
pub fn apply(
    state: &mut State,
    event: &Event,
    catalog: &Catalog,
    now: Millis,
) -> Result<(), String> {
    let known = |id: &str| {
        catalog
            .setting(id)
            .map(|_| ())
            .ok_or_else(|| format!("unknown setting {id}"))
    };
    match event {
        Event::SetRegion { region } => state.region = Some(*region),
        Event::FinishSetup => state.setup_done = true,
        Event::Snooze { duration } => {
            state.snooze_until = Some(now.saturating_add(duration.millis()))
        }
        Event::Unsnooze => state.snooze_until = None,
        Event::Dismiss { setting } => {
            known(setting)?;
            state.dismissed.insert(setting.clone());
        }
        Event::Undismiss { setting } => {
            known(setting)?;
            state.dismissed.remove(setting);
        }
        Event::DismissAll => state.dismiss_all = true,
        Event::UndismissAll => state.dismiss_all = false,
        Event::StartGuide => {
            state.guide = Some(Guide {
                active: true,
                started_at: now,
            });
            // Asking for the guide is asking to be reminded.
            state.snooze_until = None;
            state.dismiss_all = false;
        }
        // Remembered as stopped (not forgotten), so setting pages stay quiet until the guide is started again.
        Event::StopGuide => {
            let started_at = state.guide.as_ref().map_or(now, |g| g.started_at);
            state.guide = Some(Guide {
                active: false,
                started_at,
            });
        }
        Event::SetRecheckDays { days } => {
            if !(MIN_RECHECK_DAYS..=MAX_RECHECK_DAYS).contains(days) {
                return Err(format!(
                    "re-check interval must be {MIN_RECHECK_DAYS}–{MAX_RECHECK_DAYS} days"
                ));
            }
            state.recheck_days = *days;
        }
    }
    Ok(())
}
