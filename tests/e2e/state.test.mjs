// Stored state you can trust: damaged, foreign or newer data is reported in the popup (an alert in the user's
// language), recovered without a crash, never turned into an "off" that was not seen, and kept raw under
// `stateBackups`. Concurrent changes from two extension pages and a LinkedIn tab lose nothing. Export → import
// through the options page round-trips; garbage is refused with a localised error. A restarted browser (same
// profile directory) keeps everything.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/state.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { routeLinkedIn, readBadge, openPopup, collectErrors, waitForShadow, screenshot } from './lib/harness.mjs';
import {
  launch, launchPersistent, tempProfile, removeDir, controlPage, finishSetup, readStore, statesOf, writeStorage,
  clearStorage, alarms, pollUntil, localeMessages, msg as t, loadCatalog,
} from './lib/ext.mjs';

const AI = 'gen-ai-improvement';
const AI_PAGE = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const FEED = 'https://www.linkedin.com/feed/';
const ROUTES = {
  '/feed/': 'pages/en/feed.html',
  '/mypreferences/d/settings/data-for-ai-improvement': 'pages/en/data-for-ai-improvement.html',
};

/** `problemStateDamaged` for `stateDamaged`. @param {string} code */
const problemKey = (code) => `problem${code[0].toUpperCase()}${code.slice(1)}`;

/**
 * Open the popup and return what it shows: the alerts' texts and every row's data-state/-status.
 * @param {import('playwright-core').BrowserContext} context @param {string} id
 */
async function popupView(context, id) {
  const popup = await openPopup(context, id);
  const errors = collectErrors(popup);
  await popup.waitForSelector('[data-setting]', { state: 'attached' }); // off rows are collapsed
  const alerts = await popup.locator('#problems [role=alert]').allInnerTexts();
  const rows = await popup.$$eval('[data-setting]', (els) => els.map((e) => ({
    id: e.getAttribute('data-setting'), state: e.getAttribute('data-state'), status: e.getAttribute('data-status'),
  })));
  return { popup, errors, alerts: alerts.map((a) => a.trim()), rows };
}

