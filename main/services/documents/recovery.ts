// Autosaved recovery copies of unsaved edits in the user data folder, offered again after a crash.
import { mkdir, readFile, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Brief } from '../../../shared/model/brief.js';
import { parseBriefJson } from '../../../shared/model/parse-brief.js';
import { KeyedSerialQueue } from '../../../shared/serial-queue.js';
import { writeFileAtomic } from './atomic-write.js';
import { serializeBrief } from './brief-file.js';
import { systemClock, type Clock } from './clock.js';

const RECOVERY_FORMAT = 'briefing-builder/recovery';

/** What a recovery copy remembers besides the brief: where it belongs and what to call it. */
export interface RecoveryMeta {
  originalPath: string | null;
  displayName: string;
}
export interface RecoveryEntry extends RecoveryMeta {
  docId: string;
  /** When the copy was written (ms since the epoch). */
  savedAt: number;
  brief: Brief;
}

const RecoveryFile = z.object({
  format: z.literal(RECOVERY_FORMAT),
  version: z.literal(1),
  docId: z.string(),
  originalPath: z.string().nullable(),
  displayName: z.string(),
  savedAt: z.number(),
  /** The brief as .brief text, so it goes through the same parser and migrations as a file. */
  briefText: z.string(),
});

export interface RecoveryOptions {
  clock?: Clock;
  /** Write this long after the last edit... */
  delayMs?: number;
  /** ...but no later than this after the first unwritten edit, so steady typing is still covered. */
  maxDelayMs?: number;
  /** A failed copy must not interrupt editing; the next edit tries again. Hook for logging. */
  onError?: (error: unknown, docId: string) => void;
}

interface Pending {
  brief: Brief;
  meta: RecoveryMeta;
  timer: unknown;
  firstAt: number;
}

export class RecoveryStore {
  readonly dir: string;
  private readonly clock: Clock;
  private readonly delayMs: number;
  private readonly maxDelayMs: number;
  private readonly onError: (error: unknown, docId: string) => void;
  private readonly pending = new Map<string, Pending>();
  /** Per-document queue: a discard issued after a write always lands after it. */
  private readonly queues = new KeyedSerialQueue<string>();

  constructor(userDataDir: string, options: RecoveryOptions = {}) {
    this.dir = join(userDataDir, 'recovery');
    this.clock = options.clock ?? systemClock;
    this.delayMs = options.delayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 5000;
    this.onError = options.onError ?? (() => undefined);
  }

  scheduleWrite(docId: string, brief: Brief, meta: RecoveryMeta): void {
    checkDocId(docId);
    const now = this.clock.now();
    const previous = this.pending.get(docId);
    if (previous) this.clock.clearTimeout(previous.timer);
    const firstAt = previous?.firstAt ?? now;
    const wait = Math.max(0, Math.min(this.delayMs, firstAt + this.maxDelayMs - now));
    const timer = this.clock.setTimeout(() => this.writeNow(docId), wait);
    this.pending.set(docId, { brief, meta, timer, firstAt });
  }

  /** Writes a copy now, replacing any scheduled one (e.g. when saving the file failed). */
  async writeImmediately(docId: string, brief: Brief, meta: RecoveryMeta): Promise<void> {
    this.scheduleWrite(docId, brief, meta);
    this.writeNow(docId);
    await this.queues.idle(docId);
  }

  /** Writes every scheduled copy now and waits for all writes under way. */
  async flush(): Promise<void> {
    for (const docId of [...this.pending.keys()]) this.writeNow(docId);
    await this.idle();
  }

  /** Resolves when no write or discard is under way (scheduled ones stay scheduled). */
  idle(): Promise<void> {
    return this.queues.idle();
  }

  /** Drops the scheduled write and the copy on disk (after a successful save, or when the user discards). */
  async discard(docId: string): Promise<void> {
    checkDocId(docId);
    const pending = this.pending.get(docId);
    if (pending) this.clock.clearTimeout(pending.timer);
    this.pending.delete(docId);
    await this.queues.run(docId, async () => {
      await unlink(this.fileFor(docId)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    });
  }

  /** Recovery copies on disk, newest first. Unreadable copies are left on disk, untouched, and not offered. */
  async list(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const entries = await Promise.all(
      names.filter((n) => n.endsWith('.json')).map((n) => this.read(n.slice(0, -'.json'.length))),
    );
    return entries.filter((e): e is RecoveryEntry => e !== null).sort((a, b) => b.savedAt - a.savedAt);
  }

  async read(docId: string): Promise<RecoveryEntry | null> {
    if (!DOC_ID.test(docId)) return null;
    const file = this.fileFor(docId);
    try {
      const stored = RecoveryFile.parse(JSON.parse(await readFile(file, 'utf8')));
      const { originalPath, displayName, savedAt } = stored;
      return { docId, originalPath, displayName, savedAt, brief: parseBriefJson(stored.briefText, file) };
    } catch {
      return null;
    }
  }

  private writeNow(docId: string): void {
    const pending = this.pending.get(docId);
    if (!pending) return;
    this.clock.clearTimeout(pending.timer);
    this.pending.delete(docId);
    const savedAt = this.clock.now();
    void this.queues.run(docId, async () => {
      await mkdir(this.dir, { recursive: true });
      const record: z.infer<typeof RecoveryFile> = {
        format: RECOVERY_FORMAT,
        version: 1,
        docId,
        ...pending.meta,
        savedAt,
        briefText: serializeBrief(pending.brief),
      };
      await writeFileAtomic(this.fileFor(docId), `${JSON.stringify(record)}\n`);
    }).catch((e: unknown) => this.onError(e, docId));
  }

  private fileFor(docId: string): string {
    return join(this.dir, `${docId}.json`);
  }
}

/** Document ids become file names, so only plain characters are allowed. */
const DOC_ID = /^[A-Za-z0-9_-]{1,100}$/;
function checkDocId(docId: string): void {
  if (!DOC_ID.test(docId)) throw new Error(`invalid document id for a recovery copy: ${JSON.stringify(docId)}`);
}
