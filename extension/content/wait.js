// @ts-check
// OptOut Pilot content scripts: waiting a frame or a while (the guide's reads after a navigation or a click).

/** The next animation frame, or 100 ms in a background tab (which gets no frames). @returns {Promise<void>} */
export function nextFrame() {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => { if (!done) { done = true; resolve(); } };
    try { requestAnimationFrame(finish); } catch (_) { /* ignore */ }
    setTimeout(finish, 100);
  });
}

/** @param {number} ms @returns {Promise<void>} */
export function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }
