// The fontkit shaping speed-ups must not change a single glyph or position.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { findAssetsDir } from '../../../main/pdf/assets.js';
import { FACE_FILES } from '../../../main/pdf/faces.js';
import { speedUpShaping } from '../../../main/pdf/fontkit-speedups.js';

const WORDS = [
  // Latin: ligatures, kerning pairs, punctuation, figures, accents (precomposed and combining)
  'office', 'affluent', 'fjord', 'flow', 'Wave', 'AVATAR', 'Today,', 'Type.', '“Yo”', 'f)', '1/2', '—T', 'L’Oréal', 'naïve',
  'e\u0301te\u0301', 'A\u030A', 'Zürich', 'Łódź', '2026-11-25', 'https://example.org/a_b?c=d', '€1,234.50', 'x²', 'σοφία', 'Москва',
  // Arabic (joining, lam-alef, marks), Hebrew with points
  'العربية', 'لا', 'السَّلَامُ', 'مُحَمَّد', 'שָׁלוֹם', 'עברית',
  // symbols and arrows
  '→', '☂', '⚠', '✓', '♞',
];

const dir = findAssetsDir();

function shapeAll(font: Font): string[] {
  return WORDS.map((w) => {
    const run = font.layout(w);
    const glyphs = run.glyphs.map((g) => g.id).join(',');
    const positions = run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset].join(':')).join(',');
    return `${glyphs}/${positions}/${Object.keys((run as unknown as { features: object }).features).sort().join(',')}`;
  });
}

describe('fontkit shaping speed-ups', () => {
  for (const file of new Set(Object.values(FACE_FILES))) {
    it(`shape exactly as fontkit does: ${file}`, () => {
      const bytes = readFileSync(path.join(dir, file));
      const plain = create(bytes);
      const fast = create(bytes);
      speedUpShaping(fast);
      // Twice: the first run of a patched font goes through fontkit's own code, later runs through the patches.
      const expected = shapeAll(plain);
      expect(shapeAll(fast)).toEqual(expected);
      expect(shapeAll(fast)).toEqual(expected);
    });
  }
});
