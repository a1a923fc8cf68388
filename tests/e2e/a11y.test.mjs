// Accessibility of everything the extension shows, in the real browser with the built extension (dist/chrome):
// axe-core (WCAG 2.x A/AA rules + best practices) on the popup, onboarding and options pages and on the banner,
// light and dark, English and German; plus the keyboard: Tab reaches every control, and the focused control
// visibly changes.
//
// The banner lives in a CLOSED shadow root, which axe (like any page script) cannot enter. The test reaches it the
// way the other e2e tests do, through the DevTools protocol (DOM.getDocument pierce + DOM.resolveNode), and then,
// in the test page only, gives the host element an own `shadowRoot` property that returns that closed root. axe
// walks shadow trees through `element.shadowRoot`, so it then audits the banner in place: the real page, the real
// layout and stacking (colour contrast against what is really behind it), the real styles. Nothing of the
// extension changes; the page's own scripts never see the root because the property is set by the test after the
// page ran. (Copying the markup into a test page was the alternative; it would lose the real backdrop and layout.)
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, launchWithExtension, routeLinkedIn, waitForShadow, sendToWorker, screenshot, loadCases,
} from './lib/harness.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {Awaited<ReturnType<typeof launchWithExtension>>} Ext */

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
};
const AI_PATH = '/mypreferences/d/settings/data-for-ai-improvement';

/**
 * Run axe in the page (main world; CDP evaluation is not subject to the page's CSP). `include`: a selector of
 * what to audit (default: the whole document).
 * @param {Page} page @param {string} [include]
 */
async function axe(page, include) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async ({ include, options }) => {
    // @ts-ignore axe is the global axe-core sets up
    const r = await window.axe.run(include ? { include: [[include]] } : document, options);
    // @ts-ignore
    window.__axePasses = r.passes.map((p) => p.id);
    return r.violations.map((/** @type {any} */ v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((/** @type {any} */ n) => `${n.target.join(' > ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  }, { include, options: AXE_OPTIONS });
  return violations;
}

/**
 * In this test page only: make the content script's closed shadow root reachable as host.shadowRoot (for axe and
 * the focus checks) and tag the host with data-a11y-host. Returns false when there is no closed root.
 * @param {Page} page
 */
async function exposeBanner(page) {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
    /** @type {any} */ let host = null;
    /** @type {any} */ let shadow = null;
    const walk = (/** @type {any} */ n) => {
      if (shadow) return;
      const s = (n.shadowRoots ?? []).find((/** @type {any} */ r) => r.shadowRootType === 'closed');
      if (s) { host = n; shadow = s; return; }
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    if (!shadow) return false;
    const { object: hostObj } = await session.send('DOM.resolveNode', { backendNodeId: host.backendNodeId });
    const { object: rootObj } = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await session.send('Runtime.callFunctionOn', {
      objectId: /** @type {string} */ (hostObj.objectId),
      arguments: [{ objectId: rootObj.objectId }],
      functionDeclaration: `function (root) {
        Object.defineProperty(this, 'shadowRoot', { configurable: true, get: () => root });
        this.setAttribute('data-a11y-host', '');
        window.__a11yRoot = root;
      }`,
    });
    return true;
  } finally {
    await session.detach().catch(() => {});
  }
}

/** @param {any[]} v */
const report = (v) => v.map((x) => `${x.id} (${x.impact}): ${x.help}\n    ${x.nodes.join('\n    ')}`).join('\n');

/**
 * Press Tab until focus comes back round (or `max` presses); returns the controls that got focus, each with
 * whether its look changed when focused (outline, ring, border or background of it or its label), and the list of
 * controls that exist (a radio group counts once).
 * `inBanner`: look at the focused element inside the banner's shadow root instead of the document.
 * @param {Page} page @param {{inBanner?: boolean, max?: number}} [options]
 */
async function tabThrough(page, options = {}) {
  const scope = options.inBanner ? 'window.__a11yRoot' : 'document';
  const controls = await page.evaluate((scope) => {
    // eslint-disable-next-line no-new-func
    const root = /** @type {Document | ShadowRoot} */ (new Function(`return ${scope}`)());
    const all = [...root.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')];
    let i = 0;
    const out = /** @type {string[]} */ ([]);
    for (const el of all) {
      const h = /** @type {HTMLElement} */ (el);
      const visible = !!(h.offsetWidth || h.offsetHeight || h.getClientRects().length) && getComputedStyle(h).visibility !== 'hidden';
      if (!visible || h.matches(':disabled') || h.tabIndex < 0 || h.closest('[inert], [hidden]')) continue;
      // A radio group is one Tab stop (arrow keys move inside it): reaching any of its radios reaches the group.
      const radio = h instanceof HTMLInputElement && h.type === 'radio' && h.name;
      if (radio && out.some((c) => c.startsWith(`radio#r-${h.name} `))) { h.dataset.a11yId = `r-${h.name}`; continue; }
      h.dataset.a11yId = radio ? `r-${h.name}` : String(i++);
      out.push(`${radio ? 'radio' : h.tagName.toLowerCase()}#${h.dataset.a11yId} ${(h.getAttribute('aria-label') || h.textContent || '').trim().slice(0, 40)}`);
    }
    return out;
  }, scope);
  /** @type {Map<string, {visibleFocus: boolean, label: string}>} */
  const reached = new Map();
  const max = options.max ?? controls.length * 3 + 30;
  for (let i = 0; i < max && reached.size < controls.length; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate((scope) => {
      // eslint-disable-next-line no-new-func
      const root = /** @type {Document | ShadowRoot} */ (new Function(`return ${scope}`)());
      const el = /** @type {HTMLElement | null} */ (root.activeElement);
      if (!el || !el.dataset.a11yId) return null;
      // The focus indicator may be drawn on the control or around it (a card around a radio, :has/:focus-within):
      // compare how the control, its label and two ancestors look focused and then blurred. Chrome keeps the Tab
      // starting point at a blurred element, so the next Tab goes on from here.
      const around = [el, el.closest('label'), el.parentElement, el.parentElement?.parentElement].filter(Boolean);
      const look = () => around.map((n) => {
        const cs = getComputedStyle(/** @type {Element} */ (n));
        return [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.borderColor, cs.backgroundColor].join('|');
      }).join('/');
      const focused = look();
      const focusVisible = el.matches(':focus-visible');
      el.blur();
      const blurred = look();
      return { id: el.dataset.a11yId, visibleFocus: focusVisible && focused !== blurred,
        label: `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}` };
    }, scope);
    if (info && !reached.has(info.id)) reached.set(info.id, { visibleFocus: info.visibleFocus, label: info.label });
  }
  return { controls, reached };
}

