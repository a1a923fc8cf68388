// @ts-check
// OptOut Pilot nudge bundle (entry of nudge.js): the reminder card on ordinary LinkedIn pages (the feed, profiles, jobs…).
// The worker registers this bundle only while the status view says `nudge` (something is still to do, reminders
// are not snoozed or dismissed, and the card was not shown or closed yet today: once a day), so on the feed of a
// member with nothing to do, or who saw today's card, it does not even load.
// Kept small on purpose: it runs on every ordinary page load while it is registered. One quick report in idle time
// after the page's load event (no walk over the page), one card drawn once, no observer, no polling; navigation.js tells it
// about in-page navigations. Settings pages belong to the guide bundle (guide.js): when the guide has been loaded
// into this document, this script puts its card away and stays silent.

/** @typedef {import('./banner.js').Banner} Banner */
/** @typedef {import('../shared/protocol.js').BannerText} BannerText */

import * as card from './card.js';
import { decisionOf, closeNudgeEvent, tellWorker, ackText, showAck, undoLabel } from './card-actions.js';
import { loadedBundles } from './loaded-bundles.js';
import * as messenger from './messenger.js';
import * as navigation from './navigation.js';
import * as facts from './page-facts.js';

/** Longest wait for idle time after load before the card is decided and drawn. */
const IDLE_MS = 500;

const here = loadedBundles();

const S = {
  dead: false,
  gen: 0,          // bumps on every navigation: replies for an earlier page are dropped
  closed: false,   // the member closed the card: not again in this document (nor today)
  drawn: false,
  showing: false,  // the reminder card (not an acknowledgement) is on screen: it may stay on the day it was shown
  /** @type {import('../shared/protocol.js').WorkerEvent|null} */ undo: null, // the event that undoes the decision on the acknowledgement on screen
  taken: false,    // a decision elsewhere (popup, another tab) took the card away: its Undo brings it back here
  /** @type {BannerText|null} */ text: null,
};

function die() {
  if (S.dead) return;
  S.dead = true;
  navigation.unsubscribe(onNavigated);
  if (S.drawn) { try { card.destroy(); } catch (_) { /* ignore */ } }
}

/** The guide bundle was loaded into this document (an in-page navigation to a settings page): it decides. */
function guideTookOver() {
  if (!here.guide) return false;
  die();
  return true;
}

/**
 * @template {import('../shared/protocol.js').ContentMessage} M
 * @param {M} msg @returns {Promise<import('../shared/protocol.js').ReplyTo<M> | null>} the reply, null if none
 */
function send(msg) {
  return S.dead ? Promise.resolve(null) : messenger.send(msg, die);
}

/** @param {{keepAck?: boolean, shown?: boolean, recheck?: boolean}} [opts] keepAck: an acknowledgement on screen
 * stays unless there is a nudge to show; shown: the card was on screen before this in-page navigation (it may
 * stay); recheck: the worker asked after a decision elsewhere */
async function refresh(opts = {}) {
  if (S.dead || guideTookOver()) return;
  const gen = S.gen;
  const had = S.showing || S.taken || !!opts.shown;
  const reply = await send({ type: 'page', snapshot: facts.quick(document), card: had });
  if (gen !== S.gen || S.dead || guideTookOver() || !reply || !reply.advice) return;
  const banner = /** @type {Banner|null} */ (reply.advice.banner);
  const text = reply.text && typeof reply.text === 'object' ? /** @type {BannerText} */ (reply.text) : null;
  if (reply.advice.needControls) {
    // A settings page: the guide's. After an in-page navigation watch.js asks the worker for it; on a page
    // loaded under a settings address the manifest did not foresee, this script asks.
    clear();
    if (here.guide) { die(); return; }
    const loaded = gen === 0 ? await send({ type: 'navigated' }) : null;
    if (loaded && loaded.guide) die();
    return;
  }
  if (!banner || banner.mode !== 'nudge' || !text || S.closed) {
    if (!opts.keepAck) clear();
    S.taken = had && !!opts.recheck && !S.closed;
    return;
  }
  S.taken = false;
  S.text = text;
  card.nudge(text);
  S.drawn = true;
  S.showing = true;
}

function clear() {
  S.showing = false;
  if (S.drawn) card.clearCard();
}

/** @param {boolean} bfcache */
function onNavigated(bfcache) {
  if (S.dead) return;
  S.gen++;
  if (bfcache) { void refresh(); return; }
  const shown = S.showing;
  clear();
  const gen = S.gen;
  // Let the new page render a little before reporting it (and the guide load, if it is a settings page).
  requestAnimationFrame(() => requestAnimationFrame(() => { if (gen === S.gen) void refresh({ shown }); }));
}

/** @param {string} action @param {string} [arg] */
async function onAction(action, arg) {
  if (S.dead) return;
  S.taken = false;
  const text = S.text;
  if (action === 'close') {
    // Gone at once; the worker keeps it away until tomorrow (and stops loading this bundle). Nothing to
    // acknowledge, and no answer to wait for.
    S.closed = true;
    clear();
    void tellWorker(send, closeNudgeEvent());
    return;
  }
  if (action === 'undo') {
    // Undo of the decision just acknowledged: reminders as before, and the card back at once.
    const undo = S.undo;
    S.undo = null;
    if (!undo) return;
    const ok = await tellWorker(send, undo);
    if (S.dead) return;
    if (!ok) { if (text && text.error) card.announce(text.error); return; }
    await refresh();
    return;
  }
  // A reminder card decides only for all reminders (snooze, dismiss all); the guide's decisions are not offered here.
  const decision = action === 'snooze' || action === 'dismissAll' ? decisionOf(action, arg, null) : null;
  if (!decision) return;
  const ok = await tellWorker(send, decision.event);
  if (S.dead) return;
  if (!ok) {
    if (text && text.error) card.announce(text.error);
    return;
  }
  // The acknowledgement takes the nudge's place (no flicker); then the worker's answer decides what stays.
  // Every quieting decision can be undone right there.
  S.undo = decision.undo;
  const ack = ackText(text, decision.ack);
  if (ack) { S.showing = false; showAck(text, ack, undoLabel(text)); }
  await refresh({ keepAck: !!ack });
}

function start() {
  if (here.nudge || here.guide) return;
  // The guide bundle stops this one when it starts in this document (it serves every page from then on).
  here.nudge = Object.freeze({ stop: die });
  // The worker calls this (chrome.scripting, this world) after a decision in another tab or the popup: a card on
  // screen asks again, and goes if there is nothing to remind of any more.
  // A card the member closed here stays closed (and asks nothing: an answer would count as today's card).
  here.recheck = () => { if (!S.dead && S.drawn && !S.closed) void refresh({ recheck: true }); };
  try {
    card.onAction((/** @type {string} */ action, /** @type {string|undefined} */ arg) => { void onAction(action, arg); });
    navigation.subscribe(onNavigated);
    // Off LinkedIn's critical path: nothing is asked or drawn before the page has loaded and painted, then in
    // idle time (at most IDLE_MS later).
    const soon = () => {
      const go = () => { void refresh(); };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: IDLE_MS });
      else setTimeout(go, 0);
    };
    if (document.readyState === 'complete') soon();
    else addEventListener('load', soon, { once: true });
  } catch (_) { /* never throw out of a content script */ }
}

start();
