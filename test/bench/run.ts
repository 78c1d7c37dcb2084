// `npm run bench`: runs every benchmark suite, prints a table per suite and writes all figures as JSON.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compose } from '../../shared/compose/index.js';
import { bundledLibraryDir, examplesDir, fontsDir } from '../../main/services/app-paths.js';
import { readBriefFile } from '../../main/services/documents/brief-file.js';
import { LibraryService } from '../../main/services/library-service.js';
import { printReport, type BenchReport } from './report.js';

const root = path.resolve(import.meta.dirname, '../..');
const TODAY = new Date('2026-11-25T00:00:00Z');

/** The PDF suite measures the real example issue brief, in-process and as a whole `briefing export` process. */
async function pdfSuite(): Promise<BenchReport> {
  const { run } = await import('./pdf.bench.js');
  const library = new LibraryService([{ dir: bundledLibraryDir(), kind: 'bundled', readOnly: true }]);
  await library.load();
  const exampleFile = path.join(examplesDir(), 't12-issue-brief.brief');
  const brief = await readBriefFile(exampleFile);
  const out = path.join(os.tmpdir(), 'briefing-bench-cli.pdf');
  const report = await run({
    produceBrief: () => compose(brief, library.library(), { today: TODAY }),
    cliCommand: [process.execPath, path.join(root, 'bin/briefing.cjs'), 'export', exampleFile, '--out', out],
  });
  const cli = report.rows.find((r) => r.label.startsWith('CLI export, whole process:'));
  const chromium = report.rows.find((r) => r.label.startsWith('Chromium'));
  if (cli && chromium) {
    cli.label = 'CLI export of the example issue brief, whole process (node bin/briefing.cjs export), caches filled';
    cli.ratio = { of: 'Chromium print, same content', ratio: cli.value / chromium.value };
    cli.target = '<= 0.5x Chromium print';
    cli.met = cli.ratio.ratio <= 0.5;
    // The same command with an empty cache folder and with the caches off, for comparison (no target of their own).
    for (const r of report.rows.filter((x) => x.label.startsWith('CLI export, whole process, '))) r.ratio = { of: 'Chromium print, same content', ratio: r.value / chromium.value };
  }
  report.notes.push('content: assets/examples/t12-issue-brief.brief composed against the bundled library (Typst and Chromium get markup generated from the same ComposedDoc)');
  return report;
}

/** The Word suite: the same example issue brief through main/docx, in-process and as a whole `briefing export` process. */
async function docxSuite(): Promise<BenchReport> {
  const { run } = await import('./docx.bench.js');
  const library = new LibraryService([{ dir: bundledLibraryDir(), kind: 'bundled', readOnly: true }]);
  await library.load();
  const exampleFile = path.join(examplesDir(), 't12-issue-brief.brief');
  const brief = await readBriefFile(exampleFile);
  const report = await run({
    produceBrief: () => compose(brief, library.library(), { today: TODAY }),
    fontsDir: fontsDir(),
    cliCommand: [process.execPath, path.join(root, 'bin/briefing.cjs'), 'export', exampleFile, '--out', path.join(os.tmpdir(), 'briefing-bench-cli.docx')],
  });
  report.notes.push('content: assets/examples/t12-issue-brief.brief composed against the bundled library');
  return report;
}

const KEYSTROKE_BENCH: string = './keystroke.bench.js';

const SUITES: Record<string, () => Promise<BenchReport>> = {
  library: async () => (await import('./library.bench.js')).run(),
  pdf: pdfSuite,
  docx: docxSuite,
  preview: async () => (await import('./preview.bench.js')).run(),
  // Typed under tsconfig.e2e.json (it drives the browser through the e2e harness, DOM types and all): a specifier
  // the node tsconfig does not follow keeps those types out of it.
  keystroke: async () => ((await import(KEYSTROKE_BENCH)) as { run: () => Promise<BenchReport> }).run(),
  'bad-input': async () => (await import('./bad-input.bench.js')).run(),
  batch: async () => (await import('./batch.bench.js')).run(),
  memory: async () => (await import('./memory.bench.js')).run(),
};

process.env.BRIEFING_TODAY ??= '2026-11-25';
const only = process.argv.slice(2);
const reports: BenchReport[] = [];
for (const [name, runSuite] of Object.entries(SUITES)) {
  if (only.length && !only.includes(name)) continue;
  const report = await runSuite();
  printReport(report);
  reports.push(report);
}
const out = path.join(root, 'test-output/bench.json');
await fs.mkdir(path.dirname(out), { recursive: true });
await fs.writeFile(out, JSON.stringify({ date: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg() }, reports }, null, 2));
console.log(`\nfigures written to ${path.relative(process.cwd(), out)}`);
