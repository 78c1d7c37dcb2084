// The layout half of the engine: ComposedDoc -> frame pages (body, contents with real page numbers, furniture).
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import { findAssetsDir } from './assets.js';
import { collapseGaps, node, type FlowItem } from './flow.js';
import { loadFonts, type FontSet } from './fonts.js';
import type { FramePage } from './frame.js';
import { hyphenationSupported } from './hyphenate.js';
import { layoutBlocks } from './layout-blocks.js';
import type { Env, LayoutContext } from './layout-context.js';
import { pageFrame } from './page-frame.js';
import { paginate, type Page } from './paginate.js';
import { markingBlock } from './templates/common.js';
import { TEMPLATES } from './templates/registry.js';
import type { Theme } from './theme.js';
import { anchorPages, collectHeadings, tocItems } from './toc.js';
import { Warnings } from './warnings.js';
import { appendAll } from './append.js';

/** How many times the table of contents is re-set with real page numbers before giving up on stability. */
const MAX_TOC_PASSES = 3;

/** Everything the writer needs: positioned pages plus what was noticed on the way. */
export interface LaidOutDocument {
  pages: FramePage[];
  theme: Theme;
  fonts: FontSet;
  warnings: string[];
}

export interface LayoutOptions {
  /** Folder with the bundled fonts (defaults to the repo's assets/fonts). */
  fontsDir?: string;
  /**
   * Hand back the pages of an earlier layout of the very same document (same content, same font set) instead of
   * laying it out again (layout-cache.ts `document`). An export asks it: a re-export, or a batch of copies, then
   * skips layout the way Typst's memo skips it for an unchanged source. A preview does not: every edit changes
   * the document, so the key would be made for nothing.
   */
  reuse?: boolean;
}

/** Lay out a document into pages (no PDF written): the part a preview can reuse. */
export function layoutDocument(doc: ComposedDoc, options: LayoutOptions = {}): LaidOutDocument {
  // Own keys only: a template id such as "constructor" must be unknown, not Object's constructor.
  const template = doc && Object.hasOwn(TEMPLATES, doc.template) ? TEMPLATES[doc.template] : undefined;
  if (!template) throw new Error(`renderPdf: unknown template "${String(doc?.template)}" (known: ${Object.keys(TEMPLATES).join(', ')})`);
  if (!Array.isArray(doc.sections) || !doc.meta) throw new Error('renderPdf: not a composed document (sections or meta missing)');
  const fonts = loadFonts(options.fontsDir ?? findAssetsDir());
  if (!options.reuse) return layOut(doc, fonts, template);
  // A ComposedDoc is plain JSON data (no Map, Date or function), so its JSON text is the whole of what layout reads.
  const laid = fonts.layout.document(JSON.stringify(doc), () => layOut(doc, fonts, template));
  // The pages are shared (the writer never changes them); the warnings list is the caller's own.
  return { ...laid, warnings: [...laid.warnings] };
}

function layOut(doc: ComposedDoc, fonts: FontSet, template: (typeof TEMPLATES)[keyof typeof TEMPLATES]): LaidOutDocument {
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
  for (const s of doc.sections) appendAll(body, layoutBlocks(ctx, s.blocks, { ...env, parent: node('Sect', null) }));
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

  const frames = pages.map((p, i) =>
    pageFrame({ page: p, theme, furniture: template.furniture(ctx, doc, i, pages.length), ...(i === 0 ? { foot: { items: block, height: blockHeight } } : {}) }),
  );
  return { pages: frames, theme, fonts, warnings: warnings.list() };
}

function sameNumbers(a: Map<string, number>, b: Map<string, number>, ids: string[]): boolean {
  return ids.every((id) => a.get(id) === b.get(id));
}
