// Shape every benchmark suite returns, and the table printer shared by `npm run bench` and suites run alone.
export interface BenchRow {
  /** What was measured, e.g. 'export issue brief (in-process, warm)'. */
  label: string;
  /** Median (or the single figure) in the unit given. */
  value: number;
  unit: 'ms' | 's' | 'pages' | 'MB' | 'count';
  /** Optional further figures, e.g. p95, min, n. */
  extra?: Record<string, number | string>;
  /** Ratio against a comparison row, with what it is relative to, e.g. { of: 'typst warm', ratio: 0.8 }. */
  ratio?: { of: string; ratio: number };
  /** Target and whether it was met, e.g. '<= 300 ms'. */
  target?: string;
  met?: boolean;
  note?: string;
}
export interface BenchReport {
  suite: string;
  rows: BenchRow[];
  notes: string[];
}
export type BenchSuite = () => Promise<BenchReport>;

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** Prints one suite as a table (measure, value, ratio, target, details) and its notes. */
export function printReport(r: BenchReport): void {
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
