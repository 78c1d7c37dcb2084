// The built `briefing` command on generated pathological briefs in temp files: each is refused in one line naming the file and the place, exit 1, no stack, no PDF.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/hooks.js';
import {
  bigSectionBrief,
  deepFormatBrief,
  deepUnknownFieldBrief,
  deepVersionBrief,
  longQuery,
  longTitleBrief,
  nestedQuotesBrief,
  variableRefsBrief,
} from './inputs.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
/** The built command (`npm run build:node`), as `briefing` runs on a user's machine. */
const bin = path.join(root, 'bin/briefing.cjs');
const dir = useTempDir('briefing-bounds-', 'all');

beforeAll(() => {
  process.env.BRIEFING_TODAY = '2026-11-25';
});

async function briefing(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return run(process.execPath, [bin, ...argv], { maxBuffer: 1 << 20 }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}

/** Exports `text` written to a temp .brief and expects one refusal line naming the file. */
async function refused(name: string, text: string): Promise<string> {
  const file = path.join(dir(), `${name}.brief`);
  const out = path.join(dir(), `${name}.pdf`);
  await fs.writeFile(file, text);
  const r = await briefing(['export', file, '--out', out]);
  expect(r.code).toBe(1);
  expect(r.out).toBe('');
  const lines = r.err.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^briefing: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  expect(r.err).not.toMatch(/Maximum call stack|\n\s+at |RangeError/);
  await expect(fs.stat(out)).rejects.toThrow();
  return lines[0]!;
}

describe('briefing export refuses pathological briefs in one line', () => {
  it('20 KB of unclosed "[" in format: the nesting is named, not a stack overflow', async () => {
    const line = await refused('deep-format', deepFormatBrief(20_000));
    expect(line).toContain('"format" nests more than 64 levels deep at line 1, column');
  });

  it('20 KB of nested lists in version, closed (valid JSON)', async () => {
    const line = await refused('deep-version', deepVersionBrief(10_000));
    expect(line).toContain('"version" nests more than 64 levels deep');
  });

  it('an unknown field nested 100 objects deep', async () => {
    const line = await refused('deep-extra', deepUnknownFieldBrief(100));
    expect(line).toContain('"extra" nests more than 64 levels deep');
  });

  it('a 15 MB section is refused before it is parsed, naming the section and the limit', async () => {
    const line = await refused('big-section', bigSectionBrief(15_000_000));
    expect(line).toContain('section "big": the brief\'s text passes 2,000,000 characters');
  });

  it('a 1 MB brief full of variable references that expand past the limit', async () => {
    const line = await refused('var-refs', variableRefsBrief(1_000_000));
    expect(line).toContain('section "refs": the brief\'s text passes 2,000,000 characters');
  });

  it('a title of one 10 MB word', async () => {
    const line = await refused('title-10mb', longTitleBrief(10_000_000));
    expect(line).toContain('the title: the brief\'s text passes 2,000,000 characters');
  });

  it('quotes nested past markdown-it\'s cap name the section and the line (markdown-it would drop the rest silently)', async () => {
    const line = await refused('quotes', nestedQuotesBrief(40));
    expect(line).toContain('section "quotes": lists or quotes nest too deep at line 3 of its text');
  });

  it('a 120 KB --search is a usage error in one line, before any library is read', async () => {
    const r = await briefing(['list', 'sections', '--search', longQuery(120_000)]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual(['briefing: the search is 120,000 characters long; a search is at most 500 characters — search for a few words']);
  });

  it('a brief under every cap still exports (quotes nested 5 deep)', async () => {
    const file = path.join(dir(), 'fine.brief');
    await fs.writeFile(file, nestedQuotesBrief(5));
    const r = await briefing(['export', file, '--out', path.join(dir(), 'fine.pdf')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote .*fine\.pdf \(1 page\)/);
  });
});