describe('damaged stored data (English browser)', () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let ext;
  /** @type {Record<string, string>} */
  let msg;
  /** @type {string[]} */
  let workerErrors;
  const now = Date.now();
  const seen = (/** @type {string} */ state) => ({ state, seenAt: now - 1000, changedAt: now - 1000 });

  /** @type {{name: string, value: unknown, code: string, keptOff?: string[]}[]} */
  const variants = [
    { name: 'truncated JSON text', value: '{"schema":1,"settings":{', code: 'stateDamaged' },
    {
      name: 'an object instead of JSON text, not ours (no schema)',
      value: { settings: { [AI]: seen('off'), 'ads-beyond-linkedin': seen('off') }, dismissAll: true },
      code: 'stateForeign',
    },
    {
      name: 'an object instead of JSON text, schema 1 with settings that are not a map',
      value: { schema: 1, region: 'eu', setupDone: true, settings: 'all off' },
      code: 'statePartial',
    },
    {
      name: 'a future schema 7',
      value: JSON.stringify({ schema: 7, region: 'eu', setupDone: true, settings: { [AI]: seen('off') }, newThing: [1, 2] }),
      code: 'stateNewer',
    },
    {
      name: 'partially damaged settings',
      value: JSON.stringify({
        schema: 1, region: 'eu', setupDone: true,
        settings: {
          [AI]: { state: 'off', seenAt: -5, changedAt: 0 },          // impossible time
          'ads-age': 'off',                                           // not an entry
          'ads-gender': { state: 'of', seenAt: now, changedAt: now }, // not a state
          'ads-beyond-linkedin': seen('off'),                         // intact: kept
        },
        dismissed: [], dismissAll: false, snoozeUntil: null, guide: null, recheckDays: 90,
      }),
      code: 'statePartial',
      keptOff: ['ads-beyond-linkedin'],
    },
    {
      name: 'damaged choices (setup, reminders, interval, guide)',
      value: JSON.stringify({
        schema: 1, region: 'eu', setupDone: 'yes', dismissAll: 1, snoozeUntil: 'tomorrow', recheckDays: '90',
        guide: true, dismissed: [], settings: { 'ads-beyond-linkedin': seen('off') },
      }),
      code: 'stateChoicesReset',
      keptOff: ['ads-beyond-linkedin'],
    },
  ];

  before(async () => {
    ext = await launch();
    workerErrors = collectErrors(ext.worker);
    msg = await localeMessages('en');
    await routeLinkedIn(ext.context, ROUTES);
  });
  after(async () => {
    await ext?.close();
  });

  for (const v of variants) {
    test(`${v.name}: reported (${v.code}), recovered, backed up raw, no unseen "off"`, async () => {
      await clearStorage(ext.worker);
      await writeStorage(ext.worker, { state: v.value });
      const { popup, errors, alerts, rows } = await popupView(ext.context, ext.extensionId);
      assert.ok(msg[problemKey(v.code)], `the locale has ${problemKey(v.code)}`);
      assert.deepEqual(alerts, [msg[problemKey(v.code)]], 'one alert with the localised problem text');
      if (v.code === 'stateDamaged') await screenshot(popup, 'state-damaged-popup', { fullPage: true });

      const store = await readStore(ext.worker);
      assert.ok(store.raw && typeof store.raw === 'object', 'the state is stored as an object again');
      assert.equal(store.state?.schema, 2, 'recovered to the current schema (2)');
      // Text is kept byte for byte; an object is kept as its JSON (storage may reorder an object's keys).
      const keptAsIs = (/** @type {{raw: string}} */ b) => {
        if (typeof v.value === 'string') return b.raw === v.value;
        try {
          return isDeepStrictEqual(JSON.parse(b.raw), v.value);
        } catch {
          return false;
        }
      };
      assert.ok(store.backups.some(keptAsIs), `the damaged data is kept as it was under stateBackups: ${JSON.stringify(store.backups)}`);
      assert.ok(store.problems.includes(v.code), 'the problem code is stored for the popup');

      const kept = new Set(v.keptOff ?? []);
      for (const row of rows) {
        if (kept.has(/** @type {string} */ (row.id))) {
          assert.equal(row.state, 'off', `${row.id}: readable, kept`);
        } else {
          assert.notEqual(row.state, 'off', `${row.id}: never "off" from damaged data`);
          assert.notEqual(row.status, 'off', `${row.id}: never "off" from damaged data`);
        }
      }
      assert.deepEqual(Object.entries(statesOf(store.state)).filter(([id, s]) => s === 'off' && !kept.has(id)), []);
      const status = await controlPage(ext.context, ext.extensionId).then(async (c) => {
        const s = await c.status();
        await c.close();
        return s;
      });
      assert.notEqual(status.badge.kind, 'done', 'the badge does not say "all off"');
      assert.deepEqual(errors, [], 'the popup renders without errors');
      await popup.close();
    });
  }

  test('after damage, the extension keeps working: a LinkedIn page is read and recorded', async () => {
    await clearStorage(ext.worker);
    await writeStorage(ext.worker, { state: '{"schema":1,"settings":{' });
    const ctl = await controlPage(ext.context, ext.extensionId);
    await finishSetup(ctl);
    const page = await ext.context.newPage();
    await page.goto(AI_PAGE);
    await waitForShadow(page, { predicate: (s) => s.text.includes(msg.bannerStatusOn) });
    const store = await pollUntil(() => readStore(ext.worker), (s) => s.state?.settings?.[AI]?.state === 'on', { what: 'the AI setting recorded' });
    assert.equal(store.backups.length, 1, 'the backup is still there');
    // The member has seen the problem: "clearProblems" (the popup's own message) forgets it, backups stay.
    const cleared = await ctl.send({ type: 'clearProblems' });
    assert.deepEqual(cleared.problems, []);
    assert.equal((await readStore(ext.worker)).backups.length, 1);
    await page.close();
    await ctl.close();
  });

  test('the member acknowledges the notices in the popup: they go for good, the backup stays', async () => {
    await clearStorage(ext.worker);
    await writeStorage(ext.worker, { state: '{"schema":1,"settings":{' });
    const { popup, errors, alerts } = await popupView(ext.context, ext.extensionId);
    assert.deepEqual(alerts, [msg.problemStateDamaged]);
    const ack = popup.getByRole('button', { name: msg.btnAcknowledgeProblems });
    await ack.focus();
    await popup.keyboard.press('Enter'); // reachable and usable from the keyboard
    await popup.waitForSelector('#problems', { state: 'hidden' });
    assert.deepEqual(await popup.locator('#problems [role=alert]').count(), 0, 'no notice left');
    assert.equal(await popup.evaluate(() => document.activeElement?.id), 'start-guide', 'focus moves on, not lost');
    await popup.waitForFunction((text) => document.getElementById('live')?.textContent === text, msg.announceProblemsCleared);
    const store = await readStore(ext.worker);
    assert.deepEqual(store.problems, [], 'the problems are forgotten in storage');
    assert.equal(store.backups.length, 1, 'the backup of the damaged data stays');
    assert.deepEqual(errors, []);
    await popup.close();
    const again = await popupView(ext.context, ext.extensionId);
    assert.deepEqual(again.alerts, [], 'the next popup shows no notice');
    assert.equal(await again.popup.locator('#problems').isHidden(), true);
    await again.popup.close();
  });

  test('two extension pages and a LinkedIn tab changing state at the same time lose nothing', async () => {
    await clearStorage(ext.worker);
    const catalog = await loadCatalog();
    const ids = catalog.settings.map((/** @type {{id: string}} */ s) => s.id).filter((/** @type {string} */ id) => id !== AI);
    assert.ok(ids.length >= 4);
    const a = await controlPage(ext.context, ext.extensionId, 'pages/popup.html');
    const b = await controlPage(ext.context, ext.extensionId, 'pages/options.html');
    await finishSetup(a);
    const half = Math.ceil(ids.length / 2);
    const fromA = ids.slice(0, half);
    const fromB = ids.slice(half);
    const page = await ext.context.newPage();
    /** @param {typeof a} ctl @param {string[]} list @param {any} extra */
    const burst = (ctl, list, extra) => ctl.page.evaluate(([list, extra]) => Promise.all([
      ...list.map((setting) => chrome.runtime.sendMessage({ type: 'event', event: { type: 'dismiss', setting } })),
      chrome.runtime.sendMessage({ type: 'event', event: extra }),
    ]), /** @type {const} */ ([list, extra]));
    const [ra, rb] = await Promise.all([
      burst(a, fromA, { type: 'snooze', duration: 'week' }),
      burst(b, fromB, { type: 'setRecheckDays', days: 30 }),
      page.goto(AI_PAGE),
    ]);
    assert.ok([...ra, ...rb].every((r) => r?.ok === true), 'every event was accepted');
    const store = await pollUntil(() => readStore(ext.worker), (s) => s.state?.settings?.[AI]?.state === 'on',
      { what: 'the page observation' });
    assert.deepEqual([...store.state.dismissed].sort(), [...ids].sort(), 'every dismiss from both pages is stored');
    assert.equal(typeof store.state.snoozeUntil, 'number', 'the snooze from page A is stored');
    assert.equal(store.state.recheckDays, 30, 'the re-check interval from page B is stored');
    assert.equal(store.state.region, 'eu');
    assert.equal(store.state.setupDone, true);
    await Promise.all([a.close(), b.close(), page.close()]);
  });

  test('export then import through the options page round-trips; garbage is refused with a localised error', async () => {
    await clearStorage(ext.worker);
    const ctl = await controlPage(ext.context, ext.extensionId);
    await finishSetup(ctl, 'uk');
    await ctl.event({ type: 'dismiss', setting: 'ads-age' });
    await ctl.event({ type: 'snooze', duration: 'month' });
    await ctl.event({ type: 'setRecheckDays', days: 180 });
    const page = await ext.context.newPage();
    await page.goto(AI_PAGE);
    const before = await pollUntil(() => readStore(ext.worker), (s) => s.state?.settings?.[AI]?.state === 'on', { what: 'the AI setting recorded' });
    await page.close();

    const options = await openPopup(ext.context, ext.extensionId, { path: 'pages/options.html', width: 900, height: 900 });
    const errors = collectErrors(options);
    await options.waitForSelector('#recheck-choices input');
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: msg.btnExport }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(exported.app, 'optout-pilot');
    assert.deepEqual(exported.state, before.state, 'the export holds exactly the stored state');
    const result = options.locator('#backup-result');
    await result.getByText(msg.optExportDone).waitFor();

    // Everything is lost (another machine, a reinstall): import the file.
    await clearStorage(ext.worker);
    assert.equal((await readStore(ext.worker)).raw, undefined);
    const importedFrom = Date.now();
    await options.setInputFiles('#import-file', file);
    await result.getByText(msg.optImportOk).waitFor();
    const after = await readStore(ext.worker);
    // The decisions and readings come back as they were; each reading is marked as imported, with its date.
    const importedAt = after.state?.settings?.[AI]?.importedAt;
    assert.ok(typeof importedAt === 'number' && importedAt >= importedFrom && importedAt <= Date.now(), `importedAt: ${importedAt}`);
    const marked = structuredClone(before.state);
    for (const seen of Object.values(marked.settings)) /** @type {any} */ (seen).importedAt = importedAt;
    assert.deepEqual(after.state, marked, 'import restores the exported state, readings marked as imported');
    const { popup, rows } = await popupView(ext.context, ext.extensionId);
    assert.equal(rows.find((r) => r.id === AI)?.state, 'on');
    assert.equal(rows.find((r) => r.id === 'ads-age')?.status, 'dismissed');
    assert.equal(await popup.locator(`[data-setting="${AI}"] [data-imported]`).count(), 1, 'the row says it comes from a file');
    await popup.close();

    /** @type {[string, string, string][]} */
    const garbage = [
      ['not JSON', 'hello, this is not a backup', t('en', 'optImportFailed', [msg.importNotJson])],
      ['a newer version', JSON.stringify({ app: 'optout-pilot', state: { schema: 7, settings: { [AI]: { state: 'off', seenAt: 1, changedAt: 1 } } } }),
        t('en', 'optImportFailed', [msg.problemStateNewer])],
      ['someone else\'s JSON', JSON.stringify({ hello: 'world' }), t('en', 'optImportFailed', [msg.problemStateForeign])],
      ['a damaged export', JSON.stringify({ app: 'optout-pilot', state: { schema: 1, settings: { [AI]: { state: 'off', seenAt: 'yesterday' } } } }),
        t('en', 'optImportFailed', [msg.problemStatePartial])],
      // The review's file: every setting "off", seen in the year 2200, 1,000 unknown dismissed ids.
      ['a file that lies', JSON.stringify({ app: 'optout-pilot', state: {
        schema: 1, region: 'eu', setupDone: true, recheckDays: 90,
        settings: Object.fromEntries((await loadCatalog()).settings.map((/** @type {{id: string}} */ s) =>
          [s.id, { state: 'off', seenAt: Date.UTC(2200, 0, 1), changedAt: Date.UTC(2200, 0, 1) }])),
        dismissed: Array.from({ length: 1000 }, (_, i) => `unknown-${i}`),
      } }), t('en', 'optImportFailed', [`${msg.problemImportUnknownSettings} ${msg.problemImportBadDates}`])],
      ['a file far too large', JSON.stringify({ app: 'optout-pilot', pad: 'x'.repeat(1_100_000), state: { schema: 1 } }),
        t('en', 'optImportFailed', [msg.problemImportTooLarge])],
    ];
    for (const [what, content, expected] of garbage) {
      await options.setInputFiles('#import-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(content) });
      await result.getByText(expected).waitFor({ timeout: 5000 }).catch(async () => {
        assert.fail(`${what}: expected "${expected}", the page says "${await result.innerText()}"`);
      });
      assert.deepEqual((await readStore(ext.worker)).raw, after.raw, `${what}: nothing was changed`);
    }

    // A plausible file with every setting "off" (seen yesterday): accepted, but the badge does not say "all done"
    // on the file's word: each reading is due for a re-check until LinkedIn shows it again.
    const yesterday = Date.now() - 86_400_000;
    const allOff = JSON.stringify({ app: 'optout-pilot', state: {
      schema: 1, region: 'eu', setupDone: true,
      settings: Object.fromEntries((await loadCatalog()).settings.map((/** @type {{id: string}} */ s) =>
        [s.id, { state: 'off', seenAt: yesterday, changedAt: yesterday }])),
    } });
    await options.setInputFiles('#import-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(allOff) });
    await result.getByText(msg.optImportOk).waitFor();
    const status = await ctl.status();
    assert.notEqual(status.badge.kind, 'done', 'not "all done" on an imported file alone');
    assert.equal(status.allDone, false);
    const ai = status.rows.find((/** @type {any} */ r) => r.id === AI);
    assert.equal(ai.status, 'recheck', 'an imported "off" asks for a re-check');
    const shown = await popupView(ext.context, ext.extensionId);
    assert.equal(shown.rows.find((r) => r.id === AI)?.status, 'recheck');
    await screenshot(shown.popup, 'state-imported-popup', { fullPage: true });
    await shown.popup.close();
    assert.deepEqual(errors, []);
    await options.close();
    await ctl.close();
  });

  test('no errors in the worker', () => {
    assert.deepEqual(workerErrors, []);
  });
});

