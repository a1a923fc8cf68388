// Reminders that respect the user: snooze (1 day / 1 week / 1 month), "Keep this on" (one setting),
// "Don't remind me again" (all) and their undo — through the popup and through the banner on LinkedIn. While reminders
// are quiet the badge still tells the truth (kind quiet, same count). A snooze ends by itself: the worker sets a
// chrome.alarms "refresh" alarm at the snooze end and the badge changes without visiting LinkedIn.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/reminders.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { routeLinkedIn, waitForShadow, shadowSnapshot, shadowClick, readBadge, openPopup, collectErrors, screenshot } from './lib/harness.mjs';
import { bundlesInPage } from './lib/page.mjs';
import {
  launch, launchPersistent, tempProfile, removeDir, controlPage, finishSetup, readStore, writeStorage, alarms, pollUntil,
  localeMessages, msg as t, watchPageReports, reported, pageReports, nudgeRegistered,
} from './lib/ext.mjs';

const DAY = 24 * 60 * 60 * 1000;
const DURATIONS = /** @type {const} */ ([['day', 1], ['week', 7], ['month', 30]]);
const FEED = 'https://www.linkedin.com/feed/';
const AI_PAGE = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const AI = 'gen-ai-improvement';

/** @typedef {Awaited<ReturnType<typeof launch>>} Ext */
/** @typedef {Awaited<ReturnType<typeof controlPage>>} Ctl */

