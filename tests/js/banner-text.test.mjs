// @ts-check
// The worker's message formatting (chrome.i18n rules, en fallback, per-language cache) and the banner text
// built from page advice. A fake loader reads extension/_locales from disk, so no chrome.* is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessages, formatMessage, normalizeLang, localeDir, SUPPORTED_LANGS } from '../../extension/worker/locale-catalogs.js';
import { bannerText, pickLang } from '../../extension/worker/banner-text.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** @param {string} lang */
function readCatalog(lang) {
  const p = join(root, 'extension', '_locales', localeDir(lang), 'messages.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null;
}
/** @type {string[]} */
const loads = [];
const diskMessages = createMessages(async (lang) => { loads.push(lang); return readCatalog(lang); });
/** @param {any} advice @param {any} [titles] @param {string} [ui] */
const text = (advice, titles, ui = 'en-US') => bannerText(advice, titles ?? advice?.banner?.titles ?? {}, { messages: diskMessages, uiLanguage: ui });

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const ADS = 'https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin';
const TITLES_EN = {
  'gen-ai-improvement': { title: 'Data for Generative AI Improvement', label: 'Use my data for training content creation AI models', url: AI },
  'ads-beyond-linkedin': { title: 'Ads beyond LinkedIn', label: 'Ads beyond LinkedIn', url: ADS },
};
const TITLES_DE = {
  'gen-ai-improvement': { title: 'Daten zur Verbesserung generativer KI', label: 'Meine Daten für das Training von KI-Modellen verwenden', url: AI },
  'ads-beyond-linkedin': { title: 'Anzeigen außerhalb von LinkedIn', label: 'Anzeigen außerhalb von LinkedIn', url: ADS },
};
/** @param {object} over */
const guide = (over) => ({
  needControls: true, watch: true,
  banner: { mode: 'guide', setting: 'gen-ai-improvement', status: 'on', control: 0, step: { index: 2, total: 5 },
    next: { id: 'ads-beyond-linkedin', url: ADS }, url: AI, remaining: 4, lang: 'en', titles: TITLES_EN, ...over },
});

// ---------- formatMessage: chrome.i18n rules ----------

test('named placeholders map to $1..$9 substitutions, case-insensitively', () => {
  const entry = { message: 'Step $INDEX$ of $Total$', placeholders: { index: { content: '$1' }, total: { content: '$2' } } };
  assert.equal(formatMessage(entry, [2, 5]), 'Step 2 of 5');
  assert.equal(formatMessage(entry, ['2', '5']), 'Step 2 of 5');
});

test('$$ is a literal dollar, missing substitutions are empty, a single string substitution works', () => {
  assert.equal(formatMessage({ message: 'Costs $$5' }), 'Costs $5');
  assert.equal(formatMessage({ message: 'A $1 B $2.' }, 'x'), 'A x B .');
  const entry = { message: 'Look for “$LABEL$”', placeholders: { label: { content: '$1' } } };
  assert.equal(formatMessage(entry, 'Ads $1 $$'), 'Look for “Ads $1 $$”', 'substituted text is not formatted again');
});

test('placeholder content may carry literal text; unknown placeholders stay', () => {
  const entry = { message: 'Hi $WHO$ and $OTHER$', placeholders: { who: { content: 'dear $1' } } };
  assert.equal(formatMessage(entry, ['Ana']), 'Hi dear Ana and $OTHER$');
  assert.equal(formatMessage(undefined), '');
  assert.equal(formatMessage(/** @type {any} */ ({})), '');
});

test('normalizeLang and pickLang: page language first, then UI language, then English', () => {
  assert.equal(normalizeLang('de-DE'), 'de');
  assert.equal(normalizeLang('pt_BR'), 'pt');
  assert.equal(normalizeLang('ja'), null);
  assert.equal(normalizeLang(undefined), null);
  assert.equal(pickLang('fr', 'de'), 'fr');
  assert.equal(pickLang('ja', 'de-AT'), 'de');
  assert.equal(pickLang('', 'ja'), 'en');
  assert.deepEqual([...SUPPORTED_LANGS].sort(), ['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
});

test('translator falls back to English for missing keys and languages, and caches per language', async () => {
  /** @type {string[]} */
  const calls = [];
  const m = createMessages(async (/** @type {string} */ lang) => {
    calls.push(lang);
    /** @type {Record<string, {message: string}>|null} */
    let out = null;
    if (lang === 'en') out = { a: { message: 'A en' }, b: { message: 'B en' } };
    if (lang === 'de') out = { a: { message: 'A de' } };
    return out;
  });
  const de = await m.translator('de-CH');
  assert.equal(de('a'), 'A de');
  assert.equal(de('b'), 'B en');
  assert.equal(de('zzz'), '');
  const xx = await m.translator('xx');
  assert.equal(xx('a'), 'A en');
  await m.translator('de');
  assert.deepEqual(calls.filter((l) => l === 'de').length, 1, 'de loaded once');
  assert.equal(await m.getMessage('de', 'a'), 'A de');
});

test('a failing loader gives English (or empty) text instead of throwing, and is retried later', async () => {
  let fail = true;
  const m = createMessages(async (lang) => {
    if (fail) throw new Error('offline');
    return lang === 'en' ? { a: { message: 'ok' } } : null;
  });
  assert.equal((await m.translator('en'))('a'), '');
  fail = false;
  await new Promise((r) => setTimeout(r, 0));
  assert.equal((await m.translator('en'))('a'), 'ok');
});

// ---------- bannerText ----------

test('no banner → null', async () => {
  assert.equal(await text({ needControls: false, watch: false, banner: null }), null);
  assert.equal(await text(null), null);
});

test('nudge: count, next setting, link, snooze menu and dismiss-all', async () => {
  const t = await text({ needControls: false, watch: false, banner: {
    mode: 'nudge', setting: null, status: null, control: null, step: null, next: { id: 'gen-ai-improvement', url: AI },
    url: AI, remaining: 3, lang: 'en', titles: TITLES_EN } });
  assert.ok(t);
  assert.equal(t.mode, 'nudge');
  assert.equal(t.lang, 'en');
  assert.equal(t.brand, 'OptOut Pilot');
  assert.match(t.body, /^3 settings still need/);
  assert.equal(t.detail, 'Next: Data for Generative AI Improvement');
  assert.deepEqual(t.link, { label: 'Show me', href: AI });
  assert.deepEqual(t.snooze, { label: 'Remind me later', day: 'Tomorrow', week: 'In a week', month: 'In a month' });
  assert.equal(t.dismissAll, 'Don’t remind me again');
  assert.equal(t.step, '');
  assert.equal(t.fix, '');
  assert.equal(t.ack.day, 'OK — we’ll remind you tomorrow.');
  // Its close button says how long closing lasts; acknowledgements after it keep the plain "Close".
  assert.equal(t.closeNudge, 'Close for today');
  assert.equal(t.close, 'Close');
  const one = await text({ banner: { mode: 'nudge', remaining: 1, next: { id: 'gen-ai-improvement', url: AI }, lang: 'en' } }, TITLES_EN);
  assert.equal(one?.body, '1 setting still needs your attention.');
  const unknown = await text({ banner: { mode: 'nudge', lang: 'en' } }, {});
  assert.equal(unknown?.body, 'Some settings still need your attention.');
  assert.equal(unknown?.link, null);
});

test('nudge before anything was read: "N settings to check · about M min", not "need your attention" (EN and DE)', async () => {
  const banner = { mode: 'nudge', remaining: 11, toCheck: true, checkMinutes: 3, next: { id: 'gen-ai-improvement', url: AI } };
  const en = await text({ banner: { ...banner, lang: 'en' } }, TITLES_EN);
  assert.equal(en?.body, '11 settings to check · about 3 min.');
  const de = await text({ banner: { ...banner, lang: 'de' } }, TITLES_DE);
  assert.equal(de?.body, '11 Einstellungen zu prüfen · etwa 3 Min.');
  const one = await text({ banner: { ...banner, remaining: 1, checkMinutes: 1, lang: 'en' } }, TITLES_EN);
  assert.equal(one?.body, '1 setting to check · about 1 min.');
  // Once something was read (seen on or unreadable), the count is what needs attention again.
  const read = await text({ banner: { ...banner, toCheck: false, lang: 'en' } }, TITLES_EN);
  assert.equal(read?.body, '11 settings still need your attention.');
});

test('guide, on with a known control: status, one-click button, keep-on, highlight label, 1-based step', async () => {
  const t = await text(guide({}));
  assert.ok(t);
  assert.equal(t.title, 'Data for Generative AI Improvement');
  assert.equal(t.step, 'Step 2 of 5');
  assert.equal(t.statusKind, 'on');
  assert.equal(t.status, 'This setting is on. Click the highlighted switch to turn it off.');
  assert.equal(t.fix, 'Turn it off for me');
  assert.equal(t.keepOn, 'Keep this on');
  assert.equal(t.highlight, 'Turn this off');
  assert.equal(t.link, null);
  assert.equal(t.announce, t.status);
  assert.equal(t.snooze, null);
  const noControl = await text(guide({ control: null }));
  assert.equal(noControl?.fix, '', 'no one-click without a known control');
  assert.equal(noControl?.status, 'This setting is on. Look for “Use my data for training content creation AI models” and turn it off.');
});

test('a switch on this page that the catalog does not know and that is on gets its own line, never a status', async () => {
  const plain = await text(guide({}));
  assert.equal(plain?.aside, '', 'no unknown switch: no line');
  const one = await text(guide({ unknownHere: ['Use my data to personalise AI agents'] }));
  assert.equal(one?.aside, 'This page also shows “Use my data to personalise AI agents”, a switch OptOut Pilot doesn\'t know yet. It is on; look at what it does before you decide. The popup lists it.');
  assert.equal(one?.status, plain?.status, 'the known setting\'s status is unchanged');
  const de = await text(guide({ lang: 'de', titles: TITLES_DE, unknownHere: ['KI-Agenten', 'Neu', 7] }));
  assert.match(de?.aside ?? '', /^Diese Seite zeigt auch „KI-Agenten“ und 1 weitere Schalter/);
  const junk = await text(guide({ unknownHere: 'not a list' }));
  assert.equal(junk?.aside, '');
});

test('guide, off: "Off — saved" and a link to the next setting; last one says so', async () => {
  const t = await text(guide({ status: 'off' }));
  assert.equal(t?.status, 'Off — saved');
  assert.equal(t?.announce, 'Off — saved');
  assert.deepEqual(t?.link, { label: 'Next: Ads beyond LinkedIn', href: ADS });
  assert.equal(t?.fix, '');
  assert.equal(t?.keepOn, '');
  const last = await text(guide({ status: 'off', next: null }));
  assert.equal(last?.link, null);
  assert.equal(last?.body, 'That was the last setting on your list.');
});

test('guide, notFound: names the label and keeps the link to the setting page; unknown explains what to look for', async () => {
  const t = await text(guide({ status: 'notFound', control: null }));
  assert.equal(t?.status, 'We can’t find the switch on this page. Look for “Use my data for training content creation AI models” and turn it off.');
  assert.deepEqual(t?.link, { label: 'Open the setting page', href: AI });
  assert.equal(t?.looking, 'Looking for the switch on this page…');
  assert.equal(t?.fix, '');
  const u = await text(guide({ status: 'unknown', control: 0 }));
  assert.match(u?.status ?? '', /^We can’t tell whether this setting is on\. Look for “Use my data/);
  assert.equal(u?.fix, '', 'never offer one-click when the state is not known');
  const bare = await text(guide({ status: 'notFound', control: null, setting: 'nope' }), {});
  assert.equal(bare?.status, 'We can’t find the switch on this page. Look for this setting’s switch and turn it off.');
});

test('done: the last step\'s "Off — saved" and "Step 5 of 5", "5 of 5 off ✓", when, Done, the optional form', async () => {
  const FORM = 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO';
  const titles = { ...TITLES_EN, 'gen-ai-objection-form': { title: 'Objection form', label: '', url: FORM } };
  const when = Date.UTC(2026, 11, 7, 21, 16);
  const t = await bannerText(/** @type {any} */ (guide({ mode: 'done', status: 'off', next: null, step: { index: 5, total: 5 },
    form: { id: 'gen-ai-objection-form', url: FORM }, titles })), titles, { messages: diskMessages, uiLanguage: 'en', now: when });
  assert.equal(t?.step, 'Step 5 of 5');
  assert.equal(t?.status, 'Off — saved');
  assert.equal(t?.title, '5 of 5 off ✓');
  assert.ok(t?.body.startsWith('Finished ') && t.body.includes(new Date(when).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })), t?.body);
  assert.equal(t?.done, 'Done');
  assert.ok(t?.close);
  assert.match(t?.formNote ?? '', /^Optional extra step/);
  assert.deepEqual(t?.form, { label: 'Optional: Objection form', href: FORM });
  // Without a step (older advice) it still ends, as "All done".
  const plain = await text(guide({ mode: 'done', status: 'off', next: null, step: null }));
  assert.equal(plain?.title, 'All done');
  assert.equal(plain?.form ?? null, null);
});

test('German page: natural Sie-form German with German titles', async () => {
  const t = await text(guide({ lang: 'de', titles: TITLES_DE }), TITLES_DE, 'en');
  assert.equal(t?.lang, 'de');
  assert.equal(t?.step, 'Schritt 2 von 5');
  assert.equal(t?.status, 'Diese Einstellung ist eingeschaltet. Klicken Sie auf den markierten Schalter, um sie auszuschalten.');
  assert.equal(t?.fix, 'Für mich ausschalten');
  const off = await text(guide({ lang: 'de', status: 'off', titles: TITLES_DE }), TITLES_DE);
  assert.equal(off?.status, 'Aus – gespeichert');
  assert.equal(off?.link?.label, 'Als Nächstes: Anzeigen außerhalb von LinkedIn');
});

test('unsupported page language uses the browser UI language', async () => {
  const t = await text(guide({ lang: 'ja' }), TITLES_EN, 'fr-FR');
  assert.equal(t?.lang, 'fr');
  assert.equal(t?.step, 'Étape 2 sur 5');
});

test('every banner* key exists in all 7 languages with the same placeholders, and text for every language is complete', async () => {
  const en = readCatalog('en');
  const keys = Object.keys(en).filter((k) => k.startsWith('banner'));
  assert.ok(keys.length >= 40, `banner keys: ${keys.length}`);
  for (const lang of SUPPORTED_LANGS) {
    const cat = readCatalog(lang);
    assert.ok(cat, `${lang} catalog exists`);
    for (const k of keys) {
      assert.ok(cat[k] && cat[k].message, `${lang}: ${k} missing`);
      const want = Object.keys(en[k].placeholders ?? {}).sort();
      const got = Object.keys(cat[k].placeholders ?? {}).sort();
      assert.deepEqual(got, want, `${lang}: ${k} placeholders`);
      for (const m of cat[k].message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        assert.ok(want.includes(m[1].toLowerCase()), `${lang}: ${k} uses undefined $${m[1]}$`);
      }
    }
    // A full guide text in this language has no empty field and no leftover $…$.
    for (const status of ['on', 'off', 'unknown', 'notFound']) {
      const t = await text(guide({ lang, status }), TITLES_EN);
      assert.equal(t?.lang, lang);
      for (const [field, value] of Object.entries(t ?? {})) {
        if (typeof value === 'string') assert.doesNotMatch(value, /\$/, `${lang}/${status}: ${field}`);
      }
      assert.ok(t?.status, `${lang}/${status}: status`);
      assert.ok(t?.working && t.confirm && t.failed && t.error, `${lang}: one-click strings`);
    }
  }
});

test('German strings use the Sie-form (no informal du/dich/dein)', () => {
  const de = readCatalog('de');
  for (const [k, v] of Object.entries(de)) {
    if (!k.startsWith('banner')) continue;
    assert.doesNotMatch(/** @type {any} */ (v).message, /\b(du|dich|dir|dein|deine|deinen)\b/i, k);
  }
});
