// The persistent engine cache (shaped words, paragraph layouts, subsets on disk) never changes the bytes: without it, cold, warm, corrupt, or from another build.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';
import { create } from 'fontkit';
import { FACE_FILES } from '../../../main/pdf/faces.js';
import { loadFonts } from '../../../main/pdf/fonts.js';
import { findAssetsDir, renderPdf, usePersistentEngineCache } from '../../../main/pdf/index.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';
import { allText, openPdf, qpdfCheck } from './read-pdf.js';

const creationDate = new Date('2021-05-04T00:00:00Z');
const root = mkdtempSync(path.join(tmpdir(), 'engine-cache-'));
let copies = 0;

/**
 * A font folder of its own: fonts are loaded once per folder and process, so each copy is what a new process sees
 * (empty memos), while its files, hence the cache's key, are the bundled ones.
 */
function freshFonts(): string {
  const dir = path.join(root, `fonts-${++copies}`);
  cpSync(findAssetsDir(), dir, { recursive: true });
  return dir;
}

async function render(doc: ComposedDoc, fontsDir: string, pdfa = false): Promise<Buffer> {
  const bytes = Buffer.from((await renderPdf(doc, { creationDate, fontsDir, pdfa })).bytes);
  await loadFonts(fontsDir).engineCache?.settled();
  return bytes;
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('engine-'));

function edited(doc: ComposedDoc, word: string): ComposedDoc {
  const copy = structuredClone(doc);
  const para = copy.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'paragraph');
  if (para?.kind !== 'paragraph') throw new Error('fixture has no paragraph');
  para.inlines = [...para.inlines, { kind: 'text', text: ` ${word}` }];
  return copy;
}

