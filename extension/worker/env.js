// @ts-check
// Browser facts the core needs but cannot read itself.

/** @returns {{ uiLang: string, timeZone: string }} */
export function browserEnv() {
  let timeZone = '';
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    // Some locales/builds throw here; the core then guesses from the language.
  }
  return { uiLang: chrome.i18n.getUILanguage(), timeZone };
}
