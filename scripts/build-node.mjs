// Bundles the Node side with esbuild: the CLI, the Electron main process and the sandboxed preload.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
// Whitespace and syntax only (names are kept: stack traces, class names): a smaller file reads, hashes and compiles faster at every cold start.
const minified = { minifyWhitespace: true, minifySyntax: true };
// Modules that locate files via import.meta.url keep working in the CommonJS bundles.
const importMetaShim = {
  define: { 'import.meta.url': '__bundleUrl', __BRIEFING_BUILD_ID__: JSON.stringify(buildId()) },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * The build's identity for caches of computed results (main/services/build-id.ts): every source file of the Node
 * side, the locked package versions and this script. Any change gives another id, so a cache never outlives its code.
 */
function buildId() {
  const hash = createHash('sha256');
  const files = ['package-lock.json', 'scripts/build-node.mjs'];
  for (const dir of ['main', 'shared']) for (const f of fs.readdirSync(dir, { recursive: true })) if (/\.(ts|json)$/.test(f)) files.push(path.join(dir, f));
  for (const f of files.sort()) hash.update(f).update('\0').update(fs.readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 24);
}
/** A package and everything it depends on, by the package.json files installed in node_modules. */
function dependencyClosure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const manifest = path.join('node_modules', name, 'package.json');
  if (!fs.existsSync(manifest)) return seen;
  for (const dep of Object.keys(JSON.parse(fs.readFileSync(manifest, 'utf8')).dependencies ?? {})) dependencyClosure(dep, seen);
  return seen;
}

// The CLI is started cold for every command, and Node's module loading was a sixth of a cold export (235 files):
// everything but docx (which loads only for Word) is bundled into one file, which dist/cli.cjs (main/cli/boot.ts)
// compiles through V8's code cache. pdfkit reads one data file relative to itself, the PDF/A colour profile: it is
// copied next to the bundle. fontkit is then the one instance pdfkit uses (main/pdf/fontkit-speedups.ts patches it).
const cliExternal = ['docx'];

/** unicode-trie, for the CLI bundle, is the lazy stand-in (scripts/build/lazy-unicode-trie.cjs); the build fails if anything uses more than get. */
const lazyUnicodeTrie = {
  name: 'lazy-unicode-trie',
  setup(b) {
    b.onResolve({ filter: /^unicode-trie$/ }, () => ({ path: path.resolve('scripts/build/lazy-unicode-trie.cjs') }));
    // Two packages decode a trie's bytes from base64 text as they load; the stand-in takes the text and decodes it at
    // its first lookup. Exactly one such call is expected in each, or the build fails.
    b.onLoad({ filter: /[\\/]node_modules[\\/](unicode-properties|linebreak)[\\/]dist[\\/]module\.mjs$/ }, (args) => {
      const src = fs.readFileSync(args.path, 'utf8');
      const calls = /(?:\(0, \$\w+\$base64js\)|\$\w+\$base64js)\.toByteArray\(("[A-Za-z0-9+/=]+")\)/g;
      const found = src.match(calls)?.length ?? 0;
      if (found !== 1) throw new Error(`${args.path}: ${found} base64 tries found where 1 was expected; update scripts/build-node.mjs (lazy-unicode-trie)`);
      return { contents: src.replace(calls, '{ base64: $1 }'), loader: 'js' };
    });
  },
};

/**
 * Modules that compute tables when they load, used seldom or never by an export, are lazy stand-ins in the CLI
 * bundle (scripts/build/lazy-*.cjs): @noble/ciphers' AES (pdfkit encrypts only when asked to) and entities'
 * decoder (markdown-it decodes an entity only when a text holds one). The build fails if their users call more
 * than the stand-ins offer.
 */
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onResolve({ filter: /^@noble\/ciphers\/aes$/ }, () => ({ path: path.resolve('scripts/build/lazy-aes.cjs') }));
    b.onResolve({ filter: /^entities$/ }, (args) => (/[\\/]markdown-it[\\/]/.test(args.importer) ? { path: path.resolve('scripts/build/lazy-entities.cjs') } : undefined));
  },
};

/** What the packages behind the lazy stand-ins use of them, read from their sources: more than offered fails the build. */
function checkLazyModuleUses() {
  const pdfkit = fs.readFileSync('node_modules/pdfkit/js/pdfkit.js', 'utf8');
  const aes = new Set(pdfkit.match(/\baes\.\w+/g) ?? []);
  if ([...aes].some((u) => u !== 'aes.cbc' && u !== 'aes.ecb')) throw new Error(`pdfkit uses ${[...aes].join(', ')} of @noble/ciphers/aes: extend scripts/build/lazy-aes.cjs`);
  const markdownIt = fs.readFileSync('node_modules/markdown-it/dist/markdown-it.mjs', 'utf8');
  const imports = [...markdownIt.matchAll(/import\s*\{([^}]*)\}\s*from\s*"entities"/g)].flatMap((m) => m[1].split(',').map((n) => n.trim()));
  if (imports.join() !== 'decodeHTMLStrict') throw new Error(`markdown-it imports ${imports.join(', ')} from entities: extend scripts/build/lazy-entities.cjs`);
}

