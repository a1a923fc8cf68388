// @ts-check
import { localize, t, has, uiLanguage } from './lib/i18n.js';
import { getStatus, sendEvent, startGuide, openOptions, clearProblems } from './lib/messaging.js';
import { icon, h } from './lib/icons.js';
import {
  groupRows, pillFor, rowStateAttr, rowStatusAttr, summarize, stateCounts, pluralKey, COUNTED_KEYS, REASON_KEYS,
  relativeTime, isJustNow, formatDate, formatDay, regionKey, reminderState, problemMessage,
} from './lib/view.js';

/** @typedef {import('../shared/protocol.js').StatusView} StatusView */
/** @typedef {import('../shared/protocol.js').Row} Row */
/** @typedef {import('../shared/protocol.js').WorkerEvent} WorkerEvent */

const lang = uiLanguage();

/** @param {string} id */
function $(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

/** @param {string} msg */
function announce(msg) {
  const live = $('live');
  live.textContent = '';
  // A fresh text node after a tick makes screen readers announce repeated messages too.
  setTimeout(() => { live.textContent = msg; }, 50);
}

/**
 * @param {string} base
 * @param {number} count
 */
function counted(base, count) {
  return COUNTED_KEYS.has(base) ? t(pluralKey(base, count, lang), count) : t(base, count);
}

/** @type {StatusView | null} */
let current = null;

/**
 * Render the whole popup from a status view.
 * @param {StatusView} view
 */
function render(view) {
  current = view;
  const now = Date.now();
  $('loading').hidden = true;
  $('main').setAttribute('aria-busy', 'false');

  renderProblems(view.problems || []);
  renderSummary(view);
  renderAccounts(view);

  const groups = groupRows(view.rows || []);
  fillGroup('main', groups.main, now);
  fillGroup('optional', groups.optional, now);
  fillGroup('elsewhere', groups.elsewhere, now);

  renderUnknown(view.unknownSettings || [], now);
  renderReminders(view, now);

  $('footer').hidden = false;
  $('region-text').textContent = t('regionLine', t(regionKey(view.region)));
}

/**
 * Switches LinkedIn showed on its data-privacy and advertising pages that OptOut Pilot does not know: listed
 * apart (never counted as on or off), with the state seen, when, and a link to where they were.
 * @param {NonNullable<StatusView['unknownSettings']>} list @param {number} now
 */
function renderUnknown(list, now) {
  const items = list.slice(0, 20).map((u) => {
    const when = relativeTime(u.lastSeen, now, lang);
    const li = h('li', { class: 'row row-unknown', 'data-unknown-setting': u.label, 'data-state': u.state === 'on' ? 'on' : 'off' }, [
      h('div', { class: 'row-head' }, [
        h('h3', { class: 'row-title', text: u.label }),
        h('span', { class: 'pill', 'data-tone': 'muted' }, [t(u.state === 'on' ? 'unknownSeenOn' : 'unknownSeenOff')]),
      ]),
    ]);
    if (when) li.append(h('p', { class: 'row-meta muted', text: t('lastSeen', when) }));
    if (/^https:\/\/www\.linkedin\.com\//.test(u.url)) {
      li.append(h('div', { class: 'row-actions' }, [h('a', { class: 'row-link', href: u.url, target: '_blank', rel: 'noopener' },
        [t('openSetting'), icon('external', 13), h('span', { class: 'sr-only', text: t('opensNewTab') })])]));
    }
    return li;
  });
  $('rows-unknown').replaceChildren(...items);
  $('group-unknown').hidden = items.length === 0;
}

/**
 * Whose status this is: the account signed in on LinkedIn (or, before any page showed one, this browser), or, when
 * the account may have changed since (a sign-in or sign-out page), that LinkedIn has not shown who it is (the rows
 * then show only what was seen since, never the previous account's), and how many other accounts were seen here,
 * with a way to forget them.
 * @param {StatusView} view
 */
function renderAccounts(view) {
  const others = Math.max(0, Number(view.otherAccounts) || 0);
  const anySeen = (view.rows || []).some((r) => r.seenAt != null);
  const uncertain = view.accountUncertain === true;
  $('accounts').hidden = !anySeen && others === 0 && !uncertain;
  $('account-line').textContent = t(uncertain ? 'accountUncertain' : view.accountKnown ? 'accountCurrent' : 'accountUnknown');
  $('accounts-other').hidden = others === 0;
  $('accounts-other-text').textContent = others ? counted('accountsOther', others) : '';
}

/** @param {StatusView['problems']} problems */
function renderProblems(problems) {
  const box = $('problems');
  box.replaceChildren();
  box.hidden = problems.length === 0;
  for (const p of problems) {
    const { key, text } = problemMessage(p);
    const msg = key && has(key) ? t(key) : text;
    box.append(h('div', { class: 'alert', role: 'alert' }, [icon('info', 18), h('p', { text: msg })]));
  }
  if (problems.length === 0) return;
  // The member has read them: forget the notices (the backups stay), or they would show on every open.
  const ack = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-focus': 'ack-problems' },
    [t('btnAcknowledgeProblems')]);
  ack.addEventListener('click', () => onAcknowledgeProblems(ack));
  box.append(ack);
}