afterEach(() => usePersistentEngineCache(undefined));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('persistent engine cache', () => {
  const brief = sampleIssueBrief();

  it('gives the same bytes without it, when it is being filled, and when a new process reads it', async () => {
    const reference = await render(brief, freshFonts());
    const reference2 = await render(edited(brief, 'Quokkas'), freshFonts(), true);
    const dir = path.join(root, 'cache-same');
    usePersistentEngineCache({ dir, buildId: 'build-1' });

    const coldFonts = freshFonts();
    const cold = await render(brief, coldFonts);
    expect(cold.equals(reference)).toBe(true);
    const coldStats = loadFonts(coldFonts).engineCache!.stats();
    expect(coldStats).toMatchObject({ read: 0, saved: 1 });
    expect(coldStats.added).toBeGreaterThan(1000);
    expect(cacheFiles(dir)).toHaveLength(1);

    // A "new process": every word, paragraph and subset comes from the file, and nothing is computed again.
    const warmFonts = freshFonts();
    const warm = await render(brief, warmFonts);
    expect(warm.equals(reference)).toBe(true);
    expect(loadFonts(warmFonts).engineCache!.stats()).toMatchObject({ added: 0, saved: 0 });
    expect(loadFonts(warmFonts).engineCache!.stats().read).toBeGreaterThan(1000);
    // The faces' PostScript names came from the file too: fontkit never decoded a 'name' table, and the names are its own.
    for (const id of ['serif', 'serif-bold', 'sans'] as const) {
      const font = loadFonts(warmFonts).faces[id].font as unknown as { postscriptName: string; _tables: Record<string, unknown> };
      expect(Object.getOwnPropertyDescriptor(font, 'postscriptName')?.value).toBe(create(readFileSync(path.join(warmFonts, FACE_FILES[id]))).postscriptName);
      expect(font._tables.name).toBeUndefined();
    }

    // Another document (an edited paragraph, as PDF/A) mixes stored and new results: still the same bytes.
    const other = await render(edited(brief, 'Quokkas'), freshFonts(), true);
    expect(other.equals(reference2)).toBe(true);
    expect(qpdfCheck(other)).toMatchObject({ ok: true });
    expect((await allText(await openPdf(other))).join('\n')).toContain('Quokkas');
  });

  it('ignores a damaged or truncated file and replaces it at the next save', async () => {
    const reference = await render(brief, freshFonts());
    const dir = path.join(root, 'cache-corrupt');
    usePersistentEngineCache({ dir, buildId: 'build-1' });
    await render(brief, freshFonts());
    const [name] = cacheFiles(dir);
    const file = path.join(dir, name!);
    const good = readFileSync(file);

    const damaged = Buffer.from(good);
    const mid = damaged.length >> 1;
    damaged[mid] = damaged[mid]! ^ 0x20; // one flipped bit in the middle: still JSON-ish, wrong content
    for (const bad of [damaged, good.subarray(0, good.length >> 1), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      writeFileSync(file, bad);
      const fonts = freshFonts();
      const bytes = await render(brief, fonts);
      expect(bytes.equals(reference)).toBe(true);
      expect(loadFonts(fonts).engineCache!.stats()).toMatchObject({ read: 0, saved: 1 });
      // The save put a whole file back: the next process reads it.
      const next = freshFonts();
      expect((await render(brief, next)).equals(reference)).toBe(true);
      expect(loadFonts(next).engineCache!.stats().read).toBeGreaterThan(1000);
    }
  });

  it('never reads another build’s file, and keeps only the two most recent of other builds', async () => {
    const reference = await render(brief, freshFonts());
    const dir = path.join(root, 'cache-builds');
    const fileOf: string[] = [];
    for (const build of ['build-1', 'build-2', 'build-3', 'build-4']) {
      usePersistentEngineCache({ dir, buildId: build });
      const fonts = freshFonts();
      expect((await render(brief, fonts)).equals(reference)).toBe(true);
      expect(loadFonts(fonts).engineCache!.stats()).toMatchObject({ read: 0, saved: 1 });
      fileOf.push(cacheFiles(dir).find((n) => !fileOf.includes(n))!);
      await new Promise((r) => setTimeout(r, 20)); // distinct modification times
    }
    expect(cacheFiles(dir).sort()).toEqual(fileOf.slice(1).sort());
  });

  it('is keyed by the fonts’ bytes: a changed font file gets a file of its own', async () => {
    const dir = path.join(root, 'cache-fonts');
    usePersistentEngineCache({ dir, buildId: 'build-1' });
    await render(brief, freshFonts());
    const changed = freshFonts();
    // Same file names, other content for a face this brief never uses: the key must still change.
    writeFileSync(path.join(changed, 'NotoSansHebrew-Regular.ttf'), readFileSync(path.join(changed, 'NotoSansArabic-Regular.ttf')));
    loadFonts(changed);
    expect(loadFonts(changed).engineCache!.stats().read).toBe(0);
  });

  it('starts an empty cache folder from the shipped file of the same build, and never writes to it', async () => {
    const reference = await render(brief, freshFonts());
    const referenceEdited = await render(edited(brief, 'Wombats'), freshFonts());
    const seedDir = path.join(root, 'seed');
    usePersistentEngineCache({ dir: seedDir, buildId: 'build-seed' });
    await render(brief, freshFonts());
    const [seedFile] = cacheFiles(seedDir);
    const seedBytes = readFileSync(path.join(seedDir, seedFile!));

    const dir = path.join(root, 'cache-seeded');
    usePersistentEngineCache({ dir, buildId: 'build-seed', seedDir });
    const fonts = freshFonts();
    expect((await render(edited(brief, 'Wombats'), fonts)).equals(referenceEdited)).toBe(true);
    expect(loadFonts(fonts).engineCache!.stats().read).toBeGreaterThan(1000);
    // The new words went to the user's folder; the shipped file is as it was.
    expect(cacheFiles(dir)).toEqual([seedFile]);
    expect(readFileSync(path.join(seedDir, seedFile!)).equals(seedBytes)).toBe(true);

    // Another build's seed is never read.
    usePersistentEngineCache({ dir: path.join(root, 'cache-seeded-2'), buildId: 'build-other', seedDir });
    const other = freshFonts();
    expect((await render(brief, other)).equals(reference)).toBe(true);
    expect(loadFonts(other).engineCache!.stats().read).toBe(0);
  });

  it('read-only (a batch\'s helper thread) reads the file and never writes it, even when a render adds entries', async () => {
    const referenceEdited = await render(edited(brief, 'Numbats'), freshFonts());
    const dir = path.join(root, 'cache-read-only');
    usePersistentEngineCache({ dir, buildId: 'build-ro' });
    const writer = freshFonts();
    await render(brief, writer);
    await loadFonts(writer).engineCache!.settled();
    const [file] = cacheFiles(dir);
    const bytes = readFileSync(path.join(dir, file!));

    usePersistentEngineCache({ dir, buildId: 'build-ro', readOnly: true });
    const reader = freshFonts();
    expect((await render(edited(brief, 'Numbats'), reader)).equals(referenceEdited)).toBe(true);
    const cache = loadFonts(reader).engineCache!;
    await cache.settled();
    expect(cache.stats()).toMatchObject({ saved: 0 });
    expect(cache.stats().read).toBeGreaterThan(1000);
    expect(cache.stats().added).toBeGreaterThan(0); // the new word was computed, and not saved
    expect(cacheFiles(dir)).toEqual([file]);
    expect(readFileSync(path.join(dir, file!)).equals(bytes)).toBe(true);
  });
});
