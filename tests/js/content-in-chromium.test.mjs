// @ts-check
// The content scripts (extension/content/*.js) in headless Chromium, without the built extension: the bundles,
// built as the extension's are (tools/build/bundle-content.mjs) but not minified, are served same-origin from
// https://www.linkedin.com/ (so a strict CSP applies to them) and loaded into the page world after a stub
// `browser.runtime.sendMessage` that forwards to a fake worker in node: watch + nudge on ordinary pages, guide on
// settings pages, as the extension loads them. The fake worker loads the guide when asked (`navigated` from a
// settings URL), as the real one does. What the tests look at inside is given by this harness, never by the shipped
// code: spies in the page (observers, listeners, intervals, the closed shadow root) and a probe bundle of dom.js.
// In the page world our code is MORE exposed than in the real isolated world (page CSP, page prototypes), so
// this is a strict test. Spies installed before our scripts count observers and listeners, and capture the
// closed shadow root (the page itself cannot reach it: host.shadowRoot is null).
// Skipped when /usr/bin/chromium (or OPTOUT_CHROMIUM) is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT as root, CHROMIUM, LINKEDIN_CSP as CSP } from '../e2e/lib/env.mjs';
import { bundleContent } from '../../tools/build/bundle-content.mjs';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;
const CONTENT = join(root, 'extension', 'content');
/** The bundles (readable) and the probe, built once. */
const BUILT = mkdtempSync(join(tmpdir(), 'optout-content-'));
/** The bundles' shared record (extension/content/loaded-bundles.js), as the worker's functions reach it. */
const BUNDLES_RECORD = `globalThis[Symbol.for('optout-pilot.bundles')]`;
const isSettings = (/** @type {string} */ url) => /^\/(mypreferences|psettings|settings)(\/|$)/.test(new URL(url).pathname);
const AI_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const NEXT_URL = 'https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin';

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  await bundleContent(CONTENT, BUILT, { minify: false });
  // The page reading of dom.js, for the tests that call it directly: a bundle of its own (test harness only).
  await build({
    stdin: { contents: `import * as dom from './dom.js'; window.__dom = dom;`, resolveDir: CONTENT, sourcefile: 'dom-probe.js' },
    bundle: true, format: 'iife', outfile: join(BUILT, 'dom-probe.js'), logLevel: 'silent',
  });
  if (!skip) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => {
  await browser?.close();
  rmSync(BUILT, { recursive: true, force: true });
});

// Installed before our scripts, in the page world: spies + capture of the closed shadow root.
const SPIES = `
window.__spy = { observers: 0, observed: [], listeners: [], removed: [], roots: [], live: new Set(), intervals: new Set() };
(function () {
  // Count only what our scripts do (Playwright's own injected script also makes an observer).
  const ours = () => String(new Error().stack).includes('/__ext/');
  const MO = window.MutationObserver;
  window.MutationObserver = class extends MO {
    constructor(cb) { super(cb); this.__ours = ours(); if (this.__ours) window.__spy.observers++; }
    observe(t, o) {
      if (this.__ours) { window.__spy.observed.push(t.id || t.nodeName); window.__spy.live.add(this); if (!this.__root) this.__root = t; }
      return super.observe(t, o);
    }
    disconnect() { window.__spy.live.delete(this); return super.disconnect(); }
  };
  const setI = window.setInterval, clearI = window.clearInterval;
  window.setInterval = function (fn, ms, ...rest) { const id = setI.call(window, fn, ms, ...rest); if (ours()) window.__spy.intervals.add(id); return id; };
  window.clearInterval = function (id) { window.__spy.intervals.delete(id); return clearI.call(window, id); };
  const whoIs = (t) => t === document ? 'document' : t === window ? 'window' : t.constructor && t.constructor.name;
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    const who = whoIs(this);
    if ((who === 'document' || who === 'window' || who === 'Navigation') && ours()) window.__spy.listeners.push(who + ':' + type);
    return add.call(this, type, fn, opts);
  };
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const who = whoIs(this);
    if ((who === 'document' || who === 'window') && ours()) window.__spy.removed.push(who + ':' + type);
    return remove.call(this, type, fn, opts);
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const r = attach.call(this, init); window.__spy.roots.push(r); return r; };
})();
window.__sent = [];
window.browser = { runtime: { id: 'test', sendMessage: (m) => { window.__sent.push(JSON.parse(JSON.stringify(m))); return window.__worker(m); } } };
`;

