// Reads one library folder into schema-checked items that remember their file and line; checks nothing across items.
import path from 'node:path';
import type { z } from 'zod';
import {
  Country,
  Fact,
  Forum,
  Manifest,
  SectionMeta,
  Technology,
  type Problem,
  type Section,
} from '../../../shared/model/library.js';
import { listFiles, readText, unreadable } from './files.js';
import { splitFrontMatter } from './front-matter.js';
import { describeIssue } from './messages.js';
import { parseYaml, type YamlSource } from './yaml-source.js';

export type Collection = 'facts' | 'sections' | 'countries' | 'forums' | 'technologies';
export const COLLECTIONS: readonly Collection[] = ['technologies', 'countries', 'forums', 'facts', 'sections'];
/** Singular word for messages: `fact "ai-x": ...`. */
export const ITEM_WORD: Record<Collection, string> = {
  facts: 'fact',
  sections: 'section',
  countries: 'country',
  forums: 'forum',
  technologies: 'technology',
};

/** An item with where it was written, so later checks can point at the exact line of any of its fields. */
export interface Located<T> {
  value: T;
  /** Absolute path of the file. */
  file: string;
  /** Line of the item (its `- id:` line, or line 1 of a section file). */
  line: number;
  lineAt(path: readonly PropertyKey[]): number;
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
  /** Ids of items that failed the schema: already reported, so references to them are not reported again. */
  invalidIds: Set<string>;
  problems: Problem[];
}

const YAML_HINT = 'check indentation, quoting (text with ": " or "#" needs quotes) and list dashes';

function syntaxProblems(file: string, src: YamlSource): Problem[] {
  return src.errors.map((e) => ({ file, line: e.line, message: `YAML syntax error: ${e.message} — ${YAML_HINT}`, severity: 'error' }));
}

/** `fact "ai-x"`, or `fact #3 (no valid id)` by position in its list when the id itself is broken. */
function itemLabel(collection: Collection, raw: unknown, index?: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'string') return `${ITEM_WORD[collection]} "${id}"`;
  return `${ITEM_WORD[collection]}${index === undefined ? '' : ` #${index + 1}`} (no valid id)`;
}

/** Parses a YAML list file; valid items are kept even when others in the same file are not. */
interface ReadContext {
  problems: Problem[];
  invalidIds: Set<string>;
}

/** A file we found by listing its folder but cannot read (e.g. a dangling link) is a problem. */
async function readListedFile(file: string, ctx: ReadContext): Promise<string | undefined> {
  const read = await readText(file);
  if ('text' in read) return read.text;
  ctx.problems.push('problem' in read ? read.problem : unreadable(file, 'ENOENT'));
  return undefined;
}

function rememberInvalid(collection: Collection, raw: unknown, ctx: ReadContext): void {
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'string') ctx.invalidIds.add(`${collection}:${id}`);
}

/** Parses a YAML list file (`optional`: a missing file just means no items); valid items are kept even when others are not. */
async function readList<S extends z.ZodType>(
  file: string,
  collection: Collection,
  schema: S,
  ctx: ReadContext,
  optional: boolean,
): Promise<Located<z.output<S>>[]> {
  const problems = ctx.problems;
  let text: string | undefined;
  if (optional) {
    const read = await readText(file);
    if ('problem' in read) problems.push(read.problem);
    text = 'text' in read ? read.text : undefined;
  } else text = await readListedFile(file, ctx);
  if (text === undefined) return [];
  const src = parseYaml(text);
  problems.push(...syntaxProblems(file, src));
  const list = src.value;
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push({
      file,
      line: 1,
      message: `expected a YAML list of ${collection} (each item starting with "- id: ...") but found ${typeof list === 'object' ? 'a mapping' : 'a single value'}`,
      severity: 'error',
    });
    return [];
  }
  const out: Located<z.output<S>>[] = [];
  list.forEach((raw: unknown, i: number) => {
    const lineAt = (p: readonly PropertyKey[]) => src.lineAt([i, ...p]);
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      out.push({ value: parsed.data, file, line: lineAt([]), lineAt });
    } else {
      rememberInvalid(collection, raw, ctx);
      // After a syntax error the recovered data is unreliable: report the syntax error alone, not its echoes.
      if (src.errors.length > 0) return;
      const label = itemLabel(collection, raw, i);
      for (const issue of parsed.error.issues) {
        problems.push({ file, line: lineAt(issue.path), message: `${label}: ${describeIssue(issue, raw)}`, severity: 'error' });
      }
    }
  });
  return out;
}

