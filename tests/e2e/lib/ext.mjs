// Small helpers shared by reminders/state/hardening/detection e2e tests, on top of harness.mjs:
// launching with a persistent profile (restart tests), reading the worker's storage, sending messages from one
// long-lived extension page, and bounded polling.
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, CHROMIUM_ARGS, waitForWorker, launchWithExtension, sendToWorker } from './harness.mjs';
import { formatMessage, localeDir } from '../../../extension/worker/locale-catalogs.js';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Worker} Worker */

/** The unpacked build the tests load (OPTOUT_DIST overrides, as in smoke.test.mjs). */
export const DIST = process.env.OPTOUT_DIST || 'dist/chrome';

/** A fresh temporary profile directory (the caller removes it with removeDir). */
export function tempProfile() {
  return mkdtemp(join(tmpdir(), 'optout-e2e-persist-'));
}

/** @param {string} dir */
export function removeDir(dir) {
  return rm(dir, { recursive: true, force: true }).catch(() => {});
}

/**
 * Launch Chromium with the extension on a profile directory the caller owns (it survives close(), so a second
 * launch on the same directory is a browser restart). Everything on the network is aborted, as in the harness.
 * @param {string} userDataDir
 * `lang` sets the browser's UI language (chrome.i18n), e.g. 'de'.
 * @param {{dist?: string, lang?: string}} [options]
 */
export async function launchPersistent(userDataDir, options = {}) {
  const lang = options.lang ?? 'en-US';
  const dist = resolve(ROOT, options.dist ?? DIST);
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist}/manifest.json not found: run ./build.sh first`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: process.env.OPTOUT_HEADED !== '1',
    locale: lang,
    viewport: { width: 1280, height: 900 },
    // Chromium on Linux takes its UI language from the environment (LANGUAGE), not only from --lang.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`,
      ...CHROMIUM_ARGS.filter((a) => !a.startsWith('--lang=')), `--lang=${lang}`],
  });
  await context.route(/^(https?|wss?|ftp):/i, (route) => route.abort('blockedbyclient'));
  try {
    const worker = await waitForWorker(context);
    const extensionId = new URL(worker.url()).host;
    return { context, worker, extensionId, close: () => context.close().catch(() => {}) };
  } catch (e) {
    await context.close().catch(() => {});
    throw e;
  }
}

/** launchWithExtension on DIST. @param {Parameters<typeof launchWithExtension>[0]} [options] */
export function launch(options = {}) {
  return launchWithExtension({ dist: DIST, ...options });
}

/**
 * Everything the worker keeps in storage.local: the state (an object; parsed when it is JSON text written by a
 * test or an earlier version), backups, problems.
 * @param {Worker} worker
 */
export async function readStore(worker) {
  const all = await worker.evaluate(() => chrome.storage.local.get(null));
  const raw = all.state;
  /** @type {any} */
  let state = raw && typeof raw === 'object' ? raw : null;
  if (typeof raw === 'string') {
    try {
      state = JSON.parse(raw);
    } catch {
      state = null;
    }
  }
  return {
    raw,
    state,
    backups: /** @type {{at: number, raw: string}[]} */ (Array.isArray(all.stateBackups) ? all.stateBackups : []),
    problems: /** @type {string[]} */ (Array.isArray(all.stateProblems) ? all.stateProblems : []),
    all,
  };
}

/** `{settingId: state}` from a parsed stored state. @param {any} state */
export function statesOf(state) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [id, seen] of Object.entries(state?.settings ?? {})) out[id] = /** @type {any} */ (seen)?.state;
  return out;
}

/**
 * `{settingId: state}` as the popup shows it (the core's `State::shown`): the current account's readings; while the
 * account is uncertain (none seen yet, or a sign-in/sign-out page since) the readings held for the next account, and
 * with no account seen yet also the browser's own, the newer reading winning.
 * @param {any} state
 */
