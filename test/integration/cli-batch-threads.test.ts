// A batch export's helper threads: a real helper thread of the built command exports from the shared queue, `--jobs` gives the same files and lines as one thread, and briefs a failed helper took are exported all the same.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BriefQueue, runBatchExport, type BatchHelpers, type ExportOne, type Outcome } from '../../main/cli/batch-export.js';
import { helperCount, type HelperReport, type HelperRequest } from '../../main/cli/batch-threads.js';
import { EXIT, type CliIO } from '../../main/cli/io.js';
import { useTempDir } from '../support/hooks.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/briefing.cjs');
const examples = path.join(root, 'assets/examples');
const EXAMPLES = ['classified-sample', 'decision-memo', 'one-pager', 't12-issue-brief'];
const dir = useTempDir('briefing-batch-threads-', 'each');
const env = { ...process.env, BRIEFING_TODAY: '2026-11-25' };

async function briefing(argv: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const lines = (s: string) => s.split('\n').filter(Boolean);
  return run(process.execPath, [bin, ...argv], { cwd, env: { ...env, ...extra } }).then(
    (r) => ({ code: 0, out: lines(r.stdout), err: lines(r.stderr) }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: lines(e.stdout), err: lines(e.stderr) }),
  );
}

/** The folder of the batch: the four examples, each twice, a brief with a marking error and one that is not JSON. */
async function batchFolder(): Promise<string> {
  const folder = path.join(dir(), 'briefs');
  await fs.mkdir(folder, { recursive: true });
  for (const name of EXAMPLES) {
    await fs.copyFile(path.join(examples, `${name}.brief`), path.join(folder, `${name}.brief`));
    await fs.copyFile(path.join(examples, `${name}.brief`), path.join(folder, `${name}-copy.brief`));
  }
  const memo = JSON.parse(await fs.readFile(path.join(examples, 'decision-memo.brief'), 'utf8')) as { sections: { marking?: unknown }[] };
  delete memo.sections[0]!.marking;
  await fs.writeFile(path.join(folder, 'gate.brief'), JSON.stringify(memo));
  await fs.writeFile(path.join(folder, 'notes.brief'), 'Things to remember for Tuesday.\n');
  return folder;
}

/** A PDF without what differs run by run (dates, document id). */
const stripped = async (file: string) => (await fs.readFile(file)).toString('latin1').replace(/D:\d{14}Z|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|\/ID \[[^\]]*\]/g, '');
/** Progress lines without their timings. */
const untimed = (lines: string[]) => lines.filter((l) => !l.startsWith('briefing: helper thread')).map((l) => l.replace(/ ok \d+ ms/, ' ok'));

describe('batch export on helper threads', () => {
  it('one helper thread of the built command exports every brief of the queue, each as the main thread would', async () => {
    const folder = await batchFolder();
    const files = (await fs.readdir(folder)).sort().map((n) => path.join(folder, n));
    const outs = files.map((f) => path.join(dir(), 'helper', path.basename(f, '.brief') + '.pdf'));
    await fs.mkdir(path.join(dir(), 'helper'));
    const queue = new BriefQueue(files.length);
    const request: HelperRequest = { role: 'batch-helper', argv: [folder, '--out-dir', path.join(dir(), 'helper')], files, outs, queue: queue.buffer };
    const reports: HelperReport[] = [];
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(path.join(root, 'dist/cli.cjs'), { workerData: request, argv: ['export'], env });
      worker.on('message', (r: HelperReport) => reports.push(r));
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
    // It took every brief (the queue is empty), each once.
    expect(queue.take()).toBeUndefined();
    expect(reports.map((r) => r.i).sort((a, b) => a - b)).toEqual(files.map((_, i) => i));

    // The same briefs through the command with one thread: the same outcome, lines and document for each.
    const single = await briefing(['export', folder, '--out-dir', 'one', '--jobs', '1'], dir());
    expect(single.code).toBe(EXIT.badInput);
    for (const { i, outcome } of reports) {
      const name = path.basename(files[i]!, '.brief');
      const progress = single.err.find((l) => l.includes(`${path.sep}${name}.brief …`))!;
      expect(outcome.code === EXIT.ok, name).toBe(progress.includes(' … ok '));
      if (outcome.code !== EXIT.ok) continue;
      expect(outcome.out).toEqual([expect.stringMatching(new RegExp(`^wrote ${outs[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`))]);
      expect(await stripped(outs[i]!), name).toBe(await stripped(path.join(dir(), 'one', `${name}.pdf`)));
    }
    expect(reports.find((r) => files[r.i]!.endsWith('gate.brief'))!.outcome.code).toBe(EXIT.strictWarnings);
    expect(reports.find((r) => files[r.i]!.endsWith('notes.brief'))!.outcome.err.at(-1)).toMatch(/notes\.brief: is not valid JSON/);
  });

  it('--jobs 3 writes the same files and says the same lines in the same order as --jobs 1', async () => {
    await batchFolder();
    const one = await briefing(['export', 'briefs', '--out-dir', 'one', '--jobs', '1'], dir());
    const three = await briefing(['export', 'briefs', '--out-dir', 'three', '--jobs', '3'], dir(), { BRIEFING_DEBUG: '1' });
    expect(three.code).toBe(one.code);
    expect(three.code).toBe(EXIT.badInput);
    expect(untimed(three.err)).toEqual(untimed(one.err));
    expect(three.out.map((l) => l.replace(/three in [\d.]+ s/, 'DIR'))).toEqual(one.out.map((l) => l.replace(/one in [\d.]+ s/, 'DIR')));
    // Two helpers ran and stopped; between them and the main thread every brief was exported once.
    const helped = three.err.filter((l) => l.startsWith('briefing: helper thread')).sort();
    expect(helped).toEqual([expect.stringMatching(/^briefing: helper thread 1 exported \d+ brief\(s\)$/), expect.stringMatching(/^briefing: helper thread 2 exported \d+ brief\(s\)$/)]);
    const written = (await fs.readdir(path.join(dir(), 'three'))).sort();
    expect(written).toEqual((await fs.readdir(path.join(dir(), 'one'))).sort());
    expect(written).toHaveLength(8);
    for (const name of written) expect(await stripped(path.join(dir(), 'three', name)), name).toBe(await stripped(path.join(dir(), 'one', name)));
  });

  it('--jobs must be a whole number from 1 to 64, and only for a batch', async () => {
    await batchFolder();
    for (const bad of ['0', 'two', '1.5', '65']) {
      const r = await briefing(['export', 'briefs', '--out-dir', 'out', '--jobs', bad], dir());
      expect(r.code, bad).toBe(EXIT.usage);
      expect(r.err[0], bad).toBe(`briefing: --jobs must be a whole number from 1 to 64 (briefs rendered at once, one thread each), got "${bad}"`);
    }
    const single = await briefing(['export', 'briefs/one-pager.brief', '--out', 'x.pdf', '--jobs', '2'], dir());
    expect(single.code).toBe(EXIT.usage);
    expect(single.err[0]).toMatch(/^briefing: --jobs applies to a batch/);
    expect(await fs.readdir(dir())).toEqual(['briefs']);
  });
});

