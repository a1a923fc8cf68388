#!/usr/bin/env node
// @ts-check
// Render extension/icons/icon.svg to icon-{16,32,48,128}.png with headless Chromium (transparent background).
// Usage: node tools/make-icons.mjs
// Small sizes use a simplified glyph (larger shield, thicker check) so the mark stays crisp at 16 px.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { CHROMIUM } from '../tests/e2e/lib/env.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = join(root, 'extension', 'icons');
const source = readFileSync(join(iconsDir, 'icon.svg'), 'utf8');

/** Tuned variant for 16/32 px: fuller square, bigger shield, heavier check. */
const small = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <rect x="0" y="0" width="128" height="128" rx="28" fill="#2457c5"/>
  <path d="M64 14 L104 28 V60 C104 87 88 104 64 114 C40 104 24 87 24 60 V28 Z" fill="#fff"/>
  <path d="M44 62 L58 76 L85 48" fill="none" stroke="#2457c5" stroke-width="15" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const sizes = [16, 32, 48, 128];
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of sizes) {
    const svg = size <= 32 ? small : source;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><html><head><style>html,body{margin:0;background:transparent}
      svg{display:block;width:${size}px;height:${size}px}</style></head><body>${svg}</body></html>`);
    const out = join(iconsDir, `icon-${size}.png`);
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(out);
  }
} finally {
  await browser.close();
}
