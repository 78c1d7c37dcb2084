// The one user-facing error model: every failure a person can act on extends UserFacingError (CLI and IPC test instanceof only).

/** Exit codes of the `briefing` command (a contract: see README). */
export const EXIT = { ok: 0, badInput: 1, usage: 2, strictWarnings: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An expected failure whose message is written for the user (one line, says what is wrong and, where known, the
 * fix). The CLI prints it without a stack and exits with `exitCode`; dispatch passes it to the window as it is.
 * Anything that is not a UserFacingError is a bug: logged, and reported as "Something went wrong".
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.badInput,
    options?: ErrorOptions,
  ) {
    super(message, options);
    // The subclass's own name, so logs and tests tell the kinds apart (never used to decide anything).
    this.name = new.target.name;
  }
}

/**
 * A request the app cannot carry out for a reason the user can act on, raised where no domain error fits
 * (a team library that is no longer mounted, a dialog this window does not have).
 */
export class ActionRefusedError extends UserFacingError {}

/**
 * A refusal about a document's content raised where its file is not known (the PDF engine's page limit): the
 * caller that knows the file puts its name in front (the CLI); the app shows it about the open brief.
 */
export class DocumentRefusedError extends UserFacingError {}
