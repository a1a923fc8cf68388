// End-to-end harness: load the built extension into Debian's headless Chromium (playwright-core, no browser
// download), serve https://www.linkedin.com/ from fixture files, block every other host, and read what the
// extension shows (badge, popup, the content script's CLOSED shadow root through CDP).
//
//   import { launchWithExtension, routeLinkedIn, shadowSnapshot, shadowClick, readBadge } from './harness.mjs';
//   const ext = await launchWithExtension();                 // dist/chrome
//   const router = await routeLinkedIn(ext.context, { '/feed/': 'feed.html' });
//   const page = await ext.context.newPage();
//   await page.goto('https://www.linkedin.com/feed/');
//   const banner = await waitForShadow(page);                 // { text, buttons, links, roles, ... }
//   await ext.close();
//
// Environment: OPTOUT_CHROMIUM (browser binary, default /usr/bin/chromium), OPTOUT_HEADED=1 (show the window).
import { mkdtemp, rm, mkdir, readFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname, isAbsolute, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { missingReferences } from '../../../tools/build/assemble.mjs';
import { ROOT, FIXTURES, CHROMIUM, LINKEDIN_CSP } from './env.mjs';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Worker} Worker */
/** @typedef {import('playwright-core').Request} Request */
/** @typedef {import('playwright-core').Route} Route */

export { ROOT, FIXTURES, CHROMIUM, LINKEDIN_CSP };
export const OUTPUT = join(ROOT, 'tests', 'output');
export const LINKEDIN = 'https://www.linkedin.com';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--lang=en-US',
];

/**
 * @typedef {object} BlockedRequest
 * @property {string} url
 * @property {string} method
 * @property {string} resourceType
 * @property {string} from  'page' | 'extension-page' | 'extension-worker' | 'other-worker' | 'unknown'
 * @property {string} [frameUrl]
 */

/** @type {WeakMap<BrowserContext, BlockedRequest[]>} */
const blockedByContext = new WeakMap();

/** @param {Request} request */
function originOf(request) {
  /** @type {string | undefined} */
  let frameUrl;
  try {
    const sw = request.serviceWorker();
    if (sw) {
      frameUrl = sw.url();
      return { from: frameUrl.startsWith('chrome-extension://') ? 'extension-worker' : 'other-worker', frameUrl };
    }
  } catch {
    /* not available */
  }
  try {
    frameUrl = request.frame().url();
  } catch {
    return { from: 'unknown', frameUrl };
  }
  return { from: frameUrl.startsWith('chrome-extension://') ? 'extension-page' : 'page', frameUrl };
}

/**
 * Launch Chromium with the unpacked extension at `dist` and wait for its service worker.
 * Every http(s) request that no later route serves (routeLinkedIn) is aborted and listed in `blocked`.
 * @param {{dist?: string, headless?: boolean, args?: string[], workerTimeout?: number, locale?: string}} [options]
 */
