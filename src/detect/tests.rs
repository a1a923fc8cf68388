use super::*;
use crate::catalog::catalog;
use serde_json::Value;
use std::collections::BTreeMap;

/// Shared with the WASM tests in tests/js: the same cases must give the same answers through the API.
const CASES: &str = include_str!("../../tests/cases/detection.json");

fn run(snapshot: &Value) -> Detection {
    let (snapshot, problems) = Snapshot::from_json_text(&snapshot.to_string());
    Detector::new(catalog()).detect(&snapshot, problems)
}

fn name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Setting => "setting",
        PageKind::Hub => "hub",
        PageKind::Linkedin => "linkedin",
        PageKind::Login => "login",
        PageKind::NotLinkedin => "notLinkedin",
    }
}

/// The finding for `setting`, which a case's expectations name.
fn finding_of<'a>(detection: &'a Detection, setting: &str) -> &'a Finding {
    detection
        .findings
        .iter()
        .find(|f| f.setting == setting)
        .unwrap_or_else(|| panic!("no finding for {setting}"))
}

#[test]
fn shared_detection_cases() {
    let cases: Vec<Value> = serde_json::from_str(CASES).unwrap();
    assert!(cases.len() >= 25);
    for case in &cases {
        let label = case["name"].as_str().unwrap();
        let expect = &case["expect"];
        let detection = run(&case["snapshot"]);
        assert_eq!(
            name(detection.page.kind),
            expect["page"],
            "{label}: page kind"
        );
        assert_eq!(
            detection.page.setting.as_deref(),
            expect["setting"].as_str(),
            "{label}: setting"
        );
        let states: BTreeMap<String, String> = detection
            .findings
            .iter()
            .map(|f| (f.setting.clone(), f.state.as_str().to_string()))
            .collect();
        let expected: BTreeMap<String, String> =
            serde_json::from_value(expect["states"].clone()).unwrap();
        assert_eq!(states, expected, "{label}: states");
        if let Some(reasons) = expect.get("reasons").and_then(Value::as_object) {
            for (setting, reason) in reasons {
                assert_eq!(
                    finding_of(&detection, setting).reason.as_str(),
                    *reason,
                    "{label}: reason for {setting}"
                );
            }
        }
        if let Some(controls) = expect.get("controls").and_then(Value::as_object) {
            for (setting, index) in controls {
                assert_eq!(
                    finding_of(&detection, setting).control.map(|c| c as u64),
                    index.as_u64(),
                    "{label}: control of {setting}"
                );
            }
        }
        if let Some(lang) = expect.get("lang") {
            assert_eq!(detection.lang.as_deref(), lang.as_str(), "{label}: lang");
        }
    }
}

#[test]
fn never_reports_off_without_a_readable_switch_saying_so() {
    let cases: Vec<Value> = serde_json::from_str(CASES).unwrap();
    for case in &cases {
        let detection = run(&case["snapshot"]);
        for finding in detection
            .findings
            .iter()
            .filter(|f| f.state == SeenState::Off)
        {
            let control = finding.control.expect("an off finding names its control");
            let controls = case["snapshot"]["controls"].as_array().unwrap();
            assert_eq!(
                controls[control]["checked"],
                Value::Bool(false),
                "{}",
                case["name"]
            );
        }
    }
}

#[test]
fn every_catalog_setting_is_found_by_url_key_and_label_in_every_language() {
    let catalog = catalog();
    let detector = Detector::new(catalog);
    for setting in catalog
        .settings
        .iter()
        .filter(|s| s.kind == SettingKind::Toggle)
    {
        for lang in &catalog.languages {
            for checked in [true, false] {
                let snapshot = Snapshot {
                    v: 1,
                    url: setting.url.clone(),
                    lang: lang.clone(),
                    controls: vec![crate::snapshot::Control {
                        kind: ControlKind::Switch,
                        name: setting.label[lang].clone(),
                        checked: Some(checked),
                        visible: true,
                        settled: true,
                        ..Default::default()
                    }],
                    ..Default::default()
                };
                let detection = detector.detect(&snapshot, Vec::new());
                assert_eq!(detection.page.setting.as_deref(), Some(setting.id.as_str()));
                let finding = detection
                    .findings
                    .iter()
                    .find(|f| f.setting == setting.id)
                    .unwrap();
                let want = if checked {
                    SeenState::On
                } else {
                    SeenState::Off
                };
                assert_eq!(finding.state, want, "{} {lang}", setting.id);
                // The label alone, on a hub page, names the same setting.
                let on_hub = Snapshot {
                    url: "https://www.linkedin.com/mypreferences/d/categories/ads".into(),
                    ..snapshot
                };
                let detection = detector.detect(&on_hub, Vec::new());
                assert!(
                    detection
                        .findings
                        .iter()
                        .any(|f| f.setting == setting.id && f.state == want),
                    "label of {} in {lang} not recognised: {:?}",
                    setting.id,
                    detection.findings
                );
            }
        }
    }
}

