//! What the banner on a LinkedIn page should say, decided from the detection and stored state.

use crate::catalog::{Catalog, Setting};
use crate::detect::{Detection, PageKind, Reason, SeenState};
use crate::json::Writer;
use crate::reminders::storable_day;
use crate::sorted_map::SortedMap;
use crate::state::{Millis, State};
use crate::status::{pick_lang, status, write_next, Env, NextStep, RowStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerMode {
    /// An ordinary LinkedIn page while something is still to do.
    Nudge,
    /// On a setting's own page.
    Guide,
    /// On a setting's page, the last open setting just seen off.
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStatus {
    On,
    Off,
    Unknown,
    NotFound,
    /// The switch just appeared or changed: it is read again before it is believed.
    Checking,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub index: usize,
    pub total: usize,
}

#[derive(Debug, Clone)]
pub struct Titles {
    pub title: String,
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone)]
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
    pub lang: String,
    /// Titles and labels of the settings the banner mentions, in `lang`.
    pub titles: SortedMap<Titles>,
    /// Guide: the setting is on again after it was seen off (LinkedIn or someone switched it back on), since.
    pub turned_back_on_at: Option<Millis>,
    /// Labels of switches on this page that are on and that no catalog setting claims (LinkedIn added a
    /// setting): mentioned on the card, never counted as a known setting on or off.
    pub unknown_here: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Advice {
    /// Send the page's switches: this is a settings page.
    pub need_controls: bool,
    /// Keep watching the page for a late switch and for the user flipping it.
    pub watch: bool,
    pub banner: Option<Banner>,
}

crate::json_names!(BannerMode { Nudge => "nudge", Guide => "guide", Done => "done" });
crate::json_names!(PageStatus {
    On => "on", Off => "off", Unknown => "unknown", NotFound => "notFound", Checking => "checking",
});

impl Advice {
    /// The JSON the worker turns into the banner (docs/architecture.md).
    pub fn write(&self, w: &mut Writer) {
        w.begin_object()
            .key("needControls")
            .bool(self.need_controls);
        w.key("watch").bool(self.watch);
        w.key("banner");
        let Some(b) = &self.banner else {
            w.null().end_object();
            return;
        };
        w.begin_object().key("mode").string(b.mode.as_str());
        w.key("setting").opt_string(b.setting.as_deref());
        w.key("status").opt_string(b.status.map(PageStatus::as_str));
        w.key("control").opt_int(b.control.map(|c| c as i64));
        w.key("step");
        match &b.step {
            Some(s) => {
                w.begin_object().key("index").int(s.index as i64);
                w.key("total").int(s.total as i64).end_object()
            }
            None => w.null(),
        };
        w.key("next");
        write_next(w, b.next.as_ref());
        w.key("url").opt_string(b.url.as_deref());
        w.key("remaining").int(b.remaining as i64);
        w.key("lang").string(&b.lang);
        w.key("turnedBackOnAt").opt_int(b.turned_back_on_at);
        w.key("unknownHere").strings(&b.unknown_here);
        w.key("titles").begin_object();
        for (id, t) in &b.titles {
            w.key(id).begin_object().key("title").string(&t.title);
            w.key("label").string(&t.label);
            w.key("url").string(&t.url).end_object();
        }
        w.end_object().end_object().end_object();
    }
}

/// What to draw on a page whose card is not on screen (see `advise_card`).
pub fn advise(
    state: &State,
    detection: &Detection,
    catalog: &Catalog,
    env: &Env,
    now: Millis,
) -> Advice {
    advise_card(state, detection, catalog, env, now, false)
}

/// A LinkedIn page reported itself: decide what to draw and, when that is a new reminder card on an ordinary
/// page, remember that it was shown today (once a day: the next loads stay quiet until local midnight, or
/// until the member asks to be reminded). `card_shown`: this page already shows our reminder card (it asks
/// again after an in-page navigation or a decision elsewhere): it may keep it on the day it was shown.
pub fn advise_and_record(
    state: &mut State,
    detection: &Detection,
    catalog: &Catalog,
    env: &Env,
    now: Millis,
    card_shown: bool,
) -> Advice {
    let advice = advise_card(state, detection, catalog, env, now, card_shown);
    let nudge = advice
        .banner
        .as_ref()
        .is_some_and(|b| b.mode == BannerMode::Nudge);
    // A card already on screen was counted when it was drawn (after "remind me again" it must not use up the
    // next load's card).
    if nudge && !card_shown && detection.page.kind == PageKind::Linkedin {
        state.nudge_shown_day = storable_day(now, env.utc_offset_min);
    }
    advice
}

fn advise_card(
    state: &State,
    detection: &Detection,
    catalog: &Catalog,
    env: &Env,
    now: Millis,
    card_shown: bool,
) -> Advice {
    let kind = detection.page.kind;
    let need_controls = matches!(kind, PageKind::Setting | PageKind::Hub);
    let watch = kind == PageKind::Setting;
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
        ids.iter()
            .flatten()
            .filter_map(|id| catalog.setting(id))
            .map(|s| {
                let titles = Titles {
                    title: Setting::localized(&s.title, &lang).to_string(),
                    label: Setting::localized(&s.label, &lang).to_string(),
                    url: s.url.clone(),
                };
                (s.id.clone(), titles)
            })
            .collect()
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
                    Some(f) if f.reason == Reason::Unsettled => PageStatus::Checking,
                    Some(f) => match f.state {
                        SeenState::On => PageStatus::On,
                        SeenState::Off => PageStatus::Off,
                        SeenState::Unknown => PageStatus::Unknown,
                    },
                };
                let steps: Vec<&str> = view
                    .rows
                    .iter()
                    .filter(|r| {
                        r.kind == crate::catalog::SettingKind::Toggle
                            && r.applies
                            && r.status != RowStatus::Dismissed
                    })
                    .map(|r| r.id.as_str())
                    .collect();
                let step = steps.iter().position(|s| *s == id).map(|i| Step {
                    index: i + 1,
                    total: steps.len(),
                });
                let next = view
                    .rows
                    .iter()
                    .filter(|r| {
                        r.id != id
                            && r.kind == crate::catalog::SettingKind::Toggle
                            && r.applies
                            && r.status.is_open()
                    })
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
                let titles = titles_for(&[Some(id.as_str()), next.as_ref().map(|n| n.id.as_str())]);
                let turned_back_on_at = state
                    .settings
                    .get(&id)
                    .filter(|s| page_status == PageStatus::On && s.state == SeenState::On)
                    .and_then(|s| s.turned_back_on_at);
                Some(Banner {
                    mode,
                    turned_back_on_at,
                    unknown_here: unknown_here.clone(),
                    url: catalog.setting(&id).map(|s| s.url.clone()),
                    setting: Some(id),
                    status: Some(page_status),
                    control: finding.and_then(|f| f.control),
                    step,
                    next,
                    remaining: view.remaining,
                    lang: lang.clone(),
                    titles,
                })
            }
        }
        PageKind::Hub | PageKind::Linkedin => {
            // Ordinary pages: once a day (a card already on screen stays). Settings hubs are settings pages:
            // the member went there, so they get it whenever a reminder is due.
            let show = match kind {
                PageKind::Hub => view.nudge_due,
                _ => view.nudge || (card_shown && view.nudge_due),
            };
            if !show {
                None
            } else {
                let next = view.next.clone();
                let titles = titles_for(&[next.as_ref().map(|n| n.id.as_str())]);
                Some(Banner {
                    mode: BannerMode::Nudge,
                    turned_back_on_at: None,
                    unknown_here: unknown_here.clone(),
                    setting: None,
                    status: None,
                    control: None,
                    step: None,
                    url: next.as_ref().map(|n| n.url.clone()),
                    next,
                    remaining: view.remaining,
                    lang: lang.clone(),
                    titles,
                })
            }
        }
    };
    Advice {
        need_controls,
        watch,
        banner,
    }
}

#[cfg(test)]
mod tests;
