// Clicks only from the member: a page that lays something over our card (a transparent top-layer popover or
// modal dialog that lets clicks through, or a plain transparent overlay above every z-index that does too) cannot
// turn a member's click into "Don't remind me again" or "I want this on"; neither can a click from script. The
// card stays; without the cover the same click counts, and the acknowledgement offers an Undo.
//
//   ./build.sh && node --test --test-concurrency=1 tests/e2e/clicks.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { routeLinkedIn, waitForShadow, shadowSnapshot, shadowClick, collectErrors, screenshot } from './harness.mjs';
import { launch, controlPage, finishSetup, readStore, pollUntil, localeMessages, nudgeRegistered } from './lib/ext.mjs';

const FEED = 'https://www.linkedin.com/feed/';
const AI_PAGE = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

/** Covers the whole page in the page's own world; returns nothing. Each lets clicks through to our card. */
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
};

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
    assert.equal((await ctl.event({ type: 'unsnooze' })).ok, true);
    await pollUntil(() => nudgeRegistered(ext.worker), (r) => r === true, { what: 'the card script registered' });
    await new Promise((r) => setTimeout(r, 250));
    const page = await ext.context.newPage();
    await page.goto(FEED);
    await waitForShadow(page, { predicate: (s) => s.visible && s.text.includes(msg.bannerDismissAll) });
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

  for (const [name, cover] of Object.entries(COVERS)) {
    test(`${name}: the member's click on "Don't remind me again" and on × does nothing; the card stays`, async () => {
      const page = await feedWithCard();
      const errors = collectErrors(page);
      await page.evaluate(cover);
      await shadowClick(page, { text: msg.bannerDismissAll });
      await shadowClick(page, { name: msg.bannerCloseNudge });
      await page.waitForTimeout(400);
      const s = await stored();
      assert.equal(s.dismissAll, false, 'reminders are still on');
      assert.equal(s.nudgeClosedDay, undefined, 'not closed');
      assert.ok((await shadowSnapshot(page))?.text.includes(msg.bannerNudgeTitle), 'the card is still there');
      if (name.includes('popover')) await screenshot(page, 'clicks-covered-by-popover');
      // The cover goes: the same click counts now.
      await page.evaluate(() => {
        const c = /** @type {any} */ (document.getElementById('cover'));
        if (c.close) c.close(); else if (c.hidePopover && c.matches(':popover-open')) c.hidePopover();
        c.remove();
      });
      await shadowClick(page, { text: msg.bannerDismissAll });
      await waitForShadow(page, { predicate: (x) => x.text.includes(msg.bannerAckDismissAll) });
      assert.equal((await pollUntil(stored, (x) => x.dismissAll === true, { what: 'reminders off' })).dismissAll, true);
      // The acknowledgement offers an Undo, which brings the reminders and the card back.
      await shadowClick(page, { text: msg.btnUndo });
      await pollUntil(stored, (x) => x.dismissAll === false, { what: 'reminders back on' });
      await waitForShadow(page, { predicate: (x) => x.visible && x.text.includes(msg.bannerNudgeTitle) });
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
    assert.ok((await shadowSnapshot(page))?.text.includes(msg.bannerNudgeTitle), 'the card is still there');
    await page.close();
  });

  test('the guide card on a setting page: "I want this on" under a transparent cover does nothing', async () => {
    const page = await ext.context.newPage();
    await page.goto(AI_PAGE);
    await waitForShadow(page, { predicate: (s) => s.buttons.some((b) => b.text === msg.bannerKeepOn) });
    await page.evaluate(COVERS['a plain transparent overlay above every z-index with pointer-events:none']);
    await shadowClick(page, { text: msg.bannerKeepOn });
    await page.waitForTimeout(400);
    assert.deepEqual((await stored()).dismissed, [], 'not dismissed');
    assert.ok((await shadowSnapshot(page))?.buttons.some((b) => b.text === msg.bannerKeepOn), 'the guide is still there');
    await page.evaluate(() => document.getElementById('cover')?.remove());
    await shadowClick(page, { text: msg.bannerKeepOn });
    await pollUntil(stored, (x) => x.dismissed?.length === 1, { what: 'dismissed by the member' });
    // Every quieting decision offers an Undo, on the guide's card too.
    await waitForShadow(page, { predicate: (x) => x.text.includes(msg.bannerAckKeepOn) && x.buttons.some((b) => b.text === msg.btnUndo) });
    await screenshot(page, 'clicks-guide-keep-on-undo');
    await shadowClick(page, { text: msg.btnUndo });
    await pollUntil(stored, (x) => x.dismissed?.length === 0, { what: 'reminded again of the setting' });
    await waitForShadow(page, { predicate: (x) => x.visible && x.buttons.some((b) => b.text === msg.bannerKeepOn) && !x.buttons.some((b) => b.text === msg.btnUndo) });
    // "Stop the guide": the card goes for this page; its Undo brings the guide back, and only that.
    await shadowClick(page, { text: msg.bannerStopGuide });
    await waitForShadow(page, { predicate: (x) => x.text.includes(msg.bannerAckStopGuide) && x.buttons.some((b) => b.text === msg.btnUndo) });
    assert.equal((await pollUntil(stored, (x) => x.guide?.active === false, { what: 'guide stopped' })).guide.active, false);
    await shadowClick(page, { text: msg.btnUndo });
    assert.equal((await pollUntil(stored, (x) => x.guide?.active === true, { what: 'guide resumed' })).guide.active, true);
    await waitForShadow(page, { predicate: (x) => x.visible && x.buttons.some((b) => b.text === msg.bannerKeepOn) });
    await page.close();
  });
});
