// @ts-check
// OptOut Pilot guide bundle: following the switch on a setting's own page (advice.watch), for the whole page view.
// A MutationObserver on the switch's section (its main landmark while the switch is not found; rAF-coalesced,
// flood-throttled), a cheap poll of the switch's live state (a script setting .checked changes no attribute), and
// capture-phase click/change/keyup listeners to read the member's own changes back. Whatever it notices, it has the
// page read again (the latest settled state wins); it never changes the page.

import * as dom from './dom.js';
import * as ui from './banner.js';
import { S, SETTLE_MS, targetControl } from './guide-state.js';

/** @typedef {{read: (force: boolean) => void, redraw: () => void}} PageHooks */

const LOOKING_MS = 4000;      // show "Looking for the switch…" instead of "can't find" for this long
const RECHECK_MS = 1500;      // second read-back (LinkedIn may revert after its server answers)
const FLOOD_FRAMES = 5;       // reads in consecutive busy frames before a mutation flood is throttled
const FLOOD_MS = 250;         // then at most one full report this often
const POLL_MS = 500;          // how often the switches' live state is compared
const POLL_MAX = 200;         // switches compared (a settings page has a few; the rest is followed by the observer)

/** How to read the page again and redraw the card (the reporting module's, given with each update). @type {PageHooks} */
let page = { read: () => {}, redraw: () => {} };

/**
 * Follow the page as the advice says (or stop following it). @param {PageHooks} hooks how to read and redraw the page
 */
export function updateWatch(hooks) {
  page = hooks;
  const a = S.advice;
  if (!a || !a.watch) { if (S.listening || S.observer || S.pollTimer) stopWatch(); return; }
  addInteractionListeners();
  const b = a.banner;
  const missing = !!b && b.mode === 'guide' && b.status === 'notFound';
  // The first "not found" of a page view shows "Looking for the switch…" for a moment (a late switch is
  // common); after that it is said plainly. The page is followed either way.
  if (missing && !S.observeStarted) {
    S.observeStarted = Date.now();
    S.lookingUntil = S.observeStarted + LOOKING_MS;
    clearTimeout(S.lookingTimer);
    // Read once more when the page has had its time: a switch still missing then is reported as missing (a
    // switch found meanwhile is followed already and needs no extra report).
    S.lookingTimer = setTimeout(() => {
      page.redraw();
      const now = S.advice && S.advice.banner;
      if (now && now.mode === 'guide' && now.status === 'notFound') page.read(true);
    }, Math.max(LOOKING_MS, dom.PAGE_SETTLE_MS) + 10);
  }
  startObserver(observeRoot());
  startPoll();
}

/**
 * What to follow: the identified switch's own section (or its shadow root), else the main landmark while the
 * switch is not found. @returns {Node}
 */
function observeRoot() {
  const el = targetControl();
  if (el) {
    const root = el.getRootNode();
    if (root !== document) return root;
    return dom.closestAcross(el, dom.SECTION_SELECTOR) || el.parentElement || document.body || document.documentElement;
  }
  return document.getElementById('main') || document.querySelector('main, [role=main]') || document.body || document.documentElement;
}

const OBSERVED_ATTRIBUTES = ['aria-checked', 'checked', 'disabled', 'aria-disabled', 'aria-busy', 'aria-hidden',
  'aria-pressed', 'hidden', 'inert', 'class', 'style', 'open'];

/** @param {Node} root */
function startObserver(root) {
  if (S.observer && S.observed === root) return;
  stopObserver();
  try {
    const obs = new MutationObserver(onMutations);
    obs.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
    // The switch itself may sit outside the section we found (a shadow host's light tree): watch it too.
    const el = targetControl();
    if (el && !root.contains(el)) obs.observe(el, { attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
    S.observer = obs;
    S.observed = root;
    page.redraw(); // switch the status line to "Looking for the switch…" when it is missing
  } catch (_) { S.observer = null; S.observed = null; }
}

function stopObserver() {
  if (S.observer) { try { S.observer.disconnect(); } catch (_) { /* ignore */ } }
  S.observer = null;
  S.observed = null;
  S.mutationQueued = false;
  S.mutationMore = false;
  S.busyFrames = 0;
}

/**
 * A script can flip a switch by setting `.checked`, which changes no attribute and fires no event: compare the
 * page's switches' live state twice a second and read the page again when one moved (or left the page).
 */
function pollSignature() {
  // Every switch of the page, not only the followed one: a page may flip several at once and put them back later.
  let sig = '';
  const list = S.elements;
  for (let i = 0; i < list.length && i < POLL_MAX; i++) {
    const el = list[i];
    sig += el.isConnected ? `${dom.readChecked(el)}${dom.isDisabled(el) ? 'd' : ''},` : 'x,';
  }
  return sig;
}

function startPoll() {
  if (S.pollTimer) return;
  S.pollSig = pollSignature();
  S.pollTimer = setInterval(() => {
    if (S.dead || S.busy) return;
    try { if (document.visibilityState === 'hidden') return; } catch (_) { /* ignore */ }
    const sig = pollSignature();
    if (sig !== S.pollSig) {
      S.pollSig = sig;
      page.read(false);
    }
  }, POLL_MS);
}

function stopPoll() {
  clearInterval(S.pollTimer);
  S.pollTimer = 0;
}

/**
 * The first change after a quiet frame is read straight away (the late switch gets its ring without waiting a
 * frame first), later ones once per frame; a page that keeps changing for more than FLOOD_FRAMES frames is read
 * at most every FLOOD_MS, so a mutation flood cannot make us send a full report every frame.
 */
function onMutations() {
  if (S.mutationQueued) { S.mutationMore = true; return; }
  S.mutationQueued = true;
  S.mutationMore = false;
  if (S.observer && !S.dead) page.read(false);
  if (S.observer && !S.dead) S.pollSig = pollSignature();
  S.busyFrames++;
  const next = () => {
    S.mutationQueued = false;
    if (!S.mutationMore || !S.observer || S.dead) { S.busyFrames = 0; return; }
    onMutations();
  };
  if (S.busyFrames > FLOOD_FRAMES) setTimeout(next, FLOOD_MS);
  else requestAnimationFrame(next);
}

/** @param {Event} e */
function onInteraction(e) {
  try {
    if (S.busy || S.dead || ui.isOurs(e.target)) return;
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
    for (const t of S.settleTimers) clearTimeout(t);
    S.settleTimers = [];
    const gen = S.gen;
    requestAnimationFrame(() => {
      if (gen !== S.gen) return;
      S.settleTimers.push(setTimeout(() => { if (gen === S.gen) page.read(false); }, SETTLE_MS));
      S.settleTimers.push(setTimeout(() => { if (gen === S.gen) page.read(false); }, RECHECK_MS));
    });
  } catch (_) { /* ignore */ }
}

const CAPTURE = { capture: true, passive: true };
const LISTENED = ['click', 'change', 'keyup', 'load'];
function addInteractionListeners() {
  if (S.listening) return;
  try {
    for (const t of LISTENED) document.addEventListener(t, onInteraction, CAPTURE);
    S.listening = true;
  } catch (_) { /* ignore */ }
}

function removeInteractionListeners() {
  if (!S.listening) return;
  try {
    for (const t of LISTENED) document.removeEventListener(t, onInteraction, CAPTURE);
  } catch (_) { /* ignore */ }
  S.listening = false;
  for (const t of S.settleTimers) clearTimeout(t);
  S.settleTimers = [];
}

export function stopWatch() {
  stopObserver();
  stopPoll();
  removeInteractionListeners();
  clearTimeout(S.lookingTimer);
  S.observeStarted = 0;
}
