// Test helpers for the library suites: fixture paths, temp copies to damage, and a CLI output recorder.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../../main/cli/io.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/libraries/', import.meta.url));
export const fixture = (name: string) => path.join(FIXTURES, name);
export const BUNDLED = fileURLToPath(new URL('../../../assets/library/', import.meta.url));

/** A fresh temp folder; remove it with the returned cleanup. */
export async function tempDir(prefix = 'bb-library-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies a fixture library into `dir/name` so a test can change it. */
export async function copyFixture(name: string, dir: string, as = name): Promise<string> {
  const target = path.join(dir, as);
  await cp(fixture(name), target, { recursive: true });
  return target;
}

/** Replaces `from` by `to` in a file, failing loudly if `from` is not there (so a test cannot silently test nothing). */
export async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`edit: "${from}" not found in ${file}`);
  await writeFile(file, text.replace(from, to));
}

export function recorder(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}
