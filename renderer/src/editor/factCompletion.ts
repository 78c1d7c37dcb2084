// Fact autocomplete: typing `{{` or `{{fact:` (also value:/cite:) offers facts, ranked by the library search.
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { FactSummary, SearchHit } from '../../../shared/ipc/channels.js';

export interface FactSource {
  facts(): readonly FactSummary[];
  search(query: string): Promise<SearchHit[]>;
  variables(): string[];
}

/** Type more to narrow: the list shows this many and never scrolls. */
const MAX_OPTIONS = 12;

function factOption(kind: string, f: FactSummary, closed: boolean, boost: number): Completion {
  return {
    label: `${kind}:${f.fact.id}`,
    apply: `${kind}:${f.fact.id}${closed ? '' : '}}'}`,
    detail: f.stale ? 'stale' : f.fact.asOf,
    info: `${f.fact.statement}\n\n${f.fact.source.publisher}, ${f.fact.source.date}`,
    type: 'variable',
    boost,
  };
}

export function factCompletion(source: FactSource): CompletionSource {
  return async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    const m = ctx.matchBefore(/\{\{\s*(?:(fact|value|cite|var)\s*:\s*)?[\w-]*$/);
    if (!m) return null;
    const parsed = /^\{\{\s*(?:(fact|value|cite|var)\s*:\s*)?([\w-]*)$/.exec(m.text)!;
    const kind = parsed[1] ?? 'fact';
    const query = parsed[2] ?? '';
    const from = m.from + 2;
    // When the closing braces are already there (editing an existing reference) do not add another pair.
    const closed = ctx.state.sliceDoc(ctx.pos, ctx.pos + 2) === '}}';

    if (kind === 'var') {
      const options = source.variables().slice(0, MAX_OPTIONS).map((name) => ({ label: `var:${name}`, apply: `var:${name}${closed ? '' : '}}'}`, type: 'constant' }));
      return { from, options, filter: true };
    }

    const all = source.facts();
    const q = query.toLowerCase();
    const ranked = new Map<string, Completion>();
    if (q.length >= 2) {
      const hits = await source.search(query).catch(() => [] as SearchHit[]);
      if (ctx.aborted) return null;
      const byId = new Map(all.map((f) => [f.fact.id, f]));
      hits
        .filter((h) => h.kind === 'fact')
        .forEach((h, i) => {
          const f = byId.get(h.id);
          if (f) ranked.set(h.id, factOption(kind, f, closed, 99 - Math.min(i, 98)));
        });
    }
    // Ids and statements containing the typed text follow the search hits, so an exact id always shows up.
    for (const f of all) {
      if (ranked.size >= MAX_OPTIONS) break;
      if (ranked.has(f.fact.id)) continue;
      if (!q || f.fact.id.includes(q) || f.fact.statement.toLowerCase().includes(q)) ranked.set(f.fact.id, factOption(kind, f, closed, f.fact.id.startsWith(q) ? 0 : -1));
    }
    return { from, options: [...ranked.values()], filter: false };
  };
}
