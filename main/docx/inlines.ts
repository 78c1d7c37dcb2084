// Inline content -> Word runs: text with emphasis, external links (http/https/mailto only), endnote references.
import { Bookmark, EndnoteReferenceRun, ExternalHyperlink, ImportedXmlComponent, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Inline, Note } from '../../shared/model/composed-doc.js';
import { isAllowedUrl } from '../../shared/model/url-policy.js';
import { S } from './styles.js';
import { FONTS } from './theme.js';

/** The one URL policy (http(s), mailto) again where a Word link is written: the model boundary already checks. */
export function safeHref(href: string | undefined): string | null {
  return href !== undefined && isAllowedUrl(href, 'body') ? href : null;
}

/** Which notes have had their first reference: a later one refers back to it, so the numbers stay those of the PDF. */
export class NoteRefs {
  private readonly seen = new Set<number>();
  /** Word endnotes in the order their references are written. */
  readonly used: number[] = [];

  run(n: number): ParagraphChild[] {
    const bookmark = noteBookmark(n);
    if (this.seen.has(n)) {
      // A cross-reference to the note's first mark (NOTEREF \f formats it as a note mark, \h makes it a link). The
      // number is a run of its own, in the note reference style and raised directly: LibreOffice formats a field's
      // shown result from that run, and applies neither \f nor the style.
      const mark = { style: S.endnoteRef, superScript: true } as const;
      return [
        new TextRun({ ...mark, children: [field('begin'), instruction(`NOTEREF ${bookmark} \\f \\h`), field('separate')] }),
        new TextRun({ ...mark, text: String(n) }),
        new TextRun({ ...mark, children: [field('end')] }),
      ];
    }
    this.seen.add(n);
    this.used.push(n);
    return [new Bookmark({ id: bookmark, children: [new EndnoteReferenceRun(n)] })];
  }
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const field = (type: 'begin' | 'separate' | 'end') => ImportedXmlComponent.fromXmlString(`<w:fldChar ${W} w:fldCharType="${type}"/>`);
const instruction = (text: string) => ImportedXmlComponent.fromXmlString(`<w:instrText ${W} xml:space="preserve"> ${text} </w:instrText>`);

export const noteBookmark = (n: number): string => `_RefNote${n}`;

export interface InlineStyle {
  bold?: boolean;
  italic?: boolean;
}

function textRuns(text: string, i: Extract<Inline, { kind: 'text' }>, base: InlineStyle, link: boolean): TextRun {
  return new TextRun({
    text,
    ...(i.bold || base.bold ? { bold: true } : {}),
    ...(i.italic || base.italic ? { italics: true } : {}),
    ...(i.code ? { font: { ascii: FONTS.mono, hAnsi: FONTS.mono, cs: FONTS.mono } } : {}),
    ...(link ? { style: S.hyperlink } : {}),
  });
}

/** One paragraph's inline children. `notes` is absent where Word allows no endnote (headers, notes themselves). */
export function inlines(list: Inline[], notes: NoteRefs | null, base: InlineStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const i of list) {
    switch (i.kind) {
      case 'text': {
        const href = safeHref(i.href);
        if (href) out.push(new ExternalHyperlink({ link: href, children: [textRuns(i.text, i, base, true)] }));
        else out.push(textRuns(i.text, i, base, false));
        break;
      }
      case 'note':
        if (notes) out.push(...notes.run(i.n));
        else out.push(new TextRun({ text: String(i.n), superScript: true }));
        break;
      case 'placeholder':
        // Shown as in the PDF: a visible bracketed stand-in, highlighted so a clearance reader cannot miss it.
        out.push(new TextRun({ text: i.text, highlight: 'yellow' }));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
    }
  }
  return out;
}

/** Plain text of inlines (TOC titles, bookmarks). */
export function plain(list: Inline[]): string {
  return list.map((i) => (i.kind === 'text' || i.kind === 'placeholder' ? i.text : i.kind === 'break' ? ' ' : '')).join('');
}

export function withPortion(list: Inline[], portion: string | undefined): Inline[] {
  return portion ? [{ kind: 'text', text: `${portion} ` }, ...list] : list;
}

/** The endnotes part: each note's text, then its source as a clickable link. */
export function endnotes(notes: Note[]): Record<string, { children: Paragraph[] }> {
  const out: Record<string, { children: Paragraph[] }> = {};
  for (const note of notes) {
    const href = safeHref(note.url);
    const children: ParagraphChild[] = [new TextRun({ text: `\u00a0${note.portion ? `${note.portion} ` : ''}${note.text}` })];
    if (href) children.push(new TextRun({ text: ' ' }), new ExternalHyperlink({ link: href, children: [new TextRun({ text: href, style: S.hyperlink })] }));
    else if (note.url) children.push(new TextRun({ text: ` ${note.url}` }));
    out[String(note.n)] = { children: [new Paragraph({ style: S.endnoteText, children })] };
  }
  return out;
}
