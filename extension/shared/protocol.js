// @ts-check
// The one declaration of every runtime message, event and reply: content scripts ↔ worker ↔ extension pages,
// the entry points the worker injects, and the values that cross into the WASM core. Senders and handlers import
// these types (the type check enforces them); the core mirrors them as serde types with the same field names
// (src/snapshot.rs, src/events.rs, src/advice.rs, src/status.rs, src/state.rs, src/wasm_api.rs).
// docs/architecture.md describes what the fields mean and points here for their shapes.

// ------------------------------------------------------------------------------------------- page snapshot
/**
 * One switch-like control as the content script saw it (Rust: `snapshot::Control`). A missing fact reads as the
 * cautious default (not visible, not settled).
 * @typedef {Object} Control
 * @property {'checkbox'|'switch'|'button'|'other'} kind  (an unknown kind reads as `other`)
 * @property {string} [name]      accessible name, at most 500 chars
 * @property {string[]} [keys]    aria-labelledby tokens, id, name attribute (at most 8 of 100 chars)
 * @property {string} [context]   nearest heading / label group, at most 500 chars
 * @property {boolean|null} [checked]  null: the control does not say
 * @property {boolean} [disabled]
 * @property {boolean} [visible]
 * @property {boolean} [busy]
 * @property {boolean} [pending]  an edit is not saved yet (Save/Cancel enabled, "unsaved changes", a confirm dialog)
 * @property {boolean} [inert]
 * @property {boolean} [shadow]
 * @property {boolean} [main]
 * @property {number|null} [section]
 * @property {boolean} [settled]
 */
/**
 * What a LinkedIn page shows, version 1 (Rust: `snapshot::Snapshot`). Missing fields default, unknown fields are
 * ignored, the core bounds every string and list again. `account` is set by the worker only (the salted key).
 * @typedef {Object} Snapshot
 * @property {1} v
 * @property {string} url
 * @property {string} [lang]
 * @property {string} [title]
 * @property {string} [heading]
 * @property {boolean} [loginForm]
 * @property {Control[]} [controls]   at most 5,000
 * @property {boolean} [truncated]
 * @property {boolean} [pageSettled]
 * @property {string} [me]            the profile handle the page shows (content/page-facts.js `identity`; the worker
 *                                    replaces it by `account`, its salted hash)
 * @property {string} [meName]        the member's name the page shows (the worker replaces it by `accountName`)
 * @property {boolean} [meConflict]   the page's signals of who is signed in disagree (passed on as `accountConflict`)
 * @property {string} [account]
 * @property {string} [accountName]
 * @property {boolean} [accountConflict]
 */

// ------------------------------------------------------------------------------------------------- events
/** @typedef {'eu'|'uk'|'row'} Region */
/**
 * A member's decision (Rust: `events::Event`, read through `EventFields`).
 * @typedef {{ type: 'setRegion', region: 'eu'|'uk'|'row' } | { type: 'finishSetup' } |
 *   { type: 'snooze', duration: 'day'|'week'|'month' } | { type: 'unsnooze' } | { type: 'closeNudge' } |
 *   { type: 'dismiss', setting: string } | { type: 'undismiss', setting: string } |
 *   { type: 'dismissAll' } | { type: 'undismissAll' } | { type: 'startGuide' } | { type: 'stopGuide' } |
 *   { type: 'resumeGuide' } |
 *   { type: 'setRecheckDays', days: number } | { type: 'forgetOtherAccounts' } | { type: 'signInPage' }} WorkerEvent
 */
/** @typedef {WorkerEvent['type']} EventType */
/**
 * The events a content script may send (the card's decisions and undos; signin.js's `signInPage`); the others come
 * only from the extension's own pages.
 * @type {ReadonlySet<EventType>}
 */
export const CONTENT_EVENTS = new Set(
  /** @type {EventType[]} */ ([
    'snooze', 'dismiss', 'dismissAll', 'stopGuide', 'closeNudge', 'signInPage',
    // the Undo of each of the card's decisions (× has none: it only means "not again today")
    'unsnooze', 'undismiss', 'undismissAll', 'resumeGuide',
  ]),
);

