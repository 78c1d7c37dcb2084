// parseBriefJson: guards, JSON syntax positions, format/version checks, migrations and schema messages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRIEF_VERSION } from '../../../shared/model/brief.js';
import { BriefFormatError } from '../../../shared/model/brief-format-error.js';
import { MAX_BRIEF_BYTES } from '../../../shared/model/brief-guards.js';
import { locateJsonError } from '../../../shared/model/json-location.js';
import { migrations } from '../../../shared/model/migrations.js';
import { parseBriefJson } from '../../../shared/model/parse-brief.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/briefs/${name}`, import.meta.url), 'utf8');

/** The BriefFormatError thrown by parsing `text`, or a failure if it parsed. */
function errorOf(text: string, options?: { byteSize?: number }): BriefFormatError {
  try {
    parseBriefJson(text, 'memo.brief', options);
  } catch (e) {
    expect(e).toBeInstanceOf(BriefFormatError);
    return e as BriefFormatError;
  }
  throw new Error('expected parseBriefJson to throw');
}

const minimal = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'briefing-builder/brief',
    version: 1,
    meta: { title: 'T', template: 'one-pager', date: '2025-01-01' },
    sections: [],
    ...over,
  });

describe('parseBriefJson', () => {
  it('reads a valid v1 brief and fills in defaults', () => {
    const brief = parseBriefJson(minimal(), 'memo.brief');
    expect(brief.meta.paper).toBe('letter');
    expect(brief.variables).toEqual({});
    expect(parseBriefJson(fixture('valid-v1.brief'), 'valid-v1.brief').sections).toHaveLength(2);
  });

  it('names the file in the message as `FILE: reason`', () => {
    const e = errorOf('not json');
    expect(e.file).toBe('memo.brief');
    expect(e.message).toBe(`memo.brief: ${e.reason}`);
  });

  it('gives the line and column of a JSON syntax error', () => {
    expect(errorOf(fixture('syntax-error.brief')).reason).toMatch(
      /^is not valid JSON: expected ',' or '}' after a property value at line 6, column 5 — .*\.bak/,
    );
    expect(errorOf(fixture('truncated.brief')).reason).toMatch(/ends too early \(it may be truncated\) at line \d+, column \d+/);
  });

  it('refuses a JSON file that is not a brief', () => {
    expect(errorOf(fixture('not-a-brief.json')).reason).toMatch(/^is not a Briefing Builder brief: it has no "format"/);
    expect(errorOf('[1, 2]').reason).toMatch(/^is not a Briefing Builder brief/);
    expect(errorOf(minimal({ format: 'other-app/doc' })).reason).toMatch(/its "format" is "other-app\/doc"/);
  });

  it('refuses a newer format version with the update advice', () => {
    expect(errorOf(fixture('newer-v3.brief')).reason).toBe(
      `was written by a newer Briefing Builder (format version 3); this version reads up to ${BRIEF_VERSION} — update the app; the file was not changed`,
    );
  });

  it('refuses missing, invalid and unknown old versions', () => {
    expect(errorOf(minimal({ version: undefined })).reason).toMatch(/^has no format version/);
    expect(errorOf(minimal({ version: '1' })).reason).toMatch(/^has an invalid format version "1"/);
    expect(errorOf(minimal({ version: 1.5 })).reason).toMatch(/^has an invalid format version 1.5/);
    expect(errorOf(minimal({ version: -1 })).reason).toMatch(/^has an invalid format version -1/);
  });

  it('refuses binary text and oversize input before parsing', () => {
    expect(errorOf('{"format":\u0000}').reason).toMatch(/^is not a text file/);
    expect(errorOf(minimal(), { byteSize: MAX_BRIEF_BYTES + 1 }).reason).toMatch(/^is 20\.0 MB; a brief is at most 20\.0 MB/);
    expect(errorOf('').reason).toMatch(/^is empty/);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseBriefJson(`\uFEFF${minimal()}`, 'memo.brief').meta.title).toBe('T');
  });

  it('names the JSON path and the fix for schema errors', () => {
    const reason = errorOf(fixture('schema-error.brief')).reason;
    expect(reason).toContain('meta.date "2025-02-30": not a real calendar date — write it as YYYY-MM-DD (or YYYY-MM for a month)');
    expect(reason).toContain('sections[0].body is missing — add text there');
    expect(errorOf(minimal({ sections: [{ kind: 'linked-ish' }] })).reason).toContain(
      'sections[0].kind "linked-ish" is not one of: linked, detached',
    );
    expect(errorOf(minimal({ meta: { title: 'T', template: 'poster', date: '2025-01-01' } })).reason).toContain(
      'meta.template "poster" is not one of: issue-brief, decision-memo, one-pager',
    );
    expect(errorOf(minimal({ variables: { 'a b': 3 } })).reason).toContain('variables["a b"] should be text but is 3');
  });

  it('lists at most three schema problems', () => {
    const reason = errorOf(minimal({ meta: {}, sections: 'none', variables: 5 })).reason;
    expect(reason).toContain('meta.template is missing — use one of: issue-brief, decision-memo, one-pager');
    expect(reason).toMatch(/\(and 2 more problems\)/);
  });

  it('refuses "__proto__" as a variable name or pin key rather than dropping it', () => {
    expect(errorOf(minimal({}).replace('"sections":[]', '"sections":[],"variables":{"__proto__":"x"}')).reason).toMatch(
      /^variables\["__proto__"\] uses a reserved name — rename it/,
    );
    expect(errorOf(minimal({}).replace('"sections":[]', '"sections":[],"pins":{"__proto__":{}}')).reason).toMatch(/^pins\["__proto__"\]/);
  });

  it('requires each pin to be filed under its own fact id', () => {
    const pin = JSON.parse(fixture('valid-v1.brief')).pins['quantum-funding'];
    expect(errorOf(minimal({ pins: { other: pin } })).reason).toMatch(/^pins\.other\.id is "quantum-funding" but the pin is filed under "other"/);
  });
});