const SWITCH_PAGE = (/** @type {{delay?: number, confirm?: boolean, stuck?: boolean, off?: boolean}} */ o = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data for Generative AI Improvement | LinkedIn</title></head>
<body data-delay="${o.delay ?? 0}" data-confirm="${o.confirm ? 1 : ''}" data-stuck="${o.stuck ? 1 : ''}" data-off="${o.off ? 1 : ''}">
<header><nav><a href="/feed/">Home</a></nav></header><main id="main"></main>
<script src="/__page/settings.js"></script></body></html>`;

const SETTINGS_JS = `(function () {
  const b = document.body;
  function render() {
    const m = document.getElementById('main');
    m.innerHTML = '<section><h1>Data for Generative AI Improvement</h1><div class="row"><p id="allowDataForGenerativeAI">Use my data for training content creation AI models</p>' +
      '<label><span class="st">On</span><input type="checkbox" role="switch" aria-labelledby="allowDataForGenerativeAI"></label></div></section>';
    const i = m.querySelector('input');
    const st = m.querySelector('.st');
    // The state text beside the switch says what it shows (a row that says "On" beside an unchecked switch is not believed).
    const say = () => { st.textContent = i.checked ? 'On' : 'Off'; };
    i.checked = !b.dataset.off;
    say();
    i.addEventListener('change', say);
    i.addEventListener('click', (e) => {
      if (b.dataset.stuck) { e.preventDefault(); return; }
      if (b.dataset.confirm && !i.checked) {
        i.checked = true;
        const d = document.createElement('div');
        d.setAttribute('role', 'alertdialog'); d.setAttribute('aria-modal', 'true');
        d.innerHTML = '<p>Turn off?</p><button id="yes">Turn off</button>';
        d.querySelector('#yes').addEventListener('click', () => { i.checked = false; say(); d.remove(); });
        document.body.appendChild(d);
      }
    });
  }
  const delay = Number(b.dataset.delay);
  if (delay >= 0) setTimeout(render, delay);
})();`;

const FEED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed | LinkedIn</title></head>
<body><main id="main">${'<article><p>Post</p><button aria-pressed="false">Like</button></article>'.repeat(30)}</main></body></html>`;

/**
 * A fake worker: nudge on ordinary pages, guide on the AI setting page (status from the switch).
 * @param {{snoozed?: boolean, fail?: boolean}} state
 */
function fakeWorker(state) {
  return (/** @type {any} */ msg) => {
    if (state.fail) return null;
    if (msg.type === 'event') {
      if (msg.event.type === 'snooze' || msg.event.type === 'dismissAll') state.snoozed = true;
      if (msg.event.type === 'unsnooze' || msg.event.type === 'undismissAll') state.snoozed = false;
      return { ok: true, status: {} };
    }
    const s = msg.snapshot;
    const text = (/** @type {any} */ over) => ({
      lang: 'en', dir: 'ltr', brand: 'OptOut Pilot', region: 'OptOut Pilot guide', close: 'Close', title: 'T', body: '', detail: '',
      step: '', statusKind: '', status: '', looking: 'LOOKING', link: null, fix: '', keepOn: '', stopGuide: '', snooze: null,
      dismissAll: '', highlight: 'Turn this off', announce: '', undo: 'UNDO', working: 'WORKING', confirm: 'CONFIRM', failed: 'FAILED', error: 'ERROR',
      ack: { day: 'ACK-DAY', week: 'ACK-WEEK', month: 'ACK-MONTH', dismissAll: 'ACK-ALL', keepOn: 'ACK-KEEP', stopGuide: 'ACK-STOP' },
      ...over,
    });
    if (new URL(s.url).pathname.startsWith('/mypreferences/d/settings/data-for-ai-improvement')) {
      const idx = s.controls.findIndex((/** @type {any} */ c) => c.keys.includes('allowDataForGenerativeAI'));
      const status = idx < 0 ? 'notFound' : s.controls[idx].checked ? 'on' : 'off';
      const banner = { mode: 'guide', setting: 'gen-ai-improvement', status, control: idx < 0 ? null : idx, step: { index: 1, total: 3 },
        next: { id: 'ads-beyond-linkedin', url: NEXT_URL }, url: AI_URL, remaining: 3, lang: 'en' };
      return {
        advice: { needControls: true, watch: true, banner },
        text: text({ mode: 'guide', stopGuide: 'STOP', statusKind: status, status: 'STATUS-' + status, announce: 'STATUS-' + status,
          fix: status === 'on' ? 'FIX' : '', keepOn: status === 'off' ? '' : 'KEEP',
          link: status === 'off' ? { label: 'NEXT', href: NEXT_URL } : status === 'notFound' ? { label: 'OPEN', href: AI_URL } : null }),
      };
    }
    if (state.snoozed) return { advice: { needControls: false, watch: false, banner: null }, text: null };
    return {
      advice: { needControls: false, watch: false, banner: { mode: 'nudge', remaining: 3, next: { id: 'gen-ai-improvement', url: AI_URL }, lang: 'en' } },
      text: text({ mode: 'nudge', title: 'NUDGE', body: '3 left', link: { label: 'SHOW', href: AI_URL }, closeNudge: 'CLOSE-SESSION',
        snooze: { label: 'LATER', day: 'DAY', week: 'WEEK', month: 'MONTH' }, dismissAll: 'NEVER' }),
    };
  };
}

/**
 * @param {string} path @param {string} html
 * @param {{state?: any, workerDelay?: number, colorScheme?: 'light'|'dark', noInject?: boolean, bundles?: string[]}} [o]
 *   bundles: what the extension would load at first (default: guide.js on settings pages, else watch.js + nudge.js)
 */
async function open(path, html, o = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, colorScheme: o.colorScheme ?? 'light' });
  const state = o.state ?? {};
  const worker = fakeWorker(state);
  /** @type {import('playwright-core').Page|null} */
  let current = null;
  await context.exposeFunction('__worker', async (/** @type {any} */ m) => {
    if (o.workerDelay) await new Promise((r) => setTimeout(r, o.workerDelay));
    if (m && m.type === 'navigated') {
      // The real worker checks the sender's URL and runs chrome.scripting.executeScript(guide.js).
      if (!current || state.fail || !isSettings(current.url())) return { guide: false };
      await inject(current, ['guide.js']);
      return { guide: true };
    }
    return worker(m);
  });
  /** @type {string[]} */
  const errors = [];
  await context.route('https://www.linkedin.com/**', (route) => {
    const p = new URL(route.request().url()).pathname;
    const js = (/** @type {string} */ body) => route.fulfill({ status: 200, contentType: 'text/javascript', body });
    if (p === '/__page/spies.js') return js(SPIES);
    if (p === '/__page/settings.js') return js(SETTINGS_JS);
    if (p.startsWith('/__ext/')) return js(readFileSync(join(BUILT, p.slice(7)), 'utf8'));
    const body = p.startsWith('/mypreferences/') ? (route.request().url().includes('late') ? SWITCH_PAGE({ delay: 700 }) : html) : html;
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': CSP }, body });
  });
  const page = await context.newPage();
  current = page;
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('https://www.linkedin.com' + path);
  if (!o.noInject) {
    await page.addScriptTag({ url: '/__page/spies.js' });
    await inject(page, o.bundles ?? (isSettings(page.url()) ? ['guide.js'] : ['watch.js', 'nudge.js']));
  }
  return { context, page, errors, state };
}

/** Load bundles in order (each carries its own copy of the modules it imports, as in the extension).
 * @param {import('playwright-core').Page} page @param {string[]} [bundles] */
async function inject(page, bundles = ['guide.js']) {
  if (!(await page.evaluate(() => !!(/** @type {any} */ (window).__spy)))) await page.addScriptTag({ url: '/__page/spies.js' });
  for (const b of bundles) await page.addScriptTag({ url: '/__ext/' + b });
}

/** The guide bundle, then dom.js's probe (window.__dom). @param {import('playwright-core').Page} page */
async function injectWithDom(page) {
  await inject(page);
  await page.addScriptTag({ url: '/__ext/dom-probe.js' });
}

