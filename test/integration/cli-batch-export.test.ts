// `briefing export A.brief B.brief … | FOLDER --out-dir DIR` as a whole process: one file per brief, each failure named with its reason, the worst exit code.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { worstExit } from '../../main/cli/batch-export.js';
import { EXIT } from '../../main/cli/io.js';
import { useTempDir } from '../support/hooks.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/briefing.cjs');
const examples = path.join(root, 'assets/examples');
const EXAMPLES = ['classified-sample', 'decision-memo', 'one-pager', 't12-issue-brief'];
const dir = useTempDir('briefing-cli-batch-', 'each');

interface Result {
  code: number;
  out: string[];
  err: string[];
}

/** The built command as a child process in `cwd`, whatever its exit code; output split into lines. */
async function briefing(argv: string[], cwd: string): Promise<Result> {
  const env = { ...process.env, BRIEFING_TODAY: '2026-11-25' };
  const lines = (s: string) => s.split('\n').filter(Boolean);
  return run(process.execPath, [bin, ...argv], { cwd, env }).then(
    (r) => ({ code: 0, out: lines(r.stdout), err: lines(r.stderr) }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: lines(e.stdout), err: lines(e.stderr) }),
  );
}

const titles = new Map<string, string>();
const exists = (file: string) => fs.stat(file).then(() => true, () => false);
const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** Page 1 of a PDF as pdftotext reads it, whitespace flattened. */
const firstPage = async (file: string) => flat((await run('pdftotext', ['-l', '1', file, '-'])).stdout);
const pdfText = async (file: string) => (await run('pdftotext', [file, '-'])).stdout;

async function copyExample(name: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.copyFile(path.join(examples, `${name}.brief`), to);
}

/** An example brief changed by `edit`, written to `to`. */
async function variant(name: string, to: string, edit: (b: { meta: { title: string }; sections: Record<string, unknown>[] }) => void): Promise<void> {
  const brief = JSON.parse(await fs.readFile(path.join(examples, `${name}.brief`), 'utf8'));
  edit(brief);
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.writeFile(to, JSON.stringify(brief, null, 2));
}

/** The decision memo (us-cui) with its first section's marking taken away: a marking error. */
const unmarked = (to: string) =>
  variant('decision-memo', to, (b) => {
    b.meta.title = 'Gate Memo With A Missing Marking';
    delete b.sections[0]!.marking;
  });

beforeAll(async () => {
  for (const name of EXAMPLES) titles.set(name, (JSON.parse(await fs.readFile(path.join(examples, `${name}.brief`), 'utf8')) as { meta: { title: string } }).meta.title);
  // The bin runs the bundle: it must exist (npm run build:node).
  expect(await exists(path.join(root, 'dist/cli.cjs'))).toBe(true);
});

