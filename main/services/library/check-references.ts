// Cross-item checks on a (merged) library: every id a fact, section, country or forum points at must exist.
import type { Country, Fact, Forum, Library, Problem } from '../../../shared/model/library.js';
import { findRefs } from '../../../shared/markdown/setup.js';
import type { Located, LocatedSection } from './read-folder.js';

/** The located items that made it into the library (first definition of each id). */
export interface LocatedItems {
  facts: Located<Fact>[];
  sections: LocatedSection[];
  countries: Located<Country>[];
  forums: Located<Forum>[];
}

/** Table queries compose knows (shared/compose/data-tables.ts); keep in step with it. */
const TABLE_QUERIES = ['technology-partners'];

const TARGET: Record<'technologies' | 'countries' | 'forums' | 'facts', { word: string; file: string }> = {
  technologies: { word: 'technology', file: 'technologies.yaml' },
  countries: { word: 'country', file: 'countries.yaml' },
  forums: { word: 'forum', file: 'forums.yaml' },
  facts: { word: 'fact', file: 'facts/' },
};

/**
 * `invalid` holds `collection:id` keys of items that were defined but failed the schema: their own error
 * is reported already, so references to them are not reported a second time as unknown.
 */
export function checkReferences(library: Library, items: LocatedItems, invalid: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, line: number, message: string) => problems.push({ file, line, message, severity: 'error' });

  /** Each id in `ids` (at `field` of the item) must be a key of the target collection. */
  const idsExist = (item: Located<unknown>, label: string, field: readonly string[], ids: readonly string[], target: keyof typeof TARGET) => {
    ids.forEach((id, i) => {
      if (library[target].has(id) || invalid.has(`${target}:${id}`)) return;
      const path = [...field, i];
      const { word, file } = TARGET[target];
      error(item.file, item.lineAt(path), `${label}: ${field.join('.')}[${i}] "${id}" is not a known ${word} — use an id from ${file} or add it there`);
    });
  };

  for (const item of items.facts) {
    const label = `fact "${item.value.id}"`;
    idsExist(item, label, ['tags', 'technologies'], item.value.tags.technologies, 'technologies');
    idsExist(item, label, ['tags', 'countries'], item.value.tags.countries, 'countries');
  }
  for (const item of items.countries) {
    const label = `country "${item.value.id}"`;
    idsExist(item, label, ['forums'], item.value.forums, 'forums');
    idsExist(item, label, ['strengths'], item.value.strengths, 'technologies');
    idsExist(item, label, ['facts'], item.value.facts, 'facts');
  }
  for (const item of items.forums) {
    const label = `forum "${item.value.id}"`;
    idsExist(item, label, ['members'], item.value.members, 'countries');
    idsExist(item, label, ['technologies'], item.value.technologies, 'technologies');
    idsExist(item, label, ['facts'], item.value.facts, 'facts');
  }
  for (const item of items.sections) {
    const label = `section "${item.value.id}"`;
    idsExist(item, label, ['tags', 'technologies'], item.value.tags.technologies, 'technologies');
    idsExist(item, label, ['tags', 'countries'], item.value.tags.countries, 'countries');
    problems.push(...checkBody(item, library, invalid));
  }
  return problems;
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
  const at = (index: number, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: item.file, line: lineOfIndex(item, index), message: `${label}: ${message}`, severity });
  const declared = new Set(variables.map((v) => v.name));

  for (const ref of findRefs(body)) {
    const token = `{{${ref.kind}:${ref.id}}}`;
    if (ref.kind === 'var') {
      if (!declared.has(ref.id)) at(ref.index, `${token} uses a variable that is not declared — add it under "variables:" in the front matter (name and label)`);
      continue;
    }
    const fact = library.facts.get(ref.id);
    if (!fact) {
      if (!invalid.has(`facts:${ref.id}`)) at(ref.index, `${token} refers to an unknown fact "${ref.id}" — check the id or add the fact to a file in facts/`);
    } else if (ref.kind === 'value' && fact.value === undefined) {
      at(ref.index, `${token} needs a number but fact "${ref.id}" has no value — use {{fact:${ref.id}}} or give the fact a value`);
    }
  }
  // Anything else in double braces would print verbatim in the brief: likely a typo in a reference.
  for (const m of body.matchAll(/\{\{[^{}\n]{0,80}\}\}/g)) {
    if (!/^\{\{\s*(fact|value|cite|var)\s*:\s*[A-Za-z0-9_-]+\s*\}\}$/.test(m[0])) {
      at(m.index, `"${m[0]}" is not a reference — write {{fact:ID}}, {{value:ID}}, {{cite:ID}} or {{var:NAME}}`, 'warning');
    }
  }
  for (const table of findTables(body)) {
    const query = table.spec.query;
    if (query === undefined) at(table.index, 'a briefing-table block needs "query:" (known: technology-partners)');
    else if (!TABLE_QUERIES.includes(query)) at(table.index, `briefing-table query "${query}" is unknown — use one of: ${TABLE_QUERIES.join(', ')}`);
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
