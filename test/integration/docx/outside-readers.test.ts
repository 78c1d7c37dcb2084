// The examples' .docx through readers that are not ours: LibreOffice (to PDF, read with pdftotext) and pandoc.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledLibraryDir, examplesDir, fontsDir } from '../../../main/services/app-paths.js';
import { readBriefFile } from '../../../main/services/documents/brief-file.js';
import { ExportService } from '../../../main/services/export-service.js';
import { LibraryService } from '../../../main/services/library-service.js';
import type { ComposedDoc, Inline } from '../../../shared/model/composed-doc.js';
import { useTempDir } from '../../support/hooks.js';
import { tool } from './docx-parts.js';

const run = promisify(execFile);
const EXAMPLES = ['t12-issue-brief', 'decision-memo', 'one-pager'] as const;
const soffice = tool('soffice', 'install Debian\'s libreoffice-writer-nogui (.ci/run does)');
const pandoc = tool('pandoc', 'install Debian\'s pandoc (.ci/run does)');
const dir = useTempDir('briefing-docx-readers-', 'all');
const exported = new Map<string, { doc: ComposedDoc; file: string }>();

beforeAll(async () => {
  const library = new LibraryService([{ dir: bundledLibraryDir(), kind: 'bundled', readOnly: true }]);
  await library.load();
  const exporter = new ExportService({ library: () => library.library(), fontsDir: fontsDir(), today: () => new Date('2026-11-25T00:00:00Z') });
  for (const name of EXAMPLES) {
    const file = path.join(dir(), `${name}.docx`);
    const r = await exporter.exportWordTo(await readBriefFile(path.join(examplesDir(), `${name}.brief`)), file);
    exported.set(name, { doc: r.doc, file });
  }
});

const plain = (inlines: Inline[]) => inlines.map((i) => (i.kind === 'text' || i.kind === 'placeholder' ? i.text : '')).join('');
/** Text compared as a reader sees it: case (Word's all-caps styles), quotes and runs of white space aside. */
const norm = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');

function headings(doc: ComposedDoc, level?: 1 | 2 | 3): { level: number; text: string }[] {
  return doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'heading' && (!level || b.level === level) ? [{ level: b.level, text: `${b.portion ? `${b.portion} ` : ''}${plain(b.inlines)}` }] : []));
}

describe.skipIf(!soffice.ok)('LibreOffice headless reads the Word export', () => {
  const pdfText = new Map<string, string>();

  beforeAll(async () => {
    // A private profile per run: LibreOffice refuses to start beside another instance's profile.
    const profile = path.join(dir(), 'lo-profile');
    const out = path.join(dir(), 'lo-pdf');
    const files = EXAMPLES.map((n) => exported.get(n)!.file);
    const r = await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], { timeout: 240_000 });
    expect(r.stderr).not.toMatch(/error|fail(?!ed to launch javaldx)/i);
    for (const name of EXAMPLES) {
      const pdf = path.join(out, `${name}.pdf`);
      await fs.access(pdf);
      pdfText.set(name, (await run('pdftotext', ['-layout', pdf, '-'])).stdout);
    }
  }, 300_000);

  it('holds every section title, in order', () => {
    for (const name of EXAMPLES) {
      const text = norm(pdfText.get(name)!);
      let at = 0;
      for (const s of exported.get(name)!.doc.sections) {
        const found = text.indexOf(norm(s.title), at);
        expect(found, `${name}: "${s.title}" after offset ${at}`).toBeGreaterThanOrEqual(0);
        at = found;
      }
    }
  });

  it('starts the summary box on the first page under the title block, as the PDF does (the box breaks between its blocks)', () => {
    const first = norm(pdfText.get('t12-issue-brief')!.split('\f')[0]!);
    const doc = exported.get('t12-issue-brief')!.doc;
    expect(first).toContain(norm(doc.meta.title.split(':')[0]!));
    expect(first).toContain('the issue');
    expect(first).toContain(norm('The United States has made cooperation'));
  });

  it('holds the notes with their URLs', () => {
    for (const name of EXAMPLES) {
      // URLs wrap across lines in the notes: compared without white space.
      const squeezed = pdfText.get(name)!.replace(/\s+/g, '');
      for (const note of exported.get(name)!.doc.notes) {
        if (note.url) expect(squeezed, `${name} note ${note.n}`).toContain(note.url.replace(/\s+/g, ''));
        expect(squeezed, `${name} note ${note.n}`).toContain(note.text.replace(/\s+/g, '').slice(0, 30));
      }
    }
  });

  it('prints the marking banner at the top and the bottom of every page of the body, and Page X of Y', () => {
    const pages = pdfText.get('decision-memo')!.split('\f').filter((p) => p.trim());
    // LibreOffice 7.4 sets a document's endnotes on pages of its own "Endnote" page style, without the section's
    // headers and footers (Word sets them after the body, under the same furniture): those pages are the ones after
    // the Notes heading's, and hold the notes.
    const notesPage = pages.findLastIndex((p) => /^\s*Notes\s*$/m.test(p));
    expect(notesPage).toBeGreaterThan(0);
    const body = pages.slice(0, notesPage + 1);
    body.forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0], `page ${i + 1} top`).toBe('CUI');
      expect(lines[lines.length - 1], `page ${i + 1} bottom`).toBe('CUI');
      expect(page).toMatch(new RegExp(`Page ${i + 1} of \\d+`));
    });
    expect(pages.slice(notesPage + 1).join('')).toContain(exported.get('decision-memo')!.doc.notes[0]!.url!.slice(0, 40));
    expect(pages[0]).toContain('Controlled by: Office of Technology Policy');
  });

  it('numbers a memo\'s paragraphs only: its headings, tables and back matter carry no paragraph number', () => {
    const text = pdfText.get('decision-memo')!;
    expect(text).toMatch(/^\s*1\.\s+\(U\) Start with a few technologies/m);
    for (const line of ['Notes', 'Attachments:', 'Prepared by:', '\\(CUI\\) How the pieces fit', 'Leg']) expect(text, line).not.toMatch(new RegExp(`^\\s*\\d+\\.\\s+${line}`, 'm'));
 
    // A wrapped memo header value stays in its column (hanging indent), as in the PDF.
    const subject = text.split('\n').findIndex((l) => l.trim().startsWith('SUBJECT:'));
    expect(text.split('\n')[subject + 1]).toMatch(/^\s{20,}\S/);
  });
});

describe.skipIf(!pandoc.ok)('pandoc reads the Word export', () => {
  it('sees the headings at their levels', async () => {
    for (const name of EXAMPLES) {
      const { doc, file } = exported.get(name)!;
      const md = (await run('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', file])).stdout;
      const seen = md.split('\n').flatMap((l) => {
        const m = /^(#{1,6}) (.*?)(?: \{#[^}]*\})?$/.exec(l);
        return m ? [{ level: m[1]!.length, text: norm(m[2]!.replace(/\\/g, '').replace(/\[([^\]]*)\]\{[^}]*\}/g, '$1')) }] : [];
      });
      const expected = headings(doc).map((h) => ({ level: h.level, text: norm(h.text) }));
      // The document's own headings in order, then the notes heading.
      expect(seen.slice(0, expected.length), name).toEqual(expected);
    }
  });
});
