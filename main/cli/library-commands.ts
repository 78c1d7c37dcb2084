// The `briefing check` and `briefing list` commands: validate and browse the mounted libraries.
import { statSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATE_IDS, type TemplateId } from '../../shared/model/brief.js';
import type { Library, Problem } from '../../shared/model/library.js';
import { entries, matchesFilters, titleOf, type Entry, type ItemFilters, type ItemKind } from '../services/library/filters.js';
import { loadLibraries, type LoadResult, type Mount } from '../services/library/mount.js';
import { LibraryIndex, checkSearchQuery } from '../services/library/search.js';
import { staleFacts } from '../services/library/staleness.js';
import { EXIT, guarded, parseCommandArgs, UsageError, UserError, type CliIO } from './io.js';

export interface LibraryCommandContext {
  bundledDir: string;
  /** The day staleness is judged on. */
  today: Date;
}

const CHECK_USAGE = 'usage: briefing check [--library DIR]...';
const LIST_USAGE = 'usage: briefing list sections|facts|templates|profiles|countries|forums [--search Q] [--topic T] [--technology T] [--country C] [--json] [--library DIR]...';

const TEMPLATES: Record<TemplateId, { name: string; description: string }> = {
  'issue-brief': { name: 'Issue brief', description: 'Think-tank brief: "The Issue" summary box, parts with subparts, pull quotes, endnotes; 4-12 pages' },
  'decision-memo': { name: 'Decision memo', description: 'Memorandum for a decision maker: FOR / FROM / SUBJECT header, numbered paragraphs, markings' },
  'one-pager': { name: 'One-pager', description: 'A single page: title, short summary and key facts with sources' },
};

const LIST_KINDS = ['sections', 'facts', 'templates', 'profiles', 'countries', 'forums'] as const;
type ListKind = (typeof LIST_KINDS)[number];
const ITEM_KIND: Record<Exclude<ListKind, 'templates' | 'profiles'>, ItemKind> = { sections: 'section', facts: 'fact', countries: 'country', forums: 'forum' };

/** The bundled library first (it wins on clashing ids), then each --library folder in the order given. */
export function mountsFor(ctx: LibraryCommandContext, extra: readonly string[] | undefined): Mount[] {
  const mounts: Mount[] = [{ dir: ctx.bundledDir, kind: 'bundled', readOnly: true }];
  for (const dir of extra ?? []) {
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) throw new UserError(`${dir}: no such library folder; give a folder that contains library.yaml`);
    mounts.push({ dir: path.resolve(dir), kind: 'team', readOnly: true });
  }
  return mounts;
}

/** Paths as typed in a shell: relative to the working folder when inside it, else absolute. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function formatProblem(p: Problem): string {
  const where = p.line === undefined ? displayPath(p.file) : `${displayPath(p.file)}:${p.line}`;
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** `briefing check [--library DIR]...`: counts per library, every problem as FILE:LINE: message; exit 1 on errors. */
export async function runCheck(argv: string[], io: CliIO, ctx: LibraryCommandContext): Promise<number> {
  return guarded(io, async () => {
    const { values } = parseCommandArgs(argv, { library: { type: 'string', multiple: true } }, CHECK_USAGE, false);
    const result = await loadLibraries(mountsFor(ctx, values.library));
    const stale = new Set(staleFacts(result.library, ctx.today).map((s) => s.id));
    for (const lib of result.libraries) {
      const count = (c: keyof LoadResult['origins']) => [...result.origins[c].values()].filter((o) => o.mount === lib.mount).length;
      const staleHere = [...stale].filter((id) => result.origins.facts.get(id)?.mount === lib.mount).length;
      io.stdout(`${lib.mount.kind} library "${lib.manifest.id}" ${lib.manifest.version} (${displayPath(path.resolve(lib.mount.dir))})`);
      io.stdout(
        `  ${plural(count('facts'), 'fact')}, ${plural(count('sections'), 'section')}, ${plural(count('countries'), 'country', 'countries')}, ` +
          `${plural(count('forums'), 'forum')}, ${plural(count('technologies'), 'technology', 'technologies')}; ` +
          `${plural(staleHere, 'stale fact')} as of ${ctx.today.toISOString().slice(0, 10)}`,
      );
    }
    for (const p of result.problems) io.stdout(formatProblem(p));
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    const warnings = result.problems.length - errors;
    io.stdout(errors || warnings ? `${plural(errors, 'error')}, ${plural(warnings, 'warning')}` : 'no problems found');
    return errors ? EXIT.badInput : EXIT.ok;
  });
}

interface ListRow {
  entry: Entry;
  score?: number;
}

