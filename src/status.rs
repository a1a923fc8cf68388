//! The at-a-glance view: one row per catalog setting, the badge, and what to do next.

use crate::catalog::{Catalog, Setting, SettingKind};
use crate::detect::SeenState;
use crate::json::{Json, Writer};
use crate::region::{self, Region};
use crate::reminders::{
    local_day, nudge_closed_on, nudge_shown_on, recheck_due, reminders_quiet, MAX_UTC_OFFSET_MIN,
};
use crate::state::{Millis, State};

/// The browser facts the core cannot read itself.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub ui_lang: String,
    pub time_zone: String,
    /// How many minutes local time is ahead of UTC now (JS: `-new Date().getTimezoneOffset()`): where the
    /// member's day starts (local midnight) for the once-a-day reminder card.
    pub utc_offset_min: i32,
}

/// What was last seen on LinkedIn (`unchecked` = never).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowState {
    On,
    Off,
    Unknown,
    Unchecked,
}

/// What the extension makes of it for this user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    On,
    Off,
    Unknown,
    Unchecked,
    Recheck,
    Dismissed,
    NotInRegion,
    /// Link-only entries (forms): nothing to read, optional to do.
    Optional,
}

impl RowStatus {
    /// Still needs the user's attention (counted on the badge).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            RowStatus::On | RowStatus::Unknown | RowStatus::Unchecked | RowStatus::Recheck
        )
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub kind: SettingKind,
    pub state: RowState,
    pub applies: bool,
    pub status: RowStatus,
    pub seen_at: Option<Millis>,
    /// How the last reading was established, or why it could not be (see `Reason`).
    pub reason: Option<crate::detect::Reason>,
    /// The reading came with an imported file (when it was imported): not seen in this browser.
    pub imported_at: Option<Millis>,
    pub turned_back_on: bool,
    /// When it was seen going from off back to on, while it is on.
    pub turned_back_on_at: Option<Millis>,
    pub url: String,
    pub title: String,
    pub label: String,
    pub why: String,
    pub importance: u32,
    pub category: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadgeKind {
    /// Something applicable was seen on.
    Attention,
    /// Nothing seen on, but something not checked yet or unreadable.
    Unchecked,
    /// Every applicable setting seen off.
    Done,
    /// Reminders are snoozed or dismissed: the badge still counts, in a quiet colour.
    Quiet,
}

#[derive(Debug, Clone)]
pub struct Badge {
    pub text: String,
    pub color: &'static str,
    pub text_color: &'static str,
    pub kind: BadgeKind,
    pub count: usize,
}

