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
// What the modules share about the page on screen is guide-page.js's; teardown when the extension goes away:
// guide-link.js.

import * as ui from './banner.js';
import { markNavigation } from './dom-settle.js';
import { onAction } from './guide-actions.js';
import { isDead, whenGone } from './guide-link.js';
import * as page from './guide-page.js';
import { leavePage, refresh, reminderShown, sendFull, stopWatch } from './guide-report.js';
import { loadedBundles } from './loaded-bundles.js';
import * as navigation from './navigation.js';
import { nextFrame } from './wait.js';

/** @param {boolean} bfcache */
function onNavigated(bfcache) {
  if (isDead()) return;
  if (bfcache) { page.invalidate(); void refresh(); return; }
  // A new page view: what the old one showed (ring, notices, watching) goes, and is not settled.
  page.reset(navigation.currentKey());
  markNavigation();
  leavePage();
  const gen = page.view.gen;
  // Let the new page render a little before reading it.
  void nextFrame().then(nextFrame).then(() => { if (gen === page.view.gen) void refresh(); });
}

function start() {
  const here = loadedBundles();
  if (here.guide) return;
  here.guide = true;
  // The worker calls this after a decision in another tab or the popup. Only a reminder card asks again (an
  // ordinary page this document navigated to); a guide card keeps guiding, whatever the reminders do.
  here.recheck = () => {
    if (!isDead() && !page.view.busy && reminderShown()) void refresh();
  };
  // The nudge bundle may be running here (an in-page navigation from an ordinary page): its card goes.
  try { if (here.nudge) here.nudge.stop(); } catch (_) { /* ignore */ }
  try {
    page.reset(navigation.currentKey());
    whenGone(stopWatch);
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
