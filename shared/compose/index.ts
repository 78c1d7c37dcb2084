// compose(): brief + library -> the resolved document tree every renderer uses. Pure and deterministic.
import type { Brief, BriefSection } from '../model/brief.js';
import { sectionKey } from '../model/brief.js';
import type { Block, ComposedDoc, DocSection } from '../model/composed-doc.js';
import type { Library } from '../model/library.js';
import { findRefs, parseMarkdown } from '../markdown/setup.js';
import { bannerText, blockApplies, blockLines, checkFields, lowestMarking, NO_MARKING_PROFILE, portionText, type Marking, type MarkingProfile, type ReleaseTarget } from '../markings/index.js';
import { DRAFT_BANNER, markingErrors, type ComposedMarking } from '../model/composed-doc.js';
import { PortionMarker } from './portions.js';
import { convertBlocks, slug } from './blocks.js';
import { convertInlines, plainText } from './inlines.js';
import { refusedBodyLink } from './links.js';
import { ComposeContext, formatHumanDate } from './context.js';
import { diffFact } from '../brief-changes.js';

export interface ComposeOptions {
  /** "Today" for staleness checks; injected so compose stays pure. */
  today: Date;
  /** A releasable copy: every portion above this level, or not releasable to these countries, is left out. */
  release?: ReleaseTarget & { source?: string };
  /**
   * Marking errors do not stop this copy: its banner says DRAFT — MARKINGS INCOMPLETE on every page (the preview
   * is always composed so, so the writer sees what is missing). Without errors a draft is an ordinary copy.
   */
  draft?: boolean;
}

export function compose(brief: Brief, library: Library, options: ComposeOptions): ComposedDoc {
  const ctx = new ComposeContext(brief, library, options.today);
  const profile = profileFor(brief, library, ctx);
  ctx.marks = new PortionMarker(profile, (w) => ctx.warn(w), options.release);
  const usedIds = new Set<string>();
  const keywords = new Set<string>();
  const m = brief.meta;
  ctx.budget.spend(m.title.length + (m.subtitle?.length ?? 0) + (m.memo ? JSON.stringify(m.memo).length : 0), 'the title');

  const sections: DocSection[] = [];
  for (const s of brief.sections) {
    const key = sectionKey(s);
    ctx.sectionKey = key;
    const label = `section "${s.title}"`;
    const marking = ctx.marks.section(s.title, s.marking);
    // A releasable copy leaves a section above its level out before reading a word of it.
    if (!ctx.marks.allows(marking)) continue;
    const libSection = s.kind === 'linked' ? library.sections.get(s.sectionId) : undefined;
    ctx.sectionDefaults = new Map((libSection?.variables ?? []).filter((v) => v.default !== undefined).map((v) => [v.name, v.default!]));
    for (const t of libSection?.tags.technologies ?? []) keywords.add(library.technologies.get(t)?.name ?? t);
    const portion = ctx.marks.enter(marking, `${label}, heading`);
    // Counted before parsing, with what its references expand to, so a huge section is refused before
    // markdown-it and layout spend time on it.
    ctx.budget.spend(s.title.length + s.body.length, `section "${key}"`);
    for (const r of findRefs(s.title)) ctx.budget.spend(ctx.expansionOf(r.kind, r.id), `section "${key}"`);
    for (const r of findRefs(s.body)) ctx.budget.spend(ctx.expansionOf(r.kind, r.id), `section "${key}"`);
    const body = parseMarkdown(s.body);
    const heading = parseMarkdown(s.title, true);
    for (const url of [...body.refusedLinks, ...heading.refusedLinks]) ctx.warn(refusedBodyLink(url));
    // A section renamed to nothing (the field cleared mid-edit) still has a heading to find it by.
    const title = plainText(convertInlines(heading.tokens, ctx)).trim() || UNTITLED_SECTION;
    const bodyBlocks = convertBlocks(body.tokens, ctx, { usedIds, marking, label });
    const printed = profile.id === NO_MARKING_PROFILE.id ? '' : portionText(profile, marking);
    sections.push({ key, title, marking: printed, blocks: frameSection({ ...s, title }, bodyBlocks, usedIds, portion) });
  }
  ctx.sectionKey = '';
  warnLibraryChanges(brief, library, ctx);

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
    marking: composedMarking(brief, profile, ctx, options),
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

/** The heading of a section whose title is blank. */
export const UNTITLED_SECTION = 'Untitled section';

/** A section becomes an H1 part, or the boxed summary when styled so. */
function frameSection(s: BriefSection, blocks: Block[], usedIds: Set<string>, portion: string): Block[] {
  if (s.style === 'summary') return [{ kind: 'summary', title: s.title, blocks }];
  const heading: Block = { kind: 'heading', level: 1, id: slug(s.title, usedIds), inlines: [{ kind: 'text', text: s.title }] };
  if (portion) heading.portion = portion;
  return [heading, ...blocks];
}

/** The brief's profile from the library's profiles; an unknown one is an error (a draft prints no banner). */
function profileFor(brief: Brief, library: Library, ctx: ComposeContext): MarkingProfile {
  const id = brief.meta.marking;
  if (id === NO_MARKING_PROFILE.id) return NO_MARKING_PROFILE;
  const found = library.markingProfiles.get(id);
  if (found) return found;
  const known = [...library.markingProfiles.keys()].join(', ') || 'none are loaded';
  ctx.warn({ code: 'unknown-marking', severity: 'error', sectionKey: '', message: `the brief uses marking profile "${id}", which no library provides (${known}) — choose a profile in Settings` });
  return NO_MARKING_PROFILE;
}

/**
 * The block's field values: `meta.markingFields`, over `marking.NAME` variables, the way briefs filled the block's
 * slots before fields were named in the profile (so such a brief keeps its values).
 */
function markingFieldValues(brief: Brief): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(brief.variables)) if (k.startsWith('marking.')) out[k.slice('marking.'.length)] = v;
  for (const [k, v] of Object.entries(brief.meta.markingFields ?? {})) out[k] = v;
  return out;
}

