// Where the library forms may save: the personal library and every team library the user set read-write (pure).
import type { LibrariesOverview, LibraryKind } from '../../../shared/ipc/channels.js';

export interface SaveTarget {
  /** The opaque library id of listLibraries. */
  id: string;
  kind: LibraryKind;
  name: string;
}

/** Writable libraries, the personal one first (the default for a new item). */
export function saveTargets(overview: LibrariesOverview): SaveTarget[] {
  const writable = overview.libraries.filter((l) => l.writable).map(({ id, kind, name }) => ({ id, kind, name }));
  return [...writable.filter((t) => t.kind === 'personal'), ...writable.filter((t) => t.kind !== 'personal')];
}

/** How a message names the library an item went to. */
export function targetPhrase(target: SaveTarget | undefined): string {
  return !target || target.kind === 'personal' ? 'your personal library' : `the team library “${target.name}”`;
}
