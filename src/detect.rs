//! Page detection: which LinkedIn page this is and what each setting's switch shows.
//!
//! Evidence order: the URL, then the switch's language-neutral key (`aria-labelledby`), then accessible
//! text in any catalog language, then "the only switch on this setting's own page". Anything ambiguous
//! or conflicting is reported as unknown: the extension must never claim "off" it has not seen.

use crate::catalog::matcher::Matcher;
use crate::catalog::{Catalog, SettingKind};
use crate::page_url::PageUrl;
use crate::snapshot::{Control, ControlKind, Snapshot};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PageKind {
    /// A known setting's own page.
    Setting,
    /// Other settings pages (category lists, unknown settings).
    Hub,
    /// Any other LinkedIn page (feed, profile, …).
    Linkedin,
    /// Sign-in, sign-up or auth wall.
    Login,
    NotLinkedin,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    pub kind: PageKind,
    pub setting: Option<String>,
    pub category: Option<String>,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SeenState {
    On,
    Off,
    Unknown,
}

/// Why a finding says what it says. The first three are how a switch was identified (kept with the
/// reading, so the member can see why the extension believes it); the others say why no state could be
/// believed.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    /// LinkedIn's language-neutral key (`aria-labelledby`) on a settings page.
    Key,
    /// The switch's own label is exactly a catalog label (after normalising).
    Label,
    /// The only visible, enabled switch on the setting's own page.
    OnlySwitch,
    /// Controls claiming the setting disagree, or a key and a label name different settings.
    Conflict,
    /// Too many claims, several candidate switches, or a page not read completely.
    Ambiguous,
    /// The switch says neither on nor off (mixed, indeterminate, no state).
    Indeterminate,
    /// The switch is disabled (saving, unavailable, load error): its state is not the member's choice.
    Disabled,
    /// The switch or its section is being updated (`aria-busy`, a loading indicator).
    Busy,
    /// The page says an edit is not saved yet: unsaved changes (an enabled Save / Cancel, a submit in its
    /// form, an "unsaved changes" text), a save in flight, or a confirm dialog still open.
    Pending,
    /// The switch is there but not shown to the member (hidden, inert, zero-sized, a stale view).
    Hidden,
    /// The switch changed (or appeared) too recently to be believed yet; the page is read again.
    Unsettled,
    /// The setting's own page finished rendering without its switch: LinkedIn may have moved it.
    Missing,
    NotFound,
}

crate::names!(PageKind {
    Setting => "setting", Hub => "hub", Linkedin => "linkedin", Login => "login", NotLinkedin => "notLinkedin",
});
crate::names!(SeenState { On => "on", Off => "off", Unknown => "unknown" });
crate::names!(Reason {
    Key => "key", Label => "label", OnlySwitch => "onlySwitch", Conflict => "conflict",
    Ambiguous => "ambiguous", Indeterminate => "indeterminate", Disabled => "disabled", Busy => "busy",
    Pending => "pending", Hidden => "hidden", Unsettled => "unsettled", Missing => "missing", NotFound => "notFound",
});

impl Reason {
    /// Whether the finding is an observation worth storing: `NotFound` is the absence of one, and an
    /// unsettled switch is read again once it has settled.
    pub fn is_observation(self) -> bool {
        !matches!(self, Reason::NotFound | Reason::Unsettled)
    }

    /// Whether the reason says how a switch was identified (a state on or off carries one of these).
    pub fn is_identity(self) -> bool {
        matches!(self, Reason::Key | Reason::Label | Reason::OnlySwitch)
    }
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub setting: String,
    pub state: SeenState,
    /// Index of the control in the snapshot, when one identifies the setting.
    pub control: Option<usize>,
    pub reason: Reason,
}

/// What the core makes of a page (docs/architecture.md). Only the fuzzer and tests read it back.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detection {
    pub page: Page,
    /// The page's language when the catalog has it.
    pub lang: Option<String>,
    pub findings: Vec<Finding>,
    /// Switches on a data-privacy or advertising settings page that no catalog setting claims: LinkedIn may
    /// have added a setting. Never given an identity.
    pub extras: Vec<Extra>,
    pub problems: Vec<String>,
}

/// A shown, enabled, settled switch the catalog does not know, as the member sees it.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extra {
    /// Its label as plain text, at most `MAX_EXTRA_LABEL` characters.
    pub label: String,
    pub state: SeenState,
    /// The page it is on (origin and path).
    pub url: String,
}

