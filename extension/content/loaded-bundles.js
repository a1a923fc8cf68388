// @ts-check
// Which of our bundles run in this document, and what they offer each other and the worker.
// Every bundle is a separate script with its own copy of the modules it imports, so this is the one thing they
// share: one object on the isolated world's global object (the page's own world cannot see it), under a key from
// the symbol registry rather than a name. The worker reaches it the same way from chrome.scripting functions
// (extension/worker/content-scripts.js: is the guide here? recheck).

/**
 * @typedef {Object} LoadedBundles
 * @property {boolean} [watch]   watch.js runs here
 * @property {{stop: () => void}} [nudge]  nudge.js runs here; the guide stops it when it takes over the document
 * @property {boolean} [guide]   guide.js runs here: it serves every page of this document from now on
 * @property {() => void} [recheck]  the worker calls this after a decision in another tab or the popup
 */

/** The key, as the worker's injected functions spell it too. */
export const LOADED_BUNDLES_KEY = 'optout-pilot.bundles';

/** This document's record (created by the first bundle that asks). @returns {LoadedBundles} */
export function loadedBundles() {
  const g = /** @type {Record<symbol, LoadedBundles|undefined>} */ (/** @type {unknown} */ (globalThis));
  const key = Symbol.for(LOADED_BUNDLES_KEY);
  return g[key] || (g[key] = {});
}