#[test]
fn ten_thousand_controls_are_bounded_and_safe() {
    let controls: Vec<Value> = (0..10_000)
        .map(|i| serde_json::json!({"kind": "switch", "name": format!("Option {i}"), "checked": i % 2 == 0, "visible": true, "settled": true}))
        .collect();
    let snapshot = serde_json::json!({
        "v": 1, "url": "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement", "controls": controls
    });
    let detection = run(&snapshot);
    let finding = detection
        .findings
        .iter()
        .find(|f| f.setting == "gen-ai-improvement")
        .unwrap();
    assert_eq!(finding.state, SeenState::Unknown);
    assert!(detection
        .problems
        .iter()
        .any(|p| p.contains("more controls")));
}

#[test]
fn odd_unicode_and_megabyte_labels_do_not_panic() {
    let huge = "Use my data for training content creation AI models ".repeat(20_000);
    for name in [huge.as_str(), "\u{202E}\u{200B}", "👩🏽‍💻🇩🇪", "\u{0}\u{1}", "ǅ"] {
        let snapshot = serde_json::json!({
            "v": 1, "url": "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
            "title": name, "heading": name, "lang": name,
            "controls": [{"kind": "switch", "name": name, "context": name, "keys": [name], "checked": false, "visible": true, "settled": true}]
        });
        let detection = run(&snapshot);
        assert_eq!(detection.page.kind, PageKind::Setting);
    }
}

// ---------- the rule: only a shown, enabled, settled, identified switch says "off" ----------

const AI_URL: &str = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
const AI_LABEL: &str = "Use my data for training content creation AI models";

/// A switch that passes every part of the rule.
fn good(name: &str, keys: &[&str], checked: bool) -> Control {
    Control {
        kind: ControlKind::Checkbox,
        name: name.to_string(),
        keys: keys.iter().map(|k| k.to_string()).collect(),
        checked: Some(checked),
        visible: true,
        settled: true,
        main: true,
        ..Default::default()
    }
}

fn ai_page(controls: Vec<Control>) -> Snapshot {
    Snapshot {
        v: 1,
        url: AI_URL.to_string(),
        lang: "en".to_string(),
        controls,
        ..Default::default()
    }
}

fn ai_finding(snapshot: &Snapshot) -> Option<Finding> {
    Detector::new(catalog())
        .detect(snapshot, Vec::new())
        .findings
        .into_iter()
        .find(|f| f.setting == "gen-ai-improvement")
}

fn ai_state(snapshot: &Snapshot) -> (SeenState, Reason) {
    ai_finding(snapshot)
        .map(|f| (f.state, f.reason))
        .unwrap_or((SeenState::Unknown, Reason::NotFound))
}

#[test]
fn a_switch_that_passes_the_rule_is_read_by_key_label_or_as_the_only_switch() {
    let key = ai_page(vec![good("", &["allowDataForGenerativeAI"], false)]);
    assert_eq!(ai_state(&key), (SeenState::Off, Reason::Key));
    let label = ai_page(vec![good(AI_LABEL, &[], false)]);
    assert_eq!(ai_state(&label), (SeenState::Off, Reason::Label));
    // An unnamed lone switch is not the setting : only its key or its name identifies it.
    let only = ai_page(vec![good("", &[], false)]);
    assert_eq!(ai_state(&only), (SeenState::Unknown, Reason::Ambiguous));
    // Aria-pressed toggle buttons and switches inside open shadow roots are read like any switch.
    let mut button = good("", &["allowDataForGenerativeAI"], true);
    button.kind = ControlKind::Button;
    button.shadow = true;
    assert_eq!(
        ai_state(&ai_page(vec![button])),
        (SeenState::On, Reason::Key)
    );
}

