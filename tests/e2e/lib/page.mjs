// Page-side probes for the hardening tests: errors thrown in the content script's isolated world, what the page's
// own (main) world can see of the extension, and the closed shadow root's host as the page sees it.

/** @typedef {import('playwright-core').Page} Page */
import { withShadowRoot } from './harness.mjs';

/**
 * Record uncaught exceptions and console.error calls that come from the extension's content-script world of a page
 * (CDP Runtime events; Playwright's 'pageerror' only covers the page's main world). Call before page.goto.
 * @param {Page} page
 * @param {string} extensionId
 */
export async function watchContentScriptErrors(page, extensionId) {
  const session = await page.context().newCDPSession(page);
  /** @type {Set<number>} */
  const ours = new Set();
  /** @type {string[]} */
  const errors = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === `chrome-extension://${extensionId}`) ours.add(context.id);
  });
  session.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    if (exceptionDetails.executionContextId !== undefined && ours.has(exceptionDetails.executionContextId)) {
      errors.push(`uncaught: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
  });
  session.on('Runtime.consoleAPICalled', ({ type, executionContextId, args }) => {
    if ((type === 'error' || type === 'assert') && ours.has(executionContextId)) {
      errors.push(`console.${type}: ${args.map((a) => a.value ?? a.description ?? '').join(' ')}`);
    }
  });
  await session.send('Runtime.enable');
  return { errors, contexts: ours, detach: () => session.detach().catch(() => {}) };
}

/**
 * The host element of the first CLOSED shadow root in the page, as the page's main world sees it: its attributes,
 * whether `host.shadowRoot` is null (closed), where it sits. null when there is none.
 * @param {Page} page
 */
export async function closedHostFacts(page) {
  return withShadowRoot(page, {}, async (session, _root, host) => {
    // resolveNode without a context id resolves in the main world: exactly what LinkedIn's scripts see.
    const { object } = await session.send('DOM.resolveNode', { backendNodeId: host.backendNodeId });
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: /** @type {string} */ (object.objectId),
      returnByValue: true,
      functionDeclaration: `function () {
        return {
          tagName: this.tagName,
          attributeNames: this.getAttributeNames(),
          shadowRootIsNull: this.shadowRoot === null,
          parent: this.parentNode && this.parentNode.nodeName,
          ownKeys: Object.getOwnPropertyNames(this),
          innerHTML: this.innerHTML,
          childNodes: this.childNodes.length,
        };
      }`,
    });
    return /** @type {{tagName: string, attributeNames: string[], shadowRootIsNull: boolean, parent: string, ownKeys: string[], innerHTML: string, childNodes: number}} */ (result.value);
  });
}

/**
 * Installed with page.addInitScript (main world, before any page script): records what a page could notice of
 * an extension — untrusted (script-dispatched) events of common types and every window 'message'.
 * Read with pageFacts().
 */
export const EVENT_RECORDER = `(() => {
  const rec = { untrusted: [], messages: [] };
  Object.defineProperty(window, '__hardeningRec', { value: rec, enumerable: false });
  const types = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'focus', 'blur', 'focusin', 'focusout',
    'input', 'change', 'keydown', 'keyup', 'scroll', 'resize', 'visibilitychange', 'readystatechange', 'popstate',
    'hashchange', 'load', 'DOMContentLoaded', 'message', 'error', 'toggle', 'submit', 'animationstart', 'transitionend'];
  for (const t of types) {
    window.addEventListener(t, (e) => {
      if (t === 'message') rec.messages.push({ origin: e.origin, data: String(e.data).slice(0, 200) });
      if (!e.isTrusted) rec.untrusted.push(t + ':' + ((e.target && e.target.nodeName) || ''));
    }, true);
  }
})();`;

/**
 * What the page's main world can see (run with page.evaluate after EVENT_RECORDER): own window/document globals,
 * attributes on <html>/<body>, extension-scheme strings anywhere in the DOM (text, comments, attributes, open
 * shadow roots, like LinkedIn's fingerprint walk), resource-timing entries and style sheets with extension URLs,
 * and the recorded events.
 */
export function pageFacts() {
  const needle = /(chrome|moz|safari-web|ms-browser)-extension:/i;
  /** @type {string[]} */
  const hits = [];
  /** @param {Node} n */
  const walk = (n) => {
    if ((n.nodeType === 3 || n.nodeType === 8) && needle.test(n.nodeValue ?? '')) hits.push(`${n.nodeName}: ${(n.nodeValue ?? '').slice(0, 120)}`);
    const el = /** @type {Element} */ (n);
    if (el.attributes) {
      for (const a of Array.from(el.attributes)) {
        if (needle.test(a.value) || needle.test(a.name)) hits.push(`${el.nodeName}[${a.name}]=${a.value.slice(0, 120)}`);
      }
    }
    for (const c of Array.from(n.childNodes)) walk(c);
    if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  const rec = /** @type {any} */ (window).__hardeningRec ?? { untrusted: [], messages: [] };
  return {
    globals: Object.getOwnPropertyNames(window).sort(),
    documentKeys: Object.getOwnPropertyNames(document).sort(),
    htmlAttrs: document.documentElement.getAttributeNames().map((n) => `${n}=${document.documentElement.getAttribute(n)}`),
    bodyAttrs: document.body ? document.body.getAttributeNames().map((n) => `${n}=${document.body.getAttribute(n)}`) : [],
    extensionStrings: hits,
    outerHtmlHasScheme: needle.test(document.documentElement.outerHTML),
    resources: performance.getEntriesByType('resource').map((r) => r.name).filter((u) => needle.test(u)),
    sheets: Array.from(document.styleSheets).map((s) => s.href ?? '').filter((u) => needle.test(u)),
    scripts: Array.from(document.scripts).map((s) => s.src || '(inline)'),
    untrusted: [...rec.untrusted],
    messages: [...rec.messages],
  };
}

/**
 * Which content-script bundles run in the top frame of a page, read in the extension's isolated world (CDP): the
 * record the bundles share there (extension/content/loaded-bundles.js). Once the page has loaded, this set is final (every
 * bundle runs at document_start, or is injected by the worker only after an in-page navigation), so a page whose
 * only bundle is watch.js has sent nothing and will send nothing until it navigates: proof, not a wait.
 * @param {Page} page
 * @param {string} extensionId
 * @returns {Promise<{watch: boolean, nudge: boolean, guide: boolean}[]>} one entry per isolated world
 */
export async function bundlesInPage(page, extensionId) {
  const session = await page.context().newCDPSession(page);
  /** @type {number[]} */
  const worlds = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = /** @type {{type?: string, isDefault?: boolean}} */ (context.auxData ?? {});
    if (aux.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) worlds.push(context.id);
  });
  try {
    await session.send('Runtime.enable'); // reports the existing contexts before it returns
    const out = [];
    for (const contextId of worlds) {
      const { result } = await session.send('Runtime.evaluate', {
        contextId, returnByValue: true,
        expression: `(() => { const ns = globalThis[Symbol.for('optout-pilot.bundles')] || {};
          return { watch: !!ns.watch, nudge: !!ns.nudge, guide: !!ns.guide }; })()`,
      });
      out.push(result.value);
    }
    return out;
  } finally {
    await session.send('Runtime.disable').catch(() => {});
    await session.detach().catch(() => {});
  }
}
