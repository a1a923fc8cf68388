// @ts-check
// OptOut Pilot content script, part 2 of 3: drawing.
// Everything is drawn inside ONE plain host element (no id, class or attribute) appended to <html>,
// holding a CLOSED shadow root. Styles live in the shadow root (constructed stylesheet, <style> fallback).
// No extension URL ever enters the page: icons are inline SVG. Page text is only ever set via textContent.
// The switch highlight is a ring box inside our shadow root, positioned from getBoundingClientRect;
// LinkedIn's own elements are never modified.

/**
 * The text the worker sends with the advice (built by extension/worker/banner-text.js).
 * @typedef {import('../worker/banner-text.js').BannerText} BannerText
 */
/**
 * @typedef {Object} Banner  advice.banner (docs/architecture.md)
 * @property {'nudge'|'guide'|'done'} mode
 * @property {string} [setting]
 * @property {'on'|'off'|'unknown'|'notFound'} [status]
 * @property {number|null} [control]
 * @property {{index:number,total:number}|null} [step]
 * @property {{id:string,url:string}|null} [next]
 * @property {string} [lang]
 */
/**
 * @typedef {Object} View
 * @property {Banner} banner
 * @property {BannerText} text
 * @property {string} [notice]      a transient line from the one-click flow (working / confirm / failed)
 * @property {'info'|'warn'|'error'} [noticeKind]
 * @property {boolean} [looking]    still waiting for the switch to render: show text.looking
 * @property {boolean} [busy]       one-click in progress: disable the buttons
 */
/** @typedef {(action: string, arg?: string) => void} ActionHandler */

// eslint-disable-next-line no-var
var OptOutPilot = OptOutPilot || /** @type {any} */ ({});

