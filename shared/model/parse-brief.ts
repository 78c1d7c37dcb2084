// Reads .brief text into a valid Brief: raw-input guards, JSON with line/column errors, version migrations, schema check.
import { BRIEF_FORMAT, BRIEF_VERSION, Brief } from './brief.js';
import { BriefFormatError, OPEN_A_BRIEF_FIX, RESTORE_FIX } from './brief-format-error.js';
import { briefJsonText, checkBriefSize, isJsonObject, reservedKeyProblem } from './brief-guards.js';
import { locateJsonError } from './json-location.js';
import { checkJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';
import { upgradeBrief, type Json } from './migrations.js';
import { keysInValue, parseRawJson, type RawObject, type RawValue } from './raw-json.js';
import { scanJsonText } from './json-scan.js';
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

const INTERPRETED = { jitless: true } as const;

/** Parses the text of a .brief file. `byteSize` is the file's size on disk when the caller knows it. */
export function parseBriefJson(text: string, fileLabel: string, options: { byteSize?: number } = {}): Brief {
  return parseBriefDocument(text, fileLabel, options).brief;
}

/** A brief as read: the typed Brief, and the file's raw JSON tree (null after a version upgrade) that a rewrite merges into. */
export interface BriefDocument {
  brief: Brief;
  raw: RawObject | null;
}

/**
 * parseBriefJson, keeping the raw tree with every unknown field; a duplicate key is refused with its line. With
 * `raw: false` (a reader that will not rewrite the file, such as an export) the tree is not built and `raw` is
 * null; duplicate keys are refused all the same, with the same message.
 */
export function parseBriefDocument(text: string, fileLabel: string, options: { byteSize?: number; raw?: boolean } = {}): BriefDocument {
  const fail = (reason: string): never => {
    throw new BriefFormatError(fileLabel, reason);
  };
  checkBriefSize(options.byteSize ?? text.length, fileLabel);
  const body = briefJsonText(text, fileLabel);
  // Before JSON.parse and any recursive walk of the parsed tree; the quick scan answers for a brief that is fine,
  // and counts the text's keys for the duplicate-key check below in the same pass.
  const scan = scanJsonText(body, MAX_JSON_DEPTH);
  if (!scan.within) checkJsonDepth(body, fileLabel);

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
  // JSON.parse keeps the last of two equal keys without a word; a brief names each field once.
  const keepRaw = options.raw ?? true;
  // As hasDuplicateKey(body, json), with the text's count from the scan above.
  const raw = keepRaw || scan.keys !== keysInValue(json) ? parseRawJson(body) : null;
  if (raw && 'duplicate' in raw) {
    const { key, line } = raw.duplicate;
    fail(`has the key ${JSON.stringify(key)} twice in one object (line ${line}); JSON keeps only one of them — remove the other; ${RESTORE_FIX}`);
  }
  const migrated = upgradeBrief(json as Json, fileLabel);
  const reserved = reservedKeyProblem(migrated);
  if (reserved) fail(`${reserved}; ${RESTORE_FIX}`);
  // Interpreted, not through zod's compiled fast path: that path writes and compiles (new Function) a parser for
  // each object schema on its first parse, which a cold process (one brief, one parse) pays in full: first parse of
  // the 99-pin example 23 -> 16.5 ms (medians of 15 cold processes); warm, in a 20-parse loop, 4.4 vs 4.2 ms.
  // zod's two paths make the same checks in the same order (test/unit/shared/brief-interpreted-parse.test.ts).
  const parsed = Brief.safeParse(migrated, INTERPRETED);
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
  const tree = keepRaw ? (raw as { value: RawValue }).value : null;
  // An upgraded file is rewritten in the current shape; its old fields are in the .bak.
  return { brief, raw: (json as Json).version === BRIEF_VERSION && tree?.kind === 'object' ? tree : null };
}
