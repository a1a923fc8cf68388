// Heavy, live feed-like page for the content-script cost benchmark (served as a same-origin script under a
// LinkedIn-strict CSP). Builds POSTS posts synchronously (each ~25 elements with aria-pressed toggles, as a
// real feed has), then keeps living like LinkedIn's feed: 5 more posts every 400 ms and a count update every
// 200 ms, so any observer or poll the content script installs pays for it. Deterministic (seeded PRNG).
(function () {
  'use strict';
  var POSTS = Number(document.documentElement.getAttribute('data-posts')) || 3000;
  var seed = 42;
  function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
  var WORDS = ('team remote work hiring engineer data privacy settings product growth launch customers report ' +
    'design accessibility security cloud platform metrics review quarter thanks proud share learn').split(' ');
  var main = document.getElementById('feed');
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }
  var counts = [];
  function post(i) {
    var a = el('article', 'feed-post');
    a.setAttribute('data-urn', 'urn:li:activity:' + (7000000 + i));
    var head = el('div', 'post-head');
    var img = el('img', 'avatar'); img.alt = ''; img.width = 48; img.height = 48;
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    head.appendChild(img);
    var who = el('div', 'who');
    who.appendChild(el('a', 'name', 'Member ' + i));
    who.appendChild(el('span', 'headline', WORDS[rnd(WORDS.length)] + ' lead at Company ' + rnd(500)));
    who.appendChild(el('span', 'age', (1 + rnd(23)) + 'h'));
    head.appendChild(who);
    var follow = el('button', 'follow', 'Follow'); follow.setAttribute('aria-pressed', 'false');
    head.appendChild(follow);
    a.appendChild(head);
    var text = [];
    for (var w = 0, n = 20 + rnd(60); w < n; w++) text.push(WORDS[rnd(WORDS.length)]);
    a.appendChild(el('p', 'text', text.join(' ')));
    var c = el('div', 'counts');
    var likes = el('span', 'likes', String(rnd(5000))); c.appendChild(likes); counts.push(likes);
    c.appendChild(el('span', 'comments', rnd(300) + ' comments'));
    a.appendChild(c);
    var bar = el('div', 'actions');
    ['Like', 'Comment', 'Repost', 'Send'].forEach(function (label, k) {
      var b = el('button', 'action', label);
      if (k === 0) b.setAttribute('aria-pressed', String(rnd(7) === 0));
      bar.appendChild(b);
    });
    a.appendChild(bar);
    return a;
  }
  var frag = document.createDocumentFragment();
  for (var i = 0; i < POSTS; i++) frag.appendChild(post(i));
  main.appendChild(frag);
  var next = POSTS;
  setInterval(function () { for (var k = 0; k < 5; k++) main.appendChild(post(next++)); }, 400);
  setInterval(function () { var s = counts[rnd(counts.length)]; s.textContent = String(Number(s.textContent) + 1); }, 200);
})();
