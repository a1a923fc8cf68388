// @ts-check
// The one declaration of every runtime message, event and reply: content scripts ↔ worker ↔ extension pages,
// the entry points the worker injects, and the values that cross into the WASM core. Senders and handlers import
// these types from here (the type check enforces them); nothing else declares them again.
//
// The values the core reads and writes are not written out here: they come from the core's Rust types, generated
// into types/core/core.d.ts by `cargo test` (src/js_types.rs, which fails when that file is stale). So a field
// renamed, added or removed in Rust breaks the type check of every JS reader and sender, not a page at run time.
// What each field means is documented on the Rust type (and copied into core.d.ts); docs/architecture.md explains
// the contracts and points here for the shapes.

// ------------------------------------------------------------------------------------------- page snapshot
/**
 * One switch-like control as the content script saw it (Rust: `snapshot::Control`). Every fact but `kind` may be
 * left out: a missing fact reads as the cautious default (not visible, not settled).
 * @typedef {Partial<CoreControl> & Pick<CoreControl, 'kind'>} Control
 * @typedef {import('../../types/core/core.js').Control} CoreControl
 */
/**
 * What a LinkedIn page shows, version 1 (Rust: `snapshot::Snapshot`). Missing fields default, unknown fields are
 * ignored, the core bounds every string and list again. The content script sends who is signed in as `me` (the
 * profile handle the page shows, content/page-facts.js `identity`), `meName` and `meConflict`; the worker replaces
 * them by `account` and `accountName` (its salted hashes) and `accountConflict`, which only the worker sets.
 * @typedef {Partial<Omit<CoreSnapshot, 'v' | 'controls'>> & { v: 1, url: string, controls?: Control[], me?: string,
 *   meName?: string, meConflict?: boolean }} Snapshot
 * @typedef {import('../../types/core/core.js').Snapshot} CoreSnapshot
 */

// ------------------------------------------------------------------------------------------------- events
/** @typedef {import('../../types/core/core.js').Region} Region */
/**
 * A member's decision (Rust: `events::Event`, read through `EventFields`).
 * @typedef {import('../../types/core/core.js').Event} WorkerEvent
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
 * The browser facts the core cannot read (Rust: `status::Env`).
 * @typedef {import('../../types/core/core.js').Env} Env
 */
/**
 * The stored state object (`storage.local.state`, Rust: `state::State`, schema 2). Earlier versions stored it as
 * JSON text; the core reads both and the worker writes the object back. The fields Rust leaves out while they
 * are empty or false are optional here (ts-rs sees `skip_serializing_if` only beside a field's own `default`).
 * @typedef {Omit<CoreState, StateOmitted> & Partial<Pick<CoreState, StateOmitted>>} StoredState
 * @typedef {import('../../types/core/core.js').State} CoreState
 * @typedef {'accountCheck'|'names'|'held'|'nudgeShownDay'|'nudgeClosedDay'} StateOmitted
 */
/**
 * @typedef {import('../../types/core/core.js').Seen} SeenSetting  a stored reading
 * @typedef {import('../../types/core/core.js').ExtraSeen} ExtraSeen  an unknown switch, as stored
 */
/**
 * What a page should draw (Rust: `advice::Advice`, `Banner`, `Titles`).
 * @typedef {import('../../types/core/core.js').Advice} Advice
 * @typedef {import('../../types/core/core.js').Banner} AdviceBanner
 * @typedef {import('../../types/core/core.js').Titles} SettingTitle  a setting's names in `lang`
 */
/** @typedef {import('../../types/core/core.js').NextStep} NextStep */
/**
 * The popup's and the badge's view (Rust: `status::StatusView`, `Row`, `RowState`, `RowStatus`).
 * @typedef {import('../../types/core/core.js').StatusView} StatusView
 * @typedef {import('../../types/core/core.js').Row} Row
 * @typedef {import('../../types/core/core.js').RowState} RowState
 * @typedef {import('../../types/core/core.js').RowStatus} RowStatus
 */
/**
 * What the core makes of a page (Rust: `detect::Detection`; tests and bench only).
 * @typedef {import('../../types/core/core.js').Detection} Detection
 */
/**
 * Every state-taking core call's reply (Rust: `wasm_api::Reply`): one crossing per message.
 * @typedef {Object} CoreReply
 * @property {StoredState} state     the state to store
 * @property {boolean} changed       it differs from what was stored: write it (stored text too)
 * @property {boolean} cardsChanged  what the reminder cards say (a reminder due, how many settings are open, which one
 *                                   is next) differs from the stored state's: the cards in other tabs ask again
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

