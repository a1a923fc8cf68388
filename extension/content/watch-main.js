// @ts-check
// OptOut Pilot watch bundle (entry of watch.js): on ordinary LinkedIn pages, always (the manifest loads it; the
// nudge bundle comes and goes with the reminders). Its only job: when an in-page navigation leads to another page,
// tell the worker, which loads the guide bundle into this document if that page is a settings page, so that what
// the settings say is read and recorded whatever the reminders are doing.
// It runs on every LinkedIn page load, so it does the least possible at load: top-level statements that mark this
// document's record and add one listener on the Navigation API (or, without it, two on the window object). No
// function of ours runs at load: each one V8 compiles on its first call costs more than the statements themselves
// (bench/README.md, "Quiet loads and detection within their budgets"). It does not even look at the address:
// sign-in and sign-out pages get signin.js from the manifest instead (a test of the address here cost about a
// quarter of a millisecond on every load).

import { LOADED_BUNDLES_KEY } from './loaded-bundles.js';
import { post } from './runtime.js';

/** @param {string} url @returns {string} origin + path: a new query or fragment is not another page */
function pageOf(url) { try { const u = new URL(url); return u.origin + u.pathname; } catch (_) { return ''; } }

let gone = false;

/** @param {string} from @param {string} to */
function moved(from, to) {
  if (gone || here.guide) return; // the guide is loaded: it serves every page of this document now
  if (!to || to === from) return;
  if (!post({ type: 'navigated' })) gone = true; // the extension was reloaded or removed: never again
}

/** @param {any} e the Navigation API's currententrychange event */
function entryChanged(e) {
  moved(pageOf(e.from && e.from.url), pageOf(nav.currentEntry && nav.currentEntry.url));
}

// Without the Navigation API (older Firefox): look after what can navigate in-page: back/forward and clicks
// (LinkedIn's links). The address before is taken at the first of those, not at load.
let last = '';
function check() { const now = pageOf(location.href); const before = last; last = now; moved(before, now); }
function soon() { if (!last) last = pageOf(location.href); setTimeout(check, 300); setTimeout(check, 1200); }

// This document's record (content/loaded-bundles.js), written out rather than through loadedBundles(): see above.
const g = /** @type {Record<symbol, import('./loaded-bundles.js').LoadedBundles|undefined>} */ (/** @type {unknown} */ (globalThis));
const key = Symbol.for(LOADED_BUNDLES_KEY);
const here = g[key] || (g[key] = {});
/** @type {any} */
const nav = /** @type {any} */ (globalThis).navigation;
if (!here.watch) {
  here.watch = true;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('currententrychange', entryChanged);
  } else {
    addEventListener('click', soon, true);
    addEventListener('popstate', check, true);
  }
}
