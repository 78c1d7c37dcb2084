// `briefing check` and `briefing list` through runCheck/runList: output lines, JSON, and exit codes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/io.js';
import { runCheck, runList } from '../../../main/cli/library-commands.js';
import { recorder } from '../../support/cli.js';
import { fixture } from '../../support/temp.js';

const ctx = { bundledDir: fixture('valid'), today: new Date('2025-09-01T00:00:00Z') };

describe('briefing check', () => {
  it('a valid library: counts, stale facts, exit 0', async () => {
    const io = recorder();
    expect(await runCheck([], io, ctx)).toBe(EXIT.ok);
    expect(io.out).toEqual([
      'bundled library "fixture-valid" 1.0 (test/fixtures/libraries/valid)',
      '  3 facts, 3 sections, 2 countries, 1 forum, 3 technologies; 2 stale facts as of 2025-09-01',
      'no problems found',
    ]);
    expect(io.err).toEqual([]);
  });

  it('errors are printed as FILE:LINE: message and exit 1', async () => {
    const io = recorder();
    expect(await runCheck(['--library', fixture('missing-source')], io, ctx)).toBe(EXIT.badInput);
    const rel = (f: string) => path.relative(process.cwd(), path.join(fixture('missing-source'), f));
    expect(io.out).toContain(`${rel('facts/semiconductors.yaml')}:24: fact "euv-single-supplier": source.url is missing — add the URL of the document the figure comes from`);
    expect(io.out[2]).toBe('team library "fixture-missing-source" 1.0 (test/fixtures/libraries/missing-source)');
    expect(io.out.at(-1)).toMatch(/^\d+ errors, 0 warnings$/);
  });

  it('bad usage exits 2 with one line; a missing folder exits 1', async () => {
    const usage = recorder();
    expect(await runCheck(['--verbose'], usage, ctx)).toBe(EXIT.usage);
    expect(usage.err).toEqual([expect.stringMatching(/^briefing: Unknown option '--verbose' \(usage: briefing check \[--library DIR\]\.\.\.\)$/)]);
    const stray = recorder();
    expect(await runCheck(['somefile.brief'], stray, ctx)).toBe(EXIT.usage);
    const missing = recorder();
    expect(await runCheck(['--library', '/no/such/folder'], missing, ctx)).toBe(EXIT.badInput);
    expect(missing.err).toEqual(['briefing: /no/such/folder: no such library folder; give a folder that contains library.yaml']);
  });
});

describe('briefing list', () => {
  it('--json gives a parseable array with where each item comes from', async () => {
    const io = recorder();
    expect(await runList(['sections', '--json'], io, ctx)).toBe(EXIT.ok);
    const rows = JSON.parse(io.out.join('\n')) as { id: string; topic: string; library: string; file: string; body?: string }[];
    expect(rows.map((r) => r.id)).toEqual(['biotech-context', 'quantum-priorities', 'semiconductors-priorities']);
    expect(rows[0]).toMatchObject({ topic: 'context', library: 'fixture-valid', file: path.join(fixture('valid'), 'sections/context.md') });
    expect(rows[0]!.body).toBeUndefined();
  });

  it('filters by topic, technology and country', async () => {
    const list = async (...argv: string[]) => {
      const io = recorder();
      expect(await runList([...argv, '--json'], io, ctx)).toBe(EXIT.ok);
      return (JSON.parse(io.out.join('\n')) as { id: string }[]).map((r) => r.id);
    };
    expect(await list('sections', '--topic', 'priorities')).toEqual(['quantum-priorities', 'semiconductors-priorities']);
    expect(await list('facts', '--technology', 'semiconductors', '--country', 'netherlands')).toEqual(['euv-single-supplier']);
    expect(await list('facts', '--topic', 'funding')).toEqual(['quantum-public-funding']);
    expect(await list('countries', '--technology', 'quantum')).toEqual(['japan']);
    expect(await list('forums', '--country', 'japan')).toEqual(['quad']);
  });

  it('--search ranks, forgives typos, and adds a score', async () => {
    const io = recorder();
    expect(await runList(['sections', '--search', 'semicondutor', '--json'], io, ctx)).toBe(EXIT.ok);
    const rows = JSON.parse(io.out.join('\n')) as { id: string; score: number }[];
    expect(rows[0]!.id).toBe('semiconductors-priorities');
    expect(rows[0]!.score).toBeGreaterThan(0);
  });

  it('prints a table for people, long text cut to fit about 120 columns', async () => {
    const io = recorder();
    expect(await runList(['facts'], io, ctx)).toBe(EXIT.ok);
    expect(io.out.join('\n').split('\n')).toEqual([
      'euv-single-supplier     2024-01-15  Extreme ultraviolet lithography tools come from a single supplier.',
      'jp-chip-subsidy         2023-11     Japan set aside public funds for domestic chip fabrication.',
      'quantum-public-funding  2024-06-01  Announced public funding for quantum technologies passed forty billion dollars worl…',
    ]);
  });

  it('templates are the three the app knows', async () => {
    const io = recorder();
    expect(await runList(['templates', '--json'], io, ctx)).toBe(EXIT.ok);
    expect((JSON.parse(io.out.join('\n')) as { id: string }[]).map((t) => t.id)).toEqual(['issue-brief', 'decision-memo', 'one-pager']);
  });

  it('bad usage exits 2 with one line', async () => {
    for (const argv of [[], ['widgets'], ['facts', 'sections'], ['facts', '--colour'], ['templates', '--topic', 'data']]) {
      const io = recorder();
      expect(await runList(argv, io, ctx), argv.join(' ')).toBe(EXIT.usage);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toMatch(/^briefing: .*usage: briefing list/);
    }
  });

  it('a library with errors still lists, with a warning on stderr', async () => {
    const io = recorder();
    expect(await runList(['facts', '--json', '--library', fixture('bad-date')], io, ctx)).toBe(EXIT.ok);
    expect(io.err).toEqual([expect.stringContaining('run `briefing check` for details')]);
    expect(JSON.parse(io.out.join('\n'))).toHaveLength(3);
  });
});
