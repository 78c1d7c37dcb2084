// Process entry of the `briefing` command: runs main() and sets the exit code; in a batch's helper thread, runs the helper instead.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isHelperRequest } from './batch-threads.js';
import { endQuietlyWhenOutputCloses } from './io.js';
import { endPhase, reportPhasesAtExit } from './phases.js';
import { main, runBatchHelper } from './run.js';

if (!isMainThread && isHelperRequest(workerData)) {
  // A failure here ends the thread with an 'error' event: the main thread exports what it had taken.
  void runBatchHelper(workerData, (report) => parentPort!.postMessage(report));
} else {
  reportPhasesAtExit();
  endPhase('modules');

  endQuietlyWhenOutputCloses(process.stdout);
  endQuietlyWhenOutputCloses(process.stderr);

  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`briefing: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
