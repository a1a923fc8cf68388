// @ts-check
// OptOut Pilot guide bundle, page reading: when a reading is believed. A switch is settled once what we see of it
// stayed the same for a while after load or an in-page navigation (longer once its state moved away from the first
// one seen); a page is settled once it had its time to render and shows no loading indicator.

/** @typedef {import('./dom.js').SnapshotControl} SnapshotControl */

import { LIMITS, MAIN_SELECTOR } from './dom-tree.js';
import { cssShown, LOADING_SELECTOR } from './dom-visibility.js';

// A switch's state is believed only after it (and what we see of it) stayed the same this long after the
// page finished loading or navigating: placeholders and late flips happen in the first moments.
const SETTLE_MS = 1200;
// A switch whose state moved away from the one it was first seen with (a member's click, an optimistic change the
// server may still refuse and put back seconds later) is believed only after it stayed the same this long; back at
// its first state it settles as at load.
const CHANGED_SETTLE_MS = 7500;
// After this long since load or an in-page navigation, what a settings page does not show is missing, not late.
const PAGE_SETTLE_MS = 4000;
// While the page says an edit is pending, it is read again this often (a toast going away changes no switch).
const PENDING_RECHECK_MS = 1000;

/**
 * What was last seen of each control, by its identity (kind, keys and name, and which copy of that identity it is
 * in the page's order), so that a page re-creating its switch node all the time still settles; controls with no
 * key and no name are followed by their node. `changed`: its state moved after it was first seen.
 * `since`: when these facts last changed; `stateSince`: when its state last changed.
 * @typedef {{sig: string, since: number, stateSince: number, checked: boolean|null, first: boolean|null, changed: boolean}} Seen
 */
/** @type {Map<string, Seen>} */
let seenByIdentity = new Map();

/** @type {WeakMap<Element, Seen>} */
let seenByNode = new WeakMap();

let navigatedAt = 0;

/** An in-page navigation happened: nothing seen before it counts as settled. */
function markNavigation() {
  navigatedAt = Date.now();
  seenByIdentity = new Map();
  seenByNode = new WeakMap();
}

/**
 * How long until this control's facts have been stable for SETTLE_MS — CHANGED_SETTLE_MS while its state is not
 * the one it was first seen with — (0: settled now).
 * @param {Element} el @param {string} identity '' for none @param {SnapshotControl} c @param {number} now
 * @param {boolean} loaded @returns {number}
 */
function settleWait(el, identity, c, now, loaded) {
  const sig = [c.checked, c.disabled, c.busy, c.pending, c.visible, c.inert, c.kind].join('|');
  const prev = identity ? seenByIdentity.get(identity) : seenByNode.get(el);
  if (!prev || prev.sig !== sig) {
    const first = prev ? prev.first : c.checked;
    const changed = !!prev && c.checked !== first;
    const stateSince = prev && prev.checked === c.checked ? prev.stateSince : now;
    const seen = { sig, since: now, stateSince, checked: c.checked, first, changed };
    if (identity) {
      if (seenByIdentity.size < LIMITS.controls || seenByIdentity.has(identity)) seenByIdentity.set(identity, seen);
    } else {
      seenByNode.set(el, seen);
    }
    return Math.max(SETTLE_MS, changed ? stateSince + CHANGED_SETTLE_MS - now : 0);
  }
  const wait = Math.max(Math.max(prev.since, navigatedAt) + SETTLE_MS,
    prev.changed ? Math.max(prev.stateSince, navigatedAt) + CHANGED_SETTLE_MS : 0) - now;
  if (wait > 0) return wait;
  return loaded ? 0 : 200;
}

/** @param {Document} d @returns {boolean} */
function pageSettled(d) {
  try {
    if (d.readyState !== 'complete') return false;
    const age = navigatedAt ? Date.now() - navigatedAt : performance.now();
    if (age < PAGE_SETTLE_MS) return false;
    // Still loading its content (a shown spinner, progress bar or aria-busy region in main): not missing yet.
    const main = d.querySelector(MAIN_SELECTOR) || d.body;
    const loading = main ? main.querySelectorAll(LOADING_SELECTOR) : [];
    for (let i = 0; i < loading.length && i < 20; i++) if (cssShown(loading[i])) return false;
    return true;
  } catch (_) {
    return false;
  }
}

export {
  CHANGED_SETTLE_MS,
  markNavigation,
  PAGE_SETTLE_MS,
  pageSettled,
  PENDING_RECHECK_MS,
  settleWait,
};
