// Cross-item checks on a (merged) library: every id a fact, section, country or forum points at must exist.
import { createHash } from 'node:crypto';
import type { Country, Fact, Forum, Library, Problem } from '../../../shared/model/library.js';
import type { CheckMemo } from './cache.js';
import type { Located, LocatedSection } from './read-folder.js';
import { TABLE_QUERIES } from '../../../shared/compose/data-tables.js';

/** The located items that made it into the library (first definition of each id). */
export interface LocatedItems {
  facts: Located<Fact>[];
  sections: LocatedSection[];
  countries: Located<Country>[];
  forums: Located<Forum>[];
}

/**
 * A reference exactly as shared/markdown finds one (REF_PATTERN: it may span lines), or else anything short in
 * double braces on one line. A brace pair that is a reference always matches the first branch, so a match of
 * the second is never one.
 */
const BRACES = /\{\{(?:\s*(fact|value|cite|var)\s*:\s*([A-Za-z0-9_-]+)\s*\}\}|[^{}\n]{0,80}\}\})/g;


const TARGET: Record<'technologies' | 'countries' | 'forums' | 'facts', { word: string; file: string }> = {
  technologies: { word: 'technology', file: 'technologies.yaml' },
  countries: { word: 'country', file: 'countries.yaml' },
  forums: { word: 'forum', file: 'forums.yaml' },
  facts: { word: 'fact', file: 'facts/' },
};


/**
 * What the check reads besides the items it checks: which ids exist (technologies also by name), which facts have
 * a value, and which ids are invalid. An item's problems are a function of its file's content and of this.
 */
export function checkEnvironment(library: Library, invalid: ReadonlySet<string>): string {
  // One string hashed once: 12,000 hash updates cost a cold start about 10 ms.
  const parts: string[] = [];
  for (const t of library.technologies.values()) parts.push(`t\0${t.id}\0${t.name}`);
  for (const id of library.countries.keys()) parts.push(`c\0${id}`);
  for (const id of library.forums.keys()) parts.push(`f\0${id}`);
  for (const f of library.facts.values()) parts.push(f.value === undefined ? f.id : `${f.id}\0v`);
  for (const id of invalid) parts.push(`i\0${id}`);
  return createHash('sha1').update(parts.join('\n')).digest('base64');
}

/**
 * `invalid` holds `collection:id` keys of items that were defined but failed the schema: their own error
 * is reported already, so references to them are not reported a second time as unknown.
 * With a memo (for the environment of checkEnvironment), a file whose content, checked items and environment were seen
 * before gets its problems from it: after one file changed, only that file's items are checked. Problems come
 * file by file, each file's in item order (the caller sorts them by file and line, so that is the same order).
 */
export function checkReferences(library: Library, items: LocatedItems, invalid: ReadonlySet<string>, memo?: CheckMemo): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, line: number, message: string) => problems.push({ file, line, message, severity: 'error' });
  /** Runs `check` over `list` one file at a time, through the memo when every item of the file has a content key. */
  const byFile = <T extends Located<unknown>>(collection: string, list: readonly T[], check: (item: T) => void) => {
    for (let start = 0; start < list.length; ) {
      const file = list[start]!.file;
      let end = start + 1;
      while (end < list.length && list[end]!.file === file) end++;
      const group = list.slice(start, end);
      start = end;
      const key = memo && groupKey(collection, group);
      const known = key === undefined ? undefined : memo!.get(key);
      if (known) {
        problems.push(...known);
        continue;
      }
      const from = problems.length;
      for (const item of group) check(item);
      if (key !== undefined) memo!.set(key, problems.slice(from));
    }
  };

  /** Each id in `ids` (at `field` of the item) must be a key of the target collection. */
  const idsExist = (item: Located<unknown>, label: string, field: readonly string[], ids: readonly string[], target: keyof typeof TARGET) => {
    ids.forEach((id, i) => {
      if (library[target].has(id) || invalid.has(`${target}:${id}`)) return;
      const path = [...field, i];
      const { word, file } = TARGET[target];
      error(item.file, item.lineAt(path), `${label}: ${field.join('.')}[${i}] "${id}" is not a known ${word} — use an id from ${file} or add it there`);
    });
  };

  byFile('facts', items.facts, (item) => {
    const label = `fact "${item.value.id}"`;
    idsExist(item, label, ['tags', 'technologies'], item.value.tags.technologies, 'technologies');
    idsExist(item, label, ['tags', 'countries'], item.value.tags.countries, 'countries');
  });
  byFile('countries', items.countries, (item) => {
    const label = `country "${item.value.id}"`;
    idsExist(item, label, ['forums'], item.value.forums, 'forums');
    idsExist(item, label, ['strengths'], item.value.strengths, 'technologies');
    idsExist(item, label, ['facts'], item.value.facts, 'facts');
  });
  byFile('forums', items.forums, (item) => {
    const label = `forum "${item.value.id}"`;
    idsExist(item, label, ['members'], item.value.members, 'countries');
    idsExist(item, label, ['technologies'], item.value.technologies, 'technologies');
    idsExist(item, label, ['facts'], item.value.facts, 'facts');
  });
  byFile('sections', items.sections, (item) => {
    const label = `section "${item.value.id}"`;
    idsExist(item, label, ['tags', 'technologies'], item.value.tags.technologies, 'technologies');
    idsExist(item, label, ['tags', 'countries'], item.value.tags.countries, 'countries');
    problems.push(...checkBody(item, library, invalid));
  });
  return problems;
}

