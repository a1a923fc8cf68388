// @ts-check
// OptOut Pilot guide bundle: the full snapshot of a settings page (docs/architecture.md "Page snapshot"). It puts
// together the page-reading modules: dom-tree (walking the page), dom-visibility (shown, on top, inert, busy),
// dom-text (the words), dom-names (names and keys), dom-choices (a choice that is a switch), dom-controls (the
// switches and their state), dom-pending (unsaved edits), dom-settle (when a reading is believed). They only read
// the DOM (never write to LinkedIn's elements) and never use innerText (which forces layout).

/**
 * A control as the content script reports it: every fact of the protocol's Control, always given.
 * @typedef {Required<import('../shared/protocol.js').Control>} SnapshotControl
 */
/** @typedef {import('../shared/protocol.js').Snapshot} PageSnapshot */
/** @typedef {import('./dom-tree.js').ReadOptions} ReadOptions */
/** @typedef {import('./dom-pending.js').PendingFacts} PendingFacts */
/**
 * @typedef {Object} Collected
 * @property {SnapshotControl[]} controls
 * @property {Element[]} elements   the live elements, same order as controls
 * @property {boolean} truncated
 * @property {number} settleIn   ms until the first unsettled control may have settled (0: all settled)
 */

import * as facts from './page-facts.js';
import { closestAcross, frameDocuments, LIMITS, MAIN_SELECTOR, parentOf, SECTION_SELECTOR, shadowRoots } from './dom-tree.js';
import { cssShown, inHiddenTree, isBusy, isShown, openModal } from './dom-visibility.js';
import { clean, headingContext, pageHeading } from './dom-text.js';
import { controlKeys, groupName, seenName } from './dom-names.js';
import { choiceOf } from './dom-choices.js';
import { controlKind, isDisabled, readChecked, rowAgrees, rowOf, switchesIn } from './dom-controls.js';
import { isPending } from './dom-pending.js';
import { pageSettled, PENDING_RECHECK_MS, settleWait } from './dom-settle.js';

/**
 * Per-snapshot caches and context, so that sibling switches share their ancestors' lookups.
 * @typedef {Object} ReadContext
 * @property {Map<Element, Element[]>} headings
 * @property {Map<Element, boolean>} hides
 * @property {Map<Element, boolean>} loading
 * @property {Map<Element, number>} sections
 * @property {Map<Element, boolean>} unsaved  sections whose text says "unsaved changes"
 * @property {Map<Element, boolean>} sole  ancestors holding at most one switch
 * @property {Map<Element, number>} rows  a switch's row: -1 holds other switches too, 1 says "saving" / "unsaved", 0 not
 * @property {Element|null} modal
 * @property {Map<Document, PendingFacts>} pending   per document (frames have their own), computed on first use
 * @property {ReadOptions} opts
 * @property {number} now
 * @property {boolean} loaded
 */

/** @param {Document} doc @param {ReadOptions} [opts] @returns {ReadContext} */
function readContext(doc, opts) {
  let loaded = true;
  try { loaded = doc.readyState === 'complete'; } catch (_) { /* ignore */ }
  return {
    headings: new Map(), hides: new Map(), loading: new Map(), sections: new Map(), unsaved: new Map(), rows: new Map(), sole: new Map(),
    modal: openModal(doc), pending: new Map(), opts: opts || {}, now: Date.now(), loaded,
  };
}

/**
 * Everything the core needs to decide whether this control's state can be believed.
 * @param {Element} el @param {ReadContext|Map<Element, Element[]>} [ctxOrCache] @returns {SnapshotControl}
 */
function describeControl(el, ctxOrCache) {
  const ctx = ctxOrCache && !(ctxOrCache instanceof Map) ? ctxOrCache : readContext(el.ownerDocument || document);
  // A choice read as a switch (a radio group is a fieldset or group itself: its section is the one around it).
  const choice = choiceOf(el);
  const section = closestAcross(choice ? parentOf(el) || el : el, SECTION_SELECTOR);
  let sectionIndex = null;
  if (section) {
    sectionIndex = ctx.sections.get(section);
    if (sectionIndex === undefined) {
      sectionIndex = ctx.sections.size;
      ctx.sections.set(section, sectionIndex);
    }
  }
  let shadow = false;
  try { shadow = el.getRootNode() !== (el.ownerDocument || document); } catch (_) { /* ignore */ }
  // Inert first: what is not for the member is never believed, so it needs no (layout-reading) visibility check.
  const inert = inHiddenTree(el, ctx.modal);
  const row = rowOf(el, ctx);
  /** @type {SnapshotControl} */
  const c = {
    kind: controlKind(el),
    name: choice && choice.group ? seenName(el, ctx, groupName) : seenName(el, ctx),
    keys: controlKeys(el),
    context: headingContext(el, ctx.headings),
    checked: rowAgrees(readChecked(el), row, choice ? el : null),
    // A choice: any of its options disabled is enough; each radio of a group must be shown too.
    disabled: isDisabled(el) || (!!choice && choice.options.some((o) => isDisabled(o))),
    visible: !inert && isShown(el, ctx.hides, ctx.opts) &&
      (!choice || choice.select || choice.options.every((o) => isShown(o, ctx.hides, ctx.opts))),
    busy: isBusy(el, section, ctx.loading),
    pending: isPending(el, section, ctx),
    inert,
    shadow,
    main: !!closestAcross(el, MAIN_SELECTOR),
    section: sectionIndex,
    settled: false,
  };
  return c;
}

