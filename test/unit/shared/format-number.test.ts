// formatDecimal2 writes every number as toLocaleString('en-US', { maximumFractionDigits: 2 }) does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal2 } from '../../../shared/text/format-number.js';

const icu = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

describe('formatDecimal2', () => {
  it('matches ICU on the edges: rounding up through nines, halves, tiny and huge values, signs, non-finite', () => {
    const values = [0, -0, 1, -1, 0.5, 0.005, 0.004999, 0.995, 0.999, 9.995, 99.995, 999.995, 999999.995, 1.005, 2.675, 1.125, 1.135, 12.5, 1200, 52_000_000_000, 0.1 + 0.2, 1e-7, 1e-6, 1.5e-6, 1e20, 1e21, 123456789.987654, -0.001, -0.005, -1234.567, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity];
    for (const v of values) expect(formatDecimal2(v), String(v)).toBe(icu(v));
  });

  it('matches ICU for any double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (v) => formatDecimal2(v) === icu(v)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
      const v = n / 10 ** d;
      return formatDecimal2(v) === icu(v);
    }), { numRuns: 20_000 });
  });
});
