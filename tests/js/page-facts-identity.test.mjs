// @ts-check
// Who is signed in, as content/page-facts.js `identity()` reads it (docs/identity.md): the global navigation's
// profile links, the "Me" item's photo (its alternative text is the member's name), the member data LinkedIn
// embeds in `<code>` JSON, and the settings app's own account header. Every signal that is there must agree; two
// that disagree give no handle and no name but `meConflict`; none gives nothing. Runs page-facts.js (bundled as the
// extension's bundles are) in headless Chromium on pages served from https://www.linkedin.com/.
// Skipped when /usr/bin/chromium (or OPTOUT_CHROMIUM) is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, FIXTURES } from '../e2e/lib/env.mjs';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;
const BUILT = mkdtempSync(join(tmpdir(), 'optout-identity-'));
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {string} */
let probe;

before(async () => {
  await build({
    stdin: { contents: `import * as facts from './page-facts.js'; window.__facts = facts;`, resolveDir: join(ROOT, 'extension', 'content'), sourcefile: 'facts-probe.js' },
    bundle: true, format: 'iife', outfile: join(BUILT, 'facts-probe.js'), logLevel: 'silent',
  });
  probe = readFileSync(join(BUILT, 'facts-probe.js'), 'utf8');
  if (!skip) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => {
  await browser?.close();
  rmSync(BUILT, { recursive: true, force: true });
});

/** The member data as LinkedIn embeds it (the shape public code reads: docs/identity.md). */
const meBlob = (/** @type {string} */ handle, /** @type {string} */ first, /** @type {string} */ last) => JSON.stringify({
  data: { $type: 'com.linkedin.voyager.common.Me', plainId: 1, '*miniProfile': 'urn:li:fs_miniProfile:ABC' },
  included: [
    { $type: 'com.linkedin.voyager.identity.shared.MiniProfile', entityUrn: 'urn:li:fs_miniProfile:OTHER', publicIdentifier: 'someone-else', firstName: 'Some', lastName: 'One' },
    { $type: 'com.linkedin.voyager.identity.shared.MiniProfile', entityUrn: 'urn:li:fs_miniProfile:ABC', publicIdentifier: handle, firstName: first, lastName: last },
  ],
}).replaceAll('<', '\\u003c');

const nav = (/** @type {{link?: string, photo?: string}} */ o) => `<header id="global-nav"><nav><ul>
  <li><a href="/feed/">Home</a></li>
  <li><button type="button" aria-expanded="false">${o.photo !== undefined ? `<img src="data:," alt="${o.photo}">` : ''}<span>Me</span></button>
    <div hidden>${o.link ? `<a href="${o.link}">View profile</a>` : ''}</div></li>
</ul></nav></header>`;

/**
 * identity() of a page with this body at this path.
 * @param {string} path @param {string} body
 */
async function identityOf(path, body) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await context.route('https://www.linkedin.com/**', (route) => route.fulfill({
    contentType: 'text/html', body: `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`,
  }));
  await page.goto(`https://www.linkedin.com${path}`);
  await page.addScriptTag({ content: probe });
  const out = await page.evaluate(() => /** @type {any} */ (window).__facts.identity(document));
  await context.close();
  return out;
}

const NOTHING = { me: '', meName: '', meConflict: false };