/**
 * The controls of the page: the document's and those inside shadow roots. A page with more than
 * LIMITS.controls keeps those in its main landmark (LinkedIn's settings are there) before cutting.
 * @param {ParentNode} [root] @param {ReadOptions} [opts] @returns {Collected}
 */
function collectControls(root, opts) {
  /** @type {Collected} */
  const out = { controls: [], elements: [], truncated: false, settleIn: 0 };
  const options = opts || {};
  try {
    const scope = root || document;
    const doc = /** @type {Document} */ ('documentElement' in scope ? scope : /** @type {Node} */ (scope).ownerDocument || document);
    /** @type {Element[]} */
    let list = switchesIn(scope);
    try {
      for (const sr of shadowRoots(doc, options)) list.push(...switchesIn(sr));
    } catch (_) { /* the document's own controls still count */ }
    // Same-origin frames are part of the page the member sees (a settings app in an iframe).
    let framesLoaded = true;
    if (scope === doc) {
      for (const fd of frameDocuments(doc)) {
        try {
          list.push(...switchesIn(fd));
          for (const sr of shadowRoots(fd, options)) list.push(...switchesIn(sr));
          if (fd.readyState !== 'complete') framesLoaded = false;
        } catch (_) { /* that frame only */ }
      }
    }
    if (list.length > LIMITS.controls) {
      const inMain = list.filter((el) => closestAcross(el, MAIN_SELECTOR));
      if (inMain.length) list = inMain;
    }
    out.truncated = list.length > LIMITS.controls;
    const n = Math.min(list.length, LIMITS.controls);
    const ctx = readContext(doc, options);
    if (!framesLoaded) ctx.loaded = false;
    let settleIn = 0;
    /** @type {Map<string, number>} */
    const copies = new Map();
    for (let i = 0; i < n; i++) {
      const el = list[i];
      try {
        const c = describeControl(el, ctx);
        let identity = '';
        if (c.keys.length || c.name) {
          const base = c.kind + '\n' + c.keys.join(' ') + '\n' + c.name;
          const nth = copies.get(base) || 0;
          copies.set(base, nth + 1);
          identity = base + '\n' + nth;
        }
        const wait = settleWait(el, identity, c, ctx.now, ctx.loaded);
        c.settled = wait === 0;
        // Only a control the core could believe is worth reading the page again for (an inert or hidden
        // one flickering forever must not keep us busy).
        // A pending edit is read again too, until the page says it is saved (or put back).
        const again = wait > 0 ? wait : c.pending ? PENDING_RECHECK_MS : 0;
        if (again > 0 && c.visible) settleIn = settleIn ? Math.min(settleIn, again) : again;
        out.controls.push(c);
        out.elements.push(el);
      } catch (_) { /* skip this one */ }
    }
    out.settleIn = settleIn;
  } catch (_) { /* return what we have */ }
  return out;
}

/**
 * The full snapshot of a settings page: the facts of page-facts.js plus title, heading and (if asked for)
 * the controls. Ordinary pages send page-facts.js's quick report instead.
 * @param {boolean} withControls @param {Document} [doc] @param {ReadOptions} [opts]
 * @returns {{snapshot: PageSnapshot, elements: Element[], settleIn: number}}
 */
function snapshot(withControls, doc, opts) {
  const d = doc || document;
  let title = '';
  try { title = clean(d.title, LIMITS.title); } catch (_) { /* ignore */ }
  const collected = withControls ? collectControls(d, opts) : { controls: [], elements: [], truncated: false, settleIn: 0 };
  return {
    snapshot: {
      v: 1,
      url: facts.pageUrl(d),
      lang: facts.pageLang(d),
      title,
      heading: pageHeading(d),
      loginForm: facts.signInForm(d) || passwordShown(d),
      controls: collected.controls,
      truncated: collected.truncated,
      ...facts.identity(d),
      pageSettled: pageSettled(d),
    },
    elements: collected.elements,
    settleIn: collected.settleIn,
  };
}

/**
 * A shown password field of any name: an auth wall over a settings address shows no member's settings.
 * @param {Document} d @returns {boolean}
 */
function passwordShown(d) {
  try {
    const list = d.querySelectorAll('input[type=password]');
    for (let i = 0; i < list.length && i < 10; i++) if (cssShown(list[i])) return true;
  } catch (_) { /* ignore */ }
  return false;
}

export {
  collectControls,
  describeControl,
  snapshot,
};
