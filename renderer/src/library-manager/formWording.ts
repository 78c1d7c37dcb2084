// Plain words for the library forms: what the library says about a field (`asOf "31/12/2025": expected a date as
// YYYY-MM-DD…`) becomes what the form says next to it ("As of: use a date like 2025-12-31."), with the field's label
// and the fix. Also the id rule as the form shows it, and an id suggested from what the user typed. Pure: no React.
import type { FieldError } from '../../../shared/ipc/channels.js';

export type ItemNoun = 'fact' | 'section';

/** The rule the library checks ids against (shared/model/library.ts `Id`). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** An id the library accepts, shown when there is nothing to suggest one from. */
export const EXAMPLE_ID: Record<ItemNoun, string> = { fact: 'allied-fab-count', section: 'allied-chip-supply' };
export const EXAMPLE_DATE = '2025-12-31';
const EXAMPLE_URL = 'https://example.org/report';

/** The form's label for each field the library reports on (array indexes left out). */
const LABELS: Record<string, string> = {
  id: 'Id',
  statement: 'Statement',
  value: 'Value',
  unit: 'Unit',
  asOf: 'As of',
  review: 'Review',
  'review.by': 'Review by',
  'review.maxAgeDays': 'Review after (days)',
  source: 'Source',
  'source.title': 'Source title',
  'source.publisher': 'Publisher',
  'source.date': 'Source date',
  'source.url': 'Source URL',
  tags: 'Tags',
  'tags.technologies': 'Technologies',
  'tags.countries': 'Countries',
  'tags.topics': 'Topics',
  marking: 'Marking',
  title: 'Title',
  topic: 'Topic',
  summary: 'Summary',
  body: 'Text',
};
const DATE_FIELDS = new Set(['asOf', 'review.by', 'source.date']);

/** `tags.countries[2]` -> `tags.countries`. */
export function baseField(field: string): string {
  return field.replace(/\[[^\]]*\]/g, '');
}

export function labelFor(field: string): string {
  const base = baseField(field);
  return Object.prototype.hasOwnProperty.call(LABELS, base) ? LABELS[base]! : base;
}

/** The value the form sent at a field path such as `tags.countries[2]`. */
function valueAt(input: unknown, field: string): unknown {
  let v = input;
  for (const seg of field.match(/[^.[\]]+/g) ?? []) {
    if (v === null || typeof v !== 'object') return undefined;
    const key = /^\d+$/.test(seg) ? Number(seg) : seg;
    v = Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string | number, unknown>)[key] : undefined;
  }
  return v;
}

const quoted = (v: unknown) => `“${typeof v === 'string' && v.length > 40 ? `${v.slice(0, 37)}…` : String(v)}”`;

type Kind = 'missing' | 'tooLong' | 'clash' | 'unrealDate' | 'invalid';

function kindOf(message: string, value: unknown): { kind: Kind; detail?: string } {
  const clash = /already exists in (.+?), which would win/.exec(message);
  if (clash) return { kind: 'clash', detail: clash[1]! };
  const long = /is longer than ([\d,]+) characters/.exec(message);
  if (long) return { kind: 'tooLong', detail: long[1]! };
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || / is (missing|empty)\b/.test(message)) return { kind: 'missing' };
  if (/not a real calendar date/.test(message)) return { kind: 'unrealDate' };
  return { kind: 'invalid' };
}

