// Duplicate keys found by counting (hasDuplicateKey) agree with the raw tree's reader, and a brief read without its tree is refused alike.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefFormatError } from '../../../shared/model/brief-format-error.js';
import { parseBriefDocument } from '../../../shared/model/parse-brief.js';
import { hasDuplicateKey, parseRawJson } from '../../../shared/model/raw-json.js';
import { examplesDir } from '../../../main/services/app-paths.js';

/** JSON text whose objects may repeat a key, spelled plainly or with an escape, with strings that look like keys. */
const KEYS = ['a', 'b', '\\u0061', 'a:', '\\"', '\\\\', '__proto__', ' '];
const jsonText = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('1', 'true', 'null', '"x"', '"a\\":"', '"\\\\"', '":"', '[]', '{}'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[ ${items.join(' ,\n')} ]`),
    fc
      .array(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 4 })
      .map((entries) => `{${entries.map(([k, v]) => `"${k}" \t: ${v}`).join(',')}}`),
  ),
})).value;

function refusal(text: string, raw: boolean): string {
  try {
    parseBriefDocument(text, 'dup.brief', { raw });
  } catch (e) {
    if (e instanceof BriefFormatError) return e.message;
    throw e;
  }
  return 'no refusal';
}

describe('hasDuplicateKey', () => {
  it('says yes exactly when the raw reader finds a duplicate key', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const parsed = JSON.parse(text) as unknown;
        expect(hasDuplicateKey(text, parsed)).toBe('duplicate' in parseRawJson(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('finds none in the example briefs', async () => {
    for (const file of await readdir(examplesDir())) {
      if (!file.endsWith('.brief')) continue;
      const text = await readFile(path.join(examplesDir(), file), 'utf8');
      expect(hasDuplicateKey(text, JSON.parse(text)), file).toBe(false);
    }
  });
});

describe('a brief read without its raw tree', () => {
  const valid = { format: 'briefing-builder/brief', version: 1, meta: { title: 'T', template: 'one-pager', date: '2026-11-25' }, sections: [] };

  it('is the same brief, with no tree', async () => {
    const text = await readFile(path.join(examplesDir(), 't12-issue-brief.brief'), 'utf8');
    const full = parseBriefDocument(text, 't12.brief');
    const lean = parseBriefDocument(text, 't12.brief', { raw: false });
    expect(full.raw?.kind).toBe('object');
    expect(lean.raw).toBeNull();
    expect(lean.brief).toEqual(full.brief);
  });

  it('refuses a duplicate key with the same message, naming the key and its line', () => {
    const meta = JSON.stringify(valid, null, 2).replace('"title": "T",', '"title": "T",\n    "title": "Other",');
    const escaped = JSON.stringify(valid, null, 2).replace('"title": "T",', '"title": "T",\n    "\\u0074itle": "Other",');
    for (const text of [meta, escaped]) {
      expect(refusal(text, false)).toBe(refusal(text, true));
      expect(refusal(text, false)).toMatch(/^dup\.brief: has the key "title" twice in one object \(line 6\)/);
    }
    const notBrief = '{"a": 1, "a": 2}';
    expect(refusal(notBrief, false)).toBe(refusal(notBrief, true));
    expect(refusal(notBrief, false)).toMatch(/is not a Briefing Builder brief/);
  });
});