describe('the batch when a helper thread fails', () => {
  it('exports the briefs a helper took and never reported, in order, with the same lines', async () => {
    const files = ['a', 'b', 'c', 'd', 'e'].map((n) => path.join(dir(), `${n}.brief`));
    for (const f of files) await fs.writeFile(f, '{}');
    const exportOne: ExportOne = async (file, out, _protect, io) => {
      await fs.writeFile(out, `from ${path.basename(file)}`);
      io.stdout(`wrote ${out} (1 page)`);
      return EXIT.ok;
    };
    // A helper that takes two briefs and stops before reporting either (as a thread that crashed would).
    const taken: number[] = [];
    const failing: BatchHelpers = {
      async start(queue) {
        for (let k = 0; k < 2; k++) {
          const i = queue.take();
          if (i !== undefined) taken.push(i);
        }
      },
    };
    const lines: string[] = [];
    const io: CliIO = { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t) };
    const code = await runBatchExport({ inputs: files, outDir: path.join(dir(), 'out'), format: 'pdf' }, exportOne, io, failing);
    expect(code).toBe(EXIT.ok);
    expect(taken).toHaveLength(2);
    expect(lines.slice(0, 5).map((l) => l.replace(/ ok \d+ ms/, ' ok'))).toEqual(files.map((f, i) => `[${i + 1}/5] ${f} … ok (1 page)`));
    expect(lines[5]).toMatch(/^exported 5 of 5 briefs to /);
    for (const f of files) expect(await fs.readFile(path.join(dir(), 'out', path.basename(f, '.brief') + '.pdf'), 'utf8')).toBe(`from ${path.basename(f)}`);
  });

  it('a helper reporting a brief the main thread exported too counts it once', async () => {
    const files = ['a', 'b', 'c'].map((n) => path.join(dir(), `${n}.brief`));
    const exportOne: ExportOne = async (_file, out, _protect, io) => {
      io.stdout(`wrote ${out} (2 pages)`);
      return EXIT.ok;
    };
    const late: Outcome = { code: EXIT.badInput, out: [], err: ['briefing: late'], ms: 1 };
    // Reports brief 0 after the batch has exported it: the first outcome stands.
    const echo: BatchHelpers = { start: async (_q, _f, _o, report) => void setTimeout(() => report(0, late), 0) };
    const lines: string[] = [];
    const code = await runBatchExport({ inputs: files, outDir: path.join(dir(), 'out'), format: 'pdf' }, exportOne, { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t) }, echo);
    expect(code).toBe(EXIT.ok);
    expect(lines.filter((l) => l.includes(' … ok '))).toHaveLength(3);
  });
});

describe('how many helper threads', () => {
  it('by default one thread per two cores, at most four, and one helper per eight briefs; --jobs N asks for N threads', () => {
    expect(helperCount(20, undefined, 2)).toBe(0);
    expect(helperCount(20, undefined, 4)).toBe(1);
    expect(helperCount(20, undefined, 8)).toBe(2);
    expect(helperCount(200, undefined, 8)).toBe(3);
    expect(helperCount(200, undefined, 64)).toBe(3);
    expect(helperCount(7, undefined, 8)).toBe(0);
    expect(helperCount(20, 1, 8)).toBe(0);
    expect(helperCount(3, 4, 2)).toBe(2);
    expect(helperCount(20, 3, 2)).toBe(2);
    expect(helperCount(1, 8, 8)).toBe(0);
  });
});
