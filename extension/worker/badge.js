// @ts-check
// The toolbar badge mirrors the core's status view; the worker wakes by alarm when a snooze ends or a
// re-check falls due, so the badge is right without a LinkedIn visit.

import * as core from './core.js';
import { browserEnv } from './env.js';

const ALARM = 'refresh';

/** @type {Record<string, string>} */
const TITLE_KEYS = {
  attention: 'badgeTitleAttention',
  unchecked: 'badgeTitleUnchecked',
  done: 'badgeTitleDone',
  quiet: 'badgeTitleSnoozed',
};

/**
 * Show the status on the badge and schedule the next wake-up; returns the status view it showed, so callers
 * that answer with it need not compute it again.
 * @param {string} state state JSON text
 * @param {string[]} [problems] problems to carry in the returned view
 */
export async function showBadge(state, problems = []) {
  const env = await browserEnv();
  const now = Date.now();
  const view = core.statusView(state, env, now, problems);
  const badge = view.badge;
  // The "still on" tooltip counts only settings seen on: unchecked ones are not claimed to be on.
  const seenOn = view.rows.filter((/** @type {{applies: boolean, status: string}} */ r) => r.applies && r.status === 'on').length;
  // Switches LinkedIn shows that the catalog does not know are mentioned, never counted on the badge.
  const unknownOn = (view.unknownSettings ?? []).filter((/** @type {{state: string}} */ u) => u.state === 'on').length;
  const title = [
    chrome.i18n.getMessage(TITLE_KEYS[badge.kind] ?? 'actionTitle', [String(seenOn)]),
    unknownOn ? chrome.i18n.getMessage('badgeTitleUnknownOn', [String(unknownOn)]) : '',
  ].filter(Boolean).join(' ');
  await Promise.all([
    chrome.action.setBadgeText({ text: badge.text }),
    chrome.action.setBadgeBackgroundColor({ color: badge.color }),
    chrome.action.setBadgeTextColor ? chrome.action.setBadgeTextColor({ color: badge.textColor }) : undefined,
    title ? chrome.action.setTitle({ title }) : undefined,
  ]);
  const wake = core.nextWake(state, env, now);
  if (wake === undefined || wake === null) {
    await chrome.alarms.clear(ALARM);
  } else {
    // Alarms fire at most about once a minute; a little late is fine for a badge.
    await chrome.alarms.create(ALARM, { when: Math.max(wake + 1000, now + 60_000) });
  }
  return view;
}

export const REFRESH_ALARM = ALARM;
