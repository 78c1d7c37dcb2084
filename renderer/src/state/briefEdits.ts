// Pure edits of a Brief the composer makes: insert, reorder, remove, detach-on-edit.
import { sectionKey, type Brief, type BriefSection } from '../../../shared/model/brief.js';

/**
 * Inserts a section at `index` (clamped; the end when omitted). A section whose key the brief already holds is not
 * added twice: the same brief comes back.
 */
export function insertSection(brief: Brief, section: BriefSection, index?: number): Brief {
  const key = sectionKey(section);
  if (brief.sections.some((s) => sectionKey(s) === key)) return brief;
  const at = Math.max(0, Math.min(index ?? brief.sections.length, brief.sections.length));
  const sections = [...brief.sections];
  sections.splice(at, 0, section);
  return { ...brief, sections };
}

export function moveSection(brief: Brief, key: string, to: number): Brief {
  const from = brief.sections.findIndex((s) => sectionKey(s) === key);
  if (from < 0) return brief;
  const target = Math.max(0, Math.min(brief.sections.length - 1, to));
  if (target === from) return brief;
  const sections = [...brief.sections];
  const [moved] = sections.splice(from, 1);
  sections.splice(target, 0, moved!);
  return { ...brief, sections };
}

export function removeSection(brief: Brief, key: string): Brief {
  return { ...brief, sections: brief.sections.filter((s) => sectionKey(s) !== key) };
}

/** A detached id that no other section in the brief uses. */
function freshId(brief: Brief, base: string): string {
  const used = new Set(brief.sections.map(sectionKey));
  for (let i = 1; ; i++) {
    const id = i === 1 ? `${base}-edited` : `${base}-edited-${i}`;
    if (!used.has(id)) return id;
  }
}

/**
 * Sets a section's body. Editing a linked section detaches it: the brief then owns the text and no longer
 * follows the library, so the outline shows it as "edited" with the library id it came from.
 */
export function setSectionBody(brief: Brief, key: string, body: string): { brief: Brief; key: string } {
  const i = brief.sections.findIndex((s) => sectionKey(s) === key);
  const current = brief.sections[i];
  if (!current || current.body === body) return { brief, key };
  let next: BriefSection;
  if (current.kind === 'linked') {
    const id = freshId(brief, current.sectionId);
    next = {
      kind: 'detached',
      id,
      title: current.title,
      body,
      ...(current.marking ? { marking: current.marking } : {}),
      style: current.style,
      fromSectionId: current.sectionId,
    };
  } else {
    next = { ...current, body };
  }
  const sections = [...brief.sections];
  sections[i] = next;
  return { brief: { ...brief, sections }, key: sectionKey(next) };
}

/** Sets a section's marking (canonical portion text; undefined clears it). It stays linked: a marking is the brief's call. */
export function setSectionMarking(brief: Brief, key: string, marking: string | undefined): Brief {
  const i = brief.sections.findIndex((s) => sectionKey(s) === key);
  const current = brief.sections[i];
  if (!current || current.marking === marking) return brief;
  const { marking: _old, ...rest } = current;
  const sections = [...brief.sections];
  sections[i] = marking === undefined ? rest : { ...rest, marking };
  return { ...brief, sections };
}
