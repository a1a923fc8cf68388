// Build the content-script bundles of extension/content/bundles.json: concatenate each bundle's sources in
// order and minify (terser; deterministic for a pinned version, so the build stays reproducible). The sources
// are classic scripts sharing one isolated-world global, `OptOutPilot`, which minification keeps (top-level
// names are not mangled).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

/** @param {string} contentDir extension/content @returns {Record<string, string[]>} bundle name -> sources */
export function readBundles(contentDir) {
  const raw = JSON.parse(readFileSync(join(contentDir, 'bundles.json'), 'utf8'));
  /** @type {Record<string, string[]>} */
  const out = {};
  for (const [name, files] of Object.entries(raw)) {
    if (name.startsWith('_')) continue;
    if (!/^[\w-]+\.js$/.test(name) || !Array.isArray(files) || !files.every((f) => typeof f === 'string' && /^[\w-]+\.js$/.test(f))) {
      throw new Error(`bundles.json: bad entry "${name}"`);
    }
    out[name] = files;
  }
  return out;
}

/**
 * @param {string} contentDir extension/content
 * @param {string} outDir dist/<browser>/content
 * @param {{minify?: boolean, banner?: string}} [opts]
 * @returns {Promise<Record<string, {sources: number, bytes: number}>>}
 */
export async function bundleContent(contentDir, outDir, opts = {}) {
  mkdirSync(outDir, { recursive: true });
  /** @type {Record<string, {sources: number, bytes: number}>} */
  const sizes = {};
  for (const [name, files] of Object.entries(readBundles(contentDir))) {
    const source = files.map((f) => `// ${f}\n${readFileSync(join(contentDir, f), 'utf8')}`).join('\n;\n');
    let code = source;
    if (opts.minify !== false) {
      const r = await minify(source, {
        ecma: 2020,
        module: false,
        toplevel: false,
        compress: { passes: 2 },
        mangle: true,
        format: { comments: false, preamble: `// ${opts.banner ?? 'OptOut Pilot'}: ${files.join(', ')} (extension/content), minified` },
      });
      if (typeof r.code !== 'string') throw new Error(`${name}: minifier gave no code`);
      code = r.code;
    }
    writeFileSync(join(outDir, name), code.endsWith('\n') ? code : code + '\n');
    sizes[name] = { sources: source.length, bytes: Buffer.byteLength(code) };
  }
  return sizes;
}
