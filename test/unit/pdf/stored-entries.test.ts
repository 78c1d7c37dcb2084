// The engine cache's lazily parsed sections: every key and value comes back as it went in, from an all-ASCII text.
import { describe, expect, it } from 'vitest';
import { asciiJson, StoredEntries, StoredJson, storedLine } from '../../../main/pdf/stored-entries.js';

const entries: [string, unknown][] = [
  ['nplain', [{ text: 'plain', hyphen: false }]],
  ['hcafé', { word: 'café', cps: [0x63, 0xe9] }],
  ['[[{"kind":"text","text":"quoted \\"x\\""}]]', { lines: [], notes: { missing: [0x1f600], rtl: false } }],
  ['tab\there', 'a value with a\nnewline and a tab\t'],
  ['مرحبا', ['שלום', 'Ελλάδα', '😀', '\u0000\u001f\u007f\u2028']],
  ['', 0],
  ['lone \ud800 surrogate', '\udfff'],
];

function section(list: [string, unknown][]): { text: string; entries: StoredEntries<unknown> } {
  // As the file holds it: read back as latin1 from bytes written as latin1.
  const lines = list.map(([k, v]) => storedLine(k, asciiJson(v))).join('');
  const text = Buffer.from(`head\n${lines}tail`, 'latin1').toString('latin1');
  return { text, entries: new StoredEntries(text, 5, 5 + lines.length, list.length) };
}

describe('stored engine cache entries', () => {
  it('are all ASCII, one line each, whatever the keys and values hold', () => {
    const { text } = section(entries);
    // eslint-disable-next-line no-control-regex -- tab and newline are the separators
    expect(/^[\x09\x0a\x20-\x7f]*$/.test(text)).toBe(true);
    expect(text.split('\n')).toHaveLength(entries.length + 2);
  });

  it('give back every value by its key, parsed, and nothing for an unknown key', () => {
    const { entries: stored } = section(entries);
    expect(stored.size).toBe(entries.length);
    for (const [k, v] of entries) expect(stored.peek(k)).toEqual(JSON.parse(JSON.stringify(v)));
    expect(stored.peek('nmissing')).toBeUndefined();
    expect(stored.take('hcafé')).toEqual({ word: 'café', cps: [0x63, 0xe9] });
    expect(stored.take('hcafé')).toBeUndefined();
    expect(stored.size).toBe(entries.length - 1);
  });

  it('hand back what was never taken, in stored order, as the stored text', () => {
    const { entries: stored } = section(entries);
    stored.take('nplain');
    stored.take('');
    const rest = stored.rest();
    expect(rest.map(([k]) => k)).toEqual(entries.map(([k]) => k).filter((k) => k !== 'nplain' && k !== ''));
    for (const [k, v] of rest) {
      expect(v).toBeInstanceOf(StoredJson);
      expect(v.text).toBe(asciiJson(entries.find(([key]) => key === k)![1]));
    }
  });

  it('revive values on the way out', () => {
    const lines = storedLine('p', asciiJson({ missing: [1, 2] }));
    const stored = new StoredEntries(lines, 0, lines.length, 1, (json) => new Set((json as { missing: number[] }).missing));
    expect(stored.take('p')).toEqual(new Set([1, 2]));
  });
});
