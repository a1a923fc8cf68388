// @ts-check
// OptOut Pilot guide bundle: what the guide knows about this document and the page on screen. One object, shared by
// the guide's modules (reporting, watching, one-click, actions, lifecycle): each sets the fields of its own job, and
// guide-main.js resets the page view's fields on an in-page navigation.

/** @typedef {import('./banner.js').Banner} Banner */
/** @typedef {import('../shared/protocol.js').BannerText} BannerText */
/** @typedef {import('../shared/protocol.js').Advice} Advice */
/** @typedef {import('../shared/protocol.js').PageReply} PageReply */

/** After a click on the page, let LinkedIn update before reading back. */
export const SETTLE_MS = 300;

export const S = {
  dead: false,
  gen: 0,                 // bumps on every page change; stale async work checks it
  seq: 0,                 // bumps on every page message; only the newest reply is applied
  pageKey: '',
  /** @type {Advice|null} */ advice: null,
  /** @type {BannerText|null} */ text: null,
  /** @type {Element[]} */ elements: [],
  lastSig: '',
  closedNudge: false,     // the nudge was closed: not again in this document
  closedHere: false,      // guide/done was closed: not again on this page view
  notice: '',
  /** @type {import('../shared/protocol.js').WorkerEvent|null} */ undo: null, // undoes the decision acknowledged on screen
  /** @type {'info'|'warn'|'error'} */ noticeKind: 'info',
  busy: false,
  confirming: false,      // one-click: LinkedIn's confirmation dialog is open, waiting for the person
  lastStatusKey: '',
  scrolledKey: '',
  /** @type {MutationObserver|null} */ observer: null,
  observeStarted: 0,
  lookingTimer: 0,
  lookingUntil: 0,
  mutationQueued: false,
  mutationMore: false,    // more changes came while a frame's read was queued
  busyFrames: 0,          // consecutive reads with changes still coming (a flood, once past FLOOD_FRAMES)
  listening: false,
  drawn: false,           // something was drawn in this document (a card, a ring): clearing it is due
  holdCard: false,        // an acknowledgement is about to take the card's place: do not clear it first
  settleTimers: /** @type {number[]} */ ([]),
  inflight: false,
  again: false,
  settleTimer: 0,         // re-read when unsettled switches may have settled
  pollTimer: 0,
  pollSig: '',
  /** @type {Node|null} */ observed: null,  // what the observer watches (a section, main, a shadow root)
  /** @type {string} */ turnedOff: '',      // setting seen off after the member's click or one-click here
};

/** The switch the guide points at, while it is on the page. @returns {Element|null} */
export function targetControl() {
  const b = S.advice && S.advice.banner;
  if (!b || b.mode !== 'guide' || typeof b.control !== 'number') return null;
  const el = S.elements[b.control];
  return el && el.isConnected ? el : null;
}

/** @param {string} msg @param {'info'|'warn'|'error'} kind */
export function setNotice(msg, kind) {
  S.undo = null; // a new notice no longer acknowledges the decision
  S.notice = msg;
  S.noticeKind = kind;
}
