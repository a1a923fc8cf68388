// Smoke test of the built product (dist/chrome, from ./build.sh): the worker runs, the manifest asks for nothing
// beyond what the privacy promise allows, the content script reaches LinkedIn pages and draws in a closed shadow
// root, the popup lists every catalog setting, and nothing leaves the machine.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ROOT, launchWithExtension, routeLinkedIn, waitForShadow, openPopup, recordRequests, blockedRequests,
  contentScriptWorlds, sendToWorker, collectErrors, screenshot, loadCases, readManifest,
} from './lib/harness.mjs';
import { listFiles } from '../../tools/build/zip.mjs';
import { launchPersistent, tempProfile, removeDir, pollUntil } from './lib/ext.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.OPTOUT_DIST || 'dist/chrome';
const catalog = JSON.parse(readFileSync(join(ROOT, 'src/catalog/linkedin.json'), 'utf8'));
const settingIds = catalog.settings.map((/** @type {{id: string}} */ s) => s.id);
const cargoVersion = /** @type {string} */ (readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)?.[1]);

test('the manifests ask only for storage, alarms, scripting and www.linkedin.com; nothing is web-accessible', async () => {
  for (const dist of ['dist/chrome', 'dist/firefox']) {
    const m = await readManifest(dist);
    assert.equal(m.web_accessible_resources, undefined, `${dist}: no web_accessible_resources`);
    // scripting: the nudge bundle is registered only while there is something to remind of, and the guide is
    // loaded after an in-page navigation to a settings page (extension/worker/content-scripts.js).
    assert.deepEqual([...(m.permissions ?? [])].sort(), ['alarms', 'scripting', 'storage'], `${dist}: permissions`);
    assert.deepEqual(m.host_permissions, ['https://www.linkedin.com/*'], `${dist}: host_permissions`);
    for (const key of ['optional_permissions', 'optional_host_permissions', 'externally_connectable', 'update_url']) {
      assert.equal(m[key], undefined, `${dist}: no ${key}`);
    }
    for (const cs of m.content_scripts ?? []) {
      assert.ok(cs.matches.length > 0 && cs.matches.every((/** @type {string} */ p) => p.startsWith('https://www.linkedin.com/')),
        `${dist}: content scripts only on www.linkedin.com: ${cs.matches}`);
      assert.equal(cs.all_frames, false, `${dist}: top frame only`);
    }
    // Settings pages get the guide, every other page the watch bundle: together all of www.linkedin.com, once.
    const [guide, watch] = m.content_scripts;
    assert.deepEqual(guide.js, ['content/guide.js']);
    assert.deepEqual(watch.js, ['content/watch.js']);
    assert.deepEqual(watch.matches, ['https://www.linkedin.com/*']);
    assert.deepEqual(watch.exclude_matches, guide.matches);
    assert.equal(m.version, cargoVersion);
    assert.doesNotMatch(m.content_security_policy?.extension_pages ?? '', /(^|\s)'unsafe-eval'|'unsafe-inline'|https?:/, `${dist}: CSP`);
  }
  const ff = await readManifest('dist/firefox');
  assert.deepEqual(ff.background.scripts, ['worker/background.js']);
  assert.equal(ff.background.service_worker, undefined, 'Firefox ignores service_worker (lint warning): left out');
  assert.equal(ff.background.type, 'module');
  assert.deepEqual(ff.browser_specific_settings.gecko, {
    id: 'optout-pilot@optout-pilot.org',
    strict_min_version: '142.0',
    data_collection_permissions: { required: ['none'] },
  });
  const chrome = await readManifest('dist/chrome');
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.equal(chrome.background.scripts, undefined);
});

test('dist/ holds only the extension: no tests, docs, sources, maps or type declarations', () => {
  for (const dist of ['dist/chrome', 'dist/firefox']) {
    const files = listFiles(join(ROOT, dist));
    const bad = files.filter((f) => /(^|\/)(tests?|docs|src|types|node_modules)\//.test(f) ||
      /\.(d\.ts|ts|map|md|rs|orig)$|(^|\/)\./.test(f));
    assert.deepEqual(bad, [], `${dist}: unexpected files`);
    assert.ok(files.includes('pkg/optout_pilot_core.js') && files.includes('pkg/optout_pilot_core_bg.wasm'), `${dist}: pkg/`);
    // Browsers fall back from pt_PT to English, not to pt_BR: the build ships the Brazilian catalog as pt_PT too.
    assert.equal(readFileSync(join(ROOT, dist, '_locales/pt_PT/messages.json'), 'utf8'),
      readFileSync(join(ROOT, 'extension/_locales/pt_BR/messages.json'), 'utf8'), `${dist}: pt_PT is the pt_BR catalog`);
    for (const zip of [`dist/optout-pilot-chrome-${cargoVersion}.zip`, `dist/optout-pilot-firefox-${cargoVersion}.zip`]) {
      assert.ok(existsSync(join(ROOT, zip)), `${zip} exists`);
    }
  }
});

