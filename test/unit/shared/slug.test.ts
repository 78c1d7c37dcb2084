// Heading anchors: ASCII headings skip Unicode normalization, others are still decomposed before the ids are cut.
import { describe, expect, it } from 'vitest';
import { slug } from '../../../shared/compose/blocks.js';

describe('slug', () => {
  it('lowercases and joins words with hyphens, for ASCII and accented headings alike', () => {
    const used = new Set<string>();
    expect(slug('The Issue: 2026 & Beyond', used)).toBe('the-issue-2026-beyond');
    // Decomposed: the letters stay, each accent (a combining mark) becomes a hyphen, as it always has.
    expect(slug('Café résumé — Ⅻ ﬁnance', used)).toBe('cafe-re-sume-xii-finance');
    expect(slug('ÀÉÎ', used)).toBe('a-e-i');
    expect(slug('日本', used)).toBe('section');
    expect(slug('The issue', used)).toBe('the-issue');
    expect(slug('The Issue', used)).toBe('the-issue-2');
  });
});