describe('reminders', () => {
  /** @type {Ext} */
  let ext;
  /** @type {Ctl} */
  let ctl;
  /** @type {Record<string, string>} */
  let msg;
  /** The badge while reminders are active, after the AI setting was seen on. */
  /** @type {{text: string, hex: string, title: string}} */
  let loud;
  /** @type {string[]} */
  let workerErrors;

  /** The toolbar badge as set by the worker, then the status view's own badge (read after, so it cannot cause it). */
  async function badgeAndStatus() {
    const badge = await readBadge(ext.worker);
    const status = await ctl.status();
    return { badge, status };
  }

  /** The badge is quiet and still counts what is open. */
  async function assertQuiet(/** @type {string} */ why) {
    const { badge, status } = await badgeAndStatus();
    assert.equal(status.badge.kind, 'quiet', `${why}: status badge kind`);
    assert.equal(badge.text, loud.text, `${why}: the badge still counts the open settings`);
    assert.notEqual(badge.hex, loud.hex, `${why}: the badge colour is the quiet one`);
    assert.equal(await nudgeRegistered(ext.worker), false, `${why}: ordinary pages no longer load the nudge bundle`);
    assert.equal(badge.hex, status.badge.color.toLowerCase(), `${why}: badge colour is the status view's`);
    // The popup's words: "Reminders are off" after "Don't remind me again", "Reminders paused" after a snooze.
    const off = status.dismissAll === true;
    assert.equal(badge.title, off ? msg.badgeTitleRemindersOff : msg.badgeTitleSnoozed,
      `${why}: tooltip says reminders are ${off ? 'off' : 'paused'}`);
  }

  async function assertLoud(/** @type {string} */ why) {
    const { badge, status } = await badgeAndStatus();
    assert.equal(status.badge.kind, 'attention', `${why}: status badge kind`);
    assert.deepEqual({ text: badge.text, hex: badge.hex, title: badge.title }, loud, `${why}: the badge is back as before`);
    assert.equal(await nudgeRegistered(ext.worker), true, `${why}: ordinary pages load the nudge bundle again`);
  }

  /** Stored state (parsed). */
  async function stored() {
    const s = (await readStore(ext.worker)).state;
    assert.ok(s && s.schema === 2, 'the stored state is a schema-2 object');
    return s;
  }

  /** Load a LinkedIn page and wait until its report reached the worker (and the reply had time to be drawn). */
  async function visit(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ url) {
    const since = Date.now();
    const quietFeed = url === FEED && !(await nudgeRegistered(ext.worker));
    await page.goto(url);
    if (!quietFeed) {
      await reported(ext.worker, url, since);
      return;
    }
    // Nothing to remind of: ordinary pages do not even load the nudge bundle (only watch.js, which reports
    // nothing until an in-page navigation), so there is no report to wait for, and there must be none. Proof
    // instead of a wait: once loaded, the page's content scripts are watch.js alone.
    await page.waitForLoadState('load');
    assert.deepEqual(await bundlesInPage(page, ext.extensionId), [{ watch: true, nudge: false, guide: false }],
      'a quiet feed runs watch.js only, which sends nothing at load');
    const reports = (await pageReports(ext.worker)).filter((r) => r.url === url && r.at >= since);
    assert.deepEqual(reports, [], 'a quiet feed sends nothing to the worker');
  }

  /**
   * The card shows once a day (cadence.test.mjs walks through the days with a fake clock); "remind me again" (the
   * popup's Undo) brings it back on the next load, so each test below starts from a card due now.
   */
  async function remindAgain() {
    assert.equal((await ctl.event({ type: 'unsnooze' })).ok, true);
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'the card script registered' });
    await new Promise((r) => setTimeout(r, 250)); // a registration reaches the renderers a moment later
  }

  before(async () => {
    ext = await launch();
    workerErrors = collectErrors(ext.worker);
    msg = await localeMessages('en');
    ctl = await controlPage(ext.context, ext.extensionId);
    await finishSetup(ctl, 'eu');
    await routeLinkedIn(ext.context, {
      '/feed/': 'pages/en/feed.html',
      '/mypreferences/d/settings/data-for-ai-improvement': 'pages/en/data-for-ai-improvement.html',
    });
    await watchPageReports(ext.worker);
    // The member visits the AI setting's page once: it is on (LinkedIn's default).
    const page = await ext.context.newPage();
    await page.goto(AI_PAGE);
    await pollUntil(stored, (s) => s.settings?.[AI]?.state === 'on', { what: 'the AI setting seen on' });
    await page.close();
    const { badge, status } = await badgeAndStatus();
    assert.equal(status.badge.kind, 'attention');
    assert.equal(badge.text, String(status.remaining));
    loud = { text: badge.text, hex: badge.hex, title: badge.title };
  });
  after(async () => {
    await ext?.close();
  });

  test('the badge tooltip does not call unchecked settings "still on"', async () => {
    // One setting was seen on; the others were never checked. The badge counts everything still open (fine), but
    // its tooltip must not tell the member that all of them are on.
    const { badge, status } = await badgeAndStatus();
    const on = status.rows.filter((/** @type {{status: string}} */ r) => r.status === 'on').length;
    assert.equal(on, 1);
    assert.ok(status.remaining > on, 'some settings are still unchecked');
    assert.notEqual(badge.title, t('en', 'badgeTitleAttention', [status.remaining]),
      `tooltip "${badge.title}" claims ${status.remaining} settings are on; ${on} was seen on`);
  });

  for (const [duration, days] of DURATIONS) {
    test(`popup: snooze ${duration} pauses reminders until then, schedules the wake-up, keeps the badge honest; Undo restores`, async () => {
      const popup = await openPopup(ext.context, ext.extensionId);
      const errors = collectErrors(popup);
      const label = msg[`snooze${duration[0].toUpperCase()}${duration.slice(1)}`];
      const reminders = popup.locator('#reminders');
      const t0 = Date.now();
      await reminders.getByRole('button', { name: label, exact: true }).click();
      const pausedPrefix = msg.snoozedUntil.split('$')[0].trim();
      await reminders.getByText(pausedPrefix).waitFor();
      const t1 = Date.now();

      const s = await stored();
      assert.equal(typeof s.snoozeUntil, 'number', 'snoozeUntil stored');
      assert.ok(s.snoozeUntil >= t0 + days * DAY && s.snoozeUntil <= t1 + days * DAY,
        `snoozed for ${days} day(s): ${s.snoozeUntil - t0} ms`);
      // The popup names the day reminders come back (the same date formatting as the browser's Intl).
      const until = new Intl.DateTimeFormat('en-US', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(s.snoozeUntil));
      assert.match(await reminders.innerText(), new RegExp(until), 'the popup says until when');
      // The worker wakes up when the snooze ends (an alarm named "refresh" at or just after the end).
      const refresh = (await alarms(ext.worker)).find((a) => a.name === 'refresh');
      assert.ok(refresh, 'a "refresh" alarm is scheduled');
      assert.ok(refresh.scheduledTime >= s.snoozeUntil && refresh.scheduledTime <= s.snoozeUntil + 2 * 60_000,
        `the alarm fires at the snooze end (${refresh.scheduledTime - s.snoozeUntil} ms after it)`);
      await assertQuiet(`snoozed ${duration}`);
      assert.equal(s.settings[AI].state, 'on', 'snoozing changes nothing that was seen');

      const undo = reminders.getByRole('button', { name: msg.btnUndoSnoozeLabel });
      await undo.click();
      await reminders.getByRole('button', { name: msg.snoozeDay, exact: true }).waitFor();
      assert.equal((await stored()).snoozeUntil, null, 'Undo removes the snooze');
      const focused = await popup.evaluate(() => document.activeElement?.getAttribute('data-focus'));
      assert.equal(focused, 'snooze-day', 'after Undo, keyboard focus lands on the snooze buttons again');
      const stale = (await alarms(ext.worker)).filter((a) => a.scheduledTime >= s.snoozeUntil && a.scheduledTime <= s.snoozeUntil + 2 * 60_000);
      assert.deepEqual(stale, [], 'no wake-up left for the cancelled snooze');
      await assertLoud(`after undoing the ${duration} snooze`);
      assert.deepEqual(errors, []);
      await popup.close();
    });
  }

  test('popup: "Keep this on" dismisses one setting (still shown as on), Undo brings it back', async () => {
    const popup = await openPopup(ext.context, ext.extensionId);
    const errors = collectErrors(popup);
    const row = popup.locator(`[data-setting="${AI}"]`);
    await row.waitFor();
    const title = await row.locator('h3').innerText();
    await row.getByRole('button', { name: t('en', 'btnKeepOnLabel', [title]) }).click();
    await popup.waitForSelector(`[data-setting="${AI}"][data-status="dismissed"]`);
    const s = await stored();
    assert.deepEqual(s.dismissed, [AI]);
    assert.equal(s.settings[AI].state, 'on', 'dismissing is not turning off');
    assert.equal(await popup.locator(`[data-setting="${AI}"]`).getAttribute('data-state'), 'on', 'the row still says what was seen');
    // Only this setting is quiet; the badge follows the status view and no longer counts it.
    const { badge, status } = await badgeAndStatus();
    assert.equal(badge.text, status.badge.text);
    assert.equal(status.remaining, Number(loud.text) - 1, 'one fewer open setting');
    assert.notEqual(status.badge.kind, 'done', 'not "all done": the rest is still unchecked');

    await popup.locator(`[data-setting="${AI}"]`).getByRole('button', { name: t('en', 'btnUndoDismissLabel', [title]) }).click();
    await popup.waitForSelector(`[data-setting="${AI}"][data-status="on"]`);
    assert.deepEqual((await stored()).dismissed, []);
    await assertLoud('after undoing "Keep this on"');
    assert.deepEqual(errors, []);
    await popup.close();
  });

  test('popup: "Don\'t remind me" quiets every reminder (badge quiet, same count; no banner on LinkedIn), Undo restores', async () => {
    const popup = await openPopup(ext.context, ext.extensionId);
    const reminders = popup.locator('#reminders');
    await reminders.getByRole('button', { name: msg.btnDismissAll }).click();
    await reminders.getByText(msg.remindersOff).waitFor();
    assert.equal((await stored()).dismissAll, true);
    await assertQuiet('reminders off');
    assert.deepEqual((await alarms(ext.worker)).filter((a) => a.name === 'refresh' && a.scheduledTime < Date.now() + DAY), [],
      'nothing to wake up for soon');

    const page = await ext.context.newPage();
    await visit(page, FEED);
    assert.equal((await shadowSnapshot(page))?.visible ?? false, false, 'no nudge on the feed');
    await visit(page, AI_PAGE);
    assert.equal((await shadowSnapshot(page))?.visible ?? false, false, 'no guide on the setting page either');

    await reminders.getByRole('button', { name: msg.btnUndoRemindersOffLabel }).click();
    await reminders.getByRole('button', { name: msg.snoozeDay, exact: true }).waitFor();
    assert.equal((await stored()).dismissAll, false);
    await assertLoud('after turning reminders back on');
    await page.goto(FEED);
    const banner = await waitForShadow(page);
    assert.match(banner.text, new RegExp(escape(msg.bannerNudgeTitle)), 'the nudge is back');
    await page.close();
    await popup.close();
  });

  for (const [duration, days] of DURATIONS) {
    test(`banner: "Remind me later" → ${duration} snoozes from LinkedIn; the feed goes quiet, the setting page still guides`, async () => {
      await remindAgain();
      const page = await ext.context.newPage();
      const errors = collectErrors(page);
      await page.goto(FEED);
      await waitForShadow(page, { predicate: (s) => s.visible && s.text.includes(msg.bannerSnooze) });
      await shadowClick(page, { text: msg.bannerSnooze });
      const key = `${duration[0].toUpperCase()}${duration.slice(1)}`;
      const open = await waitForShadow(page, {
        predicate: (s) => s.buttons.some((b) => b.text === msg[`bannerSnooze${key}`] && b.visible),
      });
      assert.equal(open.buttons.find((b) => b.text === msg.bannerSnooze)?.attrs['aria-expanded'], 'true', 'the menu button says it is open');
      const t0 = Date.now();
      await shadowClick(page, { text: msg[`bannerSnooze${key}`] });
      const ack = await waitForShadow(page, { predicate: (s) => s.text.includes(msg[`bannerAck${key}`]) });
      const t1 = Date.now();
      assert.ok(ack.roles.some((r) => r.live === 'polite' || r.live === 'assertive' || r.role === 'status'),
        'the acknowledgement is announced');
      if (duration === 'week') await screenshot(page, 'reminders-banner-snoozed');
      const s = await stored();
      assert.ok(s.snoozeUntil >= t0 + days * DAY - 1000 && s.snoozeUntil <= t1 + days * DAY,
        `snoozed for ${days} day(s) from the banner: ${s.snoozeUntil - t0} ms`);
      await assertQuiet(`banner snooze ${duration}`);

      await visit(page, FEED);
      assert.equal((await shadowSnapshot(page))?.visible ?? false, false, 'no nudge on the feed while snoozed');
      await page.goto(AI_PAGE);
      const guide = await waitForShadow(page, { predicate: (x) => x.text.includes(msg.bannerStatusOn) });
      assert.ok(guide.buttons.some((b) => b.text === msg.bannerKeepOn), 'the member came here on purpose: the guide still helps');

      const undone = await ctl.event({ type: 'unsnooze' });
      assert.equal(undone.ok, true);
      await assertLoud(`after unsnoozing (${duration})`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('banner: "Don\'t remind me again" turns every reminder off; badge quiet with the same count; undo in the popup', async () => {
    await remindAgain();
    const page = await ext.context.newPage();
    const errors = collectErrors(page);
    await page.goto(FEED);
    await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerDismissAll) });
    await shadowClick(page, { text: msg.bannerDismissAll });
    await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerAckDismissAll) });
    const s = await stored();
    assert.equal(s.dismissAll, true);
    assert.equal(s.settings[AI].state, 'on');
    await assertQuiet('reminders off from the banner');
    await visit(page, AI_PAGE);
    assert.equal((await shadowSnapshot(page))?.visible ?? false, false, '"don\'t remind me" quiets setting pages too');

    const popup = await openPopup(ext.context, ext.extensionId);
    const reminders = popup.locator('#reminders');
    await reminders.getByText(msg.remindersOff).waitFor();
    await reminders.getByRole('button', { name: msg.btnUndoRemindersOffLabel }).click();
    await reminders.getByRole('button', { name: msg.snoozeDay, exact: true }).waitFor();
    await assertLoud('after turning reminders back on');
    await page.goto(FEED);
    await waitForShadow(page, { predicate: (x) => x.text.includes(msg.bannerNudgeTitle) });
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
  });

  test('banner: "Keep this on" on the setting page dismisses that setting only; popup shows it dismissed; Undo there', async () => {
    const page = await ext.context.newPage();
    const errors = collectErrors(page);
    await page.goto(AI_PAGE);
    await waitForShadow(page, { predicate: (s) => s.buttons.some((b) => b.text === msg.bannerKeepOn) });
    await shadowClick(page, { text: msg.bannerKeepOn });
    await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerAckKeepOn) });
    const s = await stored();
    assert.deepEqual(s.dismissed, [AI]);
    assert.equal(s.settings[AI].state, 'on', 'the switch was not touched');
    assert.equal(await page.locator('input[role=switch]').first().isChecked(), true, 'LinkedIn\'s switch is still on');
    await visit(page, AI_PAGE);
    assert.equal((await shadowSnapshot(page))?.visible ?? false, false, 'no guide for a setting the member wants on');

    const popup = await openPopup(ext.context, ext.extensionId);
    const row = popup.locator(`[data-setting="${AI}"]`);
    await popup.waitForSelector(`[data-setting="${AI}"][data-status="dismissed"]`);
    const title = await row.locator('h3').innerText();
    await row.getByRole('button', { name: t('en', 'btnUndoDismissLabel', [title]) }).click();
    await popup.waitForSelector(`[data-setting="${AI}"][data-status="on"]`);
    await page.goto(AI_PAGE);
    await waitForShadow(page, { predicate: (x) => x.text.includes(msg.bannerStatusOn) });
    await assertLoud('after undoing "Keep this on"');
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
  });

  test('banner: closing the nudge (×) keeps it away for today; badge still loud; the popup says so, Undo brings it back', async () => {
    await remindAgain();
    const page = await ext.context.newPage();
    const errors = collectErrors(page);
    await page.goto(FEED);
    await waitForShadow(page, { predicate: (s) => s.visible && s.text.includes(msg.bannerNudgeTitle) });
    await shadowClick(page, { name: msg.bannerCloseNudge });
    await waitForShadow(page, { predicate: (s) => !s.visible || !s.text.includes(msg.bannerNudgeTitle) });
    const closed = await pollUntil(stored, (s) => typeof s.nudgeClosedDay === 'number', { what: 'the close remembered' });
    const today = Math.floor((Date.now() - new Date().getTimezoneOffset() * 60_000) / DAY);
    assert.equal(closed.nudgeClosedDay, today, 'closed for the local day');
    assert.equal(closed.snoozeUntil, null, 'closing is not snoozing');
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === false, { what: 'the nudge bundle unregistered' });
    const { badge, status } = await badgeAndStatus();
    assert.equal(status.badge.kind, 'attention', 'the badge still asks for attention');
    assert.deepEqual({ text: badge.text, hex: badge.hex, title: badge.title }, loud);
    assert.equal(status.nudgeClosed, true);

    await visit(page, FEED); // a quiet feed: nothing loaded, nothing sent
    assert.equal((await shadowSnapshot(page))?.visible ?? false, false, 'no nudge on the next feed load');
    await page.goto(AI_PAGE);
    await waitForShadow(page, { predicate: (x) => x.text.includes(msg.bannerStatusOn) });

    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/pages/options.html`);
    await options.locator('#reminder-state').getByText(msg.remindersClosed).waitFor();
    await options.close();
    const popup = await openPopup(ext.context, ext.extensionId);
    const reminders = popup.locator('#reminders');
    await reminders.getByText(msg.remindersClosed).waitFor();
    await screenshot(popup, 'reminders-popup-nudge-closed', { fullPage: true });
    await reminders.getByRole('button', { name: msg.btnUndoSnoozeLabel }).click();
    await reminders.getByRole('button', { name: msg.snoozeDay, exact: true }).waitFor();
    assert.equal((await stored()).nudgeClosedDay, undefined);
    await assertLoud('after bringing the closed nudge back');
    await page.goto(FEED);
    await waitForShadow(page, { predicate: (x) => x.visible && x.text.includes(msg.bannerNudgeTitle) });
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
  });

  test('open LinkedIn tabs follow a decision made elsewhere: a popup snooze takes every card away, Undo brings them back; closing in one tab closes the others', async () => {
    await remindAgain();
    const a = await ext.context.newPage();
    const b = await ext.context.newPage();
    const errors = [...collectErrors(a), ...collectErrors(b)];
    const shown = (/** @type {import('playwright-core').Page} */ p) =>
      pollUntil(async () => (await shadowSnapshot(p)) ?? { visible: false, text: '' },
        (s) => s.visible && s.text.includes(msg.bannerNudgeTitle), { what: 'the nudge in that tab' });
    const gone = (/** @type {import('playwright-core').Page} */ p, /** @type {string} */ what) =>
      pollUntil(async () => (await shadowSnapshot(p)) ?? { visible: false, text: '' },
        (s) => !s.visible || !s.text.includes(msg.bannerNudgeTitle), { what });
    await a.goto(FEED);
    await shown(a);
    // Once a day: tab B's load gets the card after a "remind me again".
    await remindAgain();
    await b.goto(FEED);
    await shown(b);

    assert.equal((await ctl.event({ type: 'snooze', duration: 'day' })).ok, true);
    await gone(a, 'the card in tab A to go after the popup snooze, without a reload');
    await gone(b, 'the card in tab B to go too');
    assert.equal((await ctl.event({ type: 'unsnooze' })).ok, true);
    await shown(a);
    await shown(b);

    await shadowClick(a, { name: msg.bannerCloseNudge });
    await gone(b, 'the card in tab B to go when it was closed in tab A');
    assert.equal((await ctl.event({ type: 'unsnooze' })).ok, true);
    await shown(b);
    await a.waitForTimeout(300);
    assert.ok(!(await shadowSnapshot(a))?.text.includes(msg.bannerNudgeTitle), 'tab A, where it was closed, stays closed on this page');
    await assertLoud('after the tabs followed the popup');
    assert.deepEqual(errors, []);
    await a.close();
    await b.close();
  });

  test('a snooze ends by itself: when the "refresh" alarm fires after the snooze end, the badge is loud again without a LinkedIn visit', async () => {
    const r = await ctl.event({ type: 'snooze', duration: 'day' });
    assert.equal(r.ok, true);
    await assertQuiet('snoozed');
    const refresh = (await alarms(ext.worker)).find((a) => a.name === 'refresh');
    assert.ok(refresh && refresh.scheduledTime >= r.status.snoozeUntil, 'the wake-up is at the snooze end');

    // Time passes: the stored snooze end is now in the past (written as the worker would find it after a day,
    // when that day's card has not been shown yet).
    const s = await stored();
    s.snoozeUntil = Date.now() - 1000;
    delete s.nudgeShownDay;
    delete s.nudgeClosedDay;
    await writeStorage(ext.worker, { state: JSON.stringify(s) });
    // Nothing else has happened yet: the badge still shows what the worker last drew.
    assert.equal((await readBadge(ext.worker)).title, msg.badgeTitleSnoozed);
    // The alarm fires (brought forward: an unpacked extension may schedule one within a second).
    const before = (await pageReports(ext.worker)).length;
    await ext.worker.evaluate(() => chrome.alarms.create('refresh', { when: Date.now() + 200 }));
    const badge = await pollUntil(() => readBadge(ext.worker), (b) => b.title !== msg.badgeTitleSnoozed,
      { what: 'the badge to leave "paused" when the alarm fires' });
    assert.deepEqual({ text: badge.text, hex: badge.hex, title: badge.title }, loud, 'loud again, same count');
    assert.equal((await pageReports(ext.worker)).length, before, 'no LinkedIn page was involved');
    const after = await stored();
    assert.equal(after.settings[AI].state, 'on');
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'the card script registered' });
    await new Promise((r) => setTimeout(r, 250));
    const page = await ext.context.newPage();
    await page.goto(FEED);
    await waitForShadow(page, { predicate: (x) => x.text.includes(msg.bannerNudgeTitle) });
    await page.close();
  });

  test('no errors in the worker', () => {
    assert.deepEqual(workerErrors, []);
  });
});

describe('a card closed today, then a browser restart', () => {
  /** @type {string} */
  let dir;
  before(async () => { dir = await tempProfile(); });
  after(async () => { await removeDir(dir); });

  test('× means today: a browser restart does not bring the card back the same day', async () => {
    const msg = await localeMessages('en');
    let ext = await launchPersistent(dir);
    try {
      await finishSetup(await controlPage(ext.context, ext.extensionId), 'eu');
      await routeLinkedIn(ext.context, { '/feed/': 'pages/en/feed.html' });
      const page = await ext.context.newPage();
      await page.goto(FEED);
      await waitForShadow(page, { predicate: (s) => s.visible && s.text.includes(msg.bannerNudgeTitle) });
      await shadowClick(page, { name: msg.bannerCloseNudge });
      // (The card's script is unregistered after today's card anyway: what counts is that × was recorded.)
      await pollUntil(async () => (await readStore(ext.worker)).state, (s) => typeof s?.nudgeClosedDay === 'number', { what: 'the close recorded' });
      await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === false, { what: 'the nudge bundle unregistered' });
    } finally {
      await ext.close();
    }
    ext = await launchPersistent(dir);
    try {
      const ctl = await controlPage(ext.context, ext.extensionId);
      const view = await ctl.status();
      assert.equal(view.nudgeClosed, true, 'still closed for today after the restart');
      assert.equal(await nudgeRegistered(ext.worker), false, 'the card script stays unregistered');
      await routeLinkedIn(ext.context, { '/feed/': 'pages/en/feed.html' });
      const page = await ext.context.newPage();
      await page.goto(FEED);
      await page.waitForLoadState('load');
      await page.waitForTimeout(400);
      assert.equal((await shadowSnapshot(page))?.visible ?? false, false, 'no card on the feed');
    } finally {
      await ext.close();
    }
  });
});

/** @param {string} s */
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