/** @param {HTMLElement} source */
async function onAcknowledgeProblems(source) {
  source.setAttribute('aria-busy', 'true');
  try {
    render(await clearProblems());
    $('start-guide').focus();
    announce(t('announceProblemsCleared'));
  } catch {
    source.removeAttribute('aria-busy');
    showError();
  }
}

/** @param {StatusView} view */
function renderSummary(view) {
  const s = summarize(view);
  const card = $('summary');
  card.hidden = false;
  card.dataset.tone = s.tone;
  const iconName = { attention: 'alert', unchecked: 'question', done: 'check', neutral: 'info' }[s.tone];
  $('summary-icon').replaceChildren(icon(iconName, 22));
  $('summary-title').textContent = counted(s.key, s.count);
  // Counts by state, first: "4 of 11 off · 1 on · 6 to check" (during the guide too).
  const c = stateCounts(view);
  const parts = c.total ? [t('countOffOfTotal', [c.off, c.total])] : [];
  if (c.on) parts.push(t('countOn', c.on));
  if (c.toCheck) parts.push(t('countToCheck', c.toCheck));
  const counts = $('summary-counts');
  counts.hidden = parts.length === 0;
  counts.textContent = parts.join(' · ');
  const detail = $('summary-detail');
  detail.hidden = !s.detailKey;
  detail.textContent = s.detailKey ? counted(s.detailKey, s.detailCount) : '';
  const label = view.guideActive ? 'btnContinueGuide' : s.tone === 'done' ? 'btnCheckAgain' : 'btnStartGuide';
  $('start-guide-label').textContent = t(label);
  const btn = $('start-guide');
  btn.classList.toggle('btn-primary', s.tone !== 'done');
  btn.classList.toggle('btn-secondary', s.tone === 'done');
}

/**
 * @param {'main' | 'optional' | 'elsewhere'} name
 * @param {Row[]} rows
 * @param {number} now
 */
function fillGroup(name, rows, now) {
  const list = $(`rows-${name}`);
  // Settings already off are collapsed under one line (still in the page, with their data attributes): what
  // is left to do comes first. A member who opened them keeps them open across redraws.
  const off = name === 'main' ? rows.filter((r) => rowStatusAttr(r) === 'off') : [];
  const open = rows.filter((r) => !off.includes(r));
  list.replaceChildren(...open.map((row) => renderRow(row, name, now)));
  if (name === 'main') {
    const box = $('rows-off');
    const wasOpen = box instanceof HTMLDetailsElement && box.open;
    box.hidden = off.length === 0;
    $('rows-off-summary').textContent = counted('rowsOff', off.length);
    $('rows-off-list').replaceChildren(...off.map((row) => renderRow(row, name, now)));
    if (box instanceof HTMLDetailsElement) box.open = wasOpen;
  }
  $(`group-${name}`).hidden = rows.length === 0;
}

/** @param {Row} row @returns {string} */
function reasonText(row) {
  const key = row.reason ? /** @type {Record<string, string>} */ (REASON_KEYS)[row.reason] : undefined;
  return key ? t(key) : '';
}

/**
 * One element per catalog row, carrying the contract attributes.
 * @param {Row} row
 * @param {'main' | 'optional' | 'elsewhere'} group
 * @param {number} now
 */
