// @ts-check
// The same detection cases as the native Rust tests, through the WASM API the worker uses, plus the
// worker-facing state functions. Needs `./build.sh` (extension/pkg) first; `./build.sh test` does that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const core = await import(join(root, 'extension', 'worker', 'core.js'));
core.initSync({ module: readFileSync(join(root, 'extension', 'pkg', 'optout_pilot_core_bg.wasm')) });

/** @type {{name: string, snapshot: unknown, expect: {page: string, setting: string|null, states: Record<string,string>, reasons?: Record<string,string>, controls?: Record<string,number>}}[]} */
const cases = JSON.parse(readFileSync(join(root, 'tests', 'cases', 'detection.json'), 'utf8'));
const env = { uiLang: 'de-DE', timeZone: 'Europe/Berlin' };
const T0 = 1_764_000_000_000;
const DAY = 24 * 3600 * 1000;

for (const c of cases) {
  test(`detect through wasm: ${c.name}`, () => {
    const detection = core.detect(c.snapshot);
    assert.equal(detection.page.kind, c.expect.page);
    assert.equal(detection.page.setting, c.expect.setting);
    const states = Object.fromEntries(detection.findings.map((/** @type {any} */ f) => [f.setting, f.state]));
    assert.deepEqual(states, c.expect.states);
    for (const [setting, index] of Object.entries(c.expect.controls ?? {})) {
      assert.equal(detection.findings.find((/** @type {any} */ f) => f.setting === setting).control, index);
    }
    for (const [setting, reason] of Object.entries(c.expect.reasons ?? {})) {
      assert.equal(detection.findings.find((/** @type {any} */ f) => f.setting === setting).reason, reason);
    }
  });
}

test('detect never throws on values JS can send', () => {
  for (const value of [undefined, null, 0, 'x', [], { controls: [null, 1, 'a'] }, { url: {} }, new Map()]) {
    const detection = core.detect(value);
    assert.equal(detection.page.kind, 'notLinkedin');
  }
});

const AI_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
/** Salted keys as the worker makes them (account.js): of two handles and a name. */
const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);
const NAME_A = 'c'.repeat(64);
/** The AI setting's page, showing account A (as the worker passes it on). @param {Record<string, unknown>} [control] */
const aiPage = (control = {}) => ({
  v: 1, url: AI_URL, lang: 'de', account: KEY_A,
  controls: [{ kind: 'checkbox', name: '', keys: ['allowDataForGenerativeAI'], checked: true, visible: true, settled: true, ...control }],
});

/** A first run's reply (nothing stored). */
const fresh = () => core.status(undefined, [], env, T0);

test('one call per page report: state, advice, status view and wake-up in one reply', () => {
  const reply = core.page(undefined, [], aiPage(), env, T0);
  assert.deepEqual(Object.keys(reply).sort(), ['advice', 'backup', 'cardsChanged', 'changed', 'problems', 'state', 'status', 'wake']);
  assert.equal(reply.changed, true);
  assert.equal(reply.backup, false);
  assert.equal(reply.state.settings['gen-ai-improvement'].state, 'on');
  const row = reply.status.rows.find((/** @type {any} */ r) => r.id === 'gen-ai-improvement');
  assert.equal(row.state, 'on');
  assert.equal(reply.status.badge.kind, 'attention');
  assert.equal(reply.advice.banner.mode, 'guide');
  assert.equal(reply.advice.banner.status, 'on');
  assert.equal(reply.advice.banner.lang, 'de');
  assert.ok(!('detection' in reply), 'no reply field nobody reads');
  // The same report again changes nothing: no status view to draw (the badge shows it already).
  const quiet = core.page(reply.state, [], aiPage(), env, T0);
  assert.equal(quiet.changed, false);
  assert.deepEqual(Object.keys(quiet).sort(), ['advice', 'backup', 'cardsChanged', 'changed', 'problems', 'state']);
  assert.equal(quiet.advice.banner.status, 'on');
  const snoozed = core.event(reply.state, [], { type: 'snooze', duration: 'week' }, env, T0);
  assert.equal(snoozed.error, undefined);
  assert.equal(snoozed.status.badge.kind, 'quiet');
  assert.equal(snoozed.wake, T0 + 7 * 24 * 3600 * 1000);
  for (const refused of [{ type: 'dismiss', setting: 'nope' }, { type: 'explode' }, { type: 'snooze' }, null, 'snooze']) {
    const out = core.event(reply.state, [], refused, env, T0);
    assert.match(out.error, /./, `refused: ${JSON.stringify(refused)}`);
    assert.equal(out.changed, false, 'a refused event changes nothing');
    assert.deepEqual(out.state, reply.state);
  }
  assert.equal(core.pageKind(AI_URL), 'setting');
  assert.equal(core.pageKind('https://www.linkedin.com/mypreferences/d/categories/privacy'), 'hub');
  assert.equal(core.pageKind('https://www.linkedin.com/feed/'), 'linkedin');
  assert.equal(core.pageKind('https://example.com/'), 'notLinkedin');
  assert.equal(core.maxImportChars(), 256 * 1024);
});

