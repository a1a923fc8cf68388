// The core through the built WASM module in node, as the worker calls it: through extension/worker/core.js
// (the worker's facade; JS objects cross the boundary as the core's serde types) over extension/pkg (./build.sh).
//   node bench/lib/wasm.mjs INDEX.json [budget_ms]      per-snapshot medians of core.detect(object) and of the
//                                                       worker's whole page message, core.page (one crossing)
//   node bench/lib/wasm.mjs --cold SNAPSHOT.json        one cold start (run in a fresh process each time)
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = join(ROOT, 'extension', 'pkg');
const FACADE = join(ROOT, 'extension', 'worker', 'core.js');
const env = { uiLang: 'en-US', timeZone: 'Europe/Berlin' };
const NOW = 1_764_000_000_000;

async function cold(snapshotFile) {
  const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));
  const t0 = performance.now();
  const core = await import(pathToFileURL(FACADE).href);
  const t1 = performance.now();
  const bytes = readFileSync(join(PKG, 'optout_pilot_core_bg.wasm'));
  const t2 = performance.now();
  // What the worker does: compile + instantiate (async init), then its first page message.
  await core.init({ module_or_path: bytes });
  const t3 = performance.now();
  // One crossing: stored state in; state, advice, status view and wake-up out.
  const answer = core.page(undefined, [], snapshot, env, NOW);
  const t4 = performance.now();
  const detection2 = core.detect(snapshot);
  const t5 = performance.now();
  if (!answer || !detection2) throw new Error('no answer');
  console.log(JSON.stringify({ kind: 'cold', importMs: t1 - t0, readMs: t2 - t1, initMs: t3 - t2,
    firstAnswerMs: t4 - t3, secondDetectMs: t5 - t4, initToAnswerMs: t4 - t2, processToAnswerMs: t4 }));
}

async function warm(indexFile, budgetMs) {
  const core = await import(pathToFileURL(FACADE).href);
  core.initSync({ module: readFileSync(join(PKG, 'optout_pilot_core_bg.wasm')) });
  for (const item of JSON.parse(readFileSync(indexFile, 'utf8'))) {
    const snapshot = JSON.parse(readFileSync(item.file, 'utf8'));
    for (let i = 0; i < 3; i++) core.detect(snapshot); // warm-up (JIT of the glue)
    const samples = [];
    const start = performance.now();
    while (samples.length < 5 || (performance.now() - start < budgetMs && samples.length < 100_000)) {
      const t = performance.now();
      core.detect(snapshot);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    const d = core.detect(snapshot);
    // The worker's whole page message: the stored state (as the previous report left it) in, everything out.
    const stored = core.page(undefined, [], snapshot, env, NOW).state;
    const pages = [];
    const pageStart = performance.now();
    while (pages.length < 5 || (performance.now() - pageStart < budgetMs && pages.length < 100_000)) {
      const t = performance.now();
      core.page(stored, [], snapshot, env, NOW);
      pages.push(performance.now() - t);
    }
    pages.sort((a, b) => a - b);
    console.log(JSON.stringify({ kind: 'snapshot', file: item.file, controls: item.controls,
      findings: d.findings.length, detectNs: samples[samples.length >> 1] * 1e6, detectMinNs: samples[0] * 1e6, detectN: samples.length,
      pageNs: pages[pages.length >> 1] * 1e6, pageN: pages.length }));
  }
}

const args = process.argv.slice(2);
if (args[0] === '--cold') await cold(args[1]);
else await warm(args[0], Number(args[1] ?? 300));
