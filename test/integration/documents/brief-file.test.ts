// readBriefFile/saveBriefFile on real files: damaged input refused and untouched, .bak kept, stable output.
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { newBrief, type Brief } from '../../../shared/model/brief.js';
import {
  BriefFormatError,
  backupPathFor,
  readBriefFile,
  saveBriefFile,
  serializeBrief,
} from '../../../main/services/documents/brief-file.js';
import { useTempDir } from '../../support/hooks.js';

const fixtures = new URL('../../fixtures/briefs/', import.meta.url);
const tmp = useTempDir('bb-brief-file-');
let dir: string;

beforeEach(() => {
  dir = tmp();
});

async function fixtureCopy(name: string): Promise<string> {
  const path = join(dir, name);
  await copyFile(new URL(name, fixtures), path);
  return path;
}

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

async function rejection(promise: Promise<unknown>): Promise<BriefFormatError> {
  const e = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BriefFormatError);
  return e as BriefFormatError;
}

const brief = (title: string): Brief => newBrief({ title, template: 'one-pager', date: '2025-05-01' });

describe('readBriefFile', () => {
  it('reads a valid brief and a v0 brief migrated to v1', async () => {
    const v1 = await readBriefFile(await fixtureCopy('valid-v1.brief'));
    expect(v1.meta.title).toBe('Allied cooperation on quantum sensing');
    expect(await readBriefFile(await fixtureCopy('v0-prerelease.brief'))).toEqual(v1);
  });

  it.each([
    ['syntax-error.brief', /^is not valid JSON: .* at line 6, column 5/],
    ['truncated.brief', /^is not valid JSON: the file ends too early/],
    ['schema-error.brief', /^does not match the brief format: meta\.date/],
    ['not-a-brief.json', /^is not a Briefing Builder brief/],
    ['newer-v3.brief', /^was written by a newer Briefing Builder \(format version 3\)/],
  ])('refuses %s, naming file and reason, and leaves it untouched', async (name, reason) => {
    const path = await fixtureCopy(name);
    const before = await sha256(path);
    const e = await rejection(readBriefFile(path));
    expect(e.file).toBe(path);
    expect(e.reason).toMatch(reason);
    expect(e.message).toBe(`${path}: ${e.reason}`);
    expect(await sha256(path)).toBe(before);
  });

  it('refuses binary, UTF-16 and invalid UTF-8 files', async () => {
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.from([0x7b, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), /^is not a text file/],
      [Buffer.from('\uFEFF{"format":1}', 'utf16le'), /^is saved as UTF-16 text/],
      [Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), /^is not valid UTF-8 text/],
    ];
    for (const [bytes, reason] of cases) {
      const path = join(dir, 'odd.brief');
      await writeFile(path, bytes);
      expect((await rejection(readBriefFile(path))).reason).toMatch(reason);
      expect(await readFile(path)).toEqual(bytes);
    }
  });

  it('refuses a 50 MB file from its size alone', async () => {
    const path = join(dir, 'huge.brief');
    await writeFile(path, Buffer.alloc(50 * 1024 * 1024, 0x20));
    const before = await sha256(path);
    const e = await rejection(readBriefFile(path));
    expect(e.reason).toMatch(/^is 50\.0 MB; a brief is at most 20\.0 MB/);
    expect(await sha256(path)).toBe(before);
  });

  it('explains a missing file and a folder', async () => {
    expect((await rejection(readBriefFile(join(dir, 'gone.brief')))).reason).toMatch(/^was not found/);
    expect((await rejection(readBriefFile(dir))).reason).toMatch(/^is a folder, not a brief file/);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('explains an unreadable file', async () => {
    const path = await fixtureCopy('valid-v1.brief');
    await chmod(path, 0o000);
    expect((await rejection(readBriefFile(path))).reason).toMatch(/^cannot be read: permission denied/);
  });
});

