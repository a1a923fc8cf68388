// Keyboard reach: a keyboard-only member gets to the toolbar popup with a shortcut, and to the
// reminder card on the feed within a few Tab presses from the top of the page (the feed has hundreds of
// focusable controls before its end, where a host appended to <body> would sit).
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/keyboard.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, routeLinkedIn, waitForShadow, withShadowRoot, screenshot } from './lib/harness.mjs';
import { closedHostFacts } from './lib/page.mjs';
import { launch, finishSetup, loadCatalog, msg } from './lib/ext.mjs';

const FEED = 'https://www.linkedin.com/feed/';
const SHORTCUT = 'Alt+Shift+O';

/**
 * Shortcuts the key must not take: Chrome's and Firefox's own (Linux/Windows; Alt+Shift+letter ones and the
 * Ctrl/Alt letter-O ones) and LinkedIn's keyboard shortcuts (its help page lists plain letters and Alt+letters
 * in messaging and the feed, none with Alt+Shift).
 */
const TAKEN = [
  'Ctrl+O', 'Ctrl+Shift+O', 'Alt+O', 'Alt+Shift+I', 'Alt+Shift+T', 'Alt+Shift+A', 'Alt+Shift+S', 'Alt+Shift+N',
  'Alt+Shift+M', 'Alt+Shift+P', 'Alt+Shift+R', 'Alt+Shift+D', 'Alt+Shift+B', 'Alt+Shift+L',
];

/** @typedef {Awaited<ReturnType<typeof launch>>} Ext */

describe('keyboard', () => {
  test('the built manifests give the toolbar popup a shortcut (_execute_action) that neither browser nor LinkedIn uses', async () => {
    for (const browser of ['chrome', 'firefox']) {
      const m = JSON.parse(readFileSync(join(ROOT, 'dist', browser, 'manifest.json'), 'utf8'));
      const cmd = m.commands?._execute_action;
      assert.ok(cmd, `${browser}: commands._execute_action`);
      assert.equal(cmd.suggested_key?.default, SHORTCUT, `${browser}: suggested key`);
      assert.ok(!TAKEN.includes(cmd.suggested_key.default), `${browser}: the key is not a reserved one`);
      assert.match(cmd.suggested_key.mac ?? '', /^MacCtrl\+Shift\+O$/, `${browser}: on a Mac Control, not Option (Option+Shift+O types Ø)`);
      assert.match(cmd.description, /^__MSG_\w+__$/, `${browser}: a localised description`);
      const key = cmd.description.slice(6, -2);
      for (const lang of ['en', 'de']) assert.ok(msg(lang, key).length > 0, `${lang}: ${key}`);
    }
  });

  describe('in the browser', () => {
    /** @type {Ext} */
    let ext;
    before(async () => {
      ext = await launch();
      await routeLinkedIn(ext.context, { '/feed/': 'pages/en/feed.html' });
      await finishSetup(ext);
    });
    after(async () => { await ext?.close(); });

    test('Chromium registers the shortcut for the popup', async () => {
      const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
      const action = commands.find((c) => c.name === '_execute_action');
      assert.ok(action, `commands: ${JSON.stringify(commands)}`);
      assert.equal(action.shortcut, SHORTCUT, 'the suggested key is assigned (no conflict in this browser)');
    });

    test('on the feed, the reminder card is reached with the first Tab from the top; Enter on its link opens the setting', async () => {
      const catalog = await loadCatalog();
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 400, height: 800 });
      await page.goto(FEED);
      await waitForShadow(page, { timeout: 15_000, predicate: (s) => s.visible && s.links.length > 0 });
      // The feed has many controls before its end, where a host appended to <body> would sit (its posts arrive after the shell).
      await page.waitForFunction(() => document.querySelectorAll('a[href], button, input, [tabindex]').length > 100);
      const focusable = await page.evaluate(() => document.querySelectorAll('a[href], button, input, [tabindex]').length);
      assert.ok(focusable > 100, `the feed fixture has many focusable controls (${focusable})`);
      const host = await closedHostFacts(page);
      assert.ok(host, 'a closed host');
      assert.equal(host.parent, 'HTML', 'the host is a child of <html>');
      assert.deepEqual(host.attributeNames, [], 'still a bare host');

      /** What has focus: inside our closed root (its control's data-k, or 'card'), or the page's element. */
      const focused = () => withShadowRoot(page, {}, async (session, objectId) => {
        const { result } = await session.send('Runtime.callFunctionOn', {
          objectId, returnByValue: true,
          functionDeclaration: `function () {
            const a = this.activeElement;
            if (a) return 'ours:' + (a.getAttribute('data-k') || 'card');
            const d = document.activeElement;
            return 'page:' + (d ? d.tagName + ' ' + (d.textContent || '').trim().slice(0, 30) : 'none');
          }`,
        });
        return /** @type {string} */ (result.value);
      });
      // From the top: focus the document itself, as after a fresh load (no element focused).
      await page.evaluate(() => { /** @type {HTMLElement|null} */ (document.activeElement)?.blur(); window.scrollTo(0, 0); });
      const stops = [];
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        stops.push(f);
        if (f.startsWith('ours:')) break;
      }
      assert.ok(stops.at(-1)?.startsWith('ours:'), `the card within 3 Tabs from the top: ${stops.join(' → ')}`);
      assert.ok(stops.length <= 2, `the first Tab (or the second) reaches the card: ${stops.join(' → ')}`);
      let f = await focused();
      for (let i = 0; i < 6 && f !== 'ours:link'; i++) { await page.keyboard.press('Tab'); f = await focused(); }
      assert.equal(f, 'ours:link', 'Tab goes on to the card\'s link');
      await screenshot(page, 'keyboard-feed-card-focused');
      const url = await withShadowRoot(page, {}, async (session, objectId) => {
        const { result } = await session.send('Runtime.callFunctionOn', {
          objectId, returnByValue: true, functionDeclaration: 'function () { return this.activeElement.href; }',
        });
        return /** @type {string} */ (result.value);
      });
      assert.ok(catalog.settings.some((/** @type {any} */ s) => s.url === url), `the link opens a setting's page: ${url}`);
      await Promise.all([page.waitForURL(url, { timeout: 10_000 }), page.keyboard.press('Enter')]);
      await page.close();
    });
  });
});
