// @ts-check
// OptOut Pilot guide bundle, page reading: whether the member sees a control and can act on it. Rendered, nothing
// around it transparent or clipped away, its box (or its track or label) drawn, nothing of the page on top of it;
// not inert, aria-hidden or behind an open modal dialog; not being updated. Never reads innerText (layout).

/** @typedef {import('./dom-tree.js').ReadOptions} ReadOptions */

import { attr, closestAcross, frameOf, MAIN_SELECTOR, MAX_DEPTH, parentOf } from './dom-tree.js';

const LOADING_SELECTOR = '[aria-busy="true"], [role=progressbar], progress';
const HIDDEN_TREE_SELECTOR = '[inert], [aria-hidden="true"]';
const DIALOG_SELECTOR = '[role=dialog], [role=alertdialog], [aria-modal=true], dialog[open]';

/** display, visibility, content-visibility and closed <details> up the flat tree. @param {Element} el @returns {boolean} */
function cssShown(el) {
  try {
    if (typeof el.checkVisibility === 'function') {
      return el.checkVisibility(/** @type {any} */ ({ checkVisibilityCSS: true, visibilityProperty: true }));
    }
    if (el.getClientRects().length === 0) return false;
    return getComputedStyle(el).visibility === 'visible';
  } catch (_) {
    return false;
  }
}

/** Clipped to nothing by `clip` or `clip-path`. @param {CSSStyleDeclaration} cs @returns {boolean} */
function clippedAway(cs) {
  const clip = cs.clip || '';
  if (/^rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)$/.test(clip) && cs.position === 'absolute') return true;
  return /inset\(\s*(50|100)%/.test(cs.clipPath || '');
}

/** The box is at least a pixel and not placed off the page. @param {Element} el @returns {boolean} */
function boxOnPage(el) {
  const r = el.getBoundingClientRect();
  if (!(r.width >= 1 && r.height >= 1)) return false;
  const w = el.ownerDocument && el.ownerDocument.defaultView;
  const sx = w ? w.scrollX : 0;
  const sy = w ? w.scrollY : 0;
  return r.right + sx > 0 && r.bottom + sy > 0;
}

/**
 * An ancestor that hides what is inside it: transparent, clipped away, or a zero-sized box that clips.
 * Cached per snapshot: sibling switches share their ancestors.
 * @param {Element} anc @param {Map<Element, boolean>} cache @returns {boolean}
 */
function hidesInside(anc, cache) {
  const known = cache.get(anc);
  if (known !== undefined) return known;
  let hides = false;
  try {
    const cs = getComputedStyle(anc);
    if (parseFloat(cs.opacity) < 0.05 || clippedAway(cs)) hides = true;
    else if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
      const r = anc.getBoundingClientRect();
      hides = !(r.width >= 1 && r.height >= 1);
    }
  } catch (_) { hides = false; }
  cache.set(anc, hides);
  return hides;
}

/** @param {Element} el @param {Map<Element, boolean>} cache @returns {boolean} */
function ancestorsShow(el, cache) {
  let a = parentOf(el);
  for (let depth = 0; a && depth < MAX_DEPTH; depth++, a = parentOf(a)) {
    if (hidesInside(a, cache)) return false;
  }
  return true;
}

/** Its own box is drawn: opaque, not clipped away, at least a pixel, on the page. @param {Element} el @returns {boolean} */
function ownBoxShown(el) {
  try {
    const cs = getComputedStyle(el);
    if (parseFloat(cs.opacity) < 0.05 || clippedAway(cs)) return false;
    return boxOnPage(el);
  } catch (_) {
    return false;
  }
}

/** @param {Element} el @returns {Element[]} */
function labelsOf(el) {
  try {
    const own = /** @type {HTMLInputElement} */ (el).labels;
    return own ? Array.from(own).slice(0, 5) : [];
  } catch (_) {
    return [];
  }
}

/**
 * Something other than the control (and its label or track) is on top of its centre: a skeleton or a
 * cover the page laid over it. Only checked where the centre is in the viewport; fixed and sticky bars
 * (LinkedIn's header over a scrolled page) and our own elements do not count.
 * @param {Element} el @param {ReadOptions} opts @returns {boolean}
 */
function covered(el, opts) {
  try {
    const r = el.getBoundingClientRect();
    const w = el.ownerDocument && el.ownerDocument.defaultView;
    if (!w) return false;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= w.innerWidth || y >= w.innerHeight) return false;
    const root = /** @type {Document|ShadowRoot} */ (el.getRootNode());
    const stack = typeof root.elementsFromPoint === 'function' ? root.elementsFromPoint(x, y) : [];
    const top = stack.find((e) => !(opts.ignore && opts.ignore(e)));
    if (!top || top === el || el.contains(top) || top.contains(el)) return false;
    const track = parentOf(el);
    if (track && track.contains(top)) return false;
    if (labelsOf(el).some((l) => l.contains(top))) return false;
    const pos = getComputedStyle(top).position;
    return pos !== 'fixed' && pos !== 'sticky';
  } catch (_) {
    return false;
  }
}

