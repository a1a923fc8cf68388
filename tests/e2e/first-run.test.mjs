// An honest first status: right after install nothing has been read, so the badge, its tooltip, the
// reminder card and the popup say "N settings to check · about M min" in a neutral colour, never an amber count
// of settings that "still need your attention". Once a setting is seen on, the badge is the alarm again.
// English and German.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/first-run.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { routeLinkedIn, waitForShadow, readBadge, openPopup, screenshot, loadCases } from './lib/harness.mjs';
import { launch, finishSetup, msg, controlPage, pollUntil, readStore } from './lib/ext.mjs';

const FEED = 'https://www.linkedin.com/feed/';
const AI_PATH = '/mypreferences/d/settings/data-for-ai-improvement';

for (const lang of /** @type {const} */ (['en', 'de'])) {
  describe(`first run, ${lang}`, () => {
    /** @type {Awaited<ReturnType<typeof launch>>} */
    let ext;
    before(async () => {
      ext = await launch({ args: [`--lang=${lang}`], locale: lang === 'en' ? 'en-US' : 'de-DE' });
      const cases = await loadCases();
      const ai = cases.find((c) => c.name === `${lang}-gen-ai-improvement-on`);
      assert.ok(ai, 'fixture case for the AI setting page');
      await routeLinkedIn(ext.context, { '/feed/': `pages/${lang}/feed.html`, [AI_PATH]: ai.file });
      await finishSetup(ext);
    });
    after(async () => { await ext?.close(); });

    test('nothing read yet: a neutral badge, "to check · about M min" on the tooltip, the card and the popup', async () => {
      const ctl = await controlPage(ext.context, ext.extensionId);
      const status = await ctl.status();
      await ctl.close();
      const n = status.remaining;
      assert.ok(n > 0, 'settings to check');
      assert.equal(status.toCheck, true);
      assert.equal(status.badge.kind, 'toCheck');
      assert.ok(status.checkMinutes >= 1 && status.checkMinutes <= Math.ceil(n / 2), `a time estimate: ${status.checkMinutes} min`);
      const badge = await readBadge(ext.worker);
      assert.equal(badge.text, String(n), 'the badge counts what is to check');
      assert.equal(badge.hex, status.badge.color.toLowerCase());
      assert.ok(!['#8a5300', '#b3261e'].includes(badge.hex), `a neutral colour, not amber or red: ${badge.hex}`);
      assert.equal(badge.title, msg(lang, 'badgeTitleToCheck', [n, status.checkMinutes]));

      const page = await ext.context.newPage();
      await page.goto(FEED);
      const snap = await waitForShadow(page, { timeout: 15_000, predicate: (s) => s.visible && s.links.length > 0 });
      assert.ok(snap.text.includes(msg(lang, 'bannerNudgeToCheckMany', [n, status.checkMinutes])), `card: ${snap.text}`);
      assert.ok(!snap.text.includes(msg(lang, 'bannerNudgeBodyMany', [n])), 'not "still need your attention"');
      await screenshot(page, `first-run-card-${lang}`);
      await page.close();

      const popup = await openPopup(ext.context, ext.extensionId);
      await popup.waitForSelector('#summary:not([hidden])');
      const summary = (await popup.locator('#summary').innerText()).replace(/\s+/g, ' ');
      assert.ok(summary.includes(msg(lang, 'summaryToCheck_other', [n])), `popup summary: ${summary}`);
      assert.ok(summary.includes(msg(lang, 'summaryToCheckDetail', [status.checkMinutes])), `popup summary: ${summary}`);
      assert.equal(await popup.locator('#summary').getAttribute('data-tone'), 'neutral');
      // The reminder controls are there from the start, within the first screen (400 × 600).
      const rem = await popup.locator('#reminders').boundingBox();
      assert.ok(rem && rem.y < 600, `reminders within the first screen: ${JSON.stringify(rem)}`);
      assert.ok(await popup.locator('#reminders').getByRole('button', { name: msg(lang, 'snoozeDay'), exact: true }).isVisible());
      await screenshot(popup, `first-run-popup-${lang}`);
      await popup.close();
    });

    test('once a setting is seen on, the badge is the alarm again', async () => {
      const page = await ext.context.newPage();
      await page.goto(`https://www.linkedin.com${AI_PATH}`);
      await pollUntil(() => readStore(ext.worker), (s) => s.state?.settings?.['gen-ai-improvement']?.state === 'on',
        { what: 'the AI setting recorded on' });
      const badge = await pollUntil(() => readBadge(ext.worker), (b) => b.title === msg(lang, 'badgeTitleAttention', [1]),
        { what: 'the attention tooltip' });
      assert.equal(badge.hex, '#b3261e');
      await page.close();
    });
  });
}
