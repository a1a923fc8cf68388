// @ts-check
// The content-script bundles as tools/build/bundle-content.mjs builds them (no browser): each bundle holds exactly
// the modules its entry imports, directly or not (so watch.js, on every LinkedIn page load, stays tiny and never
// pulls in the card, the banner or the page reading), every module is in some bundle, the bundles are classic
// scripts that define no global and carry no extension URL, and building twice gives the same bytes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, posix } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT } from '../e2e/lib/env.mjs';
import { bundleContent, CONTENT_BUNDLES } from '../../tools/build/bundle-content.mjs';

const CONTENT = join(ROOT, 'extension', 'content');
const OUT = mkdtempSync(join(tmpdir(), 'optout-bundles-'));
/** @type {Awaited<ReturnType<typeof bundleContent>>} */
let built;

before(async () => { built = await bundleContent(CONTENT, OUT, { banner: 'OptOut Pilot test' }); });
after(() => rmSync(OUT, { recursive: true, force: true }));

/** The modules a source imports (import/export … from, import '…'; not JSDoc's import() types). @param {string} file */
function importsOf(file) {
  const src = readFileSync(join(CONTENT, file), 'utf8');
  return [...src.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'(\.\/[^']+)';|^import\s+'(\.\/[^']+)';/gm)]
    .map((m) => posix.normalize(m[1] ?? m[2]));
}

/** The entry and everything it imports, transitively. @param {string} entry @returns {Set<string>} */
function closure(entry) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const f of importsOf(/** @type {string} */ (queue.shift()))) {
      if (!seen.has(f)) { seen.add(f); queue.push(f); }
    }
  }
  return seen;
}

/** The shipped bundles in dist/ when built, else those of this test. @returns {string[]} paths */
function shippedBundles() {
  const dirs = ['chrome', 'firefox'].map((b) => join(ROOT, 'dist', b, 'content')).filter((d) => existsSync(d));
  return [OUT, ...dirs].flatMap((d) => Object.keys(CONTENT_BUNDLES).map((n) => join(d, n))).filter((f) => existsSync(f));
}

test('each bundle holds exactly what its entry imports', () => {
  for (const [name, entry] of Object.entries(CONTENT_BUNDLES)) {
    assert.deepEqual([...built[name].modules].sort(), [...closure(entry)].sort(), name);
    assert.equal(built[name].modules[0], entry, `${name}: the entry comes first`);
  }
});

test('watch.js (every LinkedIn page load) stays tiny: no card, banner, page reading, messaging or navigation modules', () => {
  assert.deepEqual([...built['watch.js'].modules].sort(), ['loaded-bundles.js', 'runtime.js', 'watch-main.js']);
  assert.ok(built['watch.js'].bytes < 2048, `watch.js is ${built['watch.js'].bytes} bytes`);
  assert.deepEqual([...built['signin.js'].modules].sort(), ['runtime.js', 'signin-main.js']);
});

test('nudge.js carries nothing of the guide; there is no who.js (identity comes with the reports)', () => {
  const guideOnly = ['banner.js', 'wait.js', ...readdirSync(CONTENT).filter((f) => f.startsWith('guide-') || f.startsWith('dom'))];
  const extra = built['nudge.js'].modules.filter((m) => guideOnly.includes(m));
  assert.deepEqual(extra, [], `nudge.js bundles ${extra}`);
  assert.deepEqual(Object.keys(built).sort(), ['guide.js', 'nudge.js', 'signin.js', 'watch.js']);
});

test('every content module is in some bundle (none left over)', () => {
  const used = new Set(Object.values(built).flatMap((b) => b.modules));
  const unused = readdirSync(CONTENT).filter((f) => f.endsWith('.js') && !used.has(f));
  assert.deepEqual(unused, []);
});

test('the content modules import each other without a cycle', () => {
  const modules = readdirSync(CONTENT).filter((f) => f.endsWith('.js'));
  /** @type {Map<string, 'open'|'done'>} */
  const state = new Map();
  /** @param {string} m @param {string[]} path */
  const visit = (m, path) => {
    state.set(m, 'open');
    for (const next of importsOf(m)) {
      assert.notEqual(state.get(next), 'open', `import cycle: ${[...path, m, next].join(' -> ')}`);
      if (!state.has(next)) visit(next, [...path, m]);
    }
    state.set(m, 'done');
  };
  for (const m of modules) if (!state.has(m)) visit(m, []);
});

test("the guide's shared page view is changed only by guide-page.js (its verbs), never written by the other modules", () => {
  for (const f of readdirSync(CONTENT).filter((n) => n.startsWith('guide-') && n !== 'guide-page.js')) {
    const src = readFileSync(join(CONTENT, f), 'utf8');
    assert.doesNotMatch(src, /\b(view|page)\.\w+\s*(=(?!=)|\+\+|--|\+=|-=)/, `${f} writes the page view`);
    assert.doesNotMatch(src, /\bS\.\w+/, `${f} uses a shared state object`);
  }
  // The view is read-only: its fields have getters and no setters.
  assert.doesNotMatch(readFileSync(join(CONTENT, 'guide-page.js'), 'utf8'), /\bset \w+\(/);
});

test('the bundles: a leading comment naming their modules, then one strict IIFE (no global defined)', () => {
  for (const name of Object.keys(CONTENT_BUNDLES)) {
    const code = readFileSync(join(OUT, name), 'utf8');
    const [comment, ...rest] = code.split('\n');
    assert.equal(comment, `// OptOut Pilot test: ${built[name].modules.join(', ')} (extension/content), bundled by esbuild, minified`);
    const body = rest.join('\n').trim();
    assert.ok(body.startsWith('"use strict";(()=>{') && body.endsWith('})();'), `${name}: ${body.slice(0, 40)}…${body.slice(-20)}`);
  }
});

test('no extension URL, no OptOutPilot global, no test hook in the shipped bundles or the sources', () => {
  const files = [...shippedBundles(), ...readdirSync(CONTENT).filter((f) => f.endsWith('.js')).map((f) => join(CONTENT, f))];
  for (const f of files) {
    const code = readFileSync(f, 'utf8');
    assert.doesNotMatch(code, /chrome-extension:|moz-extension:/, f);
    assert.doesNotMatch(code, /\bgetURL\b/, `${f}: an extension URL could end up in the page`);
    assert.doesNotMatch(code, /\bOptOutPilot\b/, f);
    assert.doesNotMatch(code, /__spy|__dom|__test|\.state\(\)/i, `${f}: looks like a test hook`);
  }
});

test('building again gives the same bytes (reproducible)', async () => {
  const again = mkdtempSync(join(tmpdir(), 'optout-bundles-'));
  try {
    await bundleContent(CONTENT, again, { banner: 'OptOut Pilot test' });
    for (const name of Object.keys(CONTENT_BUNDLES)) {
      assert.ok(readFileSync(join(again, name)).equals(readFileSync(join(OUT, name))), name);
    }
  } finally {
    rmSync(again, { recursive: true, force: true });
  }
});
