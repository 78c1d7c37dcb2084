// Pure parsing of one library file's text into schema-checked items and problems, independent of its path (so cacheable).
import { hash } from 'node:crypto';
import { CORE_SCHEMA, load as loadPlainYaml } from 'js-yaml';
import { z } from 'zod';
import { SectionMeta, type Problem, type Section } from '../../../shared/model/library.js';
import { splitFrontMatter, type FrontMatterSplit } from './front-matter.js';
import { describeLibraryIssue } from './messages.js';
import { mayHaveAliases, parseYaml, type YamlSource, type YamlSyntaxError } from './yaml-source.js';

export type Collection = 'facts' | 'sections' | 'countries' | 'forums' | 'technologies';
/** Merge order: what others refer to comes first. */
export const COLLECTIONS: readonly Collection[] = ['technologies', 'countries', 'forums', 'facts', 'sections'];
/** Singular word for messages: `fact "ai-x": ...`. */
export const ITEM_WORD: Record<Collection, string> = {
  facts: 'fact',
  sections: 'section',
  countries: 'country',
  forums: 'forum',
  technologies: 'technology',
};

/** A problem before it is tied to a file path. */
export type FileProblem = Omit<Problem, 'file'>;

export interface ParsedList<T> {
  /** `line` is known when the file went through the line-tracking parse (it had a problem); otherwise it is looked up only when needed. */
  items: { value: T; line?: number; index: number }[];
  problems: FileProblem[];
  /** Ids of items that failed the schema (already reported; references to them are not reported again). */
  invalidIds: string[];
  /**
   * When the file is a plain block list that took the fast path: a hash of each item's text, aligned with `items`,
   * so that after an edit only the items whose text changed are parsed again (see parseListText).
   */
  chunks?: string[];
}

export interface ParsedSection {
  section?: Omit<Section, 'origin'>;
  bodyLine: number;
  problems: FileProblem[];
  invalidIds: string[];
}

/** A parse result plus, when the text was parsed with line tracking just now, the syntax tree for line lookups. */
export interface Parsed<T> {
  parsed: T;
  src?: YamlSource;
}

const YAML_HINT = 'check indentation, quoting (text with ": " or "#" needs quotes) and list dashes';

function syntaxProblems(src: YamlSource): FileProblem[] {
  return src.errors.map((e) => ({ line: e.line, message: yamlErrorMessage(e), severity: 'error' }));
}

/** A syntax mistake gets the hint on how to fix YAML; a limit (an alias bomb) says what to do itself. */
export function yamlErrorMessage(e: YamlSyntaxError, hint = YAML_HINT): string {
  if (e.limit) return e.message;
  return `YAML syntax error: ${e.message}${hint ? ` — ${hint}` : ''}`;
}

/** `fact "ai-x"`, or `fact #3 (no valid id)` by position in its list when the id itself is broken. */
function itemLabel(collection: Collection, raw: unknown, index?: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'string') return `${ITEM_WORD[collection]} "${id}"`;
  return `${ITEM_WORD[collection]}${index === undefined ? '' : ` #${index + 1}`} (no valid id)`;
}

function idOf(raw: unknown): string[] {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? [id] : [];
}

/**
 * Fast path: plain data from JSON.parse or js-yaml (about 10x faster than the line-tracking parse), or undefined
 * when that parser rejects the text. CORE_SCHEMA reads scalars the way the `yaml` package does (YAML 1.2: an
 * unquoted 2024-06-01 stays text, "yes" is not a boolean), so both paths see the same data.
 */
function plainValue(text: string, json: boolean): { value: unknown } | undefined {
  // js-yaml expands aliases without limit (zod then walks every copy): such a file takes the bounded parse.
  if (!json && mayHaveAliases(text)) return undefined;
  try {
    return { value: json ? JSON.parse(text) : loadPlainYaml(text, { schema: CORE_SCHEMA }) };
  } catch {
    return undefined;
  }
}

