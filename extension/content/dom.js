// @ts-check
// OptOut Pilot guide bundle: reading a settings page. The pure, bounded page-reading functions; they only read
// the DOM (never write to LinkedIn's elements) and never use innerText (which forces layout).

/**
 * @typedef {Object} SnapshotControl
 * @property {'checkbox'|'switch'|'button'|'other'} kind
 * @property {string} name
 * @property {string[]} keys
 * @property {string} context
 * @property {boolean|null} checked
 * @property {boolean} disabled
 * @property {boolean} visible   rendered and shown to the member (see isShown)
 * @property {boolean} busy      aria-busy around it, or a loading indicator in its section
 * @property {boolean} pending   the page says an edit is not saved yet (see pendingFacts)
 * @property {boolean} inert     inside an inert or aria-hidden subtree, or outside an open modal dialog
 * @property {boolean} shadow    inside a shadow root
 * @property {boolean} main      inside the page's main landmark
 * @property {number|null} section  index of its section (region, fieldset, form, …) in this snapshot
 * @property {boolean} settled   these facts and its state stayed the same for SETTLE_MS after load/navigation
 */
/**
 * @typedef {Object} PageSnapshot  page snapshot v1 (docs/architecture.md)
 * @property {1} v
 * @property {string} url
 * @property {string} lang
 * @property {string} title
 * @property {string} heading
 * @property {boolean} loginForm
 * @property {SnapshotControl[]} controls
 * @property {boolean} truncated
 * @property {string} me            the signed-in member's profile handle when the navigation shows it ('' if not);
 *                                  the worker replaces it with a salted hash before anything else sees it
 * @property {boolean} [pageSettled] loaded and given PAGE_SETTLE_MS to render since load or in-page navigation
 */
/**
 * @typedef {Object} Collected
 * @property {SnapshotControl[]} controls
 * @property {Element[]} elements   the live elements, same order as controls
 * @property {boolean} truncated
 * @property {number} settleIn   ms until the first unsettled control may have settled (0: all settled)
 */
/**
 * @typedef {Object} ReadOptions
 * @property {(el: Element) => boolean} [ignore]  our own elements (the card's host): never a control, never cover
 */

import * as facts from './page-facts.js';
import { PENDING_WORDS, STATE_WORDS, CHOICE_WORDS } from './page-words.js';

const LIMITS = Object.freeze({
  controls: 5000, // the core's cap too: more than any settings page has
  name: 500,
  context: 500,
  key: 100,
  keys: 5,
  heading: 500,
  title: 500,
  labelledbyTokens: 10,
  ancestors: 6,
  textNodes: 400,
});
const CONTROL_SELECTOR = 'input[type=checkbox], [role=switch], [aria-checked], [aria-pressed]';
// A choice that may be a switch: a radio group, a <select>, a listbox (see choiceOf).
const CHOICE_SELECTOR = 'select, [role=listbox], [role=radiogroup], fieldset, [role=group]';
const GROUP_SELECTOR = '[role=radiogroup], fieldset, [role=group]';
const RADIO_SELECTOR = 'input[type=radio], [role=radio]';
const MAX_CHOICES = 500;
const SECTION_SELECTOR = 'section, [role=region], [role=group], fieldset, form, [role=form], article, [role=tabpanel]';
const MAIN_SELECTOR = 'main, [role=main]';
const LOADING_SELECTOR = '[aria-busy="true"], [role=progressbar], progress';
const HIDDEN_TREE_SELECTOR = '[inert], [aria-hidden="true"]';
// A switch's state is believed only after it (and what we see of it) stayed the same this long after the
// page finished loading or navigating: placeholders and late flips happen in the first moments.
const SETTLE_MS = 1200;
// A switch whose state moved away from the one it was first seen with (a member's click, an optimistic change the
// server may still refuse and put back seconds later) is believed only after it stayed the same this long; back at
// its first state it settles as at load.
export const CHANGED_SETTLE_MS = 7500;
// After this long since load or an in-page navigation, what a settings page does not show is missing, not late.
const PAGE_SETTLE_MS = 4000;
// While the page says an edit is pending, it is read again this often (a toast going away changes no switch).
const PENDING_RECHECK_MS = 1000;
const MAX_DEPTH = 256;          // ancestor walks
const MAX_SHADOW_WALK = 20000;  // elements visited looking for shadow roots
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role=heading], legend';
const DIALOG_SELECTOR = '[role=dialog], [role=alertdialog], [aria-modal=true], dialog[open]';
const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
// Issue 24, "a value shown is not a value saved": what can say an edit is pending.
const BUTTON_SELECTOR = 'button, input[type=submit], input[type=button], [role=button]';
const SUBMIT_SELECTOR = 'button:not([type=button]):not([type=reset]):not([type=menu]), input[type=submit], input[type=image]';
const FORM_BUTTON_SELECTOR = 'button, input[type=submit], input[type=image], input[type=reset], input[type=button]';
const LIVE_SELECTOR = '[role=status], [role=alert], [aria-live]:not([aria-live=off]), output';
// A confirm dialog over the page (not the control's own container): modal or an alert dialog.
const MODAL_SELECTOR = '[role=alertdialog], [role=dialog][aria-modal=true], dialog[open], [aria-modal=true]';
const EDIT_SCOPE_SELECTOR = 'form, [role=form], dialog, [role=dialog], [role=alertdialog], ' + SECTION_SELECTOR;
const MAX_BUTTONS = 500;
const MAX_FRAMES = 10;
const MAX_LIVE = 50;