export function shownStatesOf(state) {
  const uncertain = !state?.account || state?.accountCheck === true;
  if (!uncertain) return statesOf(state);
  /** @type {Record<string, {state: string, seenAt: number}>} */
  const held = state?.held?.settings ?? {};
  /** @type {Record<string, {state: string, seenAt: number}>} */
  const own = state?.account ? {} : (state?.settings ?? {});
  /** @type {Record<string, string>} */
  const out = {};
  for (const id of new Set([...Object.keys(held), ...Object.keys(own)])) {
    const h = held[id];
    const b = own[id];
    out[id] = (h && b ? (b.seenAt > h.seenAt ? b : h) : (h ?? b)).state;
  }
  return out;
}

/** Write raw values into storage.local from the worker (simulating damage or another tool). @param {Worker} worker @param {Record<string, unknown>} items */
export function writeStorage(worker, items) {
  return worker.evaluate((items) => chrome.storage.local.set(items), /** @type {any} */ (items));
}

/** @param {Worker} worker */
export function clearStorage(worker) {
  return worker.evaluate(() => chrome.storage.local.clear());
}

/**
 * Poll `read` until `ok(value)` holds; throws with the last value after `timeout` ms. Not a timed assertion: the
 * bound only turns a hang into a failure.
 * @template T
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} ok
 * @param {{timeout?: number, interval?: number, what?: string}} [options]
 * @returns {Promise<T>}
 */
