use super::*;
use crate::catalog::catalog;
use crate::detect::{Detection, Finding, Page, PageKind, Reason};
use crate::events::{apply, Event};
use crate::reminders::{next_wake, SnoozeDuration};
use crate::time::DAY_MS;

const T0: Millis = 1_764_000_000_000;

fn env() -> Env {
    Env {
        ui_lang: "de-DE".into(),
        time_zone: "Europe/Berlin".into(),
        utc_offset_min: 60,
    }
}

fn see(state: &mut State, id: &str, seen: SeenState, now: Millis) {
    state.observe(
        &Detection {
            page: Page {
                kind: PageKind::Setting,
                setting: Some(id.into()),
                category: None,
            },
            lang: None,
            findings: vec![Finding {
                setting: id.into(),
                state: seen,
                control: Some(0),
                reason: Reason::Key,
            }],
            extras: vec![],
            problems: vec![],
        },
        now,
    );
}

fn applicable_toggles(region: Region) -> Vec<String> {
    catalog()
        .settings
        .iter()
        .filter(|s| s.kind == SettingKind::Toggle && s.applies_in(region))
        .map(|s| s.id.clone())
        .collect()
}

#[test]
fn fresh_install_everything_unchecked() {
    let view = status(&State::default(), catalog(), &env(), T0, vec![]);
    assert_eq!(view.region, Region::Eu, "guessed from Europe/Berlin");
    assert!(!view.region_chosen);
    assert_eq!(view.lang, "de");
    assert_eq!(view.rows.len(), catalog().settings.len());
    assert!(view.rows.iter().all(|r| r.state == RowState::Unchecked));
    assert_eq!(view.remaining, applicable_toggles(Region::Eu).len());
    // Nothing read yet: "to check", in a neutral colour, with a time estimate; not an alarm.
    assert_eq!(view.badge.kind, BadgeKind::ToCheck);
    assert!(view.to_check);
    assert_eq!(view.badge.text, view.remaining.to_string());
    assert_ne!(view.badge.color, "#8a5300");
    assert_ne!(view.badge.color, "#b3261e");
    assert_eq!(view.check_minutes, check_minutes(view.remaining));
    assert!(view.check_minutes >= 1);
    assert_eq!(view.next.as_ref().unwrap().id, "gen-ai-improvement");
    // German titles for a German browser.
    assert_eq!(view.rows[0].title, "Daten zur Verbesserung generativer KI");
}

#[test]
fn region_decides_applies_but_not_the_recorded_state() {
    let mut state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    see(&mut state, "ads-affiliates-sharing", SeenState::On, T0);
    let view = status(&state, catalog(), &env(), T0, vec![]);
    let row = view
        .rows
        .iter()
        .find(|r| r.id == "ads-affiliates-sharing")
        .unwrap();
    assert_eq!(
        (row.state, row.applies, row.status),
        (RowState::On, false, RowStatus::NotInRegion)
    );
    assert_ne!(
        view.badge.kind,
        BadgeKind::Attention,
        "a setting outside the region does not raise the badge"
    );
    state.region = Some(Region::Row);
    let view = status(&state, catalog(), &env(), T0, vec![]);
    assert_eq!(view.badge.kind, BadgeKind::Attention);
}

#[test]
fn badge_counts_down_to_done() {
    let mut state = State {
        region: Some(Region::Uk),
        ..State::default()
    };
    let ids = applicable_toggles(Region::Uk);
    see(&mut state, &ids[0], SeenState::On, T0);
    let view = status(&state, catalog(), &env(), T0, vec![]);
    assert_eq!(
        (view.badge.kind, view.badge.count),
        (BadgeKind::Attention, ids.len())
    );
    for (n, id) in ids.iter().enumerate() {
        see(&mut state, id, SeenState::Off, T0 + n as Millis);
        let view = status(&state, catalog(), &env(), T0 + n as Millis, vec![]);
        assert_eq!(view.remaining, ids.len() - n - 1);
    }
    let view = status(&state, catalog(), &env(), T0 + DAY_MS, vec![]);
    assert!(view.all_done);
    assert_eq!(
        (view.badge.kind, view.badge.text.as_str()),
        (BadgeKind::Done, "✓")
    );
    assert!(view.next.is_none());
}

