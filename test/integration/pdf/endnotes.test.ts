// Endnotes by source through the real export: the PDF read back with pdftotext, the .docx's endnotes part and pandoc.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontsDir } from '../../../main/services/app-paths.js';
import { ExportService } from '../../../main/services/export-service.js';
import { assembleBrief } from '../../../shared/assemble.js';
import { emptyLibrary, type Fact, type Library, type Source } from '../../../shared/model/library.js';
import { useTempDir } from '../../support/hooks.js';
import { withProfiles } from '../../support/marking-profiles.js';
import { all, part, readDocx, textOf, tool } from '../docx/docx-parts.js';

const REPORT: Source = { title: 'Allied Report', publisher: 'Think Tank', date: '2021-04-30', url: 'https://example.org/report' };
const SPEECH: Source = { title: 'A Speech', publisher: 'The Office', date: '2021-04', url: 'https://example.org/speech' };
const fact = (id: string, source: Source, extra: Partial<Fact> = {}): Fact => ({
  id,
  statement: `Statement ${id}.`,
  asOf: '2021-05-01',
  review: { by: '2030-01-01' },
  source,
  tags: { technologies: [], countries: [], topics: [] },
  ...extra,
});

const dir = useTempDir('briefing-endnotes-', 'all');
const pandoc = tool('pandoc', "install Debian's pandoc (.ci/run does)");
let pdfText = '';
let docxFile = '';

beforeAll(async () => {
  const l: Library = withProfiles(emptyLibrary());
  for (const f of [fact('r1', REPORT), fact('r2', REPORT), fact('r-secret', REPORT, { marking: 'S' }), fact('s1', SPEECH)]) l.facts.set(f.id, f);
  const brief = assembleBrief({ title: 'Notes by source', template: 'issue-brief', date: '2026-11-25', sectionIds: [], meta: { marking: 'us-classified' } }, l);
  brief.sections.push({
    kind: 'detached',
    id: 'd',
    title: 'Findings',
    // Two facts of one source, then the same source under another mark (Ibid.), then another source.
    body: '(U) Growth {{fact:r1}} and {{fact:r2}}.\n\n(S) Secret {{fact:r-secret}}.\n\n(U) Speech {{fact:s1}} and again {{cite:r2}}.',
    marking: 'S',
    style: 'normal',
  });
  const exporter = new ExportService({ library: () => l, fontsDir: fontsDir(), today: () => new Date('2026-11-25T00:00:00Z') });
  const pdf = path.join(dir(), 'notes.pdf');
  // A draft: the authority block's fields are not set, which is a marking error the notes do not care about.
  await exporter.exportTo(brief, pdf, { pdfa: false, draft: true });
  pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  docxFile = path.join(dir(), 'notes.docx');
  const word = await exporter.exportWordTo(brief, docxFile, { draft: true });
  expect(word.noteCount).toBe(3);
});

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('endnotes by source in the exports', () => {
  it('the PDF lists one note per source and mark, the repeat straight after itself as "Ibid."', () => {
    const notes = squeeze(pdfText.slice(pdfText.lastIndexOf('Notes')));
    expect(notes).toContain('1. (U) Allied Report, Think Tank, April 30, 2021. https://example.org/report');
    expect(notes).toContain('2. (S) Ibid.');
    expect(notes).toContain('3. (U) A Speech, The Office, April 2021. https://example.org/speech');
    expect(notes).not.toMatch(/\b4\. /);
    // Both facts of the report carry note 1 in the running text, and so does a later citation after another source.
    expect(squeeze(pdfText)).toMatch(/Growth Statement r1\. ?1 and Statement r2\. ?1\./);
    expect(squeeze(pdfText)).toMatch(/Speech Statement s1\. ?3 and again 1\./);
  });

  it('the .docx has the same three endnotes, and later citations of note 1 refer back to it', async () => {
    const d = await readDocx(docxFile);
    const body = part(d, 'word/document.xml');
    expect(all(body, /<w:endnoteReference w:id="(\d+)"/)).toEqual(['1', '2', '3']);
    expect(all(body, /NOTEREF (_RefNote\d+)/)).toEqual(['_RefNote1', '_RefNote1']);
    const endnotes = part(d, 'word/endnotes.xml');
    const byId = Object.fromEntries(all(endnotes, /(<w:endnote w:id="[1-9]\d*"[\s\S]*?<\/w:endnote>)/).map((x) => [/w:id="(\d+)"/.exec(x)![1], squeeze(textOf(x))]));
    expect(byId).toEqual({
      '1': '(U) Allied Report, Think Tank, April 30, 2021. https://example.org/report',
      '2': '(S) Ibid.',
      '3': '(U) A Speech, The Office, April 2021. https://example.org/speech',
    });
  });

  it.skipIf(!pandoc.ok)('pandoc reads the same notes from the .docx', () => {
    const text = squeeze(execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docxFile], { encoding: 'utf8' }));
    expect(text).toContain('(U) Allied Report, Think Tank, April 30, 2021. https://example.org/report');
    expect(text).toContain('(S) Ibid.');
    expect(text).toContain('(U) A Speech, The Office, April 2021. https://example.org/speech');
  });
});