test('a browser in European Portuguese shows the extension in Portuguese, not English', async () => {
  const dir = await tempProfile();
  const ext = await launchPersistent(dir, { lang: 'pt-PT' });
  try {
    await pollUntil(() => ext.worker.evaluate(() => chrome.i18n.getUILanguage()), (l) => /^pt[-_]PT$/i.test(l),
      { what: 'a pt-PT UI language' });
    const pt = JSON.parse(readFileSync(join(ROOT, 'extension/_locales/pt_BR/messages.json'), 'utf8'));
    const popup = await openPopup(ext.context, ext.extensionId);
    await popup.locator('#start-guide-label').filter({ hasText: pt.btnStartGuide.message }).waitFor();
    assert.equal(await popup.evaluate(() => chrome.i18n.getMessage('btnStartGuide')), pt.btnStartGuide.message);
  } finally {
    await ext.close();
    await removeDir(dir);
  }
});

describe('in headless Chromium', () => {
  /** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
  let ext;
  /** @type {ReturnType<typeof recordRequests>} */
  let extRequests;
  /** @type {string[]} */
  let workerErrors;

  before(async () => {
    ext = await launchWithExtension({ dist: DIST });
    extRequests = recordRequests(ext.context);
    workerErrors = collectErrors(ext.worker);
    // The feed: a colleague's fixture from tests/fixtures/cases.json when there is one, else our own tiny one.
    const cases = await loadCases();
    const feed = cases.find((c) => c.expect?.page === 'linkedin' && new URL(c.url).pathname.startsWith('/feed'));
    await routeLinkedIn(ext.context, (url) => {
      if (feed && url.pathname === new URL(feed.url).pathname) return feed.file;
      if (url.pathname === '/feed/') return join(HERE, 'fixtures/feed.html');
      return null;
    });
  });
  after(async () => {
    await ext?.close();
  });

  test('the service worker runs the built extension', async () => {
    assert.equal(ext.worker.url(), `chrome-extension://${ext.extensionId}/worker/background.js`);
    const m = await ext.worker.evaluate(() => chrome.runtime.getManifest());
    assert.equal(m.version, cargoVersion, 'manifest version comes from Cargo.toml');
    assert.equal(m.manifest_version, 3);
  });

  test('a routed LinkedIn feed gets the content script, which draws in a closed shadow root once the worker answers', async () => {
    // A member who finished onboarding (region chosen) and has settings left to check sees the nudge on the feed.
    const setRegion = await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'setRegion', region: 'eu' } });
    assert.equal(setRegion?.ok, true, `setRegion reply: ${JSON.stringify(setRegion)}`);
    const finish = await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'finishSetup' } });
    assert.equal(finish?.ok, true, `finishSetup reply: ${JSON.stringify(finish)}`);

    const page = await ext.context.newPage();
    const pageErrors = collectErrors(page);
    const response = await page.goto('https://www.linkedin.com/feed/');
    assert.equal(response?.status(), 200);
    const worlds = await contentScriptWorlds(page, ext.extensionId);
    assert.equal(worlds.length, 1, 'one content-script world in the top frame');
    const banner = await waitForShadow(page, { timeout: 10_000 });
    await screenshot(page, 'smoke-feed');
    assert.equal(banner.mode, 'closed');
    assert.ok(banner.text.length > 0, 'the banner says something');
    assert.ok(banner.buttons.length + banner.links.length > 0, 'the banner offers an action');
    assert.deepEqual(banner.urls, [], 'no extension URL in the page');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test('the popup lists one [data-setting] row per catalog setting', async () => {
    const popup = await openPopup(ext.context, ext.extensionId);
    const errors = collectErrors(popup);
    await popup.waitForFunction((n) => document.querySelectorAll('[data-setting]').length >= n, settingIds.length, { timeout: 10_000 });
    const ids = await popup.$$eval('[data-setting]', (els) => els.map((e) => e.getAttribute('data-setting')));
    await screenshot(popup, 'smoke-popup', { fullPage: true });
    assert.deepEqual([...ids].sort(), [...settingIds].sort());
    assert.deepEqual(errors, []);
    await popup.close();
  });

  test('nothing left the machine: no extension request outside the extension, nothing blocked from it', () => {
    const outside = extRequests.filter((r) => !r.url.startsWith(`chrome-extension://${ext.extensionId}/`));
    assert.deepEqual(outside, [], 'extension pages and worker only load their own files');
    const fromExtension = blockedRequests(ext.context).filter((b) => b.from.startsWith('extension'));
    assert.deepEqual(fromExtension, []);
    assert.deepEqual(workerErrors, [], 'no console errors in the worker');
  });
});