function renderRow(row, group, now) {
  const status = rowStatusAttr(row);
  const isForm = row.kind === 'form';
  const li = h('li', {
    class: `row${isForm ? ' row-form' : ''}`,
    'data-setting': row.id,
    'data-state': rowStateAttr(row),
    'data-applies': row.applies ? 'yes' : 'no',
    'data-status': status,
  });
  const titleId = `title-${row.id}`;
  li.setAttribute('aria-labelledby', titleId);

  let pill;
  if (isForm) {
    pill = h('span', { class: 'pill', 'data-tone': 'muted' }, [icon('form', 14), t('pillOptional')]);
  } else {
    const p = pillFor(row);
    pill = h('span', { class: 'pill', 'data-tone': p.tone }, [icon(p.icon, 14), t(p.key)]);
  }
  const head = h('div', { class: 'row-head' }, [
    h('h3', { class: 'row-title', id: titleId, text: row.title || row.id }),
    pill,
  ]);
  li.append(head);

  // "Last checked …" only when there is a time; a never-seen row already says "Not checked yet" in its pill.
  // …and how that reading was established (or why it could not be): a member can see why we believe it.
  // How it was read is in the row's details (below), so the list stays short enough to scan.
  const rel = relativeTime(row.seenAt, now, lang);
  const how = !isForm && (rel || isJustNow(row.seenAt, now)) ? reasonText(row) : '';
  if (!isForm && (rel || isJustNow(row.seenAt, now))) {
    const when = isJustNow(row.seenAt, now) ? t('seenJustNow') : t('lastSeen', /** @type {string} */ (rel));
    li.append(h('p', { class: 'row-meta muted', text: when }));
    if (row.reason) li.setAttribute('data-reason', row.reason);
  }

  // A reading from an imported file was not seen in this browser: say where it comes from (its status asks
  // for a re-check until LinkedIn shows it again).
  if (!isForm && typeof row.importedAt === 'number') {
    li.append(h('p', { class: 'row-meta muted', 'data-imported': 'yes', text: t('rowImported', formatDay(row.importedAt, lang)) }));
  }

  // LinkedIn (or someone) switched it back on after it was seen off: say so, not just "On".
  if (!isForm && status === 'on' && row.turnedBackOn) {
    const since = relativeTime(row.turnedBackOnAt ?? null, now, lang);
    li.append(h('p', { class: 'row-alert', role: 'note', text: since ? t('rowTurnedBackOnWhen', since) : t('rowTurnedBackOn') }));
  }

  const actions = h('div', { class: 'row-actions' });
  const whyId = `why-${row.id}`;
  if (row.why || how) {
    const toggle = h('button', {
      type: 'button', class: 'text-btn why-toggle', 'aria-expanded': 'false', 'aria-controls': whyId,
    }, [icon('chevron', 14), t('rowDetails')]);
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      const body = document.getElementById(whyId);
      if (body) body.hidden = !open;
    });
    actions.append(toggle);
  }
  if (row.url) {
    const link = h('a', {
      class: 'row-link', href: row.url, target: '_blank', rel: 'noopener',
      'data-focus': `link-${row.id}`,
    }, [isForm ? t('formLink') : t('openSetting'), icon('external', 13), h('span', { class: 'sr-only', text: t('opensNewTab') })]);
    actions.append(link);
  }
  if (status === 'dismissed') {
    actions.append(actionButton(t('btnUndo'), { type: 'undismiss', setting: row.id },
      t('announceUndismissed', row.title || row.id), `dismiss-${row.id}`, `undo-${row.id}`, t('btnUndoDismissLabel', row.title || row.id)));
  } else if (row.applies && status === 'on' && !isForm) {
    actions.append(actionButton(t('btnKeepOn'), { type: 'dismiss', setting: row.id },
      t('announceDismissed', row.title || row.id), `undo-${row.id}`, `dismiss-${row.id}`, t('btnKeepOnLabel', row.title || row.id)));
  }
  li.append(actions);
  if (row.why || how) {
    const body = h('div', { class: 'row-why', id: whyId, hidden: true });
    if (how) body.append(h('p', { class: 'row-how muted', 'data-how': 'yes', text: how }));
    if (row.why) body.append(h('p', { text: row.why }));
    li.append(body);
  }
  return li;
}

/**
 * A small button that sends an event and re-renders.
 * @param {string} label
 * @param {WorkerEvent} event
 * @param {string} announcement
 * @param {string} focusAfter data-focus value to focus after re-render
 * @param {string} focusId this button's data-focus value
 * @param {string} [ariaLabel]
 */
function actionButton(label, event, announcement, focusAfter, focusId, ariaLabel) {
  const btn = h('button', { type: 'button', class: 'text-btn act', 'data-focus': focusId, 'aria-label': ariaLabel }, [label]);
  btn.addEventListener('click', () => act(event, announcement, focusAfter, btn));
  return btn;
}

