// @ts-check
// Browser-free checks of the LinkedIn fixtures: they must work under LinkedIn's CSP (no inline scripts or
// handlers, nothing loaded from the network) and carry the markup that cases.json promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const FX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
/** @param {string} dir @returns {string[]} */
const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const pages = walk(join(FX, 'pages')).filter((f) => f.endsWith('.html'));
/** @type {{name: string, file: string, lang: string, expect: {page: string, setting: string|null, states: Record<string, string>}}[]} */
const cases = JSON.parse(readFileSync(join(FX, 'cases.json'), 'utf8'));
/** Pages written by someone who had not read the detector (tests/fixtures/redteam/README.md), indexed apart. @type {typeof cases} */
const redteam = JSON.parse(readFileSync(join(FX, 'redteam-cases.json'), 'utf8'));

test('every page is CSP-clean and self-contained', () => {
  for (const f of pages) {
    const html = readFileSync(f, 'utf8');
    const name = relative(FX, f);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${name}: inline <script>`);
    assert.doesNotMatch(html, /\son[a-z]+=/i, `${name}: inline event handler`);
    assert.doesNotMatch(html, /javascript:/i, `${name}: javascript: URL`);
    for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) assert.match(m[1], /^\/__fixtures__\/assets\/(?:redteam\/)?[\w-]+\.js$/, name);
    // the only absolute URLs allowed are SVG namespaces (also inside data: URIs)
    const urls = [...html.matchAll(/https?(?::|%3A)(?:\/\/|%2F%2F)[^"'\s)<>%]+/gi)].map((m) => m[0]);
    assert.deepEqual(urls.filter((u) => !/www\.w3\.org/.test(u)), [], `${name}: external URL`);
    assert.match(html, /<html lang="[a-z]{2}"/, `${name}: lang`);
    assert.match(html, /<title>[^<]*LinkedIn<\/title>/, `${name}: title`);
  }
});

test('every page is referenced by a case, or framed by a page that is', () => {
  // cases.json, redteam-cases.json and the other hand-written sets beside them (issue24-cases.json, …).
  const extra = readdirSync(FX).filter((n) => n.endsWith('-cases.json'))
    .flatMap((n) => /** @type {{file: string}[]} */ (JSON.parse(readFileSync(join(FX, n), 'utf8'))));
  const used = new Set([...cases, ...redteam, ...extra].map((c) => c.file));
  // A page another case's page loads in an <iframe> (served from the same origin) is covered by that case.
  for (const file of [...used]) {
    const html = readFileSync(join(FX, file), 'utf8');
    for (const m of html.matchAll(/<iframe[^>]*\bsrc="\/__fixtures__\/([^"?#]+)"/g)) used.add(m[1]);
  }
  assert.deepEqual(pages.map((f) => relative(FX, f)).filter((f) => !used.has(f)), []);
});

test('every red-team case names an existing page and a known page kind', () => {
  assert.ok(redteam.length >= 30, 'at least 30 red-team cases');
  for (const c of redteam) {
    assert.ok(pages.includes(join(FX, c.file)), `${c.name}: ${c.file} exists`);
    assert.ok(['setting', 'hub', 'linkedin', 'login'].includes(c.expect.page), `${c.name}: page kind`);
  }
});

test('setting pages use the real markup unless they are a named variant', () => {
  for (const c of cases.filter((x) => x.expect.page === 'setting' && /^pages\/[a-z]{2}\//.test(x.file))) {
    const html = readFileSync(join(FX, c.file), 'utf8');
    assert.match(html, new RegExp(`<html lang="${c.lang}"`), c.name);
    assert.match(html, /<input type="checkbox" role="switch" aria-labelledby="(\w+)" class="_switchCheckbox_12ycew"/, c.name);
    assert.match(html, /<main id="main"/, c.name);
  }
});

test('languages, settings and page kinds are all covered', () => {
  const langs = new Set(cases.map((c) => c.lang));
  for (const l of ['en', 'de', 'fr', 'nl', 'es', 'ja']) assert.ok(langs.has(l), l);
  const ids = ['gen-ai-improvement', 'ads-affiliates-sharing', 'ads-beyond-linkedin', 'ads-advertiser-data', 'ads-measure-success',
    'ads-interests-traits', 'ads-inferred-location', 'ads-age', 'ads-gender', 'ads-activity-data', 'ads-profile-location', 'research-sharing'];
  for (const lang of ['en', 'de']) {
    for (const id of ids) assert.ok(cases.some((c) => c.lang === lang && c.expect.setting === id && c.file.startsWith(`pages/${lang}/`)), `${lang} ${id}`);
  }
  for (const k of ['setting', 'hub', 'linkedin', 'login', 'notLinkedin']) assert.ok(cases.some((c) => c.expect.page === k), k);
});
