// @ts-check
// OptOut Pilot guide bundle (entry of guide.js): the guide's life in a document. Loaded by the manifest on settings
// URLs, and by the worker when an in-page navigation leads from an ordinary page to a settings page (watch.js asks
// for it). From then on it serves every page of this document: it starts (taking over from the nudge bundle if that
// runs here), follows in-page navigations, and answers the worker's recheck.
// Policy (bench/README.md measures what each page pays):
//  * every page: the quick report at DOMContentLoaded (and on SPA navigation), draw once;
//  * ordinary pages: no observer, no polling, no listeners except navigation.js's;
//  * settings pages: the full snapshot, a switch believed only once settled (guide-report.js);
//  * a setting's own page (advice.watch) is followed for its whole life (guide-watch.js);
//  * "Turn it off for me" only after the member's click, judged by the read-back (guide-one-click.js).
// Teardown when the extension goes away: guide-link.js.

import * as ui from './banner.js';
import * as dom from './dom.js';
import { onAction } from './guide-actions.js';
import { refresh, scheduleSettle, sendFull } from './guide-report.js';
import { S } from './guide-state.js';
import { stopWatch } from './guide-watch.js';
import { loadedBundles } from './loaded-bundles.js';
import * as navigation from './navigation.js';
import { nextFrame } from './wait.js';

/** @param {boolean} bfcache */
function onNavigated(bfcache) {
  if (S.dead) return;
  S.gen++;
  if (bfcache) { void refresh(); return; }
  S.pageKey = navigation.currentKey();
  // Leave the old page: no ring, no watching, no stale notices; what the old view showed is not settled.
  dom.markNavigation();
  scheduleSettle(0);
  S.turnedOff = '';
  ui.highlight(null);
  stopWatch();
  S.elements = [];
  S.lastSig = '';
  S.notice = '';
  S.undo = null;
  S.busy = false;
  S.confirming = false;
  S.closedHere = false;
  S.inflight = false;
  S.again = false;
  const gen = S.gen;
  // Let the new page render a little before reading it.
  void nextFrame().then(nextFrame).then(() => { if (gen === S.gen) void refresh(); });
}

function start() {
  const here = loadedBundles();
  if (here.guide) return;
  here.guide = true;
  // The worker calls this after a decision in another tab or the popup. Only a reminder card asks again (an
  // ordinary page this document navigated to); a guide card keeps guiding, whatever the reminders do.
  here.recheck = () => {
    const b = S.advice && S.advice.banner;
    if (!S.dead && !S.busy && S.drawn && !S.closedNudge && b && b.mode === 'nudge') void refresh();
  };
  // The nudge bundle may be running here (an in-page navigation from an ordinary page): its card goes.
  try { if (here.nudge) here.nudge.stop(); } catch (_) { /* ignore */ }
  try {
    S.pageKey = navigation.currentKey();
    ui.onAction((/** @type {string} */ action, /** @type {string|undefined} */ arg) => { void onAction(action, arg); });
    navigation.subscribe(onNavigated);
    // This bundle starts only on settings pages (the manifest's addresses, or the worker after the core
    // classified the address), so its first report is the full snapshot: no quick report first.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => { void sendFull(true); }, { once: true });
    } else {
      void sendFull(true);
    }
  } catch (_) { /* never throw out of the content script */ }
}

start();
