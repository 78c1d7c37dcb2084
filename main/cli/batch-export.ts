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
 * Briefs being exported at once. Rendering is synchronous, so two never render together; but while one brief waits on
 * the disk (reading it; its target checked; the temp file written, fsynced and renamed, its folder fsynced) the next
 * is read and rendered. More would only hold more rendered files in memory: the waits are shorter than a render.
 */
const IN_FLIGHT = 2;

interface Outcome {
  code: number;
  said: ReturnType<typeof capture>;
  ms: number;
}

/**
 * Exports every brief, each as the single export would, to DIR/<name>.<format>: a brief that fails is named on its
 * progress line with the single export's reason and the rest still export. Lines come in the briefs' order, each
 * once its brief is written. Exit code: the worst of the briefs'.
 */
export async function runBatchExport(request: BatchRequest, exportOne: ExportOne, io: CliIO): Promise<number> {
  const started = performance.now();
  const files = await expandInputs(request.inputs);
  const outs = files.map((f) => outputFor(f, request.outDir, request.format));
  refuseClashes(files, outs);
  await ensureFolder(request.outDir);
  const exportAt = async (i: number): Promise<Outcome> => {
    const said = capture();
    const t0 = performance.now();
    // Every input is protected from every export of the batch, not just its own.
    const code = await guarded(said, () => exportOne(files[i]!, outs[i]!, files, said));
    return { code, said, ms: Math.round(performance.now() - t0) };
  };
  // Brief i starts once brief i - IN_FLIGHT has finished (whether it succeeded or not).
  const outcomes: Promise<Outcome>[] = [];
  for (let i = 0; i < files.length; i++) {
    const before = outcomes[i - IN_FLIGHT];
    outcomes.push(before ? before.then(() => exportAt(i)) : exportAt(i));
  }
  const codes: number[] = [];
  for (const [i, file] of files.entries()) {
    const { code, said, ms } = await outcomes[i]!;
    codes.push(code);
    const step = `[${i + 1}/${files.length}] ${file} …`;
    if (code === EXIT.ok) {
      for (const line of said.err) io.stderr(line);
      const wrote = said.out.find((l) => l.startsWith(`wrote ${outs[i]} `));
      io.stderr(`${step} ok ${ms} ms${wrote ? ` ${wrote.slice(`wrote ${outs[i]} `.length)}` : ''}`);
    } else {
      const last = said.err.at(-1);
      for (const line of said.err.slice(0, -1)) io.stderr(line);
      io.stderr(`${step} failed: ${last ? reasonOf(last, file) : `exit code ${code}`}`);
    }
  }
  const failed = codes.filter((c) => c !== EXIT.ok).length;
  const n = files.length;
  io.stdout(`exported ${n - failed} of ${n} brief${n === 1 ? '' : 's'} to ${request.outDir} in ${seconds(performance.now() - started)}${failed ? `; ${failed} failed` : ''}`);
  return worstExit(codes);
}
