// The harder pages of the journey, as a person meets them: "Turn it off for me" (one-click with read-back),
// LinkedIn's confirmation dialog (the person confirms, never the extension), a page whose switch is missing,
// a switch that renders late, and LinkedIn's single-page navigation from a settings hub.
// Each test starts a fresh browser (clean extension state, clean fixture localStorage).
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/journey-pages.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeLinkedIn, shadowClick, readBadge, collectErrors, sendToWorker } from './lib/harness.mjs';
import {
  msg, setting, applicableToggles, linkedInPages, finishSetup, status, bannerWith, overlayRects, contains, until,
  badgeWhen, settledScreenshot, shadowFocus,
} from './lib/journey.mjs';

const REGION = 'row';

/**
 * A fresh browser after setup, LinkedIn served in `lang` with some paths replaced by variant fixtures.
 * @param {string} lang @param {Record<string, string>} overrides  path → fixture file
 */
async function fresh(lang, overrides = {}) {
  const ext = await launchWithExtension({ locale: lang === 'de' ? 'de-DE' : 'en-US' });
  await routeLinkedIn(ext.context, linkedInPages(lang, REGION, overrides));
  for (const p of ext.context.pages()) if (p.url().includes('onboarding')) await p.close();
  await finishSetup(ext, REGION);
  const page = await ext.context.newPage();
  const errors = collectErrors(page);
  return { ext, page, errors };
}

/** The state LinkedIn's page saved for a switch key ("on"/"off"/null). @param {import('playwright-core').Page} page @param {string} key */
function savedByLinkedIn(page, key) {
  return page.evaluate((k) => localStorage.getItem(`fixture:${k}`), key);
}

/** Stored row for a setting in the worker's status view. @param {any} ext @param {string} id */
async function row(ext, id) {
  return (await status(ext)).rows.find((/** @type {any} */ r) => r.id === id);
}

for (const lang of ['en', 'de']) {
  test(`[${lang}] "Turn it off for me" clicks the switch for the person, reads it back and says so`, async () => {
    const { ext, page, errors } = await fresh(lang);
    try {
      const s = setting('gen-ai-improvement');
      const n = applicableToggles(REGION).length;
      await page.goto(s.url);
      await bannerWith(page, [msg(lang, 'bannerStatusOn'), msg(lang, 'bannerFix')]);
      assert.equal((await readBadge(ext.worker)).text, String(n));
      assert.equal(await page.getByRole('switch').isChecked(), true);

      await shadowClick(page, { text: msg(lang, 'bannerFix') });
      const next = applicableToggles(REGION)[1];
      const after = await bannerWith(page, [msg(lang, 'bannerStatusOff'), msg(lang, 'bannerNext', [next.title[lang]])],
        { not: [msg(lang, 'bannerFix'), msg(lang, 'bannerFailed')] });
      assert.equal(await page.getByRole('switch').isChecked(), false, 'the switch on the page is off');
      assert.equal(await savedByLinkedIn(page, s.keys[0]), 'off', 'LinkedIn saved it');
      assert.equal((await row(ext, s.id)).state, 'off', 'recorded as off from the read-back');
      await badgeWhen(ext.worker, (b) => b.text === String(n - 1), `${n - 1}`);
      assert.ok(after.roles.some((r) => r.live === 'polite'), 'a polite live region announces the result');
      // Focus moved from "Turn it off for me" (gone) to "Next: …", so the keyboard keeps its place.
      const focused = await until(async () => {
        const f = await shadowFocus(page);
        return f && f.text === msg(lang, 'bannerNext', [next.title[lang]]) ? f : null;
      }, 'focus on Next');
      assert.equal(focused.href, next.url);
      if (lang === 'en') await settledScreenshot(page, 'journey-oneclick-en');
      assert.deepEqual(errors, []);
    } finally {
      await ext.close();
    }
  });

  test(`[${lang}] LinkedIn asks to confirm: the banner says so, never presses LinkedIn's confirm button; after the person confirms it records off`, async () => {
    const s = setting('ads-beyond-linkedin');
    const { ext, page, errors } = await fresh(lang, { [new URL(s.url).pathname]: `pages/variants/confirm-dialog.${lang}.html` });
    try {
      await page.goto(s.url);
      await bannerWith(page, [s.title[lang], msg(lang, 'bannerStatusOn'), msg(lang, 'bannerFix')]);
      // Count clicks on the dialog's buttons from the page's own world (what LinkedIn would see).
      await page.evaluate(() => {
        /** @type {any} */ (window).dialogClicks = [];
        document.addEventListener('click', (e) => {
          const b = /** @type {Element} */ (e.target).closest?.('[role=dialog] button');
          if (b) /** @type {any} */ (window).dialogClicks.push({ text: b.textContent?.trim(), trusted: e.isTrusted });
        }, true);
      });
      await shadowClick(page, { text: msg(lang, 'bannerFix') });
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await bannerWith(page, [msg(lang, 'bannerConfirm')]);
      await settledScreenshot(page, `journey-confirm-dialog-${lang}`);
      assert.equal(await dialog.isVisible(), true, 'LinkedIn\'s dialog is still open');
      assert.equal((await overlayRects(page))?.ring, null, 'no ring pointing past the dialog at the switch');
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).dialogClicks), [], 'nobody pressed a dialog button');
      assert.equal(await page.getByRole('switch').isChecked(), true, 'still on until the person confirms');
      assert.notEqual((await row(ext, s.id)).state, 'off', 'not recorded as off before confirmation');

      // The person confirms in LinkedIn's dialog.
      const turnOff = lang === 'de' ? 'Deaktivieren' : 'Turn off';
      await dialog.getByRole('button', { name: turnOff, exact: true }).click();
      await bannerWith(page, [msg(lang, 'bannerStatusOff')], { not: [msg(lang, 'bannerConfirm'), msg(lang, 'bannerFailed')] });
      assert.equal(await page.getByRole('switch').isChecked(), false);
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).dialogClicks), [{ text: turnOff, trusted: true }],
        'the only click on the dialog was the person\'s');
      await until(async () => ((await row(ext, s.id)).state === 'off' ? true : null), 'the worker to record off');
      assert.deepEqual(errors, []);
    } finally {
      await ext.close();
    }
  });
}

