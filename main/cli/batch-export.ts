// `briefing export A.brief B.brief … | FOLDER --out-dir DIR`: many briefs in one process (one library, one font set, one engine); a line per brief on stderr, one summary on stdout.
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from '../services/errno.js';
import { EXIT, guarded, UserError, type CliIO } from './io.js';

export type BatchFormat = 'pdf' | 'docx';

/** Exports one brief to `out` exactly as `briefing export FILE --out OUT` would, through `io`; never replaces a file of `protect`. */
export type ExportOne = (file: string, out: string, protect: readonly string[], io: CliIO) => Promise<number>;

export interface BatchRequest {
  /** The positional arguments: brief files and folders of briefs, as the user typed them. */
  inputs: readonly string[];
  /** --out-dir as the user typed it; created when missing. */
  outDir: string;
  format: BatchFormat;
}

/**
 * Which failure is worst, for the batch's exit code: a brief with unfinished markings or warnings under --strict
 * (3) is less bad than one that could not be read or written at all (1). Usage mistakes (2) stop the batch before
 * any brief and never come from one.
 */
const SEVERITY: readonly number[] = [EXIT.ok, EXIT.strictWarnings, EXIT.badInput, EXIT.usage];

export function worstExit(codes: readonly number[]): number {
  return codes.reduce((worst, code) => (SEVERITY.indexOf(code) > SEVERITY.indexOf(worst) ? code : worst), EXIT.ok);
}

const isBrief = (name: string) => name.toLowerCase().endsWith('.brief');

async function folderEntries(folder: string): Promise<Dirent[] | null> {
  try {
    return await fs.readdir(folder, { withFileTypes: true });
  } catch (err) {
    // Not a folder (or not there): it is a brief file, and its export says what is wrong with it.
    if (errnoCode(err) === 'ENOTDIR' || errnoCode(err) === 'ENOENT') return null;
    throw err;
  }
}

/** Every brief to export, in order: files as given, and each folder's *.brief files (not its subfolders), by name. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const entries = await folderEntries(input);
    if (!entries) {
      files.push(input);
      continue;
    }
    const briefs: string[] = [];
    for (const e of entries) {
      if (!isBrief(e.name)) continue;
      const file = path.join(input, e.name);
      // A link to a brief counts; a folder named x.brief does not.
      if (e.isFile() || (e.isSymbolicLink() && (await fs.stat(file).then((s) => s.isFile(), () => false)))) briefs.push(file);
    }
    if (!briefs.length) throw new UserError(`${input}: holds no .brief files (subfolders are not searched) — name the briefs, or a folder that holds them`);
    files.push(...briefs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return files;
}

/** DIR/<brief's name>.pdf (or .docx). */
export function outputFor(file: string, outDir: string, format: BatchFormat): string {
  const base = path.basename(file);
  const stem = isBrief(base) ? base.slice(0, -'.brief'.length) : path.parse(base).name || base;
  return path.join(outDir, `${stem}.${format}`);
}

/** Two briefs that would be written to one file are refused before anything is written (compared ignoring case, as some disks do). */
function refuseClashes(files: readonly string[], outs: readonly string[]): void {
  const seen = new Map<string, number>();
  outs.forEach((out, i) => {
    const key = out.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    throw new UserError(
      `${files[first]} and ${files[i]} would both be written to ${outs[first]}: nothing written — rename one of them, or export them in two runs with different --out-dir`,
    );
  });
}

async function ensureFolder(outDir: string): Promise<void> {
  const found = await fs.stat(outDir).catch((err: unknown) => {
    if (errnoCode(err) === 'ENOENT') return null;
    throw err;
  });
  if (found && !found.isDirectory()) throw new UserError(`${outDir}: is a file, not a folder — give --out-dir a folder (one that does not exist yet is created)`);
  if (!found) await fs.mkdir(outDir, { recursive: true });
}

