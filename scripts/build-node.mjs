// Bundles the Node side with esbuild: the CLI, the Electron main process and the sandboxed preload.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
// Modules that locate files via import.meta.url keep working in the CommonJS bundles.
const importMetaShim = {
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  // CLI and main keep npm packages external: pdfkit/fontkit read their data files relative to themselves.
  build({ ...common, entryPoints: ['main/cli/entry.ts'], outfile: 'dist/cli.cjs', format: 'cjs', packages: 'external', ...importMetaShim }),
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs', packages: 'external', ...importMetaShim }),
  // A sandboxed preload can require only 'electron' and a few built-ins: everything else is inlined here.
  build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'], platform: 'browser' }),
]);
