// Browser benchmarks in Debian's headless Chromium (playwright-core, tests/e2e/lib/harness.mjs), printing JSON lines:
//
//   node bench/lib/browser.mjs cost [--reps 6] [--traced 3] [--settle 2500] [--posts 3000]
//     Content-script cost on a heavy, live feed-like page (bench/pages/heavy-feed.*) under LinkedIn's strict CSP,
//     with vs without the extension (dist/chrome), loads alternating between two browsers:
//     * CDP Performance.getMetrics per load (ScriptDuration, TaskDuration, LayoutCount, RecalcStyleCount) — noisy
//       (±10 % between runs whatever the extension does, see shared toolchain notes), so also:
//     * a trace per load (--traced loads per arm): the sum of top-level renderer-main-thread events whose script
//       URL is chrome-extension:// (EvaluateScript, FunctionCall, v8.compile, …; nested ones counted once, so
//       callbacks after an await or from an observer count too), minus garbage collection inside them.
//   node bench/lib/browser.mjs day [--loads 50] [--plain 10] [--settle 1500] [--posts 3000] [--dist DIR] [--nav link|menu]
//     A simulated day of feed loads by a member with a reminder due: the first draws the card (once a day), the
//     rest are quiet; extension time per load (trace), per script, the day's total and average, layouts
//     with/without. --nav menu: the feed's global navigation does not link to the member's profile ("Me" is a
//     menu button with the member's photo and name, as on some members' feeds); link (default): it does.
//   node bench/lib/browser.mjs sw [--reps 5] [--dist DIR]
//     The real service worker: stopped through CDP (ServiceWorker.stopAllWorkers), then timed from an extension
//     page's chrome.runtime.sendMessage({type:'status'}) to its reply (worker start + module + WASM init + answer),
//     against the same message to the running worker.
import { chromium } from 'playwright-core';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, routeLinkedIn, CHROMIUM, CHROMIUM_ARGS, openPopup, sendToWorker } from '../../tests/e2e/lib/harness.mjs';

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
const optStr = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
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

/** The heavy feed's "Me": a link to the member's profile (`link`), or a menu button with the photo and name only. */
const ME_LINK = '<a href="/in/jane-doe/">Me</a>';
const ME_MENU = '<button type="button" aria-expanded="false"><img src="data:," alt="Jane Doe" width="24" height="24"> Me</button>';

async function routeFeed(context, posts, nav = 'link') {
  let html = (await readFile(join(BENCH, 'pages', 'heavy-feed.html'), 'utf8')).replace('data-posts="3000"', `data-posts="${posts}"`);
  if (nav === 'menu') {
    if (!html.includes(ME_LINK)) throw new Error('heavy-feed.html: no profile link in the navigation to replace');
    html = html.replace(ME_LINK, ME_MENU);
  }
  return routeLinkedIn(context, (url) => {
    if (url.pathname === '/feed/') return { body: html };
    if (url.pathname === '/__bench__/heavy-feed.js') return { file: join(BENCH, 'pages', 'heavy-feed.js') };
    return null;
  });
}

const EXT = 'chrome-extension://';
const GC = /^(MinorGC|MajorGC|V8\.GC|BlinkGC|V8\.ScavengerTask|CppGC)/;
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule',
  'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'v8.run', 'V8.Execute']);
