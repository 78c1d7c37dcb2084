// Reads .brief text into a valid Brief: raw-input guards, JSON with line/column errors, version migrations, schema check.
import { BRIEF_FORMAT, BRIEF_VERSION, Brief } from './brief.js';
import { BriefFormatError, OPEN_A_BRIEF_FIX, RESTORE_FIX } from './brief-format-error.js';
import { briefJsonText, checkBriefSize, isJsonObject, reservedKeyProblem } from './brief-guards.js';
import { locateJsonError } from './json-location.js';
import { upgradeBrief, type Json } from './migrations.js';
import { DATE_HINT, describeIssues, describeValue, formatPath, type IssueWording } from './zod-issues.js';

/** How schema problems in a brief are worded: JSON words, and the fix where the field alone says it. */
export const BRIEF_WORDING: IssueWording = {
  objectWord: 'object',
  hint: (path) => {
    if (path.length === 2 && path[0] === 'meta' && path[1] === 'title') return 'give the brief a title';
    // Every date in a brief is an IsoDate.
    return path[path.length - 1] === 'date' ? DATE_HINT : undefined;
  },
};

/** Parses the text of a .brief file. `byteSize` is the file's size on disk when the caller knows it. */
export function parseBriefJson(text: string, fileLabel: string, options: { byteSize?: number } = {}): Brief {
  const fail = (reason: string): never => {
    throw new BriefFormatError(fileLabel, reason);
  };
  checkBriefSize(options.byteSize ?? text.length, fileLabel);
  const body = briefJsonText(text, fileLabel);

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const where = locateJsonError(body);
    const detail = where ? `${where.problem} at line ${where.line}, column ${where.column}` : (e as Error).message;
    fail(`is not valid JSON: ${detail} — the file may be damaged; ${RESTORE_FIX}`);
  }

  if (!isJsonObject(json) || json.format !== BRIEF_FORMAT) {
    const found = isJsonObject(json) && json.format !== undefined ? ` (its "format" is ${describeValue(json.format, 'object')})` : '';
    fail(`is not a Briefing Builder brief: it has no "format": "${BRIEF_FORMAT}" field${found} — ${OPEN_A_BRIEF_FIX}`);
  }
  const migrated = upgradeBrief(json as Json, fileLabel);
  const reserved = reservedKeyProblem(migrated);
  if (reserved) fail(`${reserved}; ${RESTORE_FIX}`);
  const parsed = Brief.safeParse(migrated);
  if (!parsed.success) {
    const from = (json as Json).version !== BRIEF_VERSION ? ` (after upgrading from format version ${String((json as Json).version)})` : '';
    fail(`does not match the brief format${from}: ${describeIssues(parsed.error.issues, migrated, BRIEF_WORDING)} — ${RESTORE_FIX}`);
  }
  const brief = parsed.data as Brief;
  for (const [key, fact] of Object.entries(brief.pins)) {
    if (fact.id !== key) {
      fail(`${formatPath(['pins', key, 'id'])} is "${fact.id}" but the pin is filed under "${key}" — make them the same; ${RESTORE_FIX}`);
    }
  }
  return brief;
}
