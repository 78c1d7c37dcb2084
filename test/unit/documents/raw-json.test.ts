// The raw JSON tree behind a lossless rewrite: written exactly as JSON.stringify(…, null, 2), iterative, and duplicate keys refused with their line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefFormatError } from '../../../shared/model/brief-format-error.js';
import { parseBriefJson } from '../../../shared/model/parse-brief.js';
import { parseRawJson, serializeRaw } from '../../../shared/model/raw-json.js';

const valid = { format: 'briefing-builder/brief', version: 1, meta: { title: 'T', template: 'one-pager', date: '2026-11-25' }, sections: [] };

function refusal(text: string): BriefFormatError {
  try {
    parseBriefJson(text, 'dup.brief');
  } catch (e) {
    if (e instanceof BriefFormatError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('parseRawJson + serializeRaw', () => {
  it('write any JSON value exactly as JSON.stringify(value, null, 2) does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2);
        const raw = parseRawJson(JSON.stringify(value));
        if (!('value' in raw)) throw new Error('a JS value has no duplicate keys');
        expect(serializeRaw(raw.value)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('keep the source text of scalars and the order of integer-like keys', () => {
    const raw = parseRawJson('{"b":1.50,"2":"\\u0041","a":[1e2,true,null]}');
    if (!('value' in raw)) throw new Error('no duplicate here');
    expect(serializeRaw(raw.value)).toBe('{\n  "b": 1.50,\n  "2": "\\u0041",\n  "a": [\n    1e2,\n    true,\n    null\n  ]\n}');
  });

  it('read 100,000 levels of nesting and write 10,000 without recursion', () => {
    const nested = (depth: number) => parseRawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect('value' in nested(100_000)).toBe(true);
    // Indentation grows with depth (the text is quadratic), so the written side stops at 10,000 levels (100 MB).
    const depth = 10_000;
    const raw = parseRawJson(`${'{"k":'.repeat(depth)}1${'}'.repeat(depth)}`);
    if (!('value' in raw)) throw new Error('no duplicate here');
    let value = JSON.parse(serializeRaw(raw.value)) as unknown;
    let levels = 0;
    for (; typeof value === 'object' && value !== null; levels++) value = (value as { k: unknown }).k;
    expect([levels, value]).toEqual([depth, 1]);
  });

  it('find a duplicate key with its line, also in a nested object and in a key spelled with an escape', () => {
    expect(parseRawJson('{\n"a": 1,\n"b": {"x": 1,\n "x": 2}}')).toEqual({ duplicate: { key: 'x', line: 4 } });
    expect(parseRawJson('{"a": 1, "\\u0061": 2}')).toEqual({ duplicate: { key: 'a', line: 1 } });
    expect('value' in parseRawJson('{"a": {"k": 1}, "b": {"k": 1}, "c": ["k", "k"]}')).toBe(true);
  });
});

describe('a duplicate key in a brief', () => {
  it('is a refusal naming the key and its line, at the top, in meta and in a section', () => {
    const top = JSON.stringify(valid, null, 2).replace('"version": 1,', '"version": 1,\n  "format": "briefing-builder/brief",');
    expect(refusal(top).message).toMatch(/^dup\.brief: has the key "format" twice in one object \(line 4\); JSON keeps only one of them — remove the other; fix it in a text editor/);
    const meta = JSON.stringify(valid, null, 2).replace('"title": "T",', '"title": "T",\n    "title": "Other",');
    expect(refusal(meta).message).toMatch(/has the key "title" twice in one object \(line 6\)/);
    const section = JSON.stringify({ ...valid, sections: [{ kind: 'detached', id: 's', title: 'S', body: 'one' }] }).replace('"body":"one"', '"body":"one","body":"two"');
    expect(refusal(section).message).toMatch(/has the key "body" twice in one object \(line 1\)/);
  });
});
