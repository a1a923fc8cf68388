// Decisions only from the member, through the browser's own input (page.mouse, page.keyboard: trusted events): a
// page that lays something over our card (a transparent top-layer popover or modal dialog, a popover in the page's
// own open or closed shadow root, a plain transparent overlay or an opaque one that lets clicks and keys through)
// cannot turn a member's click, Enter, Space or Escape into "Don't remind me again", "Keep this on" or ×; neither
// can a click from script. The card stays; without the cover the same activation counts, and the acknowledgement
// offers an Undo that the keyboard reaches, then leaves by itself and gives focus back. Where the card cannot
// confirm it is seen (here: a page too big to look through), a silencing decision asks once more inside the card.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/clicks.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { routeLinkedIn, waitForShadow, shadowSnapshot, shadowClick, collectErrors, screenshot } from './lib/harness.mjs';
import { launch, controlPage, finishSetup, readStore, pollUntil, localeMessages, nudgeRegistered } from './lib/ext.mjs';
import { OURS, tabTo, pressOn, settle, focusedControl, pageFocus, tap } from './lib/input.mjs';

const FEED = 'https://www.linkedin.com/feed/';
const AI_PAGE = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

/**
 * Covers over the card, made in the page's own world. Each lets clicks and keys through to our card; `top` says
 * whether it is in the top layer (drawn above anything) or drawn after our host at the highest z-index.
 * @type {Record<string, () => void>}
 */
const COVERS = {
  'a transparent popover (top layer) with pointer-events:none': () => {
    const p = document.createElement('div');
    p.id = 'cover';
    p.setAttribute('popover', 'manual');
    p.style.cssText = 'pointer-events:none;background:transparent;border:0;inset:0;width:100vw;height:100vh;margin:0;padding:0';
    document.body.appendChild(p);
    /** @type {any} */ (p).showPopover();
  },
  'a transparent modal dialog (top layer) with pointer-events:none': () => {
    const d = document.createElement('dialog');
    d.id = 'cover';
    d.style.cssText = 'pointer-events:none;background:transparent;border:0;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0';
    document.body.appendChild(d);
    d.showModal();
  },
  'a plain transparent overlay above every z-index with pointer-events:none': () => {
    const o = document.createElement('div');
    o.id = 'cover';
    o.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:rgba(255,255,255,0.01)';
    document.documentElement.appendChild(o); // after our card's host: drawn above it
  },
  'an opaque layer that lets clicks and keys through, over the focused card': () => {
    const o = document.createElement('div');
    o.id = 'cover';
    o.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#f4f2ee;' +
      'display:grid;place-items:end;padding:80px;font:600 20px system-ui;color:#222';
    o.textContent = 'Press Enter to continue';
    document.documentElement.appendChild(o);
  },
  'a popover in the page\'s own OPEN shadow root': () => {
    const host = document.createElement('div');
    host.id = 'cover';
    document.body.appendChild(host);
    const root = host.attachShadow({ mode: 'open' });
    const p = document.createElement('div');
    p.setAttribute('popover', 'manual');
    p.style.cssText = 'pointer-events:none;background:rgba(255,255,255,0.01);border:0;inset:0;width:100vw;height:100vh;margin:0;padding:0';
    root.appendChild(p);
    /** @type {any} */ (p).showPopover();
    /** @type {any} */ (host).hide = () => /** @type {any} */ (p).hidePopover();
  },
  'a popover in the page\'s own CLOSED shadow root': () => {
    const host = document.createElement('div');
    host.id = 'cover';
    document.body.appendChild(host);
    const root = host.attachShadow({ mode: 'closed' });
    const p = document.createElement('div');
    p.setAttribute('popover', 'manual');
    p.style.cssText = 'pointer-events:none;background:rgba(255,255,255,0.01);border:0;inset:0;width:100vw;height:100vh;margin:0;padding:0';
    root.appendChild(p);
    /** @type {any} */ (p).showPopover();
    /** @type {any} */ (host).hide = () => /** @type {any} */ (p).hidePopover();
  },
};

/** Takes the cover away (in the page's world). */
function uncover() {
  const c = /** @type {any} */ (document.getElementById('cover'));
  if (!c) return;
  if (c.hide) c.hide();
  if (c.close) c.close(); else if (c.hidePopover && c.matches(':popover-open')) c.hidePopover();
  c.remove();
}

