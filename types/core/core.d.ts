// Generated from the core's Rust types by `cargo test` (src/js_types.rs, ts-rs): do not edit.
// Rewrite with `OPTOUT_WRITE_TYPES=1 cargo test js_types`. extension/shared/protocol.js refers to these types.

export type Region = "eu" | "uk" | "row";

export type SettingKind = "toggle" | "form";

export type SnoozeDuration = "day" | "week" | "month";

export type ControlKind = "checkbox" | "switch" | "button" | "other";

/**
 * Every field optional (missing: the default, so a missing fact is the cautious one); a field that is there must
 * have the right type, else the whole control is unreadable. `null` flags read as their default.
 */
export type Control = { kind: ControlKind, name: string, keys: Array<string>, context: string, 
/**
 * `None` when the control does not say (mixed, missing attribute).
 */
checked: boolean | null, disabled: boolean, 
/**
 * Rendered and visible to the member (not `display:none`, `visibility:hidden`, transparent or
 * zero-sized, and not inside a closed `<details>`).
 */
visible: boolean, 
/**
 * `aria-busy` on the control or around it, or a loading indicator in its section.
 */
busy: boolean, 
/**
 * The page says an edit is not saved yet for this control: an enabled Save / Apply / Cancel / Discard
 * or a submit button whose form or region holds it, an "unsaved changes" or "saving…" text, or an open
 * confirm dialog that is not the control's own container. Like `busy`, `false` when not said (the content
 * script always says).
 */
pending: boolean, 
/**
 * Inside an `inert`, `aria-hidden="true"` or `hidden` subtree: not what the member acts on.
 */
inert: boolean, 
/**
 * Inside a shadow root (read through it).
 */
shadow: boolean, 
/**
 * Inside the page's current main landmark.
 */
main: boolean, 
/**
 * Index of the section (region, fieldset, form, …) the control belongs to; `None` outside any.
 */
section: number | null, 
/**
 * The control and these facts stayed the same for the content script's settle window, and the
 * document had finished loading.
 */
settled: boolean, };

/**
 * Read field by field (`Snapshot::read`), so a wrong field is reported and the rest is kept; written as the
 * content script sends it.
 */
export type Snapshot = { v: number, url: string, lang: string, title: string, heading: string, loginForm: boolean, controls: Array<Control>, truncated: boolean, 
/**
 * The page finished loading and had a few seconds to render (content script): what it lacks now is
 * missing, not late.
 */
pageSettled: boolean, 
/**
 * The signed-in account's key (the worker's salted hash of the handle the page showed; the page's
 * own report never carries it). Empty when the page did not show who is signed in.
 */
account: string, 
/**
 * The key of the member's name the page showed (the worker's salted hash; '' when none).
 */
accountName: string, 
/**
 * The page's signals of who is signed in disagreed (the worker passes the page's word on).
 */
accountConflict: boolean, };

/**
 * `{type: "setRegion", region: "eu"}` and so on (the variant in camelCase, its fields beside it). Written by
 * serde; read by `Event::read` through `EventFields` (serde's internally tagged reading would walk every field
 * of the object, however deeply nested).
 */
export type Event = { "type": "setRegion", region: Region, } | { "type": "finishSetup" } | { "type": "snooze", duration: SnoozeDuration, } | { "type": "unsnooze" } | { "type": "closeNudge" } | { "type": "dismiss", setting: string, } | { "type": "undismiss", setting: string, } | { "type": "dismissAll" } | { "type": "undismissAll" } | { "type": "startGuide" } | { "type": "stopGuide" } | { "type": "resumeGuide" } | { "type": "setRecheckDays", days: number, } | { "type": "forgetOtherAccounts" } | { "type": "signInPage" };

/**
 * The browser facts the core cannot read itself: `{uiLang, timeZone, utcOffset}` (the worker's `browserEnv`).
 * Missing fields default; `utcOffset` must be whole minutes within ±16 h (`Env::read`).
 */
export type Env = { uiLang: string, timeZone: string, 
/**
 * How many minutes local time is ahead of UTC now (JS: `-new Date().getTimezoneOffset()`): where the
 * member's day starts (local midnight) for the once-a-day reminder card.
 */
utcOffset: number, };

export type PageKind = "setting" | "hub" | "linkedin" | "login" | "notLinkedin";

export type Page = { kind: PageKind, setting: string | null, category: string | null, };

export type SeenState = "on" | "off" | "unknown";

/**
 * Why a finding says what it says. The first three are how a switch was identified (kept with the
 * reading, so the member can see why the extension believes it); the others say why no state could be
 * believed.
 */
export type Reason = "key" | "label" | "onlySwitch" | "conflict" | "ambiguous" | "indeterminate" | "disabled" | "busy" | "pending" | "hidden" | "unsettled" | "missing" | "notFound";

