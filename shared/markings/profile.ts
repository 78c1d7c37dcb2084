// Marking profiles as data: the schema of assets/markings/*.yaml (and a team library's markings/), and its checks.
import { z } from 'zod';

const Name = z.string().min(1).max(80);
const Code = z.string().regex(/^[A-Z0-9][A-Z0-9 .-]*$/, 'codes are capital letters, digits, spaces, dots and hyphens (e.g. "NF", "REL TO")').max(40);

export const MarkingLevel = z.object({
  /** What a brief may write for the level (besides its portion and banner text), e.g. 'S'. */
  id: Code,
  /** Text of the level in banners, e.g. 'SECRET'. */
  banner: Name,
  /** Text of the level in portion marks, e.g. 'S' (printed as "(S)"). */
  portion: Code,
});
export type MarkingLevel = z.infer<typeof MarkingLevel>;

export const MarkingControl = z.object({
  id: Code,
  banner: Name,
  portion: Code,
  /** Controls of one group are joined by "/" and groups follow the order of `groups`. */
  group: z.string().min(1).max(40),
  /** Lowest level the control may be used with (e.g. NOFORN only on classified portions). */
  minLevel: Code.optional(),
  /** The control takes a list of country codes: "REL TO USA, GBR". */
  countries: z.boolean().default(false),
});
export type MarkingControl = z.infer<typeof MarkingControl>;

/** How portions combine into the overall marking, beyond "highest level, every control". */
export const MarkingRule = z.union([
  z
    .object({
      /** When this control is in the overall marking ... */
      overrides: Code,
      /** ... these are dropped from it (NOFORN drops REL TO). */
      drops: z.array(Code).min(1),
    })
    .strict(),
  z
    .object({
      /** A country-list control whose lists intersect across the portions at or above its minLevel. */
      intersect: Code,
      /** Always first in the list and never dropped by the intersection (USA in REL TO USA, GBR). */
      firstCountry: z.string().regex(/^[A-Z]{3,4}$/).optional(),
      /** When a counted portion lacks the control, or no country other than firstCountry is left: this control instead. */
      whenAbsent: Code.optional(),
    })
    .strict(),
  z
    .object({
      /** Controls that may not stand together in one portion (NOFORN with REL TO). */
      exclusive: z.array(Code).min(2),
    })
    .strict(),
]);
export type MarkingRule = z.infer<typeof MarkingRule>;

export const BlockField = z.object({
  /** Name used in `{name}` slots, `--field NAME=VALUE` and the brief's `meta.markingFields`. */
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'field names are letters and digits, starting with a letter'),
  label: Name,
  /** What to write, in words, shown under the field and in the message when the format check fails. */
  hint: z.string().min(1).max(200),
  /** Format check (a JavaScript regular expression the whole value must match). */
  pattern: z.string().min(1).max(200).optional(),
  required: z.boolean().default(true),
});
export type BlockField = z.infer<typeof BlockField>;

export const MarkingBlock = z.object({
  /** Printed on page 1 (and its fields required) when the overall level is at least this. */
  from: Code,
  /** Lines with `{field}` slots, or `{group}` slots that print the overall marking's controls of that group. */
  lines: z.array(z.string().min(1).max(200)).min(1),
  fields: z.array(BlockField).default([]),
});
export type MarkingBlock = z.infer<typeof MarkingBlock>;

export const MarkingProfileFile = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'profile ids are lowercase letters, digits and hyphens'),
    name: Name,
    /** `required`: every portion opens with its mark and an unmarked one blocks export; `none`: no portion marks. */
    portionMarks: z.enum(['required', 'none']),
    /** Between the level and each group of controls, in portion marks and in the brief's marking text. */
    separator: z.string().min(1).max(4).default('//'),
    /** Between them in the banner, when it differs (UK: a space). */
    bannerSeparator: z.string().min(1).max(4).optional(),
    /** Lowest first: the overall level is the highest level of any portion. */
    levels: z.array(MarkingLevel).min(1),
    groups: z.array(z.string().min(1).max(40)).default([]),
    controls: z.array(MarkingControl).default([]),
    rules: z.array(MarkingRule).default([]),
    block: MarkingBlock.optional(),
    /** Shown to the user where the profile is chosen (what it is for, where it comes from). */
    note: z.string().max(400).optional(),
  })
  .strict();
export type MarkingProfile = z.infer<typeof MarkingProfileFile>;

/** A problem in a profile file, by path inside the parsed YAML (the loader turns it into a line). */
export interface ProfileIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Checks the schema cannot express: duplicate levels and controls, references to unknown levels, controls and
 * groups, a cycle in the override rules, slots that name no field or group, and patterns that do not compile.
 */
