// compose(): brief + library -> the resolved document tree every renderer uses. Pure and deterministic.
import type { Brief, BriefSection } from '../model/brief.js';
import { sectionKey } from '../model/brief.js';
import type { Block, ComposedDoc, DocSection } from '../model/composed-doc.js';
import type { Library } from '../model/library.js';
import { findRefs, parseMarkdown } from '../markdown/setup.js';
import { fillBlockLine, markingProfile, overallLevel, type MarkingProfile } from '../markings.js';
import { convertBlocks, slug } from './blocks.js';
import { convertInlines, plainText } from './inlines.js';
import { refusedBodyLink } from './links.js';
import { ComposeContext, formatHumanDate } from './context.js';
import { diffFact } from '../brief-changes.js';

export interface ComposeOptions {
  /** "Today" for staleness checks; injected so compose stays pure. */
  today: Date;
}

export function compose(brief: Brief, library: Library, options: ComposeOptions): ComposedDoc {
  const ctx = new ComposeContext(brief, library, options.today);
  const profile = markingProfile(brief.meta.marking) ?? unknownProfile(brief, ctx);
  const usedIds = new Set<string>();
  const levelsUsed: string[] = [];
  const keywords = new Set<string>();
  const m = brief.meta;
  ctx.budget.spend(m.title.length + (m.subtitle?.length ?? 0) + (m.memo ? JSON.stringify(m.memo).length : 0), 'the title');

  const sections: DocSection[] = brief.sections.map((s) => {
    const key = sectionKey(s);
    ctx.sectionKey = key;
    const libSection = s.kind === 'linked' ? library.sections.get(s.sectionId) : undefined;
    ctx.sectionDefaults = new Map((libSection?.variables ?? []).filter((v) => v.default !== undefined).map((v) => [v.name, v.default!]));
    for (const t of libSection?.tags.technologies ?? []) keywords.add(library.technologies.get(t)?.name ?? t);
    const portion = portionFor(s, profile, ctx, levelsUsed);
    // Counted before parsing, with what its references expand to, so a huge section is refused before
    // markdown-it and layout spend time on it.
    ctx.budget.spend(s.title.length + s.body.length, `section "${key}"`);
    for (const r of findRefs(s.title)) ctx.budget.spend(ctx.expansionOf(r.kind, r.id), `section "${key}"`);
    for (const r of findRefs(s.body)) ctx.budget.spend(ctx.expansionOf(r.kind, r.id), `section "${key}"`);
    const body = parseMarkdown(s.body);
    const heading = parseMarkdown(s.title, true);
    for (const url of [...body.refusedLinks, ...heading.refusedLinks]) ctx.warn(refusedBodyLink(url));
    const bodyBlocks = convertBlocks(body.tokens, ctx, { usedIds, portion });
    const title = plainText(convertInlines(heading.tokens, ctx));
    return { key, title, blocks: frameSection({ ...s, title }, bodyBlocks, usedIds, portion) };
  });
  ctx.sectionKey = '';
  warnLibraryChanges(brief, library, ctx);

  const level = overallLevel(profile, levelsUsed);
  const meta = brief.meta;
  return {
    template: meta.template,
    paper: meta.paper,
    language: meta.language,
    meta: {
      title: meta.title,
      ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
      authors: meta.authors,
      date: formatHumanDate(meta.date),
      ...(meta.memo ? { memo: meta.memo, subject: meta.memo.subject } : {}),
      keywords: [...keywords].sort(),
    },
    marking: {
      banner: level.banner,
      firstPageBlock: profile.firstPageBlock.map((l) => fillBlockLine(l, { author: meta.authors[0] ?? '', ...brief.variables })),
    },
    sections,
    notes: ctx.notes,
    warnings: ctx.warnings,
  };
}

/** The brief renders from its snapshots; these warnings say where the library has moved on, so the user can take the update. */
function warnLibraryChanges(brief: Brief, library: Library, ctx: ComposeContext): void {
  for (const [factId, pinned] of Object.entries(brief.pins)) {
    const current = library.facts.get(factId);
    if (!current) continue;
    const fields = diffFact(pinned, current).map((c) => c.field);
    if (fields.length === 0) continue;
    ctx.warn({ code: 'pin-changed', factId, sectionKey: '', message: `fact "${factId}" changed in the library (${fields.join(', ')}): update the pin to use it` });
  }
  for (const s of brief.sections) {
    if (s.kind !== 'linked') continue;
    const current = library.sections.get(s.sectionId);
    if (!current || current.revision <= s.revision) continue;
    ctx.warn({
      code: 'section-update',
      sectionKey: s.sectionId,
      message: `section "${s.title}" has a library update: revision ${s.revision} → ${current.revision}`,
    });
  }
}

/** A section becomes an H1 part, or the boxed summary when styled so. */
function frameSection(s: BriefSection, blocks: Block[], usedIds: Set<string>, portion: string): Block[] {
  if (s.style === 'summary') return [{ kind: 'summary', title: s.title, blocks }];
  const heading: Block = { kind: 'heading', level: 1, id: slug(s.title, usedIds), inlines: [{ kind: 'text', text: s.title }] };
  if (portion) heading.portion = portion;
  return [heading, ...blocks];
}

function portionFor(s: BriefSection, profile: MarkingProfile, ctx: ComposeContext, used: string[]): string {
  if (!profile.portionMarks && profile.levels.length <= 1) return '';
  let id = s.marking;
  if (id === undefined) {
    if (profile.portionMarks) {
      ctx.warn({ code: 'unmarked-portion', message: `section "${s.title}" has no marking: treated as ${profile.defaultLevel}; set its marking` });
    }
    id = profile.defaultLevel;
  }
  const level = profile.levels.find((l) => l.id === id);
  if (!level) {
    ctx.warn({ code: 'unmarked-portion', message: `section "${s.title}" is marked "${id}", which the ${profile.name} profile does not know` });
    return '';
  }
  used.push(level.id);
  return profile.portionMarks ? level.portion : '';
}

function unknownProfile(brief: Brief, ctx: ComposeContext): MarkingProfile {
  ctx.warn({ code: 'unmarked-portion', message: `unknown marking profile "${brief.meta.marking}": no banner printed` });
  return markingProfile('none')!;
}