(function (ns) {
  'use strict';

  const SVG_NS = 'http://www.w3.org/2000/svg';

  // Two constructed sheets: the base one for every card, the guide one (step, status, notice, highlight ring)
  // parsed only once a guide card or a ring is drawn, so the feed's nudge parses only what it uses.
  // No animation that runs on the main thread: the card rises with transform/opacity and the ring's halo
  // pulses with opacity only (both run on the compositor).
  const CSS = `
:host {
  all: initial !important;
  position: fixed !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important;
  z-index: 2147483647 !important; display: block !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important;
  pointer-events: none !important; contain: none !important;
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
.menu { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 6px; width: 100%; }
.menu[hidden] { display: none; }
.menu .btn { font-size: 13px; padding: 4px 12px; min-height: 30px; }
button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.sr { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  clip-path: inset(50%); white-space: nowrap; left: 0; top: 0; }
@media (forced-colors: active) {
  .card { border: 2px solid CanvasText; }
}
`;
  const GUIDE_CSS = `
.step { margin-inline-start: auto; font-size: 12px; font-weight: 600; color: var(--muted);
  background: var(--accent-soft); color: var(--fg); border-radius: 999px; padding: 2px 8px; white-space: nowrap; }
.step + .x { margin-inline-start: 4px; }
.status { border-radius: 8px; padding: 8px 10px; margin: 10px 0 4px; font-weight: 500;
  display: flex; gap: 8px; align-items: flex-start; }
.status svg { flex: none; width: 18px; height: 18px; margin-top: 1px; }
.status.on { background: var(--on-soft); color: var(--on); }
.status.off { background: var(--off-soft); color: var(--off); font-weight: 650; }
.status.unknown, .status.notFound, .status.looking { background: var(--warn-soft); color: var(--warn); }
.status span { color: inherit; }
.notice { border-radius: 8px; padding: 8px 10px; margin: 8px 0 0; font-weight: 500; }
.notice.info { background: var(--accent-soft); color: var(--fg); }
.notice.warn { background: var(--warn-soft); color: var(--warn); }
.notice.error { background: var(--err-soft); color: var(--err); }
.ring { position: fixed; pointer-events: none; border: 3px solid var(--ring); border-radius: 10px;
  box-shadow: 0 0 0 3px var(--ring-halo), 0 0 0 6px rgba(194,24,91,.25); }
.ring[hidden] { display: none; }
.ring::before { content: ""; position: absolute; inset: -9px; border-radius: 16px; pointer-events: none;
  box-shadow: 0 0 0 6px rgba(194,24,91,.12); opacity: 0; }
@media (prefers-reduced-motion: no-preference) {
  .ring::before { animation: pulse 1.6s ease-in-out 3; }
  @keyframes pulse { 50% { opacity: 1; } }
}
.tag { position: absolute; left: 0; white-space: nowrap; --ax: 50%;
  background: var(--ring); color: var(--tag-fg); font-weight: 700; font-size: 13px; line-height: 18px;
  padding: 4px 10px; border-radius: 6px; box-shadow: 0 0 0 2px var(--ring-halo); }
.tag.above { bottom: calc(100% + 11px); }
.tag.below { top: calc(100% + 11px); }
.tag::after { content: ""; position: absolute; left: var(--ax); margin-left: -6px; border: 6px solid transparent; }
.tag.above::after { top: 100%; border-top-color: var(--ring); }
.tag.below::after { bottom: 100%; border-bottom-color: var(--ring); }
@media (forced-colors: active) {
  .ring { border-color: Highlight; }
  .tag { background: Highlight; color: HighlightText; }
}
`;

  /** @type {{host: HTMLElement|null, root: ShadowRoot|null, wrap: HTMLElement|null, card: HTMLElement|null,
   *   live: HTMLElement|null, ring: HTMLElement|null, tag: HTMLElement|null, target: Element|null,
   *   handler: ActionHandler|null, rafPending: boolean, listening: boolean, ackTimer: number,
   *   onLost: (() => void)|null, adopted: boolean, guideStyles: boolean}} */
  const st = {
    host: null, root: null, wrap: null, card: null, live: null, ring: null, tag: null, target: null,
    handler: null, rafPending: false, listening: false, ackTimer: 0, onLost: null, adopted: false, guideStyles: false,
  };

  /** @template {keyof HTMLElementTagNameMap} K @param {K} tag @param {string} [cls] @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]} */
  function h(tag, cls, text) {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text) el.textContent = text;
    return el;
  }

  /** Inline SVG icons (never an extension URL): one path each (subpaths), stroke styles come from the sheet. */
  const ICONS = {
    logo: 'M12 2.5 4 5.6v5.9c0 5 3.4 9.4 8 10.6 4.6-1.2 8-5.6 8-10.6V5.6L12 2.5ZM8.4 12.2l2.5 2.5 4.8-5',
    close: 'M6 6l12 12M18 6 6 18',
    on: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17ZM12 7.5v5.5M12 16.2v.3',
    off: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17ZM8.2 12.3l2.6 2.6 5-5.2',
    info: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17ZM12 11v5.5M12 7.7v.3',
    arrow: 'M5 12h13M13 7l5 5-5 5',
  };

  /** @param {keyof typeof ICONS} name */
  function icon(name) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
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

  /** Add the guide sheet (step, status, notice, ring) the first time a guide card or a ring is drawn. */
  function ensureGuideStyles() {
    if (st.guideStyles || !st.root) return;
    st.guideStyles = true;
    try {
      const s = st.adopted ? sheet(GUIDE_CSS) : null;
      if (s) {
        st.root.adoptedStyleSheets = [...st.root.adoptedStyleSheets, s];
        if (st.root.adoptedStyleSheets.length === 2) return;
      }
    } catch (_) { /* fall back to <style> */ }
    const style = document.createElement('style');
    style.textContent = GUIDE_CSS;
    st.root.insertBefore(style, st.wrap);
  }

  /**
   * Create the host + closed shadow root, and (re-)attach it to the page unless `detached`: a first card is
   * built into the detached tree and the host attached once, with it (one insertion, one style recalc).
   * @param {boolean} [detached] @returns {boolean}
   */
  function ensureHost(detached) {
    try {
      if (st.host && st.root) {
        if (!detached && !st.host.isConnected) document.documentElement.appendChild(st.host);
        return true;
      }
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'closed' });
      let adopted = false;
      try {
        const s = sheet(CSS);
        if (s) {
          root.adoptedStyleSheets = [s];
          adopted = root.adoptedStyleSheets.length === 1;
        }
      } catch (_) { adopted = false; }
      if (!adopted) {
        const style = document.createElement('style');
        style.textContent = CSS;
        root.appendChild(style);
      }
      const wrap = h('div', 'wrap');
      const live = h('div', 'sr');
      live.setAttribute('role', 'status');
      live.setAttribute('aria-live', 'polite');
      live.setAttribute('aria-atomic', 'true');
      wrap.appendChild(live);
      root.appendChild(wrap);
      st.host = host; st.root = root; st.wrap = wrap; st.live = live; st.adopted = adopted; st.guideStyles = false;
      if (!detached) document.documentElement.appendChild(host);
      return true;
    } catch (_) {
      return false;
    }
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

  /** @param {HTMLElement} card @param {{brand:string, step?:string, close?:string}} text @param {boolean} withStep
   * @param {() => void} [onClose] */
  function header(card, text, withStep, onClose) {
    const head = h('div', 'head');
    const logo = icon('logo');
    logo.setAttribute('class', 'logo');
    head.appendChild(logo);
    head.appendChild(h('span', 'brand', text.brand));
    if (withStep && text.step) head.appendChild(h('span', 'step', text.step));
    if (text.close) {
      const x = h('button', 'x');
      x.type = 'button';
      x.setAttribute('data-k', 'close');
      x.setAttribute('aria-label', text.close);
      x.title = text.close;
      x.appendChild(icon('close'));
      x.addEventListener('click', onClose || (() => fire('close')));
      head.appendChild(x);
    }
    card.appendChild(head);
  }

  /** @param {string} cls @param {string} label @param {string} key @param {() => void} onClick @param {boolean} [disabled] */
  function button(cls, label, key, onClick, disabled) {
    const b = h('button', cls, label);
    b.type = 'button';
    b.setAttribute('data-k', key);
    if (disabled) b.disabled = true;
    b.addEventListener('click', onClick);
    return b;
  }

  /** @param {HTMLElement} parent @param {BannerText} text @param {string} key @param {string} [cls] */
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

  /** @param {HTMLElement} card @param {BannerText} text */
  function snoozeMenu(card, text) {
    const foot = h('div', 'foot');
    if (text.snooze && text.snooze.label) {
      const menuId = 'm' + Math.random().toString(36).slice(2, 8);
      const toggle = button('textbtn', text.snooze.label, 'snooze', () => {
        const open = toggle.getAttribute('aria-expanded') === 'true';
        toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
        menu.hidden = open;
        if (!open) { const first = /** @type {HTMLElement|null} */ (menu.firstElementChild); if (first) first.focus(); }
      });
      toggle.setAttribute('aria-expanded', 'false');
      toggle.setAttribute('aria-controls', menuId);
      const menu = h('div', 'menu');
      menu.id = menuId;
      menu.hidden = true;
      menu.setAttribute('role', 'group');
      menu.setAttribute('aria-label', text.snooze.label);
      for (const [dur, label] of /** @type {const} */ ([['day', text.snooze.day], ['week', text.snooze.week], ['month', text.snooze.month]])) {
        if (label) menu.appendChild(button('btn secondary', label, 'snooze-' + dur, () => fire('snooze', dur)));
      }
      menu.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') { menu.hidden = true; toggle.setAttribute('aria-expanded', 'false'); toggle.focus(); e.stopPropagation(); }
      });
      foot.appendChild(toggle);
      if (text.dismissAll) foot.appendChild(button('textbtn', text.dismissAll, 'dismissAll', () => fire('dismissAll')));
      foot.appendChild(menu);
    } else if (text.dismissAll) {
      foot.appendChild(button('textbtn', text.dismissAll, 'dismissAll', () => fire('dismissAll')));
    }
    if (foot.childNodes.length) card.appendChild(foot);
  }

  /** @param {View} view @returns {HTMLElement} */
  function buildCard(view) {
    const { banner, text } = view;
    const card = h('section', 'card');
    card.setAttribute('role', 'region');
    card.setAttribute('aria-label', text.region || text.brand);
    card.tabIndex = -1;
    if (text.lang) card.lang = text.lang;
    card.dir = text.dir === 'rtl' ? 'rtl' : 'ltr';
    card.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !e.defaultPrevented) { fire('close'); } });
    const mode = banner.mode;
    header(card, text, mode === 'guide');
    if (text.title) {
      const t = h('h2', '', text.title);
      card.appendChild(t);
    }
    if (text.body) card.appendChild(h('p', 'body', text.body));
    if (text.detail) card.appendChild(h('p', 'detail', text.detail));

    if (mode === 'guide') {
      const kind = view.looking ? 'looking' : (banner.status || 'unknown');
      const line = view.looking ? text.looking : text.status;
      if (line) {
        const s = h('p', 'status ' + kind);
        s.appendChild(icon(kind === 'off' ? 'off' : kind === 'on' ? 'on' : 'info'));
        s.appendChild(h('span', '', line));
        card.appendChild(s);
      }
      if (view.notice) card.appendChild(h('p', 'notice ' + (view.noticeKind || 'info'), view.notice));
      const actions = h('div', 'actions');
      if (text.fix) {
        actions.appendChild(button('btn primary', text.fix, 'fix', () => fire('fix'), view.busy));
      } else if (!view.looking) {
        // "Next: …" after success is the main way on; re-opening the page (notFound) is a secondary one.
        linkButton(actions, text, 'link', kind === 'off' ? 'primary' : 'secondary');
      }
      if (text.keepOn && !view.looking) {
        actions.appendChild(button('btn secondary', text.keepOn, 'keepOn', () => fire('keepOn'), view.busy));
      }
      if (actions.childNodes.length) card.appendChild(actions);
      const foot = h('div', 'foot');
      if (text.stopGuide) foot.appendChild(button('textbtn', text.stopGuide, 'stopGuide', () => fire('stopGuide')));
      if (foot.childNodes.length) card.appendChild(foot);
    } else if (mode === 'nudge') {
      const actions = h('div', 'actions');
      linkButton(actions, text, 'link');
      if (actions.childNodes.length) card.appendChild(actions);
      snoozeMenu(card, text);
    } else {
      if (view.notice) card.appendChild(h('p', 'notice ' + (view.noticeKind || 'info'), view.notice));
    }
    return card;
  }

  /** Draw (or redraw) the card. @param {View} view */
  function render(view) {
    if (!ensureHost(true) || !st.wrap) return;
    clearTimeout(st.ackTimer);
    if (view.banner.mode !== 'nudge') ensureGuideStyles();
    const key = focusedKey();
    const card = buildCard(view);
    // Rise in only when the card first appears; a redraw (status changed) updates it in place, no flicker.
    if (st.card) st.card.replaceWith(card); else { card.className += ' enter'; st.wrap.appendChild(card); }
    st.card = card;
    ensureHost();
    restoreFocus(key);
    if (st.ring) schedulePlace(); // the new card must keep clear of the ringed switch too
  }

  /** A short acknowledgement card ("OK — we'll remind you tomorrow") that goes away by itself.
   * @param {string} message @param {string} closeLabel @param {string} brand @param {string} lang */
  function ack(message, closeLabel, brand, lang) {
    if (!message || !ensureHost() || !st.wrap) return;
    const hadFocus = !!focusedKey();
    const card = h('section', 'card');
    card.setAttribute('role', 'region');
    card.setAttribute('aria-label', brand);
    card.tabIndex = -1;
    if (lang) card.lang = lang;
    header(card, { brand, close: closeLabel }, false, clearCard);
    card.appendChild(h('p', 'body', message));
    card.addEventListener('keydown', (e) => { if (e.key === 'Escape') clearCard(); });
    if (st.card) st.card.replaceWith(card); else { card.classList.add('enter'); st.wrap.appendChild(card); }
    st.card = card;
    if (hadFocus) { try { card.focus({ preventScroll: true }); } catch (_) { /* ignore */ } }
    announce(message);
    clearTimeout(st.ackTimer);
    st.ackTimer = setTimeout(() => { if (st.card === card && !focusedKey()) clearCard(); }, 6000);
  }

  /** Remove the card (the host and its live region stay, so announcements still work). */
  function clearCard() {
    clearTimeout(st.ackTimer);
    if (st.card) { try { st.card.remove(); } catch (_) { /* ignore */ } }
    st.card = null;
  }

  /** @returns {boolean} */
  function hasCard() { return !!st.card; }

  // ---------- highlight ring ----------

  /** A rect worth ringing: visually hidden inputs (1px) fall back to a label or a small ancestor.
   * @param {Element} el @returns {DOMRect|null} */
  function targetRect(el) {
    try {
      if (!el.isConnected) return null;
      let r = el.getBoundingClientRect();
      if (r.width >= 10 && r.height >= 10) return r;
      const labels = /** @type {HTMLInputElement} */ (el).labels;
      if (labels && labels.length) {
        const lr = labels[0].getBoundingClientRect();
        if (lr.width >= 10 && lr.height >= 10 && lr.width < 900) return lr;
      }
      let p = el.parentElement;
      for (let i = 0; p && i < 3; i++, p = p.parentElement) {
        const pr = p.getBoundingClientRect();
        if (pr.width >= 10 && pr.height >= 10) return pr.width < 600 && pr.height < 200 ? pr : null;
      }
      return r.width > 0 || r.height > 0 ? r : null;
    } catch (_) {
      return null;
    }
  }

  function place() {
    st.rafPending = false;
    const ring = st.ring, el = st.target, tag = st.tag;
    if (!ring || !tag) return;
    if (el && !el.isConnected && st.onLost) {
      const lost = st.onLost;
      st.onLost = null; // once per target
      try { lost(); } catch (_) { /* ignore */ }
    }
    const r = el ? targetRect(el) : null;
    if (!r || r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) {
      ring.hidden = true;
      return;
    }
    const pad = 6;
    ring.hidden = false;
    ring.style.left = Math.round(r.left - pad) + 'px';
    ring.style.top = Math.round(r.top - pad) + 'px';
    ring.style.width = Math.round(r.width + pad * 2) + 'px';
    ring.style.height = Math.round(r.height + pad * 2) + 'px';
    const above = r.top > 64; // keep clear of LinkedIn's top bar: put the tag below when near the top
    tag.className = 'tag ' + (above ? 'above' : 'below');
    // Keep the label inside the viewport (narrow screens): shift it, and point the arrow at the switch.
    const ringLeft = r.left - pad;
    const center = r.left + r.width / 2;
    const tw = tag.offsetWidth || 0;
    const left = Math.max(8, Math.min(center - tw / 2, innerWidth - 8 - tw));
    tag.style.left = Math.round(left - ringLeft) + 'px';
    tag.style.setProperty('--ax', Math.round(Math.max(10, Math.min(tw - 10, center - left))) + 'px');
    dockCard(r);
  }

  /**
   * Keep the card clear of the ringed switch and its label: on small windows the default corner can sit right
   * on top of it. Tries the corners (bottom/top band on narrow screens) and takes the first that is clear.
   * @param {DOMRect} r the switch's rectangle
   */
  function dockCard(r) {
    const card = st.card;
    if (!card) return;
    const narrow = innerWidth <= 600;
    /** @type {{left?: number, right?: number, top?: number, bottom?: number}[]} */
    const spots = narrow
      ? [{ left: 12, right: 12, bottom: 12 }, { left: 12, right: 12, top: 64 }]
      : [{ right: 16, bottom: 64 }, { left: 16, bottom: 64 }, { right: 16, top: 64 }, { left: 16, top: 64 }];
    const w = card.offsetWidth, hgt = card.offsetHeight;
    // The label sits above or below the ring: keep a margin for it on both sides.
    const avoid = { left: r.left - 16, right: r.right + 16, top: r.top - 56, bottom: r.bottom + 56 };
    const clear = spots.find((s) => {
      const left = s.left ?? innerWidth - (s.right ?? 0) - w;
      const top = s.top ?? innerHeight - (s.bottom ?? 0) - hgt;
      return left + w < avoid.left || left > avoid.right || top + hgt < avoid.top || top > avoid.bottom;
    }) ?? spots[0];
    const px = (/** @type {number|undefined} */ v) => (v === undefined ? 'auto' : v + 'px');
    card.style.left = px(clear.left);
    card.style.right = px(clear.right);
    card.style.top = px(clear.top);
    card.style.bottom = px(clear.bottom);
  }

  function schedulePlace() {
    if (st.rafPending) return;
    st.rafPending = true;
    requestAnimationFrame(place);
  }

  /** @param {boolean} on */
  function listen(on) {
    if (on === st.listening) return;
    st.listening = on;
    const opts = { capture: true, passive: true };
    try {
      if (on) {
        addEventListener('scroll', schedulePlace, opts);
        addEventListener('resize', schedulePlace, opts);
      } else {
        removeEventListener('scroll', schedulePlace, opts);
        removeEventListener('resize', schedulePlace, opts);
      }
    } catch (_) { /* ignore */ }
  }

  /**
   * Ring the control (or remove the ring with el = null).
   * @param {Element|null} el @param {string} [label] @param {boolean} [scroll] scroll it into view once
   * @param {() => void} [onLost] called once if LinkedIn removes the element (re-render)
   */
  function highlight(el, label, scroll, onLost) {
    if (!el) {
      st.target = null;
      st.onLost = null;
      if (st.ring) { st.ring.remove(); st.ring = null; st.tag = null; }
      listen(false);
      return;
    }
    if (!ensureHost() || !st.wrap) return;
    ensureGuideStyles();
    if (!st.ring) {
      const ring = h('div', 'ring');
      ring.setAttribute('aria-hidden', 'true');
      const tag = h('div', 'tag');
      ring.appendChild(tag);
      st.wrap.insertBefore(ring, st.wrap.firstChild);
      st.ring = ring; st.tag = tag;
    }
    if (st.tag) st.tag.textContent = label || '';
    if (st.tag) st.tag.hidden = !label;
    st.target = el;
    st.onLost = onLost || null;
    listen(true);
    if (scroll) {
      try {
        const r = el.getBoundingClientRect();
        const inView = r.top >= 80 && r.bottom <= innerHeight - 40;
        if (!inView) {
          const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
          el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
        }
      } catch (_) { /* ignore */ }
    }
    place();
    schedulePlace();
  }

  /** @returns {Element|null} */
  function highlighted() { return st.target; }

  /** Is this event target our own host (events from our shadow root are retargeted to it)? @param {EventTarget|null} t */
  function isOurs(t) { return !!t && t === st.host; }

  /** @param {ActionHandler} fn */
  function onAction(fn) { st.handler = fn; }

  /** Remove everything we drew. */
  function destroy() {
    highlight(null);
    clearCard();
    try { if (st.host) st.host.remove(); } catch (_) { /* ignore */ }
    st.host = null; st.root = null; st.wrap = null; st.live = null; st.guideStyles = false;
  }

  ns.ui = Object.freeze({ render, ack, clearCard, hasCard, announce, highlight, highlighted, reposition: schedulePlace,
    onAction, isOurs, destroy, safeHref });
})(OptOutPilot);
