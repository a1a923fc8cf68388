// @ts-check
// OptOut Pilot guide bundle, page reading: the words the member reads on the page. Bounded text of a node (no
// layout, script and style left out), a label's shown text, the texts of a row, the heading around a control and
// the page's heading, and text normalised as page-words.js writes its words.

import * as facts from './page-facts.js';
import { attr, LIMITS } from './dom-tree.js';
import { cssShown } from './dom-visibility.js';

const clean = facts.clean;
const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role=heading], legend';

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

/** Whether normalised `text` holds one of the phrases as whole words. @param {string} text @param {string[]} list */
function hasPhrase(text, list) {
  if (!text) return false;
  const t = ' ' + text + ' ';
  return list.some((p) => t.includes(' ' + p + ' '));
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

export {
  boundedText,
  clean,
  hasPhrase,
  headingContext,
  norm,
  pageHeading,
  shownText,
  shownTexts,
};
