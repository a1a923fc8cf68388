// @ts-check
// Object-level facade over the WASM core, whose functions take and return JSON text (one serde code
// path in Rust keeps the module small). Only the worker (and node tests) import this.

import init, * as wasm from '../pkg/optout_pilot_core.js';

export { init };
export const initSync = wasm.initSync;

/** @param {unknown} value */
const text = (value) => JSON.stringify(value ?? null) ?? 'null';

/** @param {unknown} snapshot @returns {any} */
export function detect(snapshot) {
  let json;
  try {
    json = text(snapshot);
  } catch {
    // Cyclic or otherwise unserialisable input: detect treats it as an empty snapshot.
    json = 'null';
  }
  return JSON.parse(wasm.detect(json));
}

/** @param {string|undefined} raw @returns {{state: string, problems: string[], backup: string|null}} */
export function loadState(raw) {
  return JSON.parse(wasm.loadState(raw));
}

/** @param {string} state @param {unknown} detection @param {number} now @returns {string} */
export function observe(state, detection, now) {
  return wasm.observe(state, text(detection), now);
}

/** @param {string} state @param {unknown} event @param {number} now @returns {string} */
export function applyEvent(state, event, now) {
  return wasm.applyEvent(state, text(event), now);
}

/** @param {string} state @param {unknown} env @param {number} now @param {string[]} problems @returns {any} */
export function statusView(state, env, now, problems) {
  return JSON.parse(wasm.statusView(state, text(env), now, text(problems)));
}

/** @param {string} state @param {unknown} detection @param {unknown} env @param {number} now @returns {any} */
export function advice(state, detection, env, now) {
  return JSON.parse(wasm.advice(state, text(detection), text(env), now));
}

/** @param {string} state @param {unknown} env @param {number} now @returns {number|undefined} */
export function nextWake(state, env, now) {
  return wasm.nextWake(state, text(env), now);
}

export function catalogVersion() {
  return wasm.catalogVersion();
}
