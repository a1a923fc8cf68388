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

test('state round trip: observe, status, advice, events', () => {
  const fresh = core.loadState(undefined);
  assert.deepEqual(fresh.problems, []);
  const snapshot = {
    v: 1, url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', lang: 'de',
    controls: [{ kind: 'checkbox', name: '', keys: ['allowDataForGenerativeAI'], checked: true, visible: true, settled: true }],
  };
  const { state, detection, advice } = core.page(fresh.state, snapshot, env, T0);
  assert.equal(detection.page.setting, 'gen-ai-improvement');
  const view = core.statusView(state, env, T0, []);
  const row = view.rows.find((/** @type {any} */ r) => r.id === 'gen-ai-improvement');
  assert.equal(row.state, 'on');
  assert.equal(view.badge.kind, 'attention');
  assert.equal(advice.banner.mode, 'guide');
  assert.equal(advice.banner.status, 'on');
  assert.equal(advice.banner.lang, 'de');
  const snoozed = core.applyEvent(state, { type: 'snooze', duration: 'week' }, env, T0);
  assert.equal(core.statusView(snoozed, env, T0, []).badge.kind, 'quiet');
  assert.equal(core.nextWake(snoozed, env, T0), T0 + 7 * 24 * 3600 * 1000);
  assert.throws(() => core.applyEvent(state, { type: 'dismiss', setting: 'nope' }, env, T0));
  assert.throws(() => core.applyEvent(state, { type: 'explode' }, env, T0));
});

test('the reminder card on ordinary pages: once a local day, a card on screen stays, × until the next local midnight', () => {
  const feed = { v: 1, url: 'https://www.linkedin.com/feed/', lang: 'en', heading: '', controls: [] };
  // New York (UTC-5): T0 is 11:00 there; the next local midnight is 05:00 UTC tomorrow.
  const ny = { ...env, utcOffset: -300 };
  const midnight = T0 - ((T0 - 300 * 60_000) % DAY) + DAY;
  let { state, advice } = core.page(core.loadState(undefined).state, feed, ny, T0);
  assert.equal(advice.banner?.mode, 'nudge', 'first ordinary page of the day');
  assert.equal(core.statusView(state, ny, T0, []).nudge, false, 'no card script for the rest of the day');
  assert.equal(core.page(state, feed, ny, T0 + 1).advice.banner, null, 'the next load is quiet');
  assert.equal(core.page(state, feed, ny, T0 + 2, true).advice.banner?.mode, 'nudge', 'the card on screen stays');
  assert.equal(core.nextWake(state, ny, T0), midnight, 'the worker wakes at local midnight');
  assert.equal(core.page(state, feed, ny, midnight - 1).advice.banner, null);
  assert.equal(core.page(state, feed, ny, midnight).advice.banner?.mode, 'nudge', 'a new local day');
  state = core.applyEvent(state, { type: 'closeNudge' }, ny, T0 + 3);
  assert.equal(core.page(state, feed, ny, T0 + 4, true).advice.banner, null, '× takes it away, also where it is on screen');
  assert.equal(core.statusView(state, ny, T0 + 4, []).nudgeClosed, true);
  state = core.applyEvent(state, { type: 'unsnooze' }, ny, T0 + 5);
  assert.equal(core.page(state, feed, ny, T0 + 6).advice.banner?.mode, 'nudge', '"remind me again": the very next load');
  assert.throws(() => core.statusView(state, { ...env, utcOffset: 24 * 60 }, T0, []), /utcOffset/);
});

test('damaged storage is reported with a backup, never as off', () => {
  const loaded = core.loadState('{"schema":1,"settings":{"gen-ai-improvement":{"state":"of');
  assert.ok(loaded.backup);
  assert.equal(loaded.problems.length, 1);
  const view = core.statusView(loaded.state, env, T0, loaded.problems);
  assert.ok(view.rows.every((/** @type {any} */ r) => r.state === 'unchecked'));
  assert.deepEqual(view.problems, loaded.problems);
});