test('each signal alone names the member; handles and names are normalised', { skip }, async () => {
  assert.deepEqual(await identityOf('/feed/', nav({ link: '/in/Jane-Doe/' })), { me: 'jane-doe', meName: '', meConflict: false });
  assert.deepEqual(await identityOf('/feed/', nav({ photo: '  Jane   Doe ' })), { me: '', meName: 'jane doe', meConflict: false });
  assert.deepEqual(await identityOf('/feed/', `<main></main><code style="display:none">${meBlob('jane-doe', 'Jane', 'Doe')}</code>`),
    { me: 'jane-doe', meName: 'jane doe', meConflict: false });
  const header = `<header><a href="https://www.linkedin.com/in/jane-doe/"><img src="data:," alt="Jane Doe"></a><h1>Settings</h1></header>`;
  assert.deepEqual(await identityOf('/mypreferences/d/categories/account', header), { me: 'jane-doe', meName: 'jane doe', meConflict: false });
  assert.deepEqual(await identityOf('/feed/', header), NOTHING, 'the settings header counts on settings addresses only');
  // An encoded handle reads as LinkedIn's address means it.
  assert.equal((await identityOf('/feed/', nav({ link: '/in/j%C3%BCrgen-m/' }))).me, 'jürgen-m');
});

test('signals that agree give one answer; two that disagree give none (meConflict)', { skip }, async () => {
  const all = `${nav({ link: '/in/jane-doe/', photo: 'Jane Doe' })}<code>${meBlob('jane-doe', 'Jane', 'Doe')}</code>`;
  assert.deepEqual(await identityOf('/feed/', all), { me: 'jane-doe', meName: 'jane doe', meConflict: false });
  assert.deepEqual(await identityOf('/feed/', `${nav({ link: '/in/jane-doe/' })}<code>${meBlob('max-muster', 'Max', 'Muster')}</code>`),
    { me: '', meName: '', meConflict: true }, 'two handles');
  assert.deepEqual(await identityOf('/feed/', `${nav({ photo: 'Jane Doe' })}<code>${meBlob('jane-doe', 'Max', 'Muster')}</code>`),
    { me: '', meName: '', meConflict: true }, 'two names');
  assert.deepEqual(await identityOf('/feed/', `${nav({ photo: 'Photo of Jane Doe' })}<code>${meBlob('jane-doe', 'Jane', 'Doe')}</code>`),
    { me: 'jane-doe', meName: 'jane doe', meConflict: false }, 'a name inside a longer text: one member, the shorter name');
  assert.deepEqual(await identityOf('/feed/', `${nav({ photo: 'Jane Doering' })}<code>${meBlob('jane-doe', 'Jane', 'Doe')}</code>`),
    { me: '', meName: '', meConflict: true }, 'word for word, not letter for letter');
  assert.deepEqual(await identityOf('/feed/', `${nav({ link: '/in/jane-doe/' })}${nav({ link: '/in/max-muster/' }).replace('global-nav', 'x')}`),
    { me: 'jane-doe', meName: '', meConflict: false }, 'links outside the navigation are not the member');
});

test('no signal: unknown, never a guess from other profile links, pictures or JSON', { skip }, async () => {
  const feed = readFileSync(join(FIXTURES, 'pages/en/feed.html'), 'utf8');
  // The fixture feed with the navigation's profile link and the Me photo taken out: other members' posts remain.
  const bare = feed.replace(/<a href="\/in\/jane-doe\/" class="global-nav__me-profile">Jane Doe<\/a>/, '').replace(/alt="Jane Doe"/g, 'alt=""');
  const body = bare.slice(bare.indexOf('<body'), bare.lastIndexOf('</body>')).replace(/^<body[^>]*>/, '');
  const seen = await identityOf('/feed/', body);
  assert.equal(seen.meConflict, false);
  assert.notEqual(seen.me, 'jane-doe', 'the feed identity module is not read (it is not a signal of docs/identity.md)');
  assert.deepEqual(await identityOf('/feed/', '<main><a href="/in/someone/"><img alt="Some One"></a></main>'), NOTHING);
  assert.deepEqual(await identityOf('/feed/', `<code>${JSON.stringify({ data: { $type: 'com.linkedin.voyager.feed.Update' }, included: [{ publicIdentifier: 'x' }] })}</code><code>not json com.linkedin.voyager.common.Me</code>`), NOTHING);
  assert.deepEqual(await identityOf('/feed/', nav({ photo: '' })), NOTHING, 'a photo without a name');
});