/**
 * What the guide follows right now, from the spies: a live observer and what it observes first, a running
 * interval (the switch poll), capture listeners for the member's clicks on the document.
 * @param {import('playwright-core').Page} page
 */
const watching = (page) => page.evaluate(() => {
  const spy = /** @type {any} */ (window).__spy;
  const live = [...spy.live];
  const root = live.length ? live[live.length - 1].__root : null;
  const count = (/** @type {string[]} */ list, /** @type {string} */ x) => list.filter((l) => l === x).length;
  const listening = ['click', 'change', 'keyup'].some((t) => count(spy.listeners, 'document:' + t) > count(spy.removed, 'document:' + t));
  return { observer: live.length > 0, what: root && (root.id || root.nodeName), polling: spy.intervals.size > 0, listening };
});

/** The shadow root of our host that is on the page now (captured by the spy). @param {import('playwright-core').Page} page */
const ROOT = `(() => { const rs = window.__spy.roots.filter((r) => r.host.isConnected); return rs[rs.length - 1] || null; })()`;
/** Text of our card, '' if none. @param {import('playwright-core').Page} page */
const shadowText = (page) => page.evaluate(`(() => {
  const r = ${ROOT};
  const card = r && r.querySelector('.card');
  return card ? card.textContent.replace(/\\s+/g, ' ').trim() : '';
})()`);
/** @param {import('playwright-core').Page} page @param {RegExp} re */
async function waitText(page, re, timeout = 5000) {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = await shadowText(page);
    if (re.test(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${re}; banner: ${JSON.stringify(last)}`);
}
/** The member's click (a real, trusted mouse click at the control's centre; the card accepts no other).
 * @param {import('playwright-core').Page} page @param {string} key */
async function clickOurs(page, key) {
  // A card drawn a moment ago has not been seen yet (it rises in for 180 ms; IntersectionObserver v2 reports
  // 100 ms after that): a member cannot click that fast, and the card ignores such a click.
  await page.waitForTimeout(400);
  const box = await page.evaluate(`(() => { const k = ${JSON.stringify(key)};
    const r = ${ROOT};
    const el = r && r.querySelector('[data-k="' + k + '"]');
    if (!el) throw new Error('no ' + k);
    const b = el.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  })()`);
  await page.mouse.click(box.x, box.y);
}
/** A click from script (el.click(): isTrusted false). @param {import('playwright-core').Page} page @param {string} key */
const scriptClick = (page, key) => page.evaluate(`(() => { const k = ${JSON.stringify(key)};
  const r = ${ROOT};
  const el = r && r.querySelector('[data-k="' + k + '"]');
  if (!el) throw new Error('no ' + k);
  el.click();
})()`);
/** @param {import('playwright-core').Page} page */
const sent = (page) => page.evaluate(() => /** @type {any} */ (window).__sent);
/** LinkedIn navigates in-page (pushState) to the AI setting's page and renders it, switch on.
 * @param {import('playwright-core').Page} page */
const toSettingsInPage = (page) => page.evaluate(() => {
  history.pushState({}, '', '/mypreferences/d/settings/data-for-ai-improvement');
  const m = /** @type {HTMLElement} */ (document.getElementById('main'));
  m.innerHTML = '<h1>Data for Generative AI Improvement</h1><p id="allowDataForGenerativeAI">Use my data</p><input type="checkbox" role="switch" aria-labelledby="allowDataForGenerativeAI" checked>';
});

// ---------- page reading (dom.js) ----------

test('controls: kind, accessible name, keys, context, state and what is seen of them — and nothing else', { skip }, async () => {
  const html = `<!doctype html><html lang="de-DE"><head><title>Einstellungen | LinkedIn</title></head><body><main id="main">
    <h1>Datenschutz</h1>
    <section><h2>Erste Gruppe</h2><div><div>
      <span id="a1">Teil eins</span><span id="a2">Teil zwei</span>
      <input type="checkbox" id="c1" name="n1" aria-labelledby="a1 a2 missing" checked>
    </div></div></section>
    <section><h2>Zweite Gruppe</h2>
      <div role="switch" aria-checked="false" aria-label="  Schalter   zwei "></div>
      <label for="c3">Label für drei</label><input type="checkbox" id="c3" disabled>
      <label>Umhüllt <input type="checkbox" aria-disabled="true"></label>
      <button aria-pressed="true" title="Gedrückt">X</button>
      <span role="menuitemcheckbox" aria-checked="mixed" title="Gemischt"></span>
      <fieldset><legend>Legende</legend><input type="checkbox"></fieldset>
    </section></main></body></html>`;
  const { context, page, errors } = await open('/mypreferences/d/categories/privacy', html, { noInject: true });
  await injectWithDom(page);
  const snap = await page.evaluate(() => /** @type {any} */ (window).__dom.snapshot(true).snapshot);
  assert.deepEqual(Object.keys(snap).sort(), ['controls', 'heading', 'lang', 'loginForm', 'me', 'meConflict', 'meName', 'pageSettled', 'title', 'truncated', 'url', 'v']);
  assert.equal(snap.v, 1);
  assert.equal(snap.lang, 'de-DE');
  assert.equal(snap.heading, 'Datenschutz');
  assert.equal(snap.loginForm, false);
  assert.equal(snap.truncated, false);
  const c = snap.controls;
  assert.equal(c.length, 7);
  const FIELDS = ['busy', 'checked', 'context', 'disabled', 'inert', 'keys', 'kind', 'main', 'name', 'pending', 'section', 'settled', 'shadow', 'visible'];
  for (const x of c) assert.deepEqual(Object.keys(x).sort(), FIELDS);
  /** @param {any} x */
  const core = (x) => ({ kind: x.kind, name: x.name, keys: x.keys, context: x.context, checked: x.checked, disabled: x.disabled });
  assert.deepEqual(core(c[0]), { kind: 'checkbox', name: 'Teil eins Teil zwei', keys: ['a1', 'a2', 'missing', 'c1', 'n1'], context: 'Erste Gruppe', checked: true, disabled: false });
  assert.deepEqual(core(c[1]), { kind: 'switch', name: 'Schalter zwei', keys: [], context: 'Zweite Gruppe', checked: false, disabled: false });
  assert.deepEqual(core(c[2]), { kind: 'checkbox', name: 'Label für drei', keys: ['c3'], context: 'Zweite Gruppe', checked: false, disabled: true });
  // Seen on a first reading: shown, in main, in their sections — and not settled yet.
  assert.deepEqual([c[0].visible, c[0].main, c[0].shadow, c[0].inert, c[0].busy, c[0].settled], [true, true, false, false, false, false]);
  assert.equal(c[0].section, 0);
  assert.equal(c[1].section, 1);
  assert.notEqual(c[6].section, c[1].section, 'the fieldset is its own section');
  assert.equal(c[3].name, 'Umhüllt');
  assert.equal(c[3].disabled, true);
  assert.deepEqual([c[4].kind, c[4].name, c[4].checked], ['button', 'Gedrückt', true]);
  assert.deepEqual([c[5].kind, c[5].checked], ['other', null]);
  assert.equal(c[6].context, 'Legende');
  assert.deepEqual(errors, []);
  await context.close();
});

test('caps: names and context at 500 chars, keys at 100 chars and 5 keys, controls at 5,000 (truncated)', { skip }, async () => {
  const long = 'x'.repeat(5000);
  const key = 'k'.repeat(300);
  const html = `<!doctype html><html lang="en"><body><main id="main"><h2>${'H '.repeat(2000)}</h2>
    <p id="${key}">${'Very long label. '.repeat(70000)}</p>
    <input type="checkbox" aria-labelledby="${key} b c d e f g" id="i" name="n">
    <input type="checkbox" aria-label="${long}">
    ${'<input type="checkbox">'.repeat(5100)}</main></body></html>`;
  const { context, page } = await open('/mypreferences/d/categories/privacy', html, { noInject: true });
  await injectWithDom(page);
  // How long this takes is a figure of bench/lib/snapshot.mjs, not an assertion here.
  const r = await page.evaluate(() => {
    const s = /** @type {any} */ (window).__dom.snapshot(true).snapshot;
    return { n: s.controls.length, truncated: s.truncated, c0: s.controls[0], c1: s.controls[1] };
  });
  assert.equal(r.n, 5000);
  assert.equal(r.truncated, true);
  assert.ok(r.c0.name.length <= 500 && r.c0.name.startsWith('Very long label.'));
  assert.equal(r.c0.keys.length, 5);
  assert.ok(r.c0.keys.every((/** @type {string} */ k) => k.length <= 100));
  assert.ok(r.c0.context.length <= 500);
  assert.equal(r.c1.name.length, 500);
  await context.close();
});

test('a hostile page that breaks DOM prototypes cannot make the content script throw', { skip }, async () => {
  const { context, page, errors } = await open('/mypreferences/d/categories/privacy', '<!doctype html><html><body><main id="main"><input type="checkbox"></main></body></html>', { noInject: true });
  await page.evaluate(() => {
    Element.prototype.getAttribute = () => { throw new Error('hostile'); };
    Document.prototype.createTreeWalker = () => { throw new Error('hostile'); };
    Element.prototype.closest = () => { throw new Error('hostile'); };
  });
  await injectWithDom(page);
  const r = await page.evaluate(() => {
    try { return { ok: true, n: /** @type {any} */ (window).__dom.snapshot(true).snapshot.controls.length }; } catch (e) { return { ok: false, e: String(e) }; }
  });
  assert.equal(r.ok, true, JSON.stringify(r));
  await page.evaluate(() => { Document.prototype.querySelectorAll = () => { throw new Error('hostile'); }; });
  const r2 = await page.evaluate(() => /** @type {any} */ (window).__dom.snapshot(true).snapshot.controls.length);
  assert.equal(r2, 0);
  assert.deepEqual(errors.filter((e) => !/hostile/.test(e)), []);
  await context.close();
});

// ---------- lifecycle, feed policy, banner host ----------

test('feed: one minimal snapshot, a nudge in a plain attribute-less host with a closed shadow root, nothing observed', { skip }, async () => {
  const { context, page, errors } = await open('/feed/', FEED_PAGE);
  await waitText(page, /NUDGE/);
  const msgs = await sent(page);
  assert.equal(msgs.length, 1);
  assert.equal(msgs[0].type, 'page');
  assert.deepEqual(msgs[0].snapshot.controls, [], 'no controls gathered on the feed');
  const info = await page.evaluate(() => {
    // The host sits right before <body>: first in the tab order.
    const host = document.body.previousElementSibling;
    const spy = /** @type {any} */ (window).__spy;
    const root = spy.roots.filter((/** @type {any} */ r) => r.host.isConnected).pop();
    return {
      tag: host && host.nodeName, attrs: host ? host.attributes.length : -1, open: host && host.shadowRoot, mode: root.mode,
      observers: spy.observers, listeners: spy.listeners, html: document.documentElement.outerHTML,
      link: root.querySelector('a') && root.querySelector('a').href, region: root.querySelector('[role=region]')?.getAttribute('aria-label'),
      live: !!root.querySelector('[aria-live=polite]'), adopted: root.adoptedStyleSheets.length,
    };
  });
  assert.equal(info.tag, 'DIV');
  assert.equal(info.attrs, 0, 'host has no id/class/attributes');
  assert.equal(info.open, null, 'shadow root is closed');
  assert.equal(info.mode, 'closed');
  assert.equal(info.observers, 0, 'no MutationObserver on the feed');
  assert.deepEqual(info.listeners.filter((/** @type {string} */ l) => /:(click|change|keyup|scroll|resize|focus|visibilitychange)$/.test(l)), [], 'no click/scroll listeners on the feed');
  assert.doesNotMatch(info.html, /chrome-extension:|moz-extension:/);
  assert.equal(info.link, AI_URL);
  assert.equal(info.region, 'OptOut Pilot guide');
  assert.ok(info.live);
  assert.equal(info.adopted, 1, 'constructed stylesheet works under a strict style-src CSP');
  assert.deepEqual(errors, []);
  await context.close();
});

test('snooze from the nudge: event sent, advice re-requested, acknowledgement shown', { skip }, async () => {
  const { context, page } = await open('/feed/', FEED_PAGE);
  await waitText(page, /NUDGE/);
  await clickOurs(page, 'snooze');
  await clickOurs(page, 'snooze-week');
  await waitText(page, /ACK-WEEK/);
  const cls = await page.evaluate(`(() => { const r = ${ROOT}; return r.querySelector('.card').className; })()`);
  assert.equal(cls, 'card', 'the acknowledgement took the card\'s place (no second rise-in)');
  const msgs = await sent(page);
  assert.deepEqual(msgs[1], { type: 'event', event: { type: 'snooze', duration: 'week' } });
  assert.equal(msgs[2].type, 'page');
  await context.close();
});

test('a click from script (isTrusted false) or on a card covered by a top-layer popover decides nothing; the card stays', { skip }, async () => {
  const { context, page } = await open('/feed/', FEED_PAGE);
  await waitText(page, /NUDGE/);
  await page.waitForTimeout(400);
  await scriptClick(page, 'dismissAll');
  await scriptClick(page, 'close');
  // A transparent popover that lets clicks through, over the whole page (the top layer is above any z-index).
  await page.evaluate(() => {
    const p = document.createElement('div');
    p.setAttribute('popover', 'manual');
    p.style.cssText = 'pointer-events:none;background:transparent;border:0;inset:0;width:100vw;height:100vh;margin:0;padding:0';
    document.body.appendChild(p);
    /** @type {any} */ (p).showPopover();
  });
  await clickOurs(page, 'dismissAll');
  await clickOurs(page, 'close');
  await page.waitForTimeout(300);
  assert.match(await shadowText(page), /NUDGE/, 'the card is still there');
  assert.equal((await sent(page)).filter((/** @type {any} */ m) => m.type === 'event').length, 0, 'no decision sent');
  // Without the cover, the member's click counts, and the acknowledgement offers an Undo.
  await page.evaluate(() => /** @type {any} */ (document.querySelector('[popover]')).hidePopover());
  await clickOurs(page, 'dismissAll');
  await waitText(page, /ACK-ALL/);
  await clickOurs(page, 'undo');
  await waitText(page, /NUDGE/);
  const events = (await sent(page)).filter((/** @type {any} */ m) => m.type === 'event').map((/** @type {any} */ m) => m.event);
  assert.deepEqual(events, [{ type: 'dismissAll' }, { type: 'undismissAll' }]);
  await context.close();
});

test('close hides the nudge at once and tells the worker (closeNudge), without waiting for it', { skip }, async () => {
  const { context, page } = await open('/feed/', FEED_PAGE, { workerDelay: 400 });
  await waitText(page, /NUDGE/);
  const label = await page.evaluate(`(() => { const r = ${ROOT}; const x = r && r.querySelector('[data-k="close"]'); return x && [x.getAttribute('aria-label'), x.title]; })()`);
  assert.deepEqual(label, ['CLOSE-SESSION', 'CLOSE-SESSION'], 'the close button says how long it lasts');
  await clickOurs(page, 'close');
  assert.equal(await shadowText(page), '', 'gone before the worker answers');
  const messages = await sent(page);
  assert.deepEqual(messages.slice(1), [{ type: 'event', event: { type: 'closeNudge' } }]);
  await page.waitForTimeout(600);
  assert.equal(await shadowText(page), '', 'nothing comes back after the answer');
  assert.equal((await sent(page)).length, 2, 'no report after closing');
  await context.close();
});

test('recheck (the worker, after a decision in another tab or the popup): the card asks again and goes', { skip }, async () => {
  const { context, page, state } = await open('/feed/', FEED_PAGE);
  await waitText(page, /NUDGE/);
  state.snoozed = true; // snoozed from the popup, say
  await page.evaluate(`${BUNDLES_RECORD}.recheck()`);
  await waitText(page, /^$/);
  const reports = (await sent(page)).filter((/** @type {any} */ m) => m.type === 'page');
  assert.equal(reports.length, 2, 'one more quick report');
  assert.equal(reports[1].snapshot.controls.length, 0);
  state.snoozed = false; // "Undo" in the popup
  await page.evaluate(`${BUNDLES_RECORD}.recheck()`);
  await waitText(page, /NUDGE/);
  await context.close();
});

test('no worker answer (extension reloaded): nothing drawn, nothing thrown', { skip }, async () => {
  const { context, page, errors } = await open('/feed/', FEED_PAGE, { state: { fail: true } });
  await page.waitForTimeout(300);
  assert.equal(await shadowText(page), '');
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------- settings pages ----------

test('setting page: the full snapshot at once, guide with highlight ring, read-back after the user flips the switch', { skip }, async () => {
  const { context, page, errors } = await open('/mypreferences/d/settings/data-for-ai-improvement', SWITCH_PAGE());
  await waitText(page, /STATUS-on/);
  const ring = await page.evaluate(() => {
    const r = /** @type {any} */ (window).__spy.roots.filter((/** @type {any} */ r) => r.host.isConnected).pop().querySelector('.ring');
    const sw = document.querySelector('input[role=switch]');
    if (!r || !sw) return null;
    const a = r.getBoundingClientRect(), b = sw.getBoundingClientRect();
    return { hidden: r.hidden, covers: a.left <= b.left && a.top <= b.top && a.right >= b.right && a.bottom >= b.bottom, label: r.textContent,
      untouched: sw.getAttributeNames().sort().join(',') };
  });
  assert.ok(ring && !ring.hidden && ring.covers, JSON.stringify(ring));
  assert.equal(ring.label, 'Turn this off');
  assert.equal(ring.untouched, 'aria-labelledby,role,type', 'nothing added to LinkedIn\'s element');
  const msgs = await sent(page);
  // The guide bundle starts only on settings pages: no quick report first, one round trip to the banner.
  assert.equal(msgs[0].type, 'page');
  assert.equal(msgs[0].snapshot.controls[0].checked, true);
  assert.equal(msgs[0].snapshot.heading, 'Data for Generative AI Improvement');
  await page.click('input[role=switch]');
  await waitText(page, /STATUS-off/);
  const last = (await sent(page)).at(-1);
  assert.equal(last.snapshot.controls[0].checked, false);
  const noRing = await page.evaluate(() => !/** @type {any} */ (window).__spy.roots.filter((/** @type {any} */ r) => r.host.isConnected).pop().querySelector('.ring'));
  assert.ok(noRing, 'ring removed once off');
  assert.deepEqual(errors, []);
  await context.close();
});

test('late render: observes #main while looking, then follows the found switch\'s section (not the document)', { skip }, async () => {
  const { context, page } = await open('/mypreferences/d/settings/data-for-ai-improvement?late', '');
  await waitText(page, /LOOKING/);
  await waitText(page, /STATUS-on/, 5000);
  const spy = await page.evaluate(() => /** @type {any} */ (window).__spy);
  assert.equal(spy.observed[0], 'main');
  assert.ok(!spy.observed.includes('HTML') && !spy.observed.includes('#document'), JSON.stringify(spy.observed));
  const st = await watching(page);
  assert.equal(st.observer, true, 'the switch is followed for the life of the page');
  assert.notEqual(st.what, 'HTML');
  assert.equal(st.polling, true);
  await context.close();
});

test('one-click: only after the button, reads back and reports the worker\'s state', { skip }, async () => {
  const { context, page } = await open('/mypreferences/d/settings/data-for-ai-improvement', SWITCH_PAGE());
  await waitText(page, /FIX/);
  assert.equal(await page.isChecked('input[role=switch]'), true, 'nothing flipped before the click');
  await clickOurs(page, 'fix');
  await waitText(page, /STATUS-off/);
  assert.equal(await page.isChecked('input[role=switch]'), false);
  assert.doesNotMatch(await shadowText(page), /FAILED/);
  await context.close();
});

test('one-click with a LinkedIn confirmation dialog: asks the user to confirm, never clicks it', { skip }, async () => {
  const { context, page } = await open('/mypreferences/d/settings/data-for-ai-improvement', SWITCH_PAGE({ confirm: true }));
  await waitText(page, /FIX/);
  await clickOurs(page, 'fix');
  await waitText(page, /CONFIRM/, 6000);
  assert.equal(await page.isChecked('input[role=switch]'), true);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[role=alertdialog]').count(), 1, 'the dialog is left to the user');
  await page.click('#yes');
  await waitText(page, /STATUS-off/, 5000);
  await context.close();
});

test('one-click that does not take: honest failure message', { skip }, async () => {
  const { context, page } = await open('/mypreferences/d/settings/data-for-ai-improvement', SWITCH_PAGE({ stuck: true }));
  await waitText(page, /FIX/);
  await clickOurs(page, 'fix');
  await waitText(page, /FAILED/, 6000);
  assert.match(await shadowText(page), /STATUS-on/);
  await context.close();
});

test('SPA navigation (pushState) restarts on the new URL and drops the old page\'s watchers', { skip }, async () => {
  const { context, page } = await open('/feed/', FEED_PAGE);
  await waitText(page, /NUDGE/);
  await toSettingsInPage(page);
  await waitText(page, /STATUS-on/);
  const all = await sent(page);
  assert.equal(all.filter((/** @type {any} */ m) => m.type === 'navigated').length, 1, 'watch.js asked for the guide once');
  await page.waitForTimeout(100);
  const hosts = await page.evaluate(() => /** @type {any} */ (window).__spy.roots.filter((/** @type {any} */ r) => r.host.isConnected).length);
  assert.equal(hosts, 1, 'the nudge put its card away when the guide took over');
  const urls = all.filter((/** @type {any} */ m) => m.type === 'page').map((/** @type {any} */ m) => new URL(m.snapshot.url).pathname);
  assert.deepEqual(urls.slice(0, 1), ['/feed/']);
  assert.ok(urls.includes('/mypreferences/d/settings/data-for-ai-improvement'));
  await page.evaluate(() => history.pushState({}, '', '/feed/'));
  await waitText(page, /NUDGE/);
  const st = await watching(page);
  assert.deepEqual({ listening: st.listening, observer: st.observer, polling: st.polling }, { listening: false, observer: false, polling: false });
  const ring = await page.evaluate(() => !!/** @type {any} */ (window).__spy.roots.filter((/** @type {any} */ r) => r.host.isConnected).pop().querySelector('.ring'));
  assert.equal(ring, false);
  // The guide's nudge also answers the worker's recheck.
  const before = (await sent(page)).length;
  await page.evaluate(`${BUNDLES_RECORD}.recheck()`);
  await page.waitForTimeout(100);
  assert.equal((await sent(page)).length, before + 1, 'one quick report');
  await waitText(page, /NUDGE/);
  // The guide's nudge closes like the nudge bundle's: at once, and the worker is told (closeNudge).
  await clickOurs(page, 'close');
  await waitText(page, /^$/);
  assert.deepEqual((await sent(page)).pop(), { type: 'event', event: { type: 'closeNudge' } });
  await context.close();
});

test('nothing to say (only watch.js loaded): no message and no card at load; an in-page navigation to a settings page loads the guide', { skip }, async () => {
  const { context, page, errors } = await open('/feed/', FEED_PAGE, { state: { snoozed: true }, bundles: ['watch.js'] });
  await page.waitForTimeout(200);
  assert.deepEqual(await sent(page), [], 'watch.js sends nothing while the page stays where it is');
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__spy.roots.length), 0);
  await page.evaluate(() => history.pushState({}, '', '/feed/?sort=recent'));
  await page.waitForTimeout(100);
  assert.deepEqual(await sent(page), [], 'same path, other query: not a navigation to another page');
  await toSettingsInPage(page);
  await waitText(page, /STATUS-on/);
  const msgs = await sent(page);
  assert.equal(msgs[0].type, 'navigated');
  const full = msgs.find((/** @type {any} */ m) => m.type === 'page' && m.snapshot.controls.length === 1);
  assert.ok(full, 'the guide sent the settings page with its switch');
  assert.equal(full.snapshot.controls[0].checked, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without the Navigation API (older Firefox): watch.js notices a click that navigates in-page', { skip }, async () => {
  const html = FEED_PAGE.replace('<main id="main">', '<main id="main"><a id="go" href="/mypreferences/d/settings/data-for-ai-improvement">Settings</a>');
  const { context, page, errors } = await open('/feed/', html, { state: { snoozed: true }, noInject: true });
  await page.evaluate(() => Object.defineProperty(window, 'navigation', { value: undefined, configurable: true }));
  await page.addScriptTag({ url: '/__page/spies.js' });
  await inject(page, ['watch.js']);
  await page.evaluate(() => document.getElementById('go')?.addEventListener('click', (e) => {
    e.preventDefault();
    history.pushState({}, '', '/mypreferences/d/settings/data-for-ai-improvement');
    const m = /** @type {HTMLElement} */ (document.getElementById('main'));
    m.innerHTML = '<h1>Data for Generative AI Improvement</h1><p id="allowDataForGenerativeAI">Use my data</p><input type="checkbox" role="switch" aria-labelledby="allowDataForGenerativeAI">';
  }));
  const listeners = await page.evaluate(() => /** @type {any} */ (window).__spy.listeners);
  assert.ok(listeners.includes('window:click') && listeners.includes('window:popstate'), `fallback listeners: ${listeners}`);
  await page.click('#go');
  await waitText(page, /STATUS-off/);
  const msgs = await sent(page);
  assert.equal(msgs.filter((/** @type {any} */ m) => m.type === 'navigated').length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark mode and keyboard: banner is reachable with Tab and shows a visible focus ring', { skip }, async () => {
  const { context, page } = await open('/feed/', FEED_PAGE, { colorScheme: 'dark' });
  await waitText(page, /NUDGE/);
  const bg = await page.evaluate(() => getComputedStyle(/** @type {any} */ (window).__spy.roots.filter((/** @type {any} */ r) => r.host.isConnected).pop().querySelector('.card')).backgroundColor);
  assert.equal(bg, 'rgb(31, 37, 43)');
  // The banner's host comes first in the tab order: the first Tab from the top of the page reaches it.
  await page.evaluate(() => { /** @type {HTMLElement|null} */ (document.activeElement)?.blur(); });
  await page.keyboard.press('Tab');
  const f = await page.evaluate(() => {
    const r = /** @type {any} */ (window).__spy.roots.filter((/** @type {any} */ r) => r.host.isConnected).pop();
    const a = r.activeElement;
    return a ? { k: a.dataset.k, outline: getComputedStyle(a).outlineStyle } : null;
  });
  assert.ok(f && f.k, 'focus moved into the banner');
  assert.equal(f.outline, 'solid');
  await context.close();
});

test('guide actions: "Keep this on" sends dismiss{setting}; "Stop the guide" sends stopGuide and puts the banner away; each has an Undo', { skip }, async () => {
  const { context, page } = await open('/mypreferences/d/settings/data-for-ai-improvement', SWITCH_PAGE());
  const events = async () => (await sent(page)).filter((/** @type {any} */ m) => m.type === 'event').map((/** @type {any} */ m) => m.event);
  await waitText(page, /KEEP/);
  await clickOurs(page, 'keepOn');
  await page.waitForFunction(() => /** @type {any} */ (window).__sent.some((/** @type {any} */ m) => m.type === 'event'));
  assert.deepEqual(await events(), [{ type: 'dismiss', setting: 'gen-ai-improvement' }]);
  // The guide stays on its setting's page (this fake worker keeps advising it): the acknowledgement is the card's
  // notice, with the Undo of the decision next to it.
  await waitText(page, /ACK-KEEP[\s\S]*UNDO/);
  await clickOurs(page, 'undo');
  await page.waitForFunction(() => /** @type {any} */ (window).__sent.filter((/** @type {any} */ m) => m.type === 'event').length === 2);
  assert.deepEqual((await events()).at(-1), { type: 'undismiss', setting: 'gen-ai-improvement' });
  await waitText(page, /^(?![\s\S]*ACK-KEEP)[\s\S]*KEEP/); // the guide card again, without the acknowledgement

  await clickOurs(page, 'stopGuide');
  await waitText(page, /ACK-STOP/);
  assert.deepEqual((await events()).at(-1), { type: 'stopGuide' });
  const ring = await page.evaluate(() => !!/** @type {any} */ (window).__spy.roots.filter((/** @type {any} */ r) => r.host.isConnected).pop().querySelector('.ring'));
  assert.equal(ring, false, 'no highlight after stopping the guide');
  // Undo: the guide is back on this page at once.
  await clickOurs(page, 'undo');
  await waitText(page, /KEEP/);
  assert.deepEqual((await events()).at(-1), { type: 'resumeGuide' });
  await context.close();
});

test('pending: an enabled Save / Cancel, "unsaved changes", a failed or running save, a confirm dialog', { skip }, async () => {
  const sw = (/** @type {string} */ id, extra = '') =>
    `<p id="${id}">Use my data</p><input type="checkbox" role="switch" aria-labelledby="${id}" ${extra}>`;
  const html = `<!doctype html><html lang="en"><head><title>Settings | LinkedIn</title></head><body><main id="main">
    <h1>Privacy</h1>
    <section id="s-save">${sw('a')}<footer><button>Save</button><button>Cancel</button></footer></section>
    <section id="s-disabled">${sw('b')}<button disabled>Save</button><button aria-disabled="true">Cancel</button></section>
    <div id="panel" role="region" aria-label="Panel"><section>${sw('c')}</section><div class="bar"><button>Speichern</button></div></div>
    <section id="s-other">${sw('d')}<p>Settings saved</p></section>
    <section id="s-text">${sw('e')}<p>You have unsaved changes.</p></section>
    <form id="f-classic">${sw('f', 'checked')}<button>Save changes</button></form>
    <form id="f-edited">${sw('g', 'checked')}<input type="submit" value="Update"></form>
    <form id="f-pair">${sw('h')}<button type="submit">Enregistrer</button><button type="button">Annuler</button></form>
    <section id="s-hidden">${sw('i')}<button style="display:none">Save</button></section>
  </main></body></html>`;
  const { context, page, errors } = await open('/mypreferences/d/categories/privacy', html, { noInject: true });
  await injectWithDom(page);
  // The member (or the page) changed the edited form's switch: it no longer shows what was loaded.
  await page.evaluate(() => { /** @type {HTMLInputElement} */ (document.querySelector('#f-edited input')).checked = false; });
  const read = () => page.evaluate(() => /** @type {any} */ (window).__dom.snapshot(true).snapshot.controls.map((/** @type {any} */ c) => c.pending));
  // a: Save + Cancel in its section; b: both disabled; c: a Save beside its section, in the panel holding it; d: a
  // "saved" text; e: "unsaved changes" in its section; f: a form with an enabled Save (its values are not saved); g: a form with
  // a submit; h: a save and a cancel together in a form (French); i: a Save nobody sees.
  assert.deepEqual(await read(), [true, false, true, false, true, true, true, true, false]);
  // A live region saying a save is running (or failed) makes every switch pending; a "saved" toast does not.
  await page.evaluate(() => {
    const s = document.createElement('div');
    s.setAttribute('role', 'status');
    s.id = 'toast';
    s.textContent = 'Settings saved';
    document.body.append(s);
  });
  assert.deepEqual(await read(), [true, false, true, false, true, true, true, true, false]);
  await page.evaluate(() => { /** @type {HTMLElement} */ (document.getElementById('toast')).textContent = 'Saving…'; });
  assert.ok((await read()).every(Boolean), 'saving: every switch pending');
  await page.evaluate(() => { /** @type {HTMLElement} */ (document.getElementById('toast')).textContent = 'Couldn’t save your setting. Try again.'; });
  assert.ok((await read()).every(Boolean), 'a failed save: every switch pending');
  await page.evaluate(() => { /** @type {HTMLElement} */ (document.getElementById('toast')).remove(); });
  // A confirm dialog over the page: every switch outside it is pending; one inside a dialog (the editor) is not.
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.setAttribute('role', 'alertdialog');
    d.id = 'confirm';
    d.innerHTML = '<p>Turn off?</p><button>Turn off</button>';
    document.body.append(d);
  });
  assert.ok((await read()).every(Boolean), 'a confirm dialog open: nothing is saved yet');
  await page.evaluate(() => {
    /** @type {HTMLElement} */ (document.getElementById('confirm')).remove();
    const d = document.createElement('dialog');
    d.innerHTML = '<p id="z">Use my data</p><input type="checkbox" role="switch" aria-labelledby="z"><button>Done</button>';
    document.body.append(d);
    d.showModal();
  });
  const last = await read();
  assert.equal(last[last.length - 1], false, 'the switch inside the open dialog (the editor itself) is not pending');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a choice of exactly On and Off (radio group, <select>) is one switch named and keyed by its group; else none', { skip }, async () => {
  const radios = (/** @type {string} */ n, /** @type {string[]} */ labels, /** @type {number} */ at) => labels
    .map((l, i) => `<label><input type="radio" name="${n}" value="${i}"${i === at ? ' checked' : ''}> ${l}</label>`).join('');
  const html = `<!doctype html><html lang="en"><head><title>Settings | LinkedIn</title></head><body><main id="main">
    <h1>Privacy</h1>
    <section><fieldset role="radiogroup" aria-labelledby="g1"><legend id="g1">Use my data for training</legend>${radios('a', ['On', 'Off'], 1)}</fieldset></section>
    <section><fieldset><legend>Three ways</legend>${radios('b', ['On', 'Off', 'Only contacts'], 1)}</fieldset></section>
    <section><span id="g2">Role radios</span><div role="radiogroup" aria-labelledby="g2">
      <div role="radio" aria-checked="true" tabindex="0">On</div><div role="radio" aria-checked="false" tabindex="-1">Off</div></div></section>
    <section><label for="s1">Use my age</label><select id="s1" name="allowAdsByAge"><option selected>On</option><option>Off</option></select></section>
    <section><label for="s2">Three options</label><select id="s2"><option>On</option><option selected>Off</option><option>Auto</option></select></section>
    <section><label for="s3">Another language</label><select id="s3"><option>An</option><option selected>Aus</option></select></section>
    <section><fieldset><legend>None selected</legend>${radios('c', ['On', 'Off'], -1)}</fieldset></section>
  </main></body></html>`;
  const { context, page, errors } = await open('/mypreferences/d/categories/privacy', html, { noInject: true });
  await injectWithDom(page);
  const c = await page.evaluate(() => /** @type {any} */ (window).__dom.snapshot(true).snapshot.controls);
  /** @param {any} x */
  const core = (x) => ({ kind: x.kind, name: x.name, keys: x.keys, checked: x.checked, disabled: x.disabled, visible: x.visible, pending: x.pending });
  assert.deepEqual(c.map(core), [
    { kind: 'other', name: 'Use my data for training', keys: ['g1'], checked: false, disabled: false, visible: true, pending: false },
    // three options: no switch at all (and no radio of it either)
    { kind: 'other', name: 'Role radios', keys: ['g2'], checked: true, disabled: false, visible: true, pending: false },
    { kind: 'other', name: 'Use my age', keys: ['s1', 'allowAdsByAge'], checked: true, disabled: false, visible: true, pending: false },
    // a three-option select, and An/Aus on an English page: none
    { kind: 'other', name: 'None selected', keys: [], checked: null, disabled: false, visible: true, pending: false },
  ]);
  // In a form with an enabled Save: not saved yet (a Save whose form holds no checkbox or switch acts, as before, on
  // all of main: the other choices turn pending too).
  await page.evaluate(() => {
    const f = document.createElement('form');
    f.innerHTML = '<fieldset aria-labelledby="g3"><legend id="g3">In a form</legend><label><input type="radio" name="d" checked> Off</label>' +
      '<label><input type="radio" name="d"> On</label></fieldset>' +
      '<label for="s4">Form select</label><select id="s4"><option>On</option><option selected>Off</option></select><button>Save</button>';
    /** @type {HTMLElement} */ (document.getElementById('main')).append(f);
  });
  const formed = await page.evaluate(() => /** @type {any} */ (window).__dom.snapshot(true).snapshot.controls);
  assert.deepEqual(formed.slice(4).map(core), [
    { kind: 'other', name: 'In a form', keys: ['g3'], checked: false, disabled: false, visible: true, pending: true },
    { kind: 'other', name: 'Form select', keys: ['s4'], checked: false, disabled: false, visible: true, pending: true },
  ]);
  await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('form')).remove());
  // Both options selected (a script set aria-checked on both): neither state.
  await page.evaluate(() => { /** @type {HTMLElement} */ (document.querySelector('[role=radio][aria-checked=false]')).setAttribute('aria-checked', 'true'); });
  const again = await page.evaluate(() => /** @type {any} */ (window).__dom.snapshot(true).snapshot.controls);
  assert.equal(again[1].name, 'Role radios');
  assert.equal(again[1].checked, null);
  // A disabled option makes the choice disabled.
  await page.evaluate(() => { /** @type {HTMLInputElement} */ (document.querySelector('input[name=a]')).disabled = true; });
  const third = await page.evaluate(() => /** @type {any} */ (window).__dom.snapshot(true).snapshot.controls);
  assert.equal(third[0].disabled, true);
  assert.deepEqual(errors, []);
  await context.close();
});
