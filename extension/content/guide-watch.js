// @ts-check
// OptOut Pilot guide bundle: following the switch on a setting's own page (advice.watch), for the whole page view.
// A MutationObserver on the switch's section (its main landmark while the switch is not found; rAF-coalesced,
// flood-throttled), a cheap poll of the switch's live state (a script setting .checked changes no attribute), and
// capture-phase click/change/keyup listeners to read the member's own changes back. Whatever it notices, it has the
// page read again (the latest settled state wins); it never changes the page.

import * as ui from './banner.js';
import { isDisabled, readChecked } from './dom-controls.js';
import { PAGE_SETTLE_MS } from './dom-settle.js';
import { closestAcross, SECTION_SELECTOR } from './dom-tree.js';
import { isDead } from './guide-link.js';
import { view, SETTLE_MS, targetControl } from './guide-page.js';

/**
 * How the watch has the page read again and the card redrawn (the reporting module's).
 * @typedef {{read: (force: boolean) => void, redraw: () => void}} PageHooks
 */
/**
 * @typedef {Object} Watch
 * @property {() => void} update     follow the page as the advice says (or stop following it)
 * @property {() => void} stop       stop following (a new page view, or the extension went away)
 * @property {() => boolean} following  listeners or an observer are in place
 * @property {() => boolean} looking  the first "not found" of this page view is still "Looking for the switch…"
 */

const LOOKING_MS = 4000;      // show "Looking for the switch…" instead of "can't find" for this long
const RECHECK_MS = 1500;      // second read-back (LinkedIn may revert after its server answers)
const FLOOD_FRAMES = 5;       // reads in consecutive busy frames before a mutation flood is throttled
const FLOOD_MS = 250;         // then at most one full report this often
const POLL_MS = 500;          // how often the switches' live state is compared
const POLL_MAX = 200;         // switches compared (a settings page has a few; the rest is followed by the observer)

const OBSERVED_ATTRIBUTES = ['aria-checked', 'checked', 'disabled', 'aria-disabled', 'aria-busy', 'aria-hidden',
  'aria-pressed', 'hidden', 'inert', 'class', 'style', 'open'];
const CAPTURE = { capture: true, passive: true };
const LISTENED = ['click', 'change', 'keyup', 'load'];

/**
 * What to follow: the identified switch's own section (or its shadow root), else the main landmark while the
 * switch is not found. @returns {Node}
 */
function observeRoot() {
  const el = targetControl();
  if (el) {
    const root = el.getRootNode();
    if (root !== document) return root;
    return closestAcross(el, SECTION_SELECTOR) || el.parentElement || document.body || document.documentElement;
  }
  return document.getElementById('main') || document.querySelector('main, [role=main]') || document.body || document.documentElement;
}

/**
 * A script can flip a switch by setting `.checked`, which changes no attribute and fires no event: the page's
 * switches' live state, compared twice a second. Every switch of the page, not only the followed one: a page may
 * flip several at once and put them back later.
 */
function pollSignature() {
  let sig = '';
  const list = view.elements;
  for (let i = 0; i < list.length && i < POLL_MAX; i++) {
    const el = list[i];
    sig += el.isConnected ? `${readChecked(el)}${isDisabled(el) ? 'd' : ''},` : 'x,';
  }
  return sig;
}

