// Hyphenation points and XML escaping for XMP.
import { describe, expect, it } from 'vitest';
import { hyphenationSupported, syllables } from '../../../main/pdf/hyphenate.js';
import { escapeXml, stripXmlInvalid } from '../../../main/pdf/xmp.js';

describe('hyphenation', () => {
  it('splits English words into syllables with the TeX patterns', () => {
    expect(syllables('technological')).toEqual(['tech', 'no', 'log', 'i', 'cal']);
    expect(syllables('cooperation').join('')).toBe('cooperation');
    expect(syllables('cooperation').length).toBeGreaterThan(2);
  });

  it('leaves short words, acronyms and non-words alone', () => {
    expect(syllables('trade')).toEqual(['trade']);
    expect(syllables('NATO-OTAN')).toEqual(['NATO-OTAN']);
    expect(syllables('UNESCO')).toEqual(['UNESCO']);
    expect(syllables('R46767')).toEqual(['R46767']);
  });

  it('returns a fresh answer each time (callers may attach punctuation)', () => {
    const a = syllables('semiconductor');
    expect(syllables('semiconductor')).toEqual(a);
  });

  it('knows it has English patterns only', () => {
    expect(hyphenationSupported('en-US')).toBe(true);
    expect(hyphenationSupported('en')).toBe(true);
    expect(hyphenationSupported('fr-FR')).toBe(false);
  });
});

describe('XMP escaping', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`R&D <"allies"> 'n' partners`)).toBe('R&amp;D &lt;&quot;allies&quot;&gt; &apos;n&apos; partners');
  });

  it('drops characters XML cannot carry at all', () => {
    expect(stripXmlInvalid('a\u0000b\u0007c\ud800d\ufffe e\u{1F600}')).toBe('abcd e\u{1F600}');
  });
});
