// @ts-check
// Browser facts the core needs but cannot read itself.

const SESSION_KEY = 'session';

/** @type {Promise<string>|null} */
let session = null;

/**
 * This browser session's id: a random UUID in session storage (kept while the browser runs, across worker
 * restarts; gone when the browser quits). '' when session storage is unavailable: the core then remembers
 * nothing per session.
 * @returns {Promise<string>}
 */
export function sessionId() {
  session ??= (async () => {
    try {
      const area = chrome.storage.session;
      const stored = await area.get(SESSION_KEY);
      const id = stored[SESSION_KEY];
      if (typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return id;
      const fresh = crypto.randomUUID();
      await area.set({ [SESSION_KEY]: fresh });
      return fresh;
    } catch {
      return '';
    }
  })();
  return session;
}

/** @returns {Promise<{ uiLang: string, timeZone: string, session: string }>} */
export async function browserEnv() {
  let timeZone = '';
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    // Some locales/builds throw here; the core then guesses from the language.
  }
  return { uiLang: chrome.i18n.getUILanguage(), timeZone, session: await sessionId() };
}
