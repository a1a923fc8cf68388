// @ts-check
// OptOut Pilot guide bundle, page reading: a value shown is not a value saved. What on the page says an edit is
// not saved yet (an enabled Save / Cancel, "unsaved changes", a save running or failed, an open confirm dialog, a
// native form with an enabled submit or a changed field), in any of the languages of page-words.js.

/** @typedef {import('./dom-tree.js').ReadOptions} ReadOptions */
/** @typedef {import('./dom.js').ReadContext} ReadContext */

import { PENDING_WORDS } from './page-words.js';
import { attr, closestAcross, CONTROL_SELECTOR, MAIN_SELECTOR, parentOf, SECTION_SELECTOR, soleControl, within } from './dom-tree.js';
import { boundedText, hasPhrase, norm } from './dom-text.js';
import { cssShown } from './dom-visibility.js';
import { accessibleName } from './dom-names.js';
import { isDisabled } from './dom-controls.js';

// What can say an edit is pending.
const BUTTON_SELECTOR = 'button, input[type=submit], input[type=button], [role=button]';
const SUBMIT_SELECTOR = 'button:not([type=button]):not([type=reset]):not([type=menu]), input[type=submit], input[type=image]';
const FORM_BUTTON_SELECTOR = 'button, input[type=submit], input[type=image], input[type=reset], input[type=button]';
const LIVE_SELECTOR = '[role=status], [role=alert], [aria-live]:not([aria-live=off]), output';
// A confirm dialog over the page (not the control's own container): modal or an alert dialog.
const MODAL_SELECTOR = '[role=alertdialog], [role=dialog][aria-modal=true], dialog[open], [aria-modal=true]';
const EDIT_SCOPE_SELECTOR = 'form, [role=form], dialog, [role=dialog], [role=alertdialog], ' + SECTION_SELECTOR;
const MAX_BUTTONS = 500;
const MAX_LIVE = 50;

/** @type {{save: Set<string>, cancel: Set<string>, confirm: Set<string>, unsaved: string[], inFlight: string[]}|null} */
let words = null;

function pendingWords() {
  if (!words) {
    const all = Object.values(PENDING_WORDS);
    words = {
      save: new Set(all.flatMap((w) => w.save)),
      cancel: new Set(all.flatMap((w) => w.cancel)),
      confirm: new Set(all.flatMap((w) => w.confirm)),
      unsaved: all.flatMap((w) => w.unsaved),
      inFlight: all.flatMap((w) => w.inFlight),
    };
  }
  return words;
}

/**
 * What on the page says an edit is not saved yet, found once per snapshot.
 * @typedef {Object} PendingFacts
 * @property {boolean} page        a shown live region says a save is running or failed
 * @property {Element[]} scopes    regions holding an enabled Save / Apply / Cancel / Discard button (not in a form),
 *   or a live region saying "unsaved changes"
 * @property {Map<Element, number>} forms  native forms: 1 an enabled save / cancel / submit / reset button (its
 *   fields are not saved yet: a form whose values are saved has them disabled, or none), 2 another enabled button
 *   (then only a field changed since the page loaded says so)
 * @property {Element[]} dialogs   open confirm dialogs (alert dialogs, modal dialogs)
 */

/** @param {Element} el @returns {boolean} */
function enabledAndShown(el) {
  return !isDisabled(el) && cssShown(el);
}

/** @param {Document} doc @param {ReadOptions} opts @returns {PendingFacts} */
function pendingFacts(doc, opts) {
  const w = pendingWords();
  /** @type {PendingFacts} */
  const out = { page: false, scopes: [], forms: new Map(), dialogs: [] };
  const ours = (/** @type {Element} */ el) => !!(opts.ignore && opts.ignore(el));
  try {
    const live = doc.querySelectorAll(LIVE_SELECTOR);
    for (let i = 0; i < live.length && i < MAX_LIVE && !out.page; i++) {
      if (ours(live[i]) || !cssShown(live[i])) continue;
      const text = norm(boundedText(live[i], 300));
      // A save running or failed (a toast): the whole page; "unsaved changes": the form or region it is in.
      if (hasPhrase(text, w.inFlight)) out.page = true;
      else if (hasPhrase(text, w.unsaved)) {
        const scope = closestAcross(live[i], EDIT_SCOPE_SELECTOR) || closestAcross(live[i], MAIN_SELECTOR) || doc.body;
        if (scope && !out.scopes.includes(scope)) out.scopes.push(scope);
      }
    }
    const buttons = doc.querySelectorAll(BUTTON_SELECTOR);
    for (let i = 0; i < buttons.length && i < MAX_BUTTONS; i++) {
      const b = buttons[i];
      if (ours(b)) continue;
      const name = norm(accessibleName(b) || boundedText(b, 100) || attr(b, 'value') || '');
      const named = w.save.has(name) || w.cancel.has(name) || w.confirm.has(name);
      if (!named || !enabledAndShown(b)) continue;
      const scope = editScope(b) || closestAcross(b, MAIN_SELECTOR) || doc.body;
      if (scope && scope.nodeName === 'FORM') out.forms.set(scope, 1);
      else if (scope && !out.scopes.includes(scope)) out.scopes.push(scope);
    }
    // Native forms, in any language: an enabled submit or reset button (Save / Cancel) says the fields are not saved.
    const forms = doc.querySelectorAll('form');
    for (let i = 0; i < forms.length && i < 50; i++) {
      const f = forms[i];
      if (out.forms.get(f) === 1) continue;
      const list = f.querySelectorAll(FORM_BUTTON_SELECTOR);
      for (let j = 0; j < list.length && j < 20; j++) {
        const b = list[j];
        if (!enabledAndShown(b)) continue;
        const submits = b.matches(SUBMIT_SELECTOR) || attr(b, 'type') === 'reset';
        out.forms.set(f, submits ? 1 : 2);
        if (submits) break;
      }
    }
    const dialogs = doc.querySelectorAll(MODAL_SELECTOR);
    for (let i = 0; i < dialogs.length && i < 20; i++) {
      if (!ours(dialogs[i]) && cssShown(dialogs[i])) out.dialogs.push(dialogs[i]);
    }
  } catch (_) { /* what was found */ }
  return out;
}

