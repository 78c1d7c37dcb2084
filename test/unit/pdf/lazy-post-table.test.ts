// lazyPostTable gives every bundled font the 'post' table fontkit would decode: header at once, glyph names on demand.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cheapGlyphZeroAdvance, lazyPostTable } from '../../../main/pdf/fontkit-speedups.js';
import { findAssetsDir } from '../../../main/pdf/index.js';

const dir = findAssetsDir();
const fonts = readdirSync(dir).filter((n) => n.endsWith('.ttf'));

describe('lazy post table', () => {
  it.each(fonts)('%s: the same header fields, version, glyph names and italic angle as fontkit’s full decode', (name) => {
    const bytes = readFileSync(path.join(dir, name));
    type Internals = { post: Record<string, unknown>; _tables: Record<string, unknown>; italicAngle: number; underlinePosition: number; getGlyph(id: number): { name: string } };
    const plain = create(bytes) as unknown as Internals;
    const lazy = create(bytes) as unknown as Internals;
    lazyPostTable(lazy as unknown as Font);
    expect(lazy._tables.post).toBeDefined();
    const expected = { ...plain.post };
    expect(lazy.italicAngle).toBe(plain.italicAngle);
    expect(lazy.underlinePosition).toBe(plain.underlinePosition);
    for (const key of Object.keys(expected)) expect(lazy.post[key], key).toEqual(expected[key]);
    // Glyph names come from the full table when asked for.
    for (const id of [0, 1, 3, 36, 100]) expect(lazy.getGlyph(id).name).toBe(plain.getGlyph(id).name);
  });
});

describe('glyph 0 advance without the loca table', () => {
  it.each(fonts)('%s: the advance fontkit computes, without decoding loca, and every other metric as before', (name) => {
    const bytes = readFileSync(path.join(dir, name));
    type Glyph = { advanceWidth: number; advanceHeight: number; leftBearing: number; cbox: unknown };
    type Internals = { getGlyph(id: number): Glyph; _tables: Record<string, unknown> };
    const plain = create(bytes) as unknown as Internals;
    const cheap = create(bytes) as unknown as Internals;
    cheapGlyphZeroAdvance(cheap as unknown as Font);
    expect(cheap.getGlyph(0).advanceWidth).toBe(plain.getGlyph(0).advanceWidth);
    expect(cheap._tables.loca).toBeUndefined();
    for (const key of ['advanceHeight', 'leftBearing', 'cbox'] as const) expect(cheap.getGlyph(0)[key]).toEqual(plain.getGlyph(0)[key]);
    for (const id of [1, 3, 36]) expect(cheap.getGlyph(id).advanceWidth).toBe(plain.getGlyph(id).advanceWidth);
  });
});
