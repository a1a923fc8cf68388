// @ts-check
/**
 * Pure helpers that turn the worker's status view into what the pages show.
 * No DOM, no chrome.* — tested with node (tests/js/pages-view.test.mjs).
 */

/** @typedef {import('../../shared/protocol.js').RowState} RowState */
/** @typedef {import('../../shared/protocol.js').RowStatus} RowStatus */
/** @typedef {import('../../shared/protocol.js').Row} Row */
/** @typedef {import('../../shared/protocol.js').StatusView} StatusView */
/** @typedef {'attention' | 'unchecked' | 'done' | 'neutral'} Tone */

/** Known states; anything else is shown as unknown, never as off. */
const STATES = new Set(['on', 'off', 'unknown', 'unchecked']);
const STATUSES = new Set(['on', 'off', 'unknown', 'unchecked', 'recheck', 'dismissed', 'notInRegion', 'optional']);

/**
 * data-state value for a row: the last seen state; unrecognised values become "unknown".
 * @param {Partial<Row>} row
 * @returns {RowState}
 */
export function rowStateAttr(row) {
  return STATES.has(String(row.state)) ? /** @type {RowState} */ (row.state) : 'unknown';
}

/**
 * data-status value for a row; unrecognised values become "unknown".
 * @param {Partial<Row>} row
 * @returns {RowStatus}
 */
export function rowStatusAttr(row) {
  return STATUSES.has(String(row.status)) ? /** @type {RowStatus} */ (row.status) : 'unknown';
}

/** @type {Record<RowStatus, { key: string, tone: Tone | 'muted', icon: string }>} */
const PILLS = {
  on: { key: 'pillOn', tone: 'attention', icon: 'alert' },
  off: { key: 'pillOff', tone: 'done', icon: 'check' },
  unchecked: { key: 'pillUnchecked', tone: 'unchecked', icon: 'question' },
  unknown: { key: 'pillUnknown', tone: 'unchecked', icon: 'question' },
  recheck: { key: 'pillRecheck', tone: 'unchecked', icon: 'refresh' },
  notInRegion: { key: 'pillNotInRegion', tone: 'muted', icon: 'globe' },
  dismissed: { key: 'pillDismissed', tone: 'muted', icon: 'eyeOff' },
  optional: { key: 'pillOptional', tone: 'muted', icon: 'form' },
};

/**
 * Pill for a row's status: message key, colour tone and icon name. Text + icon + colour, never colour alone.
 * @param {Partial<Row>} row
 */
export function pillFor(row) {
  return PILLS[rowStatusAttr(row)];
}

/**
 * Order rows: by importance (1 = most important), then catalog order. Splits into the applicable
 * toggles, optional forms, and rows that do not apply in the member's region.
 * @param {Row[]} rows
 * @returns {{ main: Row[], optional: Row[], elsewhere: Row[] }}
 */
export function groupRows(rows) {
  const sorted = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (num(a.row.importance) - num(b.row.importance)) || (a.index - b.index))
    .map((x) => x.row);
  /** @type {{ main: Row[], optional: Row[], elsewhere: Row[] }} */
  const out = { main: [], optional: [], elsewhere: [] };
  for (const row of sorted) {
    if (!row.applies || row.status === 'notInRegion') out.elsewhere.push(row);
    else if (row.kind === 'form') out.optional.push(row);
    else out.main.push(row);
  }
  return out;
}

/** @param {unknown} n */
function num(n) {
  return typeof n === 'number' && Number.isFinite(n) ? n : 1e9;
}

/**
 * Overall summary for the header.
 * @param {StatusView} view
 * @returns {{ tone: Tone, key: string, count: number, detailKey: string | null, detailCount: number }}
 */
