//! Page detection: which LinkedIn page this is and what each setting's switch shows.
//!
//! Evidence order: the URL, then the switch's language-neutral key (`aria-labelledby`), then accessible
//! text in any catalog language, then "the only switch on this setting's own page". Anything ambiguous
//! or conflicting is reported as unknown: the extension must never claim "off" it has not seen.

use crate::catalog::matcher::Matcher;
use crate::catalog::{Catalog, SettingKind};
use crate::json::{Json, Writer};
use crate::page_url::PageUrl;
use crate::snapshot::{ControlKind, Snapshot};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub kind: PageKind,
    pub setting: Option<String>,
    pub category: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SeenState {
    On,
    Off,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    Key,
    Text,
    OnlySwitch,
    Conflict,
    Ambiguous,
    Indeterminate,
    NotFound,
}

crate::json_names!(PageKind {
    Setting => "setting", Hub => "hub", Linkedin => "linkedin", Login => "login", NotLinkedin => "notLinkedin",
});
crate::json_names!(SeenState { On => "on", Off => "off", Unknown => "unknown" });
crate::json_names!(Reason {
    Key => "key", Text => "text", OnlySwitch => "onlySwitch", Conflict => "conflict",
    Ambiguous => "ambiguous", Indeterminate => "indeterminate", NotFound => "notFound",
});

impl Reason {
    /// Whether the finding is an observation worth storing (`NotFound` is the absence of one).
    pub fn is_observation(self) -> bool {
        self != Reason::NotFound
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub setting: String,
    pub state: SeenState,
    /// Index of the control in the snapshot, when one identifies the setting.
    pub control: Option<usize>,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    pub page: Page,
    /// The page's language when the catalog has it.
    pub lang: Option<String>,
    pub findings: Vec<Finding>,
    pub problems: Vec<String>,
}

impl Detection {
    /// The JSON the worker and the pages read (docs/architecture.md).
    pub fn write(&self, w: &mut Writer) {
        w.begin_object().key("page").begin_object();
        w.key("kind").string(self.page.kind.as_str());
        w.key("setting").opt_string(self.page.setting.as_deref());
        w.key("category").opt_string(self.page.category.as_deref());
        w.end_object();
        w.key("lang").opt_string(self.lang.as_deref());
        w.key("findings").begin_array();
        for f in &self.findings {
            w.begin_object().key("setting").string(&f.setting);
            w.key("state").string(f.state.as_str());
            w.key("control").opt_int(f.control.map(|c| c as i64));
            w.key("reason").string(f.reason.as_str());
            w.end_object();
        }
        w.end_array().key("problems").strings(&self.problems);
        w.end_object();
    }

    pub fn to_json(&self) -> String {
        let mut w = Writer::default();
        self.write(&mut w);
        w.out
    }

    /// Read back what `write` produced (the fuzzer checks the round trip); `None` for anything else.
    pub fn from_json(value: &Json) -> Option<Detection> {
        let opt_str = |v: Option<&Json>| -> Option<Option<String>> {
            match v {
                None | Some(Json::Null) => Some(None),
                Some(v) => Some(Some(v.as_str()?.to_string())),
            }
        };
        let [page, lang, findings, problems] =
            value.fields(["page", "lang", "findings", "problems"])?;
        let [kind, setting, category] = page?.fields(["kind", "setting", "category"])?;
        let mut out = Detection {
            page: Page {
                kind: PageKind::parse(kind?.as_variant()?)?,
                setting: opt_str(setting)?,
                category: opt_str(category)?,
            },
            lang: opt_str(lang)?,
            findings: Vec::new(),
            problems: Vec::new(),
        };
        for f in findings?.as_array()? {
            let [setting, state, control, reason] =
                f.fields(["setting", "state", "control", "reason"])?;
            out.findings.push(Finding {
                setting: setting?.as_str()?.to_string(),
                state: SeenState::parse(state?.as_variant()?)?,
                control: match control {
                    None | Some(Json::Null) => None,
                    Some(c) => Some(usize::try_from(c.as_u64()?).ok()?),
                },
                reason: Reason::parse(reason?.as_variant()?)?,
            });
        }
        for p in problems?.as_array()? {
            out.problems.push(p.as_str()?.to_string());
        }
        Some(out)
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
    checked: Option<bool>,
    reason: Reason,
    /// Identified only by the heading around it, which sibling switches share: the weakest evidence.
    by_context: bool,
}

pub struct Detector<'a> {
    catalog: &'a Catalog,
    matcher: Matcher,
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
        let findings = match page.kind {
            PageKind::Setting | PageKind::Hub => self.findings(snapshot, &page),
            _ => Vec::new(),
        };
        if snapshot.truncated {
            problems.push("page has more controls than were read".to_string());
        }
        Detection {
            page,
            lang,
            findings,
            problems,
        }
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
        if has_prefix(&url.path, LOGIN_PREFIXES) {
            return page(PageKind::Login, None, None);
        }
        if let Some(index) = self
            .catalog
            .setting_for_path(&url.path)
            .filter(|&i| self.catalog.settings[i].kind == SettingKind::Toggle)
        {
            let category = Some(self.catalog.settings[index].category.clone());
            return page(PageKind::Setting, Some(index), category);
        }
        if has_prefix(&url.path, SETTINGS_PREFIXES) {
            // A settings page under a URL we do not know (LinkedIn renamed it?): its heading may still
            // name the setting in any language.
            let named = [snapshot.heading.as_str(), title_text(&snapshot.title)]
                .into_iter()
                .find_map(|text| self.matcher.find(text))
                .map(|m| m.setting)
                .filter(|&i| self.catalog.settings[i].kind == SettingKind::Toggle);
            if let Some(index) = named {
                let category = Some(self.catalog.settings[index].category.clone());
                return page(PageKind::Setting, Some(index), category);
            }
            let category = url
                .path
                .split('/')
                .skip_while(|s| *s != "categories")
                .nth(1)
                .filter(|c| self.catalog.categories.contains_key(c))
                .map(str::to_string);
            return page(PageKind::Hub, None, category);
        }
        if snapshot.login_form {
            return page(PageKind::Login, None, None);
        }
        page(PageKind::Linkedin, None, None)
    }

