// The three example briefs exported to Word by `briefing export`, read back with JSZip and mammoth: real Word structure.
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/run.js';
import { bundledLibraryDir, examplesDir } from '../../../main/services/app-paths.js';
import { readBriefFile } from '../../../main/services/documents/brief-file.js';
import { LibraryService } from '../../../main/services/library-service.js';
import { compose } from '../../../shared/compose/index.js';
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';
import { recorder } from '../../support/cli.js';
import { useTempDir } from '../../support/hooks.js';
import { all, furnitureParts, part, readDocx, textOf, type DocxParts } from './docx-parts.js';

const EXAMPLES = ['t12-issue-brief', 'decision-memo', 'one-pager'] as const;
const dir = useTempDir('briefing-docx-', 'all');
const docs = new Map<string, { doc: ComposedDoc; parts: DocxParts; file: string }>();

beforeAll(async () => {
  process.env.BRIEFING_TODAY = '2026-11-25';
  const library = new LibraryService([{ dir: bundledLibraryDir(), kind: 'bundled', readOnly: true }]);
  await library.load();
  for (const name of EXAMPLES) {
    const brief = path.join(examplesDir(), `${name}.brief`);
    const file = path.join(dir(), `${name}.docx`);
    const io = recorder();
    const code = await main(['export', brief, '--out', file], io);
    if (code !== 0) throw new Error(`export of ${name} failed: ${io.err.join('\n')}`);
    const doc = compose(await readBriefFile(brief), library.library(), { today: new Date('2026-11-25T00:00:00Z') });
    docs.set(name, { doc, parts: await readDocx(file), file });
  }
});

const get = (name: (typeof EXAMPLES)[number]) => docs.get(name)!;
const styleIdsUsed = (xml: string) => new Set(all(xml, /<w:pStyle w:val="([^"]+)"/));

