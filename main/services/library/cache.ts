// Parse cache: per-file parse results keyed by a hash of the file's content (or its unchanged stat), kept in memory and optionally on disk.
import { createHash, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MarkingProfileFile } from '../../../shared/markings/profile.js';
import { Country, Fact, Forum, SectionMeta, Technology, type Problem } from '../../../shared/model/library.js';
import { BUILD_ID } from '../build-id.js';

/**
 * Problems found before for one file's items, keyed by the file's content and by everything else the check reads
 * (see checkReferences): a cache of the check, file by file.
 */
export interface CheckMemo {
  get(key: string): Problem[] | undefined;
  set(key: string, problems: Problem[]): void;
}

/** Bump when what the parser stores or reports changes (messages, line rules), so old entries are not reused. */
// 3: the URL policy refuses source schemes (a refine, invisible in JSON Schema) and alias bombs are refused.
// 4: marking profiles are cached too (their checks are code, not schema: bump when checkProfile changes).
const PARSER_VERSION = 4;

let fingerprint: string | undefined;

/**
 * Entries are only valid for the schemas and parser that produced them: the key mixes in the schemas'
 * definitions (zod's own, with the source of every refinement and check function), so a schema change by anyone
 * invalidates the cache without a manual bump. Walking the definitions takes about 1 ms warm, 2-3 ms of a cold
 * CLI start (instrumented); converting them to JSON Schema, as before, 6-20 ms (and missed changes to refinements).
 * A bundle carries its build id instead, a hash of every source file (schemas and parser included) and the locked
 * packages (zod's version): a stronger key for nothing, and the schemas are then not walked at all.
 */
function schemaFingerprint(): string {
  fingerprint ??= BUILD_ID
    ? `${PARSER_VERSION}:build:${BUILD_ID}`
    : createHash('sha1')
        .update(String(PARSER_VERSION))
        .update(JSON.stringify([Fact, SectionMeta, Country, Forum, Technology, MarkingProfileFile].map(definition)))
        .digest('hex');
  return fingerprint;
}

/** A zod schema's definition as plain data: nested schemas by their definitions, functions by their source, a shared or cyclic part by its number. */
function definition(schema: z.ZodType): unknown {
  const seen = new Map<object, number>();
  const walk = (x: unknown): unknown => {
    if (typeof x === 'function') return `fn:${String(x)}`;
    if (x === null || typeof x !== 'object') return typeof x === 'bigint' || typeof x === 'symbol' ? String(x) : x;
    if (x instanceof RegExp) return `re:${x.source}/${x.flags}`;
    const at = seen.get(x);
    if (at !== undefined) return `ref:${at}`;
    seen.set(x, seen.size);
    if (Array.isArray(x)) return x.map(walk);
    const def = (x as { _zod?: { def?: unknown } })._zod?.def;
    if (def) return { def: walk(def) };
    return Object.fromEntries(Object.keys(x).map((k) => [k, walk((x as Record<string, unknown>)[k])]));
  };
  return walk(schema);
}

/**
 * Parsing and validating is most of a load even on the fast path (js-yaml + zod, about 10 MB/s here), and a
 * problem file costs a second, line-tracking parse; hashing a file is much cheaper, so a file whose content has
 * not changed since the last load is not parsed again. Values are shared between loads: treat them as immutable.
 */
export class ParseCache {
  private readonly entries: Map<string, unknown>;
  /**
   * A file's stat signature (real path, size, mtime, ctime and inode, to the nanosecond) → the content key it had
   * when it was last read: an unchanged file is then not even read or hashed. Any write changes ctime.
   */
  private readonly signatures: Map<string, string>;
  private readonly used = new Set<string>();
  private readonly usedSignatures = new Set<string>();
  /** Keys used since the last `prune`. */
  private readonly current = new Set<string>();
  /** Something was added since the cache was opened or saved: worth writing again. */
  private dirty = false;
  /**
   * Since the cache was made: files taken from it without being read (unchanged stat), files parsed, loads that
   * reused the whole cross-item check, and files whose items that check ran on (the others came from its memo).
   */
  readonly stats = { notRead: 0, parsed: 0, checksReused: 0, filesChecked: 0 };
  /** The cross-item check's problems of the last load, for exactly the files it read (see ReferenceChecks). */
  private checks: ReferenceChecks | undefined;
  /** The same check file by file (see CheckMemo), so that after an edit only the changed file's items are checked. */
  private readonly fileChecks: Map<string, Problem[]>;
  private readonly usedFileChecks = new Set<string>();
  /** A load that reused the whole check (referenceChecks) does not consult the memo: it is then kept as it is. */
  private memoConsulted = false;

