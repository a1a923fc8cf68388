// @ts-check
// OptOut Pilot content scripts: our card on LinkedIn's page, and the nudge card (nudge and guide bundles; the
// guide's own cards and the switch highlight are in banner.js).
// Everything is drawn inside ONE plain host element (no id, class or attribute) put into <html> before <body>
// (first in the tab order), holding a CLOSED shadow root. Styles live in the shadow root (constructed
// stylesheet; <style> fallback). No extension URL ever enters the page: icons are inline SVG. Text is only ever set via textContent, never as HTML.
// Built for the feed, where the nudge is drawn on every page load while it is due: few elements, one click
// and one keydown listener per card (delegated through data-k), the snooze menu built only when opened.

/** @typedef {import('../shared/protocol.js').BannerText} BannerText */
/** @typedef {(action: string, arg?: string) => void} ActionHandler */


const SVG_NS = 'http://www.w3.org/2000/svg';
const ACK_MS = 6000;
/**
 * Events made inside the card that would reach the page's own listeners, retargeted to our host: stopped at the
 * host, so LinkedIn's bubbling listeners (click trackers, keyboard shortcuts) never see them. Listeners the page
 * registers for the capture phase still run first; README "What LinkedIn's page can see" says so.
 */
const CONTAINED = ['click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'mouseover', 'mouseout',
  'mousemove', 'pointerdown', 'pointerup', 'pointerover', 'pointerout', 'pointermove', 'pointercancel', 'touchstart',
  'touchend', 'touchmove', 'wheel', 'keydown', 'keyup', 'keypress', 'focusin', 'focusout', 'beforeinput', 'input'];
/** @param {Event} e */
const contain = (e) => { e.stopPropagation(); };

// The base sheet, for every card. No animation that runs on the main thread: the card rises with
// transform/opacity (compositor). The host covers the viewport (letting every click through) with
// `contain: strict`: nothing drawn inside it can make LinkedIn's page lay out again, and it is the containing
// block of the fixed card (same place as the viewport).
const CSS = `
:host {
  all: initial !important;
  position: fixed !important; top: 0 !important; left: 0 !important; right: 0 !important; bottom: 0 !important;
  width: auto !important; height: auto !important; overflow: visible !important;
  z-index: 2147483647 !important; display: block !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important;
  pointer-events: none !important; contain: strict !important;
}
* { box-sizing: border-box; }
.wrap {
  --bg: #ffffff; --fg: #1d2226; --muted: #4a535c; --line: #d5dbe1;
  --accent: #0b6b63; --accent-fg: #ffffff; --accent-soft: #e3f3f1;
  --on: #9a3412; --on-soft: #fff1e6; --off: #166534; --off-soft: #e7f6ec;
  --warn: #7a4d00; --warn-soft: #fff6dc; --err: #a4161a; --err-soft: #fdecec;
  --focus: #1a56db; --ring: #c2185b; --ring-halo: #ffffff; --tag-fg: #ffffff;
  --shadow: 0 10px 30px rgba(0,0,0,.18), 0 2px 6px rgba(0,0,0,.12);
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg); -webkit-font-smoothing: antialiased; text-align: start;
  letter-spacing: normal; word-spacing: normal; text-transform: none; font-style: normal;
}
@media (prefers-color-scheme: dark) {
  .wrap {
    --bg: #1f252b; --fg: #eef1f4; --muted: #b7c0c8; --line: #3a444e;
    --accent: #5ad1c1; --accent-fg: #08201d; --accent-soft: #153a36;
    --on: #ffb48a; --on-soft: #3d2417; --off: #86dfa3; --off-soft: #173524;
    --warn: #ffd27a; --warn-soft: #3a2f12; --err: #ffaaa6; --err-soft: #40191a;
    --focus: #8ab4ff; --ring: #ff6fae; --ring-halo: #111418; --tag-fg: #1a0010;
    --shadow: 0 10px 30px rgba(0,0,0,.55), 0 2px 6px rgba(0,0,0,.4);
  }
}
.card {
  pointer-events: auto; position: fixed; right: 16px; bottom: 64px;
  width: 380px; max-width: calc(100vw - 24px); max-height: calc(100vh - 140px); overflow: auto;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 12px;
  box-shadow: var(--shadow); padding: 14px 16px 14px;
}
@media (max-width: 600px) {
  .card { left: 12px; right: 12px; bottom: 12px; width: auto; max-height: 60vh; }
}
@media (prefers-reduced-motion: no-preference) {
  .card.enter { animation: rise .18s ease-out; }
  @keyframes rise { from { transform: translateY(8px); opacity: 0; } to { transform: none; opacity: 1; } }
}
.card:focus { outline: none; }
.card:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
svg { fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
.head { display: flex; align-items: center; gap: 8px; min-height: 28px; }
.logo { flex: none; width: 20px; height: 20px; color: var(--accent); stroke-width: 1.8; }
.brand { font-weight: 600; font-size: 13px; color: var(--muted); }
.x { margin-inline-start: auto; flex: none; width: 32px; height: 32px; border-radius: 8px; border: 0;
  background: transparent; color: var(--muted); cursor: pointer; display: grid; place-items: center; padding: 0; }
.x:hover { background: var(--accent-soft); color: var(--fg); }
.x svg { width: 18px; height: 18px; }
h2 { font-size: 16px; line-height: 1.3; font-weight: 650; margin: 8px 0 4px; color: var(--fg); }
p { margin: 6px 0; }
.body { color: var(--fg); }
.detail { color: var(--fg); font-weight: 600; }
.aside { font-size: 13px; color: var(--muted); border-inline-start: 3px solid var(--warn); padding-inline-start: 8px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; align-items: center; }
.btn { font: inherit; font-weight: 600; font-size: 14px; line-height: 20px; border-radius: 999px;
  padding: 7px 16px; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center;
  gap: 6px; border: 1px solid transparent; min-height: 36px; }
.primary { background: var(--accent); color: var(--accent-fg); }
.primary:hover { filter: brightness(1.08); }
.secondary { background: transparent; color: var(--fg); border-color: var(--line); }
.secondary:hover { background: var(--accent-soft); }
.btn[disabled] { opacity: .55; cursor: default; }
.btn svg { width: 16px; height: 16px; }
.foot { display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 10px; align-items: center; }
.textbtn { font: inherit; font-size: 13px; color: var(--muted); background: none; border: 0; padding: 4px 2px;
  cursor: pointer; text-decoration: underline; text-underline-offset: 2px; border-radius: 4px; }
.textbtn:hover { color: var(--fg); }
.textbtn[disabled] { opacity: .55; cursor: default; }
.menu { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 6px; width: 100%; }
.menu[hidden] { display: none; }
.menu .btn { font-size: 13px; padding: 4px 12px; min-height: 30px; }
.sure { margin: 10px 0 4px; padding: 10px 12px; border-radius: 10px; border: 2px solid var(--accent);
  background: var(--accent-soft); color: var(--fg); }
.sure .ask { margin: 0; font-weight: 650; border-radius: 4px; }
.sure .ask:focus { outline: none; }
.sure .ask:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.sure .why { margin: 4px 0 0; font-size: 13px; color: var(--muted); }
.sure .actions { margin-top: 10px; }
button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.sr { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  clip-path: inset(50%); white-space: nowrap; left: 0; top: 0; }
@media (forced-colors: active) {
  .card { border: 2px solid CanvasText; }
}
`;

