// @ts-check
// OptOut Pilot content scripts: what the card's buttons decide, for the nudge and the guide alike. A decision is an
// event the worker records ({type: 'event', event}); once it is recorded, an acknowledgement card takes the card's
// place, and a reminder's decision can be undone from there.

/** @typedef {import('../shared/protocol.js').BannerText} BannerText */
/** @typedef {import('../shared/protocol.js').WorkerEvent} WorkerEvent */
/** @typedef {(msg: import('../shared/protocol.js').EventMessage) => Promise<import('../shared/protocol.js').EventReply | null>} Send */
/**
 * @typedef {Object} Decision
 * @property {WorkerEvent} event what the worker records
 * @property {string} ack        key of the acknowledgement's sentence in text.ack
 * @property {WorkerEvent} undo  the event that undoes it (every decision on the card is a quieting one)
 */

import * as card from './card.js';

/**
 * The decision a button stands for; null for anything else (close, fix, undo: each card handles those itself) and
 * for "Keep this on" without a setting to keep.
 * @param {string} action @param {string|undefined} arg @param {{setting?: string|null}|null} banner @returns {Decision|null}
 */
export function decisionOf(action, arg, banner) {
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

/** Closing the reminder card: gone for today (the worker remembers it). */
/** @returns {WorkerEvent} */
export const closeNudgeEvent = () => ({ type: 'closeNudge' });

/** Tell the worker; true once it recorded the event. @param {Send} send @param {WorkerEvent} event @returns {Promise<boolean>} */
export async function tellWorker(send, event) {
  const reply = await send({ type: 'event', event });
  return !!(reply && reply.ok);
}

/** The acknowledgement's sentence for a decision, '' if the text has none. @param {BannerText|null} text @param {string} key */
export function ackText(text, key) {
  return (text && text.ack && /** @type {Record<string, string>} */ (/** @type {unknown} */ (text.ack))[key]) || '';
}

/** The Undo button's label in the card's words, '' if the text has none. @param {BannerText|null} text */
export function undoLabel(text) {
  return text ? String(text.undo || '') : '';
}

/**
 * The acknowledgement card in place of the card, in the card's words (close label, brand, language), with an Undo
 * button when `undoLabel` is given. @param {BannerText|null} text @param {string} message @param {string} [undoLabel]
 */
export function showAck(text, message, undoLabel) {
  /** @param {'close'|'brand'|'lang'} k */
  const field = (k) => (text ? String(text[k] || '') : '');
  card.ack(message, field('close'), field('brand'), field('lang'), undoLabel);
}