#[test]
fn a_switch_failing_any_part_of_the_rule_is_never_off() {
    type Break = fn(&mut Control);
    let breaks: [(&str, Break, Reason); 7] = [
        ("not visible", |c| c.visible = false, Reason::Hidden),
        (
            "inside inert/aria-hidden",
            |c| c.inert = true,
            Reason::Hidden,
        ),
        ("disabled", |c| c.disabled = true, Reason::Disabled),
        ("busy", |c| c.busy = true, Reason::Busy),
        ("not settled", |c| c.settled = false, Reason::Unsettled),
        ("mixed", |c| c.checked = None, Reason::Indeterminate),
        (
            "contradicting label",
            |c| c.name = "Gender".into(),
            Reason::Conflict,
        ),
    ];
    for (what, break_it, reason) in breaks {
        for keys in [&["allowDataForGenerativeAI"][..], &[]] {
            let mut control = good(AI_LABEL, keys, false);
            if keys.is_empty() && reason == Reason::Conflict {
                continue; // without a key, a label naming another setting is that setting's switch
            }
            break_it(&mut control);
            let (state, got) = ai_state(&ai_page(vec![control]));
            assert_eq!(state, SeenState::Unknown, "{what} (keys {keys:?})");
            assert_eq!(got, reason, "{what} (keys {keys:?})");
        }
    }
}

#[test]
fn unsettled_and_not_found_are_not_observations_but_hidden_disabled_and_busy_are() {
    assert!(!Reason::Unsettled.is_observation());
    assert!(!Reason::NotFound.is_observation());
    for r in [
        Reason::Hidden,
        Reason::Disabled,
        Reason::Busy,
        Reason::Conflict,
    ] {
        assert!(r.is_observation(), "{r:?}");
    }
}

#[test]
fn labels_must_be_exact_not_negated_or_qualified() {
    for name in [
        "Don't use my data for training content creation AI models",
        "Do not use my data for training content creation AI models",
        "Use my data for training content creation AI models of Microsoft affiliates",
        "Meine Daten nicht zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen",
    ] {
        // On a category page nothing else could identify it: no finding at all.
        let mut hub = ai_page(vec![good(name, &[], false)]);
        hub.url = "https://www.linkedin.com/mypreferences/d/categories/privacy".into();
        assert_eq!(ai_finding(&hub), None, "{name}");
        // On the setting's own page, the lone switch's label says it is something else.
        assert_ne!(
            ai_state(&ai_page(vec![good(name, &[], false)])).0,
            SeenState::Off,
            "{name}"
        );
    }
}

#[test]
fn the_only_switch_rule_never_names_a_switch_and_counts_only_shown_enabled_switches_in_main() {
    // A hidden lone checkbox is not the setting.
    let mut hidden = good("", &[], false);
    hidden.visible = false;
    assert_eq!(
        ai_state(&ai_page(vec![hidden.clone()])).0,
        SeenState::Unknown
    );
    // Neither is the one shown unnamed switch beside it, nor one that only says its state.
    let page = ai_page(vec![hidden, good("", &[], false)]);
    assert_eq!(ai_state(&page), (SeenState::Unknown, Reason::Ambiguous));
    let page = ai_page(vec![good("Aus", &[], false)]);
    assert_eq!(ai_state(&page), (SeenState::Unknown, Reason::Ambiguous));
    // Two shown switches: which one is it?
    let page = ai_page(vec![good("", &[], false), good("", &[], true)]);
    assert_eq!(ai_state(&page), (SeenState::Unknown, Reason::Ambiguous));
    // An unrelated switch under the AI heading, alone on the page.
    let mut email = good("E-mail me about new AI features", &[], false);
    email.context = "Data for Generative AI Improvement".into();
    assert_eq!(
        ai_state(&ai_page(vec![email])),
        (SeenState::Unknown, Reason::Ambiguous)
    );
    // A switch in LinkedIn's navigation (outside main) does not compete with the named one in main.
    let mut nav = good("Dark mode", &[], true);
    nav.main = false;
    let page = ai_page(vec![nav, good(AI_LABEL, &[], false)]);
    assert_eq!(ai_state(&page), (SeenState::Off, Reason::Label));
}

