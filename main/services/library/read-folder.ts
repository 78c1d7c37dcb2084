// Reads one library folder into schema-checked items that remember their file and line; checks nothing across items.
import path from 'node:path';
import type { z } from 'zod';
import { Country, Fact, Forum, Manifest, Technology, type Problem, type Section } from '../../../shared/model/library.js';
import type { ParseCache } from './cache.js';
import { fileSignature, libraryRoot, listFiles, readText, unreadable, type LibraryRoot } from './files.js';
import { describeLibraryIssue } from './messages.js';
import {
  parseListText,
  parseSectionText,
  sectionLines,
  yamlErrorMessage,
  type Collection,
  type FileProblem,
  type Parsed,
  type ParsedList,
  type ParsedSection,
} from './parse-files.js';
import { parseYaml, type YamlSource } from './yaml-source.js';
import { readProfiles, type LocatedProfile } from './read-profiles.js';

/** An item with where it was written, so later checks can point at the exact line of any of its fields. */
export interface Located<T> {
  value: T;
  /** Absolute path of the file. */
  file: string;
  /** Line of the item (its `- id:` line, or line 1 of a section file); may be looked up on first use. */
  readonly line: number;
  lineAt(path: readonly PropertyKey[]): number;
  /** With a cache: the content key of the file (what the item was parsed from) and the item's place in it. */
  readonly source?: { key: string; index: number };
}
export interface LocatedSection extends Located<Section> {
  /** File line where the Markdown body starts. */
  bodyLine: number;
}

export interface LibraryPart {
  dir: string;
  manifest: Manifest;
  facts: Located<Fact>[];
  sections: LocatedSection[];
  countries: Located<Country>[];
  forums: Located<Forum>[];
  technologies: Located<Technology>[];
  /** Marking profiles from the library's markings/ folder. */
  profiles: LocatedProfile[];
  /** `collection:id` of items that failed the schema: already reported, so references to them are not reported again. */
  invalidIds: Set<string>;
  problems: Problem[];
  /**
   * With a cache: what this part was read from, one line per file in read order (kind, path, content key, or why
   * it was not read), then the folder's own problems. Equal traces mean equal contents (see mergeParts).
   */
  trace?: string[];
}

interface ReadContext {
  root: LibraryRoot;
  problems: Problem[];
  invalidIds: Set<string>;
  cache?: ParseCache;
  trace?: string[];
}

/** A file to parse: its text, or only its cache key when its stat shows it unchanged since it was cached. */
type Source = { text: string; signature?: string } | { key: string; text?: undefined };

/**
 * Reads a file for parsing: a file whose stat signature is in the cache is not opened (its security checks
 * still run, in fileSignature); otherwise readText, with its problems, as without a cache.
 */
function readSource(file: string, kind: string, ctx: ReadContext): Source | { problem: Problem } | { missing: true } {
  const signature = ctx.cache ? fileSignature(file, ctx.root) : undefined;
  const known = signature === undefined ? undefined : ctx.cache!.keyOfSignature(`${kind}\0${signature}`);
  if (known !== undefined) return { key: known };
  const read = readText(file, ctx.root);
  if (!('text' in read)) ctx.trace?.push(`${kind}\0${file}\0${'missing' in read ? 'missing' : `problem\0${read.problem.message}`}`);
  return 'text' in read ? { text: read.text, ...(signature === undefined ? {} : { signature: `${kind}\0${signature}` }) } : read;
}

/** The file's text for a line lookup after a cache hit that skipped reading it. */
function textOf(file: string, source: Source, ctx: ReadContext): string | undefined {
  if (source.text !== undefined) return source.text;
  const read = readText(file, ctx.root);
  return 'text' in read ? read.text : undefined;
}

/**
 * Parse through the cache. On a hit, or when the file took the fast path, there is no syntax tree: line lookups
 * parse again, lazily and at most once per file.
 */
function cachedParse<T>(ctx: ReadContext, file: string, kind: string, source: Source, parse: (text: string) => Parsed<T>, lines: (text: string) => YamlSource | undefined) {
  const key = source.text === undefined ? source.key : ctx.cache?.key(kind, source.text);
  ctx.trace?.push(`${kind}\0${file}\0${key}`);
  const hit = key === undefined ? undefined : ctx.cache!.get<T>(key);
  let src: YamlSource | undefined;
  let parsed: T;
  if (hit !== undefined) parsed = hit;
  else {
    if (source.text === undefined) return undefined; // keyOfSignature only answers for held entries
    try {
      ({ parsed, src } = parse(source.text));
    } catch {
      // A parser that gives up (a stack overflow on absurd nesting) costs this file, never the library or the app.
      const message = 'could not be parsed (it is nested too deeply or otherwise beyond what a library file needs) — simplify the file';
      ctx.problems.push({ file, line: 1, message, severity: 'error' });
      return undefined;
    }
    if (key !== undefined) ctx.cache!.set(key, parsed);
  }
  if (key !== undefined && source.text !== undefined && source.signature !== undefined) ctx.cache!.rememberSignature(source.signature, key);
  const lineAt = (p: readonly PropertyKey[]) => {
    if (!src) {
      const text = textOf(file, source, ctx);
      src = text === undefined ? undefined : lines(text);
    }
    return src?.lineAt(p) ?? 1;
  };
  return { parsed, lineAt, key };
}

