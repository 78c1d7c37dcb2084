// Test support: temp folders, copies of fixture libraries to change, a checked text edit, a minimal team library.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/libraries/', import.meta.url));
export const fixture = (name: string) => path.join(FIXTURES, name);
/** The bundled library in assets/, as the app ships it. */
export const BUNDLED = fileURLToPath(new URL('../../assets/library/', import.meta.url));

/** A fresh temp folder; remove it with the returned cleanup. */
export async function tempDir(prefix = 'bb-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies a fixture library into `dir/as` so a test can change it. */
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

/** An empty team library folder `parent/name`: just its library.yaml. */
export async function teamFolder(parent: string, name: string): Promise<string> {
  const dir = path.join(parent, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'library.yaml'), `id: ${name}\nname: ${name}\nversion: "1"\n`);
  return dir;
}
