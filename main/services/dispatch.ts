// The one IPC wrapper: checks the sender, validates arguments against the channel table, calls the handler.
// Used by the Electron shell (main/electron/ipc.ts) and by the e2e harness, so both enforce the same rules.
import { CHANNELS, type Handlers } from '../../shared/ipc/channels.js';
import type { Envelope, MethodName } from '../../shared/ipc/names.js';
import { UserFacingError } from '../../shared/errors.js';
import { createLogger } from './log.js';

const log = createLogger('ipc');

export interface CallOrigin {
  trusted: boolean;
  /** For the log when a call is refused. */
  describe: string;
}

/** Errors a user can act on keep their message; anything unexpected is logged and reported generically. */
function errorMessage(err: unknown): string {
  if (err instanceof UserFacingError) return err.message;
  log.error(err);
  return `Something went wrong: ${err instanceof Error ? err.message : String(err)}`;
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
    const issue = parsed.error.issues[0];
    return { ok: false, error: { message: `invalid arguments for ${method}: ${issue?.path.join('.') || '(arguments)'} ${issue?.message ?? ''}`.trim() } };
  }
  try {
    const fn = handlers[method] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await fn(...(parsed.data as unknown[])) };
  } catch (err) {
    return { ok: false, error: { message: errorMessage(err) } };
  }
}