/** Nested work inside an extension task, by kind (outermost event of a kind counts; the rest is JS + DOM calls). */
const KINDS = [
  ['compile', /^(v8\.compile|V8\.CompileCode|V8\.Compile|V8\.ParseFunction|V8\.CompileLazy|V8\.CompileScript)$/],
  ['style', /^UpdateLayoutTree$/],
  ['layout', /^Layout$/],
  ['cssParse', /^CSSParserImpl::parseStyleSheet$/],
  ['gc', GC],
];
/** @param {any} e */
function urlOf(e) {
  const d = e.args?.data ?? {};
  return d.url ?? d.scriptName ?? e.args?.fileName ?? d.stackTrace?.[0]?.url ?? '';
}
const file = (/** @type {string} */ u) => u.replace(/^.*\//, '');

/**
 * Extension time on renderer main threads, with a breakdown. Counted tasks: top-level script events whose URL is
 * chrome-extension:// (EvaluateScript, FunctionCall, …; everything nested counts once), plus top-level
 * RunMicrotasks that clear or set a timer the extension set (work after an `await`, e.g. drawing after the
 * sendMessage reply, whose `clearTimeout` of the reply timeout comes first: those events carry no URL), GC inside
 * subtracted. Breakdown per task (entry: script evaluation, event, timer, animation frame, microtasks) and by kind
 * (compile, forced style recalc, forced layout, CSS parse, GC; the rest is JS + DOM calls), and the style recalc +
 * layout of the next frame after the last task (where the banner's own rendering lands, together with whatever
 * the page changed in that frame).
 * @param {any[]} events
 */
export function extensionTime(events) {
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    const timer = (e.ph === 'I' || e.ph === 'i') && (e.name === 'TimerInstall' || e.name === 'TimerRemove');
    if ((e.ph !== 'X' && !timer) || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    if (!byThread.has(`${e.pid}:${e.tid}`)) byThread.set(`${e.pid}:${e.tid}`, []);
    byThread.get(`${e.pid}:${e.tid}`).push(e);
  }
  /** @type {{label: string, dur: number, cpu: number, kinds: Record<string, number>}[]} */
  const tasks = [];
  /** @type {{style: number, elements: number, layout: number, dirty: number, styleSeen?: boolean, layoutSeen?: boolean}|null} */
  let nextFrame = null;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    /** @type {Set<string>} */ const timers = new Set(); // timers the extension set (frame:id)
    const timerKey = (/** @type {any} */ e) => `${e.args?.data?.frame}:${e.args?.data?.timerId}`;
    /** @type {any[]} */ const open = []; // enclosing events, to name an entry (EventDispatch type, timer, rAF)
    let end = -1;
    /** @type {Record<string, number>} */ let kindEnd = {};
    /** @type {Record<string, number>} */ let taskKinds = {};
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      const dur = e.dur ?? 0;
      if (e.ts < end) {
        if (e.name === 'TimerInstall') timers.add(timerKey(e));
        for (const [kind, re] of KINDS) {
          if (re.test(e.name) && e.ts >= (kindEnd[kind] ?? -1)) {
            const d = Math.min(dur, end - e.ts);
            taskKinds[kind] += d;
            kindEnd[kind] = e.ts + d;
            break;
          }
        }
        continue;
      }
      if (e.ph !== 'X') continue;
      while (open.length && open[open.length - 1].ts + (open[open.length - 1].dur ?? 0) <= e.ts) open.pop();
      let label = '';
      if (SCRIPT_EVENTS.has(e.name) && urlOf(e).startsWith(EXT)) {
        const via = [...open].reverse().find((o) => o.name === 'EventDispatch' || o.name === 'TimerFire' || o.name === 'FireAnimationFrame');
        label = e.name === 'EvaluateScript' || e.name === 'v8.run' ? `evaluate ${file(urlOf(e))}`
          : via ? (via.name === 'EventDispatch' ? `event ${via.args?.data?.type}` : via.name === 'TimerFire' ? 'timer' : 'animation frame')
            : `${e.name} ${file(urlOf(e))}`;
      } else if (e.name === 'RunMicrotasks' && !open.some((o) => SCRIPT_EVENTS.has(o.name))) {
        for (let j = i + 1; j < list.length && list[j].ts < e.ts + dur; j++) {
          const n = list[j];
          if ((n.name === 'TimerRemove' || n.name === 'TimerInstall') && timers.has(timerKey(n))) { label = 'microtasks (after an await)'; break; }
        }
      }
      open.push(e);
      if (!label) {
        // The first style recalc / layout after the extension's last task.
        if (nextFrame && e.name === 'UpdateLayoutTree' && !nextFrame.styleSeen) {
          Object.assign(nextFrame, { style: dur / 1000, elements: e.args?.elementCount ?? 0, styleSeen: true });
        } else if (nextFrame && e.name === 'Layout' && !nextFrame.layoutSeen) {
          Object.assign(nextFrame, { layout: dur / 1000, dirty: e.args?.beginData?.dirtyObjects ?? 0, layoutSeen: true });
        }
        continue;
      }
      end = e.ts + dur;
      nextFrame = { style: 0, elements: 0, layout: 0, dirty: 0 };
      taskKinds = { compile: 0, style: 0, layout: 0, cssParse: 0, gc: 0 };
      kindEnd = {};
      // tdur: the main thread's CPU time in the task (wall time less the time the OS ran something else).
      tasks.push({ label, dur, cpu: e.tdur ?? dur, kinds: taskKinds });
    }
  }
  // Nested kinds are complete once every event was seen.
  /** @type {Record<string, number>} */ const entries = {};
  /** @type {Record<string, number>} */ const kinds = { compile: 0, style: 0, layout: 0, cssParse: 0, gc: 0, script: 0 };
  let total = 0;
  let cpu = 0;
  for (const t of tasks) {
    cpu += Math.max(0, t.cpu - t.kinds.gc);
    for (const k of Object.keys(t.kinds)) kinds[k] += t.kinds[k];
    kinds.script += Math.max(0, t.dur - t.kinds.compile - t.kinds.style - t.kinds.layout - t.kinds.cssParse - t.kinds.gc);
    entries[t.label] = (entries[t.label] ?? 0) + t.dur - t.kinds.gc;
    total += t.dur;
  }
  const r3 = (/** @type {number} */ x) => Math.round(x) / 1000;
  return {
    ms: (total - kinds.gc) / 1000, cpuMs: cpu / 1000, rawMs: total / 1000, gcMs: kinds.gc / 1000, events: tasks.length,
    entries: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, r3(v)])),
    kinds: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, r3(v)])),
    nextFrame: nextFrame && { style: +nextFrame.style.toFixed(3), elements: nextFrame.elements, layout: +nextFrame.layout.toFixed(3), dirty: nextFrame.dirty },
  };
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
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink_style',
        'disabled-by-default-v8.compile', '__metadata'] },
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
  // Our host is a plain <div> child of <html> (put before <body>, so the first Tab reaches the card), only created
  // when something is drawn; LinkedIn's own children of <html> are <head> and <body>.
  const banner = await page.evaluate(() => [...document.documentElement.children].some((e) => e.nodeName === 'DIV'));
  await cdp.detach().catch(() => {});
  await page.close();
  return { scriptMs: m.ScriptDuration * 1000, taskMs: m.TaskDuration * 1000, layouts: m.LayoutCount,
    styles: m.RecalcStyleCount, layoutMs: m.LayoutDuration * 1000, posts, banner, ext };
}