async function readManifest(dir: string, problems: Problem[]): Promise<Manifest> {
  const file = path.join(dir, 'library.yaml');
  const fallback: Manifest = { id: path.basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'library', name: path.basename(dir), version: '0' };
  const read = await readText(file);
  if ('missing' in read) {
    problems.push({ file, message: 'library.yaml is missing — add one with id, name and version to mark this folder as a library', severity: 'error' });
    return fallback;
  }
  if ('problem' in read) {
    problems.push(read.problem);
    return fallback;
  }
  const src = parseYaml(read.text);
  problems.push(...syntaxProblems(file, src));
  const parsed = Manifest.safeParse(src.value);
  if (parsed.success) return parsed.data;
  if (src.errors.length === 0) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, line: src.lineAt(issue.path), message: `library manifest: ${describeIssue(issue, src.value)}`, severity: 'error' });
    }
  }
  return fallback;
}

async function readSection(file: string, libraryId: string, ctx: ReadContext): Promise<LocatedSection | undefined> {
  const problems = ctx.problems;
  const text = await readListedFile(file, ctx);
  if (text === undefined) return undefined;
  const split = splitFrontMatter(text);
  if (!split) {
    problems.push({
      file,
      line: 1,
      message: 'a section file must start with front matter between two "---" lines (id, title, topic, revision), then the Markdown body',
      severity: 'error',
    });
    return undefined;
  }
  const src = parseYaml(split.yaml, split.yamlLine);
  problems.push(...syntaxProblems(file, src));
  if (src.errors.length > 0) return undefined;
  const parsed = SectionMeta.safeParse(src.value);
  if (!parsed.success) {
    rememberInvalid('sections', src.value, ctx);
    const label = itemLabel('sections', src.value);
    for (const issue of parsed.error.issues) {
      problems.push({ file, line: src.lineAt(issue.path), message: `${label}: ${describeIssue(issue, src.value)}`, severity: 'error' });
    }
    return undefined;
  }
  const section: Section = { ...parsed.data, body: split.body, origin: { library: libraryId, file } };
  return { value: section, file, line: 1, lineAt: src.lineAt, bodyLine: split.bodyLine };
}

/** Reads everything in `dir`; problems found here are per file (syntax, schema, unreadable). */
export async function readLibraryFolder(dir: string): Promise<LibraryPart> {
  const ctx: ReadContext = { problems: [], invalidIds: new Set() };
  const problems = ctx.problems;
  const manifest = await readManifest(dir, problems);
  const [technologies, countries, forums, factFiles, sectionFiles] = await Promise.all([
    readList(path.join(dir, 'technologies.yaml'), 'technologies', Technology, ctx, true),
    readList(path.join(dir, 'countries.yaml'), 'countries', Country, ctx, true),
    readList(path.join(dir, 'forums.yaml'), 'forums', Forum, ctx, true),
    listFiles(path.join(dir, 'facts'), ['.yaml', '.yml', '.json'], problems),
    listFiles(path.join(dir, 'sections'), ['.md'], problems),
  ]);
  const [factLists, sections] = await Promise.all([
    Promise.all(factFiles.map((f) => readList(f, 'facts', Fact, ctx, false))),
    Promise.all(sectionFiles.map((f) => readSection(f, manifest.id, ctx))),
  ]);
  return {
    dir,
    manifest,
    technologies,
    countries,
    forums,
    facts: factLists.flat(),
    sections: sections.filter((s): s is LocatedSection => s !== undefined),
    invalidIds: ctx.invalidIds,
    problems,
  };
}
