// The benchmark's generated library must itself be valid, or the benchmark would time error paths.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../main/services/library/load.js';
import { LibraryIndex } from '../../../main/services/library/search.js';
import { generateLibrary } from '../../bench/library.bench.js';
import { tempDir } from '../../support/temp.js';

describe('benchmark library generator', () => {
  it('writes a library that loads without problems and is searchable', async () => {
    const { dir, cleanup } = await tempDir('bb-gen-');
    try {
      const gen = await generateLibrary(dir, 400, 60);
      const { library, problems } = await loadLibrary(dir);
      expect(problems).toEqual([]);
      expect([library.facts.size, library.sections.size]).toEqual([gen.facts, gen.sections]);
      expect(new LibraryIndex(library).search('semicondutor').length).toBeGreaterThan(0);
      // Deterministic: the same call writes the same library.
      const again = await tempDir('bb-gen-');
      try {
        expect((await generateLibrary(again.dir, 400, 60)).bytes).toBe(gen.bytes);
      } finally {
        await again.cleanup();
      }
    } finally {
      await cleanup();
    }
  });
});