describe('clicks only from the member', () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let ext;
  /** @type {Awaited<ReturnType<typeof controlPage>>} */
  let ctl;
  /** @type {Record<string, string>} */
  let msg;

  const stored = async () => (await readStore(ext.worker)).state;

  /** A feed page with the reminder card on it ("remind me again" first: the card shows once a day). */
  async function feedWithCard() {
    // Each test starts from reminders on, whatever the one before left.
    assert.equal((await ctl.event({ type: 'undismissAll' })).ok, true);
    assert.equal((await ctl.event({ type: 'unsnooze' })).ok, true);
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'the card script registered' });
    await new Promise((r) => setTimeout(r, 250));
    const page = await ext.context.newPage();
    await page.goto(FEED);
    await waitForShadow(page, { ...OURS, predicate: (s) => s.visible && s.text.includes(msg.bannerDismissAll) });
    return page;
  }

  before(async () => {
    ext = await launch();
    msg = await localeMessages('en');
    ctl = await controlPage(ext.context, ext.extensionId);
    await finishSetup(ctl, 'eu');
    await routeLinkedIn(ext.context, {
      '/feed/': 'pages/en/feed.html',
      '/mypreferences/d/settings/data-for-ai-improvement': 'pages/en/data-for-ai-improvement.html',
    });
  });
  after(async () => {
    await ext?.close();
  });

  const cardThere = async (/** @type {import('playwright-core').Page} */ page) =>
    !!(await shadowSnapshot(page, OURS))?.buttons.some((b) => b.attrs['data-k'] === 'dismissAll' && b.visible);

  for (const [i, [name, cover]] of Object.entries(COVERS).entries()) {
    test(`${name}: the member's Enter, Space, click and Escape on the card decide nothing; uncovered, they do`, async () => {
      const page = await feedWithCard();
      const errors = collectErrors(page);
      // The member's focus is on "Don't remind me again" (keyboard); then the page covers the card.
      await tabTo(page, 'dismissAll');
      await page.evaluate(cover);
      await settle(page);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Space');
      await shadowClick(page, { text: msg.bannerDismissAll }, OURS);
      await shadowClick(page, { name: msg.bannerCloseNudge }, OURS);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(400);
      const s = await stored();
      assert.equal(s.dismissAll, false, 'reminders are still on');
      assert.equal(s.nudgeClosedDay, undefined, 'not closed');
      assert.ok(await cardThere(page), 'the card is still there');
      const snap = await shadowSnapshot(page, OURS);
      assert.ok(!snap?.buttons.some((b) => /^yes-/.test(b.attrs['data-k'] ?? '')), 'not even a second step was asked');
      if (/opaque|CLOSED/.test(name)) await screenshot(page, `clicks-covered-${/opaque/.test(name) ? 'opaque' : 'closed-shadow-popover'}`);
      // The cover goes: the same decision counts now (by keyboard for half the covers, by mouse for the others).
      await page.evaluate(uncover);
      await settle(page);
      if (i % 2 === 0) await pressOn(page, 'dismissAll', i % 4 === 0 ? 'Enter' : 'Space');
      else await shadowClick(page, { text: msg.bannerDismissAll }, OURS);
      await waitForShadow(page, { ...OURS, predicate: (x) => x.text.includes(msg.bannerAckDismissAll) });
      assert.equal((await pollUntil(stored, (x) => x.dismissAll === true, { what: 'reminders off' })).dismissAll, true);
      // The acknowledgement offers an Undo, reachable by keyboard, which brings the reminders and the card back.
      await pressOn(page, 'undo', 'Enter', { via: 'Tab' });
      await pollUntil(stored, (x) => x.dismissAll === false, { what: 'reminders back on' });
      await waitForShadow(page, { ...OURS, predicate: (x) => x.visible && x.text.includes(msg.bannerNudgeTitle) });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('a click from script (isTrusted false) decides nothing', async () => {
    const page = await feedWithCard();
    await shadowClick(page, { text: msg.bannerDismissAll }, { trusted: false });
    await shadowClick(page, { name: msg.bannerCloseNudge }, { trusted: false });
    await page.waitForTimeout(400);
    assert.equal((await stored()).dismissAll, false);
    assert.ok((await shadowSnapshot(page, OURS))?.text.includes(msg.bannerNudgeTitle), 'the card is still there');
    await page.close();
  });

  test('the guide card on a setting page: "Keep this on" under a cover (overlay, popover in a closed shadow root) does nothing, by mouse or keyboard', async () => {
    const page = await ext.context.newPage();
    await page.goto(AI_PAGE);
    await waitForShadow(page, { ...OURS, predicate: (s) => s.buttons.some((b) => b.text === msg.bannerKeepOn) });
    for (const name of ['a plain transparent overlay above every z-index with pointer-events:none', 'a popover in the page\'s own CLOSED shadow root']) {
      await tabTo(page, 'keepOn');
      await page.evaluate(COVERS[name]);
      await settle(page);
      await page.keyboard.press('Enter');
      await shadowClick(page, { text: msg.bannerKeepOn }, OURS);
      await page.keyboard.press('Space');
      await page.waitForTimeout(400);
      assert.deepEqual((await stored()).dismissed, [], `${name}: not dismissed`);
      assert.ok((await shadowSnapshot(page, OURS))?.buttons.some((b) => b.text === msg.bannerKeepOn), `${name}: the guide is still there`);
      await page.evaluate(uncover);
    }
    await settle(page);
    await shadowClick(page, { text: msg.bannerKeepOn }, OURS);
    await pollUntil(stored, (x) => x.dismissed?.length === 1, { what: 'dismissed by the member' });
    // Every quieting decision offers an Undo, on the guide's card too.
    await waitForShadow(page, { ...OURS, predicate: (x) => x.text.includes(msg.bannerAckKeepOn) && x.buttons.some((b) => b.text === msg.btnUndo) });
    await screenshot(page, 'clicks-guide-keep-on-undo');
    await shadowClick(page, { text: msg.btnUndo }, OURS);
    await pollUntil(stored, (x) => x.dismissed?.length === 0, { what: 'reminded again of the setting' });
    await waitForShadow(page, { ...OURS, predicate: (x) => x.visible && x.buttons.some((b) => b.text === msg.bannerKeepOn) && !x.buttons.some((b) => b.text === msg.btnUndo) });
    // "Stop the guide" (keyboard): the card goes for this page; its Undo brings the guide back, and only that.
    await pressOn(page, 'stopGuide', 'Space');
    await waitForShadow(page, { ...OURS, predicate: (x) => x.text.includes(msg.bannerAckStopGuide) && x.buttons.some((b) => b.text === msg.btnUndo) });
    assert.equal((await pollUntil(stored, (x) => x.guide?.active === false, { what: 'guide stopped' })).guide.active, false);
    await pressOn(page, 'undo', 'Enter', { via: 'Tab' });
    assert.equal((await pollUntil(stored, (x) => x.guide?.active === true, { what: 'guide resumed' })).guide.active, true);
    await waitForShadow(page, { ...OURS, predicate: (x) => x.visible && x.buttons.some((b) => b.text === msg.bannerKeepOn) });
    await page.close();
  });
  test('an uncovered card: every decision by keyboard alone counts (snooze menu, "In a week", "Don\'t remind me again", ×, Escape)', async () => {
    const page = await feedWithCard();
    const errors = collectErrors(page);
    // Enter opens the snooze menu (focus on its first choice), Tab to "In a week", Space.
    await pressOn(page, 'snooze', 'Enter');
    assert.equal(await focusedControl(page), 'snooze-day', 'the menu opened with focus on its first choice');
    await page.keyboard.press('Tab');
    assert.equal(await focusedControl(page), 'snooze-week');
    const t0 = Date.now();
    await page.keyboard.press('Space');
    const snoozed = await pollUntil(stored, (x) => typeof x.snoozeUntil === 'number' && x.snoozeUntil > t0, { what: 'snoozed by keyboard' });
    assert.ok(snoozed.snoozeUntil >= t0 + 7 * 24 * 3600 * 1000 - 1000, 'for a week');
    await waitForShadow(page, { ...OURS, predicate: (x) => x.text.includes(msg.bannerAckWeek) });
    await pressOn(page, 'undo', 'Enter', { via: 'Tab' });
    await pollUntil(stored, (x) => x.snoozeUntil == null, { what: 'snooze undone by keyboard' });
    await waitForShadow(page, { ...OURS, predicate: (x) => x.visible && x.text.includes(msg.bannerNudgeTitle) });
    // "Don't remind me again" with Space; Undo with Enter.
    await pressOn(page, 'dismissAll', 'Space');
    await pollUntil(stored, (x) => x.dismissAll === true, { what: 'reminders off by keyboard' });
    await pressOn(page, 'undo', 'Enter', { via: 'Tab' });
    await pollUntil(stored, (x) => x.dismissAll === false, { what: 'reminders back on by keyboard' });
    await waitForShadow(page, { ...OURS, predicate: (x) => x.visible && x.text.includes(msg.bannerNudgeTitle) });
    // × with Enter: gone for today.
    await pressOn(page, 'close', 'Enter', { via: 'Tab' });
    await pollUntil(stored, (x) => x.nudgeClosedDay != null, { what: 'closed by keyboard' });
    assert.equal(await pageFocus(page), 'body', 'focus went back to the page with the card');
    await page.close();
    // Escape closes a card too.
    const again = await feedWithCard();
    await pressOn(again, 'dismissAll', 'Escape');
    await pollUntil(stored, (x) => x.nudgeClosedDay != null, { what: 'closed with Escape' });
    assert.equal((await stored()).dismissAll, false, 'Escape decided nothing else');
    assert.deepEqual(errors, []);
    await again.close();
  });

  test('touch: a tap under an opaque click-through layer decides nothing; on the uncovered card it does', async () => {
    const page = await feedWithCard();
    const errors = collectErrors(page);
    await page.evaluate(COVERS['an opaque layer that lets clicks and keys through, over the focused card']);
    await tap(page, 'dismissAll');
    await tap(page, 'close');
    await page.waitForTimeout(400);
    const s = await stored();
    assert.equal(s.dismissAll, false, 'reminders are still on');
    assert.equal(s.nudgeClosedDay, undefined, 'not closed');
    assert.ok(await cardThere(page), 'the card is still there');
    await page.evaluate(uncover);
    await tap(page, 'snooze');
    await waitForShadow(page, { ...OURS, predicate: (x) => x.buttons.some((b) => b.attrs['data-k'] === 'snooze-month' && b.visible) });
    const t0 = Date.now();
    await tap(page, 'snooze-month');
    const snoozed = await pollUntil(stored, (x) => typeof x.snoozeUntil === 'number' && x.snoozeUntil > t0, { what: 'snoozed by a tap' });
    assert.ok(snoozed.snoozeUntil >= t0 + 29 * 24 * 3600 * 1000, 'for a month');
    await waitForShadow(page, { ...OURS, predicate: (x) => x.text.includes(msg.bannerAckMonth) });
    await tap(page, 'undo');
    await pollUntil(stored, (x) => x.snoozeUntil == null, { what: 'snooze undone by a tap' });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the acknowledgement leaves within 15 s of a real mouse click, with focus inside; focus goes back, no scroll jump', async () => {
    // 1. "In a week" by mouse, the member's focus on the page's body before: the acknowledgement goes by itself.
    const page = await feedWithCard();
    const errors = collectErrors(page);
    // The feed's posts arrive after its shell: wait until there is something to scroll.
    await page.waitForFunction(() => document.documentElement.scrollHeight > innerHeight + 600);
    await page.evaluate(() => window.scrollTo(0, 600));
    await shadowClick(page, { text: msg.bannerSnooze }, OURS);
    await shadowClick(page, { text: msg.bannerSnoozeWeek }, OURS);
    const t0 = Date.now();
    await waitForShadow(page, { ...OURS, predicate: (x) => x.text.includes(msg.bannerAckWeek) && x.buttons.some((b) => b.attrs['data-k'] === 'undo') });
    assert.equal(await pageFocus(page), 'our card', 'the click left focus in the card (as a real click does)');
    const y0 = await page.evaluate(() => window.scrollY);
    assert.ok(y0 > 0, 'the page is scrolled (a jump would show)');
    await waitForShadow(page, { ...OURS, timeout: 15_000, predicate: (x) => !/class="card/.test(x.html) });
    const gone = Date.now() - t0;
    assert.ok(gone < 15_000, `gone after ${gone} ms`);
    assert.equal(await pageFocus(page), 'body', 'focus is back on the page');
    assert.equal(await page.evaluate(() => window.scrollY), y0, 'the page did not scroll');
    assert.notEqual((await stored()).snoozeUntil, null, 'the snooze stays');
    assert.equal((await ctl.event({ type: 'unsnooze' })).ok, true);
    await page.close();

    // 2. By keyboard from a control of the page: focus goes back to that control when the acknowledgement leaves.
    const kb = await feedWithCard();
    await tabTo(kb, 'close'); // from the top of the document: the card comes first in the tab order
    // Tab on through the card and out of it, onto the page's first control.
    for (let i = 0; i < 20 && (await focusedControl(kb)); i++) await kb.keyboard.press('Tab');
    const before = await pageFocus(kb);
    assert.notEqual(before, 'our card');
    assert.notEqual(before, 'body');
    await kb.keyboard.press('Shift+Tab'); // back into the card: it remembers where the member came from
    await pressOn(kb, 'dismissAll', 'Enter', { via: 'Shift+Tab' });
    const t1 = Date.now();
    await waitForShadow(kb, { ...OURS, predicate: (x) => x.text.includes(msg.bannerAckDismissAll) });
    // Undo is reachable by keyboard while it shows.
    await tabTo(kb, 'undo', { via: 'Tab' });
    const y = await kb.evaluate(() => window.scrollY);
    await waitForShadow(kb, { ...OURS, timeout: 15_000, predicate: (x) => !/class="card/.test(x.html) });
    assert.ok(Date.now() - t1 < 15_000, 'gone within 15 s although focus was on Undo');
    assert.equal(await pageFocus(kb), before, 'focus is back where the member was');
    assert.equal(await kb.evaluate(() => window.scrollY), y, 'the page did not scroll');
    assert.equal((await stored()).dismissAll, true, 'the decision stays');
    assert.equal((await ctl.event({ type: 'undismissAll' })).ok, true);
    assert.deepEqual(errors, []);
    await kb.close();
  });

  test('a page too big to look through: "Don\'t remind me again" asks once more inside the card (calm, no dialog); Cancel, then Yes', async () => {
    const page = await feedWithCard();
    const errors = collectErrors(page);
    // More elements than the card looks through for top-layer elements: it cannot confirm nothing is over it.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.hidden = true;
      for (let i = 0; i < 70_000; i++) box.appendChild(document.createElement('span'));
      document.body.appendChild(box);
    });
    await shadowClick(page, { text: msg.bannerDismissAll }, OURS);
    const asked = await waitForShadow(page, { ...OURS, predicate: (x) => x.buttons.some((b) => b.attrs['data-k'] === 'yes-dismissAll') });
    assert.ok(asked.text.includes(msg.bannerSureDismissAll) && asked.text.includes(msg.bannerSureWhy), 'the card asks, and says why');
    assert.equal(asked.buttons.find((b) => b.attrs['data-k'] === 'yes-dismissAll')?.text, msg.bannerSureYesDismissAll);
    assert.equal(asked.buttons.find((b) => b.attrs['data-k'] === 'dismissAll')?.disabled, true, 'the button that asked waits');
    assert.equal(await focusedControl(page), 'ask', 'focus is on the question, not on Yes');
    await screenshot(page, 'clicks-second-step');
    // A second click on the same spot, and Enter, decide nothing.
    await shadowClick(page, { text: msg.bannerDismissAll }, OURS).catch(() => {});
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal((await stored()).dismissAll, false, 'asked, not decided');
    // Cancel: the question goes, the button is back.
    await shadowClick(page, { text: msg.bannerSureCancel }, OURS);
    await waitForShadow(page, { ...OURS, predicate: (x) => !x.buttons.some((b) => b.attrs['data-k'] === 'yes-dismissAll') });
    assert.equal(await focusedControl(page), 'dismissAll');
    // Again, and Yes (keyboard): decided.
    await pressOn(page, 'dismissAll', 'Enter');
    await waitForShadow(page, { ...OURS, predicate: (x) => x.buttons.some((b) => b.attrs['data-k'] === 'yes-dismissAll') });
    await pressOn(page, 'yes-dismissAll', 'Enter', { via: 'Tab', wait: 700 }); // Yes answers after a moment
    await pollUntil(stored, (x) => x.dismissAll === true, { what: 'reminders off after the second step' });
    await waitForShadow(page, { ...OURS, predicate: (x) => x.text.includes(msg.bannerAckDismissAll) });
    assert.equal((await ctl.event({ type: 'undismissAll' })).ok, true);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
