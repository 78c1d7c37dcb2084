// A small logger per module: one line per event on stderr, no remote sink (nothing leaves the machine).
export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(err: unknown): void;
}

export function createLogger(scope: string): Logger {
  const line = (level: string, msg: string) => {
    if (process.env.BRIEFING_QUIET !== '1') process.stderr.write(`[${level}] ${scope}: ${msg}\n`);
  };
  return {
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (e) => line('error', e instanceof Error ? (e.stack ?? e.message) : String(e)),
  };
}