    /// Which setting a control belongs to, and by what evidence.
    /// Which setting a control belongs to, by what evidence, and whether only its context said so.
    /// `contexts` caches context lookups: sibling switches share their heading, and a hostile page may
    /// repeat one long heading thousands of times.
    fn identify<'s>(
        &self,
        control: &'s crate::snapshot::Control,
        contexts: &mut HashMap<&'s str, Option<usize>>,
    ) -> Option<(usize, Reason, bool)> {
        if let Some(index) = control
            .keys
            .iter()
            .find_map(|k| self.catalog.setting_for_key(k))
        {
            return Some((index, Reason::Key, false));
        }
        let toggle = |i: &usize| self.catalog.settings[*i].kind == SettingKind::Toggle;
        if let Some(index) = self
            .matcher
            .find(&control.name)
            .map(|m| m.setting)
            .filter(toggle)
        {
            return Some((index, Reason::Text, false));
        }
        let by_context = *contexts.entry(control.context.as_str()).or_insert_with(|| {
            self.matcher
                .find(&control.context)
                .map(|m| m.setting)
                .filter(toggle)
        });
        by_context.map(|index| (index, Reason::Text, true))
    }

    fn findings(&self, snapshot: &Snapshot, page: &Page) -> Vec<Finding> {
        // Indexed by setting: the catalog is small, and a Vec keeps the WASM smaller than a map would.
        let mut evidence: Vec<Vec<Evidence>> = (0..self.catalog.settings.len())
            .map(|_| Vec::new())
            .collect();
        let mut unidentified_switches = Vec::new();
        let mut contexts = HashMap::new();
        for (index, control) in snapshot.controls.iter().enumerate() {
            match self.identify(control, &mut contexts) {
                Some((setting, reason, by_context)) => evidence[setting].push(Evidence {
                    control: index,
                    checked: control.checked,
                    reason,
                    by_context,
                }),
                None if matches!(control.kind, ControlKind::Checkbox | ControlKind::Switch) => {
                    unidentified_switches.push(index)
                }
                None => {}
            }
        }
        let own = page
            .setting
            .as_deref()
            .and_then(|id| self.catalog.index_of(id));
        let mut findings = Vec::new();
        if let Some(own) = own {
            if evidence[own].is_empty() {
                match unidentified_switches.as_slice() {
                    [] => findings.push(Finding {
                        setting: self.catalog.settings[own].id.clone(),
                        state: SeenState::Unknown,
                        control: None,
                        reason: Reason::NotFound,
                    }),
                    [only] if !snapshot.truncated => {
                        let checked = snapshot.controls[*only].checked;
                        evidence[own].push(Evidence {
                            control: *only,
                            checked,
                            reason: Reason::OnlySwitch,
                            by_context: false,
                        });
                    }
                    _ => findings.push(Finding {
                        setting: self.catalog.settings[own].id.clone(),
                        state: SeenState::Unknown,
                        control: None,
                        reason: Reason::Ambiguous,
                    }),
                }
            }
        }
        for (setting, items) in evidence
            .iter()
            .enumerate()
            .filter(|(_, items)| !items.is_empty())
        {
            findings.push(resolve(
                &self.catalog.settings[setting].id,
                items,
                snapshot.truncated,
            ));
        }
        findings
    }
}

/// A settings page shows a switch once (twice at most, e.g. a mobile and a desktop copy). A page with
/// many controls claiming the same setting is not telling us anything we can trust.
const MAX_CLAIMS: usize = 4;

/// One state from all the controls that claim a setting: they must agree and be readable, and "off" is
/// only believed when the whole page was read.
fn resolve(setting: &str, items: &[Evidence], page_truncated: bool) -> Finding {
    // A switch named by its key or its own label outweighs siblings that merely sit under the same heading.
    let specific: Vec<&Evidence> = items.iter().filter(|e| !e.by_context).collect();
    let items: Vec<&Evidence> = if specific.is_empty() {
        items.iter().collect()
    } else {
        specific
    };
    let strongest = items
        .iter()
        .map(|e| e.reason)
        .min()
        .unwrap_or(Reason::NotFound);
    let control = items
        .iter()
        .find(|e| e.reason == strongest)
        .map(|e| e.control);
    let all_off = items.iter().all(|e| e.checked == Some(false));
    let (state, reason) = if items.len() > MAX_CLAIMS || (all_off && page_truncated) {
        (SeenState::Unknown, Reason::Ambiguous)
    } else if items.iter().any(|e| e.checked.is_none()) {
        (SeenState::Unknown, Reason::Indeterminate)
    } else if items.iter().all(|e| e.checked == Some(true)) {
        (SeenState::On, strongest)
    } else if all_off {
        (SeenState::Off, strongest)
    } else {
        (SeenState::Unknown, Reason::Conflict)
    };
    Finding {
        setting: setting.to_string(),
        state,
        control,
        reason,
    }
}

#[cfg(test)]
mod tests;
