#!/usr/bin/env node
// Instantiate the optimised module through its wasm-bindgen glue, as the worker will. Catches a wasm-opt that
// produces a module which validates but fails at instantiation (Debian's binaryen 108: externref table init).
// Usage: node tools/build/check-wasm.mjs <pkg-dir>
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? 'extension/pkg');
const glue = await import(pathToFileURL(join(dir, 'optout_pilot_core.js')).href);
const bytes = readFileSync(join(dir, 'optout_pilot_core_bg.wasm'));
const exports = glue.initSync({ module: bytes });
const names = Object.keys(glue).filter((k) => k !== 'default' && k !== 'initSync');
console.log(`  wasm instantiates in node: ${Object.keys(exports).length} wasm exports, ${names.length} JS exports`);

// The size budget (bench/README.md: what the boundary and the catalog cost). gzip -9 as build.sh and bench/ report it.
const { gzipSync } = await import('node:zlib');
const MAX_GZIP = 110 * 1000;
const gzip = gzipSync(bytes, { level: 9 }).length;
if (gzip > MAX_GZIP) {
  console.error(`  wasm is ${gzip} bytes gzipped: over the ${MAX_GZIP}-byte budget (bench/README.md)`);
  process.exit(1);
}
console.log(`  wasm size budget: ${gzip} of ${MAX_GZIP} bytes gzipped`);
