use super::*;
use crate::catalog::catalog;
use crate::detect::{Detection, Finding, Page, PageKind, Reason, SeenState};
use crate::status::{status, BadgeKind, Env, RowStatus};

const NOW: Millis = FIRST_RELEASE + 30 * DAY_MS;
const AI: &str = "gen-ai-improvement";

fn ids() -> Vec<String> {
    catalog().settings.iter().map(|s| s.id.clone()).collect()
}

/// A schema-1 state with every catalog setting seen `state` at `seen_at`, plus extra top-level fields.
fn file(state: &str, seen_at: Millis, extra: &str) -> String {
    let settings: Vec<String> = ids()
        .iter()
        .map(|id| {
            format!(r#""{id}":{{"state":"{state}","seenAt":{seen_at},"changedAt":{seen_at}}}"#)
        })
        .collect();
    format!(
        r#"{{"schema":1,"region":"eu","setupDone":true,"settings":{{{}}}{extra}}}"#,
        settings.join(",")
    )
}

fn env() -> Env {
    Env {
        ui_lang: "en".into(),
        time_zone: "Europe/Berlin".into(),
        utc_offset_min: 60,
    }
}

#[test]
fn the_hostile_file_from_the_review_is_refused_with_every_reason() {
    // Everything "off", seen in the year 2200, 1,000 unknown dismissed ids.
    let dismissed: Vec<String> = (0..1000).map(|i| format!("\"x-{i}\"")).collect();
    let text = file(
        "off",
        7_258_118_400_000,
        &format!(r#","dismissed":[{}]"#, dismissed.join(",")),
    );
    let refused = import(&text, catalog(), NOW).unwrap_err();
    assert_eq!(refused, [IMPORT_UNKNOWN_SETTINGS, IMPORT_BAD_DATES]);
}

#[test]
fn dates_this_extension_cannot_have_written_are_refused() {
    for (what, text) in [
        ("seen in the future", file("off", NOW + 2 * DAY_MS, "")),
        (
            "seen before the project existed",
            file("off", FIRST_RELEASE - 1, ""),
        ),
        ("seen at 0", file("off", 0, "")),
        (
            "a snooze beyond a month",
            file(
                "off",
                NOW,
                &format!(r#","snoozeUntil":{}"#, NOW + 40 * DAY_MS),
            ),
        ),
        (
            "a guide started tomorrow and a day",
            file(
                "off",
                NOW,
                &format!(
                    r#","guide":{{"active":true,"startedAt":{}}}"#,
                    NOW + 2 * DAY_MS
                ),
            ),
        ),
        (
            "changed after it was seen",
            format!(
                r#"{{"schema":1,"settings":{{"{AI}":{{"state":"off","seenAt":{NOW},"changedAt":{}}}}}}}"#,
                NOW + 1
            ),
        ),
    ] {
        assert_eq!(
            import(&text, catalog(), NOW).unwrap_err(),
            [IMPORT_BAD_DATES],
            "{what}"
        );
    }
    // A clock a few hours ahead is not an error; a snooze of a month from now is an ordinary one.
    let text = file(
        "off",
        NOW + 3_600_000,
        &format!(r#","snoozeUntil":{}"#, NOW + 30 * DAY_MS),
    );
    assert!(import(&text, catalog(), NOW).is_ok());
}

#[test]
fn unknown_ids_and_oversized_files_are_refused() {
    let text = format!(
        r#"{{"schema":1,"settings":{{"made-up":{{"state":"off","seenAt":{NOW},"changedAt":{NOW}}}}}}}"#
    );
    assert_eq!(
        import(&text, catalog(), NOW).unwrap_err(),
        [IMPORT_UNKNOWN_SETTINGS]
    );
    let text = r#"{"schema":1,"dismissed":["ads-age","no-such-setting"]}"#;
    assert_eq!(
        import(text, catalog(), NOW).unwrap_err(),
        [IMPORT_UNKNOWN_SETTINGS]
    );
    let huge = format!(r#"{{"schema":1,"pad":"{}"}}"#, "x".repeat(MAX_IMPORT_CHARS));
    assert_eq!(
        import(&huge, catalog(), NOW).unwrap_err(),
        [IMPORT_TOO_LARGE]
    );
    // What the state reader already refuses stays refused, with its own reason.
    assert_eq!(
        import("{\"schema\":7}", catalog(), NOW).unwrap_err(),
        ["stateNewer"]
    );
}

#[test]
fn an_accepted_file_restores_decisions_and_marks_readings_imported_and_due_for_a_recheck() {
    let text = file(
        "off",
        NOW - DAY_MS,
        r#","dismissed":["ads-age"],"recheckDays":30,"nudgeShownDay":20790,"nudgeClosedDay":20790"#,
    );
    let state = import(&text, catalog(), NOW).unwrap();
    assert!(state.setup_done);
    assert_eq!(state.recheck_days, 30);
    assert!(state.dismissed.contains("ads-age"));
    assert_eq!(
        (state.nudge_shown_day, state.nudge_closed_day),
        (None, None),
        "another browser's card days"
    );
    assert!(state
        .settings
        .values()
        .all(|s| s.imported_at == Some(NOW) && s.seen_at == NOW - DAY_MS));

    // Every setting "off" in the file, but the badge does not say "all done": each is due for a look.
    let view = status(&state, catalog(), &env(), NOW, Vec::new());
    assert_ne!(view.badge.kind, BadgeKind::Done);
    assert!(!view.all_done);
    let ai = view.rows.iter().find(|r| r.id == AI).unwrap();
    assert_eq!(ai.status, RowStatus::Recheck);
    assert_eq!(ai.imported_at, Some(NOW));
    assert!(view.to_json().contains(&format!("\"importedAt\":{NOW}")));

    // Stored and read back, the mark stays; exported and imported again, the first import date stays.
    let reloaded = State::load(Some(&state.to_json()));
    assert!(reloaded.problems.is_empty());
    assert_eq!(reloaded.state, state);
    let again = import(&state.to_json(), catalog(), NOW + DAY_MS).unwrap();
    assert_eq!(again.settings[AI].imported_at, Some(NOW));

    // Seen on LinkedIn again: an ordinary reading, "off" the extension can stand behind.
    let mut seen = state;
    let detection = Detection {
        page: Page {
            kind: PageKind::Setting,
            setting: Some(AI.to_string()),
            category: None,
        },
        lang: None,
        findings: vec![Finding {
            setting: AI.into(),
            state: SeenState::Off,
            control: Some(0),
            reason: Reason::Key,
        }],
        problems: Vec::new(),
        extras: Vec::new(),
    };
    seen.observe(&detection, NOW + 5);
    assert_eq!(seen.settings[AI].imported_at, None);
    let view = status(&seen, catalog(), &env(), NOW + 5, Vec::new());
    assert_eq!(
        view.rows.iter().find(|r| r.id == AI).unwrap().status,
        RowStatus::Off
    );
}

/// A schema-2 file: `file`'s readings for account `a…a`, plus `others` as given.
fn file_with_accounts(others: &str) -> String {
    let seen = NOW - DAY_MS;
    let one = |id: &str| format!(r#""{id}":{{"state":"off","seenAt":{seen},"changedAt":{seen}}}"#);
    format!(
        r#"{{"schema":2,"region":"eu","setupDone":true,"account":"{a}","settings":{{{ai}}},"others":{others}}}"#,
        a = "a".repeat(64),
        ai = one(AI),
    )
}

#[test]
fn other_accounts_in_a_file_are_checked_and_marked_like_the_signed_in_one() {
    let seen = NOW - DAY_MS;
    let bucket = |id: &str, at: Millis| {
        format!(
            r#"{{"seenAt":{at},"settings":{{"{id}":{{"state":"off","seenAt":{at},"changedAt":{at}}}}}}}"#
        )
    };
    let b = "b".repeat(64);
    let good = file_with_accounts(&format!(r#"{{"{b}":{}}}"#, bucket(AI, seen)));
    let state = import(&good, catalog(), NOW).unwrap();
    assert_eq!(state.account.as_deref(), Some("a".repeat(64).as_str()));
    assert_eq!(state.settings[AI].imported_at, Some(NOW));
    assert_eq!(
        state.others[&b].settings[AI].imported_at,
        Some(NOW),
        "another account's off from a file is as imported as the signed-in one's"
    );

    let unknown = file_with_accounts(&format!(r#"{{"{b}":{}}}"#, bucket("x-made-up", seen)));
    assert_eq!(
        import(&unknown, catalog(), NOW).unwrap_err(),
        [IMPORT_UNKNOWN_SETTINGS]
    );
    let future = file_with_accounts(&format!(r#"{{"{b}":{}}}"#, bucket(AI, NOW + 3 * DAY_MS)));
    assert_eq!(
        import(&future, catalog(), NOW).unwrap_err(),
        [IMPORT_BAD_DATES]
    );
    let many: Vec<String> = "bcdef0123"
        .chars()
        .map(|c| format!(r#""{}":{}"#, c.to_string().repeat(64), bucket(AI, seen)))
        .collect();
    let crowded = file_with_accounts(&format!("{{{}}}", many.join(",")));
    assert!(import(&crowded, catalog(), NOW)
        .unwrap_err()
        .contains(&IMPORT_TOO_LARGE.to_string()));
}
