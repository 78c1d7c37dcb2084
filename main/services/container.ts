// The service container: creates the app's services in dependency order and maps channels to them.
import path from 'node:path';
import type { Handlers, ItemSource, LibrariesOverview, LibraryInfo, SaveLibraryItemResult, SectionMetaInput, SectionSummary } from '../../shared/ipc/channels.js';
import { assembleBrief, linkSection, UnknownSectionError } from '../../shared/assemble.js';
import { pinCitedFacts } from '../../shared/pinning.js';
import { briefChanges, updateLinkedSection, updatePin } from '../../shared/brief-changes.js';
import type { Problem } from '../../shared/model/library.js';
import { isoDay, isStale, reviewDue } from '../../shared/staleness.js';
import { DocumentService, fileNameFor } from './documents/document-service.js';
import { ExportService } from './export-service.js';
import type { ItemOrigin, Mount } from './library/mount.js';
import type { LibraryService } from './library-service.js';
import { libraryIdOf, MountedLibraries } from './mounted-libraries.js';
import { knownIdsFrom, PersonalLibrary } from './personal-library/personal-library.js';
import { SettingsService } from './settings/settings-service.js';

/** Native dialogs the services need; Electron supplies them in the app, tests supply fakes. */
export interface AppDialogs {
  /** Ask where to save a PDF; null when the user cancels. */
  savePdf(suggestedName: string): Promise<string | null>;
  /** Ask which .brief to open / where to save one; null when cancelled. */
  openBrief(): Promise<string | null>;
  saveBriefAs(suggestedName: string): Promise<string | null>;
  /** Ask for a team library folder; null when cancelled. Absent where there is no folder dialog. */
  chooseFolder?(): Promise<string | null>;
}

export interface ServiceDeps {
  bundledLibraryDir: string;
  fontsDir: string;
  userDataDir: string;
  dialogs: AppDialogs;
  revealFile?: (file: string) => void;
  today: () => Date;
}

/** A message the renderer shows as it is (dispatch passes `userFacing` errors through). */
const userError = (message: string) => Object.assign(new Error(message), { userFacing: true });

const PROBLEMS_SHOWN = 5;

export async function createServices(deps: ServiceDeps) {
  const settings = new SettingsService(deps.userDataDir);
  await settings.load();
  const libraries = new MountedLibraries(settings, deps.bundledLibraryDir);
  const personalDir = settings.personalLibraryDir();
  const personal = new PersonalLibrary(personalDir, { knownIds: () => knownIdsFrom(libraries.loadResult(), personalDir) });
  // An unwritable data folder must not stop the app: the bundled library still works, and the Libraries view says why.
  const personalProblem = await personal.ensure().then(
    () => undefined,
    (err: Error) => `your personal library could not be created (${err.message}) — new facts and sections cannot be saved until it can`,
  );
  await libraries.current.load();
  const exporter = new ExportService({ library: () => libraries.current.library(), fontsDir: deps.fontsDir, today: deps.today });
  const documents = new DocumentService({ userDataDir: deps.userDataDir, dialogs: deps.dialogs });
  return {
    deps,
    settings,
    libraries,
    personal,
    /** The library service of the current mounts (it is replaced when team libraries are added or removed). */
    get library(): LibraryService {
      return libraries.current;
    },
    exporter,
    documents,
    /** Start-up problems for the Libraries view. */
    notices: [settings.problem(), personalProblem].filter((n): n is string => !!n),
  };
}
export type Services = Awaited<ReturnType<typeof createServices>>;

/** Where each item came from, as the renderer may see it: the library's opaque id, kind and name. */
function itemSources(s: Services): (origin: ItemOrigin | undefined) => ItemSource | undefined {
  const result = s.libraries.loadResult();
  const byMount = new Map(result.libraries.map((l) => [l.mount, { libraryId: libraryIdOf(l.mount), kind: l.mount.kind, name: l.manifest.name }]));
  return (origin) => (origin ? byMount.get(origin.mount) : undefined);
}

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

