// @ts-check
// OptOut Pilot guide bundle: drawing on settings pages: the guide and done cards, and the ring that
// highlights the switch. Built on card.js (host, closed shadow root, nudge and acknowledgement cards).
// The switch highlight is a ring box inside our shadow root, positioned from getBoundingClientRect;
// LinkedIn's own elements are never modified.

/**
 * The text the worker sends with the advice (built by extension/worker/banner-text.js).
 * @typedef {import('../shared/protocol.js').BannerText} BannerText
 */
/** @typedef {import('../shared/protocol.js').AdviceBanner} Banner  advice.banner, as the worker sends it */
/**
 * @typedef {Object} View
 * @property {Banner} banner
 * @property {BannerText} text
 * @property {string} [notice]      a transient line from the one-click flow (working / confirm / failed)
 * @property {'info'|'warn'|'error'} [noticeKind]
 * @property {string} [undo]        label of an Undo button after the notice (the notice acknowledges a decision)
 * @property {boolean} [looking]    still waiting for the switch to render: show text.looking
 * @property {boolean} [busy]       one-click in progress: disable the buttons
 */
/** @typedef {(action: string, arg?: string) => void} ActionHandler */

import * as C from './card.js';

// The guide's sheet (step, status, notice, highlight ring), added to card.js's base sheet the first time a
// guide card or a ring is drawn. The ring's halo pulses with opacity only (compositor).
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
.extra { margin-top: 14px; padding-top: 10px; border-top: 1px solid var(--line); }
.extra-note { font-size: 13px; color: var(--muted); margin: 0; }
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

/** @type {{ring: HTMLElement|null, tag: HTMLElement|null, target: Element|null, rafPending: boolean,
 *   listening: boolean, onLost: (() => void)|null, spot: string, avoid: DOMRect|null}} */
const st = { ring: null, tag: null, target: null, rafPending: false, listening: false, onLost: null, spot: '', avoid: null };

/** @param {View} view @returns {HTMLElement} */
function guideCard(view) {
  const { banner, text } = view;
  const card = C.shell(text, banner.mode === 'nudge' ? '' : text.step);
  if (banner.mode === 'done') {
    doneCard(card, view);
    return card;
  }
  C.lines(card, text);
  if (banner.mode === 'guide') {
    // Looking for a late switch, or checking one that just appeared or changed: no verdict, no actions yet.
    const waiting = !!view.looking || banner.status === 'checking';
    const kind = waiting ? 'looking' : (banner.status || 'unknown');
    const line = view.looking ? text.looking : text.status;
    if (line) {
      const s = C.h('p', 'status ' + kind + (banner.status === 'checking' ? ' checking' : ''));
      s.appendChild(C.icon(kind === 'off' ? 'off' : kind === 'on' ? 'on' : 'info'));
      s.appendChild(C.h('span', '', line));
      card.appendChild(s);
    }
    notice(card, view);
    const actions = C.h('div', 'actions');
    if (text.fix) {
      actions.appendChild(C.button('btn primary', text.fix, 'fix', view.busy));
    } else if (!waiting) {
      // "Next: …" after success is the main way on; re-opening the page (notFound) is a secondary one.
      C.linkButton(actions, text, 'link', kind === 'off' ? 'primary' : 'secondary');
    }
    if (text.keepOn && !waiting) actions.appendChild(C.button('btn secondary', text.keepOn, 'keepOn', view.busy));
    if (actions.firstChild) card.appendChild(actions);
    if (text.stopGuide) {
      const foot = C.h('div', 'foot');
      foot.appendChild(C.button('textbtn', text.stopGuide, 'stopGuide'));
      card.appendChild(foot);
    }
  } else {
    notice(card, view);
  }
  return card;
}

/**
 * The end of the guide: the last step's own "Off — saved", then "11 of 11 off ✓", what was done and when, a Done
 * button (Escape too: the card's close), and LinkedIn's objection form as a clearly optional extra step.
 * @param {HTMLElement} card @param {View} view
 */
function doneCard(card, view) {
  const { text } = view;
  if (text.status) {
    const s = C.h('p', 'status off');
    s.appendChild(C.icon('off'));
    s.appendChild(C.h('span', '', text.status));
    card.appendChild(s);
  }
  C.lines(card, { title: text.title, body: text.body });
  notice(card, view);
  const actions = C.h('div', 'actions');
  if (text.done) actions.appendChild(C.button('btn primary', text.done, 'done'));
  card.appendChild(actions);
  if (text.form && text.formNote) {
    const extra = C.h('div', 'extra');
    extra.appendChild(C.h('p', 'extra-note', text.formNote));
    const links = C.h('div', 'actions');
    C.linkButton(links, { link: text.form }, 'link', 'secondary');
    extra.appendChild(links);
    card.appendChild(extra);
  }
}