/**
 * Shown to the member as a person sees it: rendered (no display:none, visibility:hidden, closed details),
 * nothing around it transparent or clipped to nothing, its own box drawn — or, for a native input the
 * design makes transparent, its track or <label> drawn instead — and not covered by something else.
 * @param {Element} el @param {Map<Element, boolean>} cache @param {ReadOptions} opts @returns {boolean}
 */
function isShown(el, cache, opts) {
  if (!cssShown(el) || !ancestorsShow(el, cache)) return false;
  // A design system often draws the switch as a track and lays the real input over it transparently (or
  // hides it and draws its <label>): then the track (its parent) or the label is what the member sees.
  const track = parentOf(el);
  const drawn = ownBoxShown(el) || (!!track && ownBoxShown(track)) ||
    labelsOf(el).some((l) => cssShown(l) && ownBoxShown(l) && ancestorsShow(l, cache));
  if (!drawn || covered(el, opts)) return false;
  // In a frame: the frame itself must be drawn in the page (CSS does not pass visibility into its document).
  for (let f = frameOf(el.ownerDocument || document), d = 0; f && d < 5; f = frameOf(f.ownerDocument), d++) {
    if (!cssShown(f) || !ownBoxShown(f)) return false;
  }
  return true;
}

/** @param {Document} doc @returns {Element|null} */
function openModal(doc) {
  try { return doc.querySelector('dialog:modal'); } catch (_) { return null; }
}

/** Not for the member to act on: inert, aria-hidden, or behind an open modal dialog. @param {Element} el @param {Element|null} modal @returns {boolean} */
function inHiddenTree(el, modal) {
  for (let e = closestAcross(el, HIDDEN_TREE_SELECTOR), d = 0; e && d < 20; e = parentOf(e) && closestAcross(/** @type {Element} */ (parentOf(e)), HIDDEN_TREE_SELECTOR), d++) {
    if (!staleAppRoot(e)) return true;
  }
  if (!modal) return false;
  for (let e = /** @type {Element|null} */ (el), d = 0; e && d < MAX_DEPTH; e = parentOf(e), d++) if (e === modal) return false;
  return true;
}

/**
 * An aria-hidden left behind on the app root (it holds the page's main landmark; not inert) while no dialog is open:
 * LinkedIn hides its app from screen readers while a modal is open and does not always take it back; the member
 * sees and operates what is inside, so that is what counts. An aria-hidden region inside the page (a stale view
 * beside the live one) still hides.
 * @param {Element} anc @returns {boolean}
 */
function staleAppRoot(anc) {
  try {
    if (anc.hasAttribute('inert') || attr(anc, 'aria-hidden') !== 'true') return false;
    if (!anc.matches(MAIN_SELECTOR) && !anc.querySelector(MAIN_SELECTOR)) return false;
    return !findDialog(anc.ownerDocument || document);
  } catch (_) {
    return false;
  }
}

/**
 * Being updated: aria-busy on it or around it, or a shown loading indicator in its section.
 * @param {Element} el @param {Element|null} section @param {Map<Element, boolean>} loadingCache @returns {boolean}
 */
function isBusy(el, section, loadingCache) {
  if (closestAcross(el, '[aria-busy="true"]')) return true;
  if (!section) return false;
  let loading = loadingCache.get(section);
  if (loading === undefined) {
    loading = false;
    try {
      const list = section.querySelectorAll(LOADING_SELECTOR);
      for (let i = 0; i < list.length && i < 20; i++) if (cssShown(list[i])) { loading = true; break; }
    } catch (_) { loading = false; }
    loadingCache.set(section, loading);
  }
  return loading;
}

/** @param {Element} el @returns {boolean} */
function isRendered(el) {
  try {
    return el.getClientRects().length > 0;
  } catch (_) {
    return false;
  }
}

/** A visible LinkedIn dialog (confirmation) if any. @param {Document} [doc] @returns {Element|null} */
function findDialog(doc) {
  try {
    const list = (doc || document).querySelectorAll(DIALOG_SELECTOR);
    for (let i = 0; i < list.length && i < 50; i++) if (isRendered(list[i])) return list[i];
  } catch (_) { /* ignore */ }
  return null;
}

export {
  cssShown,
  findDialog,
  inHiddenTree,
  isBusy,
  isShown,
  LOADING_SELECTOR,
  openModal,
};
