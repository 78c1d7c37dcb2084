// Reads marking profiles (assets/markings/*.yaml, a library's markings/ folder) with line-numbered problems.
import path from 'node:path';
import { MarkingProfileFile, checkProfile, type MarkingProfile } from '../../../shared/markings/profile.js';
import type { Problem } from '../../../shared/model/library.js';
import type { ParseCache } from './cache.js';
import { fileSignature, libraryRoot, listFiles, readText, type LibraryRoot } from './files.js';
import { describeLibraryIssue } from './messages.js';
import { yamlErrorMessage } from './parse-files.js';
import { parseYaml } from './yaml-source.js';

export interface LocatedProfile {
  value: MarkingProfile;
  file: string;
  line: number;
}

/**
 * Every profile file in `dir` (a missing folder is no profiles). A file with any problem gives no profile.
 * With a cache, a file whose content was seen before is not parsed again (its problems, with lines, are kept),
 * and one whose stat signature is unchanged is not even opened or hashed, as the library's own files
 * (read-folder.ts readSource): the app's four profiles were read and hashed on every cold start (~1 ms of a CLI run).
 */
export function readProfiles(dir: string, problems: Problem[], root: LibraryRoot = libraryRoot(path.dirname(dir)), cache?: ParseCache): LocatedProfile[] {
  const out: LocatedProfile[] = [];
  for (const file of listFiles(dir, ['.yaml', '.yml'], problems, root)) {
    const parsed = cache ? cachedProfile(file, root, problems, cache) : readProfileFile(file, root, problems);
    if (!parsed) continue;
    for (const p of parsed.problems) problems.push({ file, ...p, severity: 'error' });
    if (parsed.value) out.push({ value: parsed.value, file, line: 1 });
  }
  return out;
}

/** The file's parse, or undefined (its read problem added) when it cannot be read. */
function readProfileFile(file: string, root: LibraryRoot, problems: Problem[]): ParsedProfile | undefined {
  const read = readText(file, root);
  if ('text' in read) return parseProfile(read.text);
  if ('problem' in read) problems.push(read.problem);
  return undefined;
}

function cachedProfile(file: string, root: LibraryRoot, problems: Problem[], cache: ParseCache): ParsedProfile | undefined {
  const stat = fileSignature(file, root);
  const signature = stat === undefined ? undefined : `profile\0${stat}`;
  const known = signature === undefined ? undefined : cache.keyOfSignature(signature);
  if (known !== undefined) return cache.get<ParsedProfile>(known);
  const read = readText(file, root);
  if (!('text' in read)) {
    if ('problem' in read) problems.push(read.problem);
    return undefined;
  }
  const key = cache.key('profile', read.text);
  let parsed = cache.get<ParsedProfile>(key);
  if (!parsed) {
    parsed = parseProfile(read.text);
    cache.set(key, parsed);
  }
  if (signature !== undefined) cache.rememberSignature(signature, key);
  return parsed;
}

/** One profile file's parse, without its path (so it can be cached by content). */
interface ParsedProfile {
  value?: MarkingProfile;
  problems: { line: number; message: string }[];
}

function parseProfile(text: string): ParsedProfile {
  const collected: Problem[] = [];
  const value = readProfile('', text, collected);
  return { ...(value ? { value } : {}), problems: collected.map((p) => ({ line: p.line ?? 1, message: p.message })) };
}

function readProfile(file: string, text: string, problems: Problem[]): MarkingProfile | undefined {
  const src = parseYaml(text);
  if (src.errors.length) {
    for (const e of src.errors) problems.push({ file, line: e.line, message: yamlErrorMessage(e), severity: 'error' });
    return undefined;
  }
  const parsed = MarkingProfileFile.safeParse(src.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, line: src.lineAt(issue.path as PropertyKey[]), message: `marking profile: ${describeLibraryIssue(issue, src.value)}`, severity: 'error' });
    }
    return undefined;
  }
  const issues = checkProfile(parsed.data);
  for (const issue of issues) problems.push({ file, line: src.lineAt(issue.path), message: `marking profile "${parsed.data.id}": ${issue.message}`, severity: 'error' });
  if (issues.length) return undefined;
  return parsed.data;
}