#[test]
fn the_only_switch_rule_confirms_a_switch_named_by_a_phrase_two_settings_share() {
    // A phrase two settings share names neither anywhere; on one of them's own page, as the page's only
    // switch, it is that setting's.
    let catalog = crate::catalog::Catalog::from_json(
        r#"{"schemaVersion":1,"catalogVersion":"t","languages":["en"],"categories":{},
        "settings":[
         {"id":"gender","kind":"toggle","category":"ads","importance":2,"url":"https://www.linkedin.com/mypreferences/d/settings/ads-by-gender",
          "default":"on","privacyValue":"off","regions":["eu"],"title":{"en":"Gender"},"label":{"en":"Gender"},
          "aliases":{"en":["Demographics"]},"why":{"en":"w"}},
         {"id":"age","kind":"toggle","category":"ads","importance":3,"url":"https://www.linkedin.com/mypreferences/d/settings/ads-by-age",
          "default":"on","privacyValue":"off","regions":["eu"],"title":{"en":"Age"},"label":{"en":"Age"},
          "aliases":{"en":["Demographics"]},"why":{"en":"w"}}
        ]}"#,
    )
    .unwrap();
    let detector = Detector::new(&catalog);
    let mut page = ai_page(vec![good("Demographics", &[], false)]);
    page.url = "https://www.linkedin.com/mypreferences/d/settings/ads-by-age".into();
    let d = detector.detect(&page, Vec::new());
    assert_eq!(d.findings.len(), 1, "{:?}", d.findings);
    assert_eq!(
        (
            d.findings[0].setting.as_str(),
            d.findings[0].state,
            d.findings[0].reason
        ),
        ("age", SeenState::Off, Reason::OnlySwitch)
    );
    page.url = "https://www.linkedin.com/mypreferences/d/settings/other".into();
    assert!(detector.detect(&page, Vec::new()).findings.is_empty());
}

#[test]
fn a_label_near_the_settings_name_never_identifies_it() {
    // Issue 24, part 2: opt-out, negated, notification and reworded labels, on the setting's own page as its
    // only switch, and on a category page.
    for name in [
        "Stop using my data for training content creation AI models",
        "Opt out of generative AI training",
        "Exclude my data from training content creation AI models",
        "Prevent LinkedIn from using my data for training content creation AI models",
        "Email me when my data is used for AI",
        "Use my data to train content creation AI models",
        "Use my data for training content creation AI models (recommended)",
    ] {
        for checked in [false, true] {
            let (state, reason) = ai_state(&ai_page(vec![good(name, &[], checked)]));
            assert_eq!(
                (state, reason),
                (SeenState::Unknown, Reason::Ambiguous),
                "{name}"
            );
            let mut hub = ai_page(vec![good(name, &[], checked)]);
            hub.url = "https://www.linkedin.com/mypreferences/d/categories/privacy".into();
            assert_eq!(ai_finding(&hub), None, "{name}");
        }
    }
}

#[test]
fn a_lone_switch_with_a_reworded_label_is_not_its_pages_setting() {
    // Issue 24: a rewording is not the setting's name (a real new wording becomes a catalog alias).
    for (id, label) in [
        (
            "ads-profile-location",
            "Use my profile location to show me ads",
        ),
        (
            "ads-beyond-linkedin",
            "Show me ads beyond LinkedIn based on my LinkedIn data",
        ),
        (
            "ads-age",
            "Meine Altersgruppe verwenden, um mir Anzeigen zu zeigen",
        ),
    ] {
        let setting = catalog().setting(id).unwrap();
        let mut page = ai_page(vec![good(label, &[], false)]);
        page.url = setting.url.clone();
        let finding = Detector::new(catalog())
            .detect(&page, Vec::new())
            .findings
            .into_iter()
            .find(|f| f.setting == setting.id)
            .unwrap();
        assert_eq!(
            (finding.state, finding.reason),
            (SeenState::Unknown, Reason::Ambiguous),
            "{label}"
        );
    }
}

#[test]
fn a_pending_edit_makes_every_reading_of_its_switch_unknown() {
    // Issue 24, part 1: unsaved changes (Save / Cancel enabled), a save in flight, a confirm dialog open:
    // the content script says `pending`; whatever the switch shows, it is not what LinkedIn holds.
    for checked in [false, true] {
        for keys in [&["allowDataForGenerativeAI"][..], &[]] {
            let mut c = good(AI_LABEL, keys, checked);
            c.pending = true;
            assert_eq!(
                ai_state(&ai_page(vec![c.clone()])),
                (SeenState::Unknown, Reason::Pending),
                "{keys:?} {checked}"
            );
            // Once saved (nothing pending any more), the same switch is read.
            c.pending = false;
            let want = if checked {
                SeenState::On
            } else {
                SeenState::Off
            };
            assert_eq!(ai_state(&ai_page(vec![c])).0, want);
        }
    }
    // Stored (the popup says why), unlike an unsettled reading, which is read again.
    assert!(Reason::Pending.is_observation());
    // An unsettled switch is read again first: it may settle into a saved state.
    let mut c = good(AI_LABEL, &[], false);
    c.pending = true;
    c.settled = false;
    assert_eq!(ai_state(&ai_page(vec![c])).1, Reason::Unsettled);
}

