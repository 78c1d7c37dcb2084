// The phase split of a `briefing` process (shared/phases.ts), printed on stderr as it exits when BRIEFING_PHASES=1.
import { phaseTimes, recordPhases } from '../../shared/phases.js';

export { endPhase } from '../../shared/phases.js';

/** With BRIEFING_PHASES=1, one line `briefing-phases {json}` on stderr as the process exits (after the caches are saved). */
export function reportPhasesAtExit(env: NodeJS.ProcessEnv = process.env): void {
  if (env.BRIEFING_PHASES !== '1') return;
  recordPhases();
  process.once('exit', () => process.stderr.write(`briefing-phases ${JSON.stringify(phaseTimes())}\n`));
}
