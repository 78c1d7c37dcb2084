// File-system helpers for the loader: read text or report why not, and list a folder's files recursively.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../../shared/model/library.js';
import { describeErrnoCode, describeFileError, errnoCode } from '../errno.js';

export type ReadResult = { text: string } | { missing: true } | { problem: Problem };

/*
 * Reads are synchronous on purpose: a library is thousands of small files, and one readFileSync after another
 * measured 8x faster than the same reads through the promise API's thread pool (35 ms vs 270 ms for 2,050
 * files); the parse that follows blocks for longer anyway.
 */

/** Reads a UTF-8 file; a missing file is not a problem in itself (the caller decides). */
export function readText(file: string): ReadResult {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return { missing: true };
    return { problem: unreadable(file, code) };
  }
}

/** The problem for a file that could not be read, in the words of the shared errno table. */
export function unreadable(file: string, code: string | undefined): Problem {
  const { reason, fix } = describeErrnoCode(code);
  return { file, message: `cannot read this file (${reason}) — ${fix}`, severity: 'error' };
}

/**
 * Files under `dir` whose names end with one of `extensions`, sorted so loading is deterministic.
 * Hidden entries (editor temp files, .git) are skipped; a missing folder yields nothing.
 */
export function listFiles(dir: string, extensions: readonly string[], problems: Problem[]): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') {
        const { reason, fix } = describeFileError(err);
        problems.push({ file: folder, message: `cannot list this folder (${reason}) — ${fix}`, severity: 'error' });
      }
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(folder, e.name);
      if (e.isDirectory()) walk(full);
      else if (extensions.some((ext) => e.name.endsWith(ext))) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}
