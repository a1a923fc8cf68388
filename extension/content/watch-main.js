// @ts-check
// OptOut Pilot watch bundle (entry of watch.js): on ordinary LinkedIn pages, always (the manifest loads it; the
// nudge bundle comes and goes with the reminders). Its only job: when an in-page navigation leads to another page,
// tell the worker, which loads the guide bundle into this document if that page is a settings page, so that what
// the settings say is read and recorded whatever the reminders are doing.
// It runs on every LinkedIn page load, so it imports next to nothing and does the least possible at load: one
// listener on the Navigation API (or, without it, two on the window object). It does not even look at the address:
// sign-in and sign-out pages get signin.js from the manifest instead (a test of the address here cost about a
// quarter of a millisecond on every load).

import { loadedBundles } from './loaded-bundles.js';
import { post } from './runtime.js';

/** @param {string} url @returns {string} origin + path: a new query or fragment is not another page */
const pageOf = (url) => { try { const u = new URL(url); return u.origin + u.pathname; } catch (_) { return ''; } };

function watch() {
  const here = loadedBundles();
  if (here.watch) return;
  here.watch = true;
  let last = '';
  let gone = false;

  /** @param {string} from @param {string} to */
  function moved(from, to) {
    if (gone || here.guide) return; // the guide is loaded: it serves every page of this document now
    if (!to || to === from) return;
    if (!post({ type: 'navigated' })) gone = true; // the extension was reloaded or removed: never again
  }


  /** @type {any} */
  const nav = /** @type {any} */ (globalThis).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('currententrychange', (/** @type {any} */ e) => {
      moved(pageOf(e.from && e.from.url), pageOf(nav.currentEntry && nav.currentEntry.url));
    });
  } else {
    // No Navigation API (older Firefox): look after what can navigate in-page: back/forward and clicks
    // (LinkedIn's links). The address before is taken at the first of those, not at load.
    const check = () => { const now = pageOf(location.href); const before = last; last = now; moved(before, now); };
    const soon = () => { if (!last) last = pageOf(location.href); setTimeout(check, 300); setTimeout(check, 1200); };
    addEventListener('click', soon, true);
    addEventListener('popstate', check, true);
  }
}

watch();
