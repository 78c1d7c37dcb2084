// LibraryService keeps a parse cache across reloads: unchanged files are not parsed again, edited ones are.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../../main/services/library-service.js';
import { copyFixture, edit, tempDir } from '../../support/temp.js';

let lib: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  lib = await copyFixture('valid', t.dir, 'lib');
});
afterEach(() => cleanup());

describe('LibraryService reload', () => {
  it('reuses the parse of unchanged files and picks up edits, problems included', async () => {
    const service = new LibraryService([{ dir: lib, kind: 'team', readOnly: false }]);
    await service.load();
    const before = service.library();
    await edit(path.join(lib, 'facts/quantum.yaml'), 'asOf: 2024-06-01', 'asOf: 2024-02-30');
    await service.load();
    const after = service.library();
    // Same object: facts/semiconductors.yaml came from the cache.
    expect(after.facts.get('jp-chip-subsidy')).toBe(before.facts.get('jp-chip-subsidy'));
    expect(after.facts.has('quantum-public-funding')).toBe(false);
    expect(service.problems().map((p) => `${path.relative(lib, p.file)}:${p.line}`)).toEqual(['facts/quantum.yaml:5']);
    expect(service.search('quantum').length).toBeGreaterThan(0);

    await edit(path.join(lib, 'facts/quantum.yaml'), 'asOf: 2024-02-30', 'asOf: 2024-02-29');
    await service.load();
    expect(service.problems()).toEqual([]);
    expect(service.library().facts.get('quantum-public-funding')?.asOf).toBe('2024-02-29');
  });
});
