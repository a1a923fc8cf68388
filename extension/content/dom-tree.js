// @ts-check
// OptOut Pilot guide bundle, page reading: walking the page as the member sees it. The bounds on every read, the
// page's landmarks and sections, parents across shadow roots and same-origin frames, the frames' documents and
// the shadow roots an extension can reach. Only reads the DOM.

/**
 * @typedef {Object} ReadOptions
 * @property {(el: Element) => boolean} [ignore]  our own elements (the card's host): never a control, never cover
 */

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
const SECTION_SELECTOR = 'section, [role=region], [role=group], fieldset, form, [role=form], article, [role=tabpanel]';
const MAIN_SELECTOR = 'main, [role=main]';
const MAX_DEPTH = 256;          // ancestor walks
const MAX_SHADOW_WALK = 20000;  // elements visited looking for shadow roots
const MAX_FRAMES = 10;

/** @param {Element} el @param {string} name @returns {string|null} */
function attr(el, name) {
  try {
    return el.getAttribute(name);
  } catch (_) {
    return null;
  }
}

/** aria "true"/"false" → bool, anything else → null. @param {string|null} v @returns {boolean|null} */
function ariaBool(v) {
  const t = (v || '').trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  return null;
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

/** Whether `el` is `anc` or inside it, across shadow roots. @param {Element} el @param {Element} anc */
function within(el, anc) {
  for (let e = /** @type {Element|null} */ (el), d = 0; e && d < MAX_DEPTH; e = parentOf(e), d++) if (e === anc) return true;
  return false;
}

/**
 * Whether `anc` holds at most one switch (a row of its own); cached per snapshot (siblings share ancestors).
 * @param {Element} anc @param {{sole: Map<Element, boolean>}} ctx the snapshot's ReadContext @returns {boolean}
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

export {
  ariaBool,
  attr,
  closestAcross,
  CONTROL_SELECTOR,
  frameDocuments,
  frameOf,
  LIMITS,
  MAIN_SELECTOR,
  MAX_DEPTH,
  parentOf,
  SECTION_SELECTOR,
  shadowRoots,
  soleControl,
  within,
};