#[test]
fn an_ai_or_ad_worded_switch_on_an_unknown_settings_page_is_an_extra() {
    // Issue 24, part 4: a page LinkedIn adds (its own URL, not one the catalog knows).
    let mut page = ai_page(vec![
        good("Use my data to personalise AI agents", &[], true),
        good("Dark mode", &[], true),
    ]);
    page.url = "https://www.linkedin.com/mypreferences/d/settings/ai-agents-personalization".into();
    let d = Detector::new(catalog()).detect(&page, Vec::new());
    assert_eq!(d.page.kind, PageKind::Hub);
    assert!(d.findings.is_empty(), "{:?}", d.findings);
    assert_eq!(d.extras.len(), 1, "{:?}", d.extras);
    assert_eq!(d.extras[0].label, "Use my data to personalise AI agents");
    assert_eq!(d.extras[0].state, SeenState::On);
    assert_eq!(
        d.extras[0].url,
        "https://www.linkedin.com/mypreferences/d/settings/ai-agents-personalization"
    );
    // German, off.
    let mut de = ai_page(vec![good(
        "Werbepartner dürfen meine Daten nutzen",
        &[],
        false,
    )]);
    de.url = "https://www.linkedin.com/mypreferences/d/settings/werbepartner".into();
    de.lang = "de".into();
    let d = Detector::new(catalog()).detect(&de, Vec::new());
    assert_eq!(d.extras.len(), 1, "{:?}", d.extras);
    assert_eq!(d.extras[0].state, SeenState::Off);
    // Not a category page of other topics.
    page.url = "https://www.linkedin.com/mypreferences/d/categories/notifications".into();
    assert!(Detector::new(catalog())
        .detect(&page, Vec::new())
        .extras
        .is_empty());
}

#[test]
fn a_settled_page_without_its_switch_says_it_is_missing_and_is_never_off() {
    let mut page = ai_page(vec![]);
    assert_eq!(ai_state(&page), (SeenState::Unknown, Reason::NotFound));
    page.page_settled = true;
    assert_eq!(ai_state(&page), (SeenState::Unknown, Reason::Missing));
    assert!(Reason::Missing.is_observation());
}

#[test]
fn a_sign_in_form_on_a_settings_address_records_nothing() {
    let mut page = ai_page(vec![good("Remember me", &[], false)]);
    page.login_form = true;
    let detection = Detector::new(catalog()).detect(&page, Vec::new());
    assert_eq!(detection.page.kind, PageKind::Login);
    assert!(detection.findings.is_empty());
}

#[test]
fn a_hidden_stale_view_of_another_setting_says_nothing_about_it() {
    let mut stale = good("", &["allowAdsByAge"], false);
    stale.inert = true;
    let page = ai_page(vec![stale, good("", &["allowDataForGenerativeAI"], true)]);
    let detection = Detector::new(catalog()).detect(&page, Vec::new());
    assert_eq!(detection.findings.len(), 1, "{:?}", detection.findings);
    assert_eq!(detection.findings[0].state, SeenState::On);
}

#[test]
fn dutch_wordings_of_the_ai_setting_are_recognised() {
    let nl = catalog().setting("gen-ai-improvement").unwrap().label["nl"].clone();
    for name in [
        nl.as_str(),
        "Mijn gegevens gebruiken voor het trainen van AI-modellen voor het maken van content",
        "Gegevens voor verbetering van generatieve AI",
    ] {
        let mut page = ai_page(vec![good(name, &[], false)]);
        page.url = "https://www.linkedin.com/mypreferences/d/categories/privacy".into();
        page.lang = "nl-NL".into();
        let finding = ai_finding(&page).expect("Dutch label identifies the AI setting");
        assert_eq!(
            (finding.state, finding.reason),
            (SeenState::Off, Reason::Label),
            "{name}"
        );
    }
}

mod property {
    use super::*;
    use proptest::prelude::*;

