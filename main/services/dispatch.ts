// The one IPC wrapper: checks the sender, validates arguments against the channel table, calls the handler.
// Used by the Electron shell (main/electron/ipc.ts) and by the e2e harness, so both enforce the same rules.
import { CHANNELS, type Handlers } from '../../shared/ipc/channels.js';
import type { Envelope, MethodName } from '../../shared/ipc/names.js';
import { hideAbsolutePaths } from '../../shared/display-path.js';
import { UserFacingError } from '../../shared/errors.js';
import { describeIssues, type IssueWording } from '../../shared/model/zod-issues.js';
import { createLogger } from './log.js';

const log = createLogger('ipc');

/** Arguments arrive as a list: `[0]` is the first; one problem is enough for a caller's bug. */
const ARGUMENT_WORDING: IssueWording & { max: number } = { objectWord: 'object', root: 'the argument list', max: 1 };

export interface CallOrigin {
  trusted: boolean;
  /** For the log when a call is refused. */
  describe: string;
}

/**
 * Errors a user can act on keep their message; anything unexpected is logged (in full) and reported generically.
 * Services name files by their display name; as a last safety net no absolute path reaches the window.
 */
function errorMessage(err: unknown): string {
  if (err instanceof UserFacingError) return hideAbsolutePaths(err.message);
  log.error(err);
  return hideAbsolutePaths(`Something went wrong: ${err instanceof Error ? err.message : String(err)}`);
}

export async function dispatch(
  handlers: Handlers,
  method: MethodName,
  args: unknown[],
  origin: CallOrigin,
): Promise<Envelope<unknown>> {
  if (!origin.trusted) {
    log.warn(`refused ${method} from ${origin.describe}`);
    return { ok: false, error: { message: `refused: ${method} may only be called from the app's main window` } };
  }
  const parsed = CHANNELS[method].args.safeParse(args);
  if (!parsed.success) {
    return { ok: false, error: { message: `invalid arguments for ${method}: ${describeIssues(parsed.error.issues, args, ARGUMENT_WORDING)}` } };
  }
  try {
    const fn = handlers[method] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await fn(...(parsed.data as unknown[])) };
  } catch (err) {
    return { ok: false, error: { message: errorMessage(err) } };
  }
}
