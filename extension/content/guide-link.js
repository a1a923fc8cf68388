// @ts-check
// OptOut Pilot guide bundle: the guide's line to the worker, and what happens when it is cut (the extension was
// reloaded or removed under the page): the guide stops and leaves the page exactly as LinkedIn made it.

import * as ui from './banner.js';
import * as messenger from './messenger.js';

let dead = false;
/** @type {(() => void)[]} */
const teardown = [];

/** Whether the extension went away: nothing more to do in this document. */
export function isDead() { return dead; }

/** What to stop when the extension goes away (besides our drawing). @param {() => void} fn */
export function whenGone(fn) { teardown.push(fn); }

/**
 * @template {import('../shared/protocol.js').ContentMessage} M
 * @param {M} msg @returns {Promise<import('../shared/protocol.js').ReplyTo<M> | null>} the reply, null if none
 */
export function send(msg) {
  return dead ? Promise.resolve(null) : messenger.send(msg, die);
}

/** Stop for good: nothing watched, nothing drawn. */
export function die() {
  if (dead) return;
  dead = true;
  for (const fn of teardown) { try { fn(); } catch (_) { /* ignore */ } }
  try { ui.destroy(); } catch (_) { /* ignore */ }
}
