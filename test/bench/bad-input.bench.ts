// Bad-input benchmark (issue 15): each pathological input through the built `briefing` command in its own process, with wall time, CPU time and peak RSS against the targets.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bigSectionBrief,
  briefText,
  deepFormatBrief,
  deepVersionBrief,
  emptyTitlesBrief,
  longQuery,
  longTitleBrief,
  longWordBrief,
  variableRefsBrief,
} from '../integration/bounds/inputs.js';
import { printReport, type BenchReport, type BenchRow } from './report.js';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const bin = path.join(root, 'bin/briefing.cjs');
/** Targets of issue 15: done within 5 s and 500 MB, or refused within 1 s. */
const DONE_MS = 5_000;
const DONE_MB = 500;
const REFUSED_MS = 1_000;
/** A run that takes longer is stopped (the row then says so). */
const KILL_MS = 60_000;

/**
 * Loaded with `node --require` into the measured process: on exit it writes that process's own peak RSS and CPU
 * time, since `/usr/bin/time -v` is not on every machine. The peak is /proc/self/status's VmHWM, the process's own
 * memory map: `resourceUsage().maxRSS` is carried by Linux across fork and exec, so every child reported the bench
 * process's own size (about 840 MB once Chromium's suites had run).
 */
const REPORTER = `const fs = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  let kb = u.maxRSS;
  try { kb = Number(/^VmHWM:\\s+(\\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
  fs.writeFileSync(process.env.BB_BENCH_USAGE, JSON.stringify({ maxRssKb: kb, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
`;

interface Case {
  label: string;
  /** 'done': must finish (exit 0) within DONE_MS and DONE_MB; 'refused': must exit 1 or 2 within REFUSED_MS. */
  expect: 'done' | 'refused';
  /** Writes the input into `dir` and gives the command's arguments. */
  setup: (dir: string) => Promise<string[]>;
}

async function briefCase(dir: string, name: string, text: string): Promise<string[]> {
  const file = path.join(dir, `${name}.brief`);
  await writeFile(file, text);
  return ['export', file, '--out', path.join(dir, `${name}.pdf`)];
}

/** A library folder whose one fact has a statement of `chars` characters. */
async function bigFactLibrary(dir: string, chars: number): Promise<string[]> {
  const lib = path.join(dir, 'big-fact-lib');
  await mkdir(path.join(lib, 'facts'), { recursive: true });
  await writeFile(path.join(lib, 'library.yaml'), 'id: big-fact\nname: Big fact\nversion: "1"\n');
  const statement = 'word '.repeat(Math.ceil(chars / 5)).trimEnd();
  await writeFile(
    path.join(lib, 'facts/big.yaml'),
    `- id: big\n  statement: ${statement}\n  asOf: 2026-01-01\n  review:\n    by: 2030-01-01\n  source:\n    title: T\n    publisher: P\n    date: 2026-01-01\n    url: https://example.org/x\n`,
  );
  return ['check', '--library', lib];
}

const CASES: Case[] = [
  { label: 'title: one 300,000-character word (export)', expect: 'done', setup: (d) => briefCase(d, 'title-300k', longTitleBrief(300_000)) },
  { label: 'title: one 10 MB word', expect: 'refused', setup: (d) => briefCase(d, 'title-10mb', longTitleBrief(10_000_000)) },
  { label: 'body: one 1 MB word (export, cut by characters)', expect: 'done', setup: (d) => briefCase(d, 'word-1mb', longWordBrief(1_000_000)) },
  { label: 'body: one 3 MB word', expect: 'refused', setup: (d) => briefCase(d, 'word-3mb', longWordBrief(3_000_000)) },
  { label: '2,000 sections with empty titles (export)', expect: 'done', setup: (d) => briefCase(d, 'empty-2k', emptyTitlesBrief(2_000)) },
  { label: '10,000 sections with empty titles (export)', expect: 'done', setup: (d) => briefCase(d, 'empty-10k', emptyTitlesBrief(10_000)) },
  { label: 'library: a 50 MB fact statement (check)', expect: 'refused', setup: (d) => bigFactLibrary(d, 50_000_000) },
  { label: 'library: a 1 MB fact statement, under the file size cap (check)', expect: 'refused', setup: (d) => bigFactLibrary(d, 1_000_000) },
  { label: 'search: a 120 KB query (list sections --search)', expect: 'refused', setup: async () => ['list', 'sections', '--search', longQuery(120_000)] },
  { label: 'search: a 500-character query, at the cap', expect: 'done', setup: async () => ['list', 'sections', '--search', longQuery(500)] },
  { label: 'JSON: 20 KB of unclosed "[" in format', expect: 'refused', setup: (d) => briefCase(d, 'deep-format', deepFormatBrief(20_000)) },
  { label: 'JSON: 20 KB of nested lists in version', expect: 'refused', setup: (d) => briefCase(d, 'deep-version', deepVersionBrief(10_000)) },
  { label: 'a 15 MB section', expect: 'refused', setup: (d) => briefCase(d, 'section-15mb', bigSectionBrief(15_000_000)) },
  { label: 'a 1 MB brief of variable references', expect: 'refused', setup: (d) => briefCase(d, 'var-refs', variableRefsBrief(1_000_000)) },
  { label: 'baseline: a one-section brief (export)', expect: 'done', setup: (d) => briefCase(d, 'baseline', briefText()) },
];

