// electronegativity (Doyensec) over the shell, preload and renderer sources, offline: any finding that is not
// accepted with a reason in test/fixtures/security/accepted-findings.ts fails the test (its CLI exits 0 on findings).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_FINDINGS } from '../../fixtures/security/accepted-findings.js';

interface Finding {
  id: string;
  file: string;
  location: { line: number };
  manualReview: boolean;
}
interface Result {
  atomicChecks: number;
  globalChecks: number;
  errors: { file: string; message: string }[];
  issues: Finding[];
}
type Run = (options: Record<string, unknown>) => Promise<Result>;

const repo = path.resolve(import.meta.dirname, '../../..');
const runnerPath = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/runner.js');
const toolRequire = createRequire(runnerPath);

/**
 * The tool fetches translations from GitHub on every run (dist/locales/i18n.js) and its release check fetches
 * Electron's release list: both go through `got`, which is swapped for a recorder that answers 404 offline.
 */
const outsideCalls: string[] = [];
function offlineGot(url: string): Promise<{ statusCode: number; body: string }> {
  outsideCalls.push(url);
  return Promise.resolve({ statusCode: 404, body: '' });
}
offlineGot.head = offlineGot;
const gotPath = toolRequire.resolve('got');
toolRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offlineGot } as unknown as NodeJS.Module;
const run = toolRequire(runnerPath) as Run;

let tree: string;
let result: Result;

beforeAll(async () => {
  // What ships and can hold Electron settings: the main process (shell, preload, services) and the renderer.
  tree = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-electronegativity-'));
  for (const part of ['main', 'renderer', 'package.json']) await fs.cp(path.join(repo, part), path.join(tree, part), { recursive: true });
  result = await run({
    input: tree,
    isRelative: true,
    // The release check asks the internet whether Electron has newer fixes; the support policy is in SECURITY.md.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: (JSON.parse(await fs.readFile(path.join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron!.replace(/^\D+/, ''),
  });
});
afterAll(() => fs.rm(tree, { recursive: true, force: true }));

describe('electronegativity', () => {
  it('ran its checks on every source file without a parse error and without the network', () => {
    expect(result.atomicChecks).toBeGreaterThan(30);
    expect(result.errors).toEqual([]);
    // Exactly one call reached the recorder, the translations: so the swap took, and the release check stayed out.
    expect(outsideCalls).toHaveLength(1);
    expect(outsideCalls[0]).toMatch(/^https:\/\/electronegativity-i18n\.[^/]+\/[^/]+\.json$/);
  });
  it('reports nothing that is not accepted with a reason', () => {
    const accepted = (f: Finding) => ACCEPTED_FINDINGS.some((a) => a.id === f.id && a.file === f.file);
    const unaccepted = result.issues.filter((f) => !accepted(f)).map((f) => `${f.id} ${f.file}:${f.location.line}${f.manualReview ? ' (review)' : ''}`);
    expect(unaccepted).toEqual([]);
  });
  it('accepts nothing it no longer reports', () => {
    const stale = ACCEPTED_FINDINGS.filter((a) => !result.issues.some((f) => f.id === a.id && f.file === a.file));
    expect(stale).toEqual([]);
  });
});
