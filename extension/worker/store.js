// @ts-check
// Durable state: one JSON text under one storage key, written only by this worker, one change at a time.
// Every read-modify-write goes through `withState`, so messages from two tabs can never overwrite each
// other's changes. Damaged data is never thrown away: it is kept under `stateBackups`.
// storage.local is closed to content scripts where the browser allows it (`trustedOnly`), so that a content script
// (or a page that broke into one) can neither read nor rewrite what is stored.

import * as core from './core.js';

const STATE_KEY = 'state';
const BACKUPS_KEY = 'stateBackups';
const PROBLEMS_KEY = 'stateProblems';
const MAX_BACKUPS = 5;

/**
 * Restrict storage.local to the extension's own pages and this worker (Chromium: `setAccessLevel` on local, a
 * setting the browser keeps). Firefox implements `setAccessLevel` for storage.session only and rejects it here:
 * its content scripts keep access, which the worker cannot change. Resolves to whether the restriction holds.
 * @returns {Promise<boolean>}
 */
async function restrictToTrustedContexts() {
  const area = /** @type {Partial<chrome.storage.StorageArea>} */ (chrome.storage.local);
  if (typeof area.setAccessLevel !== 'function') return false;
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}

/** Whether content scripts are shut out of storage.local (settled before the first read or write). */
export const trustedOnly = restrictToTrustedContexts();

/** @type {Promise<unknown>} */
let queue = trustedOnly;

/**
 * `problems`: the reported problems to keep from now on (e.g. `[]` once the member has acknowledged them).
 * @template T
 * @typedef {{ state?: string, problems?: string[], result: T }} Change
 */

/**
 * Run `change` with the current state text and the problems found reading it; store the state it
 * returns (if any and different). Calls run strictly one after another.
 * @template T
 * @param {(state: string, problems: string[]) => Change<T> | Promise<Change<T>>} change
 * @returns {Promise<{ result: T, changed: boolean, state: string, problems: string[] }>}
 */
export function withState(change) {
  const run = queue.then(async () => {
    const stored = await chrome.storage.local.get([STATE_KEY, PROBLEMS_KEY]);
    const raw = stored[STATE_KEY];
    // Anything that is not our text (an object written by another tool, a number…) is handed to the core as
    // JSON: a complete schema-1 object is read as such, anything else is reported and backed up like damage.
    const text = raw === undefined ? undefined : typeof raw === 'string' ? raw : JSON.stringify(raw);
    const loaded = core.loadState(text);
    /** @type {string[]} */
    let problems = Array.isArray(stored[PROBLEMS_KEY]) ? stored[PROBLEMS_KEY].filter((p) => typeof p === 'string') : [];
    if (loaded.backup) {
      await keepBackup(loaded.backup);
      problems = [...problems, ...loaded.problems].slice(-10);
      await chrome.storage.local.set({ [PROBLEMS_KEY]: problems, [STATE_KEY]: loaded.state });
    }
    const outcome = await change(loaded.state, problems);
    const next = outcome.state ?? loaded.state;
    const changed = next !== loaded.state;
    /** @type {Record<string, unknown>} */
    const write = {};
    if (changed) write[STATE_KEY] = next;
    if (outcome.problems) {
      problems = outcome.problems.slice(-10);
      write[PROBLEMS_KEY] = problems;
    }
    if (Object.keys(write).length > 0) await chrome.storage.local.set(write);
    return { result: outcome.result, changed, state: next, problems };
  });
  queue = run.catch(() => undefined);
  return run;
}

/** @param {string} raw */
async function keepBackup(raw) {
  const stored = await chrome.storage.local.get(BACKUPS_KEY);
  const backups = Array.isArray(stored[BACKUPS_KEY]) ? stored[BACKUPS_KEY] : [];
  backups.push({ at: Date.now(), raw });
  await chrome.storage.local.set({ [BACKUPS_KEY]: backups.slice(-MAX_BACKUPS) });
}

/** Forget reported problems once the member has acknowledged them (backups stay), in the one queue. */
export async function clearProblems() {
  await withState(() => ({ result: undefined, problems: [] }));
}

const SALT_KEY = 'accountSalt';

/**
 * This install's random salt for account keys (created once, in the write queue so two first reports cannot
 * make two). Never leaves storage.local; not exported.
 * @returns {Promise<string>}
 */
export function accountSalt() {
  const run = queue.then(async () => {
    const stored = await chrome.storage.local.get(SALT_KEY);
    const have = stored[SALT_KEY];
    if (typeof have === 'string' && /^[0-9a-f]{32}$/.test(have)) return have;
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const salt = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    await chrome.storage.local.set({ [SALT_KEY]: salt });
    return salt;
  });
  queue = run.catch(() => undefined);
  return run;
}