/** One array schema per item schema: a whole file is validated in a single zod call. */
const listSchemas = new WeakMap<z.ZodType, z.ZodType>();
function listSchema(schema: z.ZodType): z.ZodType {
  let list = listSchemas.get(schema);
  if (!list) listSchemas.set(schema, (list = z.array(schema)));
  return list;
}

/**
 * Parses a YAML (or JSON) list of items; valid items are kept even when others in the same file are not.
 * A file that parses and validates as a whole takes the fast path and has no syntax tree: its lines are looked
 * up later, only if something (a duplicate id, a bad reference) needs one. Any other file goes through
 * checkedList, which finds every problem with its line exactly as it always has.
 */
export function parseListText<S extends z.ZodType>(
  text: string,
  collection: Collection,
  schema: S,
  json: boolean,
  previous?: ParsedList<z.output<S>>,
): Parsed<ParsedList<z.output<S>>> {
  const split = json || mayHaveAliases(text) ? undefined : splitItems(text);
  const reused = split && previous ? reparseChanged(split, schema, previous) : undefined;
  if (reused) return { parsed: reused };
  const plain = plainValue(text, json);
  if (plain && Array.isArray(plain.value)) {
    const result = listSchema(schema).safeParse(plain.value);
    if (result.success) {
      const items = (result.data as z.output<S>[]).map((value, index) => ({ value, index }));
      const chunks = split && split.length === items.length ? split.map(chunkHash) : undefined;
      return { parsed: { items, problems: [], invalidIds: [], ...(chunks ? { chunks } : {}) } };
    }
  }
  return checkedList(text, collection, schema, json);
}

// crypto.hash: one call per item, about 3x faster than createHash for small texts.
const chunkHash = (chunk: string) => hash('sha1', chunk, 'base64').slice(0, 20);

/**
 * The texts of a block list's items: each starts with "- " at the start of a line and runs to the next one.
 * Undefined for anything else at the start of a line (a "---" marker, a directive, a mapping, a flow list, CRLF
 * line ends): such a file is always parsed whole. Only blank and comment lines may come before the first item.
 */
function splitItems(text: string): string[] | undefined {
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end + 1;
    const c = text.charCodeAt(at);
    if (c === 0x2d /* - */ && (text[at + 1] === ' ' || at + 1 === next - (end < 0 ? 0 : 1))) starts.push(at);
    else if (c !== 0x20 && c !== 0x23 /* # */ && c !== 0x0a) return undefined;
    else if (c === 0x20 && starts.length === 0 && text.slice(at, next).trim() !== '') return undefined;
    at = next;
  }
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
}

/**
 * After an edit: items whose text is unchanged keep their earlier value, and only the others are parsed (each
 * alone, the same js-yaml + zod as the whole file's fast path), so a changed file of 200 facts costs a cold
 * process the parse of one item, not of 200. Items of a block list are independent (no aliases, checked by the
 * caller), so parsing them one by one gives what parsing the whole gives; any item that does not parse and
 * validate on its own sends the file through the whole-file path, which reports every problem with its line.
 */
function reparseChanged<T>(split: string[], schema: z.ZodType, previous: ParsedList<T>): ParsedList<T> | undefined {
  if (split.length === 0 || !previous.chunks || previous.chunks.length !== previous.items.length || previous.problems.length > 0) return undefined;
  const known = new Map<string, T>();
  previous.chunks.forEach((h, i) => known.set(h, previous.items[i]!.value));
  const chunks = split.map(chunkHash);
  const items: ParsedList<T>['items'] = [];
  for (let index = 0; index < split.length; index++) {
    let value = known.get(chunks[index]!);
    if (value === undefined) {
      const plain = plainValue(split[index]!, false);
      if (!plain || !Array.isArray(plain.value) || plain.value.length !== 1) return undefined;
      const result = schema.safeParse(plain.value[0]);
      if (!result.success) return undefined;
      value = result.data as T;
    }
    items.push({ value, index });
  }
  return { items, problems: [], invalidIds: [], chunks };
}

