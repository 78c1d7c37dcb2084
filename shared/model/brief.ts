// The .brief document format (v1): schema, type and constructors. Pure; no I/O here.
import { z } from 'zod';
import { Id, IsoDate, PinnedFact, SectionStyle } from './library.js';

export const BRIEF_FORMAT = 'briefing-builder/brief';
export const BRIEF_VERSION = 1;

export const TEMPLATE_IDS = ['issue-brief', 'decision-memo', 'one-pager'] as const;
export const TemplateId = z.enum(TEMPLATE_IDS);
export type TemplateId = z.infer<typeof TemplateId>;

export const PaperSize = z.enum(['letter', 'a4']);
export type PaperSize = z.infer<typeof PaperSize>;

export const MemoHeader = z.object({
  for: z.array(z.string()).default([]),
  from: z.string().default(''),
  subject: z.string().default(''),
  preparedBy: z.string().optional(),
  attachments: z.string().optional(),
});
export type MemoHeader = z.infer<typeof MemoHeader>;

export const BriefMeta = z.object({
  title: z.string().min(1, 'a brief needs a title'),
  subtitle: z.string().optional(),
  template: TemplateId,
  paper: PaperSize.default('letter'),
  date: IsoDate,
  authors: z.array(z.string()).default([]),
  /** Marking profile id (see shared/markings); 'none' prints no banner. */
  marking: z.string().default('none'),
  /** Values of the marking profile's block fields (classifiedBy, declassifyOn, ...), by field name. */
  markingFields: z.record(z.string(), z.string()).optional(),
  memo: MemoHeader.optional(),
  language: z.string().default('en-US'),
});
export type BriefMeta = z.infer<typeof BriefMeta>;

/** How a section is set (shared/model/library.ts, where a library section's front matter names it). */
export { SectionStyle };

/** A section linked to a library section (by id + the revision it was taken at). */
export const LinkedSection = z.object({
  kind: z.literal('linked'),
  sectionId: Id,
  revision: z.number().int().positive(),
  /** Text of the library section at that revision, so the brief renders without the library. */
  title: z.string(),
  body: z.string(),
  marking: z.string().optional(),
  style: SectionStyle.default('normal'),
});
/** A section the user owns, edited freely. */
export const DetachedSection = z.object({
  kind: z.literal('detached'),
  id: z.string().min(1),
  title: z.string(),
  body: z.string(),
  marking: z.string().optional(),
  style: SectionStyle.default('normal'),
  fromSectionId: Id.optional(),
});
export const BriefSection = z.discriminatedUnion('kind', [LinkedSection, DetachedSection]);
export type BriefSection = z.infer<typeof BriefSection>;

export const Brief = z.object({
  format: z.literal(BRIEF_FORMAT),
  version: z.literal(BRIEF_VERSION),
  meta: BriefMeta,
  sections: z.array(BriefSection),
  variables: z.record(z.string(), z.string()).default({}),
  /** Snapshot of every fact the brief cites, keyed by fact id. */
  pins: z.record(z.string(), PinnedFact).default({}),
});
export type Brief = z.infer<typeof Brief>;

/** Stable key of a section within a brief (linked ones by library id). */
export function sectionKey(s: BriefSection): string {
  return s.kind === 'linked' ? s.sectionId : s.id;
}

export function newBrief(meta: Partial<BriefMeta> & { title: string; template: TemplateId; date: string }): Brief {
  return Brief.parse({ format: BRIEF_FORMAT, version: BRIEF_VERSION, meta, sections: [] });
}
