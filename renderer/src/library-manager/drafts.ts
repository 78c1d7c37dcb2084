// Form drafts (text as typed, tags as the picked values) to and from what the personal library channels take.
import type { FactInput, FieldError, SectionMetaInput } from '../../../shared/ipc/channels.js';
import type { Fact, Topic } from '../../../shared/model/library.js';
import { EXAMPLE_DATE, labelFor } from './formWording.js';

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
  technologies: string[];
  countries: string[];
  topics: string[];
  marking: string;
}

/** The tag lists of a draft, each edited with a picker. */
export type TagKey = 'technologies' | 'countries' | 'topics';

export interface SectionDraft {
  id: string;
  title: string;
  topic: Topic;
  summary: string;
  technologies: string[];
  countries: string[];
  topics: string[];
  marking: string;
  body: string;
}

const list = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
const copy = (xs: readonly string[] | undefined) => [...(xs ?? [])];
/** Optional text: left out when empty, so the library sees "not given" rather than an empty value. */
const opt = <K extends string>(key: K, s: string): Partial<Record<K, string>> => (s.trim() ? ({ [key]: s.trim() } as Record<K, string>) : {});

export const emptyFactDraft = (): FactDraft => ({
  id: '', statement: '', value: '', unit: '', asOf: '', reviewBy: '', reviewDays: '365',
  sourceTitle: '', sourcePublisher: '', sourceDate: '', sourceUrl: '', technologies: [], countries: [], topics: [], marking: '',
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
    technologies: copy(f.tags.technologies),
    countries: copy(f.tags.countries),
    topics: copy(f.tags.topics),
    marking: f.marking ?? '',
  };
}

/** The message for a date control holding something that is not a whole date yet (the browser's `badInput`). */
export const badDateError = (field: string): FieldError => ({ field, message: `${labelFor(field)}: use a date like ${EXAMPLE_DATE}.` });

/**
 * Checked here: numbers (the channel takes numbers, so text that is not one never leaves the form) and the date
 * controls the browser holds a half-typed date in (`badDates`, by field name: their value reads as empty).
 */
export function factInput(d: FactDraft, badDates: readonly string[] = []): { input: FactInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value = d.value.trim() ? Number(d.value) : undefined;
  if (value !== undefined && !Number.isFinite(value)) errors.push({ field: 'value', message: 'Value: use a plain number, like 12.5, or leave it empty.' });
  const days = d.reviewDays.trim() ? Number(d.reviewDays) : undefined;
  if (days !== undefined && !Number.isInteger(days)) errors.push({ field: 'review.maxAgeDays', message: 'Review after (days): use a whole number of days, like 365, or leave it empty.' });
  for (const field of badDates) errors.push(badDateError(field));
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

export const emptySectionDraft = (): SectionDraft => ({ id: '', title: '', topic: 'context', summary: '', technologies: [], countries: [], topics: [], marking: '', body: '' });

export function sectionDraft(meta: SectionMetaInput, body: string): SectionDraft {
  return {
    id: meta.id,
    title: meta.title,
    topic: meta.topic as Topic,
    summary: meta.summary ?? '',
    technologies: copy(meta.tags?.technologies),
    countries: copy(meta.tags?.countries),
    topics: copy(meta.tags?.topics),
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

/** Whether the form holds anything the user would lose by closing it: any field differs from where it started. */
export function draftChanged<D extends object>(start: D, now: D): boolean {
  const keys = new Set([...Object.keys(start), ...Object.keys(now)]);
  return [...keys].some((k) => JSON.stringify((start as Record<string, unknown>)[k]) !== JSON.stringify((now as Record<string, unknown>)[k]));
}
