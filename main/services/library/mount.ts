// Mounts several library folders side by side into one Library: first mount wins on clashing ids, and says so.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { emptyLibrary, type Library, type Manifest, type Problem } from '../../../shared/model/library.js';
import { checkEnvironment, checkReferences, type LocatedItems } from './check-references.js';
import type { ParseCache } from './cache.js';
import { COLLECTIONS, ITEM_WORD, type Collection } from './parse-files.js';
import { readLibraryFolderSafely, type LibraryPart, type Located } from './read-folder.js';
import { readProfiles, type LocatedProfile } from './read-profiles.js';
import { readReviews } from './read-reviews.js';
import { markingProfilesDir } from '../app-paths.js';

export type MountKind = 'bundled' | 'team' | 'personal';
export interface Mount {
  dir: string;
  kind: MountKind;
  readOnly: boolean;
}

/** Where an item of the merged library was defined. */
export interface ItemOrigin {
  mount: Mount;
  libraryId: string;
  /** Absolute path of the file. */
  file: string;
  readonly line: number;
}
export type LibraryOrigins = Record<Collection, Map<string, ItemOrigin>>;

/**
 * The line is looked up only if someone asks (a file read on the fast path, or not read at all thanks to the
 * cache, needs a second parse for lines). A class: one getter on the prototype, not one per item of 12,000.
 */
class LazyOrigin implements ItemOrigin {
  // Declared, not class fields: a field initialiser runs for each of 12,000 objects before the constructor body.
  declare readonly mount: Mount;
  declare readonly libraryId: string;
  declare readonly file: string;
  declare private readonly item: Located<unknown>;
  constructor(mount: Mount, libraryId: string, item: Located<unknown>) {
    this.mount = mount;
    this.libraryId = libraryId;
    this.item = item;
    this.file = item.file;
  }

  get line(): number {
    return this.item.line;
  }
}

export interface MountedLibrary {
  mount: Mount;
  manifest: Manifest;
}

export interface LoadResult {
  library: Library;
  /** Sorted by file, then line; `file` is an absolute path. */
  problems: Problem[];
  origins: LibraryOrigins;
  /** The mounted libraries in mount order. */
  libraries: MountedLibrary[];
}

export interface LoadOptions {
  /** Reuse parse results of files whose content is unchanged (see ParseCache). */
  cache?: ParseCache;
  /** Where the app's own marking profiles are (assets/markings by default). */
  profilesDir?: string;
}

export async function loadLibraries(mounts: readonly Mount[], options: LoadOptions = {}): Promise<LoadResult> {
  const parts = mounts.map((m) => readLibraryFolderSafely(path.resolve(m.dir), options.cache));
  const result = mergeParts(mounts, parts, options.cache);
  mergeProfiles(result, parts, options.profilesDir ?? markingProfilesDir(), options.cache);
  applyReviews(result, mounts);
  return result;
}

/** The user's dated reviews (the personal library's reviews.yaml): explicit overrides of facts' review dates. */
function applyReviews(result: LoadResult, mounts: readonly Mount[]): void {
  const personal = mounts.find((m) => m.kind === 'personal');
  if (!personal) return;
  const read = readReviews(path.resolve(personal.dir));
  result.problems.push(...read.problems);
  if (read.reviews.size > 0) result.library.reviews = read.reviews;
}

/** The app's profiles first, then each library's markings/ in mount order; a clashing id is a problem, the first wins. */
function mergeProfiles(result: LoadResult, parts: LibraryPart[], appDir: string, cache?: ParseCache): void {
  const appProblems: Problem[] = [];
  const all: LocatedProfile[] = [...readProfiles(appDir, appProblems, undefined, cache), ...parts.flatMap((p) => p.profiles)];
  result.problems.push(...appProblems);
  const first = new Map<string, LocatedProfile>();
  for (const p of all) {
    const had = first.get(p.value.id);
    if (had) {
      result.problems.push({ file: p.file, line: p.line, message: `marking profile "${p.value.id}" is already defined in ${had.file} — give this one another id`, severity: 'error' });
      continue;
    }
    first.set(p.value.id, p);
    result.library.markingProfiles.set(p.value.id, p.value);
  }
}

/**
 * What the cross-item check depends on: every part's files (kind, path, content key, in read order) and folder
 * problems, in mount order. Undefined without a cache (no content keys).
 */
function checkTrace(parts: readonly LibraryPart[]): string | undefined {
  if (parts.some((p) => !p.trace)) return undefined;
  return createHash('sha1')
    .update(parts.map((p) => p.trace!.join('\n')).join('\n\n'))
    .digest('base64');
}

function mergeParts(mounts: readonly Mount[], parts: LibraryPart[], cache?: ParseCache): LoadResult {
  const library = emptyLibrary(mergedManifest(parts.map((p) => p.manifest)));
  const origins = Object.fromEntries(COLLECTIONS.map((c) => [c, new Map<string, ItemOrigin>()])) as LibraryOrigins;
  const kept: LocatedItems = { facts: [], sections: [], countries: [], forums: [] };
  const problems: Problem[] = parts.flatMap((p) => p.problems);

  parts.forEach((part, partIndex) => {
    const mount = mounts[partIndex]!;
    const libraryId = part.manifest.id;
    for (const collection of COLLECTIONS) {
      // Looked up once per collection, not per item: this loop runs 12,000 times in a cold process.
      const target = library[collection] as Map<string, unknown>;
      const originOf = origins[collection];
      const keptHere = collection === 'technologies' ? undefined : (kept[collection] as Located<unknown>[]);
      for (const item of part[collection] as Located<{ id: string }>[]) {
        const id = item.value.id;
        const first = originOf.get(id);
        if (first) {
          problems.push({ file: item.file, line: item.line, message: clashMessage(collection, id, first, mount), severity: 'error' });
          continue;
        }
        target.set(id, item.value);
        originOf.set(id, new LazyOrigin(mount, libraryId, item));
        keptHere?.push(item);
      }
    }
  });
  // The check walks every item and every section body; for the same files as last time its answer is the same.
  const trace = cache && checkTrace(parts);
  let checked = trace === undefined ? undefined : cache!.referenceChecks(trace);
  if (!checked) {
    const invalid = new Set(parts.flatMap((p) => [...p.invalidIds]));
    checked = checkReferences(library, kept, invalid, cache?.checkMemo(checkEnvironment(library, invalid)));
    if (trace !== undefined) cache!.rememberReferenceChecks(trace, checked);
  }
  problems.push(...checked);
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { library, problems, origins, libraries: parts.map((p, i) => ({ mount: mounts[i]!, manifest: p.manifest })) };
}

/**
 * Names the other place without depending on the working folder (the app's is arbitrary): relative to the
 * library for a duplicate inside it, the absolute path for another library.
 */
function clashMessage(collection: Collection, id: string, first: ItemOrigin, mount: Mount): string {
  const word = ITEM_WORD[collection];
  if (first.mount === mount) {
    const where = `${path.relative(path.resolve(mount.dir), first.file)}:${first.line}`;
    return `${word} "${id}" is defined twice; the first definition (${where}) is used — rename or remove this one`;
  }
  const where = `${first.file}:${first.line}`;
  return `${word} "${id}" is already defined by library "${first.libraryId}" (${where}), which is mounted first and wins — rename this one or remove it`;
}

function mergedManifest(manifests: Manifest[]): Manifest {
  if (manifests.length === 1) return manifests[0]!;
  return {
    id: 'merged',
    name: manifests.map((m) => m.name).join(' + '),
    version: manifests.map((m) => `${m.id}@${m.version}`).join(' '),
  };
}
