// Bundles the Node side with esbuild: the CLI, the Electron main process and the sandboxed preload.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  // CLI and main keep npm packages external: pdfkit/fontkit read their data files relative to themselves.
  build({ ...common, entryPoints: ['main/cli-entry.ts'], outfile: 'dist/cli.cjs', format: 'cjs', packages: 'external' }),
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs', packages: 'external' }),
  // A sandboxed preload can require only 'electron' and a few built-ins: everything else is inlined here.
  build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'], platform: 'browser' }),
]);