/** Inline SVG icons (never an extension URL): one path each (subpaths), stroke styles come from the sheet. */
const ICONS = {
  logo: 'M12 2.5 4 5.6v5.9c0 5 3.4 9.4 8 10.6 4.6-1.2 8-5.6 8-10.6V5.6L12 2.5ZM8.4 12.2l2.5 2.5 4.8-5',
  close: 'M6 6l12 12M18 6 6 18',
  on: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17ZM12 7.5v5.5M12 16.2v.3',
  off: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17ZM8.2 12.3l2.6 2.6 5-5.2',
  info: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17ZM12 11v5.5M12 7.7v.3',
  arrow: 'M5 12h13M13 7l5 5-5 5',
};
const SNOOZE = /** @type {const} */ (['day', 'week', 'month']);

/** @type {{host: HTMLElement|null, root: ShadowRoot|null, wrap: HTMLElement|null, live: HTMLElement|null,
 *   card: HTMLElement|null, ack: boolean, handler: ActionHandler|null, ackTimer: number, adopted: boolean,
 *   sheets: Set<string>, seen: IntersectionObserver|null, visible: boolean|null, returnTo: Element|null}} */
const st = {
  host: null, root: null, wrap: null, live: null, card: null, ack: false, handler: null, ackTimer: 0,
  adopted: false, sheets: new Set(), seen: null, visible: null, returnTo: null,
};

// ---------- decisions only from the member ----------
// A page can lay an element over our card that lets clicks and keys through (pointer-events:none, or a top-layer
// popover/dialog, also inside its own shadow roots) and show something else on top, so that the member's click or
// Enter lands on "Don't remind me again" without them seeing it; or it can call click() itself. Every activation
// (mouse, touch, Enter, Space, Escape) goes through ONE gate, `verdict`, at that moment: the browser's own event
// (isTrusted); the card on top at the control's centre (and where a pointer click happened); no top-layer element
// over the card, in the document or any shadow root the extension can reach; and, where the browser has
// IntersectionObserver v2, the card reported visible. Where the browser cannot confirm that the card is seen
// (Firefox: no IntersectionObserver v2), a decision that silences reminders asks once more inside the card.

