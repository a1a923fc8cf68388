// @ts-check
// The MV3 service worker: the only place that runs the WASM core, stores state and sets the badge.
// Content scripts and extension pages talk to it with runtime messages (see docs/architecture.md).
// No top-level await: it silently kills an MV3 module worker. Listeners are registered synchronously.

import * as core from './core.js';
import { withState, clearProblems } from './store.js';
import { showBadge, REFRESH_ALARM } from './badge.js';
import { browserEnv } from './env.js';
import { bannerText } from './banner-text.js';
import { syncNudgeScript, syncWhoScript, injectGuide, recheckTabs } from './content-scripts.js';
import { withAccount, accountKey } from './account.js';

const ready = core.init();

/** Events a content script may send (the banner's; watch.js's `signInPage`); the rest only come from our own pages.
 * The two undos only bring reminders back (the Undo on a card's acknowledgement). */
const BANNER_EVENTS = new Set(['snooze', 'dismiss', 'dismissAll', 'stopGuide', 'closeNudge', 'unsnooze', 'undismissAll', 'signInPage']);

/** @param {chrome.runtime.MessageSender} sender */
function fromExtensionPage(sender) {
  return sender.url?.startsWith(chrome.runtime.getURL('')) === true && !sender.tab?.url?.startsWith('http');
}

/** @param {chrome.runtime.MessageSender} sender */
function fromLinkedIn(sender) {
  try {
    const host = new URL(sender.url ?? sender.tab?.url ?? '').hostname;
    return host === 'www.linkedin.com';
  } catch {
    return false;
  }
}

/**
 * Show a state: the badge (and its wake-up alarm) and whether ordinary pages get the nudge bundle. Returns the
 * status view it was drawn from.
 * @param {string} state @param {string[]} [problems]
 */
async function reflect(state, problems) {
  const view = await showBadge(state, problems);
  await Promise.all([syncNudgeScript(view.nudge === true), syncWhoScript(view.whoDue === true)]);
  return view;
}

/** What the reminder cards on screen show, as of the last view this worker drew: null until the first one. */
/** @type {string|null} */
let cardKey = null;

/**
 * Whether what a reminder card says has changed since the last view (whether there is one, how many settings,
 * which one is next). @param {any} view
 */
function cardChanged(view) {
  const key = JSON.stringify([view.nudgeDue, view.remaining, view.next?.id ?? null]);
  const changed = cardKey !== null && key !== cardKey;
  cardKey = key;
  return changed;
}

/** Current status view (and refresh the badge with it). */
async function currentStatus() {
  const { state, problems } = await withState(() => ({ result: undefined }));
  return reflect(state, problems);
}

/**
 * A LinkedIn page reported what it shows: record it, answer with what to draw.
 * @param {unknown} snapshot @param {number} [tabId] the reporting tab
 * @param {boolean} [cardShown] the page shows our reminder card already (it may keep it on the day it was shown)
 */
async function onPage(snapshot, tabId, cardShown) {
  const env = await browserEnv();
  // The member's handle stops here: the core (and storage) get only the salted hash.
  const report = await withAccount(snapshot);
  const now = Date.now();
  const { result, changed, state } = await withState((current) => {
    const outcome = core.page(current, report, env, now, cardShown === true);
    return { state: outcome.state, result: outcome };
  });
  const { advice, detection } = result;
  // A setting seen off here changes what the cards in other tabs should say (not every report: seeing a
  // setting again only moves its timestamp).
  if (changed && cardChanged(await reflect(state))) void recheckTabs(tabId);
  const text = advice.banner ? await bannerText(advice, advice.banner.titles ?? {}) : null;
  return { advice, text, detection: { page: detection.page, findings: detection.findings } };
}

/**
 * An ordinary LinkedIn page without a reminder card showed who is signed in (who.js): a different account
 * switches the status (badge, popup, and whether a reminder is due) to that account's.
 * @param {unknown} me the profile handle, dropped here for its salted hash
 */
async function onWho(me) {
  const account = await accountKey(me);
  if (!account) return { ok: true };
  const { changed, state } = await withState((current) => ({ state: core.signIn(current, account, Date.now()), result: undefined }));
  if (changed) cardChanged(await reflect(state));
  return { ok: true };
}

/**
 * A decision from a page or a card. The other LinkedIn tabs' cards check again (a snooze in the popup takes
 * them away at once); the sender's tab shows its own acknowledgement.
 * @param {any} event @param {number} [tabId] the sending LinkedIn tab, if any
 */
async function onEvent(event, tabId) {
  const env = await browserEnv();
  const now = Date.now();
  const { result: error, state } = await withState((current) => {
    try {
      return { state: core.applyEvent(current, event, env, now), result: null };
    } catch (e) {
      return { result: String(e) };
    }
  });
  const view = await reflect(state);
  cardChanged(view);
  // (A sign-in page changes no card: it only has the next pages say who is signed in.)
  if (!error && event?.type !== 'signInPage') void recheckTabs(tabId);
  return error ? { ok: false, error, status: view } : { ok: true, status: view };
}

