// What the bounded layout prints, read back from real PDFs: long titles cut with an ellipsis in the running header and the contents, long words split with every character kept, repeated titles with unique ids.
import { describe, expect, it } from 'vitest';
import { compose } from '../../../shared/compose/index.js';
import { slug } from '../../../shared/compose/blocks.js';
import { parseBriefJson } from '../../../shared/model/parse-brief.js';
import { emptyLibrary } from '../../../shared/model/library.js';
import { renderPdf } from '../../../main/pdf/index.js';
import { readPdfText } from '../../support/read-pdf.js';
import { briefText, emptyTitlesBrief, longTitleBrief, longWord, longWordBrief } from './inputs.js';

const TODAY = new Date('2026-11-25T00:00:00Z');
const render = async (text: string) => {
  const doc = compose(parseBriefJson(text, 'test.brief'), emptyLibrary(), { today: TODAY });
  const pdf = await renderPdf(doc, { creationDate: new Date('2026-11-25T00:00:00Z') });
  return { doc, pdf, text: await readPdfText(pdf.bytes) };
};
const squash = (s: string) => s.replace(/\s+/g, '');
/** The running title of a page after the first: pdf.js reads it as one line with the date beside it. */
const DATE = ' November 25, 2026';
const headerOf = (page: string) => page.split('\n').find((l) => l.endsWith(DATE))?.slice(0, -DATE.length);

describe('running header and contents', () => {
  it('a title too long for the header is cut there with an ellipsis, and set whole on the first page', async () => {
    const title = Array.from({ length: 60 }, (_, i) => `Word${i}`).join(' ');
    const { pdf, text } = await render(briefText({ title, sections: [{ id: 's1', title: 'Part', body: Array.from({ length: 80 }, () => 'Body text that fills pages.').join('\n\n') }] }));
    expect(pdf.pageCount).toBeGreaterThan(1);
    const header = headerOf(text.pages[1]!)!;
    expect(header.endsWith('\u2026')).toBe(true);
    const shown = header.slice(0, -1);
    expect(title.startsWith(shown)).toBe(true);
    expect(shown.length).toBeLessThan(title.length);
    expect(squash(text.pages[0]!)).toContain(squash(title));
  });

  it('a title that fits is printed in the header as it is', async () => {
    const { text } = await render(briefText({ title: 'A Short Title', sections: [{ id: 's1', title: 'Part', body: Array.from({ length: 80 }, () => 'Body text that fills pages.').join('\n\n') }] }));
    expect(headerOf(text.pages[1]!)).toBe('A Short Title');
    expect(text.text).not.toContain('\u2026');
  });

  it('a title of one 300,000-character word: the header shows a cut prefix on every page', async () => {
    const { pdf, text } = await render(longTitleBrief(300_000));
    expect(pdf.pageCount).toBeGreaterThan(50);
    for (const p of [1, Math.floor(pdf.pageCount / 2), pdf.pageCount - 1]) {
      const header = headerOf(text.pages[p]!)!;
      expect(header).toMatch(/^t+\u2026$/);
      expect(header.length).toBeLessThan(200);
    }
  });

  it('a contents entry longer than three lines is cut with an ellipsis; the heading in the body is whole', async () => {
    const long = Array.from({ length: 150 }, (_, i) => `term${i}`).join(' ');
    const sections = [long, 'Second', 'Third', 'Fourth', 'Fifth'].map((title, i) => ({ id: `s${i}`, title, body: 'Text of the part.' }));
    const { text } = await render(briefText({ sections }));
    const contents = text.pages.find((p) => p.includes('CONTENTS'))!;
    const entry = squash(contents.slice(contents.indexOf('term0')));
    expect(entry).toContain('\u2026');
    expect(squash(long).startsWith(entry.slice(0, entry.indexOf('\u2026')))).toBe(true);
    expect(entry.indexOf('\u2026')).toBeLessThan(squash(long).length);
    expect(squash(text.text)).toContain(squash(long));
  });
});

describe('unbreakable words', () => {
  it('a 20,000-character word is split across lines with all its characters kept, in order', async () => {
    const word = longWord(20_000);
    const { text } = await render(longWordBrief(20_000));
    // The word's lines are the only all-lowercase ones (headings, header and page numbers are not).
    const lines = text.text.split('\n').filter((l) => /^[a-z]+$/.test(l.trim()));
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.map((l) => l.trim()).join('')).toBe(word);
  });

  it('a 400-character word (below the cut-only length) is still split and kept whole', async () => {
    const word = longWord(400);
    const { text } = await render(longWordBrief(400));
    const lines = text.text.split('\n').filter((l) => /^[a-z-]{10,}$/.test(l.trim()));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.trim().replace(/-$/, '')).join('')).toBe(word);
  });
});

describe('section ids for repeated titles', () => {
  /** The rule before it was made linear: count up from 2 every time. */
  function naive(titles: string[]): string[] {
    const used = new Set<string>();
    return titles.map((t) => {
      const base = t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'section';
      let id = base;
      for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
      used.add(id);
      return id;
    });
  }

  it('gives the same ids as counting up from 2, including titles that look like generated ids', () => {
    const titles = ['', 'Section', '', 'section 2', 'Section-3', '', 'Part', 'part', '', 'Section 5', ''];
    const used = new Set<string>();
    expect(titles.map((t) => slug(t, used))).toEqual(naive(titles));
  });

  it('10,000 sections with empty titles get unique, numbered ids', () => {
    const doc = compose(parseBriefJson(emptyTitlesBrief(10_000), 'empty.brief'), emptyLibrary(), { today: TODAY });
    const ids = doc.sections.map((s) => (s.blocks[0]!.kind === 'heading' ? s.blocks[0]!.id : ''));
    expect(ids.slice(0, 3)).toEqual(['untitled-section', 'untitled-section-2', 'untitled-section-3']);
    expect(ids[9_999]).toBe('untitled-section-10000');
    expect(new Set(ids).size).toBe(10_000);
  });
});