test('a setting page without the switch: says what to look for, keeps the link, never claims off', async () => {
  const s = setting('gen-ai-improvement');
  const { ext, page, errors } = await fresh('en', { [new URL(s.url).pathname]: 'pages/variants/missing-switch.en.html' });
  try {
    await page.goto(s.url);
    // First "Looking for the switch…" while the page may still render, then the honest "can't find".
    const notFound = msg('en', 'bannerStatusNotFound', [s.label.en]);
    const looking = await bannerWith(page, [msg('en', 'bannerLooking')]);
    const live = looking.roles.filter((r) => r.live === 'polite').map((r) => r.name).join(' ');
    assert.ok(!live.includes(notFound), `while still looking, screen readers are not told it is missing (live: "${live}")`);
    const b = await bannerWith(page, [s.title.en, notFound], { timeout: 15_000, not: [msg('en', 'bannerStatusOff')] });
    const link = b.links.find((l) => l.text === msg('en', 'bannerOpenSetting'));
    assert.ok(link, `a "${msg('en', 'bannerOpenSetting')}" link`);
    assert.equal(link.href, s.url);
    assert.equal((await overlayRects(page))?.ring, null, 'no ring when there is nothing to ring');
    assert.ok(!b.buttons.some((x) => x.text === msg('en', 'bannerFix')), 'no one-click without a switch');
    assert.notEqual((await row(ext, s.id)).state, 'off');
    assert.notEqual((await readBadge(ext.worker)).text, '✓');
    // Once the page has had its time, the popup says the switch was not on its page (LinkedIn may have moved
    // it): unknown, never off.
    const missing = await until(async () => { const r = await row(ext, s.id); return r.reason === 'missing' ? r : null; },
      'the setting recorded as missing from its page');
    assert.equal(missing.state, 'unknown');
    await settledScreenshot(page, 'journey-missing-switch-en');
    assert.deepEqual(errors, []);
  } finally {
    await ext.close();
  }
});

test('a switch that renders late is highlighted as soon as it appears', async () => {
  const s = setting('gen-ai-improvement');
  const { ext, page, errors } = await fresh('en', { [new URL(s.url).pathname]: 'pages/variants/late-render-data-for-ai-improvement.en.html' });
  try {
    await page.goto(s.url);
    await bannerWith(page, [msg('en', 'bannerLooking')]); // the skeleton is up, the switch is not (1.5 s)
    assert.equal(await page.getByRole('switch').count(), 0);
    await page.getByRole('switch').waitFor();
    const box = await page.getByRole('switch').boundingBox();
    assert.ok(box);
    await bannerWith(page, [msg('en', 'bannerStatusOn'), msg('en', 'bannerFix')], { not: [msg('en', 'bannerLooking')] });
    await until(async () => {
      const r = await overlayRects(page);
      return r?.ring && contains(r.ring, box) ? r : null;
    }, 'the ring around the late switch');
    assert.deepEqual(errors, []);
  } finally {
    await ext.close();
  }
});