/** Chromium's IntersectionObserver v2: `isVisible` is false while anything is painted over the card. */
const TRACKS_VISIBILITY = typeof IntersectionObserverEntry === 'function' &&
  'isVisible' in IntersectionObserverEntry.prototype;
/** At most this many of the page's elements are looked at per activation; beyond, the card cannot confirm it is seen. */
const SCAN_MAX = 60000;
/** Decisions that silence reminders: asked once more where the card cannot confirm it is seen. */
const SILENCING = ['dismissAll', 'keepOn'];
/** The second step answers only after this long on screen (no double click or key repeat confirms it). */
const SURE_MS = 600;
/** What the gate says of an activation. */
const NO = 0, UNSEEN = 1, SEEN = 2;
/** The page's elements are drawn over the card / not / cannot tell (too many elements to look at). */
const COVERED = 0, CLEAR = 1, UNKNOWN = 2;
const TOP_LAYER = [':popover-open', ':modal', ':fullscreen'];
/** The elements that can hold a shadow root (attachShadow refuses any other), besides custom elements. */
const HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'main', 'nav', 'p', 'section', 'span']);

/**
 * The shadow root of a page element, open or closed, as far as the browser lets an extension see it:
 * `chrome.dom.openOrClosedShadowRoot` (Chromium), `openOrClosedShadowRoot` (Firefox), else only open ones.
 * @type {(el: Element) => ShadowRoot|null}
 */
const shadowOf = (() => {
  try {
    const dom = typeof chrome === 'object' && chrome ? chrome.dom : undefined;
    if (dom && typeof dom.openOrClosedShadowRoot === 'function') {
      return (el) => { try { return dom.openOrClosedShadowRoot(/** @type {HTMLElement} */ (el)) || null; } catch (_) { return null; } };
    }
  } catch (_) { /* no chrome.dom */ }
  return (el) => {
    try {
      const r = /** @type {any} */ (el).openOrClosedShadowRoot;
      return r === undefined ? el.shadowRoot : r || null;
    } catch (_) { return null; }
  };
})();

/**
 * Follow the card's visibility (IntersectionObserver v2, where available) while it is on screen. A card redrawn
 * in place of one already seen keeps that verdict until the first report on the new one.
 * @param {HTMLElement} card @param {boolean} inPlace
 */
function trackVisibility(card, inPlace) {
  if (!TRACKS_VISIBILITY) return;
  try {
    if (!st.seen) {
      st.seen = new IntersectionObserver((entries) => {
        for (const e of entries) if (e.target === st.card) st.visible = /** @type {any} */ (e).isVisible === true;
      }, /** @type {any} */ ({ trackVisibility: true, delay: 100 }));
    }
    st.seen.disconnect();
    if (!inPlace) st.visible = null;
    st.seen.observe(card);
  } catch (_) { st.seen = null; st.visible = null; }
}

