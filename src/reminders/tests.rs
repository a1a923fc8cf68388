use super::*;

/// 2025-11-24 16:00 UTC.
const T0: Millis = 1_764_000_000_000;
const BERLIN: i32 = 60;
const OPEN: usize = 3;

fn card(state: &State, place: CardPlace, now: Millis) -> CardDecision {
    reminder_card(state, OPEN, place, now, BERLIN)
}

fn today() -> Day {
    local_day(T0, BERLIN)
}

#[test]
fn a_new_card_on_an_ordinary_page_uses_up_the_day_and_a_hub_or_a_card_on_screen_does_not() {
    let fresh = State::default();
    assert_eq!(
        card(&fresh, CardPlace::OrdinaryPage, T0),
        CardDecision {
            show: true,
            shown_day: Some(today())
        }
    );
    for place in [CardPlace::Hub, CardPlace::CardOnScreen] {
        assert_eq!(
            card(&fresh, place, T0),
            CardDecision {
                show: true,
                shown_day: None
            },
            "{place:?}"
        );
    }
    let mut shown = fresh.clone();
    card(&fresh, CardPlace::OrdinaryPage, T0).record(&mut shown);
    assert_eq!(shown.nudge_shown_day, Some(today()));
    assert!(
        !card(&shown, CardPlace::OrdinaryPage, T0 + 1).show,
        "once a day"
    );
    assert!(
        card(&shown, CardPlace::CardOnScreen, T0 + 1).show,
        "the card on screen stays"
    );
    assert!(
        card(&shown, CardPlace::Hub, T0 + 1).show,
        "a hub still shows it"
    );
    let tomorrow = next_local_midnight(T0, BERLIN);
    assert_eq!(
        card(&shown, CardPlace::OrdinaryPage, tomorrow).shown_day,
        Some(today() + 1)
    );
}

#[test]
fn nothing_shows_or_is_recorded_when_no_reminder_is_due() {
    let closed = State {
        nudge_closed_day: Some(today()),
        ..State::default()
    };
    let snoozed = State {
        snooze_until: Some(T0 + DAY_MS),
        ..State::default()
    };
    let off = State {
        dismiss_all: true,
        ..State::default()
    };
    let nothing_shown = CardDecision {
        show: false,
        shown_day: None,
    };
    for place in [
        CardPlace::OrdinaryPage,
        CardPlace::CardOnScreen,
        CardPlace::Hub,
    ] {
        for state in [&closed, &snoozed, &off] {
            assert_eq!(card(state, place, T0), nothing_shown, "{place:?} {state:?}");
        }
        assert_eq!(
            reminder_card(&State::default(), 0, place, T0, BERLIN),
            nothing_shown,
            "all done"
        );
    }
    // Closed yesterday, or a snooze that has ended: due again.
    assert!(
        card(
            &closed,
            CardPlace::OrdinaryPage,
            next_local_midnight(T0, BERLIN)
        )
        .show
    );
    assert!(card(&snoozed, CardPlace::OrdinaryPage, T0 + DAY_MS).show);
}

#[test]
fn a_clock_outside_the_storable_days_shows_the_card_and_records_nothing() {
    let state = State::default();
    let decision = reminder_card(&state, OPEN, CardPlace::OrdinaryPage, -DAY_MS, 0);
    assert_eq!(
        decision,
        CardDecision {
            show: true,
            shown_day: None
        }
    );
    let mut recorded = state.clone();
    decision.record(&mut recorded);
    assert_eq!(recorded, state);
}