#[derive(Debug, Clone)]
pub struct NextStep {
    pub id: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct StatusView {
    pub region: Region,
    pub region_chosen: bool,
    pub setup_done: bool,
    pub lang: String,
    pub badge: Badge,
    pub rows: Vec<Row>,
    pub remaining: usize,
    pub total: usize,
    pub all_done: bool,
    pub snooze_until: Option<Millis>,
    pub dismiss_all: bool,
    pub guide_active: bool,
    pub next: Option<NextStep>,
    pub recheck_days: u32,
    /// The next ordinary LinkedIn page load gets the reminder card: something is still open, reminders are
    /// not quiet, and the card was neither closed nor shown yet today (once a day). The worker loads the
    /// nudge script on those pages only while this holds.
    pub nudge: bool,
    /// A reminder is due today (something open, reminders not quiet, not closed today): a card already on
    /// screen may stay, and the badge says so; `nudge` adds "not shown yet today".
    pub nudge_due: bool,
    /// The member closed the card today (×): it comes back tomorrow, or when they ask for it.
    pub nudge_closed: bool,
    /// A LinkedIn page has shown which account is signed in: the status is that account's. Otherwise it is
    /// what this browser saw before any page showed an account.
    pub account_known: bool,
    /// How many other LinkedIn accounts were seen in this browser (their readings are kept, not shown).
    pub other_accounts: usize,
    /// Ordinary pages should say who is signed in (no account seen yet, or a sign-in page since): the worker
    /// loads the small `who.js` there only then.
    pub who_due: bool,
    /// Switches LinkedIn showed that the catalog does not know (label, page, state, first/last seen), most
    /// recently seen first. Not counted as known on/off anywhere.
    pub unknown_settings: Vec<(String, crate::state::ExtraSeen)>,
    pub problems: Vec<String>,
}

crate::json_names!(RowState { On => "on", Off => "off", Unknown => "unknown", Unchecked => "unchecked" });
crate::json_names!(RowStatus {
    On => "on", Off => "off", Unknown => "unknown", Unchecked => "unchecked", Recheck => "recheck",
    Dismissed => "dismissed", NotInRegion => "notInRegion", Optional => "optional",
});
crate::json_names!(BadgeKind { Attention => "attention", Unchecked => "unchecked", Done => "done", Quiet => "quiet" });

impl Env {
    /// `{uiLang, timeZone, utcOffset}`: optional text, text, and whole minutes within ±16 h; anything else
    /// is an error.
    pub fn from_json(value: &Json) -> Result<Env, String> {
        let bad = || "env: expected {uiLang, timeZone, utcOffset}".to_string();
        let [ui_lang, time_zone, utc_offset] = value
            .fields(["uiLang", "timeZone", "utcOffset"])
            .ok_or_else(bad)?;
        let text = |v: Option<&Json>| match v {
            None => Ok(String::new()),
            Some(v) => v.as_str().map(str::to_string).ok_or_else(bad),
        };
        Ok(Env {
            ui_lang: text(ui_lang)?,
            time_zone: text(time_zone)?,
            utc_offset_min: match utc_offset {
                None => 0,
                Some(v) => v
                    .as_i64()
                    .filter(|m| m.abs() <= MAX_UTC_OFFSET_MIN as i64)
                    .ok_or_else(bad)? as i32,
            },
        })
    }
}

impl NextStep {
    pub fn write(&self, w: &mut Writer) {
        w.begin_object().key("id").string(&self.id);
        w.key("url").string(&self.url).end_object();
    }
}

pub fn write_next(w: &mut Writer, next: Option<&NextStep>) {
    match next {
        Some(n) => n.write(w),
        None => {
            w.null();
        }
    }
}

impl StatusView {
    /// The JSON the popup and options pages read (docs/architecture.md).
    pub fn to_json(&self) -> String {
        let mut w = Writer::default();
        w.begin_object().key("region").string(self.region.as_str());
        w.key("regionChosen").bool(self.region_chosen);
        w.key("setupDone").bool(self.setup_done);
        w.key("lang").string(&self.lang);
        let b = &self.badge;
        w.key("badge").begin_object().key("text").string(&b.text);
        w.key("color").string(b.color);
        w.key("textColor").string(b.text_color);
        w.key("kind").string(b.kind.as_str());
        w.key("count").int(b.count as i64).end_object();
        w.key("rows").begin_array();
        for r in &self.rows {
            w.begin_object().key("id").string(&r.id);
            w.key("kind").string(r.kind.as_str());
            w.key("state").string(r.state.as_str());
            w.key("applies").bool(r.applies);
            w.key("status").string(r.status.as_str());
            w.key("seenAt").opt_int(r.seen_at);
            w.key("reason").opt_string(r.reason.map(|r| r.as_str()));
            w.key("importedAt").opt_int(r.imported_at);
            w.key("turnedBackOn").bool(r.turned_back_on);
            w.key("turnedBackOnAt").opt_int(r.turned_back_on_at);
            w.key("url").string(&r.url);
            w.key("title").string(&r.title);
            w.key("label").string(&r.label);
            w.key("why").string(&r.why);
            w.key("importance").int(r.importance as i64);
            w.key("category").string(&r.category);
            w.end_object();
        }
        w.end_array().key("remaining").int(self.remaining as i64);
        w.key("total").int(self.total as i64);
        w.key("allDone").bool(self.all_done);
        w.key("snoozeUntil").opt_int(self.snooze_until);
        w.key("dismissAll").bool(self.dismiss_all);
        w.key("guideActive").bool(self.guide_active);
        w.key("next");
        write_next(&mut w, self.next.as_ref());
        w.key("recheckDays").int(self.recheck_days as i64);
        w.key("nudge").bool(self.nudge);
        w.key("nudgeDue").bool(self.nudge_due);
        w.key("nudgeClosed").bool(self.nudge_closed);
        w.key("accountKnown").bool(self.account_known);
        w.key("otherAccounts").int(self.other_accounts as i64);
        w.key("whoDue").bool(self.who_due);
        w.key("unknownSettings").begin_array();
        for (label, e) in &self.unknown_settings {
            w.begin_object().key("label").string(label);
            w.key("url").string(&e.url);
            w.key("state").string(e.state.as_str());
            w.key("firstSeen").int(e.first_seen);
            w.key("lastSeen").int(e.last_seen).end_object();
        }
        w.end_array();
        w.key("problems").strings(&self.problems);
        w.end_object();
        w.out
    }
}

/// The region used for decisions: the user's choice, else a guess from the browser.
pub fn effective_region(state: &State, env: &Env) -> Region {
    state
        .region
        .unwrap_or_else(|| region::guess(&env.time_zone, &env.ui_lang))
}

/// Pick the display language: the first supported of the candidates, else English.
pub fn pick_lang<'a>(catalog: &'a Catalog, candidates: &[&str]) -> &'a str {
    candidates
        .iter()
        .find_map(|c| catalog.language(c))
        .unwrap_or("en")
}

