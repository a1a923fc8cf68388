// @ts-check
// OptOut Pilot guide bundle: one-click (only after the member's click on "Turn it off for me") and its read-back.
// The switch is clicked once, as the member would; LinkedIn's confirmation dialog is the member's to answer, never
// ours. Success is only what the worker reads back from the page afterwards.

import * as ui from './banner.js';
import { collectControls, describeControl } from './dom.js';
import { isDisabled, readChecked } from './dom-controls.js';
import { CHANGED_SETTLE_MS } from './dom-settle.js';
import { findDialog } from './dom-visibility.js';
import * as page from './guide-page.js';
import { sendFull, tell } from './guide-report.js';
import { nextFrame, sleep } from './wait.js';

const FIX_WAIT_MS = 3000;     // wait this long for the switch to change
// Wait this long for the read-back before judging: a switch whose state changed is believed only once it has stayed
// so for CHANGED_SETTLE_MS (an optimistic change the server may still put back), plus the report's round trip.
const CHECKING_WAIT_MS = CHANGED_SETTLE_MS + 3000;
const DIALOG_WAIT_MS = 120000; // keep watching while LinkedIn's confirm dialog is open

/**
 * Re-find the same control after LinkedIn re-rendered it (same first key, else same name).
 * @param {Element} el @param {import('./dom.js').SnapshotControl} desc @returns {Element|null}
 */
function sameControl(el, desc) {
  if (el.isConnected) return el;
  const now = collectControls(document);
  const key = desc.keys[0];
  for (let i = 0; i < now.controls.length; i++) {
    const c = now.controls[i];
    if ((key && c.keys[0] === key) || (!key && desc.name && c.name === desc.name)) return now.elements[i];
  }
  return null;
}

/**
 * "Turn it off for me", only ever after the member's click on it: click the switch once, leave any confirmation
 * dialog to the member, then judge by the worker's reading of the page.
 */
export async function oneClick() {
  const { view } = page;
  const b = view.banner;
  const text = view.text;
  const el = page.targetControl();
  if (!b || !text || view.busy) return;
  if (!el || readChecked(el) !== true || isDisabled(el)) {
    await sendFull(true); // our picture is stale: read the page again and redraw
    return;
  }
  const gen = view.gen;
  const desc = describeControl(el, new Map());
  page.setBusy(true);
  tell(text.working || '', 'info');
  /** @returns {boolean|null} */
  const state = () => { const cur = sameControl(el, desc); return cur ? readChecked(cur) : null; };
  let changed = false;
  try {
    /** @type {HTMLElement} */ (el).click();
    const until = Date.now() + FIX_WAIT_MS;
    while (Date.now() < until && gen === view.gen) {
      await nextFrame();
      if (state() === false) { changed = true; break; }
    }
    if (!changed && gen === view.gen && findDialog(document)) {
      // LinkedIn wants a confirmation: the member confirms in LinkedIn's dialog, never us.
      page.setConfirming(true);
      tell(text.confirm || '', 'warn');
      const until2 = Date.now() + DIALOG_WAIT_MS;
      while (Date.now() < until2 && gen === view.gen) {
        await sleep(200);
        if (state() === false) { changed = true; break; }
        if (!findDialog(document)) { await sleep(page.SETTLE_MS); changed = state() === false; break; }
      }
    }
  } catch (_) { /* fall through to the honest read-back */ }
  page.setConfirming(false);
  page.setBusy(false);
  if (gen !== view.gen) return;
  page.say('', 'info');
  await nextFrame();
  // Read back: the worker records what the page now says, and its advice says what we show. A switch that
  // just changed is not believed at once: wait for the settled reading before judging.
  await sendFull(true);
  /** Whether the worker's reading says the setting is off now (or the guide is done). */
  const saved = () => {
    const a = view.banner;
    return !!a && (a.mode === 'done' || (a.setting === b.setting && a.status === 'off'));
  };
  // While the switch shows the change (or the worker says it is checking), the page's follower keeps reporting it:
  // wait for the reading that confirms it, or until the time is up.
  const until3 = Date.now() + CHECKING_WAIT_MS;
  while (gen === view.gen && Date.now() < until3 && !saved() &&
    (changed || (view.banner && view.banner.status === 'checking'))) {
    await sleep(200);
  }
  if (gen !== view.gen) return;
  // Success is only what the read-back says; if the page changed but the worker did not confirm it,
  // we say nothing rather than something untrue either way.
  const after = view.banner;
  const ok = saved();
  // Saved: keyboard and screen-reader members keep their place on "Next: …" (the ending focuses its Done).
  if (ok && after && after.mode === 'guide') ui.focusIn('link');
  if (!ok && !changed && view.text) tell(view.text.failed || '', 'error');
}