describe('Word export of the examples', () => {
  it('defines the named styles a clearance editor restyles, and the body uses them', () => {
    const { parts } = get('t12-issue-brief');
    const styles = part(parts, 'word/styles.xml');
    const names = all(styles, /<w:name w:val="([^"]+)"/).map((n) => n.toLowerCase());
    for (const n of ['normal', 'title', 'subtitle', 'heading 1', 'heading 2', 'heading 3', 'list bullet', 'list number', 'quote', 'pull quote', 'summary box', 'briefing table', 'endnote text', 'endnote reference', 'toc 1']) {
      expect(names, n).toContain(n);
    }
    expect(styles).toMatch(/<w:style [^>]*w:type="table"[^>]*w:styleId="BriefingTable"/);
    const used = styleIdsUsed(part(parts, 'word/document.xml'));
    for (const id of ['Title', 'Subtitle', 'Heading1', 'Heading2', 'ListBullet', 'PullQuote', 'SummaryBox', 'SummaryBoxTitle', 'TableHeading', 'TableText']) expect(used, id).toContain(id);
    expect(part(parts, 'word/document.xml')).toContain('<w:tblStyle w:val="BriefingTable"/>');
  });

  it('has one Word endnote per PDF note, referenced in order, each source a clickable http(s) link', () => {
    for (const name of EXAMPLES) {
      const { doc, parts } = get(name);
      const body = part(parts, 'word/document.xml');
      const endnotes = part(parts, 'word/endnotes.xml');
      const ids = all(endnotes, /<w:endnote w:id="(\d+)"/).filter((id) => Number(id) > 0);
      expect(ids.length, name).toBe(doc.notes.length);
      // First references come in note order 1, 2, 3...: Word numbers endnotes by reference order, so it shows the PDF's numbers.
      expect(all(body, /<w:endnoteReference w:id="(\d+)"/).map(Number), name).toEqual(doc.notes.map((n) => n.n));
      const rels = part(parts, 'word/_rels/endnotes.xml.rels');
      const targets = all(rels, /Target="([^"]+)" TargetMode="External"/).map((t) => t.replace(/&amp;/g, '&'));
      for (const note of doc.notes) if (note.url) expect(targets, `${name} note ${note.n}`).toContain(note.url);
      expect(endnotes).toContain('<w:rStyle w:val="Hyperlink"/>');
    }
  });

  it('refers back to a note cited twice instead of making a second note (NOTEREF to the first mark)', () => {
    const { parts } = get('t12-issue-brief');
    const body = part(parts, 'word/document.xml');
    const refs = all(body, /NOTEREF (_RefNote\d+) \\f \\h/);
    expect(refs.length).toBeGreaterThan(0);
    for (const bookmark of refs) expect(body).toContain(`w:name="${bookmark}"`);
  });

  it('limits every hyperlink to http, https or mailto', () => {
    for (const name of EXAMPLES) {
      const { parts } = get(name);
      const targets = Object.entries(parts.xml)
        .filter(([file]) => file.endsWith('.rels'))
        .flatMap(([, xml]) => all(xml, /<Relationship [^>]*Type="[^"]*\/hyperlink"[^>]*Target="([^"]+)"/));
      expect(targets.length, name).toBeGreaterThan(0);
      for (const t of targets) expect(t, name).toMatch(/^(https?:\/\/|mailto:)/);
    }
  });

  it('repeats every table header row (w:tblHeader) and keeps rich text in cells', () => {
    const { parts, doc } = get('t12-issue-brief');
    const body = part(parts, 'word/document.xml');
    const tables = body.split('<w:tbl>').slice(1);
    const dataTables = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table').length;
    const withHeader = tables.filter((t) => /^(?:(?!<w:tr>).)*<w:tr>(?:(?!<\/w:tr>).)*<w:tblHeader\/>/s.test(t));
    expect(withHeader.length).toBe(dataTables);
    expect(tables.some((t) => /<w:b\/>/.test(t))).toBe(true);
  });

  it('puts a real TOC field, already filled with linked entries, before the first heading', () => {
    const { parts, doc } = get('t12-issue-brief');
    const body = part(parts, 'word/document.xml');
    expect(body).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-\d&quot;<\/w:instrText>/);
    const toc = body.slice(body.indexOf('<w:sdt>'), body.indexOf('</w:sdt>'));
    const h1 = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'heading' && b.level === 1);
    // The headings of the sections, then the Notes heading over the endnotes (a Heading 1 that Word would list on update too).
    expect(all(toc, /<w:hyperlink [^>]*w:anchor="([^"]+)"/).length).toBe(h1.length + 1);
    expect(textOf(toc)).toMatch(/Notes$/);
    expect(body.indexOf('<w:sdt>')).toBeLessThan(body.indexOf('<w:pStyle w:val="Heading1"/>'));
  });

  it('carries the banner top and bottom, the running title, Page X of Y as PAGE/NUMPAGES and the designation block', () => {
    const { parts, doc } = get('decision-memo');
    expect(doc.marking.banner).toBe('CUI');
    const headers = furnitureParts(parts, 'header');
    const footers = furnitureParts(parts, 'footer');
    expect(Object.keys(headers).sort()).toEqual(['default', 'first']);
    for (const xml of [...Object.values(headers), ...Object.values(footers)]) expect(textOf(xml)).toContain('CUI');
    expect(textOf(headers.default!)).toContain(doc.meta.title);
    for (const xml of Object.values(footers)) {
      expect(xml).toMatch(/PAGE/);
      expect(xml).toMatch(/NUMPAGES/);
      expect(textOf(xml)).toMatch(/Page .* of /);
    }
    for (const line of doc.marking.firstPageBlock) expect(textOf(footers.first!)).toContain(line);
    expect(part(parts, 'word/document.xml')).toContain('<w:titlePg/>');
  });

  it('keeps portion marks and lays the memo header out as the PDF does', () => {
    const { parts, doc } = get('decision-memo');
    const body = part(parts, 'word/document.xml');
    const text = textOf(body);
    expect(text).toContain('(U) ');
    expect(text).toContain('(CUI) ');
    const labels = all(body, /<w:pStyle w:val="MemoHeader"\/>.*?<w:t[^>]*>([^<]+)<\/w:t>/);
    expect(labels.slice(0, 4)).toEqual(['DATE:', 'MEMORANDUM FOR', 'FROM:', 'SUBJECT:']);
    for (const v of [doc.meta.date, ...(doc.meta.memo?.for ?? []), doc.meta.memo!.from, doc.meta.memo!.subject]) expect(text).toContain(v);
    // Numbered memo paragraphs use their own numbering definition, as 1., 2. in the PDF.
    expect(body).toContain('<w:pStyle w:val="MemoParagraph"/>');
  });

  it('sets the document language and the core properties', () => {
    const { parts, doc } = get('t12-issue-brief');
    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain(`<dc:title>${doc.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${doc.meta.authors.join('; ')}</dc:creator>`);
    expect(core).toContain(`<cp:keywords>${doc.meta.keywords.join(', ')}</cp:keywords>`);
    expect(core).toMatch(/<dc:subject>[^<]+<\/dc:subject>/);
    expect(part(parts, 'word/styles.xml')).toMatch(/<w:docDefaults>.*<w:lang w:val="en-US"/s);
  });

  it('gets the page size and margins of each template, and embeds the fonts it names', () => {
    const expected: Record<string, { top: number; left: number }> = { 't12-issue-brief': { top: 1560, left: 1520 }, 'decision-memo': { top: 1440, left: 1440 }, 'one-pager': { top: 1120, left: 1080 } };
    for (const name of EXAMPLES) {
      const { parts } = get(name);
      const body = part(parts, 'word/document.xml');
      expect(body, name).toContain('<w:pgSz w:w="12240" w:h="15840"');
      expect(body, name).toMatch(new RegExp(`<w:pgMar w:top="${expected[name]!.top}"[^>]*w:left="${expected[name]!.left}"`));
      expect(part(parts, 'word/fontTable.xml'), name).toMatch(/<w:font w:name="Source Serif Pro">.*?<w:embedRegular /s);
    }
  });

  it('reads in mammoth (a reader that is not ours) with the section titles as headings, in order', async () => {
    for (const name of ['t12-issue-brief', 'decision-memo'] as const) {
      const { doc, file } = get(name);
      const html = (await mammoth.convertToHtml({ path: file })).value;
      const headings = all(html, /<h1>(?:<a id="[^"]*"><\/a>)*([^<]*)/).map((h) => h.trim());
      const titles = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? `${b.portion ? `${b.portion} ` : ''}${b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')}` : ''));
      expect(headings.slice(0, titles.length), name).toEqual(titles);
      expect(html).toContain('<li>');
    }
  });
});
