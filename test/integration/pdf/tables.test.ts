// Tables read back: header row on every page, rich text in cells, wide tables fitted to the page width.
import { describe, expect, it } from 'vitest';
import type { ComposedDoc, Inline, TableBlock } from '../../../shared/model/composed-doc.js';
import { renderPdf } from '../../../main/pdf/index.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';
import { annotations, openPdf, pdffonts, qpdfCheck, structRoles, textItems } from './read-pdf.js';

const creationDate = new Date('2021-05-04T12:00:00Z');
const t = (text: string, extra: Partial<Extract<Inline, { kind: 'text' }>> = {}): Inline => ({ kind: 'text', text, ...extra });

function docWithTable(table: TableBlock): ComposedDoc {
  const doc = sampleIssueBrief();
  doc.sections = [{ key: 't', title: 'T', blocks: [{ kind: 'heading', level: 1, id: 't', inlines: [t('Tables')] }, table] }];
  doc.notes = [];
  return doc;
}

describe('tables', () => {
  it('repeats the header row at the top of every page the table runs onto', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [[t(`Row ${i + 1}`)], [t(`Value ${i + 1}`)], [t('A longer cell with several words in it so that some rows wrap onto two lines')]]);
    const r = await renderPdf(docWithTable({ kind: 'table', header: [[t('Name')], [t('Figure')], [t('Comment')]], rows }), { creationDate });
    const pdf = await openPdf(r.bytes);
    expect(pdf.numPages).toBeGreaterThanOrEqual(3);
    let lastRowSeen = 0;
    for (let i = 1; i <= pdf.numPages; i++) {
      const items = await textItems(pdf, i);
      const header = items.find((it) => it.str.trim() === 'Comment');
      const rowsHere = items.filter((it) => /^Row \d+/.test(it.str));
      if (!rowsHere.length) continue;
      expect(header, `header on page ${i}`).toBeDefined();
      // The header is above every row on the page.
      for (const row of rowsHere) expect(header!.y).toBeGreaterThan(row.y);
      const first = Number(/^Row (\d+)/.exec(rowsHere[0]!.str)![1]);
      expect(first).toBe(lastRowSeen + 1);
      lastRowSeen = Number(/^Row (\d+)/.exec(rowsHere[rowsHere.length - 1]!.str)![1]);
    }
    expect(lastRowSeen).toBe(120);
    expect(qpdfCheck(r.bytes).ok).toBe(true);
  });

  it('keeps rich text in cells: bold, italic, links and note markers', async () => {
    const doc = docWithTable({
      kind: 'table',
      header: [[t('Technology')], [t('Notes')]],
      rows: [
        [[t('Semiconductors', { bold: true })], [t('See '), t('the report', { href: 'https://example.org/report' }), t(' and '), t('in particular', { italic: true }), { kind: 'note', n: 1 }]],
        [[t('Quantum', { code: true })], [{ kind: 'placeholder', text: '[missing fact: quantum-funding]' }]],
      ],
    });
    doc.notes = [{ n: 1, text: 'A source.', url: 'https://example.org/source' }];
    const r = await renderPdf(doc, { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pdf = await openPdf(r.bytes);
    const items = await textItems(pdf, 1);
    const fontOf = (s: string) => items.find((i) => i.str.includes(s))!.fontName;
    expect(fontOf('Semiconductors')).not.toBe(fontOf('See'));
    expect(fontOf('in particular')).not.toBe(fontOf('See'));
    const names = pdffonts(r.bytes).map((f) => f.name);
    expect(names.some((n) => n.includes('SourceSansPro-Bold'))).toBe(true);
    expect(names.some((n) => n.includes('SourceSansPro-It'))).toBe(true);
    expect(names.some((n) => n.includes('DejaVuSansMono'))).toBe(true);
    expect(items.map((i) => i.str).join('')).toContain('[missing fact: quantum-funding]');
    const links = await annotations(pdf, 1);
    expect(links.some((a) => a.url === 'https://example.org/report')).toBe(true);
    expect(links.some((a) => a.dest === 'note-1')).toBe(true);
    const roles = await structRoles(pdf);
    expect(roles.filter((x) => x === 'TH')).toHaveLength(2);
    expect(roles.filter((x) => x === 'TD')).toHaveLength(4);
  });

  it('fits a very wide table inside the margins by shrinking type and wrapping', async () => {
    const columns = 12;
    const header = Array.from({ length: columns }, (_, c) => [t(`Column heading ${c + 1}`)]);
    const rows = Array.from({ length: 5 }, (_, r) => Array.from({ length: columns }, (_, c) => [t(`Cell ${r + 1}.${c + 1} with interoperability considerations`)]));
    const r = await renderPdf(docWithTable({ kind: 'table', header, rows }), { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pdf = await openPdf(r.bytes);
    const items = (await textItems(pdf, 1)).filter((i) => /Cell|Column/.test(i.str));
    expect(items.length).toBeGreaterThan(columns * 5);
    for (const i of items) {
      expect(i.x).toBeGreaterThanOrEqual(76 - 0.5);
      expect(i.x + i.width * (i.str.trimEnd().length / i.str.length)).toBeLessThanOrEqual(612 - 76 + 0.5);
    }
    // Shrunk below the 9 pt table text, but not below the minimum.
    const size = Math.min(...items.map((i) => i.height));
    expect(size).toBeLessThan(9);
    expect(size).toBeGreaterThanOrEqual(6.5 - 0.01);
    // Even at the minimum size "interoperability" is wider than a column: it is hyphenated, and the export says so.
    expect(r.warnings.join('\n')).toMatch(/too wide for the page/);
  });

  it('shrinks a moderately wide table without hyphenating its words', async () => {
    const columns = 8;
    const header = Array.from({ length: columns }, (_, c) => [t(`Heading ${c + 1}`)]);
    const rows = Array.from({ length: 3 }, () => Array.from({ length: columns }, () => [t('Semiconductors quantum')]));
    const r = await renderPdf(docWithTable({ kind: 'table', header, rows }), { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    expect(r.warnings).toEqual([]);
    const items = (await textItems(await openPdf(r.bytes), 1)).filter((i) => /Semiconductors|quantum/.test(i.str));
    for (const i of items) expect(i.str).not.toMatch(/-\s*$/);
  });
});
