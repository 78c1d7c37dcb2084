// Structure tree builder: creates elements lazily in reading order and keeps marked-content sequences balanced.
import type { StructNode } from './flow.js';
import type { PdfDoc, PdfStructureElement } from './pdfkit-api.js';

/** What the writer asks of the structure tree while drawing; a preview, which is untagged, answers with NoTags. */
export interface ContentMarker {
  element(n: StructNode): unknown;
  content(n: StructNode): void;
  beginLink(n: StructNode): PdfStructureElement | null;
  endLink(link: PdfStructureElement): void;
  artifact(type: 'Pagination' | 'Layout'): void;
  close(): void;
}

export class Tagger implements ContentMarker {
  private readonly elements = new Map<StructNode, PdfStructureElement>();
  /** The element whose marked content is open, or 'artifact', or null. */
  private open: StructNode | 'artifact' | 'link' | null = null;

  constructor(
    private readonly doc: PdfDoc,
    private readonly root: PdfStructureElement,
    /** Writes buffered page content first, so marks land between the right operators. */
    private readonly flush: () => void,
  ) {}

  /** The element for a node, created (with its ancestors) on first use so children follow reading order. */
  element(n: StructNode): PdfStructureElement {
    let el = this.elements.get(n);
    if (el) return el;
    const parent = n.parent ? this.element(n.parent) : this.root;
    el = this.doc.struct(n.type, n.scope ? { scope: n.scope } : {});
    parent.add(el);
    this.elements.set(n, el);
    return el;
  }

  /** Mark following content as belonging to n (continuing the open sequence when it is already n's). */
  content(n: StructNode): void {
    if (this.open === n) return;
    this.close();
    const el = this.element(n);
    this.flush();
    el.add(this.doc.markStructureContent(n.type));
    this.open = n;
  }

  /** A Link element inside n, with its own marked content; the caller adds annotations then calls endLink. */
  beginLink(n: StructNode): PdfStructureElement {
    this.close();
    const link = this.doc.struct('Link');
    this.element(n).add(link);
    this.flush();
    link.add(this.doc.markStructureContent('Link'));
    this.open = 'link';
    return link;
  }

  endLink(link: PdfStructureElement): void {
    this.close();
    // Ended at once so pdfkit records the annotation's page (it uses the current page when flushing).
    link.end();
  }

  artifact(type: 'Pagination' | 'Layout'): void {
    if (this.open === 'artifact') return;
    this.close();
    this.flush();
    this.doc.markContent('Artifact', { type });
    this.open = 'artifact';
  }

  close(): void {
    if (this.open !== null) {
      this.flush();
      this.doc.endMarkedContent();
      this.open = null;
    }
  }
}

/** No structure tree and no marked content: for the preview, which is only looked at, never read aloud or reflowed. */
export class NoTags implements ContentMarker {
  element(): void {}
  content(): void {}
  beginLink(): null {
    return null;
  }
  endLink(): void {}
  artifact(): void {}
  close(): void {}
}
