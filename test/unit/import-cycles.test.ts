// No import cycles in main/, shared/ or renderer/ (type-only imports count too), and the detector itself finds one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../support/import-graph.js';

const root = path.resolve(import.meta.dirname, '../..');
const rel = (files: string[]) => files.map((f) => path.relative(root, f));

describe('import graph', () => {
  it.each(['main', 'shared', 'renderer/src'])('%s has no import cycles', (folder) => {
    const graph = importGraph([path.join(root, folder)]);
    expect(graph.size).toBeGreaterThan(5);
    expect(importCycles(graph).map(rel)).toEqual([]);
  });

  it('reports a cycle through a type-only import and a re-export', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bb-cycles-'));
    try {
      await writeFile(path.join(dir, 'a.ts'), "import type { B } from './b.js';\nexport type A = B;\n");
      await writeFile(path.join(dir, 'b.ts'), "export * from './c.js';\nexport type B = string;\n");
      await writeFile(path.join(dir, 'c.ts'), "import type { A } from './a.js';\nexport type C = A;\n");
      await writeFile(path.join(dir, 'd.ts'), "import type { A } from './a.js';\nexport type D = A;\n");
      const cycles = importCycles(importGraph([dir]));
      expect(cycles.map((c) => c.map((f) => path.basename(f)))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
