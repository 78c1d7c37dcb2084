// The brief format's version history: one migration per format change, and the upgrade that applies them in turn.
import { BRIEF_FORMAT, BRIEF_VERSION } from './brief.js';
import { BriefFormatError, RESTORE_FIX, UPDATE_FIX } from './brief-format-error.js';
import { isJsonObject } from './brief-guards.js';
import { describeValue } from './zod-issues.js';

/** A brief's JSON before the schema check: any object. */
export type Json = Record<string, unknown>;
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
        if (!isJsonObject(s)) return s;
        if (s.ref !== undefined) {
          return { kind: 'linked', sectionId: s.ref, revision: s.revision, title: s.title, body: s.body };
        }
        return { kind: 'detached', id: s.id, title: s.title, body: s.text };
      })
    : sections;

  const pins = Array.isArray(facts)
    ? Object.fromEntries(facts.map((f: unknown, i) => [isJsonObject(f) && typeof f.id === 'string' ? f.id : `#${i}`, f]))
    : facts;

  const out: Json = { format: BRIEF_FORMAT, version: 1, meta, sections: upgradedSections };
  if (vars !== undefined) out.variables = vars;
  if (pins !== undefined) out.pins = pins;
  return out;
}

export const migrations: Readonly<Record<number, Migration>> = { 0: v0ToV1 };

/** Applies migrations from the file's version up to BRIEF_VERSION; refuses newer or unknown versions. */
export function upgradeBrief(json: Json, fileLabel: string): Json {
  const fail = (reason: string): never => {
    throw new BriefFormatError(fileLabel, reason);
  };
  const version = json.version;
  if (version === undefined) fail(`has no format version (a "version" field) — ${RESTORE_FIX}`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    fail(`has an invalid format version ${describeValue(version, 'object')} (expected a whole number) — ${RESTORE_FIX}`);
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