describe('migrations', () => {
  it('has a step from every supported version up to the current one', () => {
    const versions = Object.keys(migrations).map(Number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: BRIEF_VERSION }, (_, i) => i));
  });

  it('upgrades the pre-release v0 shape to exactly the v1 brief', () => {
    const upgraded = parseBriefJson(fixture('v0-prerelease.brief'), 'v0-prerelease.brief');
    expect(upgraded).toEqual(parseBriefJson(fixture('valid-v1.brief'), 'valid-v1.brief'));
    expect(upgraded.meta.authors).toEqual(['A. Analyst', 'B. Drafter']);
  });

  it('reports schema problems in a migrated file with the version it came from', () => {
    const v0 = JSON.parse(fixture('v0-prerelease.brief'));
    v0.sections[1].text = 42;
    expect(errorOf(JSON.stringify(v0)).reason).toMatch(
      /^does not match the brief format \(after upgrading from format version 0\): sections\[1\]\.body should be text but is 42/,
    );
  });
});

describe('locateJsonError', () => {
  it.each([
    ['{"a":}', 1, 6, 'expected a value'],
    ['{"a" 1}', 1, 6, "expected ':'"],
    ['{\n  "a": [1, 2,]\n}', 2, 14, 'trailing commas'],
    ['{"a": 1,}', 1, 9, 'trailing commas'],
    ['{"a": "x\ny"}', 1, 9, 'control character inside a string'],
    ['{"a": "\\q"}', 1, 8, 'not a valid escape'],
    ['{"a": 1} extra', 1, 10, 'after the end'],
    ['[[[[', 1, 5, 'ends too early'],
    ["{'a': 1}", 1, 2, 'property name in double quotes'],
  ])('%j -> line %i column %i', (text, line, column, problem) => {
    expect(JSON.parse.bind(null, text)).toThrow();
    expect(locateJsonError(text)).toMatchObject({ line, column, problem: expect.stringContaining(problem) });
  });

  it('finds nothing wrong in valid JSON, including deep nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(locateJsonError(deep)).toBeNull();
    expect(locateJsonError(fixture('valid-v1.brief'))).toBeNull();
  });
});
