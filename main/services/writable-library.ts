// Writes facts and sections into one editable library folder: the personal library, or a team folder marked read-write.
import { mkdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isSeq, parse as parseYamlValue, parseDocument, visit, type Node } from 'yaml';
import { z } from 'zod';
import { UserFacingError } from '../../shared/errors.js';
import type { SectionMetaInput } from '../../shared/ipc/channels.js';
import { Fact, SectionMeta } from '../../shared/model/library.js';
import { fsyncDir, writeFileAtomic } from './documents/atomic-write.js';
import { libraryRoot, listFiles, readText } from './library/files.js';
import { splitFrontMatter } from './library/front-matter.js';
import { formatPath } from '../../shared/model/zod-issues.js';
import { SerialQueue } from '../../shared/serial-queue.js';
import { describeLibraryIssue } from './library/messages.js';
import type { LoadResult, Mount } from './library/mount.js';

/** One thing wrong with what the user entered: the field (zod path, e.g. `source.url`) and how to fix it. */
export interface FieldError {
  field: string;
  message: string;
}

export type SaveFactResult = { ok: true; file: string } | { ok: false; errors: FieldError[] };
export type SaveSectionResult =
  | { ok: true; file: string; revision: number; /** False when the file already held exactly this. */ written: boolean }
  | { ok: false; errors: FieldError[] };

/** A section as the edit form takes it (the channel's input shape), so what is loaded can be saved back unchanged. */
export interface EditableSection {
  meta: SectionMetaInput;
  body: string;
}

/** Ids defined by the other mounted libraries, each with a description of where (for the clash message). */
export interface KnownIds {
  facts: ReadonlyMap<string, string>;
  sections: ReadonlyMap<string, string>;
}

/** Refused for a reason that is not a field of the input: a read-only library, or a file that must not be overwritten. */
export class LibraryEditError extends UserFacingError {}

export interface EditableLibraryOptions {
  /** 'personal' (default) creates its folder and manifest on demand; a team folder must already be a library. */
  kind?: 'personal' | 'team';
  /** A read-only team library: every write is refused. */
  readOnly?: boolean;
  /** Asked on every save, so it can follow reloads of the other libraries. */
  knownIds?: () => KnownIds;
}

/** Section input: revision may be left out (1 for a new section; the library raises it on changes). */
const SectionInput = SectionMeta.partial({ revision: true });
type SectionInput = z.output<typeof SectionInput>;

/**
 * Looks like a date or timestamp: such text is quoted on write, because the loader's fast path (js-yaml,
 * which keeps YAML 1.1 timestamps) would otherwise read it as a Date and fail the schema.
 */
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}|^\d{4}-\d{2}$/;

/**
 * The ids each other library defines, from a load of all mounts; `ownDir`'s own items are left out. Only the
 * definition that won is recorded by the loader, so an id this library shadows in a later mount is not listed
 * (the loader reports that clash itself).
 */
export function knownIdsFrom(result: LoadResult, ownDir: string): KnownIds {
  const own = path.resolve(ownDir);
  const collect = (collection: 'facts' | 'sections') => {
    const out = new Map<string, string>();
    for (const [id, origin] of result.origins[collection]) {
      if (path.resolve(origin.mount.dir) !== own) out.set(id, `library "${origin.libraryId}" (${origin.file})`);
    }
    return out;
  };
  return { facts: collect('facts'), sections: collect('sections') };
}

export class WritableLibrary {
  readonly dir: string;
  private readonly kind: 'personal' | 'team';
  private readonly readOnly: boolean;
  private readonly knownIds: () => KnownIds;
  /** Saves are read-modify-write on shared files; one at a time, so two quick saves cannot drop each other's change. */
  /** Edits are read-modify-write on shared files: one at a time. */
  private readonly queue = new SerialQueue();

  constructor(dir: string, options: EditableLibraryOptions = {}) {
    this.dir = path.resolve(dir);
    this.kind = options.kind ?? 'personal';
    this.readOnly = options.readOnly ?? false;
    const none: KnownIds = { facts: new Map(), sections: new Map() };
    this.knownIds = options.knownIds ?? (() => none);
  }

  /** The editor for a mounted library; the bundled library is never edited. */
  static forMount(mount: Mount, knownIds?: () => KnownIds): WritableLibrary {
    if (mount.kind === 'bundled') throw new LibraryEditError(`the bundled library (${mount.dir}) is part of the app and cannot be edited — save to your personal library instead`);
    return new WritableLibrary(mount.dir, { kind: mount.kind, readOnly: mount.readOnly, ...(knownIds ? { knownIds } : {}) });
  }

