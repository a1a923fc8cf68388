#!/usr/bin/env node
// Assemble dist/chrome and dist/firefox from extension/ + the generated pkg/, generate both manifests from the
// single source manifest.json, check that everything the manifests and pages reference is there, and write the
// reproducible store zips.
// Usage: node tools/build/assemble.mjs --pkg extension/pkg [--allow-incomplete]
import { readFileSync, writeFileSync, mkdirSync, rmSync, renameSync, existsSync, readdirSync, copyFileSync, statSync } from 'node:fs';
import { join, dirname, relative, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDir } from './zip.mjs';
import { bundleContent } from './bundle-content.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (/** @type {string} */ name, /** @type {string} */ dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const PKG = join(ROOT, opt('--pkg', 'extension/pkg'));
const DIST = join(ROOT, opt('--out', 'dist'));
const ALLOW_INCOMPLETE = args.includes('--allow-incomplete');
const EXT = join(ROOT, 'extension');

export const GECKO = {
  id: 'optout-pilot@optout-pilot.org',
  strict_min_version: '142.0',
  data_collection_permissions: { required: ['none'] },
};

/** The one version: Cargo.toml [package] version. */
export function cargoVersion(root = ROOT) {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const pkg = toml.split(/^\[/m).find((s) => s.startsWith('package]'));
  const m = pkg && pkg.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('Cargo.toml: no [package] version');
  if (!/^\d+(\.\d+){0,3}$/.test(m[1])) {
    throw new Error(`Cargo.toml version "${m[1]}" is not a valid extension version (1-4 dot-separated integers)`);
  }
  return m[1];
}

/** @param {any} source @param {string} version */
export function chromeManifest(source, version) {
  return { ...source, version };
}

/** @param {any} source @param {string} version */
export function firefoxManifest(source, version) {
  const m = { ...source, version };
  // Firefox runs MV3 backgrounds as event pages: `scripts` (an ES module here). It ignores `service_worker`
  // with a store-lint warning, so the key is left out.
  const sw = source.background?.service_worker;
  if (sw) {
    m.background = { scripts: [sw], type: source.background.type ?? 'module' };
  }
  m.browser_specific_settings = { ...(source.browser_specific_settings ?? {}), gecko: GECKO };
  return m;
}

/**
 * Locales shipped as a copy of another: Chrome and Firefox fall back from pt_PT to pt, then to the default
 * (English), never to pt_BR, so members whose browser speaks European Portuguese would get English. Brazilian
 * wording is closer to them than English; written once in extension/_locales/pt_BR, copied at build time.
 */
export const LOCALE_COPIES = Object.freeze(/** @type {Record<string, string>} */ ({ pt_PT: 'pt_BR' }));

/** Copy each LOCALE_COPIES source into its target folder unless the sources have one. @param {string} dir */
export function copyLocales(dir) {
  for (const [to, from] of Object.entries(LOCALE_COPIES)) {
    const src = join(dir, '_locales', from, 'messages.json');
    const dst = join(dir, '_locales', to, 'messages.json');
    if (existsSync(dst) || !existsSync(src)) continue;
    mkdirSync(dirname(dst), { recursive: true });
    copyFileSync(src, dst);
  }
}

/** Source-tree files that never ship. @param {string} rel posix path relative to extension/ */
function excluded(rel) {
  const parts = rel.split('/');
  if (parts.some((p) => p.startsWith('.') || p.endsWith('~'))) return true;
  if (parts[0] === 'pkg' || parts[0] === 'types' || parts.includes('tests') || parts.includes('__tests__')) return true;
  // Content-script modules ship only as the bundles of bundle-content.mjs (CONTENT_BUNDLES).
  if (parts[0] === 'content' && parts.length === 2 && /\.(js|json)$/.test(parts[1])) return true;
  return /\.(d\.ts|ts|map|md|orig|rej|swp)$/.test(rel) || /\.test\.[cm]?js$/.test(rel);
}

/** @param {string} from @param {string} to @param {(rel: string) => boolean} skip */
function copyTree(from, to, skip) {
  const walk = (/** @type {string} */ d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(from, p).split('\\').join('/');
      if (skip(rel)) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        mkdirSync(dirname(join(to, rel)), { recursive: true });
        copyFileSync(p, join(to, rel));
      }
    }
  };
  walk(from);
}

