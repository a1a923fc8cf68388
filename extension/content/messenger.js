// @ts-check
// OptOut Pilot content scripts: the one way the nudge and the guide talk to the worker (a message and its reply).

import { extensionRuntime } from './runtime.js';

const TIMEOUT_MS = 10000;

/**
 * Send one message; the reply object, or null (no answer in time, error). `onGone` runs when the extension
 * was reloaded or removed under this page: its context is dead and nothing will ever answer again.
 * The reply is the protocol's reply to that message; an `ErrorReply` (the worker refused or failed) is null too.
 * @template {import('../shared/protocol.js').ContentMessage} M
 * @param {M} msg @param {() => void} onGone
 * @returns {Promise<import('../shared/protocol.js').ReplyTo<M> | null>}
 */
export async function send(msg, onGone) {
  const rt = extensionRuntime();
  if (!rt || !rt.id) { onGone(); return null; }
  try {
    /** @type {number} */
    let timer = 0;
    const reply = await Promise.race([
      rt.sendMessage(msg),
      new Promise((resolve) => { timer = setTimeout(() => resolve(null), TIMEOUT_MS); }),
    ]);
    clearTimeout(timer);
    if (!reply || typeof reply !== 'object' || ('error' in reply && !('ok' in reply))) return null;
    return /** @type {import('../shared/protocol.js').ReplyTo<M>} */ (reply);
  } catch (e) {
    if (/invalidated|Extension context/i.test(String(e && /** @type {any} */ (e).message))) onGone();
    return null;
  }
}
