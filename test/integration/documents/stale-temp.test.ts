// The atomic writer's leftovers: only our `.NAME.HEX.tmp` regular files over a minute old go, on the next write into the folder.
import { mkdir, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles, STALE_TEMP_MS } from '../../../main/services/documents/atomic-write.js';
import { saveBriefFile } from '../../../main/services/documents/brief-file.js';
import { newBrief } from '../../../shared/model/brief.js';
import { useTempDir } from '../../support/hooks.js';

const dir = useTempDir('bb-stale-temp-');

async function fileAt(folder: string, name: string, mtime: Date): Promise<void> {
  await writeFile(join(folder, name), 'partial');
  await utimes(join(folder, name), mtime, mtime);
}

describe('removeStaleTempFiles', () => {
  it('removes our temp files older than a minute and nothing younger, nothing else', async () => {
    const folder = dir();
    const now = new Date('2026-11-25T12:00:00Z').getTime();
    await fileAt(folder, '.a.pdf.0123abcd.tmp', new Date(now - STALE_TEMP_MS - 1_000));
    await fileAt(folder, '.b.brief.bak.89abcdef.tmp', new Date(now - 10 * STALE_TEMP_MS));
    await fileAt(folder, '.c.pdf.fedcba98.tmp', new Date(now - STALE_TEMP_MS + 1_000));
    await fileAt(folder, 'a.pdf.0123abcd.tmp', new Date(now - 10 * STALE_TEMP_MS));
    await fileAt(folder, '.a.pdf.0123abcd.tmp.keep', new Date(now - 10 * STALE_TEMP_MS));
    await fileAt(folder, '.a.pdf.xyz12345.tmp', new Date(now - 10 * STALE_TEMP_MS));
    await mkdir(join(folder, '.d.pdf.cafebabe.tmp'));
    await symlink('/etc/hostname', join(folder, '.e.pdf.deadbeef.tmp'));

    expect((await removeStaleTempFiles(folder, now)).sort()).toEqual(['.a.pdf.0123abcd.tmp', '.b.brief.bak.89abcdef.tmp']);
    expect((await readdir(folder)).sort()).toEqual(
      ['.a.pdf.0123abcd.tmp.keep', '.a.pdf.xyz12345.tmp', '.c.pdf.fedcba98.tmp', '.d.pdf.cafebabe.tmp', '.e.pdf.deadbeef.tmp', 'a.pdf.0123abcd.tmp'].sort(),
    );
  });

  it('a folder that cannot be listed is left alone', async () => {
    expect(await removeStaleTempFiles(join(dir(), 'missing'))).toEqual([]);
  });

  it('runs on the next save of a brief into the folder', async () => {
    const folder = dir();
    await fileAt(folder, '.memo.brief.0123abcd.tmp', new Date(Date.now() - 5 * STALE_TEMP_MS));
    await saveBriefFile(join(folder, 'memo.brief'), newBrief({ title: 'Memo', template: 'one-pager', date: '2026-11-25' }));
    expect(await readdir(folder)).toEqual(['memo.brief']);
  });
});
