// @ts-check
// The MV3 service worker: the only place that runs the WASM core, stores state and sets the badge.
// Content scripts and extension pages talk to it with runtime messages (see docs/architecture.md).
// No top-level await: it silently kills an MV3 module worker. Listeners are registered synchronously.

import * as core from './core.js';
import { updateState } from './store.js';
import { showBadge, REFRESH_ALARM } from './badge.js';
import { browserEnv } from './env.js';
import { bannerText } from './banner-text.js';
import { syncNudgeScript, dropRetiredScripts, injectGuide, recheckTabs } from './content-scripts.js';
import { withAccount } from './account.js';
import { CONTENT_EVENTS } from '../shared/protocol.js';

/** @typedef {import('../shared/protocol.js').WorkerMessage} WorkerMessage */
/** @typedef {import('../shared/protocol.js').CoreReply} CoreReply */
/** @typedef {import('../shared/protocol.js').StatusView} StatusView */
/** @typedef {import('../shared/protocol.js').Env} Env */
/** @typedef {import('../shared/protocol.js').ErrorReply} ErrorReply */
/**
 * @template {WorkerMessage} M
 * @typedef {import('../shared/protocol.js').ReplyTo<M>} ReplyTo
 */

const ready = core.init();

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
 * One core call on the stored state: run in the write queue with the browser's env and the time, store what its
 * reply says (store.js), then show it: the badge and its wake-up, whether ordinary pages get the nudge bundle, and,
 * when the core says what the reminder cards say changed, a re-check of the cards in the other LinkedIn tabs.
 * @template {Omit<CoreReply, 'status'|'wake'> & { status?: StatusView, wake?: number|null }} R
 * @param {(stored: unknown, problems: string[], env: Env, now: number) => R} call
 * @param {number} [senderTab] the LinkedIn tab whose report or decision this is (it shows its own answer)
 * @returns {Promise<R>}
 */
async function runCore(call, senderTab) {
  const env = await browserEnv();
  const now = Date.now();
  const reply = await updateState((stored, problems) => call(stored, problems, env, now));
  const view = reply.status;
  if (view) await Promise.all([showBadge(view, reply.wake ?? null), syncNudgeScript(view.nudge === true)]);
  if (reply.cardsChanged) void recheckTabs(senderTab);
  return reply;
}

/**
 * Current status view (and refresh the badge with it). `problems`: replace the kept problem codes (`[]` once the
 * member has read them).
 * @param {string[]} [problems]
 * @returns {Promise<StatusView>}
 */
async function currentStatus(problems) {
  const reply = await runCore((stored, kept, env, now) => core.status(stored, problems ?? kept, env, now));
  return reply.status;
}

/**
 * A LinkedIn page reported what it shows: record it, answer with what to draw. One core call.
 * @param {unknown} snapshot @param {number} [tabId] the reporting tab
 * @param {boolean} [cardShown] the page shows our reminder card already (it may keep it on the day it was shown)
 * @returns {Promise<ReplyTo<import('../shared/protocol.js').PageMessage>>}
 */
async function onPage(snapshot, tabId, cardShown) {
  // The member's handle and name stop here: the core (and storage) get only salted hashes. Who is signed in is
  // learned only from these reports (settings pages, the day's card, the guide), never on a quiet page load.
  const report = await withAccount(snapshot);
  const reply = await runCore((stored, problems, env, now) => core.page(stored, problems, report, env, now, cardShown === true), tabId);
  const advice = reply.advice;
  const text = advice.banner ? await bannerText(advice, advice.banner.titles ?? {}) : null;
  return { advice, text };
}

/**
 * A decision from a page or a card. The other LinkedIn tabs' cards check again (a snooze in the popup takes
 * them away at once); the sender's tab shows its own acknowledgement.
 * @param {unknown} event @param {number} [tabId] the sending LinkedIn tab, if any
 * @returns {Promise<ReplyTo<import('../shared/protocol.js').EventMessage>>}
 */
async function onEvent(event, tabId) {
  const reply = await runCore((stored, problems, env, now) => core.event(stored, problems, event, env, now), tabId);
  const view = reply.status;
  return reply.error ? { ok: false, error: reply.error, status: view } : { ok: true, status: view };
}

/** @returns {Promise<ReplyTo<import('../shared/protocol.js').ExportMessage>>} */
async function onExport() {
  const reply = await runCore((stored, problems, env, now) => core.status(stored, problems, env, now));
  const json = JSON.stringify(
    { app: 'optout-pilot', exportedAt: new Date().toISOString(), catalogVersion: core.catalogVersion(), state: reply.state },
    null,
    2,
  );
  return { json };
}

