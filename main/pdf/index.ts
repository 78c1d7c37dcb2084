// The PDF engine's entry point: ComposedDoc -> laid-out pages -> tagged (optionally PDF/A-2b) PDF bytes.
import type { TemplateId } from '../../shared/model/brief.js';
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import { findAssetsDir } from './assets.js';
import { collapseGaps, node, type FlowItem } from './flow.js';
import { loadFonts, type FontSet } from './fonts.js';
import { hyphenationSupported } from './hyphenate.js';
import { layoutBlocks, type Env, type LayoutContext } from './layout-blocks.js';
import { paginate, type Page } from './paginate.js';
import { markingBlock, type Template } from './templates/common.js';
import { decisionMemo } from './templates/decision-memo.js';
import { issueBrief } from './templates/issue-brief.js';
import { onePager } from './templates/one-pager.js';
import { anchorPages, collectHeadings, tocItems } from './toc.js';
import type { Theme } from './theme.js';
import { Warnings } from './warnings.js';
import { writePdf, type PageOut } from './writer.js';

export { findAssetsDir } from './assets.js';

export interface RenderOptions {
  /** PDF/A-2b instead of plain tagged PDF 1.7. */
  pdfa?: boolean;
  /** Folder with the bundled fonts (defaults to the repo's assets/fonts). */
  fontsDir?: string;
  /** Fixed creation date: with it, the same input gives byte-identical output. */
  creationDate?: Date;
  /**
   * For the composer's live preview: same pages and text, written fast (untagged, uncompressed, fonts and
   * unchanged lines reused from earlier previews in this process). Never PDF/A (`pdfa` is ignored). Not for saving.
   */
  preview?: boolean;
}

export interface RenderResult {
  bytes: Uint8Array;
  pageCount: number;
  warnings: string[];
}

const TEMPLATES: Record<TemplateId, Template> = {
  'issue-brief': issueBrief,
  'decision-memo': decisionMemo,
  'one-pager': onePager,
};

/** How many times the table of contents is re-set with real page numbers before giving up on stability. */
const MAX_TOC_PASSES = 3;

/** Everything the writer needs: positioned pages plus what was noticed on the way. */
export interface LaidOutDocument {
  pages: PageOut[];
  theme: Theme;
  fonts: FontSet;
  warnings: string[];
}

export async function renderPdf(doc: ComposedDoc, options: RenderOptions = {}): Promise<RenderResult> {
  return writeLaidOut(doc, layoutDocument(doc, options), options);
}

/** The writing half of renderPdf, for a caller that laid the document out itself (the preview benchmark times both). */
export function writeLaidOut(doc: ComposedDoc, laid: LaidOutDocument, options: RenderOptions = {}): RenderResult {
  const bytes = writePdf({
    fonts: laid.fonts,
    theme: laid.theme,
    pdfa: !!options.pdfa,
    preview: !!options.preview,
    pages: laid.pages,
    info: {
      title: doc.meta.title,
      author: doc.meta.authors.join(', '),
      subject: doc.meta.subject ?? doc.meta.subtitle ?? doc.meta.memo?.subject ?? '',
      keywords: doc.meta.keywords.join(', '),
      language: doc.language || 'en',
      creationDate: options.creationDate ?? new Date(),
    },
  });
  return { bytes, pageCount: laid.pages.length, warnings: laid.warnings };
}

/** Lay out a document into pages (no PDF written): the part a preview can reuse. */
export function layoutDocument(doc: ComposedDoc, options: Pick<RenderOptions, 'fontsDir'> = {}): LaidOutDocument {
  const template = TEMPLATES[doc?.template];
  if (!template) throw new Error(`renderPdf: unknown template "${String(doc?.template)}" (known: ${Object.keys(TEMPLATES).join(', ')})`);
  if (!Array.isArray(doc.sections) || !doc.meta) throw new Error('renderPdf: not a composed document (sections or meta missing)');
  const fonts = loadFonts(options.fontsDir ?? findAssetsDir());
  const theme = template.theme(doc);
  const warnings = new Warnings();
  const ctx: LayoutContext = { fonts, theme, warnings, hyphenate: hyphenationSupported(doc.language || 'en'), paragraphNumber: 1 };
  const { page } = theme;
  const env: Env = {
    x: page.margin.left,
    width: page.width - page.margin.left - page.margin.right,
    containers: [],
    parent: null,
    text: theme.body,
    justify: theme.justify,
    listDepth: 0,
  };

  const front = template.front(ctx, doc, env);
  const body: FlowItem[] = [];
  for (const s of doc.sections) body.push(...layoutBlocks(ctx, s.blocks, { ...env, parent: node('Sect', null) }));
  const back = template.back(ctx, doc, env);

  // The first-page marking block sits at the foot of page 1; the body there is shorter by its height.
  const block = markingBlock(ctx, doc, env);
  const blockHeight = block.reduce((h, it) => h + it.height, 0);
  const bodyHeight = page.height - page.margin.top - page.margin.bottom;
  const heightOf = (i: number) => (i === 0 && blockHeight ? bodyHeight - blockHeight - 12 : bodyHeight);

  const headings = collectHeadings(doc);
  const withToc = theme.tocMinHeadings > 0 && headings.length >= theme.tocMinHeadings;
  const tocAt = body.findIndex((it) => it.anchor?.bookmark);
  const assemble = (toc: FlowItem[]) => collapseGaps(withToc ? [...front, ...body.slice(0, Math.max(0, tocAt)), ...toc, ...body.slice(Math.max(0, tocAt)), ...back] : [...front, ...body, ...back]);

  let pages: Page[];
  if (withToc) {
    // Two passes (or three): lay out, read the heading pages, set the contents with them, check they held.
    let pageOf: Map<string, number> | null = null;
    pages = paginate(assemble(tocItems(ctx, headings, null, env)), heightOf);
    for (let pass = 0; pass < MAX_TOC_PASSES; pass++) {
      const found = anchorPages(pages);
      if (pageOf && sameNumbers(pageOf, found, headings.map((h) => h.id))) break;
      pageOf = found;
      pages = paginate(assemble(tocItems(ctx, headings, pageOf, env)), heightOf);
    }
  } else pages = paginate(assemble([]), heightOf);

  const out: PageOut[] = pages.map((p, i) => {
    const furniture = template.furniture(ctx, doc, i, pages.length);
    const placed = p.placed.map((pl) => ({ item: pl.item, top: page.margin.top + pl.y, ...(pl.repeat ? { repeat: true } : {}) }));
    if (i === 0 && block.length) {
      let y = page.margin.top + bodyHeight - blockHeight;
      for (const it of block) {
        placed.push({ item: it, top: y });
        y += it.height;
      }
    }
    return { placed, furniture: furniture.lines, rules: furniture.rules };
  });
  return { pages: out, theme, fonts, warnings: warnings.list() };
}

function sameNumbers(a: Map<string, number>, b: Map<string, number>, ids: string[]): boolean {
  return ids.every((id) => a.get(id) === b.get(id));
}
