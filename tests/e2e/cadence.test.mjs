// The reminder card on ordinary LinkedIn pages shows once a local day: on the first feed load of a day on which a
// reminder is due, then not again that day (the worker unregisters the card's script, so later loads run none of
// it); at local midnight the worker wakes (chrome.alarms) and the next day's first load shows it again. × means
// "not again today"; an explicit request to be reminded brings it back on the next load the same day.
// Time is the worker's fake clock (Date.now moved forward in the service worker), in a browser whose time zone
// is not UTC (TZ), so the day boundary tested is local midnight.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/cadence.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { routeLinkedIn, waitForShadow, shadowSnapshot, shadowClick, readBadge, openPopup, collectErrors, screenshot } from './lib/harness.mjs';
import {
  launch, controlPage, finishSetup, readStore, alarms, pollUntil, localeMessages, watchPageReports, pageReports,
  nudgeRegistered,
} from './lib/ext.mjs';

const TZ = 'America/New_York';
const FEED = 'https://www.linkedin.com/feed/';
const PROFILE = 'https://www.linkedin.com/in/someone/';

/** @typedef {Awaited<ReturnType<typeof launch>>} Ext */
/** @typedef {import('playwright-core').Page} Page */

describe('the reminder card shows once a local day', () => {
  /** @type {Ext} */
  let ext;
  /** @type {Awaited<ReturnType<typeof controlPage>>} */
  let ctl;
  /** @type {Record<string, string>} */
  let msg;
  /** @type {string[]} */
  let workerErrors;
  /** @type {string|undefined} */
  let tzBefore;

  /** The worker's clock: real time + this many ms. */
  let ahead = 0;
  const fakeNow = () => Date.now() + ahead;

  /** Move the worker's clock to `when` (fake ms) and fire its wake-up alarm, as Chrome does when it is due. */
  async function travelTo(/** @type {number} */ when) {
    ahead = when - Date.now();
    await ext.worker.evaluate((ms) => { /** @type {any} */ (globalThis).__optoutAhead = ms; }, ahead);
    // (`when` of an alarm is real time: the browser's alarm clock is not faked.)
    await ext.worker.evaluate((t) => chrome.alarms.create('refresh', { when: t }), Date.now() + 100);
  }

  /** The next local midnight after `t` in the browser's time zone (node runs with the same TZ). */
  function nextMidnight(/** @type {number} */ t) {
    const d = new Date(t);
    d.setHours(24, 0, 0, 0);
    return d.getTime();
  }

  async function stored() {
    return (await readStore(ext.worker)).state;
  }

  /** Load the feed; true when the reminder card was drawn. A load without the card's script sends nothing. */
  async function feedLoad(/** @type {Page} */ page, url = FEED) {
    // A decision made just before (an event from the popup) makes the worker ask the cards already on screen to
    // check again, and they report: let those reports land first, so that they are not taken for this load's.
    let before = (await pageReports(ext.worker)).length;
    for (let still = 0; still < 3; await page.waitForTimeout(150)) {
      const now = (await pageReports(ext.worker)).length;
      still = now === before ? still + 1 : 0;
      before = now;
    }
    const registered = await nudgeRegistered(ext.worker);
    // A registration reaches the renderers a moment after it resolves (a member's next load is seconds away).
    if (registered) await page.waitForTimeout(500);
    await page.goto(url);
    await page.waitForLoadState('load');
    if (!registered) {
      await page.waitForTimeout(400);
      assert.equal((await pageReports(ext.worker)).length, before, 'a quiet load sends nothing to the worker');
      return (await shadowSnapshot(page))?.visible ?? false;
    }
    await pollUntil(() => pageReports(ext.worker), (l) => l.length > before, { what: `a report from ${url}` });
    // The answer is drawn at once; on a busy machine give it up to 1.5 s.
    for (let end = Date.now() + 1500; ; await page.waitForTimeout(100)) {
      const s = await shadowSnapshot(page);
      if (s && s.visible && s.text.includes(msg.bannerNudgeTitle)) return true;
      if (Date.now() > end) return false;
    }
  }

  before(async () => {
    tzBefore = process.env.TZ;
    process.env.TZ = TZ;
    ext = await launch();
    workerErrors = collectErrors(ext.worker);
    // The fake clock: every Date.now() in the worker (the core's `now`, the local day offset) runs `ahead`.
    await ext.worker.evaluate(() => {
      const g = /** @type {any} */ (globalThis);
      const real = Date.now.bind(Date);
      g.__optoutAhead = 0;
      Date.now = () => real() + g.__optoutAhead;
    });
    msg = await localeMessages('en');
    ctl = await controlPage(ext.context, ext.extensionId);
    await finishSetup(ctl, 'eu');
    await routeLinkedIn(ext.context, { '/feed/': 'pages/en/feed.html', '/in/someone/': 'pages/en/feed.html' });
    await watchPageReports(ext.worker);
    // Start the story at 09:00 local time tomorrow, far from midnight.
    const nine = new Date(nextMidnight(Date.now()));
    nine.setHours(9, 0, 0, 0);
    await travelTo(nine.getTime());
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'the card script registered (a reminder is due)' });
  });
  after(async () => {
    await ext?.close();
    if (tzBefore === undefined) delete process.env.TZ; else process.env.TZ = tzBefore;
  });

  test('the browser runs in the test time zone', async () => {
    const offset = await ext.worker.evaluate(() => -new Date().getTimezoneOffset());
    assert.equal(offset, -new Date().getTimezoneOffset(), 'the worker and node agree on the offset');
    assert.notEqual(offset, 0, `${TZ} is not UTC`);
  });

  test('first feed load of the day shows the card, the next loads do not; the next day it shows again', async () => {
    const page = await ext.context.newPage();
    const errors = collectErrors(page);
    assert.equal(await feedLoad(page), true, 'first load of the day: the card');
    const s = await pollUntil(stored, (x) => typeof x.nudgeShownDay === 'number', { what: 'the day remembered' });
    assert.equal(s.nudgeClosedDay, undefined, 'shown is not closed');
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === false, { what: 'the card script unregistered for the day' });
    // The badge still carries the status.
    const view = await ctl.status();
    assert.equal(view.nudge, false);
    assert.equal(view.nudgeDue, true);
    assert.equal((await readBadge(ext.worker)).text, String(view.remaining), 'the badge still counts');
    // The worker wakes at the next local midnight.
    const midnight = nextMidnight(fakeNow());
    const refresh = (await alarms(ext.worker)).find((a) => a.name === 'refresh');
    assert.ok(refresh, 'a wake-up is scheduled');
    const wakeFake = refresh.scheduledTime; // scheduled by the worker's (fake) clock
    assert.ok(wakeFake >= midnight && wakeFake <= midnight + 2000, `wakes at local midnight (${wakeFake - midnight} ms after)`);

    const other = await ext.context.newPage();
    assert.equal(await feedLoad(other), false, 'a second load the same day: no card');
    assert.equal(await feedLoad(other, PROFILE), false, 'nor on another ordinary page');
    assert.ok((await shadowSnapshot(page))?.text.includes(msg.bannerNudgeTitle), 'the card already shown stays on its page');

    await travelTo(midnight - 60_000); // 23:59
    await page.waitForTimeout(300);
    assert.equal(await nudgeRegistered(ext.worker), false);
    assert.equal(await feedLoad(other), false, '23:59 is still the same day');
    await travelTo(midnight + 1000); // 00:00:01
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'the card script back at local midnight' });
    assert.equal(await feedLoad(other), true, 'the next day: the card again');
    assert.equal(await feedLoad(other), false, 'and once only');
    assert.deepEqual(errors, []);
    await page.close();
    await other.close();
  });

  test('× keeps the card away until the next day (badge unchanged, popup says so); the next day it is back', async () => {
    await travelTo(nextMidnight(fakeNow()) + 8 * 3600_000);
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'a new day' });
    const page = await ext.context.newPage();
    const errors = collectErrors(page);
    assert.equal(await feedLoad(page), true);
    const loud = await readBadge(ext.worker);
    const close = (await shadowSnapshot(page))?.buttons.find((b) => b.name === msg.bannerCloseNudge);
    assert.ok(close, `the close button says "${msg.bannerCloseNudge}"`);
    await shadowClick(page, { name: msg.bannerCloseNudge });
    await waitForShadow(page, { predicate: (s) => !s.visible || !s.text.includes(msg.bannerNudgeTitle) });
    const s = await pollUntil(stored, (x) => typeof x.nudgeClosedDay === 'number', { what: 'closed for today' });
    assert.equal(s.snoozeUntil, null, 'closing is not snoozing');
    assert.deepEqual(await readBadge(ext.worker), loud, 'the badge is unchanged');
    assert.equal(await feedLoad(page), false, 'not again today');
    const popup = await openPopup(ext.context, ext.extensionId);
    await popup.locator('#reminders').getByText(msg.remindersClosed).waitFor();
    await screenshot(popup, 'cadence-popup-closed-today', { fullPage: true });
    await popup.close();

    await travelTo(nextMidnight(fakeNow()) + 1000);
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'the card script back the next day' });
    assert.equal((await ctl.status()).nudgeClosed, false);
    assert.equal(await feedLoad(page), true, 'the next day it is back');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('asking to be reminded brings the card back on the next load of the same day', async () => {
    await travelTo(nextMidnight(fakeNow()) + 10 * 3600_000);
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'a new day' });
    const page = await ext.context.newPage();
    assert.equal(await feedLoad(page), true);
    assert.equal(await feedLoad(page), false);
    // "Remind me again" (the popup's Undo of a snooze or a close sends the same event).
    assert.equal((await ctl.event({ type: 'unsnooze' })).ok, true);
    assert.equal(await feedLoad(page), true, 'back on the next load');
    assert.equal(await feedLoad(page), false, 'then once again for the day');
    // Closed, then the popup's Undo.
    await shadowClick(page, { name: msg.bannerCloseNudge }).catch(() => {});
    assert.equal((await ctl.event({ type: 'closeNudge' })).ok, true);
    const popup = await openPopup(ext.context, ext.extensionId);
    const reminders = popup.locator('#reminders');
    await reminders.getByText(msg.remindersClosed).waitFor();
    await reminders.getByRole('button', { name: msg.btnUndoSnoozeLabel }).click();
    await reminders.getByRole('button', { name: msg.snoozeDay, exact: true }).waitFor();
    await popup.close();
    assert.equal(await feedLoad(page), true, 'Undo of the close: back on the next load');
    // Reminders turned off and on again.
    assert.equal((await ctl.event({ type: 'dismissAll' })).ok, true);
    assert.equal(await feedLoad(page), false);
    assert.equal((await ctl.event({ type: 'undismissAll' })).ok, true);
    assert.equal(await feedLoad(page), true, 'reminders back on: back on the next load');
    await page.close();
  });

  test('no errors in the worker', () => {
    assert.deepEqual(workerErrors, []);
  });
});
