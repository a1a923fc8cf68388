// @ts-check
// Object-level facade over the WASM core, whose functions take and return JSON text (read and written by
// the core's own small src/json.rs, which keeps the module small). Only the worker (and node tests) import this.

import init, * as wasm from '../pkg/optout_pilot_core.js';

export { init };
export const initSync = wasm.initSync;

/** @param {unknown} value */
const text = (value) => JSON.stringify(value ?? null) ?? 'null';

/** @param {unknown} value JSON text of a page snapshot; unserialisable (cyclic…) input reads as empty. */
function safeText(value) {
  try {
    return text(value);
  } catch {
    return 'null';
  }
}

/** @param {unknown} snapshot @returns {any} */
export function detect(snapshot) {
  return JSON.parse(wasm.detect(safeText(snapshot)));
}

/** @param {string|undefined} raw @returns {{state: string, problems: string[], backup: string|null}} */
export function loadState(raw) {
  return JSON.parse(wasm.loadState(raw));
}

/**
 * An exported state (JSON text) to import: the state to store, or why it is refused.
 * @param {string} text @param {number} now @returns {{state?: string, problems?: string[]}}
 */
export function importState(text, now) {
  return JSON.parse(wasm.importState(text, now));
}

/**
 * Detect a page snapshot, record what it shows and decide what to draw, in one step (and remember a reminder
 * card drawn today).
 * @param {string} state @param {unknown} snapshot @param {unknown} env @param {number} now
 * @param {boolean} [cardShown] the page already shows our reminder card
 * @returns {{state: string, detection: any, advice: any}}
 */
export function page(state, snapshot, env, now, cardShown = false) {
  return JSON.parse(wasm.page(state, safeText(snapshot), text(env), now, cardShown === true));
}

/**
 * A page showed which account is signed in (its salted key): the status becomes that account's.
 * @param {string} state @param {string} account @param {number} now @returns {string}
 */
export function signIn(state, account, now) {
  return wasm.signIn(state, account, now);
}

/** @param {string} state @param {unknown} event @param {unknown} env @param {number} now @returns {string} */
export function applyEvent(state, event, env, now) {
  return wasm.applyEvent(state, text(event), text(env), now);
}

/** @param {string} state @param {unknown} env @param {number} now @param {string[]} problems @returns {any} */
export function statusView(state, env, now, problems) {
  return JSON.parse(wasm.statusView(state, text(env), now, text(problems)));
}

/** @param {string} state @param {unknown} env @param {number} now @returns {number|undefined} */
export function nextWake(state, env, now) {
  return wasm.nextWake(state, text(env), now);
}

export function catalogVersion() {
  return wasm.catalogVersion();
}
