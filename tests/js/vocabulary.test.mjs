// @ts-check
// One vocabulary per language: docs/vocabulary.json names each thing the member meets on several
// screens (card, guide, popup, options, badge tooltip) once per language. Every screen takes its words from
// _locales, so the messages are checked: each message listed under a term uses the term; no message of that
// language names the thing with a known variant; a term marked `only` names its action only (no other message
// is or starts with it: a settings heading that reads like a button). And every listed message is shown
// somewhere (named by the extension's code or pages), so the list is the screens' own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ext = join(root, 'extension');
const localesDir = join(ext, '_locales');
const vocabulary = JSON.parse(readFileSync(join(root, 'docs', 'vocabulary.json'), 'utf8'));
const LANGS = readdirSync(localesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
/** @type {Record<string, Record<string, {message: string}>>} */
const catalogs = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(join(localesDir, l, 'messages.json'), 'utf8'))]));

/** Compare as a reader does: ’ and ' alike, any run of spaces (no-break ones too) as one, case ignored. @param {string} s */
const norm = (s) => s.replace(/[’‘]/g, "'").replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLowerCase();

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const shipped = walk(ext).filter((f) => /\.(m?js|html)$/.test(f) && !f.includes(`${join('extension', 'pkg')}`))
  .map((f) => readFileSync(f, 'utf8')).join('\n');

/**
 * What breaks the vocabulary in these catalogs (exported shape for the self-test below).
 * @param {any} vocab @param {Record<string, Record<string, {message: string}>>} cats @returns {string[]}
 */
function problems(vocab, cats) {
  const out = [];
  for (const [id, term] of Object.entries(vocab.terms)) {
    const t = /** @type {any} */ (term);
    for (const [lang, cat] of Object.entries(cats)) {
      const word = t[lang];
      if (typeof word !== 'string' || !word) { out.push(`${id}: no term in ${lang}`); continue; }
      const w = norm(word);
      for (const key of t.keys) {
        const m = cat[key]?.message;
        if (m === undefined) out.push(`${id}: ${lang} has no message ${key}`);
        else if (!norm(m).includes(w)) out.push(`${id}: ${lang}.${key} does not say “${word}”: ${m}`);
      }
      for (const v of t.variants?.[lang] ?? []) {
        const re = new RegExp(v, 'u');
        for (const [key, e] of Object.entries(cat)) {
          if (re.test(norm(e.message))) out.push(`${id}: ${lang}.${key} names it “${v}” instead of “${word}”: ${e.message}`);
        }
      }
      if (t.only) {
        for (const [key, e] of Object.entries(cat)) {
          if (!t.keys.includes(key) && norm(e.message).startsWith(w)) out.push(`${id}: ${lang}.${key} reads like the “${word}” button: ${e.message}`);
        }
      }
    }
  }
  return out;
}

test('docs/vocabulary.json: every term in every shipped language, with the messages that show it', () => {
  for (const [id, term] of Object.entries(vocabulary.terms)) {
    const t = /** @type {any} */ (term);
    assert.ok(Array.isArray(t.keys) && t.keys.length > 0, `${id}: keys`);
    for (const lang of LANGS) assert.ok(typeof t[lang] === 'string' && t[lang].trim(), `${id}: ${lang}`);
  }
});

test('every locale message uses the vocabulary: the listed messages say the term, no message names it otherwise', () => {
  assert.deepEqual(problems(vocabulary, catalogs), []);
});

test('every message the vocabulary lists is shown on a screen (named by the extension code or a page)', () => {
  const unused = Object.values(vocabulary.terms).flatMap((t) => /** @type {any} */ (t).keys)
    .filter((/** @type {string} */ k) => !new RegExp(`['"\`]${k}['"\`]`).test(shipped));
  assert.deepEqual(unused, []);
});

test('the check fails on the issue\'s examples of two names for one thing', () => {
  const cats = {
    en: {
      bannerDismissAll: { message: 'Don’t remind me again' }, btnDismissAll: { message: "Don't remind me" },
      heading: { message: 'Check again after' }, btnCheckAgain: { message: 'Check again' },
      bannerKeepOn: { message: 'I want this on' },
    },
  };
  const vocab = { terms: {
    dismissAll: { ...vocabulary.terms.dismissAll, keys: ['bannerDismissAll', 'btnDismissAll'] },
    checkAgain: { ...vocabulary.terms.checkAgain, keys: ['btnCheckAgain'] },
    keepOn: { ...vocabulary.terms.keepOn, keys: ['bannerKeepOn'] },
  } };
  const found = problems(vocab, cats).join('\n');
  assert.match(found, /en\.btnDismissAll does not say/);
  assert.match(found, /en\.heading reads like the “Check again” button/);
  assert.match(found, /en\.bannerKeepOn names it/);
  const de = { de: { bannerNext: { message: 'Weiter: $TITLE$' }, bannerNudgeNext: { message: 'Als Nächstes: $TITLE$' } } };
  assert.match(problems({ terms: { next: vocabulary.terms.next } }, de).join('\n'), /de\.bannerNext does not say “Als Nächstes:”/);
});

test('"switched back on" is one natural sentence in every language (not "seen off", not a colon and a parenthesis)', () => {
  for (const lang of LANGS) {
    for (const key of ['bannerTurnedBackOn', 'rowTurnedBackOn', 'rowTurnedBackOnWhen']) {
      const m = catalogs[lang][key].message;
      assert.doesNotMatch(m, /seen off|als aus gesehen|vu désactivé|verse desactivado|visto desativado/i, `${lang}.${key}: ${m}`);
      assert.equal((m.replace(/\$WHEN\$/, 'X').match(/[.!?](\s|$)/g) ?? []).length, 1, `${lang}.${key} is one sentence: ${m}`);
      assert.ok(!/:.*\(/.test(m), `${lang}.${key}: no "…: … (…)" construction: ${m}`);
    }
  }
});
