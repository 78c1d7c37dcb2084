// Parse cache: per-file parse results keyed by a hash of the file's content, kept in memory and optionally on disk.
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { Country, Fact, Forum, SectionMeta, Technology } from '../../../shared/model/library.js';

/** Bump when what the parser stores or reports changes (messages, line rules), so old entries are not reused. */
// 3: the URL policy refuses source schemes (a refine, invisible in JSON Schema) and alias bombs are refused.
const PARSER_VERSION = 3;

let fingerprint: string | undefined;

/**
 * Entries are only valid for the schemas and parser that produced them: the key mixes in the schemas'
 * JSON Schema form, so a schema change by anyone invalidates the cache without a manual bump.
 */
function schemaFingerprint(): string {
  fingerprint ??= createHash('sha1')
    .update(String(PARSER_VERSION))
    .update(JSON.stringify([Fact, SectionMeta, Country, Forum, Technology].map((s) => z.toJSONSchema(s, { unrepresentable: 'any' }))))
    .digest('hex');
  return fingerprint;
}

/**
 * Parsing and validating is most of a load even on the fast path (js-yaml + zod, about 10 MB/s here), and a
 * problem file costs a second, line-tracking parse; hashing a file is much cheaper, so a file whose content has
 * not changed since the last load is not parsed again. Values are shared between loads: treat them as immutable.
 */
export class ParseCache {
  private readonly entries: Map<string, unknown>;
  private readonly used = new Set<string>();
  /** Keys used since the last `prune`. */
  private readonly current = new Set<string>();

  constructor(entries?: Iterable<[string, unknown]>) {
    this.entries = new Map(entries);
  }

  /** Reads a cache file written by `save`; a missing, corrupt or outdated file gives an empty cache. */
  static async open(file: string): Promise<ParseCache> {
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as { fingerprint?: string; entries?: [string, unknown][] };
      if (data.fingerprint === schemaFingerprint() && Array.isArray(data.entries)) return new ParseCache(data.entries);
    } catch {
      // A cache is only ever an optimisation: start empty.
    }
    return new ParseCache();
  }

  /** Key of one file's content as a given kind of file (the same text parses differently as facts or as a section). */
  key(kind: string, text: string): string {
    return createHash('sha1').update(schemaFingerprint()).update(kind).update('\0').update(text).digest('base64');
  }

  get<T>(key: string): T | undefined {
    const hit = this.entries.get(key) as T | undefined;
    if (hit !== undefined) this.touch(key);
    return hit;
  }

  set(key: string, value: unknown): void {
    this.entries.set(key, value);
    this.touch(key);
  }

  private touch(key: string): void {
    this.used.add(key);
    this.current.add(key);
  }

  /**
   * Forgets entries not used since the last prune: a cache kept across reloads then holds the files as they
   * are now, not every version of every file edited since the app started.
   */
  prune(): void {
    for (const key of this.entries.keys()) if (!this.current.has(key)) this.entries.delete(key);
    this.current.clear();
  }

  /** Writes the entries used since the cache was opened (so it does not grow forever), via a temp file + rename. */
  async save(file: string): Promise<void> {
    const entries = [...this.entries].filter(([k]) => this.used.has(k));
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ fingerprint: schemaFingerprint(), entries }));
    await rename(tmp, file);
  }
}
