// @ts-check
// OptOut Pilot guide bundle: reporting the page to the worker and drawing what its advice says. A settings page is
// reported with the full snapshot of dom.js (only when something changed, one report in flight), any other page with
// the quick facts of page-facts.js; the newest reply wins. Switches are believed only once settled, so a page with
// unsettled switches is read again when they may have settled. A setting's own page is followed by the watch
// (guide-watch.js), which has it read and drawn again through this module.

/** @typedef {import('../shared/protocol.js').PageReply} PageReply */

import * as ui from './banner.js';
import { snapshot } from './dom.js';
import { readChecked } from './dom-controls.js';
import { isDead, send } from './guide-link.js';
import * as page from './guide-page.js';
import { createWatch } from './guide-watch.js';
import * as facts from './page-facts.js';
import { reminderClosed, undoOffered } from './reminder-card.js';

const { view, targetControl } = page;

let seq = 0;              // bumps on every page message; only the newest reply is applied
let lastSig = '';         // what the last full report said
let inflight = false;     // a full report is on its way
let again = false;        // and the page changed meanwhile: report once more afterwards
let settleTimer = 0;      // re-read when unsettled switches may have settled
let drawn = false;        // something was drawn in this document (a card, a ring): clearing it is due
let scrolledKey = '';     // the switch last scrolled into view (once per page and setting)
let lastStatusKey = '';   // the status last announced
let turnedOff = '';       // setting seen off after the member's click or one-click here

const watch = createWatch({ read: (force) => { void sendFull(force); }, redraw: () => draw() });

/** Our own card's elements: never a switch, never something covering one. @param {Element} el */
const readOptions = { ignore: (/** @type {Element} */ el) => { try { return ui.isOurs(el); } catch (_) { return false; } } };

/** @param {any} reply @returns {reply is PageReply} */
function isPageReply(reply) {
  return !!reply && typeof reply === 'object' && !!reply.advice && typeof reply.advice === 'object';
}

/** Our reminder card is on screen (it may stay on the day it was shown: the worker shows it once a day). */
export function reminderShown() {
  const b = view.banner;
  return !!(drawn && !reminderClosed() && b && b.mode === 'nudge');
}

/** Leave the page view: no ring, no watching, no report pending; what the old view showed is not settled. */
export function leavePage() {
  scheduleSettle(0);
  turnedOff = '';
  ui.highlight(null);
  watch.stop();
  lastSig = '';
  inflight = false;
  again = false;
}

/** Stop following the page (the extension went away). */
export function stopWatch() { watch.stop(); }

// ---------- page snapshots ----------

/** @param {{url:string, controls?:any[]}} snap */
function signature(snap) {
  try { return snap.url + '\n' + JSON.stringify(snap.controls); } catch (_) { return String(Math.random()); }
}

/**
 * After an in-page navigation (or an action): the quick report of page-facts.js (no walk over a big page);
 * the full snapshot only when the worker asks for it (settings pages).
 */
export async function refresh() {
  if (isDead()) return;
  const gen = view.gen;
  const mine = ++seq;
  const reply = await send({ type: 'page', snapshot: facts.quick(document), card: reminderShown() });
  if (gen !== view.gen || mine !== seq || !isPageReply(reply)) return;
  if (reply.advice.needControls) {
    await sendFull(true);
    return;
  }
  apply(reply, []);
}

/**
 * Full snapshot (settings pages). Sends only if something changed, unless forced. Serialised: one
 * message in flight; changes meanwhile cause one more send afterwards.
 * @param {boolean} force
 */
export async function sendFull(force) {
  if (isDead()) return;
  if (inflight) { again = true; return; }
  const gen = view.gen;
  const full = snapshot(true, document, readOptions);
  scheduleSettle(full.settleIn);
  const sig = signature(full.snapshot);
  if (!force && sig === lastSig) return;
  lastSig = sig;
  inflight = true;
  const mine = ++seq;
  let reply = null;
  try {
    reply = await send({ type: 'page', snapshot: full.snapshot });
  } finally {
    inflight = false;
  }
  if (gen === view.gen && mine === seq && isPageReply(reply)) apply(reply, full.elements);
  if (again && gen === view.gen) {
    again = false;
    await sendFull(false);
  }
}

