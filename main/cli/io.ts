// Console seam for CLI commands: commands write through this so tests capture output without spawning.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, UserFacingError, type ExitCode } from '../../shared/errors.js';

export { EXIT } from '../../shared/errors.js';
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

/** A CLI-level mistake in the input (a missing folder, an --out that exists): exit 1 unless told otherwise. */
export class UserError extends UserFacingError {
  constructor(message: string, exitCode: ExitCode = EXIT.badInput) {
    super(message, exitCode);
  }
}

/** The command line itself is wrong (unknown command or option, missing argument): exit 2. */
export class UsageError extends UserFacingError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Strict argument parsing for one command; a mistake becomes a usage error (exit 2) naming the usage line. */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (${usage})`);
  }
}