  /** Makes sure the folder is a library: creates the personal one (with `id: personal`) if missing; a team folder must have its library.yaml. */
  async ensure(): Promise<void> {
    const manifest = path.join(this.dir, 'library.yaml');
    if (await exists(manifest)) return;
    if (this.kind === 'team') {
      throw new LibraryEditError(`${this.dir} has no library.yaml, so it is not a library — restore its library.yaml or remove it from the team libraries`);
    }
    this.assertWritable();
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(
      manifest,
      '# Your own facts and sections, editable in Briefing Builder. Mounted after the bundled library.\n' +
        'id: personal\nname: "Personal library"\nversion: "1"\n',
    );
  }

  /** Adds a fact, or replaces the one with the same id wherever it is in this library's facts/ files. */
  async saveFact(input: unknown): Promise<SaveFactResult> {
    this.assertWritable();
    const parsed = Fact.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, input) };
    const fact = parsed.data;
    const clash = this.knownIds().facts.get(fact.id);
    if (clash) return { ok: false, errors: [clashError('fact', fact.id, clash)] };
    return this.serial(async () => {
      await this.ensure();
      const found = await this.findFact(fact.id);
      let file: string;
      let doc: Document;
      if (found) {
        ({ file, doc } = found);
        const seq = doc.contents as unknown as { items: unknown[] };
        const node = factNode(doc, fact);
        // A comment written above the fact by hand stays with it.
        node.commentBefore = (seq.items[found.index] as Node).commentBefore;
        seq.items[found.index] = node;
      } else {
        file = path.join(this.dir, 'facts', this.kind === 'personal' ? 'personal.yaml' : 'team.yaml');
        doc = (await this.readFactsFile(file)) ?? newFactsDocument();
        (doc.contents as unknown as { items: unknown[] }).items.push(factNode(doc, fact));
      }
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, doc.toString({ lineWidth: 100 }));
      return { ok: true, file };
    });
  }

  /** Removes the fact; false when this library has no fact with that id. */
  async deleteFact(id: string): Promise<boolean> {
    this.assertWritable();
    return this.serial(async () => {
      const found = await this.findFact(id);
      if (!found) return false;
      (found.doc.contents as unknown as { items: unknown[] }).items.splice(found.index, 1);
      await writeFileAtomic(found.file, found.doc.toString({ lineWidth: 100 }));
      return true;
    });
  }

  /**
   * Writes `sections/<topic>/<id>.md`. The revision goes up when the title or body differs from the file on
   * disk, so briefs linked to the section are told it changed; a topic change moves the file.
   */
  async saveSection(meta: unknown, body: string): Promise<SaveSectionResult> {
    this.assertWritable();
    const parsed = SectionInput.safeParse(meta);
    const errors = parsed.success ? [] : fieldErrors(parsed.error, meta);
    if (typeof body !== 'string') errors.push({ field: 'body', message: 'body should be the Markdown text of the section' });
    if (!parsed.success || errors.length > 0) return { ok: false, errors };
    const input = parsed.data;
    const clash = this.knownIds().sections.get(input.id);
    if (clash) return { ok: false, errors: [clashError('section', input.id, clash)] };
    return this.serial(async () => {
      await this.ensure();
      const existing = await this.findSection(input.id);
      const asked = input.revision ?? 1;
      let revision = asked;
      if (existing) {
        const changed = existing.meta.title !== input.title || existing.body !== body;
        revision = Math.max(asked, existing.meta.revision + (changed ? 1 : 0));
      }
      const file = path.join(this.dir, 'sections', input.topic, `${input.id}.md`);
      const text = sectionText(input, revision, body);
      if (existing?.file === file && existing.text === text) return { ok: true, file, revision, written: false };
      // A hand-named file at our path may hold a different section (file names are not ids): never write over it.
      if (existing?.file !== file && (await exists(file))) {
        throw new LibraryEditError(`${file} already holds another section — rename that file (its id stays the same) and save again`);
      }
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, text);
      // Written first, removed second: a crash in between leaves a duplicate the loader reports, never a lost section.
      if (existing && existing.file !== file) await removeFile(existing.file);
      return { ok: true, file, revision, written: true };
    });
  }

  /** A section's front matter and body as the edit form takes them, read from its file; undefined when this library has none. */
  async editableSection(id: string): Promise<EditableSection | undefined> {
    const found = await this.findSection(id);
    if (!found) return undefined;
    const { meta } = found;
    const input: SectionMetaInput = { id: meta.id, title: meta.title, topic: meta.topic, tags: meta.tags, revision: meta.revision, variables: meta.variables };
    if (meta.marking !== undefined) input.marking = meta.marking;
    if (meta.summary !== undefined) input.summary = meta.summary;
    if (meta.style !== undefined) input.style = meta.style;
    return { meta: input, body: found.body };
  }

  /** Removes the section's file; false when this library has no section with that id. */
  async deleteSection(id: string): Promise<boolean> {
    this.assertWritable();
    return this.serial(async () => {
      const found = await this.findSection(id);
      if (!found) return false;
      await removeFile(found.file);
      return true;
    });
  }

  private assertWritable(): void {
    if (this.readOnly) {
      throw new LibraryEditError(`the team library ${this.dir} is read-only — mark it read-write in Settings to edit it, or save to your personal library`);
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.queue.run(fn);
  }

  /** A facts file as an editable YAML document; undefined when it does not exist. */
  private async readFactsFile(file: string): Promise<Document | undefined> {
    const read = readText(file, libraryRoot(this.dir));
    if ('missing' in read) return undefined;
    // Named by its path inside the library: the window is never shown absolute paths.
    if ('problem' in read) throw new LibraryEditError(`cannot edit ${path.relative(this.dir, file)}: it ${read.problem.message.replace(/^(cannot read this file )/, 'cannot be read ')}`);
    return factsDocument(file, read.text);
  }

  /**
   * A team folder set read-write is still someone else's: its files are read the way the loader reads them (a
   * FIFO, a device, a link out of the folder or an oversized file is skipped here; the loader reports it).
   */
  private ownFileText(file: string): string | undefined {
    const read = readText(file, libraryRoot(this.dir));
    return 'text' in read ? read.text : undefined;
  }

  /** Where the fact with `id` is defined in this library. */
  private async findFact(id: string): Promise<{ file: string; doc: Document; index: number } | undefined> {
    for (const file of listFiles(path.join(this.dir, 'facts'), ['.yaml', '.yml', '.json'], [], libraryRoot(this.dir))) {
      const text = this.ownFileText(file);
      if (text === undefined) continue;
      // Cheap test before a parse: most files do not mention the id at all.
      if (!text.includes(id)) continue;
      // JSON is YAML, so the parse finds the fact; but rewriting it would turn a JSON file into YAML.
      const doc = factsDocument(file, text);
      const index = (doc.contents as unknown as { items: unknown[] }).items.findIndex((item) => isMap(item) && item.get('id') === id);
      if (index === -1) continue;
      if (file.endsWith('.json')) {
        throw new LibraryEditError(`fact "${id}" is defined in the JSON file ${file}, which is not edited here — change it in that file`);
      }
      return { file, doc, index };
    }
    return undefined;
  }

  /** The section file with `id` in this library, with its parsed front matter and body. */
  private async findSection(id: string): Promise<{ file: string; text: string; meta: SectionMeta; body: string } | undefined> {
    for (const file of listFiles(path.join(this.dir, 'sections'), ['.md'], [], libraryRoot(this.dir))) {
      const text = this.ownFileText(file);
      if (text === undefined || !text.includes(id)) continue;
      const split = splitFrontMatter(text);
      if (!split) continue;
      let raw: unknown;
      try {
        raw = parseYamlValue(split.yaml);
      } catch {
        continue;
      }
      if ((raw as { id?: unknown } | null)?.id !== id) continue;
      const meta = SectionMeta.safeParse(raw);
      if (!meta.success) {
        throw new LibraryEditError(`${file} defines section "${id}" but its front matter has errors — fix or remove that file first; it is not overwritten`);
      }
      return { file, text, meta: meta.data, body: split.body };
    }
    return undefined;
  }
}

