// @ts-check
/**
 * Small inline SVG icons (24×24 grid, stroke = currentColor). Built with DOM calls: no innerHTML,
 * no extension URLs, no network.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** @type {Record<string, string[]>} path data per icon */
const PATHS = {
  alert: ['M12 7.5v5.5', 'M12 16.5v.01', 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z'],
  check: ['M7.5 12.5l3 3l6-6.5', 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z'],
  question: ['M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6', 'M12 17v.01', 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z'],
  refresh: ['M19 12a7 7 0 1 1-2.05-4.95', 'M19 4.5v3.5h-3.5'],
  globe: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M3.5 12h17', 'M12 3c2.5 2.6 3.6 5.6 3.6 9s-1.1 6.4-3.6 9c-2.5-2.6-3.6-5.6-3.6-9s1.1-6.4 3.6-9z'],
  eyeOff: ['M3 3l18 18', 'M10.6 6.1A9.8 9.8 0 0 1 12 6c5 0 8.5 4.5 9 6c-.3.9-1.2 2.3-2.6 3.6', 'M6.6 7.6C4.6 8.9 3.4 10.8 3 12c.5 1.5 4 6 9 6c1.6 0 3-.4 4.3-1.1', 'M9.9 10a3 3 0 0 0 4.1 4.1'],
  external: ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5'],
  chevron: ['M9 6l6 6l-6 6'],
  bell: ['M6 9a6 6 0 1 1 12 0c0 5 2 6.5 2 6.5H4S6 14 6 9z', 'M10 19a2 2 0 0 0 4 0'],
  bellOff: ['M3 3l18 18', 'M8.2 4.7A6 6 0 0 1 18 9c0 2.4.5 4 1 5', 'M6 9c0 5-2 6.5-2 6.5h11.5', 'M10 19a2 2 0 0 0 4 0'],
  form: ['M7 3h7l4 4v13a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z', 'M14 3v4h4', 'M9 12h6', 'M9 16h6'],
  gear: ['M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z', 'M19.4 13.5a7.7 7.7 0 0 0 0-3l2-1.5l-2-3.4l-2.3.9a7.6 7.6 0 0 0-2.6-1.5L14 2.5h-4l-.5 2.5a7.6 7.6 0 0 0-2.6 1.5l-2.3-.9l-2 3.4l2 1.5a7.7 7.7 0 0 0 0 3l-2 1.5l2 3.4l2.3-.9a7.6 7.6 0 0 0 2.6 1.5l.5 2.5h4l.5-2.5a7.6 7.6 0 0 0 2.6-1.5l2.3.9l2-3.4z'],
  lock: ['M6 11h12v9H6z', 'M8.5 11V8a3.5 3.5 0 0 1 7 0v3'],
  info: ['M12 11v5.5', 'M12 7.5v.01', 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z'],
};

/**
 * Decorative icon (aria-hidden); the text next to it carries the meaning.
 * @param {string} name
 * @param {number} [size]
 * @returns {SVGSVGElement}
 */
export function icon(name, size = 16) {
  const svg = /** @type {SVGSVGElement} */ (document.createElementNS(SVG_NS, 'svg'));
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon', `icon-${name}`);
  for (const d of PATHS[name] || PATHS.info) {
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', d);
    svg.append(p);
  }
  return svg;
}

/**
 * Create an element with attributes and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | boolean | undefined>} [attrs]
 * @param {Array<Node | string | null | undefined | false>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c);
  }
  return el;
}
