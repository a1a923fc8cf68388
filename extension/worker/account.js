// @ts-check
// Which LinkedIn account a page report belongs to, without keeping who it is: the content script reads the
// member's profile handle from LinkedIn's navigation; here it becomes a salted SHA-256 (salt random per install)
// and the handle is dropped before the report goes anywhere else. The core stores only the hash.

import { accountSalt } from './store.js';

const MAX_HANDLE = 100;

/**
 * The account key for a profile handle ('' when there is none or it is not plausible).
 * @param {unknown} handle @returns {Promise<string>}
 */
export async function accountKey(handle) {
  if (typeof handle !== 'string' || !handle || handle.length > MAX_HANDLE) return '';
  const salt = await accountSalt();
  const data = new TextEncoder().encode(`${salt}\n${handle.trim().toLowerCase()}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The page's report as the core gets it: the handle replaced by the account key.
 * @param {unknown} snapshot @returns {Promise<unknown>}
 */
export async function withAccount(snapshot) {
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) return snapshot;
  const { me, ...rest } = /** @type {Record<string, unknown>} */ (snapshot);
  return { ...rest, account: await accountKey(me) };
}
