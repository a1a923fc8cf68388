const ul = /** @type {HTMLElement} */ (document.getElementById('rows'));
for (const id of ['a', 'b']) {
  const li = document.createElement('li');
  li.dataset.setting = id;
  li.textContent = id;
  ul.append(li);
}
