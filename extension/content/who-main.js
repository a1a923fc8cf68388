// @ts-check
// OptOut Pilot who bundle (entry of who.js): on ordinary LinkedIn pages, only while the worker needs to know who is
// signed in (no account seen yet, or a sign-in or sign-out page since: status view `whoDue`; registered by the
// worker). It tells the worker which member LinkedIn's navigation shows, so that a different account never
// inherits the status of the one before (the worker keeps only a salted hash). Once told, the worker unregisters
// it: the day's other loads run none of it. The account is read once, in idle time after load, from the navigation
// only (a lookup by id). The nudge and guide bundles report the account with their page reports; this one stands
// down where they run.

import { loadedBundles } from './loaded-bundles.js';
import { signedInHandle } from './page-facts.js';
import { post } from './runtime.js';

function tellWho() {
  const here = loadedBundles();
  if (here.guide || here.nudge) return; // those report the page themselves, with the account
  const me = signedInHandle(document);
  if (!me) return;
  post({ type: 'who', me });
}

function start() {
  const here = loadedBundles();
  if (here.who) return;
  here.who = true;
  const later = () => {
    const idle = /** @type {any} */ (globalThis).requestIdleCallback;
    if (typeof idle === 'function') idle(tellWho, { timeout: 2000 }); else setTimeout(tellWho, 200);
  };
  if (document.readyState === 'complete') later(); else addEventListener('load', later, { once: true });
}

start();