// -------------------------------------------------------------------------------------------- core values
/**
 * The browser facts the core cannot read (Rust: `status::Env`): `utcOffset` in whole minutes within ±16 h.
 * @typedef {{ uiLang: string, timeZone: string, utcOffset: number }} Env
 */
/**
 * The stored state object (`storage.local.state`, Rust: `state::State`, schema 2). Earlier versions stored it as
 * JSON text; the core reads both and the worker writes the object back.
 * @typedef {Object} StoredState
 * @property {2} schema
 * @property {'eu'|'uk'|'row'|null} region
 * @property {boolean} setupDone
 * @property {string|null} account
 * @property {boolean} [accountCheck]   the account may have changed since a page last showed it
 * @property {string} [accountName]     salted hash of the current account's name
 * @property {{seenAt: number, settings: Record<string, SeenSetting>, extras: Record<string, ExtraSeen>}} [held]
 *   readings whose account is not known yet
 * @property {Record<string, SeenSetting>} settings
 * @property {Record<string, ExtraSeen>} extras
 * @property {Record<string, {seenAt: number, settings: Record<string, SeenSetting>, extras: Record<string, ExtraSeen>, name?: string}>} others
 * @property {string[]} dismissed
 * @property {boolean} dismissAll
 * @property {number|null} snoozeUntil
 * @property {number} [nudgeShownDay]
 * @property {number} [nudgeClosedDay]
 * @property {{active: boolean, startedAt: number}|null} guide
 * @property {number} recheckDays
 */
/**
 * @typedef {{ state: 'on'|'off'|'unknown', seenAt: number, changedAt: number, turnedBackOnAt?: number,
 *   reason?: string, importedAt?: number }} SeenSetting
 * @typedef {{ url: string, state: 'on'|'off'|'unknown', firstSeen: number, lastSeen: number }} ExtraSeen
 */
/**
 * What a page should draw (Rust: `advice::Advice`).
 * @typedef {Object} Advice
 * @property {boolean} needControls  send the page's switches: this is a settings page
 * @property {boolean} watch         keep watching for a late switch and for the member flipping it
 * @property {AdviceBanner|null} banner
 */
/**
 * @typedef {Object} AdviceBanner
 * @property {'nudge'|'guide'|'done'} mode
 * @property {string|null} setting
 * @property {'on'|'off'|'unknown'|'notFound'|'checking'|null} status
 * @property {number|null} control
 * @property {{index: number, total: number}|null} step   index is 1-based ("Step 2 of 5")
 * @property {NextStep|null} next
 * @property {string|null} url        the setting's own URL
 * @property {number} remaining
 * @property {boolean} toCheck       none of the remaining ones was ever read
 * @property {number} checkMinutes   about how long the guide takes through them
 * @property {string} lang
 * @property {number|null} turnedBackOnAt
 * @property {string[]} unknownHere   labels of switches on this page that are on and no catalog setting claims
 * @property {NextStep|null} form   done: the optional objection form (a clearly optional extra step)
 * @property {Record<string, SettingTitle>} titles
 */
/** @typedef {{ title: string, label: string, url: string }} SettingTitle  a setting's names in the banner's language */
/** @typedef {{ id: string, url: string }} NextStep */
/**
 * @typedef {'on'|'off'|'unknown'|'unchecked'} RowState
 * @typedef {'on'|'off'|'unknown'|'unchecked'|'recheck'|'dismissed'|'notInRegion'|'optional'} RowStatus
 */
/**
 * One catalog setting in the status view (Rust: `status::Row`).
 * @typedef {{ id: string, kind: 'toggle'|'form', state: RowState, applies: boolean, status: RowStatus,
 *   seenAt: number|null, reason: string|null, importedAt: number|null, turnedBackOn: boolean,
 *   turnedBackOnAt: number|null, url: string, title: string, label: string, why: string, importance: number,
 *   category: string }} Row
 */
