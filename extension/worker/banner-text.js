// @ts-check
// Turns the core's page advice (advice.banner) into the localised text the content script draws.
// The content script has no strings of its own: everything it shows or announces comes from here.

import { messages as defaultMessages, normalizeLang, DEFAULT_LANG } from './locale-catalogs.js';

/** @typedef {import('../shared/protocol.js').BannerText} BannerText */
/** @typedef {import('../shared/protocol.js').AdviceBanner} AdviceBanner */
/** @typedef {import('../shared/protocol.js').SettingTitle} SettingTitle */
/**
 * The core's advice as this module reads it: protocol.js's `Advice` with every banner field but `mode` optional,
 * so that partial advice (tests) reads too.
 * @typedef {{ banner: AdviceRead|null, needControls?: boolean, watch?: boolean }} Advice
 * @typedef {Partial<Omit<AdviceBanner, 'titles'>> & Pick<AdviceBanner, 'mode'> & { titles?: CatalogTitles }} AdviceRead
 * @typedef {Record<string, Partial<SettingTitle> & Pick<SettingTitle, 'title'>>} CatalogTitles
 */
/**
 * @typedef {Object} BannerTextDeps  for tests
 * @property {{translator: (lang: string) => Promise<import('./locale-catalogs.js').Translate>}} [messages]
 * @property {string} [uiLanguage]
 * @property {number} [now]  the time the done card says the guide finished (default: now)
 */

/** @returns {string} */
function browserUiLanguage() {
  try {
    // @ts-ignore chrome is the extension API global in the worker
    const l = chrome.i18n.getUILanguage();
    if (l) return l;
  } catch (_) { /* not in an extension */ }
  try {
    return globalThis.navigator ? navigator.language : '';
  } catch (_) {
    return '';
  }
}

/**
 * LinkedIn's page language when supported, else the browser's UI language, else English.
 * @param {unknown} pageLang @param {unknown} uiLang @returns {string}
 */
export function pickLang(pageLang, uiLang) {
  return normalizeLang(pageLang) || normalizeLang(uiLang) || DEFAULT_LANG;
}

/**
 * "This page also shows “X”, a switch OptOut Pilot doesn't know yet" (and how many more): never counted as a
 * known setting, only pointed at. @param {import('./locale-catalogs.js').Translate} t
 * @param {unknown} labels @returns {string}
 */
function unknownHereLine(t, labels) {
  const list = Array.isArray(labels) ? labels.filter((l) => typeof l === 'string' && l.trim()) : [];
  if (!list.length) return '';
  const first = list[0].trim().slice(0, 160);
  return list.length === 1 ? t('bannerUnknownHere', [first]) : t('bannerUnknownHereMore', [first, list.length - 1]);
}

/**
 * @param {Advice|null|undefined} advice
 * @param {CatalogTitles|null|undefined} catalogTitles  titles/labels already in the banner's language
 * @param {BannerTextDeps} [deps]
 * @returns {Promise<BannerText|null>}  null when there is no banner to draw
 */