#[test]
fn unknown_never_counts_as_done() {
    let mut state = State {
        region: Some(Region::Uk),
        ..State::default()
    };
    for id in applicable_toggles(Region::Uk) {
        see(&mut state, &id, SeenState::Off, T0);
    }
    see(&mut state, "gen-ai-improvement", SeenState::Unknown, T0);
    let view = status(&state, catalog(), &env(), T0, vec![]);
    assert!(!view.all_done);
    assert_eq!(view.remaining, 1);
    assert_eq!(view.badge.kind, BadgeKind::Unchecked);
    assert!(
        !view.to_check,
        "an unreadable switch was read: not merely 'to check'"
    );
}

#[test]
fn to_check_until_something_open_was_read() {
    assert_eq!(check_minutes(0), 0);
    assert_eq!(check_minutes(1), 1);
    assert_eq!(check_minutes(11), 3, "11 settings: about 3 min");
    let mut state = State {
        region: Some(Region::Uk),
        ..State::default()
    };
    let ids = applicable_toggles(Region::Uk);
    see(&mut state, &ids[0], SeenState::Off, T0);
    let view = status(&state, catalog(), &env(), T0, vec![]);
    assert!(
        view.to_check,
        "one off, the rest never read: still 'to check'"
    );
    assert_eq!(view.badge.kind, BadgeKind::ToCheck);
    assert_eq!(view.check_minutes, check_minutes(ids.len() - 1));
    see(&mut state, &ids[1], SeenState::On, T0);
    let view = status(&state, catalog(), &env(), T0, vec![]);
    assert!(!view.to_check);
    assert_eq!(view.badge.kind, BadgeKind::Attention);
}

#[test]
fn dismissing_a_setting_removes_it_from_the_count_and_undo_restores_it() {
    let mut state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    see(&mut state, "research-sharing", SeenState::On, T0);
    let before = status(&state, catalog(), &env(), T0, vec![]).remaining;
    apply(
        &mut state,
        &Event::Dismiss {
            setting: "research-sharing".into(),
        },
        catalog(),
        T0,
        &env(),
    )
    .unwrap();
    let view = status(&state, catalog(), &env(), T0, vec![]);
    assert_eq!(view.remaining, before - 1);
    let row = view
        .rows
        .iter()
        .find(|r| r.id == "research-sharing")
        .unwrap();
    assert_eq!(
        (row.state, row.status),
        (RowState::On, RowStatus::Dismissed)
    );
    apply(
        &mut state,
        &Event::Undismiss {
            setting: "research-sharing".into(),
        },
        catalog(),
        T0,
        &env(),
    )
    .unwrap();
    assert_eq!(
        status(&state, catalog(), &env(), T0, vec![]).remaining,
        before
    );
    assert!(apply(
        &mut state,
        &Event::Dismiss {
            setting: "no-such".into()
        },
        catalog(),
        T0,
        &env()
    )
    .is_err());
}

#[test]
fn snooze_keeps_the_badge_truthful_and_expires_by_itself() {
    let mut state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    see(&mut state, "gen-ai-improvement", SeenState::On, T0);
    apply(
        &mut state,
        &Event::Snooze {
            duration: SnoozeDuration::Week,
        },
        catalog(),
        T0,
        &env(),
    )
    .unwrap();
    let view = status(&state, catalog(), &env(), T0 + DAY_MS, vec![]);
    assert_eq!(view.badge.kind, BadgeKind::Quiet);
    assert_eq!(view.badge.count, view.remaining);
    assert!(view.remaining > 0);
    assert!(!view.nudge, "no nudge script while snoozed");
    assert_eq!(
        next_wake(&state, catalog(), Region::Eu, T0 + DAY_MS, 60),
        Some(T0 + 7 * DAY_MS)
    );
    let later = status(&state, catalog(), &env(), T0 + 7 * DAY_MS, vec![]);
    assert_eq!(later.badge.kind, BadgeKind::Attention);
    assert_eq!(later.snooze_until, None);
    assert!(later.nudge, "the nudge comes back when the snooze ends");
}

