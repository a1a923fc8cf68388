// @ts-check
// extension/worker/content-scripts.js against a fake chrome.scripting: the nudge bundle is registered exactly
// while wanted, in call order, where watch.js goes (read from the manifest), re-registered when an update moved
// it, and retried after a failure; the guide is injected once per frame, never twice concurrently; the cards in
// other LinkedIn tabs are asked to check again.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const watchEntry = manifest.content_scripts.find((/** @type {any} */ c) => c.js.includes('content/watch.js'));

/** A fake of the parts of chrome.scripting the module uses, with a call log. */
function fakeChrome() {
  /** @type {Map<string, any>} */
  const registered = new Map();
  /** @type {string[]} */
  const log = [];
  const fake = {
    registered, log, failNext: '', started: false, /** @type {number} */ delay: 0,
    /** @type {number|null} */ failTab: null, /** @type {any[]|null} */ queried: null,
    /** @type {Record<number, any>} the bundles' shared record in each tab */ worlds: {},
    /** @type {any[]} */ openTabs: [],
    /** @type {Set<string>} documents that are no longer in their frame */ goneDocuments: new Set(),
    runtime: { getManifest: () => manifest },
    tabs: {
      query: async (/** @type {any} */ q) => {
        fake.queried = q.url;
        if (fake.failNext === 'query') throw new Error('no tabs');
        return fake.openTabs;
      },
    },
    scripting: {
      getRegisteredContentScripts: async (/** @type {{ids?: string[]}} */ f) => {
        log.push('get');
        return [...registered.values()].filter((s) => !f?.ids || f.ids.includes(s.id)).map((s) => structuredClone(s));
      },
      registerContentScripts: async (/** @type {any[]} */ list) => {
        log.push('register');
        if (fake.failNext === 'register') { fake.failNext = ''; throw new Error('boom'); }
        await new Promise((r) => setTimeout(r, fake.delay));
        for (const s of list) {
          if (registered.has(s.id)) throw new Error(`duplicate id ${s.id}`);
          registered.set(s.id, structuredClone(s));
        }
      },
      unregisterContentScripts: async (/** @type {{ids: string[]}} */ f) => {
        log.push('unregister');
        for (const id of f.ids) {
          if (!registered.delete(id)) throw new Error(`no script ${id}`);
        }
      },
      executeScript: async (/** @type {any} */ o) => {
        if (o.func && o.func.name === 'recheckInPage') {
          log.push(`recheck ${o.target.tabId}`);
          if (fake.failTab === o.target.tabId) throw new Error('Frame with ID 0 is showing error page');
          // Run it as the browser would in that tab's isolated world (a self-contained function).
          // (The bundles' shared record: extension/content/loaded-bundles.js.)
          const key = Symbol.for('optout-pilot.bundles');
          const g = /** @type {any} */ (globalThis);
          const saved = g[key];
          g[key] = fake.worlds[o.target.tabId];
          try { o.func(); } finally { g[key] = saved; }
          return [{ result: undefined }];
        }
        // As Chromium: frameIds and documentIds together are refused; a document that is gone is refused.
        if (o.target.frameIds && o.target.documentIds) throw new Error('Cannot specify both \'frameIds\' and \'documentIds\'.');
        const where = o.target.documentIds ? `doc:${o.target.documentIds}` : o.target.frameIds;
        if (o.target.documentIds && fake.goneDocuments.has(o.target.documentIds[0])) {
          log.push(`refused ${o.target.tabId}/${where}`);
          throw new Error(`No document with id ${o.target.documentIds[0]} in tab with id ${o.target.tabId}`);
        }
        log.push(o.files ? `inject ${o.files.join(',')} ${o.target.tabId}/${where}` : 'probe');
        await new Promise((r) => setTimeout(r, 5));
        if (o.files) { fake.started = true; return [{ result: undefined }]; }
        return [{ result: fake.started }];
      },
    },
  };
  return fake;
}

/** @type {ReturnType<typeof fakeChrome>} */
let fake;
/** @type {typeof import('../../extension/worker/content-scripts.js')} */
let mod;
let n = 0;
beforeEach(async () => {
  fake = fakeChrome();
  /** @type {any} */ (globalThis).chrome = fake;
  // A fresh module instance per test (the module keeps what it knows about the registration).
  mod = await import(`../../extension/worker/content-scripts.js?fresh=${n++}`);
});