export async function bannerText(advice, catalogTitles, deps = {}) {
  const banner = advice && advice.banner;
  if (!banner || typeof banner !== 'object') return null;
  const lang = pickLang(banner.lang, deps.uiLanguage !== undefined ? deps.uiLanguage : browserUiLanguage());
  const t = await (deps.messages || defaultMessages).translator(lang);
  const titles = catalogTitles || banner.titles || {};
  const cur = banner.setting ? titles[banner.setting] : undefined;
  const next = banner.next && banner.next.url ? banner.next : null;
  const nextInfo = next ? titles[next.id] : undefined;
  const curTitle = (cur && cur.title) || '';
  const curLabel = (cur && (cur.label || cur.title)) || '';
  const nextTitle = (nextInfo && nextInfo.title) || '';

  /** @type {BannerText} */
  const text = {
    lang,
    dir: 'ltr',
    mode: banner.mode,
    brand: t('bannerBrand'),
    region: t('bannerRegion'),
    close: t('bannerClose'),
    title: '',
    body: '',
    detail: '',
    aside: unknownHereLine(t, banner.unknownHere),
    step: '',
    statusKind: '',
    status: '',
    looking: '',
    link: null,
    fix: '',
    keepOn: '',
    stopGuide: '',
    snooze: null,
    dismissAll: '',
    highlight: '',
    announce: '',
    working: t('bannerWorking'),
    confirm: t('bannerConfirm'),
    failed: t('bannerFailed'),
    reverted: t('bannerReverted'),
    error: t('bannerError'),
    undo: t('btnUndo'),
    sure: {
      why: t('bannerSureWhy'),
      cancel: t('bannerSureCancel'),
      dismissAll: { ask: t('bannerSureDismissAll'), yes: t('bannerSureYesDismissAll') },
      keepOn: { ask: t('bannerSureKeepOn'), yes: t('bannerSureYesKeepOn') },
    },
    ack: {
      day: t('bannerAckDay'),
      week: t('bannerAckWeek'),
      month: t('bannerAckMonth'),
      dismissAll: t('bannerAckDismissAll'),
      keepOn: t('bannerAckKeepOn'),
      stopGuide: t('bannerAckStopGuide'),
    },
  };

  if (banner.mode === 'nudge') {
    text.closeNudge = t('bannerCloseNudge');
    text.title = t('bannerNudgeTitle');
    const n = typeof banner.remaining === 'number' && banner.remaining > 0 ? Math.floor(banner.remaining) : 0;
    const minutes = typeof banner.checkMinutes === 'number' && banner.checkMinutes > 0 ? Math.floor(banner.checkMinutes) : 1;
    // Before anything was read, what is true is "to check", not "needs your attention".
    const count = banner.toCheck === true && n > 0
      ? (n === 1 ? t('bannerNudgeToCheckOne') : t('bannerNudgeToCheckMany', [n, minutes]))
      : n === 1 ? t('bannerNudgeBodyOne') : n > 1 ? t('bannerNudgeBodyMany', [n]) : t('bannerNudgeBodySome');
    const nextTitleForNudge = nextTitle || curTitle;
    text.body = count;
    if (nextTitleForNudge) text.detail = t('bannerNudgeNext', [nextTitleForNudge]);
    const href = next ? next.url : (typeof banner.url === 'string' && banner.url) || (cur && cur.url) || '';
    if (href) text.link = { label: t('bannerNudgeGo'), href };
    text.snooze = { label: t('bannerSnooze'), day: t('bannerSnoozeDay'), week: t('bannerSnoozeWeek'), month: t('bannerSnoozeMonth') };
    text.dismissAll = t('bannerDismissAll');
    return text;
  }

  if (banner.mode === 'done') {
    // The last step ends like the others ("Step 11 of 11", "Off — saved"), then says it is finished: how many
    // are off, what was done and when, a Done button, and the objection form as a clearly optional extra.
    const total = banner.step && typeof banner.step.total === 'number' && banner.step.total > 0 ? Math.floor(banner.step.total) : 0;
    if (total) text.step = t('bannerStep', [total, total]);
    text.statusKind = 'off';
    text.status = t('bannerStatusOff');
    text.title = total ? t('bannerDoneCount', [total, total]) : t('bannerDoneTitle');
    let when = '';
    try { when = new Date(deps.now ?? Date.now()).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }); } catch (_) { when = ''; }
    text.body = when ? t('bannerDoneWhen', [when]) : t('bannerDoneBody');
    text.done = t('bannerDoneButton');
    const form = banner.form && typeof banner.form.url === 'string' && banner.form.url ? banner.form : null;
    if (form) {
      const formTitle = (titles[form.id] && titles[form.id].title) || '';
      text.formNote = t('bannerDoneFormNote');
      text.form = { label: formTitle ? t('bannerDoneFormLink', [formTitle]) : t('bannerDoneFormLinkNoTitle'), href: form.url };
    }
    text.announce = `${text.status}. ${text.title}. ${text.body}`;
    return text;
  }

  // guide
  const status = banner.status === 'on' || banner.status === 'off' || banner.status === 'notFound' ||
    banner.status === 'checking' ? banner.status : 'unknown';
  const hasControl = typeof banner.control === 'number' && banner.control >= 0;
  text.title = curTitle || t('bannerGuideTitle');
  if (banner.step && typeof banner.step.index === 'number' && typeof banner.step.total === 'number' && banner.step.total > 0) {
    text.step = t('bannerStep', [Math.max(1, Math.min(banner.step.index, banner.step.total)), banner.step.total]);
  }
  text.statusKind = status;
  text.stopGuide = t('bannerStopGuide');
  text.highlight = t('bannerHighlight');
  text.looking = t('bannerLooking');
  const label = curLabel || curTitle;
  const settingUrl = (typeof banner.url === 'string' && banner.url) || (cur && cur.url) || '';
  switch (status) {
    case 'on':
      text.status = hasControl ? t('bannerStatusOn') : label ? t('bannerStatusOnLook', [label]) : t('bannerStatusOnLookNoLabel');
      // It was seen off before: LinkedIn (or someone) switched it back on. Say so, with the date.
      if (typeof banner.turnedBackOnAt === 'number' && Number.isFinite(banner.turnedBackOnAt)) {
        let when = '';
        try { when = new Date(banner.turnedBackOnAt).toLocaleDateString(lang, { dateStyle: 'medium' }); } catch (_) { when = ''; }
        if (when) text.detail = t('bannerTurnedBackOn', [when]);
      }
      if (hasControl) text.fix = t('bannerFix');
      text.keepOn = t('bannerKeepOn');
      break;
    case 'off':
      text.status = t('bannerStatusOff');
      if (next) text.link = { label: t('bannerNext', [nextTitle || t('bannerNextSetting')]), href: next.url };
      else text.body = t('bannerLastOne');
      break;
    case 'notFound':
      text.status = label ? t('bannerStatusNotFound', [label]) : t('bannerStatusNotFoundNoLabel');
      if (settingUrl) text.link = { label: t('bannerOpenSetting'), href: settingUrl };
      else if (next) text.link = { label: t('bannerNext', [nextTitle || t('bannerNextSetting')]), href: next.url };
      text.keepOn = t('bannerKeepOn');
      break;
    case 'checking':
      // Not a verdict yet: the switch just appeared or changed, and the page is read again in a moment.
      text.status = t('bannerChecking');
      break;
    default:
      text.status = label ? t('bannerStatusUnknown', [label]) : t('bannerStatusUnknownNoLabel');
      text.keepOn = t('bannerKeepOn');
  }
  text.announce = text.status;
  return text;
}
