// A releasable copy's target as a user gives it (--release LEVEL --rel-to CC, or the app's dialog), checked against a profile.
import type { ReleaseTarget } from './combine.js';
import type { MarkingProfile } from './profile.js';

export type ParsedRelease = { ok: true; target: ReleaseTarget } | { ok: false; message: string };

/** LEVEL by id, portion or banner text ("S", "SECRET"); countries as codes ("GBR", "GBR,AUS"). */
export function parseRelease(p: MarkingProfile, level: string, relTo: readonly string[] = []): ParsedRelease {
  const t = level.trim().toUpperCase();
  const found = p.levels.find((l) => l.id === t || l.portion === t || l.banner.toUpperCase() === t);
  if (!found) return { ok: false, message: `"${level}" is not a level of the ${p.name} profile — use one of ${p.levels.map((l) => l.portion).join(', ')}` };
  const countries = relTo.flatMap((c) => c.split(/[\s,]+/)).filter(Boolean).map((c) => c.toUpperCase());
  const bad = countries.find((c) => !/^[A-Z]{3,4}$/.test(c));
  if (bad) return { ok: false, message: `"${bad}" is not a country code — use three or four capital letters, e.g. GBR` };
  if (countries.length && !p.controls.some((c) => c.countries)) return { ok: false, message: `the ${p.name} profile has no release-to-country control, so a copy cannot be released to ${countries.join(', ')}` };
  return { ok: true, target: countries.length ? { level: found.id, relTo: [...new Set(countries)] } : { level: found.id } };
}
