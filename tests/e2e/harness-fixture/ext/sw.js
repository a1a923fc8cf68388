// Harness fixture worker: answers the content script and sets a per-tab badge.
chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (msg?.type === 'page' && sender.tab?.id != null) {
    chrome.action.setBadgeText({ tabId: sender.tab.id, text: '3' });
    chrome.action.setBadgeBackgroundColor({ tabId: sender.tab.id, color: '#b3261e' });
    reply({ title: `Seen: ${msg.heading}` });
  } else if (msg?.type === 'fetch') {
    fetch(msg.url).then(() => reply({ ok: true }), (e) => reply({ ok: false, error: String(e) }));
    return true;
  }
  return false;
});
