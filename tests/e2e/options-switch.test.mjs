// Options: reminders are a plain On/Off switch, not an "Undo" days after the fact. Off after
// "Don't remind me again" or while a snooze lasts, with the popup's words under it; the keyboard works it.
// English and German, light and dark (screenshots).
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/options-switch.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/harness.mjs';
import { launch, finishSetup, msg, readStore, pollUntil, controlPage } from './lib/ext.mjs';

for (const lang of /** @type {const} */ (['en', 'de'])) {
  describe(`options reminders switch, ${lang}`, () => {
    /** @type {Awaited<ReturnType<typeof launch>>} */
    let ext;
    before(async () => {
      ext = await launch({ args: [`--lang=${lang}`], locale: lang === 'en' ? 'en-US' : 'de-DE' });
      await finishSetup(ext);
    });
    after(async () => { await ext?.close(); });

    for (const scheme of /** @type {const} */ (['light', 'dark'])) {
      test(`On/Off with the keyboard; no Undo (${scheme})`, async () => {
        const page = await ext.context.newPage();
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto(`chrome-extension://${ext.extensionId}/pages/options.html`);
        const sw = page.getByRole('switch', { name: msg(lang, 'optRemindersTitle') });
        await sw.waitFor();
        assert.equal(await sw.getAttribute('aria-checked'), 'true', 'reminders are on');
        assert.equal(await page.locator('#reminder-state').getByRole('button', { name: msg(lang, 'btnUndo') }).count(), 0, 'no Undo');
        assert.ok((await sw.innerText()).includes(msg(lang, 'optSwitchOn')));
        await screenshot(page, `options-reminders-on-${lang}-${scheme}`);

        await sw.focus();
        await page.keyboard.press('Space');
        await pollUntil(() => readStore(ext.worker), (s) => s.state?.dismissAll === true, { what: 'reminders off' });
        await page.waitForFunction(() => document.getElementById('reminders-switch')?.getAttribute('aria-checked') === 'false');
        assert.ok((await page.locator('#reminder-state').innerText()).includes(msg(lang, 'remindersOff')));
        assert.ok((await sw.innerText()).includes(msg(lang, 'optSwitchOff')));
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'reminders-switch', 'focus stays on the switch');
        assert.equal(await page.locator('#reminder-state').getByRole('button', { name: msg(lang, 'btnUndo') }).count(), 0, 'no Undo');
        await screenshot(page, `options-reminders-off-${lang}-${scheme}`);

        await page.keyboard.press('Enter');
        await pollUntil(() => readStore(ext.worker), (s) => s.state?.dismissAll === false, { what: 'reminders on again' });
        await page.waitForFunction(() => document.getElementById('reminders-switch')?.getAttribute('aria-checked') === 'true');

        // A snooze made in the popup: the switch reads Off, says until when, and On ends the snooze.
        const ctl = await controlPage(ext.context, ext.extensionId);
        await ctl.event({ type: 'snooze', duration: 'week' });
        await ctl.close();
        await page.reload();
        await page.waitForFunction(() => document.getElementById('reminders-switch')?.getAttribute('aria-checked') === 'false');
        const snoozed = await page.locator('#reminder-state').innerText();
        assert.ok(snoozed.includes(msg(lang, 'snoozedUntil', ['\u0000']).split('\u0000')[0].trim()), snoozed);
        await page.getByRole('switch').click();
        await pollUntil(() => readStore(ext.worker), (s) => !s.state?.snoozeUntil, { what: 'snooze ended' });
        await page.waitForFunction(() => document.getElementById('reminders-switch')?.getAttribute('aria-checked') === 'true');
        await page.close();
      });
    }
  });
}