/** The notice line, and the Undo of the decision it acknowledges. @param {HTMLElement} card @param {View} view */
function notice(card, view) {
  if (!view.notice) return;
  card.appendChild(C.h('p', 'notice ' + (view.noticeKind || 'info'), view.notice));
  if (view.undo) {
    const actions = C.h('div', 'actions');
    actions.appendChild(C.button('btn secondary', view.undo, 'undo'));
    card.appendChild(actions);
  }
}

/** Draw (or redraw) the card. @param {View} view */
function render(view) {
  if (view.banner.mode === 'nudge') {
    C.nudge(view.text);
  } else {
    if (!C.ensureHost(true)) return;
    C.addStyles(GUIDE_CSS);
    const before = C.current();
    const wasDone = !!before && before.getAttribute('data-mode') === 'done';
    const card = guideCard(view);
    card.setAttribute('data-mode', view.banner.mode);
    C.show(card);
    // One place for the card on this page: where it last stood clear of the ringed switch, also once the ring
    // is gone (switch off, the ending), so it neither jumps corners nor grows over the switch.
    if (st.avoid) dockCard(st.avoid);
    // The finished guide takes the focus once (its Done button), so that Escape and Done work from the
    // keyboard and a screen reader lands on the ending.
    if (view.banner.mode === 'done' && !wasDone) {
      const done = /** @type {HTMLElement|null} */ (card.querySelector('[data-k=done]'));
      try { (done || card).focus({ preventScroll: true }); } catch (_) { /* ignore */ }
    }
  }
  if (st.ring) schedulePlace(); // the new card must keep clear of the ringed switch too
}

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
  const card = C.current();
  if (!card) return;
  st.avoid = r;
  const narrow = innerWidth <= 600;
  /** @type {{left?: number, right?: number, top?: number, bottom?: number}[]} */
  const spots = narrow
    ? [{ left: 12, right: 12, bottom: 12 }, { left: 12, right: 12, top: 64 }]
    : [{ right: 16, bottom: 64 }, { left: 16, bottom: 64 }, { right: 16, top: 64 }, { left: 16, top: 64 }];
  const w = card.offsetWidth, hgt = card.offsetHeight;
  // The label sits above or below the ring: keep a margin for it on both sides.
  const avoid = { left: r.left - 16, right: r.right + 16, top: r.top - 56, bottom: r.bottom + 56 };
  const isClear = (/** @type {{left?: number, right?: number, top?: number, bottom?: number}} */ s) => {
    const left = s.left ?? innerWidth - (s.right ?? 0) - w;
    const top = s.top ?? innerHeight - (s.bottom ?? 0) - hgt;
    return left + w < avoid.left || left > avoid.right || top + hgt < avoid.top || top > avoid.bottom;
  };
  // Stay where the card already is while that is clear: the card keeps one place as the page changes.
  const key = (/** @type {object} */ s) => (narrow ? 'n' : 'w') + JSON.stringify(s);
  card.style.maxHeight = '';
  const kept = spots.find((s) => key(s) === st.spot && isClear(s));
  let clear = kept ?? spots.find(isClear);
  if (!clear) {
    // Too tall for any corner (a narrow window, 200 % zoom, the ending): the band above or below the switch,
    // whichever is larger, and the card scrolls inside it rather than cover the switch.
    const above = avoid.top - 64 - 8;
    const below = innerHeight - (narrow ? 12 : 64) - avoid.bottom - 8;
    const band = below >= above ? spots.find((x) => x.bottom !== undefined) : spots.find((x) => x.top !== undefined);
    clear = band ?? spots[0];
    card.style.maxHeight = Math.max(120, Math.floor(Math.max(above, below))) + 'px';
  }
  st.spot = key(clear);
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
  const wrap = C.ensureHost() ? C.wrap() : null;
  if (!wrap) return;
  C.addStyles(GUIDE_CSS);
  if (st.ring && st.ring.parentNode !== wrap) { st.ring = null; st.tag = null; } // the host was rebuilt
  if (!st.ring) {
    const ring = C.h('div', 'ring');
    ring.setAttribute('aria-hidden', 'true');
    const tag = C.h('div', 'tag');
    ring.appendChild(tag);
    wrap.insertBefore(ring, wrap.firstChild);
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

/** Remove everything we drew. */
function destroy() {
  highlight(null);
  C.destroy();
}

/** Move keyboard focus to the card's control `key` (e.g. "Next: …" once a switch is saved), if it has one. @param {string} key */
function focusIn(key) {
  try {
    const card = C.current();
    const el = /** @type {HTMLElement|null} */ (card && card.querySelector(`[data-k="${key}"]`));
    if (el) el.focus({ preventScroll: true });
  } catch (_) { /* ignore */ }
}

export { render, highlight, destroy, focusIn };
// What the guide needs of card.js besides, under the same roof.
export { ack, clearCard, announce, onAction, isOurs } from './card.js';