interface Measured {
  code: number | null;
  wallMs: number;
  cpuMs: number;
  rssMb: number;
  firstLine: string;
}

/** Runs the built command once, with the reporter loaded, and reads back what it measured about itself. */
async function measure(argv: string[], dir: string, reporter: string): Promise<Measured> {
  const usageFile = path.join(dir, `usage-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', reporter, bin, ...argv], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BB_BENCH_USAGE: usageFile, BRIEFING_TODAY: '2026-11-25' },
  });
  // Only the start of each stream is kept: it holds the refusal (stderr) or the problem list of `check` (stdout).
  let err = '';
  let out = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => void (err += err.length < 4_000 ? d.slice(0, 2_000) : ''));
  child.stdout.setEncoding('utf8').on('data', (d: string) => void (out += out.length < 4_000 ? d.slice(0, 2_000) : ''));
  const timer = setTimeout(() => child.kill('SIGKILL'), KILL_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const usage = await readFile(usageFile, 'utf8').then((t) => JSON.parse(t) as { maxRssKb: number; cpuMs: number }, () => ({ maxRssKb: NaN, cpuMs: NaN }));
  const firstLine =
    err.split('\n').find((l) => l.startsWith('briefing:') && !l.includes(': warning:')) ?? out.split('\n').find((l) => /\.ya?ml(:\d+)?: /.test(l)) ?? '';
  return { code, wallMs, cpuMs: usage.cpuMs, rssMb: usage.maxRssKb / 1024, firstLine };
}

function row(c: Case, m: Measured): BenchRow {
  const finished = c.expect === 'done' ? m.code === 0 : m.code === 1 || m.code === 2;
  const met = finished && (c.expect === 'done' ? m.wallMs <= DONE_MS && m.rssMb <= DONE_MB : m.wallMs <= REFUSED_MS);
  return {
    label: c.label,
    value: m.wallMs,
    unit: 'ms',
    extra: { cpu_ms: m.cpuMs, peak_rss_mb: m.rssMb, exit: m.code === null ? 'killed' : String(m.code) },
    target: c.expect === 'done' ? `done <= ${DONE_MS} ms and <= ${DONE_MB} MB` : `refused <= ${REFUSED_MS} ms`,
    met,
    ...(m.firstLine ? { note: m.firstLine.slice(0, 160) } : {}),
  };
}

export async function run(): Promise<BenchReport> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-bench-bad-input-'));
  const reporter = path.join(dir, 'report-usage.cjs');
  await writeFile(reporter, REPORTER);
  const rows: BenchRow[] = [];
  try {
    // One at a time: some inputs take hundreds of megabytes, and the machine is shared.
    for (const c of CASES) rows.push(row(c, await measure(await c.setup(dir), dir, reporter)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    suite: 'bad input (issue 15), one process per input',
    rows,
    notes: [
      `each row is a whole \`node bin/briefing.cjs\` process (build first: npm run build:node); peak RSS (VmHWM) and CPU time are the process's own`,
      `load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores (wall time grows with it; CPU time does not)`,
      ...rows.filter((r) => r.note).map((r) => `${r.label}: ${r.note}`),
    ],
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  printReport(await run());
}
