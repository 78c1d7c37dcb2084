// Tagged PDF read back: structure roles, language, title display, links with structure parents, bookmarks.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../main/pdf/index.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';
import { allText, annotations, destPage, openPdf, qpdfCheck, structRoles, structTree, type PdfJsDoc, type StructNodeOut } from './read-pdf.js';

const creationDate = new Date('2021-05-04T12:00:00Z');

describe('tagged structure', () => {
  let bytes: Uint8Array;
  let pdf: PdfJsDoc;
  let raw: string;
  beforeAll(async () => {
    const doc = sampleIssueBrief();
    doc.language = 'en-GB';
    bytes = (await renderPdf(doc, { creationDate })).bytes;
    pdf = await openPdf(bytes);
    raw = Buffer.from(bytes).toString('latin1');
    expect(qpdfCheck(bytes).ok).toBe(true);
  });

  it('uses the standard roles for headings, paragraphs, lists, tables, links, notes and the contents', async () => {
    const roles = new Set(await structRoles(pdf));
    for (const r of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Link', 'Note', 'TOC', 'TOCI', 'BlockQuote', 'Caption', 'Div']) {
      expect(roles, r).toContain(r);
    }
  });

  it('nests list items as LI > Lbl + LBody, label first', async () => {
    const lists: StructNodeOut[] = [];
    const find = (n: StructNodeOut) => {
      if (n.role === 'LI') lists.push(n);
      n.children?.forEach(find);
    };
    for (let i = 1; i <= pdf.numPages; i++) find(await structTree(pdf, i));
    expect(lists.length).toBeGreaterThan(3);
    for (const li of lists.slice(0, 3)) expect(li.children?.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
  });

  it('marks table header cells as column headers', () => {
    expect(raw).toMatch(/\/S \/TH\s*\/A <<\s*\/O \/Table\s*\/Scope \/Column/);
  });

  it('sets the language, shows the title in the window bar and marks the document as tagged', async () => {
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    const md = await pdf.getMetadata();
    const info = md.info as Record<string, string>;
    expect(info.Title).toBe('Allied Technology Cooperation: Priorities and Organization');
    expect(info.Author).toBe('Jane Analyst, Omar Researcher');
    expect(info.Subject).toBe('Allied technology cooperation');
    expect(info.Keywords).toBe('technology, alliances, standards, export controls');
  });

  it('attaches every link annotation to the structure tree (internal ones too)', async () => {
    let internal = 0;
    let external = 0;
    for (let i = 1; i <= pdf.numPages; i++) {
      for (const a of await annotations(pdf, i)) {
        expect(a.structParent, JSON.stringify(a.dest ?? a.url)).toBeGreaterThanOrEqual(0);
        if (a.dest) internal++;
        if (a.url) external++;
      }
    }
    expect(internal).toBeGreaterThan(10);
    expect(external).toBeGreaterThan(5);
  });

  it('links each note marker to its note in the Notes section', async () => {
    const pages = await allText(pdf);
    const notesStart = pages.findIndex((p) => /^Notes$/m.test(p)) + 1;
    let checked = 0;
    for (let i = 1; i < notesStart; i++) {
      for (const a of await annotations(pdf, i)) {
        if (typeof a.dest !== 'string' || !a.dest.startsWith('note-')) continue;
        const target = await destPage(pdf, a.dest);
        expect(target).toBeGreaterThanOrEqual(notesStart);
        const n = a.dest.slice('note-'.length);
        expect(pages[target - 1]).toMatch(new RegExp(`(^|\\n)${n}\\.`));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('has a bookmark for every heading, H2 nested under its H1', async () => {
    const outline = (await pdf.getOutline()) as { title: string; dest: unknown; items: { title: string; dest: unknown }[] }[];
    const titles = outline.map((o) => o.title);
    expect(titles).toEqual(['Why a Technology Group Now', 'Setting Priorities Together', 'Data and Standards', 'Protecting What Matters', 'Organizing the Effort', 'Notes']);
    expect(outline[1]!.items.map((i) => i.title)).toEqual(['A Common Map of Capabilities', 'Joint Research Calls', 'Avoiding Duplicate Subsidies']);
    const pages = await allText(pdf);
    for (const o of outline) {
      const page = await destPage(pdf, o.dest);
      expect(pages[page - 1]).toContain(o.title);
    }
  });
});