test('the reminder card on ordinary pages: once a local day, a card on screen stays, × until the next local midnight', () => {
  const feed = { v: 1, url: 'https://www.linkedin.com/feed/', lang: 'en', heading: '', controls: [] };
  // New York (UTC-5): T0 is 11:00 there; the next local midnight is 05:00 UTC tomorrow.
  const ny = { ...env, utcOffset: -300 };
  const midnight = T0 - ((T0 - 300 * 60_000) % DAY) + DAY;
  const first = core.page(undefined, [], feed, ny, T0);
  let state = first.state;
  assert.equal(first.advice.banner?.mode, 'nudge', 'first ordinary page of the day');
  assert.equal(first.status.nudge, false, 'no card script for the rest of the day');
  assert.equal(first.wake, midnight, 'the worker wakes at local midnight');
  assert.equal(core.page(state, [], feed, ny, T0 + 1).advice.banner, null, 'the next load is quiet');
  assert.equal(core.page(state, [], feed, ny, T0 + 2, true).advice.banner?.mode, 'nudge', 'the card on screen stays');
  assert.equal(core.page(state, [], feed, ny, midnight - 1).advice.banner, null);
  assert.equal(core.page(state, [], feed, ny, midnight).advice.banner?.mode, 'nudge', 'a new local day');
  const closed = core.event(state, [], { type: 'closeNudge' }, ny, T0 + 3);
  state = closed.state;
  assert.equal(core.page(state, [], feed, ny, T0 + 4, true).advice.banner, null, '× takes it away, also where it is on screen');
  assert.equal(core.status(state, [], ny, T0 + 4).status.nudgeClosed, true);
  state = core.event(state, [], { type: 'unsnooze' }, ny, T0 + 5).state;
  assert.equal(core.page(state, [], feed, ny, T0 + 6).advice.banner?.mode, 'nudge', '"remind me again": the very next load');
  assert.throws(() => core.status(state, [], { ...env, utcOffset: 24 * 60 }, T0), /utcOffset/);
});

test('the reply says when what the reminder cards say changed, from stored state alone (the cards in other tabs ask again)', () => {
  const on = core.page(undefined, [], aiPage(), env, T0);
  assert.equal(on.changed, true);
  assert.equal(on.cardsChanged, false, 'seen on: still open, still next');
  assert.equal(core.page(on.state, [], aiPage(), env, T0 + 1).cardsChanged, false, 'seen again');
  const off = core.page(on.state, [], aiPage({ checked: false }), env, T0 + 2);
  assert.equal(off.cardsChanged, true, 'one fewer, another one next');
  const snoozed = core.event(off.state, [], { type: 'snooze', duration: 'day' }, env, T0 + 3);
  assert.equal(snoozed.cardsChanged, true, 'no reminder due any more');
  assert.equal(core.event(snoozed.state, [], { type: 'snooze', duration: 'week' }, env, T0 + 4).cardsChanged, false, 'still none');
  assert.equal(core.event(snoozed.state, [], { type: 'unsnooze' }, env, T0 + 5).cardsChanged, true, 'the reminder back');
  assert.equal(core.event(off.state, [], { type: 'closeNudge' }, env, T0 + 3).cardsChanged, true, '× in one tab');
  assert.equal(core.event(off.state, [], { type: 'dismiss', setting: 'nope' }, env, T0 + 3).cardsChanged, false, 'refused');
  const signIn = core.event(off.state, [], { type: 'signInPage' }, env, T0 + 3);
  assert.equal(signIn.changed, true);
  assert.notEqual(signIn.status.remaining, core.status(off.state, [], env, T0 + 3).status.remaining, 'only what is held is shown');
  assert.equal(signIn.cardsChanged, false, 'a sign-in page reaches no card: its report would name the account seen before');
});

