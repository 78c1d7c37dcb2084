// `briefing` refusals in one line of words: --strict counts the PDF engine's warnings, usage mistakes list the valid values, write failures name no temp file or errno code.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/run.js';
import { describeErrnoCode } from '../../main/services/errno.js';
import { writeFailure } from '../../main/services/export-target.js';
import { recorder } from '../support/cli.js';
import { useTempDir } from '../support/hooks.js';
import { readPdfText } from '../support/read-pdf.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/briefing.cjs');
const dir = useTempDir('briefing-cli-refusals-', 'all');
let sectionId: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = recorder();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** The built command as a child process; resolves with its exit code and stderr whatever the code. */
async function child(argv: string[], cwd: string): Promise<{ code: number; err: string }> {
  return run(process.execPath, [bin, ...argv], { cwd }).then(
    (r) => ({ code: 0, err: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, err: e.stderr }),
  );
}

const exists = (file: string) => fs.stat(file).then(() => true, () => false);
/** No temp-file name, no absolute path of a hidden file, no errno code. */
const RAW = /\.tmp\b|\/\.[^/\s]+|\bE[A-Z]{3,}\b/;

/** A clean one-section brief (no marking, so compose has nothing to warn about) with one more detached section. */
async function briefWith(name: string, body: string): Promise<string> {
  const file = path.join(dir(), name);
  const made = await cli('new', '--template', 'one-pager', '--title', 'Strict', '--section', sectionId, '--out', file, '--force');
  expect(made.code).toBe(0);
  const brief = JSON.parse(await fs.readFile(file, 'utf8'));
  brief.sections.push({ kind: 'detached', id: 'extra', title: 'Extra', body });
  await fs.writeFile(file, JSON.stringify(brief));
  return file;
}

beforeAll(async () => {
  process.env.BRIEFING_TODAY = '2026-11-25';
  sectionId = (JSON.parse((await cli('list', 'sections', '--json')).out.join('\n')) as { id: string }[])[0]!.id;
});

describe('--strict means every warning, the PDF engine\'s too', () => {
  const clean = async () => briefWith('clean.brief', 'Plain words only.');
  it('a clean brief exports under --strict (the control)', async () => {
    const out = path.join(dir(), 'clean.pdf');
    const r = await cli('export', await clean(), '--out', out, '--strict');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
  });

  it.each([
    ['cjk', 'The Tokyo office (東京) opens in May.', /characters not in any bundled font.*U\+6771/],
    ['hebrew', 'The motto reads שלום in the original.', /right-to-left text/],
  ])('%s: exit 3, the engine warning printed, nothing written; without --strict the PDF is written', async (name, body, warning) => {
    const file = await briefWith(`${name}.brief`, body);
    const out = path.join(dir(), `${name}.pdf`);
    const strict = await cli('export', file, '--out', out, '--strict');
    expect(strict.code).toBe(3);
    expect(strict.err).toHaveLength(2);
    expect(strict.err[0]).toMatch(new RegExp(`^briefing: .*${name}\\.brief: warning: `));
    expect(strict.err[0]).toMatch(warning);
    expect(strict.err[1]).toMatch(/1 warning\(s\) and --strict: no PDF written$/);
    expect(await exists(out)).toBe(false);
    expect((await fs.readdir(dir())).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const lax = await cli('export', file, '--out', out);
    expect(lax.code).toBe(0);
    expect(lax.err.join('\n')).toMatch(warning);
    expect((await readPdfText(out)).numPages).toBeGreaterThan(0);
  });
});

describe('usage mistakes in `briefing new`: exit 2 with the valid values, nothing written', () => {
  it.each([
    [['--date', '2021-13-45'], /^briefing: --date must be a real calendar date as YYYY-MM-DD .*got "2021-13-45"/],
    [['--date', '2021-02-30'], /^briefing: --date must be a real calendar date/],
    [['--paper', 'legal'], /^briefing: --paper must be one of letter, a4; got "legal"/],
    [['--marking', 'secret'], /^briefing: --profile must be one of none, .*us-classified.*; got "secret"/],
    [['--profile', 'secret'], /^briefing: --profile must be one of none, .*us-classified.*; got "secret"/],
    [['--var', '__proto__=x'], /^briefing: --var name "__proto__" is not allowed: use letters, digits/],
    [['--var', 'two words=x'], /^briefing: --var name "two words" is not allowed/],
    [['--var', 'novalue'], /^briefing: --var takes NAME=VALUE, got "novalue"/],
  ])('%j', async (extra, message) => {
    const out = path.join(dir(), 'usage.brief');
    const r = await cli('new', '--template', 'one-pager', '--title', 'T', '--section', sectionId, ...extra, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect(await exists(out)).toBe(false);
  });

  it('a bad --template lists the templates', async () => {
    const r = await cli('new', '--template', 'memo', '--title', 'T', '--section', sectionId, '--out', path.join(dir(), 'u.brief'));
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/--template must be one of issue-brief, decision-memo, one-pager/);
  });

  it('the built command says the --date mistake in words (it printed "briefing: [")', async () => {
    const r = await child(['new', '--template', 'one-pager', '--title', 'T', '--section', sectionId, '--date', '2021-13-45', '--out', 'd.brief'], dir());
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^briefing: --date must be a real calendar date/);
  });
});