export async function launchWithExtension(options = {}) {
  const dist = resolve(ROOT, options.dist ?? 'dist/chrome');
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`${relative(ROOT, dist)}/manifest.json not found: run ./build.sh first`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y --no-install-recommends chromium chromium-driver`);
  }
  // Chrome refuses an extension whose manifest names a missing file; say which instead of timing out.
  const problems = missingReferences(dist, JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')));
  if (problems.length) {
    throw new Error(`${relative(ROOT, dist)} cannot load:\n  ${problems.join('\n  ')}`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'optout-e2e-'));
  const headless = options.headless ?? process.env.OPTOUT_HEADED !== '1';
  /** @type {string[]} */
  const browserLog = [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    logger: {
      isEnabled: (name) => name === 'browser',
      log: (_name, _severity, message) => {
        if (browserLog.length < 500) browserLog.push(String(message));
      },
    },
    executablePath: CHROMIUM,
    headless,
    locale: options.locale ?? 'en-US',
    // Chromium on Linux takes its UI language (chrome.i18n, extension pages) from LANGUAGE, not from the locale.
    env: { ...process.env, LANGUAGE: (options.locale ?? 'en-US').replace('-', '_') },
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
  /** @type {BlockedRequest[]} */
  const blocked = [];
  blockedByContext.set(context, blocked);
  // Registered first, so any later route (routeLinkedIn) takes precedence: nothing reaches the network.
  await context.route(/^(https?|wss?|ftp):/i, (route) => {
    const r = route.request();
    blocked.push({ url: r.url(), method: r.method(), resourceType: r.resourceType(), ...originOf(r) });
    return route.abort('blockedbyclient');
  });

  const closeAll = async () => {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  };
  try {
    const worker = await waitForWorker(context, options.workerTimeout ?? 15_000).catch((e) => {
      const related = browserLog.filter((l) => /extension|manifest|service.?worker/i.test(l));
      throw new Error(`${e.message}\n${related.length ? `browser said:\n  ${related.join('\n  ')}` : ''}`);
    });
    const extensionId = new URL(worker.url()).host;
    return { context, worker, extensionId, dist, userDataDir, blocked, browserLog, close: closeAll };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

/**
 * The extension's (current) service worker; waits for it to start. A worker that Chrome stopped when idle is
 * started again by opening an extension page or sending it a message from one.
 * @param {BrowserContext} context
 * @param {number} [timeout]
 * @returns {Promise<Worker>}
 */
export async function waitForWorker(context, timeout = 15_000) {
  const isOurs = (/** @type {Worker} */ w) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isOurs, timeout });
  } catch {
    throw new Error(
      `the extension's service worker did not start within ${timeout} ms. Is background.service_worker in the ` +
        'manifest, and does the worker module load without a top-level error (no top-level await, no import())?',
    );
  }
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @typedef {object} FixtureResponse
 * @property {string} [file]    fixture path, relative to tests/fixtures/ (or absolute)
 * @property {string} [body]    literal body instead of a file
 * @property {number} [status]
 * @property {string} [contentType]
 * @property {Record<string, string>} [headers]
 */
/** @typedef {string | FixtureResponse | null | undefined} FixtureTarget */
/** @typedef {Record<string, FixtureTarget> | ((url: URL, request: Request) => FixtureTarget | Promise<FixtureTarget>)} RouteTable */

/**
 * Serve https://www.linkedin.com/ from fixtures. `table` maps a path ("/feed/") or path+query
 * ("/mypreferences/d/settings?x=1", tried first) to a fixture file under tests/fixtures/, or is a function
 * (url, request) => file | {file|body, status, headers} | null. /__fixtures__/<path> always serves
 * tests/fixtures/<path> (page scripts and styles: same origin, so the strict CSP allows them). Everything else on
 * linkedin.com is a 404. Every HTML response carries LINKEDIN_CSP (options.csp overrides; '' for none).
 * Returns a router whose `table` can be swapped between page loads, and a `served` log.
 * @param {BrowserContext} context
 * @param {RouteTable} [table]
 * @param {{csp?: string, fixtures?: string}} [options]
 */
