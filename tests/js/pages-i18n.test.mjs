// @ts-check
// Pages carry no user-visible literals, and every message key they use exists in every locale we ship
// with matching placeholders. Also checks the pages' CSP-related rules (no inline scripts or handlers,
// no remote resources).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pagesDir = join(root, 'extension', 'pages');
const LANGS = ['en', 'de', 'fr', 'es', 'nl', 'it', 'pt_BR'];
const COUNTED = ['summaryOn', 'summaryToCheck', 'summaryMoreToCheck'];
const MANIFEST_KEYS = ['extName', 'extDescription', 'actionTitle', 'badgeTitleAttention', 'badgeTitleUnchecked', 'badgeTitleDone', 'badgeTitleSnoozed', 'badgeTitleToCheck', 'badgeTitleRemindersOff', 'commandOpenPopup'];

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const files = walk(pagesDir);
const html = files.filter((f) => f.endsWith('.html'));
const js = files.filter((f) => f.endsWith('.js'));

/** @param {string} lang @returns {Record<string, {message: string, placeholders?: Record<string, {content: string}>}>} */
function messages(lang) {
  const p = join(root, 'extension', '_locales', lang, 'messages.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : {};
}

/** All message keys the pages use. */
function usedKeys() {
  const keys = new Set(MANIFEST_KEYS);
  for (const f of html) {
    for (const m of readFileSync(f, 'utf8').matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) keys.add(m[1]);
  }
  for (const f of js) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) keys.add(m[1]);
    for (const m of src.matchAll(/'((?:pill|region|summary|problem|btn|announce)[A-Z][A-Za-z0-9_]*|snooze(?:Day|Week|Month))'/g)) keys.add(m[1]);
  }
  for (const base of COUNTED) {
    keys.delete(base);
    keys.add(`${base}_one`);
    keys.add(`${base}_other`);
  }
  return keys;
}

test('HTML pages contain no user-visible literal text', () => {
  assert.ok(html.length >= 3);
  for (const f of html) {
    const src = readFileSync(f, 'utf8')
      .replace(/<svg[\s\S]*?<\/svg>/g, '')
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]+>/g, ' ');
    assert.equal(src.trim(), '', `${f} has literal text: ${src.trim().slice(0, 80)}`);
    const raw = readFileSync(f, 'utf8');
    assert.doesNotMatch(raw, /\son[a-z]+\s*=/i, `${f}: inline event handler`);
    assert.doesNotMatch(raw, /<script(?![^>]*\bsrc=)[^>]*>/i, `${f}: inline script`);
    assert.doesNotMatch(raw, /(src|href)="(https?:)?\/\//i, `${f}: remote resource`);
    assert.doesNotMatch(raw, /\s(aria-label|title|alt|placeholder)="[^"]*[A-Za-z]/, `${f}: literal attribute text`);
  }
});

test('page scripts and styles load nothing remote', () => {
  for (const f of [...js, ...files.filter((x) => x.endsWith('.css'))]) {
    const src = readFileSync(f, 'utf8');
    assert.doesNotMatch(src, /\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|@import|url\(\s*['"]?https?:/, f);
  }
});

test('every key the pages use exists in every locale, placeholders match en', () => {
  const keys = usedKeys();
  const en = messages('en');
  for (const lang of LANGS) {
    const msgs = messages(lang);
    const missing = [...keys].filter((k) => !msgs[k] || !msgs[k].message);
    assert.deepEqual(missing, [], `${lang} is missing keys`);
    for (const k of keys) {
      const names = (/** @type {string} */ s) => [...s.matchAll(/\$([A-Za-z_]+)\$/g)].map((m) => m[1].toLowerCase()).sort();
      assert.deepEqual(names(msgs[k].message), names(en[k].message), `${lang}.${k} placeholders`);
      for (const n of names(msgs[k].message)) assert.ok(msgs[k].placeholders?.[n], `${lang}.${k} declares $${n}$`);
    }
  }
});

test('manifest description fits the stores (≤ 132 characters) in every locale', () => {
  for (const lang of LANGS) {
    const d = messages(lang).extDescription?.message || '';
    assert.ok(d.length > 0 && d.length <= 132, `${lang}: ${d.length}`);
  }
});