export type Finding = { setting: string, state: SeenState, 
/**
 * Index of the control in the snapshot, when one identifies the setting.
 */
control: number | null, reason: Reason, };

/**
 * A shown, enabled, settled switch the catalog does not know, as the member sees it.
 */
export type Extra = { 
/**
 * Its label as plain text, at most `MAX_EXTRA_LABEL` characters.
 */
label: string, state: SeenState, 
/**
 * The page it is on (origin and path).
 */
url: string, };

/**
 * What the core makes of a page (docs/architecture.md). Only the fuzzer and tests read it back.
 */
export type Detection = { page: Page, 
/**
 * The page's language when the catalog has it.
 */
lang: string | null, findings: Array<Finding>, 
/**
 * Switches on a data-privacy or advertising settings page that no catalog setting claims: LinkedIn may
 * have added a setting. Never given an identity.
 */
extras: Array<Extra>, problems: Array<string>, };

/**
 * A stored reading: `state`, `seenAt`, `changedAt` required; the rest optional (absent when `None`).
 */
export type Seen = { state: SeenState, 
/**
 * When this state was last read from a LinkedIn page.
 */
seenAt: number, 
/**
 * When the state last changed to this value.
 */
changedAt: number, 
/**
 * When it was last seen going from off back to on (LinkedIn or someone turned it on again).
 * Absent from the JSON when `None`.
 */
turnedBackOnAt?: number | null, 
/**
 * How the reading was established (`key`, `label`, `onlySwitch`) or, for an unknown state, why
 * nothing could be believed (`disabled`, `hidden`, …). Absent in data from older versions; a reason this
 * version does not know is dropped, not the reading.
 */
reason?: Reason | null, 
/**
 * When this reading came in with an imported file rather than from a LinkedIn page (`importedAt`,
 * absent when `None`): not something this browser saw, so it is due for a re-check until seen again.
 */
importedAt?: number | null, };

/**
 * A switch LinkedIn showed on a data-privacy or advertising page that the catalog does not know.
 */
export type ExtraSeen = { url: string, state: SeenState, firstSeen: number, lastSeen: number, };

/**
 * What was seen for an account that is not the one signed in now (in `others`), or on pages that did not show
 * the account while it may have changed (`held`).
 */
export type Bucket = { settings: { [key in string]: Seen }, extras: { [key in string]: ExtraSeen }, 
/**
 * When this account was last the one signed in (`held`: when the first of its readings was held).
 */
seenAt: number, };

export type Guide = { active: boolean, startedAt: number, };

/**
 * The stored state (docs/architecture.md). Written by serde; read by `State::read`, field by field.
 */
export type State = { schema: number, region: Region | null, setupDone: boolean, 
/**
 * The account signed in when a LinkedIn page last showed one (`None`: none shown yet — the readings
 * are the browser's, and the first account seen adopts them).
 */
account: string | null, 
/**
 * Something since a page last showed who is signed in could have changed the account (a sign-in or
 * sign-out page, an import, a page whose signals disagree): until a page shows the account again, readings
 * on pages that do not show it are held (`accountCheck`, absent when false).
 */
accountCheck: boolean, 
/**
 * The salted keys of the members' names as pages showed them with an account's handle, as
 * `"<account key>:<name key>"` (one per account; a set of text keeps the module small): a page that shows
 * only a name can confirm the account last seen, or contradict it.
 */
names: Array<string>, 
/**
 * Readings from pages that did not show the account while it was not known (`accountCheck`, or no account
 * seen yet): given to the next account a page shows, dropped after `HELD_MAX_AGE`, never to an account
 * seen before they were made unless a page shows it again.
 */
held: Bucket | null, 
/**
 * The current account's readings (the browser's while `account` is `None`).
 */
settings: { [key in string]: Seen }, 
/**
 * Readings of the other accounts seen in this browser, by account key.
 */
others: { [key in string]: Bucket }, 
/**
 * The current account's unknown switches, by their label.
 */
extras: { [key in string]: ExtraSeen }, dismissed: Array<string>, dismissAll: boolean, snoozeUntil: number | null, 
/**
 * The local day (`time::Day`) the reminder card was last drawn on an ordinary LinkedIn page.
 */
nudgeShownDay: number | null, 
/**
 * The local day the member closed the reminder card (×: not again today).
 */
nudgeClosedDay: number | null, guide: Guide | null, recheckDays: number, };

/**
 * What was last seen on LinkedIn (`unchecked` = never).
 */
export type RowState = "on" | "off" | "unknown" | "unchecked";

/**
 * What the extension makes of it for this user.
 */
export type RowStatus = "on" | "off" | "unknown" | "unchecked" | "recheck" | "dismissed" | "notInRegion" | "optional";

