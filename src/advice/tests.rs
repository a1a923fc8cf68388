use super::*;
use crate::catalog::{catalog, SettingKind};
use crate::detect::Detector;
use crate::events::Event;
use crate::region::Region;
use crate::snapshot::Snapshot;
use crate::status::status;

const T0: Millis = 1_764_000_000_000;

fn env() -> Env {
    Env {
        ui_lang: "en-US".into(),
        time_zone: "Europe/Berlin".into(),
        utc_offset_min: 60,
    }
}

fn detect(json: serde_json::Value) -> Detection {
    let (snapshot, problems) = Snapshot::from_json_text(&json.to_string());
    Detector::new(catalog()).detect(&snapshot, problems)
}

fn setting_page(id: &str, checked: Option<bool>, lang: &str) -> Detection {
    let setting = catalog().setting(id).unwrap();
    let controls = match checked {
        Some(c) => {
            serde_json::json!([{"kind": "checkbox", "keys": setting.keys, "name": setting.label["en"], "checked": c, "visible": true, "settled": true}])
        }
        None => serde_json::json!([]),
    };
    detect(serde_json::json!({"v": 1, "url": setting.url, "lang": lang, "controls": controls}))
}

fn feed() -> Detection {
    detect(serde_json::json!({"v": 1, "url": "https://www.linkedin.com/feed/"}))
}

fn observed(state: &State, detection: &Detection) -> State {
    let mut next = state.clone();
    next.observe(detection, T0);
    next
}

#[test]
fn feed_nudges_only_while_something_is_open_and_not_quiet() {
    let state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let advice = advise(&state, &feed(), catalog(), &env(), T0);
    assert!(!advice.need_controls && !advice.watch);
    let banner = advice.banner.unwrap();
    assert_eq!(banner.mode, BannerMode::Nudge);
    assert_eq!(banner.next.as_ref().unwrap().id, "gen-ai-improvement");
    assert!(banner.titles.contains_key("gen-ai-improvement"));

    let mut snoozed = state.clone();
    snoozed.snooze_until = Some(T0 + 1);
    assert!(advise(&snoozed, &feed(), catalog(), &env(), T0)
        .banner
        .is_none());
    assert!(
        advise(&snoozed, &feed(), catalog(), &env(), T0 + 1)
            .banner
            .is_some(),
        "snooze expired"
    );

    let dismissed = State {
        dismiss_all: true,
        ..state.clone()
    };
    assert!(advise(&dismissed, &feed(), catalog(), &env(), T0)
        .banner
        .is_none());
}

#[test]
fn guide_on_a_setting_page_reports_state_step_and_next() {
    let state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let detection = setting_page("gen-ai-improvement", Some(true), "de");
    let state = observed(&state, &detection);
    let advice = advise(&state, &detection, catalog(), &env(), T0);
    assert!(advice.need_controls && advice.watch);
    let banner = advice.banner.unwrap();
    assert_eq!(
        (banner.mode, banner.status),
        (BannerMode::Guide, Some(PageStatus::On))
    );
    assert_eq!(banner.control, Some(0));
    assert_eq!(banner.step.as_ref().map(|s| s.index), Some(1));
    assert_eq!(
        banner.lang, "de",
        "LinkedIn's page language wins over the browser's"
    );
    assert_eq!(
        banner.titles["gen-ai-improvement"].title,
        "Daten zur Verbesserung generativer KI"
    );

    let detection = setting_page("gen-ai-improvement", Some(false), "de");
    let state = observed(&state, &detection);
    let banner = advise(&state, &detection, catalog(), &env(), T0)
        .banner
        .unwrap();
    assert_eq!(banner.status, Some(PageStatus::Off));
    assert_eq!(
        banner.next.as_ref().unwrap().id,
        "ads-beyond-linkedin",
        "affiliates sharing is not offered in the EU"
    );
}

