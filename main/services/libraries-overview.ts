// The Libraries view's picture of the mounted libraries: counts, problems and whether each one can be edited.
import path from 'node:path';
import type { LibrariesOverview, LibraryInfo } from '../../shared/ipc/channels.js';
import type { Problem } from '../../shared/model/library.js';
import type { LoadResult, Mount } from './library/mount.js';
import { libraryIdOf } from './library-service.js';

const PROBLEMS_SHOWN = 5;

/** Whether items may be saved into the mount: the bundled library never, a team one only when set read-write. */
export const isWritable = (mount: Mount): boolean => mount.kind !== 'bundled' && !mount.readOnly;

/** `file:line: message`, with every mounted folder cut from paths so the renderer sees names inside libraries only. */
function describeProblem(p: Problem, dir: string, mounts: readonly Mount[]): string {
  let message = p.message;
  for (const m of mounts) message = message.split(path.resolve(m.dir) + path.sep).join('');
  return `${path.relative(dir, p.file)}${p.line ? `:${p.line}` : ''}: ${message}`;
}

export function librariesOverview(result: LoadResult, mounts: readonly Mount[], notices: string[]): LibrariesOverview {
  const dirs = mounts.map((m) => path.resolve(m.dir));
  // A problem belongs to the library whose folder holds its file (the longest match, should one sit inside another).
  const problemsOf = new Map<Mount, Problem[]>(mounts.map((m) => [m, []]));
  for (const p of result.problems) {
    let best = -1;
    dirs.forEach((d, i) => {
      if ((p.file === d || p.file.startsWith(d + path.sep)) && (best === -1 || d.length > dirs[best]!.length)) best = i;
    });
    if (best !== -1) problemsOf.get(mounts[best]!)!.push(p);
  }
  const count = (collection: 'sections' | 'facts', mount: Mount) => {
    let n = 0;
    for (const origin of result.origins[collection].values()) if (origin.mount === mount) n++;
    return n;
  };
  const libraries = result.libraries.map(({ mount, manifest }, i): LibraryInfo => {
    const problems = problemsOf.get(mount) ?? [];
    return {
      id: libraryIdOf(mount),
      kind: mount.kind,
      name: manifest.name,
      folder: path.basename(dirs[i]!),
      readOnly: mount.readOnly,
      writable: isWritable(mount),
      sections: count('sections', mount),
      facts: count('facts', mount),
      problemCount: problems.length,
      problems: problems.slice(0, PROBLEMS_SHOWN).map((p) => describeProblem(p, dirs[i]!, mounts)),
    };
  });
  return { libraries, notices };
}