#[test]
fn nudge_only_while_something_is_open_and_reminders_are_not_quiet() {
    let fresh = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    assert!(status(&fresh, catalog(), &env(), T0, vec![]).nudge);
    let mut dismissed = fresh.clone();
    apply(&mut dismissed, &Event::DismissAll, catalog(), T0, &env()).unwrap();
    assert!(!status(&dismissed, catalog(), &env(), T0, vec![]).nudge);
    let mut done = fresh.clone();
    for id in applicable_toggles(Region::Eu) {
        see(&mut done, &id, SeenState::Off, T0);
    }
    let view = status(&done, catalog(), &env(), T0, vec![]);
    assert!(view.all_done && !view.nudge);
    assert!(view.to_json().contains("\"nudge\":false"));
    // Unknown is not done: a setting whose switch could not be read keeps the nudge.
    let mut unsure = done.clone();
    see(&mut unsure, "gen-ai-improvement", SeenState::Unknown, T0);
    assert!(status(&unsure, catalog(), &env(), T0, vec![]).nudge);
}

/// Berlin in winter (UTC+1): local midnight is 23:00 UTC.
const BERLIN: i32 = 60;

/// A UTC time on 2025-11-24 (T0 is 16:00 UTC that day) at `h`:`m` UTC.
fn utc(day_offset: i64, h: i64, m: i64) -> Millis {
    let midnight_utc = T0 - T0.rem_euclid(DAY_MS);
    midnight_utc + day_offset * DAY_MS + (h * 60 + m) * 60_000
}

fn feed_detection() -> Detection {
    Detection {
        page: Page {
            kind: PageKind::Linkedin,
            setting: None,
            category: None,
        },
        lang: Some("en".into()),
        findings: vec![],
        problems: vec![],
        extras: vec![],
    }
}

/// One ordinary page load: does it draw the reminder card? (records it as the worker's `page` call does)
fn feed_load(state: &mut State, env: &Env, now: Millis, card_shown: bool) -> bool {
    let advice =
        crate::advice::advise_and_record(state, &feed_detection(), catalog(), env, now, card_shown);
    advice.banner.is_some()
}

#[test]
fn local_days_start_at_local_midnight() {
    use crate::time::{local_day, next_local_midnight};
    // 22:59 UTC is 23:59 in Berlin, 23:00 UTC is the next day there; in UTC both are the same day.
    assert_eq!(
        local_day(utc(0, 22, 59), BERLIN) + 1,
        local_day(utc(0, 23, 0), BERLIN)
    );
    assert_eq!(local_day(utc(0, 22, 59), 0), local_day(utc(0, 23, 0), 0));
    assert_eq!(next_local_midnight(utc(0, 12, 0), BERLIN), utc(0, 23, 0));
    assert_eq!(next_local_midnight(utc(0, 23, 0), BERLIN), utc(1, 23, 0));
    // New York (UTC-5): its midnight is 05:00 UTC; times before 1970 and offsets west of UTC floor correctly.
    assert_eq!(next_local_midnight(utc(0, 4, 59), -300), utc(0, 5, 0));
    assert_eq!(local_day(-1, 0), -1);
}

