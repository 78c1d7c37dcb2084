// Loading and saving .brief files on disk: guarded reads, atomic saves with one .bak, never clobbering a non-brief.
import { readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { Brief } from '../../../shared/model/brief.js';
import { BriefFormatError } from '../../../shared/model/brief-format-error.js';
import { checkBriefSize, decodeBriefBytes, reservedKeyProblem } from '../../../shared/model/brief-guards.js';
import { mergeBriefIntoRaw } from '../../../shared/model/brief-merge.js';
import { BRIEF_WORDING, parseBriefDocument } from '../../../shared/model/parse-brief.js';
import { serializeRaw, type RawObject } from '../../../shared/model/raw-json.js';
import { describeIssues } from '../../../shared/model/zod-issues.js';
import { KeyedSerialQueue } from '../../../shared/serial-queue.js';
import { describeFileError, errnoCode } from '../errno.js';
import { copyFileAtomic, writeFileAtomic } from './atomic-write.js';

export { BriefFormatError } from '../../../shared/model/brief-format-error.js';

/** Save refused because the file already at the path is not a readable brief (a `force` save would replace it). */
export class OverwriteRefusedError extends BriefFormatError {}

export interface SaveOptions {
  /** Replace a file that exists but is not a readable brief (after the user confirmed it). */
  force?: boolean;
  /**
   * Whose unknown fields the rewrite keeps (see bytesFor): by default the file already at the path (a save, an
   * --update); a path: that brief's (Save As from an open file); null: none (a new document replacing a file).
   */
  keepUnknownFrom?: string | null;
}

/** The one backup kept beside each brief: the file as it was before the last save. */
export function backupPathFor(path: string): string {
  return `${path}.bak`;
}

export async function readBriefFile(path: string): Promise<Brief> {
  return (await readBriefBytes(path, path, { raw: false })).brief;
}

/** The brief and the very bytes it was read from (the export's manifest hashes those: one read, no window between). */
export async function readBriefFileWithBytes(path: string): Promise<{ brief: Brief; bytes: Buffer }> {
  const { brief, bytes } = await readBriefBytes(path, path, { raw: false });
  return { brief, bytes };
}

/**
 * Serialised form: schema key order, record keys sorted, 2-space indent, trailing newline — the same brief
 * always gives the same bytes, so git diffs show real changes only. Throws a ZodError if the brief is invalid.
 */
export function serializeBrief(brief: Brief): string {
  return stringify(Brief.parse(brief));
}

/** `brief` must come out of Brief.parse, whose output follows the schema's key order. */
function stringify(brief: Brief): string {
  const sorted = <T>(rec: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(rec).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...brief, variables: sorted(brief.variables), pins: sorted(brief.pins) }, null, 2)}\n`;
}

export async function saveBriefFile(path: string, brief: Brief, options: SaveOptions = {}): Promise<void> {
  const reserved = reservedKeyProblem(brief);
  if (reserved) throw new BriefFormatError(path, `was not saved: ${reserved}`);
  const checked = Brief.safeParse(brief);
  if (!checked.success) {
    // Writing what we could not read back would lose the document; the message names the bad fields.
    throw new BriefFormatError(path, `was not saved: it does not match the brief format: ${describeIssues(checked.error.issues, brief, BRIEF_WORDING)}`);
  }
  // Queued by the path as given before the first await, so saves start in call order; then by the real file,
  // so saves through two links to one file do not interleave either.
  await savingPath.run(path, async () => {
    // Save through a symlink to the real file, as editors do, rather than replacing the link.
    const target = await realpath(path).catch(() => path);
    await savingTarget.run(target, () => replaceBrief(path, target, checked.data, options));
  });
}

/**
 * A rewrite of a brief keeps what this version does not know: the brief's content is merged into the raw JSON
 * tree of the file already there (unknown fields at every level stay where they were). A new file, or one
 * upgraded from an older format version, is written in the stable form of serializeBrief.
 */
function bytesFor(brief: Brief, existingRaw: RawObject | null): Buffer {
  return Buffer.from(existingRaw ? `${serializeRaw(mergeBriefIntoRaw(existingRaw, brief))}\n` : stringify(brief), 'utf8');
}

/**
 * Saves to one file run one after another: two overlapping saves could otherwise finish in the wrong order
 * and leave the older text on disk (or a .bak equal to the file). Two queues, not one: the path and its real
 * file are often the same string, and one queue would then wait for itself.
 */
const savingPath = new KeyedSerialQueue<string>();
const savingTarget = new KeyedSerialQueue<string>();

async function replaceBrief(path: string, target: string, brief: Brief, options: SaveOptions): Promise<void> {
  const existing = await inspectExisting(target, path);
  if (existing.kind === 'unreadable' && !options.force) {
    throw new OverwriteRefusedError(
      path,
      `was not saved: the file already there is not a brief this version can read (${existing.error.reason}). ` +
        'Nothing was changed — save under another name, or move that file away first',
    );
  }
  const ownRaw = existing.kind === 'brief' ? existing.raw : null;
  const bytes = bytesFor(brief, options.keepUnknownFrom === undefined ? ownRaw : await rawOf(options.keepUnknownFrom));
  if (existing.kind === 'brief' && existing.bytes.equals(bytes)) return;
  if (existing.kind !== 'none') await copyFileAtomic(target, backupPathFor(target), { mode: existing.stats.mode & 0o7777 });
  await writeFileAtomic(target, bytes, existing.kind === 'none' ? {} : { mode: existing.stats.mode & 0o7777 });
}

/** The raw tree of another brief whose unknown fields a Save As carries over; none when it is gone or unreadable. */
async function rawOf(file: string | null): Promise<RawObject | null> {
  if (file === null) return null;
  return readBriefBytes(file).then(
    (read) => read.raw,
    () => null,
  );
}

type Existing =
  | { kind: 'none' }
  | { kind: 'brief'; bytes: Buffer; raw: RawObject | null; stats: Stats }
  | { kind: 'unreadable'; error: BriefFormatError; stats: Stats };

async function inspectExisting(target: string, label: string): Promise<Existing> {
  let stats: Stats;
  try {
    stats = await stat(target);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { kind: 'none' };
    throw fileError(label, e);
  }
  if (!stats.isFile()) throw new BriefFormatError(label, `was not saved: ${notAFile(stats)}`);
  try {
    const { bytes, raw } = await readBriefBytes(target, label);
    return { kind: 'brief', bytes, raw, stats };
  } catch (e) {
    if (e instanceof BriefFormatError) return { kind: 'unreadable', error: e, stats };
    throw e;
  }
}

/** `raw: false`: the caller will not rewrite the file, so its raw JSON tree is not built (`raw` is null). */
async function readBriefBytes(path: string, label = path, options: { raw?: boolean } = {}): Promise<{ brief: Brief; raw: RawObject | null; bytes: Buffer }> {
  let stats: Stats;
  let bytes: Buffer;
  try {
    stats = await stat(path);
    if (!stats.isFile()) throw new BriefFormatError(label, notAFile(stats));
    // Refuse before reading: a 2 GB file picked by mistake must not be pulled into memory.
    checkBriefSize(stats.size, label);
    bytes = await readFile(path);
  } catch (e) {
    throw e instanceof BriefFormatError ? e : fileError(label, e);
  }
  return { ...parseBriefDocument(decodeBriefBytes(bytes, label), label, { byteSize: bytes.length, raw: options.raw }), bytes };
}

const A_FOLDER = 'is a folder, not a brief file — choose a .brief file';

function notAFile(stats: Stats): string {
  return stats.isDirectory() ? A_FOLDER : 'is not a regular file — choose a .brief file';
}

/** Turns a file-system error into a one-line reason in the words of the shared errno table (main/services/errno.ts). */
function fileError(label: string, e: unknown): BriefFormatError {
  const { code, reason, fix } = describeFileError(e);
  if (code === 'ENOENT') return new BriefFormatError(label, `was not found — ${fix}`);
  if (code === 'EISDIR') return new BriefFormatError(label, A_FOLDER);
  return new BriefFormatError(label, `cannot be read: ${reason} — ${fix}`);
}
