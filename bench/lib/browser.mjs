// Browser benchmarks in Debian's headless Chromium (playwright-core, tests/e2e/harness.mjs), printing JSON lines:
//
//   node bench/lib/browser.mjs cost [--reps 6] [--traced 3] [--settle 2500] [--posts 3000]
//     Content-script cost on a heavy, live feed-like page (bench/pages/heavy-feed.*) under LinkedIn's strict CSP,
//     with vs without the extension (dist/chrome), loads alternating between two browsers:
//     * CDP Performance.getMetrics per load (ScriptDuration, TaskDuration, LayoutCount, RecalcStyleCount) — noisy
//       (±10 % between runs whatever the extension does, see shared toolchain notes), so also:
//     * a trace per load (--traced loads per arm): the sum of top-level renderer-main-thread events whose script
//       URL is chrome-extension:// (EvaluateScript, FunctionCall, v8.compile, …; nested ones counted once, so
//       callbacks after an await or from an observer count too), minus garbage collection inside them.
//   node bench/lib/browser.mjs sw [--reps 5]
//     The real service worker: stopped through CDP (ServiceWorker.stopAllWorkers), then timed from an extension
//     page's chrome.runtime.sendMessage({type:'status'}) to its reply (worker start + module + WASM init + answer),
//     against the same message to the running worker.
import { chromium } from 'playwright-core';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, routeLinkedIn, CHROMIUM, CHROMIUM_ARGS, openPopup } from '../../tests/e2e/harness.mjs';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function launchPlain() {
  const dir = await mkdtemp(join(tmpdir(), 'optout-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, locale: 'en-US', viewport: { width: 1280, height: 900 }, args: CHROMIUM_ARGS,
  });
  await context.route(/^(https?|wss?|ftp):/i, (route) => route.abort('blockedbyclient'));
  return { context, close: async () => { await context.close().catch(() => {}); await rm(dir, { recursive: true, force: true }); } };
}

async function routeFeed(context, posts) {
  const html = (await readFile(join(BENCH, 'pages', 'heavy-feed.html'), 'utf8')).replace('data-posts="3000"', `data-posts="${posts}"`);
  return routeLinkedIn(context, (url) => {
    if (url.pathname === '/feed/') return { body: html };
    if (url.pathname === '/__bench__/heavy-feed.js') return { file: join(BENCH, 'pages', 'heavy-feed.js') };
    return null;
  });
}

const GC = /^(MinorGC|MajorGC|V8\.GC|BlinkGC|V8\.ScavengerTask|CppGC)/;
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule',
  'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'v8.run', 'V8.Execute']);
/** @param {any} e */
function urlOf(e) {
  const d = e.args?.data ?? {};
  return d.url ?? d.scriptName ?? e.args?.fileName ?? d.stackTrace?.[0]?.url ?? '';
}

/** Sum of extension script time on renderer main threads, GC inside it subtracted. @param {any[]} events */
export function extensionTime(events) {
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    if (!byThread.has(`${e.pid}:${e.tid}`)) byThread.set(`${e.pid}:${e.tid}`, []);
    byThread.get(`${e.pid}:${e.tid}`).push(e);
  }
  let total = 0, gc = 0, count = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -1, gcEnd = -1;
    for (const e of list) {
      const inside = e.ts < end;
      if (!inside && SCRIPT_EVENTS.has(e.name) && urlOf(e).startsWith('chrome-extension://')) {
        total += e.dur ?? 0;
        count++;
        end = e.ts + (e.dur ?? 0);
      } else if (inside && GC.test(e.name) && e.ts >= gcEnd) {
        const d = Math.min(e.dur ?? 0, end - e.ts);
        gc += d;
        gcEnd = e.ts + d;
      }
    }
  }
  return { ms: (total - gc) / 1000, rawMs: total / 1000, gcMs: gc / 1000, events: count };
}

async function load(context, { traced, settle }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const events = [];
  let done;
  if (traced) {
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', '__metadata'] },
    });
  }
  await page.goto('https://www.linkedin.com/feed/', { waitUntil: 'load' });
  await sleep(settle);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  let ext = null;
  if (traced) {
    await cdp.send('Tracing.end');
    await done;
    ext = extensionTime(events);
  }
  const posts = await page.evaluate(() => document.querySelectorAll('article').length);
  await cdp.detach().catch(() => {});
  await page.close();
  return { scriptMs: m.ScriptDuration * 1000, taskMs: m.TaskDuration * 1000, layouts: m.LayoutCount,
    styles: m.RecalcStyleCount, layoutMs: m.LayoutDuration * 1000, posts, ext };
}

