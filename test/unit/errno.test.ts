// The errno table: plain words for file-system failures, never Node's message (it carries the absolute path).
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeErrnoCode, describeFileError, errnoCode } from '../../main/services/errno.js';

describe('describeFileError', () => {
  it('words a real missing file for reading and for writing', async () => {
    const missing = path.join(tmpdir(), `briefing-errno-${process.pid}`, 'nowhere', 'x.brief');
    const readErr = await readFile(missing).catch((e: unknown) => e);
    const writeErr = await writeFile(missing, 'x').catch((e: unknown) => e);
    expect(errnoCode(readErr)).toBe('ENOENT');
    expect(describeFileError(readErr)).toEqual({ code: 'ENOENT', reason: 'it is gone or a broken link', fix: 'check the name and folder; it may have been moved or deleted' });
    expect(describeFileError(writeErr, 'write')).toEqual({ code: 'ENOENT', reason: 'its folder no longer exists', fix: 'choose another folder' });
    expect(JSON.stringify(describeFileError(readErr))).not.toContain(tmpdir());
  });

  it('has one phrase per code, and keeps an unknown code for support', () => {
    expect(describeErrnoCode('EACCES').reason).toBe('permission denied');
    expect(describeErrnoCode('EPERM')).toEqual({ ...describeErrnoCode('EACCES'), code: 'EPERM' });
    expect(describeErrnoCode('ENOSPC', 'write').reason).toBe('the disk is full');
    expect(describeErrnoCode('EROFS', 'write').reason).toBe('the disk is read-only');
    expect(describeErrnoCode('EWEIRD')).toEqual({ code: 'EWEIRD', reason: 'EWEIRD', fix: 'check that it is a readable file' });
    expect(describeFileError(new Error('no code'))).toMatchObject({ code: undefined, reason: 'unknown error' });
  });
});
