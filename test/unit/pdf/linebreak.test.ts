// Knuth-Plass and first-fit line breaking on hand-built item lists.
import { describe, expect, it } from 'vitest';
import { INFINITY_COST, box, firstFit, glue, knuthPlass, penalty, type Item } from '../../../main/pdf/linebreak.js';

/** Words of the given widths separated by stretchy spaces, closed like a paragraph. */
function paragraph(widths: number[], space = 3): Item[] {
  const items: Item[] = [];
  widths.forEach((w, i) => {
    if (i) items.push(glue(space, space / 2, space / 3));
    items.push(box(w));
  });
  items.push(glue(0, 100_000, 0), penalty(0, -INFINITY_COST, false));
  return items;
}

function lineWidths(items: Item[], breaks: { position: number }[]): number[] {
  const out: number[] = [];
  let start = 0;
  for (const b of breaks) {
    let w = 0;
    let first = start;
    while (first < b.position && items[first]!.type !== 0) first++;
    for (let i = first; i < b.position; i++) if (items[i]!.type !== 2) w += items[i]!.width;
    out.push(w);
    start = b.position + 1;
  }
  return out;
}

describe('knuthPlass', () => {
  it('finds breaks whose lines all fit and ends with the forced break', () => {
    const items = paragraph(Array.from({ length: 60 }, (_, i) => 10 + ((i * 7) % 23)));
    const breaks = knuthPlass(items, { widths: [200], tolerance: 2 })!;
    expect(breaks).not.toBeNull();
    expect(breaks[breaks.length - 1]!.position).toBe(items.length - 1);
    for (const b of breaks.slice(0, -1)) {
      expect(b.ratio).toBeGreaterThanOrEqual(-1);
      expect(b.ratio).toBeLessThanOrEqual(2);
    }
  });

  it('balances lines better than first-fit (lower total badness)', () => {
    const items = paragraph([30, 50, 20, 70, 40, 30, 60, 20, 50, 40, 30, 70, 20, 40, 60, 30, 50, 20, 40, 30], 10);
    const kp = knuthPlass(items, { widths: [180], tolerance: 10 })!;
    const ff = firstFit(items, [180]);
    const badness = (bs: { ratio: number }[]) => bs.slice(0, -1).reduce((s, b) => s + Math.abs(b.ratio) ** 3, 0);
    expect(badness(kp)).toBeLessThanOrEqual(badness(ff));
  });

  it('returns null when no breaks keep within the tolerance (the caller falls back)', () => {
    const items = paragraph([150, 150, 150]);
    expect(knuthPlass(items, { widths: [200], tolerance: 1 })).toBeNull();
  });

});

describe('firstFit', () => {
  it('breaks at the last space that fits', () => {
    const items = paragraph([40, 40, 40, 40, 40]);
    const widths = lineWidths(items, firstFit(items, [130]));
    for (const w of widths) expect(w).toBeLessThanOrEqual(130);
    expect(widths[0]).toBe(40 + 3 + 40 + 3 + 40);
  });

  it('lets a box wider than the line overflow instead of looping', () => {
    const items = paragraph([500, 20]);
    const breaks = firstFit(items, [100]);
    expect(breaks.length).toBe(2);
  });

  it('honours forced breaks, also two in a row (an empty line)', () => {
    const items: Item[] = [box(10), glue(0, 100_000, 0), penalty(0, -INFINITY_COST, false), glue(0, 100_000, 0), penalty(0, -INFINITY_COST, false), box(10), glue(0, 100_000, 0), penalty(0, -INFINITY_COST, false)];
    expect(firstFit(items, [100]).map((b) => b.position)).toEqual([2, 4, 7]);
  });
});
