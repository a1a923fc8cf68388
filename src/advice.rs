//! What the banner on a LinkedIn page should say, decided from the detection and stored state.

use crate::catalog::{Catalog, Setting};
use crate::detect::{Detection, PageKind, Reason, SeenState};
use crate::reminders::{reminder_card, CardDecision, CardPlace};
use crate::sorted_map::SortedMap;
use crate::state::State;
use crate::status::{pick_lang, status, steps, Env, NextStep, RowStatus};
use crate::time::Millis;
use serde::Serialize;

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum BannerMode {
    /// An ordinary LinkedIn page while something is still to do.
    Nudge,
    /// On a setting's own page.
    Guide,
    /// On a setting's page, the last open setting just seen off.
    Done,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PageStatus {
    On,
    Off,
    Unknown,
    NotFound,
    /// The switch just appeared or changed: it is read again before it is believed.
    Checking,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub index: usize,
    pub total: usize,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Titles {
    pub title: String,
    pub label: String,
    pub url: String,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Banner {
    pub mode: BannerMode,
    pub setting: Option<String>,
    pub status: Option<PageStatus>,
    pub control: Option<usize>,
    pub step: Option<Step>,
    pub next: Option<NextStep>,
    /// The setting's own URL (the guide keeps linking to it when the switch is not found).
    pub url: Option<String>,
    /// Settings still on, unknown or not checked.
    pub remaining: usize,
    /// None of the remaining ones was ever read: "to check", not "needs your attention" (status view).
    pub to_check: bool,
    /// About how long the guide takes through the remaining ones, in minutes.
    pub check_minutes: u32,
    pub lang: String,
    /// Titles and labels of the settings the banner mentions, in `lang`.
    #[cfg_attr(test, ts(as = "std::collections::BTreeMap<String, Titles>"))]
    pub titles: SortedMap<Titles>,
    /// Guide: the setting is on again after it was seen off (LinkedIn or someone switched it back on), since.
    pub turned_back_on_at: Option<Millis>,
    /// Labels of switches on this page that are on and that no catalog setting claims (LinkedIn added a
    /// setting): mentioned on the card, never counted as a known setting on or off.
    pub unknown_here: Vec<String>,
    /// Done: the optional link-only entry (LinkedIn's objection form) that applies in the region, offered as
    /// a clearly optional extra step at the end (its title in `titles`).
    pub form: Option<NextStep>,
}

/// What a page should draw (docs/architecture.md): the worker turns `banner` into the card's text.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Advice {
    /// Send the page's switches: this is a settings page.
    pub need_controls: bool,
    /// Keep watching the page for a late switch and for the user flipping it.
    pub watch: bool,
    pub banner: Option<Banner>,
}

crate::names!(BannerMode { Nudge => "nudge", Guide => "guide", Done => "done" });
crate::names!(PageStatus {
    On => "on", Off => "off", Unknown => "unknown", NotFound => "notFound", Checking => "checking",
});

/// What to draw on a page whose card is not on screen (see `advise_card`).
pub fn advise(
    state: &State,
    detection: &Detection,
    catalog: &Catalog,
    env: &Env,
    now: Millis,
) -> Advice {
    advise_card(state, detection, catalog, env, now, false).0
}

/// A LinkedIn page reported itself: decide what to draw, and record what the reminder card's policy says (a new
/// card on an ordinary page uses up the day's). `card_shown`: this page already shows our reminder card (it asks
/// again after an in-page navigation or a decision elsewhere).
pub fn advise_and_record(
    state: &mut State,
    detection: &Detection,
    catalog: &Catalog,
    env: &Env,
    now: Millis,
    card_shown: bool,
) -> Advice {
    let (advice, card) = advise_card(state, detection, catalog, env, now, card_shown);
    card.record(state);
    advice
}

/// What to draw, and what the reminder card's policy decided (nothing on pages where it has no say).
fn advise_card(
    state: &State,
    detection: &Detection,
    catalog: &Catalog,
    env: &Env,
    now: Millis,
    card_shown: bool,
) -> (Advice, CardDecision) {
    let mut card = CardDecision {
        show: false,
        shown_day: None,
    };
    let kind = detection.page.kind;
    let need_controls = matches!(kind, PageKind::Setting | PageKind::Hub);
    // Every settings page is followed for its whole life: a later settled reading (a switch the server put
    // back after an optimistic change) replaces an earlier one.
    let watch = matches!(kind, PageKind::Setting | PageKind::Hub);
    let view = status(state, catalog, env, now, Vec::new());
    let lang = pick_lang(
        catalog,
        &[detection.lang.as_deref().unwrap_or(""), &env.ui_lang],
    )
    .to_string();
    let unknown_here: Vec<String> = detection
        .extras
        .iter()
        .filter(|e| e.state == SeenState::On)
        .map(|e| e.label.clone())
        .collect();
    let titles_for = |ids: &[Option<&str>]| -> SortedMap<Titles> {
        let mut titles = SortedMap::new();
        for s in ids.iter().flatten().filter_map(|id| catalog.setting(id)) {
            let t = Titles {
                title: Setting::localized(&s.title, &lang).to_string(),
                label: Setting::localized(&s.label, &lang).to_string(),
                url: s.url.clone(),
            };
            titles.insert(s.id.clone(), t);
        }
        titles
    };
    let banner = match kind {
        PageKind::NotLinkedin | PageKind::Login => None,
        PageKind::Setting => {
            let id = detection.page.setting.clone().unwrap_or_default();
            let row = view.rows.iter().find(|r| r.id == id);
            // "I want this on", "no reminders at all" and "stop the guide" silence the guide; a snooze does
            // not, because the member came to this page on purpose.
            let guide_stopped = state.guide.as_ref().is_some_and(|g| !g.active);
            if state.dismiss_all
                || guide_stopped
                || row.is_some_and(|r| r.status == RowStatus::Dismissed)
            {
                None
            } else {
                let finding = detection.findings.iter().find(|f| f.setting == id);
                let page_status = match finding {
                    None => PageStatus::NotFound,
                    Some(f) if matches!(f.reason, Reason::NotFound | Reason::Missing) => {
                        PageStatus::NotFound
                    }
                    // Read again when it settles or the edit is saved: "checking", not "unknown" meanwhile.
                    Some(f) if matches!(f.reason, Reason::Unsettled | Reason::Pending) => {
                        PageStatus::Checking
                    }
                    Some(f) => match f.state {
                        SeenState::On => PageStatus::On,
                        SeenState::Off => PageStatus::Off,
                        SeenState::Unknown => PageStatus::Unknown,
                    },
                };
                let step = steps(&view.rows).position(|r| r.id == id).map(|i| Step {
                    index: i + 1,
                    total: steps(&view.rows).count(),
                });
                let next = steps(&view.rows)
                    .filter(|r| r.id != id && r.status.is_open())
                    .map(|r| NextStep {
                        id: r.id.clone(),
                        url: r.url.clone(),
                    })
                    .next();
                let mode = if page_status == PageStatus::Off && next.is_none() {
                    BannerMode::Done
                } else {
                    BannerMode::Guide
                };
                let form = (mode == BannerMode::Done)
                    .then(|| {
                        view.rows
                            .iter()
                            .find(|r| r.kind == crate::catalog::SettingKind::Form && r.applies)
                    })
                    .flatten()
                    .map(|r| NextStep {
                        id: r.id.clone(),
                        url: r.url.clone(),
                    });
                let titles = titles_for(&[
                    Some(id.as_str()),
                    next.as_ref().map(|n| n.id.as_str()),
                    form.as_ref().map(|f| f.id.as_str()),
                ]);
                let turned_back_on_at = state
                    .shown(&id)
                    .filter(|s| page_status == PageStatus::On && s.state == SeenState::On)
                    .and_then(|s| s.turned_back_on_at);
                Some(Banner {
                    mode,
                    form,
                    turned_back_on_at,
                    unknown_here: unknown_here.clone(),
                    url: catalog.setting(&id).map(|s| s.url.clone()),
                    setting: Some(id),
                    status: Some(page_status),
                    control: finding.and_then(|f| f.control),
                    step,
                    next,
                    remaining: view.remaining,
                    to_check: view.to_check,
                    check_minutes: view.check_minutes,
                    lang: lang.clone(),
                    titles,
                })
            }
        }
        PageKind::Hub | PageKind::Linkedin => {
            let place = match kind {
                PageKind::Hub => CardPlace::Hub,
                _ if card_shown => CardPlace::CardOnScreen,
                _ => CardPlace::OrdinaryPage,
            };
            card = reminder_card(state, view.remaining, place, now, env.utc_offset_min);
            if !card.show {
                None
            } else {
                let next = view.next.clone();
                let titles = titles_for(&[next.as_ref().map(|n| n.id.as_str())]);
                Some(Banner {
                    mode: BannerMode::Nudge,
                    form: None,
                    turned_back_on_at: None,
                    unknown_here: unknown_here.clone(),
                    setting: None,
                    status: None,
                    control: None,
                    step: None,
                    url: next.as_ref().map(|n| n.url.clone()),
                    next,
                    remaining: view.remaining,
                    to_check: view.to_check,
                    check_minutes: view.check_minutes,
                    lang: lang.clone(),
                    titles,
                })
            }
        }
    };
    let advice = Advice {
        need_controls,
        watch,
        banner,
    };
    (advice, card)
}

#[cfg(test)]
mod tests;
