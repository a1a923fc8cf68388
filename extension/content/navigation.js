// @ts-check
// OptOut Pilot content scripts: notice LinkedIn's in-page (SPA) navigations. One set of listeners per bundle,
// however many of its modules subscribe: the Navigation API where there is one; elsewhere (older Firefox)
// cheap checks on events the member causes anyway (popstate, click, focus, visibility). No timers run while
// nothing happens, nothing observes the page.

/** @typedef {(bfcache: boolean) => void} Listener */
/** @type {Listener[]} */
const listeners = [];
let bfcacheListener = false;
let key = '';
let installed = false;
const CAPTURE = { capture: true, passive: true };

function currentKey() {
  try { return location.origin + location.pathname; } catch (_) { return ''; }
}

/** @param {boolean} bfcache */
function notify(bfcache) {
  for (const fn of listeners.slice()) {
    try { fn(bfcache); } catch (_) { /* one subscriber must not stop the others */ }
  }
}

function check() {
  const k = currentKey();
  if (!k || k === key) return;
  key = k;
  notify(false);
}

function checkSoon() {
  check();
  requestAnimationFrame(check);
  setTimeout(check, 300);
  setTimeout(check, 1200);
}

function install() {
  installed = true;
  key = currentKey();
  /** @type {any} */
  let nav = null;
  try { nav = /** @type {any} */ (globalThis).navigation; } catch (_) { nav = null; }
  try {
    if (nav && typeof nav.addEventListener === 'function') {
      nav.addEventListener('currententrychange', check);
      nav.addEventListener('navigatesuccess', check);
    } else {
      document.addEventListener('visibilitychange', check, CAPTURE);
      addEventListener('focus', check, CAPTURE);
      document.addEventListener('click', checkSoon, CAPTURE);
    }
    addEventListener('popstate', check, CAPTURE);
  } catch (_) { /* ignore */ }
}

/**
 * Call `fn` after every in-page navigation to another path, and (fn(true)) when the document comes back
 * from the back/forward cache as it was left, possibly with a stale card.
 * @param {Listener} fn */
function subscribe(fn) {
  if (!installed) install();
  if (!bfcacheListener) {
    bfcacheListener = true;
    try {
      addEventListener('pageshow', (/** @type {PageTransitionEvent} */ e) => { if (e.persisted) notify(true); }, CAPTURE);
    } catch (_) { /* ignore */ }
  }
  listeners.push(fn);
}

/** @param {Listener} fn */
function unsubscribe(fn) {
  const i = listeners.indexOf(fn);
  if (i >= 0) listeners.splice(i, 1);
}

export { subscribe, unsubscribe, currentKey };
