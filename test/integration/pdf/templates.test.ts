// The three templates on letter and A4, read back: title block, summary box, TOC, memo header, notes, furniture.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../main/pdf/index.js';
import { sampleIssueBrief, sampleMemo, sampleOnePager } from '../../fixtures/pdf/sample-doc.js';
import { allText, annotations, destPage, openPdf, pageSize, pdftotext, qpdfCheck, type PdfJsDoc } from './read-pdf.js';

const creationDate = new Date('2021-05-04T12:00:00Z');

describe('issue brief', () => {
  let bytes: Uint8Array;
  let pdf: PdfJsDoc;
  let pages: string[];
  beforeAll(async () => {
    const r = await renderPdf(sampleIssueBrief(), { creationDate });
    bytes = r.bytes;
    pdf = await openPdf(bytes);
    pages = await allText(pdf);
    expect(r.warnings).toEqual([]);
    expect(r.pageCount).toBe(pdf.numPages);
  });

  it('passes qpdf --check and runs to about a dozen letter pages', async () => {
    expect(qpdfCheck(bytes).ok).toBe(true);
    expect(pdf.numPages).toBeGreaterThanOrEqual(10);
    expect(pdf.numPages).toBeLessThanOrEqual(14);
    expect(await pageSize(pdf, 1)).toEqual({ width: 612, height: 792 });
  });

  it('opens with the title block and the boxed summary "The Issue"', () => {
    const first = pages[0]!;
    for (const s of ['ISSUE BRIEF', 'Allied Technology Cooperation: Priorities', 'How a group of technology-leading democracies', 'Jane Analyst, Omar Researcher', 'May 4, 2021', 'THE ISSUE']) {
      expect(first).toContain(s);
    }
    expect(first.indexOf('ISSUE BRIEF')).toBeLessThan(first.indexOf('THE ISSUE'));
  });

  it('has a table of contents whose page numbers are the pages the headings are on', async () => {
    const layout = pdftotext(bytes, { layout: true, first: 1, last: 2 });
    expect(layout).toContain('CONTENTS');
    const entries = [...layout.matchAll(/^\s*(\S.*?\S)\s*(?:\. )+\.?\s+(\d+)\s*$/gm)].map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }));
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const e of entries) {
      const on = pages[e.page - 1]!;
      // The heading itself (not the contents line) is on that page.
      const occurrences = pages.map((p, i) => (p.includes(e.title) ? i + 1 : 0)).filter(Boolean);
      expect(occurrences, e.title).toContain(e.page);
      expect(on).toContain(e.title);
    }
    // Each contents line is a link to its heading.
    const links = (await annotations(pdf, 1)).filter((a) => a.dest);
    expect(links.length).toBeGreaterThanOrEqual(entries.length);
    for (const a of links.slice(0, entries.length)) expect(await destPage(pdf, a.dest)).toBeGreaterThanOrEqual(1);
  });

  it('sets pull quotes in larger type than the body', async () => {
    const items = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      for (const it of content.items) if ('str' in it) items.push({ str: it.str, size: Math.abs(it.transform[3] as number) });
    }
    const quote = items.find((i) => i.str.includes('Interoperable mechanisms already let data move'));
    const body = items.find((i) => i.str.includes('Democracies that lead in advanced technology'));
    expect(quote!.size).toBeGreaterThan(body!.size * 1.3);
  });

  it('ends with numbered notes carrying clickable source URLs', async () => {
    const notesPage = pages.findIndex((p) => /^Notes$/m.test(p));
    expect(notesPage).toBeGreaterThan(0);
    const tail = pages.slice(notesPage).join('\n');
    expect(tail).toMatch(/1\.\s*Ilan Goldenberg/);
    const uris = (await annotations(pdf, notesPage + 1)).map((a) => a.url).filter(Boolean);
    expect(uris).toContain('https://thediplomat.com/2021/04/what-would-a-us-led-global-technology-alliance-look-like/');
  });

  it('prints "Page X of Y" on every page and the running title from page 2', () => {
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
    for (const p of pages.slice(1)) expect(p).toContain('Allied Technology Cooperation: Priorities and Organization');
  });
});

describe('A4 paper', () => {
  it('lays every template out on A4', async () => {
    for (const make of [sampleIssueBrief, sampleMemo, sampleOnePager]) {
      const r = await renderPdf(make({ paper: 'a4' }), { creationDate });
      const pdf = await openPdf(r.bytes);
      const size = await pageSize(pdf, 1);
      expect(size.width).toBeCloseTo(595.28, 1);
      expect(size.height).toBeCloseTo(841.89, 1);
      expect(qpdfCheck(r.bytes).ok).toBe(true);
    }
  });
});

describe('decision memo', () => {
  let pages: string[];
  let bytes: Uint8Array;
  beforeAll(async () => {
    const r = await renderPdf(sampleMemo(), { creationDate });
    bytes = r.bytes;
    pages = await allText(await openPdf(bytes));
  });

  it('has the DATE / MEMORANDUM FOR / FROM / SUBJECT header in that order', () => {
    const first = pages[0]!;
    const at = ['DATE:', 'MEMORANDUM FOR', 'FROM:', 'SUBJECT:'].map((s) => first.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(first).toContain('Secretary of Commerce');
    expect(first).toContain('Decision on joining a standing technology cooperation group');
    expect(qpdfCheck(bytes).ok).toBe(true);
  });

  it('numbers its body paragraphs 1., 2., 3. ... across sections', () => {
    const text = pdftotext(bytes);
    const numbers = [...text.matchAll(/^(\d+)\.\s/gm)].map((m) => Number(m[1]));
    expect(numbers.slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('ends with Attachments and Prepared by', () => {
    const all = pages.join('\n');
    expect(all).toMatch(/Attachments:\s*As stated/);
    expect(all).toMatch(/Prepared by:\s*Jane Analyst, Office of Technology Policy/);
    expect(all.indexOf('Attachments:')).toBeLessThan(all.indexOf('Prepared by:'));
  });

  it('says SEE DISTRIBUTION for more than 15 addressees and lists them at the end', async () => {
    const doc = sampleMemo();
    doc.meta.memo!.for = Array.from({ length: 18 }, (_, i) => `Addressee ${i + 1}`);
    const r = await renderPdf(doc, { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const text = (await allText(await openPdf(r.bytes))).join('\n');
    expect(text).toContain('SEE DISTRIBUTION');
    expect(text).toContain('DISTRIBUTION:');
    expect(text).toContain('Addressee 18');
  });
});

describe('one-pager', () => {
  it('fits the talking points on one compact page', async () => {
    const r = await renderPdf(sampleOnePager(), { creationDate });
    expect(r.pageCount).toBe(1);
    const text = (await allText(await openPdf(r.bytes)))[0]!.replace(/\s+/g, ' ');
    expect(text).toContain('Talking Points: A Standing Technology Group of Democracies');
    expect(text).toContain('Specialize deliberately:');
    expect(text).toContain('Sources');
    expect(qpdfCheck(r.bytes).ok).toBe(true);
  });
});