/**
 * The memo key of one file's checked items (the memo is for one environment): the file, its content key and which of its items
 * are checked (those that won over a clashing id). Undefined when an item has no content key (no cache).
 */
function groupKey(collection: string, group: readonly Located<unknown>[]): string | undefined {
  const first = group[0]!.source;
  if (!first) return undefined;
  const indexes: number[] = [];
  for (const item of group) {
    const source = item.source;
    if (!source || source.key !== first.key) return undefined;
    indexes.push(source.index);
  }
  // Usually every item of the file, in order: 0-N stands for all of them.
  const all = indexes.every((n, i) => n === i);
  return `${collection}\0${group[0]!.file}\0${first.key}\0${all ? `0-${indexes.length}` : indexes.join(',')}`;
}

function lineOfIndex(section: LocatedSection, index: number): number {
  let line = section.bodyLine;
  for (let i = section.value.body.indexOf('\n'); i !== -1 && i < index; i = section.value.body.indexOf('\n', i + 1)) line++;
  return line;
}

function checkBody(item: LocatedSection, library: Library, invalid: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const { body, id, variables } = item.value;
  const label = `section "${id}"`;
  const at = (index: number, message: string, severity: Problem['severity'] = 'error', into = problems) =>
    into.push({ file: item.file, line: lineOfIndex(item, index), message: `${label}: ${message}`, severity });
  const declared = new Set(variables.map((v) => v.name));

  // One pass over the body finds references and brace typos alike; typo warnings go after the reference
  // errors, as they always have, so problems on one line keep their order.
  const warnings: Problem[] = [];
  for (const m of body.matchAll(BRACES)) {
    const [token, kind, refId] = m;
    if (kind === undefined || refId === undefined) {
      // Anything else in double braces would print verbatim in the brief: likely a typo in a reference.
      at(m.index, `"${token}" is not a reference — write {{fact:ID}}, {{value:ID}}, {{cite:ID}} or {{var:NAME}}`, 'warning', warnings);
      continue;
    }
    const canonical = `{{${kind}:${refId}}}`;
    if (kind === 'var') {
      if (!declared.has(refId)) at(m.index, `${canonical} uses a variable that is not declared — add it under "variables:" in the front matter (name and label)`);
      continue;
    }
    const fact = library.facts.get(refId);
    if (!fact) {
      if (!invalid.has(`facts:${refId}`)) at(m.index, `${canonical} refers to an unknown fact "${refId}" — check the id or add the fact to a file in facts/`);
    } else if (kind === 'value' && fact.value === undefined) {
      at(m.index, `${canonical} needs a number but fact "${refId}" has no value — use {{fact:${refId}}} or give the fact a value`);
    }
  }
  problems.push(...warnings);
  // Most sections have no table: skip the fence scan for them.
  for (const table of body.includes('briefing-table') ? findTables(body) : []) {
    const query = table.spec.query;
    if (query === undefined) at(table.index, `a briefing-table block needs "query:" (known: ${TABLE_QUERIES.join(', ')})`);
    else if (!(TABLE_QUERIES as readonly string[]).includes(query)) at(table.index, `briefing-table query "${query}" is unknown — use one of: ${TABLE_QUERIES.join(', ')}`);
    else {
      const tech = table.spec.technology;
      // A {{var:...}} value is filled in per brief; the variable itself is checked above.
      if (tech === undefined || tech === '') at(table.index, `a ${query} table needs "technology:" with a technology id`);
      else if (!tech.includes('{{') && !knownTechnology(library, tech)) {
        at(table.index, `briefing-table technology "${tech}" is not a known technology — use an id from technologies.yaml`);
      }
    }
  }
  return problems;
}

/** Compose accepts a technology by id or by display name. */
function knownTechnology(library: Library, key: string): boolean {
  const k = key.trim().toLowerCase();
  if (library.technologies.has(k)) return true;
  for (const t of library.technologies.values()) if (t.name.toLowerCase() === k) return true;
  return false;
}

/** ```briefing-table fences with their `key: value` lines, read the way compose reads them. */
function findTables(body: string): { index: number; spec: Record<string, string> }[] {
  const out: { index: number; spec: Record<string, string> }[] = [];
  for (const m of body.matchAll(/^(`{3,}|~{3,})[ \t]*briefing-table[ \t]*\r?\n([\s\S]*?)^\1[ \t]*$/gm)) {
    const spec: Record<string, string> = {};
    for (const line of m[2]!.split('\n')) {
      const kv = /^\s*([a-zA-Z-]+)\s*:\s*(.*?)\s*$/.exec(line);
      if (kv) spec[kv[1]!] = kv[2]!.replace(/^["']|["']$/g, '');
    }
    out.push({ index: m.index, spec });
  }
  return out;
}
