// Reads .brief text into a valid Brief: size/binary guards, JSON with line/column errors, version migrations, schema check.
import { z } from 'zod';
import { UserFacingError } from '../errors.js';
import { BRIEF_FORMAT, BRIEF_VERSION, Brief } from './brief.js';

/** Largest .brief accepted. Real briefs are well under 1 MB; anything bigger is the wrong file. */
export const MAX_BRIEF_BYTES = 20 * 1024 * 1024;

/** Something wrong with a brief file, said for a person: `FILE: reason` (never a stack trace). */
export class BriefFormatError extends UserFacingError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

type Json = Record<string, unknown>;
/** Upgrades a brief's JSON from format version N (the key) to N + 1. */
export type Migration = (json: Json) => Json;

/**
 * Version 0 is the pre-release draft shape (flat metadata, `ref`/`text` sections, `vars`, a `facts` list).
 * It never shipped; it is kept as the worked example of how a format change is carried forward.
 * Migrations are defensive: a wrong-typed field passes through unchanged so the schema check names it.
 */
function v0ToV1(json: Json): Json {
  const { title, subtitle, template, date, authors, marking, sections, vars, facts } = json;
  const meta: Json = { title, template, date };
  if (subtitle !== undefined) meta.subtitle = subtitle;
  if (marking !== undefined) meta.marking = marking;
  if (typeof authors === 'string') {
    meta.authors = authors
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
  } else if (authors !== undefined) meta.authors = authors;

  const upgradedSections = Array.isArray(sections)
    ? sections.map((s: unknown) => {
        if (!isObject(s)) return s;
        if (s.ref !== undefined) {
          return { kind: 'linked', sectionId: s.ref, revision: s.revision, title: s.title, body: s.body };
        }
        return { kind: 'detached', id: s.id, title: s.title, body: s.text };
      })
    : sections;

  const pins = Array.isArray(facts)
    ? Object.fromEntries(facts.map((f: unknown, i) => [isObject(f) && typeof f.id === 'string' ? f.id : `#${i}`, f]))
    : facts;

  const out: Json = { format: BRIEF_FORMAT, version: 1, meta, sections: upgradedSections };
  if (vars !== undefined) out.variables = vars;
  if (pins !== undefined) out.pins = pins;
  return out;
}

export const migrations: Readonly<Record<number, Migration>> = { 0: v0ToV1 };

const UPDATE_FIX = 'the file was not changed';
const RESTORE_FIX = 'fix it in a text editor, or use the .bak copy beside it if there is one';

/** Refuses a file too big to be a brief, before anyone reads or parses it. */
export function checkBriefSize(byteSize: number, fileLabel: string): void {
  if (byteSize > MAX_BRIEF_BYTES) {
    throw new BriefFormatError(
      fileLabel,
      `is ${formatMB(byteSize)}; a brief is at most ${formatMB(MAX_BRIEF_BYTES)}, so this is not a brief file — open a .brief saved by Briefing Builder`,
    );
  }
}

/** Parses the text of a .brief file. `byteSize` is the file's size on disk when the caller knows it. */
export function parseBriefJson(text: string, fileLabel: string, options: { byteSize?: number } = {}): Brief {
  const fail = (reason: string): never => {
    throw new BriefFormatError(fileLabel, reason);
  };
  checkBriefSize(options.byteSize ?? text.length, fileLabel);
  if (text.includes('\u0000')) {
    fail('is not a text file (it contains binary data) — open a .brief saved by Briefing Builder');
  }
  // Editors on Windows may add a byte-order mark; it is not part of the JSON.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') fail(`is empty — ${RESTORE_FIX}`);

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const where = locateJsonError(body);
    const detail = where
      ? `${where.problem} at line ${where.line}, column ${where.column}`
      : (e as Error).message;
    fail(`is not valid JSON: ${detail} — the file may be damaged; ${RESTORE_FIX}`);
  }

  if (!isObject(json) || json.format !== BRIEF_FORMAT) {
    const found = isObject(json) && json.format !== undefined ? ` (its "format" is ${preview(json.format)})` : '';
    fail(`is not a Briefing Builder brief: it has no "format": "${BRIEF_FORMAT}" field${found} — open a .brief saved by Briefing Builder`);
  }
  const migrated = upgrade(json as Json, fail);
  const reserved = reservedKeyProblem(migrated);
  if (reserved) fail(`${reserved}; ${RESTORE_FIX}`);
  const parsed = Brief.safeParse(migrated);
  if (!parsed.success) {
    const from = (json as Json).version !== BRIEF_VERSION ? ` (after upgrading from format version ${String((json as Json).version)})` : '';
    fail(`does not match the brief format${from}: ${describeIssues(parsed.error.issues, migrated)} — ${RESTORE_FIX}`);
  }
  const brief = parsed.data as Brief;
  for (const [key, fact] of Object.entries(brief.pins)) {
    if (fact.id !== key) {
      fail(`pins${keyPath(key)}.id is "${fact.id}" but the pin is filed under "${key}" — make them the same; ${RESTORE_FIX}`);
    }
  }
  return brief;
}

/**
 * "__proto__" as a variable name or pin key is dropped without a word by object construction (zod's
 * included), so a brief could lose it between load and save. It is refused by name instead.
 */
export function reservedKeyProblem(json: unknown): string | null {
  if (!isObject(json)) return null;
  for (const field of ['variables', 'pins'] as const) {
    const rec = json[field];
    if (isObject(rec) && Object.prototype.hasOwnProperty.call(rec, '__proto__')) {
      return `${field}["__proto__"] uses a reserved name — rename it`;
    }
  }
  return null;
}

