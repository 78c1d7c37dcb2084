// The bundled library in assets/library: it must pass check, and search must find the right things in it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library, Problem } from '../../../shared/model/library.js';
import { loadLibrary } from '../../../main/services/library/load.js';
import { LibraryIndex } from '../../../main/services/library/search.js';
import { BUNDLED } from '../../support/temp.js';

describe('bundled library (assets/library)', () => {
  let library: Library;
  let problems: Problem[];
  let index: LibraryIndex;
  beforeAll(async () => {
    // The app ships this library: a moved or missing manifest is a failure, never a quietly skipped suite.
    const manifest = path.join(BUNDLED, 'library.yaml');
    if (!existsSync(manifest)) throw new Error(`the bundled library's manifest ${manifest} is missing — the app would start without its library`);
    ({ library, problems } = await loadLibrary(BUNDLED));
    index = new LibraryIndex(library);
  });

  it('passes check: no errors', () => {
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${path.relative(BUNDLED, p.file)}:${p.line}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(library.facts.size).toBeGreaterThan(0);
    expect(library.technologies.size).toBeGreaterThan(0);
  });

  /** The priorities section of a technology: topic priorities, tagged with it (only with it, if there are several). */
  function prioritiesSection(tech: string): string | undefined {
    const candidates = [...library.sections.values()].filter((s) => s.topic === 'priorities' && s.tags.technologies.includes(tech));
    return (candidates.find((s) => s.tags.technologies.length === 1) ?? candidates[0])?.id;
  }
  const firstSection = (q: string) => index.search(q).find((r) => r.kind === 'section')?.id;

  it.each([
    ['semiconductor', 'semiconductors'],
    ['semicondutor', 'semiconductors'],
    ['quantm', 'quantum'],
    ['biotechnlogy', 'biotechnology'],
  ])('"%s" finds the %s priorities section first among sections', (query, tech) => {
    const expected = prioritiesSection(tech);
    if (!expected) return expect.soft(expected, `no priorities section tagged ${tech} yet`).toBeDefined();
    expect(firstSection(query)).toBe(expected);
  });

  it('misspelled queries still lead with items about the technology', () => {
    for (const [query, tech] of [
      ['semicondutor', 'semiconductors'],
      ['quantm', 'quantum'],
      ['biotechnlogy', 'biotechnology'],
    ] as const) {
      const top = index.search(query, { limit: 3 });
      expect(top.length, query).toBeGreaterThan(0);
      const about = (r: { kind: string; id: string }) =>
        r.kind === 'fact'
          ? library.facts.get(r.id)!.tags.technologies.includes(tech)
          : r.kind === 'section'
            ? library.sections.get(r.id)!.tags.technologies.includes(tech)
            : true;
      expect(top.filter(about).length, `${query}: ${top.map((r) => r.id).join(', ')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('filters narrow the results', () => {
    const facts = index.search('cooperation', { kinds: ['fact'], technology: 'semiconductors', limit: 500 });
    expect(facts.every((r) => r.kind === 'fact' && library.facts.get(r.id)!.tags.technologies.includes('semiconductors'))).toBe(true);
  });
});
