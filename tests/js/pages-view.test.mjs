// @ts-check
// Pure helpers behind the popup/options pages (extension/pages/lib/view.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  rowStateAttr, rowStatusAttr, pillFor, groupRows, summarize, pluralKey, relativeTime, isJustNow,
  regionKey, reminderState, problemMessage, formatDate, REGIONS, RECHECK_DAYS,
} from '../../extension/pages/lib/view.js';

/** @typedef {import('../../extension/shared/protocol.js').Row} Row */
/** @typedef {import('../../extension/shared/protocol.js').StatusView} StatusView */

/**
 * @param {Partial<Row>} over
 * @returns {Row}
 */
function row(over) {
  return {
    id: 'x', kind: 'toggle', state: 'unchecked', applies: true, status: 'unchecked', seenAt: null, reason: null,
    importedAt: null, turnedBackOn: false, turnedBackOnAt: null, url: 'https://www.linkedin.com/x', title: 'X',
    label: 'X', why: 'why', importance: 5, category: 'privacy', ...over,
  };
}

/**
 * @param {Row[]} rows
 * @param {Partial<StatusView>} [over]
 * @returns {StatusView}
 */
function view(rows, over = {}) {
  return {
    region: 'eu', regionChosen: true, setupDone: true, lang: 'en',
    badge: { text: '', color: '', textColor: '', kind: 'done', count: 0 },
    rows, remaining: 0, total: rows.length, allDone: false, toCheck: false, checkMinutes: 0,
    snoozeUntil: null, dismissAll: false, guideActive: false, next: null, recheckDays: 90,
    nudge: false, nudgeDue: false, nudgeClosed: false, accountKnown: false, otherAccounts: 0, accountUncertain: false,
    unknownSettings: [], problems: [], ...over,
  };
}

test('data-state / data-status never turn unknown input into "off"', () => {
  assert.equal(rowStateAttr(row({ state: 'on' })), 'on');
  assert.equal(rowStateAttr(row({ state: 'off' })), 'off');
  assert.equal(rowStateAttr(/** @type {any} */ ({ state: 'weird' })), 'unknown');
  assert.equal(rowStateAttr(/** @type {any} */ ({})), 'unknown');
  assert.equal(rowStatusAttr(row({ status: 'notInRegion' })), 'notInRegion');
  assert.equal(rowStatusAttr(/** @type {any} */ ({ status: 'bogus' })), 'unknown');
});

test('every status has a pill with text key, tone and icon; only "off" is green', () => {
  /** @type {Array<Row['status']>} */
  const all = ['on', 'off', 'unknown', 'unchecked', 'recheck', 'dismissed', 'notInRegion'];
  for (const status of all) {
    const p = pillFor(row({ status }));
    assert.ok(p.key.startsWith('pill'), status);
    assert.ok(p.icon, status);
    if (status !== 'off') assert.notEqual(p.tone, 'done', status);
  }
  assert.deepEqual(pillFor(row({ status: 'on' })), { key: 'pillOn', tone: 'attention', icon: 'alert' });
  assert.equal(pillFor(row({ status: 'unchecked' })).key, 'pillUnchecked');
  assert.equal(pillFor(row({ status: 'recheck' })).key, 'pillRecheck');
  assert.equal(pillFor(/** @type {any} */ ({ status: '??' })).key, 'pillUnknown');
});

test('groupRows: importance order, forms optional, non-applicable last', () => {
  const rows = [
    row({ id: 'c', importance: 3 }),
    row({ id: 'form', kind: 'form', importance: 2 }),
    row({ id: 'away', applies: false, status: 'notInRegion', importance: 1 }),
    row({ id: 'a', importance: 1 }),
    row({ id: 'b', importance: 3 }),
  ];
  const g = groupRows(rows);
  assert.deepEqual(g.main.map((r) => r.id), ['a', 'c', 'b']);
  assert.deepEqual(g.optional.map((r) => r.id), ['form']);
  assert.deepEqual(g.elsewhere.map((r) => r.id), ['away']);
  // every row lands in exactly one group
  assert.equal(g.main.length + g.optional.length + g.elsewhere.length, rows.length);
});

test('summarize: on beats unchecked; nothing read yet is "N to check · about M min" (neutral); done only when all seen off', () => {
  assert.deepEqual(
    summarize(view([row({ id: 'a', state: 'on', status: 'on' }), row({ id: 'b' })])),
    { tone: 'attention', key: 'summaryOn', count: 1, detailKey: 'summaryMoreToCheck', detailCount: 1 },
  );
  assert.deepEqual(summarize({ ...view([row({ id: 'a' }), row({ id: 'b' })]), checkMinutes: 1 }),
    { tone: 'neutral', key: 'summaryToCheck', count: 2, detailKey: 'summaryToCheckDetail', detailCount: 1 });
  // One off, the other never read: still only "to check", not a warning.
  const started = summarize(view([row({ id: 'a', state: 'off', status: 'off' }), row({ id: 'b' })]));
  assert.deepEqual([started.tone, started.key, started.count], ['neutral', 'summaryToCheck', 1]);
  const mixed = summarize(view([row({ id: 'a', state: 'off', status: 'off' }), row({ id: 'b', state: 'unknown', status: 'unknown' })]));
  assert.equal(mixed.key, 'summaryToCheck');
  assert.equal(mixed.count, 1);
  assert.equal(summarize(view([row({ id: 'a', state: 'off', status: 'recheck' })])).tone, 'unchecked');
  assert.equal(summarize(view([row({ id: 'a', state: 'off', status: 'off' })])).key, 'summaryDone');
  // dismissed and not-in-region rows do not count; forms never count
  const quiet = view([
    row({ id: 'a', state: 'off', status: 'off' }),
    row({ id: 'b', state: 'on', status: 'dismissed' }),
    row({ id: 'c', state: 'on', applies: false, status: 'notInRegion' }),
    row({ id: 'f', kind: 'form' }),
  ]);
  assert.equal(summarize(quiet).key, 'summaryDone');
  assert.equal(summarize(view([])).key, 'summaryNothing');
});