/**
 * The form or region a Save / Cancel / confirmation button acts on: the nearest one around it that holds a switch
 * (an inline confirmation is often a group of its own beside the switch it asks about).
 * @param {Element} b @returns {Element|null}
 */
function editScope(b) {
  let scope = closestAcross(b, EDIT_SCOPE_SELECTOR);
  for (let d = 0; scope && d < 10; d++) {
    try { if (scope.querySelector(CONTROL_SELECTOR)) return scope; } catch (_) { return scope; }
    const up = parentOf(scope);
    scope = up ? closestAcross(up, EDIT_SCOPE_SELECTOR) : null;
  }
  return null;
}

/**
 * A native form is "edited" when one of its fields no longer shows what the page was loaded (or last reset) with:
 * a classic form with a Save button that always shows shows saved values until the member changes one.
 * @param {Element} form @returns {boolean}
 */
function formEdited(form) {
  try {
    const fields = /** @type {HTMLFormElement} */ (form).elements;
    for (let i = 0; i < fields.length && i < 200; i++) {
      const f = /** @type {any} */ (fields[i]);
      if (f.type === 'checkbox' || f.type === 'radio') {
        if (f.checked !== f.defaultChecked) return true;
      } else if (f.nodeName === 'SELECT') {
        for (const o of f.options) if (o.selected !== o.defaultSelected) return true;
      } else if (typeof f.value === 'string' && typeof f.defaultValue === 'string' && f.type !== 'submit' && f.type !== 'button') {
        if (f.value !== f.defaultValue) return true;
      }
    }
  } catch (_) { return false; }
  return false;
}

/**
 * The page says this control's value is not saved yet: a live region says unsaved / saving / failed; an "unsaved
 * changes" text in its section or a live region of its region; an enabled Save / Apply / Cancel / Discard in a
 * region that holds it; in its native form an enabled save, cancel, submit or reset button, or another enabled
 * button with a field changed since load; or an open confirm dialog that does not hold it.
 * @param {Element} el @param {Element|null} section @param {ReadContext} ctx @returns {boolean}
 */
function isPending(el, section, ctx) {
  const doc = el.ownerDocument || document;
  let p = ctx.pending.get(doc);
  if (!p) {
    p = pendingFacts(doc, ctx.opts);
    ctx.pending.set(doc, p);
  }
  if (p.page) return true;
  if (p.dialogs.some((d) => !within(el, d))) return true;
  if (p.scopes.some((s) => within(el, s))) return true;
  const form = closestAcross(el, 'form');
  const buttons = form ? p.forms.get(form) || 0 : 0;
  if (form && (buttons === 1 || (buttons === 2 && formEdited(form)))) return true;
  // The switch's row (its state text; ancestors holding no other switch): "Saving…", "Unsaved changes" beside it.
  let row = parentOf(el);
  for (let d = 0; row && d < 3 && row !== section; d++, row = parentOf(row)) {
    let said = ctx.rows.get(row);
    if (said === undefined) {
      said = !soleControl(row, ctx) ? -1
        : hasPhrase(norm(boundedText(row, 300)), pendingWords().inFlight) ||
          hasPhrase(norm(boundedText(row, 300)), pendingWords().unsaved) ? 1 : 0;
      ctx.rows.set(row, said);
    }
    if (said === -1) break;
    if (said === 1) return true;
  }
  if (section) {
    let said = ctx.unsaved.get(section);
    if (said === undefined) {
      said = hasPhrase(norm(boundedText(section, 2000)), pendingWords().unsaved);
      ctx.unsaved.set(section, said);
    }
    if (said) return true;
  }
  return false;
}

export {
  isPending,
};
