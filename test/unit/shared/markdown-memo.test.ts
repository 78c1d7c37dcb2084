// The Markdown parse memo: a hit is the very parse, its bound holds, and compose never writes to a memoized token.
import { beforeEach, describe, expect, it } from 'vitest';
import { compose } from '../../../shared/compose/index.js';
import { assembleBrief } from '../../../shared/assemble.js';
import { emptyLibrary, type Library } from '../../../shared/model/library.js';
import { clearMarkdownMemo, MARKDOWN_MEMO_CHARS, MARKDOWN_MEMO_MAX_SOURCE, markdownMemoSize, parseMarkdown } from '../../../shared/markdown/setup.js';
import type { Block, Inline } from '../../../shared/model/composed-doc.js';
import { withProfiles } from '../../support/marking-profiles.js';
import { freezeTokens } from '../../support/freeze-tokens.js';

const TODAY = new Date('2026-11-25T00:00:00Z');

const text = (inlines: Inline[]) => inlines.map((i) => (i.kind === 'text' || i.kind === 'placeholder' ? i.text : '')).join('');

/** Every paragraph (also inside lists and quotes) as [portion, text]. */
function paragraphs(blocks: Block[]): [string | undefined, string][] {
  const out: [string | undefined, string][] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push([b.portion, text(b.inlines)]);
    else if (b.kind === 'list') for (const item of b.items) out.push(...paragraphs(item));
    else if (b.kind === 'quote' || b.kind === 'summary') out.push(...paragraphs(b.blocks));
  }
  return out;
}

/** A brief whose paragraphs and list items open with portion marks, in a profile that takes them off. */
function markedBrief(): { brief: ReturnType<typeof assembleBrief>; library: Library } {
  const library = withProfiles(emptyLibrary());
  const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: [], meta: { marking: 'us-classified' } }, library);
  const body = [
    '(S//REL TO USA, GBR) Own mark.',
    '(C) Confidential, which the typographer turned into a copyright sign.',
    'Section mark.',
    '- (C//REL TO USA, GBR, AUS) item\n- plain item',
    '(S//REL TO USA, GBR)',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '> (S) quoted',
  ].join('\n\n');
  brief.sections.push({ kind: 'detached', id: 'd', title: 'Mixed', body, marking: 'U', style: 'normal' });
  brief.meta.markingFields = { classifiedBy: 'J. Roe, Director', derivedFrom: 'Multiple Sources', declassifyOn: '25X1, 20761231' };
  return { brief, library };
}

const EXPECTED_PARAGRAPHS = [
  ['(S//REL TO USA, GBR)', 'Own mark.'],
  ['(C)', 'Confidential, which the typographer turned into a copyright sign.'],
  ['(U)', 'Section mark.'],
  ['(C//REL TO USA, AUS, GBR)', 'item'],
  ['(U)', 'plain item'],
  ['(S)', 'quoted'],
];

describe('markdown parse memo', () => {
  beforeEach(() => clearMarkdownMemo());

  it('gives the same parse, refused links included, for the same text and kind; block and inline are kept apart', () => {
    const src = 'A [bad](javascript:alert(1)) link and *emphasis*.';
    const first = parseMarkdown(src);
    expect(first.refusedLinks).toEqual(['javascript:alert(1)']);
    expect(parseMarkdown(src)).toBe(first);
    const inline = parseMarkdown(src, true);
    expect(inline).not.toBe(first);
    expect(inline.tokens[0]!.type).toBe('text');
    expect(inline.refusedLinks).toEqual(['javascript:alert(1)']);
    expect(parseMarkdown(src, true)).toBe(inline);
  });

  it('stays within its bound, dropping the least recently used parse first; an over-long text is not kept', () => {
    const chunk = 'x'.repeat(50_000);
    const dropped = parseMarkdown(`dropped ${chunk}`);
    const keep = parseMarkdown(`keep ${chunk}`);
    for (let i = 0; i * 50_000 < MARKDOWN_MEMO_CHARS * 2; i++) {
      parseMarkdown(`${i} ${chunk}`);
      expect(parseMarkdown(`keep ${chunk}`)).toBe(keep); // used again each time: never the oldest
    }
    const size = markdownMemoSize().block;
    expect(size.chars).toBeLessThanOrEqual(MARKDOWN_MEMO_CHARS);
    expect(size.chars).toBeGreaterThan(MARKDOWN_MEMO_CHARS - 60_000);
    const again = parseMarkdown(`dropped ${chunk}`);
    expect(again).not.toBe(dropped);
    expect(again).toEqual(dropped);
    const long = 'y'.repeat(MARKDOWN_MEMO_MAX_SOURCE + 1);
    const a = parseMarkdown(long);
    const b = parseMarkdown(long);
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });

  it('a brief whose portion marks are taken off composes the same twice, with the memo warm and with frozen tokens', () => {
    const { brief, library } = markedBrief();
    const first = compose(brief, library, { today: TODAY });
    expect(paragraphs(first.sections[0]!.blocks)).toEqual(EXPECTED_PARAGRAPHS);
    const table = first.sections[0]!.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.portion).toBe('(S//REL TO USA, GBR)');
    const second = compose(brief, library, { today: TODAY });
    expect(second).toEqual(first);

    // Frozen, any write to a memoized token throws (ES modules are strict code).
    clearMarkdownMemo();
    for (const s of brief.sections) {
      freezeTokens(parseMarkdown(s.body).tokens);
      freezeTokens(parseMarkdown(s.title, true).tokens);
    }
    expect(compose(brief, library, { today: TODAY })).toEqual(first);
    const released = compose(brief, library, { today: TODAY, release: { level: 'C' } });
    expect(paragraphs(released.sections[0]!.blocks)).toEqual([EXPECTED_PARAGRAPHS[1], EXPECTED_PARAGRAPHS[2], EXPECTED_PARAGRAPHS[3], EXPECTED_PARAGRAPHS[4]]);
    expect(released.marking.derived?.withheld).toBe(3);
  });
});
