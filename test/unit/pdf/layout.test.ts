// Paragraph layout, table column widths and pagination rules, without writing a PDF.
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../shared/model/composed-doc.js';
import { findAssetsDir } from '../../../main/pdf/assets.js';
import { gap, type FlowItem, type LineItem } from '../../../main/pdf/flow.js';
import { loadFonts } from '../../../main/pdf/fonts.js';
import type { Line, TextStyle } from '../../../main/pdf/layout-types.js';
import { layoutInlines, measureInlines } from '../../../main/pdf/layout-paragraph.js';
import { distribute } from '../../../main/pdf/layout-table.js';
import { paginate } from '../../../main/pdf/paginate.js';

const fonts = loadFonts(findAssetsDir());
const style: TextStyle = { family: 'serif', size: 10.5, leading: 15, color: [0, 0, 0] };
const text = (t: string, extra: Partial<Extract<Inline, { kind: 'text' }>> = {}): Inline => ({ kind: 'text', text: t, ...extra });
const PROSE =
  'Democracies that lead in advanced technology share an interest that none of them can secure alone: keeping the rules, supply chains and research networks of the coming decades open, trustworthy and resilient. Coordination among them has so far been episodic, organized around summits rather than standing work programs.';

const lineText = (l: Line) => l.runs.map((r) => r.text).join('');

describe('paragraph layout', () => {
  it('justifies every line but the last to the full width, keeping spaces as text', () => {
    const p = layoutInlines(fonts, [text(PROSE)], style, { width: 300, justify: true, hyphenate: true });
    expect(p.lines.length).toBeGreaterThan(4);
    for (const l of p.lines.slice(0, -1)) expect(l.width).toBeCloseTo(300, 1);
    expect(p.lines[p.lines.length - 1]!.width).toBeLessThan(300);
    const joined = p.lines.map(lineText).join('').replace(/-(?=\S)/g, '');
    expect(joined.replace(/\s+/g, ' ').trim()).toBe(PROSE.replace(/technol-ogy/g, 'technology'));
  });

  it('returns the cached lines for the same content, style and width', () => {
    const a = layoutInlines(fonts, [text(PROSE)], style, { width: 320, justify: true, hyphenate: true });
    const b = layoutInlines(fonts, [text(PROSE)], style, { width: 320, justify: true, hyphenate: true });
    expect(b).toBe(a);
    const c = layoutInlines(fonts, [text(PROSE)], style, { width: 321, justify: true, hyphenate: true });
    expect(c).not.toBe(a);
  });

  it('keeps styles as separate runs and collapses repeated spaces', () => {
    const p = layoutInlines(fonts, [text('plain  '), text('bold', { bold: true }), text(' and '), text('link', { href: 'https://example.org' })], style, { width: 400, justify: false, hyphenate: false });
    const runs = p.lines[0]!.runs;
    expect(runs.map((r) => r.face)).toEqual(['serif', 'serif-bold', 'serif', 'serif']);
    expect(runs[3]!.link).toEqual({ uri: 'https://example.org' });
    expect(lineText(p.lines[0]!)).toBe('plain bold and link');
  });

  it('starts a new line at a line break', () => {
    const p = layoutInlines(fonts, [text('one'), { kind: 'break' }, text('two')], style, { width: 400, justify: true, hyphenate: true });
    expect(p.lines.map(lineText)).toEqual(['one', 'two']);
  });

  it('measures the narrowest and widest setting of a cell', () => {
    const m = measureInlines(fonts, [text('a considerably longer word')], style, false);
    const word = layoutInlines(fonts, [text('considerably')], style, { width: 1000, justify: false, hyphenate: false }).lines[0]!.width;
    expect(m.min).toBeCloseTo(word, 3);
    expect(m.max).toBeGreaterThan(m.min * 2);
  });
});

describe('table column widths', () => {
  it('gives every column its natural width when the table fits, and shares the rest', () => {
    const w = distribute([10, 20], [50, 100], 300);
    expect(w[0]! + w[1]!).toBeCloseTo(300);
    expect(w[1]! / w[0]!).toBeCloseTo(2);
  });
  it('never goes below the minimum while there is room for all minimums', () => {
    const w = distribute([40, 60], [200, 100], 150);
    expect(w[0]).toBeGreaterThanOrEqual(40);
    expect(w[1]).toBeGreaterThanOrEqual(60);
    expect(w[0]! + w[1]!).toBeCloseTo(150);
  });
});

describe('pagination', () => {
  const line = (h: number, keep = false): LineItem => ({ kind: 'line', x: 0, height: h, keepWithNext: keep, containers: [], struct: null, line: { runs: [], width: 0, height: h, baseline: h * 0.8 } });

  it('moves a kept chain to the next page instead of splitting it', () => {
    const items: FlowItem[] = [line(40), line(40), line(10, true), line(10, true), line(10)];
    const pages = paginate(items, () => 100);
    expect(pages.map((p) => p.placed.length)).toEqual([2, 3]);
  });

  it('drops gaps at the head and foot of pages', () => {
    const items: FlowItem[] = [gap(20), line(50), gap(60), line(50)];
    const pages = paginate(items, () => 100);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.placed[0]!.item.kind).toBe('line');
    expect(pages[1]!.placed[0]!.y).toBe(0);
  });

  it('places an item taller than a page on its own page rather than looping', () => {
    const pages = paginate([line(30), line(500), line(30)], () => 100);
    expect(pages.map((p) => p.placed.length)).toEqual([1, 1, 1]);
  });

  it('breaks a keep chain longer than a page where it must', () => {
    const items = Array.from({ length: 30 }, () => line(10, true));
    const pages = paginate(items, () => 100);
    expect(pages.length).toBe(3);
  });

  it('refuses to make more than the page limit with a clear error', () => {
    const items = Array.from({ length: 6000 }, () => line(100));
    expect(() => paginate(items, () => 100)).toThrow(/more than 5000 pages/);
  });
});