/** Median of each key over a list of objects. @param {Record<string, number>[]} list */
/**
 * The day's trace entries summed per script file (`evaluate watch.js`, and the card's events and microtasks under
 * the bundle that set them up when the label names it; the rest under its own label), divided by `loads`.
 * @param {Record<string, number>[]} list @param {number} loads
 */
function perScript(list, loads) {
  /** @type {Record<string, number>} */
  const out = {};
  for (const entries of list) {
    for (const [label, ms] of Object.entries(entries ?? {})) {
      const file = /([\w-]+\.js)/.exec(label)?.[1] ?? label;
      out[file] = (out[file] ?? 0) + ms;
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, +(v / loads).toFixed(3)]));
}

function medianOfKeys(list) {
  const keys = [...new Set(list.flatMap((o) => Object.keys(o ?? {})))];
  return Object.fromEntries(keys.map((k) => [k, +median(list.map((o) => o?.[k] ?? 0)).toFixed(3)]));
}

async function cost() {
  const reps = opt('reps', 6), traced = opt('traced', 3), settle = opt('settle', 2500), posts = opt('posts', 3000);
  const dist = optStr('dist', undefined);
  const ext = await launchWithExtension({ dist });
  const quiet = await launchWithExtension({ dist });
  const plain = await launchPlain();
  try {
    await routeFeed(ext.context, posts);
    await routeFeed(quiet.context, posts);
    await routeFeed(plain.context, posts);
    // "Nothing to say": reminders snoozed for a month through the worker, as the banner's "Remind me later" does.
    const snoozed = await sendToWorker(quiet.context, quiet.extensionId, { type: 'event', event: { type: 'snooze', duration: 'month' } });
    if (!snoozed?.ok) throw new Error(`snooze through the worker failed: ${JSON.stringify(snoozed)}`);
    // One unmeasured load each (caches, code cache, worker start).
    const contexts = { with: ext.context, quiet: quiet.context, without: plain.context };
    for (const c of Object.values(contexts)) await load(c, { traced: false, settle: 1000 });
    /** @type {Record<string, any[]>} */
    const arms = { with: [], quiet: [], without: [] };
    const orders = [['with', 'quiet', 'without'], ['without', 'with', 'quiet'], ['quiet', 'without', 'with']];
    for (let i = 0; i < reps + traced; i++) {
      for (const arm of orders[i % 3]) {
        // The card shows once a day: "remind me again" before each drawing load (outside the measured load).
        if (arm === 'with') {
          await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'unsnooze' } });
          await sleep(300);
        }
        const r = await load(contexts[arm], { traced: i >= reps, settle });
        arms[arm].push(r);
        console.error(`  load ${i + 1}/${reps + traced} ${arm.padEnd(7)} script ${r.scriptMs.toFixed(0)} ms, task ${r.taskMs.toFixed(0)} ms, layouts ${r.layouts}` +
          `, banner ${r.banner ? 'drawn' : 'none'}` + (r.ext ? `, extension (trace) ${r.ext.ms.toFixed(2)} ms ${JSON.stringify(r.ext.entries)}` : ''));
      }
    }
    const sum = (/** @type {any[]} */ list) => {
      const tr = list.filter((r) => r.ext);
      return {
        n: list.length,
        scriptMs: median(list.map((r) => r.scriptMs)),
        taskMs: median(list.map((r) => r.taskMs)),
        layouts: median(list.map((r) => r.layouts)),
        layoutsAll: list.map((r) => r.layouts),
        styles: median(list.map((r) => r.styles)),
        layoutMs: median(list.map((r) => r.layoutMs)),
        posts: median(list.map((r) => r.posts)),
        banners: list.filter((r) => r.banner).length,
        extMs: median(tr.map((r) => r.ext.ms)),
        extAll: tr.map((r) => +r.ext.ms.toFixed(2)),
        extEvents: median(tr.map((r) => r.ext.events)),
        entries: medianOfKeys(tr.map((r) => r.ext.entries)),
        kinds: medianOfKeys(tr.map((r) => r.ext.kinds)),
        nextFrame: medianOfKeys(tr.map((r) => r.ext.nextFrame ?? {})),
      };
    };
    const w = sum(arms.with), q = sum(arms.quiet), wo = sum(arms.without);
    console.log(JSON.stringify({ kind: 'cost', posts, settle, dist: dist ?? 'dist/chrome', with: w, quiet: q, without: wo,
      addedScriptMs: w.scriptMs - wo.scriptMs, taskRatio: w.taskMs / wo.taskMs, scriptRatio: w.scriptMs / wo.scriptMs }));
  } finally {
    await ext.close();
    await quiet.close();
    await plain.close();
  }
}