/**
 * Slow path with lines: a JSON file is still read with JSON.parse (a JSON file with a duplicate key is not an
 * error), YAML with the line-tracking parser; a JSON file is parsed again as YAML (JSON is YAML) to find lines.
 */
function parseListSource(text: string, json: boolean): { value: unknown; src?: YamlSource } {
  if (json) {
    try {
      return { value: JSON.parse(text) };
    } catch {
      // Fall through: the YAML parser reports the syntax error with its line.
    }
  }
  const src = parseYaml(text);
  return { value: src.value, src };
}

function checkedList<S extends z.ZodType>(text: string, collection: Collection, schema: S, json: boolean): Parsed<ParsedList<z.output<S>>> {
  const parsed: ParsedList<z.output<S>> = { items: [], problems: [], invalidIds: [] };
  const source = parseListSource(text, json);
  const list = source.value;
  let src = source.src;
  if (src) parsed.problems.push(...syntaxProblems(src));
  if (list === null || list === undefined) return { parsed, src };
  if (!Array.isArray(list)) {
    parsed.problems.push({
      line: 1,
      message: `expected a list of ${collection} (each item starting with "- id: ...") but found ${typeof list === 'object' ? 'a mapping' : 'a single value'}`,
      severity: 'error',
    });
    return { parsed, src };
  }
  const broken = src !== undefined && src.errors.length > 0;
  list.forEach((raw: unknown, index: number) => {
    const result = schema.safeParse(raw);
    if (result.success) {
      parsed.items.push(src ? { value: result.data, line: src.lineAt([index]), index } : { value: result.data, index });
      return;
    }
    parsed.invalidIds.push(...idOf(raw));
    // After a syntax error the recovered data is unreliable: report the syntax error alone, not its echoes.
    if (broken) return;
    src ??= parseYaml(text);
    const label = itemLabel(collection, raw, index);
    for (const issue of result.error.issues) {
      parsed.problems.push({ line: src.lineAt([index, ...issue.path]), message: `${label}: ${describeLibraryIssue(issue, raw)}`, severity: 'error' });
    }
  });
  return { parsed, src };
}

/** Front matter the same way as a list file: js-yaml and one zod call, and the line-tracking parse only for a problem. */
export function parseSectionText(text: string): Parsed<ParsedSection> {
  const split = splitFrontMatter(text);
  if (!split) {
    const message = 'a section file must start with front matter between two "---" lines (id, title, topic, revision), then the Markdown body';
    return { parsed: { bodyLine: 1, problems: [{ line: 1, message, severity: 'error' }], invalidIds: [] } };
  }
  const plain = plainValue(split.yaml, false);
  const meta = plain && SectionMeta.safeParse(plain.value);
  if (meta?.success) return { parsed: { section: { ...meta.data, body: split.body }, bodyLine: split.bodyLine, problems: [], invalidIds: [] } };
  return checkedSection(split);
}

function checkedSection(split: FrontMatterSplit): Parsed<ParsedSection> {
  const src = parseYaml(split.yaml, split.yamlLine);
  const parsed: ParsedSection = { bodyLine: split.bodyLine, problems: syntaxProblems(src), invalidIds: [] };
  if (src.errors.length > 0) return { parsed, src };
  const meta = SectionMeta.safeParse(src.value);
  if (meta.success) {
    parsed.section = { ...meta.data, body: split.body };
  } else {
    parsed.invalidIds.push(...idOf(src.value));
    const label = itemLabel('sections', src.value);
    for (const issue of meta.error.issues) {
      parsed.problems.push({ line: src.lineAt(issue.path), message: `${label}: ${describeLibraryIssue(issue, src.value)}`, severity: 'error' });
    }
  }
  return { parsed, src };
}

/** Line lookups for a section file's front matter, parsed again on demand (only when a problem needs a line). */
export function sectionLines(text: string): YamlSource | undefined {
  const split = splitFrontMatter(text);
  return split ? parseYaml(split.yaml, split.yamlLine) : undefined;
}