/** Applies migrations from the file's version up to BRIEF_VERSION; refuses newer or unknown versions. */
function upgrade(json: Json, fail: (reason: string) => never): Json {
  const version = json.version;
  if (version === undefined) fail(`has no format version (a "version" field) — ${RESTORE_FIX}`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    fail(`has an invalid format version ${preview(version)} (expected a whole number) — ${RESTORE_FIX}`);
  }
  const v = version as number;
  if (v > BRIEF_VERSION) {
    fail(
      `was written by a newer Briefing Builder (format version ${v}); this version reads up to ${BRIEF_VERSION} — update the app; ${UPDATE_FIX}`,
    );
  }
  let current = json;
  for (let n = v; n < BRIEF_VERSION; n++) {
    const step = migrations[n];
    if (!step) fail(`uses format version ${v}, which this version of Briefing Builder cannot upgrade; ${UPDATE_FIX}`);
    try {
      current = { ...step!(current), version: n + 1 };
    } catch (e) {
      fail(`could not be upgraded from format version ${n}: ${(e as Error).message}; ${UPDATE_FIX}`);
    }
  }
  return current;
}

const MAX_LISTED_ISSUES = 3;

/** One phrase per schema problem, each naming the JSON path and what it should be. */
function describeIssues(issues: readonly z.core.$ZodIssue[], json: unknown): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => describeIssue(issue, json));
  const more = issues.length - listed.length;
  return listed.join('; ') + (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '');
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const path = jsonPath(issue.path);
  const actual = valueAt(json, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return actual === undefined
        ? `${path} is missing — add ${article(issue.expected)} there`
        : `${path} should be ${article(issue.expected)} but is ${describeValue(actual)}`;
    case 'invalid_union':
      {
        // Zod adds the allowed discriminator values for tagged unions (sections' "kind").
        const options = (issue as { options?: unknown }).options;
        if (Array.isArray(options)) {
          return `${path} ${isOrMissing(actual)}; it should be ${options.map((o) => JSON.stringify(o)).join(' or ')}`;
        }
      }
      return `${path}: ${issue.message}`;
    case 'invalid_value':
      return `${path} ${isOrMissing(actual)}; it should be ${issue.values.map((o) => JSON.stringify(o)).join(' or ')}`;
    default:
      return `${path}: ${issue.message}${actual !== undefined && typeof actual !== 'object' ? ` (it is ${describeValue(actual)})` : ''}`;
  }
}

function jsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 && /^[A-Za-z_$][\w$]*$/.test(String(k)) ? String(k) : keyPath(String(k))))
    .join('');
}

function keyPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = json;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function isOrMissing(v: unknown): string {
  return v === undefined ? 'is missing' : `is ${describeValue(v)}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return preview(v);
}

function preview(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function article(type: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'an object', string: 'text', number: 'a number' };
  return names[type] ?? `a ${type}`;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Finds the first JSON syntax error and says what was expected there. JSON.parse's own messages differ
 * between V8 versions (some carry no position), so the file's line and column are worked out here.
 * Iterative, so a deeply nested damaged file cannot overflow the stack.
 */
export function locateJsonError(text: string): { line: number; column: number; problem: string } | null {
  type Ctx = 'object' | 'array';
  const stack: Ctx[] = [];
  let i = 0;
  const at = (problem: string) => ({ ...lineColumn(text, i), problem });
  const skipWs = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const eof = () => at('the file ends too early (it may be truncated)');

  // Scans one string starting at the opening quote; returns an error or null.
  const scanString = () => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return at('a line break or control character inside a string (escape it, e.g. \\n)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return at('a \\u escape needs four hex digits');
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return at(`"\\${e}" is not a valid escape in a string`);
      } else i++;
    }
    return eof();
  };

  const scanValue = () => {
    const c = text[i];
    if (c === undefined) return eof();
    if (c === '"') return scanString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) return at(`expected a value but found ${JSON.stringify(c)}`);
    i += literal[0].length;
    return null;
  };

  // After a value: decide what closes or continues the enclosing container.
  let expectValue = true;
  for (;;) {
    skipWs();
    if (expectValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c === '{' ? 'object' : 'array');
        i++;
        skipWs();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (c === '{') {
          const err = scanKey();
          if (err) return err;
        }
        continue;
      }
      const err = scanValue();
      if (err) return err;
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? at('unexpected text after the end of the document') : null;
    const c = text[i];
    if (c === undefined) return eof();
    const close = top === 'object' ? '}' : ']';
    if (c === close) {
      stack.pop();
      i++;
      continue;
    }
    if (c !== ',') {
      return at(top === 'object' ? "expected ',' or '}' after a property value" : "expected ',' or ']' after a list item");
    }
    i++;
    skipWs();
    if (top === 'object') {
      const err = scanKey();
      if (err) return err;
    } else if (text[i] === ']') return at("a ',' before ']' (trailing commas are not allowed)");
    expectValue = true;
  }

  // Scans `"key" :` inside an object and leaves i at the value.
  function scanKey() {
    skipWs();
    if (text[i] === undefined) return eof();
    if (text[i] === '}') return at("a ',' before '}' (trailing commas are not allowed)");
    if (text[i] !== '"') return at('expected a property name in double quotes');
    const err = scanString();
    if (err) return err;
    skipWs();
    if (text[i] === undefined) return eof();
    if (text[i] !== ':') return at("expected ':' after a property name");
    i++;
    expectValue = true;
    return null;
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