// ------------------------------------------------------------------------------------------------ day
/**
 * A simulated day on the heavy feed: a member with a reminder due loads the feed `--loads` times (default 50) in
 * one browser with the extension. The first load of the day draws the reminder card; the worker then unregisters
 * the card's script, so the other loads run only watch.js. Every load is traced (the extension's main-thread time,
 * as in `cost`) and its layouts counted; `--plain` loads without the extension give the layout count to compare.
 */
async function day() {
  const loads = opt('loads', 50), plainLoads = opt('plain', 10), settle = opt('settle', 1500), posts = opt('posts', 3000);
  const dist = optStr('dist', undefined);
  const nav = optStr('nav', 'link');
  if (nav !== 'link' && nav !== 'menu') throw new Error('--nav link|menu');
  const ext = await launchWithExtension({ dist });
  const plain = await launchPlain();
  try {
    await routeFeed(ext.context, posts, nav);
    await routeFeed(plain.context, posts, nav);
    // Warm both browsers on another page (caches, worker start) without using up the day's card.
    const warm = async (/** @type {any} */ context) => {
      const p = await context.newPage();
      await p.goto('about:blank');
      await p.close();
    };
    await warm(ext.context);
    await warm(plain.context);
    const withExt = [];
    for (let i = 0; i < loads; i++) {
      const r = await load(ext.context, { traced: true, settle });
      withExt.push(r);
      console.error(`  load ${i + 1}/${loads} extension ${r.ext.ms.toFixed(2)} ms, layouts ${r.layouts}, card ${r.banner ? 'drawn' : 'none'}`);
    }
    const without = [];
    for (let i = 0; i < plainLoads; i++) {
      const r = await load(plain.context, { traced: false, settle });
      without.push(r);
      console.error(`  plain load ${i + 1}/${plainLoads} layouts ${r.layouts}`);
    }
    const ms = withExt.map((r) => r.ext.ms);
    const drawing = withExt.filter((r) => r.banner).map((r) => r.ext.ms);
    const quiet = withExt.filter((r) => !r.banner).map((r) => r.ext.ms);
    const total = ms.reduce((a, b) => a + b, 0);
    const cpu = withExt.map((r) => r.ext.cpuMs);
    const cpuTotal = cpu.reduce((a, b) => a + b, 0);
    console.log(JSON.stringify({
      kind: 'day', nav, posts, settle, loads, dist: dist ?? 'dist/chrome',
      cardsDrawn: drawing.length, drawingMs: drawing.map((x) => +x.toFixed(3)),
      quietMedianMs: +median(quiet).toFixed(3), quietMaxMs: +Math.max(...quiet).toFixed(3),
      // Where a quiet load's time goes (medians per entry: evaluation of each file, event types, microtasks).
      quietEntries: medianOfKeys(withExt.filter((r) => !r.banner).map((r) => r.ext.entries)),
      // Per script over the whole day (ms per load, averaged over all loads): which bundle the day pays for.
      perScriptMs: perScript(withExt.map((r) => r.ext.entries), loads),
      dayTotalMs: +total.toFixed(2), perLoadMs: +(total / loads).toFixed(3),
      // The same in main-thread CPU time (trace tdur): what the scripts cost, without the moments the OS gave the
      // core to another process in the middle of one (on a shared 2-core machine, most of the slow quiet loads).
      cpu: {
        drawingMs: withExt.filter((r) => r.banner).map((r) => +r.ext.cpuMs.toFixed(3)),
        quietMedianMs: +median(withExt.filter((r) => !r.banner).map((r) => r.ext.cpuMs)).toFixed(3),
        quietMaxMs: +Math.max(...withExt.filter((r) => !r.banner).map((r) => r.ext.cpuMs)).toFixed(3),
        dayTotalMs: +cpuTotal.toFixed(2), perLoadMs: +(cpuTotal / loads).toFixed(3),
      },
      layoutsWith: median(withExt.map((r) => r.layouts)), layoutsWithout: median(without.map((r) => r.layouts)),
      layoutsWithAll: withExt.map((r) => r.layouts), layoutsWithoutAll: without.map((r) => r.layouts),
      drawingLoadLayouts: withExt.filter((r) => r.banner).map((r) => r.layouts),
    }));
  } finally {
    await ext.close();
    await plain.close();
  }
}