/** @param {DOMRect} a @param {DOMRect} b */
function overlaps(a, b) {
  return a.width > 0 && a.height > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Visit `start` and every element under it, and every shadow root the extension can reach under those (ours
 * excepted), taking one from `budget.left` per element. `onRoot` is called for `start` if it is a document or a
 * shadow root and for each shadow root found, `onElement` for each element; either returning true stops the walk.
 * @param {Document|ShadowRoot|Element} start @param {{left: number}} budget
 * @param {{onRoot?: (r: Document|ShadowRoot) => boolean, onElement?: (el: Element) => boolean}} fns
 * @returns {'found'|'done'|'out'} found: a callback returned true; out: the budget ran out first
 */
function walk(start, budget, fns) {
  /** @type {(Document|ShadowRoot|Element)[]} */
  const todo = [start];
  while (todo.length) {
    const from = /** @type {Document|ShadowRoot|Element} */ (todo.pop());
    const isElement = from.nodeType === Node.ELEMENT_NODE;
    if (!isElement && fns.onRoot && fns.onRoot(/** @type {Document|ShadowRoot} */ (from))) return 'found';
    const walker = document.createTreeWalker(from, NodeFilter.SHOW_ELEMENT);
    for (let n = isElement ? from : walker.nextNode(); n; n = walker.nextNode()) {
      if (--budget.left < 0) return 'out';
      const el = /** @type {Element} */ (n);
      if (el === st.host) continue;
      if (fns.onElement && fns.onElement(el)) return 'found';
      const name = el.localName;
      if (!HOSTS.has(name) && !name.includes('-')) continue;
      const sr = shadowOf(el);
      if (sr && sr !== st.root) todo.push(sr);
    }
  }
  return 'done';
}

/**
 * Is an element of the page's top layer (drawn above any z-index, ours included: an open popover, a modal dialog,
 * a fullscreen element) over `rect`? Looked for in the document and in every shadow root the extension can reach.
 * @param {DOMRect} rect @returns {number} COVERED, CLEAR or UNKNOWN (too many elements to look at)
 */
function topLayerOver(rect) {
  // A view transition draws the page's snapshot above everything while it runs.
  try { if (document.documentElement.matches(':active-view-transition')) return COVERED; } catch (_) { /* not supported */ }
  /** @param {Document|ShadowRoot} root */
  const covers = (root) => {
    for (const sel of TOP_LAYER) {
      let list;
      try { list = root.querySelectorAll(sel); } catch (_) { continue; } // a browser without that selector
      for (const el of list) {
        try { if (overlaps(el.getBoundingClientRect(), rect)) return true; } catch (_) { return true; }
      }
    }
    return false;
  };
  const r = walk(document, { left: SCAN_MAX }, { onRoot: covers });
  return r === 'found' ? COVERED : r === 'done' ? CLEAR : UNKNOWN;
}

/** Our host's z-index (the highest there is: see CSS). */
const TOP_Z = 2147483647;

/**
 * Without IntersectionObserver v2: could anything of the page be painted over `rect`? Our host is a child of <html>
 * (before <body>, first in the tab order) with the highest z-index, so outside the top layer only an element later in
 * tree order with a z-index as high (a tie goes to the later one), or <html>'s ::after, can be drawn above it. Any
 * such element over the card counts as a cover, even one that a stacking context keeps below us (the safe side);
 * so does our host moved out of <html>. Only elements over the card are asked for their style.
 * @param {DOMRect} rect @returns {boolean}
 */
function drawnOverUs(rect) {
  const html = document.documentElement;
  if (!st.host || st.host.parentNode !== html) return true;
  const budget = { left: SCAN_MAX };
  const over = (/** @type {Element} */ el) => {
    if (!overlaps(el.getBoundingClientRect(), rect)) return false;
    const z = parseInt(getComputedStyle(el).zIndex, 10);
    return z >= TOP_Z;
  };
  for (let n = st.host.nextElementSibling; n; n = n.nextElementSibling) {
    if (walk(n, budget, { onElement: over }) !== 'done') return true;
  }
  const after = getComputedStyle(html, '::after');
  return after.content !== 'none' && after.content !== 'normal' && (after.position === 'fixed' || after.position === 'absolute');
}

/** Is our card the topmost element at (x, y), as the browser hit-tests it (in the document, whose answer stands for
 * any of the page's shadow trees by their host, and in our shadow root)? @param {number} x @param {number} y */
function onTopAt(x, y) {
  if (!st.root || !st.card) return false;
  if (document.elementsFromPoint(x, y)[0] !== st.host) return false;
  const top = st.root.elementsFromPoint(x, y)[0];
  return !!top && st.card.contains(top);
}

/**
 * THE gate: is this event the member's own activation (click, tap, Enter, Space, Escape) of a control on our card,
 * while the card is on top and, as far as the browser can tell, seen?
 * @param {Event} e @param {Element|null} el the control it is for
 * @returns {number} NO (ignore it), UNSEEN (the member's, but the browser cannot confirm that the card is seen: a
 *   silencing decision asks once more) or SEEN
 */
function verdict(e, el) {
  try {
    if (!e.isTrusted || !el || !st.card || !st.root || !st.host || !st.card.contains(el) || !st.card.isConnected) return NO;
    const rect = el.getBoundingClientRect();
    const cardRect = st.card.getBoundingClientRect();
    if (!(rect.width > 0 && rect.height > 0)) return NO;
    // A pointer click or tap carries where it happened (detail: the click count); Enter, Space and Escape do not.
    const me = /** @type {MouseEvent} */ (e);
    const pointer = e.type === 'click' && me.detail > 0;
    // A key press needs the member's focus inside the card (a page cannot put it there).
    if (!pointer && !st.card.contains(st.root.activeElement)) return NO;
    // On top at the control's centre, and where the pointer was (hit-testing skips pointer-events:none elements,
    // hence the checks after this one).
    if (!onTopAt(rect.left + rect.width / 2, rect.top + rect.height / 2)) return NO;
    if (pointer && !onTopAt(me.clientX, me.clientY)) return NO;
    // The top layer is drawn above us whatever our z-index.
    const top = topLayerOver(cardRect);
    if (top === COVERED) return NO;
    if (TRACKS_VISIBILITY && st.seen) {
      // Anything painted over the card, even a transparent or opaque element that lets clicks through, rules the
      // activation out; so does a card drawn too recently to have been seen (the first report comes 100 ms after
      // it rose in).
      if (st.visible !== true) return NO;
      return top === CLEAR ? SEEN : UNSEEN;
    }
    // No IntersectionObserver v2 (Firefox): what can be checked is checked; the rest stays unconfirmed.
    if (drawnOverUs(cardRect)) return NO;
    return UNSEEN;
  } catch (_) {
    return NO;
  }
}

/** @template {keyof HTMLElementTagNameMap} K @param {K} tag @param {string} [cls] @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]} */
function h(tag, cls, text) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text) el.textContent = text;
  return el;
}

