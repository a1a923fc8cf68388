// @ts-check
// Loads the locale catalogs (_locales/<folder>/messages.json) and formats their messages.
// Localised messages in any supported language, formatted exactly like chrome.i18n.getMessage.
// chrome.i18n only speaks the browser's UI language; the banner must speak LinkedIn's page language,
// so the worker reads _locales/<lang>/messages.json itself (an extension-internal fetch) and caches it.

/**
 * @typedef {Object} MessageEntry
 * @property {string} message
 * @property {string} [description]
 * @property {Record<string, {content: string, example?: string}>} [placeholders]
 */
/** @typedef {Record<string, MessageEntry>} Catalog */
/** @typedef {(lang: string) => Promise<Catalog|null>} CatalogLoader */
/** @typedef {string | number | Array<string | number>} Substitutions */
/** @typedef {(key: string, substitutions?: Substitutions) => string} Translate */

export const SUPPORTED_LANGS = Object.freeze(['en', 'de', 'fr', 'es', 'nl', 'it', 'pt']);
export const DEFAULT_LANG = 'en';
/**
 * The _locales folder of each language whose folder name is not the language code. Portuguese ships as pt_BR
 * (Brazilian wording; the Chrome Web Store and addons.mozilla.org list pt_BR/pt-BR and pt_PT/pt-PT, not "pt";
 * the build copies it to pt_PT, tools/build/assemble.mjs LOCALE_COPIES).
 */
export const LOCALE_DIRS = Object.freeze(/** @type {Record<string, string>} */ ({ pt: 'pt_BR' }));

/** The _locales folder name of a supported language ("pt" → "pt_BR"). @param {string} lang */
export function localeDir(lang) {
  return LOCALE_DIRS[lang] ?? lang;
}

/**
 * "de-DE", "de_AT", "DE" → "de"; unsupported or empty → null.
 * @param {unknown} lang @returns {string|null}
 */
export function normalizeLang(lang) {
  if (typeof lang !== 'string') return null;
  const base = lang.trim().toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LANGS.includes(base) ? base : null;
}

/**
 * Format one entry like chrome.i18n: named placeholders ($NAME$, case-insensitive) are replaced by their
 * `content`, then $1…$9 by the substitutions and $$ by $. Missing substitutions become ''.
 * @param {MessageEntry|undefined} entry @param {Substitutions} [substitutions] @returns {string}
 */
export function formatMessage(entry, substitutions) {
  if (!entry || typeof entry.message !== 'string') return '';
  const subs = substitutions === undefined || substitutions === null ? []
    : Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = entry.placeholders || {};
  /** @type {Record<string, string>} */
  const named = {};
  for (const [name, ph] of Object.entries(placeholders)) {
    if (ph && typeof ph.content === 'string') named[name.toLowerCase()] = ph.content;
  }
  // $NAME$ → placeholder content (unknown names stay as they are, like Chrome).
  const withNamed = entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (whole, name) => {
    const c = named[String(name).toLowerCase()];
    return c === undefined ? whole : c;
  });
  // $1…$9 → substitutions, $$ → $.
  return withNamed.replace(/\$(\$|[1-9])/g, (_, d) => {
    if (d === '$') return '$';
    const v = subs[Number(d) - 1];
    return v === undefined || v === null ? '' : String(v);
  });
}

/** @type {CatalogLoader} */
async function fetchCatalog(lang) {
  // @ts-ignore chrome is the extension API global in the worker
  const url = chrome.runtime.getURL(`_locales/${localeDir(lang)}/messages.json`);
  const res = await fetch(url);
  if (!res.ok) return null;
  return /** @type {Catalog} */ (await res.json());
}

/**
 * A message source with a per-language cache. Tests pass their own loader.
 * @param {CatalogLoader} [loader]
 */
export function createMessages(loader = fetchCatalog) {
  /** @type {Map<string, Promise<Catalog|null>>} */
  const cache = new Map();

  /** @param {string} lang @returns {Promise<Catalog|null>} */
  function load(lang) {
    let p = cache.get(lang);
    if (!p) {
      p = Promise.resolve()
        .then(() => loader(lang))
        .then((c) => (c && typeof c === 'object' ? c : null))
        .catch(() => null);
      cache.set(lang, p);
      // A failed load is not cached for ever (e.g. the worker was starting up): try again next time.
      void p.then((c) => { if (!c) cache.delete(lang); });
    }
    return p;
  }

  /**
   * A translate function for one language, falling back to English for missing keys and languages.
   * @param {string} lang @returns {Promise<Translate>}
   */
  async function translator(lang) {
    const want = normalizeLang(lang) || DEFAULT_LANG;
    const [primary, fallback] = await Promise.all([load(want), want === DEFAULT_LANG ? null : load(DEFAULT_LANG)]);
    return (key, substitutions) => {
      const entry = (primary && primary[key]) || (fallback && fallback[key]) || undefined;
      return formatMessage(entry, substitutions);
    };
  }

  /** @param {string} lang @param {string} key @param {Substitutions} [substitutions] */
  async function getMessage(lang, key, substitutions) {
    return (await translator(lang))(key, substitutions);
  }

  return { load, translator, getMessage, clear: () => cache.clear() };
}

/** @typedef {ReturnType<typeof createMessages>} Messages */

/** The worker's shared instance. */
export const messages = createMessages();
