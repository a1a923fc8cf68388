// The guided journey in German: a member in Germany (EU) reading LinkedIn in German, browser in German.
// The banner speaks LinkedIn's page language whatever the browser's; every string is checked against
// extension/_locales/de. See journey.test.mjs for the English journey and the shared helpers in lib/journey.mjs.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/journey-de.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeLinkedIn, openPopup, screenshot, collectErrors, blockedRequests, shadowClick } from './lib/harness.mjs';
import { msg, applicableToggles, linkedInPages, finishSetup, bannerWith, walkTheGuide, settledScreenshot, CATALOG, until, cardText } from './lib/journey.mjs';

describe('Geführte Schritte auf Deutsch (EU)', () => {
  const region = 'eu';
  const lang = 'de';
  const steps = applicableToggles(region);
  /** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
  let ext;

  before(async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    ext = await launchWithExtension({ locale: 'de-DE' });
    if (tz === undefined) delete process.env.TZ; else process.env.TZ = tz;
    await routeLinkedIn(ext.context, linkedInPages(lang, region));
    for (const p of ext.context.pages()) if (p.url().includes('onboarding')) await p.close();
    await finishSetup(ext, region);
  });
  after(async () => {
    await ext?.close();
  });

  test('German feed: the nudge is in German and leads to the first setting', async () => {
    const page = await ext.context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://www.linkedin.com/feed/');
    const banner = await bannerWith(page, [
      msg(lang, 'bannerNudgeTitle'),
      msg(lang, 'bannerNudgeToCheckMany', [steps.length, Math.ceil(steps.length / 4)]), // nothing read yet: to check
      msg(lang, 'bannerNudgeNext', [steps[0].title.de]),
    ]);
    assert.ok(banner.langs.includes('de'), 'the banner is marked lang="de" for screen readers');
    assert.equal(banner.links.find((l) => l.text === msg(lang, 'bannerNudgeGo'))?.href, steps[0].url);
    await page.locator('main article, main [role=article]').first().waitFor();
    await settledScreenshot(page, 'journey-feed-banner-de');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`every applicable setting (${steps.length}) on German pages: ring, "Schritt i von n", "Aus – gespeichert", badge down to ✓`, async () => {
    const page = await ext.context.newPage();
    const errors = collectErrors(page);
    await page.goto(steps[0].url);
    const badge = await walkTheGuide(ext, page, lang, region, {
      onStep: async (i) => {
        if (i === 0) await settledScreenshot(page, 'journey-guide-de');
      },
      // The ending's Done button, with the mouse, closes it.
      onDone: async () => {
        await settledScreenshot(page, 'journey-done-de');
        await shadowClick(page, { text: msg(lang, 'bannerDoneButton') });
        await until(async () => ((await cardText(page)) === null ? true : null), 'Done closed the ending');
      },
    });
    assert.equal(badge.text, '✓');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('popup: applicable settings off, the rest-of-the-world-only setting marked as not applying', async () => {
    const popup = await openPopup(ext.context, ext.extensionId, { waitFor: '#footer:not([hidden])' });
    for (const s of CATALOG.settings) {
      const row = popup.locator(`[data-setting="${s.id}"]`);
      const applies = s.regions.includes(region);
      assert.equal(await row.getAttribute('data-applies'), applies ? 'yes' : 'no', s.id);
      if (applies && s.kind === 'toggle') assert.equal(await row.getAttribute('data-state'), 'off', s.id);
    }
    await screenshot(popup, 'journey-popup-de', { fullPage: true });
    await popup.close();
    assert.deepEqual(blockedRequests(ext.context).filter((b) => b.from.startsWith('extension') || b.from === 'page'), []);
  });
});