/** @param {keyof typeof ICONS} name @param {string} [cls] */
function icon(name, cls) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  if (cls) svg.setAttribute('class', cls);
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', ICONS[name]);
  svg.appendChild(p);
  return svg;
}

/** @param {string} css @returns {CSSStyleSheet|null} */
function sheet(css) {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  } catch (_) {
    return null;
  }
}

/**
 * Create the host + closed shadow root, and (re-)attach it to the page unless `detached`: a first card is
 * built into the detached tree and the host attached once, with it (one insertion, one style recalc).
 * @param {boolean} [detached] @returns {boolean}
 */
function ensureHost(detached) {
  try {
    if (st.host && st.root) {
      if (!detached && !st.host.isConnected) attachHost(st.host);
      return true;
    }
    const host = document.createElement('div');
    for (const type of CONTAINED) host.addEventListener(type, contain);
    const root = host.attachShadow({ mode: 'closed' });
    const wrap = h('div', 'wrap');
    const live = h('div', 'sr');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');
    wrap.appendChild(live);
    root.appendChild(wrap);
    st.host = host; st.root = root; st.wrap = wrap; st.live = live; st.sheets = new Set();
    let adopted = false;
    try {
      const s = sheet(CSS);
      if (s) {
        root.adoptedStyleSheets = [s];
        adopted = root.adoptedStyleSheets.length === 1;
      }
    } catch (_) { adopted = false; }
    st.adopted = adopted;
    if (!adopted) addStyleElement(CSS);
    if (!detached) attachHost(host);
    return true;
  } catch (_) {
    return false;
  }
}

/**
 * Put the host into <html> right before <body> (after <head>, which holds nothing to focus): first in the
 * document's tab order, so a keyboard member reaches the card with the first Tab from the top of the page instead
 * of after the feed's hundreds of controls, and a screen reader meets its region before the page. Still the one
 * bare host element, outside <body>; drawn on top by its z-index. Without a <body> (yet), the end of <html>.
 * @param {HTMLElement} host
 */
function attachHost(host) {
  const html = document.documentElement;
  const body = document.body;
  if (body && body.parentNode === html) html.insertBefore(host, body); else html.appendChild(host);
}

/** @param {string} css */
function addStyleElement(css) {
  if (!st.root || !st.wrap) return;
  const style = document.createElement('style');
  style.textContent = css;
  st.root.insertBefore(style, st.wrap);
}

/** Add a sheet (the guide's) to the shadow root once; parsed only when first needed. @param {string} css */
function addStyles(css) {
  if (!st.root || st.sheets.has(css)) return;
  st.sheets.add(css);
  try {
    const s = st.adopted ? sheet(css) : null;
    if (s) {
      const before = st.root.adoptedStyleSheets.length;
      st.root.adoptedStyleSheets = [...st.root.adoptedStyleSheets, s];
      if (st.root.adoptedStyleSheets.length === before + 1) return;
    }
  } catch (_) { /* fall back to <style> */ }
  addStyleElement(css);
}

/** Polite announcement through our live region. @param {string} msg */
function announce(msg) {
  if (!msg || !ensureHost() || !st.live) return;
  const live = st.live;
  live.textContent = '';
  // A separate task so that repeating the same sentence is announced again.
  setTimeout(() => { live.textContent = msg; }, 60);
}

/** @param {string} action @param {string} [arg] */
function fire(action, arg) {
  try { if (st.handler) st.handler(action, arg); } catch (_) { /* never throw out */ }
}

/** Only LinkedIn https URLs become links. @param {string} href */
function safeHref(href) {
  try {
    const u = new URL(href);
    return u.protocol === 'https:' && u.hostname === 'www.linkedin.com' ? u.href : '';
  } catch (_) {
    return '';
  }
}

/** @returns {string} key of the focused element inside our card, '' if none */
function focusedKey() {
  try {
    const a = st.root && st.root.activeElement;
    if (a && st.card && st.card.contains(a)) return a.getAttribute('data-k') || 'card';
  } catch (_) { /* ignore */ }
  return '';
}

