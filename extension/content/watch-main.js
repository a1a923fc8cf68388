// @ts-check
// OptOut Pilot watch bundle: on ordinary LinkedIn pages, always (the manifest loads it; the nudge bundle comes
// and goes with the reminders). Its only job: when an in-page navigation leads to another page, tell the
// worker, which loads the guide bundle into this document if that page is a settings page, so that what the
// settings say is read and recorded whatever the reminders are doing.
// Its second job: when no reminder card runs in this document (the nudge bundle reports the page itself), tell
// the worker which member LinkedIn's navigation shows as signed in, so that a different account never inherits
// the status of the one before (the worker keeps only a salted hash).
// It runs on every LinkedIn page load, so it is self-contained and does the least possible at load: one
// listener on the Navigation API (or, without it, two on the window object); the account is read once, in idle
// time after load, from the navigation only (a lookup by id), and sent in one message.

// eslint-disable-next-line no-var
var OptOutPilot = OptOutPilot || /** @type {any} */ ({});

(function (ns) {
  'use strict';
  if (ns.watching) return;
  ns.watching = true;

  /** @param {string} url @returns {string} origin + path: a new query or fragment is not another page */
  const pageOf = (url) => { try { const u = new URL(url); return u.origin + u.pathname; } catch (_) { return ''; } };
  let last = '';
  let gone = false;

  /** @param {string} from @param {string} to */
  function moved(from, to) {
    if (gone || ns.started) return; // the guide is loaded: it serves every page of this document now
    if (!to || to === from) return;
    try {
      // @ts-ignore  Firefox: browser.*, Chrome: chrome.*
      const rt = (typeof browser !== 'undefined' ? browser : chrome).runtime;
      if (!rt || !rt.id) { gone = true; return; } // the extension was reloaded or removed
      rt.sendMessage({ type: 'navigated' }).catch(() => {});
    } catch (_) { gone = true; }
  }

  /** The handle of the one member profile LinkedIn's navigation links to, else ''. @returns {string} */
  function signedIn() {
    try {
      const bar = document.getElementById('global-nav');
      const links = bar ? bar.querySelectorAll('a[href*="/in/"]') : [];
      /** @type {Set<string>} */
      const handles = new Set();
      for (let i = 0; i < links.length && i < 20; i++) {
        const m = /^\/in\/([^/?#]{1,100})\/?$/.exec(new URL(/** @type {HTMLAnchorElement} */ (links[i]).href).pathname);
        if (m) handles.add(decodeURIComponent(m[1]).toLowerCase());
      }
      return handles.size === 1 ? [...handles][0] : '';
    } catch (_) {
      return '';
    }
  }

  function tellWho() {
    if (gone || ns.started || ns.nudge) return; // those report the page themselves, with the account
    const me = signedIn();
    if (!me) return;
    try {
      // @ts-ignore  Firefox: browser.*, Chrome: chrome.*
      const rt = (typeof browser !== 'undefined' ? browser : chrome).runtime;
      if (!rt || !rt.id) { gone = true; return; }
      rt.sendMessage({ type: 'who', me }).catch(() => {});
    } catch (_) { gone = true; }
  }
  const later = () => {
    const idle = /** @type {any} */ (globalThis).requestIdleCallback;
    if (typeof idle === 'function') idle(tellWho, { timeout: 2000 }); else setTimeout(tellWho, 200);
  };
  if (document.readyState === 'complete') later(); else addEventListener('load', later, { once: true });

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
})(OptOutPilot);
