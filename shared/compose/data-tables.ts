// ```briefing-table blocks: tables computed from the library (e.g. which countries lead a technology, in which forums).
import type { Block, Inline } from '../model/composed-doc.js';
import type { ComposeContext } from './context.js';

const text = (t: string): Inline[] => [{ kind: 'text', text: t }];

/** Queries a briefing-table block may name (the library checker validates against this list too). */
export const TABLE_QUERIES = ['technology-partners'] as const;

/** The block body is `key: value` lines; variables are substituted first. */
function parseSpec(body: string, ctx: ComposeContext): Map<string, string> {
  // A Map, so a key line such as `__proto__: x` or `constructor: y` is just another unknown key.
  const spec = new Map<string, string>();
  const substituted = body.replace(/\{\{\s*var\s*:\s*([A-Za-z0-9_-]+)\s*\}\}/g, (_, name: string) => ctx.variable(name) ?? '');
  for (const line of substituted.split('\n')) {
    const m = /^\s*([a-zA-Z-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (m) spec.set(m[1]!, m[2]!.replace(/^["']|["']$/g, ''));
  }
  return spec;
}

function problem(ctx: ComposeContext, message: string): Block {
  ctx.warn({ code: 'bad-table', message });
  return { kind: 'paragraph', inlines: [{ kind: 'placeholder', text: `[table not shown: ${message}]` }] };
}

/** Resolve a technology given by id or by display name ("Semiconductors"). */
function findTechnology(ctx: ComposeContext, key: string) {
  const lib = ctx.library;
  const k = key.trim().toLowerCase();
  return lib.technologies.get(k) ?? [...lib.technologies.values()].find((t) => t.name.toLowerCase() === k);
}

export function dataTable(body: string, ctx: ComposeContext): Block {
  const spec = parseSpec(body, ctx);
  const query = spec.get('query');
  if (query !== 'technology-partners') {
    return problem(ctx, `unknown table query "${query ?? ''}" (known: ${TABLE_QUERIES.join(', ')})`);
  }
  const technology = spec.get('technology') ?? '';
  const tech = findTechnology(ctx, technology);
  if (!tech) return problem(ctx, `unknown technology "${technology}" in a technology-partners table`);
  const lib = ctx.library;
  const countries = [...lib.countries.values()]
    .filter((c) => c.strengths.includes(tech.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (countries.length === 0) return problem(ctx, `no country in the library is listed as strong in ${tech.name}`);
  const rows = countries.map((c) => [
    text(c.name),
    text(c.candidate ? 'Candidate member' : 'Partner'),
    text(
      c.forums
        .map((f) => lib.forums.get(f)?.name ?? f)
        .sort()
        .join(', ') || '—',
    ),
  ]);
  return {
    kind: 'table',
    header: [text('Country'), text('Role'), text('Forums and groupings')],
    rows,
    align: ['left', 'left', 'left'],
    caption: `Countries strong in ${tech.name}, from the library`,
  };
}
