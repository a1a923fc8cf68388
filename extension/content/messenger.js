// @ts-check
// OptOut Pilot content scripts: the one way the nudge and the guide talk to the worker (a message and its reply).

import { extensionRuntime } from './runtime.js';

const TIMEOUT_MS = 10000;

/**
 * Send one message; the reply object, or null (no answer in time, error). `onGone` runs when the extension
 * was reloaded or removed under this page: its context is dead and nothing will ever answer again.
 * @param {object} msg @param {() => void} onGone @returns {Promise<any>}
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
    return reply && typeof reply === 'object' ? reply : null;
  } catch (e) {
    if (/invalidated|Extension context/i.test(String(e && /** @type {any} */ (e).message))) onGone();
    return null;
  }
}
