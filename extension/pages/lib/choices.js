// @ts-check
import { t } from './i18n.js';
import { h } from './icons.js';
import { REGIONS } from './view.js';

/**
 * Fill a <fieldset> with the region radio group (label + hint per region).
 * @param {HTMLElement} fieldset
 * @param {string} selected region id
 * @param {(region: string) => void} [onChange]
 */
export function regionChoices(fieldset, selected, onChange) {
  const name = fieldset.id || 'region';
  const known = REGIONS.some((r) => r.id === selected);
  fieldset.replaceChildren(...REGIONS.map((r, i) => {
    const id = `${name}-${r.id}`;
    const input = h('input', { type: 'radio', name, id, value: r.id, 'aria-describedby': `${id}-hint` });
    input.checked = known ? r.id === selected : i === REGIONS.length - 1;
    if (onChange) input.addEventListener('change', () => { if (input.checked) onChange(r.id); });
    return h('label', { class: 'choice', for: id }, [
      input,
      h('span', {}, [
        h('span', { class: 'choice-label', text: t(r.key) }),
        h('span', { class: 'choice-hint', id: `${id}-hint`, text: t(r.hintKey) }),
      ]),
    ]);
  }));
}

/**
 * The checked value of a radio group inside root, or null.
 * @param {ParentNode} root
 * @returns {string | null}
 */
export function checkedValue(root) {
  const el = /** @type {HTMLInputElement | null} */ (root.querySelector('input[type="radio"]:checked'));
  return el ? el.value : null;
}
