// Store listing screenshots (Chrome Web Store and addons.mozilla.org: 1280×800 PNG), in English and German, from
// the built extension in headless Chromium on the LinkedIn fixture pages:
//   store/screenshots/<lang>-1-banner.png      the guide banner on the "Data for Generative AI Improvement" page
//   store/screenshots/<lang>-2-popup.png       the toolbar popup, composited on a 1280×800 canvas with a caption
//   store/screenshots/<lang>-3-onboarding.png  the welcome page
// A test run writes them to tests/output/store-screenshots/ (git-ignored), so that running the tests never
// changes committed files. `./build.sh store-screenshots` (OPTOUT_STORE_SCREENSHOTS=1) writes the committed
// store/screenshots/ instead: run it after a visible change and commit what it writes.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { msg } from './lib/ext.mjs';
import { ROOT, OUTPUT, launchWithExtension, routeLinkedIn, waitForShadow, openPopup, sendToWorker, loadCases } from './lib/harness.mjs';

const OUT = process.env.OPTOUT_STORE_SCREENSHOTS === '1' ? join(ROOT, 'store', 'screenshots') : join(OUTPUT, 'store-screenshots');
const SIZE = { width: 1280, height: 800 };
const AI_PATH = '/mypreferences/d/settings/data-for-ai-improvement';
/** Store captions (listing material, not extension UI: they live here and in store/listing.<lang>.md). */
const CAPTIONS = {
  en: { popup: 'See at a glance which LinkedIn settings are still on', sub: 'Everything stays in your browser.' },
  de: { popup: 'Auf einen Blick: welche LinkedIn-Einstellungen noch eingeschaltet sind', sub: 'Alles bleibt in Ihrem Browser.' },
};

/** PNG width and height from the IHDR chunk. @param {Buffer} png */
const pngSize = (png) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** @param {string} s */
const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

for (const lang of /** @type {const} */ (['en', 'de'])) {
  describe(`store screenshots, ${lang}`, () => {
    /** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
    let ext;
    before(async () => {
      mkdirSync(OUT, { recursive: true });
      ext = await launchWithExtension({ args: [`--lang=${lang}`], locale: lang === 'en' ? 'en-US' : 'de-DE' });
      const cases = await loadCases();
      const ai = cases.find((c) => c.name === `${lang}-gen-ai-improvement-on`);
      assert.ok(ai);
      await routeLinkedIn(ext.context, { [AI_PATH]: ai.file });
    });
    after(async () => {
      await ext?.close();
    });

    test('onboarding (first run, before a region is chosen)', async () => {
      const page = await openPopup(ext.context, ext.extensionId, { path: 'pages/onboarding.html', ...SIZE });
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.waitForSelector('#region-choices input');
      const file = join(OUT, `${lang}-3-onboarding.png`);
      await page.screenshot({ path: file, animations: 'disabled' });
      assert.deepEqual(pngSize(readFileSync(file)), SIZE);
      await page.close();
    });

    test('the banner on the AI setting page', async () => {
      await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'setRegion', region: 'eu' } });
      await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'finishSetup' } });
      const page = await ext.context.newPage();
      await page.setViewportSize(SIZE);
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.goto(`https://www.linkedin.com${AI_PATH}`);
      const banner = await waitForShadow(page, { predicate: (s) => s.visible && s.buttons.length > 1 });
      assert.ok(banner.text.includes(msg(lang, 'bannerStatusOn')), 'the banner says the setting is on');
      const file = join(OUT, `${lang}-1-banner.png`);
      await page.screenshot({ path: file, animations: 'disabled' });
      assert.deepEqual(pngSize(readFileSync(file)), SIZE);
      await page.close();
    });

    test('the popup on a 1280×800 canvas', async () => {
      const popup = await openPopup(ext.context, ext.extensionId, { width: 400, height: 600 });
      await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await popup.waitForSelector('[data-setting]', { state: 'attached' }); // off rows are collapsed
      const height = await popup.evaluate(() => Math.min(680, document.documentElement.scrollHeight));
      await popup.setViewportSize({ width: 400, height });
      const shot = await popup.screenshot({ animations: 'disabled' });
      await popup.close();

      const canvas = await ext.context.newPage();
      await canvas.setViewportSize(SIZE);
      const c = CAPTIONS[lang];
      await canvas.setContent(`<!doctype html><html lang="${lang}"><meta charset="utf-8"><style>
        html, body { margin: 0; width: 1280px; height: 800px; overflow: hidden; }
        body { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #fff; display: grid;
          grid-template-columns: 1fr 440px; align-items: center; gap: 48px; padding: 0 80px; box-sizing: border-box;
          background: linear-gradient(135deg, #1d3f8f 0%, #2457c5 55%, #3b6fe0 100%); }
        h1 { font-size: 46px; line-height: 1.15; margin: 0 0 20px; font-weight: 700; letter-spacing: -0.01em; }
        p { font-size: 24px; margin: 0; opacity: .92; }
        .shot { justify-self: center; border-radius: 14px; overflow: hidden; background: #fff;
          box-shadow: 0 24px 60px rgba(0, 0, 0, .35), 0 0 0 1px rgba(255, 255, 255, .25); }
        .shot img { display: block; width: 400px; }
      </style><body><div><h1>${esc(c.popup)}</h1><p>${esc(c.sub)}</p></div>
      <div class="shot"><img alt="" src="data:image/png;base64,${shot.toString('base64')}"></div></body></html>`);
      await canvas.waitForFunction(() => document.images[0]?.complete);
      const file = join(OUT, `${lang}-2-popup.png`);
      await canvas.screenshot({ path: file, animations: 'disabled' });
      assert.deepEqual(pngSize(readFileSync(file)), SIZE);
      await canvas.close();
    });
  });
}