test('damaged storage is reported with a backup, never as off', () => {
  for (const stored of ['{"schema":1,"settings":{"gen-ai-improvement":{"state":"of', 42, null, [1, 2], '"text"', { schema: 9 }]) {
    const reply = core.status(stored, ['earlier'], env, T0);
    assert.equal(reply.backup, true, JSON.stringify(stored));
    assert.equal(reply.problems.length, 2, 'the earlier problem is kept, the new one added');
    assert.ok(reply.status.rows.every((/** @type {any} */ r) => r.state === 'unchecked'));
    assert.deepEqual(reply.status.problems, reply.problems);
  }
  // One damaged reading: reported, backed up, the rest kept; nothing becomes "off".
  const partial = core.status({ schema: 2, setupDone: true, settings: {
    'gen-ai-improvement': { state: 'off', seenAt: 'yesterday', changedAt: T0 },
    'ads-age': { state: 'off', seenAt: T0, changedAt: T0 },
  } }, [], env, T0);
  assert.equal(partial.backup, true);
  assert.deepEqual(partial.problems, ['statePartial']);
  assert.equal(partial.state.setupDone, true);
  assert.equal(partial.state.settings['gen-ai-improvement'], undefined);
  assert.equal(partial.state.settings['ads-age'].state, 'off');
  // A damaged choice falls back to its default and is reported.
  const choice = core.status({ schema: 2, setupDone: 'yes', recheckDays: 30 }, [], env, T0);
  assert.deepEqual(choice.problems, ['stateChoicesReset']);
  assert.equal(choice.state.setupDone, false);
  assert.equal(choice.state.recheckDays, 30);
});

test('a reading whose account is uncertain is held for the next account shown, never given to the last one', () => {
  const row = (/** @type {any} */ reply) => reply.status.rows.find((/** @type {any} */ r) => r.id === 'gen-ai-improvement');
  // A: off, with A's name.
  const a = core.page(undefined, [], { ...aiPage({ checked: false }), accountName: NAME_A }, env, T0);
  assert.equal(a.state.account, KEY_A);
  assert.deepEqual(a.state.names, [`${KEY_A}:${NAME_A}`]);
  assert.equal(a.status.accountKnown, true);
  // A sign-in or sign-out page: the account may change; the popup shows none of A's readings.
  const out = core.event(a.state, [], { type: 'signInPage' }, env, T0 + 1);
  assert.equal(out.status.accountUncertain, true);
  assert.equal(row(out).state, 'unchecked');
  assert.notEqual(out.status.badge.text, '✓');
  // A settings page that does not show the account: held (shown as seen since), A's off untouched.
  const { account: _a, ...noAccount } = aiPage();
  const held = core.page(out.state, [], noAccount, env, T0 + 2);
  assert.equal(held.state.settings['gen-ai-improvement'].state, 'off');
  assert.equal(held.state.held.settings['gen-ai-improvement'].state, 'on');
  assert.equal(row(held).state, 'on');
  // A page whose signals disagree is no account's either.
  const conflict = core.page(held.state, [], { ...noAccount, url: 'https://www.linkedin.com/feed/', accountConflict: true }, env, T0 + 3);
  assert.equal(conflict.state.account, KEY_A);
  assert.ok(conflict.state.accountCheck);
  // B is shown: the held reading is B's; A's off stays A's.
  const b = core.page(conflict.state, [], { ...noAccount, url: 'https://www.linkedin.com/feed/', account: KEY_B }, env, T0 + 4);
  assert.equal(b.state.account, KEY_B);
  assert.equal(b.state.settings['gen-ai-improvement'].state, 'on');
  assert.equal(b.state.others[KEY_A].settings['gen-ai-improvement'].state, 'off');
  assert.equal(b.state.held, undefined);
  assert.equal(b.status.accountUncertain, false);
  // Held readings go stale: a day later they are gone, even before any account is shown.
  const later = core.status(held.state, [], env, T0 + 2 + DAY + 1);
  assert.equal(later.changed, true);
  assert.equal(later.state.held, undefined);
  assert.equal(row(later).state, 'unchecked');
});

test('stored state round trip: an object out reads back as itself; old JSON text is migrated', () => {
  const seen = core.page(undefined, [], aiPage({ checked: false }), env, T0);
  assert.equal(seen.state.settings['gen-ai-improvement'].state, 'off');
  const again = core.status(seen.state, [], env, T0);
  assert.equal(again.changed, false, 'reading what the core wrote changes nothing');
  assert.equal(again.backup, false);
  assert.deepEqual(again.state, seen.state);
  // Through structured clone and JSON, as storage.local keeps it.
  assert.deepEqual(core.status(JSON.parse(JSON.stringify(seen.state)), [], env, T0).state, seen.state);
  const text = core.status(JSON.stringify(seen.state), [], env, T0);
  assert.equal(text.backup, false, 'JSON text from an earlier version is read');
  assert.deepEqual(text.state, seen.state);
  const v1 = core.status(JSON.stringify({ schema: 1, region: 'eu', setupDone: true }), [], env, T0);
  assert.equal(v1.state.schema, 2);
  assert.equal(v1.state.region, 'eu');
  assert.equal(fresh().state.schema, 2);
  // Import: the exported state reads back, marked as imported; a file with unknown settings is refused.
  const now = Date.UTC(2026, 11, 1);
  const exported = core.page(undefined, [], aiPage({ checked: false }), env, now).state;
  const imported = core.importState(exported, now + 1000);
  assert.equal(imported.state.settings['gen-ai-improvement'].importedAt, now + 1000);
  assert.deepEqual(core.importState({ ...exported, dismissed: ['nope'] }, now).problems, ['importUnknownSettings']);
  assert.ok(core.importState(null, now).problems.length > 0, 'null is not a state');
});

