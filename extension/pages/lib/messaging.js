// @ts-check
/**
 * Messages from pages to the service worker: their shapes and replies are declared in ../../shared/protocol.js.
 */

/** @typedef {import('../../shared/protocol.js').StatusView} StatusView */
/** @typedef {import('../../shared/protocol.js').WorkerEvent} WorkerEvent */
/** @typedef {import('../../shared/protocol.js').PageToWorkerMessage} PageToWorkerMessage */
/**
 * @template {PageToWorkerMessage} M
 * @typedef {import('../../shared/protocol.js').ReplyTo<M>} ReplyTo
 */
/**
 * @typedef {{
 *   runtime: { sendMessage(msg: unknown): Promise<any>, openOptionsPage?: () => Promise<void> | void,
 *              getURL?: (path: string) => string },
 *   tabs?: { create(props: { url: string }): Promise<unknown> }
 * }} ChromeApi
 */

/** @returns {ChromeApi} */
export function chromeApi() {
  return /** @type {ChromeApi} */ (/** @type {any} */ (globalThis).chrome);
}

/**
 * Send a message and reject on a missing or error reply.
 * @template {PageToWorkerMessage} M
 * @param {M} msg
 * @returns {Promise<ReplyTo<M>>}
 */
export async function send(msg) {
  const reply = await chromeApi().runtime.sendMessage(msg);
  if (reply === undefined || reply === null) throw new Error('no reply');
  if (typeof reply === 'object' && 'error' in reply && reply.error && !('ok' in reply)) {
    throw new Error(String(reply.error));
  }
  return reply;
}

/** @returns {Promise<StatusView>} */
export function getStatus() {
  return send({ type: 'status' });
}

/**
 * Apply an event; resolves to the new status view.
 * @param {WorkerEvent} event
 * @returns {Promise<StatusView>}
 */
export async function sendEvent(event) {
  const reply = await send({ type: 'event', event });
  if (!reply || !reply.status) throw new Error('no status');
  return reply.status;
}

/**
 * Forget the stored-data notices the member has read (backups stay); resolves to the new status view.
 * @returns {Promise<StatusView>}
 */
export async function clearProblems() {
  const reply = await send({ type: 'clearProblems' });
  if (!reply || !Array.isArray(reply.rows)) throw new Error('no status');
  return reply;
}

/**
 * Start the guide and open its first step in a new tab.
 * @returns {Promise<void>}
 */
export async function startGuide() {
  const reply = await send({ type: 'startGuide' });
  const url = reply && typeof reply.url === 'string' ? reply.url : '';
  if (!/^https:\/\/www\.linkedin\.com\//.test(url)) throw new Error('bad url');
  const c = chromeApi();
  if (c.tabs) await c.tabs.create({ url });
  else window.open(url, '_blank', 'noopener');
}

/** Open the options page (falls back to a plain tab). */
export async function openOptions() {
  const c = chromeApi();
  if (c.runtime.openOptionsPage) {
    await c.runtime.openOptionsPage();
  } else {
    window.open('options.html', '_blank', 'noopener');
  }
}