  constructor(entries?: Iterable<[string, unknown]>, signatures?: Iterable<[string, string]>, checks?: ReferenceChecks, fileChecks?: FileChecks) {
    this.entries = new Map(entries);
    this.signatures = new Map(signatures);
    this.checks = checks;
    this.fileChecks = new Map(fileChecks?.entries);
    this.fileChecksEnv = fileChecks?.env ?? '';
  }

  /** What the memo's problems were found with (see checkEnvironment): one environment at a time. */
  private fileChecksEnv = '';

  /**
   * The per-file memo of the cross-item check for the environment `env` (emptied when it is another one, as none
   * of its entries would apply); what is used in a load is what `save` keeps.
   */
  checkMemo(env: string): CheckMemo {
    if (env !== this.fileChecksEnv) {
      this.fileChecks.clear();
      this.fileChecksEnv = env;
    }
    return this.memo;
  }

  private readonly memo: CheckMemo = {
    get: (key) => {
      this.memoConsulted = true;
      const hit = this.fileChecks.get(key);
      if (hit) this.usedFileChecks.add(key);
      return hit;
    },
    set: (key, problems) => {
      this.stats.filesChecked++;
      this.fileChecks.set(key, problems);
      this.usedFileChecks.add(key);
      this.dirty = true;
    },
  };

  /**
   * Reads a cache file written by `save`; a missing, corrupt or truncated file, or one written by another app
   * version or for other schemas, gives an empty cache (which `save` then replaces).
   * JSON, not V8's serialisation: for the 10k library's facts (80,000 small objects) JSON.parse took 45-60 ms
   * and v8.deserialize 80-125 ms, cold. Read synchronously, as the library's own files are (files.ts): every
   * caller waits for the cache before it reads a library file, and a trip through libuv's thread pool cost a cold
   * CLI ~1 ms more than the read itself (the fingerprint no longer needs the time to overlap with).
   */
  static async open(file: string, appVersion = ''): Promise<ParseCache> {
    try {
      const text = readFileSync(file, 'utf8');
      const fingerprint = fileFingerprint(appVersion);
      const data = fromFileText(text) as { fingerprint?: unknown; entries?: unknown; signatures?: unknown; checks?: unknown; fileChecks?: unknown } | undefined;
      if (data && data.fingerprint === fingerprint && isPairs(data.entries) && isPairs(data.signatures)) {
        const fileChecks = isFileChecks(data.fileChecks) ? data.fileChecks : undefined;
        return new ParseCache(data.entries as [string, unknown][], data.signatures as [string, string][], isChecks(data.checks) ? data.checks : undefined, fileChecks);
      }
    } catch {
      // A cache is only ever an optimisation: start empty.
    }
    const empty = new ParseCache();
    empty.dirty = true;
    return empty;
  }

  /**
   * The problems the cross-item check found the last time the loader read exactly these files (`trace`: every file
   * read, in order, with its kind and content key; see readLibraryFolder), or undefined. The check is a pure
   * function of those contents, so its result can be reused; lines in it are already numbers.
   */
  referenceChecks(trace: string): Problem[] | undefined {
    if (this.checks?.trace !== trace) return undefined;
    this.stats.checksReused++;
    return this.checks.problems;
  }

  rememberReferenceChecks(trace: string, problems: readonly Problem[]): void {
    if (this.checks?.trace === trace) return;
    this.checks = { trace, problems: [...problems] };
    this.dirty = true;
  }

  /** The content key last seen for a file with this stat signature, if its parse result is still held. */
  keyOfSignature(signature: string): string | undefined {
    const key = this.signatures.get(signature);
    if (key === undefined || !this.entries.has(key)) return undefined;
    this.usedSignatures.add(signature);
    this.stats.notRead++;
    return key;
  }

  /**
   * The parse result this file (as this kind) had when its stat signature was last recorded, whatever its content
   * was: a starting point for parsing its new content (see parseListText), never a result in itself.
   */
  previous<T>(kind: string, file: string): T | undefined {
    const prefix = `${kind}\0${file}\0`;
    for (const [sig, key] of this.signatures) if (sig.startsWith(prefix)) return this.entries.get(key) as T | undefined;
    return undefined;
  }

  rememberSignature(signature: string, key: string): void {
    if (this.signatures.get(signature) !== key) this.dirty = true;
    this.signatures.set(signature, key);
    this.usedSignatures.add(signature);
  }

  /** Whether `save` would write anything new. */
  get changed(): boolean {
    return this.dirty;
  }

  /** Key of one file's content as a given kind of file (the same text parses differently as facts or as a section). */
  key(kind: string, text: string): string {
    // The same bytes as hashing the parts one by one (so the same keys), in one call (crypto.hash is faster for small texts).
    return hash('sha1', `${schemaFingerprint()}${kind}\0${text}`, 'base64');
  }

