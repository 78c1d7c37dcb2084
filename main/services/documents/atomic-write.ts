// Crash-safe file replacement: temp file in the same folder, fsync, rename over, fsync the folder.
// By hand rather than write-file-atomic: that package does not fsync the folder, has no atomic copy (for the
// .bak) and hooks process exit through signal-exit; these few lines do exactly what the save path needs.
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Temp files are hidden siblings ending in `.tmp`, so a crash can leave one behind but it never carries the
 * target's extension and is never mistaken for the document.
 */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

/** The names tempPathFor gives, and only those: a dot, the target's name, eight hex digits, `.tmp`. */
export const OUR_TEMP_FILE = /^\..+\.[0-9a-f]{8}\.tmp$/;

/** A temp file younger than this may belong to a write still running (in this or another process). */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes temp files a killed write left in `folder`: only names of our pattern, only regular files (never a
 * link or a folder), only older than a minute. Best effort: a folder that cannot be listed is left as it is.
 */
export async function removeStaleTempFiles(folder: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!OUR_TEMP_FILE.test(name)) continue;
    const file = join(folder, name);
    const stats = await lstat(file).catch(() => null);
    if (!stats?.isFile() || now - stats.mtimeMs < STALE_TEMP_MS) continue;
    if (await unlink(file).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}

/**
 * A failed write names the temp file in its path and message; the user knows only the target, so the error is
 * made to name that instead (the errno code stays for the words of main/services/errno.ts).
 */
function aboutTarget(e: unknown, tmp: string, target: string): unknown {
  if (e instanceof Error) {
    const err = e as NodeJS.ErrnoException & { dest?: string };
    if (err.path === tmp) err.path = target;
    if (err.dest === tmp) err.dest = target;
    err.message = err.message.split(tmp).join(target);
  }
  return e;
}

/** Replaces `target` with `data` so that, whenever the process dies, the file is either wholly old or wholly new. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  await removeStaleTempFiles(dirname(target));
  const tmp = tempPathFor(target);
  try {
    const fh = await open(tmp, 'wx', options.mode ?? 0o666);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await finish(tmp, target, options.mode);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw aboutTarget(e, tmp, target);
  }
}

/** Copies `source` over `target` atomically (used for the .bak, which is as precious as the document). */
export async function copyFileAtomic(source: string, target: string, options: { mode?: number } = {}): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await copyFile(source, tmp);
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await finish(tmp, target, options.mode);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw aboutTarget(e, tmp, target);
  }
}

async function finish(tmp: string, target: string, mode: number | undefined): Promise<void> {
  // open()'s mode is filtered by the umask; set it exactly so a private (0600) brief stays private.
  if (mode !== undefined && process.platform !== 'win32') await chmod(tmp, mode);
  await renameWithRetry(tmp, target);
  await fsyncDir(dirname(target));
}

/** Makes a rename durable: without this a power cut can forget the new directory entry. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** On Windows a virus scanner or indexer briefly holding the target makes rename fail with EPERM/EBUSY. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const transient = process.platform === 'win32' && (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES');
      if (!transient || attempt >= 10) throw e;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}
