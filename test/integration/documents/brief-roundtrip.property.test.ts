// Property: any valid brief saved with saveBriefFile reads back deep-equal, and the .bak holds the one before.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIEF_FORMAT, BRIEF_VERSION, Brief, TEMPLATE_IDS } from '../../../shared/model/brief.js';
import { backupPathFor, readBriefFile, saveBriefFile } from '../../../main/services/documents/brief-file.js';

// Text: any code point, graphemes, and lone surrogates (JSON escapes them, so they survive UTF-8).
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate) }),
);
// Plain objects only (noNullPrototype): fast-check may build null-prototype objects, which JSON never gives back.
const plain = { noNullPrototype: true } as const;
const nonEmpty = text.filter((s) => s.length > 0);
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const date = fc
  .tuple(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), fc.boolean())
  .map(([d, monthOnly]) => d.toISOString().slice(0, monthOnly ? 7 : 10));
// JSON has no -0; a fact value of -0 reads back as 0, which is the same number to a reader.
const value = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));

const fact = fc.record(
  {
    id,
    statement: nonEmpty,
    value,
    unit: text,
    asOf: date,
    review: fc.oneof(
      fc.record({ by: date }, plain),
      fc.record({ maxAgeDays: fc.integer({ min: 1, max: 10_000 }) }, plain),
      fc.record({ by: date, maxAgeDays: fc.integer({ min: 1, max: 10_000 }) }, plain),
    ),
    source: fc.record({
      title: nonEmpty,
      publisher: nonEmpty,
      date,
      url: id.map((p) => `https://example.org/${p}?q=%C3%A9#x`),
    }, plain),
    tags: fc.record({ technologies: fc.array(id, { maxLength: 3 }), countries: fc.array(id, { maxLength: 3 }), topics: fc.array(text, { maxLength: 3 }) }, plain),
    marking: text,
  },
  { requiredKeys: ['id', 'statement', 'asOf', 'review', 'source', 'tags'], ...plain },
);

const style = fc.constantFrom('normal' as const, 'summary' as const);
const linked = fc.record(
  { kind: fc.constant('linked' as const), sectionId: id, revision: fc.integer({ min: 1, max: 1_000_000 }), title: text, body: text, marking: text, style },
  { requiredKeys: ['kind', 'sectionId', 'revision', 'title', 'body', 'style'], ...plain },
);
const detached = fc.record(
  { kind: fc.constant('detached' as const), id: nonEmpty, title: text, body: text, marking: text, style, fromSectionId: id },
  { requiredKeys: ['kind', 'id', 'title', 'body', 'style'], ...plain },
);

const meta = fc.record(
  {
    title: nonEmpty,
    subtitle: text,
    template: fc.constantFrom(...TEMPLATE_IDS),
    paper: fc.constantFrom('letter' as const, 'a4' as const),
    date,
    authors: fc.array(text, { maxLength: 4 }),
    marking: text,
    memo: fc.record(
      { for: fc.array(text, { maxLength: 20 }), from: text, subject: text, preparedBy: text, attachments: text },
      { requiredKeys: ['for', 'from', 'subject'], ...plain },
    ),
    language: fc.constantFrom('en-US', 'en-GB', 'fr-FR', 'ja-JP'),
  },
  { requiredKeys: ['title', 'template', 'paper', 'date', 'authors', 'marking', 'language'], ...plain },
);

const brief: fc.Arbitrary<Brief> = fc
  .record({
    meta,
    sections: fc.array(fc.oneof(linked, detached), { maxLength: 8 }),
    // "__proto__" is a reserved variable name (refused on load and save; see reservedKeyProblem).
    variables: fc.dictionary(nonEmpty.filter((k) => k !== '__proto__'), text, { maxKeys: 6, noNullPrototype: true }),
    pins: fc.uniqueArray(fact, { selector: (f) => f.id, maxLength: 5 }),
  }, plain)
  .map(({ pins, ...rest }) => ({
    format: BRIEF_FORMAT,
    version: BRIEF_VERSION,
    ...rest,
    pins: Object.fromEntries(pins.map((f) => [f.id, f])),
  }));

describe('brief round trip through the file system', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bb-roundtrip-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generated briefs are valid as generated (the arbitraries match the schema)', () => {
    fc.assert(
      fc.property(brief, (b) => {
        expect(Brief.parse(b)).toStrictEqual(b);
      }),
      { numRuns: 200 },
    );
  });

  it('readBriefFile(saveBriefFile(brief)) deep-equals brief; the .bak is the brief saved before', async () => {
    const path = join(dir, 'prop.brief');
    let previous: Brief | null = null;
    await fc.assert(
      fc.asyncProperty(brief, async (b) => {
        await saveBriefFile(path, b);
        expect(await readBriefFile(path)).toStrictEqual(b);
        if (previous && JSON.stringify(Brief.parse(previous)) !== JSON.stringify(Brief.parse(b))) {
          expect(await readBriefFile(backupPathFor(path))).toStrictEqual(previous);
        }
        previous = b;
      }),
      { numRuns: 150 },
    );
  });
});
