// Firefox smoke test of dist/firefox: runs tests/e2e/lib/firefox-smoke.py (headless Firefox ESR through geckodriver +
// Selenium, fixtures served as https://www.linkedin.com through a local proxy; real mouse and keyboard on covered
// and uncovered reminder cards). Skips, saying why, when Firefox, geckodriver, python3 or selenium is missing;
// `./build.sh test` installs them when it runs as root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { ROOT } from './lib/harness.mjs';

const SCRIPT = join(ROOT, 'tests/e2e/lib/firefox-smoke.py');
const SKIP = 77;

/** @param {string} cmd @param {string[]} args */
const ok = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const onPath = (/** @type {string} */ name) => ok('sh', ['-c', `command -v ${name}`]);

/** Why the test cannot run here, or null. */
function missing() {
  if (!onPath('python3')) return 'python3 is missing';
  if (!ok('python3', ['-c', 'import selenium'])) return "python selenium is missing (pip install 'selenium<4.52')";
  if (!process.env.OPTOUT_FIREFOX && !onPath('firefox-esr') && !onPath('firefox')) {
    return 'Firefox is missing (apt-get install -y --no-install-recommends firefox-esr)';
  }
  const cargoGecko = join(process.env.CARGO_HOME || join(homedir(), '.cargo'), 'bin', 'geckodriver');
  if (!process.env.OPTOUT_GECKODRIVER && !onPath('geckodriver') && !existsSync(cargoGecko)) {
    return 'geckodriver is missing (cargo install geckodriver --version 0.37.1 --locked)';
  }
  return null;
}

const why = missing();

test('dist/firefox in headless Firefox: installs, banner in a closed shadow root, worker answers (EN + DE), a covered card decides nothing (real mouse and keyboard), nothing leaves', { skip: why ? `SKIPPED: ${why}` : false, timeout: 240_000 }, async (t) => {
  const child = spawn('python3', [SCRIPT], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code === SKIP) {
    t.skip(out.trim().split('\n').pop());
    return;
  }
  assert.equal(code, 0, `tests/e2e/lib/firefox-smoke.py failed:\n${out}`);
  assert.match(out, /PASS: Firefox smoke test/);
});
