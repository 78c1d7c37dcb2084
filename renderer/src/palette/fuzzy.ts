// Fuzzy matching for the command palette, as VS Code's: the typed letters in order, word starts and runs first.
/** The match's score (higher is better) and which characters of `text` matched, or null when it does not match. */
export function fuzzyMatch(query: string, text: string): { score: number; indices: number[] } | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!q) return { score: 0, indices: [] };
  const t = text.toLowerCase();
  // A plain substring is the best kind of match; at a word start better still.
  const at = t.indexOf(q);
  if (at >= 0) {
    const wordStart = at === 0 || /[\s\-–—/(]/.test(t[at - 1]!);
    return { score: 1000 - at + (wordStart ? 500 : 0) + (at === 0 ? 200 : 0), indices: Array.from({ length: q.length }, (_, i) => at + i) };
  }
  // Otherwise each letter in order, greedy, preferring a letter that starts a word.
  const indices: number[] = [];
  let score = 0;
  let from = 0;
  const letters = q.replace(/ /g, '');
  for (let n = 0; n < letters.length; n++) {
    const ch = letters[n]!;
    const rest = letters.slice(n + 1);
    let found = -1;
    for (let i = from; i < t.length; i++) {
      if (t[i] !== ch) continue;
      if (found < 0) found = i;
      // A later word start only if the remaining letters still follow it.
      if ((i === 0 || /[\s\-–—/(]/.test(t[i - 1]!)) && isSubsequence(rest, t, i + 1)) {
        found = i;
        break;
      }
    }
    if (found < 0) return null;
    const wordStart = found === 0 || /[\s\-–—/(]/.test(t[found - 1]!);
    const run = indices.length > 0 && indices[indices.length - 1] === found - 1;
    score += (wordStart ? 30 : 0) + (run ? 20 : 0) + 1 - Math.min(found - from, 10);
    indices.push(found);
    from = found + 1;
  }
  return { score, indices };
}

function isSubsequence(letters: string, t: string, from: number): boolean {
  let i = from;
  for (const ch of letters) {
    i = t.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

/** The items that match, best first; equal scores keep the items' own order. */
export function fuzzyFilter<T>(query: string, items: readonly T[], text: (item: T) => string): { item: T; indices: number[] }[] {
  return items
    .map((item, order) => ({ item, order, m: fuzzyMatch(query, text(item)) }))
    .filter((x): x is { item: T; order: number; m: { score: number; indices: number[] } } => x.m !== null)
    .sort((a, b) => b.m.score - a.m.score || a.order - b.order)
    .map(({ item, m }) => ({ item, indices: m.indices }));
}
