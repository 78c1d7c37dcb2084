// Where an export's time goes, for the benchmark: a performance mark at the end of each phase (cheap; read only on request).

/** The phases of a `briefing export` process in order; each mark ends the phase of its name. */
export const PHASES = ['boot', 'modules', 'library', 'compose', 'layout', 'write', 'output'] as const;
export type Phase = (typeof PHASES)[number];

let recording = false;

/** Marks are kept only when asked for: a long-lived process (the app renders a preview per pause in typing) must not collect them. */
export function recordPhases(): void {
  recording = true;
}

export function endPhase(phase: Phase): void {
  if (recording) performance.mark(`briefing:${phase}`);
}

/**
 * Milliseconds per phase since the time origin (a phase whose mark is missing is folded into the next), `exit` for
 * what follows the last mark, and `total`. The first phase, `boot`, is Node's own start-up.
 */
export function phaseTimes(now = performance.now()): Record<string, number> {
  const out: Record<string, number> = {};
  let last = 0;
  for (const phase of PHASES) {
    const mark = performance.getEntriesByName(`briefing:${phase}`, 'mark').at(-1);
    if (!mark) continue;
    out[phase] = Math.round((mark.startTime - last) * 10) / 10;
    last = mark.startTime;
  }
  out.exit = Math.round((now - last) * 10) / 10;
  out.total = Math.round(now * 10) / 10;
  return out;
}