/** @param {string} key */
function restoreFocus(key) {
  if (!key || !st.card) return;
  try {
    const el = key === 'card' ? null : st.card.querySelector(`[data-k="${key}"]`);
    /** @type {HTMLElement} */ (el || st.card).focus({ preventScroll: true });
  } catch (_) { /* ignore */ }
}

/** A button that reports `key` through the card's one click listener. @param {string} cls @param {string} label
 * @param {string} key @param {boolean} [disabled] */
function button(cls, label, key, disabled) {
  const b = h('button', cls, label);
  b.type = 'button';
  b.setAttribute('data-k', key);
  if (disabled) b.disabled = true;
  return b;
}

/** @param {HTMLElement} parent @param {{link?: {label: string, href: string}|null}} text @param {string} key
 * @param {string} [cls] */
function linkButton(parent, text, key, cls) {
  if (!text.link || !text.link.label) return;
  const href = safeHref(text.link.href);
  if (!href) return;
  const a = h('a', 'btn ' + (cls || 'primary'), text.link.label);
  a.href = href;
  a.setAttribute('data-k', key);
  a.appendChild(icon('arrow'));
  parent.appendChild(a);
}

/** @param {HTMLElement} card @param {HTMLElement} toggle */
function toggleMenu(card, toggle) {
  let menu = /** @type {HTMLElement|null} */ (card.querySelector('.menu'));
  const open = toggle.getAttribute('aria-expanded') === 'true';
  if (!menu) {
    if (open) return;
    const labels = /** @type {any} */ (card).snooze || {};
    menu = h('div', 'menu');
    menu.id = toggle.getAttribute('aria-controls') || '';
    menu.setAttribute('role', 'group');
    menu.setAttribute('aria-label', toggle.textContent || '');
    for (const d of SNOOZE) if (labels[d]) menu.appendChild(button('btn secondary', labels[d], 'snooze-' + d));
    /** @type {HTMLElement} */ (toggle.parentElement).appendChild(menu);
  }
  toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
  menu.hidden = open;
  if (open) toggle.focus();
  else { const first = /** @type {HTMLElement|null} */ (menu.firstElementChild); if (first) first.focus(); }
}

/**
 * The words of the second step, as the worker sends them with the card's text (BannerText.sure).
 * @typedef {{why: string, cancel: string, dismissAll: {ask: string, yes: string}, keepOn: {ask: string, yes: string}}} Sure
 */

/**
 * Where the browser cannot confirm that the card is seen, a silencing decision asks once more, inside the card:
 * a panel right under the header (away from the button that asked) with the question, "Yes, …" and Cancel. The
 * button that asked is disabled meanwhile; focus goes to the question (not to "Yes"), so that neither a second
 * click on the same spot nor a second Enter decides. "Yes" answers only after SURE_MS.
 * @param {HTMLElement} card @param {HTMLElement} asking @param {string} key dismissAll | keepOn
 */
function askSure(card, asking, key) {
  const sure = /** @type {Sure|undefined} */ (/** @type {any} */ (card).sure);
  const words = sure && /** @type {Record<string, {ask: string, yes: string}>} */ (/** @type {unknown} */ (sure))[key];
  if (!sure || !words || !words.ask || !words.yes || !sure.cancel) return; // cannot ask: nothing is decided
  closeSure(card, false);
  const panel = h('div', 'sure');
  panel.setAttribute('role', 'group');
  const q = h('p', 'ask', words.ask);
  q.id = 'q' + Math.random().toString(36).slice(2, 8);
  q.tabIndex = -1;
  panel.setAttribute('aria-labelledby', q.id);
  panel.appendChild(q);
  if (sure.why) panel.appendChild(h('p', 'why', sure.why));
  const row = h('div', 'actions');
  row.appendChild(button('btn primary', words.yes, 'yes-' + key));
  row.appendChild(button('btn secondary', sure.cancel, 'unsure'));
  panel.appendChild(row);
  /** @type {any} */ (panel).at = performance.now();
  /** @type {any} */ (panel).asking = asking;
  const head = card.querySelector('.head');
  if (head) head.after(panel); else card.prepend(panel);
  /** @type {HTMLButtonElement} */ (asking).disabled = true;
  try { q.focus({ preventScroll: true }); } catch (_) { /* ignore */ }
  card.scrollTop = 0; // the question shows (the card scrolls, never the page)
  announce(words.ask);
}

/** Put the second step away; the button that asked is usable again (and focused, with `refocus`).
 * @param {HTMLElement} card @param {boolean} refocus */
function closeSure(card, refocus) {
  const panel = card.querySelector('.sure');
  if (!panel) return false;
  const asking = /** @type {HTMLButtonElement|undefined} */ (/** @type {any} */ (panel).asking);
  panel.remove();
  if (asking) {
    asking.disabled = false;
    if (refocus) { try { asking.focus({ preventScroll: true }); } catch (_) { /* ignore */ } }
  }
  return true;
}

