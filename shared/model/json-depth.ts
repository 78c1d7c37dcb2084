// How deep JSON text nests, found by one linear scan before JSON.parse, so no later recursive walk (schema check, messages, saving) can overflow the stack.
import { BriefFormatError, RESTORE_FIX } from './brief-format-error.js';

/**
 * Deepest nesting a brief may have. A brief written by the app nests six levels (pins → fact → source → url);
 * unknown fields kept from a newer version may add a few. Recursive code past JSON.parse (zod, our messages,
 * JSON.stringify on save) overflows somewhere in the thousands, depending on the stack left.
 */
export const MAX_JSON_DEPTH = 64;

export interface TooDeep {
  /** 1-based line and column of the bracket that went past the limit. */
  line: number;
  column: number;
  /** The top-level field it is in (`format`, `sections`, ...), or '' at the top level itself. */
  field: string;
}

/**
 * Where `text` first nests deeper than `max` objects and lists, or null. Strings are skipped (brackets inside
 * them do not count); the scan is linear and keeps no stack, so it is safe on any input, valid JSON or not.
 */
export function findTooDeep(text: string, max: number = MAX_JSON_DEPTH): TooDeep | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let field = '';
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i + 1;
      for (i = start; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i++;
        else if (s === 0x22) break;
        else if (s === 0x0a) {
          // Not valid JSON, but the place named must still be right.
          line++;
          lineStart = i + 1;
        }
      }
      // Only a short string at depth 1 can be a top-level key worth naming; longer ones are values.
      if (depth === 1 && i - start <= 100) lastString = text.slice(start, i);
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      // At the top level the last string before a bracket is the key whose value it opens.
      if (depth === 1) field = lastString;
      depth++;
      if (depth > max) return { line, column: i - lineStart + 1, field };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth = Math.max(0, depth - 1);
    } else if (c === 0x0a /* \n */) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}

/** Refuses JSON text that nests deeper than MAX_JSON_DEPTH, naming the file, the field and the place. */
export function checkJsonDepth(text: string, fileLabel: string): void {
  const deep = findTooDeep(text);
  if (!deep) return;
  const where = deep.field ? `"${deep.field}" nests` : 'it nests';
  throw new BriefFormatError(
    fileLabel,
    `${where} more than ${MAX_JSON_DEPTH} levels deep at line ${deep.line}, column ${deep.column}; a brief is never that deep — the file may be damaged; ${RESTORE_FIX}`,
  );
}
