// Marking profiles as data (US classified, US CUI, UK, none) and the rule for the overall marking.

export interface MarkingLevel {
  /** What a section's `marking` field says, e.g. 'U', 'S', 'CUI'. */
  id: string;
  banner: string;
  portion: string;
}

export interface MarkingProfile {
  id: string;
  name: string;
  /** Ordered from lowest to highest; the overall marking is the highest level used. */
  levels: MarkingLevel[];
  /** Level of a portion that says nothing (a warning is raised when portions are required). */
  defaultLevel: string;
  /** Every portion (headings, paragraphs, list items) starts with its portion mark. */
  portionMarks: boolean;
  /** Lines printed as a block on the first page (authority / designation indicator). */
  firstPageBlock: string[];
}

export const MARKING_PROFILES: readonly MarkingProfile[] = [
  { id: 'none', name: 'No marking', levels: [{ id: 'none', banner: '', portion: '' }], defaultLevel: 'none', portionMarks: false, firstPageBlock: [] },
  {
    id: 'us-classified',
    name: 'US classification (portion marked)',
    levels: [
      { id: 'U', banner: 'UNCLASSIFIED', portion: '(U)' },
      { id: 'C', banner: 'CONFIDENTIAL', portion: '(C)' },
      { id: 'S', banner: 'SECRET', portion: '(S)' },
      { id: 'S//NF', banner: 'SECRET//NOFORN', portion: '(S//NF)' },
      { id: 'TS', banner: 'TOP SECRET', portion: '(TS)' },
    ],
    defaultLevel: 'U',
    portionMarks: true,
    firstPageBlock: ['Classified By: {author}', 'Derived From: Multiple Sources', 'Declassify On: {declassify}'],
  },
  {
    id: 'us-cui',
    name: 'US Controlled Unclassified Information',
    levels: [
      { id: 'U', banner: 'UNCLASSIFIED', portion: '(U)' },
      { id: 'CUI', banner: 'CUI', portion: '(CUI)' },
    ],
    defaultLevel: 'U',
    portionMarks: true,
    firstPageBlock: ['Controlled by: {office}', 'CUI Category: {category}', 'Dissemination: {dissemination}', 'POC: {poc}'],
  },
  {
    id: 'uk',
    name: 'UK Government Security Classifications',
    levels: [
      { id: 'OFFICIAL', banner: 'OFFICIAL', portion: '' },
      { id: 'OFFICIAL-SENSITIVE', banner: 'OFFICIAL-SENSITIVE', portion: '' },
      { id: 'SECRET', banner: 'SECRET', portion: '' },
      { id: 'TOP SECRET', banner: 'TOP SECRET', portion: '' },
    ],
    defaultLevel: 'OFFICIAL',
    portionMarks: false,
    firstPageBlock: [],
  },
];

export function markingProfile(id: string): MarkingProfile | undefined {
  return MARKING_PROFILES.find((p) => p.id === id);
}

/** The highest of the given level ids within a profile (unknown ids are ignored by the caller's check). */
export function overallLevel(profile: MarkingProfile, used: string[]): MarkingLevel {
  let best = profile.levels.findIndex((l) => l.id === profile.defaultLevel);
  for (const id of used) best = Math.max(best, profile.levels.findIndex((l) => l.id === id));
  return profile.levels[Math.max(0, best)]!;
}

/** Fill `{name}` slots of a first-page block line from brief variables; unknown slots stay visible. */
export function fillBlockLine(line: string, vars: Record<string, string>): string {
  // Own properties only, so a slot named {constructor} stays visible instead of printing Object's source.
  const own = (key: string) => (Object.hasOwn(vars, key) ? vars[key] : undefined);
  return line.replace(/\{(\w+)\}/g, (whole, name: string) => own(`marking.${name}`) ?? own(name) ?? whole);
}
