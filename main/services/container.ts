// The composition root: creates the app's services in dependency order (the channel handlers are in handlers/).
import path from 'node:path';
import { usePersistentEngineCache } from '../pdf/index.js';
import { BUILD_ID } from './build-id.js';
import { DocumentService } from './documents/document-service.js';
import { ExportService } from './export-service.js';
import type { LibraryService } from './library-service.js';
import { MountedLibraries } from './mounted-libraries.js';
import { SettingsService } from './settings/settings-service.js';
import { SpellingService } from './settings/spelling-service.js';

/** Native dialogs the services need; Electron supplies them in the app, tests supply fakes. */
export interface AppDialogs {
  /** Ask where to save a PDF; null when the user cancels. */
  savePdf(suggestedName: string): Promise<string | null>;
  /** Ask where to save a Word file; null when the user cancels. */
  saveDocx(suggestedName: string): Promise<string | null>;
  /** Ask which .brief to open / where to save one; null when cancelled. */
  openBrief(): Promise<string | null>;
  saveBriefAs(suggestedName: string): Promise<string | null>;
  /** Ask for a team library folder; null when cancelled. Absent where there is no folder dialog. */
  chooseFolder?(): Promise<string | null>;
}

export interface ServiceDeps {
  bundledLibraryDir: string;
  /** The example briefs offered on the start screen (assets/examples). */
  examplesDir?: string;
  fontsDir: string;
  userDataDir: string;
  dialogs: AppDialogs;
  revealFile?: (file: string) => void;
  today: () => Date;
}

/** Every service of the app, wired; the result is what createHandlers (handlers/index.ts) takes. */
export async function createServices(deps: ServiceDeps) {
  const settings = new SettingsService(deps.userDataDir);
  await settings.load();
  // The parse cache and search index of the libraries live in the user's data folder (safe to delete).
  const libraries = await MountedLibraries.open(settings, deps.bundledLibraryDir, { cacheDir: path.join(deps.userDataDir, 'cache'), prepareSearch: true });
  // Shaped words, paragraph layouts and subsets of earlier sessions (main/pdf/engine-cache.ts), in the same folder. Only a
  // build has an id to key them by (tests and the e2e harness run from source: none). Saved at most once a minute, as
  // serialising a few MB on the main process while the preview re-renders at each pause in typing would be felt.
  if (BUILD_ID) usePersistentEngineCache({ dir: path.join(deps.userDataDir, 'cache'), buildId: BUILD_ID, saveDelayMs: 60_000 });
  const exporter = new ExportService({
    library: () => libraries.current.library(),
    fontsDir: deps.fontsDir,
    today: deps.today,
    ...(deps.revealFile ? { revealFile: deps.revealFile } : {}),
  });
  const documents = new DocumentService({ userDataDir: deps.userDataDir, dialogs: deps.dialogs, ...(deps.examplesDir ? { examplesDir: deps.examplesDir } : {}) });
  return {
    libraries,
    /** The library service of the current mounts (it is replaced when team libraries are added or removed). */
    get library(): LibraryService {
      return libraries.current;
    },
    exporter,
    documents,
    spelling: new SpellingService(deps.userDataDir),
    dialogs: deps.dialogs,
    today: deps.today,
  };
}
export type Services = Awaited<ReturnType<typeof createServices>>;