  get<T>(key: string): T | undefined {
    const hit = this.entries.get(key) as T | undefined;
    if (hit !== undefined) this.touch(key);
    return hit;
  }

  set(key: string, value: unknown): void {
    this.entries.set(key, value);
    this.dirty = true;
    this.stats.parsed++;
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
    if (this.memoConsulted) for (const key of this.fileChecks.keys()) if (!this.usedFileChecks.has(key)) this.fileChecks.delete(key);
    this.usedFileChecks.clear();
    this.memoConsulted = false;
    for (const key of this.entries.keys()) if (!this.current.has(key)) this.entries.delete(key);
    for (const [sig, key] of this.signatures) if (!this.current.has(key) || !this.usedSignatures.has(sig)) this.signatures.delete(sig);
    this.usedSignatures.clear();
    this.current.clear();
  }

  /** Writes the entries used since the cache was opened (so it does not grow forever), via a temp file + rename. */
  async save(file: string, appVersion = ''): Promise<void> {
    const entries = [...this.entries].filter(([k]) => this.used.has(k));
    const signatures = [...this.signatures].filter(([, k]) => this.used.has(k));
    const tmp = `${file}.${process.pid}.tmp`;
    this.dirty = false;
    await mkdir(path.dirname(file), { recursive: true });
    const fileChecks: FileChecks = { env: this.fileChecksEnv, entries: [...this.fileChecks] };
    await writeFile(tmp, toFileText({ fingerprint: fileFingerprint(appVersion), entries, signatures, checks: this.checks, fileChecks }));
    await rename(tmp, file);
  }
}

/**
 * The cache file: a header line with the JSON's length and the bodies' length, the JSON, then every section body
 * as it is, one after another. Bodies are 40% of the 10k library's text; escaped in JSON they cost JSON.parse
 * about 20 ms of a cold start, while slicing them out of the file's text costs nothing (the slices share it).
 */
function toFileText(data: { entries: [string, unknown][] } & Record<string, unknown>): string {
  const bodies: string[] = [];
  const at: [number, number, number][] = []; // entry, start, length
  let length = 0;
  const entries = data.entries.map(([key, value], i): [string, unknown] => {
    const body = (value as { section?: { body?: unknown } } | null)?.section?.body;
    if (typeof body !== 'string') return [key, value];
    at.push([i, length, body.length]);
    bodies.push(body);
    length += body.length;
    const parsed = value as { section: object };
    return [key, { ...parsed, section: { ...parsed.section, body: '' } }];
  });
  const json = JSON.stringify({ ...data, entries, bodies: at });
  return `${json.length} ${length}\n${json}${bodies.join('')}`;
}

/** The data of a file written by toFileText, or undefined when it is cut short or not one. */
function fromFileText(text: string): unknown {
  const nl = text.indexOf('\n');
  const [jsonLength, bodiesLength] = text.slice(0, nl).split(' ').map(Number);
  if (nl < 0 || !Number.isSafeInteger(jsonLength) || !Number.isSafeInteger(bodiesLength) || text.length !== nl + 1 + jsonLength! + bodiesLength!) return undefined;
  const base = nl + 1 + jsonLength!;
  const data = JSON.parse(text.slice(nl + 1, base)) as { entries?: unknown; bodies?: unknown };
  if (!isPairs(data.entries) || !Array.isArray(data.bodies)) return undefined;
  const entries = data.entries as [string, { section?: { body?: string } }][];
  for (const ref of data.bodies as unknown[]) {
    const [i, start, length] = Array.isArray(ref) ? (ref as unknown[]) : [];
    const section = typeof i === 'number' ? entries[i]?.[1]?.section : undefined;
    if (!section || typeof start !== 'number' || typeof length !== 'number' || start < 0 || start + length > bodiesLength!) return undefined;
    section.body = text.slice(base + start, base + start + length);
  }
  return data;
}

/** What the cross-item check found for one set of file contents. */
interface ReferenceChecks {
  trace: string;
  problems: Problem[];
}

/** The per-file check memo as saved: its environment and its entries. */
interface FileChecks {
  env: string;
  entries: [string, Problem[]][];
}

const isFileChecks = (x: unknown): x is FileChecks =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as FileChecks).env === 'string' &&
  isPairs((x as FileChecks).entries) &&
  (x as FileChecks).entries.every((e) => Array.isArray(e[1]));

/** A cache file is only for the app version and schemas that wrote it. */
const fileFingerprint = (appVersion: string) => `${appVersion}\0${schemaFingerprint()}`;

const isPairs = (x: unknown): boolean => Array.isArray(x) && x.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string');
const isChecks = (x: unknown): x is ReferenceChecks =>
  typeof x === 'object' && x !== null && typeof (x as ReferenceChecks).trace === 'string' && Array.isArray((x as ReferenceChecks).problems);
