use super::*;
use crate::catalog::catalog;
use crate::detect::{Detection, Finding, Page, PageKind, Reason};
use crate::events::{apply, Event};
use crate::reminders::{next_wake, SnoozeDuration, DAY_MS};

const T0: Millis = 1_764_000_000_000;

fn env() -> Env {
    Env {
        ui_lang: "de-DE".into(),
        time_zone: "Europe/Berlin".into(),
        session: String::new(),
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
    assert_eq!(view.badge.kind, BadgeKind::Unchecked);
    assert_eq!(view.badge.text, view.remaining.to_string());
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
        T0
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
    )
    .unwrap();
    let view = status(&state, catalog(), &env(), T0 + DAY_MS, vec![]);
    assert_eq!(view.badge.kind, BadgeKind::Quiet);
    assert_eq!(view.badge.count, view.remaining);
    assert!(view.remaining > 0);
    assert!(!view.nudge, "no nudge script while snoozed");
    assert_eq!(
        next_wake(&state, catalog(), Region::Eu, T0 + DAY_MS),
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
    apply(&mut dismissed, &Event::DismissAll, catalog(), T0).unwrap();
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

#[test]
fn a_closed_nudge_stays_away_for_the_browser_session_only() {
    let in_session = |id: &str| Env {
        session: id.into(),
        ..env()
    };
    let fresh = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let mut closed = fresh.clone();
    let close =
        Event::from_json(&Json::parse(r#"{"type":"closeNudge","session":"s1"}"#).unwrap()).unwrap();
    assert_eq!(
        Event::from_json(&Json::parse(&close.to_json()).unwrap()).unwrap(),
        close
    );
    apply(&mut closed, &close, catalog(), T0).unwrap();
    let view = status(&closed, catalog(), &in_session("s1"), T0, vec![]);
    assert!(!view.nudge && view.nudge_closed);
    assert!(view.to_json().contains("\"nudgeClosed\":true"));
    // Closing the card is not snoozing: the badge still asks for attention.
    assert_eq!(
        view.badge.kind,
        status(&fresh, catalog(), &in_session("s1"), T0, vec![])
            .badge
            .kind
    );
    // A browser restart is a new session; an unknown session never matches.
    for other in ["s2", ""] {
        let view = status(&closed, catalog(), &in_session(other), T0, vec![]);
        assert!(view.nudge && !view.nudge_closed, "session {other:?}");
    }
    // "Remind me again", reminders back on and starting the guide bring it back in the same session.
    for event in [Event::Unsnooze, Event::UndismissAll, Event::StartGuide] {
        let mut back = closed.clone();
        apply(&mut back, &event, catalog(), T0).unwrap();
        assert!(
            status(&back, catalog(), &in_session("s1"), T0, vec![]).nudge,
            "{event:?}"
        );
    }
    // Without a session id nothing is remembered; an id that is not ours is refused.
    let mut unknown = fresh.clone();
    apply(
        &mut unknown,
        &Event::CloseNudge {
            session: String::new(),
        },
        catalog(),
        T0,
    )
    .unwrap();
    assert_eq!(unknown, fresh);
    let long = Event::CloseNudge {
        session: "x".repeat(65),
    };
    assert!(apply(&mut unknown, &long, catalog(), T0).is_err());
    assert_eq!(unknown, fresh);
    assert!(Event::from_json(&Json::parse(r#"{"type":"closeNudge"}"#).unwrap()).is_err());
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
                next_wake(&state, catalog(), Region::Eu, now),
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
