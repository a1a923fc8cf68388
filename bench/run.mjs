#!/usr/bin/env node
// OptOut Pilot benchmarks: one command, figures only (nothing here passes or fails on timing).
//
//   node bench/run.mjs                 everything (~3–5 min on 2 cores): core native + WASM, size, cold start,
//                                      real service worker, content-script cost in Chromium
//   node bench/run.mjs --no-browser    core figures only (~1 min)
//   node bench/run.mjs --quick         fewer samples and loads (~1.5 min)
//   node bench/run.mjs --build         run ./build.sh first (otherwise uses the existing extension/pkg, dist/chrome)
//
// Results: a table on stdout, raw figures in bench/out/results.json. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { writeSnapshots } from './lib/pages.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const OUT = join(BENCH, 'out');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const browser = !args.has('--no-browser');
const PKG = join(ROOT, 'extension', 'pkg');
const WASM = join(PKG, 'optout_pilot_core_bg.wasm');

const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
/** Run a command; returns parsed JSON lines of stdout. */
function run(cmd, argv, what) {
  log(`==> ${what}: ${cmd} ${argv.map((a) => (a.startsWith(ROOT) ? relative(ROOT, a) : a)).join(' ')}`);
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    log(`    FAILED (exit ${r.status}): ${what}`);
    return null;
  }
  return r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}
const ms = (ns) => (ns == null || Number.isNaN(ns) ? '—' : ns >= 1e6 ? `${(ns / 1e6).toFixed(1)} ms` : `${(ns / 1e3).toFixed(1)} µs`);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
function table(title, head, rows) {
  const all = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  console.log(`\n${title}`);
  all.forEach((r, k) => {
    console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')}`);
    if (k === 0) console.log(`  ${w.map((n) => '-'.repeat(n)).join('  ')}`);
  });
}

const results = { date: new Date().toISOString(), cpus: cpus().length, loadavgStart: loadavg(), git: '' };
results.git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'extension'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
results.dirty = dirty ? dirty.split('\n').length : 0;

if (args.has('--build')) {
  if (spawnSync('./build.sh', [], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}
if (!existsSync(WASM)) {
  log('extension/pkg is missing: run ./build.sh (or node bench/run.mjs --build)');
  process.exit(1);
}

// ------------------------------------------------------------------------------------------ core
const list = writeSnapshots(ROOT, join(OUT, 'snapshots'));
const index = join(OUT, 'snapshots', 'index.json');
const budget = quick ? '100' : '250';
const cargo = run('cargo', ['build', '--release', '--quiet', '--manifest-path', join(BENCH, 'native', 'Cargo.toml')], 'native build');
const native = cargo && run(join(BENCH, 'native', 'target', 'release', 'optout-pilot-bench'), [index, budget], 'native detection');
const wasm = run(process.execPath, [join(BENCH, 'lib', 'wasm.mjs'), index, budget], 'WASM detection (node)');
const colds = [];
for (let i = 0; i < (quick ? 5 : 9); i++) {
  const r = run(process.execPath, [join(BENCH, 'lib', 'wasm.mjs'), '--cold', list[0].file], `WASM cold start ${i + 1}`);
  if (r) colds.push(r[0]);
}
results.native = native;
results.wasm = wasm;
results.cold = colds;

const bytes = readFileSync(WASM);
const size = {
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  glue: statSync(join(PKG, 'optout_pilot_core.js')).size,
  facade: existsSync(join(ROOT, 'extension', 'worker', 'core.js')) ? statSync(join(ROOT, 'extension', 'worker', 'core.js')).size : 0,
  cargoRaw: existsSync(join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'optout_pilot_core.wasm'))
    ? statSync(join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'optout_pilot_core.wasm')).size : null,
};
results.size = size;

// ------------------------------------------------------------------------------------------ browser
let sw = null, cost = null, targets = null, day = null;
if (browser) {
  if (!existsSync(join(ROOT, 'dist', 'chrome', 'manifest.json'))) {
    log('dist/chrome is missing: run ./build.sh; skipping the browser figures');
  } else {
    sw = run(process.execPath, [join(BENCH, 'lib', 'browser.mjs'), 'sw', '--reps', quick ? '3' : '5'], 'service worker cold start')?.[0] ?? null;
    cost = run(process.execPath, [join(BENCH, 'lib', 'browser.mjs'), 'cost', '--reps', quick ? '3' : '6', '--traced', quick ? '2' : '3'],
      'content-script cost')?.[0] ?? null;
    day = run(process.execPath, [join(BENCH, 'lib', 'browser.mjs'), 'day', '--loads', quick ? '20' : '50', '--plain', quick ? '5' : '10'],
      'a day of feed loads')?.[0] ?? null;
    targets = run(process.execPath, [join(BENCH, 'lib', 'browser.mjs'), 'targets', '--reps', quick ? '3' : '7'],
      'banner and ring latency on settings pages')?.[0] ?? null;
  }
}
results.sw = sw;
results.cost = cost;
results.day = day;
results.targets = targets;
results.loadavgEnd = loadavg();
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 1));