test('pluralKey picks _one / _other per language', () => {
  assert.equal(pluralKey('summaryOn', 1, 'en'), 'summaryOn_one');
  assert.equal(pluralKey('summaryOn', 3, 'en'), 'summaryOn_other');
  assert.equal(pluralKey('summaryOn', 1, 'de'), 'summaryOn_one');
  assert.equal(pluralKey('summaryOn', 2, 'de'), 'summaryOn_other');
  assert.equal(pluralKey('summaryOn', 2, 'not a locale!!'), 'summaryOn_other');
});

test('relativeTime in the UI language; null for missing or sub-minute', () => {
  const now = Date.UTC(2026, 10, 20, 12);
  const H = 3600_000;
  const D = 24 * H;
  assert.equal(relativeTime(null, now, 'en'), null);
  assert.equal(relativeTime(0, now, 'en'), null);
  assert.equal(relativeTime(now - 10_000, now, 'en'), null);
  assert.ok(isJustNow(now - 10_000, now));
  assert.ok(!isJustNow(null, now));
  assert.equal(relativeTime(now - 20 * 60_000, now, 'en'), '20 minutes ago');
  assert.equal(relativeTime(now - 2 * H, now, 'en'), '2 hours ago');
  assert.equal(relativeTime(now - 3 * D, now, 'en'), '3 days ago');
  assert.equal(relativeTime(now - 3 * D, now, 'de'), 'vor 3 Tagen');
  assert.equal(relativeTime(now - 9 * D, now, 'en'), '1 week ago');
  assert.equal(relativeTime(now - 40 * D, now, 'en'), '1 month ago');
  assert.equal(relativeTime(now - 100 * D, now, 'de'), 'vor 3 Monaten');
  assert.equal(relativeTime(now - 800 * D, now, 'en'), '2 years ago');
  assert.equal(relativeTime(now - 3 * D, now, 'xx-invalid-@@'), '3 days ago');
});

test('formatDate uses the language', () => {
  const ts = Date.UTC(2026, 11, 2, 12);
  assert.match(formatDate(ts, 'de'), /Dezember/);
  assert.match(formatDate(ts, 'en'), /December/);
});

test('regions and re-check choices', () => {
  assert.deepEqual(REGIONS.map((r) => r.id), ['eu', 'uk', 'row']);
  assert.equal(regionKey('eu'), 'regionEu');
  assert.equal(regionKey('uk'), 'regionUk');
  assert.equal(regionKey('row'), 'regionRow');
  assert.equal(regionKey('mars'), 'regionRow');
  assert.deepEqual([...RECHECK_DAYS], [30, 60, 90, 180]);
});

test('reminderState', () => {
  const now = 1_000_000;
  assert.equal(reminderState({ snoozeUntil: null, dismissAll: false }, now), 'active');
  assert.equal(reminderState({ snoozeUntil: now + 1, dismissAll: false }, now), 'snoozed');
  assert.equal(reminderState({ snoozeUntil: now - 1, dismissAll: false }, now), 'active');
  assert.equal(reminderState({ snoozeUntil: now + 1, dismissAll: true }, now), 'off');
  // A nudge closed on LinkedIn (until the browser restarts) shows as such, below "off" and "snoozed".
  assert.equal(reminderState({ snoozeUntil: null, dismissAll: false, nudgeClosed: true }, now), 'closed');
  assert.equal(reminderState({ snoozeUntil: now + 1, dismissAll: false, nudgeClosed: true }, now), 'snoozed');
  assert.equal(reminderState({ snoozeUntil: null, dismissAll: true, nudgeClosed: true }, now), 'off');
});

test('problemMessage maps codes to keys and keeps free text', () => {
  assert.deepEqual(problemMessage('stateReset'), { key: 'problemStateReset', text: 'stateReset' });
  assert.deepEqual(problemMessage('state-reset'), { key: 'problemStateReset', text: 'state-reset' });
  assert.deepEqual(problemMessage('Stored data was damaged'), { key: null, text: 'Stored data was damaged' });
  assert.deepEqual(problemMessage({ code: 'stateReset', message: 'm' }), { key: 'problemStateReset', text: 'm' });
});
