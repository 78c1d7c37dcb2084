// Where an export may be written: never over its own brief or any file that is not of the format being written, and failures said in words.
import type { Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../../shared/errors.js';
import { writeFileAtomic } from './documents/atomic-write.js';
import { describeFileError, errnoCode } from './errno.js';

/** The formats an export writes; each is recognised on disk by its content, never by its file name. */
export type ExportFormat = 'pdf' | 'docx';

const FORMAT_NAME: Readonly<Record<ExportFormat, string>> = { pdf: 'a PDF', docx: 'a Word file' };

/** An export target that must not be written, or could not be: `FILE: what is wrong — the fix`. Nothing was written. */
export class ExportTargetError extends UserFacingError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface TargetCheck {
  format: ExportFormat;
  /** How the file is named in messages: as the user typed it (CLI) or its base name (app). */
  label: string;
  /** Files the export must never replace, whatever their content: the brief being exported. */
  protect?: readonly string[];
}

/** How much of each end of a file is read to tell its format: a PDF header, or a zip's entry names (Word). */
const PROBE_BYTES = 64 * 1024;

/** Where a path really leads: through symlinks and `..`; for a file not yet there, its folder's real path. */
async function resolved(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch {
    const folder = await realpath(path.dirname(absolute)).catch(() => path.dirname(absolute));
    return path.join(folder, path.basename(absolute));
  }
}

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await stat(file);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw e;
  }
}

/** The first and last bytes of a file (overlapping for a small one). */
export interface Probe {
  head: Buffer;
  tail: Buffer;
}

async function readProbe(file: string, size: number): Promise<Probe> {
  const fh = await open(file, 'r');
  try {
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const head = await read(0, Math.min(size, PROBE_BYTES));
    const tail = size > PROBE_BYTES ? await read(size - PROBE_BYTES, PROBE_BYTES) : Buffer.alloc(0);
    return { head, tail };
  } finally {
    await fh.close();
  }
}

/**
 * A Word file is a zip whose entries include `[Content_Types].xml` and `word/document.xml`. A zip names every
 * entry in its central directory at the end of the file (and usually again in local headers at the start), so
 * the head and the tail of the file are enough; the body (images, fonts) is never read.
 */
function isWordFile(head: Buffer, tail: Buffer): boolean {
  if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) return false;
  const text = head.toString('latin1') + tail.toString('latin1');
  return text.includes('[Content_Types].xml') && text.includes('word/document.xml');
}

/** Whether a file whose first and last bytes are these is of `format`. */
export function isOfFormat(probe: Probe, format: ExportFormat): boolean {
  return format === 'pdf' ? probe.head.subarray(0, 5).toString('latin1') === '%PDF-' : isWordFile(probe.head, probe.tail);
}

/**
 * The device and inode of each protected file, asked for once per list. A batch hands its one list (all its briefs)
 * to every check of every brief, and statting each brief again for each target already in the folder made
 * re-exporting a batch of N briefs into the same folder 2N² calls (two checks per brief). A brief replaced on disk
 * while its batch runs keeps the identity it had at the first check, which is the file the batch read.
 */
const protectedIdentities = new WeakMap<readonly string[], Promise<Set<string>>>();

function identitiesOf(protect: readonly string[]): Promise<Set<string>> {
  let found = protectedIdentities.get(protect);
  if (!found) {
    found = Promise.all(protect.map((file) => statOrNull(file).catch(() => null))).then(
      (all) => new Set(all.flatMap((s) => (s ? [`${s.dev}:${s.ino}`] : []))),
    );
    protectedIdentities.set(protect, found);
  }
  return found;
}

/**
 * Whether writing `target` would replace a protected file. An existing target is one exactly when it is the same
 * file (device and inode: by another path, a symlink or a hard link alike), the protected files' identities read
 * once per list (identitiesOf). An absent target can only be the path of a protected file
 * that is absent too (an existing one would have been found at it), so only those of the same last name are resolved:
 * a batch of N briefs into a new folder does no file-system call here, rather than 2N per check.
 */
async function isProtected(target: string, stats: Stats | null, protect: readonly string[]): Promise<boolean> {
  if (!protect.length) return false;
  if (stats) return (await identitiesOf(protect)).has(`${stats.dev}:${stats.ino}`);
  const name = path.basename(target);
  const namesakes = protect.filter((file) => path.basename(path.resolve(file)) === name);
  if (!namesakes.length) return false;
  const real = await resolved(target);
  for (const file of namesakes) if ((await resolved(file)) === real) return true;
  return false;
}

/**
 * Refuses a target that resolves to a protected file (also by another path, a symlink or a hard link), that is a
 * folder or a special file, or that exists and is not of the format being written. An absent target is fine.
 */
export async function checkExportTarget(target: string, check: TargetCheck): Promise<void> {
  const fail = (reason: string): never => {
    throw new ExportTargetError(check.label, reason);
  };
  let stats: Stats | null;
  try {
    stats = await statOrNull(target);
  } catch (e) {
    throw writeFailure(check.label, e);
  }
  if (await isProtected(target, stats, check.protect ?? [])) {
    fail(`is the brief being exported; writing ${FORMAT_NAME[check.format]} there would replace it — choose another file name for the export; nothing was written`);
  }
  if (!stats) return checkFolder(target, check.label);
  if (stats.isDirectory()) fail(`is a folder — give the name of a file inside it; nothing was written`);
  if (!stats.isFile()) fail(`is not a regular file — choose another file name for the export; nothing was written`);
  let probe: Probe;
  try {
    probe = await readProbe(target, stats.size);
  } catch (e) {
    const { reason, fix } = describeFileError(e);
    return fail(`already exists and cannot be read to check what it is (${reason}) — ${fix}, or choose another file name; nothing was written`);
  }
  if (!isOfFormat(probe, check.format)) {
    fail(
      `already exists and is not ${FORMAT_NAME[check.format]}, so exporting would destroy it — choose another file name, or move that file away first; nothing was written`,
    );
  }
}

/** A new file needs a folder to go in: a missing one is said before any rendering starts. */
async function checkFolder(target: string, label: string): Promise<void> {
  const folder = path.dirname(path.resolve(target));
  const stats = await statOrNull(folder).catch((e: unknown) => {
    throw writeFailure(label, e);
  });
  const shown = path.dirname(label) === '.' ? 'its folder' : `its folder ${path.dirname(label)}`;
  if (!stats) throw new ExportTargetError(label, `cannot be written: ${shown} does not exist — create it, or choose another folder; nothing was written`);
  if (!stats.isDirectory()) throw new ExportTargetError(label, `cannot be written: ${shown} is a file, not a folder — choose another folder; nothing was written`);
}

/** Words for a failed write of the export, about the target as the user named it: no temp-file name, no errno code. */
export function writeFailure(label: string, e: unknown): UserFacingError {
  if (e instanceof UserFacingError) return e;
  const code = errnoCode(e);
  if (!code) return new ExportTargetError(label, `was not written: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  const { reason, fix } = describeFileError(e, 'write');
  return new ExportTargetError(label, `was not written: ${reason} — ${fix}`);
}

/** Checks the target once more (it may have appeared while the export was rendered), then writes it atomically. */
export async function writeExportFile(target: string, bytes: Uint8Array, check: TargetCheck): Promise<void> {
  await checkExportTarget(target, check);
  try {
    await writeFileAtomic(target, bytes);
  } catch (e) {
    throw writeFailure(check.label, e);
  }
}
