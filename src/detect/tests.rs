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
                let finding = detection
                    .findings
                    .iter()
                    .find(|f| &f.setting == setting)
                    .unwrap();
                assert_eq!(
                    finding.reason.as_str(),
                    *reason,
                    "{label}: reason for {setting}"
                );
            }
        }
        if let Some(controls) = expect.get("controls").and_then(Value::as_object) {
            for (setting, index) in controls {
                let finding = detection
                    .findings
                    .iter()
                    .find(|f| &f.setting == setting)
                    .unwrap();
                assert_eq!(
                    finding.control.map(|c| c as u64),
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
        .map(|i| serde_json::json!({"kind": "switch", "name": format!("Option {i}"), "checked": i % 2 == 0}))
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
            "controls": [{"kind": "switch", "name": name, "context": name, "keys": [name], "checked": false}]
        });
        let detection = run(&snapshot);
        assert_eq!(detection.page.kind, PageKind::Setting);
    }
}
