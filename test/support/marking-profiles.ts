// Test support: the app's marking profiles (assets/markings) read by the real loader, for libraries built in tests.
import path from 'node:path';
import type { MarkingProfile } from '../../shared/markings/profile.js';
import type { Library, Problem } from '../../shared/model/library.js';
import { readProfiles } from '../../main/services/library/read-profiles.js';

const DIR = path.resolve(import.meta.dirname, '../../assets/markings');

export function bundledProfiles(): Map<string, MarkingProfile> {
  const problems: Problem[] = [];
  const profiles = readProfiles(DIR, problems);
  if (problems.length) throw new Error(`bundled marking profiles have problems: ${problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`);
  return new Map(profiles.map((p) => [p.value.id, p.value]));
}

/** The library with the app's profiles added (what the loader does for every mounted library). */
export function withProfiles<L extends Library>(library: L): L {
  for (const [id, p] of bundledProfiles()) library.markingProfiles.set(id, p);
  return library;
}