export function summarize(view) {
  const rows = (view.rows || []).filter((r) => r.applies && r.kind !== 'form' && r.status !== 'notInRegion');
  const active = rows.filter((r) => r.status !== 'dismissed');
  const on = active.filter((r) => r.status === 'on').length;
  const toCheck = active.filter((r) => r.status === 'unchecked' || r.status === 'unknown' || r.status === 'recheck' ||
    !STATUSES.has(String(r.status))).length;
  const neverSeen = active.filter((r) => r.status === 'unchecked').length;
  if (on > 0) {
    return { tone: 'attention', key: 'summaryOn', count: on, detailKey: toCheck > 0 ? 'summaryMoreToCheck' : null, detailCount: toCheck };
  }
  if (toCheck > 0) {
    if (neverSeen === toCheck) {
      // Nothing open was read yet: how many to check and about how long (a neutral tone, not a warning).
      const minutes = typeof view.checkMinutes === 'number' && view.checkMinutes > 0 ? view.checkMinutes : Math.max(1, Math.ceil(toCheck / 4));
      return { tone: 'neutral', key: 'summaryToCheck', count: toCheck, detailKey: 'summaryToCheckDetail', detailCount: minutes };
    }
    return { tone: 'unchecked', key: 'summaryToCheck', count: toCheck, detailKey: null, detailCount: 0 };
  }
  if (active.length > 0) {
    return { tone: 'done', key: 'summaryDone', count: 0, detailKey: 'summaryDoneDetail', detailCount: 0 };
  }
  return { tone: 'neutral', key: 'summaryNothing', count: 0, detailKey: null, detailCount: 0 };
}

/**
 * How many of the settings that count (applicable toggles, not kept on) are off, on and still to check.
 * @param {StatusView} view @returns {{total: number, off: number, on: number, toCheck: number}}
 */
export function stateCounts(view) {
  const rows = (view.rows || []).filter((r) => r.applies && r.kind !== 'form' && r.status !== 'notInRegion' && r.status !== 'dismissed');
  const off = rows.filter((r) => r.status === 'off').length;
  const on = rows.filter((r) => r.status === 'on').length;
  return { total: rows.length, off, on, toCheck: rows.length - off - on };
}

/** Message keys saying how a reading was established or why it could not be (the core's `Reason`). */
export const REASON_KEYS = Object.freeze({
  key: 'viaKey', label: 'viaLabel', onlySwitch: 'viaOnlySwitch', disabled: 'whyDisabled', hidden: 'whyHidden',
  busy: 'whyBusy', pending: 'whyPending', indeterminate: 'whyIndeterminate', conflict: 'whyConflict', ambiguous: 'whyAmbiguous',
  missing: 'whyMissing',
});

/** Summary keys that take a count and therefore have _one/_other forms. */
export const COUNTED_KEYS = new Set(['summaryOn', 'summaryToCheck', 'summaryMoreToCheck', 'accountsOther', 'rowsOff']);

/**
 * Message key with a plural suffix (_one / _other) chosen by Intl.PluralRules for the UI language.
 * Chrome's i18n has no plurals; the languages we ship need only these two forms.
 * @param {string} base
 * @param {number} count
 * @param {string} lang
 */
