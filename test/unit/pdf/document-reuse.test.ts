// An export reuses the pages of the same document laid out before (layoutDocument `reuse`): same bytes as laying it out afresh, and only for the very same content and fonts.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose } from '../../../shared/compose/index.js';
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';
import { findAssetsDir } from '../../../main/pdf/assets.js';
import { FACE_FILES } from '../../../main/pdf/faces.js';
import { loadFonts } from '../../../main/pdf/fonts.js';
import { keepLinesBetweenExports, layoutDocument, renderPdf } from '../../../main/pdf/index.js';
import { bundledLibraryDir, examplesDir } from '../../../main/services/app-paths.js';
import { readBriefFile } from '../../../main/services/documents/brief-file.js';
import { LibraryService } from '../../../main/services/library-service.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';

const creationDate = new Date('2026-11-25T12:00:00Z');
const fontsDir = findAssetsDir();
let otherFonts: string;
let library: LibraryService;

beforeAll(async () => {
  otherFonts = await mkdtemp(path.join(tmpdir(), 'bb-reuse-fonts-'));
  for (const file of new Set(Object.values(FACE_FILES))) await copyFile(path.join(fontsDir, file), path.join(otherFonts, file));
  library = new LibraryService([{ dir: bundledLibraryDir(), kind: 'bundled', readOnly: true }]);
  await library.load();
});
afterAll(async () => {
  await rm(otherFonts, { recursive: true, force: true });
});

const composeExample = async (name: string): Promise<ComposedDoc> =>
  compose(await readBriefFile(path.join(examplesDir(), name)), library.library(), { today: new Date('2026-11-25T00:00:00Z') });

/** Where a value holds something JSON would not keep as it is (a Map, a Date, a function, NaN, a class instance). */
function notJson(v: unknown, at: string): string[] {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || v === undefined) return [];
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => notJson(x, `${at}[${i}]`));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.entries(v).flatMap(([k, x]) => notJson(x, `${at}.${k}`));
  return [at];
}

describe('reusing a whole layout', () => {
  it('a composed document is plain JSON data, so its JSON text is a complete key', async () => {
    for (const name of ['t12-issue-brief.brief', 'decision-memo.brief', 'one-pager.brief', 'classified-sample.brief']) {
      const doc = await composeExample(name);
      expect(notJson(doc, name)).toEqual([]);
      expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    }
  });

  it('hands back the same pages for the same content composed anew, and lays out a changed one again', () => {
    loadFonts(fontsDir).layout.clear();
    const first = layoutDocument(sampleIssueBrief(), { fontsDir, reuse: true });
    const again = layoutDocument(sampleIssueBrief(), { fontsDir, reuse: true });
    expect(again.pages).toBe(first.pages);
    // The warnings list is each caller's own.
    expect(again.warnings).not.toBe(first.warnings);
    expect(again.warnings).toEqual(first.warnings);

    const changed = sampleIssueBrief();
    changed.meta.title = `${changed.meta.title} (revised)`;
    expect(layoutDocument(changed, { fontsDir, reuse: true }).pages).not.toBe(first.pages);
    // Without `reuse` (a preview), nothing is handed back: the pages are laid out again.
    expect(layoutDocument(sampleIssueBrief(), { fontsDir }).pages).not.toBe(first.pages);
    // Another font set never gets this one's pages.
    expect(layoutDocument(sampleIssueBrief(), { fontsDir: otherFonts, reuse: true }).pages).not.toBe(first.pages);
    // Cleared with the rest of the layout memo.
    loadFonts(fontsDir).layout.clear();
    expect(layoutDocument(sampleIssueBrief(), { fontsDir, reuse: true }).pages).not.toBe(first.pages);
  });

  it('keeps no document when the process exports only one (keepLinesBetweenExports(false), as a single briefing export)', async () => {
    const memo = loadFonts(fontsDir).layout;
    memo.clear();
    try {
      keepLinesBetweenExports(false);
      await renderPdf(sampleIssueBrief(), { fontsDir, creationDate });
      expect(memo.sizes().documents).toBe(0);
    } finally {
      keepLinesBetweenExports(true);
    }
    await renderPdf(sampleIssueBrief(), { fontsDir, creationDate });
    expect(memo.sizes().documents).toBe(1);
    await renderPdf(sampleIssueBrief(), { fontsDir, creationDate, preview: true });
    expect(memo.sizes().documents).toBe(1);
  });

  it('writes the same bytes from reused pages as from a fresh layout, tagged and PDF/A alike', async () => {
    const doc = await composeExample('t12-issue-brief.brief');
    for (const pdfa of [false, true]) {
      loadFonts(fontsDir).layout.clear();
      const fresh = await renderPdf(doc, { fontsDir, creationDate, pdfa });
      // The same brief composed again: another object, the same content.
      const reused = await renderPdf(await composeExample('t12-issue-brief.brief'), { fontsDir, creationDate, pdfa });
      expect(Buffer.from(reused.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
      expect(reused.pageCount).toBe(fresh.pageCount);
      expect(reused.warnings).toEqual(fresh.warnings);
    }
    // A preview in between changes nothing in the next export.
    loadFonts(fontsDir).layout.clear();
    const before = await renderPdf(doc, { fontsDir, creationDate });
    await renderPdf(doc, { fontsDir, preview: true });
    const after = await renderPdf(doc, { fontsDir, creationDate });
    expect(Buffer.from(after.bytes).equals(Buffer.from(before.bytes))).toBe(true);
  });
});