/** The watch of one document, reading and redrawing through `page`. @param {PageHooks} page @returns {Watch} */
export function createWatch(page) {
  /** @type {MutationObserver|null} */
  let observer = null;
  /** @type {Node|null} */
  let observed = null;    // what the observer watches (a section, main, a shadow root)
  let observeStarted = 0;
  let lookingTimer = 0;
  let lookingUntil = 0;
  let mutationQueued = false;
  let mutationMore = false; // more changes came while a frame's read was queued
  let busyFrames = 0;       // consecutive reads with changes still coming (a flood, once past FLOOD_FRAMES)
  let pollTimer = 0;
  let pollSig = '';
  let listening = false;
  /** @type {number[]} */
  let settleTimers = [];

  function update() {
    const a = view.advice;
    if (!a || !a.watch) { if (listening || observer || pollTimer) stop(); return; }
    addInteractionListeners();
    const b = a.banner;
    const missing = !!b && b.mode === 'guide' && b.status === 'notFound';
    // The first "not found" of a page view shows "Looking for the switch…" for a moment (a late switch is
    // common); after that it is said plainly. The page is followed either way.
    if (missing && !observeStarted) {
      observeStarted = Date.now();
      lookingUntil = observeStarted + LOOKING_MS;
      clearTimeout(lookingTimer);
      // Read once more when the page has had its time: a switch still missing then is reported as missing (a
      // switch found meanwhile is followed already and needs no extra report).
      lookingTimer = setTimeout(() => {
        page.redraw();
        const now = view.banner;
        if (now && now.mode === 'guide' && now.status === 'notFound') page.read(true);
      }, Math.max(LOOKING_MS, PAGE_SETTLE_MS) + 10);
    }
    startObserver(observeRoot());
    startPoll();
  }

  /** @param {Node} root */
  function startObserver(root) {
    if (observer && observed === root) return;
    stopObserver();
    try {
      const obs = new MutationObserver(onMutations);
      obs.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
      // The switch itself may sit outside the section we found (a shadow host's light tree): watch it too.
      const el = targetControl();
      if (el && !root.contains(el)) obs.observe(el, { attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
      observer = obs;
      observed = root;
      page.redraw(); // switch the status line to "Looking for the switch…" when it is missing
    } catch (_) { observer = null; observed = null; }
  }

  function stopObserver() {
    if (observer) { try { observer.disconnect(); } catch (_) { /* ignore */ } }
    observer = null;
    observed = null;
    mutationQueued = false;
    mutationMore = false;
    busyFrames = 0;
  }

  function startPoll() {
    if (pollTimer) return;
    pollSig = pollSignature();
    pollTimer = setInterval(() => {
      if (isDead() || view.busy) return;
      try { if (document.visibilityState === 'hidden') return; } catch (_) { /* ignore */ }
      const sig = pollSignature();
      if (sig !== pollSig) {
        pollSig = sig;
        page.read(false);
      }
    }, POLL_MS);
  }

  function stopPoll() {
    clearInterval(pollTimer);
    pollTimer = 0;
  }

  /**
   * The first change after a quiet frame is read straight away (the late switch gets its ring without waiting a
   * frame first), later ones once per frame; a page that keeps changing for more than FLOOD_FRAMES frames is read
   * at most every FLOOD_MS, so a mutation flood cannot make us send a full report every frame.
   */
  function onMutations() {
    if (mutationQueued) { mutationMore = true; return; }
    mutationQueued = true;
    mutationMore = false;
    if (observer && !isDead()) page.read(false);
    if (observer && !isDead()) pollSig = pollSignature();
    busyFrames++;
    const next = () => {
      mutationQueued = false;
      if (!mutationMore || !observer || isDead()) { busyFrames = 0; return; }
      onMutations();
    };
    if (busyFrames > FLOOD_FRAMES) setTimeout(next, FLOOD_MS);
    else requestAnimationFrame(next);
  }

  function clearSettleTimers() {
    for (const t of settleTimers) clearTimeout(t);
    settleTimers = [];
  }

  /** @param {Event} e */
  function onInteraction(e) {
    try {
      if (view.busy || isDead() || ui.isOurs(e.target)) return;
      // A same-origin frame finished loading (its switches are part of the page): read it.
      if (e.type === 'load') {
        const t = /** @type {Element|null} */ (e.target);
        if (!t || (t.nodeName !== 'IFRAME' && t.nodeName !== 'FRAME')) return;
        page.read(false);
        return;
      }
      if (e.type === 'keyup') {
        const k = /** @type {KeyboardEvent} */ (e).key;
        if (k !== ' ' && k !== 'Enter' && k !== 'Spacebar') return;
      }
      clearSettleTimers();
      const gen = view.gen;
      requestAnimationFrame(() => {
        if (gen !== view.gen) return;
        settleTimers.push(setTimeout(() => { if (gen === view.gen) page.read(false); }, SETTLE_MS));
        settleTimers.push(setTimeout(() => { if (gen === view.gen) page.read(false); }, RECHECK_MS));
      });
    } catch (_) { /* ignore */ }
  }

  function addInteractionListeners() {
    if (listening) return;
    try {
      for (const t of LISTENED) document.addEventListener(t, onInteraction, CAPTURE);
      listening = true;
    } catch (_) { /* ignore */ }
  }

  function removeInteractionListeners() {
    if (!listening) return;
    try {
      for (const t of LISTENED) document.removeEventListener(t, onInteraction, CAPTURE);
    } catch (_) { /* ignore */ }
    listening = false;
    clearSettleTimers();
  }

  function stop() {
    stopObserver();
    stopPoll();
    removeInteractionListeners();
    clearTimeout(lookingTimer);
    observeStarted = 0;
  }

  return {
    update,
    stop,
    following: () => listening || !!observer,
    looking: () => !!observer && Date.now() < lookingUntil,
  };
}