const clean = facts.clean;

/**
 * Bounded text of a node: like textContent (no layout), but stops early on big subtrees and skips
 * script/style text. @param {Node|null|undefined} node @param {number} max @returns {string}
 */
function boundedText(node, max) {
  if (!node) return '';
  try {
    if (node.nodeType === 3) return clean(/** @type {Text} */ (node).data, max);
    const doc = node.ownerDocument || document;
    const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
    let out = '';
    let count = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (++count > LIMITS.textNodes) break;
      const parent = n.parentNode;
      if (parent && SKIP_TEXT_PARENTS.has(/** @type {Element} */ (parent).nodeName)) continue;
      out += /** @type {Text} */ (n).data + ' ';
      if (out.length > max * 2 + 64) break;
    }
    return clean(out, max);
  } catch (_) {
    return '';
  }
}

/**
 * The text a label shows: its text, else the alt text of its images, else CSS-generated content (::before/::after).
 * @param {Element} node @param {number} max @returns {string}
 */
function shownText(node, max) {
  const text = boundedText(node, max);
  if (text) return text;
  try {
    const alts = Array.from(node.querySelectorAll('img[alt]')).slice(0, 5).map((i) => attr(i, 'alt') || '').join(' ');
    if (clean(alts, max)) return clean(alts, max);
    const view = (node.ownerDocument && node.ownerDocument.defaultView) || window;
    const generated = ['::before', '::after'].map((p) => {
      const c = view.getComputedStyle(node, p).content;
      const q = c.charCodeAt(0); // a string: "…" (34) or '…' (39); none, normal, counters and images are not text
      return (q === 34 || q === 39) && c.length >= 2 && c.charCodeAt(c.length - 1) === q ? c.slice(1, -1) : '';
    }).join(' ');
    return clean(generated, max);
  } catch (_) {
    return '';
  }
}

/** @param {Element} el @param {string} name @returns {string|null} */
function attr(el, name) {
  try {
    return el.getAttribute(name);
  } catch (_) {
    return null;
  }
}

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

