// The CLI bundle's lazy unicode-trie (scripts/build/lazy-unicode-trie.cjs) answers every lookup as the real trie does.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Trie = { get(cp: number): number };
const Real = require('unicode-trie') as new (data: Uint8Array) => Trie;
const Builder = require('unicode-trie/builder') as new (initial?: number, error?: number) => { set(cp: number, v: number): void; setRange(a: number, b: number, v: number, overwrite: boolean): void; toBuffer(): Buffer };
const Lazy = require('../../scripts/build/lazy-unicode-trie.cjs') as new (data: Uint8Array) => Trie;

describe('lazy unicode trie', () => {
  it('gives the real trie’s value for every code point, decompressing only at the first lookup', () => {
    const b = new Builder(0, 99);
    b.setRange(0x41, 0x5a, 1, true);
    b.setRange(0x600, 0x6ff, 7, true);
    b.setRange(0x1f300, 0x1f5ff, 12, true);
    for (let cp = 0x3040; cp < 0x30ff; cp += 3) b.set(cp, (cp % 5) + 20);
    const data = b.toBuffer();
    const real = new Real(data);
    const lazy = new Lazy(data) as Trie & { trie: unknown };
    expect(lazy.trie).toBeNull();
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x20000 ? 1 : 97) expect(lazy.get(cp)).toBe(real.get(cp));
    expect(lazy.trie).not.toBeNull();
    expect(lazy.get(0x110000)).toBe(real.get(0x110000));
  });
});
