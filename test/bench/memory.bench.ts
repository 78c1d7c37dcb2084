// Memory benchmark: peak RSS of a whole `briefing export` process on a brief of about 200 pages (the example issue
// brief's sections repeated as the brief's own copies) and on the example itself. Target ≤ 300 MB for 200 pages.
// Runs alone with `npx tsx test/bench/memory.bench.ts` (after `npm run build`); `npm run bench` imports run().
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readBriefFile } from '../../main/services/documents/brief-file.js';
import type { Brief } from '../../shared/model/brief.js';
import { printReport, type BenchReport } from './report.js';

const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'assets/examples/t12-issue-brief.brief');
const TARGET_MB = 300;
const RUNS = 3;

/** The example's sections `times` over, each repeat as the brief's own copies (ids kept unique). */
function repeated(brief: Brief, times: number): Brief {
  const sections = Array.from({ length: times }, (_, k) =>
    brief.sections.map((s) => ({ kind: 'detached' as const, id: `${s.kind === 'linked' ? s.sectionId : s.id}-r${k + 1}`, title: s.title, body: s.body, style: s.style, ...(s.marking ? { marking: s.marking } : {}) })),
  ).flat();
  return { ...brief, sections };
}

/** Peak RSS (MB) and wall time (ms) of one whole-process export, and the page count it printed. */
function exportOnce(file: string, out: string): { mb: number; ms: number; pages: number } {
  const rssFile = path.join(os.tmpdir(), `briefing-bench-rss-${process.pid}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', path.join(import.meta.dirname, 'report-rss.cjs'), path.join(root, 'bin/briefing.cjs'), 'export', file, '--out', out], {
    env: { ...process.env, BRIEFING_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`memory bench: export of ${file} exited ${r.status}: ${r.stderr}`);
  const bytes = Number(readFileSync(rssFile, 'utf8'));
  return { mb: bytes / 2 ** 20, ms, pages: Number(/(\d+) pages?/.exec(r.stdout)?.[1] ?? 0) };
}

export async function run(): Promise<BenchReport> {
  const report: BenchReport = { suite: 'memory (peak RSS, whole process)', rows: [], notes: [] };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-bench-mem-'));
  try {
    const base = await readBriefFile(example);
    const big = path.join(dir, 'two-hundred-pages.brief');
    await fs.writeFile(big, JSON.stringify(repeated(base, 7)));
    for (const [label, file] of [
      ['CLI export, example issue brief', example],
      ['CLI export, about 200 pages (example ×7)', big],
    ] as const) {
      const runs = Array.from({ length: RUNS }, () => exportOnce(file, path.join(dir, 'out.pdf')));
      const peak = Math.max(...runs.map((r) => r.mb));
      const isBig = file === big;
      report.rows.push({
        label: `peak RSS: ${label}`,
        value: peak,
        unit: 'MB',
        extra: { pages: runs[0]!.pages, 'median wall ms': [...runs.map((r) => r.ms)].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, runs: RUNS },
        ...(isBig ? { target: `<= ${TARGET_MB} MB`, met: peak <= TARGET_MB } : {}),
      });
    }
    report.notes.push('peak RSS from /proc/self/status VmHWM at exit (test/bench/report-rss.cjs preloaded with node -r; maxRSS would carry the parent bench process across fork and exec); the 200-page brief is the example issue brief\'s sections seven times over as the brief\'s own copies');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printReport(await run());