// ------------------------------------------------------------------------------------------------ targets
// In the page's main world (an init script, like a page script would be): when a <div> is appended to <html>
// (our host: the card is built before the host is attached, or in the same task), and the frames that follow.
const TARGETS_INIT = `(() => {
  const T = window.__bench = { hostAt: 0, paintAt: 0, frames: [], insertAt: 0, insertFrame: -1, ringAt: 0, ringFrame: -1 };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (!T.hostAt && n.nodeName === 'DIV' && n.parentNode === document.documentElement) {
        T.hostAt = performance.now();
        requestAnimationFrame(() => { T.paintAt = performance.now(); });
      }
    }
  }).observe(document, { childList: true, subtree: true });
  const tick = () => { T.frames.push(performance.now()); if (T.frames.length < 2000) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();`;

/**
 * Two targets on settings pages (fixtures of tests/fixtures/pages, a member who finished setup):
 * * banner drawn and painted within 300 ms of DOMContentLoaded (data-for-ai-improvement, switch on);
 * * the highlight ring placed within one frame of a late switch appearing (late-render fixture: the switch
 *   renders after 1.5 s): the closed shadow root is handed to the main world through CDP (DOM.resolveNode),
 *   where MutationObservers timestamp the switch's insertion and the ring's placement, and a
 *   requestAnimationFrame counter says how many frames were rendered in between (0 = the ring came in the
 *   frame the switch first showed in).
 */