for (const [lang, hub] of /** @type {const} */ ([['en', 'privacy'], ['de', 'privacy'], ['en', 'ads']])) {
  test(`[${lang}] SPA: a setting link on the ${hub} hub changes the URL without a reload, and the banner follows`, async () => {
    const hubPath = `/mypreferences/d/categories/${hub}`;
    const { ext, page, errors } = await fresh(lang, { [hubPath]: `pages/variants/spa-hub-${hub}.${lang}.html` });
    try {
      await page.goto(`https://www.linkedin.com${hubPath}`);
      const target = hub === 'privacy' ? setting('gen-ai-improvement') : setting('ads-beyond-linkedin');
      const hubBanner = await bannerWith(page, [msg(lang, 'bannerNudgeGo')]).catch(() => null);
      await page.evaluate(() => { /** @type {any} */ (window).sameDocument = true; });
      /** @type {string[]} */
      const loads = [];
      page.on('load', () => loads.push(page.url()));
      await page.locator(`main a[href="${new URL(target.url).pathname}"]`).first().click();
      await page.waitForURL(target.url);
      const guide = await bannerWith(page, [target.title[lang], msg(lang, 'bannerStatusOn'), msg(lang, 'bannerFix')]);
      assert.equal(await page.evaluate(() => /** @type {any} */ (window).sameDocument), true, 'no reload: same document');
      assert.deepEqual(loads, []);
      assert.ok(/\d/.test(guide.text) && guide.text.includes(target.title[lang]));
      const box = await page.getByRole('switch').boundingBox();
      await until(async () => {
        const r = await overlayRects(page);
        return r?.ring && box && contains(r.ring, box) ? r : null;
      }, 'the ring on the SPA-rendered switch');
      // Back to the hub (popstate): the guide card and its ring go away with the setting.
      await page.goBack();
      await page.waitForURL(`https://www.linkedin.com${hubPath}`);
      await until(async () => {
        const r = await overlayRects(page);
        return r && r.ring === null ? r : null;
      }, 'no ring on the hub');
      if (hubBanner) await bannerWith(page, [msg(lang, 'bannerNudgeGo')], { not: [msg(lang, 'bannerFix')] });
      assert.deepEqual(errors, []);
    } finally {
      await ext.close();
    }
  });
}

// LinkedIn can move from an ordinary page to a settings page without a reload (its "Settings & Privacy" link).
// Ordinary pages carry only watch.js (+ the nudge bundle while a reminder is due); the worker then loads the guide
// into the page. Here the feed is a page whose settings links navigate in-page (the SPA fixture app).
for (const snoozed of [false, true]) {
  test(`in-page navigation from the feed to a setting page (${snoozed ? 'reminders snoozed: no nudge bundle' : 'nudge on the feed'}): the worker loads the guide, the state is recorded`, async () => {
    const { ext, page, errors } = await fresh('en', { '/feed/': 'pages/variants/spa-hub-privacy.en.html' });
    try {
      if (snoozed) {
        const r = await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'snooze', duration: 'week' } });
        assert.equal(r?.ok, true);
      }
      const registered = await ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts({ ids: ['nudge'] })).length);
      assert.equal(registered, snoozed ? 0 : 1, 'the nudge bundle is registered exactly while a reminder is due');
      await page.goto('https://www.linkedin.com/feed/');
      if (!snoozed) await bannerWith(page, [msg('en', 'bannerNudgeGo')]);
      await page.evaluate(() => { /** @type {any} */ (window).sameDocument = true; });
      // Test instrumentation: record where the worker injects files (a passive wrapper around executeScript).
      await ext.worker.evaluate(() => {
        const g = /** @type {any} */ (globalThis);
        g.__injections = [];
        const original = chrome.scripting.executeScript.bind(chrome.scripting);
        chrome.scripting.executeScript = /** @type {any} */ ((/** @type {any} */ o) => {
          if (o.files) g.__injections.push({ files: o.files, target: o.target });
          return original(o);
        });
      });
      const target = setting('gen-ai-improvement');
      await page.locator(`main a[href="${new URL(target.url).pathname}"]`).first().click();
      await page.waitForURL(target.url);
      const guide = await bannerWith(page, [target.title.en, msg('en', 'bannerStatusOn')], { not: [msg('en', 'bannerNudgeGo')] });
      assert.equal(await page.evaluate(() => /** @type {any} */ (window).sameDocument), true, 'no reload: same document');
      const injections = await ext.worker.evaluate(() => /** @type {any} */ (globalThis).__injections);
      assert.equal(injections.length, 1, `the guide was injected once: ${JSON.stringify(injections)}`);
      assert.deepEqual(Object.keys(injections[0].target).sort(), ['documentIds', 'tabId'],
        'into the document that asked (its documentId), not whatever the tab + frame holds by then');
      assert.match(injections[0].target.documentIds[0], /^[0-9A-F]{32}$/i);
      assert.ok(guide.text.includes(target.title.en));
      const box = await page.getByRole('switch').boundingBox();
      await until(async () => {
        const r = await overlayRects(page);
        return r?.ring && box && contains(r.ring, box) ? r : null;
      }, 'the ring on the switch');
      const hosts = await page.evaluate(() => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).length);
      assert.equal(hosts, 1, 'one banner host: the nudge bundle stood down for the guide');
      await until(async () => ((await row(ext, target.id))?.state === 'on' ? true : null), 'the setting recorded as seen on');
      assert.deepEqual(errors, []);
    } finally {
      await ext.close();
    }
  });
}
