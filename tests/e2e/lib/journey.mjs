// Helpers for the user-journey tests (journey*.test.mjs): what a person sees of OptOut Pilot on fixture pages.
// Builds on harness.mjs: localised expected strings straight from _locales, the fixture
// page for a LinkedIn URL per language and region, the highlight ring's position (closed shadow root via CDP),
// and small waiting helpers that poll a condition instead of sleeping.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, FIXTURES, shadowSnapshot, shadowClick, readBadge, sendToWorker, screenshot, withShadowRoot } from './harness.mjs';
import assert from 'node:assert/strict';
import { msg, finishSetup, pollUntil } from './ext.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Worker} Worker */
/** @typedef {import('./harness.mjs').ShadowSnapshot} ShadowSnapshot */

export const CATALOG = JSON.parse(readFileSync(join(ROOT, 'src/catalog/linkedin.json'), 'utf8'));

export { msg, finishSetup };

/** Catalog setting by id. @param {string} id */
export function setting(id) {
  const s = CATALOG.settings.find((/** @type {any} */ x) => x.id === id);
  if (!s) throw new Error(`no setting ${id}`);
  return s;
}

/** The toggles that apply in a region, in the catalog's order of importance. @param {string} region */
export function applicableToggles(region) {
  return CATALOG.settings
    .filter((/** @type {any} */ s) => s.kind === 'toggle' && s.regions.includes(region))
    .sort((/** @type {any} */ a, /** @type {any} */ b) => a.importance - b.importance);
}

/**
 * A route table for routeLinkedIn: the fixture page that LinkedIn would show for a URL, in one language and
 * region (EU wording `<slug>.eu.html` where the fixtures have it). `overrides` maps a path to a fixture file.
 * @param {string} lang @param {string} region @param {Record<string, string>} [overrides]
 */
export function linkedInPages(lang, region, overrides = {}) {
  return (/** @type {URL} */ url) => {
    if (overrides[url.pathname]) return overrides[url.pathname];
    if (url.pathname === '/feed/') return `pages/${lang}/feed.html`;
    const hub = url.pathname.match(/^\/mypreferences\/d\/categories\/(privacy|ads)$/);
    const slug = hub ? `categories-${hub[1]}` : url.pathname.replace(/\/$/, '').split('/').pop();
    if (!slug || !url.pathname.startsWith('/mypreferences/')) return null;
    for (const name of region === 'eu' ? [`${slug}.eu.html`, `${slug}.html`] : [`${slug}.html`]) {
      if (existsSync(join(FIXTURES, 'pages', lang, name))) return `pages/${lang}/${name}`;
    }
    return null;
  };
}

/**
 * Poll `fn` until it returns a truthy value (returned); a call that throws counts as "not yet". `pollUntil` of
 * lib/ext.mjs does the polling (one implementation, one time-out message).
 * @template T @param {() => Promise<T>} fn @param {string} what @param {number} [timeout]
 * @returns {Promise<NonNullable<T>>}
 */
export async function until(fn, what, timeout = 10_000) {
  const value = await pollUntil(() => fn().catch(() => undefined), Boolean, { what, timeout });
  return /** @type {NonNullable<T>} */ (value);
}

/**
 * Wait until the banner card is drawn and its visible text (the card only: not the live region, not the ring's
 * label) contains every string in `texts` and none in `options.not`. Returns the shadow snapshot plus `card`.
 * @param {Page} page @param {string[]} texts @param {{timeout?: number, not?: string[]}} [options]
 */
export async function bannerWith(page, texts, options = {}) {
  const not = options.not ?? [];
  return until(async () => {
    const card = await cardText(page);
    if (card == null || !texts.every((t) => card.includes(t)) || not.some((t) => card.includes(t))) return null;
    const s = await shadowSnapshot(page);
    return s ? { ...s, card } : null;
  }, `banner with ${JSON.stringify(texts)}${not.length ? ` and without ${JSON.stringify(not)}` : ''}`, options.timeout);
}

/** The banner card's visible text (innerText, whitespace folded), or null when no card is drawn. @param {Page} page */
export async function cardText(page) {
  return /** @type {Promise<string|null>} */ (inShadow(page, `function () {
    const card = this.querySelector('[role="region"]');
    return card && card.getClientRects().length ? card.innerText.replace(/\\s+/g, ' ').trim() : null;
  }`));
}

