// Batch export benchmark: `briefing export` of 20 copies of the example issue brief in one process, per brief, next to one cold export and Typst warm.
// Runs alone with `npx tsx test/bench/batch.bench.ts` (needs `npm run build:node`); `npm run bench` imports run().
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compose } from '../../shared/compose/index.js';
import { findAssetsDir } from '../../main/pdf/index.js';
import { bundledLibraryDir, examplesDir } from '../../main/services/app-paths.js';
import { readBriefFile } from '../../main/services/documents/brief-file.js';
import { LibraryService } from '../../main/services/library-service.js';
import { toTypst } from '../fixtures/pdf/equivalent-markup.js';
import { printReport, type BenchReport, type BenchRow } from './report.js';

const root = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(root, 'bin/briefing.cjs');
const TYPST_PROCESS = path.join(import.meta.dirname, 'typst-process.cjs');
const BRIEFS = 20;
/** A sentence of the example's own text: brief i of the "different briefs" batch has its number put into it (typst-process.cjs does the same). */
const MARKER = 'The setting is demanding.';
const variant = (i: number) => `${MARKER.slice(0, -1)} (brief ${i + 1}).`;

export interface BatchBenchOptions {
  /** Whole-process runs of the single export (median taken); the batches run half as many, at least 3. */
  runs?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ms = (value: number, label: string, extra: Record<string, number | string> = {}): BenchRow => ({ label, value, unit: 'ms', extra });

/** Wall time of one `briefing …` process; its stderr kept for the per-brief lines. */
function briefing(argv: string[]): { ms: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, BRIEFING_TODAY: process.env.BRIEFING_TODAY ?? '2026-11-25' } });
  const took = performance.now() - t0;
  if (r.status !== 0) throw new Error(`briefing ${argv.join(' ')} exited ${r.status}: ${r.stderr.split('\n').at(-2)}`);
  return { ms: took, stderr: r.stderr };
}

