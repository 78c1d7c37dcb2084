// `briefing check FILE.brief --update` rewrites losslessly: unknown fields stay where they were; a duplicate key is refused, nothing written.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../shared/model/brief.js';
import { useTempDir } from '../support/hooks.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/briefing.cjs');
const dir = useTempDir('briefing-cli-update-');
const env = { ...process.env, BRIEFING_TODAY: '2026-11-25' };

async function child(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return run(process.execPath, [bin, ...argv], { cwd: dir(), env }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}

/** A brief of one library section whose first pin has an older wording, so --update has work to do. */
async function staleBrief(): Promise<{ file: string; brief: Brief; factId: string }> {
  const list = JSON.parse((await child(['list', 'sections', '--json'])).out) as { id: string }[];
  const file = path.join(dir(), 'pins.brief');
  expect((await child(['new', '--template', 'issue-brief', '--title', 'Pins', '--section', list[0]!.id, '--out', file])).code).toBe(0);
  const brief = JSON.parse(await fs.readFile(file, 'utf8')) as Brief;
  const factId = Object.keys(brief.pins)[0]!;
  brief.pins[factId]!.statement = 'An older wording of the fact.';
  return { file, brief, factId };
}

describe('check --update', () => {
  it('keeps unknown fields at the top, in meta, in sections and in pins, in their places', async () => {
    const { file, brief, factId } = await staleBrief();
    const pin = brief.pins[factId]!;
    const withUnknown = {
      addedBy: 'a newer version',
      ...brief,
      pins: { ...brief.pins, [factId]: { reviewedBy: 'desk 4', ...pin, source: { ...pin.source, archived: 'https://example.org/a' } } },
      meta: { ...brief.meta, classificationGuide: { id: 'G-7', pages: [3, 4] } },
      sections: brief.sections.map((s) => ({ note: 'keep me', ...s })),
      trailer: 1.50,
    };
    // Compact text with 1.50 spelled so: a rewrite must keep the unknown number's spelling too.
    await fs.writeFile(file, JSON.stringify(withUnknown).replace('"trailer":1.5', '"trailer":1.50'));

    const r = await child(['check', file, '--update']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/applied 1 update\(s\)/);
    const text = await fs.readFile(file, 'utf8');
    const after = JSON.parse(text) as Brief & { meta: { classificationGuide: unknown }; pins: Record<string, { source: { archived?: string } }> };
    expect(Object.keys(after)).toEqual(['addedBy', 'format', 'version', 'meta', 'sections', 'variables', 'pins', 'trailer']);
    expect(text).toMatch(/"trailer": 1\.50\n\}\n$/);
    expect(after.meta.classificationGuide).toEqual({ id: 'G-7', pages: [3, 4] });
    expect(Object.keys(after.meta).at(-1)).toBe('classificationGuide');
    for (const s of after.sections) expect(Object.keys(s)[0]).toBe('note');
    expect(Object.keys(after.pins[factId]!)[0]).toBe('reviewedBy');
    expect(after.pins[factId]!.source.archived).toBe('https://example.org/a');
    expect(after.pins[factId]!.statement).not.toBe('An older wording of the fact.');
    expect((await child(['check', file])).out).toMatch(/up to date with the libraries/);
  });

  it('refuses a brief with a duplicate key, naming it and its line, and changes nothing', async () => {
    const { file, brief } = await staleBrief();
    const text = JSON.stringify(brief, null, 2).replace('"title": "Pins",', '"title": "Pins",\n    "title": "Other",');
    await fs.writeFile(file, text);
    const before = createHash('sha256').update(text).digest('hex');
    const line = text.split('\n').findIndex((l) => l.includes('"Other"')) + 1;
    const r = await child(['check', file, '--update']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      `briefing: ${file}: has the key "title" twice in one object (line ${line}); JSON keeps only one of them — remove the other; fix it in a text editor, or use the .bak copy beside it if there is one`,
    ]);
    expect(createHash('sha256').update(await fs.readFile(file)).digest('hex')).toBe(before);
    await expect(fs.stat(`${file}.bak`)).rejects.toThrow();
  });
});
