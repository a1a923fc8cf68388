use super::*;
use crate::detect::{Finding, Page, PageKind, Reason};

fn detection(findings: &[(&str, SeenState, Reason)]) -> Detection {
    Detection {
        page: Page {
            kind: PageKind::Setting,
            setting: None,
            category: None,
        },
        lang: None,
        findings: findings
            .iter()
            .map(|(id, state, reason)| Finding {
                setting: id.to_string(),
                state: *state,
                control: Some(0),
                reason: *reason,
            })
            .collect(),
        extras: Vec::new(),
        problems: Vec::new(),
    }
}

#[test]
fn first_run_is_empty_without_problems() {
    for raw in [None, Some(""), Some("   ")] {
        let loaded = State::load(raw);
        assert_eq!(loaded.state, State::default());
        assert!(loaded.problems.is_empty());
        assert!(!loaded.backup);
    }
}

#[test]
fn round_trips() {
    let mut state = State {
        region: Some(Region::Uk),
        setup_done: true,
        recheck_days: 30,
        ..State::default()
    };
    state.observe(
        &detection(&[("gen-ai-improvement", SeenState::Off, Reason::Key)]),
        1_000,
    );
    state.dismissed.insert("ads-age".into());
    state.snooze_until = Some(5_000);
    state.nudge_shown_day = Some(20_416);
    state.nudge_closed_day = Some(20_415);
    let loaded = State::load(Some(&state.to_json()));
    assert_eq!(loaded.state, state);
    assert!(loaded.problems.is_empty());
}

#[test]
fn reminder_days_that_are_not_days_are_not_kept_and_reported() {
    for bad in ["\"20416\"", "-1", "100001", "1.5", "true"] {
        let raw = format!(
            "{{\"schema\":1,\"snoozeUntil\":7,\"nudgeShownDay\":{bad},\"nudgeClosedDay\":{bad}}}"
        );
        let loaded = State::load(Some(&raw));
        assert_eq!(loaded.state.nudge_shown_day, None, "{bad}");
        assert_eq!(loaded.state.nudge_closed_day, None, "{bad}");
        assert_eq!(loaded.state.snooze_until, Some(7), "the rest is kept");
        assert_eq!(loaded.problems, [PROBLEM_CHOICES], "{bad}");
    }
    // The close "until the browser restarts" of earlier versions is forgotten: the card may show today.
    let old = State::load(Some(
        r#"{"schema":1,"nudgeClosedSession":"0b5e8f1c-2a43-4d7e-9a51-6c2f0e4d9b17"}"#,
    ));
    assert!(old.problems.is_empty());
    assert_eq!(old.state.nudge_closed_day, None);
    let json = State::default().to_json();
    assert!(!json.contains("nudgeShownDay") && !json.contains("nudgeClosed"));
}

#[test]
fn corrupted_text_is_backed_up_and_reset() {
    let loaded = State::load(Some(
        "{\"schema\":1,\"settings\":{\"gen-ai-improvement\":{\"state\":\"off\"",
    ));
    assert_eq!(loaded.state, State::default());
    assert_eq!(loaded.problems, [PROBLEM_DAMAGED]);
    assert!(loaded.backup);
}

#[test]
fn foreign_and_future_data_is_kept_as_backup() {
    for raw in [
        "[1,2,3]",
        "\"hello\"",
        "{\"other\":\"app\"}",
        "{\"schema\":\"1\"}",
    ] {
        let loaded = State::load(Some(raw));
        assert_eq!(loaded.state, State::default(), "{raw}");
        assert_eq!(loaded.problems, [PROBLEM_FOREIGN], "{raw}");
        assert!(loaded.backup, "{raw}");
    }
    let loaded = State::load(Some("{\"schema\":7,\"settings\":{}}"));
    assert_eq!(loaded.problems, [PROBLEM_NEWER]);
    assert!(loaded.backup);
}

