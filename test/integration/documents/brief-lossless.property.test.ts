// Property: unknown fields at every level of a brief (top, meta, sections, pins, their sources) survive read → update → save, in order.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesDir } from '../../../main/services/app-paths.js';
import { readBriefFile, saveBriefFile } from '../../../main/services/documents/brief-file.js';
import { Brief, BriefMeta, DetachedSection, LinkedSection } from '../../../shared/model/brief.js';
import { PinnedFact } from '../../../shared/model/library.js';
import { parseRawJson, type RawObject, type RawValue } from '../../../shared/model/raw-json.js';
import { useTempDir } from '../../support/hooks.js';

const dir = useTempDir('bb-lossless-');
let base: Brief;

beforeAll(async () => {
  // Brief.parse output: every defaulted field is present, so a save adds no key and the key order is comparable.
  base = Brief.parse(await readBriefFile(join(examplesDir(), 'decision-memo.brief')));
});

type Entries = [string, unknown][];
/** An object given as ordered entries, so the test decides the order (integer-like keys included). */
class Ordered {
  constructor(readonly entries: Entries) {}
}

/** Compact JSON of a value whose objects may be Ordered: a different layout from the one a save writes. */
function write(value: unknown): string {
  if (value instanceof Ordered) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  return JSON.stringify(value);
}

/** Unknown fields for one object level: unique new keys, any JSON values, each with where it goes. */
const unknownFields = (known: readonly string[]) =>
  fc.uniqueArray(
    fc.tuple(
      fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !known.includes(k)),
      fc.jsonValue({ maxDepth: 3 }),
      fc.nat(),
    ),
    { selector: ([k]) => k, maxLength: 3 },
  );

/** `obj`'s entries with the unknown fields put in at their positions. */
function withUnknown(entries: Entries, extra: [string, unknown, number][]): Ordered {
  const out = [...entries];
  for (const [k, v, at] of extra) out.splice(at % (out.length + 1), 0, [k, v]);
  return new Ordered(out);
}

function levels(o: RawValue): { path: string; node: RawObject }[] {
  const found: { path: string; node: RawObject }[] = [];
  const walk = (node: RawValue, path: string, depth: number) => {
    if (node.kind !== 'object' || depth > 3) return;
    found.push({ path, node });
    for (const [k, v] of node.entries) {
      if (v.kind === 'array') v.items.forEach((item, i) => walk(item, `${path}.${k}[${i}]`, depth + 1));
      else walk(v, `${path}.${k}`, depth + 1);
    }
  };
  walk(o, '$', 0);
  return found;
}

/** Every scalar (and empty container) of a tree with its path and source text. */
function leaves(tree: RawValue): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: RawValue, path: string) => {
    if (node.kind === 'scalar') out.push([path, node.text]);
    else if (node.kind === 'array') {
      if (!node.items.length) out.push([path, '[]']);
      node.items.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else {
      if (!node.entries.length) out.push([path, '{}']);
      for (const [k, v] of node.entries) walk(v, `${path}.${k}`);
    }
  };
  walk(tree, '$');
  return out;
}

describe('a rewrite keeps what this version does not know', () => {
  it('random unknown fields at every level survive read → update → save with their order and values', async () => {
    const pinIds = Object.keys(base.pins);
    expect(pinIds.length).toBeGreaterThan(0);
    expect(base.sections.length).toBeGreaterThan(0);
    // Known means the schema's fields too, not only those the example happens to have: an optional field such as a
    // pin's `value` is not unknown (a generated `value` holding a list was refused as a bad value).
    const at = (known: object, ...schemas: { shape: object }[]) => unknownFields([...Object.keys(known), ...schemas.flatMap((z) => Object.keys(z.shape))]);
    const arb = fc.record({
      top: at(base, Brief),
      meta: at(base.meta, BriefMeta),
      sections: fc.tuple(...base.sections.map((s) => at(s, LinkedSection, DetachedSection))),
      pins: fc.tuple(...pinIds.map((id) => fc.tuple(at(base.pins[id]!, PinnedFact), at(base.pins[id]!.source, PinnedFact.shape.source)))),
      title: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== ''),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arb, async (extra) => {
        const file = join(dir(), `b${n++}.brief`);
        const pins = new Ordered(
          pinIds.map((id, i) => {
            const pin = base.pins[id]!;
            const source = withUnknown(Object.entries(pin.source), extra.pins[i]![1]);
            return [id, withUnknown(Object.entries({ ...pin, source }), extra.pins[i]![0])];
          }),
        );
        const sections = base.sections.map((s, i) => withUnknown(Object.entries(s), extra.sections[i]!));
        const meta = withUnknown(Object.entries(base.meta), extra.meta);
        const text = write(withUnknown(Object.entries({ ...base, meta, sections, pins }), extra.top));
        await writeFile(file, text);

        const read = await readBriefFile(file);
        const firstPin = pinIds[0]!;
        const updated: Brief = {
          ...read,
          meta: { ...read.meta, title: extra.title },
          pins: { ...read.pins, [firstPin]: { ...read.pins[firstPin]!, statement: `${read.pins[firstPin]!.statement} (updated)` } },
        };
        await saveBriefFile(file, updated);

        const before = parseRawJson(text);
        const after = parseRawJson(await readFile(file, 'utf8'));
        if (!('value' in before) || !('value' in after)) throw new Error('duplicate key in a generated brief');
        // Same levels, same keys in the same order, unknown values unchanged, known ones as updated.
        const beforeLevels = levels(before.value);
        const afterLevels = levels(after.value);
        expect(afterLevels.map((l) => l.path)).toEqual(beforeLevels.map((l) => l.path));
        for (const [i, level] of beforeLevels.entries()) {
          expect(afterLevels[i]!.node.entries.map(([k]) => k)).toEqual(level.node.entries.map(([k]) => k));
        }
        const reread = await readBriefFile(file);
        expect(reread.meta.title).toBe(extra.title);
        expect(reread.pins[firstPin]!.statement).toMatch(/ \(updated\)$/);
        // Every leaf, unknown ones included, has the same source text, except the two fields updated.
        const changed = new Set(['$.meta.title', `$.pins.${firstPin}.statement`]);
        const kept = (tree: RawValue) => leaves(tree).filter(([path]) => !changed.has(path));
        expect(kept(after.value)).toEqual(kept(before.value));
      }),
      { numRuns: 60 },
    );
  });

  it('saving a brief read from a file of ours, unchanged, writes nothing (same bytes, no .bak)', async () => {
    const file = join(dir(), 'ours.brief');
    await saveBriefFile(file, base);
    const bytes = await readFile(file);
    await saveBriefFile(file, await readBriefFile(file));
    expect((await readFile(file)).equals(bytes)).toBe(true);
    await expect(readFile(`${file}.bak`)).rejects.toThrow();
  });

  it('a file with unknown fields, saved unchanged after a first rewrite, keeps the same bytes', async () => {
    const file = join(dir(), 'theirs.brief');
    const json = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ addedBy: 'a newer version', ...json, trailer: [1.50, 'x'] }));
    await saveBriefFile(file, { ...(await readBriefFile(file)), meta: { ...base.meta, title: 'Once' } });
    const bytes = await readFile(file);
    expect(bytes.toString()).toMatch(/^\{\n {2}"addedBy": "a newer version",\n/);
    await saveBriefFile(file, await readBriefFile(file));
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });
});
