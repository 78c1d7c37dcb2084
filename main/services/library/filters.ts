// Filters shared by search and plain listing: by kind, topic, technology and country, per kind of item.
import type { Country, Fact, Forum, Library, Section } from '../../../shared/model/library.js';

export type ItemKind = 'fact' | 'section' | 'country' | 'forum';
export const ITEM_KINDS: readonly ItemKind[] = ['section', 'fact', 'country', 'forum'];

export type Entry =
  | { kind: 'fact'; item: Fact }
  | { kind: 'section'; item: Section }
  | { kind: 'country'; item: Country }
  | { kind: 'forum'; item: Forum };

export interface ItemFilters {
  kinds?: readonly ItemKind[];
  /** A section's topic or any item's tags.topics. */
  topic?: string;
  /** Tagged with it; a country strong in it; a forum working on it. */
  technology?: string;
  /** Tagged with it; that country itself; a forum it belongs to. */
  country?: string;
}

export function matchesFilters(entry: Entry, f: ItemFilters): boolean {
  if (f.kinds && !f.kinds.includes(entry.kind)) return false;
  if (f.topic !== undefined && !topicsOf(entry).includes(f.topic)) return false;
  if (f.technology !== undefined && !technologiesOf(entry).includes(f.technology)) return false;
  if (f.country !== undefined && !countriesOf(entry).includes(f.country)) return false;
  return true;
}

function topicsOf(e: Entry): readonly string[] {
  if (e.kind === 'section') return [e.item.topic, ...e.item.tags.topics];
  return e.kind === 'fact' ? e.item.tags.topics : [];
}

export function technologiesOf(e: Entry): readonly string[] {
  switch (e.kind) {
    case 'fact':
    case 'section':
      return e.item.tags.technologies;
    case 'country':
      return e.item.strengths;
    case 'forum':
      return e.item.technologies;
  }
}

function countriesOf(e: Entry): readonly string[] {
  switch (e.kind) {
    case 'fact':
    case 'section':
      return e.item.tags.countries;
    case 'country':
      return [e.item.id];
    case 'forum':
      return e.item.members;
  }
}

/** Every item of the given kinds, in a stable order (kind, then id). */
export function entries(library: Library, kinds: readonly ItemKind[] = ITEM_KINDS): Entry[] {
  const out: Entry[] = [];
  const byId = <T extends { id: string }>(m: Map<string, T>) => [...m.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const kind of kinds) {
    if (kind === 'section') for (const item of byId(library.sections)) out.push({ kind, item });
    if (kind === 'fact') for (const item of byId(library.facts)) out.push({ kind, item });
    if (kind === 'country') for (const item of byId(library.countries)) out.push({ kind, item });
    if (kind === 'forum') for (const item of byId(library.forums)) out.push({ kind, item });
  }
  return out;
}

/** Display title: a section's title, a country's or forum's name, a fact's statement. */
export function titleOf(e: Entry): string {
  switch (e.kind) {
    case 'section':
      return e.item.title;
    case 'fact':
      return e.item.statement.trim();
    case 'country':
    case 'forum':
      return e.item.name;
  }
}
