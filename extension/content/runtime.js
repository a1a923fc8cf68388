// @ts-check
// The extension's messaging API as content scripts see it: Firefox's `browser.runtime` where there is one, else
// Chrome's `chrome.runtime` (both promise-based in MV3). Null when neither is there, or after the extension was
// reloaded or removed under the page (reading it may then throw).

/**
 * @typedef {Object} Runtime
 * @property {string} [id]   gone once the extension was reloaded or removed: nothing will answer any more
 * @property {(message: import('../shared/protocol.js').ContentMessage) => Promise<unknown>} sendMessage
 */

/** @returns {Runtime|null} */
export function extensionRuntime() {
  try {
    // @ts-ignore  Firefox: browser.*
    const b = typeof browser !== 'undefined' ? browser : null;
    if (b && b.runtime && typeof b.runtime.sendMessage === 'function') return b.runtime;
  } catch (_) { /* ignore */ }
  try {
    const c = typeof chrome !== 'undefined' ? chrome : null;
    if (c && c.runtime && typeof c.runtime.sendMessage === 'function') return /** @type {Runtime} */ (/** @type {unknown} */ (c.runtime));
  } catch (_) { /* ignore */ }
  return null;
}

/**
 * Send a message that needs no reply (a failed delivery is dropped). False when the extension was reloaded or
 * removed under this page: nothing will answer any more.
 * @param {import('../shared/protocol.js').ContentMessage} message @returns {boolean}
 */
export function post(message) {
  try {
    const rt = extensionRuntime();
    if (!rt || !rt.id) return false;
    rt.sendMessage(message).catch(() => {});
    return true;
  } catch (_) {
    return false;
  }
}
