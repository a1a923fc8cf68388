// The user journey in headless Chromium, as a person walks it: first-run setup, the feed banner, the guided
// steps through every applicable setting (English, region "rest of the world"), the toolbar badge and the popup.
// German guided steps: journey-de.test.mjs. One-click, dialogs, missing/late switches, SPA: journey-pages.test.mjs.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/journey.test.mjs
//
// Screenshots go to tests/output/screenshots/journey-*.png.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchWithExtension, routeLinkedIn, waitForShadow, shadowSnapshot, shadowClick, readBadge, openPopup, screenshot,
  collectErrors, blockedRequests, recordRequests, sendToWorker,
} from './lib/harness.mjs';
import {
  msg, setting, applicableToggles, linkedInPages, finishSetup, status, bannerWith, keyTo, shadowFocus, until,
  walkTheGuide, settledScreenshot, overlayRects, CATALOG, cardText,
} from './lib/journey.mjs';
import { bundlesInPage } from './lib/page.mjs';

/** The language chrome.i18n really uses in extension pages (its bundle follows the browser's locale files). */
async function pagesLang(/** @type {import('playwright-core').Page} */ page) {
  const ui = await page.evaluate(() => chrome.i18n.getMessage('@@ui_locale'));
  const base = String(ui).split(/[-_]/)[0];
  return CATALOG.languages.includes(base) ? base : 'en';
}

/** The onboarding tab the worker opened on install. @param {any} ext */
async function onboardingTab(ext) {
  const url = `chrome-extension://${ext.extensionId}/pages/onboarding.html`;
  const page = await until(async () => ext.context.pages().find((/** @type {import('playwright-core').Page} */ p) => p.url() === url) ?? null, 'the onboarding tab');
  await page.waitForSelector('#region-choices input[type=radio]');
  return page;
}

/** Region radio that is checked, and the label text of each option. @param {import('playwright-core').Page} page */
async function regionChoice(page) {
  return page.$$eval('#region-choices input[type=radio]', (els) =>
    els.map((e) => ({ value: /** @type {HTMLInputElement} */ (e).value, checked: /** @type {HTMLInputElement} */ (e).checked })));
}

describe('first run', () => {
  test('German browser in Berlin: onboarding opens by itself, preselects the EU, the popup then shows the region', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/Berlin'; // Chromium takes its time zone from the environment it is started with
    const ext = await launchWithExtension({ locale: 'de-DE' });
    process.env.TZ = tz;
    if (tz === undefined) delete process.env.TZ;
    try {
      const onb = await onboardingTab(ext);
      const errors = collectErrors(onb);
      const lang = await pagesLang(onb);
      assert.equal(await onb.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'Europe/Berlin');
      assert.equal(await onb.locator('h1').innerText(), msg(lang, 'onbTitle'));
      // <html lang> names the language of the text shown (screen readers pronounce by it), not just the browser's.
      assert.equal(await onb.evaluate(() => document.documentElement.lang), msg(lang, 'langTag'));
      const choices = await regionChoice(onb);
      assert.deepEqual(choices.filter((c) => c.checked).map((c) => c.value), ['eu'], 'EU preselected from the time zone');
      // The badge already asks for attention before setup (nothing checked yet).
      const before = await readBadge(ext.worker);
      assert.equal(before.text, String(applicableToggles('eu').length));

      // The person confirms the EU (clicks its label) and saves for later.
      await onb.getByLabel(msg(lang, 'regionEu')).check();
      await onb.getByRole('button', { name: msg(lang, 'onbLater') }).click();
      await onb.getByRole('status').getByText(msg(lang, 'onbSaved')).waitFor();
      await screenshot(onb, 'journey-onboarding-de', { fullPage: true });

      const view = await status(ext);
      assert.equal(view.region, 'eu');
      assert.equal(view.regionChosen, true);
      assert.equal(view.setupDone, true);

      const popup = await openPopup(ext.context, ext.extensionId, { waitFor: '#footer:not([hidden])' });
      assert.equal(await popup.locator('#region-text').innerText(), msg(lang, 'regionLine', [msg(lang, 'regionEu')]));
      // Not in the EU: the partner-sharing setting (rest of the world only) is listed as not applying.
      for (const s of CATALOG.settings) {
        assert.equal(await popup.locator(`[data-setting="${s.id}"]`).getAttribute('data-applies'), s.regions.includes('eu') ? 'yes' : 'no', s.id);
      }
      assert.deepEqual(errors, []);
    } finally {
      await ext.close();
    }
  });

  test('English browser in New York: preselects "rest of the world"; the person picks the UK and starts the guide', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    const ext = await launchWithExtension({ locale: 'en-US' });
    process.env.TZ = tz;
    if (tz === undefined) delete process.env.TZ;
    try {
      await routeLinkedIn(ext.context, linkedInPages('en', 'uk'));
      const onb = await onboardingTab(ext);
      const errors = collectErrors(onb);
      assert.deepEqual((await regionChoice(onb)).filter((c) => c.checked).map((c) => c.value), ['row']);
      await screenshot(onb, 'journey-onboarding-en');
      await onb.getByLabel(msg('en', 'regionUk')).check();
      assert.deepEqual((await regionChoice(onb)).filter((c) => c.checked).map((c) => c.value), ['uk']);
      // "Start the guide" saves and opens the first setting in a new tab.
      const first = applicableToggles('uk')[0];
      const [tab] = await Promise.all([
        ext.context.waitForEvent('page'),
        onb.getByRole('button', { name: msg('en', 'btnStartGuide') }).click(),
      ]);
      await tab.waitForURL(first.url);
      await bannerWith(tab, [msg('en', 'bannerStep', [1, applicableToggles('uk').length]), first.title.en]);
      const view = await status(ext);
      assert.equal(view.region, 'uk');
      assert.equal(view.setupDone, true);
      assert.equal(view.guideActive, true);
      const popup = await openPopup(ext.context, ext.extensionId, { waitFor: '#footer:not([hidden])' });
      assert.equal(await popup.locator('#region-text').innerText(), msg('en', 'regionLine', [msg('en', 'regionUk')]));
      assert.equal(await popup.locator('#start-guide').innerText(), msg('en', 'btnContinueGuide'));
      assert.deepEqual(errors, []);
    } finally {
      await ext.close();
    }
  });
});