export type Row = { id: string, kind: SettingKind, state: RowState, applies: boolean, status: RowStatus, seenAt: number | null, 
/**
 * How the last reading was established, or why it could not be (see `Reason`).
 */
reason: Reason | null, 
/**
 * The reading came with an imported file (when it was imported): not seen in this browser.
 */
importedAt: number | null, turnedBackOn: boolean, 
/**
 * When it was seen going from off back to on, while it is on.
 */
turnedBackOnAt: number | null, url: string, title: string, label: string, why: string, importance: number, category: string, };

export type BadgeKind = "attention" | "unchecked" | "toCheck" | "done" | "quiet";

export type Badge = { text: string, color: string, textColor: string, kind: BadgeKind, count: number, };

export type NextStep = { id: string, url: string, };

/**
 * A switch LinkedIn showed that the catalog does not know: its label and what was seen of it.
 */
export type UnknownSetting = { label: string, url: string, state: SeenState, firstSeen: number, lastSeen: number, };

/**
 * The popup's and the badge's view of the state (docs/architecture.md).
 */
export type StatusView = { region: Region, regionChosen: boolean, setupDone: boolean, lang: string, badge: Badge, rows: Array<Row>, remaining: number, total: number, allDone: boolean, 
/**
 * Something is open and none of it was ever read (not on, not unknown, not due for a re-check): the
 * honest word is "to check", not "needs your attention".
 */
toCheck: boolean, 
/**
 * About how many minutes the guide takes through what is open (at least 1 while something is).
 */
checkMinutes: number, snoozeUntil: number | null, dismissAll: boolean, guideActive: boolean, next: NextStep | null, recheckDays: number, 
/**
 * The next ordinary LinkedIn page load gets the reminder card (`reminders::reminder_card`): something is
 * still open, reminders are not quiet, and the card was neither closed nor shown yet today. The worker loads
 * the nudge script on those pages only while this holds.
 */
nudge: boolean, 
/**
 * A reminder is due today (something open, reminders not quiet, not closed today): a card already on
 * screen may stay; `nudge` adds "not shown yet today".
 */
nudgeDue: boolean, 
/**
 * The member closed the card today (×): it comes back tomorrow, or when they ask for it.
 */
nudgeClosed: boolean, 
/**
 * A LinkedIn page has shown which account is signed in, and nothing since could have changed it: the status
 * is that account's.
 */
accountKnown: boolean, 
/**
 * How many other LinkedIn accounts were seen in this browser (their readings are kept, not shown).
 */
otherAccounts: number, 
/**
 * The account may have changed since a page last showed it (a sign-in or sign-out page, a page whose
 * signals disagree): the rows show only what was seen since (held), never the readings of the account seen
 * before, and the popup says that LinkedIn has not shown who it is. (Before any account was shown,
 * `account_known` is false and the rows are what this browser saw.)
 */
accountUncertain: boolean, 
/**
 * Switches LinkedIn showed that the catalog does not know (label, page, state, first/last seen), most
 * recently seen first. Not counted as known on/off anywhere.
 */
unknownSettings: Array<UnknownSetting>, problems: Array<string>, };

export type BannerMode = "nudge" | "guide" | "done";

export type PageStatus = "on" | "off" | "unknown" | "notFound" | "checking";

export type Step = { index: number, total: number, };

export type Titles = { title: string, label: string, url: string, };

export type Banner = { mode: BannerMode, setting: string | null, status: PageStatus | null, control: number | null, step: Step | null, next: NextStep | null, 
/**
 * The setting's own URL (the guide keeps linking to it when the switch is not found).
 */
url: string | null, 
/**
 * Settings still on, unknown or not checked.
 */
remaining: number, 
/**
 * None of the remaining ones was ever read: "to check", not "needs your attention" (status view).
 */
toCheck: boolean, 
/**
 * About how long the guide takes through the remaining ones, in minutes.
 */
checkMinutes: number, lang: string, 
/**
 * Titles and labels of the settings the banner mentions, in `lang`.
 */
titles: { [key in string]: Titles }, 
/**
 * Guide: the setting is on again after it was seen off (LinkedIn or someone switched it back on), since.
 */
turnedBackOnAt: number | null, 
/**
 * Labels of switches on this page that are on and that no catalog setting claims (LinkedIn added a
 * setting): mentioned on the card, never counted as a known setting on or off.
 */
unknownHere: Array<string>, 
/**
 * Done: the optional link-only entry (LinkedIn's objection form) that applies in the region, offered as
 * a clearly optional extra step at the end (its title in `titles`).
 */
form: NextStep | null, };

/**
 * What a page should draw (docs/architecture.md): the worker turns `banner` into the card's text.
 */
export type Advice = { 
/**
 * Send the page's switches: this is a settings page.
 */
needControls: boolean, 
/**
 * Keep watching the page for a late switch and for the user flipping it.
 */
watch: boolean, banner: Banner | null, };
