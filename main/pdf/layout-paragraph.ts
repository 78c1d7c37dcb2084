// Paragraph layout, memoized per font set: pieces -> collect/prepare -> break (linebreak.ts) -> finalize; measuring.
import type { Inline } from '../../shared/model/composed-doc.js';
import type { FontSet } from './fonts.js';
import type { InlineExtent, Paragraph, ParagraphOptions, TextStyle } from './layout-types.js';
import { BOX, PENALTY, firstFit, knuthPlass, type Break } from './linebreak.js';
import { finalizeLines } from './paragraph-finalize.js';
import { prepare } from './paragraph-prepare.js';
import { toPieces } from './text-runs.js';
import { emptyNotes } from './warnings.js';

/** Knuth-Plass is kept for paragraphs up to this many items; beyond, first-fit keeps time linear. */
const MAX_OPTIMAL_ITEMS = 60_000;

/** Lay out a paragraph; identical content, style and options with the same fonts return the same Paragraph. */
export function layoutInlines(fonts: FontSet, inlines: Inline[], style: TextStyle, opts: ParagraphOptions): Paragraph {
  return fonts.layout.paragraph(inlines, style, opts, () => setParagraph(fonts, inlines, style, opts));
}

function setParagraph(fonts: FontSet, inlines: Inline[], style: TextStyle, opts: ParagraphOptions): Paragraph {
  const notes = emptyNotes();
  const pieces = toPieces(fonts, inlines, style, notes);
  const prepared = prepare(fonts, pieces, opts);
  const widths = [opts.width];
  let breaks: Break[] | null = null;
  if (opts.justify && prepared.items.length <= MAX_OPTIMAL_ITEMS) {
    breaks = knuthPlass(prepared.items, { widths, tolerance: 2 }) ?? knuthPlass(prepared.items, { widths, tolerance: 8 });
  }
  breaks ??= firstFit(prepared.items, widths);
  // Word reordering is skipped outright for the (usual) paragraph without right-to-left characters.
  const lines = finalizeLines({ fonts, pieces, prepared, breaks, style, width: opts.width, justify: opts.justify, align: opts.align ?? 'left', bidi: notes.rtl });
  return { lines, notes };
}

/** Narrowest and widest a piece of inline text can be set: its widest unbreakable part, and one line. */
export function measureInlines(fonts: FontSet, inlines: Inline[], style: TextStyle, hyphenate: boolean): InlineExtent {
  return fonts.layout.extent(inlines, style, hyphenate, () => {
    const pieces = toPieces(fonts, inlines, style, emptyNotes());
    const { items, meta } = prepare(fonts, pieces, { width: Number.MAX_VALUE, justify: false, hyphenate });
    let min = 0;
    let max = 0;
    let run = 0; // boxes not separated by a break opportunity are set together
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.type === BOX) run += it.width;
      else {
        min = Math.max(min, run + (meta[i]!.kind === 'hyphen' ? it.width : 0));
        run = 0;
      }
      if (it.type !== PENALTY) max += it.width;
    }
    min = Math.max(min, run);
    return { min, max: Math.max(max, min) };
  });
}
