// @ts-check
// OptOut Pilot who bundle: on ordinary LinkedIn pages, only while the worker needs to know who is signed in (no
// account seen yet, or a sign-in or sign-out page since: status view `whoDue`; registered by the worker). It tells
// the worker which member LinkedIn's navigation shows, so that a different account never inherits the status of
// the one before (the worker keeps only a salted hash). Once told, the worker unregisters it: the day's other loads
// run none of it. The account is read once, in idle time after load, from the navigation only (a lookup by id).
// The nudge and guide bundles report the account with their page reports; this one stands down where they run.

// eslint-disable-next-line no-var
var OptOutPilot = OptOutPilot || /** @type {any} */ ({});

(function (ns) {
  'use strict';
  if (ns.who) return;
  ns.who = true;

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
    if (ns.started || ns.nudge) return; // those report the page themselves, with the account
    const me = signedIn();
    if (!me) return;
    try {
      // @ts-ignore  Firefox: browser.*, Chrome: chrome.*
      const rt = (typeof browser !== 'undefined' ? browser : chrome).runtime;
      if (rt && rt.id) rt.sendMessage({ type: 'who', me }).catch(() => {});
    } catch (_) { /* the extension was reloaded or removed */ }
  }
  const later = () => {
    const idle = /** @type {any} */ (globalThis).requestIdleCallback;
    if (typeof idle === 'function') idle(tellWho, { timeout: 2000 }); else setTimeout(tellWho, 200);
  };
  if (document.readyState === 'complete') later(); else addEventListener('load', later, { once: true });
})(OptOutPilot);
