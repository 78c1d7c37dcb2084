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
/** Endnote marker: n is the note number (1-based, numbered by first use). */
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
}

export interface Note {
  n: number;
  factId?: string;
  /** Note text, e.g. 'Source title, Publisher, 2021-05-01.' */
  text: string;
  url?: string;
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
  | 'refused-link';

export interface ComposeWarning {
  code: WarningCode;
  message: string;
  sectionKey?: string;
  factId?: string;
  variable?: string;
}

export interface ComposedMarking {
  /** Banner text at top and bottom of every page ('' for none). */
  banner: string;
  /** Lines of the authority / designation block on the first page (may be empty). */
  firstPageBlock: string[];
}

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