/**
 * The popup's and the badge's view (Rust: `status::StatusView`).
 * @typedef {Object} StatusView
 * @property {'eu'|'uk'|'row'} region
 * @property {boolean} regionChosen
 * @property {boolean} setupDone
 * @property {string} lang
 * @property {{text: string, color: string, textColor: string, kind: 'attention'|'unchecked'|'toCheck'|'done'|'quiet', count: number}} badge
 * @property {Row[]} rows
 * @property {number} remaining
 * @property {number} total
 * @property {boolean} allDone
 * @property {boolean} toCheck      something is open and none of it was ever read ("to check", neutral badge)
 * @property {number} checkMinutes  about how long the guide takes through what is open
 * @property {number|null} snoozeUntil
 * @property {boolean} dismissAll
 * @property {boolean} guideActive
 * @property {NextStep|null} next
 * @property {number} recheckDays
 * @property {boolean} nudge        ordinary pages get the reminder card bundle
 * @property {boolean} nudgeDue
 * @property {boolean} nudgeClosed
 * @property {boolean} accountKnown
 * @property {number} otherAccounts
 * @property {boolean} accountUncertain  LinkedIn has not shown who is signed in since the account may have changed
 * @property {{label: string, url: string, state: 'on'|'off'|'unknown', firstSeen: number, lastSeen: number}[]} unknownSettings
 * @property {string[]} problems   problem codes (`problem<Code>` messages)
 */
/**
 * Every state-taking core call's reply (Rust: `wasm_api::Reply`): one crossing per message.
 * @typedef {Object} CoreReply
 * @property {StoredState} state     the state to store
 * @property {boolean} changed       it differs from what was stored: write it (text from an earlier version too)
 * @property {boolean} backup        what was stored could not be read completely: keep it as a backup
 * @property {string[]} problems     the problem codes to keep
 * @property {StatusView} status
 * @property {number|null} wake      when to wake to refresh the badge (ms)
 * @property {string} [error]        an event the core refused (nothing changed)
 */
/**
 * A page report's reply: what to draw; the status view and wake-up only when something changed or was damaged
 * (the badge already shows the rest).
 * @typedef {Omit<CoreReply, 'status'|'wake'|'error'> & { advice: Advice, status?: StatusView, wake?: number|null }} PageCoreReply
 */
/** @typedef {{ state: StoredState, problems?: undefined } | { state?: undefined, problems: string[] }} ImportOutcome */

// -------------------------------------------------------------------------------------------- banner text
// The worker turns the core's advice into this text (worker/banner-text.js); the content scripts draw it.
/**
 * @typedef {Object} BannerLink
 * @property {string} label
 * @property {string} href      a https://www.linkedin.com/ URL (the content script drops anything else)
 */
/**
 * @typedef {Object} BannerText  what the content script renders; '' / null means "leave it out"
 * @property {string} lang      language of all strings below (BCP-47 base: en de fr es nl it pt)
 * @property {'ltr'|'rtl'} dir
 * @property {'nudge'|'guide'|'done'} mode
 * @property {string} brand     "OptOut Pilot"
 * @property {string} region    aria-label of the banner region
 * @property {string} close     label of the close button
 * @property {string} [closeNudge] nudge only: label of its close button (it stays closed until tomorrow)
 * @property {string} title     heading (nudge: why; guide: the setting's title; done: "All done")
 * @property {string} body      one short paragraph, may be ''
 * @property {string} detail    a second, emphasised line (nudge: "Next: <setting title>"), may be ''
 * @property {string} [aside]   this page shows a switch that is on and that OptOut Pilot does not know yet, else ''
 * @property {string} step      guide: "Step 2 of 5", else ''
 * @property {''|'on'|'off'|'unknown'|'notFound'|'checking'} statusKind  guide: the status shown, else ''
 * @property {string} status    guide: the status sentence ("Off — saved", …), else ''
 * @property {string} looking   guide: shown instead of a notFound status while the page is still rendering
 * @property {BannerLink|null} link  nudge: next setting; guide off: "Next: …"; guide notFound: the setting page
 * @property {string} fix       guide, status on and control known: "Turn it off for me", else ''
 * @property {string} keepOn    guide, not off: "Keep this on" (dismisses this setting), else ''
 * @property {string} [done]    done: label of the Done button that closes the finished guide, else ''
 * @property {string} [formNote] done: the optional extra step (LinkedIn's objection form), else ''
 * @property {BannerLink|null} [form] done: the link to that form, else null
 * @property {string} stopGuide guide: "Stop the guide", else ''
 * @property {{label: string, day: string, week: string, month: string}|null} snooze  nudge only
 * @property {string} dismissAll nudge: "Don't remind me again", else ''
 * @property {string} highlight label next to the ring around the switch ("Turn this off")
 * @property {string} announce  what the live region says when this state is first shown
 * @property {string} working   one-click: "Turning it off…"
 * @property {string} confirm   one-click: LinkedIn shows a confirmation dialog
 * @property {string} failed    one-click: the switch did not change
 * @property {string} reverted  the switch was turned off here, then the page switched it back on
 * @property {string} error     an action could not be saved
 * @property {string} [undo] label of the Undo button on an acknowledgement of a quieting decision
 * @property {{why: string, cancel: string, dismissAll: {ask: string, yes: string}, keepOn: {ask: string, yes: string}}} sure
 *   the second step of a decision that silences reminders, where the browser cannot confirm the card is seen
 * @property {{day: string, week: string, month: string, dismissAll: string, keepOn: string, stopGuide: string}} ack
 *   short confirmations after the banner's actions
 */