/** Every file path the manifest, the pages and the module imports refer to; returns missing ones. @param {string} dir @param {any} m */
export function missingReferences(dir, m) {
  /** @type {Set<string>} */
  const refs = new Set();
  const add = (/** @type {unknown} */ p) => typeof p === 'string' && p && refs.add(p.replace(/^\//, ''));
  add(m.background?.service_worker);
  (m.background?.scripts ?? []).forEach(add);
  for (const cs of m.content_scripts ?? []) [...(cs.js ?? []), ...(cs.css ?? [])].forEach(add);
  add(m.action?.default_popup);
  add(m.options_ui?.page);
  add(m.options_page);
  Object.values(m.icons ?? {}).forEach(add);
  Object.values(m.action?.default_icon ?? {}).forEach(add);
  /** @type {string[]} */
  const problems = [];
  if (m.default_locale) {
    const loc = `_locales/${m.default_locale}/messages.json`;
    add(loc);
    if (existsSync(join(dir, loc))) {
      const messages = JSON.parse(readFileSync(join(dir, loc), 'utf8'));
      const keys = new Set(Object.keys(messages).map((k) => k.toLowerCase()));
      for (const [, key] of JSON.stringify(m).matchAll(/__MSG_(\w+)__/g)) {
        if (!keys.has(key.toLowerCase())) problems.push(`${loc}: no message "${key}" (used in manifest)`);
      }
    }
  }
  // Follow relative imports of JS modules and the scripts/styles of HTML pages, transitively.
  const queue = [...refs];
  const seen = new Set(queue);
  while (queue.length) {
    const rel = /** @type {string} */ (queue.shift());
    const abs = join(dir, rel);
    if (!existsSync(abs)) continue;
    /** @type {string[]} */
    let found = [];
    if (/\.[cm]?js$/.test(rel)) {
      const src = readFileSync(abs, 'utf8');
      found = [...src.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]+)['"]/gm)]
        .map((x) => x[1] ?? x[2]);
    } else if (/\.html?$/.test(rel)) {
      const src = readFileSync(abs, 'utf8');
      found = [...src.matchAll(/<(?:script|link|img)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"'#?]+)["']/gi)]
        .map((x) => x[1])
        .filter((u) => !/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('//'));
    }
    for (const f of found) {
      const target = f.startsWith('/') ? f.slice(1) : posix.normalize(posix.join(posix.dirname(rel), f));
      refs.add(target);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  for (const r of [...refs].sort()) if (!existsSync(join(dir, r))) problems.push(`missing file: ${r}`);
  return problems;
}

async function main() {
  const version = cargoVersion();
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  if (source.version !== version) {
    console.warn(`warning: manifest.json version ${source.version} != Cargo.toml version ${version}; ` +
      `the generated manifests use ${version} (Cargo.toml is the one source of the version)`);
  }
  if (!existsSync(EXT)) throw new Error('extension/ is missing');
  if (!existsSync(join(PKG, 'optout_pilot_core.js')) || !existsSync(join(PKG, 'optout_pilot_core_bg.wasm'))) {
    throw new Error(`${relative(ROOT, PKG)}: generated WASM glue missing (run the wasm-bindgen step first)`);
  }
  mkdirSync(DIST, { recursive: true });
  const targets = { chrome: chromeManifest(source, version), firefox: firefoxManifest(source, version) };
  /** @type {Map<string, string[]>} problem -> browsers */
  const problems = new Map();
  for (const [browser, manifest] of Object.entries(targets)) {
    const tmp = join(DIST, `.${browser}.tmp`);
    rmSync(tmp, { recursive: true, force: true });
    copyTree(EXT, tmp, excluded);
    copyLocales(tmp);
    copyTree(PKG, join(tmp, 'pkg'), (rel) => !/\.(js|wasm)$/.test(rel) || rel.endsWith('.d.ts'));
    const sizes = await bundleContent(join(EXT, 'content'), join(tmp, 'content'), { banner: `OptOut Pilot ${version}` });
    if (browser === 'chrome') {
      const list = Object.entries(sizes).map(([n, s]) => `${n} ${(s.bytes / 1024).toFixed(1)} KiB (${s.modules.length} modules, ${(s.sources / 1024).toFixed(1)} KiB)`);
      console.log(`  content bundles: ${list.join(', ')}`);
    }
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    const p = missingReferences(tmp, manifest);
    for (const x of p) problems.set(x, [...(problems.get(x) ?? []), browser]);
    rmSync(join(DIST, browser), { recursive: true, force: true });
    renameSync(tmp, join(DIST, browser));
  }
  // Only the current version's zips stay in dist/.
  for (const f of readdirSync(DIST)) {
    if (/^optout-pilot-(chrome|firefox)-.*\.zip$/.test(f)) rmSync(join(DIST, f));
  }
  if (problems.size) {
    const lines = [...problems].map(([x, b]) => `${b.length === 2 ? 'dist/*' : `dist/${b[0]}`}: ${x}`);
    console.error(`dist/ is INCOMPLETE (${lines.length} problem(s)):\n  ` + lines.join('\n  '));
    if (!ALLOW_INCOMPLETE) {
      console.error('no store zips written. (--allow-incomplete / OPTOUT_ALLOW_INCOMPLETE=1 keeps going for development)');
      process.exit(3);
    }
    console.error('continuing because of --allow-incomplete: dist/ is for development only, no store zips written.');
    return;
  }
  for (const browser of Object.keys(targets)) {
    const out = join(DIST, `optout-pilot-${browser}-${version}.zip`);
    const r = zipDir(join(DIST, browser), out);
    console.log(`  ${relative(ROOT, out)}  ${r.files} files, ${(r.bytes / 1024).toFixed(1)} KiB`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`assemble: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
