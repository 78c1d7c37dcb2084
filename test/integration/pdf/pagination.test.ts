// Pages: marking banners top and bottom, first-page marking block, manual breaks, headings kept with text, no widows/orphans.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/model/composed-doc.js';
import { layoutDocument, renderPdf } from '../../../main/pdf/index.js';
import type { LineItem } from '../../../main/pdf/flow.js';
import { longBrief, sampleIssueBrief, sampleMemo } from '../../fixtures/pdf/sample-doc.js';
import { allText, openPdf, qpdfCheck, textItems } from './read-pdf.js';

const creationDate = new Date('2021-05-04T12:00:00Z');

describe('markings', () => {
  it('prints the banner centred at the top and bottom of every page, in the title block, and the authority block on page 1 only', async () => {
    const doc = sampleIssueBrief({ banner: 'SECRET//NOFORN', firstPageBlock: ['Classified By: J. Analyst', 'Derived From: Multiple Sources', 'Declassify On: 20460504'] });
    const r = await renderPdf(doc, { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pdf = await openPdf(r.bytes);
    expect(pdf.numPages).toBeGreaterThan(5);
    for (let i = 1; i <= pdf.numPages; i++) {
      const all = (await textItems(pdf, i)).filter((t) => t.str === 'SECRET//NOFORN');
      // Page 1 has a third: the title block's, below the top banner and above the title.
      expect(all.length, `page ${i}`).toBe(i === 1 ? 3 : 2);
      const banners = all.filter((b) => b.y < 30 || b.y > 792 - 30);
      expect(banners.length, `page ${i} edges`).toBe(2);
      const ys = banners.map((b) => b.y).sort((a, b) => a - b);
      expect(ys[0]).toBeLessThan(30); // bottom edge (PDF y grows upwards)
      expect(ys[1]).toBeGreaterThan(792 - 30);
      for (const b of banners) expect(Math.abs(b.x + b.width / 2 - 306)).toBeLessThan(1);
    }
    const pages = await allText(pdf);
    expect(pages[0]).toContain('Classified By: J. Analyst');
    expect(pages[0]).toContain('Declassify On: 20460504');
    for (const p of pages.slice(1)) expect(p).not.toContain('Classified By');
    // The block sits at the foot of page 1, above the footer, below the body text.
    const items = await textItems(pdf, 1);
    const block = items.find((t) => t.str.startsWith('Classified By'))!;
    const body = items.filter((t) => Math.abs(t.height - 10.5) < 0.01);
    expect(Math.min(...body.map((t) => t.y))).toBeGreaterThan(block.y);
  });

  it('prints no banner when the marking is empty', async () => {
    const r = await renderPdf(sampleMemo(), { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pages = await allText(await openPdf(r.bytes));
    expect(pages.join('\n')).not.toMatch(/UNCLASSIFIED|SECRET/);
  });
});

describe('page breaking', () => {
  it('starts a new page at a manual page break', async () => {
    const doc = sampleIssueBrief();
    const blocks = doc.sections[1]!.blocks;
    blocks.splice(2, 0, { kind: 'pagebreak' }, { kind: 'paragraph', inlines: [{ kind: 'text', text: 'This paragraph follows a manual page break.' }] });
    const r = await renderPdf(doc, { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pdf = await openPdf(r.bytes);
    const pages = await allText(pdf);
    const at = pages.findIndex((p) => p.includes('This paragraph follows a manual page break.'));
    const body = pages[at]!.split('\n').filter((l) => l.trim() && !l.startsWith('Allied Technology Cooperation'));
    expect(body[0]).toContain('This paragraph follows a manual page break.');
  });

  it('never leaves a heading at the foot of a page, a paragraph’s first line alone at a foot or its last line alone at a head', () => {
    const laid = layoutDocument(longBrief(60));
    expect(laid.pages.length).toBeGreaterThan(40);
    for (const [i, page] of laid.pages.entries()) {
      const lines = page.placed.filter((p) => p.item.kind === 'line' && p.item.struct && !p.item.struct.type.startsWith('TOC')).map((p) => p.item as LineItem);
      if (!lines.length) continue;
      const last = lines[lines.length - 1]!;
      expect(last.struct!.type, `page ${i + 1} ends with a heading`).not.toMatch(/^H[123]$/);
      // Same struct node as the line before/after on the neighbouring page = a paragraph split there.
      const next = laid.pages[i + 1]?.placed.find((p) => p.item.kind === 'line')?.item as LineItem | undefined;
      if (next && next.struct === last.struct && last.struct!.type === 'P') {
        const onThis = lines.filter((l) => l.struct === last.struct).length;
        const nextPage = laid.pages[i + 1]!.placed.filter((p) => p.item.kind === 'line' && (p.item as LineItem).struct === last.struct).length;
        expect(onThis, `orphan on page ${i + 1}`).toBeGreaterThanOrEqual(2);
        expect(nextPage, `widow on page ${i + 2}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('keeps a body within the page area (nothing drawn into the footer)', () => {
    const laid = layoutDocument(longBrief(30));
    const { height, margin } = laid.theme.page;
    for (const page of laid.pages) {
      for (const p of page.placed) {
        if (p.item.kind === 'gap') continue;
        expect(p.top + p.item.height).toBeLessThanOrEqual(height - margin.bottom + 0.01);
        expect(p.top).toBeGreaterThanOrEqual(margin.top - 0.01);
      }
    }
  });

  it('sets nested lists with deeper indents and their own labels', async () => {
    const doc = sampleIssueBrief();
    const list: Block = {
      kind: 'list',
      ordered: true,
      items: [
        [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'First level one' }] }, { kind: 'list', ordered: false, items: [[{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Second level' }] }, { kind: 'list', ordered: false, items: [[{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Third level' }] }]] }]] }],
        [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'First level two' }] }],
      ],
    };
    doc.sections = [{ key: 'l', title: 'L', blocks: [list] }];
    doc.notes = [];
    const r = await renderPdf(doc, { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const pdf = await openPdf(r.bytes);
    const items = await textItems(pdf, 1);
    const x = (s: string) => items.find((i) => i.str.startsWith(s))!.x;
    expect(x('Second level')).toBeGreaterThan(x('First level one'));
    expect(x('Third level')).toBeGreaterThan(x('Second level'));
    expect(x('First level two')).toBe(x('First level one'));
    const labels = items.map((i) => i.str.trim());
    expect(labels).toContain('1.');
    expect(labels).toContain('2.');
    expect(labels).toContain('–');
    expect(labels).toContain('◦');
  });
});
