// Real input on our card (closed shadow root), as a member gives it: the keyboard through Playwright's
// page.keyboard (CDP Input.dispatchKeyEvent: the browser's own key pipeline, trusted events) and the mouse through
// harness.shadowClick (page.mouse at the control's centre). Nothing here calls element.click(), focus() or
// dispatchEvent on the card: CDP only reads where things are and what has focus.
import { withShadowRoot } from './harness.mjs';

/** @typedef {import('playwright-core').Page} Page */

/** Our card's host (a plain div, child of <html>): named, because a covering page may have closed shadow roots of
 * its own, which CDP would otherwise find first. */
export const OURS = { host: ':root > div:not([id])' };

/**
 * The `data-k` of the control with keyboard focus in our card ('card' for the card itself, the tag name for an
 * element without one), or null when focus is on the page.
 * @param {Page} page @returns {Promise<string|null>}
 */
export async function focusedControl(page) {
  return withShadowRoot(page, OURS, async (session, objectId) => {
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const a = this.activeElement;
        if (!a) return null;
        return a.getAttribute('data-k') || (a.classList.contains('card') ? 'card' : a.className || a.tagName.toLowerCase());
      }`,
    });
    return result.value;
  });
}

/** What has focus in the page's document (our host when focus is in the card): a short description. @param {Page} page */
export function pageFocus(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    const host = a.parentNode === document.documentElement && a !== document.head && a !== document.body;
    return host ? 'our card' : `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}`;
  });
}

/** The member looks at the tab for a moment: it is in front, and a few frames were drawn (the card confirms it is
 * seen at a frame, 100 ms after it last changed). @param {Page} page @param {number} [ms] */
export async function settle(page, ms = 400) {
  await page.bringToFront();
  await page.waitForTimeout(ms);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

/**
 * Keyboard only: move focus until the control `key` (its data-k) has it in the card. From inside the card, Tab
 * forward; from the page, the member goes back to the top of the document (where a reload or Home puts the
 * keyboard's starting point) and Tabs forward: our card's host sits before <body>, first in the tab order.
 * `via` forces one key. Returns the path focus took.
 * @param {Page} page @param {string} key @param {{via?: string, max?: number}} [options]
 */
export async function tabTo(page, key, options = {}) {
  /** @type {string[]} */
  const seen = [];
  let now = await focusedControl(page);
  const via = options.via ?? 'Tab';
  if (!now && !options.via) await toTop(page);
  for (let i = 0; i < (options.max ?? 60); i++) {
    if (now === key) return seen;
    await page.keyboard.press(via);
    const was = now;
    now = await focusedControl(page);
    seen.push(now ?? 'page');
    if (!options.via && was && !now) await toTop(page);
  }
  throw new Error(`the keyboard never reached ${key} in the card; focus went: ${seen.join(' → ')}`);
}

/**
 * Keyboard only: focus the control `key` in the card, look for a moment, press `press` (Enter, Space, Escape).
 * @param {Page} page @param {string} key @param {string} press @param {{via?: string, wait?: number}} [options]
 */
export async function pressOn(page, key, press, options = {}) {
  await tabTo(page, key, options);
  await settle(page, options.wait);
  await page.keyboard.press(press);
}

/** Where the control `key` (its data-k) is on screen: its centre, in CSS pixels. @param {Page} page @param {string} key */
export async function controlCentre(page, key) {
  const box = await withShadowRoot(page, OURS, async (session, objectId) => {
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId,
      returnByValue: true,
      arguments: [{ value: key }],
      functionDeclaration: `function (key) {
        const el = [...this.querySelectorAll('[data-k]')].find((e) => e.getAttribute('data-k') === key);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }`,
    });
    return result.value;
  });
  if (!box) throw new Error(`no ${key} on the card`);
  return /** @type {{x: number, y: number}} */ (box);
}

/**
 * A finger tap on the control `key`, through the browser's touch input (CDP Input.dispatchTouchEvent, with touch
 * emulation on for the page): the browser turns it into the tap's pointer, touch and click events.
 * @param {Page} page @param {string} key
 */
export async function tap(page, key) {
  await settle(page);
  const { x, y } = await controlCentre(page, key);
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Put the keyboard's starting point at the top of the document (before <body>), with nothing focused: the next Tab
 * goes to the first thing in the tab order. @param {Page} page */
async function toTop(page) {
  await page.evaluate(() => {
    const active = /** @type {HTMLElement|null} */ (document.activeElement);
    if (active && active !== document.body) active.blur();
    const sel = window.getSelection();
    if (sel) sel.collapse(document.documentElement, 0);
  });
}
