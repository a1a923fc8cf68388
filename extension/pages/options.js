// @ts-check
import { localize, t, has, uiLanguage } from './lib/i18n.js';
import { getStatus, sendEvent, send } from './lib/messaging.js';
import { regionChoices } from './lib/choices.js';
import { icon, h } from './lib/icons.js';
import { RECHECK_DAYS, reminderState, formatDate, problemMessage } from './lib/view.js';

/** @typedef {import('../shared/protocol.js').StatusView} StatusView */
/** @typedef {import('../shared/protocol.js').WorkerEvent} WorkerEvent */

const lang = uiLanguage();
const EXPORT_NAME = 'optout-pilot-state.json';

/** @param {string} id */
function $(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

/**
 * Put a message into a live region (cleared first so repeats are announced).
 * @param {HTMLElement} el
 * @param {string} text
 */
function say(el, text) {
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 50);
}

/**
 * @param {HTMLElement} el
 * @param {string} text
 * @param {'ok' | 'error'} tone
 */
function alertIn(el, text, tone) {
  el.replaceChildren(h('div', { class: 'alert', 'data-tone': tone }, [icon(tone === 'ok' ? 'check' : 'alert', 20), h('p', { text })]));
}

/** @param {StatusView} view */
function render(view) {
  const problems = $('problems');
  problems.replaceChildren(...(view.problems || []).map((p) => {
    const { key, text } = problemMessage(p);
    return h('div', { class: 'alert', role: 'alert' }, [icon('info', 20), h('p', { text: key && has(key) ? t(key) : text })]);
  }));
  renderRecheck(view);
  renderReminders(view);
}

/** @param {StatusView} view */
function renderRecheck(view) {
  const box = $('recheck-choices');
  const current = typeof view.recheckDays === 'number' ? view.recheckDays : 90;
  box.replaceChildren(...RECHECK_DAYS.map((days) => {
    const id = `recheck-${days}`;
    const input = h('input', { type: 'radio', name: 'recheck', id, value: String(days) });
    input.checked = days === current;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      apply({ type: 'setRecheckDays', days }, $('recheck-saved'), t('optSaved'), false);
    });
    return h('label', { class: 'choice', for: id }, [input, h('span', { class: 'choice-label', text: t('optRecheckDays', days) })]);
  }));
}

/** @param {StatusView} view */
function renderReminders(view) {
  const state = reminderState(view, Date.now());
  const box = $('reminder-state');
  // A plain switch, Reminders On/Off, whenever the member comes here (no "Undo" days after the fact). Off after
  // "Don't remind me again" and while a snooze lasts; the line under it says which, in the popup's words.
  const on = state === 'active' || state === 'closed';
  const text = state === 'snoozed' ? t('snoozedUntil', formatDate(/** @type {number} */ (view.snoozeUntil), lang))
    : state === 'off' ? t('remindersOff') : state === 'closed' ? t('remindersClosed') : t('optRemindersActive');
  /** @type {[WorkerEvent, string]} */
  const [event, announcement] = on ? [{ type: 'dismissAll' }, t('announceRemindersOff')]
    : state === 'off' ? [{ type: 'undismissAll' }, t('announceRemindersOn')] : [{ type: 'unsnooze' }, t('announceUnsnoozed')];
  const sw = h('button', {
    type: 'button', role: 'switch', class: 'switch', id: 'reminders-switch', 'aria-checked': on ? 'true' : 'false',
    'aria-labelledby': 'reminders-title', 'aria-describedby': 'reminders-state-text',
  }, [h('span', { class: 'switch-track', 'aria-hidden': 'true' }, [h('span', { class: 'switch-thumb' })]),
    h('span', { class: 'switch-text', 'aria-hidden': 'true', text: t(on ? 'optSwitchOn' : 'optSwitchOff') })]);
  sw.addEventListener('click', () => apply(event, $('reminders-live'), announcement, 'reminders-switch'));
  box.replaceChildren(h('div', { class: 'inline-status' }, [icon(on ? 'bell' : 'bellOff', 20),
    h('p', { id: 'reminders-state-text', text }), sw]));

  const dismissed = (view.rows || []).filter((r) => r.status === 'dismissed');
  $('dismissed-none').hidden = dismissed.length > 0;
  $('dismissed-list').hidden = dismissed.length === 0;
  $('dismissed-list').replaceChildren(...dismissed.map((row) => h('li', { class: 'list-item', 'data-setting': row.id }, [
    h('span', { text: row.title || row.id }),
    undoButton({ type: 'undismiss', setting: row.id }, t('btnUndoDismissLabel', row.title || row.id),
      t('announceUndismissed', row.title || row.id)),
  ])));
}

/**
 * @param {WorkerEvent} event
 * @param {string} label accessible name
 * @param {string} announcement
 */
function undoButton(event, label, announcement) {
  const b = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'aria-label': label }, [t('btnUndo')]);
  b.addEventListener('click', () => apply(event, $('reminders-live'), announcement, true));
  return b;
}

/**
 * Apply an event, re-render, announce; keep keyboard focus inside the reminders card after undo (`refocus`
 * true: its heading; a string: the element with that id, e.g. the switch, drawn again).
 * @param {WorkerEvent} event
 * @param {HTMLElement} live
 * @param {string} message
 * @param {boolean|string} refocus
 */
async function apply(event, live, message, refocus) {
  try {
    const view = await sendEvent(event);
    render(view);
    if (typeof refocus === 'string') $(refocus).focus();
    else if (refocus) {
      const title = $('reminders-title');
      title.setAttribute('tabindex', '-1');
      title.focus();
    }
    say(live, message);
  } catch {
    say(live, t('errorSave'));
  }
}

async function exportState() {
  const out = $('backup-result');
  try {
    const reply = await send({ type: 'export' });
    if (!reply || typeof reply.json !== 'string') throw new Error('no json');
    const url = URL.createObjectURL(new Blob([reply.json], { type: 'application/json' }));
    const a = h('a', { href: url, download: EXPORT_NAME, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    alertIn(out, t('optExportDone'), 'ok');
  } catch {
    alertIn(out, t('errorSave'), 'error');
  }
}

/** @param {File} file */
async function importState(file) {
  const out = $('backup-result');
  try {
    const json = await file.text();
    const reply = await send({ type: 'import', json });
    if (reply && reply.ok) {
      alertIn(out, t('optImportOk'), 'ok');
      await load();
    } else {
      const error = reply && typeof reply.error === 'string' && reply.error ? reply.error : '';
      alertIn(out, error ? t('optImportFailed', error) : t('optImportFailedGeneric'), 'error');
    }
  } catch {
    alertIn(out, t('optImportFailedGeneric'), 'error');
  }
}

async function load() {
  const view = await getStatus();
  regionChoices($('region-choices'), view.region, (region) => {
    apply({ type: 'setRegion', region: /** @type {import('../shared/protocol.js').Region} */ (region) }, $('region-saved'), t('optSaved'), false);
  });
  render(view);
}

async function main() {
  localize();
  $('export').addEventListener('click', exportState);
  const fileInput = /** @type {HTMLInputElement} */ ($('import-file'));
  $('import').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files && fileInput.files[0];
    if (file) importState(file);
    fileInput.value = '';
  });
  try {
    await load();
  } catch {
    alertIn($('problems'), t('errorWorker'), 'error');
  }
}

main();
