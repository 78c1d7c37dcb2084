// lineDiff: the line diff of a section update — same, added, removed and changed lines, in reading order.
import { describe, expect, it } from 'vitest';
import { lineDiff, type DiffLine } from '../../../renderer/src/warnings/lineDiff.js';

const same = (text: string): DiffLine => ({ kind: 'same', text });
const removed = (text: string): DiffLine => ({ kind: 'removed', text });
const added = (text: string): DiffLine => ({ kind: 'added', text });

describe('lineDiff', () => {
  it('marks every line the same for equal texts', () => {
    expect(lineDiff('a\nb\nc', 'a\nb\nc')).toEqual([same('a'), same('b'), same('c')]);
  });

  it('finds an added line in the middle and at the end', () => {
    expect(lineDiff('a\nc', 'a\nb\nc')).toEqual([same('a'), added('b'), same('c')]);
    expect(lineDiff('a\nb', 'a\nb\nc')).toEqual([same('a'), same('b'), added('c')]);
  });

  it('finds a removed line at the start and in the middle', () => {
    expect(lineDiff('a\nb\nc', 'b\nc')).toEqual([removed('a'), same('b'), same('c')]);
    expect(lineDiff('a\nb\nc', 'a\nc')).toEqual([same('a'), removed('b'), same('c')]);
  });

  it('shows a changed line as the old one removed, then the new one added', () => {
    expect(lineDiff('First line stays.\n\nThis line goes away.\n', 'First line stays.\n\nThis line is new.\n')).toEqual([
      same('First line stays.'),
      same(''),
      removed('This line goes away.'),
      added('This line is new.'),
      same(''),
    ]);
  });

  it('keeps the longest run of common lines and groups a changed block', () => {
    expect(lineDiff('x\na\nb\ny', 'x\nA\nB\ny')).toEqual([same('x'), removed('a'), removed('b'), added('A'), added('B'), same('y')]);
    expect(lineDiff('a\nb\nc\nd', 'b\nc\nd\na')).toEqual([removed('a'), same('b'), same('c'), same('d'), added('a')]);
  });

  it('treats the empty text as one empty line', () => {
    expect(lineDiff('', '')).toEqual([same('')]);
    expect(lineDiff('', 'new')).toEqual([removed(''), added('new')]);
    expect(lineDiff('old', '')).toEqual([removed('old'), added('')]);
  });

  it('shows old then new whole when the texts are too long to compare line by line', () => {
    const old = Array.from({ length: 2001 }, (_, i) => `old ${i}`);
    const neu = Array.from({ length: 2000 }, (_, i) => (i === 0 ? 'old 0' : `new ${i}`));
    const diff = lineDiff(old.join('\n'), neu.join('\n'));
    expect(diff).toEqual([...old.map(removed), ...neu.map(added)]);
    // Just under the limit the common first line is found.
    expect(lineDiff(old.slice(0, 2000).join('\n'), neu.join('\n'))[0]).toEqual(same('old 0'));
  });
});
