// writeFileAtomic/copyFileAtomic: content replaced whole, mode kept, no temp file left after a failure.
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyFileAtomic, writeFileAtomic } from '../../../main/services/documents/atomic-write.js';
import { useTempDir } from '../../support/hooks.js';

const tmp = useTempDir('bb-atomic-');
let dir: string;
beforeEach(() => {
  dir = tmp();
});

describe('atomic writes', () => {
  it('replace the content and leave only the target behind', async () => {
    const target = join(dir, 'a.txt');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    await copyFileAtomic(target, join(dir, 'b.txt'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readFile(join(dir, 'b.txt'), 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it.skipIf(process.platform === 'win32')('set the requested mode exactly, whatever the umask', async () => {
    const target = join(dir, 'private.txt');
    await writeFileAtomic(target, 'x', { mode: 0o600 });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('remove their temp file when the rename fails', async () => {
    const target = join(dir, 'taken');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'keep');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    await expect(copyFileAtomic(join(target, 'inside'), target)).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readFile(join(target, 'inside'), 'utf8')).toBe('keep');
  });
});
