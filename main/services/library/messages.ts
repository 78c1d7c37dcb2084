// The fix-it hints for library fields, given to the shared zod-issue formatter (shared/model/zod-issues.ts).
import { TOPICS } from '../../../shared/model/library.js';
import { DATE_HINT, describeIssue, type IssueWording, type SchemaIssue } from '../../../shared/model/zod-issues.js';

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

function hintFor(path: readonly PropertyKey[]): string | undefined {
  const key = path.map((s) => (typeof s === 'number' ? '[]' : String(s))).join('.').replace(/\.\[\]/g, '[]');
  if (HINTS[key]) return HINTS[key];
  const last = path[path.length - 1];
  if (last === 'date' || last === 'asOf' || last === 'by') return DATE_HINT;
  return undefined;
}

/** The library's wording of the shared formatter: YAML words, and the fix for each field from HINTS. */
export const LIBRARY_WORDING: IssueWording = { hint: hintFor, objectWord: 'mapping' };

/** One message per issue, e.g. `source.url is missing — add the URL of the document the figure comes from`. */
export function describeLibraryIssue(issue: SchemaIssue, data: unknown): string {
  return describeIssue(issue, data, LIBRARY_WORDING);
}
