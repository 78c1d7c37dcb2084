// The paragraph layout memo: one per font set, keys that hold everything a layout depends on, and clear().
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inline } from '../../../shared/model/composed-doc.js';
import { findAssetsDir } from '../../../main/pdf/assets.js';
import { FACE_FILES } from '../../../main/pdf/faces.js';
import { loadFonts, type FontSet } from '../../../main/pdf/fonts.js';
import type { LineItem } from '../../../main/pdf/flow.js';
import { layoutDocument } from '../../../main/pdf/index.js';
import { LayoutCache } from '../../../main/pdf/layout-cache.js';
import { SeededValues } from '../../../main/pdf/stored-entries.js';
import type { Paragraph, TextStyle } from '../../../main/pdf/layout-types.js';
import { layoutInlines, measureInlines } from '../../../main/pdf/layout-paragraph.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';

const style: TextStyle = { family: 'serif', size: 10.5, leading: 15, color: [0, 0, 0] };
const TEXT = 'Coordination among democracies has so far been episodic, organized around summits rather than standing work programs.';
const PROSE: Inline[] = [{ kind: 'text', text: TEXT }];
const opts = { width: 200, justify: true, hyphenate: true } as const;
const lineTexts = (p: Paragraph) => p.lines.map((l) => l.runs.map((r) => r.text).join(''));

let otherDir: string;
let bundled: FontSet;
/** A second font set whose "serif" face is really Source Sans: the same text sets to other widths in it. */
let other: FontSet;

beforeAll(async () => {
  otherDir = await mkdtemp(path.join(tmpdir(), 'bb-fontset-'));
  await copyFile(path.join(findAssetsDir(), FACE_FILES.sans), path.join(otherDir, FACE_FILES.serif));
  bundled = loadFonts(findAssetsDir());
  other = loadFonts(otherDir);
});
afterAll(async () => {
  await rm(otherDir, { recursive: true, force: true });
});

describe('paragraph layout memo', () => {
  it('is owned by its font set: another font set never gets its lines', () => {
    const ragged = { width: 200, justify: false, hyphenate: false };
    other.layout.clear();
    const a = layoutInlines(bundled, PROSE, style, ragged);
    expect(other.layout.sizes().paragraphs).toBe(0);
    const b = layoutInlines(other, PROSE, style, ragged);
    expect(b).not.toBe(a);
    // Set in the other face: other widths and other line ends, as a fresh layout with those fonts gives.
    expect(b.lines[0]!.width).not.toBeCloseTo(a.lines[0]!.width, 1);
    expect(lineTexts(b)).not.toEqual(lineTexts(a));
    expect(layoutInlines(other, PROSE, style, ragged)).toBe(b);
    expect(layoutInlines(bundled, PROSE, style, ragged)).toBe(a);
  });

  it('hands back the same Paragraph (and Line objects) only for the same content, style and options', () => {
    const a = layoutInlines(bundled, PROSE, style, opts);
    expect(layoutInlines(bundled, structuredClone(PROSE), { ...style }, { ...opts })).toBe(a);
    const variants: Paragraph[] = [
      layoutInlines(bundled, PROSE, style, { ...opts, width: 201 }),
      layoutInlines(bundled, PROSE, style, { ...opts, justify: false }),
      layoutInlines(bundled, PROSE, style, { ...opts, justify: false, align: 'right' }),
      layoutInlines(bundled, PROSE, style, { ...opts, hyphenate: false }),
      layoutInlines(bundled, PROSE, { ...style, color: [0.5, 0, 0] }, opts),
      layoutInlines(bundled, PROSE, { ...style, size: 11 }, opts),
      layoutInlines(bundled, PROSE, { ...style, italic: true }, opts),
      layoutInlines(bundled, [{ kind: 'text', text: `${TEXT} More.` }], style, opts),
    ];
    for (const v of variants) expect(v).not.toBe(a);
    expect(new Set(variants).size).toBe(variants.length);
    expect(variants[4]!.lines[0]!.runs[0]!.color).toEqual([0.5, 0, 0]);
    expect(variants[2]!.lines[0]!.runs[0]!.x).toBeGreaterThan(0);
  });

  it('keeps measures with and without hyphenation apart', () => {
    const word: Inline[] = [{ kind: 'text', text: 'internationalization' }];
    const whole = measureInlines(bundled, word, style, false);
    const syllables = measureInlines(bundled, word, style, true);
    expect(syllables.min).toBeLessThan(whole.min);
    expect(measureInlines(bundled, word, style, false)).toBe(whole);
  });

  it('forgets everything on clear(), and lays the paragraph out afresh after it', () => {
    const a = layoutInlines(bundled, PROSE, style, opts);
    measureInlines(bundled, PROSE, style, false);
    expect(bundled.layout.sizes().paragraphs).toBeGreaterThan(0);
    bundled.layout.clear();
    expect(bundled.layout.sizes()).toEqual({ documents: 0, paragraphs: 0, extents: 0, words: 0 });
    const b = layoutInlines(bundled, PROSE, style, opts);
    expect(b).not.toBe(a);
    expect(lineTexts(b)).toEqual(lineTexts(a));
    expect(bundled.layout.sizes().words).toBeGreaterThan(0);
  });
});