    fn arb_control() -> impl Strategy<Value = Control> {
        let names = prop::sample::select(vec![
            "",
            AI_LABEL,
            "Don't use my data for training content creation AI models",
            "Use my data for training content creation AI models of Microsoft affiliates",
            "Data for Generative AI Improvement",
            "Gender",
            "E-mail notifications",
            "Aus",
            "Stop using my data for training content creation AI models",
        ]);
        let keys = prop::sample::select(vec![
            vec![],
            vec!["allowDataForGenerativeAI".to_string()],
            vec!["allowAdsByGender".to_string()],
            vec!["somethingElse".to_string()],
        ]);
        let kinds = prop::sample::select(vec![
            ControlKind::Checkbox,
            ControlKind::Switch,
            ControlKind::Button,
            ControlKind::Other,
        ]);
        (
            kinds,
            names,
            keys,
            prop::option::of(any::<bool>()),
            any::<[bool; 7]>(),
        )
            .prop_map(
                |(
                    kind,
                    name,
                    keys,
                    checked,
                    [visible, settled, disabled, busy, inert, main, pending],
                )| {
                    Control {
                        kind,
                        name: name.to_string(),
                        keys,
                        checked,
                        visible,
                        settled,
                        disabled,
                        busy,
                        inert,
                        main,
                        pending,
                        ..Default::default()
                    }
                },
            )
    }

    fn passes_rule(c: &Control) -> bool {
        c.visible
            && c.settled
            && !c.disabled
            && !c.busy
            && !c.pending
            && !c.inert
            && c.checked.is_some()
            && (!c.keys.is_empty() || !c.name.is_empty())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Whatever the page holds, an "off" (and an "on") comes from a control that passes the rule and
        /// says that state, and every control claimed for the setting agrees.
        #[test]
        fn never_off_from_a_control_failing_the_rule(
            controls in prop::collection::vec(arb_control(), 0..6),
            hub in any::<bool>(),
            truncated in any::<bool>(),
            login in any::<bool>(),
        ) {
            let mut page = ai_page(controls);
            if hub {
                page.url = "https://www.linkedin.com/mypreferences/d/categories/privacy".into();
            }
            page.truncated = truncated;
            page.login_form = login;
            let detection = Detector::new(catalog()).detect(&page, Vec::new());
            for f in &detection.findings {
                if f.state == SeenState::Unknown {
                    continue;
                }
                prop_assert!(f.reason.is_identity());
                let c = &page.controls[f.control.expect("a state names its control")];
                prop_assert!(passes_rule(c), "{:?} from {:?}", f, c);
                prop_assert_eq!(c.checked, Some(f.state == SeenState::On));
                prop_assert!(!login);
                if f.state == SeenState::Off {
                    prop_assert!(!truncated);
                }
            }
        }
    }
}

#[test]
fn a_switch_the_catalog_does_not_know_is_reported_as_an_extra_never_as_a_setting() {
    let hub = |controls| Snapshot {
        url: "https://www.linkedin.com/mypreferences/d/categories/privacy?x=1".into(),
        ..ai_page(controls)
    };
    let page = hub(vec![
        good("Use my data to personalise AI agents", &[], true),
        good("", &["allowDataForGenerativeAI"], false),
        good("On", &[], true),
        {
            let mut hidden = good("Hidden experiment", &[], true);
            hidden.visible = false;
            hidden
        },
        {
            let mut fresh = good("Still loading", &[], true);
            fresh.settled = false;
            fresh
        },
    ]);
    let d = Detector::new(catalog()).detect(&page, Vec::new());
    assert_eq!(d.extras.len(), 1, "{:?}", d.extras);
    assert_eq!(d.extras[0].label, "Use my data to personalise AI agents");
    assert_eq!(d.extras[0].state, SeenState::On);
    assert_eq!(
        d.extras[0].url,
        "https://www.linkedin.com/mypreferences/d/categories/privacy"
    );
    assert_eq!(d.findings.len(), 1, "the known switch is still a finding");
    // Not on pages about other things (a notifications category), and never from a page not read whole.
    let mut other = page.clone();
    other.url = "https://www.linkedin.com/mypreferences/d/categories/notifications".into();
    assert!(Detector::new(catalog())
        .detect(&other, Vec::new())
        .extras
        .is_empty());
    let mut cut = page.clone();
    cut.truncated = true;
    assert!(Detector::new(catalog())
        .detect(&cut, Vec::new())
        .extras
        .is_empty());
}
