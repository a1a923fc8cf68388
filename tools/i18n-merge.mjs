#!/usr/bin/env node
// Merge message keys into extension/_locales/<lang>/messages.json without rewriting other keys.
// Usage: node tools/i18n-merge.mjs <lang> <keys.json>   (keys.json: { "key": {"message": "...", ...}, ... })
// Several people add strings at once; a whole-file rewrite would drop the others' keys.
import { readFileSync, writeFileSync, mkdirSync, existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [lang, keysFile] = process.argv.slice(2);
if (!lang || !keysFile) {
  console.error('usage: node tools/i18n-merge.mjs <lang> <keys.json>');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'extension', '_locales', lang, 'messages.json');
const current = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : {};
const added = JSON.parse(readFileSync(keysFile, 'utf8'));
const merged = { ...current, ...added };
const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target + '.tmp', JSON.stringify(sorted, null, 2) + '\n');
renameSync(target + '.tmp', target);
console.log(`${target}: ${Object.keys(added).length} keys merged, ${Object.keys(sorted).length} total`);
