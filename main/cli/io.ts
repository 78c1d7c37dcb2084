// Console seam for CLI commands: commands write through this so tests capture output without spawning; errors become one line.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, UserFacingError } from '../../shared/errors.js';
import { describeFileError, errnoCode } from '../services/errno.js';

export { EXIT } from '../../shared/errors.js';
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Streams whose reader has gone away (`briefing list facts --json | head -1`): what is left to say is dropped. */
const closedStreams = new WeakSet<NodeJS.WritableStream>();

function writeLine(stream: NodeJS.WriteStream, text: string): void {
  if (closedStreams.has(stream)) return;
  stream.write(text.endsWith('\n') ? text : text + '\n');
}

export const processIO: CliIO = {
  stdout: (text) => writeLine(process.stdout, text),
  stderr: (text) => writeLine(process.stderr, text),
};

/**
 * A reader that stops early (`| head`) closes the pipe, and the next write fails with EPIPE, which Node raises as
 * an 'error' event that would end the process with a stack trace. Stopping early is the reader's right: later
 * output is dropped and the command ends with its own exit code. Any other failure to write is said in one line.
 */
export function endQuietlyWhenOutputCloses(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: unknown) => {
    closedStreams.add(stream);
    if (errnoCode(err) === 'EPIPE') return;
    if (stream !== process.stderr) writeLine(process.stderr, `briefing: cannot write the output (${describeFileError(err, 'write').reason})`);
    process.exitCode = EXIT.badInput;
  });
}

/** A CLI-level mistake in the input (a missing folder, an --out that exists): exit 1. */
export class UserError extends UserFacingError {}

/** The command line itself is wrong (unknown command or option, missing argument): exit 2, with the usage text after the line. */
export class UsageError extends UserFacingError {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
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

/** System calls whose failure means a file could not be written (an ENOENT there is a missing folder). */
const WRITING_CALLS = new Set(['write', 'rename', 'mkdir', 'copyfile', 'unlink', 'rmdir', 'fsync', 'symlink', 'link']);

/** A path as the user would have typed it: relative to the working folder when it is inside it. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** One line, no stack trace: `briefing: FILE: what is wrong — the fix`, and the exit code that goes with it. */
export function reportError(err: unknown, io: CliIO): number {
  if (err instanceof UserFacingError) {
    io.stderr(`briefing: ${err.message}`);
    if (err instanceof UsageError && err.usage) io.stderr(err.usage);
    return err.exitCode;
  }
  if (errnoCode(err)) {
    const { path: file, syscall } = err as NodeJS.ErrnoException;
    const { reason, fix } = describeFileError(err, syscall && WRITING_CALLS.has(syscall) ? 'write' : 'read');
    io.stderr(`briefing: ${file ? `${shownPath(file)}: ` : ''}${reason} — ${fix}`);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`briefing: ${message.split('\n')[0]}`);
  }
  if (process.env.BRIEFING_DEBUG === '1' && err instanceof Error) io.stderr(err.stack ?? '');
  return EXIT.badInput;
}

/** Runs a command body, turning every failure into one line on stderr and an exit code. */
export async function guarded(io: CliIO, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    return reportError(err, io);
  }
}