/** The fix, in plain words, for one field's problem; `suggestedId` is offered where an id is wrong. */
function fixFor(field: string, kind: Kind, value: unknown, noun: ItemNoun, detail: string | undefined, suggestedId: string): string | undefined {
  const base = baseField(field);
  if (kind === 'tooLong') return `this is too long — shorten it to at most ${detail} characters.`;
  if (DATE_FIELDS.has(base)) {
    if (kind === 'missing') return `add a date, like ${EXAMPLE_DATE}.`;
    if (kind === 'unrealDate') return `${quoted(value)} is not a real day — use a date like ${EXAMPLE_DATE}.`;
    return `use a date like ${EXAMPLE_DATE}.`;
  }
  switch (base) {
    case 'id': {
      const like = suggestedId || EXAMPLE_ID[noun];
      if (kind === 'clash') return `${quoted(value)} is already used by a ${noun} in ${detail} — choose another id.`;
      if (kind === 'missing') return `give the ${noun} an id, like “${like}”.`;
      return `use lowercase letters, digits and hyphens only, like “${like}”.`;
    }
    case 'statement':
      return kind === 'missing' ? 'write the fact as one sentence.' : undefined;
    case 'title':
      return kind === 'missing' ? `give the ${noun} a short title.` : undefined;
    case 'value':
      return 'use a plain number, like 12.5, or leave it empty.';
    case 'review':
      return 'give a review-by date, or the number of days after which to review it.';
    case 'review.maxAgeDays':
      return 'use a whole number of days, like 365, or leave it empty.';
    case 'source.title':
      return kind === 'missing' ? 'add the title of the document the fact comes from.' : undefined;
    case 'source.publisher':
      return kind === 'missing' ? 'add who published the document the fact comes from.' : undefined;
    case 'source.url':
      return kind === 'missing'
        ? `add the web address of the document, like ${EXAMPLE_URL}.`
        : `use a web address that starts with https:// or http://, like ${EXAMPLE_URL}.`;
    case 'tags.technologies':
      return `${quoted(value)} is not a known technology — pick one from the list.`;
    case 'tags.countries':
      return `${quoted(value)} is not a known country — pick one from the list.`;
    case 'tags.topics':
      return `${quoted(value)} is not a usable topic — pick one from the list, or add a word or two.`;
    case 'topic':
      return 'pick a topic from the list.';
    case 'body':
      return kind === 'missing' ? `write the text of the ${noun}.` : undefined;
  }
  return undefined;
}

/** What is left of a library message once its `field "value": ` start is cut, for a field without wording of its own. */
function plainRest(message: string, field: string): string {
  let rest = message;
  if (field && rest.startsWith(field)) rest = rest.slice(field.length).replace(/^\s*("(?:[^"\\]|\\.)*"|[^\s:]+)?\s*:?\s*/, '');
  rest = rest.replace(/\s*—\s*/, ' — ').trim();
  if (!rest) return 'check this field.';
  rest = rest.charAt(0).toLowerCase() + rest.slice(1);
  return /[.!?]$/.test(rest) ? rest : `${rest}.`;
}

/**
 * One plain message for a field error: "<label>: <what to do>." The field stays as the library named it, so the
 * form shows the message next to the right control. `input` is what the form sent (for the value in the message).
 */
export function plainFieldError(error: FieldError, input: unknown, noun: ItemNoun, suggestedId = ''): FieldError {
  if (!error.field) return error;
  const value = valueAt(input, error.field);
  const { kind, detail } = kindOf(error.message, value);
  const fix = fixFor(error.field, kind, value, noun, detail, suggestedId) ?? plainRest(error.message, error.field);
  return { field: error.field, message: `${labelFor(error.field)}: ${fix}` };
}

export function plainFieldErrors(errors: readonly FieldError[], input: unknown, noun: ItemNoun, suggestedId = ''): FieldError[] {
  return errors.map((e) => plainFieldError(e, input, noun, suggestedId));
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'by', 'with', 'from', 'is', 'are', 'was', 'were', 'be', 'our', 'its', 'their', 'this', 'that', 'as']);

/**
 * An id the library accepts, made from a statement or title: "Japan's chip subsidies reached ¥2 trillion" ->
 * "japans-chip-subsidies-reached-2". Empty when the text has no letters or digits to make one from.
 */
export function suggestId(text: string, maxWords = 5): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  const id = (kept.length ? kept : words).slice(0, maxWords).join('-').slice(0, 60).replace(/-+$/, '');
  return ID_PATTERN.test(id) ? id : '';
}

/** The id hint under the Id field of a new item: the rule, with an accepted id to copy. */
export function idHint(noun: ItemNoun, suggested: string): string {
  return `Briefs cite it by this id: lowercase letters, digits and hyphens, like “${suggested || EXAMPLE_ID[noun]}”.`;
}