// ------------------------------------------------------------------------------------------ report
const byFile = (rows) => new Map((rows ?? []).filter((r) => r.kind === 'snapshot').map((r) => [r.file, r]));
const n = byFile(native), w = byFile(wasm);
const typical = list.filter((s) => s.group === 'typical');
const pick = (m, key) => typical.map((s) => m.get(s.file)?.[key]).filter((x) => x != null);
console.log(`OptOut Pilot benchmarks — ${results.date}, git ${results.git}${results.dirty ? ` (+${results.dirty} uncommitted files in src/ extension/)` : ''}, ` +
  `${results.cpus} CPUs, load average ${results.loadavgStart.map((x) => x.toFixed(1)).join(' ')} → ${results.loadavgEnd.map((x) => x.toFixed(1)).join(' ')}`);
const rows = [[`typical: ${typical.length} case snapshots (median / max of per-snapshot medians)`,
  `${Math.min(...typical.map((s) => s.controls))}–${Math.max(...typical.map((s) => s.controls))}`,
  `${ms(median(pick(n, 'fullNs')))} / ${ms(Math.max(...pick(n, 'fullNs')))}`,
  `${ms(median(pick(n, 'detectNs')))} / ${ms(Math.max(...pick(n, 'detectNs')))}`,
  `${ms(median(pick(w, 'detectNs')))} / ${ms(Math.max(...pick(w, 'detectNs')))}`,
  `${ms(median(pick(w, 'pageNs')))} / ${ms(Math.max(...pick(w, 'pageNs')))}`]];
for (const s of list.filter((x) => x.group !== 'typical')) {
  const a = n.get(s.file), b = w.get(s.file);
  const both = (r, k) => `${ms(r?.[k])} (${ms(r?.[k.replace('Ns', 'MinNs')])})`;
  rows.push([`${s.name}${s.controls > 5000 ? ' (core reads 5,000)' : ''}`, s.controls, both(a, 'fullNs'), both(a, 'detectNs'), both(b, 'detectNs'), ms(b?.pageNs)]);
}
table('Core detection, median time per snapshot, (min) for the big pages (native: same opt-level "z" + LTO as the WASM build); target ≤ 50 µs typical',
  ['snapshot', 'controls', 'native JSON→detect', 'native detect only', 'WASM detect (core.js, JS object)', 'WASM page message (one call)'], rows);
const perMin = (file, m) => (m.get(file)?.detectMinNs ?? NaN) / 1e3;
const lin = list.filter((s) => s.group !== 'typical').map((s) => `${s.name}: ${(perMin(s.file, w) / Math.min(s.controls, 5000)).toFixed(1)}`);
console.log(`  WASM µs per control read (from min): ${lin.join('; ')}`);

table('WASM module (extension/pkg)', ['what', 'size'], [
  ['optout_pilot_core_bg.wasm raw (after wasm-opt)', kb(size.raw)],
  ['  gzip -9 (target ≤ 110 KB)', `${kb(size.gzip)}${size.gzip > 110 * 1000 ? '  OVER TARGET' : ''}`],
  ['  brotli 11', kb(size.brotli)],
  ['cargo output before wasm-opt', size.cargoRaw ? kb(size.cargoRaw) : '—'],
  ['JS glue + worker/core.js', `${kb(size.glue)} + ${kb(size.facade)}`],
]);

const c = (k) => median(colds.map((x) => x[k]));
const coldRows = [
  ['node: import glue + facade', `${c('importMs')?.toFixed(1)} ms`],
  ['node: compile + instantiate (async init)', `${c('initMs')?.toFixed(1)} ms`],
  ['node: first answer (page: read state, detect/observe/advice, status view, wake-up)', `${c('firstAnswerMs')?.toFixed(1)} ms`],
  ['node: init → first answer', `${c('initToAnswerMs')?.toFixed(1)} ms`],
  ['node: second detect (warm)', `${c('secondDetectMs')?.toFixed(2)} ms`],
];
if (sw) {
  coldRows.push([`Chromium service worker: stopped → reply to {type:'status'} (${sw.reps} runs; target ≤ 50 ms)`, `${sw.coldMs.toFixed(1)} ms`]);
  coldRows.push(['Chromium service worker: running → reply', `${sw.warmMs.toFixed(1)} ms`]);
}
table(`Cold start (medians of ${colds.length} fresh node processes${sw ? ', and the real worker' : ''})`, ['step', 'time'], coldRows);

if (day) {
  const f = (/** @type {number|null|undefined} */ x, d = 1) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(d));
  table(`A day of ${day.loads} heavy-feed loads by a member with a reminder due (the card shows once a day), extension time from traces`,
    ['figure', 'value', 'target'],
    [
      ['drawing load (the day\'s first; ms)', day.drawingMs.map((x) => f(x, 2)).join(', ') || '—', '≤ today\'s'],
      ['quiet load, median (max) (ms)', `${f(day.quietMedianMs, 2)} (${f(day.quietMaxMs, 2)})`, '≤ 0.5'],
      ['whole day (ms)', f(day.dayTotalMs, 1), ''],
      ['per load, average (ms)', f(day.perLoadMs, 2), '≤ 0.7'],
      // Main-thread CPU time (trace tdur) of the same tasks: without the time the OS ran another process meanwhile.
      ['CPU time: drawing load / quiet median (max) (ms)', `${day.cpu.drawingMs.map((x) => f(x, 2)).join(', ') || '—'} / ${f(day.cpu.quietMedianMs, 2)} (${f(day.cpu.quietMaxMs, 2)})`, '≤ 0.5 quiet'],
      ['CPU time: per load, average (ms)', f(day.cpu.perLoadMs, 2), '≤ 0.7'],
      ['LayoutCount with / without, medians', `${day.layoutsWith} / ${day.layoutsWithout}`, 'no extra'],
    ]);
}

