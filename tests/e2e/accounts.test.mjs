// Two LinkedIn accounts in one browser (issue 14): the status always describes the account signed in. Account A
// turns the AI setting off; after signing out (nothing changes) B signs in: B's popup says "not checked yet",
// never A's "off"; when A signs in again A's status comes back. Pages that do not show the account count for
// the account last seen. Nothing of either member's identity is stored in clear.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/accounts.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchWithExtension, routeLinkedIn, openPopup, readBadge, screenshot, FIXTURES, waitForShadow } from './harness.mjs';
import { msg, status } from './journey-lib.mjs';
import { readStore, statesOf, pollUntil } from './lib/ext.mjs';

const AI = 'gen-ai-improvement';
const AI_PATH = '/mypreferences/d/settings/data-for-ai-improvement';
const HANDLES = { a: 'jane-doe', b: 'max-muster' };

describe('two accounts in one browser', () => {
  /** @type {any} */
  let ext;
  /** Who LinkedIn's navigation shows as signed in on the pages served now. */
  let who = HANDLES.a;
  before(async () => {
    ext = await launchWithExtension({ locale: 'en-US' });
    /** @type {Record<string, string>} */
    const files = {
      [AI_PATH]: await readFile(join(FIXTURES, 'pages/en/data-for-ai-improvement.html'), 'utf8'),
      '/feed/': await readFile(join(FIXTURES, 'pages/en/feed.html'), 'utf8'),
    };
    await routeLinkedIn(ext.context, (url) => {
      if (url.pathname === '/login') return 'pages/en/login.html';
      const html = files[url.pathname];
      return html ? { body: html.replaceAll('/in/jane-doe/', `/in/${who}/`).replaceAll('Jane Doe', who === HANDLES.a ? 'Jane Doe' : 'Max Muster') } : null;
    });
    await ext.worker.evaluate(() => chrome.storage.local.set({ state: JSON.stringify({ schema: 1, region: 'eu', setupDone: true }) }));
  });
  after(async () => { await ext?.close(); });

  const aiRow = async () => {
    const popup = await openPopup(ext.context, ext.extensionId);
    // A setting already off is in the collapsed list: in the page, not necessarily shown.
    await popup.waitForSelector(`[data-setting="${AI}"]`, { state: 'attached' });
    const row = popup.locator(`[data-setting="${AI}"]`);
    return { popup, state: await row.getAttribute('data-state') };
  };

  test('A off; signed out changes nothing; B starts unchecked; A comes back; nothing identifying is stored', async () => {
    // Account A turns the AI setting off (the page says so; the fixture starts it off).
    const page = await ext.context.newPage();
    await page.goto(`https://www.linkedin.com${AI_PATH}?fixtureState=off`);
    await pollUntil(async () => statesOf((await readStore(ext.worker)).state)[AI], (s) => s === 'off', { what: 'A: off stored' });
    let view = await status(ext);
    assert.equal(view.accountKnown, true);
    assert.equal(view.otherAccounts, 0);
    let { popup, state } = await aiRow();
    assert.equal(state, 'off');
    assert.equal(await popup.locator('#account-line').innerText(), msg('en', 'accountCurrent'));
    await popup.close();

    // Signed out: the sign-in page changes nothing.
    await page.goto('https://www.linkedin.com/login');
    await page.waitForTimeout(800);
    ({ state } = await aiRow().then(async (r) => { await r.popup.close(); return r; }));
    assert.equal(state, 'off', 'a signed-out page changes nothing');

    // B signs in and opens the feed: B's status is "not checked yet", not A's off.
    who = HANDLES.b;
    await page.goto('https://www.linkedin.com/feed/');
    await pollUntil(() => status(ext), (v) => v.otherAccounts === 1, { what: 'B recognised', timeout: 10_000 });
    ({ popup, state } = await aiRow());
    assert.equal(state, 'unchecked', "B's popup must not show A's off");
    assert.equal(await popup.locator('#accounts-other-text').innerText(), msg('en', 'accountsOther_one'));
    await screenshot(popup, 'accounts-b-popup-en');
    await popup.close();
    assert.notEqual((await readBadge(ext.worker)).text, '✓');

    // B visits the AI page (on for B): recorded for B.
    await page.goto(`https://www.linkedin.com${AI_PATH}?fixtureState=on`);
    await waitForShadow(page);
    await pollUntil(async () => statesOf((await readStore(ext.worker)).state)[AI], (s) => s === 'on', { what: 'B: on stored' });

    // Once the worker knows who is signed in, ordinary pages no longer run who.js.
    const whoRegistered = () => ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts({ ids: ['who'] })).length > 0);
    await pollUntil(whoRegistered, (r) => r === false, { what: 'who.js unregistered once B is known' });

    // A signs in again (through the sign-in page, which has the next pages say who it is): A's off comes back.
    await page.goto('https://www.linkedin.com/login');
    await pollUntil(whoRegistered, (r) => r === true, { what: 'who.js registered after a sign-in page' });
    await page.waitForTimeout(500); // a registration reaches the renderers a moment after it resolves
    who = HANDLES.a;
    await page.goto('https://www.linkedin.com/feed/');
    await pollUntil(async () => statesOf((await readStore(ext.worker)).state)[AI], (s) => s === 'off', { what: "A's off back" });
    ({ state } = await aiRow().then(async (r) => { await r.popup.close(); return r; }));
    assert.equal(state, 'off');

    // Nothing identifying in storage: no handle, no name.
    const all = JSON.stringify((await readStore(ext.worker)).all);
    for (const clear of ['jane-doe', 'max-muster', 'Jane Doe', 'Max Muster', '/in/']) {
      assert.ok(!all.toLowerCase().includes(clear.toLowerCase()), `storage holds "${clear}"`);
    }
    view = await status(ext);
    assert.equal(view.otherAccounts, 1);

    // Forget the other accounts.
    ({ popup } = await aiRow());
    await popup.locator('#forget-accounts').click();
    await popup.locator('#accounts-other').waitFor({ state: 'hidden' });
    await popup.close();
    assert.equal((await status(ext)).otherAccounts, 0);
    await page.close();
  });
});