#[test]
fn partial_damage_keeps_the_rest_and_never_invents_off() {
    let raw = r#"{"schema":1,"region":"mars","setupDone":true,"recheckDays":100000,
        "settings":{
          "gen-ai-improvement":{"state":"off","seenAt":10,"changedAt":10},
          "ads-age":{"state":"of","seenAt":10,"changedAt":10},
          "ads-gender":{"state":"off"},
          "ads-beyond-linkedin":"off",
          "research-sharing":{"state":"on","seenAt":-5,"changedAt":0}
        },
        "dismissed":"ads-age"}"#;
    let loaded = State::load(Some(raw));
    let state = &loaded.state;
    assert!(state.setup_done);
    assert_eq!(state.region, None);
    assert_eq!(state.recheck_days, MAX_RECHECK_DAYS);
    assert_eq!(state.settings.len(), 1);
    assert_eq!(state.settings["gen-ai-improvement"].state, SeenState::Off);
    assert!(state.dismissed.is_empty());
    assert_eq!(loaded.problems, [PROBLEM_PARTIAL, PROBLEM_CHOICES]);
    assert!(loaded.backup);
}

#[test]
fn each_damaged_choice_is_reported_and_backed_up_never_silently_defaulted() {
    let base = r#""settings":{"gen-ai-improvement":{"state":"off","seenAt":10,"changedAt":10}}"#;
    for (field, bad) in [
        ("setupDone", "\"yes\""),
        ("setupDone", "null"),
        ("dismissAll", "1"),
        ("dismissAll", "\"true\""),
        ("snoozeUntil", "\"tomorrow\""),
        ("snoozeUntil", "1.5"),
        ("snoozeUntil", "{}"),
        ("recheckDays", "\"90\""),
        ("recheckDays", "-3"),
        ("recheckDays", "3"),
        ("recheckDays", "100000"),
        ("guide", "true"),
        ("guide", r#"{"active":"yes","startedAt":5}"#),
        ("guide", r#"{"active":true}"#),
        ("nudgeShownDay", "-1"),
        ("nudgeClosedDay", "\"today\""),
        ("dismissed", r#"["ads-age",7]"#),
        ("dismissed", "\"ads-age\""),
        ("region", "\"mars\""),
    ] {
        let raw = format!("{{\"schema\":1,{base},\"{field}\":{bad}}}");
        let loaded = State::load(Some(&raw));
        assert_eq!(loaded.problems, [PROBLEM_CHOICES], "{field}: {bad}");
        assert!(
            loaded.backup,
            "{field}: {bad}: the stored value is kept as a backup"
        );
        assert_eq!(
            loaded.state.settings["gen-ai-improvement"].state,
            SeenState::Off,
            "{field}: {bad}: the rest is kept"
        );
    }
}

#[test]
fn readable_choices_are_kept_without_a_report() {
    let raw = r#"{"schema":1,"region":"uk","setupDone":true,"dismissAll":true,"snoozeUntil":1764000000000,
        "nudgeShownDay":20790,"nudgeClosedDay":20790,"recheckDays":30,
        "guide":{"active":true,"startedAt":1764000000000},"dismissed":["ads-age"],"settings":{}}"#;
    let loaded = State::load(Some(raw));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(!loaded.backup);
    let s = loaded.state;
    assert!(s.setup_done && s.dismiss_all);
    assert_eq!(s.snooze_until, Some(1_764_000_000_000));
    assert_eq!(s.recheck_days, 30);
    assert_eq!(
        (s.nudge_shown_day, s.nudge_closed_day),
        (Some(20790), Some(20790))
    );
    assert_eq!(s.guide.map(|g| g.active), Some(true));
    assert!(s.dismissed.contains("ads-age"));
    // Absent or null where the extension itself writes null: defaults, nothing to report.
    for raw in [
        r#"{"schema":1}"#,
        r#"{"schema":1,"snoozeUntil":null,"guide":null,"region":null}"#,
    ] {
        let loaded = State::load(Some(raw));
        assert!(loaded.problems.is_empty(), "{raw}: {:?}", loaded.problems);
        assert_eq!(loaded.state, State::default(), "{raw}");
    }
}

#[test]
fn observing_records_changes_and_flags_a_setting_turned_back_on() {
    let mut state = State::default();
    state.observe(
        &detection(&[("gen-ai-improvement", SeenState::Off, Reason::Key)]),
        100,
    );
    state.observe(
        &detection(&[("gen-ai-improvement", SeenState::Off, Reason::Key)]),
        200,
    );
    let seen = &state.settings["gen-ai-improvement"];
    assert_eq!(
        (seen.seen_at, seen.changed_at, seen.turned_back_on_at),
        (200, 100, None)
    );
    state.observe(
        &detection(&[("gen-ai-improvement", SeenState::On, Reason::Key)]),
        300,
    );
    let seen = &state.settings["gen-ai-improvement"];
    assert_eq!(
        (seen.state, seen.changed_at, seen.turned_back_on_at),
        (SeenState::On, 300, Some(300))
    );
    state.observe(
        &detection(&[("gen-ai-improvement", SeenState::On, Reason::Key)]),
        400,
    );
    assert_eq!(
        state.settings["gen-ai-improvement"].turned_back_on_at,
        Some(300)
    );
}

#[test]
fn not_found_is_not_an_observation_but_conflict_is() {
    let mut state = State::default();
    state.observe(
        &detection(&[("gen-ai-improvement", SeenState::Off, Reason::Key)]),
        100,
    );
    state.observe(
        &detection(&[("gen-ai-improvement", SeenState::Unknown, Reason::NotFound)]),
        200,
    );
    assert_eq!(state.settings["gen-ai-improvement"].state, SeenState::Off);
    state.observe(
        &detection(&[("gen-ai-improvement", SeenState::Unknown, Reason::Conflict)]),
        300,
    );
    assert_eq!(
        state.settings["gen-ai-improvement"].state,
        SeenState::Unknown
    );
}

// ---------- accounts (schema 2) ----------

fn key(c: char) -> String {
    c.to_string().repeat(64)
}

const OFF: (&str, SeenState, Reason) = ("gen-ai-improvement", SeenState::Off, Reason::Key);

/// Stored by the version before accounts (schema 1), as the current release writes it.
const SCHEMA_1: &str = r#"{"schema":1,"region":"eu","setupDone":true,"settings":{"gen-ai-improvement":{"state":"off","seenAt":1764000000000,"changedAt":1764000000000},"ads-age":{"state":"on","seenAt":1764000000000,"changedAt":1763000000000,"turnedBackOnAt":1764000000000}},"dismissed":["ads-gender"],"dismissAll":false,"snoozeUntil":null,"guide":{"active":true,"startedAt":1763000000000},"recheckDays":90}"#;

#[test]
fn schema_1_migrates_and_its_readings_go_to_the_first_account_seen() {
    let loaded = State::load(Some(SCHEMA_1));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let mut state = loaded.state;
    assert_eq!(state.schema, SCHEMA);
    assert_eq!(state.account, None);
    assert_eq!(state.settings.len(), 2);
    assert!(state.dismissed.contains("ads-gender"));
    // A page without account info: still the browser's.
    state.observe_for(&detection(&[]), None, 1_764_100_000_000);
    assert_eq!(state.account, None);
    // The first account seen adopts them.
    state.observe_for(&detection(&[]), Some(&key('a')), 1_764_100_000_000);
    assert_eq!(state.account.as_deref(), Some(key('a').as_str()));
    assert_eq!(state.settings["gen-ai-improvement"].state, SeenState::Off);
    assert!(state.others.is_empty());
    let again = State::load(Some(&state.to_json()));
    assert!(again.problems.is_empty());
    assert_eq!(again.state, state);
    assert!(state.to_json().starts_with(r#"{"schema":2,"#));
}

#[test]
fn another_account_starts_unchecked_and_the_first_comes_back() {
    let mut state = State::default();
    state.observe_for(&detection(&[OFF]), Some(&key('a')), 1_000);
    assert_eq!(state.settings["gen-ai-improvement"].state, SeenState::Off);
    // B signs in: nothing of A's counts for B.
    state.observe_for(&detection(&[]), Some(&key('b')), 2_000);
    assert!(state.settings.is_empty(), "{:?}", state.settings);
    assert_eq!(state.others.len(), 1);
    // A page that does not show the account counts for B (the last seen).
    state.observe_for(
        &detection(&[("gen-ai-improvement", SeenState::On, Reason::Key)]),
        None,
        3_000,
    );
    assert_eq!(state.settings["gen-ai-improvement"].state, SeenState::On);
    // A again: its off comes back, B's on is kept aside.
    state.observe_for(&detection(&[]), Some(&key('a')), 4_000);
    assert_eq!(state.settings["gen-ai-improvement"].state, SeenState::Off);
    assert_eq!(
        state.others[&key('b')].settings["gen-ai-improvement"].state,
        SeenState::On
    );
    let again = State::load(Some(&state.to_json())).state;
    assert_eq!(again, state);
}

#[test]
fn only_hashed_keys_are_accounts_and_damaged_ones_count_for_nobody() {
    let mut state = State::default();
    for bad in [
        "jane-doe",
        "/in/jane-doe/",
        &"A".repeat(64),
        &"a".repeat(63),
        "",
    ] {
        state.sign_in(bad, 1);
        assert_eq!(state.account, None, "{bad}");
    }
    let raw = format!(
        r#"{{"schema":2,"account":"jane-doe","settings":{{"gen-ai-improvement":{{"state":"off","seenAt":1,"changedAt":1}}}},"others":{{"{}":{{"seenAt":5,"settings":{{}}}},"x":{{"seenAt":1,"settings":{{}}}}}}}}"#,
        key('c')
    );
    let loaded = State::load(Some(&raw));
    assert_eq!(loaded.problems, vec![PROBLEM_PARTIAL.to_string()]);
    assert!(loaded.backup);
    assert_eq!(loaded.state.account, None);
    assert!(
        loaded.state.settings.is_empty(),
        "readings of an account that cannot be told are not anyone's"
    );
    assert_eq!(loaded.state.others.len(), 1);
}

#[test]
fn other_accounts_are_bounded_and_can_be_forgotten() {
    let mut state = State::default();
    let keys: Vec<String> = "0123456789ab".chars().map(key).collect();
    for (i, k) in keys.iter().enumerate() {
        state.observe_for(&detection(&[OFF]), Some(k), i as Millis);
    }
    assert_eq!(state.others.len(), MAX_OTHER_ACCOUNTS);
    assert!(
        !state.others.contains_key(&keys[0]),
        "the least recently seen goes first"
    );
    crate::events::apply(
        &mut state,
        &crate::events::Event::ForgetOtherAccounts,
        crate::catalog::catalog(),
        100,
        &crate::status::Env {
            ui_lang: "en".into(),
            time_zone: "UTC".into(),
            utc_offset_min: 0,
        },
    )
    .unwrap();
    assert!(state.others.is_empty());
    assert_eq!(state.account.as_deref(), Some(keys[11].as_str()));
    assert_eq!(state.settings.len(), 1);
}

#[test]
fn a_newer_schema_is_still_refused() {
    let loaded = State::load(Some(r#"{"schema":3}"#));
    assert_eq!(loaded.problems, vec![PROBLEM_NEWER.to_string()]);
}

#[test]
fn unknown_switches_are_kept_per_account_bounded_and_survive_a_round_trip() {
    let mut state = State::default();
    let mut d = detection(&[]);
    d.extras = (0..25)
        .map(|i| crate::detect::Extra {
            label: format!("New switch {i}"),
            state: SeenState::On,
            url: "https://www.linkedin.com/mypreferences/d/categories/privacy".into(),
        })
        .collect();
    state.observe_for(&d, Some(&key('a')), 10);
    assert_eq!(state.extras.len(), MAX_EXTRAS_KEPT);
    assert_eq!(State::load(Some(&state.to_json())).state, state);
    // Another account does not see A's.
    state.observe_for(&detection(&[]), Some(&key('b')), 20);
    assert!(state.extras.is_empty());
    state.observe_for(&detection(&[]), Some(&key('a')), 30);
    assert_eq!(state.extras.len(), MAX_EXTRAS_KEPT);
}

fn env() -> crate::status::Env {
    crate::status::Env {
        ui_lang: "en".into(),
        time_zone: "UTC".into(),
        utc_offset_min: 0,
    }
}

fn view(state: &State, now: Millis) -> crate::status::StatusView {
    crate::status::status(state, crate::catalog::catalog(), &env(), now, Vec::new())
}

fn sign_in_page(state: &mut State, now: Millis) {
    let event = crate::events::Event::from_json(r#"{"type":"signInPage"}"#).unwrap();
    crate::events::apply(state, &event, crate::catalog::catalog(), now, &env()).unwrap();
}

fn row_state(state: &State, now: Millis, id: &str) -> crate::status::RowState {
    view(state, now)
        .rows
        .into_iter()
        .find(|r| r.id == id)
        .unwrap()
        .state
}

const AI: &str = "gen-ai-improvement";
const ON: (&str, SeenState, Reason) = ("gen-ai-improvement", SeenState::On, Reason::Key);
const HOUR: Millis = 60 * 60 * 1000;

#[test]
fn a_sign_in_page_makes_the_account_uncertain_until_a_page_shows_one() {
    let mut state = State::default();
    assert!(state.account_uncertain(), "no account seen yet");
    assert!(
        !view(&state, 0).account_uncertain,
        "nothing to attribute yet: no line"
    );
    state.sign_in(&key('a'), 1);
    assert!(
        !state.account_uncertain(),
        "known, and no sign-in page since"
    );
    assert!(view(&state, 1).account_known);
    sign_in_page(&mut state, 2);
    assert!(state.account_uncertain());
    let v = view(&state, 2);
    assert!(v.account_uncertain && !v.account_known);
    // Stored and read back, it stays uncertain; an unreadable flag counts as uncertain.
    assert!(State::load(Some(&state.to_json())).state.account_check);
    let damaged = state
        .to_json()
        .replace(r#""accountCheck":true"#, r#""accountCheck":"yes""#);
    assert!(State::load(Some(&damaged)).state.account_check);
    // The same account shown again answers it, as a different one does.
    state.sign_in(&key('a'), 3);
    assert!(!state.account_uncertain());
    assert!(!state.to_json().contains("accountCheck"));
    // An invalid key answers nothing.
    sign_in_page(&mut state, 4);
    state.sign_in("not-a-key", 5);
    assert!(state.account_uncertain());
}

#[test]
fn a_page_without_the_account_counts_for_the_last_one_only_if_nothing_could_have_changed_it() {
    let mut state = State::default();
    state.observe_for(&detection(&[ON]), Some(&key('a')), 1_000);
    // No sign-in page since: a settings page that does not show the account is A's.
    state.observe_for(&detection(&[OFF]), None, 2_000);
    assert_eq!(state.settings[AI].state, SeenState::Off);
    assert!(state.held.is_none());
    // A signs out, B signs in; B's first page is a settings page that does not show who is signed in.
    sign_in_page(&mut state, 3_000);
    state.observe_for(&detection(&[ON]), None, 4_000);
    assert_eq!(
        state.settings[AI].state,
        SeenState::Off,
        "A's reading is untouched"
    );
    assert_eq!(
        state.held.as_ref().unwrap().settings[AI].state,
        SeenState::On
    );
    // The status shows what was seen since (held), never A's off.
    assert_eq!(row_state(&state, 4_000, AI), crate::status::RowState::On);
    // B's account is shown (a settings page, the day's card): the held reading is B's.
    state.observe_for(&detection(&[]), Some(&key('b')), 5_000);
    assert!(state.held.is_none());
    assert_eq!(state.settings[AI].state, SeenState::On);
    assert_eq!(state.settings[AI].seen_at, 4_000);
    assert_eq!(
        state.others[&key('a')].settings[AI].state,
        SeenState::Off,
        "a stored off is never moved from one account to another"
    );
    // And A again: A's off comes back, B's on stays B's.
    state.observe_for(&detection(&[]), Some(&key('a')), 6_000);
    assert_eq!(state.settings[AI].state, SeenState::Off);
    assert_eq!(state.others[&key('b')].settings[AI].state, SeenState::On);
}

#[test]
fn held_readings_go_to_the_next_account_shown_even_the_one_before() {
    // A signs out and signs in again: the held reading is A's after all.
    let mut state = State::default();
    state.observe_for(&detection(&[ON]), Some(&key('a')), 1_000);
    sign_in_page(&mut state, 2_000);
    state.observe_for(&detection(&[OFF]), None, 3_000);
    assert_eq!(state.settings[AI].state, SeenState::On, "not A's yet");
    state.observe_for(&detection(&[]), Some(&key('a')), 4_000);
    let seen = &state.settings[AI];
    assert_eq!(
        (seen.state, seen.seen_at, seen.changed_at),
        (SeenState::Off, 3_000, 3_000)
    );
    assert!(state.others.is_empty());
}

#[test]
fn held_readings_are_dropped_when_stale_or_when_the_account_may_change_again() {
    let mut state = State::default();
    state.observe_for(&detection(&[ON]), Some(&key('a')), 0);
    sign_in_page(&mut state, HOUR);
    state.observe_for(&detection(&[OFF]), None, 2 * HOUR);
    // Still held a day later, minus a moment ...
    let mut fresh = state.clone();
    fresh.expire_held(2 * HOUR + HELD_MAX_AGE);
    assert!(fresh.held.is_some());
    // ... gone after that: the next account shown does not get it.
    state.observe_for(
        &detection(&[]),
        Some(&key('b')),
        2 * HOUR + HELD_MAX_AGE + 1,
    );
    assert!(state.settings.is_empty(), "{:?}", state.settings);
    assert_eq!(state.others[&key('a')].settings[AI].state, SeenState::On);

    // Held, then another sign-in or sign-out page: whoever it belonged to may be gone.
    let mut state = State::default();
    state.observe_for(&detection(&[ON]), Some(&key('a')), 0);
    sign_in_page(&mut state, 1);
    state.observe_for(&detection(&[OFF]), None, 2);
    sign_in_page(&mut state, 3);
    assert!(state.held.is_none());
    assert_eq!(
        row_state(&state, 4, AI),
        crate::status::RowState::Unchecked,
        "neither A's on nor the dropped off"
    );
    state.observe_for(&detection(&[]), Some(&key('b')), 5);
    assert!(state.settings.is_empty());
}

#[test]
fn after_install_readings_wait_for_the_first_account_shown() {
    let mut state = State::default();
    state.observe_for(&detection(&[OFF]), None, 1_000);
    assert!(state.settings.is_empty());
    assert_eq!(
        state.held.as_ref().unwrap().settings[AI].state,
        SeenState::Off
    );
    // The popup shows it as seen, and says LinkedIn has not shown yet who is signed in.
    let v = view(&state, 1_000);
    assert!(!v.account_known && !v.account_uncertain);
    assert_eq!(row_state(&state, 1_000, AI), crate::status::RowState::Off);
    // Stored and read back.
    let again = State::load(Some(&state.to_json()));
    assert!(again.problems.is_empty());
    assert_eq!(again.state, state);
    state.observe_for(&detection(&[]), Some(&key('a')), 2_000);
    assert_eq!(state.settings[AI].state, SeenState::Off);
    assert!(state.held.is_none() && view(&state, 2_000).account_known);
    // Installed, a sign-in page, a reading, a sign-out page: nobody's.
    let mut state = State::default();
    sign_in_page(&mut state, 1);
    state.observe_for(&detection(&[OFF]), None, 2);
    sign_in_page(&mut state, 3);
    state.observe_for(&detection(&[]), Some(&key('a')), 4);
    assert!(state.settings.is_empty());
}

#[test]
fn signals_that_disagree_or_a_name_alone_never_give_readings_to_another_account() {
    let name = |c: char| key(c);
    let keys: Vec<String> = "ab123".chars().map(key).collect();
    let k = |c: Option<char>| c.map_or("", |c| keys["ab123".find(c).unwrap()].as_str());
    let shows = |account: Option<char>, n: Option<char>, conflict: bool| Identity {
        account: k(account),
        name: k(n),
        conflict,
    };
    let mut state = State::default();
    // A's handle with A's name: the name is remembered (as its salted key) for A.
    state.observe_as(&detection(&[OFF]), &shows(Some('a'), Some('1'), false), 1);
    assert_eq!(state.name_of(&key('a')), Some(name('1').as_str()));
    // A page whose signals disagree: who it is cannot be told; held, not A's.
    state.observe_as(&detection(&[ON]), &shows(Some('a'), None, true), 2);
    assert!(state.account_uncertain());
    assert_eq!(state.settings[AI].state, SeenState::Off);
    // A's name alone corroborates A: the held reading is A's.
    state.observe_as(&detection(&[]), &shows(None, Some('1'), false), 3);
    assert!(!state.account_uncertain());
    assert_eq!(state.settings[AI].state, SeenState::On);
    // Another name alone contradicts A: held.
    state.observe_as(&detection(&[OFF]), &shows(None, Some('2'), false), 4);
    assert!(state.account_uncertain());
    assert_eq!(state.settings[AI].state, SeenState::On);
    // B's handle: the held off is B's, with B's name.
    state.observe_as(&detection(&[]), &shows(Some('b'), Some('2'), false), 5);
    assert_eq!(state.settings[AI].state, SeenState::Off);
    assert_eq!(state.others[&key('a')].settings[AI].state, SeenState::On);
    assert_eq!(state.name_of(&key('a')), Some(name('1').as_str()));
    assert_eq!(state.name_of(&key('b')), Some(name('2').as_str()));
    // A's name alone while B is signed in does not switch to A: it only contradicts B.
    state.observe_as(&detection(&[ON]), &shows(None, Some('1'), false), 6);
    assert_eq!(state.account.as_deref(), Some(key('b').as_str()));
    assert!(state.account_uncertain());
    assert_eq!(state.settings[AI].state, SeenState::Off);
    // A name alone when no name is known for anyone says nothing.
    let mut fresh = State::default();
    fresh.sign_in(&key('c'), 1);
    assert_eq!(
        fresh.resolve(&shows(None, Some('3'), false)),
        Shown::Nothing
    );
    // Two accounts with one name: a name alone cannot tell them apart.
    let mut twins = State::default();
    twins.observe_as(&detection(&[]), &shows(Some('a'), Some('1'), false), 1);
    twins.observe_as(&detection(&[]), &shows(Some('b'), Some('1'), false), 2);
    assert_eq!(
        twins.resolve(&shows(None, Some('1'), false)),
        Shown::Unknown
    );
    // Names and held readings survive a round trip; a damaged held bucket is dropped and reported.
    assert_eq!(state.names.len(), 2);
    let again = State::load(Some(&state.to_json()));
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.state, state);
    let damaged = state
        .to_json()
        .replace(r#""seenAt":6}"#, r#""seenAt":"x"}"#);
    assert_ne!(damaged, state.to_json());
    let loaded = State::load(Some(&damaged));
    assert_eq!(loaded.state.held, None);
    assert_eq!(loaded.problems, vec![PROBLEM_PARTIAL.to_string()]);
}

#[test]
fn while_the_account_is_uncertain_the_status_never_shows_the_last_accounts_readings() {
    let mut state = State::default();
    let all_off: Vec<(&str, SeenState, Reason)> = crate::catalog::catalog()
        .settings
        .iter()
        .map(|s| (s.id.as_str(), SeenState::Off, Reason::Key))
        .collect();
    state.observe_for(&detection(&all_off), Some(&key('a')), 1);
    assert_eq!(view(&state, 1).badge.text, "✓");
    sign_in_page(&mut state, 2);
    let v = view(&state, 2);
    assert_ne!(
        v.badge.text, "✓",
        "A's all-done is not shown to whoever signs in"
    );
    assert!(v
        .rows
        .iter()
        .all(|r| r.state == crate::status::RowState::Unchecked));
    // The advice on a setting's page does not take A's readings for the current account's either.
    let next = view(&state, 2).next.map(|n| n.id);
    assert!(next.is_some());
}