function fieldErrors(error: z.ZodError, data: unknown): FieldError[] {
  return error.issues.map((issue) => ({ field: formatPath(issue.path), message: describeLibraryIssue(issue, data) }));
}

function clashError(word: 'fact' | 'section', id: string, where: string): FieldError {
  return {
    field: 'id',
    message: `${word} "${id}" already exists in ${where}, which would win over this one — choose another id`,
  };
}

/** Parses a facts file for editing; refuses one that did not parse, since rewriting it would lose what the parser skipped. */
function factsDocument(file: string, text: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new LibraryEditError(`${file} has a YAML syntax error (${doc.errors[0]!.message.split('\n')[0]}) — fix it first; it is not overwritten`);
  }
  if (doc.contents === null) doc.contents = doc.createNode([]) as unknown as typeof doc.contents;
  if (!isSeq(doc.contents)) throw new LibraryEditError(`${file} is not a list of facts — fix it first; it is not overwritten`);
  return doc;
}

function newFactsDocument(): Document {
  const doc = new Document([]);
  doc.commentBefore = ' Facts saved from Briefing Builder. Hand edits are kept; comments above a fact stay with it.';
  return doc;
}

function factNode(doc: Document, fact: Fact): Node {
  const node = doc.createNode(fact) as Node;
  quoteDates(node);
  return node;
}

function quoteDates(node: Node | Document): void {
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && DATE_LIKE.test(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
    },
  });
}

/** Front matter in a fixed, readable key order (id, title, topic, revision first), then the body exactly as given. */
function sectionText(input: SectionInput, revision: number, body: string): string {
  const { id, title, topic, revision: _asked, ...rest } = input;
  const front = new Document({ id, title, topic, revision, ...rest });
  quoteDates(front);
  return `---\n${front.toString({ lineWidth: 0 })}---\n${body}`;
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

async function removeFile(file: string): Promise<void> {
  await unlink(file);
  await fsyncDir(path.dirname(file));
}
