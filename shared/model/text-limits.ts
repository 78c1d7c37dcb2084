// Longest text each kind of library field may hold, and the zod string that says so in its message.
import { z } from 'zod';

/**
 * Real values are far shorter (the longest statement in the bundled library is a few hundred characters); past
 * these a file is refused by field, in one problem naming it, before a huge string costs seconds and gigabytes
 * in search, compose and layout (a 50 MB statement: 8.4 s and 1.8 GB).
 */
export const TEXT_LIMITS = {
  /** Ids, names, titles, units, publishers, labels, dates, tags. */
  short: 1_000,
  /** A fact's statement, a description, a section summary, a variable's default. */
  statement: 10_000,
  /** A section's Markdown body (the loader checks it: it splits the body from the front matter). */
  body: 1_000_000,
} as const;

/**
 * An integer with thousands separators, as toLocaleString('en-US') writes it. The schemas are built when the
 * modules load, and the first toLocaleString of a process starts ICU's number formatting (20 ms of a cold CLI).
 */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A string of at most `max` characters, refused with the limit and the fix. */
export function limitedText(max: number): z.ZodString {
  return z.string().max(max, `is longer than ${groupDigits(max)} characters, the most this field may hold; shorten it`);
}
