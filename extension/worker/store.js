// @ts-check
// Durable state: one object under one storage key, written only by this worker, one change at a time.
// Every read-modify-write runs in one write queue (`serialised`), so messages from two tabs can never overwrite
// each other's changes. The core reads what is stored (an object, or JSON text, which it reads with JS's own
// JSON.parse) and says what to write back. Damaged data is never thrown away: it is kept under `stateBackups`
// (as text).
// storage.local is closed to content scripts where the browser allows it (`trustedOnly`), so that a content script
// (or a page that broke into one) can neither read nor rewrite what is stored.

/** @typedef {Pick<import('../shared/protocol.js').CoreReply, 'state'|'changed'|'backup'|'problems'>} StoreReply what the store needs of a reply */

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
 * Run `task` once every earlier one has finished: the one write queue of everything stored.
 * @template T @param {() => Promise<T>} task @returns {Promise<T>}
 */
function serialised(task) {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Run `call` (a core call) with what is stored under `state` (as found: the core reads it) and the kept problem
 * codes, in the write queue, and write what its reply says: the state when it changed (or was text), a backup of
 * the stored value when it was damaged, the problem codes when they changed. Resolves to the reply.
 * @template {StoreReply} R
 * @param {(stored: unknown, problems: string[]) => R} call
 * @returns {Promise<R>}
 */
export function updateState(call) {
  return serialised(async () => {
    const got = await chrome.storage.local.get([STATE_KEY, PROBLEMS_KEY]);
    const stored = got[STATE_KEY];
    /** @type {string[]} */
    const problems = Array.isArray(got[PROBLEMS_KEY]) ? got[PROBLEMS_KEY].filter((p) => typeof p === 'string') : [];
    const reply = call(stored, problems);
    if (reply.backup) await keepBackup(stored);
    /** @type {Record<string, unknown>} */
    const write = {};
    if (reply.changed || reply.backup || typeof stored === 'string') write[STATE_KEY] = reply.state;
    if (reply.problems.length !== problems.length || reply.problems.some((p, i) => p !== problems[i])) {
      write[PROBLEMS_KEY] = reply.problems;
    }
    if (Object.keys(write).length > 0) await chrome.storage.local.set(write);
    return reply;
  });
}

/** Keep a damaged stored value, as text (an object as its JSON). @param {unknown} raw */
async function keepBackup(raw) {
  let text;
  try {
    text = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  const stored = await chrome.storage.local.get(BACKUPS_KEY);
  const backups = Array.isArray(stored[BACKUPS_KEY]) ? stored[BACKUPS_KEY] : [];
  backups.push({ at: Date.now(), raw: text });
  await chrome.storage.local.set({ [BACKUPS_KEY]: backups.slice(-MAX_BACKUPS) });
}

const SALT_KEY = 'accountSalt';

/**
 * This install's random salt for account keys (created once, in the write queue so two first reports cannot
 * make two). Never leaves storage.local; not exported.
 * @returns {Promise<string>}
 */
export function accountSalt() {
  return serialised(async () => {
    const stored = await chrome.storage.local.get(SALT_KEY);
    const have = stored[SALT_KEY];
    if (typeof have === 'string' && /^[0-9a-f]{32}$/.test(have)) return have;
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const salt = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    await chrome.storage.local.set({ [SALT_KEY]: salt });
    return salt;
  });
}
