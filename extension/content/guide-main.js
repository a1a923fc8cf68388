// @ts-check
// OptOut Pilot guide bundle (settings pages): lifecycle, watching the switch, read-back, one-click.
// Loaded by the manifest on settings URLs, and by the worker when an in-page navigation leads from an ordinary
// page to a settings page (watch.js asks for it). From then on it serves every page of this document.
// Policy (see toolchain.md measurements):
//  * every page: the quick report at DOMContentLoaded (and on SPA navigation), draw once;
//  * ordinary pages: no observer, no polling, no listeners except navigation.js's;
//  * settings pages: a switch is believed only once it stayed the same for dom.SETTLE_MS, so a page with
//    unsettled switches is read again when they may have settled;
//  * a setting's own page (advice.watch) is followed for its whole life: a MutationObserver on the switch's
//    section (its main landmark while the switch is not found; rAF-coalesced, flood-throttled), a cheap poll of
//    the switches' live state (a script setting .checked changes no attribute), and capture-phase
//    click/change/keyup listeners to read the member's changes back. The latest settled state wins.

/** @typedef {import('./banner.js').Banner} Banner */
/** @typedef {import('../worker/banner-text.js').BannerText} BannerText */
/** @typedef {{needControls?: boolean, watch?: boolean, banner: Banner|null}} Advice */
/** @typedef {{advice: Advice, text: BannerText|null}} PageReply */

// eslint-disable-next-line no-var
var OptOutPilot = OptOutPilot || /** @type {any} */ ({});

