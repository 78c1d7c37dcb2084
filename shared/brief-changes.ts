// What changed in the library since a brief took its snapshots (pinned facts, linked sections), and accepting updates.
import type { Brief, BriefSection } from './model/brief.js';
import type { Fact, Library, Section } from './model/library.js';

/** The fact fields a reader sees (marking too: it changes the portion and overall markings). */
export const PIN_FIELDS = ['statement', 'value', 'unit', 'asOf', 'source', 'marking'] as const;
export type PinField = (typeof PIN_FIELDS)[number];

export interface FieldChange {
  field: PinField;
  pinned: Fact[PinField];
  library: Fact[PinField];
}
export interface PinChange {
  factId: string;
  fields: FieldChange[];
}
export interface SectionText {
  title: string;
  body: string;
  marking?: string;
}
/** A linked section whose library copy has a newer revision; old and new text for a diff view. */
export interface SectionUpdate {
  sectionId: string;
  /** Position in brief.sections (a section linked twice is reported twice). */
  index: number;
  fromRevision: number;
  toRevision: number;
  old: SectionText;
  new: SectionText;
}
export interface BriefChanges {
  changedPins: PinChange[];
  /** Pinned facts the library no longer has (the brief still renders them from its pin). */
  missingPins: string[];
  sectionUpdates: SectionUpdate[];
  /** Linked sections the library no longer has. */
  missingSections: string[];
}

export function briefChanges(brief: Brief, library: Library): BriefChanges {
  const changes: BriefChanges = { changedPins: [], missingPins: [], sectionUpdates: [], missingSections: [] };
  for (const [factId, pinned] of Object.entries(brief.pins)) {
    const current = library.facts.get(factId);
    if (!current) {
      changes.missingPins.push(factId);
      continue;
    }
    const fields = diffFact(pinned, current);
    if (fields.length > 0) changes.changedPins.push({ factId, fields });
  }
  brief.sections.forEach((s, index) => {
    if (s.kind !== 'linked') return;
    const current = library.sections.get(s.sectionId);
    if (!current) {
      if (!changes.missingSections.includes(s.sectionId)) changes.missingSections.push(s.sectionId);
    } else if (current.revision > s.revision) {
      changes.sectionUpdates.push({
        sectionId: s.sectionId,
        index,
        fromRevision: s.revision,
        toRevision: current.revision,
        old: textOf(s),
        new: textOf(current),
      });
    }
  });
  return changes;
}

export function diffFact(pinned: Fact, current: Fact): FieldChange[] {
  return PIN_FIELDS.filter((field) => !sameValue(pinned[field], current[field])).map((field) => ({
    field,
    pinned: pinned[field],
    library: current[field],
  }));
}

/** Replaces the pin of `factId` with the library's current fact. */
export function updatePin(brief: Brief, factId: string, library: Library): Brief {
  const current = library.facts.get(factId);
  if (!current) throw new Error(`fact "${factId}" is not in the library, so its pin cannot be updated`);
  if (!(factId in brief.pins)) throw new Error(`fact "${factId}" is not pinned in this brief`);
  return { ...brief, pins: { ...brief.pins, [factId]: structuredClone(current) } };
}

/** Brings every linked copy of `sectionId` to the library's current revision, keeping its style. */
export function updateLinkedSection(brief: Brief, sectionId: string, library: Library): Brief {
  const current = library.sections.get(sectionId);
  if (!current) throw new Error(`section "${sectionId}" is not in the library, so it cannot be updated`);
  if (!brief.sections.some((s) => s.kind === 'linked' && s.sectionId === sectionId)) {
    throw new Error(`section "${sectionId}" is not linked in this brief`);
  }
  const sections = brief.sections.map((s): BriefSection => {
    if (s.kind !== 'linked' || s.sectionId !== sectionId) return s;
    const { marking: _old, ...rest } = s;
    return {
      ...rest,
      revision: current.revision,
      title: current.title,
      body: current.body,
      ...(current.marking !== undefined && { marking: current.marking }),
    };
  });
  return { ...brief, sections };
}

function textOf(s: BriefSection | Section): SectionText {
  return { title: s.title, body: s.body, ...(s.marking !== undefined && { marking: s.marking }) };
}

/** Deep equality for the JSON-like values of fact fields (strings, numbers, the source object). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