export function checkProfile(p: MarkingProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const levelCodes = new Set<string>();
  p.levels.forEach((l, i) => {
    for (const [key, code] of [['id', l.id], ['portion', l.portion], ['banner', l.banner.toUpperCase()]] as const) {
      if (levelCodes.has(code) && (key !== 'banner' || code !== l.id)) issues.push({ path: ['levels', i, key], message: `level "${code}" is listed twice — each level needs its own id, portion and banner text` });
    }
    levelCodes.add(l.id).add(l.portion).add(l.banner.toUpperCase());
  });
  const levelIds = new Set(p.levels.map((l) => l.id));
  const controlIds = new Set<string>();
  const groups = new Set(p.groups);
  p.controls.forEach((c, i) => {
    if (controlIds.has(c.id)) issues.push({ path: ['controls', i, 'id'], message: `control "${c.id}" is listed twice — remove one` });
    controlIds.add(c.id);
    if (c.minLevel !== undefined && !levelIds.has(c.minLevel)) issues.push({ path: ['controls', i, 'minLevel'], message: `control "${c.id}" names level "${c.minLevel}", which is not among the profile's levels` });
    if (!groups.has(c.group)) issues.push({ path: ['controls', i, 'group'], message: `control "${c.id}" is in group "${c.group}", which is not listed under groups — add it there` });
  });
  const known = (code: string) => controlIds.has(code);
  const unknown = (code: string) => `unknown control "${code}" — list it under controls first`;
  const edges = new Map<string, string[]>();
  p.rules.forEach((r, i) => {
    if ('overrides' in r) {
      if (!known(r.overrides)) issues.push({ path: ['rules', i, 'overrides'], message: unknown(r.overrides) });
      r.drops.forEach((d, j) => !known(d) && issues.push({ path: ['rules', i, 'drops', j], message: unknown(d) }));
      edges.set(r.overrides, [...(edges.get(r.overrides) ?? []), ...r.drops]);
    } else if ('intersect' in r) {
      const c = p.controls.find((x) => x.id === r.intersect);
      if (!c) issues.push({ path: ['rules', i, 'intersect'], message: unknown(r.intersect) });
      else if (!c.countries) issues.push({ path: ['rules', i, 'intersect'], message: `control "${c.id}" takes no country list, so its lists cannot intersect — set countries: true on it` });
      if (r.whenAbsent !== undefined && !known(r.whenAbsent)) issues.push({ path: ['rules', i, 'whenAbsent'], message: unknown(r.whenAbsent) });
    } else {
      r.exclusive.forEach((d, j) => !known(d) && issues.push({ path: ['rules', i, 'exclusive', j], message: unknown(d) }));
    }
  });
  const cycle = findCycle(edges);
  if (cycle) {
    const i = p.rules.findIndex((r) => 'overrides' in r && r.overrides === cycle[0]);
    issues.push({ path: ['rules', i], message: `the override rules go round in a cycle (${cycle.join(' → ')}), so no marking could be computed — remove one of them` });
  }
  if (p.block) {
    if (!levelIds.has(p.block.from)) issues.push({ path: ['block', 'from'], message: `the block starts at level "${p.block.from}", which is not among the profile's levels` });
    const fieldNames = new Set<string>();
    p.block.fields.forEach((f, i) => {
      if (fieldNames.has(f.name)) issues.push({ path: ['block', 'fields', i, 'name'], message: `field "${f.name}" is listed twice — remove one` });
      fieldNames.add(f.name);
      if (f.pattern !== undefined) {
        try {
          new RegExp(f.pattern, 'u');
        } catch {
          issues.push({ path: ['block', 'fields', i, 'pattern'], message: `the pattern of field "${f.name}" is not a valid regular expression` });
        }
      }
    });
    p.block.lines.forEach((line, i) => {
      for (const [, slot] of line.matchAll(/\{([^{}]*)\}/g)) {
        if (!fieldNames.has(slot!) && !groups.has(slot!)) {
          issues.push({ path: ['block', 'lines', i], message: `the slot {${slot}} names no field and no group — add a field named "${slot}" or fix the name` });
        }
      }
    });
  }
  return issues;
}

/** A cycle in a directed graph (as node names, first repeated at the end), or undefined. */
function findCycle(edges: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of edges.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

/** The profile a brief without one uses: no banner, no portion marks. */
export const NO_MARKING_PROFILE: MarkingProfile = {
  id: 'none',
  name: 'No marking',
  portionMarks: 'none',
  separator: '//',
  levels: [{ id: 'NONE', banner: '', portion: 'NONE' }],
  groups: [],
  controls: [],
  rules: [],
};
