// The `briefing` command contract: exit codes, one-line errors without stacks, nothing written on failure.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/run.js';
import { recorder } from '../support/cli.js';
import { useTempDir } from '../support/hooks.js';
import { readPdfText } from '../support/read-pdf.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/briefing.cjs');
/** One temp folder for the file's briefs and PDFs. */
const dir = useTempDir('briefing-cli-', 'all');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = recorder();
  const code = await main(argv, io);
  const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');
  return { code, out: text(io.out), err: text(io.err) };
}

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');
const exists = (file: string) => fs.stat(file).then(() => true, () => false);

beforeAll(() => {
  process.env.BRIEFING_TODAY = '2026-11-25';
});

describe('briefing new + export', () => {
  it('assembles a brief from section ids and exports it to a PDF that reads back', async () => {
    const list = await cli('list', 'sections', '--json');
    expect(list.code).toBe(0);
    const ids = (JSON.parse(list.out) as { id: string }[]).map((s) => s.id).slice(0, 3);
    expect(ids.length).toBe(3);
    const briefFile = path.join(dir(), 'new.brief');
    const made = await cli('new', '--template', 'issue-brief', '--title', 'CLI Test Brief', ...ids.flatMap((id) => ['--section', id]), '--out', briefFile);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const pdfFile = path.join(dir(), 'new.pdf');
    const exported = await cli('export', briefFile, '--out', pdfFile);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/wrote .*new\.pdf \(\d+ pages?\)/);
    const pdf = await readPdfText(pdfFile);
    expect(pdf.text).toContain('CLI Test Brief');
    const dirEntries = await fs.readdir(dir());
    expect(dirEntries.filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite an existing brief without --force, and unknown section ids', async () => {
    const file = path.join(dir(), 'keep.brief');
    await fs.writeFile(file, 'precious');
    const r = await cli('new', '--template', 'one-pager', '--title', 'X', '--section', 'no-such-section', '--out', file);
    expect(r.code).toBe(1);
    expect(await fs.readFile(file, 'utf8')).toBe('precious');
    const r2 = await cli('new', '--template', 'one-pager', '--title', 'X', '--section', 'no-such-section', '--out', path.join(dir(), 'x.brief'));
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/^briefing: unknown section id: no-such-section/);
    expect(await exists(path.join(dir(), 'x.brief'))).toBe(false);
  });
});

describe('bad input: exit 1, one line naming the file, nothing written', () => {
  const cases: [string, string, RegExp][] = [
    ['not-json.brief', '{ this is not json', /not valid JSON|JSON/i],
    ['wrong-shape.brief', JSON.stringify({ format: 'briefing-builder/brief', version: 1, meta: { title: 5 } }), /meta|title|sections/],
    ['newer.brief', JSON.stringify({ format: 'briefing-builder/brief', version: 99, meta: {}, sections: [] }), /newer/],
    ['other.brief', JSON.stringify({ hello: 'world' }), /brief/],
  ];
  it.each(cases)('%s', async (name, content, reason) => {
    const file = path.join(dir(), name);
    await fs.writeFile(file, content);
    const out = path.join(dir(), `${name}.pdf`);
    await fs.writeFile(out, 'old pdf');
    const before = await sha(file);
    const r = await cli('export', file, '--out', out);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^briefing: .*${name}`));
    expect(lines[0]).toMatch(reason);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(await fs.readFile(out, 'utf8')).toBe('old pdf');
    expect(await sha(file)).toBe(before);
  });

  it('a missing file', async () => {
    const r = await cli('export', path.join(dir(), 'nope.brief'), '--out', path.join(dir(), 'nope.pdf'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^briefing: .*nope\.brief/);
    expect(await exists(path.join(dir(), 'nope.pdf'))).toBe(false);
  });
});

describe('usage and strict mode', () => {
  it('usage errors exit 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('export')).code).toBe(2);
    expect((await cli('export', 'x.brief')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('export', 'x.brief', '--out', 'y.pdf', '--bogus')).code).toBe(2);
  });

  it('--strict refuses to write when there are warnings (exit 3), and writes without it', async () => {
    const list = JSON.parse((await cli('list', 'sections', '--json')).out) as { id: string }[];
    const briefFile = path.join(dir(), 'strict.brief');
    expect((await cli('new', '--template', 'one-pager', '--title', 'Strict', '--section', list[0]!.id, '--out', briefFile)).code).toBe(0);
    const brief = JSON.parse(await fs.readFile(briefFile, 'utf8'));
    brief.sections.push({ kind: 'detached', id: 'extra', title: 'Extra', body: 'Relies on {{fact:does-not-exist}}.' });
    await fs.writeFile(briefFile, JSON.stringify(brief));
    const out = path.join(dir(), 'strict.pdf');
    const strict = await cli('export', briefFile, '--out', out, '--strict');
    expect(strict.code).toBe(3);
    expect(strict.err).toMatch(/unknown fact "does-not-exist"/);
    expect(await exists(out)).toBe(false);
    const lax = await cli('export', briefFile, '--out', out);
    expect(lax.code).toBe(0);
    expect((await readPdfText(out)).text).toContain('[missing fact: does-not-exist]');
  });
});

describe('briefing check FILE.brief', () => {
  it('reports a pinned fact that differs from the library and applies the update only with --update', async () => {
    const list = JSON.parse((await cli('list', 'sections', '--json')).out) as { id: string }[];
    const file = path.join(dir(), 'pins.brief');
    expect((await cli('new', '--template', 'issue-brief', '--title', 'Pins', '--section', list[0]!.id, '--out', file)).code).toBe(0);
    const brief = JSON.parse(await fs.readFile(file, 'utf8'));
    const factId = Object.keys(brief.pins)[0]!;
    const current = brief.pins[factId].statement;
    brief.pins[factId].statement = 'An older wording of the fact.';
    await fs.writeFile(file, JSON.stringify(brief));

    const report = await cli('check', file);
    expect(report.code).toBe(0);
    expect(report.out).toContain(`fact "${factId}" changed in the library since it was pinned`);
    expect(report.out).toContain('statement: An older wording of the fact. -> ');
    expect(report.out).toMatch(/1 update\(s\) available; run again with --update/);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).pins[factId].statement).toBe('An older wording of the fact.');

    const applied = await cli('check', file, '--update');
    expect(applied.code).toBe(0);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).pins[factId].statement).toBe(current);
    expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8')).pins[factId].statement).toBe('An older wording of the fact.');
    expect((await cli('check', file)).out).toMatch(/up to date with the libraries/);
  });
});

describe('as a whole process', () => {
  it('prints one line and no stack trace for a corrupt brief', async () => {
    const file = path.join(dir(), 'corrupt.brief');
    await fs.writeFile(file, Buffer.from([0, 159, 146, 150, 0, 1]));
    const err = await run(process.execPath, [bin, 'export', file, '--out', path.join(dir(), 'c.pdf')]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr.trim().split('\n')).toHaveLength(1);
    expect(err?.stderr).toMatch(/^briefing: .*corrupt\.brief/);
  });

  it('exports the example brief', async () => {
    const examples = (await fs.readdir(path.join(root, 'assets/examples'))).filter((f) => f.endsWith('.brief'));
    expect(examples.length).toBeGreaterThan(0);
    const out = path.join(dir(), 'example.pdf');
    const r = await run(process.execPath, [bin, 'export', path.join(root, 'assets/examples', examples[0]!), '--out', out]);
    expect(r.stdout).toMatch(/wrote/);
    expect((await readPdfText(out)).numPages).toBeGreaterThan(0);
  });
});
