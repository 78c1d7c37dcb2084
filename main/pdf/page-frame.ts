// Paginated pages -> frame pages: absolute tops, the first-page marking block, page furniture, container backgrounds.
import type { Container, LineItem } from './flow.js';
import { ruleRect, type FillRect, type FramePage, type PlacedItem } from './frame.js';
import type { Page } from './paginate.js';
import type { Furniture } from './templates/common.js';
import type { Theme } from './theme.js';

export interface PageFrameInput {
  page: Page;
  theme: Theme;
  furniture: Furniture;
  /** Lines set at the foot of the body (the first page's marking block), with their height. */
  foot?: { items: LineItem[]; height: number };
}

export function pageFrame({ page, theme, furniture, foot }: PageFrameInput): FramePage {
  const { margin } = theme.page;
  const placed: PlacedItem[] = page.placed.map((pl) => ({ item: pl.item, top: margin.top + pl.y, ...(pl.repeat ? { repeat: true } : {}) }));
  if (foot?.items.length) {
    const bodyHeight = theme.page.height - margin.top - margin.bottom;
    let y = margin.top + bodyHeight - foot.height;
    for (const it of foot.items) {
      placed.push({ item: it, top: y });
      y += it.height;
    }
  }
  return { backgrounds: backgrounds(placed, theme), placed, furniture: furniture.lines, rules: furniture.rules };
}

/** Backgrounds and bars of summary boxes, code, quotes and pull quotes: one per container, spanning its items on this page. */
function backgrounds(placed: PlacedItem[], theme: Theme): FillRect[] {
  const extents = new Map<Container, { top: number; bottom: number }>();
  for (const { item, top } of placed) {
    for (const c of item.containers) {
      const e = extents.get(c);
      if (e) e.bottom = Math.max(e.bottom, top + item.height);
      else extents.set(c, { top, bottom: top + item.height });
    }
  }
  const out: FillRect[] = [];
  for (const [c, e] of extents) {
    const h = e.bottom - e.top;
    switch (c.kind) {
      case 'summary':
        out.push({ x: c.x, y: e.top, width: c.width, height: h, color: theme.summary.fill }, { x: c.x, y: e.top, width: 3, height: h, color: theme.summary.border });
        break;
      case 'code':
        out.push({ x: c.x, y: e.top, width: c.width, height: h, color: theme.code.fill });
        break;
      case 'quote':
        out.push({ x: c.x, y: e.top, width: 2, height: h, color: theme.quote.bar });
        break;
      case 'pullquote':
        out.push(ruleRect(c.x, e.top, c.width, 1.5, theme.pullquote.rule), ruleRect(c.x, e.bottom, c.width, 1.5, theme.pullquote.rule));
        break;
    }
  }
  return out;
}
