// The guide's last step at 200 % zoom (a 1280 × 900 window at 200 % is a 640 × 450 CSS-pixel viewport) and in
// a 400 px window: the card keeps one place and never covers the switch, also when the ending
// ("11 of 11 off ✓", taller) replaces the step's card. EN and DE.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/ending-zoom.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeLinkedIn } from './lib/harness.mjs';
import { readStore, writeStorage } from './lib/ext.mjs';
import { msg, applicableToggles, linkedInPages, finishSetup, bannerWith, overlayRects, overlaps, until, settledScreenshot } from './lib/journey.mjs';

const region = 'eu';

for (const lang of /** @type {const} */ (['en', 'de'])) {
  describe(`the ending at 200 % zoom and in a 400 px window, ${lang}`, () => {
    /** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
    let ext;
    const steps = applicableToggles(region);
    const last = steps[steps.length - 1];
    before(async () => {
      ext = await launchWithExtension({ args: [`--lang=${lang}`], locale: lang === 'en' ? 'en-US' : 'de-DE' });
      await routeLinkedIn(ext.context, linkedInPages(lang, region));
      await finishSetup(ext, region);
    });
    after(async () => { await ext?.close(); });

    for (const [name, size] of /** @type {const} */ ([['zoom200', { width: 640, height: 450 }], ['w400', { width: 400, height: 700 }]])) {
      test(`${name}: the last step and the ending stay clear of the switch, in one place`, async () => {
        // Every other setting already seen off: the last one is the last step.
        const s = (await readStore(ext.worker)).state;
        const t = Date.now() - 60_000;
        s.settings = Object.fromEntries(steps.slice(0, -1).map((/** @type {any} */ x) => [x.id, { state: 'off', seenAt: t, changedAt: t, reason: 'key' }]));
        s.guide = { active: true, startedAt: t };
        await writeStorage(ext.worker, { state: s });
        const page = await ext.context.newPage();
        await page.setViewportSize(size);
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto(last.url);
        // The fixture keeps its switches in localStorage (LinkedIn's "server"): start from LinkedIn's default (on).
        if (await page.evaluate(() => { const had = localStorage.length > 0; localStorage.clear(); return had; })) await page.reload();
        const n = steps.length;
        await bannerWith(page, [msg(lang, 'bannerStep', [n, n]), msg(lang, 'bannerStatusOn')]);
        const sw = page.getByRole('switch');
        const box = await sw.boundingBox();
        if (!box) throw new Error('switch not visible');
        const before = await until(async () => {
          const r = await overlayRects(page);
          return r?.card && r.ring ? r : null;
        }, 'card and ring');
        assert.ok(before.card && !overlaps(before.card, box), `the step's card clear of the switch: ${JSON.stringify({ card: before.card, box })}`);
        await sw.click();
        await bannerWith(page, [msg(lang, 'bannerDoneCount', [n, n]), msg(lang, 'bannerStatusOff')]);
        const box2 = await sw.boundingBox();
        const after = await overlayRects(page);
        if (!after?.card || !box2) throw new Error('the ending is not drawn');
        await settledScreenshot(page, `ending-${name}-${lang}`);
        assert.ok(!overlaps(after.card, box2), `the ending clear of the switch: ${JSON.stringify({ card: after.card, box: box2 })}`);
        const side = (/** @type {{x: number, width: number}} */ r) => (r.x + r.width / 2 < size.width / 2 ? 'left' : 'right');
        if (size.width > 600) assert.equal(side(after.card), side(/** @type {any} */ (before.card)), 'the same place as the step\'s card');
        await page.close();
      });
    }
  });
}
