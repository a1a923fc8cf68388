// @ts-check
// Which LinkedIn account a page report belongs to, without keeping who it is: the content script reads the
// member's profile handle and name from the page's signals (content/page-facts.js `identity`); here each becomes
// a salted SHA-256 (salt random per install) and the clear text is dropped before the report goes anywhere else.
// The core stores only the hashes: the handle's is the account key, the name's only corroborates or contradicts.

import { accountSalt } from './store.js';

const MAX_HANDLE = 100;
const MAX_NAME = 100;

/** @param {string} text @returns {Promise<string>} the salted SHA-256 as 64 hex digits */
async function salted(text) {
  const salt = await accountSalt();
  const data = new TextEncoder().encode(`${salt}\n${text}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The account key for a profile handle ('' when there is none or it is not plausible).
 * @param {unknown} handle @returns {Promise<string>}
 */
export async function accountKey(handle) {
  if (typeof handle !== 'string' || !handle || handle.length > MAX_HANDLE) return '';
  return salted(handle.trim().toLowerCase());
}

/**
 * The key of a member's name ('' when there is none): hashed apart from handles (a name never equals a handle's key).
 * @param {unknown} name @returns {Promise<string>}
 */
export async function nameKey(name) {
  if (typeof name !== 'string' || !name.trim() || name.length > MAX_NAME) return '';
  return salted(`name\n${name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()}`);
}

/**
 * The page's report as the core gets it: the handle and name replaced by their keys.
 * @param {unknown} snapshot @returns {Promise<unknown>}
 */
export async function withAccount(snapshot) {
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) return snapshot;
  const { me, meName, meConflict, ...rest } = /** @type {Record<string, unknown>} */ (snapshot);
  return { ...rest, account: await accountKey(me), accountName: await nameKey(meName), accountConflict: meConflict === true };
}
