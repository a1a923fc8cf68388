// Fast and trustworthy: (1) no network request from any extension context through a whole journey; (2) LinkedIn
// cannot tell the extension is there (resource probes, DOM walk, globals, host element, events, closed root);
// (3) a content script cannot read or write storage.local; (4) hostile pages — main-world prototype lies, a mutation flood, 10,000 switches, a 1 MiB label, HTML in labels —
// cause no content-script error, no hang, no false "off", and page text is never inserted as HTML.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/hardening.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  FIXTURES, CHROMIUM, CHROMIUM_ARGS, routeLinkedIn, waitForShadow, shadowSnapshot, openPopup, recordRequests,
  blockedRequests, collectErrors, screenshot, tabIdOf, shadowClick, sendToWorker,
} from './lib/harness.mjs';
import {
  launch, controlPage, finishSetup, readStore, statesOf, pollUntil, localeMessages, watchPageReports, pageReports,
  watchStateWrites, drainStateWrites, clearStorage,
} from './lib/ext.mjs';
import { watchContentScriptErrors, closedHostFacts, EVENT_RECORDER, pageFacts } from './lib/page.mjs';

/** @typedef {import('playwright-core').Page} Page */

const AI = 'gen-ai-improvement';
const FEED = 'https://www.linkedin.com/feed/';
const AI_PAGE = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const PROBE = 'https://www.linkedin.com/probe/';
/** Fixture served per path; tests swap the AI page's file. */
const table = /** @type {Record<string, string>} */ ({
  '/feed/': 'pages/en/feed.html',
  '/mypreferences/d/settings/data-for-ai-improvement': 'pages/en/data-for-ai-improvement.html',
});

/**
 * A hang turns into a failure: `p` must settle within `ms` (a generous bound, not a performance assertion).
 * @template T @param {Promise<T>} p @param {number} ms @param {string} what @returns {Promise<T>}
 */
