// Text layer and fonts: justified lines keep real spaces, every font embedded, fallback fonts, named missing glyphs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';
import { renderPdf } from '../../../main/pdf/index.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';
import { allText, openPdf, pdffonts, pdftotext, qpdfCheck, textItems } from './read-pdf.js';

const creationDate = new Date('2021-05-04T12:00:00Z');

function withParagraphs(texts: string[]): ComposedDoc {
  const doc = sampleIssueBrief();
  doc.sections = [{ key: 's', title: 'S', blocks: texts.map((text) => ({ kind: 'paragraph' as const, inlines: [{ kind: 'text' as const, text }] })) }];
  doc.notes = [];
  return doc;
}

describe('justified text layer', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await renderPdf(sampleIssueBrief(), { creationDate })).bytes;
    expect(qpdfCheck(bytes).ok).toBe(true);
  });

  it('keeps the spaces between words (pdftotext)', () => {
    const text = pdftotext(bytes).replace(/-\n/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('Democracies that lead in advanced technology share an interest that none of them can secure alone');
    expect(text).toContain('A standing group of roughly a dozen technology-leading democracies could change that.');
    // No words glued together across a justified line (the pdfkit justify bug).
    expect(text).not.toMatch(/Democraciesthat|thatlead|advancedtechnology/);
  });

  it('keeps the spaces between words (pdfjs), also at line ends', async () => {
    const pdf = await openPdf(bytes);
    // pdfjs trims the (invisible) space that ends a line, so a line end counts as a space.
    const joined = (await allText(pdf)).join('').replace(/-\n/g, '').replace(/\n/g, ' ');
    expect(joined).toContain('keeping the rules, supply chains and research networks of the coming decades open, trustworthy and resilient.');
  });

  it('fills justified lines to the same right edge', async () => {
    const pdf = await openPdf(bytes);
    const items = await textItems(pdf, 2);
    // Lines of body text (10.5 pt serif) that are not the last of their paragraph end at the margin.
    const byLine = new Map<number, { left: number; right: number }>();
    for (const it of items) {
      if (Math.abs(it.height - 10.5) > 0.01 || !it.str.trim()) continue;
      const y = Math.round(it.y);
      const e = byLine.get(y) ?? { left: Infinity, right: -Infinity };
      e.left = Math.min(e.left, it.x);
      // A trailing space extends past the last word; measure visible glyphs only.
      e.right = Math.max(e.right, it.x + it.width * (it.str.trimEnd().length / it.str.length));
      byLine.set(y, e);
    }
    const rights = [...byLine.values()].map((e) => e.right);
    const margin = Math.max(...rights);
    const full = rights.filter((r) => Math.abs(r - margin) < 1.5);
    expect(full.length).toBeGreaterThan(rights.length * 0.6);
  });
});

describe('fonts', () => {
  it('embeds and subsets every font and never uses a standard font', async () => {
    const r = await renderPdf(sampleIssueBrief(), { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const fonts = pdffonts(r.bytes);
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+(SourceSerifPro|SourceSansPro|NotoSans|DejaVuSansMono)/);
    }
    expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica|Times|Courier/);
  });

  it('draws Greek, Cyrillic, Hebrew and Arabic in fonts that have them, and names what no font has', async () => {
    const r = await renderPdf(
      withParagraphs(['Greek αβγ Δ, Cyrillic Привет мир, IPA ɐ, a star ★ and an arrow ⟶.', 'Hebrew: שלום עולם. Arabic: مرحبا بالعالم.', 'Emoji 😀 and Chinese 中文.']),
      { creationDate },
    );
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const names = pdffonts(r.bytes).map((f) => f.name);
    expect(names.some((n) => n.includes('NotoSansHebrew'))).toBe(true);
    expect(names.some((n) => n.includes('NotoSansArabic'))).toBe(true);
    expect(names.some((n) => n.includes('NotoSans-Regular'))).toBe(true); // ɐ
    expect(names.some((n) => n.includes('NotoSansSymbols2'))).toBe(true); // ★
    expect(names.some((n) => n.includes('DejaVuSansMono'))).toBe(true); // ⟶, the last resort
    expect(r.warnings.join('\n')).not.toMatch(/ɐ|★|⟶/);
    const text = pdftotext(r.bytes);
    expect(text).toContain('Привет мир');
    expect(text).toContain('αβγ');
    expect(r.warnings.join('\n')).toContain('"😀" (U+1F600)');
    expect(r.warnings.join('\n')).toContain('"中" (U+4E2D)');
    expect(r.warnings.join('\n')).toMatch(/right-to-left/);
  });

  it('sets a right-to-left paragraph right to left, aligned right', async () => {
    const r = await renderPdf(withParagraphs(['שלום עולם']), { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pdf = await openPdf(r.bytes);
    const items = (await textItems(pdf, 1)).filter((i) => /[\u0590-\u05ff]/.test(i.str));
    expect(items.length).toBeGreaterThan(0);
    const right = Math.max(...items.map((i) => i.x + i.width));
    // Page is 612 wide with 76 pt margins: the line ends at the right margin.
    expect(right).toBeGreaterThan(612 - 76 - 15);
    // "שלום" (first word) sits to the right of "עולם".
    const text = items.map((i) => i.str).join('');
    expect(text.replace(/\s/g, '').length).toBeGreaterThanOrEqual(8);
  });
});