export async function routeLinkedIn(context, table = {}, options = {}) {
  const csp = options.csp ?? LINKEDIN_CSP;
  const base = options.fixtures ?? FIXTURES;
  /** @type {{url: string, status: number, file?: string}[]} */
  const served = [];
  const router = {
    table,
    served,
    unroute: () => context.unroute(/^https:\/\/www\.linkedin\.com\//, handler),
  };
  /** @param {Route} route */
  async function handler(route) {
    const request = route.request();
    const url = new URL(request.url());
    /** @type {FixtureTarget} */
    let target = null;
    if (url.pathname.startsWith('/__fixtures__/')) {
      target = decodeURIComponent(url.pathname.slice('/__fixtures__/'.length));
    } else if (typeof router.table === 'function') {
      target = await router.table(url, request);
    } else {
      target = router.table[url.pathname + url.search] ?? router.table[url.pathname];
    }
    const spec = typeof target === 'string' ? { file: target } : target;
    /** @type {Buffer | string | null} */
    let body = null;
    let status = spec?.status ?? 200;
    let type = spec?.contentType;
    if (spec?.body != null) {
      body = spec.body;
      type ??= TYPES['.html'];
    } else if (spec?.file) {
      const abs = isAbsolute(spec.file) ? spec.file : join(base, spec.file);
      const inside = !relative(base, abs).startsWith('..') || isAbsolute(spec.file);
      body = inside ? await readFile(abs).catch(() => null) : null;
      type ??= TYPES[extname(abs).toLowerCase()] ?? 'application/octet-stream';
    }
    if (body == null) {
      status = 404;
      type = TYPES['.html'];
      body = '<!doctype html><html lang="en"><title>404 | LinkedIn</title><h1>Page not found</h1></html>';
    }
    served.push({ url: url.href, status, file: spec?.file });
    /** @type {Record<string, string>} */
    const headers = { 'content-type': type ?? TYPES['.html'], 'cache-control': 'no-store', ...(spec?.headers ?? {}) };
    if (csp && headers['content-type'].startsWith('text/html')) headers['content-security-policy'] = csp;
    return route.fulfill({ status, headers, body });
  }
  await context.route(/^https:\/\/www\.linkedin\.com\//, handler);
  return router;
}

/** Fixture cases from tests/fixtures/cases.json (empty list while the file does not exist). */
export async function loadCases() {
  /** @type {{name: string, file: string, url: string, query?: string, lang?: string, expect?: any}[]} */
  const cases = [];
  // cases.json (generated), then the hand-written sets beside it (issue24-cases.json, redteam-cases.json, …).
  const files = ['cases.json', ...readdirSync(FIXTURES).filter((f) => f.endsWith('-cases.json')).sort()];
  for (const name of files) {
    const file = join(FIXTURES, name);
    if (existsSync(file)) cases.push(...JSON.parse(await readFile(file, 'utf8')));
  }
  // OPTOUT_CASES=<regex>: only the cases whose name matches (a quick run while working on a few).
  const only = process.env.OPTOUT_CASES ? new RegExp(process.env.OPTOUT_CASES) : null;
  return only ? cases.filter((c) => only.test(c.name)) : cases;
}

/**
 * Every request whose frame or worker belongs to the extension (popup/options pages, the service worker), live.
 * Content-script requests are the page's own requests in Chromium: check `ext.blocked` / the router for those.
 * @param {BrowserContext} context
 */
export function recordRequests(context) {
  /** @type {BlockedRequest[]} */
  const list = [];
  context.on('request', (r) => {
    const o = originOf(r);
    if (o.from === 'extension-page' || o.from === 'extension-worker' || r.url().startsWith('chrome-extension://')) {
      list.push({ url: r.url(), method: r.method(), resourceType: r.resourceType(), ...o });
    }
  });
  return list;
}

/** Requests that were aborted because they left linkedin.com fixtures (any frame, page or worker). */
export function blockedRequests(/** @type {BrowserContext} */ context) {
  return blockedByContext.get(context) ?? [];
}

/** '#rrggbb' (or '#rrggbbaa' when not opaque) from chrome.action's [r, g, b, a]. @param {number[]} c */
export function colorHex(c) {
  const hex = c.slice(0, c[3] === 255 ? 3 : 4).map((n) => n.toString(16).padStart(2, '0')).join('');
  return `#${hex}`;
}

/**
 * The toolbar badge as the worker sees it, global or for one tab.
 * @param {Worker} worker
 * @param {number} [tabId]
 */
export async function readBadge(worker, tabId) {
  const r = await worker.evaluate(async (tabId) => {
    const d = tabId == null ? {} : { tabId };
    const [text, color, title] = await Promise.all([
      chrome.action.getBadgeText(d),
      chrome.action.getBadgeBackgroundColor(d),
      chrome.action.getTitle(d),
    ]);
    return { text, color: /** @type {number[]} */ (/** @type {unknown} */ (color)), title };
  }, tabId);
  return { ...r, hex: colorHex(r.color) };
}

/**
 * The tab id of a page (for per-tab badges), looked up in the worker by URL.
 * @param {Worker} worker
 * @param {Page} page
 */
export async function tabIdOf(worker, page) {
  const url = page.url();
  const id = await worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const t = tabs.filter((x) => x.url === url || x.pendingUrl === url);
    return t.length === 1 ? t[0].id : t.length ? -t.length : null;
  }, url);
  if (id == null) throw new Error(`no tab with url ${url}`);
  if (id < 0) throw new Error(`${-id} tabs with url ${url}: cannot tell which`);
  return id;
}

