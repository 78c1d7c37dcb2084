// The spell checker's personal word list and on/off switch, kept in <userData>/spelling.json and written atomically.
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserFacingError } from '../../../shared/errors.js';
import { SerialQueue } from '../../../shared/serial-queue.js';
import { describeFileError, errnoCode } from '../errno.js';
import { writeFileAtomic } from '../documents/atomic-write.js';

export const SPELLING_FILE = 'spelling.json';
/** More than any person adds by hand; keeps the file and each check small. */
export const MAX_PERSONAL_WORDS = 20_000;

/** One word as the dictionary holds it: letters, marks, inner apostrophes or hyphens; no spaces. */
export const PersonalWord = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*$/u, 'a word of letters (apostrophes and hyphens inside it are fine)');

const SpellingFile = z.object({
  version: z.literal(1),
  enabled: z.boolean().default(true),
  words: z.array(z.string().max(64)).max(MAX_PERSONAL_WORDS).default([]),
});

export interface SpellingState {
  enabled: boolean;
  /** The personal word list, sorted. */
  words: string[];
}

export interface SpellingChange {
  addWord?: string;
  removeWord?: string;
  enabled?: boolean;
}

export class SpellingError extends UserFacingError {}

export class SpellingService {
  readonly file: string;
  private state: SpellingState | null = null;
  private readonly queue = new SerialQueue();

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, SPELLING_FILE);
  }

  /** Read on first use, not at start-up. A file that cannot be used is set aside as spelling.json.unreadable. */
  get(): Promise<SpellingState> {
    return this.queue.run(async () => copy(await this.load()));
  }

  change(c: SpellingChange): Promise<SpellingState> {
    return this.queue.run(async () => {
      const s = await this.load();
      const next: SpellingState = { enabled: c.enabled ?? s.enabled, words: [...s.words] };
      if (c.addWord !== undefined) {
        const w = c.addWord.replace(/’/g, "'");
        if (!next.words.includes(w)) {
          if (next.words.length >= MAX_PERSONAL_WORDS) throw new SpellingError(`Your dictionary holds ${MAX_PERSONAL_WORDS} words, the most it can: remove some in ${SPELLING_FILE} first.`);
          next.words.push(w);
          next.words.sort((a, b) => a.localeCompare(b));
        }
      }
      if (c.removeWord !== undefined) next.words = next.words.filter((w) => w !== c.removeWord);
      try {
        await writeFileAtomic(this.file, JSON.stringify({ version: 1, enabled: next.enabled, words: next.words }, null, 2) + '\n');
      } catch (err) {
        const { reason, fix } = describeFileError(err, 'write');
        throw new SpellingError(`Could not save your dictionary (${SPELLING_FILE}: ${reason}) — ${fix}.`);
      }
      this.state = next;
      return copy(next);
    });
  }

  private async load(): Promise<SpellingState> {
    if (this.state) return this.state;
    let text: string | null = null;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') {
        const { reason, fix } = describeFileError(err);
        throw new SpellingError(`Could not read your dictionary (${SPELLING_FILE}: ${reason}) — ${fix}.`);
      }
    }
    let state: SpellingState = { enabled: true, words: [] };
    if (text !== null) {
      const parsed = (() => {
        try {
          return SpellingFile.safeParse(JSON.parse(text));
        } catch {
          return null;
        }
      })();
      if (parsed?.success) state = { enabled: parsed.data.enabled, words: parsed.data.words.filter((w) => PersonalWord.safeParse(w).success) };
      // Never overwrite what the user had: the next save starts a new file beside the old one.
      else await rename(this.file, `${this.file}.unreadable`).catch(() => undefined);
    }
    this.state = state;
    return state;
  }
}

function copy(s: SpellingState): SpellingState {
  return { enabled: s.enabled, words: [...s.words] };
}
