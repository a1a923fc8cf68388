// @ts-check
// OptOut Pilot content scripts: the one controller of a card's decisions, for the nudge and the guide alike. Close,
// the decisions (snooze, don't remind me, Keep this on, stop the guide: each an event the worker records), their
// acknowledgement with Undo, and the Undo itself run here; each bundle says how its card goes, fails, acknowledges
// and comes back (CardHost). Each bundle carries its own copy of this module, so the state below is one card's.
// Whether an activation is the member's is card.js's gate (`verdict`), before any action reaches here.

/** @typedef {import('../shared/protocol.js').BannerText} BannerText */
/** @typedef {import('../shared/protocol.js').WorkerEvent} WorkerEvent */
/** @typedef {import('../shared/protocol.js').AdviceBanner} Banner */
/** @typedef {(msg: import('../shared/protocol.js').EventMessage) => Promise<import('../shared/protocol.js').EventReply | null>} Send */
/**
 * @typedef {Object} Decision
 * @property {WorkerEvent} event what the worker records
 * @property {string} ack        key of the acknowledgement's sentence in text.ack
 * @property {WorkerEvent} undo  the event that undoes it (every decision on the card is a quieting one)
 */
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

import * as card from './card.js';

let closedReminder = false;         // the reminder was closed: not again in this document (nor today)
/** @type {WorkerEvent|null} */
let undo = null;                    // undoes the decision acknowledged on screen
/** @type {BannerText|null} */
let lastText = null;                // the last words seen: an acknowledgement is worded even after the card went

// ---------- what the buttons decide ----------

/**
 * The decision a button stands for; null for anything else (close and undo: handle() below; the guide's own
 * actions) and for "Keep this on" without a setting to keep.
 * @param {string} action @param {string|undefined} arg @param {{setting?: string|null}|null} banner @returns {Decision|null}
 */
function decisionOf(action, arg, banner) {
  switch (action) {
    case 'snooze': {
      const duration = arg === 'week' || arg === 'month' ? arg : 'day';
      return { event: { type: 'snooze', duration }, ack: duration, undo: { type: 'unsnooze' } };
    }
    case 'dismissAll':
      return { event: { type: 'dismissAll' }, ack: 'dismissAll', undo: { type: 'undismissAll' } };
    case 'keepOn':
      return banner && banner.setting
        ? { event: { type: 'dismiss', setting: banner.setting }, ack: 'keepOn', undo: { type: 'undismiss', setting: banner.setting } }
        : null;
    case 'stopGuide':
      return { event: { type: 'stopGuide' }, ack: 'stopGuide', undo: { type: 'resumeGuide' } };
    default:
      return null;
  }
}

/** Closing the reminder card: gone for today (the worker remembers it). @returns {WorkerEvent} */
const closeNudgeEvent = () => ({ type: 'closeNudge' });

/** Tell the worker; true once it recorded the event. @param {Send} send @param {WorkerEvent} event @returns {Promise<boolean>} */
async function tellWorker(send, event) {
  const reply = await send({ type: 'event', event });
  return !!(reply && reply.ok);
}

/** The acknowledgement's sentence for a decision, '' if the text has none. @param {BannerText|null} text @param {string} key */
function ackText(text, key) {
  return (text && text.ack && /** @type {Record<string, string>} */ (/** @type {unknown} */ (text.ack))[key]) || '';
}

/** The Undo button's label in the card's words, '' if the text has none. @param {BannerText|null} text */
function undoLabel(text) {
  return text ? String(text.undo || '') : '';
}

/**
 * The acknowledgement card in place of the card, in the card's words (close label, brand, language), with an Undo
 * button when `undoLabel` is given. @param {BannerText|null} text @param {string} message @param {string} [undoLabel]
 */
function showAck(text, message, undoLabel) {
  /** @param {'close'|'brand'|'lang'} k */
  const field = (k) => (text ? String(text[k] || '') : '');
  card.ack(message, field('close'), field('brand'), field('lang'), undoLabel);
}

// ---------- the controller ----------

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
