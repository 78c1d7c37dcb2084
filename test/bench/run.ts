// `npm run bench`: runs every benchmark suite, prints a table per suite and writes all figures as JSON.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BenchReport, BenchSuite } from './report.js';

const SUITES: Record<string, () => Promise<{ run: BenchSuite }>> = {
  library: () => import('./library.bench.js'),
  pdf: () => import('./pdf.bench.js'),
  preview: () => import('./preview.bench.js'),
};

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function printReport(r: BenchReport): void {
  console.log(`\n## ${r.suite}`);
  const rows = r.rows.map((row) => [
    row.label,
    `${fmt(row.value)} ${row.unit}`,
    row.ratio ? `${row.ratio.ratio.toFixed(2)}x ${row.ratio.of}` : '',
    row.target ? `${row.target} ${row.met === undefined ? '' : row.met ? 'met' : 'NOT met'}` : '',
    Object.entries(row.extra ?? {})
      .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`)
      .join(' '),
  ]);
  const head = ['measure', 'value', 'ratio', 'target', 'details'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  for (const n of r.notes) console.log(`note: ${n}`);
}

const only = process.argv.slice(2);
const reports: BenchReport[] = [];
for (const [name, load] of Object.entries(SUITES)) {
  if (only.length && !only.includes(name)) continue;
  let suite: { run: BenchSuite };
  try {
    suite = await load();
  } catch (e) {
    console.log(`\n## ${name}\nnot available: ${(e as Error).message.split('\n')[0]}`);
    continue;
  }
  const report = await suite.run();
  printReport(report);
  reports.push(report);
}
const out = path.resolve(import.meta.dirname, '../../test-output/bench.json');
await fs.mkdir(path.dirname(out), { recursive: true });
await fs.writeFile(out, JSON.stringify({ date: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, reports }, null, 2));
console.log(`\nfigures written to ${path.relative(process.cwd(), out)}`);