describe('after setup, in English (rest of the world)', () => {
  const region = 'row';
  const steps = applicableToggles(region);
  /** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
  let ext;
  /** @type {ReturnType<typeof recordRequests>} */
  let extRequests;

  before(async () => {
    ext = await launchWithExtension();
    extRequests = recordRequests(ext.context);
    await routeLinkedIn(ext.context, linkedInPages('en', region));
    for (const p of ext.context.pages()) if (p.url().includes('onboarding')) await p.close();
    await finishSetup(ext, region);
  });
  after(async () => {
    await ext?.close();
  });

  test('feed banner: says what is at stake, links to the next setting; keyboard reachable; the close button hides it for this browser session', async () => {
    const page = await ext.context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://www.linkedin.com/feed/');
    const first = steps[0];
    const banner = await bannerWith(page, [
      msg('en', 'bannerNudgeTitle'),
      msg('en', 'bannerNudgeToCheckMany', [steps.length, Math.ceil(steps.length / 4)]), // nothing read yet: to check
      msg('en', 'bannerNudgeNext', [first.title.en]),
    ]);
    const go = banner.links.find((l) => l.text === msg('en', 'bannerNudgeGo'));
    assert.ok(go, 'a "Show me" link');
    assert.equal(go.href, first.url);
    assert.ok(banner.roles.some((r) => r.role === 'region' && r.name), 'a named region landmark');
    await page.locator('main article, main [role=article]').first().waitFor();
    await settledScreenshot(page, 'journey-feed-banner');

    // Close: gone, and not back on the next visit in this browser session (the popup's Undo brings it back).
    await shadowClick(page, { name: msg('en', 'bannerCloseNudge') });
    await until(async () => ((await overlayRects(page))?.card === null ? true : null), 'the banner to close');
    await until(async () => ((await status(ext)).nudge === false ? true : null), 'the worker to remember the close');
    await page.reload({ waitUntil: 'load' });
    await page.locator('main article, main [role=article]').first().waitFor();
    // Proof rather than a wait: the reloaded page runs watch.js alone (the nudge bundle is no longer registered),
    // and watch.js draws nothing.
    assert.deepEqual(await bundlesInPage(page, ext.extensionId), [{ watch: true, nudge: false, guide: false }],
      'only watch.js on the next visit');
    assert.equal((await shadowSnapshot(page))?.visible ?? false, false, 'no banner on the next visit');
    const undo = await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'unsnooze' } });
    assert.equal(undo?.ok, true);
    await page.reload();
    await bannerWith(page, [msg('en', 'bannerNudgeTitle')]);

    // Keyboard: the card's host comes first in the document's tab order, so Tab from the top reaches it at once;
    // keep going to the "Show me" link and press Enter.
    await page.bringToFront(); // the member's tab (the card accepts keys only while it is seen)
    await page.locator('body').focus().catch(() => {});
    const f = await keyTo(page, (x) => x.tag === 'a' && x.text === msg('en', 'bannerNudgeGo'), { key: 'Tab', max: 4 });
    assert.equal(f.href, first.url);
    await Promise.all([page.waitForURL(first.url), page.keyboard.press('Enter')]);
    await bannerWith(page, [msg('en', 'bannerStep', [1, steps.length])]);
    // Escape closes the guide card too (focus is not inside it now, so focus it first: Tab from the top).
    await keyTo(page, (x) => x.tag === 'button', { key: 'Tab', max: 4 });
    await page.keyboard.press('Escape');
    await until(async () => ((await overlayRects(page))?.card === null ? true : null), 'Escape to close the guide card');
    assert.equal(await shadowFocus(page), null, 'focus left the closed card');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`guided steps: every applicable setting (${steps.length}), ring over the switch, "Step i of n", badge counts down to ✓`, async () => {
    const page = await ext.context.newPage();
    const errors = collectErrors(page);
    await page.goto(steps[0].url);
    const badge = await walkTheGuide(ext, page, 'en', region, {
      onStep: async (i) => {
        if (i === 0) await settledScreenshot(page, 'journey-guide-en');
      },
      // The ending takes the focus (its Done button): Escape closes it, from the keyboard alone.
      onDone: async () => {
        await settledScreenshot(page, 'journey-done-en');
        await until(async () => ((await shadowFocus(page))?.text === msg('en', 'bannerDoneButton') ? true : null), 'focus on Done');
        await page.keyboard.press('Escape');
        await until(async () => ((await cardText(page)) === null ? true : null), 'Escape closed the ending');
      },
    });
    assert.equal(badge.text, '✓');
    const [r, g, b] = badge.color;
    assert.ok(g > r && g > b, `the done badge is green (${badge.hex})`);
    assert.equal(badge.title, msg('en', 'badgeTitleDone'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('popup after the guide: every applicable setting off, the others marked as not applying (light and dark)', async () => {
    const popup = await openPopup(ext.context, ext.extensionId, { waitFor: '#footer:not([hidden])' });
    const errors = collectErrors(popup);
    // The settings already off are collapsed under one line: open it as a member would.
    assert.equal((await popup.locator('#rows-off-summary').innerText()).trim(), msg('en', 'rowsOff_other', [steps.length]));
    await popup.locator('#rows-off-summary').click();
    for (const s of CATALOG.settings) {
      const row = popup.locator(`[data-setting="${s.id}"]`);
      const applies = s.regions.includes(region);
      assert.equal(await row.getAttribute('data-applies'), applies ? 'yes' : 'no', `${s.id} applies`);
      if (applies && s.kind === 'toggle') {
        assert.equal(await row.getAttribute('data-state'), 'off', `${s.id} off`);
        assert.equal(await row.getAttribute('data-status'), 'off');
        assert.match(await row.innerText(), new RegExp(msg('en', 'pillOff')));
      }
    }
    assert.equal(await popup.locator('#summary-title').innerText(), msg('en', 'summaryDone'));
    assert.equal(await popup.locator('#start-guide').innerText(), msg('en', 'btnCheckAgain'));
    await screenshot(popup, 'journey-popup-light', { fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lum = bg.match(/\d+/g)?.slice(0, 3).map(Number).reduce((a, b) => a + b, 0) ?? 765;
    assert.ok(lum < 200, `dark mode: dark background (${bg})`);
    await screenshot(popup, 'journey-popup-dark', { fullPage: true });
    assert.deepEqual(errors, []);
    await popup.close();
  });

  test('nothing left the browser during the journey', () => {
    const outside = extRequests.filter((r) => !r.url.startsWith(`chrome-extension://${ext.extensionId}/`));
    assert.deepEqual(outside, []);
    assert.deepEqual(blockedRequests(ext.context).filter((b) => b.from.startsWith('extension')), []);
    assert.deepEqual(blockedRequests(ext.context).filter((b) => b.from === 'page'), [], 'fixture pages are fully served');
  });
});

// Keep `setting` referenced for readers who extend these tests with single-setting checks.
void setting;
