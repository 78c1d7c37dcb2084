// Loads each fixture library and asserts exactly the problems it should have: file, line and what is said.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../main/services/library/load.js';
import { fixture } from '../../support/temp.js';

interface Expected {
  file: string;
  line: number;
  says: string[];
}

/** One defect per fixture, so each expectation is the whole list of problems. */
const CASES: Record<string, Expected> = {
  'bad-yaml': { file: 'facts/quantum.yaml', line: 9, says: ['YAML syntax error', 'quoted text opened here is never closed'] },
  'missing-source': {
    file: 'facts/semiconductors.yaml',
    line: 24,
    says: ['fact "euv-single-supplier"', 'source.url is missing', 'add the URL of the document the figure comes from'],
  },
  'duplicate-id': {
    file: 'facts/semiconductors.yaml',
    line: 33,
    says: ['fact "jp-chip-subsidy" is defined twice', 'facts/semiconductors.yaml:2', 'rename or remove this one'],
  },
  'unknown-fact': {
    file: 'sections/context.md',
    line: 9,
    says: ['section "biotech-context"', '{{fact:biotech-market-size}}', 'unknown fact "biotech-market-size"'],
  },
  'bad-date': { file: 'facts/quantum.yaml', line: 5, says: ['fact "quantum-public-funding"', 'asOf "2024-02-30"', 'not a real calendar date', 'YYYY-MM-DD'] },
  'undeclared-variable': {
    file: 'sections/context.md',
    line: 9,
    says: ['section "biotech-context"', '{{var:minister}}', 'not declared', 'variables:'],
  },
};

describe('fixture libraries', () => {
  it('the valid fixture loads completely with no problems', async () => {
    const { library, problems } = await loadLibrary(fixture('valid'));
    expect(problems).toEqual([]);
    expect([library.facts.size, library.sections.size, library.countries.size, library.forums.size, library.technologies.size]).toEqual([3, 3, 2, 1, 3]);
    const section = library.sections.get('semiconductors-priorities')!;
    expect(section.title).toBe('Semiconductors: priorities for cooperation');
    expect(section.body).toMatch(/^Allied chip policy/);
    expect(section.origin).toEqual({ library: 'fixture-valid', file: path.join(fixture('valid'), 'sections/priorities/semiconductors.md') });
    expect(library.facts.get('jp-chip-subsidy')).toMatchObject({ value: 3.9, unit: 'USD trillion', asOf: '2023-11', tags: { countries: ['japan'] } });
  });

  for (const [name, want] of Object.entries(CASES)) {
    it(`${name}: exactly one error, at ${want.file}:${want.line}`, async () => {
      const { problems } = await loadLibrary(fixture(name));
      expect(problems).toHaveLength(1);
      const [p] = problems;
      expect(p).toMatchObject({ file: path.join(fixture(name), want.file), line: want.line, severity: 'error' });
      for (const s of want.says) expect(p!.message).toContain(s);
      // One line, no stack trace, and an explanation of the fix after the dash.
      expect(p!.message).not.toContain('\n');
      expect(p!.message).toContain(' — ');
    });
  }

  it('a library with an error still loads everything that is valid', async () => {
    const { library } = await loadLibrary(fixture('missing-source'));
    expect(library.facts.has('euv-single-supplier')).toBe(false);
    expect([...library.facts.keys()].sort()).toEqual(['jp-chip-subsidy', 'quantum-public-funding']);
    expect(library.sections.size).toBe(3);
  });
});