/** `briefing list KIND [filters] [--json]`: a table for people, or a JSON array for scripts. */
export async function runList(argv: string[], io: CliIO, ctx: LibraryCommandContext): Promise<number> {
  return guarded(io, async () => {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        search: { type: 'string' },
        topic: { type: 'string' },
        technology: { type: 'string' },
        country: { type: 'string' },
        json: { type: 'boolean', default: false },
        library: { type: 'string', multiple: true },
      },
      LIST_USAGE,
      true,
    );
    const what = positionals[0];
    if (positionals.length !== 1 || !LIST_KINDS.includes(what as ListKind)) {
      const got = positionals.length > 1 ? `one kind, got "${positionals.join(' ')}"` : what ? `a kind to list, got "${what}"` : 'a kind to list';
      throw new UsageError(`list needs ${got} (${LIST_USAGE})`);
    }
    if (what === 'templates') return listTemplates(io, values);
    if (values.search !== undefined) checkSearchQuery(values.search); // refused before the libraries are read
    const mounts = mountsFor(ctx, values.library);
    const result = await loadLibraries(mounts);
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    if (errors) io.stderr(`briefing: warning: the libraries have ${plural(errors, 'problem')}; run \`briefing check\` for details`);
    if (what === 'profiles') return listProfiles(io, result.library, values);
    const filters: ItemFilters = {
      kinds: [ITEM_KIND[what as Exclude<ListKind, 'templates' | 'profiles'>]],
      ...(values.topic !== undefined ? { topic: values.topic } : {}),
      ...(values.technology !== undefined ? { technology: values.technology } : {}),
      ...(values.country !== undefined ? { country: values.country } : {}),
    };
    const rows = values.search ? searchRows(result.library, values.search, filters) : entries(result.library, filters.kinds).filter((e) => matchesFilters(e, filters)).map((entry) => ({ entry }));
    if (values.json) io.stdout(JSON.stringify(rows.map((r) => jsonRow(r, result)), null, 2));
    else io.stdout(rows.length ? table(rows.map((r) => humanRow(r.entry))) : `no ${what} match`);
    return EXIT.ok;
  });
}

function searchRows(library: Library, query: string, filters: ItemFilters): ListRow[] {
  const byId = new Map(entries(library, filters.kinds).map((e) => [e.item.id, e]));
  return new LibraryIndex(library)
    .search(query, { ...filters, limit: byId.size })
    .map((r) => ({ entry: byId.get(r.id)!, score: Math.round(r.score * 1000) / 1000 }));
}

function listTemplates(io: CliIO, values: { search?: string; topic?: string; technology?: string; country?: string; json: boolean; library?: string[] }): number {
  const given = (['search', 'topic', 'technology', 'country'] as const).find((k) => values[k] !== undefined);
  if (given) throw new UsageError(`--${given} does not apply to templates (${LIST_USAGE})`);
  const rows = TEMPLATE_IDS.map((id) => ({ id, ...TEMPLATES[id] }));
  io.stdout(values.json ? JSON.stringify(rows, null, 2) : table(rows.map((t) => [t.id, t.name, t.description])));
  return EXIT.ok;
}

/** The marking profiles with what `new --section ID:MARKING` and `--field` accept: levels, controls, block fields. */
function listProfiles(io: CliIO, library: Library, values: { search?: string; topic?: string; technology?: string; country?: string; json: boolean }): number {
  const given = (['search', 'topic', 'technology', 'country'] as const).find((k) => values[k] !== undefined);
  if (given) throw new UsageError(`--${given} does not apply to profiles (${LIST_USAGE})`);
  const profiles = [...library.markingProfiles.values()];
  if (values.json) {
    io.stdout(JSON.stringify(profiles, null, 2));
    return EXIT.ok;
  }
  io.stdout(
    table(
      profiles.map((p) => [
        p.id,
        p.name,
        `levels ${p.levels.map((l) => l.portion).join(', ')}` +
          (p.controls.length ? `; controls ${p.controls.map((c) => c.portion).join(', ')}` : '') +
          (p.block?.fields.length ? `; --field ${p.block.fields.map((f) => f.name).join(', ')}` : ''),
      ]),
    ),
  );
  return EXIT.ok;
}

function jsonRow({ entry, score }: ListRow, result: LoadResult): Record<string, unknown> {
  const origin = result.origins[entry.kind === 'fact' ? 'facts' : entry.kind === 'section' ? 'sections' : entry.kind === 'country' ? 'countries' : 'forums'].get(entry.item.id);
  const where = origin ? { library: origin.libraryId, file: origin.file } : {};
  const scored = score === undefined ? {} : { score };
  if (entry.kind === 'section') {
    // The body is the bulk of a section and is in its file; listing gives what is needed to pick one.
    const { body: _body, origin: _origin, ...meta } = entry.item;
    return { ...meta, ...where, ...scored };
  }
  return { ...entry.item, ...where, ...scored };
}

function humanRow(e: Entry): string[] {
  switch (e.kind) {
    case 'section':
      return [e.item.id, e.item.topic, `r${e.item.revision}`, e.item.title];
    case 'fact':
      return [e.item.id, e.item.asOf, titleOf(e)];
    case 'country':
      return [e.item.id, e.item.name, e.item.candidate ? 'candidate' : '', e.item.strengths.join(', ')];
    case 'forum':
      return [e.item.id, e.item.kind, e.item.name];
  }
}

/** Columns padded to their widest cell; the last column is cut so a row fits in about 120 characters. */
function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => {
      const head = row.slice(0, -1).map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
      const room = Math.max(30, 120 - head.length - 2);
      const last = row[row.length - 1]!.replace(/\s+/g, ' ');
      const cut = last.length > room ? `${last.slice(0, room - 1)}…` : last;
      return (head ? `${head}  ${cut}` : cut).trimEnd();
    })
    .join('\n');
}