/** @param {string[]} codes @returns {string} */
function problemText(codes) {
  return codes.map((code) => chrome.i18n.getMessage(`problem${code[0].toUpperCase()}${code.slice(1)}`) || code).join(' ');
}

/**
 * Import an exported file. The core refuses a file that does not read completely, names unknown settings, carries
 * dates this extension cannot have written or lists more than the catalog holds, and marks the readings of an
 * accepted one as imported (due for a re-check): the badge never says "all done" on a file's word alone.
 * @param {unknown} json the file's text
 * @returns {Promise<ReplyTo<import('../shared/protocol.js').ImportMessage>>}
 */
async function onImport(json) {
  const textIn = String(json);
  // Exports are a few KiB; a file over the core's limit is not one, and is not parsed.
  if (textIn.length > core.maxImportChars()) return { ok: false, error: chrome.i18n.getMessage('problemImportTooLarge') || 'tooLarge' };
  let parsed;
  try {
    parsed = JSON.parse(textIn);
  } catch {
    return { ok: false, error: chrome.i18n.getMessage('importNotJson') || 'notJson' };
  }
  const candidate = parsed && typeof parsed === 'object' && 'state' in parsed ? parsed.state : parsed;
  const result = core.importState(candidate, Date.now());
  if (result.state === undefined) return { ok: false, error: problemText(result.problems ?? []) || 'refused' };
  const imported = result.state;
  // The imported state is stored as the core reads it back (the same call every message makes).
  const reply = await runCore((_stored, problems, env, now) => ({ ...core.status(imported, problems, env, now), changed: true }));
  return { ok: true, status: reply.status };
}

/**
 * watch.js or nudge.js saw its page change in-page: if it is a settings page now, load the guide there.
 * The address is the browser's, not the message's: the tab's current URL for the top frame (sender.url stays the
 * address the document was loaded with; after history.pushState only tab.url follows).
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<ReplyTo<import('../shared/protocol.js').NavigatedMessage>>}
 */
async function onNavigated(sender) {
  const tabId = sender.tab?.id;
  const url = sender.frameId === 0 ? sender.tab?.url : sender.url;
  if (tabId === undefined || tabId < 0 || !url) return { guide: false };
  const kind = core.pageKind(url);
  if (kind !== 'setting' && kind !== 'hub') return { guide: false };
  await injectGuide(tabId, sender.frameId ?? 0, typeof sender.documentId === 'string' ? sender.documentId : undefined);
  return { guide: true };
}

/** @returns {Promise<ReplyTo<import('../shared/protocol.js').StartGuideMessage>>} */
async function onStartGuide() {
  const result = await onEvent({ type: 'startGuide' });
  const view = /** @type {StatusView} */ (result.status);
  const first = view.rows.find((r) => r.kind === 'toggle' && r.applies);
  return { url: view.next?.url ?? first?.url ?? null, status: view };
}

/**
 * Every runtime message (../shared/protocol.js declares them and their replies).
 * @param {WorkerMessage} message
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<ReplyTo<WorkerMessage> | ErrorReply>}
 */
async function handle(message, sender) {
  await ready;
  const page = fromExtensionPage(sender);
  switch (message?.type) {
    case 'page':
      return fromLinkedIn(sender) ? onPage(message.snapshot, sender.tab?.id, message.card === true) : { error: 'notLinkedIn' };
    case 'navigated':
      return fromLinkedIn(sender) ? onNavigated(sender) : { error: 'notLinkedIn' };
    case 'event':
      if (!page && !(fromLinkedIn(sender) && CONTENT_EVENTS.has(message.event?.type))) return { ok: false, error: 'notAllowed' };
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
      return page ? currentStatus([]) : { error: 'notAllowed' };
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
      .then(() => currentStatus())
      .then((view) => (view.setupDone ? undefined : chrome.tabs.create({ url: chrome.runtime.getURL('pages/onboarding.html') })))
      .catch((e) => console.error(e));
  } else {
    ready.then(() => currentStatus()).catch((e) => console.error(e));
  }
});

chrome.runtime.onStartup.addListener(() => {
  ready.then(() => currentStatus()).catch((e) => console.error(e));
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) ready.then(() => currentStatus()).catch((e) => console.error(e));
});

// Keep the badge right whenever the worker (re)starts.
ready.then(() => currentStatus()).catch((e) => console.error(e));
// A run-time registration outlives updates: drop those whose files this version does not ship.
void dropRetiredScripts();
