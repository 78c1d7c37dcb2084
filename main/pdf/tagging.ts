// Structure tree builder: creates elements lazily in reading order, keeps marked-content sequences balanced, writes the tree as raw PDF objects.
import type { ContentBuffer } from './content-ops.js';
import type { StructNode } from './flow.js';
import type { PdfDoc, PdfRef } from './pdfkit-api.js';
import { RawObjectBatch, RawPdf } from './pdf-objects.js';
import { fastParentTree } from './pdfkit-patches.js';

/**
 * A Link element being drawn: its annotation (link-annotations.ts) is added with `annotation`, and the
 * annotation's objects wait in `objects` until endLink writes them with the element.
 */
export interface LinkElement {
  readonly ref: PdfRef;
  readonly objects: RawObjectBatch;
}

/** What the writer asks of the structure tree while drawing; a preview, which is untagged, answers with NoTags. */
export interface ContentMarker {
  element(n: StructNode): unknown;
  content(n: StructNode): void;
  beginLink(n: StructNode): LinkElement | null;
  /** The link annotation `annot` belongs to `link`: its StructParent key (already in the parent tree). */
  annotation(link: LinkElement, annot: PdfRef): number;
  endLink(link: LinkElement): void;
  artifact(type: 'Pagination' | 'Layout'): void;
  close(): void;
  /** After the last page: nothing more is marked. */
  finish(): void;
}

/** A kid of an element: an element, marked content on a page (`pageText` is the page's `N 0 R`), or an annotation (OBJR). */
type Kid = Element | { page: PdfRef; pageText: string; mcid: number } | { annot: PdfRef };

/**
 * One structure element. pdfkit's PDFStructureElement does the same through its generic object layer
 * (a dictionary per element, re-checked for flushing on every change); these are written once, by hand, as
 * the same bytes: `/S`, `/A` (table scope), `/P`, `/K`, `/Pg` in that order, content on the element's first
 * page as plain MCIDs and on other pages as MCR dictionaries. The body is one string built in place (a brief has
 * ~1,400 elements; an array of entries per element and the refs' text made again per mention cost more).
 */
class Element implements LinkElement {
  readonly kids: Kid[] = [];
  /** `N 0 R`, as pdfkit's PDFReference.toString writes the ref. */
  readonly refText: string;
  written = false;
  /** A Link's annotation objects, written with it (see LinkElement). */
  private batch: RawObjectBatch | null = null;

  constructor(
    readonly ref: PdfRef,
    private readonly type: string,
    private readonly parentText: string,
    private readonly scope?: string,
  ) {
    this.refText = String(ref);
  }

  get objects(): RawObjectBatch {
    if (!this.batch) throw new Error('internal error: only a Link element holds annotation objects');
    return this.batch;
  }

  /** Makes this a Link element: its annotation's objects wait in `batch` (see LinkElement). */
  holdObjects(batch: RawObjectBatch): void {
    this.batch = batch;
  }

  /** The dictionary pdfDict would make of the entries above; an OBJR names `currentPage` (`N 0 R`). */
  body(currentPage: string): string {
    let s = `<<\n/S /${this.type}`;
    if (this.scope) s += `\n/A <<\n/O /Table\n/Scope /${this.scope}\n>>`;
    s += `\n/P ${this.parentText}\n/K [`;
    let pg: PdfRef | null = null;
    let pgText = '';
    const kids = this.kids;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!;
      if (i > 0) s += ' ';
      if (kid instanceof Element) s += kid.refText;
      else if ('mcid' in kid) {
        if (pg === null) {
          pg = kid.page;
          pgText = kid.pageText;
        }
        s += kid.page === pg ? String(kid.mcid) : `<<\n/Type /MCR\n/Pg ${kid.pageText}\n/MCID ${kid.mcid}\n>>`;
      } else s += `<<\n/Type /OBJR\n/Obj ${String(kid.annot)}\n/Pg ${currentPage}\n>>`;
    }
    s += ']';
    if (pg !== null) s += `\n/Pg ${pgText}`;
    return `${s}\n>>`;
  }
}

export class Tagger implements ContentMarker {
  private readonly elements = new Map<StructNode, Element>();
  private readonly root: Element;
  /** Each page's parent-tree entry (the element of each MCID), by the page's key. */
  private readonly pageParents = new Map<number, string[]>();
  /** A Link element's annotation objects, from writeLinkAnnotation to endLink. */
  private readonly linkObjects: RawObjectBatch;
  /** The page marked content was last recorded on, and its `N 0 R`. */
  private pageRef: PdfRef | null = null;
  private pageText = '';
  /** The element whose marked content is open, or 'artifact', or null. */
  private open: StructNode | 'artifact' | 'link' | null = null;

  constructor(
    private readonly doc: PdfDoc,
    /** The page's content: marks go between the operators there. */
    private readonly buffer: ContentBuffer,
  ) {
    // Refs are taken from pdfkit (doc.ref) in the order pdfkit's own struct() calls would take them.
    if (doc._security) throw new Error('internal error: the structure tree is written unencrypted');
    this.linkObjects = new RawObjectBatch(doc);
    fastParentTree(doc);
    const treeRoot = doc.getStructTreeRoot();
    this.root = new Element(doc.ref(), 'Document', String(treeRoot));
    (treeRoot.data.K ??= [] as PdfRef[]).push(this.root.ref);
    // pdfkit ends its top-level structure elements right after writing the StructTreeRoot (endMarkings).
    doc.structChildren.push({ end: () => this.end(this.root) });
  }

