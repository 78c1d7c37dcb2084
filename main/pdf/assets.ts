// Locates the bundled assets/fonts folder from this module, whether run as TypeScript or bundled into dist/*.cjs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE_FILE = 'SourceSerifPro-Regular.ttf';

function moduleDir(): string {
  // esbuild's CJS bundle defines __dirname; under ESM (tsx, vitest) it is absent and import.meta.url is set.
  if (typeof __dirname === 'string') return __dirname;
  return path.dirname(fileURLToPath(import.meta.url));
}

/** The fonts folder: main/pdf/ -> ../../assets/fonts, dist/x.cjs -> ../assets/fonts, else ./assets/fonts. */
export function findAssetsDir(): string {
  const here = moduleDir();
  const candidates = [
    path.resolve(here, '../../assets/fonts'),
    path.resolve(here, '../assets/fonts'),
    path.resolve(process.cwd(), 'assets/fonts'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, PROBE_FILE)));
  if (!found) throw new Error(`bundled fonts not found (looked for ${PROBE_FILE} in ${candidates.join(', ')})`);
  return found;
}
