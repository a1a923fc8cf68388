// @ts-check
/**
 * Localisation helpers for extension pages. Every user-visible string comes from _locales
 * through chrome.i18n.getMessage; HTML carries only keys in data-i18n* attributes.
 */

/** @typedef {{ getMessage(key: string, subs?: string | string[]): string, getUILanguage(): string }} I18nApi */

/** @returns {I18nApi | undefined} */
function api() {
  const c = /** @type {{ i18n?: I18nApi } | undefined} */ (/** @type {any} */ (globalThis).chrome);
  return c && c.i18n;
}

/**
 * Localised message; falls back to the key so a missing string is visible in testing, never blank.
 * @param {string} key
 * @param {string | number | Array<string | number>} [subs]
 * @returns {string}
 */
export function t(key, subs) {
  const i18n = api();
  const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  const text = i18n ? i18n.getMessage(key, list) : '';
  return text || key;
}

/**
 * True when a message exists for the key.
 * @param {string} key
 */
export function has(key) {
  const i18n = api();
  return Boolean(i18n && i18n.getMessage(key));
}

/**
 * The language the pages actually speak, as a BCP 47 tag (e.g. "de", "pt-BR"): that of the message bundle
 * chrome.i18n picked. It differs from the browser's UI language when that one is not translated (a Polish
 * browser gets English strings): <html lang>, plurals and dates must follow the strings, not the browser.
 */
export function uiLanguage() {
  const i18n = api();
  try {
    const tag = i18n && i18n.getMessage('langTag');
    if (tag) return tag;
    return (i18n && i18n.getUILanguage()) || navigator.language || 'en';
  } catch {
    return 'en';
  }
}

/** Attribute name (after data-i18n-) → DOM attribute it fills. */
const ATTRS = /** @type {const} */ ([
  ['aria-label', 'aria-label'],
  ['title', 'title'],
  ['placeholder', 'placeholder'],
  ['alt', 'alt'],
  ['aria-description', 'aria-description'],
]);

/**
 * Fill data-i18n (textContent) and data-i18n-<attr> attributes below root. Also sets <html lang/dir>.
 * @param {ParentNode} [root]
 */
export function localize(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const key = el.getAttribute('data-i18n');
    if (key) el.textContent = t(key);
  }
  for (const [name, attr] of ATTRS) {
    for (const el of root.querySelectorAll(`[data-i18n-${name}]`)) {
      const key = el.getAttribute(`data-i18n-${name}`);
      if (key) el.setAttribute(attr, t(key));
    }
  }
  if (root === document) {
    document.documentElement.lang = uiLanguage();
    const dir = api()?.getMessage('@@bidi_dir');
    if (dir) document.documentElement.dir = dir;
    const titleKey = document.documentElement.getAttribute('data-i18n-doc-title');
    if (titleKey) document.title = t(titleKey);
  }
}
