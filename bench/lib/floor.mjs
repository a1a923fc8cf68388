// The floor under the "≤ 2 ms with the banner" target: what a nudge costs on the heavy feed when parts of it are
// taken away. Each variant is a copy of dist/chrome whose nudge.js is replaced (the worker registers it as usual,
// watch.js stays); each is measured with `browser.mjs cost` (the "with" arm: a fresh member, card drawn), then
// the shipped build. Figures only.
//
//   node bench/lib/floor.mjs [--reps 1] [--traced 6] [--only chip,card]   (~2 min per variant, 6 + the shipped build)
//
// Variants (drawn at DOMContentLoaded; the card's text is the real English nudge text, built by the worker's
// banner-text.js from extension/_locales, embedded because these variants do not ask the worker):
//   evaluate  card.js evaluated, nothing drawn
//   one-el    no card.js: a host, a closed shadow root and one <section> with a line of text and inline style
//   chip      no card.js: one button labelled in the page's language (7-language table), a small sheet with dark mode
//   card      card.js's nudge card (≈20 elements, the base sheet), no message
//   storage   the same after chrome.storage.local.get (a possible "read, don't ask" protocol)
//   message   the same after chrome.runtime.sendMessage (a message the worker answers with a short error: the
//             floor of what the shipped nudge does, which also reads page facts and gets the text in the reply)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TARGETS } from '../../tools/build/bundle-content.mjs';
import { createMessages, localeDir } from '../../extension/worker/locale-catalogs.js';
import { bannerText } from '../../extension/worker/banner-text.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist', 'chrome');
const args = process.argv.slice(2);
const opt = (/** @type {string} */ name, /** @type {number} */ def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const reps = opt('reps', 1), traced = opt('traced', 6);
const onlyIdx = args.indexOf('--only');
/** @type {Set<string>|null} variants to measure (comma-separated names; the shipped build is always measured) */
const only = onlyIdx >= 0 ? new Set(String(args[onlyIdx + 1] ?? '').split(',')) : null;

if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error('dist/chrome not found: run ./build.sh first');
  process.exit(2);
}

// The real nudge text (4 settings open, next: the AI setting), as the worker would send it.
const messages = createMessages(async (lang) => JSON.parse(readFileSync(join(ROOT, 'extension', '_locales', localeDir(lang), 'messages.json'), 'utf8')));
const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const text = await bannerText(
  { banner: { mode: 'nudge', remaining: 4, lang: 'en', next: { id: 'gen-ai-improvement', url: AI } } },
  { 'gen-ai-improvement': { title: 'Data for Generative AI Improvement', url: AI } },
  { messages, uiLanguage: 'en' },
);
const T = JSON.stringify(text);
// A timer the trace can follow into the microtask after the await (see extensionTime in browser.mjs).
const after = (/** @type {string} */ call) =>
  `const t=setTimeout(()=>{},1e4);${call}.then(()=>{clearTimeout(t);card.nudge(${T})});`;
const atDcl = (/** @type {string} */ body) => `document.addEventListener('DOMContentLoaded',()=>{${body}},{once:true});`;

