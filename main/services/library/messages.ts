// Turns zod schema issues into one-line messages that say what is wrong and how to fix it.
import type { z } from 'zod';
import { TOPICS } from '../../../shared/model/library.js';

const DATE_HINT = 'write it as YYYY-MM-DD (or YYYY-MM for a month)';

/** Fix-it hints by field path (array indexes written as []). */
const HINTS: Record<string, string> = {
  id: 'use lowercase letters, digits and hyphens, unique within its kind',
  statement: 'write the fact as one sentence',
  value: 'a plain number without units or thousands separators; put the unit in "unit"',
  asOf: `give the date the figure refers to; ${DATE_HINT}`,
  review: 'add "review: { by: YYYY-MM-DD }" or "review: { maxAgeDays: 365 }"',
  'review.by': DATE_HINT,
  'review.maxAgeDays': 'a whole number of days, e.g. 365',
  source: 'add a source with the title, publisher, date and url of the document the figure comes from',
  'source.title': 'add the title of the document the figure comes from',
  'source.publisher': 'add who published the document the figure comes from',
  'source.date': `add the publication date of the source; ${DATE_HINT}`,
  'source.url': 'add the URL of the document the figure comes from',
  title: 'give it a short title',
  name: 'give it a display name',
  description: 'add a sentence describing it',
  topic: `use one of: ${TOPICS.join(', ')}`,
  revision: 'a whole number from 1, raised on each substantive edit',
  'tags.technologies[]': 'use technology ids from technologies.yaml',
  'tags.countries[]': 'use country ids from countries.yaml',
  'variables[].name': 'letters, digits and underscores, starting with a letter',
  'variables[].label': 'add the label the editor shows for this variable',
  priority: 'use "core" or "further"',
  version: 'give the library a version, e.g. "1.0"',
};

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : `${out ? '.' : ''}${String(seg)}`;
  return out;
}

function hintFor(path: readonly PropertyKey[]): string | undefined {
  const key = path.map((s) => (typeof s === 'number' ? '[]' : String(s))).join('.').replace(/\.\[\]/g, '[]');
  if (HINTS[key]) return HINTS[key];
  const last = path[path.length - 1];
  if (last === 'date' || last === 'asOf' || last === 'by') return DATE_HINT;
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

/** One message per issue, e.g. `source.url is missing — add the URL of the document the figure comes from`. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const path = issue.path;
  const where = formatPath(path);
  const value = valueAt(data, path);
  const hint = hintFor(path);
  const withHint = (s: string) => (hint ? `${s} — ${hint}` : s);
  if (path.length === 0) return `expected a mapping of fields but found ${show(data)}`;
  if (value === undefined || value === null) {
    return withHint(issue.code === 'invalid_type' ? `${where} is missing` : `${where}: ${issue.message}`);
  }
  switch (issue.code) {
    case 'invalid_type':
      return withHint(`${where} should be ${article(issue.expected)} but is ${show(value)}`);
    case 'too_small':
      return withHint(typeof value === 'string' ? `${where} is empty` : `${where} ${show(value)} is too small`);
    case 'invalid_value':
      return `${where} ${show(value)} is not one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
    case 'custom':
      // A mapping (e.g. `review: {}`) is not worth quoting; a wrong scalar is.
      return withHint(typeof value === 'object' ? `${where}: ${issue.message}` : `${where} ${show(value)}: ${issue.message}`);
    default:
      return withHint(`${where}: ${issue.message}`);
  }
}

function article(expected: string): string {
  const word = expected === 'string' ? 'text' : expected === 'array' ? 'list' : expected === 'object' ? 'mapping' : expected;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
