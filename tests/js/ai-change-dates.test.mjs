// @ts-check
// "Your opt-out record" takes the date LinkedIn's AI-training change applied per region from a small copy of the
// catalog's notes (the core does not load them): the copy must match src/catalog/linkedin.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AI_CHANGE_DATES } from '../../extension/pages/lib/ai-change-dates.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the record\'s AI-change dates are the catalog\'s `since` of the AI setting, for every region', () => {
  const catalog = JSON.parse(readFileSync(join(root, 'src/catalog/linkedin.json'), 'utf8'));
  const ai = catalog.settings.find((/** @type {any} */ s) => s.id === 'gen-ai-improvement');
  assert.ok(ai && ai.since, 'the AI setting has its dates');
  assert.deepEqual({ ...AI_CHANGE_DATES }, ai.since);
  for (const d of Object.values(AI_CHANGE_DATES)) assert.match(d, /^\d{4}-\d{2}-\d{2}$/);
});
