// @ts-check
// Every locale is complete and well-formed, and no user-visible text is hard-coded in the extension's JavaScript.
// Complements pages-i18n.test.mjs (HTML pages: literal text, keys the pages use) and banner-text.test.mjs
// (banner* keys): this file checks the whole catalog of every locale, the locale folder names the stores accept,
// the content script and worker code, and the German glossary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_LANGS, localeDir } from '../../extension/worker/locale-catalogs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ext = join(root, 'extension');
const localesDir = join(ext, '_locales');

/** Locale codes both the Chrome Web Store and addons.mozilla.org understand for the languages we ship. */
const STORE_CODES = new Set(['en', 'en_GB', 'en_US', 'de', 'fr', 'es', 'es_419', 'nl', 'it', 'pt_BR', 'pt_PT']);

/** @typedef {{message: string, description?: string, placeholders?: Record<string, {content: string, example?: string}>}} Entry */
/** @param {string} dir @returns {Record<string, Entry>} */
const catalog = (dir) => JSON.parse(readFileSync(join(localesDir, dir, 'messages.json'), 'utf8'));
const dirs = readdirSync(localesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const en = catalog('en');
/** @param {string} s */
const named = (s) => [...s.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()).sort();

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

test('locale folders: exactly one per supported language, each a code the stores accept, en is the default', () => {
  assert.deepEqual(dirs, SUPPORTED_LANGS.map(localeDir).sort(), 'folders = SUPPORTED_LANGS (through localeDir)');
  for (const d of dirs) assert.ok(STORE_CODES.has(d), `_locales/${d}: not a Chrome Web Store / AMO locale code`);
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  assert.equal(manifest.default_locale, 'en');
});

test('every locale has exactly the keys of en; no message is empty', () => {
  const keys = Object.keys(en).sort();
  assert.ok(keys.length > 50, `en has ${keys.length} keys`);
  for (const d of dirs) {
    const cat = catalog(d);
    const missing = keys.filter((k) => !(k in cat));
    const extra = Object.keys(cat).filter((k) => !(k in en));
    assert.deepEqual(missing, [], `${d}: missing keys`);
    assert.deepEqual(extra, [], `${d}: keys that en does not have`);
    const empty = Object.entries(cat).filter(([, v]) => typeof v?.message !== 'string' || !v.message.trim()).map(([k]) => k);
    assert.deepEqual(empty, [], `${d}: empty messages`);
    const padded = Object.entries(cat).filter(([, v]) => v.message !== v.message.trim() || /\s{2,}/.test(v.message)).map(([k]) => k);
    assert.deepEqual(padded, [], `${d}: messages with leading/trailing or double spaces`);
    for (const k of Object.keys(cat)) assert.match(k, /^[A-Za-z0-9_]+$/, `${d}: key "${k}" (chrome.i18n allows [A-Za-z0-9_])`);
  }
});

test('placeholders: same names and contents as en, every $NAME$ declared, every declared one used', () => {
  for (const d of dirs) {
    const cat = catalog(d);
    for (const [k, ref] of Object.entries(en)) {
      const e = cat[k];
      if (!e) continue; // reported by the completeness test
      const want = Object.fromEntries(Object.entries(ref.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p.content]));
      const got = Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p.content]));
      assert.deepEqual(got, want, `${d}.${k}: placeholders (name → content) differ from en`);
      const used = named(e.message);
      assert.deepEqual([...new Set(used)].sort(), Object.keys(want).sort(), `${d}.${k}: $NAME$ used vs declared`);
      // A lone $ that is neither $NAME$, $1..$9 nor $$ is shown literally by Chrome: almost always a typo.
      const stray = e.message.replace(/\$[A-Za-z0-9_@]+\$|\$\$|\$[1-9]/g, '');
      assert.doesNotMatch(stray, /\$/, `${d}.${k}: stray $`);
    }
  }
});

test('counted messages come in _one/_other pairs with the same placeholders', () => {
  for (const k of Object.keys(en).filter((x) => x.endsWith('_one'))) {
    const other = k.replace(/_one$/, '_other');
    assert.ok(en[other], `en: ${k} has no ${other}`);
    assert.ok(named(en[other].message).length > 0, `en.${other} shows the count`);
  }
});