describe('--out that cannot be written: one line in words', () => {
  let brief: string;
  beforeAll(async () => {
    brief = await briefWith('target.brief', 'Text.');
  });

  it('a missing folder', async () => {
    const r = await cli('export', brief, '--out', path.join(dir(), 'no-such-folder', 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/no-such-folder\/x\.pdf: cannot be written: its folder .*no-such-folder does not exist — create it, or choose another folder/);
    expect(r.err[0]).not.toMatch(RAW);
  });

  it('`briefing new` into a missing folder: in the words of a write, about the brief as typed', async () => {
    const r = await child(['new', '--template', 'one-pager', '--title', 'T', '--section', sectionId, '--out', 'gone/x.brief'], dir());
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual(['briefing: gone/x.brief: was not written: its folder no longer exists — choose another folder']);
  });

  it('a path under a file (what a folder that cannot be entered looks like, also to root)', async () => {
    const r = await cli('export', brief, '--out', path.join(brief, 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/target\.brief\/x\.pdf: was not written: a part of its path is not a folder — check the folder names in its path$/);
    expect(r.err[0]).not.toMatch(RAW);
  });

  it('a read-only folder', async (ctx) => {
    if (process.getuid?.() === 0) {
      console.log('read-only folder: skipped, running as root (chmod does not stop root); the path-under-a-file case above covers the words');
      ctx.skip();
    }
    const folder = path.join(dir(), 'read-only');
    await fs.mkdir(folder);
    await fs.chmod(folder, 0o500);
    try {
      const r = await cli('export', brief, '--out', path.join(folder, 'x.pdf'));
      expect(r.code).toBe(1);
      expect(r.err[0]).toMatch(/x\.pdf: was not written: its folder cannot be written to \(permission denied\)/);
      expect(r.err[0]).not.toMatch(RAW);
    } finally {
      await fs.chmod(folder, 0o700);
    }
  });

  describe('a full disk', () => {
    let mounted: string | null = null;
    beforeAll(async () => {
      const point = path.join(dir(), 'full');
      await fs.mkdir(point);
      const ok = await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', point]).then(
        () => true,
        (e: Error) => (console.log(`full disk: cannot mount a small tmpfs (${e.message.split('\n')[0]}); only the errno words are tested`), false),
      );
      if (!ok) return;
      mounted = point;
      // Leave less room than any PDF needs: a filler takes all but 4 KB.
      await fs.writeFile(path.join(point, 'filler'), Buffer.alloc(60 * 1024));
    });
    afterAll(async () => {
      if (mounted) await run('umount', [mounted]);
    });

    it('a 64 KB tmpfs, nearly full: the disk is full, in words, and no temp file is left on it', async (ctx) => {
      if (!mounted) return ctx.skip();
      const r = await child(['export', brief, '--out', 'full/x.pdf'], dir());
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toEqual(['briefing: full/x.pdf: was not written: the disk is full — free some space, or save it on another disk']);
      expect(await fs.readdir(mounted)).toEqual(['filler']);
    });

    it('ENOSPC (and, for the read-only folder root cannot have, EACCES) through the errno table', () => {
      expect(describeErrnoCode('ENOSPC', 'write')).toMatchObject({ reason: 'the disk is full' });
      expect(describeErrnoCode('EACCES', 'write')).toMatchObject({ reason: 'its folder cannot be written to (permission denied)' });
      const e = Object.assign(new Error("ENOSPC: no space left on device, write '/x/.x.pdf.0123abcd.tmp'"), { code: 'ENOSPC', path: '/x/.x.pdf.0123abcd.tmp' });
      expect(writeFailure('x.pdf', e).message).toBe('x.pdf: was not written: the disk is full — free some space, or save it on another disk');
    });
  });
});

describe('the 5,000-page refusal', () => {
  it('names the brief, in one line, and writes nothing', async () => {
    const body = Array.from({ length: 5002 }, (_, i) => `Page ${i}.\n\n::: pagebreak\n:::\n`).join('\n');
    const file = await briefWith('long.brief', body);
    const out = path.join(dir(), 'long.pdf');
    const r = await cli('export', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^briefing: .*long\.brief: the document would run to more than 5000 pages; shorten it or split it/);
    expect(await exists(out)).toBe(false);
  });
});

describe('a refusal from compose names the brief, for PDF and Word alike', () => {
  it.each(['too-long.pdf', 'too-long.docx'])('--out %s', async (name) => {
    const file = await briefWith('too-long.brief', 'word '.repeat(450_000));
    const out = path.join(dir(), name);
    const r = await cli('export', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^briefing: .*too-long\.brief: .*passes 2,000,000 characters/);
    expect(await exists(out)).toBe(false);
  });
});

describe('leftover temp files of ours', () => {
  it('are removed by the next export into that folder; younger ones, other names, links and folders stay', async () => {
    const brief = await briefWith('sweep.brief', 'Text.');
    const folder = path.join(dir(), 'sweep');
    await fs.mkdir(folder);
    const old = new Date(Date.now() - 5 * 60_000);
    const make = async (name: string, aged: boolean) => {
      await fs.writeFile(path.join(folder, name), 'partial');
      if (aged) await fs.utimes(path.join(folder, name), old, old);
    };
    await make('.out.pdf.0123abcd.tmp', true);
    await make('.other.brief.89abcdef.tmp', true);
    await make('.out.pdf.fedcba98.tmp', false);
    await make('.out.pdf.0123ABCD.tmp', true);
    await make('mine.tmp', true);
    await make('.out.pdf.0123abc.tmp', true);
    await fs.mkdir(path.join(folder, '.dir.pdf.cafebabe.tmp'));
    await fs.utimes(path.join(folder, '.dir.pdf.cafebabe.tmp'), old, old);
    await make('target-of-link', true);
    await fs.symlink('target-of-link', path.join(folder, '.link.pdf.deadbeef.tmp'));
    await fs.lutimes(path.join(folder, '.link.pdf.deadbeef.tmp'), old, old);

    const r = await cli('export', brief, '--out', path.join(folder, 'out.pdf'));
    expect(r.code).toBe(0);
    expect((await fs.readdir(folder)).sort()).toEqual(
      ['.dir.pdf.cafebabe.tmp', '.link.pdf.deadbeef.tmp', '.out.pdf.0123ABCD.tmp', '.out.pdf.0123abc.tmp', '.out.pdf.fedcba98.tmp', 'mine.tmp', 'out.pdf', 'target-of-link'].sort(),
    );
  });
});