async function cost() {
  const reps = opt('reps', 6), traced = opt('traced', 3), settle = opt('settle', 2500), posts = opt('posts', 3000);
  const ext = await launchWithExtension();
  const plain = await launchPlain();
  try {
    await routeFeed(ext.context, posts);
    await routeFeed(plain.context, posts);
    // One unmeasured load each (caches, code cache, worker start).
    await load(ext.context, { traced: false, settle: 500 });
    await load(plain.context, { traced: false, settle: 500 });
    const arms = { with: [], without: [] };
    for (let i = 0; i < reps + traced; i++) {
      const order = i % 2 ? ['without', 'with'] : ['with', 'without'];
      for (const arm of order) {
        const r = await load(arm === 'with' ? ext.context : plain.context, { traced: i >= reps, settle });
        arms[arm].push(r);
        console.error(`  load ${i + 1}/${reps + traced} ${arm.padEnd(7)} script ${r.scriptMs.toFixed(0)} ms, task ${r.taskMs.toFixed(0)} ms, layouts ${r.layouts}` +
          (r.ext ? `, extension (trace) ${r.ext.ms.toFixed(2)} ms` : ''));
      }
    }
    const sum = (list) => ({
      n: list.length,
      scriptMs: median(list.map((r) => r.scriptMs)),
      taskMs: median(list.map((r) => r.taskMs)),
      layouts: median(list.map((r) => r.layouts)),
      layoutsAll: list.map((r) => r.layouts),
      styles: median(list.map((r) => r.styles)),
      layoutMs: median(list.map((r) => r.layoutMs)),
      posts: median(list.map((r) => r.posts)),
      extMs: median(list.filter((r) => r.ext).map((r) => r.ext.ms)),
      extAll: list.filter((r) => r.ext).map((r) => +r.ext.ms.toFixed(2)),
      extEvents: median(list.filter((r) => r.ext).map((r) => r.ext.events)),
    });
    const w = sum(arms.with), wo = sum(arms.without);
    console.log(JSON.stringify({ kind: 'cost', posts, settle, with: w, without: wo,
      addedScriptMs: w.scriptMs - wo.scriptMs, taskRatio: w.taskMs / wo.taskMs, scriptRatio: w.scriptMs / wo.scriptMs }));
  } finally {
    await ext.close();
    await plain.close();
  }
}

async function sw() {
  const reps = opt('reps', 5);
  const ext = await launchWithExtension();
  try {
    const page = await openPopup(ext.context, ext.extensionId);
    await sleep(1000);
    const cdp = await ext.context.newCDPSession(page);
    const status = new Map();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) status.set(v.registrationId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    const ask = () => page.evaluate(async () => {
      const t = performance.now();
      const timeout = new Promise((resolve) => setTimeout(() => resolve({ error: 'no reply within 20 s' }), 20_000));
      const r = await Promise.race([chrome.runtime.sendMessage({ type: 'status' }), timeout]);
      return { ms: performance.now() - t, ok: !!r && typeof r === 'object' && !r.error };
    });
    const cold = [], warm = [];
    let stoppedSeen = 0;
    for (let i = 0; i < reps; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && ![...status.values()].includes('stopped')) await sleep(20);
      if ([...status.values()].includes('stopped')) stoppedSeen++;
      await sleep(200);
      const c = await ask();
      const h = await ask();
      if (!c.ok || !h.ok) throw new Error('the worker did not answer {type:"status"}');
      cold.push(c.ms);
      warm.push(h.ms);
      console.error(`  worker ${i + 1}/${reps}: stopped → answer ${c.ms.toFixed(1)} ms, running → answer ${h.ms.toFixed(1)} ms`);
    }
    console.log(JSON.stringify({ kind: 'sw', coldMs: median(cold), warmMs: median(warm), cold, warm, stoppedSeen, reps }));
  } finally {
    await ext.close();
  }
}

const mode = args[0];
if (mode === 'cost') await cost();
else if (mode === 'sw') await sw();
else {
  console.error('usage: node bench/lib/browser.mjs cost|sw [options]');
  process.exit(2);
}
