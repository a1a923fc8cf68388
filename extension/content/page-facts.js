// @ts-check
// OptOut Pilot content scripts: the few page facts every LinkedIn page is reported with (address, language,
// sign-in form, who is signed in), read without walking the document: on a big page (the feed) one walk over it costs about a
// millisecond, and these run on every page load. Shared by the nudge and guide bundles.

/** @typedef {import('../shared/protocol.js').Snapshot} PageSnapshot */

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

// Who is signed in: several independent signals LinkedIn's pages carry (docs/identity.md says which, and where
// public code shows them). Read only where the extension already does its work (settings pages' full report, the
// day's reminder card, the guide's reports), never on a quiet page load.
const MAX_HANDLE = 100;
const MAX_NAME = 100;
// The member data LinkedIn embeds in its pages: `<code>` elements holding JSON; the signed-in member's is the
// one whose `data.$type` is this, with `*miniProfile` naming an entry of `included`.
const ME_TYPE = 'com.linkedin.voyager.common.Me';
const MAX_CODE_ELEMENTS = 400;
const MAX_CODE_CHARS = 400_000;

/** A profile handle as compared and hashed ('' when it is not one). @param {unknown} h @returns {string} */
function normHandle(h) {
  if (typeof h !== 'string') return '';
  let t = h;
  try { t = decodeURIComponent(h); } catch (_) { /* keep it as it is */ }
  t = t.trim().toLowerCase();
  return t.length <= MAX_HANDLE && /^[^/?#\s]+$/.test(t) ? t : '';
}

/** A member's name as compared and hashed ('' when blank). @param {unknown} n @returns {string} */
function normName(n) {
  if (typeof n !== 'string') return '';
  return clean(n.normalize('NFKC'), MAX_NAME).toLowerCase();
}

/** The handle of a link to a member profile ('' if it is not one). @param {Element} a @returns {string} */
function linkHandle(a) {
  try {
    const m = /^\/in\/([^/?#]{1,300})\/?$/.exec(new URL(/** @type {HTMLAnchorElement} */ (a).href).pathname);
    return m ? normHandle(m[1]) : '';
  } catch (_) {
    return '';
  }
}

/**
 * The global navigation (a lookup by id, then the small navigation only): its links to a member profile (the
 * "Me" menu's "View profile", when it is in the page before the menu opens) and the "Me" item's photo, whose
 * alternative text is the member's name.
 * @param {Document} doc @param {Set<string>} handles @param {Set<string>} names
 */
function navigationSignals(doc, handles, names) {
  const nav = doc.getElementById('global-nav');
  if (!nav) return;
  const links = nav.querySelectorAll('a[href*="/in/"]');
  for (let i = 0; i < links.length && i < 20; i++) {
    const h = linkHandle(links[i]);
    if (h) handles.add(h);
  }
  // The "Me" item is the menu button with the member's photo.
  const photos = nav.querySelectorAll('button[aria-expanded] img[alt], button[aria-haspopup] img[alt]');
  for (let i = 0; i < photos.length && i < 5; i++) {
    const n = normName(photos[i].getAttribute('alt'));
    if (n) names.add(n);
  }
}

/**
 * The signed-in member as LinkedIn embeds it in the page (JSON in `<code>` elements). Only elements that name the
 * member type are parsed.
 * @param {Document} doc @param {Set<string>} handles @param {Set<string>} names
 */
function embeddedSignals(doc, handles, names) {
  const codes = doc.getElementsByTagName('code');
  for (let i = 0; i < codes.length && i < MAX_CODE_ELEMENTS; i++) {
    const text = codes[i].textContent || '';
    if (text.length > MAX_CODE_CHARS || !text.includes(ME_TYPE)) continue;
    try {
      const json = JSON.parse(text);
      const me = json && json.data;
      if (!me || me.$type !== ME_TYPE || typeof me['*miniProfile'] !== 'string' || !Array.isArray(json.included)) continue;
      const mini = json.included.find((/** @type {any} */ x) => x && x.entityUrn === me['*miniProfile']);
      if (!mini) continue;
      const h = normHandle(mini.publicIdentifier);
      if (h) handles.add(h);
      const n = normName([mini.firstName, mini.lastName].filter((x) => typeof x === 'string' && x).join(' '));
      if (n) names.add(n);
    } catch (_) { /* not JSON: not the member data */ }
  }
}

/**
 * The settings app's own account header (settings addresses only): a header outside the global navigation that
 * links to the member's profile, the member's photo (its alternative text: the name) inside the link.
 * @param {Document} doc @param {Set<string>} handles @param {Set<string>} names
 */
function settingsHeaderSignals(doc, handles, names) {
  if (!/^\/(mypreferences|psettings|settings)(\/|$)/.test(doc.location ? doc.location.pathname : '')) return;
  const nav = doc.getElementById('global-nav');
  const links = doc.querySelectorAll('header a[href*="/in/"], [role="banner"] a[href*="/in/"]');
  for (let i = 0; i < links.length && i < 10; i++) {
    const a = links[i];
    if (nav && nav.contains(a)) continue;
    const h = linkHandle(a);
    if (!h) continue;
    handles.add(h);
    const img = a.querySelector('img[alt]');
    const n = img ? normName(img.getAttribute('alt')) : '';
    if (n) names.add(n);
  }
}

/**
 * Who is signed in, as far as the page says: `me` the profile handle and `meName` the member's name when every
 * signal that is there agrees; `meConflict` when two signals disagree (two handles, or two names neither of which
 * contains the other word for word): then neither is sent, and the account counts as unknown. Only the worker sees them; it keeps salted hashes.
 * @param {Document} doc @returns {{me: string, meName: string, meConflict: boolean}}
 */
function identity(doc) {
  /** @type {Set<string>} */
  const handles = new Set();
  /** @type {Set<string>} */
  const names = new Set();
  try {
    navigationSignals(doc, handles, names);
    embeddedSignals(doc, handles, names);
    settingsHeaderSignals(doc, handles, names);
  } catch (_) { /* what was read so far */ }
  // Names agree when the shortest one is, word for word, inside each of the others (a photo's alternative text may
  // say more than the name: "Jane Doe" and "Photo of Jane Doe" are one member; "Jane Doe" and "Max Muster" are not).
  const sorted = [...names].sort((a, b) => a.length - b.length);
  const name = sorted.length && sorted.every((n) => ` ${n} `.includes(` ${sorted[0]} `)) ? sorted[0] : '';
  const conflict = handles.size > 1 || (sorted.length > 0 && !name);
  return { me: !conflict && handles.size === 1 ? [...handles][0] : '', meName: conflict ? '' : name, meConflict: conflict };
}

/**
 * The report of an ordinary page: no controls, no heading, no title (the core reads those only on settings
 * pages, which always send the full snapshot of dom.js).
 * @param {Document} doc @returns {PageSnapshot}
 */
function quick(doc) {
  return {
    v: 1, url: pageUrl(doc), lang: pageLang(doc), title: '', heading: '',
    loginForm: signInForm(doc), controls: [], truncated: false, ...identity(doc),
  };
}

export { cut, clean, pageUrl, pageLang, signInForm, identity, quick };