/** The badge once `ok(badge)` holds. @param {Worker} worker @param {(b: Awaited<ReturnType<typeof readBadge>>) => boolean} ok @param {string} what */
export async function badgeWhen(worker, ok, what) {
  return until(async () => {
    const b = await readBadge(worker);
    return ok(b) ? b : null;
  }, `badge ${what}`);
}

/**
 * Geometry inside the closed shadow root, read through CDP (page scripts cannot see it): the ring around the
 * switch, its label, and the banner card. Rects are viewport CSS pixels; null when not drawn/hidden.
 * @param {Page} page
 */
export async function overlayRects(page) {
  return /** @type {Promise<{ring: Rect|null, tag: Rect|null, card: Rect|null} | null>} */ (inShadow(page, `function () {
    const box = (el) => {
      if (!el || el.hidden || !el.getClientRects().length) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: (el.textContent || '').trim() };
    };
    const ring = this.querySelector('.ring'); // our own overlay (extension/content/banner.js), not LinkedIn's
    return { ring: box(ring), tag: box(ring && ring.firstElementChild), card: box(this.querySelector('[role="region"]')) };
  }`));
}
/** @typedef {{x: number, y: number, width: number, height: number, text?: string}} Rect */

/** Does rect `outer` contain rect `inner` (with a pixel of rounding slack)? @param {any} outer @param {any} inner */
export function contains(outer, inner) {
  return outer.x <= inner.x + 1 && outer.y <= inner.y + 1 &&
    outer.x + outer.width >= inner.x + inner.width - 1 && outer.y + outer.height >= inner.y + inner.height - 1;
}

/** The worker's status view. */
export async function status(/** @type {any} */ ext) {
  return sendToWorker(ext.context, ext.extensionId, { type: 'status' });
}

/**
 * Run a function on the content script's closed shadow root (`this`) through CDP and return its JSON result.
 * @param {Page} page @param {string} functionDeclaration
 */
export async function inShadow(page, functionDeclaration) {
  // (awaitPromise: the function may return a promise, e.g. to wait for animations)
  return withShadowRoot(page, {}, async (session, objectId) => {
    const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
      objectId, returnByValue: true, awaitPromise: true, functionDeclaration,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  });
}

/**
 * What has keyboard focus inside the closed shadow root: {tag, text, name, href} of root.activeElement, or null
 * when focus is elsewhere (on LinkedIn's page).
 * @param {Page} page
 * @returns {Promise<{tag: string, text: string, name: string, href: string|null} | null>}
 */
export async function shadowFocus(page) {
  return inShadow(page, `function () {
    const a = this.activeElement;
    if (!a) return null;
    const text = (a.textContent || '').replace(/\\s+/g, ' ').trim();
    return { tag: a.tagName.toLowerCase(), text, name: a.getAttribute('aria-label') || text, href: a.getAttribute('href') };
  }`);
}

/**
 * Keyboard only: press `key` (Tab / Shift+Tab) until the focused element in the banner satisfies `ok`.
 * @param {Page} page @param {(f: {tag: string, text: string, name: string, href: string|null}) => boolean} ok
 * @param {{key?: string, max?: number}} [options]
 */
export async function keyTo(page, ok, options = {}) {
  const seen = [];
  for (let i = 0; i < (options.max ?? 40); i++) {
    await page.keyboard.press(options.key ?? 'Tab');
    const f = await shadowFocus(page);
    seen.push(f ? `${f.tag}:${f.name}` : 'page');
    if (f && ok(f)) return f;
  }
  throw new Error(`keyboard never reached the element; focus went: ${seen.join(' → ')}`);
}

/**
 * The guided journey as a person walks it, from the first setting's page to "All done": on each page the banner
 * names the setting and "Step i of n", rings the real switch; the person clicks LinkedIn's switch; the banner
 * says "Off — saved" and offers "Next: <title>"; the person follows that link; the badge counts down by one.
 * Returns what was seen on each step (for screenshots and further checks).
 * @param {{worker: Worker}} ext @param {Page} page @param {string} lang @param {string} region
 * @param {{onStep?: (i: number, id: string) => Promise<void>, onDone?: () => Promise<void>}} [t]
 */
