// @ts-check
// Typed facade over the WASM core. Values cross as JS objects (the core's serde types, mirrored by the typedefs
// of ../shared/protocol.js); no JSON text. Each message the worker handles is one call that takes the stored
// state as found in storage.local and returns everything the worker needs (CoreReply). Only the worker (and node
// tests) import this.

import init, * as wasm from '../pkg/optout_pilot_core.js';

/** @typedef {import('../shared/protocol.js').CoreReply} CoreReply */
/** @typedef {import('../shared/protocol.js').Env} Env */

export { init };
export const initSync = wasm.initSync;

/**
 * A LinkedIn page's report: detect it, record what it shows, decide what to draw.
 * @param {unknown} stored the value under `state` in storage.local (undefined on a first run)
 * @param {string[]} problems the problem codes kept so far
 * @param {unknown} snapshot @param {Env} env @param {number} now
 * @param {boolean} [cardShown] the page already shows our reminder card
 * @returns {import('../shared/protocol.js').PageCoreReply}
 */
export function page(stored, problems, snapshot, env, now, cardShown = false) {
  return wasm.page(stored, problems, snapshot, env, now, cardShown === true);
}

/**
 * A member's event; a refused one comes back with `error` and the state unchanged.
 * @param {unknown} stored @param {string[]} problems @param {unknown} event @param {Env} env @param {number} now
 * @returns {CoreReply}
 */
export function event(stored, problems, event, env, now) {
  return wasm.event(stored, problems, event, env, now);
}

/**
 * The status view of the stored state. @param {unknown} stored @param {string[]} problems @param {Env} env
 * @param {number} now @returns {CoreReply}
 */
export function status(stored, problems, env, now) {
  return wasm.status(stored, problems, env, now);
}

/**
 * An exported file's state (parsed by the worker) to import: the state to store, or why it is refused.
 * @param {unknown} value @param {number} now @returns {import('../shared/protocol.js').ImportOutcome}
 */
export function importState(value, now) {
  return wasm.importState(value, now);
}

/** Detect a snapshot (tests and the bench; `page` does this itself). @param {unknown} snapshot @returns {any} */
export function detect(snapshot) {
  return wasm.detect(snapshot);
}

/**
 * The kind of page an address is: 'setting', 'hub', 'linkedin', 'login' or 'notLinkedin'.
 * @param {string} url @returns {string}
 */
export function pageKind(url) {
  return wasm.pageKind(url);
}

/** The longest export file the core reads (characters). @returns {number} */
export function maxImportChars() {
  return wasm.maxImportChars();
}

/** @returns {string} */
export function catalogVersion() {
  return wasm.catalogVersion();
}