  /** The element for a node, created (with its ancestors) on first use so children follow reading order. */
  element(n: StructNode): Element {
    let el = this.elements.get(n);
    if (el) return el;
    const parent = n.parent ? this.element(n.parent) : this.root;
    el = new Element(this.doc.ref(), n.type, parent.refText, n.scope);
    parent.kids.push(el);
    this.elements.set(n, el);
    return el;
  }

  /** Mark following content as belonging to n (continuing the open sequence when it is already n's). */
  content(n: StructNode): void {
    if (this.open === n) return;
    this.close();
    this.mark(this.element(n), n.type);
    this.open = n;
  }

  /** A Link element inside n, with its own marked content; the caller adds its annotation then calls endLink. */
  beginLink(n: StructNode): Element {
    this.close();
    // The Link's ref is taken before n's (as pdfkit's struct('Link') was called before n's element was made).
    const ref = this.doc.ref();
    const parent = this.element(n);
    const link = new Element(ref, 'Link', parent.refText);
    link.holdObjects(this.linkObjects);
    parent.kids.push(link);
    this.mark(link, 'Link');
    this.open = 'link';
    return link;
  }

  annotation(link: LinkElement, annot: PdfRef): number {
    const key = this.doc.createStructParentTreeNextKey();
    // The element's ref as the text pdfkit converts it to, so the whole tree is RawPdf (fastParentTree).
    this.doc.getStructParentTree().add(key, new RawPdf((link as Element).refText));
    (link as Element).kids.push({ annot });
    return key;
  }

  endLink(link: LinkElement): void {
    this.close();
    // Written at once, naming the current page for its annotation (as pdfkit did), after the annotation's
    // action and annotation (taken into the batch by writeLinkAnnotation): one write for the three.
    const el = link as Element;
    this.linkObjects.add(el.ref, el.body(String(this.doc.page.dictionary)));
    this.linkObjects.flush();
    el.written = true;
  }

  artifact(type: 'Pagination' | 'Layout'): void {
    if (this.open === 'artifact') return;
    this.close();
    this.buffer.emit(`/Artifact <<\n/Type /${type}\n>> BDC`);
    this.open = 'artifact';
  }

  close(): void {
    if (this.open !== null) {
      this.buffer.emit('EMC');
      this.open = null;
    }
  }

  /** Open marked content for el (what pdfkit's markStructureContent writes), its MCID recorded in the page's parent-tree entry. */
  private mark(el: Element, tag: string): void {
    const page = this.doc.page;
    const key = page.structParentTreeKey;
    let parents = this.pageParents.get(key);
    if (!parents) {
      // The page's entry is the empty array createStructParentTreeNextKey made; its refs are kept here as text
      // (`N 0 R`) and the entry replaced by them in finish().
      const entry = this.doc.getStructParentTree().get(key);
      if (!Array.isArray(entry) || entry.length) throw new Error('internal error: a page parent-tree entry was filled elsewhere');
      this.pageParents.set(key, (parents = []));
    }
    const mcid = parents.length;
    parents.push(el.refText);
    if (page.dictionary !== this.pageRef) {
      this.pageRef = page.dictionary;
      this.pageText = String(page.dictionary);
    }
    el.kids.push({ page: this.pageRef, pageText: this.pageText, mcid });
    this.buffer.emit(`/${tag} <<\n/MCID ${mcid}\n>> BDC`);
  }

  /**
   * Each page's parent-tree entry, already serialised (`[N 0 R ...]`, as pdfkit converts the array of refs): pdfkit
   * would convert every MCID's ref one by one when it writes the tree, right before the elements.
   */
  finish(): void {
    const tree = this.doc.getStructParentTree();
    for (const [key, refs] of this.pageParents) tree.add(key, new RawPdf(`[${refs.join(' ')}]`));
    this.pageParents.clear();
  }

  /**
   * Children first, then the element: the order pdfkit's end() wrote them in. The whole tree (all but the Link
   * elements, written with their annotations) goes out as one batch: nothing else is written meanwhile.
   */
  private end(root: Element): void {
    const batch = new RawObjectBatch(this.doc);
    this.collect(root, batch, String(this.doc.page.dictionary));
    batch.flush();
  }

  private collect(el: Element, batch: RawObjectBatch, currentPage: string): void {
    if (el.written) return;
    for (const kid of el.kids) if (kid instanceof Element) this.collect(kid, batch, currentPage);
    batch.add(el.ref, el.body(currentPage));
    el.written = true;
  }
}

/** No structure tree and no marked content: for the preview, which is only looked at, never read aloud or reflowed. */
export class NoTags implements ContentMarker {
  element(): void {}
  content(): void {}
  beginLink(): null {
    return null;
  }
  annotation(): number {
    throw new Error('internal error: an untagged document has no link elements');
  }
  endLink(): void {}
  artifact(): void {}
  close(): void {}
  finish(): void {}
}
