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
        problems: Vec::new(),
    }
}

#[test]
fn first_run_is_empty_without_problems() {
    for raw in [None, Some(""), Some("   ")] {
        let loaded = State::load(raw);
        assert_eq!(loaded.state, State::default());
        assert!(loaded.problems.is_empty());
        assert!(loaded.backup.is_none());
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
    assert!(loaded.backup.unwrap().starts_with("{\"schema\":1"));
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
        assert_eq!(loaded.backup.as_deref(), Some(raw));
    }
    let loaded = State::load(Some("{\"schema\":7,\"settings\":{}}"));
    assert_eq!(loaded.problems, [PROBLEM_NEWER]);
    assert!(loaded.backup.is_some());
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
    assert!(loaded.backup.is_some());
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
        assert_eq!(
            loaded.backup.as_deref(),
            Some(raw.as_str()),
            "{field}: {bad}: the stored text is kept as a backup"
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
    assert!(loaded.backup.is_none());
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
