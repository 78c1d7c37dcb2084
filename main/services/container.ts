// The composition root: creates the app's services in dependency order (the channel handlers are in handlers/).
import { DocumentService } from './documents/document-service.js';
import { ExportService } from './export-service.js';
import type { LibraryService } from './library-service.js';
import { MountedLibraries } from './mounted-libraries.js';
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

/** The e2e harness still imports the handlers from here; main.ts and the tests take them from handlers/. */
export { createHandlers } from './handlers/index.js';
