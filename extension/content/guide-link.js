// @ts-check
// OptOut Pilot guide bundle: the guide's line to the worker, and what happens when it is cut (the extension was
// reloaded or removed under the page): the guide stops and leaves the page exactly as LinkedIn made it.

import * as ui from './banner.js';
import { stopWatch } from './guide-watch.js';
import { S } from './guide-state.js';
import * as messenger from './messenger.js';

/**
 * @template {import('../shared/protocol.js').ContentMessage} M
 * @param {M} msg @returns {Promise<import('../shared/protocol.js').ReplyTo<M> | null>} the reply, null if none
 */
export function send(msg) {
  return S.dead ? Promise.resolve(null) : messenger.send(msg, die);
}

/** Stop for good: nothing watched, nothing drawn. */
export function die() {
  if (S.dead) return;
  S.dead = true;
  try { stopWatch(); } catch (_) { /* ignore */ }
  try { ui.destroy(); } catch (_) { /* ignore */ }
}
