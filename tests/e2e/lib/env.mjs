// @ts-check
// What every browser-driven test shares, in one place: where the repository is, which Chromium to drive
// (OPTOUT_CHROMIUM, default Debian's /usr/bin/chromium; no test tool downloads its own) and the Content Security
// Policy LinkedIn serves its pages with (measured; docs/architecture.md), which the routed fixtures get too.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const CHROMIUM = process.env.OPTOUT_CHROMIUM || '/usr/bin/chromium';
/** A CSP as strict as LinkedIn's: no inline script, no eval, no wasm, no extension URLs in the page. */
export const LINKEDIN_CSP =
  "default-src 'self'; script-src 'self' https://static.licdn.com; " +
  "style-src 'self' 'unsafe-inline' https://static.licdn.com; img-src 'self' data: https://media.licdn.com; " +
  "connect-src 'self'; frame-ancestors 'none'";
