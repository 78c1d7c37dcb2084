// Each hostile team folder loads into one problem naming its file (and line), next to the folder's good fact.
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibraries } from '../../../main/services/library/mount.js';
import { useTempDir } from '../../support/hooks.js';
import { buildHostile, HOSTILE_CASES } from './hostile-libraries.js';

const dir = useTempDir('bb-hostile-load-');

describe.skipIf(process.platform === 'win32')('hostile library folders', () => {
  for (const c of HOSTILE_CASES) {
    // Bounded by the test timeout: an unbounded read of /dev/zero, a FIFO or an alias bomb never returns.
    it(`${c.name}: one problem naming ${c.file}, the good fact still loads`, { timeout: 30_000 }, async () => {
      const lib = await buildHostile(dir(), c);
      const result = await loadLibraries([{ dir: lib, kind: 'team', readOnly: true }]);
      const problems = result.problems.map((p) => ({ file: path.relative(lib, p.file), line: p.line, message: p.message }));
      expect(problems).toEqual([{ file: c.file, line: c.line, message: expect.stringMatching(c.message) }]);
      expect(result.library.facts.has(`${c.name}-good`)).toBe(true);
      // Never an absolute path, nor what a link points at, in the words the window shows.
      expect(problems[0]!.message).not.toMatch(/\/(tmp|dev|etc)\//);
    });
  }

  it('YAML nested 500,000 deep is one problem for its file (no stack overflow out of the loader)', { timeout: 60_000 }, async () => {
    const c = HOSTILE_CASES.find((h) => h.name === 'fifo')!;
    const lib = await buildHostile(dir(), { ...c, name: 'deep-nesting', build: async () => undefined });
    await writeFile(path.join(lib, 'facts', 'deep.yaml'), `- id: deep\n  statement: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n`);
    const result = await loadLibraries([{ dir: lib, kind: 'team', readOnly: true }]);
    expect(result.problems.map((p) => path.relative(lib, p.file))).toEqual(['facts/deep.yaml']);
    expect(result.library.facts.has('deep-nesting-good')).toBe(true);
  });

  it('a facts folder linked outside the library is not walked', async () => {
    const lib = path.join(dir(), 'linked-folder');
    await mkdir(lib, { recursive: true });
    await writeFile(path.join(lib, 'library.yaml'), 'id: linked\nname: Linked\nversion: "1"\n');
    await symlink('/etc', path.join(lib, 'facts'));
    const result = await loadLibraries([{ dir: lib, kind: 'team', readOnly: true }]);
    expect(result.problems.map((p) => [path.relative(lib, p.file), p.message])).toEqual([['facts', expect.stringMatching(/leads to a folder outside the library folder/)]]);
  });

  it('a link that stays inside the library is followed', async () => {
    const c = HOSTILE_CASES.find((h) => h.name === 'etc-passwd')!;
    const lib = await buildHostile(dir(), { ...c, name: 'inner-link', build: async () => undefined });
    await rename(path.join(lib, 'facts', 'good.yaml'), path.join(lib, 'good.yaml.txt'));
    await symlink('../good.yaml.txt', path.join(lib, 'facts', 'good.yaml'));
    const result = await loadLibraries([{ dir: lib, kind: 'team', readOnly: true }]);
    expect(result.problems).toEqual([]);
    expect(result.library.facts.has('inner-link-good')).toBe(true);
  });
});