describe('a document laid out again', () => {
  it('gets the same Line objects for every unchanged paragraph (the preview encodes each Line once)', () => {
    const lineItems = (doc: ReturnType<typeof layoutDocument>) => doc.pages.flatMap((p) => p.placed.map((pl) => pl.item)).filter((it): it is LineItem => it.kind === 'line');
    const first = lineItems(layoutDocument(sampleIssueBrief()));
    const again = lineItems(layoutDocument(sampleIssueBrief()));
    expect(again.length).toBe(first.length);
    expect(again.length).toBeGreaterThan(50);
    // Only the contents are set afresh (their lines carry page numbers and links made per pass).
    const fresh = again.filter((it, i) => it.line !== first[i]!.line);
    expect(fresh.map((it) => it.struct?.type).filter((t) => t !== 'TOCI')).toEqual([]);
    expect(fresh.length).toBeLessThan(again.length / 4);
  });
});

describe('LayoutCache', () => {
  const paragraph = (): Paragraph => ({ lines: [], notes: { missing: new Set(), rtl: false } });

  it('keys word breaks by whether syllables count', () => {
    const cache = new LayoutCache();
    const hyphenated = [{ text: 'a', hyphen: true, cost: 50, flagged: true }];
    const whole = [{ text: 'ab', hyphen: false, cost: 0, flagged: false }];
    expect(cache.wordBreaks('ab', true, () => hyphenated)).toBe(hyphenated);
    expect(cache.wordBreaks('ab', false, () => whole)).toBe(whole);
    expect(cache.wordBreaks('ab', true, () => whole)).toBe(hyphenated);
  });

  it('does not hold a paragraph whose key is huge', () => {
    const cache = new LayoutCache();
    const huge: Inline[] = [{ kind: 'text', text: 'x'.repeat(100_001) }];
    cache.paragraph(huge, style, opts, paragraph);
    expect(cache.sizes().paragraphs).toBe(0);
    let computed = 0;
    const small: Inline[] = [{ kind: 'text', text: 'x' }];
    const first = cache.paragraph(small, style, opts, () => (computed++, paragraph()));
    expect(cache.paragraph(small, style, opts, () => (computed++, paragraph()))).toBe(first);
    expect(computed).toBe(1);
  });
});

describe('LayoutCache seeded from the persistent cache', () => {
  it('answers from seeded entries without computing, and lists the ones this process used last (a bounded save keeps them)', () => {
    const cache = new LayoutCache();
    const part = (text: string) => [{ text, hyphen: false, cost: 0, flagged: false }];
    cache.seed({ paragraphs: new SeededValues<never>([]), extents: new SeededValues<never>([]), fits: new SeededValues<never>([]), words: new SeededValues([['hfoo', part('foo')], ['hbar', part('bar')], ['hbaz', part('baz')]]) });
    let computed = 0;
    expect(cache.wordBreaks('foo', true, () => (computed++, part('x')))).toEqual(part('foo'));
    expect(cache.wordBreaks('new', true, () => (computed++, part('new')))).toEqual(part('new'));
    expect(computed).toBe(1);
    expect(cache.entries().words.map(([k]) => k)).toEqual(['hbar', 'hbaz', 'hfoo', 'hnew']);
    expect(cache.takeAdded()).toBe(1); // only the computed one is new
    expect(cache.sizes().words).toBe(4);
    cache.clear();
    expect(cache.entries().words).toEqual([]);
  });
});