describe('briefing export FOLDER --out-dir DIR', () => {
  it('exports every *.brief of the folder to its own PDF; each failing brief is named with the place and the fix; exit is the worst', async () => {
    const folder = path.join(dir(), 'briefs');
    for (const name of EXAMPLES) await copyExample(name, path.join(folder, `${name}.brief`));
    await unmarked(path.join(folder, 'gate.brief'));
    await variant('one-pager', path.join(folder, 'mystery.brief'), (b) => void b.sections.push({ kind: 'mystery', id: 'x', title: 'X', body: 'Y' }));
    await fs.writeFile(path.join(folder, 'notes.brief'), 'Things to remember for Tuesday.\n');
    await fs.writeFile(path.join(folder, 'readme.txt'), 'not a brief, and not named like one');
    await copyExample('one-pager', path.join(folder, 'older', 'archived.brief'));
    const before = new Map(await Promise.all((await fs.readdir(folder)).filter((n) => n.endsWith('.brief')).map(async (n) => [n, await sha(path.join(folder, n))] as const)));

    const r = await briefing(['export', 'briefs', '--out-dir', 'pdfs'], dir());

    expect(r.code).toBe(EXIT.badInput); // bad input (not a brief, a broken one) outranks a marking error (3)
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^exported 4 of 7 briefs to pdfs in \d+\.\d s; 3 failed$/);
    const progress = r.err.filter((l) => l.startsWith('['));
    expect(progress.map((l) => l.replace(/ ….*/, ''))).toEqual(
      ['classified-sample', 'decision-memo', 'gate', 'mystery', 'notes', 'one-pager', 't12-issue-brief'].map((n, i) => `[${i + 1}/7] ${path.join('briefs', `${n}.brief`)}`),
    );
    for (const name of EXAMPLES) expect(progress.find((l) => l.includes(`${name}.brief`))).toMatch(/ … ok \d+ ms \(\d+ pages?[,)]/);
    const failed = (name: string) => progress.find((l) => l.includes(`/${name}.brief`))!;
    expect(failed('gate')).toMatch(/ … failed: 1 marking error\(s\): nothing written — fix them, or pass --draft/);
    expect(r.err).toContain('briefing: briefs/gate.brief: marking error: section "Recommendations" has no marking — choose one in its marking picker (e.g. U)');
    expect(failed('mystery')).toMatch(/ … failed: does not match the brief format: sections\[2\]\.kind "mystery" is not one of: linked, detached — fix it in a text editor/);
    expect(failed('notes')).toMatch(/ … failed: is not valid JSON.* — the file may be damaged; fix it in a text editor/);
    // The failing briefs' own lines come just before their progress line: the line after the gate's error is its progress.
    expect(r.err[r.err.indexOf(failed('gate')) - 1]).toMatch(/gate\.brief: marking error:/);
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /);

    const written = (await fs.readdir(path.join(dir(), 'pdfs'))).sort();
    expect(written).toEqual(EXAMPLES.map((n) => `${n}.pdf`));
    for (const name of EXAMPLES) {
      const page = await firstPage(path.join(dir(), 'pdfs', `${name}.pdf`));
      expect(page).toContain(flat(titles.get(name)!));
      for (const other of EXAMPLES.filter((o) => o !== name)) expect(page).not.toContain(flat(titles.get(other)!));
    }
    // The inputs are as they were, and nothing went into the input folder or its subfolder.
    for (const [name, hash] of before) expect(await sha(path.join(folder, name))).toBe(hash);
    expect((await fs.readdir(folder)).filter((n) => !n.endsWith('.brief') && n !== 'readme.txt' && n !== 'older')).toEqual([]);
    expect(await fs.readdir(path.join(folder, 'older'))).toEqual(['archived.brief']);
  });

  it('exits 3 when the worst is a marking error; --draft applies to every brief of the batch', async () => {
    await copyExample('one-pager', path.join(dir(), 'one-pager.brief'));
    await unmarked(path.join(dir(), 'gate.brief'));

    const gated = await briefing(['export', 'one-pager.brief', 'gate.brief', '--out-dir', 'out'], dir());
    expect(gated.code).toBe(EXIT.strictWarnings);
    expect(gated.out).toEqual([expect.stringMatching(/^exported 1 of 2 briefs to out in \d+\.\d s; 1 failed$/)]);
    expect(await exists(path.join(dir(), 'out', 'gate.pdf'))).toBe(false);

    const draft = await briefing(['export', 'one-pager.brief', 'gate.brief', '--out-dir', 'out', '--draft'], dir());
    expect(draft.code).toBe(EXIT.ok);
    expect(draft.out).toEqual([expect.stringMatching(/^exported 2 of 2 briefs to out in \d+\.\d s$/)]);
    const pages = (await pdfText(path.join(dir(), 'out', 'gate.pdf'))).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(flat(page)).toContain('DRAFT — MARKINGS INCOMPLETE');
    expect(flat(pages[0]!)).toContain('Gate Memo With A Missing Marking');
    expect(await firstPage(path.join(dir(), 'out', 'one-pager.pdf'))).toContain(flat(titles.get('one-pager')!));
  });

  it('--release applies to every brief: a brief without a marking profile fails with the single export\'s reason', async () => {
    await copyExample('classified-sample', path.join(dir(), 'classified-sample.brief'));
    await copyExample('one-pager', path.join(dir(), 'one-pager.brief'));
    const r = await briefing(['export', 'classified-sample.brief', 'one-pager.brief', '--out-dir', 'rel', '--release', 'S', '--rel-to', 'GBR'], dir());
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err[0]).toMatch(/^\[1\/2\] classified-sample\.brief … ok \d+ ms \(.*SECRET\/\/REL TO USA, GBR, releasable copy, \d+ portion\(s\) left out\)$/);
    expect(r.err[1]).toBe('[2/2] one-pager.brief … failed: a releasable copy needs a marking profile, and this brief uses "none" — choose a profile in Settings first');
    expect(await firstPage(path.join(dir(), 'rel', 'classified-sample.pdf'))).toContain('SECRET//REL TO USA, GBR');
    expect(await exists(path.join(dir(), 'rel', 'one-pager.pdf'))).toBe(false);
  });

  it('--format docx writes DIR/<name>.docx for each brief, each holding its own title', async () => {
    for (const name of ['decision-memo', 'one-pager']) await copyExample(name, path.join(dir(), `${name}.brief`));
    const r = await briefing(['export', 'decision-memo.brief', 'one-pager.brief', '--out-dir', 'word', '--format', 'docx'], dir());
    expect(r.code).toBe(EXIT.ok);
    expect(r.err.filter((l) => l.startsWith('['))).toEqual([
      expect.stringMatching(/^\[1\/2\] decision-memo\.brief … ok \d+ ms \(Word, \d+ endnotes?\)$/),
      expect.stringMatching(/^\[2\/2\] one-pager\.brief … ok \d+ ms \(Word, \d+ endnotes?\)$/),
    ]);
    expect((await fs.readdir(path.join(dir(), 'word'))).sort()).toEqual(['decision-memo.docx', 'one-pager.docx']);
    for (const name of ['decision-memo', 'one-pager']) {
      const { value } = await mammoth.extractRawText({ path: path.join(dir(), 'word', `${name}.docx`) });
      expect(flat(value)).toContain(flat(titles.get(name)!));
    }
  });

  it('never writes over a file that is not a PDF: that brief fails with the single export\'s reason, the others export', async () => {
    for (const name of ['decision-memo', 'one-pager']) await copyExample(name, path.join(dir(), `${name}.brief`));
    await fs.mkdir(path.join(dir(), 'out'));
    await fs.writeFile(path.join(dir(), 'out', 'one-pager.pdf'), 'my notes, not a PDF');
    const r = await briefing(['export', 'decision-memo.brief', 'one-pager.brief', '--out-dir', 'out'], dir());
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err.at(-1)).toMatch(/^\[2\/2\] one-pager\.brief … failed: out\/one-pager\.pdf: already exists and is not a PDF, so exporting would destroy it — choose another file name/);
    expect(await fs.readFile(path.join(dir(), 'out', 'one-pager.pdf'), 'utf8')).toBe('my notes, not a PDF');
    expect(await firstPage(path.join(dir(), 'out', 'decision-memo.pdf'))).toContain(flat(titles.get('decision-memo')!));
    expect((await fs.readdir(path.join(dir(), 'out'))).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});

