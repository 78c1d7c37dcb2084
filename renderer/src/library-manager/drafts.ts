// Form drafts (all text, as typed) to and from what the personal library channels take.
import type { FactInput, FieldError, SectionMetaInput } from '../../../shared/ipc/channels.js';
import type { Fact, Topic } from '../../../shared/model/library.js';

export interface FactDraft {
  id: string;
  statement: string;
  value: string;
  unit: string;
  asOf: string;
  reviewBy: string;
  reviewDays: string;
  sourceTitle: string;
  sourcePublisher: string;
  sourceDate: string;
  sourceUrl: string;
  technologies: string;
  countries: string;
  topics: string;
  marking: string;
}

export interface SectionDraft {
  id: string;
  title: string;
  topic: Topic;
  summary: string;
  technologies: string;
  countries: string;
  topics: string;
  marking: string;
  body: string;
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const joined = (xs: readonly string[] | undefined) => (xs ?? []).join(', ');
/** Optional text: left out when empty, so the library sees "not given" rather than an empty value. */
const opt = <K extends string>(key: K, s: string): Partial<Record<K, string>> => (s.trim() ? ({ [key]: s.trim() } as Record<K, string>) : {});

export const emptyFactDraft = (): FactDraft => ({
  id: '', statement: '', value: '', unit: '', asOf: '', reviewBy: '', reviewDays: '365',
  sourceTitle: '', sourcePublisher: '', sourceDate: '', sourceUrl: '', technologies: '', countries: '', topics: '', marking: '',
});

export function factDraft(f: Fact): FactDraft {
  return {
    id: f.id,
    statement: f.statement,
    value: f.value === undefined ? '' : String(f.value),
    unit: f.unit ?? '',
    asOf: f.asOf,
    reviewBy: f.review.by ?? '',
    reviewDays: f.review.maxAgeDays === undefined ? '' : String(f.review.maxAgeDays),
    sourceTitle: f.source.title,
    sourcePublisher: f.source.publisher,
    sourceDate: f.source.date,
    sourceUrl: f.source.url,
    technologies: joined(f.tags.technologies),
    countries: joined(f.tags.countries),
    topics: joined(f.tags.topics),
    marking: f.marking ?? '',
  };
}

/** Numbers are the one thing checked here: the channel takes numbers, so text that is not one never leaves the form. */
export function factInput(d: FactDraft): { input: FactInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value = d.value.trim() ? Number(d.value) : undefined;
  if (value !== undefined && !Number.isFinite(value)) errors.push({ field: 'value', message: 'enter a number such as 12.5, or leave it empty' });
  const days = d.reviewDays.trim() ? Number(d.reviewDays) : undefined;
  if (days !== undefined && !Number.isInteger(days)) errors.push({ field: 'review.maxAgeDays', message: 'enter a whole number of days, or leave it empty' });
  if (errors.length) return { errors };
  return {
    input: {
      id: d.id.trim(),
      statement: d.statement.trim(),
      ...(value !== undefined ? { value } : {}),
      ...opt('unit', d.unit),
      asOf: d.asOf.trim(),
      review: { ...opt('by', d.reviewBy), ...(days !== undefined ? { maxAgeDays: days } : {}) },
      source: { title: d.sourceTitle.trim(), publisher: d.sourcePublisher.trim(), date: d.sourceDate.trim(), url: d.sourceUrl.trim() },
      tags: { technologies: list(d.technologies), countries: list(d.countries), topics: list(d.topics) },
      ...opt('marking', d.marking),
    },
  };
}

export const emptySectionDraft = (): SectionDraft => ({ id: '', title: '', topic: 'context', summary: '', technologies: '', countries: '', topics: '', marking: '', body: '' });

export function sectionDraft(meta: SectionMetaInput, body: string): SectionDraft {
  return {
    id: meta.id,
    title: meta.title,
    topic: meta.topic as Topic,
    summary: meta.summary ?? '',
    technologies: joined(meta.tags?.technologies),
    countries: joined(meta.tags?.countries),
    topics: joined(meta.tags?.topics),
    marking: meta.marking ?? '',
    body,
  };
}

/** What the section form does not show but an edit must carry through unchanged. */
export type KeptSectionFields = Pick<SectionMetaInput, 'variables' | 'style'>;

export function keptSectionFields(meta: SectionMetaInput): KeptSectionFields {
  return { ...(meta.variables ? { variables: meta.variables } : {}), ...(meta.style ? { style: meta.style } : {}) };
}

/** `kept` carries what the form does not show (variables, summary-box style) through an edit unchanged. */
export function sectionInput(d: SectionDraft, kept: KeptSectionFields = {}): SectionMetaInput {
  return {
    id: d.id.trim(),
    title: d.title.trim(),
    topic: d.topic,
    tags: { technologies: list(d.technologies), countries: list(d.countries), topics: list(d.topics) },
    ...opt('summary', d.summary),
    ...opt('marking', d.marking),
    ...kept,
  };
}
