// What changed in the library since a brief took its snapshots (pinned facts, linked sections), and accepting updates
// as patches: main reads the patch from the library, the renderer and the CLI apply it with the same pure function.
import { linkSection } from './assemble.js';
import { UserFacingError } from './errors.js';
import type { Brief, BriefSection } from './model/brief.js';
import type { Fact, Library, Section } from './model/library.js';
import { pinCitedFacts } from './pinning.js';

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

/** The library no longer has the item, or the brief no longer holds it: the update cannot be taken. */
export class LibraryUpdateError extends UserFacingError {}

export type LinkedBriefSection = Extract<BriefSection, { kind: 'linked' }>;

/** Which update the user accepted: a pinned fact, or every linked copy of a section. */
export interface LibraryUpdateRequest {
  kind: 'pin' | 'section';
  id: string;
}

/** One accepted update as data: the library's current fact, or its section linked at the current revision. */
export type LibraryPatch = { kind: 'pin'; id: string; fact: Fact } | { kind: 'section'; section: LinkedBriefSection };

/** Reads the patch for an update from the library; it may have changed since the warning was shown, which is said. */
export function libraryPatch(update: LibraryUpdateRequest, library: Library): LibraryPatch {
  if (update.kind === 'pin') {
    const current = library.facts.get(update.id);
    if (!current) throw new LibraryUpdateError(`fact "${update.id}" is not in the library, so its pin cannot be updated`);
    return { kind: 'pin', id: update.id, fact: structuredClone(current) };
  }
  const current = library.sections.get(update.id);
  if (!current) throw new LibraryUpdateError(`section "${update.id}" is not in the library, so it cannot be updated`);
  return { kind: 'section', section: linkSection(current) };
}

/**
 * Takes a patch into the brief: the pin is replaced, or every linked copy of the section is brought to the patch's
 * revision, keeping its own style. Throws when the brief no longer pins the fact or links the section.
 */
export function applyLibraryPatch(brief: Brief, patch: LibraryPatch): Brief {
  if (patch.kind === 'pin') {
    if (!Object.hasOwn(brief.pins, patch.id)) throw new LibraryUpdateError(`fact "${patch.id}" is not pinned in this brief`);
    return { ...brief, pins: { ...brief.pins, [patch.id]: patch.fact } };
  }
  const fresh = patch.section;
  if (!brief.sections.some((s) => s.kind === 'linked' && s.sectionId === fresh.sectionId)) {
    throw new LibraryUpdateError(`section "${fresh.sectionId}" is not linked in this brief`);
  }
  const sections = brief.sections.map((s): BriefSection => {
    if (s.kind !== 'linked' || s.sectionId !== fresh.sectionId) return s;
    const { marking: _old, ...rest } = s;
    return { ...rest, revision: fresh.revision, title: fresh.title, body: fresh.body, ...(fresh.marking !== undefined && { marking: fresh.marking }) };
  });
  return { ...brief, sections };
}

/** Replaces the pin of `factId` with the library's current fact. */
export function updatePin(brief: Brief, factId: string, library: Library): Brief {
  return applyLibraryPatch(brief, libraryPatch({ kind: 'pin', id: factId }, library));
}

/**
 * Brings every linked copy of `sectionId` to the library's current revision, keeping its style. The new revision
 * may cite facts the brief has not pinned yet: those are pinned from the same library.
 */
export function updateLinkedSection(brief: Brief, sectionId: string, library: Library): Brief {
  return pinCitedFacts(applyLibraryPatch(brief, libraryPatch({ kind: 'section', id: sectionId }, library)), library.facts);
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