describe('a German browser, restarted', () => {
  /** @type {string} */
  let dir;
  /** @type {Record<string, string>} */
  let de;

  before(async () => {
    dir = await tempProfile();
    de = await localeMessages('de');
  });
  after(async () => {
    await removeDir(dir);
  });

  test('state, snooze and its wake-up survive a browser restart; problems and import errors are in German', async () => {
    // First session: onboarding, the AI page seen on, one setting kept on, reminders paused for a week.
    let ext = await launchPersistent(dir, { lang: 'de' });
    let stored;
    let badge;
    try {
      // Chromium reports the --lang UI language to a just-started worker after a moment (en-US first).
      await pollUntil(() => ext.worker.evaluate(() => chrome.i18n.getUILanguage()), (l) => l.startsWith('de'),
        { what: 'a German UI language' });
      const ctl = await controlPage(ext.context, ext.extensionId);
      await finishSetup(ctl, 'eu');
      await routeLinkedIn(ext.context, ROUTES);
      const page = await ext.context.newPage();
      await page.goto(AI_PAGE);
      await pollUntil(() => readStore(ext.worker), (s) => s.state?.settings?.[AI]?.state === 'on', { what: 'the AI setting recorded' });
      await ctl.event({ type: 'dismiss', setting: 'ads-age' });
      await ctl.event({ type: 'snooze', duration: 'week' });
      stored = await readStore(ext.worker);
      badge = await readBadge(ext.worker);
      assert.equal(badge.title, de.badgeTitleSnoozed);
    } finally {
      await ext.close();
    }

    // Second session on the same profile.
    ext = await launchPersistent(dir, { lang: 'de' });
    try {
      const worker = ext.worker;
      await pollUntil(() => worker.evaluate(() => chrome.i18n.getUILanguage()), (l) => l.startsWith('de'),
        { what: 'a German UI language' });
      const again = await readStore(ext.worker);
      assert.deepEqual(again.raw, stored.raw, 'the stored state is exactly as it was');
      // The worker draws the badge when it starts: quiet, same count, German tooltip.
      const b = await pollUntil(() => readBadge(ext.worker), (x) => x.title === de.badgeTitleSnoozed && x.text === badge.text,
        { what: 'the badge after the restart' });
      assert.equal(b.hex, badge.hex);
      const refresh = (await alarms(ext.worker)).find((a) => a.name === 'refresh');
      assert.ok(refresh && refresh.scheduledTime >= stored.state.snoozeUntil, 'the wake-up at the snooze end is still there');

      const first = await popupView(ext.context, ext.extensionId);
      assert.equal(first.rows.find((r) => r.id === AI)?.state, 'on');
      assert.equal(first.rows.find((r) => r.id === 'ads-age')?.status, 'dismissed');
      assert.match(await first.popup.locator('#reminders').innerText(), new RegExp(escape(de.snoozedUntil.split('$')[0].trim())));
      assert.deepEqual(first.alerts, []);
      await first.popup.close();

      // Damage in a German browser: the alert is German.
      await writeStorage(ext.worker, { state: '{"schema":1,"settings":{"gen-ai-improvement":{"state":"off"' });
      const second = await popupView(ext.context, ext.extensionId);
      assert.deepEqual(second.alerts, [de.problemStateDamaged]);
      assert.ok(second.rows.every((r) => r.state !== 'off'), 'nothing shown off');
      await screenshot(second.popup, 'state-damaged-popup-de', { fullPage: true });
      await second.popup.close();

      // A garbage import in German.
      const options = await openPopup(ext.context, ext.extensionId, { path: 'pages/options.html', width: 900, height: 900 });
      await options.waitForSelector('#recheck-choices input');
      await options.setInputFiles('#import-file', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{{{') });
      await options.locator('#backup-result').getByText(t('de', 'optImportFailed', [de.importNotJson])).waitFor();
      await options.close();
    } finally {
      await ext.close();
    }
  });
});

/** @param {string} s */
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