#[test]
fn missing_switch_keeps_the_link_and_says_what_to_look_for() {
    let state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let detection = setting_page("ads-gender", None, "xx");
    let banner = advise(&state, &detection, catalog(), &env(), T0)
        .banner
        .unwrap();
    assert_eq!(banner.status, Some(PageStatus::NotFound));
    assert_eq!(
        banner.url.as_deref(),
        Some(catalog().setting("ads-gender").unwrap().url.as_str())
    );
    assert_eq!(
        banner.lang, "en",
        "unknown page language falls back to the browser's"
    );
    assert!(!banner.titles["ads-gender"].label.is_empty());
}

#[test]
fn last_setting_seen_off_is_done() {
    let mut state = State {
        region: Some(Region::Uk),
        ..State::default()
    };
    let toggles: Vec<_> = catalog()
        .settings
        .iter()
        .filter(|s| s.kind == SettingKind::Toggle && s.applies_in(Region::Uk))
        .map(|s| s.id.clone())
        .collect();
    for id in &toggles[1..] {
        state = observed(&state, &setting_page(id, Some(false), "en"));
    }
    let detection = setting_page(&toggles[0], Some(false), "en");
    state = observed(&state, &detection);
    let banner = advise(&state, &detection, catalog(), &env(), T0)
        .banner
        .unwrap();
    assert_eq!(banner.mode, BannerMode::Done);
    // The ending keeps its step ("Step N of N") and offers the objection form as an optional extra.
    let step = banner.step.as_ref().expect("the last step is still a step");
    assert_eq!((step.index, step.total), (1, toggles.len()));
    let form = banner.form.as_ref().expect("the optional form at the end");
    assert_eq!(form.id, "gen-ai-objection-form");
    assert!(banner.titles.contains_key("gen-ai-objection-form"));
    assert!(status(&state, catalog(), &env(), T0, vec![]).all_done);
    assert!(
        advise(&state, &feed(), catalog(), &env(), T0)
            .banner
            .is_none(),
        "nothing to say on the feed"
    );
}

#[test]
fn snooze_does_not_hide_the_guide_but_dismissing_the_setting_does() {
    let mut state = State {
        region: Some(Region::Eu),
        snooze_until: Some(T0 + 1000),
        ..State::default()
    };
    let detection = setting_page("ads-age", Some(true), "en");
    assert!(advise(&state, &detection, catalog(), &env(), T0)
        .banner
        .is_some());
    state.dismissed.insert("ads-age".into());
    assert!(advise(&state, &detection, catalog(), &env(), T0)
        .banner
        .is_none());
}

#[test]
fn login_and_other_sites_get_nothing() {
    let state = State::default();
    let login = detect(serde_json::json!({"v": 1, "url": "https://www.linkedin.com/login"}));
    assert!(advise(&state, &login, catalog(), &env(), T0)
        .banner
        .is_none());
    let other = detect(serde_json::json!({"v": 1, "url": "https://example.org/"}));
    let advice = advise(&state, &other, catalog(), &env(), T0);
    assert!(advice.banner.is_none() && !advice.need_controls);
}

/// A member's event at T0.
fn apply(state: &mut State, event: Event) {
    crate::events::apply(state, &event, catalog(), T0, &env()).unwrap();
}

#[test]
fn stopping_the_guide_quiets_setting_pages_until_it_is_started_again() {
    let mut state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let detection = setting_page("ads-age", Some(true), "en");
    apply(&mut state, Event::StopGuide);
    assert!(advise(&state, &detection, catalog(), &env(), T0)
        .banner
        .is_none());
    apply(&mut state, Event::StartGuide);
    assert!(advise(&state, &detection, catalog(), &env(), T0)
        .banner
        .is_some());
}

/// Undo of "Stop guide" on the guide's card brings the guide back and leaves the rest alone: a snooze set before
/// stays (`StartGuide`, asked for in the popup, would end it).
#[test]
fn resuming_the_guide_undoes_a_stop_and_nothing_else() {
    let mut state = State {
        region: Some(Region::Eu),
        snooze_until: Some(T0 + 1000),
        ..State::default()
    };
    let detection = setting_page("ads-age", Some(true), "en");
    apply(&mut state, Event::StopGuide);
    let stopped_at = state.guide.as_ref().map(|g| g.started_at);
    assert!(advise(&state, &detection, catalog(), &env(), T0)
        .banner
        .is_none());
    apply(&mut state, Event::ResumeGuide);
    assert!(advise(&state, &detection, catalog(), &env(), T0)
        .banner
        .is_some());
    assert_eq!(state.snooze_until, Some(T0 + 1000));
    assert_eq!(state.guide.as_ref().map(|g| g.started_at), stopped_at);
    // Nothing to resume (never stopped): nothing changes.
    let mut fresh = State::default();
    apply(&mut fresh, crate::events::Event::ResumeGuide);
    assert!(fresh.guide.is_none());
}

