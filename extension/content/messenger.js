// @ts-check
// OptOut Pilot content scripts: the one way to talk to the worker. Shared by every content bundle (watch,
// nudge, guide); a bundle loaded into a document that already has it reuses the first copy.

// eslint-disable-next-line no-var
var OptOutPilot = OptOutPilot || /** @type {any} */ ({});

(function (ns) {
  'use strict';
  if (ns.messenger) return;

  const TIMEOUT_MS = 10000;

  /** @returns {any} Firefox: browser.runtime, Chrome: chrome.runtime (both promise-based in MV3) */
  function runtime() {
    try {
      // @ts-ignore
      const b = typeof browser !== 'undefined' ? browser : null;
      if (b && b.runtime && typeof b.runtime.sendMessage === 'function') return b.runtime;
    } catch (_) { /* ignore */ }
    try {
      const c = typeof chrome !== 'undefined' ? chrome : null;
      if (c && c.runtime && typeof c.runtime.sendMessage === 'function') return c.runtime;
    } catch (_) { /* ignore */ }
    return null;
  }

  /**
   * Send one message; the reply object, or null (no answer in time, error). `onGone` runs when the extension
   * was reloaded or removed under this page: its context is dead and nothing will ever answer again.
   * @param {object} msg @param {() => void} onGone @returns {Promise<any>}
   */
  async function send(msg, onGone) {
    const rt = runtime();
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

  ns.messenger = Object.freeze({ send });
})(OptOutPilot);