export async function run(options: BatchBenchOptions = {}): Promise<BenchReport> {
  const runs = options.runs ?? 5;
  const notes: string[] = [];
  const rows: BenchRow[] = [];
  const example = path.join(examplesDir(), 't12-issue-brief.brief');
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-bench-batch-'));
  try {
    const files = Array.from({ length: BRIEFS }, (_, i) => path.join(dir, `brief-${String(i + 1).padStart(2, '0')}.brief`));
    for (const f of files) copyFileSync(example, f);
    // 20 different briefs, one paragraph apart: no two documents alike, so no layout is reused whole (as a real batch).
    const exampleText = readFileSync(example, 'utf8');
    if (!exampleText.includes(MARKER)) throw new Error(`the example brief no longer has "${MARKER}": choose another sentence of its own text`);
    const distinct = files.map((f, i) => {
      const file = f.replace(/\.brief$/, '-different.brief');
      writeFileSync(file, exampleText.replace(MARKER, variant(i)));
      return file;
    });

    briefing(['export', files[0]!, '--out', path.join(dir, 'warmup.pdf')]); // OS file cache warm, as every row
    const single = Array.from({ length: runs }, (_, i) => briefing(['export', files[0]!, '--out', path.join(dir, `single-${i}.pdf`)]).ms);
    const singleRow = ms(median(single), 'one brief, cold whole process (briefing export FILE --out FILE.pdf)', { n: runs, min: Math.min(...single) });
    rows.push(singleRow);

    // Typst warm on the same content: the target for the per-brief figure. Set up first, so that its
    // same-source compiles can be taken between the batches, under the same load as they.
    let typst: { compile(src: string): void; source: string; file: string } | null = null;
    try {
      const library = new LibraryService([{ dir: bundledLibraryDir(), kind: 'bundled', readOnly: true }]);
      await library.load();
      const doc = compose(await readBriefFile(example), library.library(), { today: new Date(`${process.env.BRIEFING_TODAY ?? '2026-11-25'}T00:00:00Z`) });
      const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
      const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [findAssetsDir()] }] });
      const compile = (src: string) => {
        const r = compiler.compile({ mainFileContent: src });
        if (r.hasError() || !r.result) throw new Error('typst compile failed');
        compiler.pdf(r.result);
      };
      const source = toTypst(doc);
      for (let i = 0; i < 3; i++) compile(source);
      const file = path.join(dir, 'brief.typ');
      writeFileSync(file, source);
      typst = { compile, source, file };
    } catch (e) {
      notes.push(`Typst skipped: ${(e as Error).message}`);
    }
    const timed = (n: number, src: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => {
        const text = src(i);
        const t0 = performance.now();
        typst!.compile(text);
        return performance.now() - t0;
      });

    const batchRuns = Math.max(3, Math.ceil(runs / 2));
    const perBriefLines: number[] = [];
    const batch: number[] = [];
    const threaded: number[] = [];
    const one: number[] = [];
    const same: number[] = [];
    const typstWhole: number[] = [];
    const typstOne: number[] = [];
    // Typst as a whole process too, started anew like our batch: load, fonts, then the same source compiled and
    // written ${BRIEFS} times (its memo hot after the first), and once. Compared with our whole batch, start included.
    const typstDistinct: number[] = [];
    const different: number[] = [];
    const typstProcess = (n: number, out: string, marker?: string): number => {
      mkdirSync(out);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [TYPST_PROCESS, typst!.file, String(n), out, findAssetsDir(), ...(marker ? [marker] : [])], { encoding: 'utf8', timeout: 300_000 });
      const took = performance.now() - t0;
      if (r.status !== 0) throw new Error(`typst-process.cjs exited ${r.status}: ${r.stderr}`);
      return took;
    };
    // A batch of all the briefs and a batch of one, alternated: their difference is what each brief after the first
    // costs, everything included (reading, checks, writing with its fsyncs, GC), as the briefs are two in flight
    // and a progress line's time overlaps the next brief's.
    for (let i = 0; i < batchRuns; i++) {
      const r = briefing(['export', ...files, '--out-dir', path.join(dir, `batch-${i}`)]);
      // `[k/20] file … ok 84 ms (…)`: from the brief's start to its file written; the first brief pays the warm-up.
      const each = [...r.stderr.matchAll(/^\[(\d+)\/\d+\] .* … ok (\d+) ms/gm)].filter((m) => m[1] !== '1').map((m) => Number(m[2]));
      perBriefLines.push(...each);
      batch.push(r.ms);
      // The same batch with a helper thread (--jobs 2), as a machine with 4 cores or more does by default.
      threaded.push(briefing(['export', ...files, '--out-dir', path.join(dir, `threaded-${i}`), '--jobs', '2']).ms);
      one.push(briefing(['export', files[0]!, '--out-dir', path.join(dir, `one-${i}`)]).ms);
      different.push(briefing(['export', ...distinct, '--out-dir', path.join(dir, `different-${i}`)]).ms);
      // The same source again (its memo hot), as 20 copies of one brief find our layout memo hot after the first.
      if (typst) {
        same.push(...timed(Math.max(2, Math.ceil((runs * 2) / batchRuns)), () => typst.source));
        typstWhole.push(typstProcess(BRIEFS, path.join(dir, `typst-${i}`)));
        typstOne.push(typstProcess(1, path.join(dir, `typst-one-${i}`)));
        typstDistinct.push(typstProcess(BRIEFS, path.join(dir, `typst-different-${i}`), MARKER));
      }
    }
    const total = median(batch);
    rows.push(ms(total, `${BRIEFS} briefs in one batch, whole process (briefing export ×${BRIEFS} --out-dir DIR)`, { n: batchRuns, min: Math.min(...batch) }));
    const oneRow = ms(median(one), 'a batch of one brief, whole process (briefing export FILE --out-dir DIR)', { n: batchRuns, min: Math.min(...one) });
    rows.push(oneRow);
    const perBrief = ms(total / BRIEFS, `batch: per brief, start included (the batch's time / ${BRIEFS})`, { 'of one brief, cold whole process': (total / BRIEFS / singleRow.value).toFixed(2) });
    rows.push(perBrief);
    const steady = ms((total - oneRow.value) / (BRIEFS - 1), `batch: per brief after the first ((${BRIEFS} briefs - 1 brief) / ${BRIEFS - 1}, whole processes)`, {
      'progress lines median': median(perBriefLines),
      'progress lines min': Math.min(...perBriefLines),
    });
    rows.push(steady);
    const differentTotal = median(different);
    const differentRow = ms(differentTotal, `${BRIEFS} different briefs (one paragraph apart) in one batch, whole process`, { n: batchRuns, min: Math.min(...different) });
    const differentSteady = ms((differentTotal - oneRow.value) / (BRIEFS - 1), `different briefs: per brief after the first, as above (no layout reused whole; paragraphs memoized)`);
    rows.push(differentRow, differentSteady);
    rows.push(
      ms((median(threaded) - oneRow.value) / (BRIEFS - 1), `batch with --jobs 2 (one helper thread): per brief after the first, as above`, {
        n: batchRuns,
        'whole batch ms': median(threaded),
        cores: availableParallelism(),
        note: 'a helper is started by default only from 4 cores: on 2, V8\'s own compile and GC threads already use the second',
      }),
    );

    if (typst) {
      const { source } = typst;
      // A changed page margin each time: everything laid out again.
      // Margins no other suite of this process uses: Typst's memo is process-wide, and the pdf suite nudges 76.01-76.20 pt.
      const relayout = timed(runs, (i) => source.replace('margin: (x: 76pt', `margin: (x: ${(77 + (i + 1) * 0.01).toFixed(2)}pt`));
      const typstSame = ms(median(same), 'Typst warm compile of the same brief (same source, its memo hot; taken between the batches)', { n: same.length, min: Math.min(...same) });
      const typstRelayout = ms(median(relayout), 'Typst warm compile of the same brief, full relayout (page margin nudged)', { n: relayout.length, min: Math.min(...relayout) });
      rows.push(typstSame, typstRelayout);
      // The target: each brief after the start, against Typst's warm compile (which has no start in it either).
      steady.target = '<= Typst warm compile, same source';
      steady.met = steady.value <= typstSame.value;
      steady.ratio = { of: 'Typst warm compile, same source', ratio: steady.value / typstSame.value };
      // Start included on both sides: our whole batch against a Typst process that starts, loads and compiles as many.
      const whole = ms(median(typstWhole), `Typst, ${BRIEFS} compiles of the same brief in a new process (start, fonts, each PDF written)`, { n: typstWhole.length, min: Math.min(...typstWhole) });
      const wholeOne = ms(median(typstOne), 'Typst, one compile in a new process (start, fonts, the PDF written)', { n: typstOne.length, min: Math.min(...typstOne) });
      const wholeSteady = ms((whole.value - wholeOne.value) / (BRIEFS - 1), `Typst whole processes: per brief after the first ((${BRIEFS} - 1) / ${BRIEFS - 1})`);
      rows.push(whole, wholeOne, wholeSteady);
      const wholeDistinct = ms(median(typstDistinct), `Typst, the ${BRIEFS} different briefs in a new process (the same paragraph edit in each)`, { n: typstDistinct.length, min: Math.min(...typstDistinct) });
      const distinctSteady = ms((wholeDistinct.value - wholeOne.value) / (BRIEFS - 1), `Typst, different briefs: per brief after the first ((${BRIEFS} - 1) / ${BRIEFS - 1})`);
      rows.push(wholeDistinct, distinctSteady);
      differentRow.ratio = { of: `Typst's process of the ${BRIEFS} different briefs`, ratio: differentTotal / wholeDistinct.value };
      differentSteady.ratio = { of: 'Typst, different briefs, per brief after the first', ratio: differentSteady.value / distinctSteady.value };
      steady.extra = { ...steady.extra, 'x Typst whole-process per brief after the first': (steady.value / wholeSteady.value).toFixed(2) };
      perBrief.ratio = { of: `Typst's ${BRIEFS}-compile process / ${BRIEFS}`, ratio: total / whole.value };
      perBrief.target = `<= Typst's ${BRIEFS}-compile process / ${BRIEFS}`;
      perBrief.met = total <= whole.value;
    }
    notes.push(
      `content: ${BRIEFS} copies of assets/examples/t12-issue-brief.brief; library, fonts and engine loaded once per process. After the first copy our export reuses the whole layout of the same document (as Typst's memo does in its same-source rows); the "different briefs" rows put each brief's number into one sentence ("${MARKER}"), so every document is new and only paragraphs are memoized, on both sides`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { suite: 'batch', rows, notes };
}

// Run alone: print the rows (BATCH_BENCH_RUNS sets the single-export runs).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printReport(await run({ runs: Number(process.env.BATCH_BENCH_RUNS) || undefined }));
