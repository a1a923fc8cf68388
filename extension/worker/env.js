// @ts-check
// Browser facts the core needs but cannot read itself.

/**
 * The language, the time zone (for the region guess) and how far local time is ahead of UTC right now, in
 * minutes (where the member's day starts: the reminder card shows once a local day).
 * @returns {Promise<{ uiLang: string, timeZone: string, utcOffset: number }>}
 */
export async function browserEnv() {
  let timeZone = '';
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    // Some locales/builds throw here; the core then guesses from the language.
  }
  const offset = -new Date(Date.now()).getTimezoneOffset();
  return { uiLang: chrome.i18n.getUILanguage(), timeZone, utcOffset: Number.isInteger(offset) ? offset : 0 };
}
