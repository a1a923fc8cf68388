// Harness fixture content script: draws a banner in a CLOSED shadow root once the worker answers.
(() => {
  const draw = (/** @type {{title: string}} */ answer) => {
    const host = document.createElement('div');
    host.setAttribute('data-fixture-host', '');
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = `<style>.b{position:fixed;bottom:8px;right:8px;padding:8px;background:#fff;border:1px solid}</style>
      <div class="b" role="region" aria-label="Fixture banner" lang="en">
        <p class="t"></p><p hidden>invisible text</p>
        <button type="button" id="ok">Got it</button>
        <button type="button" aria-label="Close banner">×</button>
        <a href="https://www.linkedin.com/mypreferences/d/settings" target="_blank" rel="noopener">Open settings</a>
      </div>`;
    /** @type {HTMLElement} */ (root.querySelector('.t')).textContent = answer.title;
    root.getElementById('ok')?.addEventListener('click', (e) => {
      /** @type {HTMLElement} */ (root.querySelector('.t')).textContent = e.isTrusted ? 'Clicked (trusted)' : 'Clicked (script)';
    });
    root.querySelector('[aria-label="Close banner"]')?.addEventListener('click', () => host.remove());
    document.documentElement.append(host);
  };
  const start = () => {
    chrome.runtime.sendMessage({ type: 'page', heading: document.querySelector('h1')?.textContent ?? '' }).then(draw);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