(function (ns) {
  'use strict';
  if (ns.started) return;
  ns.started = true;

  const dom = ns.dom;
  const ui = ns.ui;
  const facts = ns.facts;
  const messenger = ns.messenger;
  const navigation = ns.navigation;
  if (!dom || !ui || !facts || !messenger || !navigation) return;

  const LOOKING_MS = 4000;      // show "Looking for the switch…" instead of "can't find" for this long
  const SETTLE_MS = 300;        // after a click on the page, let LinkedIn update before reading back
  const RECHECK_MS = 1500;      // second read-back (LinkedIn may revert after its server answers)
  const FLOOD_FRAMES = 5;       // reads in consecutive busy frames before a mutation flood is throttled
  const FLOOD_MS = 250;         // then at most one full report this often
  const FIX_WAIT_MS = 3000;     // one-click: wait this long for the switch to change
  const POLL_MS = 500;          // settings pages: how often the switches' live state is compared
  const CHECKING_WAIT_MS = 6000; // one-click: wait this long for the read-back to settle before judging
  const DIALOG_WAIT_MS = 120000; // one-click: keep watching while LinkedIn's confirm dialog is open

  const S = {
    dead: false,
    gen: 0,                 // bumps on every page change; stale async work checks it
    seq: 0,                 // bumps on every page message; only the newest reply is applied
    pageKey: '',
    /** @type {Advice|null} */ advice: null,
    /** @type {BannerText|null} */ text: null,
    /** @type {Element[]} */ elements: [],
    lastSig: '',
    closedNudge: false,     // the nudge was closed: not again in this document
    closedHere: false,      // guide/done was closed: not again on this page view
    notice: '',
    /** @type {'info'|'warn'|'error'} */ noticeKind: 'info',
    busy: false,
    confirming: false,      // one-click: LinkedIn's confirmation dialog is open, waiting for the person
    lastStatusKey: '',
    scrolledKey: '',
    /** @type {MutationObserver|null} */ observer: null,
    observeStarted: 0,
    lookingTimer: 0,
    lookingUntil: 0,
    mutationQueued: false,
    mutationMore: false,    // more changes came while a frame's read was queued
    busyFrames: 0,          // consecutive reads with changes still coming (a flood, once past FLOOD_FRAMES)
    listening: false,
    drawn: false,           // something was drawn in this document (a card, a ring): clearing it is due
    holdCard: false,        // an acknowledgement is about to take the card's place: do not clear it first
    settleTimers: /** @type {number[]} */ ([]),
    inflight: false,
    again: false,
    settleTimer: 0,         // re-read when unsettled switches may have settled
    pollTimer: 0,
    pollSig: '',
    /** @type {Node|null} */ observed: null,  // what the observer watches (a section, main, a shadow root)
    /** @type {string} */ turnedOff: '',      // setting seen off after the member's click or one-click here
  };

  /** Our own card's elements: never a switch, never something covering one. @param {Element} el */
  const readOptions = { ignore: (/** @type {Element} */ el) => { try { return ui.isOurs(el); } catch (_) { return false; } } };

  // ---------- messaging ----------

  /** @param {object} msg @returns {Promise<any>} */
  function send(msg) {
    return S.dead ? Promise.resolve(null) : messenger.send(msg, die);
  }

  /** The worker stopped existing for us: leave the page exactly as LinkedIn made it. */
  function die() {
    if (S.dead) return;
    S.dead = true;
    try { stopWatch(); } catch (_) { /* ignore */ }
    try { ui.destroy(); } catch (_) { /* ignore */ }
  }

  /** @param {any} reply @returns {reply is PageReply} */
  function isPageReply(reply) {
    return !!reply && typeof reply === 'object' && !!reply.advice && typeof reply.advice === 'object';
  }

  // ---------- page snapshots ----------

  /** @param {{url:string, controls:any[]}} snap */
  function signature(snap) {
    try { return snap.url + '\n' + JSON.stringify(snap.controls); } catch (_) { return String(Math.random()); }
  }

  /**
   * After an in-page navigation (or an action): the quick report of page-facts.js (no walk over a big page);
   * the full snapshot only when the worker asks for it (settings pages).
   */
  async function refresh() {
    if (S.dead) return;
    const gen = S.gen;
    const seq = ++S.seq;
    // Our reminder card is on screen: on the day it was shown it may stay (the worker shows it once a day).
    const shown = !!(S.drawn && !S.closedNudge && S.advice && S.advice.banner && S.advice.banner.mode === 'nudge');
    const reply = await send({ type: 'page', snapshot: facts.quick(document), card: shown });
    if (gen !== S.gen || seq !== S.seq || !isPageReply(reply)) return;
    if (reply.advice.needControls) {
      await sendFull(true);
      return;
    }
    S.elements = [];
    apply(reply);
  }

  /**
   * Full snapshot (settings pages). Sends only if something changed, unless forced. Serialised: one
   * message in flight; changes meanwhile cause one more send afterwards.
   * @param {boolean} force
   */
  async function sendFull(force) {
    if (S.dead) return;
    if (S.inflight) { S.again = true; return; }
    const gen = S.gen;
    const full = dom.snapshot(true, document, readOptions);
    scheduleSettle(full.settleIn);
    const sig = signature(full.snapshot);
    if (!force && sig === S.lastSig) return;
    S.lastSig = sig;
    S.inflight = true;
    const seq = ++S.seq;
    let reply = null;
    try {
      reply = await send({ type: 'page', snapshot: full.snapshot });
    } finally {
      S.inflight = false;
    }
    if (gen === S.gen && seq === S.seq && isPageReply(reply)) {
      S.elements = full.elements;
      apply(reply);
    }
    if (S.again && gen === S.gen) {
      S.again = false;
      await sendFull(false);
    }
  }

  /** Read the page again once its unsettled switches may have settled. @param {number} ms */
  function scheduleSettle(ms) {
    clearTimeout(S.settleTimer);
    S.settleTimer = 0;
    if (!(ms > 0) || S.dead) return;
    const gen = S.gen;
    S.settleTimer = setTimeout(() => { S.settleTimer = 0; if (gen === S.gen) void sendFull(false); }, ms + 30);
  }

  /** @param {PageReply} reply */
  function apply(reply) {
    S.advice = reply.advice;
    S.text = reply.text && typeof reply.text === 'object' ? reply.text : null;
    noticeRevert();
    // Nothing to say, nothing drawn or watched before (the feed when all is done or snoozed): done here.
    if (!reply.advice.banner && !reply.advice.watch && !S.drawn && !S.listening && !S.observer) return;
    // Watch first: a switch that is not there yet shows (and announces) "Looking for the switch…", not a
    // premature "can't find it" that flips to "looking" a moment later.
    updateWatch();
    draw();
  }

  // ---------- drawing ----------

  /** @returns {Element|null} */
  function targetControl() {
    const b = S.advice && S.advice.banner;
    if (!b || b.mode !== 'guide' || typeof b.control !== 'number') return null;
    const el = S.elements[b.control];
    return el && el.isConnected ? el : null;
  }

  function draw() {
    const b = S.advice && S.advice.banner;
    const text = S.text;
    if (!b || !text || (b.mode === 'nudge' && S.closedNudge) || (b.mode !== 'nudge' && S.closedHere)) {
      if (!S.holdCard) ui.clearCard();
      ui.highlight(null);
      return;
    }
    const looking = b.mode === 'guide' && b.status === 'notFound' && !!S.observer && Date.now() < S.lookingUntil;
    S.drawn = true;
    ui.render({
      banner: b, text, looking, busy: S.busy,
      notice: S.notice, noticeKind: S.noticeKind,
    });
    // Highlight: only when the setting is on and we know its switch.
    // Not while LinkedIn's confirmation dialog is open: the ring would point past the dialog at the switch.
    const el = b.mode === 'guide' && b.status === 'on' && !S.confirming ? targetControl() : null;
    if (el) {
      const key = S.pageKey + '|' + (b.setting || '');
      const scroll = S.scrolledKey !== key;
      S.scrolledKey = key;
      ui.highlight(el, text.highlight, scroll, onHighlightLost);
    } else {
      ui.highlight(null);
    }
    // Announce state changes (guide pages only; the feed nudge stays quiet).
    if (b.mode !== 'nudge') {
      const statusKey = S.pageKey + '|' + b.mode + '|' + (b.setting || '') + '|' + (looking ? 'looking' : b.status || '');
      if (statusKey !== S.lastStatusKey) {
        S.lastStatusKey = statusKey;
        if (!looking && text.announce) ui.announce(text.announce);
      }
    }
  }

  /** The ringed switch was replaced by LinkedIn (re-render): read the page again. */
  function onHighlightLost() {
    if (S.advice && S.advice.watch) void sendFull(false);
  }

  // ---------- banner actions ----------

  /** @param {object} event @returns {Promise<boolean>} */
  async function sendEvent(event) {
    const reply = await send({ type: 'event', event });
    return !!(reply && reply.ok);
  }

  /** @param {string} ackText */
  async function afterEvent(ackText) {
    const gen = S.gen;
    // The acknowledgement takes the card's place (no vanish-and-rise) when the banner goes away.
    S.holdCard = !!ackText;
    try { await refresh(); } finally { S.holdCard = false; }
    if (gen !== S.gen || S.dead) return;
    const b = S.advice && S.advice.banner;
    if (!b && ackText) ui.ack(ackText, lastText('close'), lastText('brand'), lastText('lang'));
    else if (ackText) ui.announce(ackText);
  }

  /** Remember the last text so an acknowledgement can still be worded after the banner went away. */
  /** @type {BannerText|null} */
  let lastTextSeen = null;
  /** @param {'close'|'brand'|'lang'} k */
  function lastText(k) {
    const t = S.text || lastTextSeen;
    return t ? String(t[k] || '') : '';
  }

  /** @param {string} action @param {string} [arg] */
  async function onAction(action, arg) {
    if (S.dead) return;
    const b = S.advice && S.advice.banner;
    const text = S.text;
    if (text) lastTextSeen = text;
    const ackText = (/** @type {string} */ k) => (text && text.ack && /** @type {any} */ (text.ack)[k]) || '';
    try {
      switch (action) {
        case 'close':
          if (b && b.mode === 'nudge') S.closedNudge = true; else S.closedHere = true;
          ui.clearCard();
          ui.highlight(null);
          // A closed nudge stays away until tomorrow (the worker remembers it).
          if (b && b.mode === 'nudge') await sendEvent({ type: 'closeNudge' });
          return;
        case 'snooze': {
          const duration = arg === 'week' || arg === 'month' ? arg : 'day';
          if (await sendEvent({ type: 'snooze', duration })) await afterEvent(ackText(duration));
          else showError();
          return;
        }
        case 'dismissAll':
          if (await sendEvent({ type: 'dismissAll' })) await afterEvent(ackText('dismissAll'));
          else showError();
          return;
        case 'keepOn':
          if (b && b.setting && await sendEvent({ type: 'dismiss', setting: b.setting })) await afterEvent(ackText('keepOn'));
          else showError();
          return;
        case 'stopGuide':
          // The core still guides on a setting's own page (the member came here on purpose), so stopping
          // the guide also puts the banner away for this page view.
          if (await sendEvent({ type: 'stopGuide' })) {
            S.closedHere = true;
            ui.highlight(null);
            ui.ack(ackText('stopGuide'), lastText('close'), lastText('brand'), lastText('lang'));
          } else showError();
          return;
        case 'fix':
          await oneClick();
          return;
        default:
      }
    } catch (_) { /* never throw out */ }
  }

  function showError() {
    if (S.dead || !S.text) return;
    setNotice(S.text.error || '', 'error');
    draw();
    if (S.text.error) ui.announce(S.text.error);
  }

  /**
   * The member's click (or one-click) turned the setting off and the page then switched it back on: say the
   * change did not stick, instead of quietly showing "On" again.
   */
  function noticeRevert() {
    const b = S.advice && S.advice.banner;
    if (!b || b.mode === 'nudge' || !b.setting) return;
    if (b.status === 'off' || (b.mode === 'done')) { S.turnedOff = b.setting; return; }
    if (b.status === 'on' && S.turnedOff === b.setting && S.text) {
      S.turnedOff = '';
      setNotice(S.text.reverted || S.text.failed || '', 'error');
      if (S.notice) ui.announce(S.notice);
    }
  }

  /** @param {string} msg @param {'info'|'warn'|'error'} kind */
  function setNotice(msg, kind) {
    S.notice = msg;
    S.noticeKind = kind;
  }

  // ---------- one-click (only after the user's click on "Turn it off for me") ----------

  /** @returns {Promise<void>} */
  function nextFrame() {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => { if (!done) { done = true; resolve(); } };
      try { requestAnimationFrame(finish); } catch (_) { /* ignore */ }
      setTimeout(finish, 100); // background tabs get no frames
    });
  }

  /** @param {number} ms */
  function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

  /**
   * Re-find the same control after LinkedIn re-rendered it (same first key, else same name).
   * @param {Element} el @param {import('./dom.js').SnapshotControl} desc @returns {Element|null}
   */
  function sameControl(el, desc) {
    if (el.isConnected) return el;
    const now = dom.collectControls(document);
    const key = desc.keys[0];
    for (let i = 0; i < now.controls.length; i++) {
      const c = now.controls[i];
      if ((key && c.keys[0] === key) || (!key && desc.name && c.name === desc.name)) return now.elements[i];
    }
    return null;
  }

  async function oneClick() {
    const b = S.advice && S.advice.banner;
    const text = S.text;
    const el = targetControl();
    if (!b || !text || S.busy) return;
    if (!el || dom.readChecked(el) !== true || dom.isDisabled(el)) {
      await sendFull(true); // our picture is stale: read the page again and redraw
      return;
    }
    const gen = S.gen;
    const desc = dom.describeControl(el, new Map());
    S.busy = true;
    setNotice(text.working || '', 'info');
    draw();
    if (text.working) ui.announce(text.working);
    /** @returns {boolean|null} */
    const state = () => { const cur = sameControl(el, desc); return cur ? dom.readChecked(cur) : null; };
    let changed = false;
    try {
      /** @type {HTMLElement} */ (el).click();
      const until = Date.now() + FIX_WAIT_MS;
      while (Date.now() < until && gen === S.gen) {
        await nextFrame();
        if (state() === false) { changed = true; break; }
      }
      if (!changed && gen === S.gen && dom.findDialog(document)) {
        // LinkedIn wants a confirmation: the user confirms in LinkedIn's dialog, never us.
        setNotice(text.confirm || '', 'warn');
        S.confirming = true;
        draw();
        if (text.confirm) ui.announce(text.confirm);
        const until2 = Date.now() + DIALOG_WAIT_MS;
        while (Date.now() < until2 && gen === S.gen) {
          await sleep(200);
          if (state() === false) { changed = true; break; }
          if (!dom.findDialog(document)) { await sleep(SETTLE_MS); changed = state() === false; break; }
        }
      }
    } catch (_) { /* fall through to the honest read-back */ }
    S.confirming = false;
    if (gen !== S.gen) { S.busy = false; return; }
    S.busy = false;
    setNotice('', 'info');
    await nextFrame();
    // Read back: the worker records what the page now says, and its advice says what we show. A switch that
    // just changed is not believed at once: wait for the settled reading before judging.
    await sendFull(true);
    const until3 = Date.now() + CHECKING_WAIT_MS;
    while (gen === S.gen && Date.now() < until3 && S.advice && S.advice.banner && S.advice.banner.status === 'checking') {
      await sleep(200);
    }
    if (gen !== S.gen) return;
    // Success is only what the read-back says; if the page changed but the worker did not confirm it,
    // we say nothing rather than something untrue either way.
    const after = S.advice && S.advice.banner;
    const ok = !!after && (after.mode === 'done' || (after.setting === b.setting && after.status === 'off'));
    if (!ok && !changed && S.text) {
      setNotice(S.text.failed || '', 'error');
      draw();
      if (S.text.failed) ui.announce(S.text.failed);
    }
  }

  // ---------- watching (settings pages only) ----------

  function updateWatch() {
    const a = S.advice;
    if (!a || !a.watch) { if (S.listening || S.observer || S.pollTimer) stopWatch(); return; }
    addInteractionListeners();
    const b = a.banner;
    const missing = !!b && b.mode === 'guide' && b.status === 'notFound';
    // The first "not found" of a page view shows "Looking for the switch…" for a moment (a late switch is
    // common); after that it is said plainly. The page is followed either way.
    if (missing && !S.observeStarted) {
      S.observeStarted = Date.now();
      S.lookingUntil = S.observeStarted + LOOKING_MS;
      clearTimeout(S.lookingTimer);
      // Read once more when the page has had its time: a switch still missing then is reported as missing (a
      // switch found meanwhile is followed already and needs no extra report).
      S.lookingTimer = setTimeout(() => {
        draw();
        const now = S.advice && S.advice.banner;
        if (now && now.mode === 'guide' && now.status === 'notFound') void sendFull(true);
      }, Math.max(LOOKING_MS, dom.PAGE_SETTLE_MS) + 10);
    }
    startObserver(observeRoot());
    startPoll();
  }

  /**
   * What to follow: the identified switch's own section (or its shadow root), else the main landmark while the
   * switch is not found. @returns {Node}
   */
  function observeRoot() {
    const el = targetControl();
    if (el) {
      const root = el.getRootNode();
      if (root !== document) return root;
      return dom.closestAcross(el, dom.SECTION_SELECTOR) || el.parentElement || document.body || document.documentElement;
    }
    return document.getElementById('main') || document.querySelector('main, [role=main]') || document.body || document.documentElement;
  }

  const OBSERVED_ATTRIBUTES = ['aria-checked', 'checked', 'disabled', 'aria-disabled', 'aria-busy', 'aria-hidden',
    'aria-pressed', 'hidden', 'inert', 'class', 'style', 'open'];

  /** @param {Node} root */
  function startObserver(root) {
    if (S.observer && S.observed === root) return;
    stopObserver();
    try {
      const obs = new MutationObserver(onMutations);
      obs.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
      // The switch itself may sit outside the section we found (a shadow host's light tree): watch it too.
      const el = targetControl();
      if (el && !root.contains(el)) obs.observe(el, { attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
      S.observer = obs;
      S.observed = root;
      draw(); // switch the status line to "Looking for the switch…" when it is missing
    } catch (_) { S.observer = null; S.observed = null; }
  }

  function stopObserver() {
    if (S.observer) { try { S.observer.disconnect(); } catch (_) { /* ignore */ } }
    S.observer = null;
    S.observed = null;
    S.mutationQueued = false;
    S.mutationMore = false;
    S.busyFrames = 0;
  }

  /**
   * A script can flip a switch by setting `.checked`, which changes no attribute and fires no event: compare the
   * followed switch's live state twice a second and read the page again when it moved (or left the page).
   */
  function pollSignature() {
    const b = S.advice && S.advice.banner;
    const index = b && typeof b.control === 'number' ? b.control : -1;
    const el = index >= 0 ? S.elements[index] : null;
    if (!el) return '';
    return el.isConnected ? `${dom.readChecked(el)}${dom.isDisabled(el) ? 'd' : ''}` : 'x';
  }

  function startPoll() {
    if (S.pollTimer) return;
    S.pollSig = pollSignature();
    S.pollTimer = setInterval(() => {
      if (S.dead || S.busy) return;
      try { if (document.visibilityState === 'hidden') return; } catch (_) { /* ignore */ }
      const sig = pollSignature();
      if (sig !== S.pollSig) {
        S.pollSig = sig;
        void sendFull(false);
      }
    }, POLL_MS);
  }

  function stopPoll() {
    clearInterval(S.pollTimer);
    S.pollTimer = 0;
  }

  /**
   * The first change after a quiet frame is read straight away (the late switch gets its ring without waiting a
   * frame first), later ones once per frame; a page that keeps changing for more than FLOOD_FRAMES frames is read
   * at most every FLOOD_MS, so a mutation flood cannot make us send a full report every frame.
   */
  function onMutations() {
    if (S.mutationQueued) { S.mutationMore = true; return; }
    S.mutationQueued = true;
    S.mutationMore = false;
    if (S.observer && !S.dead) void sendFull(false);
    if (S.observer && !S.dead) S.pollSig = pollSignature();
    S.busyFrames++;
    const next = () => {
      S.mutationQueued = false;
      if (!S.mutationMore || !S.observer || S.dead) { S.busyFrames = 0; return; }
      onMutations();
    };
    if (S.busyFrames > FLOOD_FRAMES) setTimeout(next, FLOOD_MS);
    else requestAnimationFrame(next);
  }

  /** @param {Event} e */
  function onInteraction(e) {
    try {
      if (S.busy || S.dead || ui.isOurs(e.target)) return;
      if (e.type === 'keyup') {
        const k = /** @type {KeyboardEvent} */ (e).key;
        if (k !== ' ' && k !== 'Enter' && k !== 'Spacebar') return;
      }
      for (const t of S.settleTimers) clearTimeout(t);
      S.settleTimers = [];
      const gen = S.gen;
      requestAnimationFrame(() => {
        if (gen !== S.gen) return;
        S.settleTimers.push(setTimeout(() => { if (gen === S.gen) void sendFull(false); }, SETTLE_MS));
        S.settleTimers.push(setTimeout(() => { if (gen === S.gen) void sendFull(false); }, RECHECK_MS));
      });
    } catch (_) { /* ignore */ }
  }

  const CAPTURE = { capture: true, passive: true };
  function addInteractionListeners() {
    if (S.listening) return;
    try {
      for (const t of ['click', 'change', 'keyup']) document.addEventListener(t, onInteraction, CAPTURE);
      S.listening = true;
    } catch (_) { /* ignore */ }
  }

  function removeInteractionListeners() {
    if (!S.listening) return;
    try {
      for (const t of ['click', 'change', 'keyup']) document.removeEventListener(t, onInteraction, CAPTURE);
    } catch (_) { /* ignore */ }
    S.listening = false;
    for (const t of S.settleTimers) clearTimeout(t);
    S.settleTimers = [];
  }

  function stopWatch() {
    stopObserver();
    stopPoll();
    removeInteractionListeners();
    clearTimeout(S.lookingTimer);
    S.observeStarted = 0;
  }

  // ---------- SPA navigation ----------

  /** @param {boolean} bfcache */
  function onNavigated(bfcache) {
    if (S.dead) return;
    S.gen++;
    if (bfcache) { void refresh(); return; }
    S.pageKey = navigation.currentKey();
    // Leave the old page: no ring, no watching, no stale notices; what the old view showed is not settled.
    dom.markNavigation();
    scheduleSettle(0);
    S.turnedOff = '';
    ui.highlight(null);
    stopWatch();
    S.elements = [];
    S.lastSig = '';
    S.notice = '';
    S.busy = false;
    S.confirming = false;
    S.closedHere = false;
    S.inflight = false;
    S.again = false;
    const gen = S.gen;
    // Let the new page render a little before reading it.
    void nextFrame().then(nextFrame).then(() => { if (gen === S.gen) void refresh(); });
  }

  // ---------- start ----------

  function start() {
    // The nudge bundle may be running here (an in-page navigation from an ordinary page): its card goes.
    try { if (ns.nudge) ns.nudge.stop(); } catch (_) { /* ignore */ }
    try {
      S.pageKey = navigation.currentKey();
      ui.onAction((/** @type {string} */ action, /** @type {string|undefined} */ arg) => { void onAction(action, arg); });
      navigation.subscribe(onNavigated);
      // This bundle starts only on settings pages (the manifest's addresses, or the worker after the core
      // classified the address), so its first report is the full snapshot: no quick report first.
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => { void sendFull(true); }, { once: true });
      } else {
        void sendFull(true);
      }
    } catch (_) { /* never throw out of the content script */ }
  }

  ns.main = Object.freeze({ refresh, state: () => S });
  // The worker calls this after a decision in another tab or the popup. Only a reminder card asks again (an
  // ordinary page this document navigated to); a guide card keeps guiding, whatever the reminders do.
  ns.recheck = () => {
    const b = S.advice && S.advice.banner;
    if (!S.dead && !S.busy && S.drawn && !S.closedNudge && b && b.mode === 'nudge') void refresh();
  };
  start();
})(OptOutPilot);
