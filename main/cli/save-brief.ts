// Saving a brief from the command line: a file-system failure is said about the brief as typed, in the words of a write.
import type { Brief } from '../../shared/model/brief.js';
import { UserFacingError } from '../../shared/errors.js';
import { saveBriefFile, type SaveOptions } from '../services/documents/brief-file.js';
import { describeFileError, errnoCode } from '../services/errno.js';
import { UserError } from './io.js';

/**
 * The atomic writer fails in `open` of its temp file, which the generic report would word as a read; every
 * call inside a save is part of writing the brief, so the words are a write's (a missing folder, not a missing file).
 */
export async function saveBriefFromCli(label: string, file: string, brief: Brief, options: SaveOptions = {}): Promise<void> {
  try {
    await saveBriefFile(file, brief, options);
  } catch (e) {
    if (e instanceof UserFacingError || !errnoCode(e)) throw e;
    const { reason, fix } = describeFileError(e, 'write');
    throw new UserError(`${label}: was not written: ${reason} — ${fix}`);
  }
}
