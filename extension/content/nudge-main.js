// @ts-check
// OptOut Pilot nudge bundle (entry of nudge.js): the reminder card on ordinary LinkedIn pages (the feed, profiles, jobs…).
// The worker registers this bundle only while the status view says `nudge` (something is still to do, reminders
// are not snoozed or dismissed, and the card was not shown or closed yet today: once a day), so on the feed of a
// member with nothing to do, or who saw today's card, it does not even load.
// Kept small on purpose: it runs on every ordinary page load while it is registered. One quick report in idle time
// after the page's load event (no walk over the page), one card drawn once, no observer, no polling; navigation.js tells it
// about in-page navigations. Settings pages belong to the guide bundle (guide.js): when the guide has been loaded
// into this document, this script puts its card away and stays silent.

/** @typedef {import('../shared/protocol.js').AdviceBanner} Banner */
/** @typedef {import('../shared/protocol.js').BannerText} BannerText */

import * as card from './card.js';
import { loadedBundles } from './loaded-bundles.js';
import * as messenger from './messenger.js';
import * as navigation from './navigation.js';
import * as facts from './page-facts.js';
import * as reminderCard from './reminder-card.js';

/** Longest wait for idle time after load before the card is decided and drawn. */
const IDLE_MS = 500;

const here = loadedBundles();

const S = {
  dead: false,
  gen: 0,          // bumps on every navigation: replies for an earlier page are dropped
  drawn: false,
  showing: false,  // the reminder card (not an acknowledgement) is on screen: it may stay on the day it was shown
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
  if (!banner || banner.mode !== 'nudge' || !text || reminderCard.reminderClosed()) {
    if (!opts.keepAck) clear();
    S.taken = had && !!opts.recheck && !reminderCard.reminderClosed();
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

/**
 * How the reminder card goes, fails, acknowledges and comes back. It decides only for all reminders (snooze,
 * dismiss all); the guide's decisions are not offered here.
 * @type {import('./reminder-card.js').CardHost}
 */
const NUDGE_CARD = {
  send,
  dead: () => S.dead,
  banner: () => null,
  text: () => S.text,
  reminder: () => true,
  offers: (action) => action === 'snooze' || action === 'dismissAll',
  // Gone at once; the worker keeps it away until tomorrow (and stops loading this bundle). Nothing to
  // acknowledge.
  putAway: () => clear(),
  failed() {
    const text = S.text;
    if (text && text.error) card.announce(text.error);
  },
  // The acknowledgement takes the nudge's place (no flicker); then the worker's answer decides what stays.
  async acknowledge(decision, ack) {
    if (ack) S.showing = false;
    reminderCard.acknowledge(S.text, ack, decision.undo);
    await refresh({ keepAck: !!ack });
  },
  undone: () => refresh(),
};

function start() {
  if (here.nudge || here.guide) return;
  // The guide bundle stops this one when it starts in this document (it serves every page from then on).
  here.nudge = Object.freeze({ stop: die });
  // The worker calls this (chrome.scripting, this world) after a decision in another tab or the popup: a card on
  // screen asks again, and goes if there is nothing to remind of any more.
  // A card the member closed here stays closed (and asks nothing: an answer would count as today's card).
  here.recheck = () => { if (!S.dead && S.drawn && !reminderCard.reminderClosed()) void refresh({ recheck: true }); };
  try {
    card.onAction((/** @type {string} */ action, /** @type {string|undefined} */ arg) => {
      if (S.dead) return;
      S.taken = false;
      void reminderCard.handle(action, arg, NUDGE_CARD);
    });
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