export async function walkTheGuide(ext, page, lang, region, t = {}) {
  const steps = applicableToggles(region);
  const n = steps.length;
  let badge = await readBadge(ext.worker);
  assert.equal(badge.text, String(n), `badge before the guide counts the ${n} settings to check`);
  for (let i = 0; i < n; i++) {
    const s = steps[i];
    const title = s.title[lang];
    assert.equal(new URL(page.url()).pathname, new URL(s.url).pathname, `step ${i + 1} is on ${s.id}'s page`);
    const step = msg(lang, 'bannerStep', [i + 1, n]);
    const on = await bannerWith(page, [step, title, msg(lang, 'bannerStatusOn'), msg(lang, 'bannerFix')]);
    assert.equal(on.mode, 'closed');
    assert.deepEqual(on.urls, [], 'no extension URL in the page');
    // The ring sits over LinkedIn's real switch, labelled "Turn this off".
    const sw = page.getByRole('switch');
    assert.equal(await sw.count(), 1, `${s.id}: one switch on the fixture page`);
    const box = await sw.boundingBox();
    if (!box) throw new Error(`${s.id}: the switch is not visible`);
    const rects = await until(async () => {
      const r = await overlayRects(page);
      return r?.ring && contains(r.ring, box) ? r : null;
    }, `${s.id}: ring around the switch ${JSON.stringify(box)}`);
    assert.ok(rects.ring && rects.ring.width < box.width + 40 && rects.ring.height < box.height + 40, 'the ring hugs the switch');
    assert.equal(rects.tag?.text, msg(lang, 'bannerHighlight'));
    if (!rects.card) throw new Error('the card is not drawn');
    assert.ok(!overlaps(rects.card, box), 'the card does not cover the switch');
    if (t.onStep) await t.onStep(i, s.id);

    // The person clicks LinkedIn's switch (a real mouse click on the page, not on our overlay).
    await sw.click();
    assert.equal(await sw.isChecked(), false, 'LinkedIn shows the switch off');
    const last = i === n - 1;
    if (!last) {
      const next = steps[i + 1];
      const nextLabel = msg(lang, 'bannerNext', [next.title[lang]]);
      const off = await bannerWith(page, [step, msg(lang, 'bannerStatusOff'), nextLabel], { not: [msg(lang, 'bannerFix')] });
      const link = off.links.find((l) => l.text === nextLabel);
      if (!link) throw new Error(`"${nextLabel}" is not a link`);
      assert.equal(link.href, next.url);
      assert.equal(link.target, null, 'the next step opens in the same tab');
      badge = await badgeWhen(ext.worker, (b) => b.text === String(n - i - 1), `down to ${n - i - 1}`);
      // Follow "Next" with a real click on the banner's link.
      await Promise.all([page.waitForURL(next.url), clickLink(page, nextLabel)]);
    } else {
      // The last step ends like the others ("Step n of n", "Off — saved"), then "n of n off ✓", when, a Done
      // button, and the objection form as a clearly optional extra step.
      const done = await bannerWith(page, [step, msg(lang, 'bannerStatusOff'), msg(lang, 'bannerDoneCount', [n, n]),
        msg(lang, 'bannerDoneWhen', ['\u0000']).split('\u0000')[0].trim(), msg(lang, 'bannerDoneButton'), msg(lang, 'bannerDoneFormNote')]);
      assert.ok(done.buttons.some((b) => b.text === msg(lang, 'bannerDoneButton')), 'a Done button');
      assert.equal(done.links.length, 1, 'one link: the optional form');
      assert.ok(done.links[0].text.startsWith(msg(lang, 'bannerDoneFormLinkNoTitle').split(':')[0]), `marked optional: ${done.links[0].text}`);
      assert.match(done.links[0].href ?? '', /^https:\/\/www\.linkedin\.com\/help\//);
      badge = await badgeWhen(ext.worker, (b) => b.text === '✓', 'all done (✓)');
      if (t.onDone) await t.onDone();
    }
  }
  return badge;
}

/** @param {Rect} a @param {Rect} b */
export function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A real mouse click on a link of the banner, by its exact text. @param {Page} page @param {string} text */
export async function clickLink(page, text) {
  await shadowClick(page, { text });
}

/**
 * Screenshot once the banner card has finished rising in (Playwright's `animations: 'disabled'` does not reach
 * into a closed shadow root), so the picture shows what a person sees a moment later.
 * @param {Page} page @param {string} name @param {{fullPage?: boolean}} [options]
 */
export async function settledScreenshot(page, name, options) {
  await inShadow(page, `async function () {
    const card = this.querySelector('[role="region"]');
    if (card) await Promise.all(card.getAnimations().map((a) => a.finished.catch(() => {})));
    return true;
  }`).catch(() => null);
  return screenshot(page, name, options);
}
