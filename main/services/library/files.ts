// File-system helpers for the loader: read text or report why not, and list a folder's files recursively.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../../shared/model/library.js';

export type ReadResult = { text: string } | { missing: true } | { problem: Problem };

/** Reads a UTF-8 file; a missing file is not a problem in itself (the caller decides). */
export async function readText(file: string): Promise<ReadResult> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    return { problem: unreadable(file, code) };
  }
}

export function unreadable(file: string, code: string | undefined): Problem {
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'it is gone or a broken link'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (code ?? 'unknown error');
  return { file, message: `cannot read this file (${why}) — check that it is a readable file`, severity: 'error' };
}

/**
 * Files under `dir` whose names end with one of `extensions`, sorted so loading is deterministic.
 * Hidden entries (editor temp files, .git) are skipped; a missing folder yields nothing.
 */
export async function listFiles(dir: string, extensions: readonly string[], problems: Problem[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') problems.push({ ...unreadable(folder, code), message: `cannot list this folder (${code ?? 'unknown error'})` });
      return;
    }
    const subfolders: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(folder, e.name);
      if (e.isDirectory()) subfolders.push(full);
      else if (extensions.some((ext) => e.name.endsWith(ext))) out.push(full);
    }
    await Promise.all(subfolders.map(walk));
  };
  await walk(dir);
  return out.sort();
}