test('registers the nudge bundle where watch.js goes, once; unregisters it when not wanted', async () => {
  await mod.syncNudgeScript(true);
  await mod.syncNudgeScript(true);
  const s = fake.registered.get('nudge');
  assert.ok(s, 'registered');
  assert.deepEqual(s.js, ['content/nudge.js']);
  assert.deepEqual(s.matches, watchEntry.matches);
  assert.deepEqual(s.excludeMatches, watchEntry.exclude_matches);
  assert.equal(s.runAt, 'document_start');
  assert.equal(s.allFrames, false);
  assert.equal(s.persistAcrossSessions, true);
  assert.deepEqual(fake.log, ['get', 'register'], 'the second call changes nothing and asks nothing');
  await mod.syncNudgeScript(false);
  assert.equal(fake.registered.size, 0);
  await mod.syncNudgeScript(false);
  assert.deepEqual(fake.log, ['get', 'register', 'unregister']);
});

test('calls apply in order even when issued together: the last one wins', async () => {
  fake.delay = 20;
  const all = [mod.syncNudgeScript(true), mod.syncNudgeScript(false), mod.syncNudgeScript(true), mod.syncNudgeScript(false)];
  await Promise.all(all);
  assert.equal(fake.registered.size, 0);
  assert.deepEqual(fake.log, ['get', 'register', 'unregister', 'register', 'unregister']);
});

test('a registration left by an older version that went elsewhere is replaced', async () => {
  fake.registered.set('nudge', { id: 'nudge', js: ['content/old.js'], matches: ['https://www.linkedin.com/feed/*'], runAt: 'document_idle' });
  await mod.syncNudgeScript(true);
  assert.deepEqual(fake.registered.get('nudge').js, ['content/nudge.js']);
  assert.deepEqual(fake.log, ['get', 'unregister', 'register']);
});

test('a matching registration from before (browser restart) is kept; Firefox\'s "/"-prefixed paths count as the same', async () => {
  fake.registered.set('nudge', { id: 'nudge', js: ['/content/nudge.js'], matches: watchEntry.matches,
    excludeMatches: watchEntry.exclude_matches, runAt: 'document_start', allFrames: false });
  await mod.syncNudgeScript(true);
  assert.deepEqual(fake.log, ['get']);
});

test('a failed registration is retried by the next call (the module asks the browser again)', async () => {
  fake.failNext = 'register';
  await mod.syncNudgeScript(true); // logs, does not throw
  assert.equal(fake.registered.size, 0);
  await mod.syncNudgeScript(true);
  assert.ok(fake.registered.has('nudge'));
  assert.deepEqual(fake.log, ['get', 'register', 'get', 'register']);
});

test('the guide is injected once per frame, even when two asks arrive together; not again where it runs', async () => {
  await Promise.all([mod.injectGuide(7, 0), mod.injectGuide(7, 0)]);
  assert.deepEqual(fake.log, ['probe', 'inject content/guide.js 7/0', 'probe']);
  await mod.injectGuide(7, 0);
  assert.equal(fake.log.filter((l) => l.startsWith('inject')).length, 1);
});

test('the guide goes into the document that asked (documentId), or nowhere when that document is gone', async () => {
  await mod.injectGuide(7, 0, 'DOC-A');
  assert.deepEqual(fake.log, ['probe', 'inject content/guide.js 7/doc:DOC-A'], 'targets the document, not the frame');
  fake.log.length = 0;
  fake.started = false;
  fake.goneDocuments.add('DOC-B');
  await assert.rejects(mod.injectGuide(7, 0, 'DOC-B'), /No document/);
  assert.deepEqual(fake.log, ['refused 7/doc:DOC-B'], 'nothing runs in the page that replaced it');
  fake.log.length = 0;
  await mod.injectGuide(7, 0);
  assert.deepEqual(fake.log, ['probe', 'inject content/guide.js 7/0'], 'without a documentId (Firefox): the frame');
});

test('re-check: every open LinkedIn tab but the sender runs its card\'s recheck; failures and odd tabs are skipped', async () => {
  /** @type {number[]} */
  const rechecked = [];
  const world = (/** @type {number} */ id) => ({ recheck: () => rechecked.push(id) });
  fake.openTabs = [{ id: 1 }, { id: 2 }, { id: 3, discarded: true }, { id: 4 }, { id: 5 }, { id: -1 }, {}];
  fake.worlds = { 1: world(1), 2: world(2), 3: world(3), 4: {}, 5: world(5) };
  fake.failTab = 5;
  await mod.recheckTabs(2);
  assert.deepEqual(fake.queried, watchEntry.matches, 'asks for the tabs where watch.js goes');
  assert.deepEqual(fake.log, ['recheck 1', 'recheck 4', 'recheck 5'], 'not the sender, not a discarded tab, not a tab without an id');
  assert.deepEqual(rechecked, [1], 'a tab without our card (4) does nothing; a failing tab (5) is skipped');
  rechecked.length = 0;
  await mod.recheckTabs();
  assert.deepEqual(rechecked, [1, 2], 'from the popup: every tab');
  fake.failNext = 'query';
  await mod.recheckTabs(); // no throw
});