export function createHandlers(s: Services): Handlers {
  // Only a path this service wrote itself may be revealed: the renderer never names a file.
  let lastExport: string | null = null;
  return {
    appInfo: async () => ({ name: 'Briefing Builder', version: '0.1.0' }),
    listSections: async () => {
      const sourceOf = itemSources(s);
      const origins = s.libraries.loadResult().origins.sections;
      return [...s.library.library().sections.values()].map((x): SectionSummary => {
        const source = sourceOf(origins.get(x.id));
        return {
          id: x.id,
          title: x.title,
          topic: x.topic,
          ...(x.summary ? { summary: x.summary } : {}),
          technologies: x.tags.technologies,
          countries: x.tags.countries,
          revision: x.revision,
          ...(source ? { source } : {}),
        };
      });
    },
    searchLibrary: async (query, filters) => s.library.search(query, filters ?? {}),
    assembleBrief: async (spec) => assembleBrief(spec, s.library.library()),
    composeBrief: async (brief) => s.exporter.compose(brief),
    previewPdf: async (brief) => {
      const r = await s.exporter.renderPreview(brief);
      return { pdf: r.bytes, pageCount: r.pageCount, warnings: r.doc.warnings };
    },
    exportPdf: async (brief, options) => {
      const target = await s.deps.dialogs.savePdf(`${fileNameFor(brief.meta.title)}.pdf`);
      if (!target) return { status: 'canceled' };
      const r = await s.exporter.exportTo(brief, target, options);
      lastExport = r.outPath;
      return { status: 'saved', displayName: path.basename(r.outPath), pageCount: r.pageCount, warnings: r.doc.warnings, fontWarnings: r.fontWarnings };
    },
    listFacts: async () => {
      const today = s.deps.today();
      const sourceOf = itemSources(s);
      const origins = s.libraries.loadResult().origins.facts;
      return [...s.library.library().facts.values()].map((fact) => {
        const source = sourceOf(origins.get(fact.id));
        return { fact, stale: isStale(fact, today), reviewDue: isoDay(reviewDue(fact)), ...(source ? { source } : {}) };
      });
    },
    addSection: async (brief, sectionId, index) => {
      const section = s.library.library().sections.get(sectionId);
      if (!section) throw Object.assign(new UnknownSectionError([sectionId]), { userFacing: true });
      const sections = [...brief.sections];
      sections.splice(index ?? sections.length, 0, linkSection(section));
      return pinCitedFacts({ ...brief, sections }, s.library.library().facts);
    },
    libraryChanges: async (brief) => briefChanges(brief, s.library.library()),
    applyLibraryUpdate: async (brief, update) => {
      const library = s.library.library();
      // The library may have changed since the warning was shown: say so rather than fail with a stack.
      try {
        return update.kind === 'pin' ? updatePin(brief, update.id, library) : updateLinkedSection(brief, update.id, library);
      } catch (err) {
        throw userError((err as Error).message);
      }
    },
    revealLastExport: async () => {
      if (!lastExport || !s.deps.revealFile) return { revealed: false };
      s.deps.revealFile(lastExport);
      return { revealed: true };
    },
    newDocument: async (init) => s.documents.newDocument(init),
    openDocument: async () => s.documents.open(),
    openRecentDocument: async (recentId) => s.documents.openRecent(recentId),
    saveDocument: async (handle, brief, options) => s.documents.save(handle, brief, options ?? {}),
    saveDocumentAs: async (handle, brief, options) => s.documents.saveAs(handle, brief, options ?? {}),
    recentDocuments: async () => s.documents.recent(),
    markDocumentEdited: async (handle, brief) => s.documents.markEdited(handle, brief),
    pendingRecovery: async () => s.documents.pendingRecovery(),
    restoreRecovery: async (recoveryId) => s.documents.restore(recoveryId),
    discardRecovery: async (recoveryId) => s.documents.discardRecovery(recoveryId),
    closeDocument: async (handle) => s.documents.close(handle),
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