/**
 * Open an extension page (popup.html by default) in a tab. `waitFor`: a selector to wait for.
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {{path?: string, waitFor?: string, width?: number, height?: number}} [options]
 */
export async function openPopup(context, extensionId, options = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width: options.width ?? 400, height: options.height ?? 600 });
  await page.goto(`chrome-extension://${extensionId}/${options.path ?? 'pages/popup.html'}`);
  if (options.waitFor) await page.waitForSelector(options.waitFor);
  return page;
}

/** Collect console messages and uncaught errors of a page (or worker). @param {Page | Worker} target */
export function collectErrors(target) {
  /** @type {string[]} */
  const errors = [];
  target.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  if ('mainFrame' in target) target.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/**
 * The extension's content-script worlds in a page's frames (CDP isolated execution contexts whose origin is the
 * extension): proof that the content script was injected, whatever it draws.
 * @param {Page} page
 * @param {string} extensionId
 * @returns {Promise<{id: number, name: string, origin: string, frameId: string}[]>}
 */
export async function contentScriptWorlds(page, extensionId) {
  const session = await page.context().newCDPSession(page);
  /** @type {{id: number, name: string, origin: string, frameId: string}[]} */
  const worlds = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = /** @type {{type?: string, frameId?: string}} */ (context.auxData ?? {});
    if (aux.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) {
      worlds.push({ id: context.id, name: context.name, origin: context.origin, frameId: aux.frameId ?? '' });
    }
  });
  try {
    await session.send('Runtime.enable'); // reports the existing contexts before it returns
    await session.send('Runtime.disable');
  } finally {
    await session.detach().catch(() => {});
  }
  return worlds;
}

/**
 * Send a runtime message to the service worker as an extension page does (the worker cannot message itself),
 * from a blank tab on an extension page (default: the popup, which also wakes a stopped worker).
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {unknown} message
 * @param {{path?: string}} [options]
 */
