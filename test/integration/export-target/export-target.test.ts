// An export never replaces its own brief or any file that is not of the format being written: CLI, ExportService and the app's dialog.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledLibraryDir, examplesDir, fontsDir } from '../../../main/services/app-paths.js';
import { readBriefFile } from '../../../main/services/documents/brief-file.js';
import { ExportService } from '../../../main/services/export-service.js';
import { ExportTargetError, isOfFormat } from '../../../main/services/export-target.js';
import { LibraryService } from '../../../main/services/library-service.js';
import { mountsFor } from '../../../main/cli/library-commands.js';
import { useApp, useTempDir } from '../../support/hooks.js';
import { TEST_TODAY } from '../../support/services.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/briefing.cjs');
const dir = useTempDir('bb-export-target-');
const app = useApp();

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');
const example = path.join(examplesDir(), 'one-pager.brief');
let exporter: ExportService;
let wordBytes: Buffer;

beforeAll(async () => {
  const lib = new LibraryService(mountsFor({ bundledDir: bundledLibraryDir(), today: TEST_TODAY }, undefined));
  await lib.load();
  exporter = new ExportService({ library: () => lib.library(), fontsDir: fontsDir(), today: () => TEST_TODAY });
  wordBytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('A Word file someone wrote.')] }] }));
});

/** A zip with one stored entry: a zip, but not a Word file. */
function plainZip(name: string, content: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}

/**
 * The folder every case runs in: the brief being exported, another brief, its .bak, a Word file, a plain zip,
 * a folder, and links to the brief under PDF names. Each case names an --out (relative to the folder).
 */
async function scene(): Promise<{ root: string; brief: string; protectedFiles: string[] }> {
  const root = dir();
  const brief = path.join(root, 'x.brief');
  await fs.copyFile(example, brief);
  await fs.copyFile(example, path.join(root, 'other.brief'));
  await fs.copyFile(example, path.join(root, 'x.brief.bak'));
  await fs.writeFile(path.join(root, 'report.docx'), wordBytes);
  await fs.writeFile(path.join(root, 'word.pdf'), wordBytes);
  await fs.writeFile(path.join(root, 'pdf-inside.docx'), '%PDF-1.7\n% a PDF under a Word name\n');
  await fs.writeFile(path.join(root, 'archive.pdf'), plainZip('notes.txt', 'not a PDF'));
  await fs.writeFile(path.join(root, 'notes.pdf'), 'my notes, not a PDF at all');
  await fs.mkdir(path.join(root, 'sub'));
  await fs.mkdir(path.join(root, 'folder.pdf'));
  await fs.symlink('x.brief', path.join(root, 'link.pdf'));
  await fs.link(brief, path.join(root, 'hard.pdf'));
  const protectedFiles = ['x.brief', 'other.brief', 'x.brief.bak', 'report.docx', 'word.pdf', 'pdf-inside.docx', 'archive.pdf', 'notes.pdf'].map((f) => path.join(root, f));
  return { root, brief, protectedFiles };
}

/** --out as typed, and what the one line must say about it. */
const REFUSED: [out: string, reason: RegExp][] = [
  ['x.brief', /is the brief being exported/],
  ['sub/../x.brief', /is the brief being exported/],
  ['link.pdf', /is the brief being exported/],
  ['hard.pdf', /is the brief being exported/],
  ['other.brief', /already exists and is not a PDF/],
  ['x.brief.bak', /already exists and is not a PDF/],
  ['word.pdf', /already exists and is not a PDF/],
  ['archive.pdf', /already exists and is not a PDF/],
  ['notes.pdf', /already exists and is not a PDF/],
  ['folder.pdf', /is a folder/],
];

async function snapshot(files: string[]): Promise<string[]> {
  return Promise.all(files.map(sha));
}

/** The command picks Word for a .docx --out: a PDF under that name is not a Word file. */
const REFUSED_CLI: [out: string, reason: RegExp][] = [...REFUSED, ['pdf-inside.docx', /already exists and is not a Word file/]];
/** ExportService.exportTo writes a PDF whatever the name: a real Word file is not one. */
const REFUSED_PDF: [out: string, reason: RegExp][] = [...REFUSED, ['report.docx', /already exists and is not a PDF/]];

