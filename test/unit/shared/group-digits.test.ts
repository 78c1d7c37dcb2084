// groupDigits writes integers as toLocaleString('en-US') does (it stands in for it in messages built at module load).
import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../../shared/model/text-limits.js';

describe('groupDigits', () => {
  it('matches toLocaleString for integers of every length, negative ones too', () => {
    const values = [0, 7, 42, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 10_000_000, 123_456_789_012, -1, -1000, -1_234_567];
    for (const n of values) expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
    for (let n = 1; n < 1e15; n = n * 7 + 3) expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
  });
});