export async function sendToWorker(context, extensionId, message, options = {}) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/${options.path ?? 'pages/popup.html'}`);
    return await page.evaluate((m) => chrome.runtime.sendMessage(m), /** @type {any} */ (message));
  } finally {
    await page.close();
  }
}

// ----------------------------------------------------------------------------------- closed shadow root
// The content script draws in a closed shadow root: page scripts (and document.querySelector) cannot see it.
// CDP can: DOM.getDocument with pierce lists shadow roots of any mode; DOM.resolveNode gives a handle that a
// function can read (in the page's main world, for reading only).

/**
 * Run `fn` with a CDP session, the closed shadow root's object id and its host's DOM node description
 * (`backendNodeId`, `attributes`, …); null when the page has no closed shadow root.
 * @param {Page} page
 * @param {{host?: string}} options  host: a CSS selector for the host element (default: the first element with a
 *   closed shadow root in the top document)
 */
export async function withShadowRoot(page, options, /** @type {(s: import('playwright-core').CDPSession, objectId: string, host: any) => Promise<any>} */ fn) {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
    /** @type {any} */
    let found = null;
    /** @type {any} */
    let host = null;
    if (options?.host) {
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: options.host });
      if (nodeId) {
        const { node } = await session.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
        host = node;
        found = (node.shadowRoots ?? [])[0] ?? null;
      }
    } else {
      /** @param {any} n */
      const walk = (n) => {
        if (found) return;
        for (const s of n.shadowRoots ?? []) {
          if (s.shadowRootType === 'closed') {
            found = s;
            host = n;
            return;
          }
        }
        for (const c of n.children ?? []) walk(c);
      };
      walk(root);
    }
    if (!found) return null;
    const { object } = await session.send('DOM.resolveNode', { backendNodeId: found.backendNodeId });
    if (!object.objectId) return null;
    return await fn(session, object.objectId, { ...host, shadowRootType: found.shadowRootType });
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Runs in the page on the shadow root (`this`): a plain, JSON-able description of what a user sees. */
const SNAPSHOT_FN = `function () {
  const root = this;
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length) &&
    getComputedStyle(el).visibility !== 'hidden';
  const text = (el) => (el.innerText ?? el.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const name = (el) => (el.getAttribute('aria-label') ||
    (el.getAttribute('aria-labelledby') || '').split(/\\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' ').trim() ||
    text(el) || el.getAttribute('title') || '').replace(/\\s+/g, ' ').trim();
  const parts = [];
  for (const el of root.children) {
    if (el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || el.tagName === 'TEMPLATE' || el.tagName === 'LINK') continue;
    const t = text(el);
    if (t) parts.push(t);
  }
  const all = [...root.querySelectorAll('*')];
  return {
    mode: root.mode,
    text: parts.join('\\n'),
    html: [...root.children].map((e) => e.outerHTML).join(''),
    buttons: all.filter((e) => e.tagName === 'BUTTON' || e.getAttribute('role') === 'button').map((e) => ({
      text: text(e), name: name(e), disabled: !!e.disabled || e.getAttribute('aria-disabled') === 'true',
      visible: visible(e), id: e.id || null, attrs: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])) })),
    links: all.filter((e) => e.tagName === 'A').map((e) => ({
      text: text(e), name: name(e), href: e.getAttribute('href'), target: e.getAttribute('target'),
      rel: e.getAttribute('rel'), visible: visible(e) })),
    roles: all.filter((e) => e.hasAttribute('role')).map((e) => ({
      role: e.getAttribute('role'), name: name(e), live: e.getAttribute('aria-live'), visible: visible(e) })),
    langs: all.filter((e) => e.hasAttribute('lang')).map((e) => e.getAttribute('lang')),
    urls: all.flatMap((e) => [...e.attributes].filter((a) => /^(chrome|moz)-extension:/.test(a.value)).map((a) => a.value)),
    visible: [...root.children].some((e) => e instanceof HTMLElement && e.tagName !== 'STYLE' && visible(e)),
    checking: !!root.querySelector('.status.checking'),
  };
}`;

/**
 * @typedef {object} ShadowSnapshot
 * @property {string} mode  'closed' expected
 * @property {string} text  visible text (innerText) of the shadow tree
 * @property {string} html
 * @property {{text: string, name: string, disabled: boolean, visible: boolean, id: string|null, attrs: Record<string,string>}[]} buttons
 * @property {{text: string, name: string, href: string|null, target: string|null, rel: string|null, visible: boolean}[]} links
 * @property {{role: string, name: string, live: string|null, visible: boolean}[]} roles
 * @property {string[]} langs  lang attributes inside
 * @property {string[]} urls   attribute values with an extension URL (should be none)
 * @property {boolean} visible
 * @property {boolean} checking  the guide is still checking a switch that just appeared or changed (no verdict yet)
 * @property {{nodeName: string, attributes: string[], shadowRootType: string}} host
 */

/**
 * Snapshot of the content script's closed shadow root, or null when there is none (yet).
 * @param {Page} page
 * @param {{host?: string}} [options]
 * @returns {Promise<ShadowSnapshot | null>}
 */
export async function shadowSnapshot(page, options = {}) {
  return withShadowRoot(page, options, async (session, objectId, host) => {
    const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: SNAPSHOT_FN,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`shadowSnapshot: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return {
      ...result.value,
      host: { nodeName: host.nodeName, attributes: host.attributes ?? [], shadowRootType: host.shadowRootType },
    };
  });
}

/** The visible text of the closed shadow root ('' when there is none). @param {Page} page @param {{host?: string}} [options] */
export async function shadowText(page, options = {}) {
  return (await shadowSnapshot(page, options))?.text ?? '';
}

/**
 * Wait until the closed shadow root exists (and `predicate(snapshot)` holds, default: it shows something), and —
 * unless `checking` is allowed — the guide has finished checking a switch that just appeared or changed (the card
 * re-renders with its verdict then, as a person would wait for it).
 * @param {Page} page
 * @param {{host?: string, timeout?: number, predicate?: (s: ShadowSnapshot) => boolean, checking?: boolean}} [options]
 */
