// Library data model: zod schemas and types for facts, sections, countries, forums, technologies.
import { z } from 'zod';
import { TEXT_LIMITS, limitedText } from './text-limits.js';
import type { MarkingProfile } from '../markings/profile.js';
import { allowedUrlWords, isAllowedUrl } from './url-policy.js';

/** ISO calendar date (YYYY-MM-DD) or month (YYYY-MM); checked for a real calendar day. */
export const IsoDate = limitedText(TEXT_LIMITS.short)
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected a date as YYYY-MM-DD or YYYY-MM')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number | undefined];
    if (m < 1 || m > 12) return false;
    if (d === undefined) return true;
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'not a real calendar date');

export const Id = limitedText(TEXT_LIMITS.short)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and hyphens (e.g. "ai-oecd-principles")');

/** zod's `.url()` alone accepts javascript:, file: and smb: addresses: the scheme is checked by the one URL policy. */
export const SourceUrl = z
  .string()
  // abort: text that is no URL at all gets one message, not a second one about its scheme.
  .url({ abort: true })
  .refine((url) => isAllowedUrl(url, 'source'), allowedUrlWords('source'));

export const Source = z.object({
  title: limitedText(TEXT_LIMITS.short).min(1),
  publisher: limitedText(TEXT_LIMITS.short).min(1),
  date: IsoDate,
  url: SourceUrl,
});
export type Source = z.infer<typeof Source>;

export const Tags = z.object({
  technologies: z.array(Id).default([]),
  countries: z.array(Id).default([]),
  topics: z.array(limitedText(TEXT_LIMITS.short)).default([]),
});
export type Tags = z.infer<typeof Tags>;

/** How a fact goes stale: a fixed review-by date, or a maximum age counted from asOf. */
export const ReviewRule = z
  .object({ by: IsoDate.optional(), maxAgeDays: z.number().int().positive().optional() })
  .refine((r) => r.by !== undefined || r.maxAgeDays !== undefined, 'review needs "by" or "maxAgeDays"');
export type ReviewRule = z.infer<typeof ReviewRule>;

export const Fact = z.object({
  id: Id,
  statement: limitedText(TEXT_LIMITS.statement).min(1),
  value: z.number().optional(),
  unit: limitedText(TEXT_LIMITS.short).optional(),
  asOf: IsoDate,
  review: ReviewRule,
  source: Source,
  tags: Tags.default({ technologies: [], countries: [], topics: [] }),
  marking: limitedText(TEXT_LIMITS.short).optional(),
});
export type Fact = z.infer<typeof Fact>;

/**
 * A fact as a brief keeps it (its pin). A brief is someone else's file too, but refusing it whole would lose the
 * user's work: any URL text is kept here, and compose prints a refused one as plain text with a warning.
 */
export const PinnedFact = Fact.extend({ source: Source.extend({ url: z.string().url() }) });

export const TOPICS = [
  'priorities',
  'data',
  'standards',
  'organization',
  'protection',
  'context',
  'framing',
] as const;
export const Topic = z.enum(TOPICS);
export type Topic = z.infer<typeof Topic>;

export const SectionVariable = z.object({
  name: limitedText(TEXT_LIMITS.short).regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
  label: limitedText(TEXT_LIMITS.short),
  default: limitedText(TEXT_LIMITS.statement).optional(),
});

/** How a section is set: `summary` puts it in the template's summary box (the issue brief's "The issue"). */
export const SectionStyle = z.enum(['normal', 'summary']);
export type SectionStyle = z.infer<typeof SectionStyle>;

/** Front matter of a section Markdown file; the body follows it. */
export const SectionMeta = z.object({
  id: Id,
  title: limitedText(TEXT_LIMITS.short).min(1),
  topic: Topic,
  tags: Tags.default({ technologies: [], countries: [], topics: [] }),
  marking: limitedText(TEXT_LIMITS.short).optional(),
  revision: z.number().int().positive(),
  summary: limitedText(TEXT_LIMITS.statement).optional(),
  /** Taken into a brief with the section (linkSection); left out, it is `normal`. */
  style: SectionStyle.optional(),
  variables: z.array(SectionVariable).default([]),
});
export type SectionMeta = z.infer<typeof SectionMeta>;
export interface Section extends SectionMeta {
  body: string;
  /** Where it came from: library id and file, for messages. */
  origin?: { library: string; file: string };
}

export const Technology = z.object({
  id: Id,
  name: limitedText(TEXT_LIMITS.short),
  priority: z.enum(['core', 'further']),
  description: limitedText(TEXT_LIMITS.statement).optional(),
});
export type Technology = z.infer<typeof Technology>;

export const Country = z.object({
  id: Id,
  name: limitedText(TEXT_LIMITS.short),
  candidate: z.boolean().default(false),
  forums: z.array(Id).default([]),
  strengths: z.array(Id).default([]),
  facts: z.array(Id).default([]),
});
export type Country = z.infer<typeof Country>;

export const Forum = z.object({
  id: Id,
  name: limitedText(TEXT_LIMITS.short),
  kind: z.enum(['forum', 'working-group', 'agreement', 'instrument', 'law', 'standards-body', 'alliance', 'principles']),
  members: z.array(Id).default([]),
  technologies: z.array(Id).default([]),
  description: limitedText(TEXT_LIMITS.statement),
  facts: z.array(Id).default([]),
});
export type Forum = z.infer<typeof Forum>;

export const Manifest = z.object({
  id: Id,
  name: limitedText(TEXT_LIMITS.short),
  version: limitedText(TEXT_LIMITS.short),
  description: limitedText(TEXT_LIMITS.statement).optional(),
});
export type Manifest = z.infer<typeof Manifest>;

/** A loaded library (or several merged), as pure data that compose and search work on. */
export interface Library {
  manifest: Manifest;
  facts: Map<string, Fact>;
  sections: Map<string, Section>;
  countries: Map<string, Country>;
  forums: Map<string, Forum>;
  technologies: Map<string, Technology>;
  /** Marking profiles: the app's (assets/markings) and any a team library carries in its markings/ folder. */
  markingProfiles: Map<string, MarkingProfile>;
  /** The user's dated reviews by fact id (personal library, reviews.yaml): each overrides that fact's review date. */
  reviews?: ReadonlyMap<string, { reviewedOn: string; note?: string }>;
}

export function emptyLibrary(manifest: Manifest = { id: 'empty', name: 'Empty', version: '0' }): Library {
  return {
    manifest,
    facts: new Map(),
    sections: new Map(),
    countries: new Map(),
    forums: new Map(),
    technologies: new Map(),
    markingProfiles: new Map(),
  };
}

/** Something wrong in a library file: absolute file path, 1-based line when known, and how to fix it. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}
