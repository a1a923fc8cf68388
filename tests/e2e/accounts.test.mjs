// Two LinkedIn accounts in one browser (issues 14, 24 part 3, 26): the status always describes the account signed
// in, and no account ever shows another's "off". Account A turns the AI setting off; A signs out and B signs in, and
// B's first page is a settings page that does not show who is signed in (tests/fixtures/accounts/: the settings app
// without the global navigation): its reading is held, never recorded for A, and the popup says LinkedIn has not
// shown who is signed in instead of showing A's off. The day's reminder card on B's feed shows B: the held reading
// becomes B's. A signs in again, again first on a settings page without the account: B's status is not shown, and
// when a settings page shows A, A's off is there and B's on stays B's. Identity is learned only where the extension
// already works (settings pages, the day's card): an ordinary feed load with nothing to say runs watch.js alone,
// whatever the feed shows of the account. Nothing of either member's identity is stored in clear.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/accounts.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, routeLinkedIn, openPopup, readBadge, screenshot, FIXTURES, waitForShadow } from './lib/harness.mjs';
import { msg, status } from './lib/journey.mjs';
import { readStore, statesOf, pollUntil, watchPageReports, pageReports, nudgeRegistered, controlPage, DIST } from './lib/ext.mjs';
import { bundlesInPage } from './lib/page.mjs';

const AI = 'gen-ai-improvement';
const AI_PATH = '/mypreferences/d/settings/data-for-ai-improvement';
/** The same settings page, but LinkedIn's settings app shows no global navigation there (nothing names the member). */
const AI_NO_ACCOUNT = '/mypreferences/d/settings/data-for-ai-improvement/';
const MEMBERS = { a: { handle: 'jane-doe', name: 'Jane Doe' }, b: { handle: 'max-muster', name: 'Max Muster' } };