/** Banner, authority block and the derived-copy notice, from the overall marking of what this copy holds. */
function composedMarking(brief: Brief, profile: MarkingProfile, ctx: ComposeContext, options: ComposeOptions): ComposedMarking {
  const none = profile.id === NO_MARKING_PROFILE.id;
  const overall: Marking = none ? lowestMarking(profile) : ctx.marks.overall();
  const fields = markingFieldValues(brief);
  if (!none && blockApplies(profile, overall)) {
    for (const p of checkFields(profile, fields)) {
      ctx.warn({ code: 'marking-field', severity: 'error', sectionKey: '', field: p.field.name, message: `${p.message} (Settings, ${profile.name})` });
    }
  }
  const draft = !!options.draft && markingErrors(ctx).length > 0;
  const banner = none ? '' : bannerText(profile, overall);
  const out: ComposedMarking = {
    profile: profile.id,
    profileName: profile.name,
    overall: none ? '' : portionText(profile, overall),
    banner: draft ? (banner ? `${DRAFT_BANNER} · ${banner}` : DRAFT_BANNER) : banner,
    firstPageBlock: none ? [] : blockLines(profile, overall, fields),
    draft,
  };
  const r = options.release;
  if (r) {
    const target = bannerText(profile, { level: r.level, controls: [] }) + (r.relTo?.length ? `, releasable to ${r.relTo.join(', ')}` : '');
    const of = r.source ? `"${r.source}"` : `"${brief.meta.title}"`;
    const withheld = ctx.marks.withheld;
    out.derived = {
      release: r.level,
      relTo: r.relTo ?? [],
      withheld,
      notice: `Derived copy of ${of}, released at ${target}: ${withheld} ${withheld === 1 ? 'portion is' : 'portions are'} left out. Its markings are recomputed from what it holds.`,
    };
  }
  return out;
}