/** aria "true"/"false" → bool, anything else → null. @param {string|null} v @returns {boolean|null} */
function ariaBool(v) {
  const t = (v || '').trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  return null;
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

// ---------- a choice that is a switch ----------

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

/** The parent element, crossing from a shadow root to its host. @param {Element} el @returns {Element|null} */
function parentOf(el) {
  try {
    if (el.parentElement) return el.parentElement;
    const p = el.parentNode;
    if (p && p.nodeType === 11) return /** @type {ShadowRoot} */ (p).host || null;
    // The root of a same-origin frame's document: on to the <iframe> in the page that holds it.
    if (p && p.nodeType === 9) return frameOf(/** @type {Document} */ (p));
    return null;
  } catch (_) {
    return null;
  }
}

/** The <iframe> holding a same-origin frame's document (null for the top document). @param {Document} doc @returns {Element|null} */
function frameOf(doc) {
  try {
    const w = doc.defaultView;
    return w && w !== w.top ? w.frameElement : null;
  } catch (_) {
    return null;
  }
}

/**
 * The documents of the same-origin frames in `doc` (and theirs), which the member sees as part of the page; a
 * cross-origin frame cannot be read (contentDocument is null) and is left out.
 * @param {Document} doc @returns {Document[]}
 */
function frameDocuments(doc) {
  /** @type {Document[]} */
  const out = [];
  const queue = [doc];
  while (queue.length && out.length < MAX_FRAMES) {
    const d = /** @type {Document} */ (queue.shift());
    let frames;
    try { frames = d.querySelectorAll('iframe, frame'); } catch (_) { continue; }
    for (let i = 0; i < frames.length && out.length < MAX_FRAMES; i++) {
      try {
        const inner = /** @type {HTMLIFrameElement} */ (frames[i]).contentDocument;
        if (inner && inner.documentElement && !out.includes(inner)) { out.push(inner); queue.push(inner); }
      } catch (_) { /* cross-origin */ }
    }
  }
  return out;
}

/** `closest` across shadow roots. @param {Element} el @param {string} selector @returns {Element|null} */
function closestAcross(el, selector) {
  let e = /** @type {Element|null} */ (el);
  for (let depth = 0; e && depth < MAX_DEPTH; depth++, e = parentOf(e)) {
    try { if (e.matches(selector)) return e; } catch (_) { return null; }
  }
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

// ---------- is it shown? ----------

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

// ---------- is an edit pending? ----------

/**
 * Page text as the word lists in page-words.js are written: lower case, no diacritics, no apostrophes,
 * punctuation as spaces, single spaces. @param {string} s @returns {string}
 */
function norm(s) {
  try {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/['\u2018\u2019`\u00b4]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  } catch (_) {
    return '';
  }
}

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

/** Whether normalised `text` holds one of the phrases as whole words. @param {string} text @param {string[]} list */
function hasPhrase(text, list) {
  if (!text) return false;
  const t = ' ' + text + ' ';
  return list.some((p) => t.includes(' ' + p + ' '));
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
 * Whether `anc` holds at most one switch (a row of its own); cached per snapshot (siblings share ancestors).
 * @param {Element} anc @param {ReadContext} ctx @returns {boolean}
 */
function soleControl(anc, ctx) {
  if (anc.nodeName === 'BODY' || anc.nodeName === 'MAIN' || anc.nodeName === 'HTML') return false;
  let sole = ctx.sole.get(anc);
  if (sole === undefined) {
    // Two are enough to know: no need to count a container's thousands.
    try { sole = !anc.querySelector(CONTROL_SELECTOR) || anc.querySelectorAll(CONTROL_SELECTOR).length <= 1; } catch (_) { sole = false; }
    ctx.sole.set(anc, sole);
  }
  return sole;
}

/** Whether `el` is `anc` or inside it, across shadow roots. @param {Element} el @param {Element} anc */
function within(el, anc) {
  for (let e = /** @type {Element|null} */ (el), d = 0; e && d < MAX_DEPTH; e = parentOf(e), d++) if (e === anc) return true;
  return false;
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

// ---------- is it settled? ----------

/**
 * What was last seen of each control, by its identity (kind, keys and name, and which copy of that identity it is
 * in the page's order), so that a page re-creating its switch node all the time still settles; controls with no
 * key and no name are followed by their node. `changed`: its state moved after it was first seen.
 * `since`: when these facts last changed; `stateSince`: when its state last changed.
 * @typedef {{sig: string, since: number, stateSince: number, checked: boolean|null, first: boolean|null, changed: boolean}} Seen
 */
/** @type {Map<string, Seen>} */
let seenByIdentity = new Map();
/** @type {WeakMap<Element, Seen>} */
let seenByNode = new WeakMap();
let navigatedAt = 0;

/** An in-page navigation happened: nothing seen before it counts as settled. */
function markNavigation() {
  navigatedAt = Date.now();
  seenByIdentity = new Map();
  seenByNode = new WeakMap();
}

/**
 * How long until this control's facts have been stable for SETTLE_MS — CHANGED_SETTLE_MS while its state is not
 * the one it was first seen with — (0: settled now).
 * @param {Element} el @param {string} identity '' for none @param {SnapshotControl} c @param {number} now
 * @param {boolean} loaded @returns {number}
 */
function settleWait(el, identity, c, now, loaded) {
  const sig = [c.checked, c.disabled, c.busy, c.pending, c.visible, c.inert, c.kind].join('|');
  const prev = identity ? seenByIdentity.get(identity) : seenByNode.get(el);
  if (!prev || prev.sig !== sig) {
    const first = prev ? prev.first : c.checked;
    const changed = !!prev && c.checked !== first;
    const stateSince = prev && prev.checked === c.checked ? prev.stateSince : now;
    const seen = { sig, since: now, stateSince, checked: c.checked, first, changed };
    if (identity) {
      if (seenByIdentity.size < LIMITS.controls || seenByIdentity.has(identity)) seenByIdentity.set(identity, seen);
    } else {
      seenByNode.set(el, seen);
    }
    return Math.max(SETTLE_MS, changed ? stateSince + CHANGED_SETTLE_MS - now : 0);
  }
  const wait = Math.max(Math.max(prev.since, navigatedAt) + SETTLE_MS,
    prev.changed ? Math.max(prev.stateSince, navigatedAt) + CHANGED_SETTLE_MS : 0) - now;
  if (wait > 0) return wait;
  return loaded ? 0 : 200;
}

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

/**
 * The texts shown in a row, normalised (at most 40); those inside `skip` (a choice's own options) left out.
 * @param {Element} row @param {Element|null} [skip] @returns {string[]}
 */
function shownTexts(row, skip) {
  /** @type {string[]} */
  const out = [];
  try {
    const walker = (row.ownerDocument || document).createTreeWalker(row, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(), i = 0; n && i < 40; n = walker.nextNode(), i++) {
      const parent = /** @type {Element|null} */ (n.parentNode);
      if (!parent || SKIP_TEXT_PARENTS.has(parent.nodeName) || !cssShown(parent)) continue;
      if (skip && skip.contains(parent)) continue;
      const t = norm(/** @type {Text} */ (n).data);
      if (t) out.push(t);
    }
  } catch (_) { /* what was read */ }
  return out;
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

/**
 * Nearest heading around the control: walk up at most 6 ancestors; in each, take the nearest
 * heading that precedes or contains the control.
 * @param {Element} el @param {Map<Element, Element[]>} [cache] @returns {string}
 */
function headingContext(el, cache) {
  try {
    let anc = el.parentElement;
    for (let depth = 0; anc && depth < LIMITS.ancestors; depth++, anc = anc.parentElement) {
      let list = cache && cache.get(anc);
      if (!list) {
        list = Array.from(anc.querySelectorAll(HEADING_SELECTOR));
        if (cache) cache.set(anc, list);
      }
      /** @type {Element|null} */
      let best = null;
      for (const h of list) {
        if (h === el) continue;
        const pos = el.compareDocumentPosition(h);
        // PRECEDING (2) or CONTAINS (8): h is before el or an ancestor of it.
        if (pos & 8 || pos & 2) best = h; // list is in document order → last one wins = nearest
        else break;
      }
      if (best) {
        const text = boundedText(best, LIMITS.context);
        if (text) return text;
      }
    }
  } catch (_) { /* ignore */ }
  return '';
}

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
 * The shadow roots in the page's main landmark (else its body): open ones, closed ones where the browser lets
 * an extension reach them, nested ones too. Our own card's host is skipped.
 * @param {Document} doc @param {ReadOptions} opts @returns {ShadowRoot[]}
 */
function shadowRoots(doc, opts) {
  /** @type {ShadowRoot[]} */
  const roots = [];
  const api = /** @type {any} */ (globalThis).chrome;
  const closed = api && api.dom && typeof api.dom.openOrClosedShadowRoot === 'function'
    ? (/** @type {Element} */ e) => api.dom.openOrClosedShadowRoot(e)
    : (/** @type {Element} */ e) => /** @type {any} */ (e).openOrClosedShadowRoot ? /** @type {any} */ (e).openOrClosedShadowRoot() : null;
  // LinkedIn's settings content is in its main landmark: walk that, not the whole document.
  let start = /** @type {Document|Element} */ (doc);
  try { start = doc.querySelector(MAIN_SELECTOR) || doc.body || doc; } catch (_) { /* the document */ }
  /** @type {(Document|Element|ShadowRoot)[]} */
  const queue = [start];
  let visited = 0;
  while (queue.length && visited < MAX_SHADOW_WALK) {
    const scope = /** @type {Document|Element|ShadowRoot} */ (queue.shift());
    const walker = doc.createTreeWalker(scope, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = walker.nextNode(); n && visited < MAX_SHADOW_WALK; n = walker.nextNode()) {
      visited++;
      const el = /** @type {Element} */ (n);
      let root = el.shadowRoot;
      // Closed roots can only be on custom elements or a few built-ins; asking costs, so only custom ones.
      if (!root && el.localName.includes('-')) {
        try { root = closed(el); } catch (_) { root = null; }
      }
      if (root && !(opts.ignore && opts.ignore(el))) {
        roots.push(root);
        queue.push(root);
      }
    }
  }
  return roots;
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

/** @param {Element} el @returns {boolean} */
function isRendered(el) {
  try {
    return el.getClientRects().length > 0;
  } catch (_) {
    return false;
  }
}

/**
 * The first <h1> inside <main>, else the first <h1>. One walk that stops at the first <h1>: on a big page
 * without one (the feed) that is one pass over the document, not one over <main> and another over the rest.
 * @param {Document} doc @returns {string}
 */
function pageHeading(doc) {
  try {
    const first = doc.querySelector('h1');
    if (!first) return '';
    const main = doc.querySelector('main');
    // The first <h1> of the document is also the first of <main> when it lies inside it.
    const h1 = main && !main.contains(first) ? main.querySelector('h1') || first : first;
    return boundedText(h1, LIMITS.heading);
  } catch (_) {
    return '';
  }
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

/** @param {Document} d @returns {boolean} */
function pageSettled(d) {
  try {
    if (d.readyState !== 'complete') return false;
    const age = navigatedAt ? Date.now() - navigatedAt : performance.now();
    if (age < PAGE_SETTLE_MS) return false;
    // Still loading its content (a shown spinner, progress bar or aria-busy region in main): not missing yet.
    const main = d.querySelector(MAIN_SELECTOR) || d.body;
    const loading = main ? main.querySelectorAll(LOADING_SELECTOR) : [];
    for (let i = 0; i < loading.length && i < 20; i++) if (cssShown(loading[i])) return false;
    return true;
  } catch (_) {
    return false;
  }
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

/** A visible LinkedIn dialog (confirmation) if any. @param {Document} [doc] @returns {Element|null} */
function findDialog(doc) {
  try {
    const list = (doc || document).querySelectorAll(DIALOG_SELECTOR);
    for (let i = 0; i < list.length && i < 50; i++) if (isRendered(list[i])) return list[i];
  } catch (_) { /* ignore */ }
  return null;
}

export {
  LIMITS,
  CONTROL_SELECTOR,
  SECTION_SELECTOR,
  SETTLE_MS,
  PAGE_SETTLE_MS,
  isShown,
  cssShown,
  closestAcross,
  markNavigation,
  readContext,
  clean,
  boundedText,
  controlKind,
  choiceOf,
  readChecked,
  isDisabled,
  accessibleName,
  controlKeys,
  headingContext,
  describeControl,
  collectControls,
  pageHeading,
  snapshot,
  findDialog,
  isRendered,
};