/** @param {Awaited<ReturnType<typeof tabThrough>>} r @param {string} what */
function assertKeyboard(r, what) {
  assert.ok(r.controls.length > 0, `${what}: has controls`);
  const missed = r.controls.filter((c) => !r.reached.has(c.split(' ')[0].split('#')[1]));
  assert.deepEqual(missed, [], `${what}: Tab never reaches these controls`);
  const invisible = [...r.reached.values()].filter((x) => !x.visibleFocus).map((x) => x.label);
  assert.deepEqual(invisible, [], `${what}: no visible focus indicator on`);
}

for (const lang of /** @type {const} */ (['en', 'de'])) {
  describe(`accessibility, ${lang === 'en' ? 'English' : 'German'}`, () => {
    /** @type {Ext} */
    let ext;
    before(async () => {
      ext = await launchWithExtension({ args: [`--lang=${lang}`], locale: lang === 'en' ? 'en-US' : 'de-DE' });
      const cases = await loadCases();
      const ai = cases.find((c) => c.name === `${lang}-gen-ai-improvement-on`);
      assert.ok(ai, 'fixture case for the AI setting page');
      await routeLinkedIn(ext.context, { [AI_PATH]: ai.file });
      // A member who chose a region and has seen the AI setting on: the popup has rows with every status kind.
      await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'setRegion', region: 'eu' } });
      await sendToWorker(ext.context, ext.extensionId, { type: 'event', event: { type: 'finishSetup' } });
    });
    after(async () => {
      await ext?.close();
    });

    for (const scheme of /** @type {const} */ (['light', 'dark'])) {
      test(`banner on the AI setting page (${scheme}): no axe violations; keyboard reaches every control with visible focus`, async () => {
        const page = await ext.context.newPage();
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto(`https://www.linkedin.com${AI_PATH}`);
        const snap = await waitForShadow(page, { timeout: 10_000, predicate: (s) => s.visible && s.buttons.length > 0 });
        assert.equal(snap.mode, 'closed');
        assert.ok(await exposeBanner(page), 'banner shadow root reachable for the audit');
        const v = await axe(page, '[data-a11y-host]');
        // Not a vacuous pass: axe saw the buttons inside the closed root (the host itself has none).
        // @ts-ignore
        assert.ok((await page.evaluate(() => window.__axePasses)).includes('button-name'), 'axe audited the banner buttons');
        await screenshot(page, `a11y-banner-${lang}-${scheme}`);
        assert.equal(v.length, 0, `axe violations in the banner:\n${report(v)}`);
        const lang0 = await page.evaluate(() => {
          // @ts-ignore set by exposeBanner
          const root = /** @type {ShadowRoot} */ (window.__a11yRoot);
          return root.querySelector('[lang]')?.getAttribute('lang') ?? null;
        });
        assert.equal(lang0, lang, 'the banner declares its language (screen readers pronounce it right)');
        assertKeyboard(await tabThrough(page, { inBanner: true }), `banner (${scheme})`);
        await page.close();
      });

      for (const [name, path, ready] of /** @type {const} */ ([
        ['popup', 'pages/popup.html', '[data-setting]'],
        ['onboarding', 'pages/onboarding.html', '#region-choices input'],
        ['options', 'pages/options.html', 'h1:not(:empty)'],
        ['record', 'pages/record.html', '#record-rows tr'],
      ])) {
        test(`${name} (${scheme}): no axe violations; keyboard reaches every control with visible focus`, async () => {
          // The colour scheme is set before the page loads: switching it on a loaded page catches colour
          // transitions half-way (axe then measures the in-between colours).
          const page = await ext.context.newPage();
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          await page.setViewportSize({ width: name === 'popup' ? 400 : 1280, height: name === 'popup' ? 600 : 900 });
          await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
          await page.waitForSelector(ready, { timeout: 10_000 });
          assert.equal(await page.evaluate(() => document.documentElement.lang.slice(0, 2)), lang, '<html lang>');
          const v = await axe(page);
          await screenshot(page, `a11y-${name}-${lang}-${scheme}`, { fullPage: true });
          assert.equal(v.length, 0, `axe violations on ${name}:\n${report(v)}`);
          assertKeyboard(await tabThrough(page), `${name} (${scheme})`);
          await page.close();
        });
      }

      test(`popup with a stored-data notice and its "don't show again" button (${scheme}): no axe violations; keyboard reaches it`, async () => {
        const kept = await ext.worker.evaluate(() => chrome.storage.local.get(null));
        await ext.worker.evaluate(() => chrome.storage.local.set({ state: '{"schema":1,"settings":{' }));
        const page = await ext.context.newPage();
        try {
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          await page.setViewportSize({ width: 400, height: 600 });
          await page.goto(`chrome-extension://${ext.extensionId}/pages/popup.html`);
          await page.waitForSelector('#problems [role=alert]', { timeout: 10_000 });
          const v = await axe(page);
          await screenshot(page, `a11y-popup-notice-${lang}-${scheme}`);
          assert.equal(v.length, 0, `axe violations on the popup with a notice:\n${report(v)}`);
          const stops = await tabThrough(page);
          assertKeyboard(stops, `popup with a notice (${scheme})`);
          const ack = (await page.locator('[data-focus="ack-problems"]').innerText()).trim();
          assert.ok(ack.length > 0 && stops.controls.some((c) => c.startsWith('button#') && c.endsWith(ack.slice(0, 40))),
            `Tab reaches the notice's button: ${stops.controls.join(', ')}`);
        } finally {
          await page.close();
          await ext.worker.evaluate(async (kept) => {
            await chrome.storage.local.clear();
            await chrome.storage.local.set(kept);
          }, kept);
        }
      });
    }
  });
}
