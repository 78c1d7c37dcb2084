// The quick depth check before JSON.parse answers exactly as json-depth.ts findTooDeep does, on any text.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsWithin } from '../../../shared/model/brief-guards.js';
import { findTooDeep, MAX_JSON_DEPTH } from '../../../shared/model/json-depth.js';
import { examplesDir } from '../../../main/services/app-paths.js';

/** Texts made mostly of the characters the two scans look at, valid JSON or not. */
const structural = fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', 'a', '\n', ' ', ','), maxLength: 60 });

describe('nestsWithin', () => {
  it('agrees with findTooDeep on arbitrary text, at every limit', () => {
    fc.assert(
      fc.property(structural, fc.integer({ min: 0, max: 6 }), (text, max) => {
        expect(nestsWithin(text, max)).toBe(findTooDeep(text, max) === null);
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with findTooDeep on JSON values and on the example briefs, each at its own depth and one less', async () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, max) => {
        const text = JSON.stringify(value, null, 2);
        expect(nestsWithin(text, max)).toBe(findTooDeep(text, max) === null);
      }),
      { numRuns: 2_000 },
    );
    for (const file of await readdir(examplesDir())) {
      if (!file.endsWith('.brief')) continue;
      const text = await readFile(path.join(examplesDir(), file), 'utf8');
      expect(nestsWithin(text, MAX_JSON_DEPTH), file).toBe(true);
      let depth = 0;
      while (findTooDeep(text, depth) !== null) depth++;
      expect(depth, file).toBeGreaterThan(2);
      expect([nestsWithin(text, depth), nestsWithin(text, depth - 1)], file).toEqual([true, false]);
    }
  });

  it('skips brackets inside strings, escaped quotes included, and an unclosed string to the end', () => {
    expect(nestsWithin('{"a": "[[[[", "b": [1]}', 2)).toBe(true);
    expect(nestsWithin('{"a": "x\\"[[[[", "b": [[1]]}', 2)).toBe(false);
    expect(nestsWithin('{"a": "x\\\\", "b": [[1]]}', 2)).toBe(false);
    expect(nestsWithin('{"a": "x\\\\", "b": [[1]]}', 3)).toBe(true);
    expect(nestsWithin('[["unclosed [[[[', 2)).toBe(true);
    expect(nestsWithin(']]]][[', 1)).toBe(false);
  });
});
