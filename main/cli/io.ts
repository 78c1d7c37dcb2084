// Console seam for CLI commands: commands write through this so tests capture output without spawning.
import { parseArgs, type ParseArgsConfig } from 'node:util';
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

/** Exit codes of the `briefing` command (a contract: see README). */
export const EXIT = { ok: 0, badInput: 1, usage: 2, strictWarnings: 3 } as const;

/** An expected failure with a one-line message for the user; never printed with a stack. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Strict argument parsing for one command; a mistake becomes a usage error (exit 2) naming the usage line. */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UserError(`${(err as Error).message.split('\n')[0]} (${usage})`, EXIT.usage);
  }
}
