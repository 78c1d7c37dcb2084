// Bad input: huge paragraphs and tables, endless words, emoji and RTL, placeholders, malformed documents.
import { describe, expect, it } from 'vitest';
import type { Block, ComposedDoc } from '../../../shared/model/composed-doc.js';
import { renderPdf } from '../../../main/pdf/index.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';
import { openPdf, pdftotext, qpdfCheck, textItems } from './read-pdf.js';

const creationDate = new Date('2021-05-04T12:00:00Z');

function docWith(blocks: Block[]): ComposedDoc {
  const doc = sampleIssueBrief();
  doc.sections = [{ key: 's', title: 'S', blocks }];
  doc.notes = [];
  return doc;
}

function bigText(chars: number): string {
  const words = ['policy', 'technology', 'cooperation', 'allies', 'standards', 'export', 'controls', 'research', 'investment', 'democracies', 'the', 'and', 'of'];
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const w = words[(i * 7 + (i >> 3)) % words.length]! + (i % 17 === 16 ? '.' : '');
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

describe('bad input', () => {
  it('sets a 5 MB paragraph (about 1,200 pages) without hanging', { timeout: 180_000 }, async () => {
    const text = bigText(5_000_000);
    const r = await renderPdf(docWith([{ kind: 'paragraph', inlines: [{ kind: 'text', text }] }]), { creationDate });
    expect(r.pageCount).toBeGreaterThan(800);
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const last = pdftotext(r.bytes, { first: r.pageCount, last: r.pageCount }).replace(/\s+/g, ' ');
    expect(last).toContain(text.slice(-40).replace(/\s+/g, ' ').split(' ').slice(1).join(' '));
  });

  it('sets a 10,000-row table with its header on every page', { timeout: 180_000 }, async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [[{ kind: 'text' as const, text: `Row ${i + 1}` }], [{ kind: 'text' as const, text: `value ${i * 3}` }]]);
    const r = await renderPdf(docWith([{ kind: 'table', header: [[{ kind: 'text', text: 'Row label' }], [{ kind: 'text', text: 'Value' }]], rows }]), { creationDate });
    expect(r.pageCount).toBeGreaterThan(150);
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pdf = await openPdf(r.bytes);
    for (const p of [2, Math.floor(r.pageCount / 2), r.pageCount]) {
      expect((await textItems(pdf, p)).some((t) => t.str.trim() === 'Row label'), `page ${p}`).toBe(true);
    }
    expect(pdftotext(r.bytes, { first: r.pageCount, last: r.pageCount })).toContain('Row 10000');
  });

  it('breaks a 2,000-character word by force across lines', async () => {
    const word = 'x'.repeat(2000);
    const r = await renderPdf(docWith([{ kind: 'paragraph', inlines: [{ kind: 'text', text: `Before ${word} after.` }] }]), { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const text = pdftotext(r.bytes);
    expect(text.replace(/\s/g, '')).toContain(`Before${word}after.`);
    const pdf = await openPdf(r.bytes);
    for (const t of await textItems(pdf, 1)) expect(t.x + t.width * (t.str.trimEnd().length / Math.max(1, t.str.length))).toBeLessThanOrEqual(612 - 76 + 0.5);
  });

  it('breaks a long URL at its slashes rather than overflowing', async () => {
    const url = 'https://www.example.org/' + Array.from({ length: 30 }, (_, i) => `segment-${i}`).join('/');
    const r = await renderPdf(docWith([{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'See ' }, { kind: 'text', text: url, href: url }, { kind: 'text', text: ' for details.' }] }]), { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pdf = await openPdf(r.bytes);
    const items = (await textItems(pdf, 1)).filter((t) => t.str.includes('segment'));
    expect(items.length).toBeGreaterThan(1);
    for (const t of items) expect(t.x + t.width).toBeLessThanOrEqual(612 - 76 + 4);
  });

  it('survives emoji, CJK and right-to-left text with warnings instead of silent boxes', async () => {
    const r = await renderPdf(
      docWith([
        { kind: 'heading', level: 1, id: 'h', inlines: [{ kind: 'text', text: 'Emoji 🚀 in a heading' }] },
        { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Mixed: English, עברית, العربية, 中文, 😀👍🏽 and e\u0301 combining.' }] },
        { kind: 'paragraph', inlines: [{ kind: 'text', text: 'مرحبا بالعالم هذا نص عربي طويل بما فيه الكفاية ليلتف على أكثر من سطر واحد في الصفحة '.repeat(4) }] },
      ]),
      { creationDate },
    );
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const w = r.warnings.join('\n');
    expect(w).toContain('U+1F680');
    expect(w).toContain('U+1F600');
    expect(w).toContain('U+4E2D');
    expect(w).toMatch(/right-to-left/);
  });

  it('renders placeholders visibly in bold red', async () => {
    const r = await renderPdf(docWith([{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Funding reached ' }, { kind: 'placeholder', text: '[missing fact: eu-chips-act]' }, { kind: 'text', text: ' last year.' }] }]), { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pdf = await openPdf(r.bytes);
    const items = await textItems(pdf, 1);
    const ph = items.find((t) => t.str.includes('[missing fact: eu-chips-act]'))!;
    expect(ph).toBeDefined();
    expect(ph.fontName).not.toBe(items.find((t) => t.str.includes('Funding reached'))!.fontName);
    const ops = await (await pdf.getPage(1)).getOperatorList();
    const colors = ops.argsArray.filter((a) => typeof a?.[0] === 'string' && /^#[0-9a-f]{6}$/.test(a[0])).map((a) => a[0] as string);
    expect(colors).toContain('#c70d0d');
  });

  it('renders an empty document as one page', async () => {
    const doc = docWith([]);
    doc.sections = [];
    const r = await renderPdf(doc, { creationDate });
    expect(r.pageCount).toBe(1);
    expect(qpdfCheck(r.bytes).ok).toBe(true);
  });

  it('throws a clear error for an unknown template or a document that is not composed', async () => {
    const doc = docWith([]);
    await expect(renderPdf({ ...doc, template: 'poster' as ComposedDoc['template'] })).rejects.toThrow(/unknown template "poster"/);
    await expect(renderPdf({ ...doc, sections: undefined as unknown as ComposedDoc['sections'] })).rejects.toThrow(/not a composed document/);
  });
});
