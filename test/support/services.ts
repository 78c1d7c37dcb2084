// Test support: the app's real services on a temp user-data folder with scripted dialogs, called through the real dispatch.
import path from 'node:path';
import { bundledLibraryDir, fontsDir } from '../../main/services/app-paths.js';
import { createServices, type AppDialogs, type Services } from '../../main/services/container.js';
import { dispatch } from '../../main/services/dispatch.js';
import { createHandlers } from '../../main/services/handlers/index.js';
import type { Handlers, ParamsOf, ResultOf } from '../../shared/ipc/channels.js';
import type { Envelope, MethodName } from '../../shared/ipc/names.js';
import { tempDir } from './temp.js';

/** What the fake dialogs answer next, in order; an empty queue is the user pressing Cancel. */
export interface DialogScript {
  pdfTargets: string[];
  docxTargets: string[];
  folders: string[];
  openBriefs: string[];
  saveBriefs: string[];
}

export interface TestApp {
  /** A temp folder for the test's own files; removed by close(). */
  root: string;
  userDataDir: string;
  services: Services;
  handlers: Handlers;
  dialogs: DialogScript;
  /** Files the app asked the file manager to show. */
  revealed: string[];
  /** Calls a channel as the window does (sender check, schema validation, envelope); a refused call throws its message. */
  call<M extends MethodName>(method: M, ...args: ParamsOf<M>): Promise<ResultOf<M>>;
  /** The envelope itself; arguments are not type-checked, so a test can send what the schema must refuse. */
  envelope(method: MethodName, ...args: unknown[]): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Defaults to `<root>/user-data`; pass one to start a second app on the same data. */
  userDataDir?: string;
  today?: Date;
}

export const TEST_TODAY = new Date('2026-11-25T00:00:00Z');

export async function startApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { dir: root, cleanup } = await tempDir('bb-app-');
  const userDataDir = options.userDataDir ?? path.join(root, 'user-data');
  const script: DialogScript = { pdfTargets: [], docxTargets: [], folders: [], openBriefs: [], saveBriefs: [] };
  const revealed: string[] = [];
  const dialogs: AppDialogs = {
    savePdf: async () => script.pdfTargets.shift() ?? null,
    saveDocx: async () => script.docxTargets.shift() ?? null,
    chooseFolder: async () => script.folders.shift() ?? null,
    openBrief: async () => script.openBriefs.shift() ?? null,
    saveBriefAs: async () => script.saveBriefs.shift() ?? null,
  };
  const today = options.today ?? TEST_TODAY;
  const services = await createServices({
    bundledLibraryDir: bundledLibraryDir(),
    fontsDir: fontsDir(),
    userDataDir,
    dialogs,
    revealFile: (file) => void revealed.push(file),
    today: () => today,
  });
  const handlers = createHandlers(services);
  const envelope = (method: MethodName, ...args: unknown[]) => dispatch(handlers, method, args, { trusted: true, describe: 'test' });
  return {
    root,
    userDataDir,
    services,
    handlers,
    dialogs: script,
    revealed,
    envelope,
    async call(method, ...args) {
      const e = await envelope(method, ...args);
      if (!e.ok) throw new Error(e.error.message);
      return e.value as ResultOf<typeof method>;
    },
    async close() {
      await services.documents.shutdown();
      // The library's caches are written in the background after a load: let them land before the folder goes.
      await services.libraries.current.settled();
      await cleanup();
    },
  };
}
