// The error for a .brief file that cannot be used, and the fixes its messages end with.
import { UserFacingError } from '../errors.js';

/** Something wrong with a brief file, said for a person: `FILE: reason` (never a stack trace). */
export class BriefFormatError extends UserFacingError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** The end of a message about a file this version must not touch (newer, or not upgradable). */
export const UPDATE_FIX = 'the file was not changed';
/** The end of a message about a damaged file. */
export const RESTORE_FIX = 'fix it in a text editor, or use the .bak copy beside it if there is one';
/** The end of a message about a file that is not a brief at all. */
export const OPEN_A_BRIEF_FIX = 'open a .brief saved by Briefing Builder';
