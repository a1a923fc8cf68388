// @ts-check
import { localize, t } from './lib/i18n.js';
import { getStatus, sendEvent, startGuide } from './lib/messaging.js';
import { regionChoices, checkedValue } from './lib/choices.js';
import { icon, h } from './lib/icons.js';

/** @param {string} id */
function $(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

const choices = $('region-choices');
const result = $('result');

/**
 * @param {string} key
 * @param {'ok' | 'error'} tone
 */
function show(key, tone) {
  result.replaceChildren(h('div', { class: 'alert', 'data-tone': tone }, [icon(tone === 'ok' ? 'check' : 'alert', 20), h('p', { text: t(key) })]));
}

/** Save the chosen region and mark setup as done. */
async function save() {
  // The choices are the three regions (choices.js); anything else is not sent as one.
  const region = /** @type {import('../shared/protocol.js').Region} */ (checkedValue(choices) || 'row');
  await sendEvent({ type: 'setRegion', region });
  await sendEvent({ type: 'finishSetup' });
}

/**
 * @param {HTMLElement} btn
 * @param {() => Promise<void>} work
 */
async function busy(btn, work) {
  if (btn.getAttribute('aria-busy') === 'true') return;
  btn.setAttribute('aria-busy', 'true');
  try {
    await work();
  } catch {
    show('errorSave', 'error');
  } finally {
    btn.removeAttribute('aria-busy');
  }
}

async function main() {
  localize();
  let region = 'row';
  try {
    const view = await getStatus();
    region = view.region || 'row';
  } catch {
    // Still usable: the guess falls back to "rest of the world" and the user picks.
  }
  regionChoices(choices, region);

  const start = $('start-guide');
  start.addEventListener('click', () => busy(start, async () => {
    await save();
    await startGuide();
  }));
  const later = $('save-later');
  later.addEventListener('click', () => busy(later, async () => {
    await save();
    show('onbSaved', 'ok');
  }));
}

main();