/** What one brief's export printed, kept so the batch can put the brief's progress line after its own messages. */
function capture(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

/** `briefing: FILE: reason` → `reason`: the progress line names the file already. */
function reasonOf(line: string, file: string): string {
  const text = line.replace(/^briefing: /, '');
  return text.startsWith(`${file}: `) ? text.slice(file.length + 2) : text;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Briefs this thread exports at once. Rendering is synchronous, so two never render together; but while one brief
 * waits on the disk (reading it; its target checked; the temp file written, fsynced and renamed, its folder fsynced)
 * the next is read and rendered. More would only hold more rendered files in memory: the waits are shorter than a render.
 */
const IN_FLIGHT = 2;

/** What one brief's export said and how it ended; helper threads send theirs as this (plain data). */
export interface Outcome {
  code: number;
  out: string[];
  err: string[];
  ms: number;
}

/**
 * Which brief is next, shared by this thread and its helpers: one counter in shared memory, so a thread that is free
 * takes the next brief at once, without asking another thread (which may be busy rendering).
 */
export class BriefQueue {
  private readonly next: Int32Array;

  constructor(
    readonly total: number,
    shared: SharedArrayBuffer = new SharedArrayBuffer(4),
  ) {
    this.next = new Int32Array(shared, 0, 1);
  }

  get buffer(): SharedArrayBuffer {
    return this.next.buffer as SharedArrayBuffer;
  }

  /** The index of the next brief nobody has taken, or undefined when all are taken. */
  take(): number | undefined {
    const i = Atomics.add(this.next, 0, 1);
    return i < this.total ? i : undefined;
  }
}

/** Threads that export briefs taken from the same queue, each loaded with the libraries, fonts and engine. */
export interface BatchHelpers {
  /** Starts the helpers (as many as are worth it for this many briefs); `report` gets each brief a helper exported. Resolves when every helper has stopped. */
  start(queue: BriefQueue, files: readonly string[], outs: readonly string[], report: (i: number, outcome: Outcome) => void): Promise<void>;
}

/** Takes briefs from the queue until none is left, IN_FLIGHT at a time, and hands each outcome to `done`. */
export async function drainQueue(queue: BriefQueue, exportAt: (i: number) => Promise<Outcome>, done: (i: number, outcome: Outcome) => void): Promise<void> {
  const lane = async () => {
    for (let i = queue.take(); i !== undefined; i = queue.take()) done(i, await exportAt(i));
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, () => lane()));
}

/** Exports one brief through a capturing seam, so its lines can be printed in the briefs' order. */
export async function exportCaptured(exportOne: ExportOne, file: string, out: string, protect: readonly string[]): Promise<Outcome> {
  const said = capture();
  const t0 = performance.now();
  // Every input is protected from every export of the batch, not just its own.
  const code = await guarded(said, () => exportOne(file, out, protect, said));
  return { code, out: said.out, err: said.err, ms: Math.round(performance.now() - t0) };
}

/** A brief's outcome, settled by whichever thread exports it. */
function pending(): { promise: Promise<Outcome>; settle(o: Outcome): void } {
  let settle!: (o: Outcome) => void;
  const promise = new Promise<Outcome>((resolve) => (settle = resolve));
  return { promise, settle };
}

/**
 * Exports every brief, each as the single export would, to DIR/<name>.<format>: a brief that fails is named on its
 * progress line with the single export's reason and the rest still export. Lines come in the briefs' order, each
 * once its brief is written. Exit code: the worst of the briefs'. With `helpers`, other threads take briefs from
 * the same queue (batch-threads.ts); what each prints is the same whichever thread exported it.
 */
export async function runBatchExport(request: BatchRequest, exportOne: ExportOne, io: CliIO, helpers?: BatchHelpers): Promise<number> {
  const started = performance.now();
  const files = await expandInputs(request.inputs);
  const outs = files.map((f) => outputFor(f, request.outDir, request.format));
  refuseClashes(files, outs);
  await ensureFolder(request.outDir);
  const queue = new BriefQueue(files.length);
  const outcomes = files.map(() => pending());
  const settled = new Set<number>();
  const settle = (i: number, outcome: Outcome) => {
    if (settled.has(i)) return;
    settled.add(i);
    outcomes[i]!.settle(outcome);
  };
  const exportAt = (i: number) => exportCaptured(exportOne, files[i]!, outs[i]!, files);
  // Helpers first, so they load while this thread exports.
  const helped = helpers?.start(queue, files, outs, settle) ?? Promise.resolve();
  const finished = Promise.all([helped, drainQueue(queue, exportAt, settle)]).then(async () => {
    // Every brief is taken by now; one still unsettled was taken by a helper that failed before reporting it.
    for (const i of files.keys()) if (!settled.has(i)) settle(i, await exportAt(i));
  });
  const codes: number[] = [];
  for (const [i, file] of files.entries()) {
    const { code, out, err, ms } = await outcomes[i]!.promise;
    codes.push(code);
    const step = `[${i + 1}/${files.length}] ${file} …`;
    if (code === EXIT.ok) {
      for (const line of err) io.stderr(line);
      const wrote = out.find((l) => l.startsWith(`wrote ${outs[i]} `));
      io.stderr(`${step} ok ${ms} ms${wrote ? ` ${wrote.slice(`wrote ${outs[i]} `.length)}` : ''}`);
    } else {
      const last = err.at(-1);
      for (const line of err.slice(0, -1)) io.stderr(line);
      io.stderr(`${step} failed: ${last ? reasonOf(last, file) : `exit code ${code}`}`);
    }
  }
  await finished;
  const failed = codes.filter((c) => c !== EXIT.ok).length;
  const n = files.length;
  io.stdout(`exported ${n - failed} of ${n} brief${n === 1 ? '' : 's'} to ${request.outDir} in ${seconds(performance.now() - started)}${failed ? `; ${failed} failed` : ''}`);
  return worstExit(codes);
}
