// Appends one list to another without spreading it into call arguments (a spread of ~120k items overflows the stack).

/** `out.push(...items)` for lists of any length: a long paragraph lays out into hundreds of thousands of lines. */
export function appendAll<T>(out: T[], items: readonly T[]): T[] {
  for (const it of items) out.push(it);
  return out;
}
