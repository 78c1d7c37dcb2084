// Export output: tagged (optionally PDF/A-2b, or 3b with attachments), compressed, link annotations and named destinations, per-document subsets.
import type { ContentBuffer } from './content-ops.js';
import { DocumentFonts } from './document-fonts.js';
import type { StructNode } from './flow.js';
import type { FontSet } from './fonts.js';
import type { Line, LinkTarget, Run } from './layout-types.js';
import { cachedRunsOps, trackSubset } from './export-line-cache.js';
import type { DocumentOutput, OutputStrategy, PdfkitModeOptions } from './output.js';
import { writeLinkAnnotation } from './link-annotations.js';
import type { PdfDoc } from './pdfkit-api.js';
import { memoizeSubset, fastDestsTree, withFastDeflate } from './pdfkit-patches.js';
import { Tagger, type LinkElement } from './tagging.js';
import { isAllowedUrl } from '../../shared/model/url-policy.js';
import { RawPdf, xyzDestination } from './pdf-objects.js';

export class ExportOutput implements OutputStrategy {
  readonly pdfkit: PdfkitModeOptions;

  /** `attachments`: the file embeds files (the manifest), which PDF/A-2 forbids and PDF/A-3 allows. */
  constructor(pdfa: boolean, attachments = false) {
    this.pdfkit = { tagged: true, compress: true, ...(pdfa ? { subset: attachments ? ('PDF/A-3b' as const) : ('PDF/A-2b' as const) } : {}) };
  }

  write(run: () => void): void {
    withFastDeflate(run);
  }

  open(doc: PdfDoc, content: ContentBuffer, fonts: FontSet): DocumentOutput {
    return new ExportDocument(doc, content, fonts);
  }
}

class ExportDocument implements DocumentOutput {
  readonly marker: Tagger;
  private readonly fonts: DocumentFonts;

  constructor(
    private readonly doc: PdfDoc,
    private readonly content: ContentBuffer,
    fontSet: FontSet,
  ) {
    this.marker = new Tagger(doc, content);
    fastDestsTree(doc);
    this.fonts = new DocumentFonts(doc, fontSet, (face, f) => {
      memoizeSubset(`${fontSet.dir}:${face}`, f.subset);
      trackSubset(f);
      return new Map();
    });
  }

  destination(id: string, top: number): void {
    // What addNamedDestination(id, 'XYZ', null, top, null) adds to the Dests tree, already serialised: pdfkit
    // would convert the array item by item when it writes the tree.
    this.doc._root.data.Names.data.Dests.add(id, new RawPdf(xyzDestination(this.doc.page, top)));
  }

  lineOps(line: Line, x: number, baseline: number): string {
    return cachedRunsOps(this.fonts, line.runs, x, baseline);
  }

  /** Draw a line's runs; link and note-reference runs get their own Link element and annotation. */
  line(line: Line, x: number, top: number, struct: StructNode | null): void {
    const baseline = top + line.baseline;
    const runs = line.runs;
    for (let i = 0; i < runs.length; ) {
      const j = groupEnd(runs, i);
      const group = runs.slice(i, j);
      const target = runs[i]!.link;
      // Compose already drops refused links; checked again where the annotation is written, as the last gate.
      if (!target || ('uri' in target && !isAllowedUrl(target.uri, 'body'))) {
        if (struct) this.marker.content(struct);
        else this.marker.artifact('Layout');
        this.content.emit(cachedRunsOps(this.fonts, group, x, baseline));
      } else {
        const link = struct ? this.marker.beginLink(struct) : null;
        if (!link) this.marker.artifact('Layout');
        this.content.emit(cachedRunsOps(this.fonts, group, x, baseline));
        this.annotate(group, target, x, top, line.height, link);
        if (link) this.marker.endLink(link);
      }
      i = j;
    }
  }

  /** A link annotation over a group of runs with the same target (in the structure tree under `link`, when tagged). */
  private annotate(group: Run[], target: LinkTarget, x: number, top: number, height: number, link: LinkElement | null): void {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const left = x + first.x;
    const width = last.x + last.width - first.x;
    writeLinkAnnotation(this.doc, this.marker, { x: left, top, width, height }, target, link);
  }
}

/** Where the end of run i's group is: runs with the same link target, or a stretch of runs without one. */
function groupEnd(runs: Run[], i: number): number {
  const target = runs[i]!.link;
  let j = i + 1;
  if (target) while (j < runs.length && runs[j]!.link && sameTarget(runs[j]!.link!, target)) j++;
  else while (j < runs.length && !runs[j]!.link) j++;
  return j;
}

function sameTarget(a: LinkTarget, b: LinkTarget): boolean {
  return 'uri' in a ? 'uri' in b && a.uri === b.uri : 'dest' in b && a.dest === b.dest;
}
