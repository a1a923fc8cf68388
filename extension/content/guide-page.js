// @ts-check
// OptOut Pilot guide bundle: the page view, what the guide's modules share about the page on screen. Only this
// module changes it, through the verbs below; the others read `view`. An in-page navigation starts a new page view
// (`reset`). What a module keeps for its own job (the report's signature and timers, the watch's observer) stays
// in that module.

/** @typedef {import('../shared/protocol.js').Advice} Advice */
/** @typedef {import('../shared/protocol.js').AdviceBanner} Banner */
/** @typedef {import('../shared/protocol.js').BannerText} BannerText */
/** @typedef {'info'|'warn'|'error'} NoticeKind */

import { forgetUndo } from './reminder-card.js';

/** After a click on the page, let LinkedIn update before reading back. */
export const SETTLE_MS = 300;

let gen = 0;               // bumps on every page change; stale async work checks it
let key = '';              // the page's address key (navigation.js)
/** @type {Advice|null} */
let advice = null;         // the worker's latest advice for this page
/** @type {BannerText|null} */
let text = null;           // and its words
/** @type {Element[]} */
let elements = [];         // the live switches of the snapshot the advice answers (advice.banner.control indexes it)
let notice = '';           // the card's notice line (one-click progress, an error, an acknowledgement)
/** @type {NoticeKind} */
let noticeKind = 'info';
let closedHere = false;    // the guide or done card was closed: not again on this page view
let busy = false;          // one-click is running: the card's buttons wait
let confirming = false;    // one-click: LinkedIn's confirmation dialog is open, waiting for the member
let holding = false;       // an acknowledgement is about to take the card's place: do not clear it first

/** What the guide knows about the page on screen (read-only). */
export const view = Object.freeze({
  get gen() { return gen; },
  get key() { return key; },
  get advice() { return advice; },
  /** @returns {Banner|null} */
  get banner() { return advice && advice.banner; },
  get text() { return text; },
  get elements() { return elements; },
  get notice() { return notice; },
  get noticeKind() { return noticeKind; },
  get closedHere() { return closedHere; },
  get busy() { return busy; },
  get confirming() { return confirming; },
  get holding() { return holding; },
});

/** A new page view (in-page navigation, or the start): what the old one showed is gone. @param {string} pageKey */
export function reset(pageKey) {
  gen++;
  key = pageKey;
  elements = [];
  notice = '';
  forgetUndo();
  busy = false;
  confirming = false;
  closedHere = false;
}

/** The same page came back (back/forward cache): work started before is outdated. */
export function invalidate() {
  gen++;
}

/**
 * The worker's answer to a report of this page. @param {Advice} a @param {BannerText|null} t
 * @param {Element[]} els the live switches of the snapshot it answers (none for a quick report)
 */
export function take(a, t, els) {
  advice = a;
  text = t;
  elements = els;
}

/** Put a line on the card (a new notice no longer acknowledges a decision). @param {string} msg @param {NoticeKind} kind */
export function say(msg, kind) {
  forgetUndo();
  notice = msg;
  noticeKind = kind;
}

/** The member put the guide away (closed it, or stopped the guide) for this page view. */
export function putAway() { closedHere = true; }

/** The guide comes back on this page view (the member undid stopping it). */
export function bringBack() { closedHere = false; }

/** One-click starts or ends. @param {boolean} on */
export function setBusy(on) { busy = on; }

/** LinkedIn's confirmation dialog is open (or not) during one-click. @param {boolean} on */
export function setConfirming(on) { confirming = on; }

/**
 * Run `fn` with the card held in place (an acknowledgement may take its place when it is done).
 * @param {boolean} hold @param {() => Promise<void>} fn
 */
export async function holdingCard(hold, fn) {
  holding = hold;
  try { await fn(); } finally { holding = false; }
}

/** The switch the guide points at, while it is on the page. @returns {Element|null} */
export function targetControl() {
  const b = advice && advice.banner;
  if (!b || b.mode !== 'guide' || typeof b.control !== 'number') return null;
  const el = elements[b.control];
  return el && el.isConnected ? el : null;
}