export async function waitForShadow(page, options = {}) {
  const deadline = Date.now() + (options.timeout ?? 10_000);
  const want = options.predicate ?? ((/** @type {ShadowSnapshot} */ s) => s.visible);
  const ok = (/** @type {ShadowSnapshot} */ s) => (options.checking || !s.checking) && want(s);
  /** @type {ShadowSnapshot | null} */
  let last = null;
  for (;;) {
    last = await shadowSnapshot(page, options).catch(() => null);
    if (last && ok(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`waitForShadow: timed out; last snapshot: ${last ? JSON.stringify(last.text) : 'no closed shadow root'}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Click inside the closed shadow root with a real (trusted) mouse click at the element's centre.
 * `target`: a CSS selector inside the shadow root, or {text} / {name} matching a button or link exactly (trimmed,
 * case-insensitive) or {text: RegExp}. `trusted: false` dispatches element.click() instead.
 * @param {Page} page
 * @param {string | {text?: string | RegExp, name?: string | RegExp}} target
 * @param {{host?: string, trusted?: boolean}} [options]
 */
export async function shadowClick(page, target, options = {}) {
  // The card accepts a click only once it has been on screen, unobstructed, for a moment (it rises in for 180 ms;
  // IntersectionObserver v2 confirms it visible 100 ms later): no member clicks faster than that.
  // A member clicks in the tab they see: a background tab does not render, so the card could not confirm it is seen.
  if (options.trusted !== false) {
    await page.bringToFront();
    await page.waitForTimeout(400);
    // On a busy machine 400 ms may pass with few frames drawn, and visibility is confirmed at a frame: wait for
    // two more (in the page, as a member's eyes would).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
  }
  const spec = typeof target === 'string'
    ? { selector: target }
    : {
        text: target.text instanceof RegExp ? { re: target.text.source, flags: target.text.flags } : target.text,
        name: target.name instanceof RegExp ? { re: target.name.source, flags: target.name.flags } : target.name,
      };
  const box = await withShadowRoot(page, options, async (session, objectId) => {
    const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
      objectId,
      arguments: [{ value: spec }, { value: options.trusted !== false }],
      returnByValue: true,
      functionDeclaration: `function (spec, trusted) {
        const norm = (s) => (s ?? '').replace(/\\s+/g, ' ').trim();
        const match = (want, got) => want == null || (typeof want === 'string'
          ? norm(got).toLowerCase() === norm(want).toLowerCase() : new RegExp(want.re, want.flags).test(norm(got)));
        let el = null;
        if (spec.selector) el = this.querySelector(spec.selector);
        else el = [...this.querySelectorAll('button, a, [role=button], [role=link], input, [role=switch]')].find((e) =>
          match(spec.text, e.innerText ?? e.textContent) && match(spec.name, e.getAttribute('aria-label') || e.innerText));
        if (!el) return null;
        el.scrollIntoView({ block: 'center', inline: 'center' });
        if (!trusted) { el.click(); return { clicked: true }; }
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height };
      }`,
    });
    if (exceptionDetails) throw new Error(`shadowClick: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  });
  if (!box) throw new Error(`shadowClick: nothing matches ${JSON.stringify(target)} in the closed shadow root`);
  if (box.clicked) return;
  if (!box.w || !box.h) throw new Error(`shadowClick: ${JSON.stringify(target)} is not visible`);
  await page.mouse.click(box.x, box.y);
}

/**
 * Save a PNG to tests/output/screenshots/<name>.png (git-ignored); returns the path.
 * @param {Page} page
 * @param {string} name
 * @param {{fullPage?: boolean}} [options]
 */
export async function screenshot(page, name, options = {}) {
  const dir = join(OUTPUT, 'screenshots');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
}

/** The manifest that was loaded (from the dist folder). @param {string} dist */
export async function readManifest(dist) {
  return JSON.parse(await readFile(join(resolve(ROOT, dist), 'manifest.json'), 'utf8'));
}