function within(p, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (hang)`)), ms); }),
  ]);
}

/**
 * Prototype lies in the page's main world, installed before any script runs. They start lying once parsing is done
 * (readyState is no longer "loading": the moment the content script first reads the page), so LinkedIn's own
 * fixture app still renders the real switch. `?lie=on|off` picks what the lies claim about every switch.
 */
const PROTOTYPE_LIES = `(() => {
  const claim = new URLSearchParams(location.search).get('lie') === 'on';
  const lying = () => document.readyState !== 'loading';
  const captured = [];
  Object.defineProperty(window, '__captured', { value: captured });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { captured.push(this.nodeName); return attach.call(this, Object.assign({}, init, { mode: 'open' })); };
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (lying()) throw new Error('hostile addEventListener');
    return add.call(this, type, fn, opts);
  };
  JSON.stringify = function () { throw new Error('hostile JSON.stringify'); };
  window.MutationObserver = function () { throw new Error('hostile MutationObserver'); };
  for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
    const qsa = proto.querySelectorAll;
    const qs = proto.querySelector;
    proto.querySelectorAll = function (sel) { return lying() ? document.createDocumentFragment().childNodes : qsa.call(this, sel); };
    proto.querySelector = function (sel) { return lying() ? null : qs.call(this, sel); };
  }
  const byId = Document.prototype.getElementById;
  Document.prototype.getElementById = function (id) { return lying() ? null : byId.call(this, id); };
  const checked = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'checked');
  Object.defineProperty(HTMLInputElement.prototype, 'checked', {
    get() { return lying() ? claim : checked.get.call(this); }, set(v) { checked.set.call(this, v); }, configurable: true,
  });
  const get = Element.prototype.getAttribute;
  Element.prototype.getAttribute = function (n) {
    if (lying() && n === 'aria-checked') return String(claim);
    if (lying() && n === 'aria-labelledby') return 'somethingElse';
    return get.call(this, n);
  };
  const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
  Object.defineProperty(Node.prototype, 'textContent', {
    get() { return lying() ? (claim ? 'On' : 'Off') : text.get.call(this); }, set(v) { text.set.call(this, v); }, configurable: true,
  });
})();`;

/** 1,000 DOM mutations every 10 ms (500 insertions + 500 aria-checked flips) inside #main, for as long as the page lives. */
const MUTATION_FLOOD = `(() => {
  let ticks = 0;
  Object.defineProperty(window, '__floodTicks', { get: () => ticks });
  const start = () => {
    const box = document.createElement('div');
    box.setAttribute('aria-hidden', 'true');
    setInterval(() => {
      const main = document.getElementById('main') || document.body;
      if (!box.isConnected) main.appendChild(box);
      if (box.childNodes.length > 2000) box.textContent = '';
      for (let i = 0; i < 500; i++) { const s = document.createElement('span'); s.textContent = 'x'; box.appendChild(s); }
      const kids = box.children;
      for (let i = 0; i < 500 && i < kids.length; i++) kids[i].setAttribute('aria-checked', String((ticks + i) % 2 === 0));
      ticks++;
    }, 10);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true }); else start();
})();`;

/** HTML (as text) in the switch's label, the heading and the title. */
const HTML_LABELS = `document.addEventListener('DOMContentLoaded', () => {
  const payload = '<img src=/xss-img onerror="window.__xss=1"><script src=/xss-script></script><b>bold</b>';
  const label = document.getElementById('allowDataForGenerativeAI');
  if (label) label.textContent = label.textContent + ' ' + payload;
  const h1 = document.querySelector('h1');
  if (h1) h1.textContent = h1.textContent + ' ' + payload;
  document.title = payload + ' | LinkedIn';
}, { once: true });`;

describe('hardening', () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let ext;
  /** @type {Awaited<ReturnType<typeof routeLinkedIn>>} */
  let router;
  /** @type {ReturnType<typeof recordRequests>} */
  let extRequests;
  /** @type {Record<string, string>} */
  let msg;
  /** @type {string[]} */
  let workerErrors;

  /** A page with content-script error capture, a visit, and the content script's report awaited. */
  async function openWatched(/** @type {string} */ url, /** @type {{init?: string}} */ options = {}) {
    const page = await ext.context.newPage();
    if (options.init) await page.addInitScript(options.init);
    const cs = await watchContentScriptErrors(page, ext.extensionId);
    const since = Date.now();
    await page.goto(url);
    return { page, cs, since };
  }

  /** Wait until the stored AI state is `want`; every write on the way must not claim "off" unless `offAllowed`. */
  async function aiStored(/** @type {string} */ want, /** @type {boolean} */ offAllowed) {
    await pollUntil(async () => statesOf((await readStore(ext.worker)).state)[AI], (s) => s === want,
      { timeout: 20_000, what: `the AI setting stored as ${want}` });
    if (!offAllowed) {
      const off = (await drainStateWrites(ext.worker)).filter((w) => statesOf(w.state)[AI] === 'off');
      assert.deepEqual(off, [], 'never stored "off" for a switch that is on');
    }
  }

  async function resetObservations() {
    await clearStorage(ext.worker);
    await ext.worker.evaluate((s) => chrome.storage.local.set({ state: s }), JSON.stringify({ schema: 1, region: 'eu', setupDone: true }));
    await drainStateWrites(ext.worker);
  }

  before(async () => {
    ext = await launch();
    workerErrors = collectErrors(ext.worker);
    extRequests = recordRequests(ext.context);
    msg = await localeMessages('en');
    const ctl = await controlPage(ext.context, ext.extensionId);
    await finishSetup(ctl, 'eu');
    await ctl.close();
    router = await routeLinkedIn(ext.context, (url) => table[url.pathname] ?? null);
    // The probe page: the feed without a CSP, so that only the browser's extension isolation can stop a probe.
    await ext.context.route(PROBE, (route) => route.fulfill({
      status: 200, path: join(FIXTURES, 'pages/en/feed.html'), contentType: 'text/html; charset=utf-8',
    }));
    await watchPageReports(ext.worker);
    await watchStateWrites(ext.worker);
  });
  after(async () => {
    await ext?.close();
  });

  test('a whole journey (feed → setting page → flip the switch → popup → options) makes no network request from the extension', async () => {
    const start = extRequests.length;
    const { page, cs } = await openWatched(FEED);
    await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerNudgeTitle) });
    await page.goto(AI_PAGE);
    await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerStatusOn) });
    // The member flips LinkedIn's switch themselves.
    await page.locator('input[role=switch]').first().click({ force: true });
    await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerStatusOff) || s.text.includes(msg.bannerDoneTitle) });
    await aiStored('off', true);
    const popup = await openPopup(ext.context, ext.extensionId);
    await popup.waitForSelector(`[data-setting="${AI}"][data-state="off"]`, { state: 'attached' }); // collapsed
    const options = await openPopup(ext.context, ext.extensionId, { path: 'pages/options.html' });
    await options.waitForSelector('#recheck-choices input');
    await Promise.all([popup.close(), options.close()]);

    const mine = extRequests.slice(start);
    assert.ok(mine.length > 0, 'extension pages were loaded (the recorder works)');
    assert.deepEqual(mine.filter((r) => !r.url.startsWith(`chrome-extension://${ext.extensionId}/`)), [],
      'the extension only loads its own files');
    assert.deepEqual(blockedRequests(ext.context), [], 'nothing tried to leave the machine (page or extension)');
    assert.deepEqual(router.served.filter((s) => s.status !== 200), [], 'nothing unexpected was fetched from linkedin.com');
    assert.deepEqual(cs.errors, [], 'no content-script errors');
    // Put LinkedIn's fixture switch back on for the next tests.
    await page.evaluate(() => localStorage.clear());
    await cs.detach();
    await page.close();
  });

  test('LinkedIn\'s resource probe (fetch / <img> of chrome-extension://ID/…) cannot tell the extension is installed', async () => {
    const page = await ext.context.newPage();
    await page.goto(PROBE);
    const fake = 'abcdefghijklmnopabcdefghijklmnop';
    const files = ['manifest.json', 'icons/icon-16.png', 'icons/icon-128.png', 'content/watch.js', 'content/signin.js', 'content/nudge.js', 'content/guide.js',
      'pages/popup.html', 'worker/background.js', '_locales/en/messages.json', 'pkg/optout_pilot_core_bg.wasm'];
    const probe = (/** @type {string} */ id) => page.evaluate(async ([id, files]) => {
      /** @type {Record<string, string>} */
      const out = {};
      for (const f of files) {
        const url = `chrome-extension://${id}/${f}`;
        try {
          const r = await fetch(url);
          out[`fetch ${f}`] = `status ${r.status}`;
        } catch (e) {
          out[`fetch ${f}`] = `${/** @type {Error} */ (e).name}: ${/** @type {Error} */ (e).message}`;
        }
        out[`img ${f}`] = await new Promise((resolve) => {
          const img = new Image();
          img.onload = () => resolve('load');
          img.onerror = () => resolve('error');
          img.src = url;
        });
      }
      return out;
    }, /** @type {const} */ ([id, files]));
    const real = await probe(ext.extensionId);
    const other = await probe(fake);
    for (const [k, v] of Object.entries(real)) {
      assert.ok(!/^status|^load$/.test(v), `${k}: must fail, got ${v}`);
    }
    assert.deepEqual(real, other, 'the installed extension answers exactly like an extension that does not exist');
    await page.close();
  });

  test('the page sees nothing of the extension: no extension strings, no new globals, a bare host with a closed root, no events', async () => {
    // Baseline: the same pages in the same Chromium without the extension.
    const plain = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: process.env.OPTOUT_HEADED !== '1' });
    try {
      const ctx = await plain.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
      await ctx.route(/^(https?|wss?|ftp):/i, (r) => r.abort('blockedbyclient'));
      await routeLinkedIn(ctx, (url) => table[url.pathname] ?? null);
      // The reminder card shows once a day and the first test saw it: "remind me again" brings it back.
      await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'unsnooze' } });
      await new Promise((r) => setTimeout(r, 250));
      for (const [url, expectText] of /** @type {const} */ ([[FEED, msg.bannerNudgeTitle], [AI_PAGE, msg.bannerStatusOn]])) {
        const base = await ctx.newPage();
        await base.addInitScript(EVENT_RECORDER);
        await base.goto(url);
        const { page, cs } = await openWatched('about:blank');
        await page.addInitScript(EVENT_RECORDER);
        await page.goto(url);
        await waitForShadow(page, { predicate: (s) => s.text.includes(expectText) });
        // The baseline page gets as long since its own navigation as the extension's page had (its scripts run
        // the same timers), not a fixed guess.
        const elapsed = await page.evaluate(() => performance.now());
        await base.waitForFunction((t) => performance.now() >= t, elapsed);
        const withExt = await page.evaluate(pageFacts);
        const without = await base.evaluate(pageFacts);
        const name = new URL(url).pathname;
        assert.deepEqual(withExt.extensionStrings, [], `${name}: no extension URL in text or attributes (DOM walk)`);
        assert.equal(withExt.outerHtmlHasScheme, false, `${name}: nor in the serialised page`);
        assert.deepEqual(withExt.resources, [], `${name}: no extension resource in resource timing`);
        assert.deepEqual(withExt.sheets, [], `${name}: no extension style sheet`);
        assert.deepEqual(withExt.globals.filter((g) => !without.globals.includes(g)), [], `${name}: no new window globals`);
        assert.deepEqual(withExt.documentKeys.filter((g) => !without.documentKeys.includes(g)), [], `${name}: no new document properties`);
        assert.deepEqual(withExt.htmlAttrs, without.htmlAttrs, `${name}: <html> attributes untouched`);
        assert.deepEqual(withExt.bodyAttrs, without.bodyAttrs, `${name}: <body> attributes untouched`);
        assert.deepEqual(withExt.scripts, without.scripts, `${name}: no script injected into the page`);
        assert.deepEqual(withExt.messages, without.messages, `${name}: no postMessage to the page`);
        assert.deepEqual(withExt.untrusted, without.untrusted, `${name}: no script-dispatched events the page can see`);
        const host = await closedHostFacts(page);
        assert.ok(host, `${name}: the banner has a host`);
        assert.equal(host.shadowRootIsNull, true, `${name}: host.shadowRoot is null for the page (closed)`);
        assert.deepEqual(host.attributeNames, [], `${name}: no id, class, style or data-* on the host`);
        assert.deepEqual(host.ownKeys, [], `${name}: no expando properties on the host`);
        assert.equal(host.childNodes, 0, `${name}: nothing in the host's light DOM`);
        const snap = await shadowSnapshot(page);
        assert.equal(snap?.mode, 'closed');
        assert.deepEqual(snap?.urls, [], `${name}: no extension URL inside the shadow root either`);
        assert.deepEqual(cs.errors, []);
        await cs.detach();
        await page.close();
        await base.close();
      }
    } finally {
      await plain.close();
    }
  });

  for (const [lie, real] of /** @type {const} */ ([['off', 'on'], ['on', 'off']])) {
    test(`main-world prototype lies (claiming every switch is ${lie}) neither crash nor mislead: the real ${real} switch is stored ${real}`, async () => {
      await resetObservations();
      const query = real === 'off' ? `?lie=${lie}&fixtureState=off` : `?lie=${lie}`;
      const { page, cs } = await openWatched(AI_PAGE + query, { init: PROTOTYPE_LIES });
      const errors = collectErrors(page);
      await aiStored(real, real === 'off');
      const want = real === 'on' ? msg.bannerStatusOn : msg.bannerStatusOff;
      const banner = await waitForShadow(page, { predicate: (s) => s.text.includes(want) || (real === 'off' && s.text.includes(msg.bannerDoneTitle)) });
      assert.equal(banner.mode, 'closed');
      // The lies are in force in the page's world…
      const seen = await within(page.evaluate(() => [...document.getElementsByTagName('input')]
        .filter((i) => i.type === 'checkbox').map((i) => i.checked)), 5000, 'page.evaluate');
      assert.ok(seen.length > 0 && seen.every((c) => c === (lie === 'on')), `the page's own world is lied to: ${seen}`);
      // …yet the extension stored what the switch really is (above), and the page could not grab our root.
      const captured = await within(page.evaluate(() => /** @type {any} */ (window).__captured.length), 5000, 'page.evaluate');
      assert.equal(captured, 0, 'the page\'s attachShadow override never saw our host (it cannot open our root)');
      assert.deepEqual(cs.errors, [], 'no content-script errors');
      assert.deepEqual(errors.filter((e) => !/hostile/.test(e)), [], 'no other page errors');
      await cs.detach();
      await page.close();
    });
  }

  test('a mutation flood (1,000 mutations every 10 ms) while the switch renders late: no hang, no message storm, correct result', async () => {
    await resetObservations();
    table['/mypreferences/d/settings/data-for-ai-improvement'] = 'pages/variants/late-render-data-for-ai-improvement.en.html';
    try {
      const { page, cs, since } = await openWatched(AI_PAGE, { init: MUTATION_FLOOD });
      await aiStored('on', false);
      await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerStatusOn) });
      // The page keeps running: the flood's own timer keeps ticking and the page answers.
      const t1 = await within(page.evaluate(() => /** @type {any} */ (window).__floodTicks), 5000, 'page.evaluate');
      await pollUntil(() => within(page.evaluate(() => /** @type {any} */ (window).__floodTicks), 5000, 'page.evaluate'),
        (t) => t >= t1 + 20, { what: 'the flooding page to keep running', timeout: 10_000 });
      const floodTicks = () => within(page.evaluate(() => /** @type {number} */ (/** @type {any} */ (window).__floodTicks)), 5000, 'page.evaluate');
      const reports = (await pageReports(ext.worker)).filter((r) => r.at >= since);
      const ticks = await floodTicks();
      assert.ok(reports.length <= ticks, `coalesced: at most one report per 1,000 mutations (${reports.length} reports, ${ticks} × 1,000 mutations)`);
      // Once the switch is found the content script follows only its section, not the flood beside it: 50,000 more
      // mutations, no report.
      const t2 = await floodTicks();
      await pollUntil(floodTicks, (t) => t >= t2 + 50, { what: '50 more flood ticks', timeout: 15_000 });
      const later = (await pageReports(ext.worker)).filter((r) => r.at >= since);
      assert.equal(later.length, reports.length, 'no more reports while the flood goes on after the switch was found');
      await screenshot(page, 'hardening-mutation-flood');
      assert.deepEqual(cs.errors, []);
      await cs.detach();
      await page.close();
    } finally {
      table['/mypreferences/d/settings/data-for-ai-improvement'] = 'pages/en/data-for-ai-improvement.html';
    }
  });

  for (const [query, want] of /** @type {const} */ ([['', 'on'], ['?fixtureState=off', 'unknown']])) {
    test(`10,000 switches${query ? ' (keyed one off)' : ''}: responsive, bounded report, stored ${want}, never a false "off"`, async () => {
      await resetObservations();
      table['/mypreferences/d/settings/data-for-ai-improvement'] = 'pages/hostile/stress-10000-switches.en.html';
      try {
        const { page, cs, since } = await openWatched(AI_PAGE + query);
        await aiStored(want, false);
        assert.equal(await within(page.evaluate(() => document.querySelectorAll('[role=switch]').length), 5000, 'page.evaluate'), 10_000);
        const banner = await waitForShadow(page);
        assert.ok(!banner.text.includes(msg.bannerStatusOff), 'the banner does not say "off"');
        assert.ok(!banner.text.includes(msg.bannerDoneTitle), 'nor "all done"');
        if (want === 'on') assert.ok(banner.text.includes(msg.bannerStatusOn), 'on: the guide says so');
        const reports = (await pageReports(ext.worker)).filter((r) => r.at >= since);
        assert.ok(reports.every((r) => r.controls <= 5000), `at most 5,000 controls per report: ${reports.map((r) => r.controls)}`);
        assert.deepEqual(cs.errors, []);
        await cs.detach();
        await page.close();
      } finally {
        table['/mypreferences/d/settings/data-for-ai-improvement'] = 'pages/en/data-for-ai-improvement.html';
      }
    });
  }

  test('a 1 MiB label: responsive, bounded report, stored on, a short banner', async () => {
    await resetObservations();
    table['/mypreferences/d/settings/data-for-ai-improvement'] = 'pages/hostile/huge-label-1mb.en.html';
    try {
      const { page, cs, since } = await openWatched(AI_PAGE);
      await aiStored('on', false);
      const len = await within(page.evaluate(() => document.getElementById('allowDataForGenerativeAI')?.textContent?.length ?? 0), 5000, 'page.evaluate');
      assert.equal(len, 1024 * 1024, 'the label really is 1 MiB');
      const banner = await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerStatusOn) });
      assert.ok(banner.text.length < 2000, `the banner stays short (${banner.text.length} chars)`);
      const reports = (await pageReports(ext.worker)).filter((r) => r.at >= since);
      assert.ok(reports.length > 0);
      assert.ok(reports.every((r) => r.bytes < 64 * 1024), `reports are bounded: ${reports.map((r) => r.bytes)} bytes`);
      assert.deepEqual(cs.errors, []);
      await cs.detach();
      await page.close();
    } finally {
      table['/mypreferences/d/settings/data-for-ai-improvement'] = 'pages/en/data-for-ai-improvement.html';
    }
  });

  test('HTML in LinkedIn\'s label, heading and title stays text: nothing is parsed, loaded or run', async () => {
    await resetObservations();
    const servedBefore = router.served.length;
    const { page, cs } = await openWatched(AI_PAGE, { init: HTML_LABELS });
    await aiStored('on', false);
    const banner = await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerStatusOn) });
    assert.doesNotMatch(banner.html, /<img|<script|<b>/i, 'no element from page text in the banner');
    const xss = await page.evaluate(() => /** @type {any} */ (window).__xss);
    assert.equal(xss, undefined, 'no handler ran');
    const fetched = router.served.slice(servedBefore).filter((s) => /xss-/.test(s.url));
    assert.deepEqual(fetched, [], 'nothing named in the page text was fetched');
    assert.deepEqual(cs.errors, []);
    await cs.detach();
    await page.close();
  });

  test('clicks and key presses in the card do not reach the page\'s bubbling listeners (capture-phase ones do: documented)', async () => {
    const { page, cs } = await openWatched('about:blank');
    // The page's own listeners, as a click tracker or a keyboard-shortcut handler registers them.
    await page.addInitScript(`(() => {
      const seen = { bubble: [], capture: [] };
      Object.defineProperty(window, '__pageSaw', { value: seen });
      const fromHost = (e) => e.target instanceof Element && e.target.parentNode === document.documentElement &&
        e.target !== document.head && e.target !== document.body;
      for (const t of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'focusin', 'focusout']) {
        for (const target of [window, document]) {
          target.addEventListener(t, (e) => { if (fromHost(e)) seen.bubble.push(t); });
        }
        window.addEventListener(t, (e) => { if (fromHost(e)) seen.capture.push(t); }, true);
      }
    })();`);
    await page.goto(FEED);
    const snap = await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerNudgeTitle) && s.buttons.length > 0 });
    assert.ok(snap, 'the nudge card is shown');
    // A real click on the card's snooze menu toggle (opens the menu, changes nothing), then a key press there.
    await shadowClick(page, '[data-k=snooze]');
    await page.keyboard.press('Shift');
    const saw = await page.evaluate(() => /** @type {any} */ (window).__pageSaw);
    assert.ok(saw.capture.includes('click') && saw.capture.includes('keydown'),
      `the test's events happened in the card (a capture-phase listener sees them): ${JSON.stringify(saw)}`);
    assert.deepEqual(saw.bubble, [], 'no bubbling listener of the page saw an event from the card');
    assert.deepEqual(cs.errors, []);
    await cs.detach();
    await page.close();
  });

  test('a content script can neither read nor write storage.local: only the worker and the extension\'s pages can', async () => {
    // The card shows once a day; "remind me again" brings it (and its content script) back for this load.
    await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'unsnooze' } });
    const { page, cs } = await openWatched(FEED);
    await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerNudgeTitle) });
    const before = await readStore(ext.worker);
    assert.equal(typeof before.raw, 'object', 'the worker has stored the state');
    const tabId = await tabIdOf(ext.worker, page);
    // Run in the content scripts' isolated world of that tab, with the chrome.* a content script has.
    const [injection] = await ext.worker.evaluate((tabId) => chrome.scripting.executeScript({
      target: { tabId }, world: 'ISOLATED',
      func: async () => {
        /** @param {() => Promise<unknown>} f */
        const attempt = async (f) => {
          try {
            return `allowed: ${JSON.stringify(await f())}`;
          } catch (e) {
            return `refused: ${String(/** @type {any} */ (e)?.message ?? e)}`;
          }
        };
        return {
          runtime: typeof chrome.runtime?.sendMessage,
          read: await attempt(() => chrome.storage.local.get(null)),
          write: await attempt(() => chrome.storage.local.set({ state: '{"schema":1,"setupDone":false}' })),
          remove: await attempt(() => chrome.storage.local.remove('stateProblems')),
        };
      },
    }), tabId);
    const result = /** @type {{runtime: string, read: string, write: string, remove: string}} */ (injection?.result);
    assert.equal(result.runtime, 'function', 'the script ran as a content script (it has chrome.runtime)');
    assert.match(result.read, /^refused/, 'reading storage.local from a content script is refused');
    assert.match(result.write, /^refused/, 'writing storage.local from a content script is refused');
    assert.match(result.remove, /^refused/, 'removing from storage.local in a content script is refused');
    assert.deepEqual((await readStore(ext.worker)).raw, before.raw, 'the stored state is unchanged');
    assert.deepEqual(cs.errors, []);
    await cs.detach();
    await page.close();
  });

  test('no errors in the worker', () => {
    assert.deepEqual(workerErrors, []);
  });
});
