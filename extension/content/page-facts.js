// @ts-check
// OptOut Pilot content scripts: the few page facts every LinkedIn page is reported with (address, language,
// sign-in form), read without walking the document: on a big page (the feed) one walk over it costs about a
// millisecond, and these run on every page load. Shared by the nudge and guide bundles.

/** @typedef {import('./dom.js').PageSnapshot} PageSnapshot */

const LIMITS = Object.freeze({ url: 2048, lang: 35 });
// LinkedIn's sign-in password fields on guest pages (sign-in page, guest home, sign-in walls over public
// pages). Looked up by id because that is a hash lookup, where a selector search walks the whole document.
// The core also knows the sign-in URLs; a renamed field would only let a nudge show to a signed-out visitor,
// and its link leads to LinkedIn's sign-in.
const SIGN_IN_IDS = ['session_password', 'password'];

/**
 * Cut to at most `max` UTF-16 units without splitting a character: a cut inside an emoji would leave a lone
 * surrogate, which is not text. @param {string} t @param {number} max @returns {string}
 */
function cut(t, max) {
  if (t.length <= max) return t;
  const code = t.charCodeAt(max - 1);
  return t.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Collapse whitespace, trim, cap; lone surrogates the page put in its text become U+FFFD.
 * @param {unknown} s @param {number} max @returns {string}
 */
function clean(s, max) {
  if (typeof s !== 'string' || !s) return '';
  let t = cut(s, max * 4).replace(/\s+/g, ' ').trim();
  t = cut(t, max).trimEnd();
  const wellFormed = /** @type {any} */ (t).toWellFormed;
  return typeof wellFormed === 'function' ? wellFormed.call(t) : t;
}

/** @param {Document} doc @returns {string} */
function pageUrl(doc) {
  try { return cut(String(doc.location ? doc.location.href : location.href), LIMITS.url); } catch (_) { return ''; }
}

/** @param {Document} doc @returns {string} */
function pageLang(doc) {
  try { return clean(doc.documentElement.getAttribute('lang'), LIMITS.lang); } catch (_) { return ''; }
}

/** A rendered sign-in password field. @param {Document} doc @returns {boolean} */
function signInForm(doc) {
  try {
    for (const id of SIGN_IN_IDS) {
      const el = doc.getElementById(id);
      if (el && el.localName === 'input' && /** @type {HTMLInputElement} */ (el).type === 'password' &&
        el.getClientRects().length > 0) return true;
    }
  } catch (_) { /* ignore */ }
  return false;
}

/**
 * Who is signed in, when LinkedIn's global navigation says so for certain: its links to a member profile
 * (the "Me" menu's "View profile") all name one handle. Only the worker sees it; it keeps a salted hash.
 * Looked up by id (a hash lookup) and inside the small navigation only.
 * @param {Document} doc @returns {string}
 */
function signedInHandle(doc) {
  try {
    const nav = doc.getElementById('global-nav');
    if (!nav) return '';
    /** @type {Set<string>} */
    const handles = new Set();
    const links = nav.querySelectorAll('a[href*="/in/"]');
    for (let i = 0; i < links.length && i < 20; i++) {
      const m = /^\/in\/([^/?#]{1,100})\/?$/.exec(new URL(/** @type {HTMLAnchorElement} */ (links[i]).href).pathname);
      if (m) handles.add(decodeURIComponent(m[1]).toLowerCase());
    }
    return handles.size === 1 ? cut([...handles][0], 100) : '';
  } catch (_) {
    return '';
  }
}

/**
 * The report of an ordinary page: no controls, no heading, no title (the core reads those only on settings
 * pages, which always send the full snapshot of dom.js).
 * @param {Document} doc @returns {PageSnapshot}
 */
function quick(doc) {
  return {
    v: 1, url: pageUrl(doc), lang: pageLang(doc), title: '', heading: '',
    loginForm: signInForm(doc), controls: [], truncated: false, me: signedInHandle(doc),
  };
}

export { cut, clean, pageUrl, pageLang, signInForm, signedInHandle, quick };
