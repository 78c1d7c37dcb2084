// Helper threads of a batch export: workers running the CLI bundle, each taking briefs from the batch's shared queue and sending back what each export said.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchHelpers, BriefQueue, Outcome } from './batch-export.js';

/** What a helper thread is started with (its workerData): the export's own arguments and the batch's briefs. */
export interface HelperRequest {
  role: 'batch-helper';
  /** `briefing export`'s arguments as typed (options and all), parsed again by the helper. */
  argv: string[];
  files: string[];
  outs: string[];
  queue: SharedArrayBuffer;
}

export interface HelperReport {
  i: number;
  outcome: Outcome;
}

export function isHelperRequest(data: unknown): data is HelperRequest {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'batch-helper';
}

/** Threads at most: past four, each brief waits on the disk and on memory more than on a core. */
const MAX_THREADS = 4;
/**
 * Cores one exporting thread keeps busy: besides rendering, V8 compiles hot functions and marks the heap on threads
 * of its own. Measured on a 2-core machine, a one-thread batch of 20 briefs used 1.4–1.6 s of CPU per second, and a
 * second thread made it slower (1.8–2.8 s against 1.4–1.7 s): by default, one thread per two cores.
 */
const CORES_PER_THREAD = 2;
/**
 * A helper starts in about 300 ms of CPU (modules, libraries from the parse cache, fonts, engine cache), the time
 * this thread takes for about six briefs: below this many briefs per thread it would not finish one early.
 */
const BRIEFS_PER_HELPER = 8;

/**
 * How many helpers: `--jobs N` asks for N threads in all (1: none); by default one thread per two cores, at most
 * MAX_THREADS in all, and only as many as the number of briefs makes worth starting.
 */
export function helperCount(briefs: number, jobs: number | undefined, cores = availableParallelism()): number {
  const threads = jobs ?? Math.min(Math.floor(cores / CORES_PER_THREAD), MAX_THREADS);
  // Asked for by number, a helper is started for any brief beyond this thread's first.
  const worth = jobs !== undefined ? briefs - 1 : Math.floor(briefs / BRIEFS_PER_HELPER);
  return Math.max(0, Math.min(threads - 1, worth));
}

/**
 * Helpers running `script` (the built command's start file). A helper that cannot start or fails midway only costs
 * time: the batch exports what it took and never reported (batch-export.ts). BRIEFING_DEBUG=1 says why it failed.
 */
export function threadHelpers(script: string, argv: readonly string[], jobs: number | undefined, debug: (line: string) => void): BatchHelpers | undefined {
  if (!existsSync(script)) return undefined; // run from source: no bundle to start a thread with
  return {
    start(queue: BriefQueue, files, outs, report) {
      const count = helperCount(files.length, jobs);
      const request: HelperRequest = { role: 'batch-helper', argv: [...argv], files: [...files], outs: [...outs], queue: queue.buffer };
      const stopped = Array.from(
        { length: count },
        (_, n) =>
          new Promise<void>((resolve) => {
            let exported = 0;
            const worker = new Worker(script, { workerData: request, argv: ['export'] });
            worker.on('message', ({ i, outcome }: HelperReport) => {
              exported++;
              report(i, outcome);
            });
            worker.on('error', (err) => debug(`briefing: helper thread ${n + 1} failed (${err.message}); the main thread exports what it had taken`));
            worker.on('exit', () => {
              debug(`briefing: helper thread ${n + 1} exported ${exported} brief(s)`);
              resolve();
            });
          }),
      );
      return Promise.all(stopped).then(() => undefined);
    },
  };
}
