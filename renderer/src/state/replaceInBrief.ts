// Find and replace across every section of a brief (the Find in brief panel): the matches listed by section, and
// Replace all as one new Brief, through setSectionBody, so a linked section becomes its edited copy as when typing.
import { sectionKey, type Brief } from '../../../shared/model/brief.js';
import { findMatches, replaceAll, snippetOf, type FindOptions, type Snippet } from '../../../shared/text/find-replace.js';
import { setSectionBody } from './briefEdits.js';

export interface BriefMatch {
  key: string;
  title: string;
  from: number;
  to: number;
  snippet: Snippet;
}

export type BriefFindResult = { ok: true; matches: BriefMatch[]; truncated: boolean } | { ok: false; error: string };

/** Every match in every section body, in outline order. */
export function findInBrief(brief: Brief, query: string, opts: FindOptions): BriefFindResult {
  const matches: BriefMatch[] = [];
  let truncated = false;
  for (const s of brief.sections) {
    const r = findMatches(s.body, query, opts);
    if (!r.ok) return r;
    truncated ||= r.truncated;
    for (const m of r.matches) matches.push({ key: sectionKey(s), title: s.title, from: m.from, to: m.to, snippet: snippetOf(s.body, m.from, m.to) });
  }
  return { ok: true, matches, truncated };
}

export type BriefReplaceResult =
  | { ok: true; brief: Brief; count: number; sections: number; rekeyed: Map<string, string> }
  | { ok: false; error: string };

/** Replaces every match in every section; `rekeyed` maps each linked section's key to its edited copy's. */
export function replaceInBrief(brief: Brief, query: string, replacement: string, opts: FindOptions): BriefReplaceResult {
  let next = brief;
  let count = 0;
  let sections = 0;
  const rekeyed = new Map<string, string>();
  for (const s of brief.sections) {
    const r = replaceAll(s.body, query, replacement, opts);
    if (!r.ok) return r;
    if (r.count === 0 || r.text === s.body) continue;
    const key = sectionKey(s);
    const edited = setSectionBody(next, key, r.text);
    next = edited.brief;
    if (edited.key !== key) rekeyed.set(key, edited.key);
    count += r.count;
    sections++;
  }
  return { ok: true, brief: next, count, sections, rekeyed };
}