describe('two accounts in one browser', () => {
  /** @type {any} */
  let ext;
  /** Who is signed in on the pages served now. */
  let who = MEMBERS.a;
  /** @type {Awaited<ReturnType<typeof controlPage>>} */
  let ctl;
  before(async () => {
    ext = await launchWithExtension({ locale: 'en-US' });
    /** @type {Record<string, string>} */
    const files = {
      [AI_PATH]: await readFile(join(FIXTURES, 'pages/en/data-for-ai-improvement.html'), 'utf8'),
      [AI_NO_ACCOUNT]: await readFile(join(FIXTURES, 'accounts/settings-no-account.html'), 'utf8'),
      '/feed/': await readFile(join(FIXTURES, 'pages/en/feed.html'), 'utf8'),
      '/feed/?menu': await readFile(join(FIXTURES, 'accounts/feed-me-menu.html'), 'utf8'),
    };
    await routeLinkedIn(ext.context, (url) => {
      if (url.pathname === '/login' || url.pathname === '/m/logout/') return 'pages/en/login.html';
      const html = files[url.pathname + (url.search === '?menu' ? '?menu' : '')] ?? files[url.pathname];
      return html ? { body: html.replaceAll('/in/jane-doe/', `/in/${who.handle}/`).replaceAll('Jane Doe', who.name) } : null;
    });
    await ext.worker.evaluate(() => chrome.storage.local.set({ state: JSON.stringify({ schema: 1, region: 'eu', setupDone: true }) }));
    await watchPageReports(ext.worker);
    ctl = await controlPage(ext.context, ext.extensionId);
  });
  after(async () => { await ext?.close(); });

  const aiRow = async () => {
    const popup = await openPopup(ext.context, ext.extensionId);
    // A setting already off is in the collapsed list: in the page, not necessarily shown.
    await popup.waitForSelector(`[data-setting="${AI}"]`, { state: 'attached' });
    const row = popup.locator(`[data-setting="${AI}"]`);
    return { popup, state: await row.getAttribute('data-state'), line: await popup.locator('#account-line').innerText() };
  };
  const peek = async () => { const r = await aiRow(); await r.popup.close(); return r; };
  const stored = async () => (await readStore(ext.worker)).state;
  /** A sign-in or sign-out page: signin.js tells the worker the account may change. */
  const signInPage = async (/** @type {any} */ page, path = '/login') => {
    await page.goto(`https://www.linkedin.com${path}`);
    await pollUntil(stored, (s) => s.accountCheck === true, { what: `the account uncertain after ${path}` });
  };

  test('no account shows another\'s off through sign-out, sign-in and settings pages that do not show the account', async () => {
    const page = await ext.context.newPage();
    // Account A turns the AI setting off (a settings page that shows A: the global navigation names A).
    await page.goto(`https://www.linkedin.com${AI_PATH}?fixtureState=off`);
    await pollUntil(async () => statesOf(await stored())[AI], (s) => s === 'off', { what: 'A: off stored' });
    const keyA = (await stored()).account;
    assert.match(keyA, /^[0-9a-f]{64}$/);
    let view = await status(ext);
    assert.equal(view.accountKnown, true);
    let seen = await peek();
    assert.equal(seen.state, 'off');
    assert.equal(seen.line, msg('en', 'accountCurrent'));

    // A signs out, B signs in: the account may have changed. The popup shows none of A's readings.
    await signInPage(page, '/m/logout/');
    who = MEMBERS.b;
    await signInPage(page, '/login');
    seen = await peek();
    assert.notEqual(seen.state, 'off', "after a sign-in page the popup must not show A's off");
    assert.equal(seen.line, msg('en', 'accountUncertain'));
    assert.notEqual((await readBadge(ext.worker)).text, '✓');

    // B's first page: a settings page that does not show who is signed in (AI on for B). Held, not A's.
    await page.goto(`https://www.linkedin.com${AI_NO_ACCOUNT}?fixtureState=on`);
    await waitForShadow(page);
    let s = await pollUntil(stored, (x) => x.held?.settings?.[AI]?.state === 'on', { what: "B's reading held" });
    assert.equal(s.account, keyA, 'no page showed B yet');
    assert.equal(statesOf(s)[AI], 'off', "A's off is untouched");
    seen = await peek();
    assert.equal(seen.state, 'on', 'the popup shows what was seen since the sign-in, not A\'s off');
    assert.equal(seen.line, msg('en', 'accountUncertain'));

    // B's feed: the day's reminder card is the load that learns who is signed in (the navigation shows B).
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'the card script registered (a reminder is due)' });
    await page.waitForTimeout(500); // a registration reaches the renderers a moment after it resolves
    await page.goto('https://www.linkedin.com/feed/');
    s = await pollUntil(stored, (x) => x.account && x.account !== keyA, { what: 'B recognised by the day\'s card', timeout: 10_000 });
    const keyB = s.account;
    assert.equal(statesOf(s)[AI], 'on', 'the held reading is B\'s');
    assert.equal(s.held, undefined);
    assert.equal(s.others[keyA].settings[AI].state, 'off', "A's off stays A's");
    const { popup, state, line } = await aiRow();
    assert.equal(state, 'on');
    assert.equal(line, msg('en', 'accountCurrent'));
    assert.equal(await popup.locator('#accounts-other-text').innerText(), msg('en', 'accountsOther_one'));
    await screenshot(popup, 'accounts-b-popup-en');
    await popup.close();

    // A signs in again; A's first page is again a settings page without the account, where A's switch is off.
    await signInPage(page, '/m/logout/');
    who = MEMBERS.a;
    await signInPage(page, '/login');
    assert.notEqual((await peek()).state, 'on', "after a sign-in page the popup must not show B's on");
    await page.goto(`https://www.linkedin.com${AI_NO_ACCOUNT}?fixtureState=off`);
    await waitForShadow(page);
    s = await pollUntil(stored, (x) => x.held?.settings?.[AI]?.state === 'off', { what: "A's reading held" });
    assert.equal(s.account, keyB);
    assert.equal(statesOf(s)[AI], 'on', "B's on is untouched: A's off was not given to B");
    // A settings page that shows A: the held off is A's; B's on stays B's.
    await page.goto(`https://www.linkedin.com${AI_PATH}?fixtureState=off`);
    s = await pollUntil(stored, (x) => x.account === keyA, { what: 'A recognised on a settings page' });
    assert.equal(statesOf(s)[AI], 'off');
    assert.equal(s.others[keyB].settings[AI].state, 'on');
    seen = await peek();
    assert.equal(seen.state, 'off');
    assert.equal(seen.line, msg('en', 'accountCurrent'));

    // Nothing identifying in storage: no handle, no name.
    const all = JSON.stringify((await readStore(ext.worker)).all);
    for (const clear of ['jane-doe', 'max-muster', 'Jane Doe', 'Max Muster', 'jane doe', 'max muster', '/in/']) {
      assert.ok(!all.toLowerCase().includes(clear.toLowerCase()), `storage holds "${clear}"`);
    }
    view = await status(ext);
    assert.equal(view.otherAccounts, 1);
    await page.close();
  });

  test('an ordinary feed load with nothing to say runs watch.js alone, whatever the feed shows of the account', async () => {
    assert.ok(!existsSync(join(DIST, 'content', 'who.js')), 'who.js is not shipped');
    // Nothing to say: reminders snoozed (the card script goes); the account is known.
    const r = await ctl.event({ type: 'snooze', duration: 'week' });
    assert.equal(r.ok, true);
    await pollUntil(() => nudgeRegistered(ext.worker), (x) => x === false, { what: 'the card script unregistered' });
    const registered = await ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((c) => c.id));
    assert.deepEqual(registered, [], 'no run-time content script (no who.js, no card)');
    const page = await ext.context.newPage();
    for (const feed of ['/feed/', '/feed/?menu']) {
      const before = (await pageReports(ext.worker)).length;
      await page.goto(`https://www.linkedin.com${feed}`);
      await page.waitForLoadState('load');
      await page.waitForTimeout(600);
      assert.deepEqual(await bundlesInPage(page, ext.extensionId), [{ watch: true, nudge: false, guide: false }], feed);
      assert.equal((await pageReports(ext.worker)).length, before, `${feed}: a quiet load sends nothing to the worker`);
    }
    // After a sign-in page the account is uncertain, and still no bundle is added to ordinary loads for it.
    await signInPage(page, '/login');
    await page.goto('https://www.linkedin.com/feed/?menu');
    await page.waitForLoadState('load');
    await page.waitForTimeout(600);
    assert.deepEqual(await bundlesInPage(page, ext.extensionId), [{ watch: true, nudge: false, guide: false }]);
    assert.deepEqual(await ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((c) => c.id)), []);
    await page.close();
  });

  test('forget the other accounts', async () => {
    const { popup } = await aiRow();
    await popup.locator('#forget-accounts').click();
    await popup.locator('#accounts-other').waitFor({ state: 'hidden' });
    await popup.close();
    assert.equal((await status(ext)).otherAccounts, 0);
  });
});
