// The words a spell checker looks at: prose only, never references, URLs, code or portion marks.
import { describe, expect, it } from 'vitest';
import { proseWords } from '../../../shared/text/spell-words.js';

const words = (t: string) => proseWords(t).map((w) => w.word);

describe('proseWords', () => {
  it('lists prose words with their places', () => {
    const t = 'Teh quick, brown fox.';
    const ws = proseWords(t);
    expect(ws.map((w) => w.word)).toEqual(['Teh', 'quick', 'brown', 'fox']);
    expect(ws.map((w) => t.slice(w.from, w.to))).toEqual(['Teh', 'quick', 'brown', 'fox']);
  });

  it('skips references, URLs, link targets, e-mail and HTML', () => {
    expect(words('See {{fact:chipz-exprt}} and {{var:ministr}} at https://exmple.org/pth')).toEqual(['See', 'and', 'at']);
    expect(words('[the reprot](https://x.example/reprot) or <span clss="x"> mail me@exmple.org')).toEqual(['the', 'reprot', 'or', 'mail']);
  });

  it('skips code, fenced and inline', () => {
    expect(words('Use `fnctn()` here.\n\n```\nconst wrng = 1;\n```\nAfter.')).toEqual(['Use', 'here', 'After']);
  });

  it('skips portion marks, acronyms and words with digits', () => {
    expect(words("(CUI) The G7 and NATO's EU’s agreed. (S//REL TO USA, GBR) Then 5nm chips.")).toEqual(['The', 'and', 'agreed', 'Then', 'chips']);
  });

  it('keeps inner apostrophes, drops quotes around words, and leaves snake_case alone', () => {
    expect(words("don’t 'quoted' snake_case _emphasis here_")).toEqual(["don't", 'quoted', 'emphasis', 'here']);
  });
});
