// @ts-check
// OptOut Pilot guide bundle: what the guide's card does when the member clicks its buttons (close, snooze, dismiss,
// "Keep this on", stop the guide, "Turn it off for me"). The decisions, their acknowledgement and Undo are
// reminder-card.js's, as on the nudge card; this is how the guide's card goes, fails, acknowledges and comes back.

/** @typedef {import('./reminder-card.js').Decision} Decision */
/** @typedef {import('../shared/protocol.js').WorkerEvent} WorkerEvent */

import * as ui from './banner.js';
import { isDead, send } from './guide-link.js';
import { oneClick } from './guide-one-click.js';
import * as page from './guide-page.js';
import { draw, refresh, showError } from './guide-report.js';
import * as reminderCard from './reminder-card.js';

const { view } = page;

/**
 * Once the worker recorded a decision: the acknowledgement, with the Undo of the decision. It takes the card's
 * place when the banner goes away; when the banner stays (a settings page keeps its guide), it is the card's
 * notice line. @param {string} ack the acknowledgement's sentence ('' for none) @param {WorkerEvent} undo
 */
async function afterEvent(ack, undo) {
  const gen = view.gen;
  // The acknowledgement takes the card's place (no vanish-and-rise) when the banner goes away.
  await page.holdingCard(!!ack, refresh);
  if (gen !== view.gen || isDead() || !ack) return;
  if (!view.banner) {
    reminderCard.acknowledge(view.text, ack, undo);
    return;
  }
  page.say(ack, 'info');
  reminderCard.offerUndo(undo);
  draw();
  ui.announce(ack);
}

/** @type {import('./reminder-card.js').CardHost} */
const GUIDE_CARD = {
  send,
  dead: isDead,
  banner: () => view.banner,
  text: () => view.text,
  reminder: () => { const b = view.banner; return !!b && b.mode === 'nudge'; },
  offers: () => true,
  async own(action) {
    if (action !== 'fix') return false;
    await oneClick();
    return true;
  },
  putAway(reminder) {
    if (!reminder) page.putAway();
    ui.clearCard();
    ui.highlight(null);
  },
  failed: showError,
  async acknowledge(decision, ack) {
    if (decision.event.type === 'stopGuide') {
      // The core still guides on a setting's own page (the member came here on purpose), so stopping
      // the guide also puts the banner away for this page view.
      page.putAway();
      ui.highlight(null);
      reminderCard.acknowledge(view.text, ack, decision.undo);
      return;
    }
    await afterEvent(ack, decision.undo);
  },
  async undone() {
    page.say('', 'info');
    page.bringBack(); // "Stop guide" put the card away for this page view
    await refresh();
  },
};

/** @param {string} action @param {string} [arg] */
export function onAction(action, arg) {
  return reminderCard.handle(action, arg, GUIDE_CARD);
}