function attach(file: string, problems: readonly FileProblem[], ctx: ReadContext, collection: Collection, invalidIds: readonly string[]) {
  for (const p of problems) ctx.problems.push({ file, ...p });
  for (const id of invalidIds) ctx.invalidIds.add(`${collection}:${id}`);
}

/** `optional`: a missing file just means no items (technologies.yaml in a team library); listed files must read. */
function readList<S extends z.ZodType>(file: string, collection: Collection, schema: S, ctx: ReadContext, optional: boolean): Located<z.output<S>>[] {
  const json = file.endsWith('.json');
  const kind = `${collection}${json ? ':json' : ''}`;
  const read = readSource(file, kind, ctx);
  if ('problem' in read || 'missing' in read) {
    if ('problem' in read) ctx.problems.push(read.problem);
    else if (!optional) ctx.problems.push(unreadable(file, 'ENOENT'));
    return [];
  }
  const result = cachedParse<ParsedList<z.output<S>>>(
    ctx,
    file,
    kind,
    read,
    (text) => parseListText(text, collection, schema, json, ctx.cache?.previous(kind, file)),
    (text) => parseYaml(text),
  );
  if (!result) return [];
  const { parsed, lineAt, key } = result;
  attach(file, parsed.problems, ctx, collection, parsed.invalidIds);
  return parsed.items.map((item) => new ListItem(item, file, lineAt, key));
}

/**
 * One item of a list file. A class, so its getter and method live on the prototype: 12,000 object literals with
 * a getter and a closure each cost 15-50 ms of a cold start.
 */
class ListItem<T> implements Located<T> {
  // Declared, not class fields: a field initialiser runs for each of 12,000 objects before the constructor body.
  declare readonly value: T;
  declare readonly file: string;
  declare private readonly item: ParsedList<T>['items'][number];
  declare private readonly lines: (p: readonly PropertyKey[]) => number;
  declare private readonly key: string | undefined;
  constructor(item: ParsedList<T>['items'][number], file: string, lines: (p: readonly PropertyKey[]) => number, key: string | undefined) {
    this.item = item;
    this.file = file;
    this.lines = lines;
    this.key = key;
    this.value = item.value;
  }

  get source(): { key: string; index: number } | undefined {
    return this.key === undefined ? undefined : { key: this.key, index: this.item.index };
  }

  get line(): number {
    return this.item.line ?? this.lines([this.item.index]);
  }

  lineAt(p: readonly PropertyKey[]): number {
    return this.lines([this.item.index, ...p]);
  }
}

function readSection(file: string, libraryId: string, ctx: ReadContext): LocatedSection | undefined {
  const read = readSource(file, 'section', ctx);
  if ('problem' in read || 'missing' in read) {
    ctx.problems.push('problem' in read ? read.problem : unreadable(file, 'ENOENT'));
    return undefined;
  }
  const result = cachedParse<ParsedSection>(ctx, file, 'section', read, (text) => parseSectionText(text), (text) => sectionLines(text));
  if (!result) return undefined;
  const { parsed, lineAt, key } = result;
  attach(file, parsed.problems, ctx, 'sections', parsed.invalidIds);
  if (!parsed.section) return undefined;
  // A fresh object per load: the cached value is shared, the origin is not.
  const section: Section = { ...parsed.section, origin: { library: libraryId, file } };
  return { value: section, file, line: 1, lineAt, bodyLine: parsed.bodyLine, ...(key === undefined ? {} : { source: { key, index: 0 } }) };
}

/** The manifest of a folder whose own could not be used: named after the folder. */
function fallbackManifest(dir: string): Manifest {
  const name = path.basename(dir);
  return { id: name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '') || 'library', name, version: '0' };
}

/** A manifest's parse, without its path (so it can be cached by content): the manifest, or its problems with lines. */
interface ParsedManifest {
  manifest?: Manifest;
  problems: FileProblem[];
}

