// @ts-check
// OptOut Pilot guide bundle: reporting the page to the worker and drawing what its advice says. A settings page is
// reported with the full snapshot of dom.js (only when something changed, one report in flight), any other page with
// the quick facts of page-facts.js; the newest reply wins. Switches are believed only once settled, so a page with
// unsettled switches is read again when they may have settled.

/** @typedef {import('./guide-state.js').PageReply} PageReply */

import * as ui from './banner.js';
import * as dom from './dom.js';
import { send } from './guide-link.js';
import { S, setNotice, targetControl } from './guide-state.js';
import { updateWatch } from './guide-watch.js';
import * as facts from './page-facts.js';

/** How the watch reads the page again and redraws. @type {import('./guide-watch.js').PageHooks} */
const PAGE = { read: (force) => { void sendFull(force); }, redraw: () => draw() };

/** Our own card's elements: never a switch, never something covering one. @param {Element} el */
const readOptions = { ignore: (/** @type {Element} */ el) => { try { return ui.isOurs(el); } catch (_) { return false; } } };

/** @param {any} reply @returns {reply is PageReply} */
function isPageReply(reply) {
  return !!reply && typeof reply === 'object' && !!reply.advice && typeof reply.advice === 'object';
}

// ---------- page snapshots ----------

/** @param {{url:string, controls:any[]}} snap */
function signature(snap) {
  try { return snap.url + '\n' + JSON.stringify(snap.controls); } catch (_) { return String(Math.random()); }
}

/**
 * After an in-page navigation (or an action): the quick report of page-facts.js (no walk over a big page);
 * the full snapshot only when the worker asks for it (settings pages).
 */
export async function refresh() {
  if (S.dead) return;
  const gen = S.gen;
  const seq = ++S.seq;
  // Our reminder card is on screen: on the day it was shown it may stay (the worker shows it once a day).
  const shown = !!(S.drawn && !S.closedNudge && S.advice && S.advice.banner && S.advice.banner.mode === 'nudge');
  const reply = await send({ type: 'page', snapshot: facts.quick(document), card: shown });
  if (gen !== S.gen || seq !== S.seq || !isPageReply(reply)) return;
  if (reply.advice.needControls) {
    await sendFull(true);
    return;
  }
  S.elements = [];
  apply(reply);
}

/**
 * Full snapshot (settings pages). Sends only if something changed, unless forced. Serialised: one
 * message in flight; changes meanwhile cause one more send afterwards.
 * @param {boolean} force
 */
export async function sendFull(force) {
  if (S.dead) return;
  if (S.inflight) { S.again = true; return; }
  const gen = S.gen;
  const full = dom.snapshot(true, document, readOptions);
  scheduleSettle(full.settleIn);
  const sig = signature(full.snapshot);
  if (!force && sig === S.lastSig) return;
  S.lastSig = sig;
  S.inflight = true;
  const seq = ++S.seq;
  let reply = null;
  try {
    reply = await send({ type: 'page', snapshot: full.snapshot });
  } finally {
    S.inflight = false;
  }
  if (gen === S.gen && seq === S.seq && isPageReply(reply)) {
    S.elements = full.elements;
    apply(reply);
  }
  if (S.again && gen === S.gen) {
    S.again = false;
    await sendFull(false);
  }
}

/** Read the page again once its unsettled switches may have settled. @param {number} ms */
export function scheduleSettle(ms) {
  clearTimeout(S.settleTimer);
  S.settleTimer = 0;
  if (!(ms > 0) || S.dead) return;
  const gen = S.gen;
  S.settleTimer = setTimeout(() => { S.settleTimer = 0; if (gen === S.gen) void sendFull(false); }, ms + 30);
}

/** @param {PageReply} reply */
function apply(reply) {
  S.advice = reply.advice;
  S.text = reply.text && typeof reply.text === 'object' ? reply.text : null;
  noticeRevert();
  // Nothing to say, nothing drawn or watched before (the feed when all is done or snoozed): done here.
  if (!reply.advice.banner && !reply.advice.watch && !S.drawn && !S.listening && !S.observer) return;
  // Watch first: a switch that is not there yet shows (and announces) "Looking for the switch…", not a
  // premature "can't find it" that flips to "looking" a moment later.
  updateWatch(PAGE);
  draw();
}

export function draw() {
  const b = S.advice && S.advice.banner;
  const text = S.text;
  if (!b || !text || (b.mode === 'nudge' && S.closedNudge) || (b.mode !== 'nudge' && S.closedHere)) {
    if (!S.holdCard) ui.clearCard();
    ui.highlight(null);
    return;
  }
  const looking = b.mode === 'guide' && b.status === 'notFound' && !!S.observer && Date.now() < S.lookingUntil;
  S.drawn = true;
  ui.render({
    banner: b, text, looking, busy: S.busy,
    notice: S.notice, noticeKind: S.noticeKind, undo: S.undo ? text.undo : '',
  });
  // Highlight: only when the setting is on and we know its switch.
  // Not while LinkedIn's confirmation dialog is open: the ring would point past the dialog at the switch.
  const el = b.mode === 'guide' && b.status === 'on' && !S.confirming ? targetControl() : null;
  if (el) {
    const key = S.pageKey + '|' + (b.setting || '');
    const scroll = S.scrolledKey !== key;
    S.scrolledKey = key;
    ui.highlight(el, text.highlight, scroll, onHighlightLost);
  } else {
    ui.highlight(null);
  }
  // Announce state changes (guide pages only; the feed nudge stays quiet).
  if (b.mode !== 'nudge') {
    const statusKey = S.pageKey + '|' + b.mode + '|' + (b.setting || '') + '|' + (looking ? 'looking' : b.status || '');
    if (statusKey !== S.lastStatusKey) {
      S.lastStatusKey = statusKey;
      if (!looking && text.announce) ui.announce(text.announce);
    }
  }
}

/** The ringed switch was replaced by LinkedIn (re-render): read the page again. */
function onHighlightLost() {
  if (S.advice && S.advice.watch) void sendFull(false);
}

export function showError() {
  if (S.dead || !S.text) return;
  setNotice(S.text.error || '', 'error');
  draw();
  if (S.text.error) ui.announce(S.text.error);
}

/**
 * The member's click (or one-click) turned the setting off and the page then switched it back on: say the
 * change did not stick, instead of quietly showing "On" again.
 */
function noticeRevert() {
  const b = S.advice && S.advice.banner;
  if (!b || b.mode === 'nudge' || !b.setting) return;
  if (b.status === 'off' || (b.mode === 'done')) { S.turnedOff = b.setting; return; }
  // Turned off and not settled yet (a change is believed only after it stayed 7.5 s): remember it, so that if the
  // page puts it back meanwhile the card still says the change did not stick.
  if (b.status === 'checking') {
    const el = targetControl();
    if (el && dom.readChecked(el) === false) S.turnedOff = b.setting;
    return;
  }
  if (b.status === 'on' && S.turnedOff === b.setting && S.text) {
    S.turnedOff = '';
    setNotice(S.text.reverted || S.text.failed || '', 'error');
    if (S.notice) ui.announce(S.notice);
  }
}