/** Read the page again once its unsettled switches may have settled. @param {number} ms */
function scheduleSettle(ms) {
  clearTimeout(settleTimer);
  settleTimer = 0;
  if (!(ms > 0) || isDead()) return;
  const gen = view.gen;
  settleTimer = setTimeout(() => { settleTimer = 0; if (gen === view.gen) void sendFull(false); }, ms + 30);
}

/** @param {PageReply} reply @param {Element[]} elements the switches of the snapshot it answers */
function apply(reply, elements) {
  page.take(reply.advice, reply.text && typeof reply.text === 'object' ? reply.text : null, elements);
  noticeRevert();
  // Nothing to say, nothing drawn or watched before (the feed when all is done or snoozed): done here.
  if (!reply.advice.banner && !reply.advice.watch && !drawn && !watch.following()) return;
  // Watch first: a switch that is not there yet shows (and announces) "Looking for the switch…", not a
  // premature "can't find it" that flips to "looking" a moment later.
  watch.update();
  draw();
}

export function draw() {
  const b = view.banner;
  const text = view.text;
  if (!b || !text || (b.mode === 'nudge' && reminderClosed()) || (b.mode !== 'nudge' && view.closedHere)) {
    if (!view.holding) ui.clearCard();
    ui.highlight(null);
    return;
  }
  const looking = b.mode === 'guide' && b.status === 'notFound' && watch.looking();
  drawn = true;
  ui.render({
    banner: b, text, looking, busy: view.busy,
    notice: view.notice, noticeKind: view.noticeKind, undo: undoOffered() ? text.undo : '',
  });
  // Highlight: only when the setting is on and we know its switch.
  // Not while LinkedIn's confirmation dialog is open: the ring would point past the dialog at the switch.
  const el = b.mode === 'guide' && b.status === 'on' && !view.confirming ? targetControl() : null;
  if (el) {
    const key = view.key + '|' + (b.setting || '');
    const scroll = scrolledKey !== key;
    scrolledKey = key;
    ui.highlight(el, text.highlight, scroll, onHighlightLost);
  } else {
    ui.highlight(null);
  }
  // Announce state changes (guide pages only; the feed nudge stays quiet).
  if (b.mode !== 'nudge') {
    const statusKey = view.key + '|' + b.mode + '|' + (b.setting || '') + '|' + (looking ? 'looking' : b.status || '');
    if (statusKey !== lastStatusKey) {
      lastStatusKey = statusKey;
      if (!looking && text.announce) ui.announce(text.announce);
    }
  }
}

/** The ringed switch was replaced by LinkedIn (re-render): read the page again. */
function onHighlightLost() {
  if (view.advice && view.advice.watch) void sendFull(false);
}

export function showError() {
  const text = view.text;
  if (isDead() || !text) return;
  tell(text.error || '', 'error');
}

/** Say `msg` on the card (announced too) and draw it. @param {string} msg @param {'info'|'warn'|'error'} kind */
export function tell(msg, kind) {
  page.say(msg, kind);
  draw();
  if (msg) ui.announce(msg);
}

/**
 * The member's click (or one-click) turned the setting off and the page then switched it back on: say the
 * change did not stick, instead of quietly showing "On" again.
 */
function noticeRevert() {
  const b = view.banner;
  if (!b || b.mode === 'nudge' || !b.setting) return;
  if (b.status === 'off' || (b.mode === 'done')) { turnedOff = b.setting; return; }
  // Turned off and not settled yet (a change is believed only once it has stayed so): remember it, so that if the
  // page puts it back meanwhile the card still says the change did not stick.
  if (b.status === 'checking') {
    const el = targetControl();
    if (el && readChecked(el) === false) turnedOff = b.setting;
    return;
  }
  if (b.status === 'on' && turnedOff === b.setting && view.text) {
    turnedOff = '';
    page.say(view.text.reverted || view.text.failed || '', 'error');
    if (view.notice) ui.announce(view.notice);
  }
}