pub fn row(setting: &Setting, state: &State, region: Region, lang: &str, now: Millis) -> Row {
    let seen = state.settings.get(&setting.id);
    let row_state = match (setting.kind, seen.map(|s| s.state)) {
        (SettingKind::Form, _) | (_, None) => RowState::Unchecked,
        (_, Some(SeenState::On)) => RowState::On,
        (_, Some(SeenState::Off)) => RowState::Off,
        (_, Some(SeenState::Unknown)) => RowState::Unknown,
    };
    let applies = setting.applies_in(region);
    let status = if !applies {
        RowStatus::NotInRegion
    } else if setting.kind == SettingKind::Form {
        RowStatus::Optional
    } else if state.dismissed.contains(&setting.id) {
        RowStatus::Dismissed
    } else {
        match row_state {
            RowState::On => RowStatus::On,
            RowState::Unknown => RowStatus::Unknown,
            RowState::Unchecked => RowStatus::Unchecked,
            // An imported "off" is the file's word, not something this browser saw: look again.
            RowState::Off
                if seen.is_some_and(|s| {
                    s.imported_at.is_some() || recheck_due(state, s.seen_at, now)
                }) =>
            {
                RowStatus::Recheck
            }
            RowState::Off => RowStatus::Off,
        }
    };
    Row {
        id: setting.id.clone(),
        kind: setting.kind,
        state: row_state,
        applies,
        status,
        seen_at: seen.map(|s| s.seen_at),
        reason: seen.and_then(|s| s.reason),
        imported_at: seen.and_then(|s| s.imported_at),
        turned_back_on: seen
            .is_some_and(|s| s.state == SeenState::On && s.turned_back_on_at.is_some()),
        turned_back_on_at: seen
            .filter(|s| s.state == SeenState::On)
            .and_then(|s| s.turned_back_on_at),
        url: setting.url.clone(),
        title: Setting::localized(&setting.title, lang).to_string(),
        label: Setting::localized(&setting.label, lang).to_string(),
        why: Setting::localized(&setting.why, lang).to_string(),
        importance: setting.importance,
        category: setting.category.clone(),
    }
}

pub fn status(
    state: &State,
    catalog: &Catalog,
    env: &Env,
    now: Millis,
    problems: Vec<String>,
) -> StatusView {
    let region = effective_region(state, env);
    let lang = pick_lang(catalog, &[&env.ui_lang]).to_string();
    let rows: Vec<Row> = catalog
        .settings
        .iter()
        .map(|s| row(s, state, region, &lang, now))
        .collect();
    let steps = rows
        .iter()
        .filter(|r| r.kind == SettingKind::Toggle && r.applies && r.status != RowStatus::Dismissed);
    let total = steps.clone().count();
    let remaining = steps.clone().filter(|r| r.status.is_open()).count();
    let next = steps
        .clone()
        .find(|r| r.status.is_open())
        .map(|r| NextStep {
            id: r.id.clone(),
            url: r.url.clone(),
        });
    let any_on = steps.clone().any(|r| r.status == RowStatus::On);
    let quiet = reminders_quiet(state, now);
    let today = local_day(now, env.utc_offset_min);
    let nudge_closed = nudge_closed_on(state, today);
    let nudge_due = remaining > 0 && !quiet && !nudge_closed;
    let badge = badge(remaining, any_on, quiet);
    StatusView {
        region,
        region_chosen: state.region.is_some(),
        setup_done: state.setup_done,
        lang,
        badge,
        remaining,
        total,
        all_done: remaining == 0,
        rows,
        snooze_until: state.snooze_until.filter(|&u| u > now),
        dismiss_all: state.dismiss_all,
        guide_active: state.guide.as_ref().is_some_and(|g| g.active),
        next,
        recheck_days: state.recheck_days,
        nudge: nudge_due && !nudge_shown_on(state, today),
        nudge_due,
        nudge_closed,
        account_known: state.account.is_some(),
        other_accounts: state.others.len(),
        who_due: state.account.is_none() || state.account_check,
        unknown_settings: {
            let mut list: Vec<_> = state
                .extras
                .iter()
                .map(|(l, e)| (l.clone(), e.clone()))
                .collect();
            list.sort_by_key(|(_, e)| std::cmp::Reverse(e.last_seen));
            list
        },
        problems,
    }
}

fn badge(remaining: usize, any_on: bool, quiet: bool) -> Badge {
    let (kind, color) = match (remaining, any_on, quiet) {
        (0, _, _) => (BadgeKind::Done, "#1e7b34"),
        (_, _, true) => (BadgeKind::Quiet, "#5f6368"),
        (_, true, false) => (BadgeKind::Attention, "#b3261e"),
        (_, false, false) => (BadgeKind::Unchecked, "#8a5300"),
    };
    let text = if remaining == 0 {
        "✓".to_string()
    } else {
        crate::json::int_text(remaining.min(99) as i64)
    };
    Badge {
        text,
        color,
        text_color: "#ffffff",
        kind,
        count: remaining,
    }
}

#[cfg(test)]
mod tests;