/**
 * Where the member was before focus came into the card (a click or Tab from the page): focus goes back there when
 * the card goes (or to the page when they were nowhere in particular).
 * @param {FocusEvent} e
 */
function onFocusIn(e) {
  const from = e.relatedTarget;
  if (from instanceof Element && from !== st.host && !(st.root && st.root.contains(from))) st.returnTo = from;
}

/** Focus left the card for the page (not for another control of the card, nor with the window): forget where it
 * came from. @param {FocusEvent} e */
function onFocusOut(e) {
  const to = e.relatedTarget;
  if (to instanceof Element && (to === st.host || (st.root && st.root.contains(to)))) return;
  setTimeout(() => { if (st.root && !st.root.activeElement) st.returnTo = null; }, 0);
}

/** The card is going: if focus is in it, it goes back to where the member was, or to the page, without scrolling. */
function giveFocusBack() {
  try {
    const a = st.root && st.root.activeElement;
    if (!a || !st.card || !st.card.contains(a)) return;
    const to = st.returnTo;
    st.returnTo = null;
    if (to && to.isConnected && typeof (/** @type {any} */ (to)).focus === 'function') {
      /** @type {HTMLElement} */ (to).focus({ preventScroll: true });
      if (!(st.root && st.root.activeElement)) return;
    }
    /** @type {HTMLElement} */ (a).blur();
  } catch (_) { /* ignore */ }
}

/** @param {MouseEvent} e */
function onClick(e) {
  const card = /** @type {HTMLElement} */ (e.currentTarget);
  const el = e.target instanceof Element ? e.target.closest('[data-k]') : null;
  const key = el ? el.getAttribute('data-k') || '' : '';
  if (!key || key === 'link') return; // links navigate by themselves
  // Not the member's activation of a card on top: ignored, the card stays.
  const said = verdict(e, el);
  if (said === NO) { e.preventDefault(); return; }
  if (key === 'close' && card === st.card && st.ack) { clearCard(); return; }
  if (key === 'snooze') { toggleMenu(card, /** @type {HTMLElement} */ (el)); return; }
  if (key.startsWith('snooze-')) { fire('snooze', key.slice(7)); return; }
  if (key === 'unsure') { closeSure(card, true); return; }
  if (key.startsWith('yes-')) {
    const panel = /** @type {any} */ (card.querySelector('.sure'));
    if (panel && panel.contains(el) && performance.now() - panel.at >= SURE_MS) fire(key.slice(4));
    return;
  }
  if (SILENCING.includes(key) && said !== SEEN) { askSure(card, /** @type {HTMLElement} */ (el), key); return; }
  fire(key);
}

/** @param {KeyboardEvent} e */
function onKeydown(e) {
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  const card = /** @type {HTMLElement} */ (e.currentTarget);
  const focused = st.root && st.root.activeElement;
  if (verdict(e, focused && card.contains(focused) ? focused : card) === NO) return;
  if (closeSure(card, true)) { e.stopPropagation(); return; }
  const toggle = /** @type {HTMLElement|null} */ (card.querySelector('[data-k=snooze][aria-expanded=true]'));
  if (toggle) { toggleMenu(card, toggle); e.stopPropagation(); return; }
  if (card === st.card && st.ack) clearCard(); else fire('close');
}

/**
 * An empty card: region landmark in the banner's language, header with logo, brand, optional step and close.
 * @param {{brand: string, region?: string, close?: string, lang?: string, dir?: string, sure?: Sure}} text
 * @param {string} [step]
 */
function shell(text, step) {
  const card = h('section', 'card');
  if (text.sure) /** @type {any} */ (card).sure = text.sure;
  card.setAttribute('role', 'region');
  card.setAttribute('aria-label', text.region || text.brand);
  card.tabIndex = -1;
  if (text.lang) card.lang = text.lang;
  card.dir = text.dir === 'rtl' ? 'rtl' : 'ltr';
  card.addEventListener('click', onClick);
  card.addEventListener('keydown', onKeydown);
  card.addEventListener('focusin', onFocusIn);
  card.addEventListener('focusout', onFocusOut);
  const head = h('div', 'head');
  head.appendChild(icon('logo', 'logo'));
  head.appendChild(h('span', 'brand', text.brand));
  if (step) head.appendChild(h('span', 'step', step));
  if (text.close) {
    const x = button('x', '', 'close');
    x.setAttribute('aria-label', text.close);
    x.title = text.close;
    x.appendChild(icon('close'));
    head.appendChild(x);
  }
  card.appendChild(head);
  return card;
}

/**
 * Title, body, detail and aside lines.
 * @param {HTMLElement} card @param {{title?: string, body?: string, detail?: string, aside?: string}} text
 */