describe('briefing export --out (the built command, a child process)', () => {
  it.each(REFUSED_CLI)('--out %s is refused with exit 1 and one line; every protected file keeps its bytes', async (out, reason) => {
    const { root, protectedFiles } = await scene();
    const before = await snapshot(protectedFiles);
    const failure = await run(process.execPath, [bin, 'export', 'x.brief', '--out', out], { cwd: root }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    const lines = failure!.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`briefing: ${out}: `)).toBe(true);
    expect(lines[0]).toMatch(reason);
    expect(lines[0]).toMatch(/choose another file name|give the name of a file/);
    expect(await snapshot(protectedFiles)).toEqual(before);
    expect((await fs.readdir(root)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces an earlier PDF (recognised by its content) and writes a new one', async () => {
    const { root } = await scene();
    await run(process.execPath, [bin, 'export', 'x.brief', '--out', 'first.pdf'], { cwd: root });
    const first = await sha(path.join(root, 'first.pdf'));
    const again = await run(process.execPath, [bin, 'export', 'x.brief', '--out', 'first.pdf', '--pdfa'], { cwd: root });
    expect(again.stdout).toMatch(/^wrote first\.pdf/);
    expect(await sha(path.join(root, 'first.pdf'))).not.toBe(first);
  });
});

describe('ExportService.exportTo (the app and the CLI alike)', () => {
  it.each(REFUSED_PDF)('refuses %s with an ExportTargetError naming the file; nothing changes', async (out, reason) => {
    const { root, brief, protectedFiles } = await scene();
    const before = await snapshot(protectedFiles);
    const error = await exporter.exportTo(await readBriefFile(brief), path.join(root, out), { pdfa: false, protect: [brief] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExportTargetError);
    // Named by its base name unless the caller gives a label: the app never shows a path.
    expect((error as Error).message.startsWith(`${path.basename(out)}: `)).toBe(true);
    expect((error as Error).message).toMatch(reason);
    expect(await snapshot(protectedFiles)).toEqual(before);
  });

  it('an absent target that is the path of a protected file, absent too, is refused by any spelling (.., a linked folder); others are written', async () => {
    const { root, brief, protectedFiles } = await scene();
    await fs.symlink('sub', path.join(root, 'alias'));
    const protect = [...protectedFiles, path.join(root, 'sub', 'gone.pdf'), path.join(root, 'gone.brief')];
    const doc = await readBriefFile(brief);
    const exportTo = (out: string) => exporter.exportTo(doc, path.join(root, out), { pdfa: false, protect });
    for (const out of ['sub/gone.pdf', 'alias/gone.pdf', 'sub/../sub/gone.pdf', 'sub/../gone.brief']) {
      await expect(exportTo(out)).rejects.toThrow(/is the brief being exported/);
    }
    expect(await fs.readdir(path.join(root, 'sub'))).toEqual([]);
    // The same last name in another folder is another file.
    await exportTo('gone.pdf');
    expect((await fs.readFile(path.join(root, 'gone.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('an existing target is refused when it is any protected file of a long list, by a hard link as by its own path', async () => {
    const { root, brief, protectedFiles } = await scene();
    const protect = [...protectedFiles.filter((f) => f !== brief), brief];
    for (const out of ['hard.pdf', 'link.pdf', 'x.brief']) {
      await expect(exporter.exportTo(await readBriefFile(brief), path.join(root, out), { pdfa: false, protect })).rejects.toThrow(/is the brief being exported/);
    }
  });

  it('one protect list used for many exports (a batch re-exported into its folder) refuses its files each time and replaces earlier PDFs', async () => {
    const { root, brief } = await scene();
    const protect = [brief, path.join(root, 'other.brief')];
    const read = await readBriefFile(brief);
    for (const out of ['a.pdf', 'b.pdf']) await exporter.exportTo(read, path.join(root, out), { pdfa: false, protect });
    for (let round = 0; round < 3; round++) {
      for (const out of ['a.pdf', 'hard.pdf', 'b.pdf', 'link.pdf']) {
        const written = exporter.exportTo(read, path.join(root, out), { pdfa: false, protect });
        if (out === 'hard.pdf' || out === 'link.pdf') await expect(written, `${out} round ${round}`).rejects.toThrow(/is the brief being exported/);
        else await expect(written, `${out} round ${round}`).resolves.toBeDefined();
      }
    }
    expect(await sha(brief)).toBe(await sha(example));
  });

  it('without a protect list, the brief is still refused by its content', async () => {
    const { brief } = await scene();
    const before = await sha(brief);
    await expect(exporter.exportTo(await readBriefFile(brief), brief, { pdfa: false })).rejects.toThrow(/^x\.brief: already exists and is not a PDF/);
    expect(await sha(brief)).toBe(before);
  });
});

describe("the app's Export PDF… dialog", () => {
  it('a dialog target that is a brief is refused in one line naming its base name, and the brief is unchanged', async () => {
    const { call, dialogs, root } = app();
    const brief = path.join(root, 'mine.brief');
    await fs.copyFile(example, brief);
    const before = await sha(brief);
    dialogs.pdfTargets.push(brief);
    await expect(call('exportPdf', await readBriefFile(brief), { pdfa: false })).rejects.toThrow(/^mine\.brief: already exists and is not a PDF/);
    expect(await sha(brief)).toBe(before);
  });
});

describe('isOfFormat: by content, not by name', () => {
  const probe = (head: Buffer) => ({ head, tail: Buffer.alloc(0) });
  it('a PDF starts with %PDF-; a Word file is a zip naming [Content_Types].xml and word/document.xml', () => {
    expect(isOfFormat(probe(Buffer.from('%PDF-1.7\n')), 'pdf')).toBe(true);
    expect(isOfFormat(probe(Buffer.from(' %PDF-1.7\n')), 'pdf')).toBe(false);
    expect(isOfFormat(probe(wordBytes), 'docx')).toBe(true);
    expect(isOfFormat(probe(wordBytes), 'pdf')).toBe(false);
    expect(isOfFormat(probe(plainZip('word/other.xml', '<x/>')), 'docx')).toBe(false);
    expect(isOfFormat(probe(Buffer.from('%PDF-1.7\n')), 'docx')).toBe(false);
  });
});
