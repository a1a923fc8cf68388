// Build the content-script bundles: each entry module of extension/content and what it imports, bundled by esbuild
// (pinned in package.json; its output is deterministic for one version, so the build stays reproducible) into one
// classic script (an IIFE: content scripts are not modules), minified, for the oldest browsers the manifests allow.
// Each bundle starts with a comment naming its source modules (addons.mozilla.org reviewers ask for the sources of
// minified code).
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

/**
 * The shipped bundles (dist/<browser>/content/<name>) and their entry modules (extension/content/<entry>). The one
 * list of them; the manifest and extension/worker/content-scripts.js refer to the bundle names.
 *  * watch.js: every ordinary LinkedIn page (manifest): in-page navigations. Kept tiny.
 *  * signin.js: sign-in and sign-out pages (manifest): the account may change.
 *  * nudge.js: ordinary pages while the worker has something to remind of (registered at run time).
 *  * guide.js: settings pages (manifest), or loaded by the worker after an in-page navigation to one.
 */
export const CONTENT_BUNDLES = Object.freeze({
  'watch.js': 'watch-main.js',
  'signin.js': 'signin-main.js',
  'nudge.js': 'nudge-main.js',
  'guide.js': 'guide-main.js',
});

/**
 * The oldest browsers the bundles must run in: Firefox from the Firefox manifest's strict_min_version
 * (tools/build/assemble.mjs GECKO); Chromium from MV3's `chrome.scripting` with `documentIds` and registered
 * content scripts that persist across sessions, which the worker relies on (Chrome 106). The sources use nothing
 * newer than ES2022, so in practice this only stops esbuild from using syntax those browsers lack.
 */
export const TARGETS = Object.freeze(['chrome106', 'firefox142']);

/**
 * @param {string} contentDir extension/content
 * @param {string} outDir dist/<browser>/content
 * @param {{minify?: boolean, banner?: string, bundles?: Record<string, string>}} [opts] minify: false for readable
 *   bundles (tests); banner: the first words of each bundle's leading comment; bundles: other entries (tests)
 * @returns {Promise<Record<string, {sources: number, bytes: number, modules: string[]}>>} per bundle: the summed size
 *   of its source modules, its own size, its modules (paths relative to contentDir, entry first)
 */
export async function bundleContent(contentDir, outDir, opts = {}) {
  mkdirSync(outDir, { recursive: true });
  /** @type {Record<string, {sources: number, bytes: number, modules: string[]}>} */
  const out = {};
  for (const [name, entry] of Object.entries(opts.bundles ?? CONTENT_BUNDLES)) {
    const r = await build({
      absWorkingDir: contentDir,
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      target: [...TARGETS],
      minify: opts.minify !== false,
      legalComments: 'none',
      charset: 'ascii',
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const inputs = /** @type {NonNullable<typeof r.metafile>} */ (r.metafile).inputs;
    const modules = Object.keys(inputs).map((p) => relative(contentDir, join(contentDir, p)).split('\\').join('/'));
    modules.sort((a, b) => (a === entry ? -1 : b === entry ? 1 : a < b ? -1 : a > b ? 1 : 0));
    // (esbuild starts the IIFE with "use strict": the modules' code stays strict, as ES modules are.)
    const comment = `// ${opts.banner ?? 'OptOut Pilot'}: ${modules.join(', ')} (extension/content), ` +
      `bundled by esbuild${opts.minify !== false ? ', minified' : ''}\n`;
    const code = comment + r.outputFiles[0].text;
    writeFileSync(join(outDir, name), code.endsWith('\n') ? code : code + '\n');
    out[name] = {
      sources: Object.values(inputs).reduce((n, i) => n + i.bytes, 0),
      bytes: Buffer.byteLength(code),
      modules,
    };
  }
  return out;
}
