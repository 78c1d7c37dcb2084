// The library caches' files: the persisted search index (a key line, then MiniSearch's JSON) and the folder's clean-up.
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The index JSON when the file was written for `key`; undefined when it is missing, truncated or for other content. */
function indexJSON(text: string, key: string): string | undefined {
  const nl = text.indexOf('\n');
  if (nl < 0 || text.slice(0, nl) !== key) return undefined;
  const json = text.slice(nl + 1);
  // A file cut short (a crash mid-write on a file system without atomic rename) fails here or in the parse after.
  return json.endsWith('}') ? json : undefined;
}

/** The index file whatever it was written for: its key and JSON (undefined when missing or truncated). */
function splitIndexFile(text: string): { key: string; json: string } | undefined {
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  const json = indexJSON(text, text.slice(0, nl));
  return json === undefined ? undefined : { key: text.slice(0, nl), json };
}

/** The index file's key and JSON, for any key (an index from before an edit can be brought up to date). */
export async function readAnyIndexFile(file: string): Promise<{ key: string; json: string } | undefined> {
  try {
    return splitIndexFile(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function readAnyIndexFileSync(file: string): { key: string; json: string } | undefined {
  try {
    return splitIndexFile(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Through a temp file and a rename, so a reader sees the old file or the new one, never half of one. */
export async function writeIndexFile(file: string, key: string, json: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${key}\n${json}`);
  await rename(tmp, file);
}

const CACHE_FILE = /^library-([0-9a-f]{16})\.(?:parse|index)\.json(?:\.\d+\.tmp)?$/;

/**
 * Keeps the caches of the `keep` sets of libraries used most recently (each set of mounts has its own pair of
 * files: a CLI run with --library adds one), so the folder does not grow with every folder ever mounted.
 */
export async function pruneCacheFolder(dir: string, current: string, keep = 8): Promise<void> {
  const names = (await readdir(dir)).filter((n) => CACHE_FILE.test(n));
  const newest = new Map<string, number>();
  const files = await Promise.all(names.map(async (n) => ({ n, id: CACHE_FILE.exec(n)![1]!, mtime: (await stat(path.join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })));
  for (const f of files) newest.set(f.id, Math.max(newest.get(f.id) ?? 0, f.mtime));
  const kept = new Set([current, ...[...newest].sort((a, b) => b[1] - a[1]).slice(0, keep - 1).map(([id]) => id)]);
  const stale = Date.now() - 3_600_000;
  await Promise.all(
    files.filter((f) => !kept.has(f.id) || (f.n.endsWith('.tmp') && f.mtime < stale)).map((f) => rm(path.join(dir, f.n), { force: true })),
  );
}
