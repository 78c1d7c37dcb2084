// Guards on the raw input of a .brief before it is parsed: size, text encoding, and keys object construction would drop.
import { BriefFormatError, OPEN_A_BRIEF_FIX, RESTORE_FIX } from './brief-format-error.js';
import { scanJsonText } from './json-scan.js';

/** Largest .brief accepted. Real briefs are well under 1 MB; anything bigger is the wrong file. */
export const MAX_BRIEF_BYTES = 20 * 1024 * 1024;

const BINARY = `is not a text file (it contains binary data) — ${OPEN_A_BRIEF_FIX}`;

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Refuses a file too big to be a brief, before anyone reads or parses it. */
export function checkBriefSize(byteSize: number, fileLabel: string): void {
  if (byteSize > MAX_BRIEF_BYTES) {
    throw new BriefFormatError(
      fileLabel,
      `is ${formatMB(byteSize)}; a brief is at most ${formatMB(MAX_BRIEF_BYTES)}, so this is not a brief file — ${OPEN_A_BRIEF_FIX}`,
    );
  }
}

/** The file's bytes as text: refuses UTF-16, binary data and invalid UTF-8, each with its own fix. */
export function decodeBriefBytes(bytes: Uint8Array, fileLabel: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new BriefFormatError(fileLabel, 'is saved as UTF-16 text; briefs are UTF-8 — re-save it as UTF-8 in a text editor');
  }
  if (bytes.includes(0)) throw new BriefFormatError(fileLabel, BINARY);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BriefFormatError(fileLabel, 'is not valid UTF-8 text — the file may be damaged; use the .bak copy beside it if there is one');
  }
}

/** The JSON text of a brief: refuses binary data and empty files, and drops a byte-order mark (Windows editors add one). */
export function briefJsonText(text: string, fileLabel: string): string {
  if (text.includes('\u0000')) throw new BriefFormatError(fileLabel, BINARY);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw new BriefFormatError(fileLabel, `is empty — ${RESTORE_FIX}`);
  return body;
}

/** A JSON object (not null, not a list). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * "__proto__" as a variable name or pin key is dropped without a word by object construction (zod's
 * included), so a brief could lose it between load and save. It is refused by name instead.
 */
export function reservedKeyProblem(json: unknown): string | null {
  if (!isJsonObject(json)) return null;
  for (const field of ['variables', 'pins'] as const) {
    const rec = json[field];
    if (isJsonObject(rec) && Object.prototype.hasOwnProperty.call(rec, '__proto__')) {
      return `${field}["__proto__"] uses a reserved name — rename it`;
    }
  }
  return null;
}

/**
 * Whether `text` nests at most `max` objects and lists, counted exactly as json-depth.ts `findTooDeep` counts
 * (so `nestsWithin(t, m) === (findTooDeep(t, m) === null)` for any text), by the quick scan of json-scan.ts; the
 * reader calls findTooDeep, for the place to name, only when the answer is no.
 */
export function nestsWithin(text: string, max: number): boolean {
  return scanJsonText(text, max).within;
}
