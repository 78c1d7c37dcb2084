// A JSON text as an ordered tree that keeps every key, its order and each value's source text, so a brief can be rewritten losslessly.
import { scanJsonText } from './json-scan.js';

/** A string, number, true, false or null, kept as its source text (escapes and number spelling survive a rewrite). */
export interface RawScalar {
  kind: 'scalar';
  text: string;
}
export interface RawObject {
  kind: 'object';
  entries: [key: string, value: RawValue][];
}
export interface RawArray {
  kind: 'array';
  items: RawValue[];
}
export type RawValue = RawScalar | RawObject | RawArray;

/** A key given twice in one object: JSON.parse keeps the last silently; a brief refuses it. */
export interface DuplicateKey {
  key: string;
  line: number;
}

type Open = { node: RawObject; keys: Set<string>; key: string | null } | { node: RawArray };

/**
 * Reads a JSON text that JSON.parse has already accepted (so its syntax is not checked again) into a RawValue,
 * or finds the first duplicate key. Iterative: a deeply nested file cannot overflow the stack.
 */
export function parseRawJson(text: string): { value: RawValue } | { duplicate: DuplicateKey } {
  const stack: Open[] = [];
  let i = 0;
  let line = 1;
  let result: RawValue | undefined;

  const place = (value: RawValue): void => {
    const top = stack[stack.length - 1];
    if (!top) result = value;
    else if (top.node.kind === 'array') top.node.items.push(value);
    else if ('keys' in top && top.key !== null) {
      top.node.entries.push([top.key, value]);
      top.key = null;
    }
  };
  const stringEnd = (start: number): number => {
    let j = start + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      let backslashes = 0;
      for (let k = q - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  };

  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      i++;
    } else if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x2c || c === 0x3a) i++;
    else if (c === 0x7b /* { */) {
      const node: RawObject = { kind: 'object', entries: [] };
      place(node);
      stack.push({ node, keys: new Set(), key: null });
      i++;
    } else if (c === 0x5b /* [ */) {
      const node: RawArray = { kind: 'array', items: [] };
      place(node);
      stack.push({ node });
      i++;
    } else if (c === 0x7d || c === 0x5d /* } ] */) {
      stack.pop();
      i++;
    } else if (c === 0x22 /* " */) {
      const end = stringEnd(i);
      const top = stack[stack.length - 1];
      if (top && 'keys' in top && top.key === null) {
        // A key without escapes is its text between the quotes (JSON.parse has accepted it: no control characters).
        const inner = text.slice(i + 1, end - 1);
        const key = inner.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : inner;
        i = end;
        if (top.keys.has(key)) return { duplicate: { key, line } };
        top.keys.add(key);
        top.key = key;
      } else {
        place({ kind: 'scalar', text: text.slice(i, end) });
        i = end;
      }
    } else {
      let end = i;
      while (end < text.length && !' \t\r\n,]}'.includes(text[end]!)) end++;
      place({ kind: 'scalar', text: text.slice(i, end) });
      i = end;
    }
  }
  return { value: result ?? { kind: 'scalar', text: 'null' } };
}

/**
 * Whether `text` gives some object a key twice, given `parsed`, what JSON.parse made of that very text. JSON.parse
 * keeps one of two equal keys, so the text names more keys than the parsed objects hold exactly when a key is
 * repeated. Counting is cheaper than parseRawJson's tree and key sets (strings are jumped over, not read); a
 * reader that needs no tree asks this first and calls parseRawJson, for the key and its line, only on a yes.
 * A reader that has scanned the text already (json-scan.ts, with its depth check) compares the counts itself.
 */
export function hasDuplicateKey(text: string, parsed: unknown): boolean {
  return scanJsonText(text).keys !== keysInValue(parsed);
}

/**
 * Own keys of every object in a JSON.parse result. Iterative, like the reader. Only objects and lists go on the
 * stack: pushing every string and number too made this the costliest step of a cold brief read (2.5 ms of CPU
 * profile for the 99-pin example, most of its values being scalars).
 */
export function keysInValue(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let keys = 0;
  const stack: object[] = [value];
  while (stack.length) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === 'object' && item !== null) stack.push(item);
      }
      continue;
    }
    const names = Object.keys(v);
    keys += names.length;
    for (let i = 0; i < names.length; i++) {
      const item = (v as Record<string, unknown>)[names[i]!];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
  return keys;
}

/** A plain JSON value (from JSON.parse or a typed model) as a RawValue; undefined members are left out, as JSON.stringify does. */
export function toRaw(value: unknown): RawValue {
  if (Array.isArray(value)) return { kind: 'array', items: value.map((v) => toRaw(v === undefined ? null : v)) };
  if (typeof value === 'object' && value !== null) {
    return {
      kind: 'object',
      entries: Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toRaw(v)]),
    };
  }
  return { kind: 'scalar', text: JSON.stringify(value) ?? 'null' };
}

/** The value a scalar's text stands for. */
export function scalarValue(raw: RawScalar): unknown {
  return JSON.parse(raw.text) as unknown;
}

/**
 * Writes a RawValue as JSON.stringify(value, null, 2) would (two-space indent, `{}` and `[]` when empty), with
 * each scalar's own source text. Iterative, like the reader.
 */
export function serializeRaw(value: RawValue): string {
  const out: string[] = [];
  type Frame = { node: RawObject | RawArray; next: number; indent: string };
  const stack: Frame[] = [];
  const open = (node: RawValue, indent: string) => {
    if (node.kind === 'scalar') out.push(node.text);
    else if ((node.kind === 'object' ? node.entries.length : node.items.length) === 0) out.push(node.kind === 'object' ? '{}' : '[]');
    else {
      out.push(node.kind === 'object' ? '{' : '[');
      stack.push({ node, next: 0, indent });
    }
  };
  open(value, '');
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const { node, indent } = frame;
    const size = node.kind === 'object' ? node.entries.length : node.items.length;
    if (frame.next === size) {
      out.push(`\n${indent}${node.kind === 'object' ? '}' : ']'}`);
      stack.pop();
      continue;
    }
    const inner = `${indent}  `;
    out.push(`${frame.next === 0 ? '' : ','}\n${inner}`);
    let child: RawValue;
    if (node.kind === 'object') {
      const [key, v] = node.entries[frame.next]!;
      out.push(`${JSON.stringify(key)}: `);
      child = v;
    } else child = node.items[frame.next]!;
    frame.next++;
    open(child, inner);
  }
  return out.join('');
}
