// The resolved document tree that compose produces and every renderer (PDF, preview, HTML) consumes.
import type { MemoHeader, PaperSize, TemplateId } from './brief.js';

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** External link target (http/https/mailto only; compose drops anything else). */
  href?: string;
}
/** Endnote marker: n is the note number (1-based, numbered by first use; one note per source, see `ComposeContext.noteFor`). */
export interface NoteRef {
  kind: 'note';
  n: number;
}
/** Visible stand-in for something that could not be resolved (missing fact, unknown variable). */
export interface Placeholder {
  kind: 'placeholder';
  text: string;
}
export interface LineBreak {
  kind: 'break';
}
export type Inline = TextRun | NoteRef | Placeholder | LineBreak;

export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3;
  /** Anchor id, unique in the document (for TOC, bookmarks, links). */
  id: string;
  inlines: Inline[];
  portion?: string;
}
export interface ParagraphBlock {
  kind: 'paragraph';
  inlines: Inline[];
  portion?: string;
}
export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  start?: number;
  items: Block[][];
}
export interface QuoteBlock {
  kind: 'quote';
  blocks: Block[];
}
/** A sentence repeated in larger type (issue-brief convention). */
export interface PullQuoteBlock {
  kind: 'pullquote';
  inlines: Inline[];
}
/** Boxed summary, e.g. "The Issue". */
export interface SummaryBlock {
  kind: 'summary';
  title: string;
  blocks: Block[];
}
export interface TableBlock {
  kind: 'table';
  /** Portion mark of the whole table ("(S)"), printed before it. */
  portion?: string;
  header: Inline[][];
  rows: Inline[][][];
  align?: ('left' | 'center' | 'right')[];
  caption?: string;
}
export interface CodeBlock {
  kind: 'code';
  text: string;
}
export interface RuleBlock {
  kind: 'rule';
}
export interface PageBreakBlock {
  kind: 'pagebreak';
}
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | QuoteBlock
  | PullQuoteBlock
  | SummaryBlock
  | TableBlock
  | CodeBlock
  | RuleBlock
  | PageBreakBlock;

export interface DocSection {
  /** Section key in the brief (library id or detached id). */
  key: string;
  title: string;
  blocks: Block[];
  /** The section's marking as portion text ("S//NF"); absent or '' when the profile marks nothing. */
  marking?: string;
}

export interface Note {
  n: number;
  /** Every fact whose citations carry this note's number, in the order they were first cited (one source, one mark). */
  factIds?: string[];
  /** Note text, e.g. 'Source title, Publisher, May 1, 2021.', or 'Ibid.' for the source of the note straight before. */
  text: string;
  url?: string;
  /** Portion mark of the note: the marking of the fact it cites ("(U)"), where the profile marks portions. */
  portion?: string;
}

export type WarningCode =
  | 'missing-fact'
  | 'stale-fact'
  | 'unknown-variable'
  | 'unmarked-portion'
  | 'pin-changed'
  | 'section-update'
  | 'unknown-section'
  | 'bad-table'
  /** A link or source address the URL policy refuses (shared/model/url-policy.ts): printed as text, not linked. */
  | 'refused-link'
  /** Markings (errors: they block export): a mark the profile does not know, or an unknown profile. */
  | 'unknown-marking'
  /** A portion cites a fact marked above it. */
  | 'fact-above-portion'
  /** A field of the authority / designation block is empty or not in its form. */
  | 'marking-field';

export interface ComposeWarning {
  code: WarningCode;
  message: string;
  sectionKey?: string;
  factId?: string;
  variable?: string;
  /** 'error': a marking error, which blocks export (a DRAFT copy may still be exported). Otherwise a warning. */
  severity?: 'error';
  /** The block field a 'marking-field' error is about (the Settings pane focuses it). */
  field?: string;
}

export interface ComposedMarking {
  /** Profile id and name (for the manifest and metadata). */
  profile: string;
  profileName: string;
  /** The overall marking as portion text ("S//NF"; '' for none). */
  overall: string;
  /** Banner text at top and bottom of every page ('' for none); a draft's says DRAFT — MARKINGS INCOMPLETE. */
  banner: string;
  /** Lines of the authority / designation block on the first page (may be empty). */
  firstPageBlock: string[];
  /** Exported as a draft despite marking errors (the banner says so on every page). */
  draft: boolean;
  /** Set on a releasable copy: what it was released at, and the line page 1 prints about it. */
  derived?: { release: string; relTo: string[]; withheld: number; notice: string };
}

/** The marking errors of a composed document: they block export unless a DRAFT copy is asked for. */
export function markingErrors(doc: Pick<ComposedDoc, 'warnings'>): ComposeWarning[] {
  return doc.warnings.filter((w) => w.severity === 'error');
}

export const DRAFT_BANNER = 'DRAFT — MARKINGS INCOMPLETE';

export interface ComposedDoc {
  template: TemplateId;
  paper: PaperSize;
  language: string;
  meta: {
    title: string;
    subtitle?: string;
    authors: string[];
    /** Human date, e.g. 'May 4, 2021'. */
    date: string;
    memo?: MemoHeader;
    subject?: string;
    keywords: string[];
  };
  marking: ComposedMarking;
  sections: DocSection[];
  notes: Note[];
  warnings: ComposeWarning[];
}
