// parseBriefDocument checks a brief through zod's interpreted parser (jitless): it must accept, refuse and word exactly as the compiled one.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Brief } from '../../../shared/model/brief.js';

const examples = path.resolve(__dirname, '../../../assets/examples');
const briefs = readdirSync(examples)
  .filter((f) => f.endsWith('.brief'))
  .map((f) => [f, JSON.parse(readFileSync(path.join(examples, f), 'utf8')) as Record<string, unknown>] as const);

// Spoiling a brief reaches into it at any depth: the variants below are plain JSON edits, not typed model code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** Bad variants of a brief: wrong types, missing fields, bad dates and URLs, unknown kinds, at several depths. */
function spoilt(b: Record<string, unknown>): unknown[] {
  const clone = () => structuredClone(b) as Loose;
  const out: unknown[] = [];
  const add = (f: (x: Loose) => void) => {
    const x = clone();
    f(x);
    out.push(x);
  };
  add((x) => delete x.meta.title);
  add((x) => (x.meta.title = ''));
  add((x) => (x.meta.date = '2026-02-30'));
  add((x) => (x.meta.template = 'poster'));
  add((x) => (x.meta.paper = 7));
  add((x) => (x.version = 2));
  add((x) => (x.sections = {}));
  add((x) => x.sections.push({ kind: 'linked', sectionId: 'Bad Id', revision: 0, title: 1 }));
  add((x) => x.sections.push({ kind: 'pasted', body: '' }));
  add((x) => x.sections.push({ kind: 'detached', id: '', title: 't', body: 'b', style: 'huge' }));
  add((x) => (x.variables = { a: 1 }));
  const pin = Object.keys(b.pins as object)[0];
  if (pin) {
    add((x) => (x.pins[pin].source.url = 'not a url'));
    add((x) => (x.pins[pin].review = {}));
    add((x) => (x.pins[pin].statement = 'x'.repeat(10_001)));
    add((x) => (x.pins[pin].tags.countries = ['US']));
    add((x) => delete x.pins[pin].asOf);
  }
  return out;
}

describe('the brief check, interpreted', () => {
  it('has briefs to check', () => expect(briefs.length).toBeGreaterThan(3));
  for (const [name, brief] of briefs) {
    it(`gives ${name} and its bad variants the same result as the compiled parser`, () => {
      for (const input of [brief, ...spoilt(brief)]) {
        // Each parse on its own copy: a parse must not depend on what another did to its input.
        const compiled = Brief.safeParse(structuredClone(input));
        const interpreted = Brief.safeParse(structuredClone(input), { jitless: true });
        expect(compiled.success).toBe(input === brief); // every variant is refused: the issues below are compared
        expect(interpreted.success).toBe(compiled.success);
        if (compiled.success && interpreted.success) expect(JSON.stringify(interpreted.data)).toBe(JSON.stringify(compiled.data));
        else expect(interpreted.error!.issues).toEqual(compiled.error!.issues);
      }
      expect(Brief.safeParse(brief, { jitless: true }).success).toBe(true);
    });
  }
});
