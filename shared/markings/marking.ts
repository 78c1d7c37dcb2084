// One marking (a level plus its controls) within a profile: read from text, written as portion and banner text.
import type { MarkingControl, MarkingLevel, MarkingProfile } from './profile.js';

export interface AppliedControl {
  id: string;
  /** Country codes of a country-list control (REL TO), in print order. */
  countries?: string[];
}

export interface Marking {
  level: string;
  /** In the profile's order (groups, then the order controls are listed in), each once. */
  controls: AppliedControl[];
}

export type ParsedMarking = { ok: true; marking: Marking } | { ok: false; message: string };

const COUNTRY = /^[A-Z]{3,4}$/;

export function levelIndex(p: MarkingProfile, id: string): number {
  return p.levels.findIndex((l) => l.id === id);
}

export function levelOf(p: MarkingProfile, id: string): MarkingLevel {
  return p.levels[Math.max(0, levelIndex(p, id))]!;
}

export function lowestMarking(p: MarkingProfile): Marking {
  return { level: p.levels[0]!.id, controls: [] };
}

function findLevel(p: MarkingProfile, text: string): MarkingLevel | undefined {
  const t = text.trim().toUpperCase();
  return p.levels.find((l) => l.id === t || l.portion === t || l.banner.toUpperCase() === t);
}

function findControl(p: MarkingProfile, text: string): { control: MarkingControl; countries?: string[] } | undefined {
  const t = text.trim().toUpperCase().replace(/\s+/g, ' ');
  for (const c of p.controls) {
    const names = [c.id, c.portion, c.banner.toUpperCase()];
    if (!c.countries) {
      if (names.includes(t)) return { control: c };
      continue;
    }
    const name = names.find((n) => t === n || t.startsWith(`${n} `));
    if (name === undefined) continue;
    const countries = t.slice(name.length).split(/[\s,]+/).filter(Boolean);
    return { control: c, countries };
  }
  return undefined;
}

/**
 * Reads a marking as a brief, a fact or `--section id:MARKING` writes it: the portion text without parentheses
 * ("S//REL TO USA, GBR", "CUI//SP-EXPT", "OS//COMMERCIAL"). Level and controls may also be given by id or banner
 * text. Messages say what is wrong and what the profile offers instead.
 */
export function parseMarking(p: MarkingProfile, text: string): ParsedMarking {
  const raw = text.trim().replace(/^\((.*)\)$/s, '$1').trim();
  if (!raw) return { ok: false, message: 'the marking is empty' };
  const [levelText, ...rest] = raw.split(p.separator);
  const level = findLevel(p, levelText!);
  if (!level) {
    return { ok: false, message: `"${levelText!.trim()}" is not a level of the ${p.name} profile (it has ${p.levels.map((l) => l.portion).join(', ')})` };
  }
  const seen = new Map<string, AppliedControl>();
  for (const part of rest.flatMap((g) => g.split('/'))) {
    if (!part.trim()) continue;
    const found = findControl(p, part);
    if (!found) {
      const offered = p.controls.map((c) => c.portion).join(', ');
      return { ok: false, message: `"${part.trim()}" is not a control of the ${p.name} profile${offered ? ` (it has ${offered})` : ' (it has none)'}` };
    }
    const { control, countries } = found;
    if (seen.has(control.id)) return { ok: false, message: `${control.portion} is given twice` };
    if (control.minLevel !== undefined && levelIndex(p, level.id) < levelIndex(p, control.minLevel)) {
      return { ok: false, message: `${control.portion} cannot be used at ${level.portion}; it needs ${levelOf(p, control.minLevel).portion} or higher` };
    }
    if (countries) {
      if (countries.length === 0) return { ok: false, message: `${control.portion} needs a list of country codes, e.g. "${control.portion} USA, GBR"` };
      const bad = countries.find((c) => !COUNTRY.test(c));
      if (bad) return { ok: false, message: `"${bad}" in ${control.portion} is not a country code (three or four capital letters, e.g. GBR)` };
    }
    seen.set(control.id, countries ? { id: control.id, countries: orderCountries(p, control.id, countries) } : { id: control.id });
  }
  for (const rule of p.rules) {
    if (!('exclusive' in rule)) continue;
    const both = rule.exclusive.filter((id) => seen.has(id));
    if (both.length > 1) return { ok: false, message: `${both.map((id) => controlOf(p, id).portion).join(' and ')} cannot stand together in one portion` };
  }
  return { ok: true, marking: normalise(p, { level: level.id, controls: [...seen.values()] }) };
}

export function controlOf(p: MarkingProfile, id: string): MarkingControl {
  return p.controls.find((c) => c.id === id)!;
}

/** Countries once each, the rule's first country first and the rest in alphabetical order. */
export function orderCountries(p: MarkingProfile, controlId: string, countries: Iterable<string>): string[] {
  const first = p.rules.find((r) => 'intersect' in r && r.intersect === controlId);
  const head = first && 'firstCountry' in first ? first.firstCountry : undefined;
  const set = new Set(countries);
  if (head) set.add(head);
  return [...set].sort((a, b) => (a === head ? -1 : b === head ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/** Controls in profile order (by group, then as listed). */
export function normalise(p: MarkingProfile, m: Marking): Marking {
  const rank = (id: string) => {
    const i = p.controls.findIndex((c) => c.id === id);
    return p.groups.indexOf(p.controls[i]!.group) * 1000 + i;
  };
  return { level: m.level, controls: [...m.controls].sort((a, b) => rank(a.id) - rank(b.id)) };
}

function write(p: MarkingProfile, m: Marking, side: 'portion' | 'banner'): string {
  const level = levelOf(p, m.level);
  const parts = [level[side]];
  for (const g of p.groups) {
    const inGroup = m.controls.filter((c) => controlOf(p, c.id).group === g);
    if (inGroup.length === 0) continue;
    parts.push(inGroup.map((c) => `${controlOf(p, c.id)[side]}${c.countries ? ` ${c.countries.join(', ')}` : ''}`).join('/'));
  }
  return parts.join(side === 'banner' ? (p.bannerSeparator ?? p.separator) : p.separator);
}

/** "S//REL TO USA, GBR": the portion text without parentheses (also the canonical text a brief stores). */
export function portionText(p: MarkingProfile, m: Marking): string {
  return write(p, m, 'portion');
}

/** "SECRET//REL TO USA, GBR". */
export function bannerText(p: MarkingProfile, m: Marking): string {
  return write(p, m, 'banner');
}

/** Text of the overall marking's controls in one group, for a `{group}` slot of the block ("NOFORN, ORCON"). */
export function groupText(p: MarkingProfile, m: Marking, group: string): string {
  return m.controls
    .filter((c) => controlOf(p, c.id).group === group)
    .map((c) => `${controlOf(p, c.id).banner}${c.countries ? ` ${c.countries.join(', ')}` : ''}`)
    .join(', ');
}

export function sameMarking(a: Marking, b: Marking): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