/**
 * Send an event, re-render with the returned status, move focus, announce.
 * @param {WorkerEvent} event
 * @param {string} announcement
 * @param {string} focusAfter
 * @param {HTMLElement} [source]
 */
async function act(event, announcement, focusAfter, source) {
  source?.setAttribute('aria-busy', 'true');
  try {
    const view = await sendEvent(event);
    render(view);
    const target = /** @type {HTMLElement | null} */ (document.querySelector(`[data-focus="${focusAfter}"]`));
    (target || $('start-guide')).focus();
    announce(announcement);
  } catch {
    source?.removeAttribute('aria-busy');
    showError();
  }
}

/**
 * @param {StatusView} view
 * @param {number} now
 */
function renderReminders(view, now) {
  const section = $('reminders');
  const body = $('reminders-body');
  const state = reminderState(view, now);
  const s = summarize(view);
  // Something still to do (on, unreadable, or not read yet: "to check"), or reminders are quiet.
  const relevant = state !== 'active' || s.tone === 'attention' || s.tone === 'unchecked' || s.key === 'summaryToCheck';
  section.hidden = !relevant;
  if (!relevant) return;

  /** Reminders are quiet: say how, with an Undo (text, undo event, announcement, focus id, button label). */
  /** @type {[string, WorkerEvent, string, string, string] | null} */
  const quiet = state === 'snoozed'
    ? [t('snoozedUntil', formatDate(/** @type {number} */ (view.snoozeUntil), lang)), { type: 'unsnooze' },
      t('announceUnsnoozed'), 'undo-snooze', t('btnUndoSnoozeLabel')]
    : state === 'off'
      ? [t('remindersOff'), { type: 'undismissAll' }, t('announceRemindersOn'), 'undo-dismiss-all', t('btnUndoRemindersOffLabel')]
      : state === 'closed'
        ? [t('remindersClosed'), { type: 'unsnooze' }, t('announceUnsnoozed'), 'undo-close', t('btnUndoSnoozeLabel')]
        : null;
  if (quiet) {
    const [text, undo, announcement, focusId, label] = quiet;
    body.replaceChildren(h('div', { class: 'reminder-state' }, [
      icon('bellOff', 18),
      h('p', { text }),
      actionButton(t('btnUndo'), undo, announcement, 'snooze-day', focusId, label),
    ]));
    return;
  }
  /** @type {Array<['day' | 'week' | 'month', string]>} */
  const options = [['day', 'snoozeDay'], ['week', 'snoozeWeek'], ['month', 'snoozeMonth']];
  const group = h('div', { class: 'snooze-buttons', role: 'group', 'aria-label': t('remindersTitle') },
    options.map(([duration, key]) => {
      const b = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-focus': `snooze-${duration}` }, [t(key)]);
      b.addEventListener('click', () => act({ type: 'snooze', duration }, t('announceSnoozed'), 'undo-snooze', b));
      return b;
    }));
  const off = h('button', { type: 'button', class: 'text-btn', 'data-focus': 'dismiss-all' }, [icon('bellOff', 14), t('btnDismissAll')]);
  off.addEventListener('click', () => act({ type: 'dismissAll' }, t('announceRemindersOff'), 'undo-dismiss-all', off));
  body.replaceChildren(group, off);
}

function showError() {
  $('loading').hidden = true;
  $('main').setAttribute('aria-busy', 'false');
  const box = $('problems');
  box.hidden = false;
  box.replaceChildren(h('div', { class: 'alert', 'data-tone': 'error', role: 'alert' }, [icon('alert', 18), h('p', { text: t('errorWorker') })]));
}

async function onStartGuide() {
  const btn = $('start-guide');
  btn.setAttribute('aria-busy', 'true');
  try {
    await startGuide();
    window.close();
  } catch {
    btn.removeAttribute('aria-busy');
    showError();
  }
}

/** @param {MouseEvent} e */
function onOptionsLink(e) {
  e.preventDefault();
  openOptions().then(() => window.close(), () => window.open('options.html', '_blank', 'noopener'));
}

async function main() {
  localize();
  $('start-guide').addEventListener('click', onStartGuide);
  const forget = $('forget-accounts');
  forget.addEventListener('click', () => act({ type: 'forgetOtherAccounts' }, t('announceAccountsForgotten'), 'start-guide', forget));
  for (const id of ['open-options', 'open-options-top', 'region-change']) $(id).addEventListener('click', onOptionsLink);
  try {
    render(await getStatus());
  } catch {
    showError();
  }
}

main();

