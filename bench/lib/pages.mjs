// Snapshots for the core benchmarks, shared by the native (Rust) and WASM (node) runs: written once to
// bench/out/snapshots/*.json by run.mjs, read by both, so both time exactly the same input.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SIZES = [1_000, 5_000, 10_000];
const SETTING_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const FILLER = [
  'Email notifications for messages', 'Show profile photos', 'Autoplay videos', 'Dark mode',
  'Sync contacts', 'Two-step verification', 'Profile viewing options', 'Share job changes with your network',
  'Mentions or tags by others', 'Followers', 'Story viewing options', 'Verifications',
];

/** The case snapshots with 1 to 20 controls (what a real settings page sends). @param {string} root */
export function typicalCases(root) {
  const cases = JSON.parse(readFileSync(join(root, 'tests', 'cases', 'detection.json'), 'utf8'));
  return cases
    .filter((c) => c.snapshot && typeof c.snapshot === 'object' && Array.isArray(c.snapshot.controls))
    .filter((c) => c.snapshot.controls.length >= 1 && c.snapshot.controls.length <= 20)
    .map((c) => ({ name: c.name, snapshot: c.snapshot }));
}

/** What the content script reports of a shown, settled control in main (the facts the core's rule reads). */
const SEEN = Object.freeze({ visible: true, busy: false, inert: false, shadow: false, main: true, settled: true });

/**
 * A settings page with `n` controls: the real switch plus labelled switches of other settings pages
 * ("mixed": short labels, ids, section headings) or, "hostile", long texts full of catalog words that
 * exercise the fuzzy matcher on every control.
 * @param {number} n @param {'mixed'|'hostile'} flavour @param {string[]} phrases catalog phrases
 */
export function bigSnapshot(n, flavour, phrases) {
  const controls = [];
  for (let i = 0; i < n; i++) {
    if (i === 7) {
      controls.push({ kind: 'checkbox', name: 'Use my data for training content creation AI models',
        keys: ['allowDataForGenerativeAI'], context: 'Data for Generative AI Improvement', checked: true, disabled: false,
        ...SEEN, section: 0 });
      continue;
    }
    const name = flavour === 'hostile'
      ? Array.from({ length: 12 }, (_, k) => phrases[(i * 7 + k * 13) % phrases.length]).join(' ').slice(0, 500)
      : `${FILLER[i % FILLER.length]} ${i}`;
    controls.push({
      kind: i % 3 === 0 ? 'switch' : 'checkbox',
      name,
      keys: [`ember${i}`, `toggle-${i % 97}`],
      context: flavour === 'hostile' ? phrases[(i * 5) % phrases.length] : `Section ${Math.floor(i / 10)}`,
      checked: i % 2 === 0,
      disabled: false,
      ...SEEN,
      section: Math.floor(i / 10),
    });
  }
  return { v: 1, url: SETTING_URL, lang: 'en', title: 'Data for Generative AI Improvement | LinkedIn',
    heading: 'Data for Generative AI Improvement', loginForm: false, controls, truncated: false };
}

/** Catalog phrases (titles, labels, aliases in every language). @param {string} root */
export function catalogPhrases(root) {
  const catalog = JSON.parse(readFileSync(join(root, 'src', 'catalog', 'linkedin.json'), 'utf8'));
  const out = [];
  for (const s of catalog.settings) {
    out.push(...Object.values(s.title), ...Object.values(s.label));
    for (const list of Object.values(s.aliases ?? {})) out.push(...list);
  }
  return out;
}

/** Write every benchmark snapshot to `dir`; returns [{file, name, controls, group}]. @param {string} root @param {string} dir */
export function writeSnapshots(root, dir) {
  mkdirSync(dir, { recursive: true });
  const list = [];
  typicalCases(root).forEach((c, i) => {
    const file = join(dir, `typical-${String(i).padStart(2, '0')}.json`);
    writeFileSync(file, JSON.stringify(c.snapshot));
    list.push({ file, name: c.name, controls: c.snapshot.controls.length, group: 'typical' });
  });
  const phrases = catalogPhrases(root);
  for (const flavour of /** @type {const} */ (['mixed', 'hostile'])) {
    for (const n of SIZES) {
      const file = join(dir, `${flavour}-${n}.json`);
      writeFileSync(file, JSON.stringify(bigSnapshot(n, flavour, phrases)));
      list.push({ file, name: `${flavour} ${n}`, controls: n, group: flavour });
    }
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify(list, null, 1));
  return list;
}
