// Reads marking profiles (assets/markings/*.yaml, a library's markings/ folder) with line-numbered problems.
import path from 'node:path';
import { MarkingProfileFile, checkProfile, type MarkingProfile } from '../../../shared/markings/profile.js';
import type { Problem } from '../../../shared/model/library.js';
import { libraryRoot, listFiles, readText, type LibraryRoot } from './files.js';
import { describeLibraryIssue } from './messages.js';
import { yamlErrorMessage } from './parse-files.js';
import { parseYaml } from './yaml-source.js';

export interface LocatedProfile {
  value: MarkingProfile;
  file: string;
  line: number;
}

/** Every profile file in `dir` (a missing folder is no profiles). A file with any problem gives no profile. */
export function readProfiles(dir: string, problems: Problem[], root: LibraryRoot = libraryRoot(path.dirname(dir))): LocatedProfile[] {
  const out: LocatedProfile[] = [];
  for (const file of listFiles(dir, ['.yaml', '.yml'], problems, root)) {
    const profile = readProfile(file, root, problems);
    if (profile) out.push(profile);
  }
  return out;
}

function readProfile(file: string, root: LibraryRoot, problems: Problem[]): LocatedProfile | undefined {
  const read = readText(file, root);
  if (!('text' in read)) {
    if ('problem' in read) problems.push(read.problem);
    return undefined;
  }
  const src = parseYaml(read.text);
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
  return { value: parsed.data, file, line: 1 };
}