export async function pollUntil(read, ok, options = {}) {
  const deadline = Date.now() + (options.timeout ?? 10_000);
  /** @type {T} */
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${options.what ?? 'condition'}; last value: ${safeJson(last)}`);
    }
    await new Promise((r) => setTimeout(r, options.interval ?? 100));
  }
}

/** @param {unknown} v */
function safeJson(v) {
  try {
    const s = JSON.stringify(v);
    return s && s.length > 2000 ? `${s.slice(0, 2000)}…` : s;
  } catch {
    return String(v);
  }
}

/**
 * A long-lived extension page to send runtime messages from (as the popup and options pages do). The default
 * path is a page that does not exist, so nothing renders or messages by itself; it still runs in the extension's
 * origin with chrome.runtime.
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {string} [path]
 */
export async function controlPage(context, extensionId, path = 'pages/popup.html') {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return {
    page,
    /** @param {any} message */
    send: (message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message),
    /** @param {any} event */
    event: (event) => page.evaluate((e) => chrome.runtime.sendMessage({ type: 'event', event: e }), event),
    status: () => page.evaluate(() => chrome.runtime.sendMessage({ type: 'status' })),
    close: () => page.close().catch(() => {}),
  };
}

/**
 * Finish onboarding like a member: a region, then setup done. `via` is a control page (its `event`) or a launched
 * extension (`{context, extensionId}`: the events are sent from a short-lived popup page).
 * @param {{event: (e: any) => Promise<any>} | {context: BrowserContext, extensionId: string}} via
 * @param {string} [region]
 */
export async function finishSetup(via, region = 'eu') {
  const send = 'event' in via
    ? via.event
    : (/** @type {any} */ e) => sendToWorker(via.context, via.extensionId, { type: 'event', event: e });
  const a = await send({ type: 'setRegion', region });
  if (!a?.ok) throw new Error(`setRegion: ${safeJson(a)}`);
  const b = await send({ type: 'finishSetup' });
  if (!b?.ok) throw new Error(`finishSetup: ${safeJson(b)}`);
  return b.status;
}

/** The catalog (source of truth for setting ids and URLs). */
export async function loadCatalog() {
  return JSON.parse(await readFile(join(ROOT, 'src/catalog/linkedin.json'), 'utf8'));
}

/** @type {Map<string, Record<string, any>>} */
const locales = new Map();
/** extension/_locales/<lang>/messages.json, read once. @param {string} lang */
function localeCatalog(lang) {
  let catalog = locales.get(lang);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(join(ROOT, 'extension/_locales', localeDir(lang), 'messages.json'), 'utf8'));
    locales.set(lang, /** @type {Record<string, any>} */ (catalog));
  }
  return /** @type {Record<string, any>} */ (catalog);
}

/**
 * A message as chrome.i18n formats it (the extension's own formatter), read from extension/_locales, the source
 * of every visible string. The one message formatter of the tests.
 * @param {string} lang @param {string} key @param {Array<string|number>|string|number} [subs]
 */
export function msg(lang, key, subs) {
  const entry = localeCatalog(lang)[key];
  if (!entry) throw new Error(`no message ${key} in ${lang}`);
  return formatMessage(entry, subs);
}

/**
 * Every message of a locale as written, $PLACEHOLDERS$ in place (tests match around them), as {key: text}; `msg`
 * gives a message filled in. @param {string} lang
 */
export async function localeMessages(lang) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [key, entry] of Object.entries(localeCatalog(lang))) out[key] = entry.message;
  return out;
}

/** The chrome.alarms the worker has scheduled. @param {Worker} worker */
export function alarms(worker) {
  return worker.evaluate(() => chrome.alarms.getAll());
}

/**
 * Count the page reports the worker receives (test instrumentation: one extra, passive onMessage listener in the
 * worker that records the sender URL and answers nothing). Lets a test know the content script has reported
 * without guessing with sleeps.
 * @param {Worker} worker
 */
export async function watchPageReports(worker) {
  await worker.evaluate(() => {
    const g = /** @type {any} */ (globalThis);
    if (g.__optoutTestReports) return;
    g.__optoutTestReports = [];
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message && message.type === 'page') {
        const controls = message.snapshot && Array.isArray(message.snapshot.controls) ? message.snapshot.controls.length : -1;
        let bytes = -1;
        try {
          bytes = JSON.stringify(message).length;
        } catch {
          bytes = -1;
        }
        g.__optoutTestReports.push({ url: sender.url ?? '', at: Date.now(), controls, bytes });
      }
      return undefined;
    });
  });
}

/** Is the nudge bundle registered for ordinary LinkedIn pages right now? @param {Worker} worker */
export function nudgeRegistered(worker) {
  return worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts({ ids: ['nudge'] })).length > 0);
}

/** @param {Worker} worker @returns {Promise<{url: string, at: number, controls: number, bytes: number}[]>} */
export function pageReports(worker) {
  return worker.evaluate(() => /** @type {any} */ (globalThis).__optoutTestReports ?? []);
}

/**
 * Wait until the worker has received a page report from `url` after `since` (watchPageReports first), then let the
 * reply be drawn (a short settle: the content script draws synchronously once the reply arrives).
 * @param {Worker} worker
 * @param {string} url
 * @param {number} since
 * @param {{settle?: number, timeout?: number}} [options]
 */
export async function reported(worker, url, since, options = {}) {
  const list = await pollUntil(() => pageReports(worker), (l) => l.some((r) => r.url === url && r.at >= since),
    { timeout: options.timeout ?? 10_000, what: `a page report from ${url}` });
  await new Promise((r) => setTimeout(r, options.settle ?? 500));
  return list.filter((r) => r.url === url && r.at >= since);
}

/**
 * Record every write of the stored `state` (test instrumentation: a passive chrome.storage.onChanged listener in
 * the worker), so a test can see intermediate values, not only the last one.
 * @param {Worker} worker
 */
export async function watchStateWrites(worker) {
  await worker.evaluate(() => {
    const g = /** @type {any} */ (globalThis);
    if (g.__optoutTestWrites) return;
    g.__optoutTestWrites = [];
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes.state) g.__optoutTestWrites.push({ at: Date.now(), value: changes.state.newValue });
    });
  });
}

/**
 * The state writes recorded since the last call (drains the list); values parsed when they are JSON text.
 * @param {Worker} worker
 * @returns {Promise<{at: number, raw: unknown, state: any}[]>}
 */
export async function drainStateWrites(worker) {
  const list = await worker.evaluate(() => {
    const g = /** @type {any} */ (globalThis);
    return g.__optoutTestWrites ? g.__optoutTestWrites.splice(0) : [];
  });
  return list.map((/** @type {{at: number, value: unknown}} */ w) => {
    let state = w.value && typeof w.value === 'object' ? w.value : null;
    if (typeof w.value === 'string') {
      try {
        state = JSON.parse(w.value);
      } catch {
        state = null;
      }
    }
    return { at: w.at, raw: w.value, state };
  });
}
