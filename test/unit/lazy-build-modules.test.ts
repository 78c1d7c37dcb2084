// The CLI bundle's lazy stand-ins (scripts/build/lazy-aes.cjs, lazy-entities.cjs, lazy-unicode-trie.cjs with base64 text) answer as the real modules do, loading them only at the first call.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Cipher = { encrypt(data: Uint8Array): Uint8Array };
type Aes = { cbc(key: Uint8Array, iv: Uint8Array, opts?: object): Cipher; ecb(key: Uint8Array, opts?: object): Cipher };
const realAes = require('@noble/ciphers/aes.js') as Aes;
const lazyAesPath = require.resolve('../../scripts/build/lazy-aes.cjs');
const lazyEntitiesPath = require.resolve('../../scripts/build/lazy-entities.cjs');
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 17) & 255);

describe('lazy AES', () => {
  it('encrypts with cbc and ecb exactly as @noble/ciphers does, as pdfkit calls them', () => {
    const lazy = require(lazyAesPath) as Aes;
    const key = bytes(32, 1);
    const iv = bytes(16, 2);
    const data = bytes(100, 3);
    expect(lazy.cbc(key, iv).encrypt(data)).toEqual(realAes.cbc(key, iv).encrypt(data));
    expect(lazy.cbc(key, iv, { disablePadding: true }).encrypt(bytes(32, 4))).toEqual(realAes.cbc(key, iv, { disablePadding: true }).encrypt(bytes(32, 4)));
    expect(lazy.ecb(key, { disablePadding: true }).encrypt(bytes(16, 5))).toEqual(realAes.ecb(key, { disablePadding: true }).encrypt(bytes(16, 5)));
  });
});

describe('lazy entities', () => {
  it('decodes HTML entities as markdown-it’s entities.decodeHTMLStrict does', async () => {
    const { decodeHTMLStrict } = (await import('entities')) as { decodeHTMLStrict(s: string): string };
    const lazy = require(lazyEntitiesPath) as { decodeHTMLStrict(s: string): string };
    for (const text of ['&amp;', '&eacute;', '&#233;', '&#x1F600;', '&notin;', '&not', '&bogus;', 'plain', '&AMP;', '&#0;', '&lt;&gt;&quot;']) {
      expect(lazy.decodeHTMLStrict(text), text).toBe(decodeHTMLStrict(text));
    }
  });
});

describe('lazy unicode trie from base64 text', () => {
  it('gives the same values from { base64 } as from the bytes, decoding only at the first lookup', () => {
    const Builder = require('unicode-trie/builder') as new (initial?: number, error?: number) => { setRange(a: number, b: number, v: number, overwrite: boolean): void; toBuffer(): Buffer };
    const Lazy = require('../../scripts/build/lazy-unicode-trie.cjs') as new (data: Uint8Array | { base64: string }) => { get(cp: number): number; trie: unknown };
    const b = new Builder(0, 99);
    b.setRange(0x41, 0x5a, 1, true);
    b.setRange(0x600, 0x6ff, 7, true);
    const data = b.toBuffer();
    const fromBytes = new Lazy(data);
    const fromText = new Lazy({ base64: data.toString('base64') });
    expect(fromText.trie).toBeNull();
    for (let cp = 0; cp < 0x800; cp++) expect(fromText.get(cp)).toBe(fromBytes.get(cp));
    expect(fromText.get(0x42)).toBe(1);
  });
});
