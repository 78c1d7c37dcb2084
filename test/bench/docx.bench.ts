// Word export benchmark: main/docx warm in-process and the whole `briefing export … --out X.docx` process, beside
// pandoc's own DOCX writer on equivalent Markdown (whole process). `npm run bench` calls run() from test/bench/run.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderDocx } from '../../main/docx/index.js';
import type { Block, ComposedDoc, Inline } from '../../shared/model/composed-doc.js';
import type { BenchReport, BenchRow } from './report.js';

export interface DocxBenchOptions {
  /** The composed example issue brief (run.ts composes it against the bundled library). */
  produceBrief: () => ComposedDoc;
  fontsDir: string;
  /** `node bin/briefing.cjs export EXAMPLE.brief --out X.docx`, run as its own process each time. */
  cliCommand: string[];
  runs?: number;
}

/** Times of `n` runs in ms, sorted, so the median and the spread read straight off. */
async function measure(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

function toRow(label: string, sorted: number[]): BenchRow {
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { label, value: median, unit: 'ms', extra: { n: sorted.length, min: sorted[0]!, max: sorted[sorted.length - 1]! } };
}

function spawnOrThrow(command: string[]): void {
  const [cmd, ...args] = command;
  const r = spawnSync(cmd!, args, { stdio: 'ignore', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${command.join(' ')} exited ${r.status ?? r.signal}`);
}

/** The same content as Markdown for pandoc: headings, paragraphs, lists, quotes, tables, and the notes as footnotes. */
export function toMarkdown(doc: ComposedDoc): string {
  const inline = (list: Inline[]): string =>
    list
      .map((i) => {
        if (i.kind === 'note') return `[^${i.n}]`;
        if (i.kind === 'break') return '\\\n';
        if (i.kind === 'placeholder') return i.text.replace(/[[\]]/g, '\\$&');
        const t = i.text.replace(/([*_`[\]\\])/g, '\\$1');
        const styled = i.code ? `\`${i.text}\`` : i.bold ? `**${t}**` : i.italic ? `*${t}*` : t;
        return i.href ? `[${styled}](${i.href})` : styled;
      })
      .join('');
  const block = (b: Block, indent: string): string[] => {
    switch (b.kind) {
      case 'heading':
        return [`${'#'.repeat(b.level)} ${b.portion ? `${b.portion} ` : ''}${inline(b.inlines)}`, ''];
      case 'paragraph':
        return [`${indent}${b.portion ? `${b.portion} ` : ''}${inline(b.inlines)}`, ''];
      case 'list':
        return b.items.flatMap((item, n) => {
          const marker = b.ordered ? `${(b.start ?? 1) + n}. ` : '- ';
          const [first, ...rest] = item.flatMap((c) => block(c, `${indent}    `));
          return [`${indent}${marker}${(first ?? '').trimStart()}`, ...rest];
        });
      case 'quote':
        return [...b.blocks.flatMap((c) => block(c, '')).map((l) => `> ${l}`), ''];
      case 'pullquote':
        return [`> *${inline(b.inlines)}*`, ''];
      case 'summary':
        return [`**${b.title}**`, '', ...b.blocks.flatMap((c) => block(c, ''))];
      case 'table': {
        const row = (cells: Inline[][]) => `| ${cells.map(inline).join(' | ')} |`;
        return [row(b.header), `|${b.header.map(() => '---|').join('')}`, ...b.rows.map(row), ''];
      }
      case 'code':
        return ['```', b.text, '```', ''];
      case 'rule':
        return ['---', ''];
      case 'pagebreak':
        return [''];
    }
  };
  const body = doc.sections.flatMap((s) => s.blocks.flatMap((b) => block(b, '')));
  const notes = doc.notes.map((n) => `[^${n.n}]: ${n.text}${n.url ? ` <${n.url}>` : ''}`);
  const front = ['---', `title: "${doc.meta.title.replace(/"/g, '\\"')}"`, ...(doc.meta.subtitle ? [`subtitle: "${doc.meta.subtitle.replace(/"/g, '\\"')}"`] : []), `date: "${doc.meta.date}"`, '---', ''];
  return [...front, ...body, ...notes, ''].join('\n');
}

export async function run(options: DocxBenchOptions): Promise<BenchReport> {
  const runs = options.runs ?? 15;
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const doc = options.produceBrief();

  // (a) In-process, warm: the writer's modules loaded and the embedded fonts read once, as in the app after one export.
  for (let i = 0; i < 3; i++) await renderDocx(doc, { fontsDir: options.fontsDir });
  let bytes = 0;
  const warm = toRow('issue brief .docx export, in-process warm (renderDocx)', await measure(runs, async () => (bytes = (await renderDocx(doc, { fontsDir: options.fontsDir })).bytes.length)));
  warm.extra = { ...warm.extra, MB: bytes / 1e6, endnotes: doc.notes.length };
  rows.push(warm);

  // (b) The whole CLI process: Node start, library load, compose, render, atomic write.
  spawnOrThrow(options.cliCommand);
  const cli = toRow(`CLI export to Word, whole process (${path.basename(options.cliCommand[1] ?? '')} export … --out X.docx)`, await measure(Math.max(5, runs >> 1), () => spawnOrThrow(options.cliCommand)));
  rows.push(cli);

  // (c) pandoc's own DOCX writer on the same content as Markdown, whole process.
  const dir = mkdtempSync(path.join(tmpdir(), 'docx-bench-'));
  try {
    const md = path.join(dir, 'brief.md');
    writeFileSync(md, toMarkdown(doc));
    const pandoc = ['pandoc', '-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), md];
    spawnOrThrow(pandoc);
    const p = toRow('pandoc -f markdown -t docx, whole process, same content', await measure(Math.max(5, runs >> 1), () => spawnOrThrow(pandoc)));
    rows.push(p);
    cli.ratio = { of: 'pandoc whole process', ratio: cli.value / p.value };
    cli.target = '<= 1.0x pandoc';
    cli.met = cli.value <= p.value;
    warm.ratio = { of: 'pandoc whole process', ratio: warm.value / p.value };
    notes.push('pandoc gets Markdown generated from the same ComposedDoc (headings, paragraphs, nested lists, quotes, tables, notes as footnotes); it embeds no fonts, our file embeds Source Serif/Sans (7 faces).');
  } catch (e) {
    notes.push(`pandoc not measured: ${(e as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { suite: 'docx', rows, notes };
}
