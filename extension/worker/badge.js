// @ts-check
// The toolbar badge mirrors the core's status view; the worker wakes by alarm when a snooze ends or a
// re-check falls due, so the badge is right without a LinkedIn visit.

const ALARM = 'refresh';

/** @type {Record<string, string>} */
const TITLE_KEYS = {
  attention: 'badgeTitleAttention',
  unchecked: 'badgeTitleUnchecked',
  toCheck: 'badgeTitleToCheck',
  done: 'badgeTitleDone',
  quiet: 'badgeTitleSnoozed',
};

/**
 * Draw a status view on the badge and schedule the wake-up the core asked for. Only draws: the view and the time
 * come with the core's reply to the message that changed them.
 * @param {import('../shared/protocol.js').StatusView} view @param {number|null} wake when to wake (ms), if ever
 */
export async function showBadge(view, wake) {
  const now = Date.now();
  const badge = view.badge;
  // The "still on" tooltip counts only settings seen on: unchecked ones are not claimed to be on.
  const seenOn = view.rows.filter((r) => r.applies && r.status === 'on').length;
  // Switches LinkedIn shows that the catalog does not know are mentioned, never counted on the badge.
  const unknownOn = (view.unknownSettings ?? []).filter((u) => u.state === 'on').length;
  const title = [
    // Nothing read yet: how many to check and about how long the guide takes; otherwise how many are on.
    // Quiet after "Don't remind me again" says reminders are off (a snooze: paused), the popup's words.
    chrome.i18n.getMessage(badge.kind === 'quiet' && view.dismissAll ? 'badgeTitleRemindersOff' : TITLE_KEYS[badge.kind] ?? 'actionTitle',
      badge.kind === 'toCheck' ? [String(view.remaining), String(view.checkMinutes ?? 1)] : [String(seenOn)]),
    unknownOn ? chrome.i18n.getMessage('badgeTitleUnknownOn', [String(unknownOn)]) : '',
  ].filter(Boolean).join(' ');
  await Promise.all([
    chrome.action.setBadgeText({ text: badge.text }),
    chrome.action.setBadgeBackgroundColor({ color: badge.color }),
    chrome.action.setBadgeTextColor ? chrome.action.setBadgeTextColor({ color: badge.textColor }) : undefined,
    title ? chrome.action.setTitle({ title }) : undefined,
  ]);
  if (wake === undefined || wake === null) {
    await chrome.alarms.clear(ALARM);
  } else {
    // Alarms fire at most about once a minute; a little late is fine for a badge.
    await chrome.alarms.create(ALARM, { when: Math.max(wake + 1000, now + 60_000) });
  }
}

export const REFRESH_ALARM = ALARM;