function lines(card, text) {
  if (text.title) card.appendChild(h('h2', '', text.title));
  if (text.body) card.appendChild(h('p', 'body', text.body));
  if (text.detail) card.appendChild(h('p', 'detail', text.detail));
  if (text.aside) card.appendChild(h('p', 'aside', text.aside));
}

/**
 * Put `card` on the page in place of the current one; it rises in only when no card was there (a redraw
 * updates in place, no flicker). Keeps keyboard focus on the same control.
 * @param {HTMLElement} card @param {boolean} [isAck]
 */
function show(card, isAck) {
  if (!ensureHost(true) || !st.wrap) return;
  clearTimeout(st.ackTimer);
  const key = focusedKey();
  const inPlace = !!st.card;
  if (st.card) st.card.replaceWith(card); else { card.className += ' enter'; st.wrap.appendChild(card); }
  st.card = card;
  st.ack = !!isAck;
  ensureHost();
  // Back in its place before <body> if the page moved things around it (unless that would take the member's focus
  // away): first in the tab order, and where drawnOverUs() knows what can be drawn above it.
  if (!key && st.host && document.body && st.host.nextElementSibling !== document.body) {
    try { attachHost(st.host); } catch (_) { /* ignore */ }
  }
  trackVisibility(card, inPlace);
  restoreFocus(key);
}

/** The nudge card of ordinary pages. @param {BannerText} text */
function nudge(text) {
  if (!ensureHost(true)) return;
  // Its close button says how long it lasts (until the browser restarts); acknowledgements keep `close`.
  const card = shell(text.closeNudge ? { ...text, close: text.closeNudge } : text);
  lines(card, text);
  const actions = h('div', 'actions');
  linkButton(actions, text, 'link');
  if (actions.firstChild) card.appendChild(actions);
  const foot = h('div', 'foot');
  if (text.snooze && text.snooze.label) {
    const toggle = button('textbtn', text.snooze.label, 'snooze');
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', 'm' + Math.random().toString(36).slice(2, 8));
    /** @type {any} */ (card).snooze = text.snooze;
    foot.appendChild(toggle);
  }
  if (text.dismissAll) foot.appendChild(button('textbtn', text.dismissAll, 'dismissAll'));
  if (foot.firstChild) card.appendChild(foot);
  show(card);
}

/** A short acknowledgement card ("OK — we'll remind you tomorrow") that goes away by itself; with `undo`, an
 * Undo button that reports the action `undo`.
 * @param {string} message @param {string} closeLabel @param {string} brand @param {string} lang
 * @param {string} [undo] label of the Undo button */
function ack(message, closeLabel, brand, lang, undo) {
  if (!message || !ensureHost()) return;
  const hadFocus = !!focusedKey();
  const card = shell({ brand, close: closeLabel, lang });
  card.appendChild(h('p', 'body', message));
  if (undo) {
    const actions = h('div', 'actions');
    actions.appendChild(button('btn secondary', undo, 'undo'));
    card.appendChild(actions);
  }
  show(card, true);
  if (hadFocus) { try { card.focus({ preventScroll: true }); } catch (_) { /* ignore */ } }
  announce(message);
  // It goes after its time, focus inside or not (focus goes back to where the member was).
  st.ackTimer = setTimeout(() => { if (st.card === card) clearCard(); }, undo ? 2 * ACK_MS : ACK_MS);
}

/** Remove the card (the host and its live region stay, so announcements still work). */
function clearCard() {
  clearTimeout(st.ackTimer);
  giveFocusBack();
  if (st.seen) { try { st.seen.disconnect(); } catch (_) { /* ignore */ } }
  st.visible = null;
  if (st.card) { try { st.card.remove(); } catch (_) { /* ignore */ } }
  st.card = null;
  st.returnTo = null;
  st.ack = false;
}

/** Remove everything we drew. */
function destroy() {
  clearCard();
  try { if (st.host) st.host.remove(); } catch (_) { /* ignore */ }
  st.host = null; st.root = null; st.wrap = null; st.live = null; st.sheets = new Set();
}

/** Who hears the card's actions (one handler: the bundle that drew it). @param {ActionHandler} fn */
function onAction(fn) { st.handler = fn; }

/** The card on screen, if any. */
function current() { return st.card; }

/** The element inside the shadow root that holds the card (and the guide's ring). */
function wrap() { return st.wrap; }

/** Is this event target our own host (events from our shadow root are retargeted to it)? @param {EventTarget|null} t */
function isOurs(t) { return !!t && t === st.host; }

export {
  h, icon, button, linkButton, shell, lines, show, nudge, ack, clearCard, destroy, announce, addStyles,
  ensureHost, onAction, current, wrap, isOurs,
};
