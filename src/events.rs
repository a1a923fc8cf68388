//! What the user can tell the extension (from the popup, options, onboarding and the banner).

use crate::catalog::Catalog;
use crate::raw::{lenient, Raw};
use crate::region::Region;
use crate::reminders::{remind_again, SnoozeDuration};
use crate::state::{Guide, State, MAX_RECHECK_DAYS, MIN_RECHECK_DAYS};
use crate::status::Env;
use crate::text::int_text;
use crate::time::{storable_day, Millis};
use serde::{Deserialize, Serialize};

/// `{type: "setRegion", region: "eu"}` and so on (the variant in camelCase, its fields beside it). Written by
/// serde; read by `Event::read` through `EventFields` (serde's internally tagged reading would walk every field
/// of the object, however deeply nested).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// The reminder card's close button (×): not again today (until local midnight).
    CloseNudge,
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
    /// Undo of "Stop guide" from the guide's card: the guide as it was, and nothing else (unlike `StartGuide`,
    /// which also ends a snooze and "don't remind me again").
    ResumeGuide,
    SetRecheckDays {
        days: u32,
    },
    /// Forget what was seen for the other LinkedIn accounts of this browser (the current one stays).
    ForgetOtherAccounts,
    /// A LinkedIn sign-in or sign-out page was loaded: the account may change. Until a page shows who is signed
    /// in, readings on pages that do not show it are held (those held so far are dropped: they were made by
    /// whoever signed out).
    SignInPage,
}

impl Event {
    /// Whether the reminder cards on screen in other tabs hear of this event's change (they ask again when what
    /// they say changed). Not of a sign-in page: a card elsewhere is on a page of the account seen before, and
    /// its report would name that account again.
    pub fn reaches_cards(&self) -> bool {
        !matches!(self, Event::SignInPage)
    }
}

/// The event types (`type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
enum EventType {
    SetRegion,
    FinishSetup,
    Snooze,
    Unsnooze,
    CloseNudge,
    Dismiss,
    Undismiss,
    DismissAll,
    UndismissAll,
    StartGuide,
    StopGuide,
    ResumeGuide,
    SetRecheckDays,
    ForgetOtherAccounts,
    SignInPage,
}

/// Every field an event can carry; which ones it needs depends on its type. Unknown fields are ignored (and never
/// read); a field of the wrong type reads as missing (an error only for the types that need it).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EventFields {
    #[serde(deserialize_with = "lenient")]
    region: Option<Region>,
    #[serde(deserialize_with = "lenient")]
    duration: Option<SnoozeDuration>,
    #[serde(deserialize_with = "lenient")]
    setting: Option<String>,
    #[serde(deserialize_with = "lenient")]
    days: Option<u32>,
}

impl Event {
    /// Read an event from the pages. Unknown fields are ignored; a wrong or missing one is an error.
    pub fn read<R: Raw>(value: &R) -> Result<Event, String> {
        let kind = value.field("type").ok_or("event without a type")?;
        let Some(kind) = kind.decode::<EventType>() else {
            let name = kind.as_text().unwrap_or_default();
            return Err(["unknown event type ", &name].concat());
        };
        let fields = value
            .decode::<EventFields>()
            .ok_or("invalid event fields")?;
        fn need<T>(v: Option<T>, name: &str) -> Result<T, String> {
            v.ok_or_else(|| ["missing field ", name].concat())
        }
        Ok(match kind {
            EventType::SetRegion => Event::SetRegion {
                region: need(fields.region, "region")?,
            },
            EventType::FinishSetup => Event::FinishSetup,
            EventType::Snooze => Event::Snooze {
                duration: need(fields.duration, "duration")?,
            },
            EventType::Unsnooze => Event::Unsnooze,
            EventType::CloseNudge => Event::CloseNudge,
            EventType::Dismiss => Event::Dismiss {
                setting: need(fields.setting, "setting")?,
            },
            EventType::Undismiss => Event::Undismiss {
                setting: need(fields.setting, "setting")?,
            },
            EventType::DismissAll => Event::DismissAll,
            EventType::UndismissAll => Event::UndismissAll,
            EventType::StartGuide => Event::StartGuide,
            EventType::StopGuide => Event::StopGuide,
            EventType::ResumeGuide => Event::ResumeGuide,
            EventType::ForgetOtherAccounts => Event::ForgetOtherAccounts,
            EventType::SignInPage => Event::SignInPage,
            EventType::SetRecheckDays => Event::SetRecheckDays {
                days: need(fields.days, "days")?,
            },
        })
    }

    /// Read an event from JSON text (native: tests, fuzzer).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Event, String> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|_| "not JSON")?;
        Event::read(&value)
    }

    /// As JSON text (native: tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Apply a user decision. Unknown setting ids are refused so typos cannot pile up in storage. `env` gives
/// the local day (its UTC offset) for "not again today".
pub fn apply(
    state: &mut State,
    event: &Event,
    catalog: &Catalog,
    now: Millis,
    env: &Env,
) -> Result<(), String> {
    let known = |id: &str| {
        catalog
            .setting(id)
            .map(|_| ())
            .ok_or_else(|| ["unknown setting ", id].concat())
    };
    match event {
        Event::SetRegion { region } => state.region = Some(*region),
        Event::FinishSetup => state.setup_done = true,
        Event::Snooze { duration } => {
            state.snooze_until = Some(now.saturating_add(duration.millis()))
        }
        // "Remind me again" (also the Undo of a snooze or a close) brings the card back on the next page.
        Event::Unsnooze => {
            state.snooze_until = None;
            remind_again(state);
        }
        Event::CloseNudge => {
            let today = storable_day(now, env.utc_offset_min);
            state.nudge_closed_day = today;
            state.nudge_shown_day = today;
        }
        Event::Dismiss { setting } => {
            known(setting)?;
            state.dismissed.insert(setting.clone());
        }
        Event::Undismiss { setting } => {
            known(setting)?;
            state.dismissed.remove(setting);
            remind_again(state);
        }
        Event::DismissAll => state.dismiss_all = true,
        Event::UndismissAll => {
            state.dismiss_all = false;
            remind_again(state);
        }
        Event::StartGuide => {
            state.guide = Some(Guide {
                active: true,
                started_at: now,
            });
            // Asking for the guide is asking to be reminded.
            state.snooze_until = None;
            remind_again(state);
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
        Event::ResumeGuide => {
            if let Some(g) = state.guide.as_mut() {
                g.active = true;
            }
        }
        Event::ForgetOtherAccounts => state.forget_other_accounts(),
        Event::SignInPage => state.account_may_change(),
        Event::SetRecheckDays { days } => {
            if !(MIN_RECHECK_DAYS..=MAX_RECHECK_DAYS).contains(days) {
                return Err([
                    "re-check interval must be ",
                    &int_text(MIN_RECHECK_DAYS as i64),
                    "–",
                    &int_text(MAX_RECHECK_DAYS as i64),
                    " days",
                ]
                .concat());
            }
            state.recheck_days = *days;
        }
    }
    Ok(())
}
