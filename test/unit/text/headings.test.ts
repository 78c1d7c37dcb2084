// sectionHeadings: the ## headings of a section body with their offsets; none from fenced code; markup taken off.
import { describe, expect, it } from 'vitest';
import { sectionHeadings } from '../../../shared/text/headings.js';

describe('sectionHeadings', () => {
  it('lists level 2 to 6 headings with the offsets of their lines', () => {
    const body = 'Intro.\n\n## The **first** part\n\nText.\n\n### A [linked](https://example.org) detail ##\n\n# Not a sub-heading\n';
    const hs = sectionHeadings(body);
    expect(hs.map((h) => [h.level, h.text])).toEqual([
      [2, 'The first part'],
      [3, 'A linked detail'],
    ]);
    for (const h of hs) expect(body.slice(h.from, h.to)).toMatch(/^#{2,3} /);
  });

  it('skips fenced code, a hash without a space, and an empty heading', () => {
    const body = '```\n## inside code\n```\n#hashtag\n##\n~~~~\n## also code\n~~~~\n## After {{var:partner}}';
    expect(sectionHeadings(body).map((h) => h.text)).toEqual(['After {{var:partner}}']);
  });
});
