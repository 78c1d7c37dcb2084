// The service container: creates the app's services in dependency order and maps channels to them.
import path from 'node:path';
import type { Handlers, SectionSummary } from '../../shared/ipc/channels.js';
import { assembleBrief, linkSection, pinCitedFacts, UnknownSectionError } from '../../shared/assemble.js';
import { isoDay, isStale, reviewDue } from '../../shared/staleness.js';
import { DocumentService } from './documents/document-service.js';
import { ExportService } from './export-service.js';
import { LibraryService } from './library-service.js';

/** Native dialogs the services need; Electron supplies them in the app, tests supply fakes. */
export interface AppDialogs {
  /** Ask where to save a PDF; null when the user cancels. */
  savePdf(suggestedName: string): Promise<string | null>;
  /** Ask which .brief to open / where to save one; null when cancelled. */
  openBrief(): Promise<string | null>;
  saveBriefAs(suggestedName: string): Promise<string | null>;
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
  const library = new LibraryService([{ dir: deps.bundledLibraryDir, kind: 'bundled', readOnly: true }]);
  await library.load();
  const exporter = new ExportService({ library: () => library.library(), fontsDir: deps.fontsDir, today: deps.today });
  const documents = new DocumentService({ userDataDir: deps.userDataDir, dialogs: deps.dialogs });
  return { deps, library, exporter, documents };
}
export type Services = Awaited<ReturnType<typeof createServices>>;

/** A file name from a title: letters, digits and dashes only, so a title can never steer the path. */
export function suggestedFileName(title: string, ext: string): string {
  const base = title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'brief';
  return `${base}.${ext}`;
}


export function createHandlers(s: Services): Handlers {
  // Only a path this service wrote itself may be revealed: the renderer never names a file.
  let lastExport: string | null = null;
  return {
    appInfo: async () => ({ name: 'Briefing Builder', version: '0.1.0' }),
    listSections: async () =>
      [...s.library.library().sections.values()].map(
        (x): SectionSummary => ({
          id: x.id,
          title: x.title,
          topic: x.topic,
          ...(x.summary ? { summary: x.summary } : {}),
          technologies: x.tags.technologies,
          countries: x.tags.countries,
          revision: x.revision,
        }),
      ),
    searchLibrary: async (query, filters) => s.library.search(query, filters ?? {}),
    assembleBrief: async (spec) => assembleBrief(spec, s.library.library()),
    composeBrief: async (brief) => s.exporter.compose(brief),
    previewPdf: async (brief) => {
      const r = await s.exporter.render(brief, { pdfa: false });
      return { pdf: r.bytes, pageCount: r.pageCount, warnings: r.doc.warnings };
    },
    exportPdf: async (brief, options) => {
      const target = await s.deps.dialogs.savePdf(suggestedFileName(brief.meta.title, 'pdf'));
      if (!target) return { status: 'cancelled' };
      const r = await s.exporter.exportTo(brief, target, options);
      lastExport = r.outPath;
      return { status: 'saved', displayName: path.basename(r.outPath), pageCount: r.pageCount, warnings: r.doc.warnings, fontWarnings: r.fontWarnings };
    },
    listFacts: async () => {
      const today = s.deps.today();
      return [...s.library.library().facts.values()].map((fact) => ({ fact, stale: isStale(fact, today), reviewDue: isoDay(reviewDue(fact)) }));
    },
    pinCitedFacts: async (brief) => pinCitedFacts(brief, s.library.library()),
    addSection: async (brief, sectionId, index) => {
      const section = s.library.library().sections.get(sectionId);
      if (!section) throw Object.assign(new UnknownSectionError([sectionId]), { userFacing: true });
      const sections = [...brief.sections];
      sections.splice(index ?? sections.length, 0, linkSection(section));
      return pinCitedFacts({ ...brief, sections }, s.library.library());
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
  };
}
