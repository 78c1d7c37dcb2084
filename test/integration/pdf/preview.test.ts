// Preview mode: a valid PDF with the export's pages and text, across renders that reuse fonts and lines, export untouched.
import { describe, expect, it } from 'vitest';
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';
import { renderPdf } from '../../../main/pdf/index.js';
import { longBrief, sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';
import { allText, openPdf, pageImages, qpdfCheck } from './read-pdf.js';

const creationDate = new Date('2021-05-04T12:00:00Z');

/** Page texts with whitespace runs made one space: export and preview split text into pieces differently. */
async function texts(bytes: Uint8Array): Promise<string[]> {
  return (await allText(await openPdf(bytes))).map((t) => t.replace(/\s+/g, ' ').trim());
}

async function outlineTitles(bytes: Uint8Array): Promise<string[]> {
  const titles: string[] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null) => {
    for (const it of items ?? []) {
      titles.push(it.title);
      walk(it.items as { title: string; items: unknown[] }[]);
    }
  };
  walk(await (await openPdf(bytes)).getOutline());
  return titles;
}

/** Accents (composite glyphs, combining marks), Arabic and Hebrew: glyphs the Latin text never uses. */
function scripts(): ComposedDoc {
  const doc = sampleIssueBrief();
  const texts = ['Café, naïve, façade, Zürich, Ångström, señor.', 'e\u0301 a\u0300 o\u0302 combining marks.', 'العربية نص قصير', 'עברית טקסט קצר'];
  doc.sections = [{ key: 's', title: 'Scripts', blocks: texts.map((text) => ({ kind: 'paragraph' as const, inlines: [{ kind: 'text' as const, text }] })) }];
  doc.notes = [];
  return doc;
}

/** The first paragraph of the body with one word replaced. */
function edited(doc: ComposedDoc, from: string, to: string): ComposedDoc {
  const copy = structuredClone(doc);
  for (const block of copy.sections.flatMap((s) => s.blocks)) {
    if (block.kind !== 'paragraph') continue;
    for (const inline of block.inlines) {
      if (inline.kind === 'text' && inline.text.includes(from)) {
        inline.text = inline.text.replace(from, to);
        return copy;
      }
    }
  }
  throw new Error(`no paragraph with "${from}"`);
}

describe('preview mode', () => {
  it('writes a valid PDF with the export’s pages, text and bookmarks, also when fonts and lines come from earlier previews', async () => {
    for (const doc of [sampleIssueBrief(), longBrief(12), scripts(), sampleIssueBrief()]) {
      const exported = await renderPdf(doc, { creationDate });
      // Twice: the second preview writes every line from the cache and every font from the shared subsets.
      for (let i = 0; i < 2; i++) {
        const preview = await renderPdf(doc, { creationDate, preview: true });
        const check = qpdfCheck(preview.bytes);
        expect(check.ok, check.output).toBe(true);
        expect(preview.pageCount).toBe(exported.pageCount);
        expect(await texts(preview.bytes)).toEqual(await texts(exported.bytes));
        expect(await outlineTitles(preview.bytes)).toEqual(await outlineTitles(exported.bytes));
      }
    }
  });

  it('draws the same pages as the export (poppler), with glyph widths right after other documents grew the shared subsets', async () => {
    const doc = sampleIssueBrief();
    await renderPdf(scripts(), { creationDate, preview: true });
    await renderPdf(longBrief(12), { creationDate, preview: true });
    const preview = pageImages((await renderPdf(doc, { creationDate, preview: true })).bytes);
    const exported = pageImages((await renderPdf(doc, { creationDate })).bytes);
    expect(preview.map((p) => [p.width, p.height])).toEqual(exported.map((p) => [p.width, p.height]));
    preview.forEach((page, i) => {
      // Anti-aliasing may differ where a coordinate rounds differently (lines are placed by a translation); a
      // wrong width or glyph would move whole words: count only strong differences.
      const other = exported[i]!.pixels;
      let strong = 0;
      for (let k = 0; k < page.pixels.length; k++) if (Math.abs(page.pixels[k]! - other[k]!) > 96) strong++;
      expect(strong, `page ${i + 1}`).toBeLessThan(page.pixels.length / 10_000);
    });
  });

  it('is untagged and uncompressed, while export stays tagged and deflated', async () => {
    const doc = sampleIssueBrief();
    const preview = Buffer.from((await renderPdf(doc, { creationDate, preview: true })).bytes).toString('latin1');
    const exported = Buffer.from((await renderPdf(doc, { creationDate })).bytes).toString('latin1');
    expect(preview).not.toContain('/StructTreeRoot');
    expect(preview).not.toContain('/FlateDecode');
    expect(exported).toContain('/StructTreeRoot');
    expect(exported).toContain('/FlateDecode');
  });

  it('changes only the edited page’s text after a one-word edit', async () => {
    const doc = sampleIssueBrief();
    const before = await texts((await renderPdf(doc, { creationDate, preview: true })).bytes);
    const after = await texts((await renderPdf(edited(doc, 'Democracies that lead', 'Republics that lead'), { creationDate, preview: true })).bytes);
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((t, i) => (t === before[i] ? [] : [i]));
    expect(changed).toHaveLength(1);
    const page = changed[0]!;
    expect(before[page]).toContain('Democracies that lead');
    expect(after[page]).toContain('Republics that lead');
  });

  it('leaves export bytes as they were: a preview in between changes nothing', async () => {
    const doc = sampleIssueBrief();
    const first = await renderPdf(doc, { creationDate });
    await renderPdf(scripts(), { creationDate, preview: true });
    await renderPdf(doc, { creationDate, preview: true });
    const again = await renderPdf(doc, { creationDate });
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });
});