/// The content script's quick first report leaves out the heading and the login form on ordinary pages; that is
/// only safe while neither changes anything there but the banner (login wall: none).
#[test]
fn heading_and_login_form_matter_on_ordinary_pages_only_for_the_banner() {
    let state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let quick = detect(serde_json::json!({"v": 1, "url": "https://www.linkedin.com/feed/"}));
    let full = detect(serde_json::json!({
        "v": 1, "url": "https://www.linkedin.com/feed/", "heading": "Data for Generative AI Improvement"
    }));
    assert_eq!(quick, full, "the heading of an ordinary page is not read");
    let with_login = detect(
        serde_json::json!({"v": 1, "url": "https://www.linkedin.com/feed/", "loginForm": true}),
    );
    assert_eq!(with_login.findings, quick.findings);
    assert!(advise(&state, &quick, catalog(), &env(), T0)
        .banner
        .is_some());
    assert!(advise(&state, &with_login, catalog(), &env(), T0)
        .banner
        .is_none());
    assert!(!advise(&state, &with_login, catalog(), &env(), T0).need_controls);
}

#[test]
fn the_guide_says_when_linkedin_switched_a_setting_back_on() {
    let state = State {
        region: Some(Region::Eu),
        ..State::default()
    };
    let on = setting_page("gen-ai-improvement", Some(true), "en");
    let first = advise(&observed(&state, &on), &on, catalog(), &env(), T0);
    assert_eq!(first.banner.unwrap().turned_back_on_at, None);
    let off = setting_page("gen-ai-improvement", Some(false), "en");
    let mut later = observed(&state, &off);
    later.observe(&on, T0 + 5);
    let banner = advise(&later, &on, catalog(), &env(), T0 + 5)
        .banner
        .unwrap();
    assert_eq!(banner.status, Some(PageStatus::On));
    assert_eq!(banner.turned_back_on_at, Some(T0 + 5));
    let out = serde_json::to_string(&advise(&later, &on, catalog(), &env(), T0 + 5)).unwrap();
    assert!(out.contains(r#""turnedBackOnAt":"#), "{out}");
}

#[test]
fn the_card_mentions_switches_on_this_page_the_catalog_does_not_know_only_when_they_are_on() {
    let setting = catalog().setting("gen-ai-improvement").unwrap();
    let page = |extra_on: bool| {
        detect(
            serde_json::json!({"v": 1, "url": setting.url, "lang": "en", "controls": [
                {"kind": "checkbox", "keys": setting.keys, "name": setting.label["en"], "checked": true, "visible": true, "settled": true},
                {"kind": "checkbox", "name": "Use my data to personalise AI agents", "checked": extra_on, "visible": true, "settled": true},
            ]}),
        )
    };
    let state = State {
        region: Some(Region::Eu),
        setup_done: true,
        ..State::default()
    };
    let on = page(true);
    assert_eq!(
        on.extras.len(),
        1,
        "the detector reports it: {:?}",
        on.extras
    );
    let banner = advise(&observed(&state, &on), &on, catalog(), &env(), T0)
        .banner
        .unwrap();
    assert_eq!(
        banner.unknown_here,
        ["Use my data to personalise AI agents"]
    );
    assert_eq!(
        banner.setting.as_deref(),
        Some("gen-ai-improvement"),
        "the guide still guides the known setting"
    );
    let off = page(false);
    let banner = advise(&observed(&state, &off), &off, catalog(), &env(), T0)
        .banner
        .unwrap();
    assert!(
        banner.unknown_here.is_empty(),
        "an unknown switch that is off needs nothing"
    );
}
