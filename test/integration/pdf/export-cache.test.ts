// The export's process-wide caches (word shapes, each line's text operators) never change the bytes: hot, cold, or after other documents.
import { describe, expect, it } from 'vitest';
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';
import PDFDocument from 'pdfkit';
import { runsOps } from '../../../main/pdf/content-ops.js';
import { DocumentFonts } from '../../../main/pdf/document-fonts.js';
import { cachedRunsOps, keepLinesBetweenExports, resetHistories, trackSubset } from '../../../main/pdf/export-line-cache.js';
import { loadFonts } from '../../../main/pdf/fonts.js';
import { findAssetsDir, renderPdf } from '../../../main/pdf/index.js';
import type { Run } from '../../../main/pdf/layout-types.js';
import type { PdfDoc } from '../../../main/pdf/pdfkit-api.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';
import { allText, openPdf, qpdfCheck } from './read-pdf.js';

const creationDate = new Date('2021-05-04T00:00:00Z');

/**
 * The brief with its first paragraph's first word swapped for `word`: new characters early on give every later
 * glyph another subset id, while later lines (the same objects from the paragraph memo) stay where they were.
 */
function edited(word: string): ComposedDoc {
  const doc = structuredClone(sampleIssueBrief());
  const para = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'paragraph');
  const first = para?.kind === 'paragraph' ? para.inlines[0] : undefined;
  if (first?.kind !== 'text') throw new Error('fixture has no paragraph starting with text');
  first.text = first.text.replace(/^\S+/, word);
  return doc;
}

const render = async (doc: ComposedDoc, pdfa = false) => Buffer.from((await renderPdf(doc, { creationDate, pdfa })).bytes);

describe('export caches', () => {
  it('gives the same bytes with a cold cache, a hot one, and one filled by other documents', async () => {
    const brief = sampleIssueBrief();
    resetHistories();
    const cold = await render(brief);
    const hot = await render(brief);
    expect(hot.equals(cold)).toBe(true);

    // Other documents in between: same paragraphs, other subset ids (a new glyph first), and PDF/A.
    const other = edited('Qƒ¶ž');
    const otherAfterBrief = await render(other);
    await render(brief, true);
    expect((await render(brief)).equals(cold)).toBe(true);
    resetHistories();
    const otherCold = await render(other);
    expect(otherAfterBrief.equals(otherCold)).toBe(true);
    expect(otherCold.equals(cold)).toBe(false);

    // And the file is sound, with the added text where it was put.
    expect(qpdfCheck(otherAfterBrief)).toMatchObject({ ok: true });
    const pdf = await openPdf(otherAfterBrief);
    expect((await allText(pdf)).join('\n')).toContain('Qƒ¶ž');
  });

  it('gives the same bytes when lines are not kept between exports (a one-document process)', async () => {
    const brief = sampleIssueBrief();
    const kept = await render(brief, true);
    keepLinesBetweenExports(false);
    try {
      expect((await render(brief, true)).equals(kept)).toBe(true);
      expect((await render(edited('Qƒ¶ž'))).equals(await render(edited('Qƒ¶ž')))).toBe(true);
    } finally {
      keepLinesBetweenExports(true);
    }
    resetHistories();
    expect((await render(brief, true)).equals(kept)).toBe(true);
  });

  it('reuses a line only when the subset got to the same state (glyph ids in another order are encoded again)', () => {
    const fontSet = loadFonts(findAssetsDir());
    /** A document whose serif subset first took in `before`, then draws `run` (cached or not). */
    const draw = (before: string, run: Run, cached: boolean) => {
      const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string }) as unknown as PdfDoc;
      doc.addPage({ size: [600, 800], margin: 0 });
      const fonts = new DocumentFonts(doc, fontSet, (_face, f) => {
        trackSubset(f);
        return new Map();
      });
      runsOps(fonts, [{ ...run, text: before }], 0, 0);
      return (cached ? cachedRunsOps : runsOps)(fonts, [run], 10, 20);
    };
    const run: Run = { x: 0, text: 'quiz jumps', face: 'serif', size: 10, color: [0, 0, 0], rise: 0, spaceExtra: 0, width: 50, role: 'text' };
    resetHistories();
    const first = draw('zq', run, true);
    expect(first).toBe(draw('zq', run, false));
    // Same run object and place, subset taken in another order: other glyph ids, so not the cached operators.
    const other = draw('qz', run, true);
    expect(other).toBe(draw('qz', run, false));
    expect(other).not.toBe(first);
    expect(draw('zq', run, true)).toBe(first);
  });
});
