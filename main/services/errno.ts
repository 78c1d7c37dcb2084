// The one table of file-system error codes in plain words: why an operation on a file failed and what the user can do.

/** Reading a file or folder, or writing one (a missing parent folder means something else when writing). */
export type FileOperation = 'read' | 'write';

export interface FileErrorWords {
  /** The errno code, e.g. 'EACCES' (undefined for an error that carries none). */
  code: string | undefined;
  /** A short phrase: "permission denied", "the disk is full". */
  reason: string;
  /** What to do about it: "check its permissions". */
  fix: string;
}

type Words = Omit<FileErrorWords, 'code'>;

const PERMISSION: Words = { reason: 'permission denied', fix: 'check its permissions' };
const NO_SPACE: Words = { reason: 'the disk is full', fix: 'free some space, or save it on another disk' };

const TABLE: Readonly<Record<string, Words>> = {
  ENOENT: { reason: 'it is gone or a broken link', fix: 'check the name and folder; it may have been moved or deleted' },
  ENOTDIR: { reason: 'a part of its path is not a folder', fix: 'check the folder names in its path' },
  EACCES: PERMISSION,
  EPERM: PERMISSION,
  EISDIR: { reason: 'it is a folder', fix: 'choose a file' },
  ENAMETOOLONG: { reason: 'its path is too long', fix: 'move it to a folder with a shorter path' },
  ELOOP: { reason: 'it is a symbolic link that points to itself', fix: 'fix or remove the link' },
  EROFS: { reason: 'the disk is read-only', fix: 'save it on another disk' },
  ENOSPC: NO_SPACE,
  EDQUOT: { reason: 'your disk quota is used up', fix: 'free some space, or ask your administrator for more' },
  EBUSY: { reason: 'another program is using it', fix: 'close it there and try again' },
  EMFILE: { reason: 'too many files are open', fix: 'close some programs and try again' },
  ENFILE: { reason: 'too many files are open', fix: 'close some programs and try again' },
  EIO: { reason: 'the disk reported an input/output error', fix: 'check the disk, and copy the file elsewhere if you can' },
};

/** A write creates a new file in the folder (the atomic writer's temp file), so a refusal is the folder's. */
const FOLDER_PERMISSION: Words = { reason: 'its folder cannot be written to (permission denied)', fix: "check the folder's permissions, or choose another folder" };

/** What a failed write means when the code says the path is not there: its folder went away. */
const WRITE_OVERRIDES: Readonly<Record<string, Words>> = {
  ENOENT: { reason: 'its folder no longer exists', fix: 'choose another folder' },
  EACCES: FOLDER_PERMISSION,
  EPERM: FOLDER_PERMISSION,
};

/** The errno code of a Node file-system error, if `err` is one. */
export function errnoCode(err: unknown): string | undefined {
  const code = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Plain words for an errno code. An unknown code is given as it is (for support). */
export function describeErrnoCode(code: string | undefined, operation: FileOperation = 'read'): FileErrorWords {
  const words = (operation === 'write' ? WRITE_OVERRIDES[code ?? ''] : undefined) ?? TABLE[code ?? ''];
  if (words) return { code, ...words };
  return {
    code,
    reason: code ?? 'unknown error',
    fix: operation === 'write' ? 'try again, or save it somewhere else' : 'check that it is a readable file',
  };
}

/** Plain words for a failed file operation. Node's own message is never used: it carries the absolute path. */
export function describeFileError(err: unknown, operation: FileOperation = 'read'): FileErrorWords {
  return describeErrnoCode(errnoCode(err), operation);
}
