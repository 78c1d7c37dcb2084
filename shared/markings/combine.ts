// The overall marking of several portions (highest level, controls combined by the profile's rules) and what follows from it.
import { controlOf, lowestMarking, levelIndex, normalise, orderCountries, sameMarking, type AppliedControl, type Marking } from './marking.js';
import type { MarkingProfile } from './profile.js';

/**
 * Combines portion markings into the marking of the whole:
 * - the level is the highest of any portion;
 * - flag controls (NOFORN, ORCON, a CUI category) are the union;
 * - a country-list control with an `intersect` rule keeps only the countries every counted portion (those at or
 *   above the control's minLevel) is releasable to; when a counted portion lacks it, or only the first country is
 *   left, the rule's `whenAbsent` control (NOFORN) stands instead; without such a rule the lists are joined;
 * - finally each `overrides` rule drops what its control overrides (NOFORN drops REL TO), until nothing changes.
 */
export function combine(p: MarkingProfile, portions: readonly Marking[]): Marking {
  if (portions.length === 0) return lowestMarking(p);
  const level = portions.reduce((best, m) => (levelIndex(p, m.level) > levelIndex(p, best) ? m.level : best), portions[0]!.level);
  const out = new Map<string, AppliedControl>();
  for (const m of portions) {
    for (const c of m.controls) {
      const had = out.get(c.id);
      if (!c.countries) out.set(c.id, { id: c.id });
      else out.set(c.id, { id: c.id, countries: [...(had?.countries ?? []), ...c.countries] });
    }
  }
  for (const rule of p.rules) {
    if (!('intersect' in rule)) continue;
    const control = controlOf(p, rule.intersect);
    const from = control.minLevel === undefined ? 0 : levelIndex(p, control.minLevel);
    const counted = portions.filter((m) => levelIndex(p, m.level) >= from);
    const lists = counted.map((m) => m.controls.find((c) => c.id === control.id)?.countries);
    if (lists.length === 0 || lists.every((l) => l === undefined)) {
      out.delete(control.id);
      continue;
    }
    const lacking = lists.some((l) => l === undefined) && rule.whenAbsent !== undefined;
    let kept = (lists.filter(Boolean) as string[][]).reduce((acc, l) => acc.filter((c) => l.includes(c)));
    if (rule.firstCountry !== undefined) kept = kept.filter((c) => c !== rule.firstCountry);
    if (lacking || (kept.length === 0 && rule.whenAbsent !== undefined)) {
      out.delete(control.id);
      out.set(rule.whenAbsent!, { id: rule.whenAbsent! });
    } else {
      out.set(control.id, { id: control.id, countries: orderCountries(p, control.id, kept) });
    }
  }
  for (const [id, c] of out) if (c.countries && !p.rules.some((r) => 'intersect' in r && r.intersect === id)) out.set(id, { id, countries: orderCountries(p, id, c.countries) });
  // The override graph is acyclic (checkProfile), so this settles within as many rounds as there are rules.
  for (let changed = true, rounds = 0; changed && rounds <= p.rules.length; rounds++) {
    changed = false;
    for (const rule of p.rules) {
      if (!('overrides' in rule) || !out.has(rule.overrides)) continue;
      for (const d of rule.drops) if (out.delete(d)) changed = true;
    }
  }
  return normalise(p, { level, controls: [...out.values()] });
}

/**
 * Whether a portion may hold what is marked `inner` (a fact it cites): it may when adding `inner` leaves the
 * portion's marking unchanged — a higher level, a control the portion lacks, or a narrower REL TO all change it.
 */
export function covers(p: MarkingProfile, portion: Marking, inner: Marking): boolean {
  return sameMarking(combine(p, [portion, inner]), combine(p, [portion]));
}

export interface ReleaseTarget {
  /** The highest level the copy may hold. */
  level: string;
  /** Country codes every portion of the copy must be releasable to. */
  relTo?: string[];
}

/**
 * Whether a portion marked `m` belongs in a copy released at `target`: its level is at or below the target's, and for
 * a release to countries, every portion that a country-list control could cover (at or above its minLevel) names them all.
 */
export function releasable(p: MarkingProfile, m: Marking, target: ReleaseTarget): boolean {
  if (levelIndex(p, m.level) > levelIndex(p, target.level)) return false;
  if (!target.relTo?.length) return true;
  const rel = p.controls.find((c) => c.countries);
  if (!rel) return true;
  const from = rel.minLevel === undefined ? 0 : levelIndex(p, rel.minLevel);
  if (levelIndex(p, m.level) < from) return true;
  const first = p.rules.find((r) => 'intersect' in r && r.intersect === rel.id);
  const head = first && 'firstCountry' in first ? first.firstCountry : undefined;
  const list = m.controls.find((c) => c.id === rel.id)?.countries;
  return !!list && target.relTo.every((c) => c === head || list.includes(c));
}