describe('saveBriefFile', () => {
  it('writes stable JSON: schema key order, sorted records, 2-space indent, trailing newline', async () => {
    const path = join(dir, 'memo.brief');
    const b = { ...brief('Stable'), variables: { zeta: '1', alpha: '2' } };
    await saveBriefFile(path, b);
    const text = await readFile(path, 'utf8');
    expect(text).toBe(serializeBrief(b));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "format": "briefing-builder/brief",', '  "version": 1,']);
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
    const reordered = JSON.parse(JSON.stringify({ pins: b.pins, variables: { alpha: '2', zeta: '1' }, sections: [], meta: b.meta, version: 1, format: b.format }));
    expect(serializeBrief(await readBriefFile(path))).toBe(serializeBrief(reordered));
  });

  it('keeps exactly one .bak holding the previous version', async () => {
    const path = join(dir, 'memo.brief');
    await saveBriefFile(path, brief('First'));
    expect(await readdir(dir)).toEqual(['memo.brief']);
    await saveBriefFile(path, brief('Second'));
    await saveBriefFile(path, brief('Third'));
    expect((await readdir(dir)).sort()).toEqual(['memo.brief', 'memo.brief.bak']);
    expect((await readBriefFile(path)).meta.title).toBe('Third');
    expect((await readBriefFile(backupPathFor(path))).meta.title).toBe('Second');
  });

  it('does not touch the file or the .bak when saving unchanged content', async () => {
    const path = join(dir, 'memo.brief');
    await saveBriefFile(path, brief('One'));
    await saveBriefFile(path, brief('Two'));
    const mtime = (await stat(path)).mtimeMs;
    await saveBriefFile(path, brief('Two'));
    expect((await readBriefFile(backupPathFor(path))).meta.title).toBe('One');
    expect((await stat(path)).mtimeMs).toBe(mtime);
  });

  it.each(['syntax-error.brief', 'truncated.brief', 'schema-error.brief', 'not-a-brief.json', 'newer-v3.brief'])(
    'refuses to overwrite %s unless forced',
    async (name) => {
      const path = await fixtureCopy(name);
      const before = await sha256(path);
      const e = await rejection(saveBriefFile(path, brief('Mine')));
      expect(e.file).toBe(path);
      expect(e.reason).toMatch(/^was not saved: the file already there is not a brief this version can read \(.+\)\. Nothing was changed — save under another name/);
      expect(await sha256(path)).toBe(before);
      expect(await readdir(dir)).toEqual([name]);

      await saveBriefFile(path, brief('Mine'), { force: true });
      expect((await readBriefFile(path)).meta.title).toBe('Mine');
      expect(await sha256(backupPathFor(path))).toBe(before);
    },
  );

  it('refuses to overwrite a binary or huge file', async () => {
    const bin = join(dir, 'bin.brief');
    await writeFile(bin, Buffer.from([0, 1, 2, 3]));
    expect((await rejection(saveBriefFile(bin, brief('x')))).reason).toMatch(/\(is not a text file/);
    const huge = join(dir, 'huge.brief');
    await writeFile(huge, Buffer.alloc(21 * 1024 * 1024, 0x20));
    expect((await rejection(saveBriefFile(huge, brief('x')))).reason).toMatch(/\(is 21\.0 MB/);
    expect((await stat(huge)).size).toBe(21 * 1024 * 1024);
  });

  it('never replaces a folder, even when forced', async () => {
    const path = join(dir, 'folder.brief');
    await mkdir(path);
    expect((await rejection(saveBriefFile(path, brief('x'), { force: true }))).reason).toMatch(/^was not saved: is a folder/);
  });

  it('refuses to write an invalid brief (it could not be read back)', async () => {
    const path = join(dir, 'memo.brief');
    const bad = { ...brief('x'), meta: { ...brief('x').meta, title: '' } };
    expect((await rejection(saveBriefFile(path, bad))).reason).toBe('was not saved: it does not match the brief format: meta.title is empty — give the brief a title');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a "__proto__" variable instead of silently dropping it', async () => {
    const path = join(dir, 'memo.brief');
    const b = JSON.parse(`{"variables":{"__proto__":"x"}}`) as Pick<Brief, 'variables'>;
    expect((await rejection(saveBriefFile(path, { ...brief('x'), variables: b.variables }))).reason).toBe(
      'was not saved: variables["__proto__"] uses a reserved name — rename it',
    );
  });

  it.skipIf(process.platform === 'win32')('keeps a private file private and saves through a symlink', async () => {
    const real = join(dir, 'real.brief');
    await saveBriefFile(real, brief('One'));
    await chmod(real, 0o600);
    const link = join(dir, 'link.brief');
    await symlink(real, link);
    await saveBriefFile(link, brief('Two'));
    expect((await stat(real)).mode & 0o777).toBe(0o600);
    expect((await stat(backupPathFor(real))).mode & 0o777).toBe(0o600);
    expect((await readBriefFile(real)).meta.title).toBe('Two');
    expect((await readBriefFile(link)).meta.title).toBe('Two');
    expect((await readdir(dir)).sort()).toEqual(['link.brief', 'real.brief', 'real.brief.bak']);
  });
});

describe('overlapping saves', () => {
  it('finish in the order they were started: the last one wins and the .bak holds the one before', async () => {
    const path = join(dir, 'memo.brief');
    await saveBriefFile(path, brief('Start'));
    // A large brief first, so an unordered implementation would finish it last.
    const large = { ...brief('Large'), variables: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`v${i}`, 'x'.repeat(100)])) };
    await Promise.all([saveBriefFile(path, large), saveBriefFile(path, brief('Small'))]);
    expect((await readBriefFile(path)).meta.title).toBe('Small');
    expect((await readBriefFile(backupPathFor(path))).meta.title).toBe('Large');
  });
});