#[test]
fn the_reminder_card_shows_on_the_first_ordinary_page_load_of_a_day_only() {
    let env = Env {
        utc_offset_min: BERLIN,
        ..env()
    };
    let mut state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let morning = utc(0, 7, 0);
    assert!(status(&state, catalog(), &env, morning, vec![]).nudge);
    assert!(
        feed_load(&mut state, &env, morning, false),
        "first load of the day"
    );
    let view = status(&state, catalog(), &env, morning, vec![]);
    assert!(
        !view.nudge && view.nudge_due && !view.nudge_closed,
        "shown today: no script on the next loads"
    );
    assert_eq!(
        view.badge.kind,
        BadgeKind::ToCheck,
        "the badge carries the status (research-sharing is outside the EU: nothing open was read)"
    );
    assert!(
        !feed_load(&mut state, &env, morning + 60_000, false),
        "second load: quiet"
    );
    // The card still on screen stays (it asks again after a decision elsewhere or an in-page navigation).
    assert!(feed_load(&mut state, &env, morning + 120_000, true));
    // After "remind me again" a card still on screen does not use up the next load's card.
    let mut again = state.clone();
    apply(&mut again, &Event::Unsnooze, catalog(), morning, &env).unwrap();
    assert!(feed_load(&mut again, &env, morning + 1, true));
    assert!(
        feed_load(&mut again, &env, morning + 2, false),
        "the next load"
    );
    assert!(!feed_load(&mut again, &env, morning + 3, false));
    // While snoozed there is nothing to wake up for at midnight (the snooze end wakes the worker).
    let mut snoozed = state.clone();
    apply(
        &mut snoozed,
        &Event::Snooze {
            duration: SnoozeDuration::Week,
        },
        catalog(),
        morning,
        &env,
    )
    .unwrap();
    assert_eq!(
        next_wake(&snoozed, catalog(), Region::Eu, morning, BERLIN),
        Some(morning + 7 * DAY_MS)
    );
    // The worker wakes at local midnight to load the card's script again.
    assert_eq!(
        next_wake(&state, catalog(), Region::Eu, morning, BERLIN),
        Some(utc(0, 23, 0))
    );
    // 23:59 in Berlin: still today. 00:00: a new day, the card shows once more.
    assert!(!feed_load(&mut state, &env, utc(0, 22, 59), false));
    assert!(status(&state, catalog(), &env, utc(0, 23, 0), vec![]).nudge);
    assert!(
        feed_load(&mut state, &env, utc(0, 23, 0), false),
        "the next local day"
    );
    assert!(!feed_load(&mut state, &env, utc(0, 23, 1), false));
    // Settings hubs always get it while a reminder is due, and do not use up the day's card.
    let mut hub = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let hub_page = Detection {
        page: Page {
            kind: PageKind::Hub,
            setting: None,
            category: None,
        },
        ..feed_detection()
    };
    for _ in 0..2 {
        let advice =
            crate::advice::advise_and_record(&mut hub, &hub_page, catalog(), &env, morning, false);
        assert!(advice.banner.is_some());
    }
    assert_eq!(hub.nudge_shown_day, None);
    // Nothing to remind of: nothing drawn, nothing recorded, no midnight wake-up.
    let mut quiet = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    apply(&mut quiet, &Event::DismissAll, catalog(), morning, &env).unwrap();
    assert!(!feed_load(&mut quiet, &env, morning, false));
    assert_eq!(quiet.nudge_shown_day, None);
    assert_eq!(
        next_wake(&quiet, catalog(), Region::Eu, morning, BERLIN),
        None
    );
}

