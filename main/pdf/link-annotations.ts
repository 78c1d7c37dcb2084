// Link annotations (URI and internal) written as raw PDF objects: the bytes pdfkit's link()/goTo() wrote, without its generic object layer.
import type { LinkTarget } from './layout-types.js';
import type { PdfDoc } from './pdfkit-api.js';
import { pdfDict, pdfNumber, pdfString, writeRawObject } from './pdf-objects.js';
import type { ContentMarker, LinkElement } from './tagging.js';

/**
 * A link annotation over (x, top, width, height) on the current page: its action object, then the
 * annotation, in pdfkit's key order; in the structure tree under `link` (StructParent and OBJR) when tagged.
 */
export function writeLinkAnnotation(
  doc: PdfDoc,
  marker: ContentMarker,
  rect: { x: number; top: number; width: number; height: number },
  target: LinkTarget,
  link: LinkElement | null,
): void {
  const uri = 'uri' in target ? target.uri : null;
  const action = doc.ref();
  writeRawObject(doc, action, 'uri' in target ? pdfDict(['/S /URI', `/URI ${pdfString(target.uri)}`]) : pdfDict(['/S /GoTo', `/D ${pdfString(target.dest)}`]));
  const annot = doc.ref();
  doc.page.annotations.push(annot);
  const [x1, y1, x2, y2] = doc._convertRect(rect.x, rect.top, rect.width, rect.height);
  const entries = uri !== null ? [`/Contents ${pdfString(uri)}`] : [];
  entries.push('/Subtype /Link', `/A ${action}`, '/Type /Annot', `/Rect [${pdfNumber(x1)} ${pdfNumber(y1)} ${pdfNumber(x2)} ${pdfNumber(y2)}]`, '/Border [0 0 0]', '/F 4');
  if (link) entries.push(`/StructParent ${marker.annotation(link, annot)}`);
  writeRawObject(doc, annot, pdfDict(entries));
}
