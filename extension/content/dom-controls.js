// @ts-check
// OptOut Pilot guide bundle, page reading: the page's switches and the state they show. Which elements are
// switches (checkboxes, role=switch, aria-checked/pressed, choices), their kind, whether they are on, off or
// cannot be told (the words beside a switch must agree with it), and whether they are disabled.

/** @typedef {import('./dom.js').SnapshotControl} SnapshotControl */
/** @typedef {import('./dom.js').ReadContext} ReadContext */

import { STATE_WORDS } from './page-words.js';
import { ariaBool, attr, closestAcross, CONTROL_SELECTOR, parentOf, soleControl } from './dom-tree.js';
import { shownTexts } from './dom-text.js';
import { CHOICE_SELECTOR, choiceOf, holdsOtherChoice, MAX_CHOICES } from './dom-choices.js';

/** @param {Element} el @returns {SnapshotControl['kind']} */
function controlKind(el) {
  const tag = el.nodeName;
  if (choiceOf(el)) return 'other';
  if (tag === 'INPUT' && String(attr(el, 'type')).toLowerCase() === 'checkbox') return 'checkbox';
  const role = (attr(el, 'role') || '').trim().toLowerCase();
  if (role === 'switch') return 'switch';
  if (attr(el, 'aria-pressed') !== null && attr(el, 'aria-checked') === null) return 'button';
  return 'other';
}

/**
 * The state the member sees, or null when it cannot be told: mixed/indeterminate, failed validation
 * (aria-invalid), or an input whose live state and its aria-checked disagree.
 * @param {Element} el @returns {boolean|null}
 */
function readChecked(el) {
  try {
    if (ariaBool(attr(el, 'aria-invalid')) === true) return null;
    const choice = choiceOf(el);
    if (choice) return choice.checked;
    const aria = attr(el, 'aria-checked');
    if (controlKind(el) === 'checkbox') {
      const input = /** @type {HTMLInputElement} */ (el);
      if (input.indeterminate) return null;
      const live = !!input.checked;
      if (aria !== null && ariaBool(aria) !== live) return null;
      return live;
    }
    if (aria !== null) return ariaBool(aria);
    const pressed = attr(el, 'aria-pressed');
    if (pressed !== null) return ariaBool(pressed);
  } catch (_) { /* fall through */ }
  return null;
}

/** Disabled itself, through a disabled fieldset, or by aria-disabled on it or around it. @param {Element} el @returns {boolean} */
function isDisabled(el) {
  try {
    if (el.matches(':disabled')) return true;
  } catch (_) {
    try { if (/** @type {HTMLInputElement} */ (el).disabled === true) return true; } catch (_) { /* ignore */ }
  }
  return !!closestAcross(el, '[aria-disabled="true"]');
}

/**
 * The page's switches under `scope`, in its order: the CONTROL_SELECTOR elements and the choices that are switches
 * (choiceOf); a choice's own options are not switches of their own.
 * @param {ParentNode} scope @returns {Element[]}
 */
function switchesIn(scope) {
  const base = Array.from(scope.querySelectorAll(CONTROL_SELECTOR));
  /** @type {Element[]} */
  const choices = [];
  /** @type {Set<Element>} */
  const owned = new Set();
  try {
    const list = scope.querySelectorAll(CHOICE_SELECTOR);
    for (let i = 0; i < list.length && i < MAX_CHOICES; i++) {
      const ch = choiceOf(list[i]);
      if (!ch) continue;
      choices.push(list[i]);
      for (const o of ch.options) owned.add(o);
    }
  } catch (_) { return base; }
  if (!choices.length) return base;
  const all = base.filter((e) => !owned.has(e) && !choices.includes(e)).concat(choices);
  all.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return all;
}

/**
 * The switch's row: the widest ancestor (at most 3 up, not main or body) that holds no other switch — its label,
 * its state text. @param {Element} el @param {ReadContext} ctx @returns {Element|null}
 */
function rowOf(el, ctx) {
  let row = null;
  let a = parentOf(el);
  const choice = !!choiceOf(el);
  for (let d = 0; a && d < 3 && soleControl(a, ctx) && !(choice && holdsOtherChoice(a, el)); d++, a = parentOf(a)) row = a;
  return row;
}

/**
 * The state the member is shown, when the switch and the words beside it agree: a row whose state text says "On"
 * beside an unchecked switch (or "Off" beside a checked one) says neither.
 * @param {boolean|null} checked @param {Element|null} row @param {Element|null} [skip] a choice: its options' own
 * words are not its row's @returns {boolean|null}
 */
function rowAgrees(checked, row, skip) {
  if (checked === null || !row) return checked;
  for (const t of shownTexts(row, skip)) {
    if ((checked && STATE_WORDS.off.includes(t)) || (!checked && STATE_WORDS.on.includes(t))) return null;
  }
  return checked;
}

export {
  controlKind,
  isDisabled,
  readChecked,
  rowAgrees,
  rowOf,
  switchesIn,
};