describe('every input is protected from every export of the batch', () => {
  it('a target that is a hard link to another input (a PDF given by mistake) is refused; that input is untouched', async () => {
    await copyExample('one-pager', path.join(dir(), 'one-pager.brief'));
    await copyExample('decision-memo', path.join(dir(), 'report.brief'));
    const made = await briefing(['export', 'one-pager.brief', '--out', 'keep.pdf'], dir());
    expect(made.code).toBe(EXIT.ok);
    await fs.mkdir(path.join(dir(), 'out'));
    await fs.link(path.join(dir(), 'keep.pdf'), path.join(dir(), 'out', 'report.pdf'));
    const before = await sha(path.join(dir(), 'keep.pdf'));
    const r = await briefing(['export', 'keep.pdf', 'one-pager.brief', 'report.brief', '--out-dir', 'out'], dir());
    expect(r.code).toBe(EXIT.badInput);
    const progress = r.err.filter((l) => l.startsWith('['));
    expect(progress[0]).toMatch(/^\[1\/3\] keep\.pdf … failed: /);
    expect(progress[1]).toMatch(/^\[2\/3\] one-pager\.brief … ok /);
    expect(progress[2]).toMatch(/^\[3\/3\] report\.brief … failed: out\/report\.pdf: is the brief being exported; writing a PDF there would replace it/);
    expect(await sha(path.join(dir(), 'keep.pdf'))).toBe(before);
    expect((await fs.readdir(path.join(dir(), 'out'))).sort()).toEqual(['one-pager.pdf', 'report.pdf']);
  });
});

