// Pure edits of a Brief the composer makes: insert, reorder, remove, detach-on-edit.
import { sectionKey, type Brief, type BriefSection, type SectionStyle } from '../../../shared/model/brief.js';

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
 * follows the library, so the outline shows it as "your copy" with the library id it came from.
 */
export function setSectionBody(brief: Brief, key: string, body: string): { brief: Brief; key: string } {
  return editText(brief, key, (s) => (s.body === body ? null : { body }));
}

/**
 * Renames a section within this brief (the library keeps its own title). The title is the section's text, so a
 * linked section becomes the brief's own copy, as when its body is edited. A blank title is kept as typed (the
 * field may be mid-edit); compose and the outline say "Untitled section".
 */
export function setSectionTitle(brief: Brief, key: string, title: string): { brief: Brief; key: string } {
  return editText(brief, key, (s) => (s.title === title ? null : { title }));
}

/** Applies a text change (`change` returns null for none); a linked section is detached first. */
function editText(brief: Brief, key: string, change: (s: BriefSection) => Partial<Pick<BriefSection, 'title' | 'body'>> | null): { brief: Brief; key: string } {
  const i = brief.sections.findIndex((s) => sectionKey(s) === key);
  const current = brief.sections[i];
  const patch = current ? change(current) : null;
  if (!current || !patch) return { brief, key };
  let next: BriefSection;
  if (current.kind === 'linked') {
    const id = freshId(brief, current.sectionId);
    next = {
      kind: 'detached',
      id,
      title: current.title,
      body: current.body,
      ...(current.marking ? { marking: current.marking } : {}),
      style: current.style,
      fromSectionId: current.sectionId,
      ...patch,
    };
  } else {
    next = { ...current, ...patch };
  }
  const sections = [...brief.sections];
  sections[i] = next;
  return { brief: { ...brief, sections }, key: sectionKey(next) };
}

/** Summary (a boxed summary) or normal: how the brief sets the section. It stays linked: the style is the brief's call. */
export function setSectionStyle(brief: Brief, key: string, style: SectionStyle): Brief {
  const i = brief.sections.findIndex((s) => sectionKey(s) === key);
  const current = brief.sections[i];
  if (!current || current.style === style) return brief;
  const sections = [...brief.sections];
  sections[i] = { ...current, style };
  return { ...brief, sections };
}

/**
 * A blank section that belongs to this brief only (nothing is written to a library), inserted after `afterKey`
 * (the end when there is none); its id is new in the brief.
 */
export function addBlankSection(brief: Brief, afterKey: string | null): { brief: Brief; key: string } {
  const used = new Set(brief.sections.map(sectionKey));
  let n = 1;
  while (used.has(`own-${n}`)) n++;
  const section: BriefSection = { kind: 'detached', id: `own-${n}`, title: 'New section', body: '', style: 'normal' };
  const after = afterKey ? brief.sections.findIndex((s) => sectionKey(s) === afterKey) : -1;
  return { brief: insertSection(brief, section, after < 0 ? undefined : after + 1), key: section.id };
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
