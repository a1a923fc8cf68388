// How long the content script takes to read a settings page (extension/content/dom.js `snapshot(true)`: every
// control's name, keys, context, visibility, pending edits and settledness), in Debian's headless Chromium:
//
//   node bench/lib/snapshot.mjs [--reps 15]
//
// Pages: a real-markup settings page (tests/fixtures), a category page, and hostile pages (5,100 switches with
// 70,000-word labels; 10,000 switches; 6,000 checkboxes outside main). dom.js is bundled on its own (esbuild, as the
// content-script tests do) and run in the page itself: the same code as in the isolated world.
// Prints one JSON line per page: median and min of `reps` snapshots (ms), after one warm-up. A figure, not a test.
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, FIXTURES, CHROMIUM } from '../../tests/e2e/lib/env.mjs';

const args = process.argv.slice(2);
const reps = (() => {
  const i = args.indexOf('--reps');
  return i >= 0 ? Number(args[i + 1]) : 15;
})();
const OUT = join(ROOT, 'bench', 'out');
await mkdir(OUT, { recursive: true });
const probe = join(OUT, 'dom-probe.js');
await build({
  stdin: { contents: `import * as dom from './dom.js'; window.__dom = dom;`, resolveDir: join(ROOT, 'extension', 'content'), sourcefile: 'dom-probe.js' },
  bundle: true, format: 'iife', outfile: probe, logLevel: 'silent', minify: true,
});

const caps = `<!doctype html><html lang="en"><body><main id="main"><h2>${'H '.repeat(2000)}</h2>
  <p id="l">${'Very long label. '.repeat(70000)}</p><input type="checkbox" aria-labelledby="l">
  ${'<input type="checkbox">'.repeat(5100)}</main></body></html>`;
/** @type {{name: string, path: string, html: () => Promise<string>}[]} */
const pages = [
  { name: 'settings page (real markup, 1 switch)', path: '/mypreferences/d/settings/data-for-ai-improvement',
    html: () => readFile(join(FIXTURES, 'pages/en/data-for-ai-improvement.html'), 'utf8') },
  { name: 'category page (privacy)', path: '/mypreferences/d/categories/privacy',
    html: () => readFile(join(FIXTURES, 'pages/en/categories-privacy.html'), 'utf8') },
  { name: '5,100 checkboxes, 1.2 MB label', path: '/mypreferences/d/categories/privacy', html: async () => caps },
  { name: '10,000 switches', path: '/mypreferences/d/settings/data-for-ai-improvement',
    html: () => readFile(join(FIXTURES, 'pages/hostile/stress-10000-switches.en.html'), 'utf8') },
  { name: '6,000 checkboxes outside main', path: '/mypreferences/d/settings/data-for-ai-improvement',
    html: () => readFile(join(FIXTURES, 'pages/adversarial/many-outside-main.en.html'), 'utf8') },
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (const p of pages) {
    const html = await p.html();
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    await page.route('https://www.linkedin.com/**', async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.startsWith('/__fixtures__/')) return route.fulfill({ path: join(FIXTURES, url.pathname.slice(14)) });
      return route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' });
    });
    await page.goto(`https://www.linkedin.com${p.path}`);
    await page.waitForTimeout(2500); // late-rendering fixtures draw their switch
    await page.addScriptTag({ path: probe });
    const times = await page.evaluate((n) => {
      const dom = /** @type {any} */ (window).__dom;
      const out = [];
      let controls = 0;
      for (let i = 0; i <= n; i++) {
        const t0 = performance.now();
        controls = dom.snapshot(true).snapshot.controls.length;
        if (i > 0) out.push(performance.now() - t0);
      }
      return { out, controls };
    }, reps);
    const sorted = times.out.sort((a, b) => a - b);
    console.log(JSON.stringify({ page: p.name, controls: times.controls, medianMs: +sorted[sorted.length >> 1].toFixed(2), minMs: +sorted[0].toFixed(2), reps }));
    await context.close();
  }
} finally {
  await browser.close();
}