describe('refused before anything is written', () => {
  it('two briefs with the same name: both named, nothing written, the folder not even created', async () => {
    await copyExample('one-pager', path.join(dir(), 'a', 'one-pager.brief'));
    await copyExample('decision-memo', path.join(dir(), 'b', 'one-pager.brief'));
    await copyExample('decision-memo', path.join(dir(), 'decision-memo.brief'));
    const r = await briefing(['export', 'decision-memo.brief', 'a/one-pager.brief', 'b/one-pager.brief', '--out-dir', 'out'], dir());
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toEqual([
      'briefing: a/one-pager.brief and b/one-pager.brief would both be written to out/one-pager.pdf: nothing written — rename one of them, or export them in two runs with different --out-dir',
    ]);
    expect(r.out).toEqual([]);
    expect(await exists(path.join(dir(), 'out'))).toBe(false);
  });

  it('--out with several briefs or a folder is a usage error that says to use --out-dir', async () => {
    await copyExample('one-pager', path.join(dir(), 'briefs', 'one-pager.brief'));
    await copyExample('decision-memo', path.join(dir(), 'briefs', 'decision-memo.brief'));
    const several = await briefing(['export', 'briefs/one-pager.brief', 'briefs/decision-memo.brief', '--out', 'x.pdf'], dir());
    expect(several.code).toBe(EXIT.usage);
    expect(several.err[0]).toBe('briefing: --out names one file; to export several briefs, give --out-dir DIR instead (each brief becomes DIR/<name>.pdf)');
    const folder = await briefing(['export', 'briefs', '--out', 'x.pdf'], dir());
    expect(folder.code).toBe(EXIT.usage);
    expect(folder.err[0]).toMatch(/^briefing: --out names one file; to export a folder of briefs, give --out-dir DIR/);
    const none = await briefing(['export', 'briefs/one-pager.brief', 'briefs/decision-memo.brief'], dir());
    expect(none.code).toBe(EXIT.usage);
    expect(none.err[0]).toMatch(/give --out-dir DIR/);
    expect(await exists(path.join(dir(), 'x.pdf'))).toBe(false);
  });

  it('a folder without briefs, and an --out-dir that is a file', async () => {
    await fs.mkdir(path.join(dir(), 'empty'));
    const empty = await briefing(['export', 'empty', '--out-dir', 'out'], dir());
    expect(empty.code).toBe(EXIT.badInput);
    expect(empty.err).toEqual(['briefing: empty: holds no .brief files (subfolders are not searched) — name the briefs, or a folder that holds them']);
    await copyExample('one-pager', path.join(dir(), 'one-pager.brief'));
    await fs.writeFile(path.join(dir(), 'taken'), 'a file');
    const taken = await briefing(['export', 'one-pager.brief', '--out-dir', 'taken'], dir());
    expect(taken.code).toBe(EXIT.badInput);
    expect(taken.err).toEqual(['briefing: taken: is a file, not a folder — give --out-dir a folder (one that does not exist yet is created)']);
    expect(await fs.readFile(path.join(dir(), 'taken'), 'utf8')).toBe('a file');
  });
});

describe('help and exit order', () => {
  it('`briefing export --help` shows both forms, and `briefing --help` the batch form', async () => {
    const help = await briefing(['export', '--help'], dir());
    expect(help.code).toBe(EXIT.ok);
    expect(help.out.join('\n')).toMatch(/briefing export FILE\.brief --out FILE\.pdf/);
    expect(help.out.join('\n')).toMatch(/briefing export FILE\.brief\.\.\. \| FOLDER\.\.\. --out-dir DIR/);
    expect((await briefing(['--help'], dir())).out.join('\n')).toContain('--out-dir DIR');
  });

  it('the worst exit code: bad input over marking errors over done', () => {
    expect(worstExit([])).toBe(EXIT.ok);
    expect(worstExit([EXIT.ok, EXIT.strictWarnings, EXIT.ok])).toBe(EXIT.strictWarnings);
    expect(worstExit([EXIT.strictWarnings, EXIT.badInput, EXIT.strictWarnings])).toBe(EXIT.badInput);
  });
});
