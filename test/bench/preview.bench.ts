// Preview benchmark: latency from a one-paragraph edit of the example issue brief to fresh PDF bytes, in-process
// through the same handler the previewPdf channel calls (compose + layout + PDF writer), plus where the time goes.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHandlers, createServices } from '../../main/services/container.js';
import { bundledLibraryDir, examplesDir, fontsDir } from '../../main/services/app-paths.js';
import { readBriefFile } from '../../main/services/documents/brief-file.js';
import { layoutDocument } from '../../main/pdf/index.js';
import type { Brief } from '../../shared/model/brief.js';
import type { BenchReport } from './report.js';

const EDITS = 25;
const TARGET_MS = 40;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

/** The brief with one word added to the first paragraph of its longest section — what a user's typing does. */
function editParagraph(brief: Brief, n: number): Brief {
  const i = brief.sections.reduce((best, s, j) => (s.body.length > brief.sections[best]!.body.length ? j : best), 0);
  const s = brief.sections[i]!;
  const paragraphs = s.body.split('\n\n');
  const p = paragraphs.findIndex((x) => /^[A-Za-z]/.test(x));
  paragraphs[p] = `${paragraphs[p]} Edit${n}`;
  const sections = [...brief.sections];
  sections[i] = s.kind === 'linked' ? { kind: 'detached', id: `${s.sectionId}-edited`, title: s.title, body: paragraphs.join('\n\n'), style: s.style, fromSectionId: s.sectionId } : { ...s, body: paragraphs.join('\n\n') };
  return { ...brief, sections };
}

export async function run(): Promise<BenchReport> {
  const services = await createServices({
    bundledLibraryDir: bundledLibraryDir(),
    fontsDir: fontsDir(),
    userDataDir: path.join(os.tmpdir(), 'briefing-bench'),
    dialogs: { savePdf: async () => null, openBrief: async () => null, saveBriefAs: async () => null },
    today: () => new Date('2026-11-25T00:00:00Z'),
  });
  const handlers = createHandlers(services);
  const brief = await readBriefFile(path.join(examplesDir(), 't12-issue-brief.brief'));

  const t0 = performance.now();
  const first = await handlers.previewPdf(editParagraph(brief, 0));
  const cold = performance.now() - t0;

  const total: number[] = [];
  const compose: number[] = [];
  const layout: number[] = [];
  for (let n = 1; n <= EDITS; n++) {
    const edited = editParagraph(brief, n);
    const a = performance.now();
    await handlers.previewPdf(edited);
    total.push(performance.now() - a);
    // The same steps again, one at a time, to say where the time goes.
    const b = performance.now();
    const doc = services.exporter.compose(edited);
    const c = performance.now();
    layoutDocument(doc, { fontsDir: fontsDir() });
    const d = performance.now();
    compose.push(c - b);
    layout.push(d - c);
  }
  const warm = median(total);
  const writer = Math.max(0, warm - median(compose) - median(layout));

  // For scale: the same edit loop on the one-page example.
  const small = await readBriefFile(path.join(examplesDir(), 'one-pager.brief'));
  await handlers.previewPdf(editParagraph(small, 0));
  const smallTimes: number[] = [];
  for (let n = 1; n <= EDITS; n++) {
    const a = performance.now();
    await handlers.previewPdf(editParagraph(small, n));
    smallTimes.push(performance.now() - a);
  }
  return {
    suite: 'preview',
    rows: [
      { label: 'preview after a one-paragraph edit, first (cold)', value: cold, unit: 'ms', extra: { pages: first.pageCount } },
      { label: 'preview after a one-paragraph edit (warm)', value: warm, unit: 'ms', extra: { p95: p95(total), min: Math.min(...total), n: EDITS }, target: `<= ${TARGET_MS} ms`, met: warm <= TARGET_MS },
      { label: '  of which compose (shared/compose)', value: median(compose), unit: 'ms', ratio: { of: 'warm preview', ratio: median(compose) / warm } },
      { label: '  of which layout (main/pdf layoutDocument)', value: median(layout), unit: 'ms', ratio: { of: 'warm preview', ratio: median(layout) / warm } },
      { label: '  of which PDF writing (remainder)', value: writer, unit: 'ms', ratio: { of: 'warm preview', ratio: writer / warm } },
      { label: 'pages in the example issue brief', value: first.pageCount, unit: 'pages' },
      { label: 'one-pager example, same edit (warm)', value: median(smallTimes), unit: 'ms', extra: { p95: p95(smallTimes), n: EDITS }, target: `<= ${TARGET_MS} ms`, met: median(smallTimes) <= TARGET_MS },
    ],
    notes: [
      'In-process, no IPC and no pdf.js drawing: the renderer adds its ~300 ms typing pause, the IPC copy and pdf.js page drawing on top.',
      'Every edit re-composes and re-lays out the whole brief; nothing is cached between edits beyond what main/pdf keeps per process (fonts, shaped words).',
      'Where the writer time goes (node --cpu-prof over this loop, 2026-11-25): main/pdf/writer.ts glyph encoding (encoded, glyphOps, runsOps), pdfkit turning content streams into strings (convert, fromBinaryString), zlib deflating every page, and fontkit/restructure subsetting the embedded fonts again on each render; garbage collection ~9%.',
    ],
  };
}
