// Handlers for the Libraries view: which libraries are mounted, team folders, and editing personal items.
import path from 'node:path';
import type { Handlers, LibrariesOverview, LibraryInfo, SaveLibraryItemResult, SectionMetaInput } from '../../../shared/ipc/channels.js';
import type { Problem } from '../../../shared/model/library.js';
import type { Services } from '../container.js';
import type { Mount } from '../library/mount.js';
import { libraryIdOf } from '../mounted-libraries.js';
import { userError } from './user-error.js';

type LibrariesChannels =
  | 'listLibraries'
  | 'reloadLibraries'
  | 'addTeamLibrary'
  | 'removeTeamLibrary'
  | 'setTeamLibraryReadOnly'
  | 'savePersonalFact'
  | 'deletePersonalFact'
  | 'personalSection'
  | 'savePersonalSection'
  | 'deletePersonalSection';

const PROBLEMS_SHOWN = 5;

/** `file:line: message`, with every mounted folder cut from paths so the renderer sees names inside libraries only. */
function describeProblem(p: Problem, dir: string, mounts: readonly Mount[]): string {
  let message = p.message;
  for (const m of mounts) message = message.split(path.resolve(m.dir) + path.sep).join('');
  return `${path.relative(dir, p.file)}${p.line ? `:${p.line}` : ''}: ${message}`;
}

function librariesOverview(s: Services): LibrariesOverview {
  const result = s.libraries.loadResult();
  const mounts = s.libraries.mounted();
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
      sections: count('sections', mount),
      facts: count('facts', mount),
      problemCount: problems.length,
      problems: problems.slice(0, PROBLEMS_SHOWN).map((p) => describeProblem(p, dirs[i]!, mounts)),
    };
  });
  return { libraries, notices: s.notices };
}

/** The folder of the team library with this opaque id; a stale id (removed meanwhile) is a message, not a crash. */
function teamDir(s: Services, libraryId: string): string {
  const team = s.settings.get().teamLibraries.find((t) => libraryIdOf({ dir: t.dir, kind: 'team' }) === libraryId);
  if (!team) throw userError('That team library is no longer mounted — reopen the Libraries view to see the current list');
  return team.dir;
}

/** The renderer is told whether it worked, never where the file went. */
const saved = (r: { ok: true } | { ok: false; errors: { field: string; message: string }[] }): SaveLibraryItemResult => (r.ok ? { ok: true } : { ok: false, errors: r.errors });

function personalSection(s: Services, id: string): { meta: SectionMetaInput; body: string } | null {
  const origin = s.libraries.loadResult().origins.sections.get(id);
  const section = s.library.library().sections.get(id);
  if (!section || origin?.mount.kind !== 'personal') return null;
  const meta: SectionMetaInput = { id: section.id, title: section.title, topic: section.topic, tags: section.tags, revision: section.revision, variables: section.variables };
  if (section.marking !== undefined) meta.marking = section.marking;
  if (section.summary !== undefined) meta.summary = section.summary;
  return { meta, body: section.body };
}

export function librariesHandlers(s: Services): Pick<Handlers, LibrariesChannels> {
  return {
    listLibraries: async () => librariesOverview(s),
    reloadLibraries: async () => {
      await s.libraries.change(async () => undefined);
      return librariesOverview(s);
    },
    addTeamLibrary: async () => {
      if (!s.deps.dialogs.chooseFolder) throw userError('Adding a team library needs a folder dialog, which this window does not have');
      const dir = await s.deps.dialogs.chooseFolder();
      if (!dir) return { status: 'canceled' };
      // Read-only to start with: a shared folder is changed on purpose, not by a slip in a form.
      const added = await s.libraries.change(() => s.settings.addTeamLibrary(dir, true));
      const id = libraryIdOf({ dir: added.dir, kind: 'team' });
      const library = librariesOverview(s).libraries.find((l) => l.id === id);
      if (!library) throw new Error(`team library ${id} was added but is not mounted`);
      return { status: 'added', library };
    },
    removeTeamLibrary: async (libraryId) => s.libraries.change(() => s.settings.removeTeamLibrary(teamDir(s, libraryId))),
    setTeamLibraryReadOnly: async (libraryId, readOnly) => s.libraries.change(() => s.settings.setReadOnly(teamDir(s, libraryId), readOnly)),
    savePersonalFact: async (fact) => saved(await s.libraries.change(() => s.personal.saveFact(fact), (r) => r.ok)),
    deletePersonalFact: async (id) => ({ deleted: await s.libraries.change(() => s.personal.deleteFact(id), (r) => r) }),
    personalSection: async (id) => personalSection(s, id),
    savePersonalSection: async (meta, body) => saved(await s.libraries.change(() => s.personal.saveSection(meta, body), (r) => r.ok)),
    deletePersonalSection: async (id) => ({ deleted: await s.libraries.change(() => s.personal.deleteSection(id), (r) => r) }),
  };
}
