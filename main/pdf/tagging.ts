// Structure tree builder: creates elements lazily in reading order, keeps marked-content sequences balanced, writes the tree as raw PDF objects.
import type { ContentBuffer } from './content-ops.js';
import type { StructNode } from './flow.js';
import type { PdfDoc, PdfRef } from './pdfkit-api.js';
import { pdfDict, RawPdf, writeRawObject } from './pdf-objects.js';

/** A Link element being drawn: its annotation (link-annotations.ts) is added with `annotation`. */
export interface LinkElement {
  readonly ref: PdfRef;
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

/** A kid of an element: an element, marked content on a page, or an annotation (OBJR). */
type Kid = Element | { page: PdfRef; mcid: number } | { annot: PdfRef };

/**
 * One structure element. pdfkit's PDFStructureElement does the same through its generic object layer
 * (a dictionary per element, re-checked for flushing on every change); these are written once, by hand, as
 * the same bytes: `/S`, `/A` (table scope), `/P`, `/K`, `/Pg` in that order, content on the element's first
 * page as plain MCIDs and on other pages as MCR dictionaries.
 */
class Element implements LinkElement {
  readonly kids: Kid[] = [];
  written = false;

  constructor(
    readonly ref: PdfRef,
    private readonly type: string,
    private readonly parent: PdfRef,
    private readonly scope?: string,
  ) {}

  write(doc: PdfDoc, currentPage: PdfRef): void {
    const entries = [`/S /${this.type}`];
    if (this.scope) entries.push(`/A <<\n/O /Table\n/Scope /${this.scope}\n>>`);
    entries.push(`/P ${this.parent}`);
    let pg: PdfRef | null = null;
    const k: string[] = [];
    for (const kid of this.kids) {
      if (kid instanceof Element) k.push(String(kid.ref));
      else if ('mcid' in kid) {
        pg ??= kid.page;
        k.push(kid.page === pg ? String(kid.mcid) : `<<\n/Type /MCR\n/Pg ${kid.page}\n/MCID ${kid.mcid}\n>>`);
      } else k.push(`<<\n/Type /OBJR\n/Obj ${kid.annot}\n/Pg ${currentPage}\n>>`);
    }
    entries.push(`/K [${k.join(' ')}]`);
    if (pg) entries.push(`/Pg ${pg}`);
    writeRawObject(doc, this.ref, pdfDict(entries));
    this.written = true;
  }
}

export class Tagger implements ContentMarker {
  private readonly elements = new Map<StructNode, Element>();
  private readonly root: Element;
  /** Each page's parent-tree entry (the element of each MCID), by the page's key. */
  private readonly pageParents = new Map<number, PdfRef[]>();
  /** The element whose marked content is open, or 'artifact', or null. */
  private open: StructNode | 'artifact' | 'link' | null = null;

  constructor(
    private readonly doc: PdfDoc,
    /** The page's content: marks go between the operators there. */
    private readonly buffer: ContentBuffer,
  ) {
    // Refs are taken from pdfkit (doc.ref) in the order pdfkit's own struct() calls would take them.
    if (doc._security) throw new Error('internal error: the structure tree is written unencrypted');
    const treeRoot = doc.getStructTreeRoot();
    this.root = new Element(doc.ref(), 'Document', treeRoot);
    (treeRoot.data.K ??= [] as PdfRef[]).push(this.root.ref);
    // pdfkit ends its top-level structure elements right after writing the StructTreeRoot (endMarkings).
    doc.structChildren.push({ end: () => this.end(this.root) });
  }

  /** The element for a node, created (with its ancestors) on first use so children follow reading order. */
  element(n: StructNode): Element {
    let el = this.elements.get(n);
    if (el) return el;
    const parent = n.parent ? this.element(n.parent) : this.root;
    el = new Element(this.doc.ref(), n.type, parent.ref, n.scope);
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
    const link = new Element(ref, 'Link', parent.ref);
    parent.kids.push(link);
    this.mark(link, 'Link');
    this.open = 'link';
    return link;
  }

  annotation(link: LinkElement, annot: PdfRef): number {
    const key = this.doc.createStructParentTreeNextKey();
    this.doc.getStructParentTree().add(key, link.ref);
    (link as Element).kids.push({ annot });
    return key;
  }

  endLink(link: LinkElement): void {
    this.close();
    // Written at once, naming the current page for its annotation (as pdfkit did).
    (link as Element).write(this.doc, this.doc.page.dictionary);
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
    if (!parents) this.pageParents.set(key, (parents = this.doc.getStructParentTree().get(key) as PdfRef[]));
    const mcid = parents.length;
    parents.push(el.ref);
    el.kids.push({ page: page.dictionary, mcid });
    this.buffer.emit(`/${tag} <<\n/MCID ${mcid}\n>> BDC`);
  }

  /**
   * Each page's parent-tree entry, already serialised (`[N 0 R ...]`, as pdfkit converts the array): pdfkit would
   * convert every MCID's ref one by one when it writes the tree, right before the elements.
   */
  finish(): void {
    const tree = this.doc.getStructParentTree();
    for (const [key, refs] of this.pageParents) tree.add(key, new RawPdf(`[${refs.join(' ')}]`));
    this.pageParents.clear();
  }

  /** Children first, then the element: the order pdfkit's end() wrote them in. */
  private end(el: Element): void {
    if (el.written) return;
    for (const kid of el.kids) if (kid instanceof Element) this.end(kid);
    el.write(this.doc, this.doc.page.dictionary);
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