#[test]
fn closing_the_card_keeps_it_away_until_the_next_day_or_until_the_member_asks() {
    let env = Env {
        utc_offset_min: BERLIN,
        ..env()
    };
    let fresh = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let close = Event::from_json(r#"{"type":"closeNudge"}"#).unwrap();
    assert_eq!(close, Event::CloseNudge);
    assert_eq!(Event::from_json(&close.to_json()).unwrap(), close);
    // Fields sent by an older page are ignored.
    assert_eq!(
        Event::from_json(r#"{"type":"closeNudge","session":"s1"}"#).unwrap(),
        close
    );
    let morning = utc(0, 7, 0);
    let mut closed = fresh.clone();
    assert!(feed_load(&mut closed, &env, morning, false));
    apply(&mut closed, &close, catalog(), morning + 1, &env).unwrap();
    let view = status(&closed, catalog(), &env, morning + 2, vec![]);
    assert!(!view.nudge && !view.nudge_due && view.nudge_closed);
    assert!(view.to_json().contains("\"nudgeClosed\":true"));
    // Closing is not snoozing: the badge still asks for attention.
    assert_eq!(
        view.badge.kind,
        status(&fresh, catalog(), &env, morning, vec![]).badge.kind
    );
    // A card still open in another tab goes too (it asks again with `card_shown`).
    assert!(!feed_load(&mut closed, &env, morning + 3, true));
    assert_eq!(
        next_wake(&closed, catalog(), Region::Eu, morning, BERLIN),
        Some(utc(0, 23, 0))
    );
    // Closed without having been drawn (a card left open since yesterday): also today only.
    let mut late = fresh.clone();
    apply(&mut late, &close, catalog(), utc(0, 22, 30), &env).unwrap();
    assert!(status(&late, catalog(), &env, utc(0, 22, 59), vec![]).nudge_closed);
    let next_day = status(&late, catalog(), &env, utc(0, 23, 0), vec![]);
    assert!(
        next_day.nudge && !next_day.nudge_closed,
        "tomorrow it is back"
    );
    // "Remind me again", Undo of a dismiss, reminders back on and starting the guide bring it back on the very
    // next load, also on a day it was already shown.
    for event in [
        Event::Unsnooze,
        Event::UndismissAll,
        Event::StartGuide,
        Event::Undismiss {
            setting: "gen-ai-improvement".into(),
        },
    ] {
        let mut back = closed.clone();
        apply(&mut back, &event, catalog(), morning + 10, &env).unwrap();
        assert!(
            status(&back, catalog(), &env, morning + 10, vec![]).nudge,
            "{event:?}"
        );
        assert!(feed_load(&mut back, &env, morning + 11, false), "{event:?}");
        assert!(
            !feed_load(&mut back, &env, morning + 12, false),
            "then once again: {event:?}"
        );
    }
    // A snooze, once it is undone, does the same; a snooze that simply ends does not show it twice a day.
    let mut snoozed = fresh.clone();
    assert!(feed_load(&mut snoozed, &env, morning, false));
    apply(
        &mut snoozed,
        &Event::Snooze {
            duration: SnoozeDuration::Day,
        },
        catalog(),
        morning + 1,
        &env,
    )
    .unwrap();
    assert!(!feed_load(&mut snoozed, &env, morning + 2, false));
    apply(&mut snoozed, &Event::Unsnooze, catalog(), morning + 3, &env).unwrap();
    assert!(
        feed_load(&mut snoozed, &env, morning + 4, false),
        "Undo of the snooze"
    );
}

#[test]
fn env_utc_offset_is_read_in_whole_minutes_within_sixteen_hours() {
    let read =
        |text: &str| Env::read(&serde_json::from_str::<serde_json::Value>(text).unwrap()).ok_or(());
    assert_eq!(read(r#"{"utcOffset":-300}"#).unwrap().utc_offset_min, -300);
    assert_eq!(read(r#"{"uiLang":"de"}"#).unwrap().utc_offset_min, 0);
    for bad in [
        r#"{"utcOffset":961}"#,
        r#"{"utcOffset":"60"}"#,
        r#"{"utcOffset":1.5}"#,
    ] {
        assert!(read(bad).is_err(), "{bad}");
    }
}

/// Six simulated months, a day at a time: seen off, re-check due after the interval, seen on again.
#[test]
fn recheck_over_simulated_months() {
    let mut state = State {
        region: Some(Region::Eu),
        recheck_days: 90,
        ..State::default()
    };
    let ids = applicable_toggles(Region::Eu);
    for id in &ids {
        see(&mut state, id, SeenState::Off, T0);
    }
    let mut first_due = None;
    for day in 0..180 {
        let now = T0 + day * DAY_MS;
        let view = status(&state, catalog(), &env(), now, vec![]);
        let due = view
            .rows
            .iter()
            .filter(|r| r.status == RowStatus::Recheck)
            .count();
        if day < 90 {
            assert!(view.all_done, "day {day}");
            assert_eq!(
                next_wake(&state, catalog(), Region::Eu, now, 60),
                Some(T0 + 90 * DAY_MS)
            );
        } else {
            // Re-checked on day 120: the AI setting is no longer due.
            let expected = if day > 120 { ids.len() - 1 } else { ids.len() };
            assert_eq!(due, expected, "day {day}");
            assert_eq!(view.badge.kind, BadgeKind::Unchecked);
            first_due.get_or_insert(day);
        }
        // The member re-checks the AI setting on day 120 and finds it switched back on.
        if day == 120 {
            see(&mut state, "gen-ai-improvement", SeenState::On, now);
            let view = status(&state, catalog(), &env(), now, vec![]);
            let row = &view.rows[0];
            assert!(row.turned_back_on);
            assert_eq!(view.badge.kind, BadgeKind::Attention);
            see(&mut state, "gen-ai-improvement", SeenState::Off, now + 1);
        }
    }
    assert_eq!(first_due, Some(90));
}

#[test]
fn a_setting_added_by_an_update_shows_as_not_checked() {
    // State written before the catalog knew "ads-profile-location": everything else seen off.
    let mut state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    for id in applicable_toggles(Region::Eu)
        .iter()
        .filter(|id| *id != "ads-profile-location")
    {
        see(&mut state, id, SeenState::Off, T0);
    }
    let reloaded = State::load(Some(&state.to_json())).state;
    let view = status(&reloaded, catalog(), &env(), T0, vec![]);
    let row = view
        .rows
        .iter()
        .find(|r| r.id == "ads-profile-location")
        .unwrap();
    assert_eq!(row.status, RowStatus::Unchecked);
    assert_eq!(view.remaining, 1);
    assert!(!view.all_done);
}

#[test]
fn forms_are_optional_and_never_counted() {
    let view = status(&State::default(), catalog(), &env(), T0, vec![]);
    let form = view
        .rows
        .iter()
        .find(|r| r.kind == SettingKind::Form)
        .unwrap();
    assert_eq!(
        (form.state, form.status),
        (RowState::Unchecked, RowStatus::Optional)
    );
}

#[test]
fn a_clock_outside_the_storable_days_records_no_day_and_the_state_stays_readable() {
    let env = env();
    let mut ordinary = State {
        setup_done: true,
        ..State::default()
    };
    assert!(feed_load(&mut ordinary, &env, utc(0, 9, 0), false));
    assert!(ordinary.nudge_shown_day.is_some(), "a real day is recorded");
    for now in [-DAY_MS, (crate::time::MAX_DAY + 2) * DAY_MS] {
        let mut state = State {
            setup_done: true,
            ..State::default()
        };
        feed_load(&mut state, &env, now, false);
        assert_eq!(state.nudge_shown_day, None, "{now}");
        let loaded = State::load(Some(&state.to_json()));
        assert!(loaded.problems.is_empty(), "{now}: {:?}", loaded.problems);
    }
}

#[test]
fn the_cards_change_when_a_reminder_comes_or_goes_or_what_is_left_changes() {
    let env = env();
    let mut before = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let first = applicable_toggles(Region::Eu)[0].clone();
    see(&mut before, &first, SeenState::On, T0);
    let changed = |after: &State| {
        let view = status(after, catalog(), &env, T0, vec![]);
        cards_changed(&before, &view, catalog(), &env, T0)
    };
    assert!(!changed(&before));
    let mut again = before.clone();
    see(&mut again, &first, SeenState::On, T0 + 1);
    assert!(!changed(&again), "seen again: only its timestamp moved");
    let mut shown = before.clone();
    feed_load(&mut shown, &env, T0, false);
    assert!(
        !changed(&shown),
        "today's card drawn: the cards on screen stay"
    );
    let mut off = before.clone();
    see(&mut off, &first, SeenState::Off, T0 + 1);
    assert!(changed(&off), "one fewer, another one next");
    let mut snoozed = before.clone();
    apply(
        &mut snoozed,
        &Event::Snooze {
            duration: SnoozeDuration::Day,
        },
        catalog(),
        T0,
        &env,
    )
    .unwrap();
    assert!(changed(&snoozed), "no reminder due any more");
}