export function pluralKey(base, count, lang) {
  let cat = 'other';
  try {
    cat = new Intl.PluralRules(lang).select(count);
  } catch {
    cat = count === 1 ? 'one' : 'other';
  }
  return `${base}_${cat === 'one' ? 'one' : 'other'}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Relative time ("3 days ago", "vor 3 Tagen") for a timestamp; null when there is none or when it is
 * less than a minute away (callers say "just now", see isJustNow).
 * @param {number | null | undefined} ts epoch ms
 * @param {number} now epoch ms
 * @param {string} lang
 * @returns {string | null}
 */
export function relativeTime(ts, now, lang) {
  if (typeof ts !== 'number' || !Number.isFinite(ts) || ts <= 0) return null;
  let rtf;
  try {
    rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
  } catch {
    rtf = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
  }
  const diff = ts - now; // negative for the past
  const abs = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  if (abs < MINUTE) return null;
  if (abs < HOUR) return rtf.format(sign * Math.round(abs / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(sign * Math.round(abs / HOUR), 'hour');
  const days = Math.round(abs / DAY);
  if (days < 7) return rtf.format(sign * days, 'day');
  if (days < 30) return rtf.format(sign * Math.round(days / 7), 'week');
  if (days < 365) return rtf.format(sign * Math.max(1, Math.round(days / 30.44)), 'month');
  return rtf.format(sign * Math.round(days / 365.25), 'year');
}

/**
 * True when ts is a real timestamp less than a minute from now.
 * @param {number | null | undefined} ts
 * @param {number} now
 */
export function isJustNow(ts, now) {
  return typeof ts === 'number' && Number.isFinite(ts) && ts > 0 && Math.abs(now - ts) < MINUTE;
}

/**
 * Date for "paused until …" lines.
 * @param {number} ts
 * @param {string} lang
 */
export function formatDate(ts, lang) {
  const opts = /** @type {Intl.DateTimeFormatOptions} */ ({ weekday: 'long', day: 'numeric', month: 'long' });
  try {
    return new Intl.DateTimeFormat(lang, opts).format(new Date(ts));
  } catch {
    return new Intl.DateTimeFormat('en', opts).format(new Date(ts));
  }
}

/**
 * A calendar day with its year ("5 Dec 2026"), in the page language.
 * @param {number} ts @param {string} lang
 */
export function formatDay(ts, lang) {
  const opts = /** @type {Intl.DateTimeFormatOptions} */ ({ dateStyle: 'medium' });
  try {
    return new Intl.DateTimeFormat(lang, opts).format(new Date(ts));
  } catch {
    return new Intl.DateTimeFormat('en', opts).format(new Date(ts));
  }
}

/** Regions the pages offer, in display order, with their label keys. */
export const REGIONS = /** @type {const} */ ([
  { id: 'eu', key: 'regionEu', hintKey: 'regionEuHint' },
  { id: 'uk', key: 'regionUk', hintKey: 'regionUkHint' },
  { id: 'row', key: 'regionRow', hintKey: 'regionRowHint' },
]);

/**
 * Label key for a region id; unknown ids fall back to "rest of the world".
 * @param {string | null | undefined} region
 */
export function regionKey(region) {
  const found = REGIONS.find((r) => r.id === region);
  return found ? found.key : 'regionRow';
}

/**
 * Reminder state for the snooze controls. `closed`: the member closed the nudge card on LinkedIn, it stays
 * away until the browser restarts.
 * @param {Pick<StatusView, 'snoozeUntil' | 'dismissAll'> & Partial<Pick<StatusView, 'nudgeClosed'>>} view
 * @param {number} now
 * @returns {'off' | 'snoozed' | 'closed' | 'active'}
 */
export function reminderState(view, now) {
  if (view.dismissAll) return 'off';
  if (typeof view.snoozeUntil === 'number' && view.snoozeUntil > now) return 'snoozed';
  if (view.nudgeClosed === true) return 'closed';
  return 'active';
}

/**
 * Message key for a problem reported by the worker. Codes map to "problem" + PascalCase(code)
 * (e.g. "stateReset" → "problemStateReset"); free text is shown as is.
 * @param {string | { code?: string, message?: string }} problem
 * @returns {{ key: string | null, text: string }}
 */
export function problemMessage(problem) {
  const code = typeof problem === 'string' ? problem : (problem && problem.code) || '';
  const text = typeof problem === 'string' ? problem : (problem && problem.message) || code;
  if (/^[a-zA-Z][a-zA-Z0-9_-]*$/.test(code)) {
    const pascal = code.split(/[-_]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
    return { key: `problem${pascal}`, text };
  }
  return { key: null, text };
}

/** Re-check interval choices (days). */
export const RECHECK_DAYS = /** @type {const} */ ([30, 60, 90, 180]);
