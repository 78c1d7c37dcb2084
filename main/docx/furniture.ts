// Page furniture as Word headers and footers: marking banner top and bottom, running title, "Page X of Y" fields.
import { BorderStyle, Footer, Header, PageNumber, Paragraph, Tab, TextRun, type ISectionOptions, type ISectionPropertiesOptions } from 'docx';
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import { S } from './styles.js';
import { tw, type DocxTheme } from './theme.js';

/** Distance of the banners from the paper's edge, as in the PDF (14 pt). */
const EDGE = 14;

function banner(doc: ComposedDoc): Paragraph[] {
  const text = doc.marking.banner.trim();
  return text ? [new Paragraph({ style: S.banner, children: [new TextRun(text)] })] : [];
}

function pageOf(t: DocxTheme, doc: ComposedDoc): Paragraph {
  // The space under the page line puts the banner at the paper's foot, as the PDF does.
  const below = doc.marking.banner.trim() ? Math.max(0, t.margin.bottom - 20 - t.furniture.text.leading - t.furniture.banner.leading - EDGE) : 0;
  return new Paragraph({
    style: S.footer,
    spacing: { before: tw(6), after: tw(below) },
    children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
  });
}

/** Title on the left, date on the right, a rule under them (pages 2 on, as in the PDF). */
function runningTitle(t: DocxTheme, doc: ComposedDoc): Paragraph {
  const above = doc.marking.banner.trim() ? t.furniture.banner.leading : 0;
  return new Paragraph({
    style: S.header,
    tabStops: [{ type: 'right', position: tw(t.paper.width - t.margin.left - t.margin.right) }],
    spacing: { before: tw(Math.max(0, t.margin.top - 34 - EDGE - above)) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: t.furniture.rule, space: 4 } },
    children: [new TextRun(doc.meta.title), new TextRun({ children: [new Tab()] }), new TextRun(doc.meta.date)],
  });
}

/** The designation / authority block sits at the foot of page 1, above the page line. */
function markingBlock(doc: ComposedDoc): Paragraph[] {
  const notice = doc.marking.derived ? [doc.marking.derived.notice] : [];
  return [...notice, ...doc.marking.firstPageBlock].map((line, i, all) => new Paragraph({ style: S.markingBlock, ...(i === all.length - 1 ? { spacing: { after: tw(6) } } : {}), children: [new TextRun(line)] }));
}

export function furniture(t: DocxTheme, doc: ComposedDoc): Pick<ISectionOptions, 'headers' | 'footers'> & { titlePage: boolean } {
  const firstHeader = banner(doc);
  return {
    titlePage: true,
    headers: {
      first: new Header({ children: firstHeader.length ? firstHeader : [new Paragraph({ style: S.header, children: [] })] }),
      default: new Header({ children: [...banner(doc), runningTitle(t, doc)] }),
    },
    footers: {
      first: new Footer({ children: [...markingBlock(doc), pageOf(t, doc), ...banner(doc)] }),
      default: new Footer({ children: [pageOf(t, doc), ...banner(doc)] }),
    },
  };
}

/** Page size and margins in twips; header and footer sit at the banner's distance from the edge. */
export function pageProperties(t: DocxTheme): NonNullable<ISectionPropertiesOptions['page']> {
  return {
    size: { width: tw(t.paper.width), height: tw(t.paper.height) },
    margin: { top: tw(t.margin.top), bottom: tw(t.margin.bottom), left: tw(t.margin.left), right: tw(t.margin.right), header: tw(EDGE), footer: tw(EDGE) },
  };
}
