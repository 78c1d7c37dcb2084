// Process entry of the `briefing` command: runs main() and sets the exit code.
import { endQuietlyWhenOutputCloses } from './io.js';
import { endPhase, reportPhasesAtExit } from './phases.js';
import { main } from './run.js';

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
