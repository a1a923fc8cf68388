// @ts-check
// OptOut Pilot guide bundle: what the guide's card does when the member clicks its buttons (close, snooze, dismiss,
// "Keep this on", stop the guide, "Turn it off for me"). The decisions themselves are card-actions.js's, as on
// the nudge card.

/** @typedef {import('../shared/protocol.js').BannerText} BannerText */
/** @typedef {import('../shared/protocol.js').WorkerEvent} WorkerEvent */

import * as ui from './banner.js';
import { decisionOf, closeNudgeEvent, tellWorker, ackText, showAck, undoLabel } from './card-actions.js';
import { send } from './guide-link.js';
import { oneClick } from './guide-one-click.js';
import { draw, refresh, showError } from './guide-report.js';
import { S, setNotice } from './guide-state.js';

/** The last text seen, so that an acknowledgement can still be worded after the banner went away. */
/** @type {BannerText|null} */
let lastTextSeen = null;

/**
 * Once the worker recorded a decision: the acknowledgement, with the Undo of the decision. It takes the card's
 * place when the banner goes away; when the banner stays (a settings page keeps its guide), it is the card's
 * notice line.
 * @param {string} ack the acknowledgement's sentence ('' for none) @param {WorkerEvent} undo
 */
async function afterEvent(ack, undo) {
  const gen = S.gen;
  // The acknowledgement takes the card's place (no vanish-and-rise) when the banner goes away.
  S.holdCard = !!ack;
  try { await refresh(); } finally { S.holdCard = false; }
  if (gen !== S.gen || S.dead || !ack) return;
  const text = S.text || lastTextSeen;
  if (!(S.advice && S.advice.banner)) {
    S.undo = undo;
    showAck(text, ack, undoLabel(text));
    return;
  }
  setNotice(ack, 'info');
  S.undo = undo;
  draw();
  ui.announce(ack);
}

/** The Undo of the decision acknowledged on screen: reminders and guide as before, and the card back at once. */
async function undoDecision() {
  const undo = S.undo;
  S.undo = null;
  if (!undo) return;
  if (!(await tellWorker(send, undo))) { showError(); return; }
  if (S.dead) return;
  setNotice('', 'info');
  S.closedHere = false; // "Stop guide" put the card away for this page view
  await refresh();
}

/** @param {string} action @param {string} [arg] */
export async function onAction(action, arg) {
  if (S.dead) return;
  const b = S.advice && S.advice.banner;
  const text = S.text;
  if (text) lastTextSeen = text;
  try {
    // The finished guide's Done button closes it, as × and Escape do.
    if (action === 'close' || action === 'done') {
      if (b && b.mode === 'nudge') S.closedNudge = true; else S.closedHere = true;
      ui.clearCard();
      ui.highlight(null);
      // A closed nudge stays away until tomorrow (the worker remembers it).
      if (b && b.mode === 'nudge') await tellWorker(send, closeNudgeEvent());
      return;
    }
    if (action === 'fix') {
      await oneClick();
      return;
    }
    if (action === 'undo') {
      await undoDecision();
      return;
    }
    const decision = decisionOf(action, arg, b);
    if (!decision) {
      if (action === 'keepOn') showError(); // no setting to keep on: say it did not work
      return;
    }
    if (!(await tellWorker(send, decision.event))) {
      showError();
      return;
    }
    const ack = ackText(text, decision.ack);
    if (action === 'stopGuide') {
      // The core still guides on a setting's own page (the member came here on purpose), so stopping
      // the guide also puts the banner away for this page view.
      S.closedHere = true;
      ui.highlight(null);
      const t = S.text || lastTextSeen;
      S.undo = decision.undo;
      showAck(t, ack, undoLabel(t));
      return;
    }
    await afterEvent(ack, decision.undo);
  } catch (_) { /* never throw out */ }
}
