// PDF export benchmark: our engine warm in-process vs Typst (in-process) and Chromium print-to-PDF, plus 200 pages.
// Runs alone with `npx tsx test/bench/pdf.bench.ts`; `npm run bench` imports run().
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import { findAssetsDir, layoutDocument, renderPdf } from '../../main/pdf/index.js';
import { loadFonts } from '../../main/pdf/fonts.js';
import { toHtml, toTypst } from '../fixtures/pdf/equivalent-markup.js';
import { longBrief, sampleIssueBrief } from '../fixtures/pdf/sample-doc.js';
import { printReport, type BenchReport, type BenchRow } from './report.js';

export interface PdfBenchOptions {
  /** The ~12-page brief to measure. Swap in the composed example brief here when it exists. */
  produceBrief?: () => ComposedDoc;
  /** A whole-process export command to time (e.g. the CLI); also read from PDF_BENCH_CLI (JSON array or words). */
  cliCommand?: string[];
  runs?: number;
}

const CHROMIUM = '/usr/bin/chromium';
const creationDate = new Date('2021-05-04T00:00:00Z');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

/** Wall times of n runs; `cpu` (ms per run, this process, all threads) tells load on a shared machine apart. */
async function timeAsync(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[] & { cpu?: number }> {
  const out: number[] & { cpu?: number } = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  out.cpu = (c.user + c.system) / 1000 / n;
  return out;
}

function row(label: string, times: number[] & { cpu?: number }, extra: Record<string, number | string> = {}): BenchRow {
  const all: Record<string, number | string> = { n: times.length, min: Math.min(...times), p95: p95(times) };
  if (times.cpu !== undefined) all.cpu = times.cpu;
  return { label, value: median(times), unit: 'ms', extra: { ...all, ...extra } };
}

function cliFromEnv(): string[] | undefined {
  const raw = process.env.PDF_BENCH_CLI;
  if (!raw) return undefined;
  return raw.trim().startsWith('[') ? (JSON.parse(raw) as string[]) : raw.split(/\s+/).filter(Boolean);
}

export async function run(options: PdfBenchOptions = {}): Promise<BenchReport> {
  const produce = options.produceBrief ?? (() => sampleIssueBrief());
  const runs = options.runs ?? 20;
  const notes: string[] = [];
  const rows: BenchRow[] = [];
  const fontsDir = findAssetsDir();
  // The font set renderPdf uses by default; its layout memo is what the 'memo cleared' rows clear.
  const layoutMemo = loadFonts(fontsDir).layout;
  const brief = produce();

  // (a) Our engine, warm process. Warm-up renders load the fonts and let V8 optimise.
  for (let i = 0; i < 3; i++) await renderPdf(brief, { creationDate });
  let pages = 0;
  const warm = await timeAsync(runs, async () => {
    pages = (await renderPdf(brief, { creationDate })).pageCount;
  });
  const ours = row('issue brief export, in-process warm, the same document again (its layout reused, as Typst reuses its own for the same source)', warm, { pages });
  rows.push(ours);
  // As after a preview: every paragraph memoized, the document itself not (a preview never stores it).
  const afterPreview = await timeAsync(runs, async () => {
    layoutMemo.clearDocuments();
    await renderPdf(brief, { creationDate });
  });
  const oursParagraphs = row('issue brief export, in-process warm, paragraph memo hot (as after a preview: the document laid out again)', afterPreview, { pages });
  rows.push(oursParagraphs);
  const full = await timeAsync(runs, async () => {
    layoutMemo.clear();
    await renderPdf(brief, { creationDate });
  });
  const oursFull = row('issue brief export, in-process warm, layout memo cleared (every paragraph re-broken)', full, { pages });
  rows.push(oursFull);
  // Where the time goes: layout alone (memo cleared) vs the rest (pdfkit writing, subsetting, deflate).
  const layoutOnly = await timeAsync(runs, () => {
    layoutMemo.clear();
    layoutDocument(brief);
  });
  notes.push(
    `time split (memo cleared): layout ${median(layoutOnly).toFixed(1)} ms, writing ${(oursFull.value - median(layoutOnly)).toFixed(1)} ms (pdfkit object serialisation, font subsetting, deflate, structure tree)`,
  );
  // An edit of one paragraph: every other paragraph, font subset and unchanged page comes from the memos.
  const withEdit = (text: string) => {
    const doc = structuredClone(brief);
    const para = doc.sections.flatMap((sec) => sec.blocks).find((b) => b.kind === 'paragraph');
    if (para && para.kind === 'paragraph') para.inlines = [...para.inlines, { kind: 'text', text }];
    return doc;
  };
  const edited = await timeAsync(runs, (i) => renderPdf(withEdit(` Edit ${i}.`), { creationDate }));
  const editedRow = row('issue brief re-export after a one-paragraph edit, warm', edited, { pages });
  rows.push(editedRow);
  // The composer's live preview (renderPdf preview: true): other edit texts, so no paragraph comes from the loop above.
  for (let i = 0; i < 3; i++) await renderPdf(withEdit(` Warm-up ${i}.`), { creationDate, preview: true });
  const previewEdited = await timeAsync(runs, (i) => renderPdf(withEdit(` Preview edit ${i}.`), { creationDate, preview: true }));
  const previewRow = row('issue brief preview mode after a one-paragraph edit, warm', previewEdited, { pages });
  rows.push(previewRow);
  const pdfa = await timeAsync(Math.max(5, runs >> 1), () => renderPdf(brief, { creationDate, pdfa: true }));
  rows.push(row('issue brief export, PDF/A-2b, warm', pdfa));

  // (b) Typst in-process, same content as markup, fonts from assets/fonts (no packages, no network).
  try {
    const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
    const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontsDir] }] });
    const source = toTypst(brief);
    const compile = (src: string) => {
      const r = compiler.compile({ mainFileContent: src });
      if (r.hasError() || !r.result) throw new Error('typst compile failed');
      return { pdf: compiler.pdf(r.result), pages: r.result.numOfPages };
    };
    for (let i = 0; i < 3; i++) compile(source);
    let typstPages = 0;
    const same = await timeAsync(runs, () => {
      typstPages = compile(source).pages;
    });
    const typstSame = row('Typst warm, same source again (its memo hot)', same, { pages: typstPages });
    const edit = await timeAsync(runs, (i) => compile(source.replace('Democracies that lead', `Democracies (${i}) that lead`)));
    const typstEdit = row('Typst warm, one paragraph changed (incremental)', edit, { pages: typstPages });
    const relayout = await timeAsync(runs, (i) => compile(source.replace('margin: (x: 76pt', `margin: (x: ${(76 + (i + 1) * 0.01).toFixed(2)}pt`)));
    const typstFull = row('Typst warm, full relayout (page width nudged each run)', relayout, { pages: typstPages });
    rows.push(typstSame, typstEdit, typstFull);
    const compare = (r: BenchRow, to: BenchRow, of: string) => {
      r.ratio = { of, ratio: r.value / to.value };
      r.target = '<= 1.0x Typst warm';
      r.met = r.value <= to.value;
    };
    compare(ours, typstSame, 'Typst warm, same source');
    compare(oursParagraphs, typstSame, 'Typst warm, same source');
    compare(editedRow, typstEdit, 'Typst warm, one paragraph changed');
    compare(previewRow, typstEdit, 'Typst warm, one paragraph changed');
    compare(oursFull, typstFull, 'Typst warm, full relayout');
    notes.push('Typst: @myriaddreamin/typst-ts-node-compiler in-process, markup generated from the same ComposedDoc (headings, paragraphs, lists, table, notes, outline), fonts passed as assets/fonts, no package imports: nothing to fetch.');
  } catch (e) {
    notes.push(`Typst skipped: ${(e as Error).message}`);
  }

  // (c) Chromium print-to-PDF of equivalent HTML, whole process.
  if (existsSync(CHROMIUM)) {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdf-bench-'));
    try {
      const html = path.join(dir, 'brief.html');
      writeFileSync(html, toHtml(brief, fontsDir));
      const args = (out: string) => [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        pathToFileURL(html).href,
      ];
      spawnSync(CHROMIUM, args(path.join(dir, 'warmup.pdf')), { stdio: 'ignore', timeout: 120_000 });
      const chrome = await timeAsync(5, (i) => {
        const r = spawnSync(CHROMIUM, args(path.join(dir, `out-${i}.pdf`)), { stdio: 'ignore', timeout: 120_000 });
        if (r.status !== 0) throw new Error(`chromium exited ${r.status}`);
      });
      delete chrome.cpu; // a child process: its CPU is not this process's
      const c = row('Chromium --headless --print-to-pdf, whole process', chrome);
      c.ratio = { of: 'our warm export', ratio: c.value / ours.value };
      rows.push(c);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else notes.push(`Chromium skipped: ${CHROMIUM} not found`);

  // (d) A generated 200-page brief.
  const long = longBrief(200);
  await renderPdf(long, { creationDate });
  let longPages = 0;
  const longTimes = await timeAsync(3, async () => {
    layoutMemo.clear();
    longPages = (await renderPdf(long, { creationDate })).pageCount;
  });
  const longRow = row('200-page brief export, in-process warm, layout memo cleared', longTimes, { pages: longPages });
  longRow.value /= 1000;
  longRow.unit = 's';
  longRow.target = '<= 2 s';
  longRow.met = longRow.value <= 2;
  rows.push(longRow);

  // (e) Whole-process export through a command (the CLI), when one is given.
  const cli = options.cliCommand ?? cliFromEnv();
  if (cli?.length) {
    const [cmd, ...rest] = cli;
    // The first run fills the caches (engine, code, library) in a cache folder of the bench's own; it is its own row.
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'pdf-bench-cache-'));
    const phases: Record<string, number>[] = [];
    const once = (env: NodeJS.ProcessEnv) => {
      const r = spawnSync(cmd!, rest, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, BRIEFING_PHASES: '1', ...env } });
      if (r.status !== 0) throw new Error(`${cli.join(' ')} exited ${r.status}`);
      const line = /^briefing-phases (.*)$/m.exec(r.stderr)?.[1];
      return line ? (JSON.parse(line) as Record<string, number>) : undefined;
    };
    try {
      const first = await timeAsync(1, () => once({ BRIEFING_CACHE_DIR: cacheDir }));
      const times = await timeAsync(7, () => {
        const p = once({ BRIEFING_CACHE_DIR: cacheDir });
        if (p) phases.push(p);
      });
      const uncached = await timeAsync(3, () => once({ BRIEFING_CACHE_DIR: 'off' }));
      for (const t of [first, times, uncached]) delete t.cpu;
      const split = phases.length ? Object.fromEntries(Object.keys(phases[0]!).map((k) => [k, median(phases.map((p) => p[k] ?? 0))])) : {};
      rows.push(row(`CLI export, whole process: ${cli.join(' ')}`, times, Object.fromEntries(Object.entries(split).map(([k, v]) => [`phase ${k}`, v]))));
      rows.push(row('CLI export, whole process, first run on a machine (empty cache folder: it fills the caches)', first));
      rows.push(row('CLI export, whole process, caches off (BRIEFING_CACHE_DIR=off)', uncached));
      if (phases.length) notes.push(`CLI export split by phase, median ms of ${phases.length} runs with the caches filled (BRIEFING_PHASES=1): ${Object.entries(split).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  } else notes.push('CLI whole-process export not measured: pass cliCommand or set PDF_BENCH_CLI="npx briefing export X.brief --out /tmp/x.pdf"');

  return { suite: 'pdf', rows, notes };
}

// Run alone: print the rows.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printReport(await run());
