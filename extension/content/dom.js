// @ts-check
// OptOut Pilot guide bundle: reading a settings page (after page-facts.js, before card.js, banner.js and guide-main.js).
// Classic script (no import/export), runs in the extension's isolated world at document_start.
// Everything is kept on ONE namespace object, `OptOutPilot`, which lives in the isolated world only
// (the page cannot see it). This file holds the pure, bounded page-reading functions; it only reads
// the DOM (never writes to LinkedIn's elements) and never uses innerText (which forces layout).

/**
 * @typedef {Object} SnapshotControl
 * @property {'checkbox'|'switch'|'button'|'other'} kind
 * @property {string} name
 * @property {string[]} keys
 * @property {string} context
 * @property {boolean|null} checked
 * @property {boolean} disabled
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
 */
/**
 * @typedef {Object} Collected
 * @property {SnapshotControl[]} controls
 * @property {Element[]} elements   the live elements, same order as controls
 * @property {boolean} truncated
 */

// eslint-disable-next-line no-var
var OptOutPilot = OptOutPilot || /** @type {any} */ ({});

(function (ns) {
  'use strict';

  const LIMITS = Object.freeze({
    controls: 2000,
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
  const CONTROL_SELECTOR = 'input[type=checkbox], [role=switch], [aria-checked], button[aria-pressed]';
  const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role=heading], legend';
  const DIALOG_SELECTOR = '[role=dialog], [role=alertdialog], [aria-modal=true], dialog[open]';
  const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

  const facts = ns.facts;
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
    if (tag === 'INPUT' && String(attr(el, 'type')).toLowerCase() === 'checkbox') return 'checkbox';
    const role = (attr(el, 'role') || '').trim().toLowerCase();
    if (role === 'switch') return 'switch';
    if (tag === 'BUTTON' && attr(el, 'aria-pressed') !== null) return 'button';
    return 'other';
  }

  /** aria "true"/"false" → bool, anything else → null. @param {string|null} v @returns {boolean|null} */
  function ariaBool(v) {
    const t = (v || '').trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
    return null;
  }

  /** @param {Element} el @returns {boolean|null} */
  function readChecked(el) {
    try {
      if (controlKind(el) === 'checkbox') {
        const input = /** @type {HTMLInputElement} */ (el);
        if (input.indeterminate) return null;
        return !!input.checked;
      }
      const aria = attr(el, 'aria-checked');
      if (aria !== null) return ariaBool(aria);
      const pressed = attr(el, 'aria-pressed');
      if (pressed !== null) return ariaBool(pressed);
    } catch (_) { /* fall through */ }
    return null;
  }

  /** @param {Element} el @returns {boolean} */
  function isDisabled(el) {
    try {
      if (/** @type {HTMLInputElement} */ (el).disabled === true) return true;
    } catch (_) { /* ignore */ }
    return (attr(el, 'aria-disabled') || '').trim().toLowerCase() === 'true';
  }

  /** @param {Element} el @returns {string[]} */
  function labelledbyTokens(el) {
    const v = attr(el, 'aria-labelledby');
    if (!v) return [];
    return v.split(/\s+/).filter(Boolean).slice(0, LIMITS.labelledbyTokens);
  }

  /**
   * Accessible name, simplified: aria-labelledby → aria-label → <label> (for= / wrapping) → title.
   * @param {Element} el @returns {string}
   */
  function accessibleName(el) {
    const max = LIMITS.name;
    try {
      const doc = el.ownerDocument || document;
      const ids = labelledbyTokens(el);
      if (ids.length) {
        const parts = [];
        for (const id of ids) {
          const ref = doc.getElementById(id);
          if (ref) parts.push(boundedText(ref, max));
        }
        const joined = clean(parts.join(' '), max);
        if (joined) return joined;
      }
      const label = clean(attr(el, 'aria-label'), max);
      if (label) return label;
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
        const text = clean(labels.map((l) => boundedText(l, max)).join(' '), max);
        if (text) return text;
      }
      return clean(attr(el, 'title'), max);
    } catch (_) {
      return '';
    }
  }

  /** @param {Element} el @returns {string[]} */
  function controlKeys(el) {
    /** @type {string[]} */
    const keys = [];
    const add = (/** @type {string|null} */ k) => {
      if (!k || keys.length >= LIMITS.keys) return;
      const t = k.trim().slice(0, LIMITS.key);
      if (t && !keys.includes(t)) keys.push(t);
    };
    for (const t of labelledbyTokens(el)) add(t);
    try { add(el.id); } catch (_) { /* ignore */ }
    add(attr(el, 'name'));
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

  /** @param {Element} el @returns {SnapshotControl} */
  function describeControl(el, /** @type {Map<Element, Element[]>} */ cache) {
    return {
      kind: controlKind(el),
      name: accessibleName(el),
      keys: controlKeys(el),
      context: headingContext(el, cache),
      checked: readChecked(el),
      disabled: isDisabled(el),
    };
  }

  /** @param {ParentNode} [root] @returns {Collected} */
  function collectControls(root) {
    /** @type {Collected} */
    const out = { controls: [], elements: [], truncated: false };
    try {
      const scope = root || document;
      const list = scope.querySelectorAll(CONTROL_SELECTOR);
      const n = Math.min(list.length, LIMITS.controls);
      out.truncated = list.length > LIMITS.controls;
      /** @type {Map<Element, Element[]>} */
      const cache = new Map();
      for (let i = 0; i < n; i++) {
        const el = list[i];
        try {
          out.controls.push(describeControl(el, cache));
          out.elements.push(el);
        } catch (_) { /* skip this one */ }
      }
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
   * @param {boolean} withControls @param {Document} [doc]
   * @returns {{snapshot: PageSnapshot, elements: Element[]}}
   */
  function snapshot(withControls, doc) {
    const d = doc || document;
    let title = '';
    try { title = clean(d.title, LIMITS.title); } catch (_) { /* ignore */ }
    const collected = withControls ? collectControls(d) : { controls: [], elements: [], truncated: false };
    return {
      snapshot: {
        v: 1,
        url: facts.pageUrl(d),
        lang: facts.pageLang(d),
        title,
        heading: pageHeading(d),
        loginForm: facts.signInForm(d),
        controls: collected.controls,
        truncated: collected.truncated,
      },
      elements: collected.elements,
    };
  }

  /** A visible LinkedIn dialog (confirmation) if any. @param {Document} [doc] @returns {Element|null} */
  function findDialog(doc) {
    try {
      const list = (doc || document).querySelectorAll(DIALOG_SELECTOR);
      for (let i = 0; i < list.length && i < 50; i++) if (isRendered(list[i])) return list[i];
    } catch (_) { /* ignore */ }
    return null;
  }

  ns.dom = Object.freeze({
    LIMITS,
    CONTROL_SELECTOR,
    clean,
    boundedText,
    controlKind,
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
  });
})(OptOutPilot);