/**
 * pdfkit hashes with its own JavaScript MD5 (the document id, an embedded file's checksum): cold, about 15 ms of an
 * export. In the CLI bundle it is Node's (the same digest; pdfkit's own where MD5 is unavailable, as in FIPS mode).
 * The build fails if pdfkit's function is no longer the one replaced.
 */
const PDFKIT_MD5 = 'function md5Hash(data) {\n  return md5.create().update(data).digest();\n}';
const nodeMd5 = {
  name: 'pdfkit-node-md5',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/ }, (args) => {
      const src = fs.readFileSync(args.path, 'utf8');
      if (!src.includes(PDFKIT_MD5)) throw new Error(`${args.path}: pdfkit's md5Hash changed; update scripts/build-node.mjs (pdfkit-node-md5)`);
      const replacement = `function md5Hash(data) {
  try {
    return new Uint8Array(require('node:crypto').createHash('md5').update(data).digest());
  } catch {
    return md5.create().update(data).digest();
  }
}`;
      return { contents: src.replace(PDFKIT_MD5, replacement), loader: 'js' };
    });
  },
};

function checkTrieUses(file) {
  const src = fs.readFileSync(file, 'utf8');
  const uses = src.match(/\b[\w$]*[tT]rie\.(?!get\b|c?js\b)[a-zA-Z_]\w*/g)?.filter((u) => !/^(this|import_unicode_trie\d*)\./.test(u) && !u.startsWith('UnicodeTrie.'));
  if (uses?.length) throw new Error(`${file}: a unicode trie is used beyond get (${[...new Set(uses)].join(', ')}): extend scripts/build/lazy-unicode-trie.cjs`);
}
// The app's main process keeps pdfkit external with its whole dependency tree, as packaged in node_modules.
const mainExternal = ['electron', ...dependencyClosure('pdfkit'), 'docx'];

await Promise.all([
  build({ ...common, entryPoints: ['main/cli/entry.ts'], outfile: 'dist/cli-main.cjs', format: 'cjs', external: cliExternal, plugins: [lazyUnicodeTrie, lazyModules, nodeMd5], ...minified, ...importMetaShim }),
  build({ ...common, entryPoints: ['main/cli/boot.ts'], outfile: 'dist/cli.cjs', format: 'cjs', external: ['./cli-main.cjs'], ...importMetaShim }),
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs', external: mainExternal, ...importMetaShim }),
  // A sandboxed preload can require only 'electron' and a few built-ins: everything else is inlined here.
  build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'], platform: 'browser' }),
]);
checkTrieUses('dist/cli-main.cjs');
checkLazyModuleUses();
fs.mkdirSync('dist/data', { recursive: true });
fs.copyFileSync('node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc', 'dist/data/sRGB_IEC61966_2_1.icc');

/**
 * The shipped engine cache (main/pdf/engine-cache.ts seedDir): the example briefs exported once with the new bundle,
 * in a temporary cache folder, whose engine file is kept in dist/cache-seed. Built here, never committed; a build
 * where that export fails only ships without it (the first export on a machine then fills the cache itself).
 */
function buildEngineSeed() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-seed-'));
  // First: the export must not start from the seed of an earlier build with the same id (it would add nothing, and save nothing).
  fs.rmSync('dist/cache-seed', { recursive: true, force: true });
  try {
    const examples = fs.readdirSync('assets/examples').filter((n) => n.endsWith('.brief')).map((n) => path.join('assets/examples', n));
    const env = { ...process.env, BRIEFING_CACHE_DIR: path.join(tmp, 'cache'), BRIEFING_TODAY: '2026-11-25' };
    const r = spawnSync(process.execPath, ['dist/cli.cjs', 'export', ...examples, '--out-dir', path.join(tmp, 'out'), '--draft'], { env, encoding: 'utf8' });
    const seed = fs.existsSync(env.BRIEFING_CACHE_DIR) ? fs.readdirSync(env.BRIEFING_CACHE_DIR).filter((n) => /^engine-[0-9a-f]+\.json$/.test(n)) : [];
    if (seed.length !== 1) {
      console.warn(`build-node: no engine cache shipped (the examples' export exited ${r.status}: ${r.stderr.trim().split('\n').at(-1) ?? ''})`);
      return;
    }
    fs.mkdirSync('dist/cache-seed');
    fs.copyFileSync(path.join(env.BRIEFING_CACHE_DIR, seed[0]), path.join('dist/cache-seed', seed[0]));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
buildEngineSeed();
