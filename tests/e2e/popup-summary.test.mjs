// The popup reads within its first screen, in a 400 × 600 window, EN and DE, light and dark:
// counts by state first ("4 of 11 off"), the main action and the reminder state in view, the settings already
// off collapsed (still in the page with their data attributes), how each reading was made in its row's details.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/popup-summary.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPopup, screenshot } from './lib/harness.mjs';
import { launch, finishSetup, msg, writeStorage, readStore, loadCatalog } from './lib/ext.mjs';

for (const lang of /** @type {const} */ (['en', 'de'])) {
  describe(`popup summary, ${lang}`, () => {
    /** @type {Awaited<ReturnType<typeof launch>>} */
    let ext;
    /** @type {string[]} */
    let toggles;
    before(async () => {
      ext = await launch({ args: [`--lang=${lang}`], locale: lang === 'en' ? 'en-US' : 'de-DE' });
      await finishSetup(ext, 'eu');
      const catalog = await loadCatalog();
      toggles = catalog.settings.filter((/** @type {any} */ s) => s.kind === 'toggle' && s.regions.includes('eu')).map((/** @type {any} */ s) => s.id);
      // During the guide: four seen off, one seen on, the rest not read yet.
      const s = (await readStore(ext.worker)).state;
      const now = Date.now() - 60_000;
      s.settings = Object.fromEntries([
        ...toggles.slice(0, 4).map((id) => [id, { state: 'off', seenAt: now, changedAt: now, reason: 'key' }]),
        [toggles[4], { state: 'on', seenAt: now, changedAt: now, reason: 'label' }],
      ]);
      s.guide = { active: true, startedAt: now };
      await writeStorage(ext.worker, { state: s });
    });
    after(async () => { await ext?.close(); });

    for (const scheme of /** @type {const} */ (['light', 'dark'])) {
      test(`first screen: "4 of ${'N'} off", the main action and the reminders; off rows collapsed (${scheme})`, async () => {
        const popup = await openPopup(ext.context, ext.extensionId, { width: 400, height: 600 });
        await popup.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await popup.waitForSelector('#summary:not([hidden])');
        const n = toggles.length;
        const counts = (await popup.locator('#summary-counts').innerText()).trim();
        assert.ok(counts.startsWith(msg(lang, 'countOffOfTotal', [4, n])), `counts first: ${counts}`);
        assert.ok(counts.includes(msg(lang, 'countOn', [1])) && counts.includes(msg(lang, 'countToCheck', [n - 5])), counts);
        // Within the first screen (600 px): the counts, the main action and the reminder state.
        for (const sel of ['#summary-counts', '#start-guide', '#reminders-title', '#reminders-body']) {
          const box = await popup.locator(sel).boundingBox();
          assert.ok(box && box.y + Math.min(box.height, 40) <= 600, `${sel} within the first screen: ${JSON.stringify(box)}`);
        }
        assert.equal((await popup.locator('#start-guide').innerText()).trim(), msg(lang, 'btnContinueGuide'));
        // Every catalog setting still has its row with the observable attributes, the off ones collapsed.
        for (const id of toggles) {
          const row = popup.locator(`[data-setting="${id}"]`);
          assert.equal(await row.count(), 1, id);
          assert.equal(await row.getAttribute('data-applies'), 'yes', id);
        }
        for (const id of toggles.slice(0, 4)) {
          const row = popup.locator(`#rows-off [data-setting="${id}"]`);
          assert.equal(await row.getAttribute('data-state'), 'off', id);
          assert.equal(await row.isVisible(), false, `${id}: collapsed`);
        }
        assert.equal((await popup.locator('#rows-off-summary').innerText()).trim(), msg(lang, 'rowsOff_other', [4]));
        assert.equal(await popup.locator(`#rows-main [data-setting="${toggles[4]}"]`).getAttribute('data-state'), 'on');
        await screenshot(popup, `popup-summary-${lang}-${scheme}`);
        // How it was read: in the row's details, not on the row.
        const on = popup.locator(`[data-setting="${toggles[4]}"]`);
        const how = msg(lang, 'viaLabel');
        assert.ok(!(await on.innerText()).includes(how), 'not on the row itself');
        await on.getByRole('button', { name: msg(lang, 'rowDetails') }).click();
        assert.ok((await on.innerText()).includes(how), 'in its details');
        // The collapsed ones open with one click (the summary line) and keep their rows.
        await popup.locator('#rows-off-summary').click();
        assert.equal(await popup.locator(`#rows-off [data-setting="${toggles[0]}"]`).isVisible(), true);
        await screenshot(popup, `popup-summary-open-${lang}-${scheme}`, { fullPage: true });
        await popup.close();
      });
    }
  });
}
