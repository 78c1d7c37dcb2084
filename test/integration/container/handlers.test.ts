// An area's handlers on real services built by hand, without the container: they need only the interfaces they name.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledLibraryDir, examplesDir, fontsDir } from '../../../main/services/app-paths.js';
import { readBriefFile } from '../../../main/services/documents/brief-file.js';
import { ExportService } from '../../../main/services/export-service.js';
import { exportHandlers } from '../../../main/services/handlers/export.js';
import { libraryHandlers } from '../../../main/services/handlers/library.js';
import { LibraryService } from '../../../main/services/library-service.js';
import { useTempDir } from '../../support/hooks.js';
import { TEST_TODAY } from '../../support/services.js';

const tmp = useTempDir('bb-handlers-');

describe('handlers by area', () => {
  it('library and export handlers work on a LibraryService and an ExportService of the bundled library', async () => {
    const library = new LibraryService([{ dir: bundledLibraryDir(), kind: 'bundled', readOnly: true }]);
    await library.load();
    const revealed: string[] = [];
    const exporter = new ExportService({ library: () => library.library(), fontsDir: fontsDir(), today: () => TEST_TODAY, revealFile: (f) => void revealed.push(f) });
    const target = path.join(tmp(), 'memo.pdf');
    const lib = libraryHandlers({ library, today: () => TEST_TODAY });
    const wordTarget = path.join(tmp(), 'memo.docx');
    const exp = exportHandlers({ exporter, dialogs: { savePdf: async () => target, saveDocx: async () => wordTarget } });

    const sections = await lib.listSections();
    expect(sections.find((s) => s.id === 'framing-the-issue')?.source).toEqual({ libraryId: 'bundled', kind: 'bundled', name: expect.any(String) });
    expect((await lib.listFacts()).every((f) => f.source?.kind === 'bundled')).toBe(true);

    const brief = await readBriefFile(path.join(examplesDir(), 'decision-memo.brief'));
    expect(await exp.exportPdf(brief, { pdfa: false })).toMatchObject({ status: 'saved', displayName: 'memo.pdf' });
    expect(await exp.revealLastExport()).toEqual({ revealed: true });
    expect(revealed).toEqual([target]);
    // The Word export goes through the same service: it becomes the file "Show in folder" reveals.
    expect(await exp.exportWord(brief)).toMatchObject({ status: 'saved', displayName: 'memo.docx', noteCount: 8 });
    expect(await exp.revealLastExport()).toEqual({ revealed: true });
    expect(revealed).toEqual([target, wordTarget]);
  });
});