test('typography: no "..." (use …), no straight double quotes in prose, German uses „…“', () => {
  for (const d of dirs) {
    for (const [k, e] of Object.entries(catalog(d))) {
      assert.doesNotMatch(e.message, /\.\.\./, `${d}.${k}: use … instead of ...`);
      assert.doesNotMatch(e.message, /"/, `${d}.${k}: straight double quote`);
    }
  }
  for (const [k, e] of Object.entries(catalog('de'))) {
    const open = (e.message.match(/„/g) ?? []).length;
    const close = (e.message.match(/“/g) ?? []).length;
    assert.ok(open === close && !/[”«»]/.test(e.message), `de.${k}: German quotes are „…“: ${e.message}`);
  }
});

test('store limits: extension name ≤ 45 characters, action title ≤ 100 in every locale', () => {
  for (const d of dirs) {
    const cat = catalog(d);
    assert.ok(cat.extName.message.length <= 45, `${d}.extName`);
    assert.ok(cat.actionTitle.message.length <= 100, `${d}.actionTitle`);
  }
});

test('German: Sie-form and one set of terms everywhere (Einstellung, Schalter, einschalten/ausschalten)', () => {
  const de = catalog('de');
  /** [pattern, why] — words we replaced with the glossary term. */
  const avoid = /** @type {[RegExp, string][]} */ ([
    [/\b(du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer)\b/i, 'informal address: use Sie'],
    [/\b(de)?aktivier/i, '"aktiviert/deaktiviert": say eingeschaltet/ausgeschaltet'],
    [/\babschalt|\babgeschalt|\bschalten? [^.]*\bab\b/i, '"abschalten": say ausschalten'],
    [/\bAbmeld|\bOpt-?out\b/i, '"Abmeldung"/"Opt-out" reads as signing out: say Anleitung / ausschalten'],
    [/\bToggle|\bKippschalter|\bRegler\b/i, 'the control is a "Schalter"'],
    [/\bPrivatsphäre-?Einstellung/i, 'say Datenschutzeinstellungen'],
    [/\bKonfiguration|\bPräferenz/i, 'a LinkedIn option is an "Einstellung"'],
  ]);
  for (const [k, e] of Object.entries(de)) {
    const msg = e.message.replace(/OptOut[ -]Pilot|optout-pilot[\w.-]*/g, '');
    for (const [re, why] of avoid) assert.doesNotMatch(msg, re, `de.${k}: ${why}: ${e.message}`);
  }
  // The extension's own settings page is "Optionen", so "Einstellungen" always means LinkedIn's.
  for (const k of ['linkSettings', 'optTitle']) assert.equal(de[k].message, 'Optionen', `de.${k}`);
  assert.match(de.optDocTitle.message, /Optionen/);
});

// ------------------------------------------------------------------------------------- code: no literals
const contentAndWorker = [...walk(join(ext, 'content')), ...walk(join(ext, 'worker'))].filter((f) => /\.[cm]?js$/.test(f));
const pagesJs = walk(join(ext, 'pages')).filter((f) => /\.[cm]?js$/.test(f));

/** Source with comments blanked (line numbers kept). @param {string} src */
function stripComments(src) {
  let out = '';
  for (let i = 0; i < src.length;) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** @param {string} file */
const proseLiterals = (file) => proseLiteralsIn(readFileSync(file, 'utf8'), file);

test('content script and worker code carry no user-visible literal text (it all comes from _locales)', () => {
  assert.ok(contentAndWorker.length >= 5, 'found the content and worker sources');
  assert.deepEqual(contentAndWorker.flatMap(proseLiterals), []);
});

test('page scripts carry no user-visible literal text either (pages-i18n.test.mjs covers the HTML)', () => {
  assert.ok(pagesJs.length >= 3);
  assert.deepEqual(pagesJs.flatMap(proseLiterals), []);
});

test('the literal detector finds prose in code and ignores class lists, selectors, diagnostics, comments', () => {
  const src = [
    "el.textContent = 'Turn it off for me';",
    "const cls = 'btn btn-secondary';",
    "console.error('OptOut Pilot worker: failed', e);",
    "x.setAttribute('aria-label', 'Close the banner.');",
    "const sel = 'button[aria-pressed], [role=switch]';",
    "// el.textContent = 'A comment, not code.';",
    "const css = `.card { color: red; }`;",
  ].join('\n');
  const found = proseLiteralsIn(src, join(root, 'sample.js')).map((f) => f.replace(/^sample\.js:/, ''));
  assert.deepEqual(found, ['1: Turn it off for me', '4: Close the banner.']);
});

/**
 * String literals that read like words for people: two or more words and a capital letter or sentence
 * punctuation. CSS, class lists, selectors, font names and developer diagnostics (console.*, Error) are not.
 * @param {string} src @param {string} file
 */
function proseLiteralsIn(src, file) {
  const code = stripComments(src);
  const lines = code.split('\n');
  /** @type {string[]} */
  const found = [];
  for (const m of code.matchAll(/(['"])((?:\\.|(?!\1)[^\\\n])*)\1|`((?:\\.|[^\\`])*)`/g)) {
    const s = (m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' ');
    const line = code.slice(0, m.index).split('\n').length;
    const ctx = lines[line - 1];
    if (m[3] !== undefined && /[{};]\s*$/m.test(s) && /:\s*[^;]+;/.test(s)) continue;
    if (/\bconsole\.\w+\(|\bnew (Type|Range)?Error\(|\bthrow\b/.test(ctx)) continue;
    if (/^use strict$/.test(s)) continue;
    if (/^[a-z][a-z0-9-]*(\s+[a-z][a-z0-9-]*)*$/.test(s.trim())) continue;
    if (/^(Segoe UI|Helvetica Neue|Noto Sans|Open Sans|SF Pro( Text)?|Apple Color Emoji|Segoe UI (Emoji|Symbol))$/.test(s)) continue;
    if (/^[\s\w#.:>()[\]="'^$*|~,+-]+$/.test(s) && /[#.[\]>:=]/.test(s) && !/[A-Z][a-z]+ [a-z]+/.test(s)) continue;
    const words = s.match(/\p{L}{2,}/gu) ?? [];
    if (words.length < 2) continue;
    if (/\p{Lu}\p{Ll}+/u.test(s) || /[.!?…:]\s|[.!?…]$/.test(s.trim())) found.push(`${relative(root, file)}:${line}: ${s.trim().slice(0, 80)}`);
  }
  return found;
}

test('every message key the worker and content script name exists in en (and so, by the test above, everywhere)', () => {
  /** @type {Set<string>} */
  const keys = new Set();
  for (const f of contentAndWorker) {
    const src = stripComments(readFileSync(f, 'utf8'));
    for (const m of src.matchAll(/\b(?:t|getMessage)\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]);
    for (const m of src.matchAll(/'((?:banner|badgeTitle|problem|import|action)[A-Z][A-Za-z0-9_]*)'/g)) keys.add(m[1]);
  }
  // Stored-state problem codes from the Rust core are shown as problem<Code> (background.js).
  const state = readFileSync(join(root, 'src', 'state.rs'), 'utf8');
  for (const m of state.matchAll(/"(state[A-Z][A-Za-z]+)"/g)) keys.add(`problem${m[1][0].toUpperCase()}${m[1].slice(1)}`);
  // …and so are the reasons the core refuses an import (src/import.rs).
  const importRs = readFileSync(join(root, 'src', 'import.rs'), 'utf8');
  const importCodes = [...importRs.matchAll(/"(import[A-Z][A-Za-z]+)"/g)].map((m) => m[1]);
  assert.ok(importCodes.length >= 3, 'import refusal codes found');
  for (const code of importCodes) keys.add(`problem${code[0].toUpperCase()}${code.slice(1)}`);
  assert.ok(keys.size >= 40, `found ${keys.size} keys`);
  assert.deepEqual([...keys].filter((k) => !en[k]).sort(), []);
});

test('store listings: the short description is the manifest description (≤ 132 characters)', () => {
  for (const lang of ['en', 'de']) {
    const md = readFileSync(join(root, 'store', `listing.${lang}.md`), 'utf8');
    const section = md.split(/^## /m).find((s) => /^(Short description|Kurzbeschreibung)/.test(s));
    assert.ok(section, `store/listing.${lang}.md has a short description section`);
    const short = section.split('\n').slice(1).map((l) => l.trim()).filter(Boolean)[0];
    assert.equal(short, catalog(lang).extDescription.message, `store/listing.${lang}.md short description = ${lang}.extDescription`);
    assert.ok(short.length <= 132);
  }
});
