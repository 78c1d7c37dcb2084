// The Word writer: ComposedDoc in, .docx bytes out (styles, numbering, endnotes, TOC field, headers and footers).
import fs from 'node:fs';
import path from 'node:path';
import { Document, EndnotePosition, NumberFormat, Packer, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import { blocks, type BlockContext } from './blocks.js';
import { back, front } from './front.js';
import { furniture, pageProperties } from './furniture.js';
import { endnotes, NoteRefs } from './inlines.js';
import { numbering, S, styles, tableStylesXml } from './styles.js';
import { docxTheme, FONTS, type DocxTheme } from './theme.js';

export interface DocxOptions {
  /** Folder with the bundled fonts, embedded so Word shows the PDF's faces (absent: fonts are named only). */
  fontsDir?: string;
}

export interface RenderedDocx {
  bytes: Uint8Array;
  /** Endnotes written (the PDF's note count). */
  noteCount: number;
}

/** A long brief lists its parts only in the contents; a short one its subparts too (the PDF's rule). */
const MAX_DETAILED_ENTRIES = 12;

const EMBEDDED: { name: string; regular: string; bold?: string; italic?: string; boldItalic?: string }[] = [
  { name: FONTS.serif, regular: 'SourceSerifPro-Regular.ttf', bold: 'SourceSerifPro-Bold.ttf', italic: 'SourceSerifPro-It.ttf', boldItalic: 'SourceSerifPro-BoldIt.ttf' },
  { name: FONTS.sans, regular: 'SourceSansPro-Regular.ttf', bold: 'SourceSansPro-Bold.ttf', italic: 'SourceSansPro-It.ttf' },
];

type EmbeddedFont = { name: string; data: Buffer; bold?: Buffer; italic?: Buffer; boldItalic?: Buffer };
const fontCache = new Map<string, EmbeddedFont[]>();

/** The faces to embed (read once per folder); a folder without them names the fonts only. */
function embeddedFonts(dir: string | undefined): EmbeddedFont[] {
  if (!dir) return [];
  const cached = fontCache.get(dir);
  if (cached) return cached;
  const read = (file: string | undefined) => (file && fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file)) : undefined);
  const out: EmbeddedFont[] = [];
  for (const f of EMBEDDED) {
    const data = read(f.regular);
    if (!data) continue;
    const bold = read(f.bold);
    const italic = read(f.italic);
    const boldItalic = read(f.boldItalic);
    out.push({ name: f.name, data, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...(boldItalic ? { boldItalic } : {}) });
  }
  fontCache.set(dir, out);
  return out;
}

function orderedStarts(doc: ComposedDoc): number[] {
  const starts: number[] = [];
  const walk = (list: ComposedDoc['sections'][number]['blocks']): void => {
    for (const b of list) {
      if (b.kind === 'list') {
        if (b.ordered) starts.push(b.start ?? 1);
        b.items.forEach(walk);
      } else if (b.kind === 'quote' || b.kind === 'summary') walk(b.blocks);
    }
  };
  for (const s of doc.sections) walk(s.blocks);
  return starts;
}

/** The contents as the PDF sets them: title, then a TOC field filled with the heading entries. */
function contents(t: DocxTheme, doc: ComposedDoc): FileChild[] {
  const headings = doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'heading'));
  if (!t.tocMinHeadings || headings.length < t.tocMinHeadings) return [];
  const depth = headings.filter((h) => h.level <= 2).length <= MAX_DETAILED_ENTRIES ? 2 : 1;
  return [new Paragraph({ style: S.tocHeading, children: [new TextRun('Contents')] }), new TableOfContents('Contents', { hyperlink: true, headingStyleRange: `1-${depth}` })];
}

export async function renderDocx(doc: ComposedDoc, options: DocxOptions = {}): Promise<RenderedDocx> {
  if (!doc || !Array.isArray(doc.sections) || !doc.meta) throw new Error('renderDocx: not a composed document (sections or meta missing)');
  const t = docxTheme(doc);
  const ctx: BlockContext = { theme: t, notes: new NoteRefs(), nextInstance: 1, bookmarks: new Map() };
  const body = doc.sections.flatMap((s) => blocks(ctx, s.blocks));
  // The contents go where the PDF puts them: before the first heading (after a leading summary box).
  const firstHeading = doc.sections.flatMap((s) => s.blocks).findIndex((b) => b.kind === 'heading');
  const leading = firstHeading < 0 ? [] : doc.sections.flatMap((s) => s.blocks).slice(0, firstHeading);
  const split = blocks({ ...ctx, notes: new NoteRefs(), bookmarks: new Map() }, leading).length;
  const children = [...front(t, doc), ...body.slice(0, split), ...contents(t, doc), ...body.slice(split), ...back(t, doc)];
  const m = doc.meta;
  const { titlePage, headers, footers } = furniture(t, doc);
  const document = new Document({
    title: m.title,
    subject: m.subject || m.subtitle || '',
    creator: m.authors.join('; '),
    keywords: m.keywords.join(', '),
    description: m.subtitle ?? '',
    lastModifiedBy: 'Briefing Builder',
    externalStyles: tableStylesXml(t),
    styles: styles(t, doc.language || 'en-US'),
    numbering: numbering(t, orderedStarts(doc)),
    endnotes: endnotes(doc.notes),
    fonts: embeddedFonts(options.fontsDir),
    sections: [
      {
        // Notes numbered 1, 2, 3 at the end of the document, as the PDF numbers them (Word's default is i, ii, iii).
        properties: { page: pageProperties(t), titlePage, endnoteProperties: { position: EndnotePosition.DOCUMENT_END, numberFormat: { type: NumberFormat.DECIMAL } } },
        headers,
        footers,
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), noteCount: ctx.notes.used.length };
}
