// Builds a brief from library section ids (the `briefing new` command and the app's "add section" share it).
import { BRIEF_FORMAT, BRIEF_VERSION, Brief, type BriefMeta, type BriefSection, type TemplateId } from './model/brief.js';
import { UserFacingError } from './errors.js';
import type { Library, Section } from './model/library.js';
import { pinCitedFacts } from './pinning.js';

export interface AssembleSpec {
  title: string;
  template: TemplateId;
  date: string;
  sectionIds: string[];
  variables?: Record<string, string>;
  meta?: Partial<BriefMeta>;
}

export class UnknownSectionError extends UserFacingError {
  constructor(readonly ids: string[]) {
    super(`unknown section id${ids.length > 1 ? 's' : ''}: ${ids.join(', ')} (see \`briefing list sections\`)`);
  }
}

/** A linked copy of a library section, set in the style its front matter asks for (`style: summary` for the summary box). */
export function linkSection(section: Section): Extract<BriefSection, { kind: 'linked' }> {
  return {
    kind: 'linked',
    sectionId: section.id,
    revision: section.revision,
    title: section.title,
    body: section.body,
    ...(section.marking ? { marking: section.marking } : {}),
    style: section.style ?? 'normal',
  };
}

export function assembleBrief(spec: AssembleSpec, library: Library): Brief {
  const missing = spec.sectionIds.filter((id) => !library.sections.has(id));
  if (missing.length) throw new UnknownSectionError(missing);
  const brief = Brief.parse({
    format: BRIEF_FORMAT,
    version: BRIEF_VERSION,
    meta: { ...spec.meta, title: spec.title, template: spec.template, date: spec.date },
    sections: spec.sectionIds.map((id) => linkSection(library.sections.get(id)!)),
    variables: spec.variables ?? {},
  });
  return pinCitedFacts(brief, library.facts);
}
