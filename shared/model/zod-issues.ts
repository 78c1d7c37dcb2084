// The one wording for schema problems (brief files, library files, library forms, IPC arguments): path, what is wrong, the fix.
import type { z } from 'zod';

export type SchemaIssue = z.core.$ZodIssue;

export interface IssueWording {
  /** The fix for a field, by its path, where the caller knows one (library fields have a table of them). */
  hint?: (path: readonly PropertyKey[]) => string | undefined;
  /** What the file's format calls `{ ... }`: YAML says "mapping", JSON says "object". */
  objectWord?: 'mapping' | 'object';
  /** How to name the whole value when the problem is with it rather than a field. */
  root?: string;
}

/** Said wherever a date is wrong: every date in the model is an IsoDate. */
export const DATE_HINT = 'write it as YYYY-MM-DD (or YYYY-MM for a month)';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `tags.technologies[2]`, `[3].id`, `variables["a b"]`: a key that is not a plain name is quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      out += IDENTIFIER.test(key) ? `${out ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** A value as a message shows it: short text quoted, containers by kind. */
export function describeValue(v: unknown, objectWord: IssueWording['objectWord'] = 'mapping'): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return objectWord === 'object' ? 'an object' : 'a mapping';
  return String(v);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return v;
}

function article(expected: string, objectWord: IssueWording['objectWord']): string {
  if (expected === 'string') return 'text';
  if (expected === 'array') return 'a list';
  if (expected === 'object') return objectWord === 'object' ? 'an object' : 'a mapping';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** The allowed values of an enum or literal, or of a tagged union's tag (zod lists them on the issue). */
function allowedValues(issue: SchemaIssue): string | undefined {
  const values = issue.code === 'invalid_value' ? issue.values : issue.code === 'invalid_union' ? (issue as { options?: unknown }).options : undefined;
  return Array.isArray(values) ? values.map(String).join(', ') : undefined;
}

/** One message per issue, e.g. `source.url is missing — add the URL of the document the figure comes from`. */
export function describeIssue(issue: SchemaIssue, data: unknown, wording: IssueWording = {}): string {
  const { path } = issue;
  const objectWord = wording.objectWord ?? 'mapping';
  const show = (v: unknown) => describeValue(v, objectWord);
  const hint = wording.hint?.(path);
  const withFix = (s: string, fallback?: string) => {
    const fix = hint ?? fallback;
    return fix ? `${s} — ${fix}` : s;
  };
  if (path.length === 0 && issue.code === 'invalid_type') {
    return `expected ${article(issue.expected, objectWord)}${issue.expected === 'object' ? ' of fields' : ''} but found ${show(data)}`;
  }
  const where = path.length ? formatPath(path) : (wording.root ?? 'the top level');
  const value = valueAt(data, path);
  const allowed = allowedValues(issue);
  if (value === undefined || value === null) {
    if (issue.code === 'invalid_type') return withFix(`${where} is missing`, `add ${article(issue.expected, objectWord)} there`);
    if (allowed) return withFix(`${where} is missing`, `use one of: ${allowed}`);
    return withFix(`${where}: ${issue.message}`);
  }
  if (allowed) return `${where} ${show(value)} is not one of: ${allowed}`;
  switch (issue.code) {
    case 'invalid_type':
      return withFix(`${where} should be ${article(issue.expected, objectWord)} but is ${show(value)}`);
    case 'too_small':
      if (typeof value === 'number' || typeof value === 'bigint') return withFix(`${where} ${show(value)} is too small`);
      if ((typeof value === 'string' || Array.isArray(value)) && value.length === 0) return withFix(`${where} is empty`);
      break;
  }
  // A container (e.g. `review: {}`) is not worth quoting; a wrong scalar is.
  return withFix(typeof value === 'object' ? `${where}: ${issue.message}` : `${where} ${show(value)}: ${issue.message}`);
}

/** Up to `max` issues in one line, with a count of the rest (a damaged file can have hundreds). */
export function describeIssues(issues: readonly SchemaIssue[], data: unknown, wording: IssueWording & { max?: number } = {}): string {
  const listed = issues.slice(0, wording.max ?? 3).map((issue) => describeIssue(issue, data, wording));
  const more = issues.length - listed.length;
  return listed.join('; ') + (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '');
}
