// Self-test of the e2e harness with a tiny extension of its own (tests/e2e/harness-fixture/ext): proves that
// headless Chromium loads an unpacked MV3 extension, that LinkedIn routing + CSP + host blocking work, and that the
// closed shadow root, the badge and the popup can be read. Independent of the product's build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launchWithExtension, routeLinkedIn, waitForShadow, shadowSnapshot, shadowText, shadowClick, readBadge, tabIdOf,
  openPopup, recordRequests, blockedRequests, screenshot, contentScriptWorlds, sendToWorker, LINKEDIN_CSP,
} from './lib/harness.mjs';

const HERE = join(dirname(fileURLToPath(import.meta.url)), 'harness-fixture');
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let ext;
/** @type {Awaited<ReturnType<typeof routeLinkedIn>>} */
let router;
/** @type {ReturnType<typeof recordRequests>} */
let extRequests;

before(async () => {
  ext = await launchWithExtension({ dist: join(HERE, 'ext') });
  extRequests = recordRequests(ext.context);
  router = await routeLinkedIn(ext.context, { '/feed/': join(HERE, 'page.html') }, { fixtures: HERE });
});
after(async () => {
  await ext?.close();
});

test('headless Chromium starts the extension service worker', () => {
  assert.match(ext.worker.url(), /^chrome-extension:\/\/[a-p]{32}\/sw\.js$/);
  assert.equal(ext.extensionId.length, 32);
});

test('a routed LinkedIn page gets the strict CSP, its same-origin assets and the content script', async () => {
  const page = await ext.context.newPage();
  const response = await page.goto('https://www.linkedin.com/feed/');
  assert.equal(response?.status(), 200);
  assert.equal(response?.headers()['content-security-policy'], LINKEDIN_CSP);
  assert.equal(await page.textContent('#inline'), 'inline script did not run', 'CSP must block inline script');
  assert.equal(await page.textContent('#asset'), 'asset script ran', '/__fixtures__/ assets are served');
  const worlds = await contentScriptWorlds(page, ext.extensionId);
  assert.equal(worlds.length, 1, JSON.stringify(worlds));
  const snap = await waitForShadow(page);
  assert.equal(snap.mode, 'closed');
  assert.match(snap.text, /Seen: Fixture feed/);
  assert.doesNotMatch(snap.text, /invisible text/, 'hidden elements are not in the visible text');
  assert.deepEqual(snap.buttons.map((b) => b.name), ['Got it', 'Close banner']);
  assert.deepEqual(snap.links.map((l) => [l.text, l.href]), [['Open settings', 'https://www.linkedin.com/mypreferences/d/settings']]);
  assert.deepEqual(snap.roles.map((r) => [r.role, r.name]), [['region', 'Fixture banner']]);
  assert.deepEqual(snap.langs, ['en']);
  assert.deepEqual(snap.urls, []);
  assert.equal(await page.evaluate(() => document.querySelector('[data-fixture-host]')?.shadowRoot ?? null), null,
    'the page cannot see into the closed shadow root');
  await screenshot(page, 'harness-feed');

  await shadowClick(page, { text: 'Got it' });
  assert.match(await shadowText(page), /Clicked \(trusted\)/);
  await shadowClick(page, '#ok', { trusted: false });
  assert.match(await shadowText(page), /Clicked \(script\)/);

  const tabId = await tabIdOf(ext.worker, page);
  const badge = await readBadge(ext.worker, tabId);
  assert.equal(badge.text, '3');
  assert.equal(badge.hex, '#b3261e');
  assert.equal((await readBadge(ext.worker)).text, '', 'the global badge is untouched');

  await shadowClick(page, { name: 'Close banner' });
  assert.equal(await shadowSnapshot(page), null);
  await page.close();
});

test('everything off linkedin.com is blocked and recorded; unknown LinkedIn paths are 404', async () => {
  const page = await ext.context.newPage();
  const r404 = await page.goto('https://www.linkedin.com/not/in/the/table');
  assert.equal(r404?.status(), 404);
  await page.goto('https://www.linkedin.com/feed/');
  await page.waitForLoadState('load');
  const blocked = blockedRequests(ext.context);
  assert.ok(blocked.some((b) => b.url === 'https://media.licdn.com/pixel.gif' && b.from === 'page'), JSON.stringify(blocked));

  const viaPage = await sendToWorker(ext.context, ext.extensionId, { type: 'fetch', url: 'https://example.org/via-message' }, { path: 'popup.html' });
  assert.equal(viaPage.ok, false);
  const reply = await ext.worker.evaluate(async () => {
    try {
      await fetch('https://example.org/from-worker');
      return 'fetched';
    } catch (e) {
      return `failed: ${e}`;
    }
  });
  assert.match(reply, /^failed/);
  assert.ok(blocked.some((b) => b.url === 'https://example.org/from-worker' && b.from === 'extension-worker'), JSON.stringify(blocked));
  assert.ok(extRequests.some((r) => r.url === 'https://example.org/from-worker'), 'recordRequests sees worker requests');
  assert.ok(router.served.some((s) => s.status === 404));
  await page.close();
});

test('the popup opens as an extension page', async () => {
  const popup = await openPopup(ext.context, ext.extensionId, { path: 'popup.html', waitFor: '[data-setting]' });
  assert.deepEqual(await popup.$$eval('[data-setting]', (els) => els.map((e) => /** @type {HTMLElement} */ (e).dataset.setting)), ['a', 'b']);
  assert.ok(extRequests.some((r) => r.url.endsWith('/popup.js') && r.from === 'extension-page'));
  await popup.close();
});
