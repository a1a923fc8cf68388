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

#[test]
fn a_sign_in_page_makes_ordinary_pages_say_who_is_signed_in_until_one_does() {
    let env = crate::status::Env {
        ui_lang: "en".into(),
        time_zone: "UTC".into(),
        utc_offset_min: 0,
    };
    let who_due = |s: &State| {
        crate::status::status(s, crate::catalog::catalog(), &env, 0, Vec::new()).who_due
    };
    let mut state = State::default();
    assert!(who_due(&state), "no account seen yet");
    state.sign_in(&key('a'), 1);
    assert!(!who_due(&state), "known, and no sign-in page since");
    let event = crate::events::Event::from_json(r#"{"type":"signInPage"}"#).unwrap();
    crate::events::apply(&mut state, &event, crate::catalog::catalog(), 2, &env).unwrap();
    assert!(who_due(&state));
    // Stored and read back, the check stays due; an unreadable flag counts as due.
    assert!(State::load(Some(&state.to_json())).state.account_check);
    let damaged = state
        .to_json()
        .replace(r#""accountCheck":true"#, r#""accountCheck":"yes""#);
    assert!(State::load(Some(&damaged)).state.account_check);
    // The same account signing in again answers it, as a different one does.
    state.sign_in(&key('a'), 3);
    assert!(!who_due(&state));
    assert!(!state.to_json().contains("accountCheck"));
    // An invalid key answers nothing.
    crate::events::apply(&mut state, &event, crate::catalog::catalog(), 4, &env).unwrap();
    state.sign_in("not-a-key", 5);
    assert!(who_due(&state));
}
