// Shape every benchmark suite returns; test/bench/run.ts prints them as tables and writes JSON.
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