function parseManifest(text: string): ParsedManifest {
  const src = parseYaml(text);
  const problems: FileProblem[] = src.errors.map((e) => ({ line: e.line, message: yamlErrorMessage(e, ''), severity: 'error' }));
  if (src.errors.length > 0) return { problems };
  const parsed = Manifest.safeParse(src.value);
  if (parsed.success) return { manifest: parsed.data, problems };
  for (const issue of parsed.error.issues) {
    problems.push({ line: src.lineAt(issue.path), message: `library manifest: ${describeLibraryIssue(issue, src.value)}`, severity: 'error' });
  }
  return { problems };
}

/** Through the parse cache like any other file: the line-tracking YAML parser is then not even loaded on a start with nothing changed. */
function readManifest(ctx: Pick<ReadContext, 'root' | 'problems' | 'cache' | 'trace'>): Manifest {
  const dir = ctx.root.dir;
  const file = path.join(dir, 'library.yaml');
  const fallback = fallbackManifest(dir);
  const read = readSource(file, 'manifest', { invalidIds: new Set(), ...ctx });
  if ('missing' in read) {
    ctx.problems.push({ file, message: 'library.yaml is missing — add one with id, name and version to mark this folder as a library', severity: 'error' });
    return fallback;
  }
  if ('problem' in read) {
    ctx.problems.push(read.problem);
    return fallback;
  }
  const result = cachedParse<ParsedManifest>({ invalidIds: new Set(), ...ctx }, file, 'manifest', read, (text) => ({ parsed: parseManifest(text) }), () => undefined);
  if (!result) return fallback;
  for (const p of result.parsed.problems) ctx.problems.push({ file, ...p });
  return result.parsed.manifest ?? fallback;
}

/** What is wrong with the folder's library.yaml (nothing when it is usable): checked before a team folder is added. */
export function manifestProblems(dir: string): Problem[] {
  const problems: Problem[] = [];
  try {
    readManifest({ root: libraryRoot(dir), problems });
  } catch {
    problems.push({ file: path.join(dir, 'library.yaml'), message: 'could not be parsed — simplify the file', severity: 'error' });
  }
  return problems;
}

/**
 * Reads everything in `dir`; a failure no file check foresaw still leaves an empty library with one problem
 * naming the folder, so a bad team folder never stops the app or the other libraries from loading.
 */
export function readLibraryFolderSafely(dir: string, cache?: ParseCache): LibraryPart {
  try {
    return readLibraryFolder(dir, cache);
  } catch {
    const message = 'this library could not be read (a file in it is beyond what the loader can handle) — check the folder, or remove the library';
    return { ...emptyPart(dir), problems: [{ file: path.join(dir, 'library.yaml'), message, severity: 'error' }] };
  }
}

function emptyPart(dir: string): LibraryPart {
  return { dir, manifest: fallbackManifest(dir), facts: [], sections: [], countries: [], forums: [], technologies: [], profiles: [], invalidIds: new Set(), problems: [] };
}

/** Reads everything in `dir`; problems found here are per file (syntax, schema, unreadable), in file order. */
export function readLibraryFolder(dir: string, cache?: ParseCache): LibraryPart {
  const ctx: ReadContext = { root: libraryRoot(dir), problems: [], invalidIds: new Set(), ...(cache ? { cache, trace: [`dir\0${dir}`] } : {}) };
  const manifest = readManifest(ctx);
  const technologies = readList(path.join(dir, 'technologies.yaml'), 'technologies', Technology, ctx, true);
  const countries = readList(path.join(dir, 'countries.yaml'), 'countries', Country, ctx, true);
  const forums = readList(path.join(dir, 'forums.yaml'), 'forums', Forum, ctx, true);
  const facts = listFiles(path.join(dir, 'facts'), ['.yaml', '.yml', '.json'], ctx.problems, ctx.root).flatMap((f) => readList(f, 'facts', Fact, ctx, false));
  const sections = listFiles(path.join(dir, 'sections'), ['.md'], ctx.problems, ctx.root)
    .map((f) => readSection(f, manifest.id, ctx))
    .filter((s): s is LocatedSection => s !== undefined);
  // Profiles do not take part in the cross-item check: they are not in the trace.
  const profiles = readProfiles(path.join(dir, 'markings'), ctx.problems, ctx.root, ctx.cache);
  // Folder problems (a facts/ that cannot be listed) change what the check sees without any file read.
  ctx.trace?.push(JSON.stringify(ctx.problems));
  return { dir, manifest, technologies, countries, forums, facts, sections, profiles, invalidIds: ctx.invalidIds, problems: ctx.problems, ...(ctx.trace ? { trace: ctx.trace } : {}) };
}
