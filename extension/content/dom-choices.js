// @ts-check
// OptOut Pilot guide bundle, page reading: a choice that is a switch. A radio group, a <select> or a listbox of
// exactly two options, one saying On and the other Off in the page's language (page-words.js CHOICE_WORDS), is read
// as one switch.

import { CHOICE_WORDS } from './page-words.js';
import { ariaBool, attr, closestAcross, parentOf } from './dom-tree.js';
import { boundedText, norm } from './dom-text.js';
import { accessibleName } from './dom-names.js';

// A choice that may be a switch: a radio group, a <select>, a listbox (see choiceOf).
const CHOICE_SELECTOR = 'select, [role=listbox], [role=radiogroup], fieldset, [role=group]';
const GROUP_SELECTOR = '[role=radiogroup], fieldset, [role=group]';
const RADIO_SELECTOR = 'input[type=radio], [role=radio]';
const MAX_CHOICES = 500;

/**
 * A choice of exactly two options, one saying On and the other Off in the page's language (CHOICE_WORDS).
 * @typedef {Object} Choice
 * @property {Element[]} options  the two options (radios, <option>s, role=option)
 * @property {boolean} group      a radio group (named by its group: labelledby, aria-label, legend)
 * @property {boolean} select     a native <select>
 * @property {boolean|null} checked  the On option selected: true, the Off one: false; none, both or unclear: null
 */

/** The page's language among the catalog's (primary subtag), '' if none. @param {Element} el @returns {string} */
function pageLang(el) {
  try {
    const doc = el.ownerDocument || document;
    const lang = String(attr(doc.documentElement, 'lang') || '').trim().toLowerCase().split(/[-_]/)[0];
    return Object.prototype.hasOwnProperty.call(CHOICE_WORDS, lang) ? lang : '';
  } catch (_) {
    return '';
  }
}

/**
 * The choice `el` is, when it is one a switch can be read from: a radio group (role=radiogroup, a fieldset, or a
 * named role=group) whose own radios (input[type=radio] of one name, or role=radio) are exactly two, a single
 * <select>, or a listbox no combobox owns, whose options are exactly two; one option's whole text means On and the
 * other's Off in the page's language. Else null.
 * @param {Element} el @returns {Choice|null}
 */
function choiceOf(el) {
  try {
    if (!el || typeof el.matches !== 'function' || !el.matches(CHOICE_SELECTOR)) return null;
    const lang = pageLang(el);
    if (!lang) return null;
    const tag = el.nodeName;
    /** @type {Element[]} */
    let options = [];
    /** @type {boolean[]} */
    let selected = [];
    let unclear = false;
    const group = tag !== 'SELECT' && !el.matches('[role=listbox]');
    if (tag === 'SELECT') {
      const sel = /** @type {HTMLSelectElement} */ (el);
      if (sel.multiple) return null;
      options = Array.from(sel.options);
      selected = options.map((o) => !!(/** @type {HTMLOptionElement} */ (o).selected));
    } else if (!group) {
      if (ariaBool(attr(el, 'aria-multiselectable')) === true || closestAcross(el, '[role=combobox]')) return null;
      const id = el.id;
      const doc = el.ownerDocument || document;
      if (id && /^[\w-]+$/.test(id) && doc.querySelector(`[role=combobox][aria-controls~="${id}"], [role=combobox][aria-owns~="${id}"]`)) return null;
      options = Array.from(el.querySelectorAll('[role=option]')).filter((o) => closestAcross(o, '[role=listbox]') === el);
      selected = options.map((o) => ariaBool(attr(o, 'aria-selected')) === true || ariaBool(attr(o, 'aria-checked')) === true);
    } else {
      // A role=group is a radio group only when it is named; a fieldset always.
      if (el.matches('[role=group]') && !attr(el, 'aria-labelledby') && !attr(el, 'aria-label')) return null;
      options = Array.from(el.querySelectorAll(RADIO_SELECTOR)).filter((r) => {
        const up = parentOf(r);
        return !!up && closestAcross(up, GROUP_SELECTOR) === el;
      });
      if (options.length !== 2) return null;
      const names = options.map((r) => (r.nodeName === 'INPUT' ? String(attr(r, 'name') || '') : null));
      if (names[0] !== names[1]) return null; // two native radios of different names are not one group
      selected = options.map((r) => {
        const aria = attr(r, 'aria-checked');
        if (r.nodeName === 'INPUT') {
          const live = !!(/** @type {HTMLInputElement} */ (r).checked);
          if (aria !== null && ariaBool(aria) !== live) unclear = true;
          return live;
        }
        const v = ariaBool(aria);
        if (v === null && aria !== null) unclear = true;
        return v === true;
      });
    }
    if (options.length !== 2) return null;
    const w = CHOICE_WORDS[lang];
    const texts = options.map((o) => {
      if (o.nodeName === 'OPTION') return norm(/** @type {HTMLOptionElement} */ (o).label || /** @type {HTMLOptionElement} */ (o).text || '');
      return norm(accessibleName(o) || boundedText(o, 100));
    });
    const onAt = texts.findIndex((t) => w.on.includes(t));
    const offAt = texts.findIndex((t) => w.off.includes(t));
    if (onAt < 0 || offAt < 0 || onAt === offAt) return null;
    if (options.some((o) => ariaBool(attr(o, 'aria-invalid')) === true)) unclear = true;
    const checked = unclear || selected[onAt] === selected[offAt] ? null : selected[onAt];
    return { options, group, select: tag === 'SELECT', checked };
  } catch (_) {
    return null;
  }
}

/**
 * Whether `anc` holds a radio, <select> or listbox that is not part of the choice `el` (a choice's row stops there).
 * @param {Element} anc @param {Element} el @returns {boolean}
 */
function holdsOtherChoice(anc, el) {
  try {
    const list = anc.querySelectorAll('select, [role=listbox], ' + RADIO_SELECTOR);
    for (let i = 0; i < list.length && i < 50; i++) if (!el.contains(list[i])) return true;
    return list.length >= 50;
  } catch (_) {
    return true;
  }
}

export {
  CHOICE_SELECTOR,
  choiceOf,
  holdsOtherChoice,
  MAX_CHOICES,
};