async function onExport() {
  const { state } = await withState(() => ({ result: undefined }));
  const json = JSON.stringify(
    { app: 'optout-pilot', exportedAt: new Date().toISOString(), catalogVersion: core.catalogVersion(), state: JSON.parse(state) },
    null,
    2,
  );
  return { json };
}

/** Exports are a few KiB; a file over the core's limit (src/import.rs) is not one, and is not parsed. */
const MAX_IMPORT_CHARS = 256 * 1024;

/** @param {string[]} codes @returns {string} */
function problemText(codes) {
  return codes.map((code) => chrome.i18n.getMessage(`problem${code[0].toUpperCase()}${code.slice(1)}`) || code).join(' ');
}

/**
 * Import an exported file. The core refuses a file that does not read completely, names unknown settings, carries
 * dates this extension cannot have written or lists more than the catalog holds, and marks the readings of an
 * accepted one as imported (due for a re-check): the badge never says "all done" on a file's word alone.
 * @param {unknown} json
 */
async function onImport(json) {
  const textIn = String(json);
  let parsed;
  try {
    // Not parsed when far too large: the core refuses the text as it is, without reading it.
    parsed = textIn.length > MAX_IMPORT_CHARS ? undefined : JSON.parse(textIn);
  } catch {
    return { ok: false, error: chrome.i18n.getMessage('importNotJson') || 'notJson' };
  }
  const candidate = parsed && typeof parsed === 'object' && 'state' in parsed ? parsed.state : parsed;
  const result = core.importState(parsed === undefined ? textIn : JSON.stringify(candidate) ?? 'null', Date.now());
  if (result.state === undefined) return { ok: false, error: problemText(result.problems ?? []) || 'refused' };
  const imported = result.state;
  const { state } = await withState(() => ({ state: imported, result: undefined }));
  return { ok: true, status: await reflect(state) };
}

/**
 * watch.js or nudge.js saw its page change in-page: if it is a settings page now, load the guide there.
 * The address is the browser's, not the message's: the tab's current URL for the top frame (sender.url stays the
 * address the document was loaded with; after history.pushState only tab.url follows).
 * @param {chrome.runtime.MessageSender} sender
 */
async function onNavigated(sender) {
  const tabId = sender.tab?.id;
  const url = sender.frameId === 0 ? sender.tab?.url : sender.url;
  if (tabId === undefined || tabId < 0 || !url) return { guide: false };
  const detection = core.detect({ v: 1, url, lang: '', title: '', heading: '', loginForm: false, controls: [], truncated: false });
  const kind = detection?.page?.kind;
  if (kind !== 'setting' && kind !== 'hub') return { guide: false };
  await injectGuide(tabId, sender.frameId ?? 0, typeof sender.documentId === 'string' ? sender.documentId : undefined);
  return { guide: true };
}

async function onStartGuide() {
  const result = await onEvent({ type: 'startGuide' });
  const view = result.status;
  const first = view.rows.find((/** @type {any} */ r) => r.kind === 'toggle' && r.applies);
  return { url: view.next?.url ?? first?.url ?? null, status: view };
}

/**
 * @param {any} message
 * @param {chrome.runtime.MessageSender} sender
 */
async function handle(message, sender) {
  await ready;
  const page = fromExtensionPage(sender);
  switch (message?.type) {
    case 'page':
      return fromLinkedIn(sender) ? onPage(message.snapshot, sender.tab?.id, message.card === true) : { error: 'notLinkedIn' };
    case 'navigated':
      return fromLinkedIn(sender) ? onNavigated(sender) : { error: 'notLinkedIn' };
    case 'who':
      return fromLinkedIn(sender) ? onWho(message.me) : { error: 'notLinkedIn' };
    case 'event':
      if (!page && !(fromLinkedIn(sender) && BANNER_EVENTS.has(message.event?.type))) return { ok: false, error: 'notAllowed' };
      return onEvent(message.event, page ? undefined : sender.tab?.id);
    case 'status':
      return currentStatus();
    case 'startGuide':
      return page ? onStartGuide() : { error: 'notAllowed' };
    case 'export':
      return page ? onExport() : { error: 'notAllowed' };
    case 'import':
      return page ? onImport(message.json) : { error: 'notAllowed' };
    case 'clearProblems':
      if (!page) return { error: 'notAllowed' };
      await clearProblems();
      return currentStatus();
    default:
      return { error: 'unknownMessage' };
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handle(message, sender).then(sendResponse, (error) => {
    console.error('OptOut Pilot worker:', error);
    sendResponse({ error: String(error) });
  });
  return true;
});

chrome.runtime.onInstalled.addListener((details) => {
  // Only a real first run gets onboarding: an unpacked extension is "installed" again at every browser start.
  if (details.reason === 'install') {
    ready
      .then(currentStatus)
      .then((view) => (view.setupDone ? undefined : chrome.tabs.create({ url: chrome.runtime.getURL('pages/onboarding.html') })))
      .catch((e) => console.error(e));
  } else {
    ready.then(currentStatus).catch((e) => console.error(e));
  }
});

chrome.runtime.onStartup.addListener(() => {
  ready.then(currentStatus).catch((e) => console.error(e));
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) ready.then(currentStatus).catch((e) => console.error(e));
});

// Keep the badge right whenever the worker (re)starts.
ready.then(currentStatus).catch((e) => console.error(e));