test('hostile values: wrong types, huge strings, deep nesting, lone surrogates give a safe result', () => {
  /** @type {any} */
  let deep = {};
  const root = deep;
  for (let i = 0; i < 100_000; i++) {
    const next = { list: [] };
    deep.x = next;
    deep = next;
  }
  const huge = 'ä'.repeat(5_000_000);
  const lone = 'Daten\uD800 zur\uDC00';
  const snapshots = [
    { ...aiPage(), extra: root },
    { ...aiPage(), url: huge },
    { ...aiPage(), title: huge, heading: huge, lang: huge },
    aiPage({ name: huge, context: huge, keys: Array(100_000).fill('allowDataForGenerativeAI') }),
    aiPage({ name: lone, keys: [lone], extra: root }),
    { ...aiPage(), url: `${AI_URL}${lone}` },
    aiPage({ checked: 'true' }),
    aiPage({ checked: 1 }),
    aiPage({ visible: 'yes' }),
    aiPage({ section: 1.5 }),
    aiPage({ section: -1 }),
    aiPage({ keys: 'allowDataForGenerativeAI' }),
    aiPage({ keys: [root] }),
    { ...aiPage(), controls: root },
    { ...aiPage(), controls: Array(20_000).fill(aiPage().controls[0]) },
    { ...aiPage(), v: 1e300 },
    { ...aiPage(), v: '1' },
  ];
  for (const [i, snapshot] of snapshots.entries()) {
    const reply = core.page(undefined, [], snapshot, env, T0);
    const seen = reply.state.settings['gen-ai-improvement'];
    // Anything unreadable is never an "off"; a control that cannot be read says nothing.
    assert.notEqual(seen?.state, 'off', `snapshot ${i}`);
    assert.ok(!reply.status || reply.status.rows.length > 0);
  }
  // Wrong types in a control make it unreadable: no reading at all (not on, not off).
  for (const bad of [{ checked: 'true' }, { visible: 'yes' }, { keys: 'allowDataForGenerativeAI' }, { section: 1.5 }]) {
    const detection = core.detect(aiPage(bad));
    assert.notEqual(detection.findings.find((/** @type {any} */ f) => f.setting === 'gen-ai-improvement')?.state, 'on', JSON.stringify(bad));
    assert.ok(detection.problems.some((/** @type {string} */ p) => /unreadable controls/.test(p)), JSON.stringify(bad));
  }
  // Huge strings are bounded after decoding; deep nesting in unknown fields is never walked.
  const bounded = core.detect({ ...aiPage(), title: huge, extra: root });
  assert.equal(bounded.page.setting, 'gen-ai-improvement');
  const lonely = core.detect(aiPage({ name: lone }));
  assert.equal(lonely.findings[0].state, 'on', 'a lone surrogate in a name costs nothing');
  // Stored state: hostile values in every field; never a throw, never an invented "off".
  for (const stored of [{ schema: 2, settings: root }, { schema: 2, others: root }, { schema: 2, extras: { [lone]: { url: huge, state: 'off', firstSeen: T0, lastSeen: T0 } } },
    { schema: 2, settings: { 'gen-ai-improvement': { state: 'off', seenAt: T0, changedAt: T0, reason: root } } },
    { schema: 2, settings: { 'gen-ai-improvement': { state: ['off'], seenAt: T0, changedAt: T0 } } },
    { schema: 2, dismissed: Array(50_000).fill(root) }, { schema: 2, account: huge }, { schema: Number.MAX_VALUE }]) {
    const reply = core.status(stored, [], env, T0);
    assert.equal(typeof reply.backup, 'boolean');
  }
  // Events and the env: wrong types are refused, not crashes.
  for (const [i, event] of [{ type: root }, { type: 'setRecheckDays', days: 1e300 }, { type: 'setRecheckDays', days: '30' }, { type: 'dismiss', setting: root }, { type: lone }].entries()) {
    assert.match(core.event(undefined, [], event, env, T0).error, /./, `event ${i}`);
  }
  assert.throws(() => core.status(undefined, [], { utcOffset: root }, T0), /env/);
  assert.throws(() => core.status(undefined, [], 'de', T0), /env/);
  // Still alive after all of it.
  assert.equal(core.page(undefined, [], aiPage(), env, T0).advice.banner.status, 'on');
});
