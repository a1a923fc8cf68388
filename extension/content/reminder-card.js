// @ts-check
// OptOut Pilot content scripts: the one controller of a card's decisions, for the nudge and the guide alike. Close,
// the decisions (snooze, don't remind me, Keep this on, stop the guide), their acknowledgement with Undo, and the
// Undo itself run here; each bundle says how its card goes, fails, acknowledges and comes back (CardHost). Each
// bundle carries its own copy of this module, so the state below is one card's. Whether an activation is the
// member's is card.js's gate (`verdict`), before any action reaches here.

/** @typedef {import('../shared/protocol.js').BannerText} BannerText */
/** @typedef {import('../shared/protocol.js').WorkerEvent} WorkerEvent */
/** @typedef {import('../shared/protocol.js').AdviceBanner} Banner */
/** @typedef {import('./card-actions.js').Decision} Decision */
/** @typedef {import('./card-actions.js').Send} Send */
/**
 * @typedef {Object} CardHost  what the bundle that drew the card does at each step
 * @property {Send} send                       one message to the worker
 * @property {() => boolean} dead              the extension went away: do nothing
 * @property {() => Banner|null} banner        what the card on screen stands for
 * @property {() => BannerText|null} text      the card's words
 * @property {() => boolean} reminder          the card on screen is the reminder (closing it means "not today")
 * @property {(action: string) => boolean} offers  the decisions this card offers
 * @property {(reminder: boolean) => void} putAway  the member closed the card: it goes
 * @property {() => void} failed               the worker did not record it: say so
 * @property {(decision: Decision, ack: string) => Promise<void>} acknowledge  the worker recorded the decision
 *   (ack: its sentence, '' for none): show it, with its Undo (acknowledge() or offerUndo())
 * @property {() => Promise<void>} undone      the worker recorded the Undo: the card as before
 * @property {(action: string) => Promise<boolean>} [own]  the bundle's own actions (the guide's "Turn it off for
 *   me"): true when it was one
 */

import { ackText, closeNudgeEvent, decisionOf, showAck, tellWorker, undoLabel } from './card-actions.js';

let closedReminder = false;         // the reminder was closed: not again in this document (nor today)
/** @type {WorkerEvent|null} */
let undo = null;                    // undoes the decision acknowledged on screen
/** @type {BannerText|null} */
let lastText = null;                // the last words seen: an acknowledgement is worded even after the card went

/** Whether the member closed the reminder card in this document. */
export function reminderClosed() { return closedReminder; }

/** Whether an acknowledgement on screen offers an Undo. */
export function undoOffered() { return !!undo; }

/** The decision on screen is no longer acknowledged (a new notice, a new page view): no Undo. */
export function forgetUndo() { undo = null; }

/** The Undo of `event` is offered (by the card's notice line, or the acknowledgement card). @param {WorkerEvent} event */
export function offerUndo(event) { undo = event; }

/**
 * The acknowledgement card in the card's place, in the card's words (or the last seen), with the Undo of `event`.
 * @param {BannerText|null} text @param {string} ack the sentence ('' for none: no card, the Undo is still kept)
 * @param {WorkerEvent} event
 */
export function acknowledge(text, ack, event) {
  undo = event;
  if (!ack) return;
  const t = text || lastText;
  showAck(t, ack, undoLabel(t));
}

/** The member activated `action` (with `arg`) on the card. @param {string} action @param {string|undefined} arg @param {CardHost} host */
export async function handle(action, arg, host) {
  if (host.dead()) return;
  const banner = host.banner();
  const text = host.text();
  if (text) lastText = text;
  try {
    if (host.own && await host.own(action)) return;
    // The finished guide's Done button closes it, as × and Escape do.
    if (action === 'close' || action === 'done') {
      const reminder = host.reminder();
      if (reminder) closedReminder = true;
      host.putAway(reminder);
      // A closed reminder stays away until tomorrow (the worker remembers it).
      if (reminder) await tellWorker(host.send, closeNudgeEvent());
      return;
    }
    if (action === 'undo') {
      // The Undo of the decision just acknowledged: as before, and the card back at once.
      const event = undo;
      undo = null;
      if (!event) return;
      const ok = await tellWorker(host.send, event);
      if (host.dead()) return;
      if (!ok) { host.failed(); return; }
      await host.undone();
      return;
    }
    const decision = host.offers(action) ? decisionOf(action, arg, banner) : null;
    if (!decision) {
      if (action === 'keepOn' && host.offers(action)) host.failed(); // no setting to keep on: say it did not work
      return;
    }
    const ok = await tellWorker(host.send, decision.event);
    if (host.dead()) return;
    if (!ok) { host.failed(); return; }
    await host.acknowledge(decision, ackText(text, decision.ack));
  } catch (_) { /* never throw out */ }
}
