// Link annotations (URI and internal) written as raw PDF objects: the bytes pdfkit's link()/goTo() wrote, without its generic object layer.
import type { LinkTarget } from './layout-types.js';
import type { PdfDoc } from './pdfkit-api.js';
import { pdfNumber, pdfString, RawObjectBatch } from './pdf-objects.js';
import type { ContentMarker, LinkElement } from './tagging.js';

/**
 * A link annotation over (x, top, width, height) on the current page: its action object, then the
 * annotation, in pdfkit's key order; in the structure tree under `link` (StructParent and OBJR) when tagged.
 * Both bodies are built as single strings (what pdfDict makes of pdfkit's entries; a brief has ~300 links). When
 * tagged they wait in the Link element's batch and go out with it at endLink, the next object written (three
 * objects, one write); untagged they are written at once.
 */
export function writeLinkAnnotation(
  doc: PdfDoc,
  marker: ContentMarker,
  rect: { x: number; top: number; width: number; height: number },
  target: LinkTarget,
  link: LinkElement | null,
): void {
  const batch = link ? link.objects : new RawObjectBatch(doc);
  const action = doc.ref();
  let head: string;
  if ('uri' in target) {
    const uri = pdfString(target.uri);
    batch.add(action, `<<\n/S /URI\n/URI ${uri}\n>>`);
    head = `<<\n/Contents ${uri}\n/Subtype /Link`;
  } else {
    batch.add(action, `<<\n/S /GoTo\n/D ${pdfString(target.dest)}\n>>`);
    head = '<<\n/Subtype /Link';
  }
  const annot = doc.ref();
  doc.page.annotations.push(annot);
  const [x1, y1, x2, y2] = doc._convertRect(rect.x, rect.top, rect.width, rect.height);
  let body = `${head}\n/A ${String(action)}\n/Type /Annot\n/Rect [${pdfNumber(x1)} ${pdfNumber(y1)} ${pdfNumber(x2)} ${pdfNumber(y2)}]\n/Border [0 0 0]\n/F 4`;
  if (link) body += `\n/StructParent ${marker.annotation(link, annot)}`;
  batch.add(annot, `${body}\n>>`);
  if (!link) batch.flush();
}
