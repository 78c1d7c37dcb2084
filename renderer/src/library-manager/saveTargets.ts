// Where the library forms may save: the personal library and every team library the user set read-write.
import { useEffect, useState } from 'react';
import type { LibrariesOverview, LibraryKind } from '../../../shared/ipc/channels.js';
import { api } from '../api.js';

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

/** The current save targets, asked again whenever the library data reloads (`version`). */
export function useSaveTargets(version: number): SaveTarget[] {
  const [targets, setTargets] = useState<SaveTarget[]>([]);
  useEffect(() => {
    let live = true;
    api()
      .listLibraries()
      .then(
        (o) => live && setTargets(saveTargets(o)),
        () => live && setTargets([]),
      );
    return () => {
      live = false;
    };
  }, [version]);
  return targets;
}
