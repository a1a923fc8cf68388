//! What the user can tell the extension (from the popup, options, onboarding and the banner).

use crate::catalog::Catalog;
use crate::json::{int_text, Json, Writer};
use crate::region::Region;
use crate::reminders::{remind_again, storable_day, SnoozeDuration};
use crate::state::{Guide, Millis, State, MAX_RECHECK_DAYS, MIN_RECHECK_DAYS};
use crate::status::Env;

/// JSON: `{"type": "setRegion", "region": "eu"}` and so on (the variant in camelCase, its fields beside it).
#[derive(Debug, Clone, PartialEq, Eq)]
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
    SetRecheckDays {
        days: u32,
    },
    /// Forget what was seen for the other LinkedIn accounts of this browser (the current one stays).
    ForgetOtherAccounts,
    /// A LinkedIn sign-in or sign-out page was loaded: the account may change, so ordinary pages say who is
    /// signed in again until one does.
    SignInPage,
}

impl Event {
    /// Read an event from the pages. Unknown fields are ignored; a wrong or missing one is an error.
    pub fn from_json(value: &Json) -> Result<Event, String> {
        let kind = value.get("type").and_then(Json::as_str);
        let kind = kind.ok_or("event without a type")?;
        let field = |name: &str| {
            value
                .get(name)
                .ok_or_else(|| ["missing field ", name].concat())
        };
        let text = |name: &str| {
            let v = field(name)?;
            v.as_str().ok_or_else(|| ["invalid ", name].concat())
        };
        Ok(match kind {
            "setRegion" => Event::SetRegion {
                region: Region::parse(text("region")?).ok_or("unknown region")?,
            },
            "finishSetup" => Event::FinishSetup,
            "snooze" => Event::Snooze {
                duration: SnoozeDuration::parse(text("duration")?).ok_or("unknown duration")?,
            },
            "unsnooze" => Event::Unsnooze,
            "closeNudge" => Event::CloseNudge,
            "dismiss" => Event::Dismiss {
                setting: text("setting")?.to_string(),
            },
            "undismiss" => Event::Undismiss {
                setting: text("setting")?.to_string(),
            },
            "dismissAll" => Event::DismissAll,
            "undismissAll" => Event::UndismissAll,
            "startGuide" => Event::StartGuide,
            "stopGuide" => Event::StopGuide,
            "forgetOtherAccounts" => Event::ForgetOtherAccounts,
            "signInPage" => Event::SignInPage,
            "setRecheckDays" => Event::SetRecheckDays {
                days: field("days")?
                    .as_u64()
                    .and_then(|d| u32::try_from(d).ok())
                    .ok_or("invalid days")?,
            },
            _ => return Err(["unknown event type ", kind].concat()),
        })
    }

    /// The JSON the pages send (`from_json` reads it back).
    pub fn to_json(&self) -> String {
        let mut w = Writer::default();
        let (kind, field) = match self {
            Event::SetRegion { region } => ("setRegion", Some(("region", region.as_str()))),
            Event::FinishSetup => ("finishSetup", None),
            Event::Snooze { duration } => ("snooze", Some(("duration", duration.as_str()))),
            Event::Unsnooze => ("unsnooze", None),
            Event::CloseNudge => ("closeNudge", None),
            Event::Dismiss { setting } => ("dismiss", Some(("setting", setting.as_str()))),
            Event::Undismiss { setting } => ("undismiss", Some(("setting", setting.as_str()))),
            Event::DismissAll => ("dismissAll", None),
            Event::UndismissAll => ("undismissAll", None),
            Event::StartGuide => ("startGuide", None),
            Event::StopGuide => ("stopGuide", None),
            Event::ForgetOtherAccounts => ("forgetOtherAccounts", None),
            Event::SignInPage => ("signInPage", None),
            Event::SetRecheckDays { .. } => ("setRecheckDays", None),
        };
        w.begin_object().key("type").string(kind);
        if let Some((name, value)) = field {
            w.key(name).string(value);
        }
        if let Event::SetRecheckDays { days } = self {
            w.key("days").int(*days as i64);
        }
        w.end_object();
        w.out
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
        Event::ForgetOtherAccounts => state.others.clear(),
        Event::SignInPage => state.account_check = true,
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
