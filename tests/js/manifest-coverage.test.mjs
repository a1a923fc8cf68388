// @ts-check
// The manifest's content-script split must agree with the core: every page the core treats as a settings page
// (setting or hub) gets the guide bundle at load, every other LinkedIn page the watch bundle (and, at run time,
// the nudge bundle with the same matches), and no page both or neither.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const core = await import(join(root, 'extension', 'worker', 'core.js'));
core.initSync({ module: readFileSync(join(root, 'extension', 'pkg', 'optout_pilot_core_bg.wasm')) });
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const catalog = JSON.parse(readFileSync(join(root, 'src', 'catalog', 'linkedin.json'), 'utf8'));
const guide = manifest.content_scripts.find((/** @type {any} */ c) => c.js.includes('content/guide.js'));
const watch = manifest.content_scripts.find((/** @type {any} */ c) => c.js.includes('content/watch.js'));
const signin = manifest.content_scripts.find((/** @type {any} */ c) => c.js.includes('content/signin.js'));

/** Chrome's match-pattern rule for the patterns used here: exact scheme and host, `*` in the path matches anything
 * (query included). @param {string} pattern @param {string} url */
function matches(pattern, url) {
  const m = pattern.match(/^(https):\/\/([^/]+)(\/.*)$/);
  if (!m) throw new Error(`unsupported pattern ${pattern}`);
  const u = new URL(url);
  if (u.protocol !== `${m[1]}:` || u.host !== m[2]) return false;
  const path = new RegExp('^' + m[3].split('*').map((s) => s.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*') + '$');
  return path.test(u.pathname + u.search);
}
/** @param {any} entry @param {string} url */
const runs = (entry, url) => entry.matches.some((/** @type {string} */ p) => matches(p, url)) &&
  !(entry.exclude_matches ?? []).some((/** @type {string} */ p) => matches(p, url));
/** @param {string} url */
const kind = (url) => core.detect({ v: 1, url, lang: '', title: '', heading: '', loginForm: false, controls: [], truncated: false }).page.kind;

const ordinary = ['/', '/feed/', '/in/jane-doe/', '/jobs/view/4012345678/', '/messaging/thread/2-abc/', '/help/linkedin/ask/TS-DPRO',
  '/company/northwind/', '/search/results/all/?keywords=settings', '/notifications/', '/pulse/why-settings-matter-jane-doe'];
const settings = ['/mypreferences/d/categories/privacy', '/mypreferences/d/categories/ads', '/mypreferences/d/categories/account',
  '/mypreferences/d/settings/some-new-setting', '/mypreferences', '/mypreferences/', '/psettings/', '/psettings/privacy',
  '/settings/', '/settings/?tab=privacy', '/mypreferences/m/settings/ads-beyond-linkedin'];

test('every catalog toggle URL (and alternative URL) gets the guide bundle at load, never watch/nudge', () => {
  const urls = catalog.settings.filter((/** @type {any} */ s) => s.kind === 'toggle')
    .flatMap((/** @type {any} */ s) => [s.url, ...(s.altUrls ?? [])]);
  assert.ok(urls.length >= 12);
  for (const url of urls) {
    assert.equal(kind(url), 'setting', `${url}: the core calls it a setting page`);
    assert.ok(runs(guide, url), `${url}: guide bundle`);
    assert.ok(!runs(watch, url), `${url}: not the watch bundle`);
  }
});

test('pages the core treats as settings pages get the guide; ordinary pages get watch (and the nudge); never both', () => {
  for (const p of settings) {
    const url = 'https://www.linkedin.com' + p;
    assert.ok(['setting', 'hub'].includes(kind(url)), `${p}: core kind ${kind(url)}`);
    assert.ok(runs(guide, url) && !runs(watch, url), `${p}: guide only`);
  }
  for (const p of ordinary) {
    const url = 'https://www.linkedin.com' + p;
    assert.ok(['linkedin', 'login'].includes(kind(url)), `${p}: core kind ${kind(url)}`);
    assert.ok(runs(watch, url) && !runs(guide, url), `${p}: watch only`);
  }
});

test('the two manifest entries split www.linkedin.com exactly: watch excludes what the guide matches', () => {
  assert.deepEqual(watch.matches, ['https://www.linkedin.com/*']);
  assert.deepEqual(watch.exclude_matches, guide.matches);
  for (const c of [guide, watch]) {
    assert.equal(c.run_at, 'document_start');
    assert.equal(c.all_frames, false);
  }
});

// Sign-in and sign-out pages get signin.js from the manifest; before, watch.js tested the address on every load. The
// patterns must say exactly what that test said (this is its code).
const AUTH_PATHS = ['login', 'signup', 'authwall', 'logout', 'checkpoint/', 'uas/', 'm/login', 'm/logout', 'reauthentication'];
/** @param {string} url */
function wasSignInPage(url) {
  const path = url.slice(url.indexOf('/', 8) + 1);
  return path === '' || path[0] === '?' || path[0] === '#' || AUTH_PATHS.some((p) => path.startsWith(p));
}

test('signin.js goes exactly on sign-in and sign-out addresses, and only on ordinary pages', () => {
  const signInPages = ['/', '/?trk=guest_homepage-basic_nav-header-logo', '/#main-content', '/login', '/login?fromSignIn=true&trk=x',
    '/login/de', '/loginx', '/signup', '/signup/cold-join?session_redirect=%2Ffeed%2F', '/authwall?trk=gf&sessionRedirect=x', '/logout',
    '/logout/', '/m/logout/', '/checkpoint/lg/login-submit', '/checkpoint/challenge/AgE', '/uas/login?session_redirect=x', '/m/login',
    '/reauthentication?redirect=x'];
  const otherPages = [...ordinary.filter((p) => p !== '/'), ...settings, '/checkpoint', '/uas', '/m/', '/feed/?login=1', '/in/login-expert/',
    '/company/logout/', '/jobs/search/?keywords=signup', '/m/feed/', '/x'];
  for (const p of signInPages) {
    const url = 'https://www.linkedin.com' + p;
    assert.equal(wasSignInPage(url), true, `${p}: the old test`);
    assert.ok(runs(signin, url), `${p}: signin.js`);
    assert.ok(runs(watch, url) && !runs(guide, url), `${p}: an ordinary page (watch.js too)`);
  }
  for (const p of otherPages) {
    const url = 'https://www.linkedin.com' + p;
    assert.equal(runs(signin, url), wasSignInPage(url), `${p}: signin.js ${runs(signin, url)}, the old test ${wasSignInPage(url)}`);
  }
  assert.equal(signin.run_at, 'document_start');
  assert.equal(signin.all_frames, false);
});
