// @ts-check
// OptOut Pilot guide bundle, page reading: what a control is called and how it is known again. Its accessible name
// (simplified), a radio group's name, the name a sighted member can read (an aria-label the shown label does not
// bear out names nothing), and its keys (aria-labelledby tokens, id, name attribute).

/** @typedef {import('./dom.js').ReadContext} ReadContext */

import * as facts from './page-facts.js';
import { STATE_WORDS } from './page-words.js';
import { attr, closestAcross, CONTROL_SELECTOR, LIMITS, parentOf, soleControl } from './dom-tree.js';
import { clean, norm, shownText, shownTexts } from './dom-text.js';

/** @param {Element} el @returns {string[]} */
function labelledbyTokens(el) {
  const v = attr(el, 'aria-labelledby');
  if (!v) return [];
  return v.split(/\s+/).filter(Boolean).slice(0, LIMITS.labelledbyTokens);
}

/**
 * The shown text of the elements `ids` names, looked up in `el`'s own tree (its shadow root, if it is in one), as
 * aria-labelledby and aria-describedby refer to them. @param {Element} el @param {string[]} ids @param {number} max
 * @returns {string}
 */
function textOfIds(el, ids, max) {
  const doc = el.ownerDocument || document;
  const root = /** @type {Document|ShadowRoot} */ (el.getRootNode ? el.getRootNode() : doc);
  const byId = typeof root.getElementById === 'function' ? root : doc;
  return clean(ids.map((id) => { const r = byId.getElementById(id); return r ? shownText(r, max) : ''; }).join(' '), max);
}

/** The name the page gives `el` explicitly: aria-labelledby, else aria-label; '' if neither.
 * @param {Element} el @param {number} max @returns {string} */
function ariaName(el, max) {
  const ids = labelledbyTokens(el);
  return (ids.length ? textOfIds(el, ids, max) : '') || clean(attr(el, 'aria-label'), max);
}

/**
 * Accessible name, simplified: aria-labelledby → aria-label → <label> (for= / wrapping) → title.
 * @param {Element} el @returns {string}
 */
function accessibleName(el) {
  const max = LIMITS.name;
  try {
    const doc = el.ownerDocument || document;
    const named = ariaName(el, max);
    if (named) return named;
    /** @type {Element[]} */
    const labels = [];
    const own = /** @type {HTMLInputElement} */ (el).labels;
    if (own && typeof own.length === 'number') {
      for (let i = 0; i < own.length && i < 5; i++) labels.push(own[i]);
    } else {
      const id = el.id;
      if (id) {
        for (const l of doc.querySelectorAll('label')) {
          if (/** @type {HTMLLabelElement} */ (l).htmlFor === id) { labels.push(l); break; }
        }
      }
      const wrap = el.closest('label');
      if (wrap && !labels.includes(wrap)) labels.push(wrap);
    }
    if (labels.length) {
      const text = clean(labels.map((l) => shownText(l, max)).join(' '), max);
      if (text) return text;
    }
    const title = clean(attr(el, 'title'), max);
    if (title) return title;
    // No name at all: the text it is described by is what a sighted member reads beside it.
    const described = (attr(el, 'aria-describedby') || '').split(/\s+/).filter(Boolean).slice(0, LIMITS.labelledbyTokens);
    return textOfIds(el, described, max);
  } catch (_) {
    return '';
  }
}

/**
 * The name a radio group is given: aria-labelledby, aria-label, its legend (a fieldset); '' if none.
 * @param {Element} el @returns {string}
 */
function groupName(el) {
  const max = LIMITS.name;
  try {
    const named = ariaName(el, max);
    if (named) return named;
    if (el.nodeName === 'FIELDSET') {
      for (const child of Array.from(el.children)) if (child.nodeName === 'LEGEND') return clean(shownText(child, max), max);
    }
  } catch (_) { /* no name */ }
  return '';
}

/**
 * The accessible name, when a sighted member can read it: a name given only by aria-label must agree with the label
 * shown nearest to it — the first ancestor holding words besides a state (and no other switch); if those words
 * include a label of their own (2 to 15 words: not a paragraph) that does not contain the aria-label, the control is
 * named otherwise ("Email me when…" shown, the AI setting's label only in aria-label) and names nothing.
 * @param {Element} el @param {ReadContext} ctx @param {(el: Element) => string} [nameOf] @returns {string}
 */
function seenName(el, ctx, nameOf) {
  const name = (nameOf || accessibleName)(el);
  if (!name || labelledbyTokens(el).length || !clean(attr(el, 'aria-label'), LIMITS.name)) return name;
  try { if (/** @type {HTMLInputElement} */ (el).labels && /** @type {HTMLInputElement} */ (el).labels.length) return name; } catch (_) { /* on */ }
  let a = parentOf(el);
  for (let d = 0; a && d < 3 && soleControl(a, ctx); d++, a = parentOf(a)) {
    const texts = shownTexts(a).filter((t) => !STATE_WORDS.on.includes(t) && !STATE_WORDS.off.includes(t));
    if (!texts.length) continue;
    if (texts.join(' ').includes(norm(name))) return name;
    const labelLike = texts.some((t) => { const n = t.split(' ').length; return n >= 2 && n <= 15; });
    return labelLike ? '' : name;
  }
  return name;
}

/** @param {Element} el @returns {string[]} */
function controlKeys(el) {
  /** @type {string[]} */
  const keys = [];
  const add = (/** @type {string|null} */ k) => {
    if (!k || keys.length >= LIMITS.keys) return;
    const t = facts.cut(k.trim(), LIMITS.key);
    if (t && !keys.includes(t)) keys.push(t);
  };
  for (const t of labelledbyTokens(el)) add(t);
  try { add(el.id); } catch (_) { /* ignore */ }
  add(attr(el, 'name'));
  // A switch that names only its state ("Off") inside a group of its own labelled by a key: the group's key is its.
  if (!labelledbyTokens(el).length) {
    const group = closestAcross(el, '[role=group][aria-labelledby], [role=radiogroup][aria-labelledby], fieldset[aria-labelledby]');
    try {
      if (group && group.querySelectorAll(CONTROL_SELECTOR).length === 1) for (const t of labelledbyTokens(group)) add(t);
    } catch (_) { /* its own keys */ }
  }
  return keys;
}

export {
  accessibleName,
  controlKeys,
  groupName,
  labelledbyTokens,
  seenName,
};
