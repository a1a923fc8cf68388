// "Your opt-out record": a printable page, reached from the popup, in the member's language: for each
// setting its state, when and how it was read, when it was first seen off; the date LinkedIn's AI-training
// change applied in the region; the objection form's link. The account is only "this LinkedIn account". It
// prints (print CSS; a PDF is made). Screenshots in EN and DE, light and dark, and as printed.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/record.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPopup, screenshot } from './lib/harness.mjs';
import { launch, finishSetup, msg, writeStorage, readStore, loadCatalog } from './lib/ext.mjs';
import { AI_CHANGE_DATES } from '../../extension/pages/lib/ai-change-dates.js';

const HANDLE = 'jane-doe-1234';

for (const lang of /** @type {const} */ (['en', 'de'])) {
  describe(`opt-out record, ${lang}`, () => {
    /** @type {Awaited<ReturnType<typeof launch>>} */
    let ext;
    /** @type {any[]} */
    let toggles;
    /** @type {any} */
    let form;
    const offAt = Date.UTC(2026, 11, 7, 9, 30);
    before(async () => {
      ext = await launch({ args: [`--lang=${lang}`], locale: lang === 'en' ? 'en-US' : 'de-DE' });
      await finishSetup(ext, 'eu');
      const catalog = await loadCatalog();
      toggles = catalog.settings.filter((/** @type {any} */ s) => s.kind === 'toggle' && s.regions.includes('eu'));
      form = catalog.settings.find((/** @type {any} */ s) => s.kind === 'form');
      const s = (await readStore(ext.worker)).state;
      const seen = Date.UTC(2026, 11, 7, 9, 31);
      s.settings = {
        [toggles[0].id]: { state: 'off', seenAt: seen, changedAt: offAt, reason: 'key' },
        [toggles[1].id]: { state: 'on', seenAt: seen, changedAt: seen, reason: 'label' },
      };
      await writeStorage(ext.worker, { state: s });
    });
    after(async () => { await ext?.close(); });

    test('reached from the popup; per setting: state, when and how read, first seen off; AI change date; form; no account name', async () => {
      const popup = await openPopup(ext.context, ext.extensionId);
      const link = popup.locator('#open-record');
      await link.waitFor();
      assert.equal((await link.innerText()).trim(), msg(lang, 'recordLink'));
      const [page] = await Promise.all([ext.context.waitForEvent('page'), link.click()]);
      await page.waitForSelector('#record-rows tr');
      assert.match(page.url(), /\/pages\/record\.html$/);
      await popup.close();
      assert.equal(await page.evaluate(() => document.documentElement.lang.slice(0, 2)), lang);
      assert.equal((await page.locator('h1').innerText()).trim(), msg(lang, 'recordTitle'));
      const text = await page.locator('main').innerText();
      assert.ok(text.includes(msg(lang, 'recordAccount', ['\u0000']).split('\u0000')[0].trim()), 'this LinkedIn account');
      assert.ok(!text.includes(HANDLE) && !/[0-9a-f]{64}/.test(text), 'no account name, handle or key');
      const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(AI_CHANGE_DATES.eu + 'T12:00:00Z'));
      assert.ok(text.includes(msg(lang, 'recordAiChange', [date])), `the AI change date in the EU: ${date}`);
      // One row per applicable setting, with its state; the one seen off says when, the one on says how it was read.
      for (const s of toggles) assert.equal(await page.locator(`#record-rows tr[data-setting="${s.id}"]`).count(), 1, s.id);
      const off = await page.locator(`#record-rows tr[data-setting="${toggles[0].id}"]`).innerText();
      const fmt = (/** @type {number} */ ts) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ts));
      assert.ok(off.includes(msg(lang, 'pillOff')) && off.includes(fmt(offAt)) && off.includes(msg(lang, 'viaKey')), off);
      const on = await page.locator(`#record-rows tr[data-setting="${toggles[1].id}"]`).innerText();
      assert.ok(on.includes(msg(lang, 'pillOn')) && on.includes(msg(lang, 'viaLabel')), on);
      const unread = await page.locator(`#record-rows tr[data-setting="${toggles[2].id}"]`).innerText();
      assert.ok(unread.includes(msg(lang, 'recordNotRead')), unread);
      assert.equal(await page.locator('#record-form-link').getAttribute('href'), form.url);
      for (const scheme of /** @type {const} */ (['light', 'dark'])) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await screenshot(page, `record-${lang}-${scheme}`, { fullPage: true });
      }
      // Printed: the print button is gone, black on white, the form's address written out; a PDF is made.
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      assert.equal(await page.locator('#record-print').isVisible(), false, 'no button on paper');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, 'rgb(255, 255, 255)', 'white paper even in dark mode');
      await screenshot(page, `record-${lang}-print`, { fullPage: true });
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-', `a PDF (${pdf.length} bytes)`);
      await page.close();
    });
  });
}
