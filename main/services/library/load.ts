// Entry point of the library loader: one folder in, a Library plus every problem found in it out.
import { loadLibraries, type LoadOptions, type LoadResult, type MountKind } from './mount.js';

/**
 * Loads and validates one library folder. Whatever is valid is loaded even when other items are not,
 * so the app keeps working; `problems` (absolute file paths, 1-based lines) says what to fix.
 */
export async function loadLibrary(dir: string, kind: MountKind = 'bundled', options: LoadOptions = {}): Promise<LoadResult> {
  return loadLibraries([{ dir, kind, readOnly: true }], options);
}