/** @type {[string, string[], string][]} name, modules of extension/content it imports (as `card`), own code */
const VARIANTS = [
  ['evaluate', ['card.js'], ''],
  ['one-el', [], atDcl(`const h=document.createElement('div'),r=h.attachShadow({mode:'closed'}),s=document.createElement('section');` +
    `s.setAttribute('style','position:fixed;right:16px;bottom:64px;background:#fff;padding:12px');s.textContent=${JSON.stringify(text?.body ?? '')};` +
    `r.appendChild(s);document.documentElement.appendChild(h);`)],
  // A compact chip instead of the card: one labelled button in the page's language from a table of short
  // strings (no message, no count), its own small sheet; what a "collapsed until clicked" reminder would cost.
  ['chip', [], atDcl(`const L={en:'Privacy settings to check',de:'Datenschutz-Einstellungen prüfen',fr:'Paramètres de confidentialité à vérifier',` +
    `es:'Ajustes de privacidad por revisar',nl:'Privacy-instellingen controleren',it:'Impostazioni privacy da controllare',pt:'Configurações de privacidade a verificar'};` +
    `const l=(document.documentElement.getAttribute('lang')||'').slice(0,2).toLowerCase();` +
    `const h=document.createElement('div'),r=h.attachShadow({mode:'closed'}),b=document.createElement('button');` +
    `const s=new CSSStyleSheet();s.replaceSync('button{position:fixed;right:16px;bottom:64px;font:600 13px system-ui,sans-serif;padding:8px 14px;border-radius:999px;border:1px solid #d5dbe1;background:#fff;color:#1d2226;box-shadow:0 2px 6px rgba(0,0,0,.15);cursor:pointer}@media (prefers-color-scheme:dark){button{background:#1f252b;color:#eef1f4;border-color:#3a444e}}');` +
    `r.adoptedStyleSheets=[s];b.type='button';b.textContent=L[l]||L.en;b.addEventListener('click',()=>{});r.appendChild(b);document.documentElement.appendChild(h);`)],
  ['card', ['card.js'], atDcl(`card.nudge(${T});`)],
  ['storage', ['card.js'], atDcl(after(`chrome.storage.local.get('nudge')`))],
  ['message', ['card.js'], atDcl(after(`chrome.runtime.sendMessage({type:'floor'})`))],
];

const tmp = mkdtempSync(join(tmpdir(), 'optout-floor-'));
/** @param {string} label @param {string} dist */
function measure(label, dist) {
  console.error(`==> ${label}`);
  const r = spawnSync('node', [join(ROOT, 'bench', 'lib', 'browser.mjs'), 'cost', '--reps', String(reps), '--traced', String(traced), '--dist', dist],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  const line = r.stdout.split('\n').filter((l) => l.startsWith('{')).pop();
  if (r.status !== 0 || !line) throw new Error(`${label}: cost run failed (exit ${r.status})`);
  return JSON.parse(line);
}
try {
  /** @type {any[]} */
  const rows = [];
  for (const [name, sources, own] of VARIANTS) {
    if (only && !only.has(name)) continue;
    const dir = join(tmp, name);
    cpSync(DIST, dir, { recursive: true });
    // Bundled as the shipped bundles are (tools/build/bundle-content.mjs): esbuild, IIFE, minified.
    // (`Object.keys(card)`: the whole module is evaluated, not tree-shaken away, when nothing is drawn.)
    const contents = sources.map((f) => `import * as card from './${f}';`).join('') + (own || (sources.length ? 'Object.keys(card);' : ''));
    const out = await build({
      stdin: { contents, resolveDir: join(ROOT, 'extension', 'content'), sourcefile: `${name}.js` },
      bundle: true, format: 'iife', target: [...TARGETS], minify: true, legalComments: 'none', charset: 'ascii', write: false, logLevel: 'silent',
    });
    const code = out.outputFiles[0].text;
    writeFileSync(join(dir, 'content', 'nudge.js'), code);
    const r = measure(name, dir);
    rows.push({ name, bytes: Buffer.byteLength(code), ...r.with, quiet: r.quiet.extMs });
  }
  const shipped = measure('shipped', DIST);
  rows.push({ name: 'shipped', bytes: Buffer.byteLength(readFileSync(join(DIST, 'content', 'nudge.js'))), ...shipped.with, quiet: shipped.quiet.extMs });
  console.log('\nnudge.js variant  bytes   with (ms, median of traced loads)  drawn  quiet arm (watch.js only)  entries');
  for (const r of rows) {
    console.log(`${r.name.padEnd(16)} ${String(r.bytes).padStart(6)}   ${r.extMs.toFixed(2).padStart(5)} [${r.extAll.join(', ')}]`.padEnd(70) +
      `${r.banners}/${r.n}  ${r.quiet.toFixed(2).padStart(5)}  ${JSON.stringify(r.entries)}`);
  }
  console.log(JSON.stringify({ kind: 'floor', reps, traced, rows: rows.map((r) => ({ name: r.name, bytes: r.bytes, extMs: r.extMs, extAll: r.extAll, entries: r.entries, kinds: r.kinds, banners: r.banners, quietMs: r.quiet })) }));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
