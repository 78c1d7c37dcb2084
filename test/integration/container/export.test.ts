// PDF export and "Show in folder" through dispatch: only the file the export service itself wrote last is revealed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir } from '../../../main/services/app-paths.js';
import { readBriefFile } from '../../../main/services/documents/brief-file.js';
import { useApp } from '../../support/hooks.js';

const app = useApp();
const example = () => readBriefFile(path.join(examplesDir(), 'one-pager.brief'));

describe('exportPdf and revealLastExport', () => {
  it('reveals nothing before an export, the exact file written after one, and a canceled export changes nothing', async () => {
    const { call, dialogs, revealed, root } = app();
    const brief = await example();
    expect(await call('revealLastExport')).toEqual({ revealed: false });
    expect(revealed).toEqual([]);

    const first = path.join(root, 'first.pdf');
    dialogs.pdfTargets.push(first);
    expect(await call('exportPdf', brief, { pdfa: false })).toMatchObject({ status: 'saved', displayName: 'first.pdf' });
    expect((await readFile(first)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await call('revealLastExport')).toEqual({ revealed: true });
    expect(revealed).toEqual([first]);

    // The dialog is dismissed: the last export is still the first file.
    expect(await call('exportPdf', brief, { pdfa: false })).toEqual({ status: 'canceled' });
    expect(await call('revealLastExport')).toEqual({ revealed: true });
    expect(revealed).toEqual([first, first]);

    const second = path.join(root, 'second.pdf');
    dialogs.pdfTargets.push(second);
    await call('exportPdf', brief, { pdfa: false });
    await call('revealLastExport');
    expect(revealed.at(-1)).toBe(second);
  });

  it('a failed write does not become the last export', async () => {
    const { call, dialogs, revealed, root } = app();
    const brief = await example();
    dialogs.pdfTargets.push(path.join(root, 'written.pdf'), path.join(root, 'no-such-folder', 'lost.pdf'));
    await call('exportPdf', brief, { pdfa: false });
    await expect(call('exportPdf', brief, { pdfa: false })).rejects.toThrow();
    await call('revealLastExport');
    expect(revealed).toEqual([path.join(root, 'written.pdf')]);
  });
});