async function targets() {
  const reps = opt('reps', 5);
  const dist = optStr('dist', undefined);
  const { linkedInPages, finishSetup, setting } = await import('../../tests/e2e/lib/journey.mjs');
  const ext = await launchWithExtension({ dist });
  try {
    const s = setting('gen-ai-improvement');
    const path = new URL(s.url).pathname;
    let late = false;
    await routeLinkedIn(ext.context, (url) => linkedInPages('en', 'row',
      late ? { [path]: 'pages/variants/late-render-data-for-ai-improvement.en.html' } : {})(url));
    await finishSetup(ext, 'row');
    await ext.context.addInitScript({ content: TARGETS_INIT });
    const visible = [], ring = [];
    for (let i = 0; i <= reps; i++) {
      late = false;
      const page = await ext.context.newPage();
      await page.goto(s.url, { waitUntil: 'load' });
      await page.waitForFunction(() => /** @type {any} */ (window).__bench.paintAt > 0, null, { timeout: 10_000 });
      const r = await page.evaluate(() => {
        const T = /** @type {any} */ (window).__bench;
        const dcl = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).domContentLoadedEventStart;
        return { drawnMs: T.hostAt - dcl, paintedMs: T.paintAt - dcl };
      });
      await page.close();
      if (i > 0) visible.push(r); // the first load warms the worker
      console.error(`  setting page ${i}/${reps}: banner drawn ${r.drawnMs.toFixed(1)} ms, painted ${r.paintedMs.toFixed(1)} ms after DOMContentLoaded`);
    }
    for (let i = 0; i < reps; i++) {
      late = true;
      const page = await ext.context.newPage();
      await page.goto(s.url, { waitUntil: 'load' });
      await page.waitForFunction(() => /** @type {any} */ (window).__bench.hostAt > 0, null, { timeout: 10_000 });
      // Hand the closed shadow root to the main world, and watch the switch and the ring from there.
      const cdp = await ext.context.newCDPSession(page);
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      /** @type {any} */
      let shadow = null;
      const find = (/** @type {any} */ n) => { if (shadow) return; if (n.shadowRoots?.length && n.shadowRoots[0].shadowRootType === 'closed') shadow = n.shadowRoots[0]; for (const c of n.children ?? []) find(c); };
      find(root);
      if (!shadow) throw new Error('no closed shadow root');
      const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
      await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: `function () {
        const T = window.__bench, sr = this;
        const placed = () => { const r = sr.querySelector('.ring'); return !!r && !r.hidden && !!r.style.left; };
        new MutationObserver(() => {
          if (!T.ringAt && placed()) { T.ringAt = performance.now(); T.ringFrame = T.frames.length; }
        }).observe(sr, { subtree: true, childList: true, attributes: true });
        new MutationObserver(() => {
          if (!T.insertAt && document.querySelector('[role=switch], input[type=checkbox]')) { T.insertAt = performance.now(); T.insertFrame = T.frames.length; }
        }).observe(document.body, { subtree: true, childList: true });
      }` });
      await cdp.detach().catch(() => {});
      await page.waitForFunction(() => /** @type {any} */ (window).__bench.ringAt > 0, null, { timeout: 15_000 });
      await sleep(100);
      const r = await page.evaluate(() => {
        const T = /** @type {any} */ (window).__bench;
        return { ms: T.ringAt - T.insertAt, frames: T.ringFrame - T.insertFrame };
      });
      await page.close();
      ring.push(r);
      console.error(`  late switch ${i + 1}/${reps}: ring placed ${r.ms.toFixed(1)} ms after the switch appeared, ${r.frames} frame(s) rendered in between`);
    }
    console.log(JSON.stringify({ kind: 'targets', reps,
      drawnMs: median(visible.map((r) => r.drawnMs)), paintedMs: median(visible.map((r) => r.paintedMs)),
      paintedAll: visible.map((r) => +r.paintedMs.toFixed(1)), paintedMax: Math.max(...visible.map((r) => r.paintedMs)),
      ringMs: median(ring.map((r) => r.ms)), ringFrames: median(ring.map((r) => r.frames)),
      ringFramesAll: ring.map((r) => r.frames), ringMsAll: ring.map((r) => +r.ms.toFixed(1)) }));
  } finally {
    await ext.close();
  }
}

async function sw() {
  const reps = opt('reps', 5);
  const ext = await launchWithExtension({ dist: optStr('dist', undefined) });
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
else if (mode === 'targets') await targets();
else if (mode === 'sw') await sw();
else if (mode === 'day') await day();
else {
  console.error('usage: node bench/lib/browser.mjs cost|targets|sw [options]');
  process.exit(2);
}
