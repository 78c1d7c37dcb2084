// `briefing export` to Word: format from --out or --format, the PDF export's refusals, warnings and --strict, as a process too.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/run.js';
import { examplesDir } from '../../../main/services/app-paths.js';
import { recorder } from '../../support/cli.js';
import { useTempDir } from '../../support/hooks.js';
import { readDocx, textOf, part } from './docx-parts.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/briefing.cjs');
const dir = useTempDir('briefing-docx-cli-', 'all');
const example = (name: string) => path.join(examplesDir(), `${name}.brief`);
const exists = (file: string) => fs.stat(file).then(() => true, () => false);
const isZip = async (file: string) => (await fs.readFile(file)).subarray(0, 2).toString('latin1') === 'PK';
const isPdf = async (file: string) => (await fs.readFile(file)).subarray(0, 5).toString('latin1') === '%PDF-';

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = recorder();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

beforeAll(() => {
  process.env.BRIEFING_TODAY = '2026-11-25';
});

describe('briefing export to Word', () => {
  it('writes Word for a .docx --out, PDF otherwise, and --format overrides the extension', async () => {
    const docx = path.join(dir(), 'memo.docx');
    const r = await cli('export', example('decision-memo'), '--out', docx);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`wrote ${docx} (Word, 8 endnotes)`]);
    expect(await isZip(docx)).toBe(true);
    expect(textOf(part(await readDocx(docx), 'word/document.xml'))).toContain('MEMORANDUM FOR');

    const forced = path.join(dir(), 'memo-as-word.out');
    expect((await cli('export', example('decision-memo'), '--out', forced, '--format', 'docx')).code).toBe(0);
    expect(await isZip(forced)).toBe(true);
    const pdf = path.join(dir(), 'memo-as-pdf.docx');
    expect((await cli('export', example('decision-memo'), '--out', pdf, '--format', 'pdf')).code).toBe(0);
    expect(await isPdf(pdf)).toBe(true);
  });

  it('refuses a bad --format or --pdfa with Word as usage errors (exit 2), writing nothing', async () => {
    const out = path.join(dir(), 'usage.docx');
    const bad = await cli('export', example('one-pager'), '--out', out, '--format', 'odt');
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/--format must be pdf or docx/);
    expect((await cli('export', example('one-pager'), '--out', out, '--pdfa')).code).toBe(2);
    expect(await exists(out)).toBe(false);
  });

  it('gives the same warnings as the PDF export, and --strict exits 3 with nothing written', async () => {
    const pdf = await cli('export', example('one-pager'), '--out', path.join(dir(), 'warn.pdf'));
    const out = path.join(dir(), 'warn.docx');
    const word = await cli('export', example('one-pager'), '--out', out);
    expect(word.code).toBe(0);
    expect(word.err.length).toBeGreaterThan(0);
    expect(word.err).toEqual(pdf.err);
    await fs.rm(out);
    const strict = await cli('export', example('one-pager'), '--out', out, '--strict');
    expect(strict.code).toBe(3);
    expect(strict.err.at(-1)).toMatch(/--strict: no Word file written$/);
    expect(await exists(out)).toBe(false);
  });

  it('refuses bad input in one line naming the file (exit 1) and leaves the target as it was', async () => {
    const broken = path.join(dir(), 'broken.brief');
    await fs.writeFile(broken, '{ this is not json');
    const out = path.join(dir(), 'kept.docx');
    const bad = await cli('export', broken, '--out', out);
    expect(bad.code).toBe(1);
    expect(bad.err).toHaveLength(1);
    expect(bad.err[0]).toMatch(/^briefing: .*broken\.brief/);
    expect(await exists(out)).toBe(false);

    // A file that is not a Word file is never replaced by an export.
    const notes = path.join(dir(), 'notes.docx');
    await fs.writeFile(notes, 'my notes, not a Word file');
    const refused = await cli('export', example('one-pager'), '--out', notes);
    expect(refused.code).toBe(1);
    expect(refused.err.at(-1)).toMatch(/notes\.docx: .*not a Word file.*nothing was written/);
    expect(await fs.readFile(notes, 'utf8')).toBe('my notes, not a Word file');

    // An earlier Word export is replaced (the same atomic write: temp file + rename, no temp file left behind).
    const again = path.join(dir(), 'again.docx');
    expect((await cli('export', example('one-pager'), '--out', again)).code).toBe(0);
    expect((await cli('export', example('decision-memo'), '--out', again)).code).toBe(0);
    expect(textOf(part(await readDocx(again), 'word/document.xml'))).toContain('MEMORANDUM FOR');
    expect((await fs.readdir(dir())).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exports every brief that exports to PDF (the examples, a brief with an unknown fact)', async () => {
    const list = await cli('list', 'sections', '--json');
    const ids = (JSON.parse(list.out.join('\n')) as { id: string }[]).map((s) => s.id).slice(0, 4);
    const made = path.join(dir(), 'made.brief');
    expect((await cli('new', '--template', 'issue-brief', '--title', 'Made', ...ids.flatMap((id) => ['--section', id]), '--out', made)).code).toBe(0);
    const brief = JSON.parse(await fs.readFile(made, 'utf8')) as { sections: unknown[] };
    brief.sections.push({ kind: 'detached', id: 'extra', title: 'Extra', body: 'Relies on {{fact:does-not-exist}}.\n\n- a\n  - nested\n    - deeper\n\n| A | B |\n|---|---|\n| **x** | [y](https://example.org) |' });
    await fs.writeFile(made, JSON.stringify(brief));
    for (const file of [made, example('t12-issue-brief'), example('decision-memo'), example('one-pager')]) {
      const base = path.join(dir(), path.basename(file, '.brief'));
      const asPdf = await cli('export', file, '--out', `${base}.pdf`);
      const asWord = await cli('export', file, '--out', `${base}.docx`);
      expect(asPdf.code, file).toBe(0);
      expect(asWord.code, file).toBe(0);
      expect(asWord.err).toEqual(asPdf.err);
    }
    const text = textOf(part(await readDocx(path.join(dir(), 'made.docx')), 'word/document.xml'));
    expect(text).toContain('[missing fact: does-not-exist]');
  });

  it('runs as a whole process: `node bin/briefing.cjs export … --out FILE.docx`', async () => {
    const out = path.join(dir(), 'process.docx');
    const r = await run(process.execPath, [bin, 'export', example('t12-issue-brief'), '--out', out], { env: { ...process.env, BRIEFING_TODAY: '2026-11-25' } });
    expect(r.stdout.trim()).toBe(`wrote ${out} (Word, 60 endnotes)`);
    expect(await isZip(out)).toBe(true);
  });
});