/// Unknown switches reported per page, and the length of their labels.
pub const MAX_EXTRAS: usize = 10;
pub const MAX_EXTRA_LABEL: usize = 160;
/// An unknown setting's page link, at most this many characters (LinkedIn's settings paths are far shorter).
pub const MAX_EXTRA_URL: usize = 300;
/// Categories whose pages hold the settings this extension is about.
const EXTRA_CATEGORIES: &[&str] = &["privacy", "ads"];

impl Detection {
    /// As JSON text (native: tests, fuzzer, bench).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

const LOGIN_PREFIXES: &[&str] = &[
    "/login",
    "/uas/login",
    "/checkpoint",
    "/authwall",
    "/signup",
    "/uas/authenticate",
];
const SETTINGS_PREFIXES: &[&str] = &["/mypreferences", "/psettings", "/settings"];

fn has_prefix(path: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        path == *p
            || path
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

/// Page title without LinkedIn's " | LinkedIn" suffix.
fn title_text(title: &str) -> &str {
    title
        .rsplit_once(" | ")
        .map(|(head, _)| head)
        .unwrap_or(title)
}

struct Evidence {
    control: usize,
    reason: Reason,
    /// The control's key and its label name different settings.
    contradicted: bool,
}

pub struct Detector<'a> {
    catalog: &'a Catalog,
    matcher: Matcher,
}

/// Whether a control is a switch a member could flip (the kinds the "only switch" rule counts).
fn is_switch_like(kind: ControlKind) -> bool {
    matches!(
        kind,
        ControlKind::Checkbox | ControlKind::Switch | ControlKind::Button
    )
}

/// Shown to the member and meant for them: visible and not inside an inert or hidden subtree.
fn is_shown(control: &Control) -> bool {
    control.visible && !control.inert
}

impl<'a> Detector<'a> {
    pub fn new(catalog: &'a Catalog) -> Detector<'a> {
        Detector {
            catalog,
            matcher: Matcher::new(catalog),
        }
    }

    pub fn detect(&self, snapshot: &Snapshot, mut problems: Vec<String>) -> Detection {
        let lang = self.catalog.language(&snapshot.lang).map(str::to_string);
        let page = self.classify(snapshot);
        let (findings, extras) = match page.kind {
            PageKind::Setting | PageKind::Hub => self.findings(snapshot, &page),
            _ => (Vec::new(), Vec::new()),
        };
        if snapshot.truncated {
            problems.push("page has more controls than were read".to_string());
        }
        Detection {
            page,
            lang,
            findings,
            extras,
            problems,
        }
    }

    fn toggle(&self, index: usize) -> bool {
        self.catalog.settings[index].kind == SettingKind::Toggle
    }

    fn classify(&self, snapshot: &Snapshot) -> Page {
        let page = |kind, setting: Option<usize>, category: Option<String>| Page {
            kind,
            setting: setting.map(|i| self.catalog.settings[i].id.clone()),
            category,
        };
        let Some(url) = PageUrl::parse(&snapshot.url).filter(PageUrl::is_linkedin) else {
            return page(PageKind::NotLinkedin, None, None);
        };
        // A sign-in form anywhere (an auth wall over a settings address too) means no member's settings
        // are shown: nothing on such a page is recorded.
        if has_prefix(&url.path, LOGIN_PREFIXES) || snapshot.login_form {
            return page(PageKind::Login, None, None);
        }
        if let Some(index) = self
            .catalog
            .setting_for_path(&url.path)
            .filter(|&i| self.toggle(i))
        {
            let category = Some(self.catalog.settings[index].category.clone());
            return page(PageKind::Setting, Some(index), category);
        }
        if has_prefix(&url.path, SETTINGS_PREFIXES) {
            let category = url
                .path
                .split('/')
                .skip_while(|s| *s != "categories")
                .nth(1)
                .filter(|c| self.catalog.categories.contains_key(c))
                .map(str::to_string);
            // A known category page lists several settings whatever its heading says.
            if category.is_some() {
                return page(PageKind::Hub, None, category);
            }
            // A settings page under a URL we do not know (LinkedIn renamed it?): its heading may still
            // name the setting exactly, in any language.
            let named = [snapshot.heading.as_str(), title_text(&snapshot.title)]
                .into_iter()
                .find_map(|text| self.matcher.exact(text))
                .filter(|&i| self.toggle(i));
            if let Some(index) = named {
                let category = Some(self.catalog.settings[index].category.clone());
                return page(PageKind::Setting, Some(index), category);
            }
            return page(PageKind::Hub, None, category);
        }
        page(PageKind::Linkedin, None, None)
    }

    /// Which setting a control is, and by what evidence: its key, else its exact label. Text around the
    /// control (a heading its neighbours share) never identifies it.
    fn identify(
        &self,
        control: &Control,
        labels: &mut HashMap<String, Option<usize>>,
    ) -> Option<(usize, Reason, bool)> {
        let mut label = |name: &str| -> Option<usize> {
            if name.is_empty() {
                return None;
            }
            if let Some(hit) = labels.get(name) {
                return *hit;
            }
            let hit = self.matcher.exact(name).filter(|&i| self.toggle(i));
            labels.insert(name.to_string(), hit);
            hit
        };
        let by_key = control
            .keys
            .iter()
            .find_map(|k| self.catalog.setting_for_key(k));
        match by_key {
            Some(index) => {
                let contradicted = label(&control.name).is_some_and(|other| other != index);
                Some((index, Reason::Key, contradicted))
            }
            None => label(&control.name).map(|index| (index, Reason::Label, false)),
        }
    }

    fn findings(&self, snapshot: &Snapshot, page: &Page) -> (Vec<Finding>, Vec<Extra>) {
        // Indexed by setting: the catalog is small, and a Vec keeps the WASM smaller than a map would.
        let mut evidence: Vec<Vec<Evidence>> = (0..self.catalog.settings.len())
            .map(|_| Vec::new())
            .collect();
        let mut identified = vec![false; snapshot.controls.len()];
        let mut labels = HashMap::new();
        for (index, control) in snapshot.controls.iter().enumerate() {
            if let Some((setting, reason, contradicted)) = self.identify(control, &mut labels) {
                identified[index] = true;
                evidence[setting].push(Evidence {
                    control: index,
                    reason,
                    contradicted,
                });
            }
        }
        let own = page
            .setting
            .as_deref()
            .and_then(|id| self.catalog.index_of(id));
        let mut findings = Vec::new();
        for (setting, items) in evidence.iter().enumerate() {
            let shown: Vec<&Evidence> = items
                .iter()
                .filter(|e| is_shown(&snapshot.controls[e.control]))
                .collect();
            if !shown.is_empty() {
                findings.push(self.resolve(setting, &shown, snapshot));
            } else if Some(setting) == own {
                findings.push(self.only_switch(setting, snapshot, &identified, !items.is_empty()));
            }
            // A hidden copy of another setting's switch (a stale view, a responsive duplicate) says
            // nothing about that setting: no finding.
        }
        let taken: Vec<usize> = findings.iter().filter_map(|f| f.control).collect();
        let extras = self.extras(snapshot, page, &identified, &taken);
        (findings, extras)
    }

    /// The switches a member could flip on a data-privacy or advertising page that nothing identified: shown,
    /// enabled, settled, readable and labelled (a label that only says "On" is no label). On a settings page
    /// the catalog does not know at all (a new setting's own URL, no category), only those whose label speaks
    /// of AI or advertising (`catalog::topic`).
    fn extras(
        &self,
        snapshot: &Snapshot,
        page: &Page,
        identified: &[bool],
        taken: &[usize],
    ) -> Vec<Extra> {
        let about_us = page
            .category
            .as_deref()
            .is_some_and(|c| EXTRA_CATEGORIES.contains(&c));
        // A settings page of its own that the catalog does not know (not a category list of other topics).
        let unknown_page = page.kind == PageKind::Hub
            && page.category.is_none()
            && PageUrl::parse(&snapshot.url).is_some_and(|u| !u.path.contains("/categories"));
        if !(about_us || unknown_page) || snapshot.truncated {
            return Vec::new();
        }
        let url = PageUrl::parse(&snapshot.url)
            .map(|u| {
                let full = ["https://www.linkedin.com", u.path.as_str()].concat();
                crate::text::truncate_chars(&full, MAX_EXTRA_URL).to_string()
            })
            .unwrap_or_default();
        let mut out: Vec<Extra> = Vec::new();
        for (i, c) in snapshot.controls.iter().enumerate() {
            let readable = is_switch_like(c.kind)
                && is_shown(c)
                && c.settled
                && !c.disabled
                && !c.busy
                && c.checked.is_some();
            if !readable || identified[i] || taken.contains(&i) {
                continue;
            }
            let label = crate::text::truncate_chars(c.name.trim(), MAX_EXTRA_LABEL).to_string();
            if label.is_empty()
                || Matcher::is_state_only(&label)
                || (!about_us && !crate::catalog::topic::is_ai_or_ads(&label))
                || out.iter().any(|e| e.label == label)
            {
                continue;
            }
            out.push(Extra {
                label,
                state: if c.checked == Some(true) {
                    SeenState::On
                } else {
                    SeenState::Off
                },
                url: url.clone(),
            });
            if out.len() == MAX_EXTRAS {
                break;
            }
        }
        out
    }

    /// The setting's own page shows no switch identified as it. The only visible, enabled switch of the page
    /// may confirm it only when that switch is already named after it (one of its phrases, even one another
    /// setting shares); an unnamed switch, or one named otherwise ("Opt out of …", "E-mail me when …"), never
    /// identifies the setting.
    fn only_switch(
        &self,
        setting: usize,
        snapshot: &Snapshot,
        identified: &[bool],
        hidden_claims: bool,
    ) -> Finding {
        let id = &self.catalog.settings[setting].id;
        let unknown = |reason| Finding {
            setting: id.clone(),
            state: SeenState::Unknown,
            control: None,
            reason,
        };
        // LinkedIn's settings content is in the main landmark; when the page has one, switches outside it
        // (navigation, menus) are not candidates.
        let scoped = snapshot.controls.iter().any(|c| c.main);
        let candidates: Vec<usize> = snapshot
            .controls
            .iter()
            .enumerate()
            .filter(|(_, c)| is_switch_like(c.kind) && is_shown(c) && (!scoped || c.main))
            .map(|(i, _)| i)
            .collect();
        let enabled: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| !snapshot.controls[i].disabled)
            .collect();
        match (enabled.as_slice(), candidates.as_slice()) {
            // Nothing believable: a disabled lone switch is still this setting's, but not readable.
            ([], [only]) if !identified[*only] => Finding {
                control: Some(*only),
                ..unknown(Reason::Disabled)
            },
            ([], []) if hidden_claims => unknown(Reason::Hidden),
            // Every switch shown is another setting's: this one is not on the page — yet, or any more once
            // the page has settled.
            _ if candidates.iter().all(|&i| identified[i]) => unknown(if snapshot.page_settled {
                Reason::Missing
            } else {
                Reason::NotFound
            }),
            ([], _) => unknown(Reason::Ambiguous),
            ([only], _) if !identified[*only] && !snapshot.truncated => {
                let control = &snapshot.controls[*only];
                if self.matcher.is_phrase_of(&control.name, setting) {
                    self.resolve(
                        setting,
                        &[&Evidence {
                            control: *only,
                            reason: Reason::OnlySwitch,
                            contradicted: false,
                        }],
                        snapshot,
                    )
                } else {
                    Finding {
                        control: Some(*only),
                        ..unknown(Reason::Ambiguous)
                    }
                }
            }
            _ => unknown(Reason::Ambiguous),
        }
    }

