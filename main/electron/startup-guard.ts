// Start-up hardening: refuse debugging switches, turn on the renderer sandbox everywhere, keep to one instance.

/**
 * Switches that open the app to a debugger or change V8's behaviour. `--inspect` covers `--inspect-brk`,
 * `--inspect-port` and friends; `--remote-debugging` covers `-port`, `-pipe` and `-address`.
 */
const REFUSED_PREFIXES = ['remote-debugging', 'inspect', 'js-flags'] as const;

/** Chromium reads `--x`, `-x` and (on Windows) `/x` as the same switch, case-insensitively on Windows. */
function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const m = /^(?:--?|\/)([^=]+)/.exec(arg);
  if (!m || (arg.startsWith('/') && platform !== 'win32')) return null;
  return platform === 'win32' ? m[1]!.toLowerCase() : m[1]!;
}

function refusalLine(sw: string): string {
  return `Briefing Builder: refusing to start with ${sw}: debugging switches are turned off in this app.`;
}

/** The one line to quit with when argv carries a refused switch, or null when start-up may go on. */
export function refusedSwitch(argv: readonly string[], platform: NodeJS.Platform = process.platform): string | null {
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const name = switchName(arg, platform);
    if (name && REFUSED_PREFIXES.some((p) => name === p || name.startsWith(p))) {
      return refusalLine(arg.split('=')[0]!);
    }
  }
  return null;
}

/** The part of Electron's `app` used here; Electron's App fits it, a recording fake can too. */
export interface HardenedApp {
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  exit(code: number): void;
  quit(): void;
  commandLine: { hasSwitch(name: string): boolean };
}

/** Switch names Chromium may have taken from elsewhere than argv (a wrapper, a policy); checked on the parsed line too. */
const REFUSED_SWITCH_NAMES = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'inspect', 'inspect-brk', 'inspect-port', 'js-flags'];

/** Runs before anything else in main: false when the process is on its way out (refused switch, second instance). */
export function hardenStartup(app: HardenedApp, argv: readonly string[], report: (line: string) => void): boolean {
  const parsed = REFUSED_SWITCH_NAMES.find((n) => app.commandLine.hasSwitch(n));
  const refused = refusedSwitch(argv) ?? (parsed ? refusalLine(`--${parsed}`) : null);
  if (refused) {
    report(refused);
    app.exit(2);
    return false;
  }
  // Every renderer (and any future one) runs in Chromium's OS sandbox, whatever its webPreferences say.
  app.enableSandbox();
  // One window, one owner of the recovery copies: a second start hands over to the first and goes.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  return true;
}
