// @ts-check
// "Your opt-out record": for each setting, its state and when and how it was read, when it was first seen off,
// the date LinkedIn's AI-training change applied in the member's region and the objection form's link. Made
// entirely in the browser from the worker's status and export (nothing is sent anywhere); the account is only
// ever "this LinkedIn account" (the stored account is a salted hash, and it is not shown either).
import { localize, t, uiLanguage } from './lib/i18n.js';
import { getStatus, send } from './lib/messaging.js';
import { h } from './lib/icons.js';
import { groupRows, pillFor, formatDay, regionKey, REASON_KEYS } from './lib/view.js';
import { AI_CHANGE_DATES } from './lib/ai-change-dates.js';

/** @typedef {import('../shared/protocol.js').StatusView} StatusView */
/** @typedef {import('../shared/protocol.js').Row} Row */

const lang = uiLanguage();
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {number} ts */
function when(ts) {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ts));
  } catch {
    return new Date(ts).toISOString();
  }
}

/** @param {Row} row */
function howRead(row) {
  const key = row.reason ? /** @type {Record<string, string>} */ (REASON_KEYS)[row.reason] : '';
  return key ? t(key) : '';
}

/**
 * The time each setting was first seen off (the stored `changedAt` of an off reading), from the worker's export.
 * @returns {Promise<Record<string, number>>}
 */
async function offSince() {
  try {
    const reply = await send({ type: 'export' });
    const file = JSON.parse(reply.json);
    const settings = (file && file.state && file.state.settings) || {};
    /** @type {Record<string, number>} */
    const out = {};
    for (const [id, s] of Object.entries(settings)) {
      const seen = /** @type {any} */ (s);
      if (seen && seen.state === 'off' && typeof seen.changedAt === 'number') out[id] = seen.changedAt;
    }
    return out;
  } catch {
    return {};
  }
}

/** @param {StatusView} view @param {Record<string, number>} off */
function render(view, off) {
  $('record-account').textContent = t('recordAccount', when(Date.now()));
  $('record-region').textContent = t('regionLine', t(regionKey(view.region)));
  const region = /** @type {'eu'|'uk'|'row'} */ (['eu', 'uk', 'row'].includes(view.region) ? view.region : 'row');
  $('record-ai-change').textContent = t('recordAiChange', formatDay(Date.parse(AI_CHANGE_DATES[region] + 'T12:00:00Z'), lang));
  const groups = groupRows(view.rows || []);
  const rows = [...groups.main, ...groups.elsewhere];
  $('record-rows').replaceChildren(...rows.map((row) => {
    const read = typeof row.seenAt === 'number'
      ? [when(row.seenAt), howRead(row)].filter(Boolean).join(' — ')
      : t('recordNotRead');
    const offAt = row.status === 'off' || row.state === 'off' ? off[row.id] : undefined;
    return h('tr', { 'data-setting': row.id, 'data-state': row.state }, [
      h('td', { text: row.title || row.id }),
      h('td', { text: t(pillFor(row).key) }),
      h('td', { class: typeof row.seenAt === 'number' ? '' : 'muted', text: read }),
      h('td', { class: offAt ? '' : 'muted', text: offAt ? t('recordOffWhen', when(offAt)) : '—' }),
    ]);
  }));
  $('record-table').hidden = rows.length === 0;
  const form = groups.optional.find((r) => r.kind === 'form' && r.applies) ?? groups.optional[0];
  if (form && /^https:\/\/www\.linkedin\.com\//.test(form.url)) {
    const link = /** @type {HTMLAnchorElement} */ ($('record-form-link'));
    link.href = form.url;
    link.textContent = form.title || form.url;
    $('record-form').hidden = false;
  }
  $('main').setAttribute('aria-busy', 'false');
}

async function main() {
  localize();
  $('record-print').addEventListener('click', () => window.print());
  try {
    const [view, off] = await Promise.all([getStatus(), offSince()]);
    render(view, off);
  } catch {
    const err = $('record-error');
    err.textContent = t('errorWorker');
    err.hidden = false;
  }
}

main();
