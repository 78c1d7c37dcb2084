// The recently opened briefs, persisted atomically in the user data folder; paths never leave the main process.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { SerialQueue } from '../../../shared/serial-queue.js';
import { writeFileAtomic } from './atomic-write.js';
import type { RecentItem } from '../../../shared/model/document-handles.js';

export type { RecentItem };

export const MAX_RECENT = 10;

const RecentFile = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ id: z.string(), path: z.string(), openedAt: z.number() })),
});
type RecentEntry = z.infer<typeof RecentFile>['entries'][number];

/** What the renderer may see of a recent file: an id to ask for it, and names to show. */
export class RecentList {
  private readonly file: string;
  /** Runs read-modify-write cycles in turn so two quick opens cannot drop each other's entry. */
  private readonly queue = new SerialQueue();

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent.json');
  }

  /** Moves `path` to the top (keeping its id if it was already listed). */
  add(path: string, openedAt: number): Promise<void> {
    return this.update((entries) => {
      const full = resolve(path);
      const existing = entries.find((e) => e.path === full);
      const entry = { id: existing?.id ?? randomUUID(), path: full, openedAt };
      return [entry, ...entries.filter((e) => e.path !== full)].slice(0, MAX_RECENT);
    });
  }

  remove(recentId: string): Promise<void> {
    return this.update((entries) => entries.filter((e) => e.id !== recentId));
  }

  /** The list with files that no longer exist pruned (and the pruning saved). */
  async items(): Promise<RecentItem[]> {
    let kept: RecentEntry[] = [];
    await this.update(async (entries) => {
      const present = await Promise.all(entries.map((e) => stat(e.path).then((s) => s.isFile(), () => false)));
      kept = entries.filter((_, i) => present[i]);
      return kept;
    });
    return kept.map((e) => ({ recentId: e.id, displayName: basename(e.path), folder: basename(dirname(e.path)), openedAt: e.openedAt }));
  }

  async pathOf(recentId: string): Promise<string | null> {
    await this.queue.idle();
    return (await this.load()).find((e) => e.id === recentId)?.path ?? null;
  }

  private update(change: (entries: RecentEntry[]) => RecentEntry[] | Promise<RecentEntry[]>): Promise<void> {
    return this.queue.run(async () => {
      const before = await this.load();
      const after = await change(before);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, entries: after }, null, 2)}\n`);
      }
    });
  }

  /** A missing or damaged list is an empty one: it only ever held shortcuts, never documents. */
  private async load(): Promise<RecentEntry[]> {
    try {
      return RecentFile.parse(JSON.parse(await readFile(this.file, 'utf8'))).entries;
    } catch {
      return [];
    }
  }
}
