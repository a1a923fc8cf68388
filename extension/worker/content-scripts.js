// @ts-check
// Which content scripts LinkedIn pages get, beyond the manifest's (guide.js on settings pages, watch.js on
// ordinary ones):
//  * nudge.js on ordinary pages, registered only while the status view says `nudge`. When everything is done,
//    snoozed or dismissed, the feed runs none of our code but watch.js's navigation listener.
//  * guide.js into one frame, when an in-page navigation leads from an ordinary page to a settings page.
//  * a re-check in the reminder cards already on screen in other LinkedIn tabs when the core says what they say
//    changed, so a snooze in the popup or a close in one tab takes the card away everywhere at once.
// All of it runs in this extension's isolated world (chrome.scripting): its own files, or a function of this
// module; nothing is web-accessible.

/** @typedef {import('../shared/protocol.js').InjectedApi} InjectedApi */

const NUDGE_ID = 'nudge';
const NUDGE_FILE = 'content/nudge.js';
/** Run-time registrations of earlier versions, whose files are no longer shipped. */
const RETIRED_IDS = ['who'];
const GUIDE_FILE = 'content/guide.js';
const WATCH_FILE = 'content/watch.js';

/** The manifest's entry for watch.js: the one place that says which LinkedIn pages are ordinary pages. */
function watchEntry() {
  // (Firefox reports the manifest's script paths in its own form, e.g. with a leading "/".)
  const entry = (chrome.runtime.getManifest().content_scripts ?? []).find((c) => c.js?.some((f) => f.endsWith(WATCH_FILE)));
  if (!entry?.matches?.length) throw new Error(`manifest: no content script with ${WATCH_FILE}`);
  return entry;
}

/**
 * A bundle registered at run time goes exactly where watch.js goes.
 * @param {string} id @param {string} file @param {'document_start'|'document_idle'} runAt
 */
function ordinaryPagesScript(id, file, runAt) {
  const entry = watchEntry();
  return {
    id,
    js: [file],
    matches: entry.matches,
    excludeMatches: entry.exclude_matches ?? [],
    runAt,
    allFrames: false,
    persistAcrossSessions: true,
  };
}

/** @param {any} a @param {any} b */
function sameScript(a, b) {
  const files = (/** @type {string[]|undefined} */ js) => (js ?? []).map((f) => f.replace(/^\//, ''));
  const key = (/** @type {any} */ s) => JSON.stringify([files(s.js), s.matches, s.excludeMatches ?? [], s.runAt, !!s.allFrames]);
  return key(a) === key(b);
}

/**
 * Keeps one run-time content script registered or not, as the status view says. Calls are applied one after the
 * other, in order. Never throws: on failure the next call asks the browser again.
 * @param {() => chrome.scripting.RegisteredContentScript} script
 * @returns {(want: boolean) => Promise<void>}
 */
function registration(script) {
  /** @type {boolean|null} registered right now, as far as this worker knows (null: not asked yet) */
  let registered = null;
  let queue = Promise.resolve();

  /** @param {boolean} want */
  async function apply(want) {
    const wanted = script();
    if (registered === null) {
      const found = await chrome.scripting.getRegisteredContentScripts({ ids: [wanted.id] });
      registered = found.length > 0;
      // An update may have changed where it goes: re-register what this version says.
      if (registered && !sameScript(found[0], wanted)) {
        await chrome.scripting.unregisterContentScripts({ ids: [wanted.id] });
        registered = false;
      }
    }
    if (want && !registered) {
      await chrome.scripting.registerContentScripts([wanted]);
      registered = true;
    } else if (!want && registered) {
      await chrome.scripting.unregisterContentScripts({ ids: [wanted.id] });
      registered = false;
    }
  }

  return (want) => {
    queue = queue.then(() => apply(want)).catch((e) => {
      registered = null;
      console.error(`OptOut Pilot: registering the content script failed:`, e);
    });
    return queue;
  };
}

/** The nudge bundle: on ordinary pages while the status view says `nudge`. */
export const syncNudgeScript = registration(() => ordinaryPagesScript(NUDGE_ID, NUDGE_FILE, 'document_start'));

/**
 * Unregister what earlier versions registered and this one does not ship (a registration persists across browser
 * sessions and updates). Never throws.
 */
export async function dropRetiredScripts() {
  try {
    const found = await chrome.scripting.getRegisteredContentScripts({ ids: RETIRED_IDS });
    if (found.length) await chrome.scripting.unregisterContentScripts({ ids: found.map((s) => s.id) });
  } catch (e) {
    console.error('OptOut Pilot: removing a retired content script failed:', e);
  }
}

/** @type {Map<string, Promise<void>>} one injection at a time per document (or frame) */
const injecting = new Map();

/** @param {chrome.scripting.InjectionTarget} target */
async function injectGuideNow(target) {
  // Runs in the content scripts' isolated world, where the bundles say which of them run (content/loaded-bundles.js).
  const [probe] = await chrome.scripting.executeScript({
    target,
    func: () => {
      const ns = /** @type {Record<symbol, InjectedApi|undefined>} */ (/** @type {unknown} */ (globalThis))[Symbol.for('optout-pilot.bundles')];
      return !!(ns && ns.guide);
    },
  });
  if (probe?.result === true) return;
  await chrome.scripting.executeScript({ target, files: [GUIDE_FILE] });
}

/**
 * Load the guide bundle into the document that asked, unless it already runs there. With the sender's
 * `documentId` (Chromium) the injection goes to that document or nowhere: if the frame has loaded another document
 * since it asked, the browser refuses instead of running the guide in a page that did not ask. Without it
 * (Firefox) the frame is the target.
 * @param {number} tabId @param {number} frameId @param {string} [documentId]
 */
export function injectGuide(tabId, frameId, documentId) {
  /** @type {chrome.scripting.InjectionTarget} */
  const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
  const key = documentId ? `${tabId}/${documentId}` : `${tabId}/${frameId}`;
  const next = (injecting.get(key) ?? Promise.resolve()).then(() => injectGuideNow(target));
  const settled = next.catch(() => {}).finally(() => { if (injecting.get(key) === settled) injecting.delete(key); });
  injecting.set(key, settled);
  return next;
}

/** Runs in a LinkedIn tab's isolated world (serialised by chrome.scripting: self-contained). */
function recheckInPage() {
  try {
    // The key is written out: a serialised function cannot import LOADED_BUNDLES_KEY (content/loaded-bundles.js).
    const ns = /** @type {Record<symbol, InjectedApi|undefined>} */ (/** @type {unknown} */ (globalThis))[Symbol.for('optout-pilot.bundles')];
    if (ns && typeof ns.recheck === 'function') ns.recheck();
  } catch (_) { /* never throw into the page */ }
}

/**
 * Ask the reminder card in every open LinkedIn tab but `exceptTabId` (the one whose click caused the change: it
 * shows its own acknowledgement) to check with the worker again. Tabs without a card of ours do nothing; the card
 * asks with its usual quick report. Never throws.
 * @param {number} [exceptTabId]
 */
export async function recheckTabs(exceptTabId) {
  try {
    const tabs = await chrome.tabs.query({ url: watchEntry().matches });
    await Promise.all(tabs
      .filter((t) => typeof t.id === 'number' && t.id >= 0 && t.id !== exceptTabId && !t.discarded)
      .map((t) => chrome.scripting.executeScript({ target: { tabId: /** @type {number} */ (t.id) }, func: recheckInPage })
        .catch(() => { /* a tab that is loading, closing or not ours */ })));
  } catch (e) {
    console.error('OptOut Pilot: re-checking open LinkedIn tabs failed:', e);
  }
}