// --------------------------------------------------------------------------------------- runtime messages
/**
 * Content script → worker.
 * @typedef {{ type: 'page', snapshot: Snapshot, card?: boolean }} PageMessage  `card`: our reminder card is on screen
 * @typedef {{ type: 'navigated' }} NavigatedMessage  the page changed in-page
 * @typedef {{ type: 'event', event: WorkerEvent }} EventMessage  (content scripts: CONTENT_EVENTS only)
 * @typedef {PageMessage | NavigatedMessage | EventMessage} ContentMessage
 */
/**
 * Extension page (popup, options, onboarding) → worker.
 * @typedef {{ type: 'status' }} StatusMessage
 * @typedef {{ type: 'startGuide' }} StartGuideMessage
 * @typedef {{ type: 'export' }} ExportMessage
 * @typedef {{ type: 'import', json: string }} ImportMessage  the file's text
 * @typedef {{ type: 'clearProblems' }} ClearProblemsMessage  the member has read the notices (backups stay)
 * @typedef {EventMessage | StatusMessage | StartGuideMessage | ExportMessage | ImportMessage | ClearProblemsMessage} PageToWorkerMessage
 */
/** @typedef {ContentMessage | PageToWorkerMessage} WorkerMessage */
/**
 * Replies (an `ErrorReply` instead when the sender may not send it, or the worker failed).
 * @typedef {{ advice: Advice, text: BannerText|null }} PageReply
 * @typedef {{ guide: boolean }} NavigatedReply  true: the worker loaded the guide into the sender's document
 * @typedef {{ ok: true, status: StatusView } | { ok: false, error: string, status?: StatusView }} EventReply
 * @typedef {{ url: string|null, status: StatusView }} StartGuideReply
 * @typedef {{ json: string }} ExportReply
 * @typedef {{ ok: true, status: StatusView } | { ok: false, error: string }} ImportReply
 * @typedef {{ error: string }} ErrorReply  'notLinkedIn', 'notAllowed', 'unknownMessage' or the failure
 */
/**
 * The reply each message gets.
 * @template {WorkerMessage} M
 * @typedef {M extends PageMessage ? PageReply : M extends NavigatedMessage ? NavigatedReply :
 *   M extends EventMessage ? EventReply : M extends StatusMessage ? StatusView : M extends StartGuideMessage ? StartGuideReply :
 *   M extends ExportMessage ? ExportReply : M extends ImportMessage ? ImportReply : M extends ClearProblemsMessage ? StatusView :
 *   never} ReplyTo
 */

// ---------------------------------------------------------------------------------- injected entry points
/**
 * What the content bundles share in their isolated world under `Symbol.for(LOADED_BUNDLES_KEY)`, read by the worker's
 * `chrome.scripting.executeScript` functions (worker/content-scripts.js): `guide` (the guide runs in this document)
 * and `recheck()` (a card on screen asks the worker again). Declared with the bundles, in content/loaded-bundles.js.
 * @typedef {import('../content/loaded-bundles.js').LoadedBundles} InjectedApi
 */

