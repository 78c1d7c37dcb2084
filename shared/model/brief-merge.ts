// Writes a typed Brief back into the raw JSON tree it was read from: known fields replaced in place, unknown ones kept where they were.
import { z } from 'zod';
import { Brief, DetachedSection, LinkedSection, type BriefSection } from './brief.js';
import { Fact } from './library.js';
import { scalarValue, toRaw, type RawArray, type RawObject, type RawValue } from './raw-json.js';

type Shape = Readonly<Record<string, z.ZodType>>;
type Plain = Record<string, unknown>;

/** A field's schema without optional/default wrappers: an object schema gives the shape its value is merged by. */
function shapeOf(schema: z.ZodType | undefined): Shape | null {
  let s: z.ZodType | undefined = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodObject ? (s.shape as Shape) : null;
}

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The raw value kept when it already says `value` (its spelling survives), otherwise `value` written afresh. */
function mergeValue(raw: RawValue, value: unknown, schema: z.ZodType | undefined): RawValue {
  const shape = shapeOf(schema);
  if (shape && raw.kind === 'object' && isPlain(value)) return mergeObject(raw, value, shape);
  if (raw.kind === 'scalar' && (value === null || typeof value !== 'object') && scalarValue(raw) === value) return raw;
  const fresh = toRaw(value);
  return sameJson(raw, fresh) ? raw : fresh;
}

function sameJson(a: RawValue, b: RawValue): boolean {
  if (a.kind === 'scalar' || b.kind === 'scalar') return a.kind === b.kind && scalarValue(a as { kind: 'scalar'; text: string }) === scalarValue(b as { kind: 'scalar'; text: string });
  if (a.kind === 'array' && b.kind === 'array') return a.items.length === b.items.length && a.items.every((x, i) => sameJson(x, b.items[i]!));
  if (a.kind === 'object' && b.kind === 'object') {
    return a.entries.length === b.entries.length && a.entries.every(([k, v], i) => k === b.entries[i]![0] && sameJson(v, b.entries[i]![1]));
  }
  return false;
}

type FieldMerge = (raw: RawValue, value: unknown) => RawValue;

/**
 * Known keys (in `shape`) take the typed value where they stand, or go when the typed object no longer has them;
 * unknown keys stay where they were; typed keys the raw object lacks are appended in the typed object's order.
 */
function mergeObject(raw: RawObject, value: Plain, shape: Shape, special: Readonly<Record<string, FieldMerge>> = {}): RawObject {
  const entries: [string, RawValue][] = [];
  const seen = new Set<string>();
  for (const [key, rawValue] of raw.entries) {
    if (!has(shape, key)) {
      entries.push([key, rawValue]);
      continue;
    }
    seen.add(key);
    if (!has(value, key) || value[key] === undefined) continue;
    const merge = has(special, key) ? special[key]! : (r: RawValue, v: unknown) => mergeValue(r, v, shape[key]);
    entries.push([key, merge(rawValue, value[key])]);
  }
  for (const [key, v] of Object.entries(value)) if (!seen.has(key) && v !== undefined) entries.push([key, toRaw(v)]);
  return { kind: 'object', entries };
}

/** A record (variables, pins): kept keys where they were; new ones in sorted place when the file's keys are sorted. */
function mergeRecord(raw: RawValue, value: unknown, valueShape: Shape | null): RawValue {
  if (raw.kind !== 'object' || !isPlain(value)) return toRaw(value);
  const kept: [string, RawValue][] = raw.entries
    .filter(([key]) => has(value, key))
    .map(([key, r]) => {
      const v = value[key];
      return [key, valueShape && r.kind === 'object' && isPlain(v) ? mergeObject(r, v, valueShape) : mergeValue(r, v, undefined)];
    });
  const present = new Set(kept.map(([k]) => k));
  const added = Object.keys(value)
    .filter((k) => !present.has(k))
    .sort(byCodeUnit)
    .map((k): [string, RawValue] => [k, toRaw(value[k])]);
  const sorted = kept.every(([k], i) => i === 0 || byCodeUnit(kept[i - 1]![0], k) < 0);
  return { kind: 'object', entries: sorted ? [...kept, ...added].sort(([a], [b]) => byCodeUnit(a, b)) : [...kept, ...added] };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const SECTION_SHAPES: Readonly<Record<BriefSection['kind'], Shape>> = { linked: LinkedSection.shape, detached: DetachedSection.shape };

function rawSectionKey(raw: RawValue): string | null {
  if (raw.kind !== 'object') return null;
  const field = (name: string) => {
    const entry = raw.entries.find(([k]) => k === name)?.[1];
    return entry?.kind === 'scalar' ? scalarValue(entry) : undefined;
  };
  const kind = field('kind');
  const id = kind === 'linked' ? field('sectionId') : field('id');
  return typeof kind === 'string' && typeof id === 'string' ? `${kind}:${id}` : null;
}

/** Sections in the typed order; each merged with the raw section of the same kind and id (a moved section keeps its unknown fields). */
function mergeSections(raw: RawValue, value: unknown): RawValue {
  if (raw.kind !== 'array' || !Array.isArray(value)) return toRaw(value);
  const unused = new Map<string, RawObject[]>();
  for (const item of raw.items) {
    const key = rawSectionKey(item);
    if (key) unused.set(key, [...(unused.get(key) ?? []), item as RawObject]);
  }
  const items: RawValue[] = (value as BriefSection[]).map((section) => {
    const key = `${section.kind}:${section.kind === 'linked' ? section.sectionId : section.id}`;
    const match = unused.get(key)?.shift();
    return match ? mergeObject(match, section as Plain, SECTION_SHAPES[section.kind]) : toRaw(section);
  });
  return { kind: 'array', items } satisfies RawArray;
}

/** The raw tree of a brief file with `brief`'s content: what a rewrite of that file writes. */
export function mergeBriefIntoRaw(raw: RawObject, brief: Brief): RawObject {
  return mergeObject(raw, brief as Plain, Brief.shape as Shape, {
    sections: mergeSections,
    variables: (r, v) => mergeRecord(r, v, null),
    pins: (r, v) => mergeRecord(r, v, Fact.shape as Shape),
  });
}