    /// One state from the shown controls that claim a setting: each must be enabled, not busy, settled and
    /// readable, and they must agree; "off" is only believed when the whole page was read.
    fn resolve(&self, setting: usize, items: &[&Evidence], snapshot: &Snapshot) -> Finding {
        let strongest = items
            .iter()
            .map(|e| e.reason)
            .min()
            .unwrap_or(Reason::NotFound);
        let control = items
            .iter()
            .find(|e| e.reason == strongest)
            .map(|e| e.control);
        let controls = || items.iter().map(|e| &snapshot.controls[e.control]);
        let all = |want: Option<bool>| controls().all(|c| c.checked == want);
        let (state, reason) = if controls().any(|c| !c.settled) {
            (SeenState::Unknown, Reason::Unsettled)
        } else if controls().any(|c| c.pending) {
            (SeenState::Unknown, Reason::Pending)
        } else if items.len() > MAX_CLAIMS {
            (SeenState::Unknown, Reason::Ambiguous)
        } else if items.iter().any(|e| e.contradicted) {
            (SeenState::Unknown, Reason::Conflict)
        } else if controls().any(|c| c.disabled) {
            (SeenState::Unknown, Reason::Disabled)
        } else if controls().any(|c| c.busy) {
            (SeenState::Unknown, Reason::Busy)
        } else if controls().any(|c| c.checked.is_none()) {
            (SeenState::Unknown, Reason::Indeterminate)
        } else if all(Some(true)) {
            (SeenState::On, strongest)
        } else if all(Some(false)) && snapshot.truncated {
            (SeenState::Unknown, Reason::Ambiguous)
        } else if all(Some(false)) {
            (SeenState::Off, strongest)
        } else {
            (SeenState::Unknown, Reason::Conflict)
        };
        Finding {
            setting: self.catalog.settings[setting].id.clone(),
            state,
            control,
            reason,
        }
    }
}

/// A settings page shows a switch once (twice at most, e.g. a mobile and a desktop copy). A page with
/// many controls claiming the same setting is not telling us anything we can trust.
const MAX_CLAIMS: usize = 4;

#[cfg(test)]
mod tests;
