// Stale-fact help, pure: facts on the same subject to replace one with (best first), a reference swapped in a
// section's text, the exact text of a warning's reference (where the cursor goes), and a free id for a copy.
import { REF_PATTERN } from '../../../shared/markdown/setup.js';
import type { FactSummary } from '../../../shared/ipc/channels.js';
import type { Fact } from '../../../shared/model/library.js';

/**
 * Current facts sharing a technology or country tag with `stale`: the more tags shared the better (a technology
 * counts twice, being the subject; a topic counts half), then the most recent figure, then by id.
 */
export function replacementCandidates(stale: Fact, facts: readonly FactSummary[], limit = 12): FactSummary[] {
  const techs = new Set(stale.tags.technologies);
  const countries = new Set(stale.tags.countries);
  const topics = new Set(stale.tags.topics);
  const scored = facts
    .filter((f) => !f.stale && f.fact.id !== stale.id)
    .map((f) => {
      const t = f.fact.tags.technologies.filter((x) => techs.has(x)).length;
      const c = f.fact.tags.countries.filter((x) => countries.has(x)).length;
      const p = f.fact.tags.topics.filter((x) => topics.has(x)).length;
      return { f, t, c, score: 2 * t + c + p / 2 };
    })
    .filter((x) => x.t + x.c > 0);
  scored.sort((a, b) => b.score - a.score || (a.f.fact.asOf < b.f.fact.asOf ? 1 : a.f.fact.asOf > b.f.fact.asOf ? -1 : 0) || (a.f.fact.id < b.f.fact.id ? -1 : 1));
  return scored.slice(0, limit).map((x) => x.f);
}

/** The body with every reference to fact `from` (fact, value or cite) pointing at `to`, each keeping its kind. */
export function replaceFactRefs(body: string, from: string, to: string): string {
  return body.replace(new RegExp(REF_PATTERN.source, 'g'), (whole, kind: string, id: string) => (kind !== 'var' && id === from ? `{{${kind}:${to}}}` : whole));
}

/** The text of the first reference to `id` in the body, as written (`{{ fact: x }}` included); undefined if none. */
export function refText(body: string, id: string, variable = false): string | undefined {
  for (const m of body.matchAll(new RegExp(REF_PATTERN.source, 'g'))) {
    if (m[2] === id && (m[1] === 'var') === variable) return m[0];
  }
  return undefined;
}

/** An id for a personal copy of `id` that no known fact has: `id-mine`, then `id-mine-2`, … */
export function copyId(id: string, taken: (id: string) => boolean): string {
  const base = `${id.replace(/-mine(-\d+)?$/, '')}-mine`;
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    if (!taken(candidate)) return candidate;
  }
}
