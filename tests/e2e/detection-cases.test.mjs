// Settings catalog and page detection, end to end: EVERY case in tests/fixtures/cases.json and *-cases.json is served at its URL
// (+query) to the real extension in one browser; the storage is cleared between cases; the content script's
// report is awaited; what the worker stored (`state` → settings[id].state) must equal expect.states exactly, and no
// write along the way may say "off" for a switch that is not off. The look-alike host gets no content script and
// nothing is stored.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/detection-cases.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { routeLinkedIn, loadCases, contentScriptWorlds, collectErrors, FIXTURES, sendToWorker } from './lib/harness.mjs';
import {
  launch, controlPage, clearStorage, readStore, shownStatesOf, pollUntil, watchPageReports, pageReports,
  watchStateWrites, drainStateWrites,
} from './lib/ext.mjs';
import { join } from 'node:path';

/** How long a page that should store nothing gets after its last report before we look. */
const SETTLE_MS = 600;

const cases = await loadCases();

describe('every fixture case through the real extension', () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let ext;
  /** @type {{url: string, file: string} | null} */
  let current = null;
  /** @type {{url: string, file: string} | null} */
  let currentOther = null;
  /** @type {string[]} */
  let workerErrors;

  before(async () => {
    ext = await launch();
    workerErrors = collectErrors(ext.worker);
    // A member who finished onboarding (EU), so the extension is in its ordinary, everyday state.
    const ctl = await controlPage(ext.context, ext.extensionId);
    await ctl.event({ type: 'setRegion', region: 'eu' });
    await ctl.event({ type: 'finishSetup' });
    await ctl.close();
    await routeLinkedIn(ext.context, (url) => {
      if (!current) return null;
      const want = new URL(current.url);
      return url.pathname === want.pathname ? current.file : null;
    });
    // The look-alike case lives on another host: serve it too (the content script must not run there).
    await ext.context.route(/^https:\/\/linkedin\.example\.org\//, (route) => {
      const want = currentOther ? new URL(currentOther.url) : null;
      const url = new URL(route.request().url());
      if (want && url.pathname === want.pathname) {
        return route.fulfill({ status: 200, path: join(FIXTURES, currentOther?.file ?? ''), contentType: 'text/html; charset=utf-8' });
      }
      return route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' });
    });
    await watchPageReports(ext.worker);
    await watchStateWrites(ext.worker);
  });
  after(async () => {
    await ext?.close();
  });

  test('cases.json has cases', () => {
    assert.ok(cases.length > 0, 'tests/fixtures/cases.json lists cases');
  });

  for (const c of cases) {
    // `todo` (a case's known miss, with the reason): run and reported, not failing the suite.
    test(`${c.name}: stores ${JSON.stringify(c.expect?.states ?? {})}`, { todo: /** @type {any} */ (c).todo }, async () => {
      await clearStorage(ext.worker);
      // Keep the member's onboarding (region and setup) but forget every observation.
      await ext.worker.evaluate((s) => chrome.storage.local.set({ state: s }),
        JSON.stringify({ schema: 1, region: 'eu', setupDone: true }));
      const target = c.query ? `${c.url}${c.url.includes('?') ? '&' : '?'}${c.query}` : c.url;
      const linkedin = new URL(c.url).hostname === 'www.linkedin.com';
      const expected = /** @type {Record<string, string>} */ (c.expect?.states ?? {});
      // Ordinary pages report through the reminder card's script, which runs on the first load of a day only:
      // "remind me again" brings it back, so that the page is read (and must store nothing).
      if (linkedin && Object.keys(expected).length === 0) {
        await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'unsnooze' } });
      }
      await drainStateWrites(ext.worker);

      current = linkedin ? c : null;
      currentOther = linkedin ? null : c;
      const page = await ext.context.newPage();
      const errors = collectErrors(page);
      const since = Date.now();
      try {
        const response = await page.goto(target);
        assert.equal(response?.status(), 200, `${target} is served`);
        if (!linkedin) {
          assert.equal(new URL(page.url()).hostname, new URL(c.url).hostname);
          await new Promise((r) => setTimeout(r, SETTLE_MS));
          assert.deepEqual(await contentScriptWorlds(page, ext.extensionId), [], 'no content script outside www.linkedin.com');
          assert.deepEqual((await pageReports(ext.worker)).filter((r) => r.at >= since), [], 'no report from that page');
        } else if (Object.keys(expected).length > 0) {
          await pollUntil(async () => shownStatesOf((await readStore(ext.worker)).state), (s) => sameStates(s, expected),
            { timeout: 15_000, what: `${c.name} to store ${JSON.stringify(expected)}` });
        } else {
          // Nothing to store: wait for the content script's report(s), then a short settle after the last one.
          await pollUntil(() => pageReports(ext.worker), (l) => l.some((r) => r.at >= since && r.url.startsWith(c.url.split('?')[0])),
            { timeout: 10_000, what: `a page report from ${c.name}` });
          let last = 0;
          for (;;) {
            const mine = (await pageReports(ext.worker)).filter((r) => r.at >= since);
            const newest = Math.max(...mine.map((r) => r.at));
            if (newest === last && Date.now() - newest >= SETTLE_MS) break;
            last = newest;
            await new Promise((r) => setTimeout(r, 150));
          }
        }
        const final = shownStatesOf((await readStore(ext.worker)).state);
        assert.deepEqual(final, expected, `${c.name}: stored states`);
        // Switches no catalog setting claims (also on a new setting's own page): label → state.
        if (c.expect?.extras) {
          const want = /** @type {Record<string, string>} */ (c.expect.extras);
          const seen = await pollUntil(async () => extrasOf((await readStore(ext.worker)).state),
            (x) => Object.keys(want).every((k) => x[k] === want[k]), { timeout: 10_000, what: `${c.name}: extras ${JSON.stringify(want)}` });
          assert.deepEqual(seen, want, `${c.name}: stored extras`);
        }
        // Never "off" unless the page's switch really is off — not even for a moment.
        const really = /** @type {Record<string, string>} */ (/** @type {any} */ (c).pageStates ?? expected);
        for (const w of await drainStateWrites(ext.worker)) {
          for (const [id, state] of Object.entries(shownStatesOf(w.state))) {
            if (state === 'off') assert.equal(really[id], 'off', `${c.name}: a write said ${id} is off`);
          }
        }
        assert.deepEqual(errors.filter((e) => e.startsWith('pageerror')), [], `${c.name}: no uncaught errors on the page`);
      } finally {
        current = null;
        currentOther = null;
        await page.close();
      }
    });
  }

  test('no errors in the worker across all cases', () => {
    assert.deepEqual(workerErrors, []);
  });
});

/** The unknown switches the popup shows (the account's, and those held while it is uncertain): label → state.
 * @param {any} state @returns {Record<string, string>} */
function extrasOf(state) {
  const s = typeof state === 'string' ? JSON.parse(state) : state;
  const uncertain = !s?.account || s?.accountCheck === true;
  const all = { ...(uncertain && s?.account ? {} : (s?.extras ?? {})), ...(uncertain ? (s?.held?.extras ?? {}) : {}) };
  return Object.fromEntries(Object.entries(all).map(([label, e]) => [label, /** @type {any} */ (e).state]));
}

/** @param {Record<string, string>} a @param {Record<string, string>} b */
function sameStates(a, b) {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}