if (cost) {
  const f = (x, d = 1) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(d));
  const q = cost.quiet;
  table(`Content-script cost, heavy live feed (${cost.posts} posts + 5 every 400 ms, strict CSP), load + ${cost.settle} ms settle, medians`,
    ['metric', 'with extension (banner)', 'nothing to say (snoozed)', 'without', 'difference (banner)'], [
      ['extension script time from trace (ms)', f(cost.with.extMs, 2), f(q?.extMs, 2), f(cost.without.extMs, 2), `${f(cost.with.extMs - cost.without.extMs, 2)} ms`],
      ['CDP ScriptDuration (ms)', f(cost.with.scriptMs), f(q?.scriptMs), f(cost.without.scriptMs), `${f(cost.addedScriptMs)} ms (×${f(cost.scriptRatio, 2)})`],
      ['CDP TaskDuration (ms)', f(cost.with.taskMs), f(q?.taskMs), f(cost.without.taskMs), `×${f(cost.taskRatio, 2)}`],
      ['LayoutCount', `${cost.with.layouts} [${cost.with.layoutsAll.join(' ')}]`, q ? `${q.layouts} [${q.layoutsAll.join(' ')}]` : '—',
        `${cost.without.layouts} [${cost.without.layoutsAll.join(' ')}]`, f(cost.with.layouts - cost.without.layouts, 0)],
      ['RecalcStyleCount', cost.with.styles, q?.styles ?? '—', cost.without.styles, f(cost.with.styles - cost.without.styles, 0)],
      ['LayoutDuration (ms)', f(cost.with.layoutMs), f(q?.layoutMs), f(cost.without.layoutMs), f(cost.with.layoutMs - cost.without.layoutMs)],
    ]);
  console.log(`  trace samples (ms): with [${cost.with.extAll.join(', ')}], nothing to say [${q?.extAll.join(', ') ?? ''}], ` +
    `without [${cost.without.extAll.join(', ')}]; loads per arm: ${cost.with.n}, banner drawn in ${cost.with.banners}/${q?.banners ?? '—'}`);
  console.log('  ScriptDuration/TaskDuration drift ±10 % between runs on this machine whatever the extension does: trust the trace row.');
  const entries = [...new Set([...Object.keys(cost.with.entries ?? {}), ...Object.keys(q?.entries ?? {})])];
  const kinds = ['compile', 'cssParse', 'style', 'layout', 'gc', 'script'];
  table('Content-script time from the trace, broken down (medians per load, ms; an entry\'s kinds are nested in it)',
    ['part', 'with banner', 'nothing to say'], [
      ...entries.map((k) => [k, f(cost.with.entries?.[k], 2), f(q?.entries?.[k], 2)]),
      ...kinds.map((k) => [`  of which ${k === 'script' ? 'JS + DOM calls' : k === 'cssParse' ? 'CSS parse (stylesheet)' : k === 'style' ? 'forced style recalc' : k === 'layout' ? 'forced layout' : k}`,
        f(cost.with.kinds?.[k], 2), f(q?.kinds?.[k], 2)]),
      ['next frame after: style recalc (elements)', `${f(cost.with.nextFrame?.style, 2)} (${cost.with.nextFrame?.elements ?? '—'})`,
        `${f(q?.nextFrame?.style, 2)} (${q?.nextFrame?.elements ?? '—'})`],
      ['next frame after: layout (dirty objects)', `${f(cost.with.nextFrame?.layout, 2)} (${cost.with.nextFrame?.dirty ?? '—'})`,
        `${f(q?.nextFrame?.layout, 2)} (${q?.nextFrame?.dirty ?? '—'})`],
    ]);
  console.log('  "next frame": the first style recalc + layout after the extension\'s last task, including whatever the feed changed in that frame.');
}
if (targets) {
  table(`Settings pages (${targets.reps} loads each, medians)`, ['target', 'measured'], [
    ['banner painted after DOMContentLoaded (target ≤ 300 ms)', `${targets.paintedMs.toFixed(1)} ms (max ${targets.paintedMax.toFixed(1)}; drawn ${targets.drawnMs.toFixed(1)} ms)`],
    ['late switch → ring placed (target: within one frame)', `${targets.ringMs.toFixed(1)} ms, frames rendered in between: ${targets.ringFramesAll.join(' ')}`],
  ]);
}
console.log(`\nraw figures: ${relative(ROOT, join(OUT, 'results.json'))}`);
